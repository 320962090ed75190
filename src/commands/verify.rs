//! `verify`: whether an installed 3scale answers through its routes, each check with its evidence
//! and a fix; exit 6 when it was installed but does not answer.

use crate::cli::Format;
use crate::engine::checks;
use crate::engine::observe::{read_failure, Observer};
use crate::engine::session::Session;
use crate::failure::Outcome;
use crate::inputs::ProjectAnswers;
use crate::install::{installed, watch};
use crate::verify;

pub(crate) fn run(answers: ProjectAnswers) -> Outcome<()> {
    let session = Session::open(&answers.connection, &answers.mode)?;
    session.works_on(&answers.project.value);
    let result = check(&session, &answers);
    session.finish(result)
}

fn check(session: &Session, answers: &ProjectAnswers) -> Outcome<()> {
    for w in &answers.warnings {
        session.ui.warn(w);
    }
    let observer = Observer::new(&session.oc);
    let install = installed::open(session, &observer, answers)?;
    session.attach_transcript(&install.cluster.server, &install.project)?;
    let creds = install.credentials(&session.redactor)?;
    let snapshot = watch::look(&session.oc, &install.project, &install.identity)
        .map_err(|e| read_failure("look at the project", e))?;
    let domain = install.domain.clone().unwrap_or_default();
    let target = verify::target_of(&snapshot, &creds, &domain);
    let line = session.ui.step("verify");
    let results = verify::check(session, &answers.http, &target)?;
    let failure = verify::failure(&results);
    if failure.is_some() {
        line.failed();
    } else {
        line.done();
    }
    match answers.mode.format {
        Format::Text => session.ui.result(&checks::table(&results)),
        Format::Json => session.ui.result(
            &serde_json::to_string_pretty(&verify::document(
                &install.cluster.server,
                &install.project,
                &target,
                &results,
            ))
            .unwrap_or_default(),
        ),
    }
    match failure {
        Some(f) => Err(f.reported()),
        None => Ok(()),
    }
}
