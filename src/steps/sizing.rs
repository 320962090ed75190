//! Sizing: what the rendered template asks of the cluster — claims, CPU and memory requests,
//! images, API versions — against what the cluster offers: storage classes, schedulable nodes,
//! the project's quota. Changes nothing.

use super::storage::StorageClass;
use super::Ctx;
use crate::checks::{CheckResult, Verdict};
use crate::failure::{Failure, FailureKind, Outcome};
use crate::render::{self, quantity, Claim, Requests};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

/// What the cluster offers, as far as the user may see.
#[derive(Debug)]
pub struct Offer {
    /// `None`: the user may not list storage classes (or they were not needed).
    pub classes: Option<Vec<StorageClass>>,
    /// Allocatable CPU and memory of the schedulable nodes; `Err` says why it is unknown.
    pub nodes: Result<Capacity, String>,
    /// The project's quotas (none when the project does not exist yet).
    pub quotas: Vec<Quota>,
    pub kube_minor: Option<u32>,
}

impl Default for Offer {
    fn default() -> Self {
        Offer {
            classes: None,
            nodes: Err("not checked".into()),
            quotas: Vec::new(),
            kube_minor: None,
        }
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Capacity {
    pub nodes: u32,
    pub cpu: f64,
    pub memory: f64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Quota {
    pub metadata: QuotaMeta,
    #[serde(default)]
    pub status: QuotaStatus,
}

#[derive(Debug, Clone, Deserialize)]
pub struct QuotaMeta {
    pub name: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct QuotaStatus {
    #[serde(default)]
    pub hard: BTreeMap<String, String>,
    #[serde(default)]
    pub used: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Node {
    #[serde(default)]
    spec: NodeSpec,
    #[serde(default)]
    status: NodeStatus,
}

#[derive(Default, Deserialize)]
struct NodeSpec {
    #[serde(default)]
    unschedulable: bool,
    #[serde(default)]
    taints: Vec<Taint>,
}

#[derive(Deserialize)]
struct Taint {
    #[serde(default)]
    effect: String,
}

#[derive(Default, Deserialize)]
struct NodeStatus {
    #[serde(default)]
    allocatable: BTreeMap<String, String>,
}

/// Schedulable nodes: not cordoned, no NoSchedule or NoExecute taint (control plane nodes).
fn capacity(nodes: &[Node]) -> Capacity {
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

/// Reads nodes and quotas (classes come from the storage step).
pub fn observe(
    ctx: &Ctx,
    project: Option<&str>,
) -> Outcome<(Result<Capacity, String>, Vec<Quota>)> {
    let nodes = match ctx.oc.list::<Node>("nodes", None, None) {
        Ok(n) => Ok(capacity(&n)),
        Err(e) if e.reason() == Some("Forbidden") => {
            Err("skipped: you may not list nodes".to_string())
        }
        Err(e) => {
            return Err(
                Failure::new(FailureKind::Preflight, e).context("sizing: could not list the nodes")
            )
        }
    };
    let quotas = match project {
        Some(p) => ctx
            .oc
            .list::<Quota>("resourcequotas", Some(p), None)
            .map_err(|e| {
                Failure::new(FailureKind::Preflight, e)
                    .context("sizing: could not list the project's quotas")
            })?,
        None => Vec::new(),
    };
    Ok((nodes, quotas))
}

fn gib(bytes: f64) -> String {
    format!("{:.1} GiB", bytes / GIB)
}

/// The findings, as preflight check results. A shortfall is a warning, a failure with `strict`;
/// an API version the cluster no longer serves is always a failure.
pub fn assess(
    objects: &[Value],
    rwx_class: Option<&str>,
    image_overrides: &[String],
    offer: &Offer,
    strict: bool,
) -> Vec<CheckResult> {
    let shortfall = |id: &'static str, detail: String| {
        let mut r = CheckResult::warn(id, detail);
        if strict {
            r.result = Verdict::Fail;
        }
        r
    };
    let mut results = Vec::new();

    let claims = render::claims(objects);
    results.push(assess_claims(
        &claims,
        rwx_class,
        offer.classes.as_deref(),
        &shortfall,
    ));

    let need = render::requests(objects);
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

    let images = render::images(objects);
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

    if let Some(minor) = offer.kube_minor {
        let removed = render::removed_apis(objects, minor);
        results.push(if removed.is_empty() {
            CheckResult::ok("api-versions", format!("every object's API version is served by Kubernetes 1.{minor}"))
        } else {
            CheckResult {
                id: "api-versions",
                result: Verdict::Fail,
                detail: format!("this cluster (Kubernetes 1.{minor}) no longer serves: {}; this profile cannot be installed here as it is", removed.join(", ")),
                skipped: false,
            }
        });
    }
    results
}

/// Every sizing finding for `template` rendered with `params` (the given ones and those the
/// installer sets), with the operator's `--skip-check`s applied.
pub fn findings(
    template: &crate::template::Template,
    params: &[(String, String)],
    rwx_class: Option<&str>,
    offer: &Offer,
    strict: bool,
    skips: &[String],
) -> Vec<CheckResult> {
    let overrides: Vec<String> = params
        .iter()
        .filter(|(k, _)| k.ends_with("_IMAGE"))
        .map(|(k, _)| k.clone())
        .collect();
    let objects = render::render(template, params);
    assess(&objects, rwx_class, &overrides, offer, strict)
        .into_iter()
        .map(|r| r.skip_if_asked(skips))
        .collect()
}

fn assess_claims(
    claims: &[Claim],
    rwx_class: Option<&str>,
    classes: Option<&[StorageClass]>,
    shortfall: &dyn Fn(&'static str, String) -> CheckResult,
) -> CheckResult {
    let describe = |c: &Claim| {
        format!(
            "{} {} {} ({})",
            c.name,
            c.size,
            c.access_modes.join(","),
            c.storage_class.as_deref().unwrap_or("default class")
        )
    };
    let listed: Vec<String> = claims.iter().map(describe).collect();
    let needs_default = claims.iter().any(|c| c.storage_class.is_none());
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
        ),
        Some(Some(d)) => CheckResult::ok(
            "claims",
            format!(
                "default class {d}, RWX class {}:\n{text}",
                rwx_class.unwrap_or("not needed")
            ),
        ),
        _ => CheckResult::ok("claims", text),
    }
}

fn assess_quotas(
    need: &Requests,
    claims: &[Claim],
    quotas: &[Quota],
    shortfall: &dyn Fn(&'static str, String) -> CheckResult,
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
        shortfall("quota", short.join("\n"))
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

    fn verdicts(results: &[CheckResult]) -> BTreeMap<&str, Verdict> {
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

    #[test]
    fn removed_apis_fail_whatever_strict_says() {
        let mut o = objects();
        o.push(json!({"apiVersion": "policy/v1beta1", "kind": "PodDisruptionBudget"}));
        let offer = Offer {
            kube_minor: Some(27),
            nodes: Err("skipped".into()),
            ..Offer::default()
        };
        assert_eq!(
            verdicts(&assess(&o, None, &[], &offer, false))["api-versions"],
            Verdict::Fail
        );
    }
}
