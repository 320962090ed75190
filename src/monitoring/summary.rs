//! What `monitoring enable` and `disable` print when they are done, in text and JSON.

use super::action::MonitoringAction as Action;
use super::objects;
use super::observe::{Observed, UserWorkload};
use super::plan::{admin_change, Plan};
use crate::templates::kinds::ObjectRef;
use serde_json::{json, Value};

/// The objects `enable` made that are in place after `plan` was applied.
fn in_place(o: &Observed, plan: &Plan) -> Vec<ObjectRef> {
    let mut refs: Vec<ObjectRef> = o
        .objects
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|e| objects::is_ours(e))
        .filter_map(ObjectRef::of_json)
        .collect();
    for a in &plan.actions {
        if let Action::Create(made) | Action::Replace(made) = a {
            for r in made.iter().filter_map(ObjectRef::of_json) {
                if !refs.contains(&r) {
                    refs.push(r);
                }
            }
        }
    }
    refs
}

fn of_kind(refs: &[ObjectRef], kind: &str) -> Vec<String> {
    refs.iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.name.clone())
        .collect()
}

fn rollouts(plan: &Plan) -> Vec<String> {
    plan.actions
        .iter()
        .filter_map(|a| match a {
            Action::Patch(p) if p.rollout => Some(p.dc.clone()),
            _ => None,
        })
        .collect()
}

/// After `enable`.
pub(crate) fn enabled_json(o: &Observed, plan: &Plan) -> Value {
    let refs = in_place(o, plan);
    let files: Vec<String> = super::dashboards::DASHBOARDS
        .iter()
        .map(|d| {
            o.files
                .dir
                .join(format!("{}.json", d.id()))
                .display()
                .to_string()
        })
        .collect();
    crate::document::success(
        &crate::document::MONITORING_ENABLE,
        json!({
            "cluster": o.server,
            "project": o.project,
            "changes": plan.actions.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "pod_monitors": of_kind(&refs, "PodMonitor"),
            "prometheus_rules": of_kind(&refs, "PrometheusRule"),
            "grafana_dashboards": of_kind(&refs, "GrafanaDashboard"),
            "dashboard_files": files,
            "rollouts": rollouts(plan),
            "user_workload_monitoring": match o.user_workload {
                UserWorkload::On => "on",
                UserWorkload::Off { .. } => "off",
                UserWorkload::Unknown(_) => "unknown",
            },
            "admin_change": admin_change(&o.user_workload),
        }),
    )
}

pub(crate) fn enabled_text(o: &Observed, plan: &Plan) -> String {
    let refs = in_place(o, plan);
    let mut out = vec![format!("Monitoring is enabled in project {}:", o.project)];
    out.push(format!(
        "  PodMonitors: {}",
        of_kind(&refs, "PodMonitor").join(", ")
    ));
    out.push(format!(
        "  alerting rules: {}",
        of_kind(&refs, "PrometheusRule").join(", ")
    ));
    let rolled = rollouts(plan);
    if !rolled.is_empty() {
        out.push(format!("  rollouts started: {}", rolled.join(", ")));
    }
    out.push(format!(
        "  Grafana dashboards (JSON, for any Grafana with the cluster's Thanos Querier as its Prometheus): {}",
        o.files.dir.display()
    ));
    let operator = of_kind(&refs, "GrafanaDashboard");
    if !operator.is_empty() {
        out.push(format!("  GrafanaDashboards: {}", operator.join(", ")));
    }
    match (&o.user_workload, admin_change(&o.user_workload)) {
        (UserWorkload::On, _) => {}
        (UserWorkload::Off { .. }, Some(c)) => out.push(format!(
            "User-workload monitoring is off: nothing is scraped until a cluster admin turns it on, once for the cluster:\n  {c}"
        )),
        (_, Some(c)) => out.push(format!(
            "Whether user-workload monitoring is on cannot be told (only cluster admins may read it); if it is off, a cluster admin turns it on: {c}"
        )),
        (_, None) => {}
    }
    out.push(
        "Next: `threescale-install monitoring status` shows the targets and the rules.".into(),
    );
    out.join("\n")
}

/// After `disable`.
pub(crate) fn disabled_json(o: &Observed, plan: &Plan) -> Value {
    crate::document::success(
        &crate::document::MONITORING_DISABLE,
        json!({
            "cluster": o.server,
            "project": o.project,
            "changes": plan.actions.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "rollouts": rollouts(plan),
        }),
    )
}

pub(crate) fn disabled_text(o: &Observed, plan: &Plan) -> String {
    let mut text = format!(
        "Monitoring is disabled in project {}: what `monitoring enable` made is gone",
        o.project
    );
    let rolled = rollouts(plan);
    if !rolled.is_empty() {
        text.push_str(&format!(
            "; rollouts started to take back its patches: {}",
            rolled.join(", ")
        ));
    }
    text + "."
}
