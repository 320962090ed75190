//! The metrics the 3scale 2.8 components emit, each with the source that defines it, and `up`,
//! which Prometheus records of every target; every rule and dashboard panel may use only these
//! (a test extracts the names of every expression and checks them here).
//!
//! Sources, at the tags the 2.8.0 images are built from (2.8.1 is the same for these paths):
//! apicast `3scale-2.8.0-GA`, zync `3scale-2.8.0-GA`, porta `3scale-2.8.0-GA`, apisonator
//! `3scale-2.8.0-GA`, and the libraries their lock files pin (nginx-lua-prometheus 0.20181120,
//! yabeda-rails 0.1.3, yabeda-puma-plugin 0.1.0, yabeda-sidekiq 0.1.3).

/// How a metric is exposed: a histogram adds `_bucket`, `_sum` and `_count` series, a summary
/// `_sum` and `_count` beside the quantiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Type {
    Counter,
    Gauge,
    Histogram,
    Summary,
}

/// One metric: its name, type, who emits it and where 2.8 defines it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Metric {
    pub(crate) name: &'static str,
    pub(crate) kind: Type,
    /// The deployment configs whose pods emit it (`platform` for OpenShift's own).
    pub(crate) emitted_by: &'static str,
    pub(crate) source: &'static str,
}

const fn m(
    name: &'static str,
    kind: Type,
    emitted_by: &'static str,
    source: &'static str,
) -> Metric {
    Metric {
        name,
        kind,
        emitted_by,
        source,
    }
}

use Type::{Counter, Gauge, Histogram, Summary};

const NGINX_METRICS: &str =
    "apicast@3scale-2.8.0-GA gateway/src/apicast/policy/nginx_metrics/nginx_metrics.lua";
const APICAST: &str = "apicast-production, apicast-staging";
const ACTIVE_JOB: &str = "zync@3scale-2.8.0-GA lib/prometheus/active_job_subscriber.rb";
const ACTIVE_RECORD: &str = "zync@3scale-2.8.0-GA lib/prometheus/active_record.rb";
const QUE_STATS: &str = "zync@3scale-2.8.0-GA lib/prometheus/que_stats.rb";
const YABEDA_RAILS: &str = "yabeda-rails@v0.1.3 lib/yabeda/rails.rb (zync Gemfile.lock)";
const YABEDA_PUMA: &str = "yabeda-puma-plugin@v0.1.0 lib/puma/plugin/yabeda.rb (zync Gemfile.lock)";
const YABEDA_SIDEKIQ: &str =
    "yabeda-sidekiq@v0.1.3 lib/yabeda/sidekiq.rb (porta gemfiles/prod/Gemfile.lock)";
const WORKER_METRICS: &str = "apisonator@3scale-2.8.0-GA lib/3scale/backend/worker_metrics.rb";

/// What the 3scale 2.8 components emit.
pub(crate) const THREESCALE: &[Metric] = &[
    // APIcast: port 9421, `/metrics`, no opt-in (the nginx_metrics policy is a default one).
    m("nginx_http_connections", Gauge, APICAST, NGINX_METRICS),
    m("nginx_error_log", Counter, APICAST, NGINX_METRICS),
    m("openresty_shdict_capacity", Gauge, APICAST, NGINX_METRICS),
    m("openresty_shdict_free_space", Gauge, APICAST, NGINX_METRICS),
    m(
        "total_response_time_seconds",
        Histogram,
        APICAST,
        NGINX_METRICS,
    ),
    m(
        "upstream_response_time_seconds",
        Histogram,
        APICAST,
        "apicast@3scale-2.8.0-GA gateway/src/apicast/metrics/upstream.lua",
    ),
    m(
        "upstream_status",
        Counter,
        APICAST,
        "apicast@3scale-2.8.0-GA gateway/src/apicast/metrics/upstream.lua",
    ),
    m(
        "threescale_backend_calls",
        Counter,
        APICAST,
        "apicast@3scale-2.8.0-GA gateway/src/apicast/metrics/3scale_backend_calls.lua",
    ),
    m(
        "batching_policy_auths_cache_hits",
        Counter,
        APICAST,
        "apicast@3scale-2.8.0-GA gateway/src/apicast/policy/3scale_batcher/metrics.lua",
    ),
    m(
        "batching_policy_auths_cache_misses",
        Counter,
        APICAST,
        "apicast@3scale-2.8.0-GA gateway/src/apicast/policy/3scale_batcher/metrics.lua",
    ),
    m(
        "nginx_metric_errors_total",
        Counter,
        APICAST,
        "nginx-lua-prometheus@0.20181120 prometheus.lua (apicast gateway/Roverfile.lock)",
    ),
    // zync (puma, 9393) and zync-que (9394).
    m(
        "que_job_enqueued_total",
        Counter,
        "zync, zync-que",
        ACTIVE_JOB,
    ),
    m(
        "que_job_retries_total",
        Counter,
        "zync, zync-que",
        ACTIVE_JOB,
    ),
    m(
        "que_job_performed_total",
        Counter,
        "zync, zync-que",
        ACTIVE_JOB,
    ),
    m(
        "que_job_failures_total",
        Counter,
        "zync, zync-que",
        ACTIVE_JOB,
    ),
    m(
        "que_job_duration_seconds",
        Histogram,
        "zync, zync-que",
        ACTIVE_JOB,
    ),
    m(
        "que_job_runtime_seconds",
        Summary,
        "zync, zync-que",
        ACTIVE_JOB,
    ),
    m(
        "rails_connection_pool_size",
        Gauge,
        "zync, zync-que",
        ACTIVE_RECORD,
    ),
    m(
        "rails_connection_pool_waiting",
        Gauge,
        "zync, zync-que",
        ACTIVE_RECORD,
    ),
    m(
        "rails_connection_pool_connections",
        Gauge,
        "zync, zync-que",
        ACTIVE_RECORD,
    ),
    m("que_jobs_scheduled_total", Gauge, "zync-que", QUE_STATS),
    m("que_workers_total", Gauge, "zync-que", QUE_STATS),
    m("rails_requests_total", Counter, "zync", YABEDA_RAILS),
    m(
        "rails_request_duration_seconds",
        Histogram,
        "zync",
        YABEDA_RAILS,
    ),
    m(
        "rails_view_runtime_seconds",
        Histogram,
        "zync",
        YABEDA_RAILS,
    ),
    m("rails_db_runtime_seconds", Histogram, "zync", YABEDA_RAILS),
    m("puma_backlog", Gauge, "zync", YABEDA_PUMA),
    m("puma_running", Gauge, "zync", YABEDA_PUMA),
    m("puma_pool_capacity", Gauge, "zync", YABEDA_PUMA),
    m("puma_max_threads", Gauge, "zync", YABEDA_PUMA),
    // system-sidekiq (9394; porta config/initializers/sidekiq.rb starts the exporter).
    m(
        "sidekiq_jobs_enqueued_total",
        Counter,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    m(
        "sidekiq_jobs_executed_total",
        Counter,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    m(
        "sidekiq_jobs_success_total",
        Counter,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    m(
        "sidekiq_jobs_failed_total",
        Counter,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    m(
        "sidekiq_job_runtime_seconds",
        Histogram,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    m(
        "sidekiq_jobs_waiting_count",
        Gauge,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    m(
        "sidekiq_active_workers_count",
        Gauge,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    m(
        "sidekiq_jobs_scheduled_count",
        Gauge,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    m(
        "sidekiq_jobs_retry_count",
        Gauge,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    m(
        "sidekiq_jobs_dead_count",
        Gauge,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    m(
        "sidekiq_active_processes",
        Gauge,
        "system-sidekiq",
        YABEDA_SIDEKIQ,
    ),
    // backend-worker, after the opt-in (CONFIG_WORKER_PROMETHEUS_METRICS_ENABLED=true).
    m(
        "apisonator_worker_job_count",
        Counter,
        "backend-worker",
        WORKER_METRICS,
    ),
    m(
        "apisonator_worker_job_runtime_seconds",
        Histogram,
        "backend-worker",
        WORKER_METRICS,
    ),
];

/// What Prometheus itself records of every target it scrapes: the 2.8 components' health.
pub(crate) const TARGETS: &[Metric] = &[m(
    "up",
    Gauge,
    "every target of the PodMonitors",
    "Prometheus itself: one series per scrape target (prometheus docs/concepts/jobs_instances.md)",
)];

#[cfg(test)]
/// Names the 3scale 2.9 operator's rules and dashboards use that 2.8 (or OpenShift 4.13) does
/// not have, with where they first appear: kept to prove the check refuses them.
pub(crate) const NOT_IN_2_8: &[(&str, &str)] = &[
    (
        "apicast_status",
        "apicast 3scale-2.9.0-GA (commit d8999446)",
    ),
    (
        "content_caching",
        "apicast 3scale-2.9.0-GA (commit 7f132730)",
    ),
    (
        "worker_process",
        "apicast 3scale-2.10.0-GA (commit 927401d4)",
    ),
    (
        "apisonator_listener_response_codes",
        "apisonator 3scale-2.9.0-GA lib/3scale/backend/listener_metrics.rb",
    ),
    (
        "apisonator_listener_response_times_seconds",
        "apisonator 3scale-2.9.0-GA lib/3scale/backend/listener_metrics.rb",
    ),
    (
        "kube_",
        "kube-state-metrics: OpenShift's, not 3scale's (and its v2 dropped the operator's kube_pod_container_resource_limits_cpu_cores)",
    ),
    ("container_", "the kubelet's cAdvisor: OpenShift's, not 3scale's"),
    (
        "node_namespace_pod_container:",
        "OpenShift's recording rules, not 3scale's",
    ),
];

/// The metric a series name belongs to, and whether 2.8 or the platform has that series: a
/// histogram's `_bucket`, `_sum` and `_count`, a summary's `_sum` and `_count`.
pub(crate) fn find(series: &str) -> Option<&'static Metric> {
    THREESCALE.iter().chain(TARGETS).find(|metric| {
        let suffixes: &[&str] = match metric.kind {
            Type::Counter | Type::Gauge => &[""],
            Type::Histogram => &["_bucket", "_sum", "_count"],
            Type::Summary => &["", "_sum", "_count"],
        };
        suffixes
            .iter()
            .any(|s| series.strip_suffix(s) == Some(metric.name))
    })
}

#[cfg(test)]
/// Why a name is not one 2.8 emits: where it first appears, when that is known.
pub(crate) fn missing_from_2_8(series: &str) -> Option<&'static str> {
    NOT_IN_2_8
        .iter()
        .find(|(name, _)| series.starts_with(name))
        .map(|(_, since)| *since)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_names_resolve_to_their_metric() {
        assert_eq!(
            find("total_response_time_seconds_bucket").map(|m| m.name),
            Some("total_response_time_seconds")
        );
        assert_eq!(
            find("que_job_runtime_seconds").map(|m| m.name),
            Some("que_job_runtime_seconds")
        );
        assert!(
            find("total_response_time_seconds").is_none(),
            "a histogram has no bare series"
        );
        assert!(find("upstream_status_total").is_none());
        assert!(find("apicast_status").is_none());
        assert!(missing_from_2_8("apisonator_listener_response_codes").is_some());
    }

    #[test]
    fn every_metric_is_named_once_with_a_source() {
        let mut seen = std::collections::BTreeSet::new();
        for metric in THREESCALE.iter().chain(TARGETS) {
            assert!(seen.insert(metric.name), "{} twice", metric.name);
            assert!(!metric.source.is_empty() && !metric.emitted_by.is_empty());
            assert!(
                missing_from_2_8(metric.name).is_none(),
                "{} is listed as missing",
                metric.name
            );
        }
    }
}
