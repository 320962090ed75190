//! A gateway's readiness, for the wait of `gateway add` and for `gateway status`: its deployment
//! config judged as `oc rollout status` judges it (the install's readiness model), its routes
//! admitted by a router, and the root cause of what does not work (the install's signatures),
//! with fixes that fit a gateway.

use super::objects;
use crate::engine::change::Ctx;
use crate::engine::diagnosis::{self as detect, Entry, Finding, Found};
use crate::engine::kube::Pod;
use crate::engine::readiness::{self, Component, Snapshot, State};
use crate::engine::wait::Watched;
use crate::pull_secret;
use serde_json::Value;

/// What one look at the project lists.
pub(crate) const RESOURCES: &[&str] = &[
    "deploymentconfigs.apps.openshift.io",
    "routes.route.openshift.io",
    "pods",
    "events",
];

/// `NAME-<digits>`: a replication controller of the deployment config `name`.
fn is_revision_of(object: &str, name: &str) -> bool {
    object
        .strip_prefix(name)
        .and_then(|r| r.strip_prefix('-'))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The pods of the gateway: its own (label `deploymentconfig`) and its deployers.
fn owned_pod(pod: &Pod, name: &str) -> bool {
    let meta = &pod.metadata;
    meta.label("deploymentconfig") == Some(name)
        || meta
            .label("openshift.io/deployer-pod-for.name")
            .is_some_and(|rc| is_revision_of(rc, name))
}

/// A look kept to what concerns gateway `name`: its deployment config and routes, its pods and
/// the events about them (other applications of the project explain nothing here).
pub(crate) fn snapshot(items: Vec<Value>, name: &str) -> Snapshot {
    let mut s = Snapshot::of_matching(items, |o| {
        objects::is_of(o, name)
            && (o["kind"] != "DeploymentConfig" || o["metadata"]["name"] == name)
    });
    s.pods.retain(|p| owned_pod(p, name));
    let pods: Vec<String> = s.pods.iter().map(|p| p.metadata.name.clone()).collect();
    s.events.retain(|e| {
        let about = e.involved_object.name.as_str();
        about == name || is_revision_of(about, name) || pods.iter().any(|p| p == about)
    });
    s
}

/// The gateway's deployment config and its routes.
pub(crate) fn assess(s: &Snapshot, name: &str, hosts: &[String]) -> Vec<Component> {
    let dc = s
        .dc(name)
        .map(readiness::deployment)
        .unwrap_or_else(|| Component {
            name: name.to_string(),
            state: State::Pending,
            detail: format!("no deployment config {name}"),
        });
    let admitted: Vec<&String> = hosts
        .iter()
        .filter(|h| {
            s.routes
                .iter()
                .any(|r| r.spec.host == h.as_str() && r.is_admitted())
        })
        .collect();
    let waiting: Vec<&String> = hosts.iter().filter(|h| !admitted.contains(h)).collect();
    let routes = Component {
        name: "routes".into(),
        state: if waiting.is_empty() {
            State::Ready
        } else {
            State::Pending
        },
        detail: if waiting.is_empty() {
            format!("{} of {} admitted", admitted.len(), hosts.len())
        } else {
            format!(
                "{} of {} admitted; waiting for: {}",
                admitted.len(),
                hosts.len(),
                waiting
                    .iter()
                    .map(|h| h.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        },
    };
    vec![dc, routes]
}

/// The failures a gateway can have, with the fixes that fit a gateway.
static TABLE: &[Entry] = &[
    Entry {
        detector: &detect::QUOTA_EXCEEDED,
        fix: |_| {
            "the project's ResourceQuota is too small for the gateway: ask for a larger quota, or free resources in the project".into()
        },
    },
    Entry {
        detector: &detect::INSUFFICIENT_RESOURCES,
        fix: |_| {
            "the nodes lack free CPU or memory for the gateway: add or enlarge worker nodes, or free capacity".into()
        },
    },
    Entry {
        detector: &detect::IMAGE_PULL_FAILED,
        fix: image_pull_failed,
    },
    Entry {
        detector: &detect::ROLLOUT_FAILED,
        fix: rollout_failed,
    },
    Entry {
        detector: &detect::HOST_ALREADY_CLAIMED,
        fix: |f| {
            format!(
            "another route (often in another project) already holds host {}: remove it, or give the gateway another --host",
            f.detail.as_deref().unwrap_or_default()
        )
        },
    },
];

fn image_pull_failed(f: &Found) -> String {
    let (secret, sa) = (pull_secret::NAME, objects::SERVICE_ACCOUNT);
    format!(
        "the node cannot pull the gateway's image: check pull secret {secret} (server, username, password) and that service account {sa} lists it (`oc secrets link {sa} {secret} --for=pull`); `threescale-install gateway add --name {}` with the right registry login updates the secret",
        f.object
    )
}

fn rollout_failed(f: &Found) -> String {
    let name = &f.object;
    format!(
        "its pods did not become ready in time: a gateway is ready once it has loaded its configuration, so check its token (`threescale-install gateway status {name}`) and `oc logs dc/{name}`; then `oc rollout latest dc/{name}`"
    )
}

/// The root cause, with the fixes of a gateway in `project` (the commands given run there).
pub(crate) fn diagnose(s: &Snapshot, project: &str) -> Option<Finding> {
    let mut f = detect::diagnose(s, TABLE, &|_| 0)?;
    if f.fix.contains("`oc ") {
        f.fix
            .push_str(&format!(" (each `oc` command with -n {project})"));
    }
    Some(f)
}

/// The wait of `gateway add`.
pub(crate) struct Gateway<'a> {
    pub(crate) name: &'a str,
    pub(crate) project: &'a str,
    pub(crate) hosts: &'a [String],
}

impl Watched for Gateway<'_> {
    fn subject(&self) -> String {
        format!("gateway {}", self.name)
    }

    fn look(&self, ctx: &Ctx) -> Result<Snapshot, crate::oc::OcError> {
        ctx.oc
            .poll::<Value>(RESOURCES, ctx.project)
            .map(|items| snapshot(items, self.name))
    }

    fn assess(&self, snapshot: &Snapshot) -> Vec<Component> {
        assess(snapshot, self.name, self.hosts)
    }

    fn diagnose(&self, snapshot: &Snapshot) -> Option<Finding> {
        diagnose(snapshot, self.project)
    }

    fn out_of_time_help(&self) -> String {
        format!(
            "run the same command again to keep waiting (nothing is made twice), or raise --timeout; `threescale-install gateway status {}` shows its state",
            self.name
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn labelled(kind: &str, name: &str, gateway: &str) -> Value {
        json!({"kind": kind, "metadata": {"name": name, "labels": {objects::GATEWAY_LABEL: gateway}}})
    }

    #[test]
    fn a_look_keeps_the_gateways_own_pods_and_events() {
        let mut dc = labelled("DeploymentConfig", "gw", "gw");
        dc["spec"] = json!({"replicas": 1});
        dc["status"] = json!({"latestVersion": 1, "updatedReplicas": 1, "availableReplicas": 0});
        let items = vec![
            dc,
            labelled("DeploymentConfig", "gw-two", "gw-two"),
            json!({"kind": "Pod", "metadata": {"name": "gw-1-abcde", "labels": {"deploymentconfig": "gw"}}}),
            json!({"kind": "Pod", "metadata": {"name": "gw-1-deploy", "labels": {"openshift.io/deployer-pod-for.name": "gw-1"}}}),
            json!({"kind": "Pod", "metadata": {"name": "gw-two-1-xyz", "labels": {"deploymentconfig": "gw-two"}}}),
            json!({"kind": "Event", "involvedObject": {"kind": "ReplicationController", "name": "gw-1"}}),
            json!({"kind": "Event", "involvedObject": {"kind": "Pod", "name": "gw-two-1-xyz"}}),
        ];
        let s = snapshot(items, "gw");
        assert_eq!(s.dcs.len(), 1);
        assert_eq!(s.pods.len(), 2);
        assert_eq!(s.events.len(), 1);
        let c = assess(&s, "gw", &["a.example.com".to_string()]);
        assert_eq!(
            (c[0].state, c[1].state),
            (State::RollingOut, State::Pending)
        );
        assert!(
            c[1].detail.contains("waiting for: a.example.com"),
            "{}",
            c[1].detail
        );
    }

    #[test]
    fn a_pull_failure_names_the_gateways_service_account() {
        let items = vec![
            labelled("DeploymentConfig", "gw", "gw"),
            json!({"kind": "Pod", "metadata": {"name": "gw-1-abcde", "labels": {"deploymentconfig": "gw"}},
                "status": {"containerStatuses": [{"state": {"waiting": {"reason": "ImagePullBackOff", "message": "unauthorized"}}}]}}),
        ];
        let f = diagnose(&snapshot(items, "gw"), "p").unwrap();
        assert_eq!(f.signature, "image-pull-failed");
        assert!(f.fix.contains("oc secrets link default"), "{}", f.fix);
    }
}
