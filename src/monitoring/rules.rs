//! The alerting rules, as data: every expression reads only metrics the 3scale 2.8 components
//! emit, and `up` of their targets ([`super::metrics`]; a test holds them to it). They follow the
//! 3scale operator's 2.9 rules (`pkg/3scale/amp/component/*_monitoring.go`) where those work on
//! 2.8, and replace those that do not: `apicast_status` and the listener's metrics do not exist
//! at 2.8, and `job=~"backend.*"` never matches a PodMonitor's job (`<namespace>/<name>`). The
//! operator's platform rules (kube-state-metrics, cAdvisor) are left out: they read metrics that
//! OpenShift, not 3scale, emits. `$NS` stands for the install's project.

/// One alert.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    pub(crate) alert: &'static str,
    pub(crate) expr: &'static str,
    pub(crate) for_: &'static str,
    pub(crate) severity: &'static str,
    pub(crate) summary: &'static str,
}

/// A group of alerts of one component.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Group {
    pub(crate) name: &'static str,
    pub(crate) rules: &'static [Rule],
}

const fn rule(
    alert: &'static str,
    expr: &'static str,
    for_: &'static str,
    severity: &'static str,
    summary: &'static str,
) -> Rule {
    Rule {
        alert,
        expr,
        for_,
        severity,
        summary,
    }
}

pub(crate) const GROUPS: &[Group] = &[
    Group {
        name: "apicast",
        rules: &[
            rule("ThreescaleApicastJobDown", r#"up{job=~".*/apicast-production|.*/apicast-staging",namespace="$NS"} == 0"#, "1m", "critical",
                "an APIcast target of project $NS is down: Prometheus cannot scrape it"),
            rule("ThreescaleApicastLatencyHigh", r#"histogram_quantile(0.99, sum(rate(total_response_time_seconds_bucket{namespace="$NS"}[30m])) by (le)) > 5"#, "5m", "warning",
                "APIcast's 99th percentile response time in project $NS is above 5 s"),
            rule("ThreescaleApicastUpstream5xxRate", r#"sum(rate(upstream_status{namespace="$NS",status=~"5.."}[5m])) / sum(rate(upstream_status{namespace="$NS"}[5m])) * 100 > 5"#, "5m", "warning",
                "more than 5% of the upstream answers APIcast got in project $NS are 5xx"),
            rule("ThreescaleApicastBackendCalls5xx", r#"sum(rate(threescale_backend_calls{namespace="$NS",status="5xx"}[5m])) > 0"#, "5m", "critical",
                "APIcast's calls to 3scale's backend in project $NS fail with 5xx"),
            rule("ThreescaleApicastErrorLog", r#"sum(increase(nginx_error_log{namespace="$NS",level=~"error|crit|alert|emerg"}[5m])) > 50"#, "5m", "warning",
                "APIcast in project $NS logs more than 50 errors in 5 minutes"),
            rule("ThreescaleApicastShdictFull", r#"min by (pod, dict) (openresty_shdict_free_space{namespace="$NS"} / openresty_shdict_capacity{namespace="$NS"}) < 0.05"#, "10m", "warning",
                "a shared dictionary of APIcast in project $NS is more than 95% full"),
        ],
    },
    Group {
        name: "backend-worker",
        rules: &[
            rule("ThreescaleBackendWorkerJobDown", r#"up{job=~".*/backend-worker",namespace="$NS"} == 0"#, "1m", "critical",
                "a backend-worker target of project $NS is down"),
            rule("ThreescaleBackendWorkerJobsHigh", r#"sum(increase(apisonator_worker_job_count{job=~".*/backend-worker",namespace="$NS"}[5m])) > 10000"#, "5m", "warning",
                "backend-worker in project $NS ran more than 10000 jobs in 5 minutes"),
        ],
    },
    Group {
        name: "system-sidekiq",
        rules: &[
            rule("ThreescaleSystemSidekiqJobDown", r#"up{job=~".*/system-sidekiq",namespace="$NS"} == 0"#, "1m", "critical",
                "a system-sidekiq target of project $NS is down"),
            rule("SystemSidekiqZyncRuntime", r#"avg(sidekiq_job_runtime_seconds_sum{queue="zync",worker="ZyncWorker",namespace="$NS"}) > 300"#, "10m", "critical",
                "system-sidekiq's ZyncWorker jobs in project $NS ran more than 300 s in total on average"),
            rule("ThreescaleSystemSidekiqFailedJobs", r#"sum(increase(sidekiq_jobs_failed_total{namespace="$NS"}[10m])) > 50"#, "5m", "warning",
                "more than 50 Sidekiq jobs failed in 10 minutes in project $NS"),
        ],
    },
    Group {
        name: "zync",
        rules: &[
            rule("ThreescaleZyncJobDown", r#"up{job=~".*/zync",namespace="$NS"} == 0"#, "1m", "critical",
                "a zync target of project $NS is down"),
            rule("ThreescaleZync5XXRequestsHigh", r#"sum(rate(rails_requests_total{namespace="$NS",pod=~"zync-[a-z0-9]+-[a-z0-9]+",status=~"5[0-9]*"}[1m])) by (namespace, job) > 50"#, "1m", "warning",
                "zync in project $NS answers more than 50 5xx a second"),
            rule("ThreescaleZyncQueJobDown", r#"up{job=~".*/zync-que",namespace="$NS"} == 0"#, "1m", "critical",
                "a zync-que target of project $NS is down"),
            rule("ThreescaleZyncQueScheduledJobCountHigh", r#"max(que_jobs_scheduled_total{pod=~"zync-que.*",type="scheduled",namespace="$NS"}) by (namespace, job, exported_job) > 250"#, "1m", "warning",
                "more than 250 zync-que jobs are due in project $NS (type=scheduled: run_at in the past, at 2.8)"),
            rule("ThreescaleZyncQueRetryJobCountHigh", r#"max(que_jobs_scheduled_total{pod=~"zync-que.*",type="retry",namespace="$NS"}) by (namespace, job, exported_job) > 250"#, "1m", "warning",
                "more than 250 zync-que jobs wait for a retry in project $NS"),
        ],
    },
];

/// `text` with the project in place of `$NS`.
pub(crate) fn in_project(text: &str, project: &str) -> String {
    text.replace("$NS", project)
}

/// Every rule, with its group.
pub(crate) fn all() -> impl Iterator<Item = (&'static Group, &'static Rule)> {
    GROUPS
        .iter()
        .flat_map(|g| g.rules.iter().map(move |r| (g, r)))
}
