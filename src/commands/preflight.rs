//! `preflight`: every read-only check of an install, as a table (or JSON). It runs the install's
//! own preparation — the same observations, the same plan — and reports each finding; a stage
//! that cannot run is a failed check, and the checks after it say they were not run.

use crate::cli::Format;
use crate::engine::checks::{self, CheckResult, Verdict};
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::inputs::Answers;
use crate::install::prepare;
use serde_json::json;

pub(crate) fn run(answers: Answers) -> Outcome<()> {
    match Session::open(&answers.connection, &answers.mode) {
        Ok(session) => {
            session.works_on(&answers.project.value);
            let oc = CheckResult::ok("oc", session.oc.program().display().to_string());
            let result = check(Some(&session), answers, oc);
            session.finish(result)
        }
        Err(f) => check(None, answers, failed("oc", &f)),
    }
}

/// Every check that can run, after the one that found oc (or did not).
fn check(session: Option<&Session>, mut answers: Answers, oc: CheckResult) -> Outcome<()> {
    let skips = answers.checks.skip.clone();
    let mut results = vec![oc];
    if let Some(session) = session {
        for w in &answers.warnings {
            session.ui.warn(w);
        }
        answers.register_secrets(&session.redactor);
        let observer = Observer::new(&session.oc);
        match observer.cluster() {
            Ok(c) => {
                results.push(CheckResult::ok(
                    "login",
                    format!("{} on {}", c.user, c.server),
                ));
                if let Some(r) =
                    crate::record::InstallRecord::load(&c.server, &answers.project.value)
                {
                    answers.fill_from_record(&r);
                }
                match prepare::prepare(session, &observer, &answers) {
                    Ok(p) => {
                        let commit = p.checkout.commit.as_deref().unwrap_or("not a git checkout");
                        results.push(CheckResult::ok(
                            "templates",
                            format!(
                                "{} from {}, commit {commit}",
                                p.profile.path.display(),
                                answers.templates.value
                            ),
                        ));
                        let plan = &p.plan;
                        let mut inputs: Vec<String> = plan.problems.clone();
                        inputs.extend(
                            plan.missing
                                .iter()
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
                        results.push(CheckResult::ok(
                            "plan",
                            if plan.actions.is_empty() {
                                "nothing to change".to_string()
                            } else {
                                plan.actions
                                    .iter()
                                    .map(|a| a.to_string())
                                    .collect::<Vec<_>>()
                                    .join("\n")
                            },
                        ));
                    }
                    Err(f) if f.kind == FailureKind::Unavailable => return Err(f),
                    Err(f) => results.push(failed(stage_of(&f), &f)),
                }
            }
            Err(f) if f.kind == FailureKind::Unavailable => return Err(f),
            Err(f) => results.push(failed("login", &f)),
        }
    }
    let results: Vec<CheckResult> = results
        .into_iter()
        .map(|r| r.skip_if_asked(&skips))
        .collect();
    report(&answers, &results)
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
        .with_help(format!(
            "fix what the table says, or skip a check you accept with --skip-check ID ({})",
            checks::SKIPPABLE.join(", ")
        ))
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
