//! `uninstall`: delete what the install created — every object labelled `app=<APP_LABEL>`, the
//! pull secret and image streams the installer created, the routes zync created — or the whole
//! project; then the local install record and credentials file.

use super::installed::{on_install, Installed};
use crate::answers::ProjectAnswers;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::prompt::Prompter;
use crate::record;
use crate::steps::preflight::Cluster;
use crate::steps::pull_secret::MANAGED_BY;
use crate::steps::Ctx;
use crate::ui::Ui;
use serde::Deserialize;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub yes: bool,
    pub delete_project: bool,
    pub keep_credentials: bool,
}

/// Every kind the 2.8 templates create (all profiles).
const TEMPLATE_TYPES: &str = "deploymentconfigs.apps.openshift.io,services,secrets,imagestreams.image.openshift.io,configmaps,persistentvolumeclaims,serviceaccounts,routes.route.openshift.io,roles.rbac.authorization.k8s.io,rolebindings.rbac.authorization.k8s.io,poddisruptionbudgets.policy";
const INSTALLER_TYPES: &str = "secrets,imagestreams.image.openshift.io";
const ZYNC_ROUTES: (&str, &str) = ("routes.route.openshift.io", "zync.3scale.net/route-to");

#[derive(Deserialize)]
struct Object {
    kind: String,
    metadata: Name,
}

#[derive(Deserialize)]
struct Name {
    name: String,
}

pub fn run(answers: &ProjectAnswers, ui: &Ui, options: Options) -> Outcome<()> {
    on_install(answers, ui, |ctx, cluster, install| {
        delete(ctx, cluster, install, answers, ui, options)
    })
}

fn delete(
    ctx: &Ctx,
    cluster: &Cluster,
    install: Installed,
    answers: &ProjectAnswers,
    ui: &Ui,
    options: Options,
) -> Outcome<()> {
    let oc = ctx.oc;
    let project = answers.project.as_str();

    let app_selector = format!("app={}", install.app_label);
    let installer_selector = format!("{}={}", MANAGED_BY.0, MANAGED_BY.1);
    let groups: Vec<(&str, &str)> = vec![
        (TEMPLATE_TYPES, app_selector.as_str()),
        (INSTALLER_TYPES, installer_selector.as_str()),
        ZYNC_ROUTES,
    ];
    let mut found: Vec<(usize, Vec<Object>)> = Vec::new();
    for (i, (types, selector)) in groups.iter().enumerate() {
        let objects: Vec<Object> = oc.list(types, Some(project), Some(selector)).map_err(|e| {
            Failure::new(FailureKind::Preflight, e)
                .context("uninstall: could not list what the install created")
        })?;
        found.push((i, objects));
    }
    let total: usize = found.iter().map(|(_, o)| o.len()).sum();
    let listing = if options.delete_project {
        format!(
            "project {project} and everything in it ({total} objects of the install among them)"
        )
    } else {
        let mut names: Vec<String> = found
            .iter()
            .flat_map(|(_, objs)| {
                objs.iter()
                    .map(|o| format!("{}/{}", o.kind, o.metadata.name))
            })
            .collect();
        names.sort();
        names.dedup();
        format!(
            "{} objects in project {project}:\n  {}",
            names.len(),
            names.join("\n  ")
        )
    };
    ui.block(&format!("Will delete {listing}"));

    if !options.yes {
        let prompter = Prompter::new(false, false);
        if !prompter.can_ask() {
            return Err(Failure::input(
                "uninstall deletes objects and asks first, but there is no terminal to ask in",
            )
            .with_help("pass --yes to delete without a question"));
        }
        if !prompter.confirm(&format!("Delete these from {}?", cluster.server), false)? {
            ui.warn("cancelled; nothing was deleted");
            return Ok(());
        }
    }

    let line = ui.step("uninstall");
    let deleted = if options.delete_project {
        oc.delete_project(project).map(|_| ())
    } else {
        found
            .iter()
            .filter(|(_, objects)| !objects.is_empty())
            .try_for_each(|(i, _)| {
                oc.delete_selected(groups[*i].0, groups[*i].1, project)
                    .map(|_| ())
            })
    };
    if let Err(e) = deleted {
        line.failed();
        let help = e.common_help();
        let mut f = Failure::new(FailureKind::Cluster, e).context("uninstall: could not delete");
        if let Some(h) = help {
            f = f.with_help(h);
        }
        return Err(f.with_help("run uninstall again: it deletes what is left"));
    }
    line.detail(&format!("deleted {listing}"));
    record::remove(&cluster.server, project)
        .map_err(|e| Failure::new(FailureKind::Internal, anyhow::anyhow!("uninstall: {e}")))?;
    if !options.keep_credentials {
        let file = match &answers.credentials_file {
            Some(p) => Some(p.clone()),
            None => record::default_credentials_path(&cluster.server, project).ok(),
        };
        if let Some(f) = file.filter(|f| f.is_file()) {
            std::fs::remove_file(&f).map_err(|e| {
                Failure::new(
                    FailureKind::Internal,
                    anyhow::anyhow!("uninstall: cannot remove {}: {e}", f.display()),
                )
            })?;
            line.detail(&format!("removed {}", f.display()));
        }
    }
    line.done();
    ui.result(&format!(
        "3scale API Management was uninstalled from project {project}."
    ));
    Ok(())
}
