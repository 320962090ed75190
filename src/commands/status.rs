//! `status`: an installed project's profile, templates commit, the state of each component (the
//! same readiness model as the wait), its routes, and the root cause of what is failing now.

use crate::cli::Format;
use crate::engine::observe::{read_failure, Observer};
use crate::engine::session::Session;
use crate::failure::Outcome;
use crate::inputs::ProjectAnswers;
use crate::install::installed;
use crate::install::status::Status;
use crate::install::watch;

pub(crate) fn run(answers: ProjectAnswers) -> Outcome<()> {
    let session = Session::open(&answers.connection, &answers.mode)?;
    session.works_on(&answers.project.value);
    let result = status(&session, answers);
    session.finish(result)
}

fn status(session: &Session, answers: ProjectAnswers) -> Outcome<()> {
    let observer = Observer::new(&session.oc);
    let install = installed::open(session, &observer, &answers)?;
    session.attach_transcript(&install.cluster.server, &install.project)?;
    let snapshot = watch::look(&session.oc, &install.project, &install.identity)
        .map_err(|e| read_failure("look at the project", e))?;
    let status = Status::of(&install, &snapshot);
    let text = match answers.mode.format {
        Format::Json => serde_json::to_string_pretty(&status.json()).unwrap_or_default(),
        Format::Text => status.text(),
    };
    session.ui.result(&text);
    Ok(())
}
