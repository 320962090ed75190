//! `preflight`: every read-only check of an install, as a table (or JSON). It runs the install's
//! own preparation — the same resume from the record, observations and plan — and reports each
//! finding; a stage that cannot run is a failed check, and the checks after it say they were not
//! run.

use crate::cli::Format;
use crate::engine::checks::{self, CheckResult, Verdict};
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::inputs::{Answers, Field};
use crate::install::prepare::{self, Prepared};
use crate::install::resume;
use crate::install::{sizing, storage};
use serde_json::json;

pub(crate) fn run(mut answers: Answers) -> Outcome<()> {
    let skips = answers.checks.skip.clone();
    let mut results = Vec::new();
    match Session::open(&answers.connection, &answers.mode) {
        Ok(session) => {
            session.works_on(&answers.project.value);
            results.push(CheckResult::ok(
                "oc",
                session.oc.program().display().to_string(),
            ));
            let result = on_the_cluster(&session, &mut answers)
                .and_then(|found| report(&answers, &skipped(results, found, &skips)));
            session.finish(result)
        }
        Err(f) => {
            results.push(failed("oc", &f));
            report(&answers, &skipped(results, Vec::new(), &skips))
        }
    }
}

/// Every result, those asked to be skipped as warnings.
fn skipped(
    mut results: Vec<CheckResult>,
    found: Vec<CheckResult>,
    skips: &[String],
) -> Vec<CheckResult> {
    results.extend(found);
    results
        .into_iter()
        .map(|r| r.skip_if_asked(skips))
        .collect()
}

/// The login, then the install's preparation (resumed from the install record, as `install`
/// does): a stage that fails is a failed check, and an unreachable cluster an error.
fn on_the_cluster(session: &Session, answers: &mut Answers) -> Outcome<Vec<CheckResult>> {
    for w in &answers.warnings {
        session.ui.warn(w);
    }
    answers.register_secrets(&session.redactor);
    let observer = Observer::new(&session.oc);
    let cluster = match observer.cluster() {
        Ok(c) => c,
        Err(f) if f.kind == FailureKind::Unavailable => return Err(f),
        Err(f) => return Ok(vec![failed("login", &f)]),
    };
    let mut results = vec![CheckResult::ok(
        "login",
        format!("{} on {}", cluster.user, cluster.server),
    )];
    if let Some(note) = resume::resume(answers, &cluster.server)?.and_then(|r| r.note()) {
        session.ui.note(&note);
    }
    match prepare::prepare(session, &observer, answers) {
        Ok(p) => results.extend(prepared_checks(answers, &p)),
        Err(f) if f.kind == FailureKind::Unavailable => return Err(f),
        Err(f) => {
            results.push(failed(stage_of(&f), &f));
            // What can be checked without the templates is checked all the same.
            results.extend(without_templates(&observer, answers)?);
        }
    }
    Ok(results)
}

/// The checks that need no template: the RWX class, the wildcard domain, the user's right to
/// make the project (or to work in it), and the nodes' room.
fn without_templates(observer: &Observer, answers: &Answers) -> Outcome<Vec<CheckResult>> {
    let mut out = Vec::new();
    let classes = observer.storage_classes()?;
    let wanted = answers.rwx_storage_class.as_ref().map(|c| c.value.as_str());
    out.push(
        match storage::choose(classes.as_deref().map_err(String::as_str), wanted) {
            Ok(choice) => CheckResult::ok(
                "storage",
                format!("RWX_STORAGE_CLASS={} ({})", choice.class, choice.why),
            ),
            Err(refusal) => CheckResult::fail("storage", refusal.message).with_help(refusal.help),
        },
    );
    let domain = match &answers.wildcard_domain {
        Some(d) => Ok(format!("{} (from {})", d.value, d.source)),
        None => observer
            .apps_domain()?
            .map(|d| format!("{} (from {})", d.value, d.how)),
    };
    out.push(match domain {
        Ok(d) => CheckResult::ok("wildcard-domain", d),
        Err(why) => CheckResult::fail("wildcard-domain", why)
            .with_help("pass --wildcard-domain (the cluster's apps domain)"),
    });
    out.push(project_rights(observer, &answers.project.value)?);
    out.push(match observer.nodes()? {
        Ok(nodes) => {
            let c = sizing::capacity(&nodes);
            CheckResult::ok(
                "capacity",
                format!(
                    "{} schedulable node(s), {:.2} CPU and {:.1} GiB allocatable (what 3scale asks for is in its template)",
                    c.nodes,
                    c.cpu,
                    c.memory / (1024.0 * 1024.0 * 1024.0)
                ),
            )
        }
        Err(why) => CheckResult::warn("capacity", why),
    });
    Ok(out)
}

/// May the user make the project, or work in it when it exists.
fn project_rights(observer: &Observer, project: &str) -> Outcome<CheckResult> {
    let asked = if observer.project_exists(project)? {
        vec![
            ("create", "secrets".to_string(), Some(project.to_string())),
            (
                "create",
                "deploymentconfigs.apps.openshift.io".to_string(),
                Some(project.to_string()),
            ),
            (
                "create",
                "roles.rbac.authorization.k8s.io".to_string(),
                Some(project.to_string()),
            ),
        ]
    } else {
        vec![(
            "create",
            "projectrequests.project.openshift.io".to_string(),
            None,
        )]
    };
    Ok(match observer.may(&asked)? {
        Ok(may) => CheckResult::ok("permissions", may),
        Err(denied) => CheckResult::fail("permissions", format!("denied: {}", denied.join(", ")))
            .with_help(format!(
            "ask a cluster admin for the admin role in project {project}, or to create it for you"
        )),
    })
}

/// What the preparation found: the templates, the inputs, the wildcard domain, the plan's
/// checks, and the plan itself.
fn prepared_checks(answers: &Answers, p: &Prepared) -> Vec<CheckResult> {
    let commit = p.checkout.commit.as_deref().unwrap_or("not a git checkout");
    let mut results = vec![CheckResult::ok(
        "templates",
        format!(
            "{} from {}, commit {commit}",
            p.profile.path.display(),
            answers.templates.value
        ),
    )];
    let plan = &p.plan;
    let mut inputs: Vec<String> = plan.problems.clone();
    // No check uses the registry password: install asks for it (or takes it) when it writes
    // the pull secret.
    inputs.extend(
        plan.missing
            .iter()
            .filter(|m| m.field != Some(Field::RegistryPassword))
            .map(|m| format!("needed and not given: {m}")),
    );
    results.push(if inputs.is_empty() {
        CheckResult::ok("inputs", "every value an install needs is given")
    } else {
        CheckResult::fail("inputs", inputs.join("\n"))
            .with_help("give each value with its flag, environment variable or answers-file key")
    });
    if let Some(d) = &plan.domain {
        results.push(CheckResult::ok(
            "wildcard-domain",
            format!("{} (from {})", d.value, d.source),
        ));
    }
    results.extend(plan.checks.iter().cloned());
    let actions: Vec<String> = plan.actions.iter().map(ToString::to_string).collect();
    results.push(CheckResult::ok(
        "plan",
        if actions.is_empty() {
            "nothing to change".to_string()
        } else {
            actions.join("\n")
        },
    ));
    results
}

/// Which check a failure of the preparation belongs to.
fn stage_of(f: &Failure) -> &'static str {
    let text = f.message();
    if text.starts_with("templates") || text.contains("profile") {
        "templates"
    } else {
        "cluster"
    }
}

fn failed(id: &'static str, f: &Failure) -> CheckResult {
    let mut r = CheckResult::fail(id, f.message());
    if let Some(h) = f.help.first() {
        r = r.with_help(h.clone());
    }
    r
}

fn report(answers: &Answers, results: &[CheckResult]) -> Outcome<()> {
    let failed: Vec<&str> = results
        .iter()
        .filter(|r| r.result == Verdict::Fail)
        .map(|r| r.id)
        .collect();
    let failure = (!failed.is_empty()).then(|| {
        Failure::preflight(format!(
            "preflight: {} check(s) failed: {}",
            failed.len(),
            failed.join(", ")
        ))
        .with_help(skip_help(&failed))
    });
    match answers.mode.format {
        Format::Text => print!("{}", checks::table(results)),
        Format::Json => {
            let doc = json!({
                "ok": failed.is_empty(),
                "passed": failed.is_empty(),
                "checks": results,
                "error": failure.as_ref().map(crate::document::error),
            });
            let doc = crate::document::success(&crate::document::PREFLIGHT, doc);
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    match failure {
        Some(f) => Err(f.reported()),
        None => Ok(()),
    }
}

/// What to do: fix the failures; those that may be skipped are named with the flag.
fn skip_help(failed: &[&str]) -> String {
    let skippable: Vec<&str> = failed
        .iter()
        .copied()
        .filter(|id| checks::SKIPPABLE.contains(id))
        .collect();
    if skippable.is_empty() {
        return "fix what the table says, then run preflight again".into();
    }
    format!(
        "fix what the table says, or skip what you accept with --skip-check {}",
        skippable.join(",")
    )
}
