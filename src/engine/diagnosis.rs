//! Why something does not work: failure detectors over one look at a project, and the diagnosis
//! that picks the root cause from a feature's table. Only the present state counts: an event
//! explains something only while what it is about is still broken (a scheduling failure of a
//! pod that now runs explains nothing). The detectors find; the feature's table says what each
//! finding means for it (the fix) and ranks deployment configs in its dependency order.

use super::kube::{Event, Pod};
use super::readiness::{self, Snapshot};

/// The root cause, with its evidence and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub(crate) signature: &'static str,
    /// What is broken: a claim, an image stream, a deployment config, a route.
    pub(crate) subject: String,
    pub(crate) evidence: String,
    pub(crate) fix: String,
    /// Nothing will change without the operator: the wait stops at once.
    pub(crate) blocks: bool,
    /// A pod whose log tail belongs to the evidence.
    pub(crate) log_of: Option<String>,
    /// The component of the wait it shows on: "images", "claims", "routes", or the deployment
    /// config's name.
    pub(crate) component: String,
}

/// What a detector found, before the feature says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) subject: String,
    pub(crate) evidence: String,
    /// The object the fix is about: an image stream, claim, deployment config, pod or route.
    pub(crate) object: String,
    /// The claim's class (claims), or the route's host (routes).
    pub(crate) detail: Option<String>,
    /// A ReadWriteMany claim.
    pub(crate) rwx: bool,
    pub(crate) log_of: Option<String>,
    /// Where in the dependency order (lower first): fixed tiers, or a deployment config's.
    rank: (usize, usize),
}

/// A deployment config's place in a feature's dependency order.
pub(crate) type Rank<'a> = &'a dyn Fn(&str) -> usize;

/// A kind of failure: how to find it, whether it blocks, how its rank is told.
pub(crate) struct Detector {
    pub(crate) id: &'static str,
    pub(crate) blocks: bool,
    /// The component its findings show on (as readiness names it); `None`: the deployment
    /// config a finding is about.
    component: Option<&'static str>,
    find: fn(&Snapshot, Rank) -> Vec<Found>,
}

/// One row of a feature's table: a detector and what its findings mean for the feature.
pub(crate) struct Entry {
    pub(crate) detector: &'static Detector,
    pub(crate) fix: fn(&Found) -> String,
}

/// The root cause among `table`'s findings: the first in dependency order, `rank` telling a
/// deployment config's place in it.
pub(crate) fn diagnose(snapshot: &Snapshot, table: &[Entry], rank: Rank) -> Option<Finding> {
    table
        .iter()
        .flat_map(|e| {
            (e.detector.find)(snapshot, rank)
                .into_iter()
                .map(move |f| (e, f))
        })
        .min_by_key(|(_, f)| f.rank)
        .map(|(e, f)| Finding {
            signature: e.detector.id,
            component: e
                .detector
                .component
                .map_or_else(|| f.object.clone(), str::to_string),
            fix: (e.fix)(&f),
            blocks: e.detector.blocks,
            subject: f.subject,
            evidence: f.evidence,
            log_of: f.log_of,
        })
}

fn found(subject: String, evidence: String, object: &str, rank: (usize, usize)) -> Found {
    Found {
        subject,
        evidence,
        object: object.to_string(),
        detail: None,
        rwx: false,
        log_of: None,
        rank,
    }
}

/// Deployment configs come after images, claims and scheduling.
fn dc_rank(rank: Rank, signature: usize, dc: &str) -> (usize, usize) {
    (3 + rank(dc), signature)
}

/// The deployment config a pod or replication controller belongs to: `system-app-1-xyz` →
/// `system-app`.
fn owner_dc(s: &Snapshot, object: &str) -> String {
    s.dcs
        .iter()
        .map(|d| d.metadata.name.as_str())
        .filter(|dc| object.starts_with(&format!("{dc}-")))
        .max_by_key(|dc| dc.len())
        .unwrap_or(object)
        .to_string()
}

/// Whether the deployment config is ready (or scaled down): its old troubles are over.
fn settled(s: &Snapshot, dc: &str) -> bool {
    s.dc(dc)
        .is_some_and(|d| readiness::deployment(d).state.settled())
}

fn still_unscheduled(s: &Snapshot, pod: &str) -> bool {
    s.pods
        .iter()
        .any(|p| p.metadata.name == pod && p.unscheduled())
}

pub(crate) static IMPORT_FAILED: Detector = Detector {
    id: "image-import-failed",
    blocks: true,
    component: Some("images"),
    find: import_failed,
};
pub(crate) static CLAIM_NOT_PROVISIONED: Detector = Detector {
    id: "claim-not-provisioned",
    blocks: true,
    component: Some("claims"),
    find: claim_not_provisioned,
};
pub(crate) static QUOTA_EXCEEDED: Detector = Detector {
    id: "quota-exceeded",
    blocks: true,
    component: None,
    find: quota_exceeded,
};
/// Nodes may be added: the wait goes on.
pub(crate) static INSUFFICIENT_RESOURCES: Detector = Detector {
    id: "insufficient-resources",
    blocks: false,
    component: None,
    find: insufficient_resources,
};
pub(crate) static IMAGE_PULL_FAILED: Detector = Detector {
    id: "image-pull-failed",
    blocks: true,
    component: None,
    find: image_pull_failed,
};
pub(crate) static HOOK_FAILED: Detector = Detector {
    id: "hook-failed",
    blocks: true,
    component: None,
    find: hook_failed,
};
pub(crate) static ROLLOUT_FAILED: Detector = Detector {
    id: "rollout-failed",
    blocks: true,
    component: None,
    find: rollout_failed,
};
pub(crate) static HOST_ALREADY_CLAIMED: Detector = Detector {
    id: "host-already-claimed",
    blocks: true,
    component: Some("routes"),
    find: host_already_claimed,
};

fn import_failed(s: &Snapshot, _: Rank) -> Vec<Found> {
    let mut out = Vec::new();
    for is in &s.image_streams {
        for tag in &is.status.tags {
            if let Some(c) = tag.refused_import() {
                out.push(found(
                    format!("image stream {}:{}", is.metadata.name, tag.tag),
                    format!("Import failed ({}): {}", c.reason, c.message),
                    &is.metadata.name,
                    (0, 0),
                ));
            }
        }
    }
    out
}

fn claim_not_provisioned(s: &Snapshot, _: Rank) -> Vec<Found> {
    s.claims
        .iter()
        .filter(|c| c.status.phase == "Pending")
        .filter_map(|c| {
            let claim = &c.metadata.name;
            let event = s.events.iter().find(|e| {
                e.is_about("PersistentVolumeClaim", claim) && e.reason == "ProvisioningFailed"
            })?;
            let class = c
                .spec
                .storage_class_name
                .clone()
                .unwrap_or_else(|| "the default class".into());
            let mut f = found(
                format!("claim {claim} (class {class})"),
                format!("ProvisioningFailed: {}", event.message),
                claim,
                (1, 0),
            );
            f.rwx = c.spec.access_modes.iter().any(|m| m == "ReadWriteMany");
            f.detail = Some(class);
            Some(f)
        })
        .collect()
}

fn quota_exceeded(s: &Snapshot, _: Rank) -> Vec<Found> {
    s.events
        .iter()
        .filter(|e| e.reason == "FailedCreate" && e.message.contains("exceeded quota"))
        .map(|e| (e, owner_dc(s, &e.involved_object.name)))
        .filter(|(_, owner)| !settled(s, owner))
        .map(|(e, owner)| {
            let subject = format!("deployment config {owner}");
            found(subject, e.message.clone(), &owner, (2, 0))
        })
        .collect()
}

fn insufficient_resources(s: &Snapshot, _: Rank) -> Vec<Found> {
    let unbound_claims =
        |e: &Event| e.message.contains("unbound") && e.message.contains("PersistentVolumeClaims");
    s.events
        .iter()
        .filter(|e| e.is_about("Pod", "") && e.reason == "FailedScheduling")
        .filter(|e| still_unscheduled(s, &e.involved_object.name))
        // Unbound claims are the claims' story, told by claim-not-provisioned.
        .filter(|e| !unbound_claims(e))
        .map(|e| {
            let owner = owner_dc(s, &e.involved_object.name);
            let evidence = format!("FailedScheduling: {}", e.message);
            found(
                format!("deployment config {owner}"),
                evidence,
                &owner,
                (2, 1),
            )
        })
        .collect()
}

fn image_pull_failed(s: &Snapshot, rank: Rank) -> Vec<Found> {
    let pulls = |p: &Pod| {
        p.status
            .container_statuses
            .iter()
            .filter_map(|c| c.state.waiting.clone())
            .filter(|w| matches!(w.reason.as_str(), "ImagePullBackOff" | "ErrImagePull"))
            .collect::<Vec<_>>()
    };
    let mut out = Vec::new();
    for pod in &s.pods {
        for waiting in pulls(pod) {
            let dc = owner_dc(s, &pod.metadata.name);
            let evidence = format!("{}: {}", waiting.reason, waiting.message);
            let subject = format!("deployment config {dc}");
            out.push(found(subject, evidence, &dc, dc_rank(rank, 0, &dc)));
        }
    }
    out
}

fn hook_failed(s: &Snapshot, rank: Rank) -> Vec<Found> {
    s.pods
        .iter()
        .filter(|p| p.metadata.name.contains("-hook-") && p.status.phase == "Failed")
        .filter(|p| !settled(s, &owner_dc(s, &p.metadata.name)))
        .map(|p| {
            let pod = p.metadata.name.clone();
            let dc = owner_dc(s, &pod);
            let mut f = found(
                format!("deployment config {dc} (hook pod {pod})"),
                format!("hook pod {pod} failed"),
                &dc,
                dc_rank(rank, 1, &dc),
            );
            f.detail = Some(pod.clone());
            f.log_of = Some(pod);
            f
        })
        .collect()
}

fn rollout_failed(s: &Snapshot, rank: Rank) -> Vec<Found> {
    s.dcs
        .iter()
        .filter_map(|dc| {
            let c = dc.failed_rollout()?;
            let n = &dc.metadata.name;
            let subject = format!("deployment config {n}");
            Some(found(subject, c.message.clone(), n, dc_rank(rank, 2, n)))
        })
        .collect()
}

fn host_already_claimed(s: &Snapshot, _: Rank) -> Vec<Found> {
    s.routes
        .iter()
        .filter_map(|r| {
            let c = r.refusal().filter(|c| c.reason == "HostAlreadyClaimed")?;
            let mut f = found(
                format!("route {} ({})", r.metadata.name, r.spec.host),
                format!("HostAlreadyClaimed: {}", c.message),
                &r.metadata.name,
                (10, 0),
            );
            f.detail = Some(r.spec.host.clone());
            Some(f)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn snapshot(items: Vec<Value>) -> Snapshot {
        Snapshot::of_matching(items, |_| true)
    }

    fn table() -> Vec<Entry> {
        [
            &IMPORT_FAILED,
            &CLAIM_NOT_PROVISIONED,
            &HOOK_FAILED,
            &ROLLOUT_FAILED,
        ]
        .into_iter()
        .map(|d| Entry {
            detector: d,
            fix: |f| format!("fix {}", f.object),
        })
        .collect()
    }

    #[test]
    fn the_first_in_dependency_order_is_the_root_cause() {
        let failed = |name: &str| {
            json!({"kind": "DeploymentConfig", "metadata": {"name": name}, "spec": {"replicas": 1}, "status": {"latestVersion": 1, "conditions": [
                {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": format!("{name} failed")}]}})
        };
        let s = snapshot(vec![failed("late"), failed("early")]);
        let rank = |dc: &str| if dc == "early" { 0 } else { 5 };
        let f = diagnose(&s, &table(), &rank).unwrap();
        assert_eq!(
            (f.signature, f.fix.as_str()),
            ("rollout-failed", "fix early")
        );
        // Claims come before any deployment config, whatever its rank.
        let mut items = vec![failed("early")];
        items.push(json!({"kind": "PersistentVolumeClaim", "metadata": {"name": "system-storage"}, "spec": {"accessModes": ["ReadWriteMany"], "storageClassName": "gp2"}, "status": {"phase": "Pending"}}));
        items.push(json!({"kind": "Event", "involvedObject": {"kind": "PersistentVolumeClaim", "name": "system-storage"}, "reason": "ProvisioningFailed", "message": "no RWX"}));
        let f = diagnose(&snapshot(items), &table(), &rank).unwrap();
        assert_eq!(f.signature, "claim-not-provisioned");
    }

    #[test]
    fn a_hook_of_a_settled_deployment_explains_nothing() {
        let s = snapshot(vec![
            json!({"kind": "DeploymentConfig", "metadata": {"name": "system-app"}, "spec": {"replicas": 1}, "status": {"latestVersion": 2, "updatedReplicas": 1, "availableReplicas": 1}}),
            json!({"kind": "Pod", "metadata": {"name": "system-app-1-hook-pre"}, "status": {"phase": "Failed"}}),
        ]);
        assert_eq!(diagnose(&s, &table(), &|_| 0), None);
    }
}
