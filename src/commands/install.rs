//! `install`: the inputs (then the wizard for what is still open), observe and plan (shared with
//! `plan` and `preflight`), the summary in a terminal, one run at a time per project, the
//! executor, the wait, the record and the credentials.

use crate::checks::Verdict;
use crate::cli::Format;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::inputs::{Answers, Field, Source};
use crate::install::cluster::Cluster;
use crate::install::observe::Observer;
use crate::install::plan::Plan;
use crate::install::prepare::{self, Prepared};
use crate::install::readiness::Snapshot;
use crate::install::{apply, credentials, wait, Ctx};
use crate::interrupt;
use crate::lock::Lock;
use crate::prompt::Prompter;
use crate::record::{self, InstallRecord};
use crate::report;
use crate::secrets::MASK;
use crate::session::Session;
use crate::verify;
use crate::wizard::{Decision, Wizard};
use serde_json::json;

pub fn run(answers: Answers) -> Outcome<()> {
    let session = Session::open(&answers.connection, &answers.mode)?;
    let result = install(&session, answers);
    session.point_at_transcript(result)
}

fn install(session: &Session, mut answers: Answers) -> Outcome<()> {
    let ui = &session.ui;
    for w in &answers.warnings {
        ui.warn(w);
    }
    answers.register_secrets(&session.redactor);
    let prompter = Prompter::new(answers.mode.never_ask);
    let wizard = prompter
        .can_ask()
        .then(|| Wizard::new(&prompter, ui, &session.redactor));
    let observer = Observer::new(&session.oc);
    let cluster = report::cluster(ui, &observer)?;
    if let Some(w) = &wizard {
        if !w.confirm_cluster(&cluster)? {
            ui.note("stopped; nothing was changed. Log in to the cluster you want with `oc login` (or pass --context), then run again.");
            return Ok(());
        }
    }
    resume(&mut answers, &cluster, ui)?;
    // Without anyone to ask, the project is known now: one run at a time, before any plan.
    let mut lock = match &wizard {
        None => Some(lock(&cluster, &answers)?),
        Some(_) => None,
    };
    let prepared = loop {
        if let Some(w) = &wizard {
            w.ask_open(&mut answers, session, &observer)?;
        }
        let prepared = prepare::prepare(session, &observer, &answers)?;
        report::plan(ui, &prepared.plan);
        if let Err(f) = report::verdict(&prepared.plan) {
            match &wizard {
                Some(_) if reopen_missing(&mut answers, &prepared.plan) => {
                    ui.warn(&f.message());
                    continue;
                }
                _ => return Err(f),
            }
        }
        let Some(w) = &wizard else { break prepared };
        if prepared.plan.actions.is_empty() {
            break prepared;
        }
        match w.summary(&cluster, &summary_rows(&answers, &prepared), &prepared.plan)? {
            Decision::Proceed => break prepared,
            Decision::Cancel => {
                ui.note("cancelled; nothing was changed");
                return Ok(());
            }
            Decision::Change(field) => answers.reopen(field),
        }
    };
    if lock.is_none() {
        lock = Some(self::lock(&cluster, &answers)?);
    }
    session.attach_transcript(&cluster.server, &answers.project.value)?;
    let project = answers.project.value.clone();
    let ctx = Ctx {
        oc: &session.oc,
        ui,
        redactor: &session.redactor,
        transcript: &session.transcript,
        user: &cluster.user,
        http: None,
    };
    let plan = &prepared.plan;
    if !plan.actions.is_empty() {
        save_record(&answers, &cluster, &prepared, "changing the cluster", ui);
        interrupt::set_message("the install stopped part-way: run the same command again to resume (nothing is created twice)");
        apply::apply(&ctx, &project, &plan.actions)?;
    }
    let components = match answers.wait {
        Some(timeout) => {
            save_record(&answers, &cluster, &prepared, "waiting", ui);
            interrupt::set_message("the install is in place and was being waited for: run the same command again to keep waiting");
            Some(wait::wait(
                &ctx,
                &project,
                &plan.identity,
                timeout,
                answers.poll_interval,
            )?)
        }
        None => None,
    };
    let stage = match &components {
        Some(_) => record::INSTALLED,
        None => "created; not waited for",
    };
    save_record(&answers, &cluster, &prepared, stage, ui);
    interrupt::set_message(
        "the install is complete: run the same command again to print its summary",
    );
    let result = finish(
        &ctx,
        session,
        &answers,
        &cluster,
        &prepared,
        components.as_ref(),
    );
    drop(lock);
    result
}

/// A re-run continues an earlier one without flags: its recorded non-secret answers fill what no
/// input gives now. Without --project, the one unfinished install on this cluster is resumed;
/// with several, the person must say which.
fn resume(answers: &mut Answers, cluster: &Cluster, ui: &crate::ui::Ui) -> Outcome<()> {
    if answers.project.source == Source::Default {
        let unfinished = record::unfinished(&cluster.server);
        match unfinished.as_slice() {
            [] => {}
            [only] => {
                answers.project = crate::inputs::Given::new(only.project.clone(), Source::Record);
                answers.close(Field::Project);
            }
            several => {
                let names: Vec<&str> = several.iter().map(|r| r.project.as_str()).collect();
                return Err(Failure::input(format!(
                    "{} installs on {} did not finish: {}; which one should this run continue?",
                    several.len(),
                    cluster.server,
                    names.join(", ")
                ))
                .with_help("name it with --project (a new install too: --project NAME)"));
            }
        }
    }
    let Some(r) = InstallRecord::load(&cluster.server, &answers.project.value) else {
        return Ok(());
    };
    let taken = answers.fill_from_record(&r);
    if r.stage != record::INSTALLED {
        ui.note(&format!(
            "resuming the install of project {} that stopped while {}{}",
            r.project,
            r.stage,
            if taken.is_empty() {
                String::new()
            } else {
                format!(" (with its recorded {})", taken.join(", "))
            }
        ));
    }
    Ok(())
}

fn lock(cluster: &Cluster, answers: &Answers) -> Outcome<Lock> {
    let dir = crate::paths::project_state_dir(&cluster.server, &answers.project.value)
        .map_err(Failure::input)?;
    Lock::acquire(
        &dir,
        &format!("project {} on {}", answers.project.value, cluster.server),
    )
    .map_err(Failure::preflight)
}

/// Opens the wizard's questions for what the plan found missing; false when none can be asked.
fn reopen_missing(answers: &mut Answers, plan: &Plan) -> bool {
    if !plan.problems.is_empty() || !plan.failed_checks().is_empty() {
        return false;
    }
    let fields: Vec<Field> = plan.missing.iter().filter_map(|m| m.field).collect();
    for f in &fields {
        answers.reopen(*f);
    }
    !fields.is_empty()
}

/// Every answer of the summary, secrets masked with their length hidden.
fn summary_rows(answers: &Answers, prepared: &Prepared) -> Vec<(Field, String)> {
    let commit = prepared
        .checkout
        .commit
        .as_deref()
        .map(|c| format!(" (commit {})", &c[..c.len().min(12)]))
        .unwrap_or_default();
    let plan = &prepared.plan;
    let params: Vec<String> = report::given_params(plan)
        .into_iter()
        .map(|(k, v)| format!("{k}={}", v.unwrap_or_else(|| MASK.into())))
        .collect();
    let mut rows = vec![
        (
            Field::Templates,
            format!("{}{commit}", answers.templates.value),
        ),
        (Field::Profile, prepared.profile.name.clone()),
        (Field::Project, answers.project.value.clone()),
    ];
    if !prepared.project.exists() {
        rows.push((Field::DisplayName, answers.display_name.value.clone()));
    }
    if let Some(c) = &plan.rwx_class {
        rows.push((Field::StorageClass, c.value.clone()));
    }
    if let Some(d) = &plan.domain {
        rows.push((Field::WildcardDomain, d.value.clone()));
    }
    rows.push((Field::RegistryServer, answers.registry.server.value.clone()));
    if let Some(u) = &answers.registry.username {
        rows.push((Field::RegistryUsername, u.value.clone()));
    }
    rows.push((
        Field::RegistryPassword,
        if answers.registry.password.is_some() {
            MASK.to_string()
        } else {
            "kept (the pull secret holds it)".into()
        },
    ));
    rows.push((
        Field::Params,
        if params.is_empty() {
            "template defaults".into()
        } else {
            params.join(", ")
        },
    ));
    rows
}

fn save_record(
    answers: &Answers,
    cluster: &Cluster,
    prepared: &Prepared,
    stage: &str,
    ui: &crate::ui::Ui,
) {
    let plan = &prepared.plan;
    let record = InstallRecord {
        schema_version: record::SCHEMA_VERSION,
        cluster: cluster.server.clone(),
        project: answers.project.value.clone(),
        profile: prepared.profile.name.clone(),
        template_file: prepared.profile.path.display().to_string(),
        templates: answers.templates.value.to_string(),
        commit: prepared.checkout.commit.clone(),
        wildcard_domain: plan
            .domain
            .as_ref()
            .map(|d| d.value.clone())
            .unwrap_or_default(),
        rwx_storage_class: plan
            .rwx_class
            .as_ref()
            .map(|c| c.value.clone())
            .or_else(|| answers.rwx_storage_class.as_ref().map(|c| c.value.clone())),
        registry_server: answers.registry.server.value.clone(),
        registry_username: answers
            .registry
            .username
            .as_ref()
            .map(|u| u.value.clone())
            .unwrap_or_default(),
        display_name: Some(answers.display_name.value.clone()),
        params: report::given_params(plan),
        skipped_checks: plan
            .checks
            .iter()
            .filter(|c| c.skipped)
            .map(|c| c.id.to_string())
            .collect(),
        stage: stage.to_string(),
    };
    // The record helps later commands; failing to write it must not fail an install that worked.
    if let Err(e) = record.save() {
        ui.warn(&format!("could not write the install record: {e}"));
    }
}

/// Credentials: read system-seed, write the file, print the result.
fn finish(
    ctx: &Ctx,
    session: &Session,
    answers: &Answers,
    cluster: &Cluster,
    prepared: &Prepared,
    waited: Option<&Snapshot>,
) -> Outcome<()> {
    let project = &answers.project.value;
    let line = ctx.ui.step("credentials");
    // Nothing changed: the secret observed before is the one there is.
    let observed = prepared
        .project
        .objects()
        .iter()
        .find(|o| o["kind"] == "Secret" && o["metadata"]["name"] == credentials::SEED_SECRET)
        .filter(|_| prepared.plan.actions.is_empty());
    let read = match observed {
        Some(seed) => credentials::from_object(seed, ctx.redactor).map_err(|e| {
            Failure::new(
                FailureKind::Cluster,
                anyhow::anyhow!("secret {}: {e}", credentials::SEED_SECRET),
            )
        }),
        None => credentials::read(ctx.oc, project, ctx.redactor),
    };
    let creds = match read {
        Ok(c) => c,
        Err(f) => {
            line.failed();
            return Err(f);
        }
    };
    let path = match &answers.credentials_file {
        Some(p) => p.clone(),
        None => {
            record::default_credentials_path(&cluster.server, project).map_err(Failure::input)?
        }
    };
    let domain = prepared
        .plan
        .domain
        .as_ref()
        .map(|d| d.value.clone())
        .unwrap_or_default();
    if let Err(e) = credentials::write_file(&path, &cluster.server, project, &domain, &creds) {
        line.failed();
        return Err(Failure::new(
            FailureKind::Internal,
            anyhow::anyhow!("could not write the credentials file: {e}"),
        ));
    }
    line.detail(&format!("written to {} (mode 0600)", path.display()));
    line.done();
    // The same checks as `verify`, on the wait's last look.
    let checks = match (waited, answers.verify) {
        (Some(snapshot), true) => {
            let line = ctx.ui.step("verify");
            let target = verify::target_of(snapshot, &creds, &domain);
            let results = verify::check(session, &answers.http, &target)?;
            for r in &results {
                let mark = match r.result {
                    Verdict::Ok => "ok",
                    Verdict::Warn => "warn",
                    Verdict::Fail => "failed",
                };
                line.detail(&format!(
                    "{:<24} {mark}: {}",
                    r.id,
                    r.detail.replace('\n', "; ")
                ));
            }
            match verify::failure(&results) {
                Some(_) => line.failed(),
                None => line.done(),
            }
            Some(results)
        }
        _ => None,
    };
    let not_answering = checks.as_deref().and_then(verify::failure);
    let waited = waited.is_some();
    let state = if waited { "installed" } else { "created" };
    match answers.mode.format {
        Format::Text => {
            let show = answers.mode.show_secrets;
            let mut text = credentials::summary(project, &domain, &creds, Some(&path), show, state);
            if !waited {
                text.push_str("\n  Not waited for (--no-wait): `threescale-install status` shows when every component is ready.\n");
            }
            if not_answering.is_some() {
                text.push_str("\n  It does not answer through its routes yet: see the checks above and the error below.\n");
            }
            ctx.ui.result(&text);
        }
        Format::Json => {
            let mut doc = credentials::json(
                &cluster.server,
                project,
                &domain,
                &creds,
                answers.mode.show_secrets,
            );
            doc["ok"] = json!(not_answering.is_none());
            doc["state"] = json!(state);
            doc["verify"] = json!(checks);
            doc["credentials_file"] = json!(path);
            doc["profile"] = json!(prepared.profile.name);
            doc["commit"] = json!(prepared.checkout.commit);
            doc["changes"] = json!(prepared
                .plan
                .actions
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>());
            doc["decisions"] = json!(prepared.plan.decisions);
            doc["skipped_checks"] = json!(prepared
                .plan
                .checks
                .iter()
                .filter(|c| c.skipped)
                .map(|c| c.id)
                .collect::<Vec<_>>());
            if let Some(f) = &not_answering {
                doc["error"] = json!({"kind": f.kind.id(), "exit_code": f.kind.exit_code(), "meaning": f.kind.meaning(), "message": f.message(), "help": f.help});
            }
            ctx.ui
                .result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    match not_answering {
        Some(f) => Err(f.reported()),
        None => Ok(()),
    }
}
