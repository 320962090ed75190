//! Why an install does not work: the known failure signatures, in one table, looked for in a
//! snapshot of the project. Only the present state counts: an event explains something only
//! while what it is about is still broken (a scheduling failure of a pod that now runs, from
//! before its claim bound, explains nothing). The first finding in the install's dependency order (images → claims
//! → scheduling → storage tier → backend → system → zync → gateways → routes) is the root cause.

use super::readiness::{self, Snapshot};
use serde_json::Value;

/// The install's tiers, in dependency order, by deployment config name.
pub const TIERS: &[(&str, &[&str])] = &[
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
pub fn tier_of(dc: &str) -> usize {
    TIERS
        .iter()
        .position(|(_, names)| names.contains(&dc))
        .unwrap_or(TIERS.len())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub signature: &'static str,
    /// What is broken: a claim, an image stream, a deployment config, a route.
    pub subject: String,
    pub evidence: String,
    pub fix: String,
    /// Nothing will change without the operator: the wait stops at once.
    pub blocks: bool,
    /// A pod whose log tail belongs to the evidence.
    pub log_of: Option<String>,
    rank: (usize, usize),
}

pub struct Signature {
    pub id: &'static str,
    find: fn(&Snapshot) -> Vec<Finding>,
}

/// Every known failure, in the order a root cause is looked for.
pub const SIGNATURES: &[Signature] = &[
    Signature {
        id: "image-import-failed",
        find: import_failed,
    },
    Signature {
        id: "claim-not-provisioned",
        find: claim_not_provisioned,
    },
    Signature {
        id: "quota-exceeded",
        find: quota_exceeded,
    },
    Signature {
        id: "insufficient-resources",
        find: insufficient_resources,
    },
    Signature {
        id: "image-pull-failed",
        find: image_pull_failed,
    },
    Signature {
        id: "hook-failed",
        find: hook_failed,
    },
    Signature {
        id: "rollout-failed",
        find: rollout_failed,
    },
    Signature {
        id: "host-already-claimed",
        find: host_already_claimed,
    },
];

/// The root cause, when a known signature matches.
pub fn diagnose(snapshot: &Snapshot) -> Option<Finding> {
    SIGNATURES
        .iter()
        .flat_map(|s| (s.find)(snapshot))
        .min_by_key(|f| f.rank)
}

fn name(o: &Value) -> String {
    o["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn events_about<'a>(
    s: &'a Snapshot,
    kind: &'a str,
    subject: &'a str,
) -> impl Iterator<Item = &'a Value> + 'a {
    s.events.iter().filter(move |e| {
        e["involvedObject"]["kind"] == kind
            && (subject.is_empty() || e["involvedObject"]["name"] == subject)
    })
}

/// The deployment config a pod or replication controller belongs to: `system-app-1-xyz` → `system-app`.
fn owner_dc(s: &Snapshot, object: &str) -> String {
    s.dcs
        .iter()
        .map(name)
        .filter(|dc| object.starts_with(&format!("{dc}-")))
        .max_by_key(|dc| dc.len())
        .unwrap_or_else(|| object.to_string())
}

/// Whether the pod named exists and still waits to be scheduled.
fn still_unscheduled(s: &Snapshot, pod: &str) -> bool {
    s.pods.iter().any(|p| {
        name(p) == pod
            && p["status"]["phase"] == "Pending"
            && !p["status"]["conditions"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|c| c["type"] == "PodScheduled" && c["status"] == "True")
    })
}

/// Whether the deployment config is ready (or scaled down): its old troubles are over.
fn settled(s: &Snapshot, dc: &str) -> bool {
    s.dcs
        .iter()
        .find(|d| name(d) == dc)
        .is_some_and(|d| readiness::deployment(d).state.settled())
}

fn dc_rank(signature: usize, dc: &str) -> (usize, usize) {
    (3 + tier_of(dc), signature)
}

fn import_failed(s: &Snapshot) -> Vec<Finding> {
    let mut found = Vec::new();
    for is in &s.image_streams {
        for tag in is["status"]["tags"].as_array().into_iter().flatten() {
            if let Some(c) = readiness::refused_import(tag) {
                found.push(Finding {
                    signature: "image-import-failed",
                    subject: format!("image stream {}:{}", name(is), tag["tag"].as_str().unwrap_or_default()),
                    evidence: format!("Import failed ({}): {}", c["reason"].as_str().unwrap_or_default(), c["message"].as_str().unwrap_or_default()),
                    fix: format!(
                        "the registry refused the credentials of pull secret threescale-registry-auth for {}: run threescale-install again with the right --registry-username and password: it updates the secret, checks it, and imports every failed image stream again",
                        name(is)
                    ),
                    blocks: true,
                    log_of: None,
                    rank: (0, 0),
                });
            }
        }
    }
    found
}

fn claim_not_provisioned(s: &Snapshot) -> Vec<Finding> {
    s.claims
        .iter()
        .filter(|c| c["status"]["phase"] == "Pending")
        .filter_map(|c| {
            let claim = name(c);
            let event = events_about(s, "PersistentVolumeClaim", &claim).find(|e| e["reason"] == "ProvisioningFailed")?;
            let class = c["spec"]["storageClassName"].as_str().unwrap_or("the default class");
            let rwx = c["spec"]["accessModes"].as_array().into_iter().flatten().any(|m| m == "ReadWriteMany");
            let fix = if rwx {
                format!("storage class {class} cannot provision the ReadWriteMany claim {claim}: uninstall, then install again with --rwx-storage-class naming an RWX class (NFS, CephFS, Azure File, EFS), or use the S3 profile (--template amp-s3)")
            } else {
                format!("storage class {class} cannot provision claim {claim}: ask a cluster admin to fix the class, or set a default class that works")
            };
            Some(Finding {
                signature: "claim-not-provisioned",
                subject: format!("claim {claim} (class {class})"),
                evidence: format!("ProvisioningFailed: {}", event["message"].as_str().unwrap_or_default()),
                fix,
                blocks: true,
                log_of: None,
                rank: (1, 0),
            })
        })
        .collect()
}

fn quota_exceeded(s: &Snapshot) -> Vec<Finding> {
    s.events
        .iter()
        .filter(|e| e["reason"] == "FailedCreate" && e["message"].as_str().is_some_and(|m| m.contains("exceeded quota")))
        .map(|e| (e, owner_dc(s, e["involvedObject"]["name"].as_str().unwrap_or_default())))
        .filter(|(_, owner)| !settled(s, owner))
        .map(|(e, owner)| {
            Finding {
                signature: "quota-exceeded",
                subject: format!("deployment config {owner}"),
                evidence: e["message"].as_str().unwrap_or_default().to_string(),
                fix: "the project's ResourceQuota is too small for 3scale (about 3.5 CPU and 5.8 GiB of requests): ask for a larger quota, or free resources in the project".into(),
                blocks: true,
                log_of: None,
                rank: (2, 0),
            }
        })
        .collect()
}

fn insufficient_resources(s: &Snapshot) -> Vec<Finding> {
    events_about(s, "Pod", "")
        .filter(|e| e["reason"] == "FailedScheduling")
        .filter(|e| still_unscheduled(s, e["involvedObject"]["name"].as_str().unwrap_or_default()))
        .filter(|e| {
            // Unbound claims are the claims' story, told by claim-not-provisioned.
            !e["message"].as_str().is_some_and(|m| m.contains("unbound") && m.contains("PersistentVolumeClaims"))
        })
        .map(|e| {
            let owner = owner_dc(s, e["involvedObject"]["name"].as_str().unwrap_or_default());
            Finding {
                signature: "insufficient-resources",
                subject: format!("deployment config {owner}"),
                evidence: format!("FailedScheduling: {}", e["message"].as_str().unwrap_or_default()),
                fix: "the nodes lack free CPU or memory for 3scale's requests: add or enlarge worker nodes, or free capacity (`threescale-install preflight` shows what 3scale requests)".into(),
                blocks: false,
                log_of: None,
                rank: (2, 1),
            }
        })
        .collect()
}

fn image_pull_failed(s: &Snapshot) -> Vec<Finding> {
    let mut found = Vec::new();
    for pod in &s.pods {
        for c in pod["status"]["containerStatuses"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let waiting = &c["state"]["waiting"];
            if matches!(
                waiting["reason"].as_str(),
                Some("ImagePullBackOff" | "ErrImagePull")
            ) {
                let dc = owner_dc(s, &name(pod));
                found.push(Finding {
                    signature: "image-pull-failed",
                    subject: format!("deployment config {dc}"),
                    evidence: format!("{}: {}", waiting["reason"].as_str().unwrap_or_default(), waiting["message"].as_str().unwrap_or_default()),
                    fix: "the node cannot pull the image: check pull secret threescale-registry-auth (server and username) and that service accounts amp and zync-que-sa list it; run threescale-install again with the right registry login".into(),
                    blocks: true,
                    log_of: None,
                    rank: dc_rank(0, &dc),
                });
            }
        }
    }
    found
}

fn hook_failed(s: &Snapshot) -> Vec<Finding> {
    s.pods
        .iter()
        .filter(|p| name(p).contains("-hook-") && p["status"]["phase"] == "Failed")
        .filter(|p| !settled(s, &owner_dc(s, &name(p))))
        .map(|p| {
            let pod = name(p);
            let dc = owner_dc(s, &pod);
            Finding {
                signature: "hook-failed",
                subject: format!("deployment config {dc} (hook pod {pod})"),
                evidence: format!("hook pod {pod} failed"),
                fix: format!("read the hook's log below; a database left by an earlier attempt (claims with other passwords) is the usual cause: uninstall (`threescale-install uninstall --delete-project`) and install again, or see `oc logs {pod}`"),
                blocks: true,
                log_of: Some(pod),
                rank: dc_rank(1, &dc),
            }
        })
        .collect()
}

fn rollout_failed(s: &Snapshot) -> Vec<Finding> {
    s.dcs
        .iter()
        .filter_map(|dc| {
            let c = dc["status"]["conditions"].as_array()?.iter().find(|c| c["type"] == "Progressing" && matches!(c["reason"].as_str(), Some("ProgressDeadlineExceeded" | "RolloutCancelled")))?;
            let n = name(dc);
            Some(Finding {
                signature: "rollout-failed",
                subject: format!("deployment config {n}"),
                evidence: c["message"].as_str().unwrap_or_default().to_string(),
                fix: format!("its pods did not become available in time: see `oc logs dc/{n}` and `oc get events`; after fixing the cause, `oc rollout latest dc/{n}`"),
                blocks: true,
                log_of: None,
                rank: dc_rank(2, &n),
            })
        })
        .collect()
}

fn host_already_claimed(s: &Snapshot) -> Vec<Finding> {
    s.routes
        .iter()
        .filter_map(|r| {
            let c = r["status"]["ingress"].as_array()?.iter().flat_map(|i| i["conditions"].as_array().into_iter().flatten()).find(|c| c["reason"] == "HostAlreadyClaimed")?;
            Some(Finding {
                signature: "host-already-claimed",
                subject: format!("route {} ({})", name(r), r["spec"]["host"].as_str().unwrap_or_default()),
                evidence: format!("HostAlreadyClaimed: {}", c["message"].as_str().unwrap_or_default()),
                fix: "another route (often an earlier 3scale install in another project) holds this host: remove it, or install with another TENANT_NAME (--param TENANT_NAME=...) or wildcard domain".into(),
                blocks: true,
                log_of: None,
                rank: (10, 0),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn snapshot(items: Vec<Value>) -> Snapshot {
        Snapshot::of_matching(items, |_| true)
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
        let found = import_failed(&s);
        assert!(
            found[0].fix.contains("for amp-system")
                && found[0]
                    .fix
                    .ends_with("imports every failed image stream again"),
            "{}",
            found[0].fix
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
        assert_eq!(
            cases.len(),
            SIGNATURES.len(),
            "a fixture for every signature"
        );
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
