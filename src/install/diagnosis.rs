//! Why an install does not work: the engine's failure detectors, in one table with the fix each
//! finding means for an install. The first finding in the install's dependency order (images →
//! claims → scheduling → storage tier → backend → system → zync → gateways → routes) is the
//! root cause.

use crate::engine::diagnosis::{self as detect, Entry, Finding, Found};
use crate::engine::readiness::Snapshot;
use crate::pull_secret;

/// The install's tiers, in dependency order, by deployment config name.
pub(crate) const TIERS: &[(&str, &[&str])] = &[
    (
        "storage tier",
        &[
            "backend-redis",
            "system-redis",
            "system-mysql",
            "system-postgresql",
            "system-memcache",
            "zync-database",
        ],
    ),
    (
        "backend",
        &["backend-listener", "backend-worker", "backend-cron"],
    ),
    ("system", &["system-app", "system-sidekiq", "system-sphinx"]),
    ("zync", &["zync", "zync-que"]),
    ("gateways", &["apicast-staging", "apicast-production"]),
];

/// The rank of a deployment config in the dependency order (unknown names last).
pub(crate) fn tier_of(dc: &str) -> usize {
    TIERS
        .iter()
        .position(|(_, names)| names.contains(&dc))
        .unwrap_or(TIERS.len())
}

/// Every known failure of an install, in the order a root cause is looked for, with its fix.
pub(crate) static TABLE: &[Entry] = &[
    Entry {
        detector: &detect::IMPORT_FAILED,
        fix: import_failed,
    },
    Entry {
        detector: &detect::CLAIM_NOT_PROVISIONED,
        fix: claim_not_provisioned,
    },
    Entry {
        detector: &detect::QUOTA_EXCEEDED,
        fix: |_| {
            "the project's ResourceQuota is too small for 3scale (about 3.5 CPU and 5.8 GiB of requests): ask for a larger quota, or free resources in the project".into()
        },
    },
    Entry {
        detector: &detect::INSUFFICIENT_RESOURCES,
        fix: |_| {
            "the nodes lack free CPU or memory for 3scale's requests: add or enlarge worker nodes, or free capacity (`threescale-install preflight` shows what 3scale requests)".into()
        },
    },
    Entry {
        detector: &detect::IMAGE_PULL_FAILED,
        fix: |_| {
            format!("the node cannot pull the image: check pull secret {} (server and username) and that service accounts amp and zync-que-sa list it; run threescale-install again with the right registry login", pull_secret::NAME)
        },
    },
    Entry {
        detector: &detect::HOOK_FAILED,
        fix: hook_failed,
    },
    Entry {
        detector: &detect::ROLLOUT_FAILED,
        fix: |f| {
            format!("its pods did not become available in time: see `oc logs dc/{0}` and `oc get events`; after fixing the cause, `oc rollout latest dc/{0}`", f.object)
        },
    },
    Entry {
        detector: &detect::HOST_ALREADY_CLAIMED,
        fix: |_| {
            "another route (often an earlier 3scale install in another project) holds this host: remove it, or install with another TENANT_NAME (--param TENANT_NAME=...) or wildcard domain".into()
        },
    },
];

/// The root cause of what does not work in an install, when a known signature matches.
pub(crate) fn diagnose(snapshot: &Snapshot) -> Option<Finding> {
    detect::diagnose(snapshot, TABLE, &tier_of)
}

fn import_failed(f: &Found) -> String {
    format!(
        "the registry refused the credentials of pull secret {} for {}: run threescale-install again with the right --registry-username and password: it updates the secret, checks it, and imports every failed image stream again",
        pull_secret::NAME,
        f.object
    )
}

fn claim_not_provisioned(f: &Found) -> String {
    let (claim, class) = (
        &f.object,
        f.detail.as_deref().unwrap_or("the default class"),
    );
    if f.rwx {
        format!("storage class {class} cannot provision the ReadWriteMany claim {claim}: uninstall, then install again with --rwx-storage-class naming an RWX class (NFS, CephFS, Azure File, EFS), or use the S3 profile (--template amp-s3)")
    } else {
        format!("storage class {class} cannot provision claim {claim}: ask a cluster admin to fix the class, or set a default class that works")
    }
}

fn hook_failed(f: &Found) -> String {
    let pod = f.detail.as_deref().unwrap_or_default();
    format!("read the hook's log below; a database left by an earlier attempt (claims with other passwords) is the usual cause: uninstall (`threescale-install uninstall --delete-project`) and install again, or see `oc logs {pod}`")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    use serde_json::Value;

    fn snapshot(items: Vec<Value>) -> Snapshot {
        let mut s = Snapshot::of_matching(items, |_| true);
        s.rank_dcs(tier_of);
        s
    }

    fn dc(name: &str, status: Value) -> Value {
        json!({"kind": "DeploymentConfig", "metadata": {"name": name}, "spec": {"replicas": 1}, "status": status})
    }

    #[test]
    fn a_refused_import_says_that_a_run_with_the_right_login_imports_again() {
        let s = snapshot(vec![
            json!({"kind": "ImageStream", "metadata": {"name": "amp-system", "namespace": "3scale-apim"}, "status": {"tags": [{"tag": "2.8", "conditions": [
            {"type": "ImportSuccess", "status": "False", "reason": "Unauthorized", "message": "unauthorized"}]}]}}),
        ]);
        let found = diagnose(&s).unwrap();
        assert!(
            found.fix.contains("for amp-system")
                && found
                    .fix
                    .ends_with("imports every failed image stream again"),
            "{}",
            found.fix
        );
    }

    #[test]
    fn every_signature_has_a_fixture() {
        let cases: Vec<(&str, Vec<Value>)> = vec![
            (
                "image-import-failed",
                vec![
                    json!({"kind": "ImageStream", "metadata": {"name": "amp-system"}, "status": {"tags": [{"tag": "2.8", "conditions": [
                {"type": "ImportSuccess", "status": "False", "reason": "Unauthorized", "message": "you may not have access to the container image \"registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8\""}]}]}}),
                ],
            ),
            (
                "claim-not-provisioned",
                vec![
                    json!({"kind": "PersistentVolumeClaim", "metadata": {"name": "system-storage"}, "spec": {"accessModes": ["ReadWriteMany"], "storageClassName": "gp2"}, "status": {"phase": "Pending"}}),
                    json!({"kind": "Event", "involvedObject": {"kind": "PersistentVolumeClaim", "name": "system-storage"}, "reason": "ProvisioningFailed",
                    "message": "Failed to provision volume with StorageClass \"gp2\": invalid AccessModes [ReadWriteMany]: only AccessModes [ReadWriteOnce] are supported"}),
                ],
            ),
            (
                "quota-exceeded",
                vec![
                    dc("system-app", json!({})),
                    json!({"kind": "Event", "involvedObject": {"kind": "ReplicationController", "name": "system-app-1"}, "reason": "FailedCreate",
                "message": "Error creating: pods \"system-app-1-x\" is forbidden: exceeded quota: compute"}),
                ],
            ),
            (
                "insufficient-resources",
                vec![
                    dc("system-app", json!({})),
                    json!({"kind": "Pod", "metadata": {"name": "system-app-1-x"}, "status": {"phase": "Pending"}}),
                    json!({"kind": "Event", "involvedObject": {"kind": "Pod", "name": "system-app-1-x"}, "reason": "FailedScheduling",
                "message": "0/6 nodes are available: 3 Insufficient cpu."}),
                ],
            ),
            (
                "image-pull-failed",
                vec![
                    dc("zync", json!({})),
                    json!({"kind": "Pod", "metadata": {"name": "zync-1-abcde"}, "status": {"containerStatuses": [
                {"state": {"waiting": {"reason": "ImagePullBackOff", "message": "Back-off pulling image"}}}]}}),
                ],
            ),
            (
                "hook-failed",
                vec![
                    dc("system-app", json!({})),
                    json!({"kind": "Pod", "metadata": {"name": "system-app-1-hook-pre"}, "status": {"phase": "Failed"}}),
                ],
            ),
            (
                "rollout-failed",
                vec![dc(
                    "backend-worker",
                    json!({"conditions": [{"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded",
                "message": "replication controller \"backend-worker-1\" has failed progressing"}]}),
                )],
            ),
            (
                "host-already-claimed",
                vec![
                    json!({"kind": "Route", "metadata": {"name": "zync-3scale-provider-x"}, "spec": {"host": "3scale-admin.apps.x"},
                "status": {"ingress": [{"conditions": [{"type": "Admitted", "status": "False", "reason": "HostAlreadyClaimed", "message": "route y already exposes it"}]}]}}),
                ],
            ),
        ];
        assert_eq!(cases.len(), TABLE.len(), "a fixture for every signature");
        for (id, items) in cases {
            let finding = diagnose(&snapshot(items)).unwrap_or_else(|| panic!("{id} not found"));
            assert_eq!(finding.signature, id);
            assert!(!finding.evidence.is_empty() && !finding.fix.is_empty());
        }
    }

    #[test]
    fn the_root_cause_comes_first_in_dependency_order() {
        let items = vec![
            dc(
                "apicast-production",
                json!({"conditions": [{"type": "Progressing", "reason": "ProgressDeadlineExceeded", "message": "gateway failed"}]}),
            ),
            dc("system-app", json!({})),
            json!({"kind": "Pod", "metadata": {"name": "system-app-1-hook-pre"}, "status": {"phase": "Failed"}}),
        ];
        let f = diagnose(&snapshot(items)).unwrap();
        assert_eq!(
            (f.signature, f.log_of.as_deref()),
            ("hook-failed", Some("system-app-1-hook-pre"))
        );
        assert!(diagnose(&snapshot(vec![dc(
            "system-app",
            json!({"latestVersion": 1})
        )]))
        .is_none());
    }

    #[test]
    fn old_events_about_what_now_works_explain_nothing() {
        let items = vec![
            dc(
                "system-app",
                json!({"latestVersion": 1, "updatedReplicas": 1, "availableReplicas": 1}),
            ),
            json!({"kind": "Pod", "metadata": {"name": "system-app-1-x"}, "status": {"phase": "Running", "conditions": [{"type": "PodScheduled", "status": "True"}]}}),
            json!({"kind": "Event", "involvedObject": {"kind": "Pod", "name": "system-app-1-x"}, "reason": "FailedScheduling",
                "message": "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims."}),
            json!({"kind": "Pod", "metadata": {"name": "system-app-1-hook-pre"}, "status": {"phase": "Failed"}}),
        ];
        assert_eq!(diagnose(&snapshot(items)), None);
    }
}
