//! What `monitoring enable` puts in a project, built as JSON values, and how it is found again:
//! every object carries `app.kubernetes.io/managed-by=threescale-install` and
//! `threescale-install/monitoring=install` (a gateway's PodMonitor `=gateway`, with the
//! gateway's own label); a deployment config it patched records what it added in an annotation,
//! so that `disable` takes back exactly that.

use super::components::{Component, DC_LABEL, PATH, PORT_NAME};
use super::dashboards::Dashboard;
use super::rules;
use crate::engine::kube;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The label that finds what monitoring made, and its values.
pub(crate) const LABEL: &str = "threescale-install/monitoring";
pub(crate) const OF_INSTALL: &str = "install";
pub(crate) const OF_GATEWAY: &str = "gateway";
const MANAGED_BY: (&str, &str) = crate::templates::profiles::MANAGED_BY;

/// The annotation of a patched deployment config: what `enable` added to it.
pub(crate) const PATCH_ANNOTATION: &str = "threescale-install/monitoring-patch";

/// The PrometheusRule's name.
pub(crate) const RULE_NAME: &str = "threescale-2.8";

pub(crate) const POD_MONITORS: &str = "podmonitors.monitoring.coreos.com";
pub(crate) const PROMETHEUS_RULES: &str = "prometheusrules.monitoring.coreos.com";
/// The Grafana operator's dashboards: v3 and v4 (`integreatly.org/v1alpha1`), v5
/// (`grafana.integreatly.org/v1beta1`), and v5's Grafana instances.
pub(crate) const GRAFANA_V4: &str = "grafanadashboards.integreatly.org";
pub(crate) const GRAFANA_V5: &str = "grafanadashboards.grafana.integreatly.org";
pub(crate) const GRAFANAS_V5: &str = "grafanas.grafana.integreatly.org";

/// `-l` for what `enable` made.
pub(crate) fn selector() -> String {
    format!("{}={},{LABEL}={OF_INSTALL}", MANAGED_BY.0, MANAGED_BY.1)
}

/// The labels of what `enable` made (`of` = install) or a gateway's PodMonitor (`of` = gateway).
pub(crate) fn labels(of: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert(MANAGED_BY.0.into(), json!(MANAGED_BY.1));
    m.insert(LABEL.into(), json!(of));
    m
}

/// Whether `o` was made by `monitoring enable`.
pub(crate) fn is_ours(o: &Value) -> bool {
    let meta = kube::parse::<kube::Object>(o).metadata;
    meta.label(MANAGED_BY.0) == Some(MANAGED_BY.1) && meta.label(LABEL) == Some(OF_INSTALL)
}

fn pod_monitor_of(name: &str, labels: Map<String, Value>, select: (&str, &str)) -> Value {
    json!({
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "PodMonitor",
        "metadata": {"name": name, "labels": labels},
        "spec": {
            "selector": {"matchLabels": {select.0: select.1}},
            "podMetricsEndpoints": [{"port": PORT_NAME, "path": PATH, "scheme": "http"}],
        }
    })
}

/// The PodMonitor of a component: its pods by the template's `deploymentConfig` label, port
/// `metrics`. Named as the operator names it, so that its targets' `job` is
/// `<project>/<component>` as the operator's rules expect.
pub(crate) fn pod_monitor(c: &Component) -> Value {
    pod_monitor_of(c.dc, labels(OF_INSTALL), (DC_LABEL, c.dc))
}

/// The PodMonitor of a self-managed gateway: the gateway template labels its pods
/// `deploymentconfig: <name>` and declares port `metrics` 9421 (apicast-gateway/apicast.yml).
pub(crate) fn gateway_pod_monitor(gateway: &str, gateway_labels: Map<String, Value>) -> Value {
    let mut l = labels(OF_GATEWAY);
    l.extend(gateway_labels);
    pod_monitor_of(gateway, l, ("deploymentconfig", gateway))
}

/// The PrometheusRule: one group per component. Without the `leaf-prometheus` label, so that
/// Thanos Ruler evaluates it (the platform rules need the cluster's own metrics).
pub(crate) fn prometheus_rule(project: &str) -> Value {
    let groups: Vec<Value> = rules::GROUPS
        .iter()
        .map(|g| {
            let rules: Vec<Value> = g
                .rules
                .iter()
                .map(|r| {
                    json!({
                        "alert": r.alert,
                        "expr": rules::in_project(r.expr, project),
                        "for": r.for_,
                        "labels": {"severity": r.severity},
                        "annotations": {"summary": rules::in_project(r.summary, project)},
                    })
                })
                .collect();
            json!({"name": format!("threescale-2.8.{}", g.name), "rules": rules})
        })
        .collect();
    json!({
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "PrometheusRule",
        "metadata": {"name": RULE_NAME, "labels": labels(OF_INSTALL)},
        "spec": {"groups": groups},
    })
}

/// Which Grafana operator API a cluster serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum GrafanaApi {
    /// `integreatly.org/v1alpha1` (operator v3 and v4): a Grafana picks dashboards by their
    /// labels (`dashboardLabelSelector`).
    V4,
    /// `grafana.integreatly.org/v1beta1` (operator v5): a dashboard names its Grafana by that
    /// Grafana's labels (`spec.instanceSelector.matchLabels`).
    V5 { instance: BTreeMap<String, String> },
}

/// The Grafana operator's object of a dashboard.
pub(crate) fn grafana_dashboard(d: &Dashboard, project: &str, api: &GrafanaApi) -> Value {
    let text = d.json(project).to_string();
    match api {
        GrafanaApi::V4 => {
            let mut l = labels(OF_INSTALL);
            // The label the 3scale operator's dashboards carry (pkg/common/constants.go).
            l.insert("monitoring-key".into(), json!("middleware"));
            json!({
                "apiVersion": "integreatly.org/v1alpha1",
                "kind": "GrafanaDashboard",
                "metadata": {"name": d.id(), "labels": l},
                "spec": {"name": format!("{}.json", d.id()), "json": text},
            })
        }
        GrafanaApi::V5 { instance } => json!({
            "apiVersion": "grafana.integreatly.org/v1beta1",
            "kind": "GrafanaDashboard",
            "metadata": {"name": d.id(), "labels": labels(OF_INSTALL)},
            "spec": {"instanceSelector": {"matchLabels": instance}, "json": text},
        }),
    }
}

/// What `enable` added to a deployment config, as its annotation records it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Added {
    pub(crate) container: String,
    #[serde(default)]
    pub(crate) env: Vec<String>,
    /// The port `metrics` with this number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) port: Option<u16>,
}

impl Added {
    /// The record of a deployment config, when it has one.
    pub(crate) fn of(dc: &kube::DeploymentConfig) -> Option<Added> {
        dc.metadata
            .annotations
            .get(PATCH_ANNOTATION)
            .and_then(|text| serde_json::from_str(text).ok())
    }

    pub(crate) fn text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
