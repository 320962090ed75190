//! The install: oc and preflight, then `prepare` — the read-only steps, the questions for values
//! still open (in a terminal), and one plan of every change — then the summary (in a terminal),
//! the executor, and the credentials. "Change a value" at the summary re-runs `prepare` with that
//! one question re-opened.

use crate::answers::{Answers, Field, Missing, TemplatesSource};
use crate::failure::{Failure, FailureKind, Outcome};
use crate::oc::Oc;
use crate::paths;
use crate::prompt::Prompter;
use crate::secrets::{Redactor, MASK};
use crate::steps::storage::StorageClass;
use crate::steps::{
    self, app, credentials, domain, image_streams, preflight, project, pull_secret, storage,
    templates, Action, Ctx, StepId,
};
use crate::templates_repo::Checkout;
use crate::ui::Ui;
use crate::wizard::{Decision, Wizard};
use std::sync::Arc;

/// Read-only observations kept across `prepare` passes, so the cluster is asked once.
#[derive(Default)]
struct Observed {
    checkout: Option<(TemplatesSource, Checkout)>,
    classes: Option<Option<Vec<StorageClass>>>,
    ingress_domain: Option<Option<String>>,
}

/// Everything `prepare` decided.
struct Prepared {
    actions: Vec<Action>,
    domain: String,
    rwx_class: Option<String>,
    profile: String,
    commit: Option<String>,
}

pub fn install(mut answers: Answers, ui: &Ui) -> Outcome<()> {
    let redactor = Redactor::default();
    if let Some(p) = &answers.registry_password {
        redactor.add_secret(p);
    }
    let prompter = Prompter::new(answers.yes, answers.no_input);
    let wizard = prompter.can_ask().then_some(Wizard {
        prompter: &prompter,
        ui,
        redactor: &redactor,
    });

    let line = ui.step(StepId::Oc.title());
    let program = match Oc::locate(answers.oc.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            line.failed();
            return Err(Failure::preflight(format!("oc step: {e}"))
                .with_help("install the OpenShift CLI (oc) and put it on PATH, or pass --oc PATH (THREESCALE_OC)"));
        }
    };
    line.detail(&program.display().to_string());
    line.done();
    let mut oc = Oc::new(
        program,
        answers.kubeconfig.as_deref(),
        answers.context.as_deref(),
        redactor.clone(),
    );
    let log_ui = ui.clone();
    oc.set_command_log(Arc::new(move |command| log_ui.command(command)));
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

    let mut observed = Observed::default();
    let prepared = loop {
        let prepared = prepare(&ctx, &mut answers, wizard.as_ref(), &mut observed)?;
        preflight::check_permissions(&ctx, &answers.project, &prepared.actions)?;
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
    steps::apply(&ctx, &answers.project, &prepared.actions)?;
    finish(&ctx, &answers, &cluster.server, &prepared.domain)
}

/// The read-only steps and the questions, then one plan. Asks only what `answers.open` holds.
fn prepare(
    ctx: &Ctx,
    answers: &mut Answers,
    wizard: Option<&Wizard>,
    observed: &mut Observed,
) -> Outcome<Prepared> {
    let asking = |answers: &Answers, field: Field| wizard.is_some() && answers.is_open(field);

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
    for (name, value) in &answers.params {
        if app::is_secret_param(&template, name) {
            ctx.redactor.add(value);
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
        Some(storage::decide(
            ctx,
            classes.as_deref(),
            answers.rwx_storage_class.as_deref(),
        )?)
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

    let mut missing: Vec<Missing> = answers.missing();
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
    let (Some(domain), Some(username), Some(password)) = (
        answers.wildcard_domain.clone(),
        answers.registry_username.clone(),
        answers.registry_password.clone(),
    ) else {
        unreachable!("missing() reported every absent value")
    };

    // Plan every change from read-only observations.
    let line = ctx.ui.step("plan");
    let project_name = answers.project.clone();
    let observed_project = project::observe(ctx, &project_name)?;
    let exists = observed_project == project::Observed::Exists;
    let mut actions = project::plan(observed_project, &project_name, &answers.display_name);

    let pull = if exists {
        pull_secret::observe(ctx, &project_name, &answers.registry_server)?
    } else {
        pull_secret::Observed::Absent
    };
    actions.extend(pull_secret::plan(
        pull,
        &answers.registry_server,
        &username,
        &password,
    ));

    let wanted_streams = image_streams::read(&checkout.dir.join("3scale-image-streams.yml"))
        .map_err(|e| Failure::preflight(format!("image streams step: {e}")))?;
    let existing_streams = if exists {
        image_streams::observe(ctx, &project_name)?
    } else {
        Vec::new()
    };
    actions.extend(image_streams::plan(&wanted_streams, &existing_streams));

    let app_label = answers
        .param("APP_LABEL")
        .or(template.default_of("APP_LABEL"))
        .unwrap_or(app::DEFAULT_APP_LABEL)
        .to_string();
    let labelled = if exists {
        app::observe(ctx, &project_name, &template, &app_label)?
    } else {
        0
    };
    let mut params = Vec::new();
    if template.parameter("WILDCARD_DOMAIN").is_some() {
        params.push(("WILDCARD_DOMAIN".to_string(), domain.clone()));
    }
    if let Some(class) = &rwx_class {
        params.push(("RWX_STORAGE_CLASS".to_string(), class.clone()));
    }
    params.extend(answers.params.iter().cloned());
    actions.extend(app::plan(labelled, &template_path, &template, &params)?);

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
        commit: checkout.commit.clone(),
    })
}

/// Every answer, secrets masked with their length hidden.
fn summary_rows(answers: &Answers, prepared: &Prepared) -> Vec<(Field, String)> {
    let templates = match &answers.templates {
        TemplatesSource::Git { repo, git_ref } => format!("{repo} at {git_ref}"),
        TemplatesSource::Dir(d) => d.display().to_string(),
    };
    let commit = prepared
        .commit
        .as_deref()
        .map(|c| format!(" (commit {})", &c[..c.len().min(12)]))
        .unwrap_or_default();
    let params: Vec<String> = answers
        .params
        .iter()
        .map(|(k, v)| {
            let secret = k.contains("PASSWORD")
                || k.contains("TOKEN")
                || k.contains("SECRET")
                || k.contains("KEY_BASE");
            format!("{k}={}", if secret { MASK } else { v })
        })
        .collect();
    let mut rows = vec![
        (Field::Templates, format!("{templates}{commit}")),
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

/// Credentials: read system-seed, write the file, print the summary.
fn finish(ctx: &Ctx, answers: &Answers, server: &str, domain: &str) -> Outcome<()> {
    let line = ctx.ui.step(StepId::Credentials.title());
    let result = (|| {
        let creds = credentials::read(ctx, &answers.project)?;
        let path = match &answers.credentials_file {
            Some(p) => p.clone(),
            None => paths::project_state_dir(server, &answers.project)
                .map_err(|e| Failure::input(format!("credentials step: {e}")))?
                .join("credentials.yaml"),
        };
        credentials::write_file(&path, server, &answers.project, domain, &creds).map_err(|e| {
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
    let show = answers.show_secrets || ctx.ui.stdout_is_terminal();
    ctx.ui.result(&credentials::summary(
        &answers.project,
        domain,
        &creds,
        &path,
        show,
    ));
    Ok(())
}
