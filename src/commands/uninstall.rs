//! `uninstall`: delete exactly what belongs to the install — every object of the profile's
//! template by name, the installer's pull secret and image streams, the routes zync created — or
//! the whole project; then the local record and credentials file.

use crate::failure::{Failure, Outcome};
use crate::inputs::ProjectAnswers;
use crate::install::apply::{self, change_failure};
use crate::install::observe::Observer;
use crate::installed;
use crate::oc::args;
use crate::prompt::Prompter;
use crate::record;
use crate::session::Session;
use crate::tenants::store::Store;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub yes: bool,
    pub delete_project: bool,
    pub keep_credentials: bool,
}

pub fn run(answers: ProjectAnswers, options: Options) -> Outcome<()> {
    let session = Session::open(&answers.connection, &answers.mode)?;
    let result = uninstall(&session, answers, options);
    session.point_at_transcript(result)
}

fn uninstall(session: &Session, answers: ProjectAnswers, options: Options) -> Outcome<()> {
    let ui = &session.ui;
    let observer = Observer::new(&session.oc);
    let install = installed::open(session, &observer, &answers)?;
    let project = install.project.as_str();
    let present = install.identity.all_present(&install.objects);
    let names: Vec<String> = present.iter().map(ToString::to_string).collect();
    let what = if options.delete_project {
        format!(
            "project {project} and everything in it ({} objects of the install among them)",
            present.len()
        )
    } else {
        format!(
            "{} objects of the install (profile {}) in project {project}",
            names.len(),
            install.profile.name
        )
    };
    if options.delete_project {
        ui.block(&format!("Will delete {what}"));
    } else {
        ui.block(&format!("Will delete {what}:\n  {}", names.join("\n  ")));
    }

    if !options.yes {
        let prompter = Prompter::new(answers.mode.never_ask);
        if !prompter.can_ask() {
            return Err(Failure::input(
                "uninstall deletes what is listed above and asks first, but there is no terminal to ask in",
            )
            .with_help("pass --yes to delete without a question"));
        }
        if !prompter.confirm(
            &format!("Delete these from {}?", install.cluster.server),
            false,
        )? {
            ui.note("cancelled; nothing was deleted");
            return Ok(());
        }
    }

    crate::interrupt::set_message(
        "the uninstall stopped part-way: run it again to delete what is left",
    );
    let line = ui.step("uninstall");
    // Deleting is idempotent: a transient failure is simply sent again.
    let deleted = if options.delete_project {
        apply::single_change(&session.oc, &args::delete_project(project), None, || false)
    } else if present.is_empty() {
        Ok(String::new())
    } else {
        let refs: Vec<String> = present.iter().map(|o| o.oc_name()).collect();
        apply::single_change(&session.oc, &args::delete(&refs, project), None, || false)
    };
    if let Err(e) = deleted {
        line.failed();
        return Err(change_failure("delete the install", e, None));
    }
    line.detail(&format!("deleted {what}"));
    record::remove(&install.cluster.server, project)
        .map_err(|e| Failure::internal(format!("uninstall: {e}")))?;
    if !options.keep_credentials {
        let file = match &answers.credentials_file {
            Some(p) => Some(p.clone()),
            None => record::default_credentials_path(&install.cluster.server, project).ok(),
        };
        // The logins of the install's tenants are beside its credentials: their tenants are
        // gone with the install's database.
        if let Some(f) = &file {
            let tenants = Store::beside(f, &install.cluster.server, project);
            for t in tenants.all(&session.redactor) {
                if let Some(p) = tenants
                    .remove(&t)
                    .map_err(|e| Failure::internal(format!("uninstall: {e}")))?
                {
                    line.detail(&format!("removed {}", p.display()));
                }
            }
        }
        if let Some(f) = file.filter(|f| f.is_file()) {
            std::fs::remove_file(&f).map_err(|e| {
                Failure::internal(format!("uninstall: cannot remove {}: {e}", f.display()))
            })?;
            line.detail(&format!("removed {}", f.display()));
        }
    }
    line.done();
    match answers.mode.format {
        crate::cli::Format::Json => ui.result(
            &serde_json::to_string_pretty(&serde_json::json!({
                "schema_version": 1,
                "ok": true,
                "cluster": install.cluster.server,
                "project": project,
                "deleted_project": options.delete_project,
                "deleted": names,
                "credentials_removed": !options.keep_credentials,
            }))
            .unwrap_or_default(),
        ),
        crate::cli::Format::Text => ui.result(&format!(
            "3scale API Management was uninstalled from project {project}."
        )),
    }
    Ok(())
}
