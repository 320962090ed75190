//! Monitoring of an install of the real 2.8.0.GA templates with the real oc: `monitoring plan`
//! tells a developer it cannot read user-workload monitoring's state and tells a cluster admin
//! it is off (the simulator seeds it off, as on a new cluster) with the change to make; `enable
//! --dry-run` changes nothing; `enable --yes` patches the real deployment configs and creates
//! the six PodMonitors and the rule; a re-run makes no mutating request; `status` (with a fake
//! monitoring API as the admin) asks it with the token in a header; `disable --yes` leaves none
//! of it and the deployment configs as they were; `uninstall` takes what `enable` made. After
//! every command, no secret (the session's token among them) anywhere.
//!
//! Also: the default tier's deployment configs of the monitored components have the shape of
//! the real template's.

use super::common::{self, Installer, PROJECT};
use crate::process::Run;
use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use fake_thanos::{Port, User};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

pub const CASES: &[Case] = &[
    Case {
        name: "monitoring_enable_rerun_disable_with_the_real_templates",
        needs: Needs::Simulator,
        run: lifecycle,
    },
    Case {
        name: "fixtures_monitored_deployment_configs_have_the_shape_of_the_real_template",
        needs: Needs::AnyCluster,
        run: fixture_shape,
    },
];

const MONITORED: &[&str] = &[
    "apicast-production",
    "apicast-staging",
    "backend-worker",
    "system-sidekiq",
    "zync",
    "zync-que",
];

fn names(world: &World, types: &str) -> Vec<String> {
    let mut n: Vec<String> = common::list(world, types, PROJECT)
        .iter()
        .map(|o| {
            o["metadata"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    n.sort();
    n
}

/// Each deployment config's containers' env and ports: what monitoring changes.
fn exposed(world: &World) -> Vec<(String, Value)> {
    common::list(world, "deploymentconfigs.apps.openshift.io", PROJECT)
        .iter()
        .map(|d| {
            let containers: Vec<Value> = d["spec"]["template"]["spec"]["containers"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| serde_json::json!([c["name"], c["env"], c["ports"]]))
                .collect();
            (
                d["metadata"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                Value::Array(containers),
            )
        })
        .collect()
}

#[track_caller]
fn no_mutation_since(world: &World, seq: u64, what: &str) {
    let mutating = world.sim().mutating_requests(seq);
    assert!(
        mutating.is_empty(),
        "{what} made {} mutating request(s): {:?}",
        mutating.len(),
        mutating
    );
}

fn lifecycle(world: &World) {
    let sim = world.start_sim(Scenario::named("happy").speed(60.0));
    Installer::new(world, &["--timeout", "20m"])
        .run()
        .assert_code(&[0]);
    let admin = sim.kubeconfig_for("kube:admin");
    let admin = admin.to_str().unwrap();
    let mut runs: Vec<Run> = vec![plans(world, admin)];
    let before = exposed(world);
    runs.push(enable(world, sim, &before));
    let developer_status = world.run(["monitoring", "status", "-o", "json"]);
    developer_status.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&developer_status.stdout).expect("JSON");
    assert_eq!(doc["enabled"], true);
    assert_eq!(doc["query"]["asked"], false, "{doc:#}");
    runs.push(developer_status);
    runs.push(status_as_admin(world, admin));
    disable_and_uninstall(world, sim, &before);
    assert_no_token_leaks(world, admin, &runs);
}

/// The plan, as a developer (who cannot tell the stack's state) and as a cluster admin.
fn plans(world: &World, admin: &str) -> Run {
    let plan = world.run(["monitoring", "plan"]);
    plan.assert_code(&[0]);
    assert!(
        plan.stdout
            .contains("cannot tell: only cluster admins may read"),
        "{}",
        plan.transcript()
    );
    let plan = world.run(["monitoring", "plan", "--kubeconfig", admin]);
    plan.assert_code(&[0]);
    assert!(
        plan.stdout.contains("user-workload monitoring: off"),
        "{}",
        plan.transcript()
    );
    assert!(
        plan.stdout.contains(
            "oc -n openshift-monitoring patch configmap cluster-monitoring-config --type=merge -p"
        ),
        "{}",
        plan.transcript()
    );

    plan
}

/// Enabled (a dry run first, a second run changing nothing): the monitors, the rule, the
/// worker's patch, the listener untouched.
fn enable(world: &World, sim: &crate::sim::Sim, before: &[(String, Value)]) -> Run {
    let seq = sim.last_seq();
    world
        .run(["monitoring", "enable", "--dry-run"])
        .assert_code(&[0]);
    no_mutation_since(world, seq, "enable --dry-run");

    let enable = world.run(["monitoring", "enable", "--yes", "-o", "json"]);
    enable.assert_code(&[0]);
    assert_eq!(names(world, "podmonitors.monitoring.coreos.com"), MONITORED);
    assert_eq!(
        names(world, "prometheusrules.monitoring.coreos.com"),
        ["threescale-2.8"]
    );
    let after = exposed(world);
    let worker = &after.iter().find(|(n, _)| n == "backend-worker").unwrap().1;
    assert!(
        worker
            .to_string()
            .contains("CONFIG_WORKER_PROMETHEUS_METRICS_ENABLED"),
        "{worker}"
    );
    assert_eq!(
        after.iter().find(|(n, _)| n == "backend-listener"),
        before.iter().find(|(n, _)| n == "backend-listener"),
        "backend-listener is left as it is"
    );

    let seq = sim.last_seq();
    world
        .run(["monitoring", "enable", "--yes"])
        .assert_code(&[0]);
    no_mutation_since(world, seq, "a second enable");

    enable
}

/// Disabled (a dry run first): every patch taken back; enabled again, then uninstalled: nothing left.
fn disable_and_uninstall(world: &World, sim: &crate::sim::Sim, before: &[(String, Value)]) {
    let seq = sim.last_seq();
    world
        .run(["monitoring", "disable", "--dry-run"])
        .assert_code(&[0]);
    no_mutation_since(world, seq, "disable --dry-run");
    world
        .run(["monitoring", "disable", "--yes"])
        .assert_code(&[0]);
    assert!(names(
        world,
        "podmonitors.monitoring.coreos.com,prometheusrules.monitoring.coreos.com"
    )
    .is_empty());
    assert_eq!(exposed(world), before, "every patch taken back");

    world
        .run(["monitoring", "enable", "--yes"])
        .assert_code(&[0]);
    world.run(["uninstall", "--yes"]).assert_code(&[0]);
    assert!(names(
        world,
        "podmonitors.monitoring.coreos.com,prometheusrules.monitoring.coreos.com"
    )
    .is_empty());
}

/// Neither the developer's nor the admin's token is in any output, transcript or object.
fn assert_no_token_leaks(world: &World, admin: &str, runs: &[Run]) {
    let token = |path: &Path| {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("token: ")
                    .map(|t| t.trim_matches('"').to_string())
            })
            .unwrap()
    };
    let (dev_token, admin_token) = (token(&world.kubeconfig()), token(Path::new(admin)));
    let scan = common::secrets_of(
        world,
        PROJECT,
        &[
            ("developer's token", &dev_token),
            ("kube:admin's token", &admin_token),
        ],
    );
    let refs: Vec<&Run> = runs.iter().collect();
    common::assert_no_leak(world, &scan, &refs);
}

/// `monitoring status` as a cluster admin (who may view the cluster's metrics), against a fake
/// monitoring API that knows the admin's token: every request a GET with the token in its
/// Authorization header, none in a URL.
fn status_as_admin(world: &World, admin: &str) -> Run {
    let admin_token = std::fs::read_to_string(admin)
        .unwrap()
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("token: ")
                .map(|t| t.trim_matches('"').to_string())
        })
        .unwrap();
    let server = fake_thanos::Server::start(
        Port::Route,
        vec![User {
            name: "kube:admin".into(),
            token: admin_token,
            cluster_monitoring_view: true,
            namespaces: Vec::new(),
        }],
        "thanos-querier",
    );
    let url = server.url();
    let ca = server.ca_pem_path().to_str().unwrap().to_string();
    let run = world.run([
        "monitoring",
        "status",
        "--kubeconfig",
        admin,
        "--monitoring-url",
        &url,
        "--ca-file",
        &ca,
        "-o",
        "json",
    ]);
    run.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["query"]["asked"], true, "{}", run.transcript());
    assert!(doc["query"]["error"].is_null(), "{doc:#}");
    assert_eq!(
        doc["query"]["jobs_without_target"]
            .as_array()
            .unwrap()
            .len(),
        6,
        "no Prometheus scrapes the simulator"
    );
    let requests = server.requests();
    assert!(!requests.is_empty());
    for r in &requests {
        assert_eq!(
            r.authorization.as_deref(),
            Some("Bearer [redacted]"),
            "{r:?}"
        );
        assert!(!r.token_in_url && r.status == 200, "{r:?}");
    }
    assert!(
        world
            .argv_log()
            .iter()
            .any(|a| a.iter().any(|w| w == "whoami") && a.iter().any(|w| w == "-t")),
        "the token came from oc whoami -t"
    );
    run
}

/// What monitoring depends on in a deployment config, as comparable lines.
fn shape(dc: &Value) -> BTreeSet<String> {
    let name = dc["metadata"]["name"].as_str().unwrap_or("?");
    let template = &dc["spec"]["template"];
    let mut out = BTreeSet::new();
    out.insert(format!(
        "{name}: pods labelled deploymentConfig={}",
        template["metadata"]["labels"]["deploymentConfig"]
            .as_str()
            .unwrap_or("-")
    ));
    if let Some(first) = template["spec"]["containers"]
        .as_array()
        .and_then(|c| c.first())
    {
        out.insert(format!(
            "{name}: first container {}",
            first["name"].as_str().unwrap_or("?")
        ));
    }
    for c in template["spec"]["containers"]
        .as_array()
        .into_iter()
        .flatten()
    {
        for p in c["ports"].as_array().into_iter().flatten() {
            if let Some(port_name) = p["name"].as_str() {
                out.insert(format!("{name}: port {port_name} {}", p["containerPort"]));
            }
        }
        for e in c["env"].as_array().into_iter().flatten() {
            let var = e["name"].as_str().unwrap_or_default();
            if var.contains("PROMETHEUS") || var.contains("METRICS") {
                out.insert(format!("{name}: env {var}"));
            }
        }
    }
    let config_change = dc["spec"]["triggers"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|t| t["type"] == "ConfigChange");
    out.insert(format!("{name}: ConfigChange trigger {config_change}"));
    out
}

fn fixture_shape(world: &World) {
    let read = |p: &Path| -> Value {
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let fixture = read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/support/fixtures/monitoring/deploymentconfigs.yml"),
    );
    let real = read(&world.templates_dir().join("amp/amp.yml"));
    let mut differences = Vec::new();
    for dc in fixture["items"].as_array().into_iter().flatten() {
        let name = dc["metadata"]["name"].as_str().unwrap_or("?");
        let Some(twin) = real["objects"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|o| o["kind"] == "DeploymentConfig" && o["metadata"]["name"] == name)
        else {
            differences.push(format!(
                "{name}: the real amp.yml has no such deployment config"
            ));
            continue;
        };
        let (want, have) = (shape(twin), shape(dc));
        for line in want.symmetric_difference(&have) {
            let whose = if want.contains(line) {
                "the real file"
            } else {
                "the fixture"
            };
            differences.push(format!("only {whose}: {line}"));
        }
    }
    assert!(
        differences.is_empty(),
        "tests/support/fixtures/monitoring drifted from the real amp.yml:\n  - {}",
        differences.join("\n  - ")
    );
}
