//! `plan` (and `install --dry-run`): everything an install would do, without changing the
//! cluster, as a bash script that runs the same oc commands in order (`install::script`).

use crate::cli::Format;
use crate::engine::observe::Observer;
use crate::engine::report;
use crate::engine::session::Session;
use crate::failure::Outcome;
use crate::inputs::{Answers, Given, Source, PASSWORD_ENV};
use crate::install::prepare::{self, Prepared};
use crate::install::resume;
use crate::install::script::{self, ScriptStep};
use crate::secrets::Secret;
use serde_json::json;

/// Stands for the registry password the script reads at run time.
const PASSWORD_PLACEHOLDER: &str = "read-from-THREESCALE_REGISTRY_PASSWORD";

pub(crate) fn run(answers: Answers) -> Outcome<()> {
    // A plan is the install's dry run: it writes no file, not even a transcript.
    let session = Session::open(&answers.connection, &answers.mode)?.dry_run(true);
    let result = plan(&session, answers);
    session.finish(result)
}

fn plan(session: &Session, mut answers: Answers) -> Outcome<()> {
    let ui = &session.ui;
    for w in &answers.warnings {
        ui.warn(w);
    }
    answers.register_secrets(&session.redactor);
    let observer = Observer::new(&session.oc);
    let cluster = report::cluster(ui, &observer)?;
    if let Some(note) = resume::resume(&mut answers, &cluster.server)?.and_then(|r| r.note()) {
        ui.note(&note);
    }
    let prepared = prepare_with_placeholder(session, &observer, &mut answers)?;
    report::changes(ui, &prepared.plan.changes(), true);
    report::verdict_of(&prepared.plan.changes(), "the install")?;
    let (text, steps) = script::of(session, &answers, &prepared);
    match answers.mode.format {
        Format::Text => ui.result(&text),
        Format::Json => {
            let doc = document(&answers, &prepared, &steps, &text);
            ui.result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    Ok(())
}

/// The plan; the script reads the registry password when it runs, so the plan needs none.
fn prepare_with_placeholder(
    session: &Session,
    observer: &Observer,
    answers: &mut Answers,
) -> Outcome<Prepared> {
    let prepared = prepare::prepare(session, observer, answers)?;
    let password_missing = prepared
        .plan
        .missing
        .iter()
        .any(|m| m.ways.env == PASSWORD_ENV);
    if !password_missing || answers.registry.password.is_some() {
        return Ok(prepared);
    }
    answers.registry.password = Some(Given::new(
        Secret::new(PASSWORD_PLACEHOLDER),
        Source::Env(PASSWORD_ENV.into()),
    ));
    prepare::prepare(session, observer, answers)
}

fn document(
    answers: &Answers,
    prepared: &Prepared,
    steps: &[ScriptStep],
    script: &str,
) -> serde_json::Value {
    let plan = &prepared.plan;
    let params: serde_json::Map<String, serde_json::Value> = plan
        .given_params()
        .into_iter()
        .map(|(k, v)| (k, json!(v)))
        .collect();
    let doc = json!({
        "cluster": prepared.cluster.server,
        "user": prepared.cluster.user,
        "answers": {
            "project": answers.project.value,
            "display_name": answers.display_name.value,
            "profile": prepared.profile.name,
            "templates": answers.templates.value.to_string(),
            "commit": prepared.checkout.commit,
            "wildcard_domain": plan.domain.as_ref().map(|d| &d.value),
            "rwx_storage_class": plan.rwx_class.as_ref().map(|c| &c.value),
            "registry_server": answers.registry.server.value,
            "registry_username": answers.registry.username.as_ref().map(|u| &u.value),
            "registry_password": null,
            "params": params,
        },
        "decisions": plan.decisions,
        "checks": plan.checks,
        "skipped_checks": plan.checks.iter().filter(|c| c.skipped).map(|c| c.id).collect::<Vec<_>>(),
        "commands": steps.iter().map(|s| json!({"description": s.description, "command": s.command, "stdin": s.stdin_summary})).collect::<Vec<_>>(),
        "script": script,
    });
    crate::document::success(&crate::document::PLAN, doc)
}
