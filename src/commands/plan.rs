//! `plan` (and `install --dry-run`): everything an install would do, without changing the
//! cluster, as a bash script that runs the same oc commands in order. Secrets appear only as
//! environment variables the script reads; the manifests that hold them are rendered by this
//! same program (`threescale-install render ...`), from the same code the install uses, so that a
//! hostile password reaches the cluster unchanged.

use crate::cli::Format;
use crate::failure::Outcome;
use crate::inputs::{Answers, Given, Source, PARAM_ENV_PREFIX, PASSWORD_ENV};
use crate::install::action::{Action, CreateObjects};
use crate::install::cluster::Cluster;
use crate::install::observe::Observer;
use crate::install::plan::{Origin, Plan};
use crate::install::prepare::{self, Prepared};
use crate::oc::args::{self, shell_quote};
use crate::report;
use crate::secrets::Secret;
use crate::session::Session;
use serde_json::json;

const HEREDOC_END: &str = "THREESCALE_EOF";
/// Stands for the registry password the script reads at run time.
const PASSWORD_PLACEHOLDER: &str = "read-from-THREESCALE_REGISTRY_PASSWORD";

pub fn run(mut answers: Answers) -> Outcome<()> {
    let session = Session::open(&answers.connection, &answers.mode)?;
    let ui = &session.ui;
    for w in &answers.warnings {
        ui.warn(w);
    }
    answers.register_secrets(&session.redactor);
    let observer = Observer::new(&session.oc);
    let cluster = report::cluster(ui, &observer)?;
    if let Some(r) = crate::record::InstallRecord::load(&cluster.server, &answers.project.value) {
        answers.fill_from_record(&r);
    }
    let mut prepared = prepare::prepare(&session, &observer, &answers)?;
    // The script reads the registry password when it runs: the plan needs none.
    let password_missing = prepared
        .plan
        .missing
        .iter()
        .any(|m| m.ways.env == PASSWORD_ENV);
    if password_missing && answers.registry.password.is_none() {
        answers.registry.password = Some(Given::new(
            Secret::new(PASSWORD_PLACEHOLDER),
            Source::Env(PASSWORD_ENV.into()),
        ));
        prepared = prepare::prepare(&session, &observer, &answers)?;
    }
    report::plan(ui, &prepared.plan);
    report::verdict(&prepared.plan)?;
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "threescale-install".into());
    let steps: Vec<ScriptStep> = prepared
        .plan
        .actions
        .iter()
        .map(|a| step(&session, &answers, &cluster, &prepared.plan, a))
        .collect();
    let script = script(&answers, &cluster, &prepared, &steps, &exe);
    match answers.mode.format {
        Format::Text => ui.result(&script),
        Format::Json => {
            let params: serde_json::Map<String, serde_json::Value> =
                report::given_params(&prepared.plan)
                    .into_iter()
                    .map(|(k, v)| (k, json!(v)))
                    .collect();
            let doc = json!({
                "schema_version": 1,
                "ok": true,
                "cluster": cluster.server,
                "user": cluster.user,
                "answers": {
                    "project": answers.project.value,
                    "display_name": answers.display_name.value,
                    "profile": prepared.profile.name,
                    "templates": answers.templates.value.to_string(),
                    "commit": prepared.checkout.commit,
                    "wildcard_domain": prepared.plan.domain.as_ref().map(|d| &d.value),
                    "rwx_storage_class": prepared.plan.rwx_class.as_ref().map(|c| &c.value),
                    "registry_server": answers.registry.server.value,
                    "registry_username": answers.registry.username.as_ref().map(|u| &u.value),
                    "registry_password": null,
                    "params": params,
                },
                "decisions": prepared.plan.decisions,
                "checks": prepared.plan.checks,
                "skipped_checks": prepared.plan.checks.iter().filter(|c| c.skipped).map(|c| c.id).collect::<Vec<_>>(),
                "commands": steps.iter().map(|s| json!({"description": s.description, "command": s.command, "stdin": s.stdin_summary})).collect::<Vec<_>>(),
                "script": script,
            });
            ui.result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    Ok(())
}

/// One action as script text.
struct ScriptStep {
    description: String,
    command: String,
    stdin_summary: Option<String>,
    /// Shell lines: the command with its stdin.
    text: String,
    /// Environment variables the step reads, with what they hold.
    variables: Vec<(String, String)>,
}

fn oc_line(session: &Session, args: &[String]) -> String {
    args::shell_line("oc", &session.oc.full_args(args))
}

fn step(
    session: &Session,
    answers: &Answers,
    cluster: &Cluster,
    plan: &Plan,
    action: &Action,
) -> ScriptStep {
    let project = &answers.project.value;
    let command = oc_line(session, &action.oc_args(project));
    let description = action.to_string();
    match action {
        Action::CreateProject { .. }
        | Action::CheckRegistryLogin { .. }
        | Action::ReimportImages { .. } => ScriptStep {
            description,
            text: command.clone(),
            command,
            stdin_summary: None,
            variables: Vec::new(),
        },
        Action::CreatePullSecret(login) | Action::UpdatePullSecret { login, .. } => ScriptStep {
            description,
            text: format!(
                "\"$THREESCALE_INSTALL\" render pull-secret --registry-server {} --registry-username {} \\\n  | {command}",
                shell_quote(&login.server),
                shell_quote(&login.username)
            ),
            command,
            stdin_summary: Some(format!("Secret {} (from ${PASSWORD_ENV})", crate::install::pull_secret::NAME)),
            variables: vec![(
                PASSWORD_ENV.into(),
                format!("the password of {} at {}", login.username, login.server),
            )],
        },
        Action::CreateImageStreams { manifest, names } => ScriptStep {
            description,
            text: format!("{command} <<'{HEREDOC_END}'\n{manifest}\n{HEREDOC_END}"),
            command,
            stdin_summary: Some(format!("ImageStreamList: {}", names.join(", "))),
            variables: Vec::new(),
        },
        Action::CreateObjects(c) => objects_step(session, answers, cluster, plan, c, command, description),
        // A gateway's actions: never in an install's plan (`gateway add --dry-run` prints them).
        _ => ScriptStep {
            text: format!("# {description}"),
            description,
            command,
            stdin_summary: None,
            variables: Vec::new(),
        },
    }
}

/// `oc process | render objects | oc create`: the values on stdin, plain ones written here and
/// secret ones rendered from their variables.
fn objects_step(
    session: &Session,
    answers: &Answers,
    cluster: &Cluster,
    plan: &Plan,
    c: &CreateObjects,
    create: String,
    description: String,
) -> ScriptStep {
    let project = &answers.project.value;
    let process = oc_line(session, &args::process(&c.template, project));
    let mut plain = Vec::new();
    let mut secret_names = Vec::new();
    let mut variables = Vec::new();
    let mut recovered = Vec::new();
    for v in &plan.values {
        match (&v.origin, v.secret) {
            // The server draws generated values when the script runs, as new-app would.
            (Origin::Generated, _) => {}
            (Origin::Existing(holder), true) => {
                recovered.push(format!("{} (held by {holder})", v.name))
            }
            (_, true) => {
                secret_names.push(v.name.clone());
                variables.push((
                    format!("{PARAM_ENV_PREFIX}{}", v.name),
                    format!("template parameter {}", v.name),
                ));
            }
            (_, false) => {
                let line = crate::templates::param_file::line_for(&v.name, v.value.expose())
                    .unwrap_or_else(|| format!("{}=\"\"", v.name));
                plain.push(line);
            }
        }
    }
    let mut text = String::new();
    if !recovered.is_empty() {
        text.push_str(&format!(
            "# Resuming: the missing objects must carry the values the existing ones hold, which\n# this script cannot read; set them from the cluster, or run threescale-install, which reads\n# them itself: {}\n",
            recovered.join(", ")
        ));
        for v in plan
            .values
            .iter()
            .filter(|v| matches!(v.origin, Origin::Existing(_)) && v.secret)
        {
            secret_names.push(v.name.clone());
            variables.push((
                format!("{PARAM_ENV_PREFIX}{}", v.name),
                format!(
                    "template parameter {} (as the existing objects hold it)",
                    v.name
                ),
            ));
        }
    }
    text.push_str(&format!(
        "{{ cat <<'{HEREDOC_END}'\n{}\n{HEREDOC_END}\n",
        plain.join("\n")
    ));
    if !secret_names.is_empty() {
        text.push_str(&format!(
            "  \"$THREESCALE_INSTALL\" render param-file {}\n",
            secret_names.join(" ")
        ));
    }
    text.push_str(&format!(
        "}} | {process} \\\n  | \"$THREESCALE_INSTALL\" render objects"
    ));
    if let Some(minor) = cluster.kube_minor.filter(|_| !c.rewrites.is_empty()) {
        text.push_str(&format!(" --kube-minor {minor}"));
    }
    if !c.all {
        for o in &c.objects {
            text.push_str(&format!(
                " --only {}",
                shell_quote(&format!("{}/{}", o.kind, o.name))
            ));
        }
    }
    text.push_str(&format!(" \\\n  | {create}"));
    ScriptStep {
        description,
        command: format!("{process} | \"$THREESCALE_INSTALL\" render objects | {create}"),
        // What goes on stdin: the values given or read back; generated ones are drawn by the
        // server when the script runs.
        stdin_summary: Some(format!(
            "template parameters: {}",
            plan.values
                .iter()
                .filter(|v| !matches!(v.origin, Origin::Generated))
                .map(|v| v.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        text,
        variables,
    }
}

fn script(
    answers: &Answers,
    cluster: &Cluster,
    prepared: &Prepared,
    steps: &[ScriptStep],
    exe: &str,
) -> String {
    let plan = &prepared.plan;
    let mut out = String::from("#!/usr/bin/env bash\n");
    out.push_str(&format!(
        "# threescale-install plan: 3scale API Management 2.8 (profile {}) into project {}\n# on {} as {}.\n",
        prepared.profile.name, answers.project.value, cluster.server, cluster.user
    ));
    let commit = prepared
        .checkout
        .commit
        .as_deref()
        .unwrap_or("not a git checkout");
    out.push_str(&format!(
        "# Templates: {} (commit {commit})\n",
        answers.templates.value
    ));
    for d in &plan.decisions {
        out.push_str(&format!("# {d}\n"));
    }
    for (k, v) in report::given_params(plan) {
        out.push_str(&format!(
            "# Parameter {k}={}\n",
            v.unwrap_or_else(|| "(secret)".into())
        ));
    }
    for c in plan.checks.iter().filter(|c| c.skipped) {
        out.push_str(&format!("# Check skipped with --skip-check: {}\n", c.id));
    }
    if steps.is_empty() {
        out.push_str(&format!(
            "#\n# Nothing to change: 3scale is already installed in project {}.\n",
            answers.project.value
        ));
        return out;
    }
    let mut variables: Vec<&(String, String)> = Vec::new();
    for v in steps.iter().flat_map(|s| &s.variables) {
        if !variables.iter().any(|(n, _)| *n == v.0) {
            variables.push(v);
        }
    }
    if !variables.is_empty() {
        out.push_str("#\n# Secrets are read from the environment:\n");
        for (var, what) in &variables {
            out.push_str(&format!("#   {var}: {what}\n"));
        }
    }
    out.push_str("\nset -euo pipefail\n");
    out.push_str(&format!(
        "THREESCALE_INSTALL=${{THREESCALE_INSTALL:-{}}}\n",
        shell_quote(exe)
    ));
    for (var, what) in &variables {
        out.push_str(&format!(": \"${{{var}:?set {var} to {what}}}\"\n"));
    }
    for s in steps {
        out.push_str(&format!("\n# {}\n{}\n", s.description, s.text));
    }
    out
}
