//! `export apimanager`: the installed project as the 3scale operator's APIManager, with the
//! secrets the operator adopts and what the resource cannot express; read-only.

use crate::cli::Format;
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::export::{self, document};
use crate::failure::Outcome;
use crate::inputs::migrate::ExportAnswers;
use crate::install::installed;

pub(crate) fn run(answers: ExportAnswers) -> Outcome<()> {
    let session = Session::open(&answers.project.connection, &answers.project.mode)?;
    session.works_on(&answers.project.project.value);
    let result = apimanager(&session, &answers);
    session.finish(result)
}

fn apimanager(session: &Session, answers: &ExportAnswers) -> Outcome<()> {
    let observer = Observer::new(&session.oc);
    let install = installed::open(session, &observer, &answers.project)?;
    session.attach_transcript(&install.cluster.server, &install.project)?;
    install.register_secrets(&session.redactor);
    let export = export::prepare(session, &observer, &install, answers)?;
    let server = &install.cluster.server;
    let text = match answers.project.mode.format {
        Format::Json => {
            let doc = document::json(&export, &install.project, server);
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        }
        Format::Text => document::yaml(&export, &install.project, server),
    };
    session.ui.result(&session.redactor.redact(&text));
    Ok(())
}
