//! Readiness basics shared by every wait and status: one look at a project sorted by kind
//! ([`Snapshot`]), and the state of its parts — image imports, claims, deployment configs —
//! judged the way `oc rollout status` judges a rollout. Which parts make up a feature, and in
//! which order they matter, is the feature's to say.

use super::kube::{self, Claim, DeploymentConfig, Event, ImageStream, Pod, Route};
use serde::Serialize;
use serde_json::Value;

/// The resources one look lists.
pub(crate) const RESOURCES: &[&str] = &[
    "imagestreams.image.openshift.io",
    "persistentvolumeclaims",
    "deploymentconfigs.apps.openshift.io",
    "routes.route.openshift.io",
    "pods",
    "events",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum State {
    Pending,
    RollingOut,
    Ready,
    /// Zero replicas wanted, the latest rollout done: settled, on purpose.
    ScaledDown,
    Failed,
}

impl State {
    /// Nothing more will happen without a person: ready, or scaled down on purpose.
    pub(crate) fn settled(self) -> bool {
        matches!(self, State::Ready | State::ScaledDown)
    }

    pub(crate) fn text(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::RollingOut => "rolling out",
            State::Ready => "ready",
            State::ScaledDown => "scaled down",
            State::Failed => "failed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Component {
    pub(crate) name: String,
    pub(crate) state: State,
    pub(crate) detail: String,
}

impl Component {
    pub(crate) fn new(name: impl Into<String>, state: State, detail: impl Into<String>) -> Self {
        Component {
            name: name.into(),
            state,
            detail: detail.into(),
        }
    }
}

/// One look at a project, sorted by kind.
#[derive(Debug, Default, Clone)]
pub(crate) struct Snapshot {
    pub(crate) image_streams: Vec<ImageStream>,
    pub(crate) claims: Vec<Claim>,
    pub(crate) dcs: Vec<DeploymentConfig>,
    pub(crate) routes: Vec<Route>,
    pub(crate) pods: Vec<Pod>,
    pub(crate) events: Vec<Event>,
}

impl Snapshot {
    /// The image streams, claims, deployment configs and routes that `ours` accepts, and every
    /// pod and event.
    pub(crate) fn of_matching(items: Vec<Value>, ours: impl Fn(&Value) -> bool) -> Snapshot {
        let mut s = Snapshot::default();
        for item in items {
            match kube::kind_of(&item).as_str() {
                "ImageStream" if ours(&item) => s.image_streams.push(kube::parse(&item)),
                "PersistentVolumeClaim" if ours(&item) => s.claims.push(kube::parse(&item)),
                "DeploymentConfig" if ours(&item) => s.dcs.push(kube::parse(&item)),
                "Route" if ours(&item) => s.routes.push(kube::parse(&item)),
                "Pod" => s.pods.push(kube::parse(&item)),
                "Event" => s.events.push(kube::parse(&item)),
                _ => {}
            }
        }
        s
    }

    /// The deployment configs in the order `rank` gives (dependency order, for the rows).
    pub(crate) fn rank_dcs(&mut self, rank: impl Fn(&str) -> usize) {
        self.dcs.sort_by_key(|d| rank(&d.metadata.name));
    }

    pub(crate) fn dc(&self, name: &str) -> Option<&DeploymentConfig> {
        self.dcs.iter().find(|d| d.metadata.name == name)
    }
}

/// Every tag of an image stream that names an image must have imported it.
pub(crate) fn images(s: &Snapshot) -> Component {
    let (mut wanted, mut imported, mut failed) = (0, 0, Vec::new());
    for is in &s.image_streams {
        for tag in &is.spec.tags {
            if tag.from.as_ref().is_none_or(|f| f.kind != "DockerImage") {
                continue;
            }
            wanted += 1;
            let status = is.status.tags.iter().find(|t| t.tag == tag.name);
            if status.is_some_and(|t| !t.items.is_empty()) {
                imported += 1;
            } else if status.is_some_and(|t| t.refused_import().is_some()) {
                failed.push(format!("{}:{}", is.metadata.name, tag.name));
            }
        }
    }
    let counts = format!("{imported} of {wanted} image tags imported");
    if !failed.is_empty() {
        let detail = format!("{counts}; failed: {}", failed.join(", "));
        return Component::new("images", State::Failed, detail);
    }
    let state = if imported >= wanted {
        State::Ready
    } else {
        State::Pending
    };
    Component::new("images", state, counts)
}

/// Every claim that exists must be bound.
pub(crate) fn claims(s: &Snapshot) -> Component {
    let bound = s
        .claims
        .iter()
        .filter(|c| c.status.phase == "Bound")
        .count();
    let state = if bound == s.claims.len() {
        State::Ready
    } else {
        State::Pending
    };
    Component::new(
        "claims",
        state,
        format!("{bound} of {} claims bound", s.claims.len()),
    )
}

/// A DeploymentConfig's state, read the way `oc rollout status` reads it.
pub(crate) fn deployment(dc: &DeploymentConfig) -> Component {
    let name = dc.metadata.name.clone();
    let status = &dc.status;
    let (latest, replicas) = (status.latest_version, dc.spec.replicas);
    let counts = format!(
        "{}/{replicas} available, revision {latest}",
        status.available_replicas
    );
    if let Some(c) = dc.failed_rollout() {
        return Component::new(name, State::Failed, c.message.clone());
    }
    if latest == 0 {
        let why = if dc.waits_on_image() {
            "waiting on image update"
        } else {
            "waiting on manual update"
        };
        return Component::new(name, State::Pending, why);
    }
    if replicas == 0 {
        let detail = format!("scaled down to 0 replicas, revision {latest}");
        return Component::new(name, State::ScaledDown, detail);
    }
    let done = status.updated_replicas >= replicas && status.available_replicas >= replicas;
    let state = if done {
        State::Ready
    } else {
        State::RollingOut
    };
    Component::new(name, state, counts)
}

/// Whether every component is settled.
pub(crate) fn healthy(components: &[Component]) -> bool {
    components.iter().all(|c| c.state.settled())
}

/// Components that are not settled, in words.
pub(crate) fn unsettled(components: &[Component]) -> Vec<String> {
    components
        .iter()
        .filter(|c| !c.state.settled())
        .map(|c| format!("{} ({})", c.name, c.state.text()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn dc(v: Value) -> DeploymentConfig {
        kube::parse(&v)
    }

    #[test]
    fn rollout_states_follow_oc_rollout_status() {
        let state = |v: Value| deployment(&dc(v)).state;
        assert_eq!(
            deployment(&dc(json!({"metadata": {"name": "a"}, "spec": {"replicas": 1, "triggers": [{"type": "ImageChange"}]}, "status": {"latestVersion": 0}}))).detail,
            "waiting on image update"
        );
        assert_eq!(
            state(
                json!({"metadata": {"name": "a"}, "spec": {"replicas": 1}, "status": {"latestVersion": 2, "updatedReplicas": 1, "availableReplicas": 1}})
            ),
            State::Ready
        );
        assert_eq!(
            state(
                json!({"metadata": {"name": "a"}, "spec": {"replicas": 1}, "status": {"latestVersion": 1, "updatedReplicas": 1, "availableReplicas": 0}})
            ),
            State::RollingOut
        );
        assert_eq!(
            state(
                json!({"metadata": {"name": "a"}, "spec": {"replicas": 1}, "status": {"latestVersion": 1, "conditions": [
            {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": "replication controller \"a-1\" has failed progressing"}]}})
            ),
            State::Failed
        );
    }

    #[test]
    fn a_dc_scaled_to_zero_is_settled() {
        let c = deployment(&dc(
            json!({"metadata": {"name": "apicast-staging"}, "spec": {"replicas": 0}, "status": {"latestVersion": 1, "updatedReplicas": 0, "availableReplicas": 0}}),
        ));
        assert_eq!(c.state, State::ScaledDown);
        assert!(
            c.state.settled() && c.detail.contains("scaled down"),
            "{}",
            c.detail
        );
    }

    #[test]
    fn image_tags_count_what_the_spec_asks_for() {
        let is = json!({"kind": "ImageStream", "metadata": {"name": "amp-system"},
            "spec": {"tags": [{"name": "2.8", "from": {"kind": "DockerImage", "name": "r/x:2.8"}}, {"name": "latest", "from": {"kind": "ImageStreamTag", "name": "2.8"}}]},
            "status": {"tags": [{"tag": "2.8", "items": [{"image": "sha256:1"}]}, {"tag": "latest", "items": [{"image": "sha256:1"}]}]}});
        let s = Snapshot::of_matching(vec![is], |_| true);
        let c = images(&s);
        assert_eq!(
            (c.state, c.detail.as_str()),
            (State::Ready, "1 of 1 image tags imported")
        );
    }

    #[test]
    fn a_refused_tag_fails_the_images() {
        let is = json!({"kind": "ImageStream", "metadata": {"name": "amp-zync"},
            "spec": {"tags": [{"name": "2.8", "from": {"kind": "DockerImage", "name": "r/z:2.8"}}]},
            "status": {"tags": [{"tag": "2.8", "conditions": [{"type": "ImportSuccess", "status": "False", "message": "no"}]}]}});
        let c = images(&Snapshot::of_matching(vec![is], |_| true));
        assert_eq!(c.state, State::Failed);
        assert!(c.detail.ends_with("failed: amp-zync:2.8"), "{}", c.detail);
    }
}
