//! `upgrade plan`: the ordered changes from the installed release to a later template release,
//! hop by hop, with what was edited by hand since the install; read-only.

use crate::cli::Format;
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::Outcome;
use crate::inputs::migrate::UpgradeAnswers;
use crate::install::installed;
use crate::upgrade::{self, summary};

pub(crate) fn plan(answers: UpgradeAnswers) -> Outcome<()> {
    let session = Session::open(&answers.project.connection, &answers.project.mode)?;
    session.works_on(&answers.project.project.value);
    let result = run(&session, &answers);
    session.finish(result)
}

fn run(session: &Session, answers: &UpgradeAnswers) -> Outcome<()> {
    let observer = Observer::new(&session.oc);
    let install = installed::open(session, &observer, &answers.project)?;
    session.attach_transcript(&install.cluster.server, &install.project)?;
    install.register_secrets(&session.redactor);
    let plan = upgrade::prepare(session, &install, answers)?;
    let profile = &install.profile.name;
    let text = match answers.project.mode.format {
        Format::Json => {
            let doc = summary::json(&plan, &install.project, &install.cluster.server, profile);
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        }
        Format::Text => summary::text(&plan, &install.project, profile),
    };
    session.ui.result(&session.redactor.redact(&text));
    Ok(())
}
