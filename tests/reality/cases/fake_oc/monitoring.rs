//! The calls of `monitoring plan | enable | status | disable` (src/monitoring/observe.rs,
//! action.rs and query.rs, src/oc/args.rs `patch_json`, `Oc::token`) through the fake oc and the
//! real oc: the monitoring objects listed, created, replaced and deleted, the Grafana operator's
//! APIs absent, the monitoring config read by a developer and by a cluster admin, the rights
//! asked, the session's token, and deployment configs patched with guarded JSON patches.

use super::twin::Twin;
use super::{list, twin, PROJECT};
use crate::world::World;
use serde_json::{json, Value};

/// What a deployment config's listing is compared on: everything but its status (a rollout in
/// the simulator runs its own course; the fake's is instant).
fn without_status(item: &mut Value) -> bool {
    if let Some(o) = item.as_object_mut() {
        o.remove("status");
    }
    true
}
const WITHOUT_STATUS: &str =
    "deployment configs without their status (each simulation rolls out in its own way)";

fn pod_monitor(name: &str) -> Value {
    json!({"apiVersion": "monitoring.coreos.com/v1", "kind": "PodMonitor",
        "metadata": {"name": name, "labels": {"app.kubernetes.io/managed-by": "threescale-install", "threescale-install/monitoring": "install"}},
        "spec": {"selector": {"matchLabels": {"deploymentConfig": name}},
                 "podMetricsEndpoints": [{"port": "metrics", "path": "/metrics", "scheme": "http"}]}})
}

fn rule() -> Value {
    json!({"apiVersion": "monitoring.coreos.com/v1", "kind": "PrometheusRule",
        "metadata": {"name": "threescale-2.8", "labels": {"app.kubernetes.io/managed-by": "threescale-install", "threescale-install/monitoring": "install"}},
        "spec": {"groups": [{"name": "threescale-2.8.zync", "rules": [{"alert": "ThreescaleZyncJobDown",
            "expr": "up{job=~\".*/zync\",namespace=\"3scale-twin\"} == 0", "for": "1m",
            "labels": {"severity": "critical"}, "annotations": {"summary": "a zync target is down"}}]}]}})
}

/// zync's deployment config as amp.yml at 2.8.0.GA has it, in what monitoring reads.
fn zync() -> Value {
    json!({"apiVersion": "apps.openshift.io/v1", "kind": "DeploymentConfig",
        "metadata": {"name": "zync", "labels": {"app": "3scale-api-management", "threescale_component": "zync"}},
        "spec": {"replicas": 1, "selector": {"deploymentConfig": "zync"},
            "template": {"metadata": {"labels": {"deploymentConfig": "zync"}},
                "spec": {"containers": [{"name": "zync", "image": "quay.io/3scale/zync:2.8",
                    "ports": [{"containerPort": 8080, "protocol": "TCP"}]}]}},
            "triggers": [{"type": "ConfigChange"}]}})
}

const SELECTOR: &str =
    "app.kubernetes.io/managed-by=threescale-install,threescale-install/monitoring=install";

pub fn run(world: &World) {
    let twin = twin(world);
    let token = kubeconfig_token(world);
    twin.edit_fake_state(|s| s["token"] = json!(token));
    twin.exchange(
        "a new project",
        &["new-project", PROJECT, "--skip-config-write"],
    )
    .run();
    world.sim().settle();
    reads(&twin, world);
    changes(&twin);
    patches(&twin, world);
    twin.assert_alike();
}

/// The token of the case's kubeconfig (the simulator's user's).
fn kubeconfig_token(world: &World) -> String {
    std::fs::read_to_string(world.kubeconfig())
        .expect("the kubeconfig")
        .lines()
        .find_map(|l| l.trim().strip_prefix("token: "))
        .map(|t| t.trim_matches('"').to_string())
        .expect("the kubeconfig has a token")
}

/// `oc get configmap cluster-monitoring-config` in openshift-monitoring.
const MONITORING_CONFIG: &[&str] = &[
    "get",
    "configmap",
    "cluster-monitoring-config",
    "-o",
    "json",
    "--ignore-not-found",
    "-n",
    "openshift-monitoring",
];

/// What `monitoring plan` reads as a developer, compared one by one.
const DEVELOPER_READS: &[(&str, &[&str])] = &[
    ("the session's token", &["whoami", "-t"]),
    (
        "the project's monitoring objects",
        &[
            "get",
            "podmonitors.monitoring.coreos.com,prometheusrules.monitoring.coreos.com",
            "-o",
            "json",
            "-n",
            PROJECT,
        ],
    ),
    (
        "the Grafana operator's v5 API, absent",
        &[
            "get",
            "grafanadashboards.grafana.integreatly.org",
            "-o",
            "json",
            "-n",
            PROJECT,
        ],
    ),
    (
        "the Grafana operator's v4 API, absent",
        &[
            "get",
            "grafanadashboards.integreatly.org",
            "-o",
            "json",
            "-l",
            SELECTOR,
            "-n",
            PROJECT,
        ],
    ),
    ("the monitoring config, as a developer", MONITORING_CONFIG),
    (
        "Thanos Querier's route, as a developer",
        &[
            "get",
            "route",
            "thanos-querier",
            "-o",
            "json",
            "--ignore-not-found",
            "-n",
            "openshift-monitoring",
        ],
    ),
    (
        "may view the cluster's metrics: no",
        &["auth", "can-i", "get", "namespaces"],
    ),
    (
        "may create PodMonitors: yes",
        &[
            "auth",
            "can-i",
            "create",
            "podmonitors.monitoring.coreos.com",
            "-n",
            PROJECT,
        ],
    ),
    (
        "may patch deployment configs: yes",
        &[
            "auth",
            "can-i",
            "patch",
            "deploymentconfigs.apps.openshift.io",
            "-n",
            PROJECT,
        ],
    ),
];

fn reads(twin: &Twin, world: &World) {
    for (what, args) in DEVELOPER_READS {
        twin.exchange(what, args).run();
    }
    // A cluster admin reads the config (user-workload monitoring off, as on a new cluster) and
    // may view the cluster's metrics.
    let admin = world.sim().kubeconfig_for("kube:admin");
    let saved = twin.fake_state();
    twin.edit_fake_state(|s| {
        s["user"] = json!("kube:admin");
        s["cluster_admin"] = json!(true);
    });
    twin.exchange(
        "the monitoring config, as a cluster admin",
        MONITORING_CONFIG,
    )
    .real_kubeconfig(&admin)
    .run();
    twin.exchange(
        "may view the cluster's metrics, as a cluster admin: yes",
        &["auth", "can-i", "get", "namespaces"],
    )
    .real_kubeconfig(&admin)
    .run();
    twin.write_fake_state(saved);
}

fn changes(twin: &Twin) {
    let create = ["create", "-f", "-", "-n", PROJECT];
    let objects = [pod_monitor("zync"), pod_monitor("zync-que"), rule()];
    twin.exchange("the PodMonitors and the rule created", &create)
        .stdin(list(&objects))
        .run();
    twin.exchange("created again: they exist", &create)
        .stdin(list(&objects[..1]))
        .run();
    twin.exchange("a GrafanaDashboard where the API is not", &create)
        .stdin(list(&[
            json!({"apiVersion": "integreatly.org/v1alpha1", "kind": "GrafanaDashboard",
        "metadata": {"name": "threescale-zync"}, "spec": {"json": "{}"}}),
        ]))
        .run();
    let labelled = [
        "get",
        "podmonitors.monitoring.coreos.com",
        "-o",
        "json",
        "-l",
        SELECTOR,
        "-n",
        PROJECT,
    ];
    twin.exchange("the labelled PodMonitors", &labelled).run();
    let mut changed = rule();
    changed["spec"]["groups"][0]["rules"][0]["for"] = json!("5m");
    twin.exchange("the rule replaced", &["replace", "-f", "-", "-n", PROJECT])
        .stdin(list(&[changed]))
        .run();
    let delete = [
        "delete",
        "podmonitors.monitoring.coreos.com/zync",
        "podmonitors.monitoring.coreos.com/zync-que",
        "prometheusrules.monitoring.coreos.com/threescale-2.8",
        "--ignore-not-found",
        "--wait=true",
        "-n",
        PROJECT,
    ];
    twin.exchange("what enable made deleted", &delete).run();
    twin.exchange("deleted again: nothing left", &delete).run();
}

fn patches(twin: &Twin, world: &World) {
    twin.exchange("zync created", &["create", "-f", "-", "-n", PROJECT])
        .stdin(list(&[zync()]))
        .run();
    world.sim().settle();
    let patch = |ops: Value| {
        vec![
            "patch".to_string(),
            "deploymentconfigs.apps.openshift.io/zync".into(),
            "--type=json".into(),
            "-p".into(),
            ops.to_string(),
            "-n".into(),
            PROJECT.into(),
        ]
    };
    let add = json!([
        {"op": "test", "path": "/spec/template/spec/containers/0/name", "value": "zync"},
        {"op": "add", "path": "/spec/template/spec/containers/0/ports/-", "value": {"name": "metrics", "containerPort": 9393, "protocol": "TCP"}},
        {"op": "add", "path": "/metadata/annotations", "value": {"threescale-install/monitoring-patch": "{\"container\":\"zync\",\"env\":[],\"port\":9393}"}}
    ]);
    let wrong =
        json!([{"op": "test", "path": "/spec/template/spec/containers/0/name", "value": "que"}]);
    let revert = json!([
        {"op": "test", "path": "/spec/template/spec/containers/0/name", "value": "zync"},
        {"op": "test", "path": "/spec/template/spec/containers/0/ports/1/name", "value": "metrics"},
        {"op": "remove", "path": "/spec/template/spec/containers/0/ports/1"},
        {"op": "remove", "path": "/metadata/annotations/threescale-install~1monitoring-patch"}
    ]);
    for (what, ops) in [
        ("zync's metrics port added", add),
        ("a container that is not there: the test fails", wrong),
        (
            "nothing to change",
            json!([{"op": "test", "path": "/metadata/name", "value": "zync"}]),
        ),
    ] {
        let args = patch(ops);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        twin.exchange(what, &args).run();
    }
    let dcs = [
        "get",
        "deploymentconfigs.apps.openshift.io",
        "-o",
        "json",
        "-n",
        PROJECT,
    ];
    twin.exchange("the patched deployment config", &dcs)
        .items(without_status, WITHOUT_STATUS)
        .run();
    let args = patch(revert);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    twin.exchange("the patch taken back", &args).run();
    twin.exchange("the deployment config as it was", &dcs)
        .items(without_status, WITHOUT_STATUS)
        .run();
    twin.exchange(
        "a deployment config that is not there",
        &[
            "patch",
            "deploymentconfigs.apps.openshift.io/nope",
            "--type=json",
            "-p",
            "[]",
            "-n",
            PROJECT,
        ],
    )
    .run();
}
