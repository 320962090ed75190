//! The plan as a script (`plan`, `install --dry-run`): everything an install would do, as a bash
//! script that runs the same oc commands in order. Secrets appear only as environment variables
//! the script reads; the manifests that hold them are rendered by this same program
//! (`threescale-install render ...`), from the same code the install uses, so that a hostile
//! password reaches the cluster unchanged.

use super::action::{CreateObjects, InstallAction as Action};
use super::plan::{Origin, Plan};
use super::prepare::Prepared;
use crate::engine::cluster::Cluster;
use crate::engine::session::Session;
use crate::inputs::{Answers, PARAM_ENV_PREFIX, PASSWORD_ENV};
use crate::oc::args::{self, shell_quote};

const HEREDOC_END: &str = "THREESCALE_EOF";

/// The script of `prepared`, and each of its steps (for `-o json`).
pub(crate) fn of(
    session: &Session,
    answers: &Answers,
    prepared: &Prepared,
) -> (String, Vec<ScriptStep>) {
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "threescale-install".into());
    let cluster = &prepared.cluster;
    let steps: Vec<ScriptStep> = prepared
        .plan
        .actions
        .iter()
        .map(|a| step(session, answers, cluster, &prepared.plan, a))
        .collect();
    let script = script(answers, cluster, prepared, &steps, &exe);
    (script, steps)
}

/// One action as script text.
pub(crate) struct ScriptStep {
    pub(crate) description: String,
    pub(crate) command: String,
    pub(crate) stdin_summary: Option<String>,
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
        Action::WritePullSecret(w) => {
            let login = w.login();
            ScriptStep {
            description,
            text: format!(
                "\"$THREESCALE_INSTALL\" render pull-secret --registry-server {} --registry-username {} \\\n  | {command}",
                shell_quote(&login.server),
                shell_quote(&login.username)
            ),
            command,
            stdin_summary: Some(format!("Secret {} (from ${PASSWORD_ENV})", crate::pull_secret::NAME)),
            variables: vec![(
                PASSWORD_ENV.into(),
                format!("the password of {} at {}", login.username, login.server),
            )],
        }
        }
        Action::CreateImageStreams { manifest, names } => ScriptStep {
            description,
            text: format!("{command} <<'{HEREDOC_END}'\n{manifest}\n{HEREDOC_END}"),
            command,
            stdin_summary: Some(format!("ImageStreamList: {}", names.join(", "))),
            variables: Vec::new(),
        },
        Action::CreateObjects(c) => {
            objects_step(session, answers, cluster, plan, c, command, description)
        }
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
    let Values {
        plain,
        mut secret_names,
        mut variables,
        recovered,
    } = values(plan);
    let mut text = String::new();
    if !recovered.is_empty() {
        text.push_str(&resume_note(&recovered));
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
    text.push_str(&pipeline(
        &plain,
        &secret_names,
        &process,
        cluster,
        c,
        &create,
    ));
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

/// The values of the template, as the script carries them.
#[derive(Default)]
struct Values {
    /// `NAME="value"` lines of the plain values, written in the script.
    plain: Vec<String>,
    /// Secrets the script reads from the environment.
    secret_names: Vec<String>,
    variables: Vec<(String, String)>,
    /// Secrets held by existing objects, which the script cannot read.
    recovered: Vec<String>,
}

fn values(plan: &Plan) -> Values {
    let mut out = Values::default();
    for v in &plan.values {
        match (&v.origin, v.secret) {
            // The server draws generated values when the script runs, as new-app would.
            (Origin::Generated, _) => {}
            (Origin::Existing(holder), true) => {
                out.recovered.push(format!("{} (held by {holder})", v.name))
            }
            (_, true) => {
                out.secret_names.push(v.name.clone());
                out.variables.push((
                    format!("{PARAM_ENV_PREFIX}{}", v.name),
                    format!("template parameter {}", v.name),
                ));
            }
            (_, false) => {
                let line = crate::templates::param_file::line_for(&v.name, v.value.expose())
                    .unwrap_or_else(|| format!("{}=\"\"", v.name));
                out.plain.push(line);
            }
        }
    }
    out
}

fn resume_note(recovered: &[String]) -> String {
    format!(
        "# Resuming: the missing objects must carry the values the existing ones hold, which\n# this script cannot read; set them from the cluster, or run threescale-install, which reads\n# them itself: {}\n",
        recovered.join(", ")
    )
}

/// The values on stdin to `oc process`, its objects through `render objects`, into `oc create`.
fn pipeline(
    plain: &[String],
    secret_names: &[String],
    process: &str,
    cluster: &Cluster,
    c: &CreateObjects,
    create: &str,
) -> String {
    let mut text = format!(
        "{{ cat <<'{HEREDOC_END}'\n{}\n{HEREDOC_END}\n",
        plain.join("\n")
    );
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
    text
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
    for (k, v) in plan.shown_params("(secret)") {
        out.push_str(&format!("# Parameter {k}={v}\n"));
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
