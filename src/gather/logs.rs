//! The last logs of every container that ran: init containers, hook and deployer pods (a failed
//! pre-hook's log is where a migration's error is), and the previous run of each container that
//! restarted. Bounded per container (lines and bytes, `--since`) and in all.

use super::bundle::Bundle;
use super::collect::in_parallel;
use crate::engine::kube::Pod;
use crate::oc::{LogQuery, Oc};
use std::time::Duration;

/// The last lines of a container's log a bundle keeps.
pub(crate) const TAIL_LINES: u32 = 500;
/// The most of one container's log a bundle keeps.
pub(crate) const MAX_LOG_BYTES: u64 = 256 * 1024;
/// The most logs a bundle keeps: 32 MiB at most of logs.
pub(crate) const MAX_LOGS: usize = 128;

/// How many logs were kept.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Count {
    pub(crate) current: usize,
    pub(crate) previous: usize,
}

/// One log to read.
struct Wanted<'a> {
    pod: &'a str,
    container: &'a str,
    previous: bool,
}

impl Wanted<'_> {
    fn query(&self, since: Option<Duration>) -> LogQuery<'_> {
        LogQuery {
            pod: self.pod,
            container: self.container,
            previous: self.previous,
            since,
            tail: TAIL_LINES,
            limit_bytes: MAX_LOG_BYTES,
        }
    }

    fn path(&self) -> String {
        let run = if self.previous { ".previous" } else { "" };
        format!("logs/{}/{}{run}.log", self.pod, self.container)
    }
}

/// After this many reads in a row that failed transiently, the API is taken as failing for
/// logs: the rest are not asked for (each would be retried in vain).
const GIVE_UP_AFTER: usize = 8;

/// The logs of every container that ran, pods that did not end well first; failures noted
/// once per reason.
pub(crate) fn read(
    oc: &Oc,
    project: &str,
    pods: &[Pod],
    since: Option<Duration>,
    bundle: &mut Bundle,
) -> Count {
    let mut wanted = wanted(pods);
    if wanted.len() > MAX_LOGS {
        bundle.note(&format!(
            "logs: {} of {} kept (those of pods that are not running well first)",
            MAX_LOGS,
            wanted.len()
        ));
        wanted.truncate(MAX_LOGS);
    }
    let mut count = Count::default();
    let mut failed: Vec<(String, Vec<String>)> = Vec::new();
    let mut failing_in_a_row = 0;
    let mut asked = 0;
    for chunk in wanted.chunks(super::collect::AT_ONCE) {
        if failing_in_a_row >= GIVE_UP_AFTER {
            break;
        }
        asked += chunk.len();
        let read = in_parallel(chunk, |w| oc.container_log(&w.query(since), project));
        for (w, result) in chunk.iter().zip(read) {
            match result {
                Ok(text) => {
                    failing_in_a_row = 0;
                    bundle.add(&w.path(), last_bytes(&text, MAX_LOG_BYTES as usize));
                    if w.previous {
                        count.previous += 1;
                    } else {
                        count.current += 1;
                    }
                }
                Err(e) => {
                    failing_in_a_row = if e.is_transient() {
                        failing_in_a_row + 1
                    } else {
                        0
                    };
                    let reason = e.reason();
                    match failed.iter_mut().find(|(r, _)| *r == reason) {
                        Some((_, paths)) => paths.push(w.path()),
                        None => failed.push((reason, vec![w.path()])),
                    }
                }
            }
        }
    }
    for (reason, paths) in failed {
        bundle.note(&format!(
            "{} could not be read: {reason}: {}",
            plural(paths.len(), "log"),
            paths.join(", ")
        ));
    }
    if asked < wanted.len() {
        bundle.note(&format!(
            "{} not asked for: the API kept failing",
            plural(wanted.len() - asked, "other log")
        ));
    }
    count
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Every container (init ones first) that ran, and the previous run of those that restarted;
/// pods that are not running (failed hooks, pending pods) and restarted containers first.
fn wanted(pods: &[Pod]) -> Vec<Wanted<'_>> {
    let mut out: Vec<(bool, Wanted)> = Vec::new();
    for pod in pods {
        let well = matches!(pod.status.phase.as_str(), "Running" | "Succeeded");
        for c in pod
            .status
            .init_container_statuses
            .iter()
            .chain(&pod.status.container_statuses)
        {
            let w = |previous| Wanted {
                pod: &pod.metadata.name,
                container: &c.name,
                previous,
            };
            if c.started() {
                out.push((well && c.restart_count == 0, w(false)));
            }
            if c.restarted() {
                out.push((false, w(true)));
            }
        }
    }
    // A stable sort: within each group, the pods' order.
    out.sort_by_key(|(fine, _)| *fine);
    out.into_iter().map(|(_, w)| w).collect()
}

/// The last `max` bytes of `text`, from the start of a line when one starts in them.
fn last_bytes(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let tail = &text[start..];
    match tail.find('\n') {
        Some(i) if i + 1 < tail.len() => &tail[i + 1..],
        _ => tail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::kube::parse;
    use serde_json::json;

    #[test]
    fn containers_that_ran_are_read_failed_pods_and_restarts_first() {
        let pods: Vec<Pod> = [
            json!({"metadata": {"name": "system-app-1-abcde"}, "status": {"phase": "Running",
                "initContainerStatuses": [{"name": "system-master-svc", "state": {"terminated": {"exitCode": 0}}}],
                "containerStatuses": [
                    {"name": "system-master", "state": {"running": {}}},
                    {"name": "system-provider", "restartCount": 1, "state": {"running": {}}, "lastState": {"terminated": {"exitCode": 137}}},
                    {"name": "system-developer", "state": {"waiting": {"reason": "ContainerCreating"}}}]}}),
            json!({"metadata": {"name": "system-app-1-hook-pre"}, "status": {"phase": "Failed",
                "containerStatuses": [{"name": "lifecycle", "state": {"terminated": {"exitCode": 1}}}]}}),
        ]
        .iter()
        .map(parse)
        .collect();
        let paths: Vec<String> = wanted(&pods).iter().map(Wanted::path).collect();
        assert_eq!(
            paths,
            [
                "logs/system-app-1-abcde/system-provider.log",
                "logs/system-app-1-abcde/system-provider.previous.log",
                "logs/system-app-1-hook-pre/lifecycle.log",
                "logs/system-app-1-abcde/system-master-svc.log",
                "logs/system-app-1-abcde/system-master.log",
            ]
        );
    }

    #[test]
    fn a_long_log_keeps_its_last_whole_lines() {
        let text = "first line\nsecond line\nthird line\n";
        assert_eq!(last_bytes(text, 100), text);
        assert_eq!(last_bytes(text, 15), "third line\n");
        assert_eq!(last_bytes("é".repeat(10).as_str(), 5).len(), 4);
    }
}
