//! `monitoring plan | enable | status | disable` against the fake oc (an install of the fixture
//! template, with the deployment configs of the 3scale components that emit metrics in their
//! real shape: tests/support/fixtures/monitoring) and, for status's queries, a fake monitoring
//! API (tests/support/fake-thanos).

use crate::support::{fake_oc, fixtures, TestEnv};
use fake_thanos::{Port, Series, Target, User};
use serde_json::{json, Value};
use std::process::{Command, Stdio};

const PROJECT: &str = "3scale-apim";
const TOKEN: &str = "sha256~fake-developer-token-0000000000000000000000";
/// The PodMonitors `enable` makes: one per component that emits metrics.
const MONITORED: &[&str] = &[
    "apicast-production",
    "apicast-staging",
    "zync",
    "zync-que",
    "system-sidekiq",
    "backend-worker",
];

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{stdout}"))
}

/// Runs the fake oc as the test's own hand on the cluster.
fn oc(env: &TestEnv, args: &[&str], stdin: &[u8]) {
    use std::io::Write;
    let mut child = Command::new(fake_oc())
        .args(args)
        .env("FAKE_OC_DIR", env.root().join("cluster"))
        .env("HOME", env.root().join("home"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "oc {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An install whose components are those of the real template: the fixture's apicast
/// deployment configs replaced, the others added.
fn installed() -> TestEnv {
    let env = TestEnv::new();
    env.run(&["--yes", "--wildcard-domain", "apps.cluster.example.com"])
        .assert_code(0);
    add_components(&env);
    env.clear_calls();
    env
}

fn add_components(env: &TestEnv) {
    let text =
        std::fs::read_to_string(fixtures().join("monitoring/deploymentconfigs.yml")).unwrap();
    let list: Value = serde_yaml::from_str(&text).unwrap();
    let (present, absent): (Vec<Value>, Vec<Value>) = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .cloned()
        .partition(|dc| {
            env.object(
                PROJECT,
                "DeploymentConfig",
                dc["metadata"]["name"].as_str().unwrap(),
            )
            .is_some()
        });
    for (verb, items) in [("replace", present), ("create", absent)] {
        let doc = json!({"apiVersion": "v1", "kind": "List", "items": items}).to_string();
        oc(env, &[verb, "-f", "-", "-n", PROJECT], doc.as_bytes());
    }
}

fn of_kind(env: &TestEnv, kind: &str) -> Vec<Value> {
    env.objects(PROJECT)
        .into_iter()
        .filter(|o| o["kind"] == kind)
        .collect()
}

fn names(objects: &[Value]) -> Vec<String> {
    let mut n: Vec<String> = objects
        .iter()
        .map(|o| o["metadata"]["name"].as_str().unwrap().to_string())
        .collect();
    n.sort();
    n
}

fn container<'a>(dc: &'a Value, name: &str) -> &'a Value {
    dc["spec"]["template"]["spec"]["containers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap()
}

fn templates(env: &TestEnv) -> Vec<(String, Value)> {
    of_kind(env, "DeploymentConfig")
        .into_iter()
        .map(|d| {
            (
                d["metadata"]["name"].as_str().unwrap().to_string(),
                d["spec"]["template"].clone(),
            )
        })
        .collect()
}

fn dashboards_dir(env: &TestEnv) -> std::path::PathBuf {
    env.root()
        .join("state/threescale-install/api.crc.testing-6443/3scale-apim/dashboards")
}

#[test]
fn plan_says_user_workload_monitoring_is_off_and_prints_the_admins_change() {
    let env = installed();
    // As a cluster admin, who may read the monitoring config.
    env.cluster(|s| s["cluster_admin"] = json!(true));
    let run = env.run(&["monitoring", "plan"]);
    run.assert_code(0);
    assert!(
        run.stdout.contains("user-workload monitoring: off"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(r#"oc -n openshift-monitoring patch configmap cluster-monitoring-config --type=merge -p '{"data":{"config.yaml":"enableUserWorkload: true\n"}}'"#),
        "{}",
        run.stdout
    );
    for change in [
        "patch dc/backend-worker (container backend-worker): add env CONFIG_WORKER_PROMETHEUS_METRICS_ENABLED=true, CONFIG_WORKER_PROMETHEUS_METRICS_PORT=9421 and port metrics 9421/TCP; starts a rollout of backend-worker",
        "patch dc/zync (container zync): add port metrics 9393/TCP",
        "patch dc/system-sidekiq (container system-sidekiq): add port metrics 9394/TCP",
        "patch dc/apicast-production (container apicast-production): add env APICAST_EXTENDED_METRICS=true",
        "podmonitor/zync-que",
        "prometheusrule/threescale-2.8",
        "backend-listener is not scraped",
    ] {
        assert!(run.stdout.contains(change), "{change}:\n{}", run.stdout);
    }
    assert!(
        !run.stdout.contains("dc/backend-listener"),
        "{}",
        run.stdout
    );
    assert_eq!(
        env.mutating_commands(),
        Vec::<String>::new(),
        "plan changes nothing"
    );
    assert!(!dashboards_dir(&env).exists());

    // A developer may not read it: cannot tell, and the change to make, in JSON too.
    env.cluster(|s| s["cluster_admin"] = json!(false));
    let run = env.run(&["monitoring", "plan", "-o", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(doc["stack"]["user_workload_monitoring"], "unknown");
    assert!(doc["stack"]["user_workload_monitoring_detail"]
        .as_str()
        .unwrap()
        .contains("only cluster admins may read openshift-monitoring/cluster-monitoring-config"));
    assert!(doc["stack"]["admin_change"]
        .as_str()
        .unwrap()
        .contains("enableUserWorkload: true"));
    assert_eq!(
        doc["stack"]["rights"]["create PodMonitors"]["allowed"],
        true
    );
    assert_eq!(doc["changes"].as_array().unwrap().len(), 7, "{doc:#}");

    // On: nothing for an admin to do.
    env.cluster(|s| {
        s["cluster_admin"] = json!(true);
        s["user_workload_monitoring"] = json!(true);
    });
    let doc = json(&env.run(&["monitoring", "plan", "-o", "json"]).stdout);
    assert_eq!(doc["stack"]["user_workload_monitoring"], "on");
    assert!(doc["stack"]["admin_change"].is_null());
}

/// Six PodMonitors of the install's components and its rules, for the project.
fn assert_monitors_and_rules(env: &TestEnv) {
    assert_eq!(names(&of_kind(env, "PodMonitor")), {
        let mut m: Vec<String> = MONITORED.iter().map(|s| s.to_string()).collect();
        m.sort();
        m
    });
    for pm in of_kind(env, "PodMonitor") {
        let name = pm["metadata"]["name"].as_str().unwrap();
        assert_eq!(
            pm["spec"]["selector"]["matchLabels"],
            json!({"deploymentConfig": name})
        );
        assert_eq!(
            pm["spec"]["podMetricsEndpoints"],
            json!([{"port": "metrics", "path": "/metrics", "scheme": "http"}])
        );
        assert_eq!(
            pm["metadata"]["labels"]["threescale-install/monitoring"],
            "install"
        );
    }
    let rules = of_kind(env, "PrometheusRule");
    assert_eq!(names(&rules), ["threescale-2.8"]);
    let text = rules[0].to_string();
    assert!(!text.contains("apicast_status") && !text.contains("apisonator_listener"));
    assert!(
        text.contains(r#"namespace=\"3scale-apim\""#),
        "the project is in every rule"
    );
}

/// The patches: the worker's opt-in and port, the ports of zync and sidekiq, apicast's env.
fn assert_monitoring_patches(env: &TestEnv, before: &[(String, Value)]) {
    let dc = |n: &str| env.object(PROJECT, "DeploymentConfig", n).unwrap();
    let worker = dc("backend-worker");
    let w = container(&worker, "backend-worker");
    assert_eq!(
        w["env"],
        json!([{"name": "CONFIG_WORKER_PROMETHEUS_METRICS_ENABLED", "value": "true"}, {"name": "CONFIG_WORKER_PROMETHEUS_METRICS_PORT", "value": "9421"}])
    );
    assert_eq!(
        w["ports"],
        json!([{"name": "metrics", "containerPort": 9421, "protocol": "TCP"}])
    );
    assert_eq!(
        worker["status"]["latestVersion"], 2,
        "the patch started a rollout"
    );
    assert!(container(&dc("zync"), "zync")["ports"]
        .to_string()
        .contains(r#""containerPort":9393,"name":"metrics""#));
    assert!(container(&dc("system-sidekiq"), "system-sidekiq")["ports"]
        .to_string()
        .contains("9394"));
    assert!(container(&dc("apicast-staging"), "apicast-staging")["env"]
        .to_string()
        .contains("APICAST_EXTENDED_METRICS"));
    assert_eq!(
        templates(env).iter().find(|(n, _)| n == "backend-listener"),
        before.iter().find(|(n, _)| n == "backend-listener"),
        "the listener is left alone"
    );
    assert_eq!(
        templates(env).iter().find(|(n, _)| n == "zync-que"),
        before.iter().find(|(n, _)| n == "zync-que"),
        "zync-que has its port"
    );
}

fn assert_dashboards_written(env: &TestEnv) {
    let files: Vec<String> = std::fs::read_dir(dashboards_dir(env))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 5, "{files:?}");
    let apicast: Value = serde_json::from_str(
        &std::fs::read_to_string(dashboards_dir(env).join("threescale-apicast.json")).unwrap(),
    )
    .unwrap();
    assert!(apicast["panels"].as_array().unwrap().len() > 5);
}

#[test]
fn enable_creates_six_pod_monitors_and_rules_a_rerun_changes_nothing_and_disable_leaves_none() {
    let env = installed();
    let before = templates(&env);
    let run = env.run(&["monitoring", "enable", "--yes"]);
    run.assert_code(0);
    assert_monitors_and_rules(&env);
    assert_monitoring_patches(&env, &before);
    assert_dashboards_written(&env);
    assert!(
        run.stdout
            .contains("Monitoring is enabled in project 3scale-apim"),
        "{}",
        run.stdout
    );

    // Again: not one mutating call.
    env.clear_calls();
    let again = env.run(&["monitoring", "enable", "--yes", "-o", "json"]);
    again.assert_code(0);
    assert_eq!(
        env.mutating_commands(),
        Vec::<String>::new(),
        "{}",
        again.stderr
    );

    env.clear_calls();
    env.run(&["monitoring", "disable", "--yes"]).assert_code(0);
    assert!(of_kind(&env, "PodMonitor").is_empty() && of_kind(&env, "PrometheusRule").is_empty());
    assert_eq!(templates(&env), before, "every patch taken back");
    assert!(of_kind(&env, "DeploymentConfig")
        .iter()
        .all(|d| d["metadata"]["annotations"]["threescale-install/monitoring-patch"].is_null()));
    assert_eq!(std::fs::read_dir(dashboards_dir(&env)).unwrap().count(), 0);
    assert!(env
        .mutating_commands()
        .iter()
        .all(|c| c.starts_with("oc patch") || c.starts_with("oc delete")));
    env.clear_calls();
    env.run(&["monitoring", "disable", "--yes"]).assert_code(0);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn dry_run_changes_nothing_and_without_yes_nothing_is_asked_without_a_terminal() {
    let env = installed();
    let before = templates(&env);
    let run = env.run(&["monitoring", "enable", "--dry-run"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("monitoring enable would, in project 3scale-apim"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("create podmonitor/apicast-production"),
        "{}",
        run.stdout
    );
    let run = env.run(&["monitoring", "enable"]);
    run.assert_code(2);
    assert!(run.stderr.contains("pass --yes"), "{}", run.stderr);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    assert_eq!(templates(&env), before);
    assert!(of_kind(&env, "PodMonitor").is_empty() && of_kind(&env, "PrometheusRule").is_empty());
    assert!(!dashboards_dir(&env).exists(), "no local file either");

    env.run(&["monitoring", "enable", "--yes"]).assert_code(0);
    let enabled = templates(&env);
    env.clear_calls();
    let run = env.run(&["monitoring", "disable", "--dry-run", "-o", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(doc["dry_run"], true);
    assert_eq!(doc["changes"].as_array().unwrap().len(), 7, "{doc:#}");
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    assert_eq!(templates(&env), enabled);
    assert_eq!(of_kind(&env, "PodMonitor").len(), 6);
    assert_eq!(std::fs::read_dir(dashboards_dir(&env)).unwrap().count(), 5);
}

#[test]
fn without_the_right_to_make_pod_monitors_nothing_changes_and_monitoring_edit_is_named() {
    let env = installed();
    env.cluster(|s| s["denied"] = json!(["create podmonitors"]));
    let run = env.run(&["monitoring", "enable", "--yes"]);
    run.assert_code(3);
    assert!(
        run.stderr
            .contains("create podmonitors.monitoring.coreos.com in project 3scale-apim"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("oc adm policy add-role-to-user monitoring-edit developer -n 3scale-apim"),
        "{}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn a_project_without_3scale_is_refused() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["projects"] =
            json!({"empty": {"display_name": "", "requester": "developer", "objects": []}})
    });
    let run = env.run(&["monitoring", "enable", "--yes", "--project", "empty"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("holds none of 3scale's deployment configs"),
        "{}",
        run.stderr
    );
    let run = env.run(&["monitoring", "plan", "--project", "nope"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("project nope does not exist"),
        "{}",
        run.stderr
    );
}

#[test]
fn grafana_operator_dashboards_where_its_api_is() {
    let env = installed();
    env.cluster(|s| s["apis"] = json!(["integreatly.org"]));
    env.run(&["monitoring", "enable", "--yes"]).assert_code(0);
    let dashboards = of_kind(&env, "GrafanaDashboard");
    assert_eq!(dashboards.len(), 5);
    let d = dashboards
        .iter()
        .find(|d| d["metadata"]["name"] == "threescale-zync")
        .unwrap();
    assert_eq!(d["apiVersion"], "integreatly.org/v1alpha1");
    assert_eq!(d["metadata"]["labels"]["monitoring-key"], "middleware");
    let inner: Value = serde_json::from_str(d["spec"]["json"].as_str().unwrap()).unwrap();
    assert_eq!(inner["title"], "3scale 2.8 / zync (3scale-apim)");
    env.run(&["monitoring", "disable", "--yes"]).assert_code(0);
    assert!(of_kind(&env, "GrafanaDashboard").is_empty());

    // v5: the dashboards name the project's Grafana by its labels.
    env.cluster(|s| s["apis"] = json!(["grafana.integreatly.org"]));
    let grafana = json!({"apiVersion": "grafana.integreatly.org/v1beta1", "kind": "Grafana", "metadata": {"name": "grafana", "labels": {"dashboards": "grafana"}}, "spec": {}});
    oc(
        &env,
        &["create", "-f", "-", "-n", PROJECT],
        grafana.to_string().as_bytes(),
    );
    env.run(&["monitoring", "enable", "--yes"]).assert_code(0);
    let d = of_kind(&env, "GrafanaDashboard");
    assert_eq!(d.len(), 5);
    assert_eq!(d[0]["apiVersion"], "grafana.integreatly.org/v1beta1");
    assert_eq!(
        d[0]["spec"]["instanceSelector"],
        json!({"matchLabels": {"dashboards": "grafana"}})
    );
}

#[test]
fn uninstall_deletes_what_enable_made() {
    let env = installed();
    env.run(&["monitoring", "enable", "--yes"]).assert_code(0);
    let run = env.run(&["uninstall", "--yes", "-o", "json"]);
    run.assert_code(0);
    let deleted = json(&run.stdout)["deleted"].to_string();
    assert!(
        deleted.contains("podmonitor/zync") && deleted.contains("prometheusrule/threescale-2.8"),
        "{deleted}"
    );
    assert!(of_kind(&env, "PodMonitor").is_empty() && of_kind(&env, "PrometheusRule").is_empty());
}

// ---- status ------------------------------------------------------------------------------------

fn developer(namespaces: &[&str], view: bool) -> User {
    User {
        name: "developer".into(),
        token: TOKEN.into(),
        cluster_monitoring_view: view,
        namespaces: namespaces.iter().map(|s| s.to_string()).collect(),
    }
}

/// A monitoring API with the install's targets (backend-worker's down) and the series of a few
/// metrics.
fn thanos(port: Port, user: User) -> fake_thanos::Server {
    let server = fake_thanos::Server::start(
        port,
        vec![user],
        "thanos-querier-openshift-monitoring.apps.cluster.example.com",
    );
    for pm in MONITORED {
        let up = *pm != "backend-worker";
        let pod = format!("{pm}-2-abcde");
        server.add_target(Target::pod(PROJECT, pm, &pod, up));
        server.add_series(Series::new(
            "up",
            &[
                ("job", &format!("{PROJECT}/{pm}")),
                ("namespace", PROJECT),
                ("pod", &pod),
            ],
            if up { "1" } else { "0" },
        ));
    }
    server.add_series(Series::new(
        "upstream_status",
        &[("namespace", PROJECT), ("status", "200")],
        "12",
    ));
    server.add_series(Series::new(
        "nginx_http_connections",
        &[("namespace", PROJECT), ("state", "active")],
        "3",
    ));
    server.add_series(Series::new(
        "upstream_status",
        &[("namespace", "other"), ("status", "500")],
        "1",
    ));
    server.answer(
        r#"up{job=~".*/backend-worker",namespace="3scale-apim"} == 0"#,
        vec![Series::new(
            "up",
            &[("job", "3scale-apim/backend-worker")],
            "0",
        )],
    );
    server
}

fn status(env: &TestEnv, server: &fake_thanos::Server, extra: &[&str]) -> crate::support::Run {
    let ca = server.ca_pem_path().to_str().unwrap().to_string();
    let url = server.url();
    let mut args = vec![
        "monitoring",
        "status",
        "--monitoring-url",
        url.as_str(),
        "--ca-file",
        ca.as_str(),
    ];
    args.extend(extra);
    env.run(&args)
}

/// Metrics no series answers for, with the component that emits them.
fn assert_metrics_without_series(q: &Value) {
    let without: Vec<&str> = q["metrics_without_series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert!(
        !without.contains(&"upstream_status") && without.contains(&"rails_requests_total"),
        "{without:?}"
    );
    let sidekiq = q["metrics_without_series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "sidekiq_jobs_failed_total")
        .unwrap();
    assert_eq!(sidekiq["emitted_by"], "system-sidekiq");
}

/// Every request: GET, the token in the Authorization header only, `namespace=` the project.
fn assert_every_request_carries_the_token_in_its_header(server: &fake_thanos::Server) {
    let requests = server.requests();
    assert!(requests.len() > 10, "{}", requests.len());
    for r in &requests {
        assert_eq!(r.method, "GET");
        assert_eq!(r.authorization.as_deref(), Some("Bearer [redacted]"));
        assert!(!r.token_in_url);
        assert!(
            r.params
                .contains(&("namespace".to_string(), PROJECT.to_string())),
            "{r:?}"
        );
    }
}

#[test]
fn status_queries_targets_and_rules_with_the_token_in_a_header() {
    let env = installed();
    env.run(&["monitoring", "enable", "--yes"]).assert_code(0);
    env.cluster(|s| s["allowed"] = json!(["get namespaces"]));
    let server = thanos(Port::Route, developer(&[], true));
    let run = status(&env, &server, &["-o", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(doc["enabled"], true);
    let q = &doc["query"];
    assert_eq!(q["asked"], true, "{doc:#}");
    assert_eq!(q["targets_from"], "/api/v1/targets");
    let targets = q["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 6);
    assert!(targets
        .iter()
        .any(|t| t["job"] == "3scale-apim/backend-worker"
            && t["up"] == false
            && t["error"].as_str().unwrap().contains("connection refused")));
    assert_eq!(q["jobs_without_target"], json!([]));
    let rules = q["rules"].as_array().unwrap();
    let rule = |a: &str| rules.iter().find(|r| r["alert"] == a).unwrap();
    assert_eq!(rule("ThreescaleBackendWorkerJobDown")["firing"], true);
    assert_eq!(rule("ThreescaleApicastJobDown")["firing"], false);
    assert_eq!(rule("ThreescaleApicastJobDown")["no_data"], json!([]));
    assert_eq!(
        rule("ThreescaleSystemSidekiqFailedJobs")["no_data"],
        json!(["sidekiq_jobs_failed_total"])
    );
    assert_metrics_without_series(q);

    assert_every_request_carries_the_token_in_its_header(&server);
    let text = status(&env, &server, &[]);
    assert!(
        text.stdout
            .contains("targets (/api/v1/targets): 5 up, 1 down"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("rule ThreescaleBackendWorkerJobDown: firing"),
        "{}",
        text.stdout
    );
    // The token is nowhere: not printed, not in the transcript, not in any argv.
    let transcript = std::fs::read_to_string(
        env.root()
            .join("state/threescale-install/api.crc.testing-6443/3scale-apim/transcript.log"),
    )
    .unwrap();
    assert!(
        transcript.contains("oc whoami -t"),
        "the token was read from oc"
    );
    for (what, text) in [
        ("stdout", &text.stdout),
        ("stderr", &text.stderr),
        ("transcript", &transcript),
    ] {
        assert!(!text.contains(TOKEN), "the token in the {what}");
    }
}

#[test]
fn status_on_the_tenancy_port_reads_targets_from_up() {
    let env = installed();
    env.run(&["monitoring", "enable", "--yes"]).assert_code(0);
    let server = thanos(Port::Tenancy, developer(&[PROJECT], false));
    let run = status(&env, &server, &["-o", "json"]);
    run.assert_code(0);
    let q = &json(&run.stdout)["query"];
    assert_eq!(q["targets_from"], "up", "{q:#}");
    assert_eq!(q["targets"].as_array().unwrap().len(), 6);
    assert!(server
        .requests()
        .iter()
        .any(|r| r.path == "/api/v1/targets" && r.status == 404));
}

#[test]
fn status_without_the_role_says_which_is_missing_and_a_refused_token_says_so() {
    let env = installed();
    let run = env.run(&["monitoring", "status", "-o", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(doc["enabled"], false);
    assert_eq!(doc["query"]["asked"], false);
    assert!(
        doc["query"]["why"]
            .as_str()
            .unwrap()
            .contains("lacks the cluster-monitoring-view role"),
        "{doc:#}"
    );
    assert!(doc["query"]["instead"]
        .as_str()
        .unwrap()
        .contains("oc adm policy add-cluster-role-to-user cluster-monitoring-view developer"));
    assert_eq!(doc["components"].as_array().unwrap().len(), 6);

    // A token the API refuses (no cluster-monitoring-view behind the route).
    let server = thanos(Port::Route, developer(&[], false));
    let run = status(&env, &server, &[]);
    run.assert_code(0);
    assert!(run.stdout.contains("HTTP 403"), "{}", run.stdout);
    assert!(
        run.stdout.contains("cluster-monitoring-view"),
        "{}",
        run.stdout
    );
    // A session without a token.
    env.cluster(|s| s["token"] = Value::Null);
    let run = status(&env, &server, &["-o", "json"]);
    assert!(json(&run.stdout)["query"]["why"]
        .as_str()
        .unwrap()
        .contains("no bearer token"));
    let run = env.run(&[
        "monitoring",
        "status",
        "--monitoring-url",
        "http://thanos:9091",
    ]);
    run.assert_code(2);
    assert!(run.stderr.contains("not an https:// URL"), "{}", run.stderr);
}

// ---- gateways ----------------------------------------------------------------------------------

#[test]
fn a_gateway_added_while_monitoring_is_enabled_gets_a_pod_monitor_and_loses_it_with_it() {
    let gw = crate::gateway::installed();
    let env = &gw.env;
    add_components(env);
    // Without monitoring: no PodMonitor.
    env.run(crate::gateway::ADD).assert_code(0);
    assert!(env
        .objects("apicast-eu")
        .iter()
        .all(|o| o["kind"] != "PodMonitor"));
    env.run(&["monitoring", "enable", "--yes", "--project", PROJECT])
        .assert_code(0);
    let run = env.run(crate::gateway::ADD);
    run.assert_code(0);
    let pm: Vec<Value> = env
        .objects("apicast-eu")
        .into_iter()
        .filter(|o| o["kind"] == "PodMonitor")
        .collect();
    assert_eq!(pm.len(), 1, "{}", run.stderr);
    assert_eq!(
        pm[0]["spec"]["selector"]["matchLabels"],
        json!({"deploymentconfig": "apicast-eu"})
    );
    assert_eq!(
        pm[0]["metadata"]["labels"]["threescale-install/gateway"],
        "apicast-eu"
    );
    env.clear_calls();
    env.run(crate::gateway::ADD).assert_code(0);
    assert_eq!(
        env.mutating_commands(),
        Vec::<String>::new(),
        "a re-run makes nothing"
    );
    env.run(&["gateway", "remove", "apicast-eu", "--yes"])
        .assert_code(0);
    assert!(env
        .objects("apicast-eu")
        .iter()
        .all(|o| o["kind"] != "PodMonitor"));
}

#[test]
fn a_user_who_may_not_list_the_monitoring_objects_is_told_so_and_nothing_changes() {
    let env = installed();
    env.cluster(|s| s["denied"] = json!(["list podmonitors"]));
    let run = env.run(&["monitoring", "enable", "--yes"]);
    run.assert_code(3);
    assert!(
        run.stderr
            .contains("you may not list PodMonitors and PrometheusRules in project 3scale-apim"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("monitoring-edit"), "{}", run.stderr);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    let doc = json(&env.run(&["monitoring", "status", "-o", "json"]).stdout);
    assert!(doc["enabled"].is_null(), "{doc:#}");
    assert!(doc["objects_error"]
        .as_str()
        .unwrap()
        .contains("you may not list"));
}
