//! Waiting for a working 3scale (or a gateway: anything [`Watched`]): every component watched at
//! once, one oc call per look, under one deadline. A failure nothing will fix ends the wait early
//! with its root cause; an API that stops answering for a while (a control-plane restart) is
//! waited out, and said so.

use super::diagnosis::{self, Finding};
use super::identity::Identity;
use super::readiness::{self, Component, Snapshot, State};
use super::Ctx;
use crate::duration;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::oc::Cause;
use std::time::{Duration, Instant, SystemTime};

/// Reads the project once: the install's objects and the pods and events that explain them.
pub fn look(ctx: &Ctx, project: &str, identity: &Identity) -> Result<Snapshot, crate::oc::OcError> {
    ctx.oc
        .poll::<serde_json::Value>(readiness::RESOURCES, project)
        .map(|items| Snapshot::of(items, identity))
}

/// What a wait watches: how to look at it, its components, and why it fails.
pub trait Watched {
    /// What is waited for, in words: "3scale", "gateway apicast-eu".
    fn subject(&self) -> String;
    /// One look at the project.
    fn look(&self, ctx: &Ctx, project: &str) -> Result<Snapshot, crate::oc::OcError>;
    fn assess(&self, snapshot: &Snapshot) -> Vec<Component>;
    /// The root cause of what does not work, when a known signature matches.
    fn diagnose(&self, snapshot: &Snapshot) -> Option<Finding>;
    /// What to do when the deadline passed with components still unsettled.
    fn out_of_time_help(&self) -> String;
}

/// The install: its template's objects, the routes zync creates.
pub struct Install<'a>(pub &'a Identity);

impl Watched for Install<'_> {
    fn subject(&self) -> String {
        "3scale".into()
    }
    fn look(&self, ctx: &Ctx, project: &str) -> Result<Snapshot, crate::oc::OcError> {
        look(ctx, project, self.0)
    }
    fn assess(&self, snapshot: &Snapshot) -> Vec<Component> {
        readiness::assess(snapshot)
    }
    fn diagnose(&self, snapshot: &Snapshot) -> Option<Finding> {
        diagnosis::diagnose(snapshot)
    }
    fn out_of_time_help(&self) -> String {
        "run the same command again to keep waiting (nothing is created twice), or raise --timeout; `threescale-install status` shows the state".into()
    }
}

/// Waits until every component of the install is settled, a blocking failure appears, or
/// `timeout` passes.
pub fn wait(
    ctx: &Ctx,
    project: &str,
    identity: &Identity,
    timeout: Duration,
    poll: Duration,
) -> Outcome<Snapshot> {
    until(ctx, project, &Install(identity), timeout, poll)
}

/// Waits until every component of `watched` is settled, a blocking failure appears, or
/// `timeout` passes.
pub fn until(
    ctx: &Ctx,
    project: &str,
    watched: &dyn Watched,
    timeout: Duration,
    poll: Duration,
) -> Outcome<Snapshot> {
    let subject = watched.subject();
    let started = Instant::now();
    let deadline = duration::deadline(timeout);
    let until = crate::transcript::utc_timestamp(SystemTime::now() + timeout.min(duration::MAX));
    let board = ctx.ui.board(&format!(
        "waiting for {subject} to work, until {} (--timeout {})",
        until.replace('T', " "),
        duration::describe(timeout)
    ));
    let mut unreachable_since: Option<Instant> = None;
    let mut last: Vec<Component> = Vec::new();
    loop {
        let out_of_time = Instant::now() >= deadline;
        match watched.look(ctx, project) {
            Ok(snapshot) => {
                if let Some(since) = unreachable_since.take() {
                    board.note(&format!(
                        "the API answers again after {}",
                        duration::describe(since.elapsed())
                    ));
                }
                let components = watched.assess(&snapshot);
                board.show(&components);
                ctx.transcript_components(&components, &last);
                last = components.clone();
                if components.iter().all(|c| c.state.settled()) {
                    board.finish(
                        true,
                        &format!(
                            "{subject} works ({})",
                            duration::describe(started.elapsed())
                        ),
                    );
                    return Ok(snapshot);
                }
                let finding = watched.diagnose(&snapshot);
                if let Some(f) = finding.as_ref().filter(|f| f.blocks || out_of_time) {
                    board.finish(false, &format!("{subject} does not work"));
                    return Err(failure(ctx, project, &subject, f, out_of_time));
                }
                if out_of_time {
                    board.finish(false, &format!("{subject} does not work yet"));
                    let waiting: Vec<String> = components
                        .iter()
                        .filter(|c| !c.state.settled())
                        .map(|c| format!("{}: {}", c.name, c.detail))
                        .collect();
                    return Err(Failure::new(
                        FailureKind::Cluster,
                        anyhow::anyhow!(
                            "not every component was ready within {}; still waiting for:\n  - {}",
                            duration::describe(timeout),
                            waiting.join("\n  - ")
                        ),
                    )
                    .with_help(watched.out_of_time_help()));
                }
            }
            Err(e) if e.cause == Cause::Unauthorized => {
                board.finish(false, "the session ended while waiting");
                return Err(Failure::new(FailureKind::Preflight, e)
                    .context("could not look at the project while waiting")
                    .with_help("your oc session expired: run `oc login`, then run the same command again to resume"));
            }
            Err(e) if e.is_transient() => {
                let since = *unreachable_since.get_or_insert_with(Instant::now);
                board.note(&format!(
                    "the API server does not answer (for {}): {}; waiting until the deadline",
                    duration::describe(since.elapsed()),
                    e.message.lines().last().unwrap_or("")
                ));
                if out_of_time {
                    board.finish(false, "the API server did not answer again in time");
                    return Err(Failure::new(FailureKind::Unavailable, e)
                        .context(format!("the API server did not answer for {} before the deadline", duration::describe(since.elapsed())))
                        .with_help("run the same command again once the cluster answers: it continues waiting"));
                }
            }
            Err(e) => {
                board.finish(false, "could not look at the project");
                let help = e.help();
                let mut f = Failure::new(FailureKind::Cluster, e)
                    .context("could not look at the project while waiting");
                if let Some(h) = help {
                    f = f.with_help(h);
                }
                return Err(f);
            }
        }
        let pause = poll.min(deadline.saturating_duration_since(Instant::now()));
        if pause > Duration::ZERO {
            std::thread::sleep(pause);
        }
    }
}

fn failure(ctx: &Ctx, project: &str, subject: &str, f: &Finding, out_of_time: bool) -> Failure {
    let mut evidence = f.evidence.clone();
    if let Some(pod) = &f.log_of {
        if let Ok(log) = ctx.oc.logs(pod, project, 20) {
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

/// Whether every component is settled.
pub fn healthy(components: &[Component]) -> bool {
    components.iter().all(|c| c.state.settled())
}

/// Components that are not settled, in words.
pub fn unsettled(components: &[Component]) -> Vec<String> {
    components
        .iter()
        .filter(|c| c.state != State::Ready && c.state != State::ScaledDown)
        .map(|c| format!("{} ({})", c.name, c.state.text()))
        .collect()
}
