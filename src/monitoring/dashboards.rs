//! The Grafana dashboards, as data, and their JSON: every panel reads only metrics the 3scale 2.8
//! components emit, or `up` of their targets (a test holds them to [`super::metrics`]). They keep
//! what the 3scale operator's 2.9 dashboards show that works on 2.8, without the panels on
//! `apicast_status` and the backend-listener's metrics, and with the zync-que job types 2.8 has
//! (`scheduled`, `retry`, `future`). `$NS` stands for the install's project.

use serde_json::{json, Value};

/// A panel: a title, its queries (expression, legend) and the unit of its axis.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Panel {
    pub(crate) title: &'static str,
    pub(crate) queries: &'static [(&'static str, &'static str)],
    pub(crate) unit: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Dashboard {
    /// `threescale-<name>`: the file and the object.
    pub(crate) name: &'static str,
    pub(crate) title: &'static str,
    /// What it shows, for the README and the summary.
    pub(crate) shows: &'static str,
    pub(crate) panels: &'static [Panel],
}

const fn panel(
    title: &'static str,
    queries: &'static [(&'static str, &'static str)],
    unit: &'static str,
) -> Panel {
    Panel {
        title,
        queries,
        unit,
    }
}

pub(crate) const DASHBOARDS: &[Dashboard] = &[
    Dashboard {
        name: "apicast",
        title: "3scale 2.8 / APIcast",
        shows: "requests to upstreams by status, response and upstream times, calls to 3scale's backend, NGINX connections and error log, shared dictionaries, targets up",
        panels: &[
            panel("Upstream answers per second, by status", &[(r#"sum(rate(upstream_status{namespace="$NS"}[5m])) by (status)"#, "{{status}}")], "reqps"),
            panel("Upstream 5xx ratio", &[(r#"sum(rate(upstream_status{namespace="$NS",status=~"5.."}[5m])) / sum(rate(upstream_status{namespace="$NS"}[5m]))"#, "5xx")], "percentunit"),
            panel("Response time (99th and 50th percentile)", &[
                (r#"histogram_quantile(0.99, sum(rate(total_response_time_seconds_bucket{namespace="$NS"}[5m])) by (le))"#, "total p99"),
                (r#"histogram_quantile(0.5, sum(rate(total_response_time_seconds_bucket{namespace="$NS"}[5m])) by (le))"#, "total p50"),
                (r#"histogram_quantile(0.99, sum(rate(upstream_response_time_seconds_bucket{namespace="$NS"}[5m])) by (le))"#, "upstream p99"),
            ], "s"),
            panel("Calls to 3scale's backend, by endpoint and status", &[(r#"sum(rate(threescale_backend_calls{namespace="$NS"}[5m])) by (endpoint, status)"#, "{{endpoint}} {{status}}")], "reqps"),
            panel("NGINX connections", &[(r#"sum(nginx_http_connections{namespace="$NS"}) by (state)"#, "{{state}}")], "short"),
            panel("NGINX error log lines per second, by level", &[(r#"sum(rate(nginx_error_log{namespace="$NS"}[5m])) by (level)"#, "{{level}}")], "short"),
            panel("Shared dictionaries: free part", &[(r#"min(openresty_shdict_free_space{namespace="$NS"} / openresty_shdict_capacity{namespace="$NS"}) by (dict)"#, "{{dict}}")], "percentunit"),
            panel("Targets up", &[(r#"up{namespace="$NS",job=~".*/apicast-production|.*/apicast-staging"}"#, "{{pod}}")], "short"),
        ],
    },
    Dashboard {
        name: "apicast-services",
        title: "3scale 2.8 / APIcast services",
        shows: "requests, 5xx and response times per product (needs APICAST_EXTENDED_METRICS=true, which `monitoring enable` sets)",
        panels: &[
            panel("Upstream answers per second, by product", &[(r#"sum(rate(upstream_status{namespace="$NS"}[5m])) by (service_system_name)"#, "{{service_system_name}}")], "reqps"),
            panel("Upstream 5xx per second, by product", &[(r#"sum(rate(upstream_status{namespace="$NS",status=~"5.."}[5m])) by (service_system_name)"#, "{{service_system_name}}")], "reqps"),
            panel("Response time p99, by product", &[(r#"histogram_quantile(0.99, sum(rate(total_response_time_seconds_bucket{namespace="$NS"}[5m])) by (le, service_system_name))"#, "{{service_system_name}}")], "s"),
            panel("Upstream time p99, by product", &[(r#"histogram_quantile(0.99, sum(rate(upstream_response_time_seconds_bucket{namespace="$NS"}[5m])) by (le, service_system_name))"#, "{{service_system_name}}")], "s"),
        ],
    },
    Dashboard {
        name: "backend",
        title: "3scale 2.8 / backend worker",
        shows: "backend-worker's jobs per second and their run times by job type (the listener has no metrics at 2.8)",
        panels: &[
            panel("Jobs per second, by type", &[(r#"sum(rate(apisonator_worker_job_count{namespace="$NS"}[5m])) by (type)"#, "{{type}}")], "short"),
            panel("Job run time (99th and 50th percentile), by type", &[
                (r#"histogram_quantile(0.99, sum(rate(apisonator_worker_job_runtime_seconds_bucket{namespace="$NS"}[5m])) by (le, type))"#, "{{type}} p99"),
                (r#"histogram_quantile(0.5, sum(rate(apisonator_worker_job_runtime_seconds_bucket{namespace="$NS"}[5m])) by (le, type))"#, "{{type}} p50"),
            ], "s"),
            panel("Targets up", &[(r#"up{namespace="$NS",job=~".*/backend-worker"}"#, "{{pod}}")], "short"),
        ],
    },
    Dashboard {
        name: "system",
        title: "3scale 2.8 / system-sidekiq",
        shows: "Sidekiq jobs executed and failed per queue, queues waiting, retries, dead and scheduled jobs, job run times, busy workers",
        panels: &[
            panel("Jobs executed per second, by queue", &[(r#"sum(rate(sidekiq_jobs_executed_total{namespace="$NS"}[5m])) by (queue)"#, "{{queue}}")], "short"),
            panel("Jobs failed per second, by queue", &[(r#"sum(rate(sidekiq_jobs_failed_total{namespace="$NS"}[5m])) by (queue)"#, "{{queue}}")], "short"),
            panel("Jobs waiting, by queue", &[(r#"max(sidekiq_jobs_waiting_count{namespace="$NS"}) by (queue)"#, "{{queue}}")], "short"),
            panel("Retries, dead and scheduled jobs", &[
                (r#"max(sidekiq_jobs_retry_count{namespace="$NS"})"#, "retry"),
                (r#"max(sidekiq_jobs_dead_count{namespace="$NS"})"#, "dead"),
                (r#"max(sidekiq_jobs_scheduled_count{namespace="$NS"})"#, "scheduled"),
            ], "short"),
            panel("Job run time p99, by queue", &[(r#"histogram_quantile(0.99, sum(rate(sidekiq_job_runtime_seconds_bucket{namespace="$NS"}[5m])) by (le, queue))"#, "{{queue}}")], "s"),
            panel("Busy workers and processes", &[
                (r#"max(sidekiq_active_workers_count{namespace="$NS"})"#, "busy workers"),
                (r#"max(sidekiq_active_processes{namespace="$NS"})"#, "processes"),
            ], "short"),
        ],
    },
    Dashboard {
        name: "zync",
        title: "3scale 2.8 / zync",
        shows: "zync's requests by status and their times, zync-que's jobs by state (scheduled, retry, future), jobs performed and failed, puma threads",
        panels: &[
            panel("Requests per second, by status", &[(r#"sum(rate(rails_requests_total{namespace="$NS"}[5m])) by (status)"#, "{{status}}")], "reqps"),
            panel("Request time p99", &[(r#"histogram_quantile(0.99, sum(rate(rails_request_duration_seconds_bucket{namespace="$NS"}[5m])) by (le))"#, "p99")], "s"),
            panel("Database and view time per request", &[
                (r#"sum(rate(rails_db_runtime_seconds_sum{namespace="$NS"}[5m])) / sum(rate(rails_db_runtime_seconds_count{namespace="$NS"}[5m]))"#, "database"),
                (r#"sum(rate(rails_view_runtime_seconds_sum{namespace="$NS"}[5m])) / sum(rate(rails_view_runtime_seconds_count{namespace="$NS"}[5m]))"#, "view"),
            ], "s"),
            panel("Que jobs, by state", &[(r#"sum(que_jobs_scheduled_total{namespace="$NS",type=~"scheduled|retry|future"}) by (type)"#, "{{type}}")], "short"),
            panel("Que jobs performed and failed per second", &[
                (r#"sum(rate(que_job_performed_total{namespace="$NS"}[5m])) by (job_name)"#, "{{job_name}} performed"),
                (r#"sum(rate(que_job_failures_total{namespace="$NS"}[5m])) by (job_name)"#, "{{job_name}} failed"),
            ], "short"),
            panel("Que workers", &[(r#"sum(que_workers_total{namespace="$NS"})"#, "workers")], "short"),
            panel("Puma threads", &[
                (r#"sum(puma_running{namespace="$NS"})"#, "running"),
                (r#"sum(puma_pool_capacity{namespace="$NS"})"#, "free capacity"),
                (r#"sum(puma_backlog{namespace="$NS"})"#, "backlog"),
            ], "short"),
        ],
    },
];

impl Dashboard {
    /// `threescale-<name>`: its file name (with `.json`) and its object's name.
    pub(crate) fn id(&self) -> String {
        format!("threescale-{}", self.name)
    }

    /// The dashboard's JSON for the install in `project`, as Grafana imports it (7.4 and
    /// later): a `datasource` variable to pick the Prometheus (Thanos Querier) with, the
    /// project fixed in every query.
    pub(crate) fn json(&self, project: &str) -> Value {
        let panels: Vec<Value> = self
            .panels
            .iter()
            .enumerate()
            .map(|(i, p)| panel_json(p, i, project))
            .collect();
        json!({
            "uid": format!("3scale-{}-{}", self.name, crate::paths::stable_hash(project)),
            "title": format!("{} ({project})", self.title),
            "tags": ["3scale", "threescale-install"],
            "timezone": "browser",
            "schemaVersion": 27,
            "version": 1,
            "refresh": "1m",
            "time": {"from": "now-3h", "to": "now"},
            "templating": {"list": [{
                "name": "datasource",
                "label": "Prometheus",
                "type": "datasource",
                "query": "prometheus",
                "hide": 0
            }]},
            "panels": panels,
        })
    }

    /// The file's text: the JSON, pretty, with a final newline.
    pub(crate) fn file_text(&self, project: &str) -> String {
        serde_json::to_string_pretty(&self.json(project)).unwrap_or_default() + "\n"
    }
}

/// Two panels a row, each 12 columns wide and 8 rows high.
fn panel_json(p: &Panel, index: usize, project: &str) -> Value {
    let targets: Vec<Value> = p
        .queries
        .iter()
        .zip(['A', 'B', 'C', 'D'])
        .map(|((expr, legend), id)| {
            json!({
                "expr": super::rules::in_project(expr, project),
                "legendFormat": legend,
                "refId": id.to_string(),
            })
        })
        .collect();
    json!({
        "id": index + 1,
        "type": "timeseries",
        "title": p.title,
        "datasource": "$datasource",
        "gridPos": {"h": 8, "w": 12, "x": (index % 2) * 12, "y": (index / 2) * 8},
        "fieldConfig": {"defaults": {"unit": p.unit}, "overrides": []},
        "targets": targets,
    })
}

/// Every query of every dashboard, with where it is shown.
pub(crate) fn queries() -> impl Iterator<Item = (String, &'static str)> {
    DASHBOARDS.iter().flat_map(|d| {
        d.panels.iter().flat_map(move |p| {
            p.queries
                .iter()
                .map(move |(expr, _)| (format!("{} / {}", d.title, p.title), *expr))
        })
    })
}
