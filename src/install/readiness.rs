//! The one readiness model, for the wait and for `status`: from one look at the project, the
//! state of every component of the install — image imports, claims, each deployment config,
//! the routes zync creates — judged the way `oc rollout status` judges a rollout.

use super::identity::{self, Identity};
use serde::Serialize;
use serde_json::Value;

/// The resources one look lists.
pub const RESOURCES: &[&str] = &[
    "imagestreams.image.openshift.io",
    "persistentvolumeclaims",
    "deploymentconfigs.apps.openshift.io",
    "routes.route.openshift.io",
    "pods",
    "events",
];

/// The services zync creates routes for, with what they serve.
pub const ZYNC_ROUTES: &[(&str, &str)] = &[
    ("system-provider", "admin portal"),
    ("system-developer", "developer portal"),
    ("system-master", "master portal"),
    ("apicast-staging", "APIcast staging"),
    ("apicast-production", "APIcast production"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Pending,
    RollingOut,
    Ready,
    /// Zero replicas wanted, the latest rollout done: settled, on purpose.
    ScaledDown,
    Failed,
}

impl State {
    /// Nothing more will happen without a person: ready, or scaled down on purpose.
    pub fn settled(self) -> bool {
        matches!(self, State::Ready | State::ScaledDown)
    }

    pub fn text(self) -> &'static str {
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
pub struct Component {
    pub name: String,
    pub state: State,
    pub detail: String,
}

/// One look at the project, sorted by kind.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    pub image_streams: Vec<Value>,
    pub claims: Vec<Value>,
    pub dcs: Vec<Value>,
    pub routes: Vec<Value>,
    pub pods: Vec<Value>,
    pub events: Vec<Value>,
}

impl Snapshot {
    /// The objects of the install among `items` (and the pods and events, which explain them).
    pub fn of(items: Vec<Value>, identity: &Identity) -> Snapshot {
        Snapshot::of_matching(items, |o| {
            identity.template.iter().any(|r| r.matches(o))
                || !identity::zync_routes(std::slice::from_ref(o)).is_empty()
        })
    }

    /// The image streams, claims, deployment configs and routes that `ours` accepts, and every
    /// pod and event.
    pub fn of_matching(items: Vec<Value>, ours: impl Fn(&Value) -> bool) -> Snapshot {
        let mut s = Snapshot::default();
        for item in items {
            match item["kind"].as_str() {
                Some("ImageStream") if ours(&item) => s.image_streams.push(item),
                Some("PersistentVolumeClaim") if ours(&item) => s.claims.push(item),
                Some("DeploymentConfig") if ours(&item) => s.dcs.push(item),
                Some("Route") if ours(&item) => s.routes.push(item),
                Some("Pod") => s.pods.push(item),
                Some("Event") => s.events.push(item),
                _ => {}
            }
        }
        s.dcs.sort_by_key(|d| {
            super::diagnosis::tier_of(d["metadata"]["name"].as_str().unwrap_or_default())
        });
        s
    }
}

/// Every component of the install and its state.
pub fn assess(s: &Snapshot) -> Vec<Component> {
    let mut out = vec![images(s), claims(s)];
    out.extend(s.dcs.iter().map(deployment));
    out.push(routes(s));
    out
}

/// The condition saying why the import of an image stream's status tag failed, if it did: a
/// tag is failed when its `ImportSuccess` condition is `False` (the cluster never retries it).
pub fn refused_import(status_tag: &Value) -> Option<&Value> {
    status_tag["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["type"] == "ImportSuccess" && c["status"] == "False")
}

/// Every tag of a template image stream that names an image must have imported it.
fn images(s: &Snapshot) -> Component {
    let (mut wanted, mut imported, mut failed) = (0, 0, Vec::new());
    for is in &s.image_streams {
        let status_tags: Vec<&Value> = is["status"]["tags"]
            .as_array()
            .into_iter()
            .flatten()
            .collect();
        for tag in is["spec"]["tags"].as_array().into_iter().flatten() {
            if tag["from"]["kind"] != "DockerImage" {
                continue;
            }
            wanted += 1;
            let status = status_tags.iter().find(|t| t["tag"] == tag["name"]);
            let done = status.is_some_and(|t| t["items"].as_array().is_some_and(|i| !i.is_empty()));
            let refused = status.is_some_and(|t| refused_import(t).is_some());
            if done {
                imported += 1;
            } else if refused {
                failed.push(format!(
                    "{}:{}",
                    is["metadata"]["name"].as_str().unwrap_or_default(),
                    tag["name"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    let (state, detail) = if !failed.is_empty() {
        (
            State::Failed,
            format!(
                "{imported} of {wanted} image tags imported; failed: {}",
                failed.join(", ")
            ),
        )
    } else if imported >= wanted {
        (
            State::Ready,
            format!("{imported} of {wanted} image tags imported"),
        )
    } else {
        (
            State::Pending,
            format!("{imported} of {wanted} image tags imported"),
        )
    };
    Component {
        name: "images".into(),
        state,
        detail,
    }
}

fn claims(s: &Snapshot) -> Component {
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
    Component {
        name: "claims".into(),
        state,
        detail: format!("{bound} of {} claims bound", s.claims.len()),
    }
}

/// A DeploymentConfig's state, read the way `oc rollout status` reads it.
pub fn deployment(dc: &Value) -> Component {
    let name = dc["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let status = &dc["status"];
    let latest = status["latestVersion"].as_u64().unwrap_or(0);
    let replicas = dc["spec"]["replicas"].as_u64().unwrap_or(0);
    let updated = status["updatedReplicas"].as_u64().unwrap_or(0);
    let available = status["availableReplicas"].as_u64().unwrap_or(0);
    let progressing = status["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["type"] == "Progressing");
    let failed = progressing.filter(|c| {
        matches!(
            c["reason"].as_str(),
            Some("ProgressDeadlineExceeded" | "RolloutCancelled")
        )
    });
    let counts = format!("{available}/{replicas} available, revision {latest}");
    let (state, detail) = if let Some(c) = failed {
        (
            State::Failed,
            c["message"].as_str().unwrap_or_default().to_string(),
        )
    } else if latest == 0 {
        let waits_on_image = dc["spec"]["triggers"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|t| t["type"] == "ImageChange");
        let why = if waits_on_image {
            "waiting on image update"
        } else {
            "waiting on manual update"
        };
        (State::Pending, why.to_string())
    } else if replicas == 0 {
        (
            State::ScaledDown,
            format!("scaled down to 0 replicas, revision {latest}"),
        )
    } else if updated >= replicas && available >= replicas {
        (State::Ready, counts)
    } else {
        (State::RollingOut, counts)
    };
    Component {
        name,
        state,
        detail,
    }
}

/// The routes zync creates: one per portal and gateway, admitted by a router.
fn routes(s: &Snapshot) -> Component {
    let admitted: Vec<&str> = ZYNC_ROUTES
        .iter()
        .filter(|(service, _)| {
            s.routes.iter().any(|r| {
                r["metadata"]["labels"]["zync.3scale.net/route-to"] == *service && is_admitted(r)
            })
        })
        .map(|(_, purpose)| *purpose)
        .collect();
    let waiting: Vec<&str> = ZYNC_ROUTES
        .iter()
        .map(|(_, p)| *p)
        .filter(|p| !admitted.contains(p))
        .collect();
    let (state, detail) = if waiting.is_empty() {
        (
            State::Ready,
            format!(
                "{} of {} portal and gateway routes admitted",
                admitted.len(),
                ZYNC_ROUTES.len()
            ),
        )
    } else {
        (
            State::Pending,
            format!(
                "{} of {} portal and gateway routes admitted; waiting for: {}",
                admitted.len(),
                ZYNC_ROUTES.len(),
                waiting.join(", ")
            ),
        )
    };
    Component {
        name: "routes".into(),
        state,
        detail,
    }
}

/// Whether a router admitted the route.
pub fn is_admitted(route: &Value) -> bool {
    route["status"]["ingress"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|i| i["conditions"].as_array().into_iter().flatten())
        .any(|c| c["type"] == "Admitted" && c["status"] == "True")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rollout_states_follow_oc_rollout_status() {
        let state = |v: Value| deployment(&v).state;
        assert_eq!(
            deployment(&json!({"metadata": {"name": "a"}, "spec": {"replicas": 1, "triggers": [{"type": "ImageChange"}]}, "status": {"latestVersion": 0}})).detail,
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
        let c = deployment(
            &json!({"metadata": {"name": "apicast-staging"}, "spec": {"replicas": 0}, "status": {"latestVersion": 1, "updatedReplicas": 0, "availableReplicas": 0}}),
        );
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
        let s = Snapshot {
            image_streams: vec![is],
            ..Snapshot::default()
        };
        let c = images(&s);
        assert_eq!(
            (c.state, c.detail.as_str()),
            (State::Ready, "1 of 1 image tags imported")
        );
    }
}
