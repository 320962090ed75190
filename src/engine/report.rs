//! What every command shows of the shared pieces, the same way: the cluster step, the plan step
//! (decisions, warnings, the changes), and the verdict that turns a plan's problems into the
//! failure that ends the run.

use super::checks::{CheckResult, Verdict};
use super::cluster::Cluster;
use super::observe::Observer;
use crate::failure::{Failure, Outcome};
use crate::inputs::Missing;
use crate::ui::Ui;
use std::fmt::Display;

/// The cluster step: who is logged in, where, which OpenShift, and the support warning.
pub(crate) fn cluster(ui: &Ui, observer: &Observer) -> Outcome<Cluster> {
    cluster_step(ui, observer, "cluster")
}

/// The cluster step under another title (a gateway's install on another cluster).
pub(crate) fn cluster_step(ui: &Ui, observer: &Observer, title: &str) -> Outcome<Cluster> {
    let line = ui.step(title);
    match observer.cluster() {
        Ok(c) => {
            line.detail(&format!("logged in as {} on {}", c.user, c.server));
            line.detail(&format!("OpenShift {}", c.version));
            line.done();
            Ok(c)
        }
        Err(f) => {
            line.failed();
            Err(f)
        }
    }
}

/// What a plan of any command holds, to show and judge the same way.
pub(crate) struct Changes<'a, A> {
    pub(crate) decisions: &'a [String],
    pub(crate) checks: &'a [CheckResult],
    pub(crate) actions: &'a [A],
    pub(crate) missing: &'a [Missing],
    pub(crate) problems: &'a [String],
}

impl<A> Changes<'_, A> {
    fn failed_checks(&self) -> Vec<&CheckResult> {
        self.checks
            .iter()
            .filter(|c| c.result == Verdict::Fail)
            .collect()
    }

    /// Whether the plan is refused: a problem, a missing value or a failed check.
    pub(crate) fn refused(&self) -> bool {
        !(self.failed_checks().is_empty() && self.missing.is_empty() && self.problems.is_empty())
    }
}

/// The plan step of any command: its decisions, checks and changes; a change is what the run "will" do, or
/// "would" do when it will not (a refused plan, a dry run).
pub(crate) fn changes<A: Display>(ui: &Ui, plan: &Changes<A>, dry_run: bool) {
    let line = ui.step("plan");
    for d in plan.decisions {
        line.detail(d);
    }
    for c in plan.checks {
        match c.result {
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
    let refused = plan.refused();
    let verb = if refused || dry_run { "would" } else { "will" };
    for a in plan.actions {
        line.detail(&format!("{verb} {a}"));
    }
    if !refused {
        line.done();
    } else {
        line.failed();
    }
}

/// The verdict of any command's plan; `what` goes ahead or not ("the install").
pub(crate) fn verdict_of<A>(plan: &Changes<A>, what: &str) -> Outcome<()> {
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
        let help = if plan.missing.is_empty() {
            "each problem says how to fix it; nothing was changed: run again once it is fixed"
        } else {
            "give each value with its flag, environment variable or answers-file key (--config FILE), or run in a terminal without --yes (or --no-input) to be asked"
        };
        return Err(Failure::input(format!(
            "the input has {} problem(s):\n  - {}",
            lines.len(),
            lines.join("\n  - ")
        ))
        .with_help(help));
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
        .filter(|id| super::checks::SKIPPABLE.contains(id))
        .collect();
    if !skippable.is_empty() {
        f = f.with_help(format!(
            "to go ahead anyway, skip the check with --skip-check {}",
            skippable.join(",")
        ));
    }
    Err(f)
}
