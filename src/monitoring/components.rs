//! The components of a 2.8 template install that emit metrics, as data: their deployment
//! config, container, metrics port, the environment that turns the metrics on, and the source of
//! each fact. The patches are those the 3scale operator's 2.8→2.9 upgrade applies
//! (`3scale-operator@3scale-2.9.0-GA pkg/3scale/amp/operator/upgrade.go`,
//! `upgradeMonitoringSettings`), except backend-listener's: its 2.8 image has no metrics.

/// The port name every PodMonitor scrapes.
pub(crate) const PORT_NAME: &str = "metrics";
/// The path every component serves its metrics on.
pub(crate) const PATH: &str = "/metrics";
/// The pod label of the 2.8 templates that names the deployment config (camel case, as written
/// in every pod template of amp.yml).
pub(crate) const DC_LABEL: &str = "deploymentConfig";

/// A component whose metrics a PodMonitor scrapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Component {
    /// Its deployment config, and the name of its PodMonitor (the operator's names).
    pub(crate) dc: &'static str,
    /// The container that serves the metrics (the deployment config's first).
    pub(crate) container: &'static str,
    pub(crate) port: u16,
    /// Environment the metrics need (added when absent).
    pub(crate) env: &'static [(&'static str, &'static str)],
    /// Where its metrics server is defined at 2.8.
    pub(crate) server: &'static str,
    /// Why the environment or the port is added.
    pub(crate) why: &'static str,
}

pub(crate) const COMPONENTS: &[Component] = &[
    Component {
        dc: "apicast-production",
        container: "apicast-production",
        port: 9421,
        env: &[("APICAST_EXTENDED_METRICS", "true")],
        server: "apicast@3scale-2.8.0-GA gateway/http.d/apicast.conf.liquid (port.metrics = 9421 in gateway/config/production.lua)",
        why: "APICAST_EXTENDED_METRICS=true fills the service_id and service_system_name labels (empty without it: nginx_metrics.lua _M.log); one series per service, so many services mean many series",
    },
    Component {
        dc: "apicast-staging",
        container: "apicast-staging",
        port: 9421,
        env: &[("APICAST_EXTENDED_METRICS", "true")],
        server: "apicast@3scale-2.8.0-GA gateway/http.d/apicast.conf.liquid (port.metrics = 9421 in gateway/config/staging.lua)",
        why: "APICAST_EXTENDED_METRICS=true fills the service_id and service_system_name labels",
    },
    Component {
        dc: "zync",
        container: "zync",
        port: 9393,
        env: &[],
        server: "zync@3scale-2.8.0-GA lib/puma/plugin/yabeda_prometheus.rb (PROMETHEUS_EXPORTER_PORT, default 9393)",
        why: "a PodMonitor scrapes a named container port; the template declares none for 9393",
    },
    Component {
        dc: "zync-que",
        container: "que",
        port: 9394,
        env: &[],
        server: "zync@3scale-2.8.0-GA lib/que/prometheus.rb (Yabeda exporter, default 9394)",
        why: "the template declares port metrics 9394 already",
    },
    Component {
        dc: "system-sidekiq",
        container: "system-sidekiq",
        port: 9394,
        env: &[],
        server: "porta@3scale-2.8.0-GA config/initializers/sidekiq.rb (PROMETHEUS_EXPORTER_PORT, default 9394)",
        why: "a PodMonitor scrapes a named container port; the template declares none for 9394",
    },
    Component {
        dc: "backend-worker",
        container: "backend-worker",
        port: 9421,
        env: &[
            ("CONFIG_WORKER_PROMETHEUS_METRICS_ENABLED", "true"),
            ("CONFIG_WORKER_PROMETHEUS_METRICS_PORT", "9421"),
        ],
        server: "apisonator@3scale-2.8.0-GA lib/3scale/backend/worker_metrics.rb (openshift/3scale_backend.conf reads the two variables)",
        why: "the worker serves metrics only with CONFIG_WORKER_PROMETHEUS_METRICS_ENABLED=true; port 9421 as the operator sets it",
    },
];

/// The component left out, and why.
pub(crate) const NOT_MONITORED: (&str, &str) = (
    "backend-listener",
    "apisonator 2.8 has no listener metrics (CONFIG_LISTENER_PROMETHEUS_METRICS_* first appear in 3scale-2.9.0-GA)",
);

/// The component of deployment config `dc`.
#[cfg(test)]
pub(crate) fn component(dc: &str) -> Option<&'static Component> {
    COMPONENTS.iter().find(|c| c.dc == dc)
}
