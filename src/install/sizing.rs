//! Sizing: what the rendered template asks of the cluster — claims, CPU and memory requests,
//! images, API versions — against what the cluster offers: storage classes, schedulable nodes,
//! the project's quota. Changes nothing.

use crate::engine::checks::{CheckResult, Verdict};
use crate::engine::kube::{Node, Quota, StorageClass};
use serde_json::Value;

const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

/// What the cluster offers, as far as the user may see.
#[derive(Debug)]
pub(crate) struct Offer {
    /// `None`: the user may not list storage classes (or they were not needed).
    pub(crate) classes: Option<Vec<StorageClass>>,
    /// Allocatable CPU and memory of the schedulable nodes; `Err` says why it is unknown.
    pub(crate) nodes: Result<Capacity, String>,
    /// The project's quotas (none when the project does not exist yet).
    pub(crate) quotas: Vec<Quota>,
}

impl Default for Offer {
    fn default() -> Self {
        Offer {
            classes: None,
            nodes: Err("not checked".into()),
            quotas: Vec::new(),
        }
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(crate) struct Capacity {
    pub(crate) nodes: u32,
    pub(crate) cpu: f64,
    pub(crate) memory: f64,
}

/// Schedulable nodes: not cordoned, no NoSchedule or NoExecute taint (control plane nodes).
pub(crate) fn capacity(nodes: &[Node]) -> Capacity {
    let mut c = Capacity::default();
    for n in nodes.iter().filter(|n| {
        !n.spec.unschedulable
            && !n
                .spec
                .taints
                .iter()
                .any(|t| t.effect == "NoSchedule" || t.effect == "NoExecute")
    }) {
        c.nodes += 1;
        c.cpu += n
            .status
            .allocatable
            .get("cpu")
            .and_then(|q| quantity(q))
            .unwrap_or(0.0);
        c.memory += n
            .status
            .allocatable
            .get("memory")
            .and_then(|q| quantity(q))
            .unwrap_or(0.0);
    }
    c
}

/// A Kubernetes quantity (`500m`, `1`, `600Mi`, `2Gi`, `1e3`) in base units: cores or bytes.
pub(crate) fn quantity(text: &str) -> Option<f64> {
    let text = text.trim();
    let split = text
        .find(|c: char| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
        .unwrap_or(text.len());
    let (number, suffix) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let factor = match suffix {
        "" => 1.0,
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "Ki" => 1024.0,
        "Mi" => 1024.0 * 1024.0,
        "Gi" => 1024.0 * 1024.0 * 1024.0,
        "Ti" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        "Pi" => 1024.0 * 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    Some(number * factor)
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(crate) struct Requests {
    pub(crate) cpu: f64,
    pub(crate) memory: f64,
    pub(crate) pods: u32,
}

/// What the workloads request when every replica runs: for each pod, the larger of its
/// containers' sum and its largest init container (the scheduler's rule), times the replicas.
pub(crate) fn requests(objects: &[Value]) -> Requests {
    let mut total = Requests::default();
    for o in objects.iter().filter(|o| {
        matches!(
            o["kind"].as_str(),
            Some("DeploymentConfig" | "Deployment" | "StatefulSet")
        )
    }) {
        let replicas = o["spec"]["replicas"].as_u64().unwrap_or(1) as u32;
        let pod = &o["spec"]["template"]["spec"];
        let sum = |key: &str, resource: &str| -> f64 { requested(pod, key, resource).sum() };
        let max_init = |resource: &str| -> f64 {
            requested(pod, "initContainers", resource).fold(0.0, f64::max)
        };
        total.cpu += f64::from(replicas) * sum("containers", "cpu").max(max_init("cpu"));
        total.memory += f64::from(replicas) * sum("containers", "memory").max(max_init("memory"));
        total.pods += replicas;
    }
    total
}

/// The requests of one resource by each container of a pod's `containers` or `initContainers`.
fn requested<'a>(pod: &'a Value, key: &str, resource: &'a str) -> impl Iterator<Item = f64> + 'a {
    pod[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(move |c| {
            c["resources"]["requests"][resource]
                .as_str()
                .and_then(quantity)
        })
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Claim {
    pub(crate) name: String,
    pub(crate) access_modes: Vec<String>,
    pub(crate) size: String,
    /// `None`: the cluster's default class.
    pub(crate) storage_class: Option<String>,
}

pub(crate) fn claims(objects: &[Value]) -> Vec<Claim> {
    objects
        .iter()
        .filter(|o| o["kind"] == "PersistentVolumeClaim")
        .map(|o| Claim {
            name: o["metadata"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            access_modes: o["spec"]["accessModes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|m| m.as_str().map(str::to_string))
                .collect(),
            size: o["spec"]["resources"]["requests"]["storage"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            storage_class: o["spec"]["storageClassName"]
                .as_str()
                .filter(|c| !c.is_empty())
                .map(str::to_string),
        })
        .collect()
}

/// The images the install pulls: image stream tags from registries, and direct pod images.
pub(crate) fn images(objects: &[Value]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for o in objects {
        let from_tags = o["spec"]["tags"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|t| t["from"]["kind"] == "DockerImage")
            .filter_map(|t| t["from"]["name"].as_str());
        let from_pods = ["containers", "initContainers"]
            .iter()
            .flat_map(|k| {
                o["spec"]["template"]["spec"][k]
                    .as_array()
                    .into_iter()
                    .flatten()
            })
            .filter_map(|c| c["image"].as_str())
            .filter(|i| i.contains('/') && !i.is_empty());
        for image in from_tags.chain(from_pods) {
            if !found.iter().any(|f| f == image) {
                found.push(image.to_string());
            }
        }
    }
    found
}

fn gib(bytes: f64) -> String {
    format!("{:.1} GiB", bytes / GIB)
}

/// The findings, as preflight check results, each with its own fix. A shortfall is a warning,
/// a failure with `strict`.
pub(crate) fn assess(
    objects: &[Value],
    rwx_class: Option<&str>,
    image_overrides: &[String],
    offer: &Offer,
    strict: bool,
) -> Vec<CheckResult> {
    let shortfall = |id: &'static str, detail: String, help: &str| {
        let r = CheckResult::warn(id, detail).with_help(help);
        if strict {
            CheckResult {
                result: Verdict::Fail,
                ..r
            }
        } else {
            r
        }
    };
    let mut results = Vec::new();

    let claims = claims(objects);
    results.push(assess_claims(
        &claims,
        rwx_class,
        offer.classes.as_deref(),
        &shortfall,
    ));

    let need = requests(objects);
    let asks = format!(
        "requests {:.2} CPU and {} memory for {} pods",
        need.cpu,
        gib(need.memory),
        need.pods
    );
    results.push(match &offer.nodes {
        Err(why) => CheckResult::ok("capacity", format!("{asks}; node capacity {why}")),
        Ok(c) if c.cpu < need.cpu || c.memory < need.memory => shortfall(
            "capacity",
            format!(
                "{asks}, but the {} schedulable nodes have {:.2} CPU and {} allocatable in all",
                c.nodes,
                c.cpu,
                gib(c.memory)
            ),
            "add or enlarge worker nodes, or accept the shortfall with --skip-check capacity (pods that do not fit stay Pending)",
        ),
        Ok(c) => CheckResult::ok(
            "capacity",
            format!(
                "{asks}; {} schedulable nodes have {:.2} CPU and {} allocatable",
                c.nodes,
                c.cpu,
                gib(c.memory)
            ),
        ),
    });

    results.push(assess_quotas(&need, &claims, &offer.quotas, &shortfall));

    let images = images(objects);
    let overridden = if image_overrides.is_empty() {
        "defaults of the template".to_string()
    } else {
        format!("overridden: {}", image_overrides.join(", "))
    };
    results.push(CheckResult::ok(
        "images",
        format!(
            "{} images ({overridden}):\n{}",
            images.len(),
            images.join("\n")
        ),
    ));
    results
}

fn assess_claims(
    claims: &[Claim],
    rwx_class: Option<&str>,
    classes: Option<&[StorageClass]>,
    shortfall: &dyn Fn(&'static str, String, &str) -> CheckResult,
) -> CheckResult {
    let shared = |c: &Claim| c.access_modes.iter().any(|m| m == "ReadWriteMany");
    let describe = |c: &Claim| {
        let class = match (&c.storage_class, shared(c)) {
            (Some(class), _) => class.as_str(),
            // The RWX claim takes the class chosen for RWX_STORAGE_CLASS, not the default.
            (None, true) => rwx_class.unwrap_or("RWX class not decided: see the storage check"),
            (None, false) => "default class",
        };
        format!(
            "{} {} {} ({class})",
            c.name,
            c.size,
            c.access_modes.join(",")
        )
    };
    let rwx_text = match rwx_class {
        Some(class) => class,
        None if claims.iter().any(shared) => "not decided (see the storage check)",
        None => "not needed",
    };
    let listed: Vec<String> = claims.iter().map(describe).collect();
    let needs_default = claims
        .iter()
        .any(|c| c.storage_class.is_none() && !shared(c));
    let default = classes.map(|cs| {
        cs.iter()
            .find(|c| c.is_default())
            .map(|c| c.metadata.name.clone())
    });
    let text = if listed.is_empty() {
        "no claims".to_string()
    } else {
        listed.join("\n")
    };
    match default {
        Some(None) if needs_default => shortfall(
            "claims",
            format!("the cluster has no default storage class for the claims without one:\n{text}"),
            "ask a cluster admin to mark a ReadWriteOnce class as the default, or accept it with --skip-check claims (those claims stay Pending)",
        ),
        Some(Some(d)) => CheckResult::ok(
            "claims",
            format!(
                "default class {d}, RWX class {rwx_text}:\n{text}"
            ),
        ),
        _ => CheckResult::ok("claims", text),
    }
}

fn assess_quotas(
    need: &Requests,
    claims: &[Claim],
    quotas: &[Quota],
    shortfall: &dyn Fn(&'static str, String, &str) -> CheckResult,
) -> CheckResult {
    if quotas.is_empty() {
        return CheckResult::ok("quota", "no quota in the project");
    }
    let storage: f64 = claims.iter().filter_map(|c| quantity(&c.size)).sum();
    let wants: [(&[&str], f64, &str); 5] = [
        (&["requests.cpu", "cpu"], need.cpu, "CPU"),
        (&["requests.memory", "memory"], need.memory, "memory"),
        (&["pods"], f64::from(need.pods), "pods"),
        (&["persistentvolumeclaims"], claims.len() as f64, "claims"),
        (&["requests.storage"], storage, "storage"),
    ];
    let mut short = Vec::new();
    for q in quotas {
        for (keys, wanted, what) in wants {
            let Some(key) = keys.iter().find(|k| q.status.hard.contains_key(**k)) else {
                continue;
            };
            let hard = q
                .status
                .hard
                .get(*key)
                .and_then(|v| quantity(v))
                .unwrap_or(f64::MAX);
            let used = q
                .status
                .used
                .get(*key)
                .and_then(|v| quantity(v))
                .unwrap_or(0.0);
            if wanted > hard - used {
                let show = |v: f64| {
                    if what == "memory" || what == "storage" {
                        gib(v)
                    } else {
                        format!("{v:.2}")
                    }
                };
                short.push(format!(
                    "{what}: the install needs {}, quota {} leaves {} ({key})",
                    show(wanted),
                    q.metadata.name,
                    show((hard - used).max(0.0))
                ));
            }
        }
    }
    if short.is_empty() {
        CheckResult::ok(
            "quota",
            format!("{} quota(s) leave room for the install", quotas.len()),
        )
    } else {
        shortfall(
            "quota",
            short.join("\n"),
            "ask a project admin for a larger ResourceQuota, or accept it with --skip-check quota",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn objects() -> Vec<Value> {
        vec![
            json!({"kind": "DeploymentConfig", "spec": {"replicas": 1, "template": {"spec": {"containers": [{"resources": {"requests": {"cpu": "2", "memory": "4Gi"}}}]}}}}),
            json!({"kind": "PersistentVolumeClaim", "metadata": {"name": "data"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}),
        ]
    }

    fn verdicts(results: &[CheckResult]) -> std::collections::BTreeMap<&str, Verdict> {
        results.iter().map(|r| (r.id, r.result)).collect()
    }

    #[test]
    fn enough_room_is_ok_and_shortfalls_warn_or_fail_when_strict() {
        let roomy = Offer {
            nodes: Ok(Capacity {
                nodes: 3,
                cpu: 12.0,
                memory: 48.0 * GIB,
            }),
            ..Offer::default()
        };
        assert!(assess(&objects(), None, &[], &roomy, true)
            .iter()
            .all(|r| r.result == Verdict::Ok));

        let small = Offer {
            nodes: Ok(Capacity {
                nodes: 1,
                cpu: 1.5,
                memory: 8.0 * GIB,
            }),
            ..Offer::default()
        };
        assert_eq!(
            verdicts(&assess(&objects(), None, &[], &small, false))["capacity"],
            Verdict::Warn
        );
        assert_eq!(
            verdicts(&assess(&objects(), None, &[], &small, true))["capacity"],
            Verdict::Fail
        );

        let hidden = Offer {
            nodes: Err("skipped: you may not list nodes".into()),
            ..Offer::default()
        };
        let r = assess(&objects(), None, &[], &hidden, true);
        assert!(r
            .iter()
            .find(|r| r.id == "capacity")
            .unwrap()
            .detail
            .contains("skipped"));
    }

    #[test]
    fn quota_shortfalls_are_named() {
        let quota: Quota = serde_json::from_value(json!({"metadata": {"name": "q"}, "status": {
            "hard": {"requests.cpu": "4", "requests.memory": "8Gi", "persistentvolumeclaims": "1"},
            "used": {"requests.cpu": "3", "requests.memory": "1Gi", "persistentvolumeclaims": "1"}}})).unwrap();
        let offer = Offer {
            nodes: Err("skipped".into()),
            quotas: vec![quota],
            ..Offer::default()
        };
        let r = assess(&objects(), None, &[], &offer, false);
        let q = r.iter().find(|r| r.id == "quota").unwrap();
        assert_eq!(q.result, Verdict::Warn);
        assert!(
            q.detail
                .contains("CPU: the install needs 2.00, quota q leaves 1.00 (requests.cpu)"),
            "{}",
            q.detail
        );
        assert!(
            q.detail
                .contains("claims: the install needs 1.00, quota q leaves 0.00"),
            "{}",
            q.detail
        );
        assert!(!q.detail.contains("memory"), "{}", q.detail);
    }
}
