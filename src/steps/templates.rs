//! Templates: the checkout (cache, fetch or --templates-dir), the install profiles it offers,
//! the chosen template's model, and the check of every given parameter against it.
//! Changes nothing on the cluster.

use super::{Ctx, StepId};
use crate::answers::{Answers, Missing, TemplatesSource};
use crate::failure::{Failure, Outcome};
use crate::names;
use crate::param_rules;
use crate::template::{Parameter, Template};
use crate::templates_repo::{self, Checkout};
use std::path::{Path, PathBuf};

pub const DEFAULT_PROFILE: &str = "amp";

/// Parameters set through their own flags, never through --param.
const OWNED_PARAMS: &[(&str, &str)] = &[
    ("WILDCARD_DOMAIN", "--wildcard-domain"),
    ("RWX_STORAGE_CLASS", "--rwx-storage-class"),
];

/// An install profile: one template file of the checkout's `amp/` directory.
#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub path: PathBuf,
    pub title: String,
    pub description: String,
}

pub fn checkout(ctx: &Ctx, source: &TemplatesSource) -> Outcome<Checkout> {
    let line = ctx.ui.step(StepId::Templates.title());
    let result = match source {
        TemplatesSource::Dir(dir) => templates_repo::use_dir(dir),
        TemplatesSource::Git { repo, git_ref } => {
            line.detail(&format!("{repo} at {git_ref}"));
            let mut bar = ctx.ui.transfer();
            templates_repo::ensure(repo, git_ref, &mut bar)
        }
    };
    match result {
        Ok(c) => {
            let how = match (source, c.fetched) {
                (TemplatesSource::Dir(_), _) => "directory",
                (_, true) => "fetched",
                (_, false) => "cached",
            };
            line.detail(&format!(
                "{} ({how}), commit {}",
                c.dir.display(),
                c.commit.as_deref().unwrap_or("unknown: not a git checkout")
            ));
            line.done();
            Ok(c)
        }
        Err(e) => {
            line.failed();
            Err(Failure::preflight(format!("templates step: {e}"))
                .with_help("check --templates-repo and --templates-ref, or point --templates-dir at a checkout of the 2.8.0.GA tag"))
        }
    }
}

/// The install profiles of a checkout: `amp/*.yml`, `amp` first, then by name.
pub fn profiles(dir: &Path) -> Vec<Profile> {
    let mut found: Vec<Profile> = std::fs::read_dir(dir.join("amp"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .filter_map(|path| {
            let template = Template::load(&path).ok()?;
            let name = path.file_stem()?.to_string_lossy().into_owned();
            let title = template
                .metadata
                .annotations
                .get("openshift.io/display-name")
                .cloned()
                .unwrap_or_else(|| template.metadata.name.clone());
            let description = template
                .metadata
                .annotations
                .get("description")
                .cloned()
                .unwrap_or_default();
            Some(Profile {
                name,
                path,
                title,
                description,
            })
        })
        .collect();
    found.sort_by_key(|p| (p.name != DEFAULT_PROFILE, p.name.clone()));
    found
}

/// The template of the chosen profile: a profile name, or a path to a template file.
pub fn load(profiles: &[Profile], wanted: Option<&str>) -> Outcome<(PathBuf, Template)> {
    let wanted = wanted.unwrap_or(DEFAULT_PROFILE);
    let path = match profiles.iter().find(|p| p.name == wanted) {
        Some(p) => p.path.clone(),
        None if Path::new(wanted).is_file() => {
            std::fs::canonicalize(wanted).unwrap_or_else(|_| PathBuf::from(wanted))
        }
        None => {
            let names: Vec<&str> = profiles.iter().map(|p| p.name.as_str()).collect();
            let hint = names::closest(wanted, names.iter().copied())
                .map(|c| format!("did you mean {c}? "))
                .unwrap_or_default();
            return Err(Failure::input(format!(
                "templates step: '{wanted}' is neither an install profile of the checkout nor a template file"
            ))
            .with_help(format!("{hint}the profiles are: {}", names.join(", "))));
        }
    };
    let template =
        Template::load(&path).map_err(|e| Failure::preflight(format!("templates step: {e}")))?;
    Ok((path, template))
}

/// Every given parameter must exist in the template; the closest real name is suggested.
pub fn check_params(answers: &Answers, template: &Template) -> Outcome<()> {
    let mut problems = Vec::new();
    for (name, _) in &answers.params {
        if let Some((_, flag)) = OWNED_PARAMS.iter().find(|(p, _)| p == name) {
            problems.push(format!("{name} is set with {flag}, not with --param"));
        } else if template.parameter(name).is_none() {
            let hint = names::closest(name, template.parameters.iter().map(|p| p.name.as_str()))
                .map(|c| format!("; did you mean {c}?"))
                .unwrap_or_else(|| {
                    format!(
                        "; {} has {} parameters",
                        template.metadata.name,
                        template.parameters.len()
                    )
                });
            problems.push(format!("unknown template parameter {name}{hint}"));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(Failure::input(format!(
        "templates step: the template parameters given are wrong:\n  - {}",
        problems.join("\n  - ")
    ))
    .with_help(
        "`oc process --parameters -f amp/amp.yml` in the templates checkout lists every parameter",
    ))
}

/// Parameters an install needs that no input gave: required ones with neither a default nor a
/// generator, and those the profile needs together (S3 credentials and bucket).
pub fn required_missing<'a>(template: &'a Template, answers: &Answers) -> Vec<&'a Parameter> {
    let given = |name: &str| answers.param(name).is_some_and(|v| !v.is_empty());
    let mut missing: Vec<&Parameter> = template
        .parameters
        .iter()
        .filter(|p| {
            p.required && p.value.as_deref().unwrap_or("").is_empty() && p.generate.is_none()
        })
        .filter(|p| !OWNED_PARAMS.iter().any(|(o, _)| *o == p.name))
        .filter(|p| !given(&p.name))
        .collect();
    for name in param_rules::needed_but_missing(template, given) {
        if let Some(p) = template
            .parameter(name)
            .filter(|p| !missing.iter().any(|m| m.name == p.name))
        {
            missing.push(p);
        }
    }
    missing
}

/// A missing template parameter, with every way to give it.
pub fn missing_param(p: &Parameter) -> Missing {
    let what = format!(
        "template parameter {}{}",
        p.name,
        p.description
            .as_deref()
            .map(|d| format!(" ({})", d.trim()))
            .unwrap_or_default()
    );
    if param_rules::NEVER_FROM_FLAGS.contains(&p.name.as_str()) {
        return Missing {
            what,
            flag: "--aws-secret-access-key-file or --aws-secret-access-key-stdin".into(),
            env: p.name.clone(),
            key: "aws_secret_access_key_file".into(),
        };
    }
    Missing {
        what,
        flag: format!("--param {}=VALUE", p.name),
        env: "THREESCALE_PARAMS".into(),
        key: format!("params.{}", p.name),
    }
}

/// Fills what the profile takes from the environment, and checks the values of the profile's
/// parameters (URL schemes, choices).
pub fn profile_inputs(answers: &mut Answers, template: &Template) -> Outcome<()> {
    if template.parameter("AWS_SECRET_ACCESS_KEY").is_some()
        && answers.param("AWS_SECRET_ACCESS_KEY").is_none()
    {
        if let Some(s) = answers.aws_secret_access_key.clone() {
            answers.set_param("AWS_SECRET_ACCESS_KEY", s.expose().to_string());
        }
    }
    if template.parameter("AWS_ACCESS_KEY_ID").is_some()
        && answers.param("AWS_ACCESS_KEY_ID").is_none()
    {
        if let Some(id) = answers.aws_access_key_id_env.clone() {
            answers.set_param("AWS_ACCESS_KEY_ID", id);
        }
    }
    let problems = param_rules::check(template, &answers.params);
    if problems.is_empty() {
        return Ok(());
    }
    Err(Failure::input(format!(
        "templates step: parameter values are wrong:\n  - {}",
        problems.join("\n  - ")
    ))
    .with_help("fix the values above (--param, THREESCALE_PARAMS or the answers file's params)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_come_from_the_checkout_with_amp_first() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("amp/system-oracle")).unwrap();
        let template = |name: &str, desc: &str| {
            format!("apiVersion: template.openshift.io/v1\nkind: Template\nmetadata:\n  name: {name}\n  annotations:\n    description: {desc}\nparameters: []\nobjects: []\n")
        };
        std::fs::write(dir.path().join("amp/amp-s3.yml"), template("s3", "with S3")).unwrap();
        std::fs::write(
            dir.path().join("amp/amp.yml"),
            template("main", "main system"),
        )
        .unwrap();
        std::fs::write(dir.path().join("amp/README.md"), "not a template").unwrap();
        let found = profiles(dir.path());
        let names: Vec<&str> = found.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["amp", "amp-s3"]);
        assert_eq!(found[1].description, "with S3");

        assert!(load(&found, Some("amp-s3")).is_ok());
        let err = load(&found, Some("amp-s4")).unwrap_err().to_string();
        assert!(err.contains("did you mean amp-s3?"), "{err}");
    }
}
