//! Waiting for a working 3scale: image imports, claims, every deployment config rolled out, and
//! the routes zync creates — all watched at once, one oc call per look, under one deadline. A
//! failure nothing will fix ends the wait early with its root cause.

use super::Ctx;
use crate::diagnosis::{self, Finding};
use crate::failure::{Failure, FailureKind, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime};

#[derive(Debug, Deserialize)]
pub struct DeploymentConfig {
    pub metadata: Meta,
    #[serde(default)]
    pub spec: DcSpec,
    #[serde(default)]
    pub status: DcStatus,
}

#[derive(Debug, Default, Deserialize)]
pub struct Meta {
    pub name: String,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DcSpec {
    #[serde(default)]
    pub replicas: u32,
    #[serde(default)]
    pub triggers: Vec<serde_json::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DcStatus {
    #[serde(default)]
    pub latest_version: u64,
    #[serde(default)]
    pub updated_replicas: u32,
    #[serde(default)]
    pub available_replicas: u32,
    #[serde(default)]
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Condition {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Pending,
    RollingOut,
    Ready,
    Failed,
    ScaledDown,
}

#[derive(Debug, Serialize)]
pub struct Component {
    pub name: String,
    pub state: State,
    pub detail: String,
}

/// A DeploymentConfig's state, read the way `oc rollout status` reads it.
pub fn component(dc: &DeploymentConfig) -> Component {
    let name = dc.metadata.name.clone();
    let s = &dc.status;
    let progressing = s.conditions.iter().find(|c| c.kind == "Progressing");
    let (state, detail) = if let Some(c) = progressing
        .filter(|c| c.reason == "ProgressDeadlineExceeded" || c.reason == "RolloutCancelled")
    {
        (State::Failed, c.message.clone())
    } else if s.latest_version == 0 {
        let waits_on_image = dc.spec.triggers.iter().any(|t| t["type"] == "ImageChange");
        let why = if waits_on_image {
            "waiting on image update"
        } else {
            "waiting on manual update"
        };
        (State::Pending, why.to_string())
    } else if dc.spec.replicas == 0 {
        (State::ScaledDown, "0 replicas".to_string())
    } else if s.updated_replicas >= dc.spec.replicas && s.available_replicas >= dc.spec.replicas {
        (
            State::Ready,
            format!(
                "{}/{} available, revision {}",
                s.available_replicas, dc.spec.replicas, s.latest_version
            ),
        )
    } else {
        (
            State::RollingOut,
            format!(
                "{}/{} available, revision {}",
                s.available_replicas, dc.spec.replicas, s.latest_version
            ),
        )
    };
    Component {
        name,
        state,
        detail,
    }
}

/// What one look at the project returns.
const TYPES: &str = "imagestreams.image.openshift.io,persistentvolumeclaims,deploymentconfigs.apps.openshift.io,routes.route.openshift.io,pods,events";

/// The services zync creates routes for, with what they serve.
pub const ZYNC_ROUTES: &[(&str, &str)] = &[
    ("system-provider", "admin portal"),
    ("system-developer", "developer portal"),
    ("system-master", "master portal"),
    ("apicast-staging", "APIcast staging"),
    ("apicast-production", "APIcast production"),
];

/// One look at the project.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub image_streams: Vec<Value>,
    pub claims: Vec<Value>,
    pub dcs: Vec<Value>,
    pub routes: Vec<Value>,
    pub pods: Vec<Value>,
    pub events: Vec<Value>,
}

impl Snapshot {
    pub fn from_items(items: Vec<Value>) -> Snapshot {
        let mut s = Snapshot::default();
        for item in items {
            match item["kind"].as_str() {
                Some("ImageStream") => s.image_streams.push(item),
                Some("PersistentVolumeClaim") => s.claims.push(item),
                Some("DeploymentConfig") => s.dcs.push(item),
                Some("Route") => s.routes.push(item),
                Some("Pod") => s.pods.push(item),
                Some("Event") => s.events.push(item),
                _ => {}
            }
        }
        s.dcs.sort_by_key(|d| {
            diagnosis::tier_of(d["metadata"]["name"].as_str().unwrap_or_default())
        });
        s
    }
}

pub fn observe(ctx: &Ctx, project: &str) -> Outcome<Snapshot> {
    ctx.oc
        .list::<Value>(TYPES, Some(project), None)
        .map(Snapshot::from_items)
        .map_err(|e| {
            Failure::new(FailureKind::Cluster, e).context("wait: could not look at the project")
        })
}

/// A line of the progress board.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub name: String,
    pub state: State,
    pub detail: String,
}

fn line(name: &str, state: State, detail: String) -> Line {
    Line {
        name: name.to_string(),
        state,
        detail,
    }
}

/// Every component of the install and its state.
pub fn components(s: &Snapshot) -> Vec<Line> {
    let mut lines = Vec::new();
    let tags: Vec<&Value> = s
        .image_streams
        .iter()
        .flat_map(|is| is["status"]["tags"].as_array().into_iter().flatten())
        .collect();
    let failed = tags
        .iter()
        .filter(|t| {
            t["conditions"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|c| c["type"] == "ImportSuccess" && c["status"] == "False")
        })
        .count();
    let imported = tags
        .iter()
        .filter(|t| t["items"].as_array().is_some_and(|i| !i.is_empty()))
        .count();
    let wanted: usize = s
        .image_streams
        .iter()
        .map(|is| {
            is["spec"]["tags"].as_array().map_or(0, |t| {
                t.iter()
                    .filter(|t| t["from"]["kind"] == "DockerImage")
                    .count()
            })
        })
        .sum();
    let state = if failed > 0 {
        State::Failed
    } else if imported >= wanted {
        State::Ready
    } else {
        State::Pending
    };
    lines.push(line(
        "images",
        state,
        format!("{imported} of {wanted} image tags imported"),
    ));

    let bound = s
        .claims
        .iter()
        .filter(|c| c["status"]["phase"] == "Bound")
        .count();
    let state = if bound == s.claims.len() {
        State::Ready
    } else {
        State::Pending
    };
    lines.push(line(
        "claims",
        state,
        format!("{bound} of {} claims bound", s.claims.len()),
    ));

    for dc in &s.dcs {
        if let Ok(parsed) = serde_json::from_value::<DeploymentConfig>(dc.clone()) {
            let c = component(&parsed);
            lines.push(line(&c.name, c.state, c.detail));
        }
    }

    let admitted: Vec<&str> = ZYNC_ROUTES
        .iter()
        .filter(|(service, _)| {
            s.routes.iter().any(|r| {
                r["metadata"]["labels"]["zync.3scale.net/route-to"] == *service
                    && r["status"]["ingress"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .flat_map(|i| i["conditions"].as_array().into_iter().flatten())
                        .any(|c| c["type"] == "Admitted" && c["status"] == "True")
            })
        })
        .map(|(_, purpose)| *purpose)
        .collect();
    let state = if admitted.len() == ZYNC_ROUTES.len() {
        State::Ready
    } else {
        State::Pending
    };
    lines.push(line(
        "routes",
        state,
        format!(
            "{} of {} portal and gateway routes admitted",
            admitted.len(),
            ZYNC_ROUTES.len()
        ),
    ));
    lines
}

/// Waits until every component is ready, a blocking failure appears, or the deadline passes.
pub fn wait(ctx: &Ctx, project: &str, timeout: Duration, poll: Duration) -> Outcome<()> {
    let started = Instant::now();
    let deadline = started + timeout;
    let until = crate::transcript::utc_timestamp(SystemTime::now() + timeout);
    let board = ctx.ui.board(&format!(
        "waiting for 3scale to work, until {} (--timeout)",
        until.replace('T', " ")
    ));
    loop {
        let snapshot = observe(ctx, project)?;
        let lines = components(&snapshot);
        board.show(
            &lines
                .iter()
                .map(|l| (l.name.clone(), state_text(l.state), l.detail.clone()))
                .collect::<Vec<_>>(),
        );
        if lines.iter().all(|l| l.state == State::Ready) {
            board.finish(
                true,
                &format!("3scale works ({:.0} s)", started.elapsed().as_secs_f32()),
            );
            return Ok(());
        }
        let finding = diagnosis::diagnose(&snapshot);
        let out_of_time = Instant::now() >= deadline;
        if let Some(f) = finding.as_ref().filter(|f| f.blocks || out_of_time) {
            board.finish(false, "3scale does not work");
            return Err(failure(ctx, project, f, out_of_time));
        }
        if out_of_time {
            board.finish(false, "3scale does not work yet");
            let waiting: Vec<String> = lines
                .iter()
                .filter(|l| l.state != State::Ready)
                .map(|l| format!("{}: {}", l.name, l.detail))
                .collect();
            return Err(Failure::new(FailureKind::Cluster, anyhow::anyhow!(
                "wait: not every component was ready within {}; still waiting for:\n  - {}",
                describe(timeout),
                waiting.join("\n  - ")
            ))
            .with_help("run the same command again to keep waiting (nothing is created twice), or raise --timeout; `threescale-install status` shows the state"));
        }
        std::thread::sleep(poll.min(deadline.saturating_duration_since(Instant::now())));
    }
}

fn failure(ctx: &Ctx, project: &str, f: &Finding, out_of_time: bool) -> Failure {
    let mut evidence = f.evidence.clone();
    if let Some(pod) = &f.log_of {
        match ctx.oc.logs(pod, project, 20) {
            Ok(log) if !log.trim().is_empty() => evidence.push_str(&format!(
                "\nlast lines of its log:\n{}",
                log.trim_end()
                    .lines()
                    .map(|l| format!("    {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )),
            _ => {}
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
            "wait: 3scale does not work {when}: {} ({}):\n{evidence}",
            f.subject,
            f.signature
        ),
    )
    .with_help(f.fix.clone())
}

pub fn state_text(s: State) -> &'static str {
    match s {
        State::Pending => "pending",
        State::RollingOut => "rolling out",
        State::Ready => "ready",
        State::Failed => "failed",
        State::ScaledDown => "scaled down",
    }
}

fn describe(d: Duration) -> String {
    match d.as_secs() {
        s if s >= 60 && s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn dc(json: serde_json::Value) -> DeploymentConfig {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn rollout_states_follow_oc_rollout_status() {
        let waiting = dc(
            json!({"metadata": {"name": "a"}, "spec": {"replicas": 1, "triggers": [{"type": "ImageChange"}]}, "status": {"latestVersion": 0}}),
        );
        assert_eq!(
            (
                component(&waiting).state,
                component(&waiting).detail.as_str()
            ),
            (State::Pending, "waiting on image update")
        );
        let ready = dc(
            json!({"metadata": {"name": "a"}, "spec": {"replicas": 1}, "status": {"latestVersion": 2, "updatedReplicas": 1, "availableReplicas": 1}}),
        );
        assert_eq!(component(&ready).state, State::Ready);
        let rolling = dc(
            json!({"metadata": {"name": "a"}, "spec": {"replicas": 1}, "status": {"latestVersion": 1, "updatedReplicas": 1, "availableReplicas": 0}}),
        );
        assert_eq!(component(&rolling).state, State::RollingOut);
        let failed = dc(
            json!({"metadata": {"name": "a"}, "spec": {"replicas": 1}, "status": {"latestVersion": 1, "conditions": [
            {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": "replication controller \"a-1\" has failed progressing"}]}}),
        );
        assert_eq!(component(&failed).state, State::Failed);
        assert!(component(&failed).detail.contains("failed progressing"));
    }
}
