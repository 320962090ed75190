//! Templates: the checkout (cache, fetch or --templates-dir), the template model, and the check of
//! every given parameter against it. Changes nothing on the cluster.

use super::{Ctx, StepId};
use crate::answers::{Answers, TemplatesSource};
use crate::failure::{Failure, Outcome};
use crate::names;
use crate::template::Template;
use crate::templates_repo::{self, Checkout};
use std::path::PathBuf;

/// Parameters set through their own flags, never through --param.
const OWNED_PARAMS: &[(&str, &str)] = &[
    ("WILDCARD_DOMAIN", "--wildcard-domain"),
    ("RWX_STORAGE_CLASS", "--rwx-storage-class"),
];

pub struct Templates {
    pub checkout: Checkout,
    pub app_template_path: PathBuf,
    pub app_template: Template,
    pub image_streams_path: PathBuf,
}

pub fn observe(ctx: &Ctx, answers: &Answers) -> Outcome<Templates> {
    let line = ctx.ui.step(StepId::Templates.title());
    let result = (|| {
        let checkout = match &answers.templates {
            TemplatesSource::Dir(dir) => templates_repo::use_dir(dir),
            TemplatesSource::Git { repo, git_ref } => {
                line.detail(&format!("{repo} at {git_ref}"));
                let mut bar = ctx.ui.transfer();
                templates_repo::ensure(repo, git_ref, &mut bar)
            }
        }
        .map_err(|e| {
            Failure::preflight(format!("templates step: {e}"))
                .with_help("check --templates-repo and --templates-ref, or point --templates-dir at a checkout of the 2.8.0.GA tag")
        })?;
        let app_template_path = checkout.dir.join("amp/amp.yml");
        let app_template = Template::load(&app_template_path)
            .map_err(|e| Failure::preflight(format!("templates step: {e}")))?;
        check_params(answers, &app_template)?;
        let image_streams_path = checkout.dir.join("3scale-image-streams.yml");
        Ok(Templates {
            checkout,
            app_template_path,
            app_template,
            image_streams_path,
        })
    })();
    match result {
        Ok(t) => {
            let source = if t.checkout.fetched {
                "fetched"
            } else {
                "cached"
            };
            let source = match answers.templates {
                TemplatesSource::Dir(_) => "directory",
                _ => source,
            };
            line.detail(&format!(
                "{} ({source}), commit {}",
                t.checkout.dir.display(),
                t.checkout
                    .commit
                    .as_deref()
                    .unwrap_or("unknown: not a git checkout")
            ));
            line.done();
            Ok(t)
        }
        Err(e) => {
            line.failed();
            Err(e)
        }
    }
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
