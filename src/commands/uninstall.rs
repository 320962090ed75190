//! `uninstall`: the install opened, the uninstall planned (exactly what the install is made of,
//! or the whole project; then this machine's record and login files), and carried out by the
//! engine's driver: `--dry-run` prints the plan, a terminal confirms it (or `--yes`), the
//! project's lock is taken.

use crate::cli::Format;
use crate::engine::driver::{Confirm, Driver, Go};
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::Outcome;
use crate::inputs::ProjectAnswers;
use crate::install::installed::{self, Installed};
use crate::prompt::Prompter;
use crate::record;
use crate::templates::kinds::ObjectRef;
use crate::tenant::store::Store;
use crate::uninstall::plan::{self, Plan, Request};
use serde_json::json;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    pub(crate) yes: bool,
    pub(crate) dry_run: bool,
    pub(crate) delete_project: bool,
    pub(crate) keep_credentials: bool,
}

pub(crate) fn run(answers: ProjectAnswers, options: Options) -> Outcome<()> {
    let session = Session::open(&answers.connection, &answers.mode)?.dry_run(options.dry_run);
    session.works_on(&answers.project.value);
    let result = uninstall(&session, answers, options);
    session.finish(result)
}

fn uninstall(session: &Session, answers: ProjectAnswers, options: Options) -> Outcome<()> {
    let observer = Observer::new(&session.oc);
    let install = installed::open(session, &observer, &answers)?;
    // What `monitoring enable` made goes with the install.
    let monitoring = crate::monitoring::observe::made_by_enable(&session.oc, &install.project)?;
    let plan = plan::plan(&request(session, &answers, &install, options, &monitoring));
    let driver = Driver {
        session,
        observer: &observer,
        cluster: &install.cluster,
        project: &install.project,
        skips: &[],
        what: "uninstall".into(),
        command: "uninstall",
        dry_run: options.dry_run,
        format: answers.mode.format,
        http: None,
    };
    driver.review(&plan.changes(), true)?;
    let prompter = Prompter::new(answers.mode.never_ask || options.yes);
    let question = format!("Delete these from {}?", install.cluster.server);
    let confirm = match options.yes {
        true => Confirm::Never,
        false => Confirm::Required(
            &prompter,
            "pass --yes to delete without a question",
            &question,
        ),
    };
    match driver.decide(&plan.actions, confirm)? {
        Go::DryRun => {
            driver.print_dry_run(&plan.actions, &plan.decisions);
            return Ok(());
        }
        Go::Cancel | Go::Revise => {
            session.ui.note("cancelled; nothing was deleted");
            return Ok(());
        }
        Go::Proceed => {}
    }
    let held = driver.lock()?;
    driver.apply(
        &held,
        &plan.actions,
        "the uninstall stopped part-way: run it again to delete what is left",
    )?;
    drop(held);
    print(session, &answers, &install, &plan, options);
    Ok(())
}

/// What the uninstall works from: the install's objects present, and this machine's files of it.
fn request<'a>(
    session: &Session,
    answers: &ProjectAnswers,
    install: &'a Installed,
    options: Options,
    monitoring: &[serde_json::Value],
) -> Request<'a> {
    let (server, project) = (install.cluster.server.as_str(), install.project.as_str());
    let file = match &answers.credentials_file {
        Some(p) => Some(p.clone()),
        None => record::default_credentials_path(server, project).ok(),
    };
    let tenant_logins = file
        .as_ref()
        .map(|f| {
            let store = Store::beside(f, server, project);
            store
                .all(&session.redactor)
                .iter()
                .map(|t| (t.org_name.clone(), store.path_of(t)))
                .filter(|(_, p)| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    Request {
        server,
        project,
        profile: &install.profile.name,
        present: install
            .identity
            .all_present(&install.objects)
            .into_iter()
            .chain(install.strays.iter().cloned())
            .chain(monitoring.iter().filter_map(ObjectRef::of_json))
            .collect(),
        delete_project: options.delete_project,
        keep_credentials: options.keep_credentials,
        recorded: install.record.is_some(),
        credentials_file: file.filter(|f| f.is_file()),
        tenant_logins,
    }
}

fn print(
    session: &Session,
    answers: &ProjectAnswers,
    install: &Installed,
    plan: &Plan,
    options: Options,
) {
    let project = &install.project;
    let text = match answers.mode.format {
        Format::Json => serde_json::to_string_pretty(&crate::document::success(
            &crate::document::UNINSTALL,
            json!({
                "dry_run": false,
                "cluster": install.cluster.server,
                "project": project,
                "changes": plan.actions.iter().map(ToString::to_string).collect::<Vec<_>>(),
                "decisions": plan.decisions,
                "deleted_project": options.delete_project,
                "deleted": plan.deleted(),
                "removed_files": plan.removed_files(),
                "credentials_removed": !options.keep_credentials,
            }),
        ))
        .unwrap_or_default(),
        Format::Text if options.delete_project => {
            format!("3scale API Management was uninstalled: project {project} is deleted.")
        }
        Format::Text => format!(
            "3scale API Management was uninstalled from project {project}; the project itself is kept (--delete-project deletes it)."
        ),
    };
    session.ui.result(&text);
}
