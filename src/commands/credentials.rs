//! `credentials`: the URLs and logins of an installed project, read again from `system-seed`.

use crate::cli::Format;
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::inputs::ProjectAnswers;
use crate::install::credentials;
use crate::install::installed;
use crate::record;

pub(crate) fn run(answers: ProjectAnswers) -> Outcome<()> {
    let session = Session::open(&answers.connection, &answers.mode)?;
    session.works_on(&answers.project.value);
    let result = credentials(&session, answers);
    session.finish(result)
}

fn credentials(session: &Session, answers: ProjectAnswers) -> Outcome<()> {
    let observer = Observer::new(&session.oc);
    let install = installed::open(session, &observer, &answers)?;
    session.attach_transcript(&install.cluster.server, &install.project)?;
    let seed = install
        .objects
        .iter()
        .find(|o| o["kind"] == "Secret" && o["metadata"]["name"] == credentials::SEED_SECRET)
        .ok_or_else(|| {
            Failure::new(
                FailureKind::Cluster,
                anyhow::anyhow!(
                    "project {} has no secret {}: the install is incomplete",
                    install.project,
                    credentials::SEED_SECRET
                ),
            )
            .with_help("run the install again to create what is missing")
        })?;
    let creds = credentials::from_object(seed, &session.redactor).map_err(|e| {
        Failure::new(
            FailureKind::Cluster,
            anyhow::anyhow!("secret {}: {e}", credentials::SEED_SECRET),
        )
    })?;
    let domain = install.domain.clone().unwrap_or_default();
    let file = match &answers.credentials_file {
        Some(p) => Some(p.clone()),
        None => record::default_credentials_path(&install.cluster.server, &install.project).ok(),
    }
    .filter(|p| p.is_file());
    let complete = install.identity.missing(&install.objects).is_empty();
    let state = match (complete, install.record.as_ref().map(|r| r.stage.as_str())) {
        (_, Some(stage)) if stage != record::INSTALLED && !stage.is_empty() => stage,
        (true, _) => "installed",
        (false, _) => "incomplete",
    };
    match answers.mode.format {
        Format::Text => {
            let show = answers.mode.show_secrets;
            let state = if state == "installed" {
                state.to_string()
            } else {
                format!("not completely installed ({state})")
            };
            session.ui.result(&credentials::summary(
                &install.project,
                &domain,
                &creds,
                file.as_deref(),
                show,
                &state,
            ));
        }
        Format::Json => {
            let mut doc = credentials::json(
                &install.cluster.server,
                &install.project,
                &domain,
                &creds,
                answers.mode.show_secrets,
            );
            doc["state"] = serde_json::json!(state);
            doc["credentials_file"] = serde_json::json!(file);
            let doc = crate::document::success(&crate::document::CREDENTIALS, doc);
            session
                .ui
                .result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    Ok(())
}
