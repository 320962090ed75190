//! `plan` (and `install --dry-run`): everything an install would do, without changing the
//! cluster, as a shell script that runs the exact oc commands in order. Secrets appear only as
//! environment variables the script reads, never as values.

use super::connect;
use super::install::{check_permissions, masked_params, prepare, Observed, Prepared};
use crate::answers::{Answers, PASSWORD_ENV};
use crate::cli::Format;
use crate::failure::Outcome;
use crate::oc::Oc;
use crate::secrets::{Redactor, MASK};
use crate::steps::preflight::{self, Cluster};
use crate::steps::{pull_secret, Action, Ctx};
use crate::ui::Ui;
use serde_json::json;

const HEREDOC_END: &str = "THREESCALE_EOF";

pub fn run(mut answers: Answers, ui: &Ui) -> Outcome<()> {
    let redactor = Redactor::default();
    answers.register_secrets(&redactor);
    let oc = connect(super::Connection::of_install(&answers), ui, &redactor)?;
    let ctx = Ctx {
        oc: &oc,
        ui,
        redactor: &redactor,
    };
    let cluster = preflight::observe(&ctx)?;
    let mut observed = Observed::for_cluster(&cluster);
    let mut prepared = prepare(&ctx, &mut answers, None, &mut observed)?;
    check_permissions(&ctx, &answers, &mut prepared)?;
    let steps: Vec<ScriptStep> = prepared
        .actions
        .iter()
        .map(|a| step(&oc, &answers.project, a))
        .collect();
    let script = script(&answers, &cluster, &prepared, &steps);
    match answers.format {
        Format::Text => ui.result(&script),
        Format::Json => {
            let params: serde_json::Map<String, serde_json::Value> =
                masked_params(&answers, &prepared)
                    .into_iter()
                    .map(|(k, v)| (k, json!(v.unwrap_or_else(|| MASK.into()))))
                    .collect();
            let doc = json!({
                "schema_version": 1,
                "cluster": cluster.server,
                "user": cluster.user,
                "answers": {
                    "project": answers.project,
                    "display_name": answers.display_name,
                    "profile": prepared.profile,
                    "templates": answers.templates.to_string(),
                    "commit": prepared.commit,
                    "wildcard_domain": prepared.domain,
                    "rwx_storage_class": prepared.rwx_class,
                    "registry_server": answers.registry_server,
                    "registry_username": answers.registry_username,
                    "registry_password": MASK,
                    "params": params,
                },
                "skipped_checks": prepared.skipped,
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
    /// Shell lines: any preparation, then the command with its stdin.
    text: String,
    /// Environment variables the step reads, with what they hold.
    variables: Vec<(String, String)>,
}

fn step(oc: &Oc, project: &str, action: &Action) -> ScriptStep {
    let command = shell_command(&oc.full_args(&action.oc_args(project)));
    let description = action.to_string();
    match action {
        Action::CreateProject { .. } => ScriptStep {
            description,
            text: command.clone(),
            command,
            stdin_summary: None,
            variables: Vec::new(),
        },
        Action::CreatePullSecret(login) | Action::UpdatePullSecret { login, .. } => {
            let mut manifest: serde_json::Value =
                serde_json::from_str(pull_secret::manifest(login).expose()).unwrap_or_default();
            manifest["data"][".dockerconfigjson"] = json!("@DOCKERCONFIGJSON@");
            let body = heredoc_escape(&manifest.to_string())
                .replace("@DOCKERCONFIGJSON@", "${dockerconfigjson}");
            let (server, user) = (shell_quote(&login.server), shell_quote(&login.username));
            let text = format!(
                "dockerconfigjson=$(printf '{{\"auths\":{{\"%s\":{{\"auth\":\"%s\",\"password\":\"%s\",\"username\":\"%s\"}}}}}}' \\\n    {server} \"$(printf '%s:%s' {user} \"${PASSWORD_ENV}\" | base64 | tr -d '\\n')\" \\\n    \"${PASSWORD_ENV}\" {user} | base64 | tr -d '\\n')\n{command} <<{HEREDOC_END}\n{body}\n{HEREDOC_END}"
            );
            ScriptStep {
                description,
                command,
                stdin_summary: Some(format!(
                    "Secret {} (reads ${PASSWORD_ENV})",
                    pull_secret::NAME
                )),
                text,
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
        Action::ResumeApp(r) => ScriptStep {
            description: description.clone(),
            text: format!("# {description}\n# The installer processes the template with the values recovered from the existing\n# secrets and creates only these objects; run `threescale-install` to do it:\n# {command} | (keep the missing objects) | oc create -f -"),
            command,
            stdin_summary: Some(format!("template parameters: {}", r.new_app.params.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(", "))),
            variables: Vec::new(),
        },
        Action::NewApp(n) => {
            let encoded = n.encoded();
            let mut variables = Vec::new();
            let mut lines = Vec::new();
            for (name, value) in &n.params {
                if n.is_secret(name) {
                    let var = format!("THREESCALE_PARAM_{name}");
                    lines.push(format!("{name}=\"${{{var}}}\""));
                    variables.push((var, format!("template parameter {name}")));
                } else if encoded
                    .argv
                    .iter()
                    .all(|a| a.split_once('=').map(|(k, _)| k) != Some(name))
                {
                    let quoted = crate::param_file::encode(
                        &[(name.clone(), value.expose().to_string())],
                        |_| false,
                    )
                    .map(|e| e.stdin)
                    .unwrap_or_default();
                    lines.push(heredoc_escape(quoted.trim_end()));
                }
            }
            let names: Vec<&str> = n.params.iter().map(|(k, _)| k.as_str()).collect();
            ScriptStep {
                description,
                text: format!(
                    "{command} <<{HEREDOC_END}\n{}\n{HEREDOC_END}",
                    lines.join("\n")
                ),
                command,
                stdin_summary: Some(format!("template parameters: {}", names.join(", "))),
                variables,
            }
        }
    }
}

fn script(
    answers: &Answers,
    cluster: &Cluster,
    prepared: &Prepared,
    steps: &[ScriptStep],
) -> String {
    let mut out = String::from("#!/bin/sh\n");
    out.push_str(&format!(
        "# threescale-install plan: 3scale API Management 2.8 (profile {}) into project {}\n# on {} as {}.\n",
        prepared.profile, answers.project, cluster.server, cluster.user
    ));
    let commit = prepared.commit.as_deref().unwrap_or("not a git checkout");
    out.push_str(&format!(
        "# Templates: {} (commit {commit})\n",
        answers.templates
    ));
    out.push_str(&format!("# Wildcard domain: {}\n", prepared.domain));
    if let Some(c) = &prepared.rwx_class {
        out.push_str(&format!("# RWX storage class: {c}\n"));
    }
    for (k, v) in masked_params(answers, prepared) {
        out.push_str(&format!(
            "# Parameter {k}={}\n",
            v.unwrap_or_else(|| MASK.into())
        ));
    }
    for s in &prepared.skipped {
        out.push_str(&format!("# Check skipped with --skip-check: {s}\n"));
    }
    if steps.is_empty() {
        out.push_str(&format!(
            "#\n# Nothing to change: 3scale is already installed in project {}.\n",
            answers.project
        ));
        return out;
    }
    let variables: Vec<&(String, String)> = steps.iter().flat_map(|s| &s.variables).collect();
    if !variables.is_empty() {
        out.push_str("#\n# Secrets are read from the environment:\n");
        for (var, what) in &variables {
            out.push_str(&format!("#   {var}: {what}\n"));
        }
    }
    out.push_str("\nset -eu\n");
    for (var, what) in &variables {
        out.push_str(&format!(": \"${{{var}:?set {var} to {what}}}\"\n"));
    }
    for s in steps {
        out.push_str(&format!("\n# {}\n{}\n", s.description, s.text));
    }
    out
}

/// A command line for sh: arguments quoted where the shell would change them.
fn shell_command(argv: &[String]) -> String {
    let mut words = vec!["oc".to_string()];
    words.extend(argv.iter().map(|a| shell_quote(a)));
    words.join(" ")
}

fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@%+=:,./_-{}".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Text for an unquoted here-document: `\`, `$` and backquote keep their literal meaning.
fn heredoc_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('$', "\\$")
        .replace('`', "\\`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quoting() {
        assert_eq!(
            shell_quote("--display-name=3Scale API Management"),
            "'--display-name=3Scale API Management'"
        );
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote("-n"), "-n");
        assert_eq!(
            shell_quote("jsonpath={.spec.domain}"),
            "jsonpath={.spec.domain}"
        );
    }

    #[test]
    fn heredoc_text_is_literal() {
        assert_eq!(heredoc_escape(r#"a$b`c\d"#), r#"a\$b\`c\\d"#);
    }
}
