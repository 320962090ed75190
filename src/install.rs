//! The install: read-only steps first (oc, preflight, templates, storage, domain), then one plan
//! of every change, the permission check and confirmation, the executor, and the credentials.

use crate::answers::Answers;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::oc::Oc;
use crate::paths;
use crate::prompt::Prompter;
use crate::secrets::Redactor;
use crate::steps::{
    self, app, credentials, domain, image_streams, preflight, project, pull_secret, storage,
    templates, Ctx, StepId,
};
use crate::ui::Ui;
use std::sync::Arc;

pub fn install(mut answers: Answers, ui: &Ui) -> Outcome<()> {
    let redactor = Redactor::default();
    if let Some(p) = &answers.registry_password {
        redactor.add_secret(p);
    }

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
    let templates = templates::observe(&ctx, &answers)?;
    let template = &templates.app_template;
    for (name, value) in &answers.params {
        if app::is_secret_param(template, name) {
            redactor.add(value);
        }
    }
    let rwx_class = storage::observe(&ctx, &answers)?;
    answers.wildcard_domain = domain::observe(&ctx, answers.wildcard_domain.as_deref())?;

    let missing = answers.missing();
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
        return Err(Failure::input(format!(
            "{} value(s) needed and not given:\n  - {}",
            missing.len(),
            list.join("\n  - ")
        ))
        .with_help(
            "give each with its flag, environment variable or answers-file key (--config FILE)",
        ));
    }
    let (Some(domain), Some(username), Some(password)) = (
        answers.wildcard_domain.clone(),
        answers.registry_username.clone(),
        answers.registry_password.clone(),
    ) else {
        unreachable!("missing() reported every absent value")
    };

    // Plan every change from read-only observations.
    let line = ui.step("plan");
    let project_name = answers.project.clone();
    let observed_project = project::observe(&ctx, &project_name)?;
    let exists = observed_project == project::Observed::Exists;
    let mut actions = project::plan(observed_project, &project_name, &answers.display_name);

    let pull = if exists {
        pull_secret::observe(&ctx, &project_name, &answers.registry_server)?
    } else {
        pull_secret::Observed::Absent
    };
    actions.extend(pull_secret::plan(
        pull,
        &answers.registry_server,
        &username,
        &password,
    ));

    let wanted_streams = image_streams::read(&templates.image_streams_path)
        .map_err(|e| Failure::preflight(format!("image streams step: {e}")))?;
    let existing_streams = if exists {
        image_streams::observe(&ctx, &project_name)?
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
        app::observe(&ctx, &project_name, template, &app_label)?
    } else {
        0
    };
    let mut params = vec![
        ("WILDCARD_DOMAIN".to_string(), domain.clone()),
        ("RWX_STORAGE_CLASS".to_string(), rwx_class),
    ];
    params.extend(answers.params.iter().cloned());
    actions.extend(app::plan(
        labelled,
        &templates.app_template_path,
        template,
        &params,
    )?);

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

    preflight::check_permissions(&ctx, &project_name, &actions)?;
    if !actions.is_empty() {
        let question = format!(
            "Apply these {} change(s) to {}?",
            actions.len(),
            cluster.server
        );
        let proceed = Prompter::new(answers.yes).confirm(&question).map_err(|e| {
            let kind = if e.kind() == std::io::ErrorKind::Interrupted {
                FailureKind::Interrupted
            } else {
                FailureKind::Internal
            };
            Failure::new(kind, e).context("could not ask for confirmation")
        })?;
        if !proceed {
            ui.warn("cancelled: nothing was changed");
            return Ok(());
        }
    }
    steps::apply(&ctx, &project_name, &actions)?;

    let line = ui.step(StepId::Credentials.title());
    let result = (|| {
        let creds = credentials::read(&ctx, &project_name)?;
        let path = match &answers.credentials_file {
            Some(p) => p.clone(),
            None => paths::project_state_dir(&cluster.server, &project_name)
                .map_err(|e| Failure::input(format!("credentials step: {e}")))?
                .join("credentials.yaml"),
        };
        credentials::write_file(&path, &cluster.server, &project_name, &domain, &creds).map_err(
            |e| {
                Failure::new(
                    FailureKind::Internal,
                    anyhow::anyhow!("credentials step: {e}"),
                )
            },
        )?;
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
    let show = answers.show_secrets || ui.stdout_is_terminal();
    ui.result(&credentials::summary(
        &project_name,
        &domain,
        &creds,
        &path,
        show,
    ));
    Ok(())
}
