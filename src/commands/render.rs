//! `render`: what `plan`'s scripts pipe to oc, made by the same code the install uses, with the
//! secrets read from the environment (never from the command line).

use crate::cli::Render;
use crate::failure::{Failure, Outcome};
use crate::inputs::{Env, PARAM_ENV_PREFIX, PASSWORD_ENV};
use crate::pull_secret;
use crate::secrets::Secret;
use crate::templates::api_versions;
use crate::templates::param_file;
use std::io::{Read, Write};

pub(crate) fn run(what: Render, env: &Env) -> Outcome<()> {
    let out = match what {
        Render::PullSecret {
            registry_server,
            registry_username,
        } => {
            let password = env.get(PASSWORD_ENV).ok_or_else(|| {
                Failure::input(format!("{PASSWORD_ENV} is not set"))
                    .with_help(format!("set {PASSWORD_ENV} to the registry password"))
            })?;
            pull_secret::manifest(&pull_secret::Login {
                server: registry_server,
                username: registry_username,
                password: Secret::new(password),
            })
            .expose()
            .to_string()
        }
        Render::ParamFile { names } => {
            let mut pairs = Vec::new();
            for name in names {
                let var = format!("{PARAM_ENV_PREFIX}{name}");
                let value = env.get(&var).ok_or_else(|| {
                    Failure::input(format!("{var} is not set"))
                        .with_help(format!("set {var} to the value of {name}"))
                })?;
                pairs.push((name, value.to_string()));
            }
            param_file::encode_all(&pairs).map_err(|names| {
                Failure::input(format!(
                    "the value of {} holds '#' together with a quote character and a line break, which oc's --param-file syntax cannot carry exactly",
                    names.join(", ")
                ))
            })?
        }
        Render::Release { dir, git_ref } => {
            let commit = crate::templates::repo::head_commit(&dir);
            let doc =
                crate::templates::audit::checkout(&dir, git_ref.as_deref(), commit.as_deref());
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        }
        Render::Objects { kube_minor, only } => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map_err(|e| {
                Failure::input(format!("cannot read the objects from standard input: {e}"))
            })?;
            let mut list: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
                Failure::input(format!("standard input is not the JSON of oc process: {e}"))
            })?;
            let mut items: Vec<serde_json::Value> =
                list["items"].as_array().cloned().unwrap_or_default();
            if !only.is_empty() {
                items.retain(|o| {
                    let id = format!(
                        "{}/{}",
                        o["kind"].as_str().unwrap_or_default(),
                        o["metadata"]["name"].as_str().unwrap_or_default()
                    );
                    only.contains(&id)
                });
            }
            if let Some(minor) = kube_minor {
                let (rewrites, _) = api_versions::assess(&items, minor);
                api_versions::apply(&mut items, &rewrites);
            }
            list["items"] = serde_json::Value::Array(items);
            list.to_string()
        }
    };
    let mut stdout = std::io::stdout();
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    Ok(())
}
