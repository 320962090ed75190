//! What an installed project is made of, for the commands that work on one: the app label, the
//! local install record when this machine made the install, and the wildcard domain.

use super::connect_project;
use crate::answers::ProjectAnswers;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::record::InstallRecord;
use crate::secrets::Redactor;
use crate::steps::app::DEFAULT_APP_LABEL;
use crate::steps::credentials::SEED_SECRET;
use crate::steps::preflight::{self, Cluster};
use crate::steps::{project, Ctx};
use crate::ui::Ui;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What every command on an installed project starts with: oc connected, the login checked, the
/// install found. `body` does the rest.
pub fn on_install<T>(
    answers: &ProjectAnswers,
    ui: &Ui,
    body: impl FnOnce(&Ctx, &Cluster, Installed) -> Outcome<T>,
) -> Outcome<T> {
    let redactor = Redactor::default();
    let oc = connect_project(answers, ui, &redactor)?;
    let ctx = Ctx {
        oc: &oc,
        ui,
        redactor: &redactor,
    };
    let cluster = preflight::observe(&ctx)?;
    let install = require_install(&ctx, &cluster.server, &answers.project)?;
    body(&ctx, &cluster, install)
}

pub struct Installed {
    pub app_label: String,
    pub record: Option<InstallRecord>,
}

#[derive(Deserialize)]
struct Labelled {
    metadata: Meta,
}

#[derive(Deserialize)]
struct Meta {
    #[serde(default)]
    labels: BTreeMap<String, String>,
}

/// The project's install, or an input error when the project holds none.
pub fn require_install(ctx: &Ctx, server: &str, name: &str) -> Outcome<Installed> {
    if project::observe(ctx, name)? == project::Observed::Absent {
        return Err(Failure::input(format!(
            "project {name} does not exist, or you may not see it"
        ))
        .with_help("name the project of the install with --project"));
    }
    let record = InstallRecord::load(server, name);
    let seed: Option<Labelled> = ctx.oc.get("secret", SEED_SECRET, Some(name)).map_err(|e| {
        Failure::new(FailureKind::Preflight, e)
            .context(format!("could not look for secret {SEED_SECRET}"))
    })?;
    let app_label = seed
        .as_ref()
        .and_then(|s| s.metadata.labels.get("app").cloned())
        .or_else(|| record.as_ref().map(|r| r.app_label.clone()))
        .unwrap_or_else(|| DEFAULT_APP_LABEL.to_string());
    if seed.is_none() {
        let dcs: Vec<Labelled> = ctx
            .oc
            .list(
                "deploymentconfigs.apps.openshift.io",
                Some(name),
                Some(&format!("app={app_label}")),
            )
            .map_err(|e| {
                Failure::new(FailureKind::Preflight, e)
                    .context("could not list the deployment configs")
            })?;
        if dcs.is_empty() {
            return Err(Failure::input(format!(
                "project {name} holds no 3scale install: no secret {SEED_SECRET} and no objects labelled app={app_label}"
            ))
            .with_help("name the project of the install with --project"));
        }
    }
    Ok(Installed { app_label, record })
}

#[derive(Deserialize)]
struct Route {
    spec: RouteSpec,
}

#[derive(Deserialize)]
struct RouteSpec {
    #[serde(default)]
    host: String,
}

/// The wildcard domain of the install: from the record, else from the template's `backend` route
/// (`backend-<tenant>.<domain>`).
pub fn installed_domain(
    ctx: &Ctx,
    name: &str,
    record: Option<&InstallRecord>,
    tenant: &str,
) -> Outcome<String> {
    if let Some(r) = record {
        return Ok(r.wildcard_domain.clone());
    }
    let route: Option<Route> = ctx
        .oc
        .get("routes.route.openshift.io", "backend", Some(name))
        .map_err(|e| {
            Failure::new(FailureKind::Preflight, e).context("could not read route backend")
        })?;
    route
        .and_then(|r| r.spec.host.strip_prefix(&format!("backend-{tenant}.")).map(str::to_string))
        .ok_or_else(|| {
            Failure::new(FailureKind::Preflight, anyhow::anyhow!("the wildcard domain of project {name} cannot be told: no install record and no route backend"))
        })
}
