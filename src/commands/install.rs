//! `install`: the inputs (then the wizard for what is still open), observe and plan (shared with
//! `plan` and `preflight`), the summary in a terminal, one run at a time per project, the
//! executor, the wait, the record and the credentials.

use crate::cli::Format;
use crate::engine::change::Ctx;
use crate::engine::checks::Verdict;
use crate::engine::cluster::Cluster;
use crate::engine::driver::{Confirm, Driver, Go, Held};
use crate::engine::observe::Observer;
use crate::engine::readiness::Snapshot;
use crate::engine::report;
use crate::engine::session::Session;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::inputs::{Answers, Field};
use crate::install::action::InstallAction;
use crate::install::credentials;
use crate::install::plan::Plan;
use crate::install::prepare::{self, Prepared};
use crate::install::resume;
use crate::install::watch::Install;
use crate::interrupt;
use crate::prompt::Prompter;
use crate::pull_secret;
use crate::record::{self, InstallRecord};
use crate::secrets::MASK;
use crate::ui::Ui;
use crate::verify;
use crate::wizard::{self, Decision, Wizard};
use serde_json::json;
use std::cell::Cell;

pub(crate) fn run(answers: Answers) -> Outcome<()> {
    let session = Session::open(&answers.connection, &answers.mode)?;
    session.works_on(&answers.project.value);
    let result = install(&session, answers);
    session.finish(result)
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
    let mut observer = Observer::new(&session.oc);
    let cluster = report::cluster(ui, &observer)?;
    if let Some(w) = &wizard {
        if !w.confirm_cluster(&cluster)? {
            ui.note("stopped; nothing was changed. Log in to the cluster you want with `oc login` (or pass --context), then run again.");
            return Ok(());
        }
    }
    if let Some(note) = resume::resume(&mut answers, &cluster.server)?.and_then(|r| r.note()) {
        ui.note(&note);
    }
    session.works_on(&answers.project.value);
    let (prepared, held) = loop {
        let Some(prepared) = decide(session, &observer, &cluster, &mut answers, wizard.as_ref())?
        else {
            return Ok(());
        };
        let f = match change(session, &observer, &cluster, &answers, &prepared) {
            Ok(held) => break (prepared, held),
            Err(f) => f,
        };
        // Where a person can answer, a login the registry refused is asked again, and the next
        // plan writes it and checks it again.
        match &wizard {
            Some(w) if refused_login(&f, &prepared.plan) => {
                ui.warn(&format!("{}; type the login again", f.message()));
                w.ask_login_again(&mut answers, &prepared)?;
                // The project and its pull secret exist now: the next plan looks again.
                observer = Observer::new(&session.oc);
            }
            _ => return Err(f),
        }
    };
    session.facts.set("state", "created");
    let driver = driver(session, &observer, &cluster, &answers);
    let plan = &prepared.plan;
    let components = match answers.wait {
        Some(timeout) => {
            save_record(&answers, &cluster, &prepared, "waiting", ui);
            interrupt::set_message("the install is in place and was being waited for: run the same command again to keep waiting");
            let watched = Install::new(&plan.identity).after(&plan.actions);
            Some(driver.wait(&held, &watched, timeout, answers.poll_interval)?)
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
        &driver.ctx(),
        session,
        &answers,
        &prepared,
        components.as_ref(),
    );
    drop(held);
    result
}

/// The plan's changes, under the project's lock (held on for the wait).
fn change(
    session: &Session,
    observer: &Observer,
    cluster: &Cluster,
    answers: &Answers,
    prepared: &Prepared,
) -> Outcome<Held> {
    let driver = driver(session, observer, cluster, answers);
    let held = driver.lock()?;
    let plan = &prepared.plan;
    if !plan.actions.is_empty() {
        save_record(
            answers,
            cluster,
            prepared,
            crate::record::CHANGING,
            &session.ui,
        );
    }
    driver.apply(
        &held,
        &plan.actions,
        "the install stopped part-way: run the same command again to resume (nothing is created twice)",
    )?;
    Ok(held)
}

/// Whether the changes stopped at the registry's refusal of the login: the one change of an
/// install that fails with an input failure (the login is the person's to fix).
fn refused_login(f: &Failure, plan: &Plan) -> bool {
    f.kind == FailureKind::Input
        && plan
            .actions
            .iter()
            .any(|a| matches!(a, InstallAction::CheckRegistryLogin { .. }))
}

/// The install's driver: its project, its checks to skip.
fn driver<'a>(
    session: &'a Session,
    observer: &'a Observer<'a>,
    cluster: &'a Cluster,
    answers: &'a Answers,
) -> Driver<'a> {
    Driver {
        session,
        observer,
        cluster,
        project: &answers.project.value,
        skips: &answers.checks.skip,
        what: "the install".into(),
        command: "install",
        dry_run: false,
        format: answers.mode.format,
        http: None,
    }
}

/// Plans, asks (in a terminal) what the plan lacks and plans again, then shows the plan, its
/// verdict and the summary, until the person proceeds (`Some`) or cancels (`None`).
fn decide(
    session: &Session,
    observer: &Observer,
    cluster: &Cluster,
    answers: &mut Answers,
    wizard: Option<&Wizard>,
) -> Outcome<Option<Prepared>> {
    let mut asking = Asking::default();
    loop {
        if let Some(w) = wizard {
            w.ask_identity(answers, session, &mut asking.changing)?;
            session.works_on(&answers.project.value);
        }
        let prepared = prepare::prepare(session, observer, answers)?;
        // Known from here, for the document of a run that stops at the verdict too.
        session.facts.set("profile", &prepared.profile.name);
        session.facts.set("commit", &prepared.checkout.commit);
        if let Some(w) = wizard {
            if let Some(fix) = &prepared.fix {
                if w.offer_release_fix(answers, fix)? {
                    continue;
                }
            }
            asking.keep(answers, cluster, &prepared, &session.ui);
            if asking.next(w, answers, observer, &prepared)? {
                continue;
            }
        }
        let chosen = Cell::new(None);
        let go = {
            let driver = driver(session, observer, cluster, answers);
            let rows = summary_rows(answers, &prepared);
            let reviewed = driver.review(&prepared.plan.changes(), prepared.project.exists());
            if let (Err(f), Some(w)) = (&reviewed, wizard) {
                // A person can fix what the plan refuses (a host another project holds, a
                // value 3scale refuses) without starting over.
                if f.kind == FailureKind::Input && !prepared.plan.problems.is_empty() {
                    session.ui.warn(f.message().trim_end());
                    match w.after_problems(&rows)? {
                        Some(field) => {
                            asking.change(field);
                            continue;
                        }
                        None => {
                            asking.forget(cluster);
                            session.ui.note("cancelled; nothing was changed");
                            return Ok(None);
                        }
                    }
                }
            }
            reviewed?;
            let ask = |_: &[InstallAction]| -> Outcome<Go> {
                let w = wizard.expect("asked only with a wizard");
                Ok(match w.summary(cluster, &rows, &prepared.plan)? {
                    Decision::Proceed => Go::Proceed,
                    Decision::Cancel => Go::Cancel,
                    Decision::Change(field) => {
                        chosen.set(Some(field));
                        Go::Revise
                    }
                })
            };
            let confirm = match wizard {
                Some(_) => Confirm::Custom(&ask),
                None => Confirm::Never,
            };
            driver.decide(&prepared.plan.actions, confirm)?
        };
        match go {
            Go::Proceed | Go::DryRun => return Ok(Some(prepared)),
            Go::Cancel => {
                asking.forget(cluster);
                session.ui.note("cancelled; nothing was changed");
                return Ok(None);
            }
            Go::Revise => asking.change(chosen.get().expect("a value to change")),
        }
    }
}

/// The wizard's questions after each plan, and the answers kept while nothing has changed.
#[derive(Default)]
struct Asking {
    /// Values the person chose to change at the summary, asked before anything else.
    changing: Vec<Field>,
    /// Values asked since the last summary: one the plan still lacks after its answer is not
    /// asked again (the plan's error says why).
    asked: Vec<Field>,
    /// The project whose record holds the answers of this run, before any change.
    kept: Option<String>,
}

impl Asking {
    /// Asks the next value the plan needs: one chosen for a change, then one the plan lacks,
    /// then whether to customize the template's parameters (once, when objects are created).
    /// True when something was asked: the plan is made again.
    fn next(
        &mut self,
        w: &Wizard,
        answers: &mut Answers,
        observer: &Observer,
        prepared: &Prepared,
    ) -> Outcome<bool> {
        if !self.changing.is_empty() {
            match self.changing.remove(0) {
                // The parameters chosen at the summary: the list of every one.
                Field::Params => w.choose_params(answers, &prepared.profile)?,
                field => w.ask(field, answers, observer, prepared)?,
            }
            return Ok(true);
        }
        let lacking = wizard::lacking(prepared, answers);
        if let Some(field) = lacking.into_iter().find(|f| !self.asked.contains(f)) {
            w.ask(field, answers, observer, prepared)?;
            self.asked.push(field);
            return Ok(true);
        }
        if answers.is_open(Field::Params) && wizard::creates_objects(&prepared.plan) {
            return w.customize_params(answers, &prepared.profile);
        }
        Ok(false)
    }

    /// The value chosen at the summary (and what comes with it) is asked next.
    fn change(&mut self, field: Field) {
        self.changing = wizard::to_change(field);
        self.asked.clear();
    }

    /// Keeps the answers so far in the project's record (never a secret), so that an
    /// interruption before any change does not lose them; never over the record of a run that
    /// changed the cluster.
    fn keep(&mut self, answers: &Answers, cluster: &Cluster, prepared: &Prepared, ui: &Ui) {
        let project = &answers.project.value;
        if let Some(before) = self.kept.take().filter(|p| p != project) {
            forget_answers(cluster, &before);
        }
        let ours = InstallRecord::load(&cluster.server, project)
            .is_none_or(|r| r.stage == record::ANSWERED);
        if !ours {
            return;
        }
        save_record(answers, cluster, prepared, record::ANSWERED, ui);
        self.kept = Some(project.clone());
        if let Ok(path) = record::path(&cluster.server, project) {
            interrupt::set_message(&format!(
                "nothing was changed; your answers so far (not the secrets) are kept in {}: run the same command again to continue from them",
                path.display()
            ));
        }
    }

    /// Cancelled: the kept answers go.
    fn forget(&mut self, cluster: &Cluster) {
        if let Some(project) = self.kept.take() {
            forget_answers(cluster, &project);
        }
    }
}

/// Removes the record of `project` when it only holds answers (no change was made).
fn forget_answers(cluster: &Cluster, project: &str) {
    if InstallRecord::load(&cluster.server, project).is_some_and(|r| r.stage == record::ANSWERED) {
        let _ = record::remove(&cluster.server, project);
    }
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
    let params: Vec<String> = plan
        .shown_params(MASK)
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
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
    let server = &answers.registry.server.value;
    let held = match pull_secret::observe(prepared.project.objects(), server) {
        pull_secret::Observed::Present(Some(e)) => e.username,
        _ => None,
    };
    if let Some(u) = answers
        .registry
        .username
        .as_ref()
        .map(|u| &u.value)
        .or(held.as_ref())
    {
        rows.push((Field::RegistryUsername, u.clone()));
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

fn save_record(answers: &Answers, cluster: &Cluster, prepared: &Prepared, stage: &str, ui: &Ui) {
    let plan = &prepared.plan;
    // What no input said, the cluster shows: the pull secret's user, the claim's class.
    let held = crate::install::recover::held_settings(
        prepared.project.objects(),
        &answers.registry.server.value,
    );
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
            .or_else(|| answers.rwx_storage_class.as_ref().map(|c| c.value.clone()))
            .or_else(|| held.rwx_storage_class.clone()),
        registry_server: answers.registry.server.value.clone(),
        registry_username: answers
            .registry
            .username
            .as_ref()
            .map(|u| u.value.clone())
            .or_else(|| held.registry_username.clone())
            .unwrap_or_default(),
        display_name: Some(answers.display_name.value.clone()),
        params: plan.given_params(),
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

/// Credentials: read system-seed, write the file; the checks of `verify`; the result.
fn finish(
    ctx: &Ctx,
    session: &Session,
    answers: &Answers,
    prepared: &Prepared,
    waited: Option<&Snapshot>,
) -> Outcome<()> {
    let domain = prepared
        .plan
        .domain
        .as_ref()
        .map(|d| d.value.clone())
        .unwrap_or_default();
    let (creds, path) = credentials_step(ctx, answers, prepared, &domain)?;
    // The same checks as `verify`, on the wait's last look.
    let checks = match (waited, answers.verify) {
        (Some(snapshot), true) => {
            let target = verify::target_of(snapshot, &creds, &domain);
            Some(verify_step(ctx, session, answers, &target)?)
        }
        _ => None,
    };
    let not_answering = checks
        .as_deref()
        .and_then(verify::failure)
        .map(|f| f.with_help("`threescale-install verify` runs these checks again"));
    let outcome = Finished {
        creds: &creds,
        path: &path,
        domain: &domain,
        waited: waited.is_some(),
        checks: checks.as_deref(),
        not_answering: not_answering.as_ref(),
    };
    let text = match answers.mode.format {
        Format::Text => outcome.text(answers),
        Format::Json => {
            serde_json::to_string_pretty(&outcome.json(answers, prepared)).unwrap_or_default()
        }
    };
    ctx.ui.result(&text);
    match not_answering {
        Some(f) => Err(f.reported()),
        None => Ok(()),
    }
}

/// The logins of `system-seed`, written to the credentials file.
fn credentials_step(
    ctx: &Ctx,
    answers: &Answers,
    prepared: &Prepared,
    domain: &str,
) -> Outcome<(credentials::Credentials, std::path::PathBuf)> {
    let project = ctx.project;
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
    let server = &prepared.cluster.server;
    let written = read.and_then(|creds| {
        let path = match &answers.credentials_file {
            Some(p) => p.clone(),
            None => record::default_credentials_path(server, project).map_err(Failure::input)?,
        };
        credentials::write_file(&path, server, project, domain, &creds).map_err(|e| {
            Failure::new(
                FailureKind::Internal,
                anyhow::anyhow!("could not write the credentials file: {e}"),
            )
        })?;
        Ok((creds, path))
    });
    match written {
        Ok((creds, path)) => {
            line.detail(&format!("written to {} (mode 0600)", path.display()));
            line.done();
            Ok((creds, path))
        }
        Err(f) => {
            line.failed();
            Err(f)
        }
    }
}

/// The checks of `verify`, each on a line of the step.
fn verify_step(
    ctx: &Ctx,
    session: &Session,
    answers: &Answers,
    target: &verify::Target,
) -> Outcome<Vec<crate::engine::checks::CheckResult>> {
    let line = ctx.ui.step("verify");
    let results = verify::check(session, &answers.http, target)?;
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
        None => {
            line.detail("3scale works: its portals and APIs answer through their routes");
            line.done()
        }
    }
    Ok(results)
}

/// What an install ended with, for the summary on stdout.
struct Finished<'a> {
    creds: &'a credentials::Credentials,
    path: &'a std::path::Path,
    domain: &'a str,
    waited: bool,
    checks: Option<&'a [crate::engine::checks::CheckResult]>,
    not_answering: Option<&'a Failure>,
}

impl Finished<'_> {
    fn state(&self) -> &'static str {
        if self.waited {
            "installed"
        } else {
            "created"
        }
    }

    fn text(&self, answers: &Answers) -> String {
        let project = &answers.project.value;
        let show = answers.mode.show_secrets;
        let mut text = credentials::summary(
            project,
            self.domain,
            self.creds,
            Some(self.path),
            show,
            self.state(),
        );
        if !self.waited {
            text.push_str("\n  Not waited for (--no-wait): `threescale-install status` shows when every component is ready.\n");
        }
        if self.not_answering.is_some() {
            text.push_str("\n  It does not answer through its routes yet: see the checks above and the error below.\n");
        }
        text
    }

    fn json(&self, answers: &Answers, prepared: &Prepared) -> serde_json::Value {
        let plan = &prepared.plan;
        let mut doc = credentials::json(
            &prepared.cluster.server,
            &answers.project.value,
            self.domain,
            self.creds,
            answers.mode.show_secrets,
        );
        doc["ok"] = json!(self.not_answering.is_none());
        doc["state"] = json!(self.state());
        doc["verify"] = json!(self.checks);
        doc["credentials_file"] = json!(self.path);
        doc["profile"] = json!(prepared.profile.name);
        doc["commit"] = json!(prepared.checkout.commit);
        doc["changes"] = json!(plan
            .actions
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>());
        doc["decisions"] = json!(plan.decisions);
        doc["skipped_checks"] = json!(plan
            .checks
            .iter()
            .filter(|c| c.skipped)
            .map(|c| c.id)
            .collect::<Vec<_>>());
        if let Some(f) = self.not_answering {
            doc["ok"] = json!(false);
            doc["error"] = crate::document::error(f);
        }
        crate::document::success(&crate::document::INSTALL, doc)
    }
}
