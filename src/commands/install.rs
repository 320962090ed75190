//! The install: oc and preflight, then `prepare` — the read-only steps, the questions for values
//! still open (in a terminal), and one plan of every change — then the summary (in a terminal),
//! the executor, the install record and the credentials. "Change a value" at the summary re-runs
//! `prepare` with that one question re-opened.

use super::connect;
use crate::answers::{Answers, Field, Missing, TemplatesSource};
use crate::checks::Verdict;
use crate::cli::Format;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::lock::Lock;
use crate::prompt::Prompter;
use crate::record::{self, InstallRecord};
use crate::secrets::{Redactor, MASK};
use crate::steps::preflight::Cluster;
use crate::steps::storage::StorageClass;
use crate::steps::{
    self, app, credentials, domain, image_streams, preflight, project, pull_secret, rollout,
    sizing, storage, templates, Action, Ctx, StepId,
};
use crate::templates_repo::Checkout;
use crate::ui::Ui;
use crate::wizard::{Decision, Wizard};
use serde_json::json;
use std::path::PathBuf;

/// Read-only observations kept across `prepare` passes, so the cluster is asked once.
#[derive(Default)]
pub(super) struct Observed {
    /// Kubernetes minor version of the cluster (for API versions it no longer serves).
    pub kube_minor: Option<u32>,
    checkout: Option<(TemplatesSource, Checkout)>,
    classes: Option<Option<Vec<StorageClass>>>,
    ingress_domain: Option<Option<String>>,
}

impl Observed {
    pub fn for_cluster(cluster: &Cluster) -> Observed {
        Observed {
            kube_minor: cluster.kube_minor,
            ..Observed::default()
        }
    }
}

/// Everything `prepare` decided.
pub(super) struct Prepared {
    pub actions: Vec<Action>,
    pub domain: String,
    pub rwx_class: Option<String>,
    pub profile: String,
    pub template_path: PathBuf,
    pub commit: Option<String>,
    pub app_label: String,
    /// Checks whose failure `--skip-check` turned into a warning in this pass.
    pub skipped: Vec<&'static str>,
}

pub fn run(mut answers: Answers, ui: &Ui) -> Outcome<()> {
    let redactor = Redactor::default();
    answers.register_secrets(&redactor);
    let prompter = Prompter::new(answers.yes, answers.no_input);
    let wizard = prompter.can_ask().then_some(Wizard {
        prompter: &prompter,
        ui,
        redactor: &redactor,
    });
    let oc = connect(super::Connection::of_install(&answers), ui, &redactor)?;
    let ctx = Ctx {
        oc: &oc,
        ui,
        redactor: &redactor,
    };

    let cluster = preflight::observe(&ctx)?;
    if let Some(w) = &wizard {
        if !w.confirm_cluster(&cluster)? {
            ui.warn("stopped; nothing was changed. Log in to the cluster you want with `oc login` (or pass --context), then run again.");
            return Ok(());
        }
    }

    resume_from_record(&mut answers, &cluster, ui);

    let mut observed = Observed::for_cluster(&cluster);
    let mut prepared = loop {
        let mut prepared = prepare(&ctx, &mut answers, wizard.as_ref(), &mut observed)?;
        check_permissions(&ctx, &answers, &mut prepared)?;
        let Some(w) = &wizard else { break prepared };
        if prepared.actions.is_empty() {
            break prepared;
        }
        match w.summary(
            &cluster,
            &summary_rows(&answers, &prepared),
            &prepared.actions,
        )? {
            Decision::Proceed => break prepared,
            Decision::Cancel => {
                ui.warn("cancelled; nothing was changed");
                return Ok(());
            }
            Decision::Change(field) => answers.open.push(field),
        }
    };
    // One run at a time changes a project: held until the end, removed on Ctrl-C too.
    let state_dir = crate::paths::project_state_dir(&cluster.server, &answers.project)
        .map_err(Failure::input)?;
    let _lock = Lock::acquire(
        &state_dir,
        &format!("project {} on {}", answers.project, cluster.server),
    )
    .map_err(|e| Failure::preflight(format!("install: {e}")))?;
    save_record(
        &answers,
        &cluster,
        &mut prepared,
        "changing the cluster",
        ui,
    );
    steps::apply(&ctx, &answers.project, &prepared.actions)?;
    if answers.wait {
        save_record(&answers, &cluster, &mut prepared, "waiting", ui);
        rollout::wait(
            &ctx,
            &answers.project,
            answers.timeout,
            answers.poll_interval,
        )?;
    }
    save_record(&answers, &cluster, &mut prepared, record::INSTALLED, ui);
    finish(&ctx, &answers, &cluster, &prepared)
}

/// A re-run continues an earlier one without flags: its recorded non-secret answers fill what
/// no input gives now. Without --project, the one unfinished install on this cluster is resumed.
fn resume_from_record(answers: &mut Answers, cluster: &Cluster, ui: &Ui) {
    if answers.is_open(Field::Project) {
        if let [only] = record::unfinished(&cluster.server).as_slice() {
            answers.project = only.project.clone();
            answers.close(Field::Project);
        }
    }
    let Some(r) = InstallRecord::load(&cluster.server, &answers.project) else {
        return;
    };
    let taken = answers.fill_from_record(&r);
    if r.stage != record::INSTALLED {
        ui.warn(&format!(
            "resuming the install of project {} that stopped while {}",
            r.project, r.stage
        ));
    }
    if !taken.is_empty() && r.stage != record::INSTALLED {
        ui.warn(&format!("using the recorded {}", taken.join(", ")));
    }
}

/// `--skip-check permissions` turns missing permissions into a warning.
pub(super) fn check_permissions(
    ctx: &Ctx,
    answers: &Answers,
    prepared: &mut Prepared,
) -> Outcome<()> {
    match preflight::check_permissions(ctx, &answers.project, &prepared.actions) {
        Err(f) if f.kind == FailureKind::Preflight && skipping(answers, "permissions") => {
            ctx.ui.warn(&format!(
                "{:#} (skipped with --skip-check permissions)",
                f.error
            ));
            prepared.skipped.push("permissions");
            Ok(())
        }
        other => other,
    }
}

fn skipping(answers: &Answers, id: &str) -> bool {
    answers.skip_checks.iter().any(|s| s == id)
}

/// The read-only steps and the questions, then one plan. Asks only what `answers.open` holds.
pub(super) fn prepare(
    ctx: &Ctx,
    answers: &mut Answers,
    wizard: Option<&Wizard>,
    observed: &mut Observed,
) -> Outcome<Prepared> {
    let asking = |answers: &Answers, field: Field| wizard.is_some() && answers.is_open(field);
    let mut skipped = Vec::new();

    if let (Some(w), true) = (wizard, asking(answers, Field::Templates)) {
        w.ask_templates(answers)?;
        answers.close(Field::Templates);
    }
    let checkout = match &observed.checkout {
        Some((source, c)) if *source == answers.templates => c,
        _ => {
            let c = templates::checkout(ctx, &answers.templates)?;
            &observed.checkout.insert((answers.templates.clone(), c)).1
        }
    };
    let profiles = templates::profiles(&checkout.dir);
    if let (Some(w), true) = (wizard, asking(answers, Field::Profile)) {
        answers.template = w.ask_profile(&profiles, answers.template.as_deref())?;
        answers.close(Field::Profile);
    }
    let (template_path, template) = templates::load(&profiles, answers.template.as_deref())?;
    templates::check_params(answers, &template)?;
    templates::profile_inputs(answers, &template)?;
    if answers
        .template
        .as_deref()
        .is_some_and(|t| t.contains("tech-preview"))
    {
        ctx.ui.warn("this install profile is a technology preview: Red Hat does not support it in production");
    }
    for (name, value) in &answers.params {
        if crate::param_rules::is_secret(&template, name, value) {
            ctx.redactor.add_named(name, value);
        }
    }

    if let Some(w) = wizard {
        if asking(answers, Field::Project) {
            answers.project = w.ask_project(&answers.project)?;
            answers.close(Field::Project);
        }
        if asking(answers, Field::DisplayName) {
            answers.display_name = w.ask_display_name(&answers.display_name)?;
            answers.close(Field::DisplayName);
        }
    }

    let rwx_class = if template.parameter("RWX_STORAGE_CLASS").is_some() {
        let classes = match &observed.classes {
            Some(c) => c,
            None => observed.classes.insert(storage::observe(ctx)?),
        };
        if let (Some(w), true, Some(list)) = (
            wizard,
            asking(answers, Field::StorageClass),
            classes.as_deref(),
        ) {
            if let Some(chosen) = w.ask_storage_class(list, answers.rwx_storage_class.as_deref())? {
                answers.rwx_storage_class = Some(chosen);
            }
            answers.close(Field::StorageClass);
        }
        match storage::decide(
            ctx,
            classes.as_deref(),
            answers.rwx_storage_class.as_deref(),
        ) {
            Ok(class) => Some(class),
            Err(f)
                if skipping(answers, "storage")
                    && matches!(f.kind, FailureKind::Preflight | FailureKind::Input) =>
            {
                ctx.ui.warn(&format!(
                    "{:#} (skipped with --skip-check storage)",
                    f.error
                ));
                skipped.push("storage");
                answers.rwx_storage_class.clone()
            }
            Err(f) => return Err(f),
        }
    } else {
        None
    };

    let discovered = match (&observed.ingress_domain, &answers.wildcard_domain) {
        (Some(d), _) => d.clone(),
        (None, Some(_)) => None,
        (None, None) => observed
            .ingress_domain
            .insert(domain::discover(ctx))
            .clone(),
    };
    if let (Some(w), true) = (wizard, asking(answers, Field::WildcardDomain)) {
        let default = answers.wildcard_domain.clone().or(discovered.clone());
        answers.wildcard_domain = Some(w.ask_domain(default.as_deref())?);
        answers.close(Field::WildcardDomain);
    }
    answers.wildcard_domain = domain::decide(
        ctx,
        answers.wildcard_domain.as_deref(),
        discovered.as_deref(),
    )?;

    if let Some(w) = wizard {
        if asking(answers, Field::RegistryServer) {
            answers.registry_server = w.ask_registry_server(&answers.registry_server)?;
            answers.close(Field::RegistryServer);
        }
        if asking(answers, Field::RegistryUsername) {
            answers.registry_username = Some(w.ask_registry_username()?);
            answers.close(Field::RegistryUsername);
        }
        if asking(answers, Field::RegistryPassword) {
            answers.registry_password = Some(w.ask_registry_password(answers.confirm_password)?);
            answers.close(Field::RegistryPassword);
        }
        let required: Vec<_> = templates::required_missing(&template, answers)
            .into_iter()
            .cloned()
            .collect();
        for p in required {
            let value = w.ask_param(&template, &p)?;
            answers.set_param(&p.name, value);
        }
        if asking(answers, Field::Params) {
            w.customize_params(&template, answers)?;
            answers.close(Field::Params);
        }
    }

    // What the project holds already decides whether the registry password is needed.
    let project_name = answers.project.clone();
    let observed_project = project::observe(ctx, &project_name)?;
    let exists = observed_project == project::Observed::Exists;
    let contents = if exists {
        project::contents(ctx, &project_name, &template)?
    } else {
        Vec::new()
    };
    let pull = pull_secret::observe(&contents, &answers.registry_server);
    let pull_secret_kept = answers.registry_password.is_none()
        && matches!(&pull, pull_secret::Observed::Present(Some(e)) if e.username.is_some() && e.username == answers.registry_username);

    let mut missing: Vec<Missing> = answers.missing();
    if pull_secret_kept {
        missing.retain(|m| m.env != crate::answers::PASSWORD_ENV);
    }
    missing.extend(
        templates::required_missing(&template, answers)
            .into_iter()
            .map(templates::missing_param),
    );
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
        return Err(Failure::input(format!("{} value(s) needed and not given:\n  - {}", missing.len(), list.join("\n  - ")))
            .with_help("give each with its flag, environment variable or answers-file key (--config FILE), or run in a terminal without --yes to be asked"));
    }
    let (Some(domain), Some(username)) = (
        answers.wildcard_domain.clone(),
        answers.registry_username.clone(),
    ) else {
        unreachable!("missing() reported every absent value")
    };

    // Plan every change from read-only observations.
    let line = ctx.ui.step("plan");
    let mut actions = project::plan(observed_project, &project_name, &answers.display_name);
    match answers.registry_password.clone() {
        Some(password) => actions.extend(pull_secret::plan(
            pull,
            pull_secret::Login {
                server: answers.registry_server.clone(),
                username,
                password,
            },
        )),
        None => line.detail(&format!(
            "pull secret {} kept: no registry password given, and it holds {username}",
            pull_secret::NAME
        )),
    }

    let wanted_streams = image_streams::read(&checkout.dir.join("3scale-image-streams.yml"))
        .map_err(|e| Failure::preflight(format!("image streams step: {e}")))?;
    let existing_streams = image_streams::observe(&contents);
    actions.extend(image_streams::plan(&wanted_streams, &existing_streams));

    let app_label = answers
        .param("APP_LABEL")
        .or(template.default_of("APP_LABEL"))
        .unwrap_or(app::DEFAULT_APP_LABEL)
        .to_string();
    let existing = app::observe(&contents, &template, &app_label);
    let labelled = existing.len();
    let mut params = Vec::new();
    if template.parameter("WILDCARD_DOMAIN").is_some() {
        params.push(("WILDCARD_DOMAIN".to_string(), domain.clone()));
    }
    if let Some(class) = &rwx_class {
        params.push(("RWX_STORAGE_CLASS".to_string(), class.clone()));
    }
    params.extend(answers.params.iter().cloned());
    if labelled == 0 {
        actions.extend(app::plan(0, &template_path, &template, &params)?);
    } else {
        // An earlier new-app may have stopped half-way: create only what is missing, with the
        // values it generated read back from the secrets that exist.
        let missing = app::missing_objects(&existing, &template, &params);
        if !missing.is_empty() {
            let (recovered, regenerated) =
                app::recover_generated(ctx, &project_name, &template, &existing)?;
            let mut with_recovered = params.clone();
            for (name, value) in recovered {
                if !with_recovered.iter().any(|(k, _)| *k == name) {
                    with_recovered.push((name, value));
                }
            }
            actions.extend(app::plan_resume(
                missing,
                &template_path,
                &template,
                &with_recovered,
                regenerated,
            )?);
        }
    }
    if labelled == 0 {
        let offered = (observed.classes.clone().flatten(), observed.kube_minor);
        skipped.extend(size(
            ctx,
            answers,
            &template,
            &params,
            rwx_class.as_deref(),
            exists.then_some(project_name.as_str()),
            offered,
        )?);
    }

    if exists {
        line.detail(&format!("project {project_name} exists"));
    }
    if labelled > 0 {
        line.detail(&format!(
            "application already applied: {labelled} objects labelled app={app_label}"
        ));
    }
    if actions.is_empty() {
        line.detail("nothing to change");
    }
    for a in &actions {
        line.detail(&format!("will {a}"));
    }
    line.done();

    let profile = answers
        .template
        .clone()
        .unwrap_or_else(|| templates::DEFAULT_PROFILE.to_string());
    Ok(Prepared {
        actions,
        domain,
        rwx_class,
        profile,
        template_path,
        commit: checkout.commit.clone(),
        app_label,
        skipped,
    })
}

/// Sizing of what new-app will create: a step of its own, findings as warnings (failures with
/// `--strict`, unless skipped). Returns the checks skipped.
fn size(
    ctx: &Ctx,
    answers: &Answers,
    template: &crate::template::Template,
    params: &[(String, String)],
    rwx_class: Option<&str>,
    project: Option<&str>,
    (classes, kube_minor): (Option<Vec<StorageClass>>, Option<u32>),
) -> Outcome<Vec<&'static str>> {
    let line = ctx.ui.step("sizing");
    let (nodes, quotas) = sizing::observe(ctx, project)?;
    let offer = sizing::Offer {
        classes,
        nodes,
        quotas,
        kube_minor,
    };
    let mut skipped = Vec::new();
    let mut failed = Vec::new();
    for r in sizing::findings(
        template,
        params,
        rwx_class,
        &offer,
        answers.strict,
        &answers.skip_checks,
    ) {
        if r.skipped {
            skipped.push(r.id);
        }
        let first = r.detail.lines().next().unwrap_or("").to_string();
        match r.result {
            Verdict::Ok => line.detail(&format!("{}: {first}", r.id)),
            Verdict::Warn => line.warn(&format!("{}: {}", r.id, r.detail.replace('\n', "; "))),
            Verdict::Fail => failed.push(format!("{}: {}", r.id, r.detail.replace('\n', "\n    "))),
        }
    }
    if failed.is_empty() {
        line.done();
        return Ok(skipped);
    }
    line.failed();
    Err(Failure::preflight(format!("sizing: the cluster cannot take this install:\n  - {}", failed.join("\n  - ")))
        .with_help("free or add capacity, raise the quota, or accept a shortfall with --skip-check capacity|quota|claims (without --strict it is only a warning)"))
}

/// Every answer, secrets masked with their length hidden.
fn summary_rows(answers: &Answers, prepared: &Prepared) -> Vec<(Field, String)> {
    let commit = prepared
        .commit
        .as_deref()
        .map(|c| format!(" (commit {})", &c[..c.len().min(12)]))
        .unwrap_or_default();
    let params: Vec<String> = masked_params(answers, prepared)
        .into_iter()
        .map(|(k, v)| format!("{k}={}", v.unwrap_or_else(|| MASK.into())))
        .collect();
    let mut rows = vec![
        (Field::Templates, format!("{}{commit}", answers.templates)),
        (Field::Profile, prepared.profile.clone()),
        (Field::Project, answers.project.clone()),
        (Field::DisplayName, answers.display_name.clone()),
    ];
    if let Some(c) = &prepared.rwx_class {
        rows.push((Field::StorageClass, c.clone()));
    }
    rows.extend([
        (Field::WildcardDomain, prepared.domain.clone()),
        (Field::RegistryServer, answers.registry_server.clone()),
        (
            Field::RegistryUsername,
            answers.registry_username.clone().unwrap_or_default(),
        ),
        (Field::RegistryPassword, MASK.to_string()),
        (
            Field::Params,
            if params.is_empty() {
                "template defaults".into()
            } else {
                params.join(", ")
            },
        ),
    ]);
    rows
}

/// The given parameters with secret values left out (`None`).
pub(super) fn masked_params(
    answers: &Answers,
    prepared: &Prepared,
) -> Vec<(String, Option<String>)> {
    let secret = |name: &str| match prepared.actions.iter().find_map(|a| {
        if let Action::NewApp(n) = a {
            Some(n)
        } else {
            None
        }
    }) {
        Some(n) => n.is_secret(name),
        None => ["PASSWORD", "TOKEN", "SECRET", "KEY_BASE"]
            .iter()
            .any(|w| name.contains(w)),
    };
    answers
        .params
        .iter()
        .map(|(k, v)| (k.clone(), (!secret(k)).then(|| v.clone())))
        .collect()
}

fn save_record(
    answers: &Answers,
    cluster: &Cluster,
    prepared: &mut Prepared,
    stage: &str,
    ui: &Ui,
) {
    let record = InstallRecord {
        schema_version: record::SCHEMA_VERSION,
        cluster: cluster.server.clone(),
        project: answers.project.clone(),
        profile: prepared.profile.clone(),
        template_file: prepared.template_path.display().to_string(),
        templates: answers.templates.to_string(),
        commit: prepared.commit.clone(),
        wildcard_domain: prepared.domain.clone(),
        rwx_storage_class: prepared.rwx_class.clone(),
        registry_server: answers.registry_server.clone(),
        registry_username: answers.registry_username.clone().unwrap_or_default(),
        app_label: prepared.app_label.clone(),
        params: masked_params(answers, prepared),
        skipped_checks: prepared.skipped.iter().map(|s| s.to_string()).collect(),
        stage: stage.to_string(),
    };
    // The record helps later commands; failing to write it must not fail an install that worked.
    if let Err(e) = record.save() {
        ui.warn(&format!("could not write the install record: {e}"));
    }
}

/// Credentials: read system-seed, write the file, print the result.
fn finish(ctx: &Ctx, answers: &Answers, cluster: &Cluster, prepared: &Prepared) -> Outcome<()> {
    let line = ctx.ui.step(StepId::Credentials.title());
    let result = (|| {
        let creds = credentials::read(ctx, &answers.project)?;
        let path = match &answers.credentials_file {
            Some(p) => p.clone(),
            None => record::default_credentials_path(&cluster.server, &answers.project)
                .map_err(|e| Failure::input(format!("credentials step: {e}")))?,
        };
        credentials::write_file(
            &path,
            &cluster.server,
            &answers.project,
            &prepared.domain,
            &creds,
        )
        .map_err(|e| {
            Failure::new(
                FailureKind::Internal,
                anyhow::anyhow!("credentials step: {e}"),
            )
        })?;
        Ok((creds, path))
    })();
    let (creds, path) = match result {
        Ok(r) => r,
        Err(e) => {
            line.failed();
            return Err(e);
        }
    };
    line.detail(&format!("written to {}", path.display()));
    line.done();
    match answers.format {
        Format::Text => {
            let show = answers.show_secrets || ctx.ui.stdout_is_terminal();
            ctx.ui.result(&credentials::summary(
                &answers.project,
                &prepared.domain,
                &creds,
                &path,
                show,
            ));
        }
        Format::Json => {
            let mut doc = credentials::json(
                &cluster.server,
                &answers.project,
                &prepared.domain,
                &creds,
                answers.show_secrets,
            );
            doc["credentials_file"] = json!(path);
            doc["profile"] = json!(prepared.profile);
            doc["commit"] = json!(prepared.commit);
            doc["changes"] = json!(prepared
                .actions
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>());
            doc["skipped_checks"] = json!(prepared.skipped);
            ctx.ui
                .result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    Ok(())
}
