//! Application: `oc new-app --file amp/amp.yml --param-file=-`, unless the project already holds
//! objects labelled `app=<APP_LABEL>`.

use super::{cluster_failure, Action, Ctx, StepId};
use crate::failure::{Failure, FailureKind, Outcome};
use crate::param_file;
use crate::secrets::Secret;
use crate::template::Template;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const DEFAULT_APP_LABEL: &str = "3scale-api-management";

#[derive(Deserialize)]
struct Object {
    kind: String,
    metadata: ObjectName,
}

#[derive(Deserialize)]
struct ObjectName {
    name: String,
}

/// Whether a template parameter holds a secret, judged by its name and template (before a value
/// is known: the wizard asks such parameters hidden).
pub fn is_secret_param(template: &Template, name: &str) -> bool {
    crate::param_rules::is_secret(template, name, "")
}

/// (kind, name) of the objects labelled `app=<label>` among the project's contents.
pub fn observe(
    contents: &[serde_json::Value],
    template: &Template,
    app_label: &str,
) -> Vec<(String, String)> {
    let kinds: Vec<&str> = template.objects.iter().map(|o| o.kind.as_str()).collect();
    contents
        .iter()
        .filter(|o| {
            o["metadata"]["labels"]["app"] == app_label
                && o["kind"].as_str().is_some_and(|k| kinds.contains(&k))
        })
        .filter_map(|o| serde_json::from_value::<Object>(o.clone()).ok())
        .map(|o| (o.kind, o.metadata.name))
        .collect()
}

/// The template's objects, as (kind, name), that the project lacks.
pub fn missing_objects(
    existing: &[(String, String)],
    template: &Template,
    params: &[(String, String)],
) -> Vec<(String, String)> {
    crate::render::render(template, params)
        .iter()
        .map(|o| {
            (
                o["kind"].as_str().unwrap_or_default().to_string(),
                o["metadata"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .filter(|object| !existing.contains(object))
        .collect()
}

/// Generated values read back (name, value), and the generated parameters no secret holds.
pub type Recovered = (Vec<(String, String)>, Vec<String>);

/// Values an earlier `new-app` generated, read back from the secrets that hold them, so that
/// creating the missing objects never regenerates a secret that exists. Returns the values found
/// and the generated parameters no existing secret holds (they will be generated anew).
pub fn recover_generated(
    ctx: &Ctx,
    project: &str,
    template: &Template,
    existing: &[(String, String)],
) -> Outcome<Recovered> {
    let mut found = Vec::new();
    let mut lost = Vec::new();
    let mut read: std::collections::BTreeMap<String, Option<SecretData>> =
        std::collections::BTreeMap::new();
    for p in template.parameters.iter().filter(|p| p.generate.is_some()) {
        let placeholder = format!("${{{}}}", p.name);
        let holders = template
            .objects
            .iter()
            .filter(|o| o.kind == "Secret")
            .filter_map(|o| {
                let name = o.rest.get("metadata")?.get("name")?.as_str()?.to_string();
                let key = ["stringData", "data"].iter().find_map(|field| {
                    o.rest
                        .get(*field)?
                        .as_object()?
                        .iter()
                        .find(|(_, v)| v.as_str() == Some(placeholder.as_str()))
                        .map(|(k, _)| k.clone())
                })?;
                existing
                    .iter()
                    .any(|(kind, n)| kind == "Secret" && *n == name)
                    .then_some((name, key))
            });
        let mut value = None;
        for (secret, key) in holders {
            if !read.contains_key(&secret) {
                let data: Option<SecretData> =
                    ctx.oc.get_secret_raw(&secret, project).map_err(|e| {
                        Failure::new(FailureKind::Preflight, e)
                            .context(format!("application step: could not read secret {secret}"))
                    })?;
                read.insert(secret.clone(), data);
            }
            value = read[&secret]
                .as_ref()
                .and_then(|d| d.data.get(&key))
                .and_then(|b| {
                    use base64::Engine;
                    base64::engine::general_purpose::STANDARD
                        .decode(b)
                        .ok()
                        .and_then(|v| String::from_utf8(v).ok())
                });
            if value.is_some() {
                break;
            }
        }
        match value {
            Some(v) => {
                ctx.redactor.add_named(&p.name, &v);
                found.push((p.name.clone(), v));
            }
            None => lost.push(p.name.clone()),
        }
    }
    Ok((found, lost))
}

#[derive(Deserialize)]
struct SecretData {
    #[serde(default)]
    data: std::collections::BTreeMap<String, String>,
}

/// Creating only what an interrupted `new-app` left out.
#[derive(Debug, Clone)]
pub struct Resume {
    pub new_app: NewApp,
    /// (kind, name) of the template's objects the project lacks.
    pub missing: Vec<(String, String)>,
    /// Generated parameters no existing secret holds: they get new values.
    pub regenerated: Vec<String>,
}

/// Creates the `missing` objects, with the values an earlier new-app generated.
pub fn plan_resume(
    missing: Vec<(String, String)>,
    template_path: &Path,
    template: &Template,
    params: &[(String, String)],
    regenerated: Vec<String>,
) -> Outcome<Vec<Action>> {
    if missing.is_empty() {
        return Ok(Vec::new());
    }
    match plan(0, template_path, template, params)?.pop() {
        Some(Action::NewApp(new_app)) => Ok(vec![Action::ResumeApp(Resume {
            new_app,
            missing,
            regenerated,
        })]),
        _ => Ok(Vec::new()),
    }
}

/// Processes the template with the recovered values and creates the missing objects only.
pub fn apply_resume(ctx: &Ctx, project: &str, resume: &Resume) -> Outcome<()> {
    let encoded = resume.new_app.encoded();
    let processed = ctx
        .oc
        .process(
            &resume.new_app.template,
            encoded.stdin.as_bytes(),
            &encoded.argv,
            project,
        )
        .map_err(|e| cluster_failure(StepId::Application, "process the template", e, None))?;
    let list: serde_json::Value = serde_json::from_slice(&processed).map_err(|e| {
        Failure::new(
            FailureKind::Cluster,
            anyhow::anyhow!("application step: oc process printed JSON we could not read: {e}"),
        )
    })?;
    let items: Vec<serde_json::Value> = list["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|o| {
            resume.missing.iter().any(|(kind, name)| {
                o["kind"] == kind.as_str() && o["metadata"]["name"] == name.as_str()
            })
        })
        .collect();
    for secret in items.iter().filter(|o| o["kind"] == "Secret") {
        for field in ["stringData", "data"] {
            for (key, value) in secret[field].as_object().into_iter().flatten() {
                if let Some(v) = value.as_str() {
                    ctx.redactor.add_named(key, v);
                }
            }
        }
    }
    let manifest = serde_json::json!({"apiVersion": "v1", "kind": "List", "items": items});
    ctx.oc
        .create(manifest.to_string().as_bytes(), project)
        .map(|_| ())
        .map_err(|e| {
            cluster_failure(
                StepId::Application,
                "create the missing objects",
                e,
                Some("run again: it creates what is still missing"),
            )
        })
}

/// The application's `oc new-app`: the template and every parameter in the order given, with the
/// names of those that are secret.
#[derive(Debug, Clone)]
pub struct NewApp {
    pub template: PathBuf,
    pub params: Vec<(String, Secret)>,
    pub secret_names: Vec<String>,
}

impl NewApp {
    /// How the parameters reach oc; `plan` made sure every secret fits the param file.
    pub fn encoded(&self) -> param_file::Encoded {
        let plain: Vec<(String, String)> = self
            .params
            .iter()
            .map(|(k, v)| (k.clone(), v.expose().to_string()))
            .collect();
        param_file::encode(&plain, |k| self.secret_names.iter().any(|s| s == k)).unwrap_or_default()
    }

    pub fn is_secret(&self, name: &str) -> bool {
        self.secret_names.iter().any(|s| s == name)
    }
}

/// `existing`: labelled objects found (0 when the project is new). `params` in the order given.
pub fn plan(
    existing: usize,
    template_path: &Path,
    template: &Template,
    params: &[(String, String)],
) -> Outcome<Vec<Action>> {
    if existing > 0 {
        return Ok(Vec::new());
    }
    let secret_names: Vec<String> = params
        .iter()
        .filter(|(k, v)| crate::param_rules::is_secret(template, k, v))
        .map(|(k, _)| k.clone())
        .collect();
    param_file::encode(params, |k| secret_names.iter().any(|s| s == k)).map_err(|names| {
        Failure::input(format!(
            "application step: the value of {} holds '#' together with a quote character, which oc's --param-file syntax cannot carry exactly",
            names.join(", ")
        ))
        .with_help("choose a value without '#', or without quotes")
    })?;
    Ok(vec![Action::NewApp(NewApp {
        template: template_path.to_path_buf(),
        params: params
            .iter()
            .map(|(k, v)| (k.clone(), Secret::new(v.clone())))
            .collect(),
        secret_names,
    })])
}

pub fn apply(ctx: &Ctx, project: &str, new_app: &NewApp) -> Outcome<()> {
    let encoded = new_app.encoded();
    match ctx.oc.new_app(
        &new_app.template,
        encoded.stdin.as_bytes(),
        &encoded.argv,
        project,
    ) {
        Ok(_) => Ok(()),
        Err(e) => {
            let help = if e.stderr.contains("already exists") {
                Some("objects of an earlier attempt are in the project; run again to reuse them, or delete the project (`oc delete project ...`) for a clean install")
            } else {
                None
            };
            Err(cluster_failure(
                StepId::Application,
                "create the 3scale objects",
                e,
                help,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_applied_application_is_not_applied_again() {
        let t = Template::parse("metadata: {name: t}\n").unwrap();
        assert!(plan(3, Path::new("amp.yml"), &t, &[]).unwrap().is_empty());
        let planned = plan(
            0,
            Path::new("amp.yml"),
            &t,
            &[("WILDCARD_DOMAIN".into(), "apps.x".into())],
        )
        .unwrap();
        assert!(
            matches!(planned.as_slice(), [Action::NewApp(n)] if n.params[0].0 == "WILDCARD_DOMAIN")
        );
    }
}
