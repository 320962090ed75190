//! What every command shows of the shared pieces, the same way: the cluster step, the plan step
//! (decisions, warnings, the changes), and the verdict that turns a plan's problems into the
//! failure that ends the run.

use crate::checks::Verdict;
use crate::failure::{Failure, Outcome};
use crate::inputs::Source;
use crate::install::cluster::Cluster;
use crate::install::observe::Observer;
use crate::install::plan::{Origin, Plan};
use crate::ui::Ui;

/// The cluster step: who is logged in, where, which OpenShift, and the support warning.
pub fn cluster(ui: &Ui, observer: &Observer) -> Outcome<Cluster> {
    cluster_step(ui, observer, "cluster")
}

/// The cluster step under another title (a gateway's install on another cluster).
pub fn cluster_step(ui: &Ui, observer: &Observer, title: &str) -> Outcome<Cluster> {
    let line = ui.step(title);
    match observer.cluster() {
        Ok(c) => {
            line.detail(&format!("logged in as {} on {}", c.user, c.server));
            line.detail(&format!("OpenShift {}", c.version));
            if let Some(w) = c.support_warning() {
                line.warn(w);
            }
            line.done();
            Ok(c)
        }
        Err(f) => {
            line.failed();
            Err(f)
        }
    }
}

/// The plan step: what was decided, what the checks say, and every change to come.
pub fn plan(ui: &Ui, plan: &Plan) {
    changes(ui, &Changes::of(plan));
}

/// What a plan of any command holds, to show and judge the same way.
pub struct Changes<'a> {
    pub decisions: &'a [String],
    pub checks: &'a [crate::checks::CheckResult],
    pub actions: &'a [crate::install::action::Action],
    pub missing: &'a [crate::install::plan::Missing],
    pub problems: &'a [String],
}

impl Changes<'_> {
    /// The install's plan.
    pub fn of(plan: &Plan) -> Changes<'_> {
        Changes {
            decisions: &plan.decisions,
            checks: &plan.checks,
            actions: &plan.actions,
            missing: &plan.missing,
            problems: &plan.problems,
        }
    }

    fn failed_checks(&self) -> Vec<&crate::checks::CheckResult> {
        self.checks
            .iter()
            .filter(|c| c.result == Verdict::Fail)
            .collect()
    }
}

/// The plan step of any command.
pub fn changes(ui: &Ui, plan: &Changes) {
    let line = ui.step("plan");
    for d in plan.decisions {
        line.detail(d);
    }
    for c in plan.checks {
        match c.result {
            // The cluster step said it already.
            Verdict::Warn if c.id == "openshift-version" => {}
            Verdict::Ok => {}
            Verdict::Warn => {
                let skipped = if c.skipped {
                    " (skipped with --skip-check)"
                } else {
                    ""
                };
                line.warn(&format!(
                    "{}: {}{skipped}",
                    c.id,
                    c.detail.replace('\n', "\n      ")
                ));
            }
            // The error that stops the run says why, once.
            Verdict::Fail => line.warn(&format!("{} failed (the error below says why)", c.id)),
        }
    }
    if plan.actions.is_empty() && plan.missing.is_empty() && plan.problems.is_empty() {
        line.detail("nothing to change");
    }
    let refused =
        !(plan.failed_checks().is_empty() && plan.missing.is_empty() && plan.problems.is_empty());
    let verb = if refused { "would" } else { "will" };
    for a in plan.actions {
        line.detail(&format!("{verb} {a}"));
    }
    if !refused {
        line.done();
    } else {
        line.failed();
    }
}

/// Input problems and missing values are input errors (exit 2), listed together; failed checks
/// stop the install before any change (exit 3).
pub fn verdict(plan: &Plan) -> Outcome<()> {
    verdict_of(&Changes::of(plan), "the install")
}

/// The verdict of any command's plan; `what` goes ahead or not ("the install").
pub fn verdict_of(plan: &Changes, what: &str) -> Outcome<()> {
    if !plan.problems.is_empty() || !plan.missing.is_empty() {
        // A problem of several lines (a storage class table) stays one item of the list.
        let mut lines: Vec<String> = plan
            .problems
            .iter()
            .map(|p| p.replace('\n', "\n    "))
            .collect();
        lines.extend(
            plan.missing
                .iter()
                .map(|m| format!("needed and not given: {m}")),
        );
        return Err(Failure::input(format!(
            "the input has {} problem(s):\n  - {}",
            lines.len(),
            lines.join("\n  - ")
        ))
        .with_help("give each value with its flag, environment variable or answers-file key (--config FILE), or run in a terminal without --yes to be asked"));
    }
    let failed = plan.failed_checks();
    if failed.is_empty() {
        return Ok(());
    }
    let mut f = Failure::preflight(format!(
        "{what} cannot go ahead; nothing was changed:\n  - {}",
        failed
            .iter()
            .map(|c| format!("{}: {}", c.id, c.detail.replace('\n', "\n    ")))
            .collect::<Vec<_>>()
            .join("\n  - ")
    ));
    for c in &failed {
        if let Some(h) = &c.help {
            f = f.with_help(h.clone());
        }
    }
    let skippable: Vec<&str> = failed
        .iter()
        .map(|c| c.id)
        .filter(|id| crate::checks::SKIPPABLE.contains(id))
        .collect();
    if !skippable.is_empty() {
        f = f.with_help(format!(
            "to go ahead anyway, skip the check with --skip-check {}",
            skippable.join(",")
        ));
    }
    Err(f)
}

/// The parameters the person gave, with secret values left out (`None`).
pub fn given_params(plan: &Plan) -> Vec<(String, Option<String>)> {
    plan.values
        .iter()
        .filter(|v| matches!(&v.origin, Origin::Input(s) if s.is_given() || *s == Source::Record))
        .map(|v| {
            (
                v.name.clone(),
                (!v.secret).then(|| v.value.expose().to_string()),
            )
        })
        .collect()
}
