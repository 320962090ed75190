//! Waiting for a working 3scale (or a gateway: anything [`Watched`]): every component watched at
//! once, one oc call per look, under one deadline. A failure nothing will fix ends the wait early
//! with its root cause; an API that stops answering for a while (a control-plane restart) is
//! waited out, and said so.

use super::change::Ctx;
use super::diagnosis::Finding;
use super::readiness::{Component, Snapshot};
use crate::duration;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::oc::{Cause, OcError};
use std::time::{Duration, Instant, SystemTime};

/// What a wait watches: how to look at it, its components, and why it fails.
pub(crate) trait Watched {
    /// What is waited for, in words: "3scale", "gateway apicast-eu".
    fn subject(&self) -> String;
    /// One look at the project.
    fn look(&self, ctx: &Ctx) -> Result<Snapshot, crate::oc::OcError>;
    fn assess(&self, snapshot: &Snapshot) -> Vec<Component>;
    /// The root cause of what does not work, when a known signature matches.
    fn diagnose(&self, snapshot: &Snapshot) -> Option<Finding>;
    /// What to do when the deadline passed with components still unsettled.
    fn out_of_time_help(&self) -> String;
}

/// Waits until every component of `watched` is settled, a blocking failure appears, or
/// `timeout` passes.
pub(crate) fn until(
    ctx: &Ctx,
    watched: &dyn Watched,
    timeout: Duration,
    poll: Duration,
) -> Outcome<Snapshot> {
    let subject = watched.subject();
    let until = crate::transcript::utc_timestamp(SystemTime::now() + timeout.min(duration::MAX));
    let mut wait = Waiting {
        ctx,
        watched,
        board: ctx.ui.board(&format!(
            "waiting for {subject} to work, until {} (--timeout {})",
            until.replace('T', " "),
            duration::describe(timeout)
        )),
        subject,
        timeout,
        deadline: duration::deadline(timeout),
        unreachable_since: None,
        last: Vec::new(),
    };
    loop {
        let out_of_time = Instant::now() >= wait.deadline;
        let looked = watched.look(ctx);
        if let Some(end) = wait.judge(looked, out_of_time) {
            return end;
        }
        let pause = poll.min(wait.deadline.saturating_duration_since(Instant::now()));
        if pause > Duration::ZERO {
            std::thread::sleep(pause);
        }
    }
}

/// One wait under way.
struct Waiting<'a> {
    ctx: &'a Ctx<'a>,
    watched: &'a dyn Watched,
    board: crate::ui::Board,
    subject: String,
    timeout: Duration,
    deadline: Instant,
    unreachable_since: Option<Instant>,
    last: Vec<Component>,
}

impl Waiting<'_> {
    /// What one look says: the end of the wait, or `None` to look again.
    fn judge(
        &mut self,
        looked: Result<Snapshot, OcError>,
        out_of_time: bool,
    ) -> Option<Outcome<Snapshot>> {
        match looked {
            Ok(snapshot) => self.seen(snapshot, out_of_time),
            Err(e) if e.cause == Cause::Unauthorized => {
                self.board.failed("the session ended while waiting", None);
                Some(Err(Failure::new(FailureKind::Preflight, e)
                    .context("could not look at the project while waiting")
                    .with_help("your oc session expired: run `oc login`, then run the same command again to resume")))
            }
            Err(e) if e.is_transient() => self.unreachable(e, out_of_time),
            Err(e) => {
                self.board.failed("could not look at the project", None);
                let help = e.help();
                let mut f = Failure::new(FailureKind::Cluster, e)
                    .context("could not look at the project while waiting");
                if let Some(h) = help {
                    f = f.with_help(h);
                }
                Some(Err(f))
            }
        }
    }

    fn seen(&mut self, snapshot: Snapshot, out_of_time: bool) -> Option<Outcome<Snapshot>> {
        if let Some(since) = self.unreachable_since.take() {
            self.board.note(&format!(
                "the API answers again after {}",
                duration::describe(since.elapsed())
            ));
        }
        let components = self.watched.assess(&snapshot);
        self.board.show(&components);
        note_changes(self.ctx, &components, &self.last);
        self.last = components.clone();
        let subject = &self.subject;
        if components.iter().all(|c| c.state.settled()) {
            self.board
                .ready(&format!("{subject}: all components ready"));
            return Some(Ok(snapshot));
        }
        let finding = self.watched.diagnose(&snapshot);
        if let Some(f) = finding.as_ref().filter(|f| f.blocks || out_of_time) {
            self.board
                .failed(&format!("{subject} does not work"), Some(&f.component));
            return Some(Err(failure(self.ctx, subject, f, out_of_time)));
        }
        out_of_time.then(|| {
            self.board
                .failed(&format!("{subject} does not work yet"), None);
            Err(self.out_of_time(&components))
        })
    }

    fn out_of_time(&self, components: &[Component]) -> Failure {
        let waiting: Vec<String> = components
            .iter()
            .filter(|c| !c.state.settled())
            .map(|c| format!("{}: {}", c.name, c.detail))
            .collect();
        Failure::new(
            FailureKind::Cluster,
            anyhow::anyhow!(
                "not every component was ready within {}; still waiting for:\n  - {}",
                duration::describe(self.timeout),
                waiting.join("\n  - ")
            ),
        )
        .with_help(self.watched.out_of_time_help())
    }

    /// The API server does not answer: waited out until the deadline.
    fn unreachable(&mut self, e: OcError, out_of_time: bool) -> Option<Outcome<Snapshot>> {
        let since = *self.unreachable_since.get_or_insert_with(Instant::now);
        let gone = duration::describe(since.elapsed());
        self.board.note(&format!(
            "the API server does not answer (for {gone}): {}; waiting until the deadline",
            e.message.lines().last().unwrap_or("")
        ));
        out_of_time.then(|| {
            self.board
                .failed("the API server did not answer again in time", None);
            Err(Failure::new(FailureKind::Unavailable, e)
                .context(format!(
                    "the API server did not answer for {gone} before the deadline"
                ))
                .with_help(
                    "run the same command again once the cluster answers: it continues waiting",
                ))
        })
    }
}

/// Notes in the transcript each component whose state changed since the last look.
fn note_changes(ctx: &Ctx, now: &[Component], before: &[Component]) {
    for c in now {
        let changed = before
            .iter()
            .find(|b| b.name == c.name)
            .is_none_or(|b| b.state != c.state);
        if changed {
            ctx.transcript
                .note(&format!("{}: {} ({})", c.name, c.state.text(), c.detail));
        }
    }
}

fn failure(ctx: &Ctx, subject: &str, f: &Finding, out_of_time: bool) -> Failure {
    let mut evidence = f.evidence.clone();
    if let Some(pod) = &f.log_of {
        if let Ok(log) = ctx.oc.logs(pod, ctx.project, 20) {
            if !log.trim().is_empty() {
                evidence.push_str("\nlast lines of its log:\n");
                evidence.push_str(
                    &log.trim_end()
                        .lines()
                        .map(|l| format!("    {l}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
        }
    }
    let when = if out_of_time {
        "by the deadline"
    } else {
        "and it will not fix itself"
    };
    Failure::new(
        FailureKind::Cluster,
        anyhow::anyhow!(
            "{subject} does not work {when}: {} ({}):\n{evidence}",
            f.subject,
            f.signature
        ),
    )
    .with_help(f.fix.clone())
}
