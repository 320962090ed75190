//! Monitoring of a 3scale 2.8 template install on OpenShift 4's user-workload monitoring: the
//! metrics 2.8 really emits ([`metrics`], each with its source), the components that emit them
//! and the patches that expose them ([`components`], [`patch`]), the PodMonitors, the rules and
//! the Grafana dashboards as data ([`objects`], [`rules`], [`dashboards`]), what the cluster
//! shows ([`observe`]), the pure plans of `enable` and `disable` ([`plan`]) and their changes
//! ([`action`]), and the monitoring API's view of the project ([`query`], [`report`]).
//!
//! OpenShift's Prometheus finds targets only through PodMonitors and ServiceMonitors (the
//! templates' `prometheus.io/*` annotations are ignored), user-workload monitoring is off on a
//! new cluster and only a cluster admin turns it on, and it ships no Grafana.

pub(crate) mod action;
pub(crate) mod components;
pub(crate) mod dashboards;
pub(crate) mod metrics;
pub(crate) mod objects;
pub(crate) mod observe;
pub(crate) mod patch;
pub(crate) mod plan;
pub(crate) mod promql;
pub(crate) mod query;
pub(crate) mod report;
pub(crate) mod rules;
pub(crate) mod summary;

#[cfg(test)]
mod tests {
    use super::{dashboards, metrics, promql, rules};

    /// Every series name of every rule and every dashboard panel is one the 3scale 2.8
    /// components emit (or `up` of their targets), named in `metrics` with its source.
    #[test]
    fn no_rule_or_panel_reads_a_metric_2_8_lacks() {
        let exprs: Vec<(String, &str)> = rules::all()
            .map(|(g, r)| (format!("rule {}/{}", g.name, r.alert), r.expr))
            .chain(dashboards::queries().map(|(w, e)| (format!("panel {w}"), e)))
            .collect();
        assert!(exprs.len() > 40, "{} expressions", exprs.len());
        let mut unknown = Vec::new();
        let mut read = std::collections::BTreeSet::new();
        for (what, expr) in &exprs {
            let names = promql::series_names(expr);
            assert!(!names.is_empty(), "{what} reads no metric: {expr}");
            for n in names {
                match metrics::find(&n) {
                    Some(m) => {
                        read.insert(m.name);
                    }
                    None => unknown.push(format!(
                        "{what}: {n}{}",
                        metrics::missing_from_2_8(&n)
                            .map(|s| format!(" (first in {s})"))
                            .unwrap_or_default()
                    )),
                }
            }
        }
        assert!(
            unknown.is_empty(),
            "not emitted by 3scale 2.8:\n{}",
            unknown.join("\n")
        );
        // Each component's metrics are shown somewhere.
        for must in [
            "upstream_status",
            "apisonator_worker_job_count",
            "sidekiq_jobs_executed_total",
            "rails_requests_total",
            "que_jobs_scheduled_total",
        ] {
            assert!(read.contains(must), "{must} is read by no rule or panel");
        }
    }

    /// The check fails on what the 3scale operator's 2.9 rules and dashboards read that 2.8 (or
    /// 3scale at all) does not emit.
    #[test]
    fn the_check_refuses_the_operators_2_9_metrics() {
        for expr in [
            r#"sum(rate(apicast_status{namespace='x', status=~"^4.."}[1m]))"#,
            r#"sum(rate(apisonator_listener_response_codes{job=~"backend.*",namespace="x",resp_code="5xx"}[5m])) by (namespace,job,resp_code) > 5000"#,
            r#"sum(kube_pod_container_resource_limits_cpu_cores{namespace="x"})"#,
            r#"rate(kube_pod_container_status_restarts_total{namespace="x"}[15m]) * 60 * 5 > 0"#,
        ] {
            let names = promql::series_names(expr);
            assert!(
                names
                    .iter()
                    .any(|n| metrics::find(n).is_none() && metrics::missing_from_2_8(n).is_some()),
                "{expr}: {names:?}"
            );
        }
    }
}
