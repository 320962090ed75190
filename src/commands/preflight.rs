//! `preflight`: every read-only check of an install, each reported on its own, as a table (or
//! JSON). A failed check does not stop the others that can still run.

use super::connect;
use crate::answers::{Answers, TemplatesSource};
use crate::checks::{self, CheckResult, Verdict};
use crate::cli::Format;
use crate::failure::{Failure, Outcome};
use crate::names;
use crate::secrets::Redactor;
use crate::steps::preflight::{describe_version, kube_minor};
use crate::steps::{domain, project, sizing, storage, templates, Ctx};
use crate::ui::Ui;
use serde_json::json;

/// What an install into an existing project creates, as `oc auth can-i` takes it.
const IN_PROJECT: &[(&str, &str)] = &[
    ("create", "secrets"),
    ("create", "imagestreams.image.openshift.io"),
    ("create", "deploymentconfigs.apps.openshift.io"),
];

pub fn run(mut answers: Answers, ui: &Ui) -> Outcome<()> {
    let redactor = Redactor::default();
    answers.register_secrets(&redactor);
    let skips = answers.skip_checks.clone();
    let mut results = Vec::new();
    let oc = match connect(super::Connection::of_install(&answers), ui, &redactor) {
        Ok(oc) => {
            results.push(CheckResult::ok("oc", oc.program().display().to_string()));
            Some(oc)
        }
        Err(f) => {
            results.push(CheckResult::fail("oc", format!("{:#}", f.error), &skips));
            None
        }
    };
    if let Some(oc) = &oc {
        let ctx = Ctx {
            oc,
            ui,
            redactor: &redactor,
        };
        cluster_checks(&ctx, &mut answers, &skips, &mut results);
    }
    report(&answers, &results)
}

fn cluster_checks(
    ctx: &Ctx,
    answers: &mut Answers,
    skips: &[String],
    results: &mut Vec<CheckResult>,
) {
    let login = ctx
        .oc
        .server_url()
        .and_then(|server| ctx.oc.whoami().map(|user| (server, user)));
    match login {
        Ok((server, user)) => results.push(CheckResult::ok("login", format!("{user} on {server}"))),
        Err(e) => {
            let help = e
                .common_help()
                .unwrap_or_else(|| "run `oc login` first".into());
            results.push(CheckResult::fail("login", format!("{e}\n{help}"), skips));
            return;
        }
    }
    let version = ctx.oc.version();
    let minor = version.as_ref().ok().and_then(kube_minor);
    match version {
        Ok(v) => {
            let (text, major) = describe_version(&v);
            if major.is_some_and(|m| m >= 4) {
                results.push(CheckResult::warn(
                    "openshift-version",
                    format!("OpenShift {text}: Red Hat supports the 2.8 templates on 3.11, and the operator on 4.x"),
                ));
            } else {
                results.push(CheckResult::ok(
                    "openshift-version",
                    format!("OpenShift {text}"),
                ));
            }
        }
        Err(e) => results.push(CheckResult::fail("openshift-version", e.to_string(), skips)),
    }

    let template = match templates::checkout(ctx, &answers.templates) {
        Ok(checkout) => {
            let profiles = templates::profiles(&checkout.dir);
            match templates::load(&profiles, answers.template.as_deref())
                .and_then(|(path, t)| templates::check_params(answers, &t).map(|_| (path, t)))
            {
                Ok((path, t)) => {
                    let source = match &answers.templates {
                        TemplatesSource::Git { repo, git_ref } => format!("{repo} at {git_ref}"),
                        TemplatesSource::Dir(d) => d.display().to_string(),
                    };
                    let commit = checkout.commit.as_deref().unwrap_or("not a git checkout");
                    results.push(CheckResult::ok(
                        "templates",
                        format!("{} from {source}, commit {commit}", path.display()),
                    ));
                    Some(t)
                }
                Err(f) => {
                    results.push(CheckResult::fail("templates", failure_text(&f), skips));
                    None
                }
            }
        }
        Err(f) => {
            results.push(CheckResult::fail("templates", failure_text(&f), skips));
            None
        }
    };

    let mut classes = None;
    let mut rwx_class = None;
    if template
        .as_ref()
        .is_none_or(|t| t.parameter("RWX_STORAGE_CLASS").is_some())
    {
        let decided = storage::observe(ctx).and_then(|listed| {
            classes = listed.clone();
            storage::decide(ctx, listed.as_deref(), answers.rwx_storage_class.as_deref())
        });
        results.push(match decided {
            Ok(class) => {
                rwx_class = Some(class.clone());
                CheckResult::ok("storage", format!("RWX_STORAGE_CLASS={class}"))
            }
            Err(f) => CheckResult::fail("storage", failure_text(&f), skips),
        });
    }

    let discovered = if answers.wildcard_domain.is_none() {
        domain::discover(ctx)
    } else {
        None
    };
    let domain = match &answers.wildcard_domain {
        Some(d) => match names::check_wildcard_domain(d) {
            Ok(()) => Ok(format!("{d} (given)")),
            Err(why) => Err(format!("'{d}' is invalid: {why}")),
        },
        None => match &discovered {
            Some(d) => Ok(format!("{d} (from the cluster ingress config)")),
            None => Err("not given, and the cluster's ingress domain could not be read: pass --wildcard-domain".into()),
        },
    };
    results.push(match domain {
        Ok(d) => CheckResult::ok("wildcard-domain", d),
        Err(e) => CheckResult::fail("wildcard-domain", e, skips),
    });

    let mut missing: Vec<String> = answers
        .missing()
        .iter()
        .filter(|m| !m.flag.contains("wildcard"))
        .map(ToString::to_string)
        .collect();
    if let Some(t) = &template {
        // As install does: the profile's values from the environment, and their checks.
        if let Err(f) = templates::profile_inputs(answers, t) {
            missing.push(failure_text(&f));
        }
        missing.extend(
            templates::required_missing(t, answers)
                .into_iter()
                .map(|p| templates::missing_param(p).to_string()),
        );
    }
    results.push(if missing.is_empty() {
        CheckResult::ok("inputs", "every value an install needs is given")
    } else {
        CheckResult::fail(
            "inputs",
            format!("missing or wrong:\n{}", missing.join("\n")),
            skips,
        )
    });

    let observed_project = project::observe(ctx, &answers.project);
    let exists = matches!(observed_project, Ok(project::Observed::Exists));
    results.push(permissions(ctx, &answers.project, observed_project, skips));

    if let Some(t) = &template {
        let mut params = answers.params.clone();
        if let Some(d) = answers.wildcard_domain.clone().or(discovered) {
            params.push(("WILDCARD_DOMAIN".into(), d));
        }
        if let Some(c) = &rwx_class {
            params.push(("RWX_STORAGE_CLASS".into(), c.clone()));
        }
        match sizing::observe(ctx, exists.then_some(answers.project.as_str())) {
            Ok((nodes, quotas)) => {
                let offer = sizing::Offer {
                    classes,
                    nodes,
                    quotas,
                    kube_minor: minor,
                };
                results.extend(sizing::findings(
                    t,
                    &params,
                    rwx_class.as_deref(),
                    &offer,
                    answers.strict,
                    skips,
                ));
            }
            Err(f) => results.push(CheckResult::fail("capacity", failure_text(&f), skips)),
        }
    }
}

fn permissions(
    ctx: &Ctx,
    name: &str,
    observed: Outcome<project::Observed>,
    skips: &[String],
) -> CheckResult {
    let needed: Vec<(&str, &str, Option<&str>)> = match observed {
        Ok(project::Observed::Exists) => IN_PROJECT
            .iter()
            .map(|(v, r)| (*v, *r, Some(name)))
            .collect(),
        Ok(project::Observed::Absent) => vec![("create", "projectrequests", None)],
        Err(f) => return CheckResult::fail("permissions", failure_text(&f), skips),
    };
    let mut denied = Vec::new();
    for (verb, resource, ns) in &needed {
        match ctx.oc.can_i(verb, resource, *ns) {
            Ok(true) => {}
            Ok(false) => denied.push(format!(
                "{verb} {resource}{}",
                ns.map(|n| format!(" in project {n}")).unwrap_or_default()
            )),
            Err(e) => return CheckResult::fail("permissions", e.to_string(), skips),
        }
    }
    if denied.is_empty() {
        let what: Vec<String> = needed.iter().map(|(v, r, _)| format!("{v} {r}")).collect();
        CheckResult::ok("permissions", format!("may {}", what.join(", ")))
    } else {
        CheckResult::fail(
            "permissions",
            format!("denied: {}", denied.join(", ")),
            skips,
        )
    }
}

fn failure_text(f: &Failure) -> String {
    let mut text = format!("{:#}", f.error);
    for h in &f.help {
        text.push_str(&format!("\nhelp: {h}"));
    }
    text
}

fn report(answers: &Answers, results: &[CheckResult]) -> Outcome<()> {
    let failed: Vec<&str> = results
        .iter()
        .filter(|r| r.result == Verdict::Fail)
        .map(|r| r.id)
        .collect();
    match answers.format {
        Format::Text => print!("{}", checks::table(results)),
        Format::Json => {
            let doc = json!({"schema_version": 1, "passed": failed.is_empty(), "checks": results});
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::preflight(format!(
            "preflight: {} check(s) failed: {}",
            failed.len(),
            failed.join(", ")
        ))
        .with_help(format!(
            "fix what the table says, or skip a check you accept with --skip-check ID ({})",
            checks::SKIPPABLE.join(", ")
        )))
    }
}
