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
}

/// Whether a template parameter holds a secret, judged by its name and template (before a value
/// is known: the wizard asks such parameters hidden).
pub fn is_secret_param(template: &Template, name: &str) -> bool {
    crate::param_rules::is_secret(template, name, "")
}

/// How many objects labelled `app=<label>` the project holds (of the template's types).
pub fn observe(ctx: &Ctx, project: &str, template: &Template, app_label: &str) -> Outcome<usize> {
    let types = template.resource_types().join(",");
    let selector = format!("app={app_label}");
    let objects: Vec<Object> = ctx
        .oc
        .list(&types, Some(project), Some(&selector))
        .map_err(|e| {
            Failure::new(FailureKind::Preflight, e).context(format!(
                "application step: could not list the objects labelled {selector}"
            ))
        })?;
    Ok(objects.iter().filter(|o| !o.kind.is_empty()).count())
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
