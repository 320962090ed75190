//! What `monitoring plan` and `monitoring status` print, in text and JSON: the monitoring stack
//! of the cluster as the user sees it, the project's monitoring objects and patched deployment
//! configs, and what the monitoring API says of the targets and the rules.

use super::components::{Component, COMPONENTS, DC_LABEL, PORT_NAME};
use super::objects::{self, Added};
use super::observe::{Grafana, Observed, UserWorkload};
use super::plan::{admin_change, Plan};
use super::query::Query;
use crate::engine::checks::Verdict;
use crate::templates::kinds::ObjectRef;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn user_workload_text(uw: &UserWorkload) -> String {
    match uw {
        UserWorkload::On => "on".into(),
        UserWorkload::Off { .. } => "off".into(),
        UserWorkload::Unknown(why) => why.clone(),
    }
}

fn user_workload_id(uw: &UserWorkload) -> &'static str {
    match uw {
        UserWorkload::On => "on",
        UserWorkload::Off { .. } => "off",
        UserWorkload::Unknown(_) => "unknown",
    }
}

fn grafana_text(g: Option<&Grafana>) -> String {
    match g {
        None => {
            "none (no grafana.integreatly.org or integreatly.org API): dashboards as files only"
                .into()
        }
        Some(Grafana::V4) => "v3/v4 (integreatly.org/v1alpha1)".into(),
        Some(Grafana::V5 { instances }) => format!(
            "v5 (grafana.integreatly.org/v1beta1), Grafana instances in the project: {}",
            if instances.is_empty() {
                "none".to_string()
            } else {
                instances
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        ),
    }
}

/// The rights of the stack, as people name them: (what, verb, resource, the role that gives it).
const NAMED_RIGHTS: &[(&str, &str, &str, &str)] = &[
    (
        "create PodMonitors",
        "create",
        objects::POD_MONITORS,
        "monitoring-edit",
    ),
    (
        "create PrometheusRules",
        "create",
        objects::PROMETHEUS_RULES,
        "monitoring-rules-edit or monitoring-edit",
    ),
    (
        "patch deployment configs",
        "patch",
        "deploymentconfigs.apps.openshift.io",
        "edit or admin",
    ),
];

fn stack_json(o: &Observed) -> Value {
    let rights: serde_json::Map<String, Value> = NAMED_RIGHTS
        .iter()
        .map(|(what, verb, resource, role)| {
            (
                what.to_string(),
                json!({"allowed": o.may(verb, resource), "role": role}),
            )
        })
        .collect();
    json!({
        "user_workload_monitoring": user_workload_id(&o.user_workload),
        "user_workload_monitoring_detail": user_workload_text(&o.user_workload),
        "admin_change": admin_change(&o.user_workload),
        "monitoring_api": o.crds.as_ref().map(|()| "served").unwrap_or_else(|e| e.as_str()),
        "rights": rights,
        "grafana_operator": match &o.grafana {
            None => Value::Null,
            Some(Grafana::V4) => json!("v4"),
            Some(Grafana::V5 { .. }) => json!("v5"),
        },
    })
}

fn stack_text(o: &Observed) -> Vec<String> {
    let mut lines = vec![format!(
        "user-workload monitoring: {}",
        user_workload_text(&o.user_workload)
    )];
    if let Some(change) = admin_change(&o.user_workload) {
        lines.push(format!(
            "  a cluster admin turns it on, once for the cluster: {change}"
        ));
    }
    lines.push(format!(
        "monitoring API (monitoring.coreos.com): {}",
        o.crds
            .as_ref()
            .map(|()| "served")
            .unwrap_or_else(|e| e.as_str())
    ));
    for (what, verb, resource, role) in NAMED_RIGHTS {
        let answer = if o.may(verb, resource) { "yes" } else { "no" };
        lines.push(format!(
            "you may {what} in project {}: {answer} (role {role})",
            o.project
        ));
    }
    lines.push(format!(
        "Grafana operator: {}",
        grafana_text(o.grafana.as_ref())
    ));
    lines
}

/// `monitoring plan`: the stack, then every change `enable` would make.
pub(crate) fn plan_json(o: &Observed, plan: &Plan) -> Value {
    let checks: Vec<Value> = plan
        .checks
        .iter()
        .filter(|c| c.result != Verdict::Ok)
        .map(|c| json!({"id": c.id, "result": c.result, "detail": c.detail, "help": c.help}))
        .collect();
    let doc = json!({
        "cluster": o.server,
        "project": o.project,
        "stack": stack_json(o),
        "changes": plan.actions.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "decisions": plan.decisions,
        "problems": plan.problems,
        "checks": checks,
    });
    crate::document::success(&crate::document::MONITORING_PLAN, doc)
}

pub(crate) fn plan_text(o: &Observed, plan: &Plan) -> String {
    let mut out = format!("Monitoring of project {} on {}\n\n", o.project, o.server);
    for line in stack_text(o) {
        out.push_str(&format!("  {line}\n"));
    }
    out.push_str("\n`monitoring enable` would:\n");
    if plan.actions.is_empty() {
        out.push_str("  change nothing: monitoring is in place\n");
    }
    for a in &plan.actions {
        out.push_str(&format!("  - {}\n", a.to_string().replace('\n', "\n    ")));
    }
    out.push_str(
        "\nDashboards (JSON files for any Grafana; GrafanaDashboards where the operator is):\n",
    );
    for d in super::dashboards::DASHBOARDS {
        out.push_str(&format!("  - {}: {}\n", d.id(), d.shows));
    }
    let notes: Vec<String> = plan
        .decisions
        .iter()
        .cloned()
        .chain(plan.problems.iter().map(|p| format!("problem: {p}")))
        .chain(
            plan.checks
                .iter()
                .filter(|c| c.result != Verdict::Ok)
                .map(|c| format!("{}: {}", c.id, c.detail)),
        )
        .collect();
    if !notes.is_empty() {
        out.push_str("\nNotes:\n");
        for n in notes {
            out.push_str(&format!("  - {}\n", n.replace('\n', "\n    ")));
        }
    }
    out.trim_end().to_string()
}

/// A variable a component needs: its value now, and the one it needs.
#[derive(Debug, Serialize)]
struct EnvState {
    value: Option<String>,
    wanted: &'static str,
}

/// One component's state: its deployment config and what monitoring needs of it.
#[derive(Debug, Default, Serialize)]
struct ComponentState {
    name: &'static str,
    /// Where its metrics server is defined at 2.8.
    metrics_server: &'static str,
    deployment_config: bool,
    pod_monitor: bool,
    pod_monitor_ours: bool,
    metrics_port: Option<u32>,
    wanted_port: u16,
    env: BTreeMap<&'static str, EnvState>,
    /// Its pods carry the template's `deploymentConfig` label.
    pod_label: bool,
    patched_by_enable: bool,
    latest_version: u64,
    available_replicas: u64,
}

fn component_state(o: &Observed, c: &Component) -> ComponentState {
    let existing = o.objects.as_deref().unwrap_or_default();
    let monitor = existing
        .iter()
        .find(|e| ObjectRef::new("PodMonitor", "monitoring.coreos.com/v1", c.dc).matches(e));
    let base = ComponentState {
        name: c.dc,
        metrics_server: c.server,
        pod_monitor: monitor.is_some(),
        pod_monitor_ours: monitor.is_some_and(objects::is_ours),
        wanted_port: c.port,
        ..ComponentState::default()
    };
    let Some(dc) = o.dc(c.dc) else {
        return base;
    };
    let template = dc.pod_template();
    let container = template
        .spec
        .containers
        .iter()
        .find(|k| k.name == c.container);
    let env = c
        .env
        .iter()
        .map(|(k, wanted)| {
            let value = container
                .and_then(|x| x.env.iter().find(|e| e.name == *k))
                .and_then(|e| e.value.clone());
            (*k, EnvState { value, wanted })
        })
        .collect();
    ComponentState {
        deployment_config: true,
        metrics_port: container
            .and_then(|k| k.ports.iter().find(|p| p.name == PORT_NAME))
            .map(|p| p.container_port),
        env,
        pod_label: template.metadata.label(DC_LABEL) == Some(c.dc),
        patched_by_enable: Added::of(dc).is_some(),
        latest_version: dc.status.latest_version,
        available_replicas: dc.status.available_replicas,
        ..base
    }
}

fn query_json(q: &Query) -> Value {
    match q {
        Query::NotAsked { why, instead } => {
            json!({"asked": false, "why": why, "instead": instead})
        }
        Query::Failed { url, error, help } => {
            json!({"asked": true, "url": url, "error": error, "help": help})
        }
        Query::Answered { url, health } => json!({
            "asked": true,
            "url": url,
            "targets_from": health.targets_from,
            "targets": health.targets.iter().map(|t| json!({"job": t.job, "pod": t.pod, "up": t.up, "error": t.error})).collect::<Vec<_>>(),
            "jobs_without_target": health.jobs_without_target,
            "metrics_without_series": health.metrics.iter().filter(|(_, has)| !has).map(|(n, _)| {
                let m = super::metrics::find(n);
                json!({"name": n, "emitted_by": m.map(|m| m.emitted_by), "source": m.map(|m| m.source)})
            }).collect::<Vec<_>>(),
            "rules": health.rules.iter().map(|r| json!({
                "alert": r.alert,
                "no_data": r.no_data,
                "firing": r.returns.as_ref().ok().map(|n| *n > 0),
                "error": r.returns.as_ref().err(),
            })).collect::<Vec<_>>(),
        }),
    }
}

fn ours(o: &Observed) -> Vec<String> {
    o.objects
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|e| objects::is_ours(e))
        .filter_map(ObjectRef::of_json)
        .map(|r| r.to_string())
        .collect()
}

/// `monitoring status` as JSON.
pub(crate) fn status_json(o: &Observed, q: &Query) -> Value {
    let made = ours(o);
    crate::document::success(
        &crate::document::MONITORING_STATUS,
        json!({
            "cluster": o.server,
            "project": o.project,
            // Unknown (null) when the user may not list the objects.
            "enabled": o.objects.as_ref().ok().map(|_| !made.is_empty()),
            "stack": stack_json(o),
            "objects": made,
            "objects_error": o.objects.as_ref().err(),
            "components": COMPONENTS.iter().map(|c| component_state(o, c)).collect::<Vec<_>>(),
            "query": query_json(q),
        }),
    )
}

fn component_line(c: &ComponentState) -> String {
    if !c.deployment_config {
        return format!("{:<20} no deployment config", c.name);
    }
    let mut parts = vec![
        format!("PodMonitor {}", if c.pod_monitor { "yes" } else { "no" }),
        match c.metrics_port {
            Some(p) => format!("port {PORT_NAME} {p}"),
            None => format!("no port {PORT_NAME}"),
        },
    ];
    for (k, e) in &c.env {
        parts.push(format!("{k}={}", e.value.as_deref().unwrap_or("unset")));
    }
    if !c.pod_label {
        parts.push(format!("pods without label {DC_LABEL}"));
    }
    parts.push(format!(
        "rollout {}, {} pod(s) available",
        c.latest_version, c.available_replicas
    ));
    format!("{:<20} {}", c.name, parts.join("; "))
}

fn query_text(q: &Query, out: &mut Vec<String>) {
    match q {
        Query::NotAsked { why, instead } => {
            out.push(format!("monitoring API: not asked: {why}"));
            out.push(format!("  {instead}"));
        }
        Query::Failed { url, error, help } => {
            out.push(format!("monitoring API {url}: {error}"));
            out.push(format!("  {help}"));
        }
        Query::Answered { url, health } => {
            out.push(format!("monitoring API {url}:"));
            let up = health.targets.iter().filter(|t| t.up).count();
            out.push(format!(
                "  targets ({}): {up} up, {} down",
                health.targets_from,
                health.targets.len() - up
            ));
            for t in health.targets.iter().filter(|t| !t.up) {
                out.push(
                    format!("    down: {} {} {}", t.job, t.pod, t.error)
                        .trim_end()
                        .to_string(),
                );
            }
            for job in &health.jobs_without_target {
                out.push(format!("    no target: {job}"));
            }
            let missing: Vec<String> = health
                .metrics
                .iter()
                .filter(|(_, h)| !h)
                .map(|(n, _)| match super::metrics::find(n) {
                    Some(m) => format!("{n} ({})", m.emitted_by),
                    None => n.clone(),
                })
                .collect();
            out.push(format!(
                "  metrics with series in the project: {} of {}{}",
                health.metrics.len() - missing.len(),
                health.metrics.len(),
                if missing.is_empty() {
                    String::new()
                } else {
                    format!(" (none yet: {})", missing.join(", "))
                }
            ));
            for r in &health.rules {
                let state = match (&r.returns, r.no_data.is_empty()) {
                    (Err(e), _) => format!("not evaluated: {e}"),
                    (Ok(n), _) if *n > 0 => "firing".to_string(),
                    (Ok(_), true) => "returns no data: not firing".to_string(),
                    (Ok(_), false) => format!("no data: {} has no series", r.no_data.join(", ")),
                };
                out.push(format!("  rule {}: {state}", r.alert));
            }
        }
    }
}

/// `monitoring status` as text.
pub(crate) fn status_text(o: &Observed, q: &Query) -> String {
    let made = ours(o);
    let mut out = vec![
        format!("Monitoring of project {} on {}", o.project, o.server),
        String::new(),
    ];
    out.extend(stack_text(o));
    match (&o.objects, made.is_empty()) {
        (Err(why), _) => out.push(format!("objects: {why}")),
        (Ok(_), true) => out.push(
            "objects: none: monitoring is not enabled (`threescale-install monitoring enable`)"
                .into(),
        ),
        (Ok(_), false) => out.push(format!("objects: {}", made.join(", "))),
    }
    out.push("components:".into());
    for c in COMPONENTS {
        out.push(format!("  {}", component_line(&component_state(o, c))));
    }
    query_text(q, &mut out);
    out.join("\n")
}
