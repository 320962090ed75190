//! The install installs the release asked for, from templates that can be trusted, with values
//! the cluster and 3scale accept: each refusal before any change (no mutating oc command) names
//! the value, why, and the fix. The same findings against the real templates, the real oc and
//! the simulator are in the reality tier (`tests/reality/cases/fidelity.rs`).

use crate::support::{fixtures, TestEnv};
use serde_json::json;
use std::path::{Path, PathBuf};

const BASE: &[&str] = &["--yes", "--wildcard-domain", "apps.cluster.example.com"];

/// A copy of the fixture templates with `file` changed by `edit`, used by `env`.
fn edited(env: TestEnv, file: &str, edit: impl FnOnce(String) -> String) -> TestEnv {
    let copy = env.root().join("templates");
    copy_dir(&fixtures().join("templates"), &copy);
    let path = copy.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
    env.env("THREESCALE_TEMPLATES_DIR", copy.to_str().unwrap())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target: PathBuf = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[track_caller]
fn refused(env: &TestEnv, args: &[&str], expected: &[&str]) -> String {
    let run = env.run(&[BASE, args].concat());
    run.assert_code(2);
    for e in expected {
        assert!(run.stderr.contains(e), "{e:?} missing:\n{}", run.stderr);
    }
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    run.stderr.clone()
}

#[test]
fn a_profile_of_another_release_is_refused_before_any_change() {
    let env = edited(TestEnv::new(), "amp/amp-postgresql.yml", |t| {
        t.replace("value: \"2.8\"", "value: \"2.7\"")
            .replace("3scale2.8", "3scale2.7")
    });
    refused(
        &env,
        &["--template", "amp-postgresql"],
        &[
            "profile amp-postgresql (amp/amp-postgresql.yml) installs 3scale 2.7, not 2.8 as amp/amp.yml of this checkout (AMP_RELEASE 2.8) names",
            "release 2.7",
            "AMP_SYSTEM_IMAGE=registry.redhat.io/3scale-amp2/system-rhel7:3scale2.7",
            "use templates of 3scale 2.8",
        ],
    );
    // The other profiles of the same checkout install.
    env.run(BASE).assert_code(0);
}

#[test]
fn image_streams_of_another_release_are_refused() {
    let env = edited(TestEnv::new(), "3scale-image-streams.yml", |t| {
        t.replace("name: 2.8.0.GA", "name: 2.7.0.GA")
            .replace("3scale2.8", "3scale2.7")
    });
    refused(
        &env,
        &[],
        &["3scale-image-streams.yml installs 3scale 2.7, not 2.8"],
    );
}

const CLUSTER_ADMIN_FOR_ALL: &str = "- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata:
    name: everyone-admin
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: cluster-admin
  subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:authenticated
";

fn with_binding(t: String) -> String {
    t.replacen(
        "objects:\n",
        &format!("objects:\n{CLUSTER_ADMIN_FOR_ALL}"),
        1,
    )
}

#[test]
fn objects_outside_the_project_are_refused_unless_allowed() {
    let env = edited(TestEnv::new(), "amp/amp.yml", with_binding);
    refused(
        &env,
        &[],
        &[
            "clusterrolebinding/everyone-admin (a cluster-scoped ClusterRoleBinding",
            "binds ClusterRole cluster-admin; to group system:authenticated",
            "--allow-outside-project",
        ],
    );
    // Allowed, the permission preflight asks for the kind and for binding the role: a
    // developer may do neither, and nothing is created.
    let run = env.run(&[BASE, &["--allow-outside-project"]].concat());
    run.assert_code(3);
    for e in [
        "create clusterrolebindings.rbac.authorization.k8s.io",
        "bind clusterroles.rbac.authorization.k8s.io/cluster-admin",
        "outside-project",
    ] {
        assert!(run.stderr.contains(e), "{e:?} missing:\n{}", run.stderr);
    }
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn a_modified_but_harmless_template_installs_named_modified() {
    let env = edited(TestEnv::new(), "amp/amp.yml", |t| {
        t.replacen("objects:\n", "objects:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: extra-notes\n  data:\n    note: harmless\n", 1)
    });
    let run = env.run(BASE);
    run.assert_code(0);
    assert!(
        run.stderr.contains("amp/amp.yml is modified")
            && run.stderr.contains("objects added: configmap/extra-notes"),
        "{}",
        run.stderr
    );
}

#[test]
fn values_the_cluster_or_3scale_refuse_are_refused_naming_them() {
    let env = TestEnv::new();
    refused(
        &env,
        &["--param", "TENANT_NAME=Bad_Name!"],
        &["TENANT_NAME 'Bad_Name!'", "TENANT_NAME=bad-name"],
    );
    refused(
        &env,
        &["--param", "ADMIN_EMAIL=not-an-email"],
        &["ADMIN_EMAIL 'not-an-email' is not an e-mail address"],
    );
    refused(
        &env,
        &["--param", "TENANT_NAME=master"],
        &["TENANT_NAME 'master' and MASTER_NAME 'master' make the same portal host"],
    );
    for (domain, why) in [("10.1.2.3", "an IP address"), ("com", "a single label")] {
        let run = env.run(&["--yes", "--wildcard-domain", domain]);
        run.assert_code(2);
        assert!(
            run.stderr.contains(domain) && run.stderr.contains(why),
            "{domain}: {}",
            run.stderr
        );
    }
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn a_domain_other_than_the_cluster_s_is_a_warning() {
    let env = TestEnv::new();
    let run = env.run(&["--yes", "--wildcard-domain", "apps.elsewhere.example.org"]);
    run.assert_code(0);
    assert!(
        run.stderr.contains("warning: wildcard-domain: WILDCARD_DOMAIN apps.elsewhere.example.org (from --wildcard-domain) is not the cluster's apps domain apps.cluster.example.com"),
        "{}",
        run.stderr
    );
}

#[test]
fn hosts_another_project_holds_are_refused_naming_the_claimant() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["projects"]["first-3scale"] = json!({
            "display_name": "", "requester": "developer",
            "objects": [{
                "apiVersion": "route.openshift.io/v1", "kind": "Route",
                "metadata": {"name": "zync-3scale-master-x7k2p", "namespace": "first-3scale"},
                "spec": {"host": "master.apps.cluster.example.com", "to": {"kind": "Service", "name": "system-master"}},
                "status": {"ingress": [{"host": "master.apps.cluster.example.com", "routerName": "default",
                    "conditions": [{"type": "Admitted", "status": "True"}]}]}
            }]
        });
    });
    refused(
        &env,
        &[],
        &[
            "master.apps.cluster.example.com (the master portal) is held by route zync-3scale-master-x7k2p in project first-3scale",
            "HostAlreadyClaimed",
            "--param MASTER_NAME=ANOTHER",
        ],
    );
    // Another master name goes ahead.
    env.run(&[BASE, &["--param", "MASTER_NAME=master2"]].concat())
        .assert_code(0);
}

const HA: &[(&str, &str)] = &[
    (
        "THREESCALE_PARAM_SYSTEM_DATABASE_URL",
        "mysql2://app:db-Pw-1x@mysql.example.com:3306/system?sslca=/etc/pki/ca.pem",
    ),
    (
        "THREESCALE_PARAM_SYSTEM_REDIS_URL",
        "redis://:redis-Pw-1@system-redis.example.com:6379/1",
    ),
    (
        "THREESCALE_PARAM_BACKEND_REDIS_STORAGE_ENDPOINT",
        "redis://backend-redis.example.com:6379/0",
    ),
    (
        "THREESCALE_PARAM_BACKEND_REDIS_QUEUES_ENDPOINT",
        "redis://backend-redis.example.com:6379/1",
    ),
];

fn ha(overrides: &[(&str, &str)]) -> TestEnv {
    let mut env = TestEnv::new();
    for (k, v) in HA.iter().chain(overrides) {
        env = env.env(k, v);
    }
    env.cluster(|s| {
        s["openshift_version"] = json!("4.11.20");
        s["kube_version"] = json!("v1.24.6+5658434");
    });
    env
}

#[test]
fn external_databases_follow_3scale_2_8_s_rules() {
    let profile: &[&str] = &["--template", "amp-ha-tech-preview"];
    let same = ha(&[(
        "THREESCALE_PARAM_BACKEND_REDIS_STORAGE_ENDPOINT",
        "redis://system-redis.example.com:6379/0",
    )]);
    refused(&same, profile, &["BACKEND_REDIS_STORAGE_ENDPOINT (redis://system-redis.example.com:6379/0) and SYSTEM_REDIS_URL (redis://:••••••@system-redis.example.com:6379/1) are the same Redis instance"]);
    let one_db = ha(&[(
        "THREESCALE_PARAM_BACKEND_REDIS_QUEUES_ENDPOINT",
        "redis://backend-redis.example.com:6379/0",
    )]);
    refused(&one_db, profile, &["must be distinct databases"]);
    let tls = ha(&[(
        "THREESCALE_PARAM_SYSTEM_REDIS_URL",
        "rediss://:redis-Pw-1@x.redis.cache.windows.net:6380/1",
    )]);
    refused(
        &tls,
        profile,
        &[
            "SYSTEM_REDIS_URL is a rediss:// URL",
            "2.15.1",
            "non-TLS port 6379",
            "Azure Policy",
        ],
    );
    let cluster = ha(&[(
        "THREESCALE_PARAM_BACKEND_REDIS_STORAGE_ENDPOINT",
        "redis://clustercfg.backend.abc123.use1.cache.amazonaws.com:6379/0",
    )]);
    refused(
        &cluster,
        profile,
        &[
            "cluster mode enabled",
            "does not support Redis Cluster mode",
        ],
    );
    let zync = ha(&[(
        "THREESCALE_PARAM_SYSTEM_DATABASE_URL",
        "postgresql://zync:pw-pw-pw@zync-database:5432/zync_production",
    )]);
    refused(&zync, profile, &["is zync's database"]);
    for err in [&same, &one_db, &tls, &cluster, &zync].map(|e| e.commands().join("\n")) {
        assert!(!err.contains("redis-Pw-1") && !err.contains("pw-pw-pw"));
    }
}

#[test]
fn the_plan_shows_urls_with_only_their_password_masked() {
    let env = ha(&[]);
    let run = env.run(&[
        "plan",
        "--template",
        "amp-ha-tech-preview",
        "--wildcard-domain",
        "apps.cluster.example.com",
    ]);
    run.assert_code(0);
    assert!(
        run.stdout.contains("# Parameter SYSTEM_DATABASE_URL=mysql2://app:••••••@mysql.example.com:3306/system?sslca=/etc/pki/ca.pem"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "# Parameter BACKEND_REDIS_STORAGE_ENDPOINT=redis://backend-redis.example.com:6379/0"
        ),
        "a URL without a password is shown whole:\n{}",
        run.stdout
    );
    assert!(!run.stdout.contains("db-Pw-1x") && !run.stderr.contains("db-Pw-1x"));
    // The URL reaches the cluster as given, options included.
    let install = env.run(&[
        "--yes",
        "--template",
        "amp-ha-tech-preview",
        "--wildcard-domain",
        "apps.cluster.example.com",
    ]);
    install.assert_code(0);
    let secret = env
        .object("3scale-apim", "Secret", "system-database")
        .unwrap();
    use base64::Engine;
    let url = base64::engine::general_purpose::STANDARD
        .decode(secret["data"]["URL"].as_str().unwrap())
        .unwrap();
    assert_eq!(String::from_utf8(url).unwrap(), HA[0].1);
}

#[test]
fn the_wizard_s_summary_shows_a_url_with_only_its_password_masked() {
    use crate::support::pty::{Pty, Size, DOWN};
    let env = ha(&[]);
    let args = [
        "--template",
        "amp-ha-tech-preview",
        "--wildcard-domain",
        "apps.cluster.example.com",
    ];
    let mut t = Pty::start(&env.command(&args), Size::WINDOW);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Project", "\r");
    t.answer("Customize template parameters?", "n\r");
    t.wait_for("What now?");
    let screen = t.contents();
    assert!(
        screen.contains("SYSTEM_DATABASE_URL=mysql2://app:••••••@mysql.example.com:3306/system?sslca=/etc/pki/ca.pem"),
        "{screen}"
    );
    assert!(!t.output().contains("db-Pw-1x"));
    t.send(&format!("{DOWN}{DOWN}\r"));
    assert_eq!(t.finish(), 0);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn the_wizard_refuses_a_single_label_domain() {
    use crate::support::pty::{Pty, Size, DOWN};
    let env = TestEnv::new();
    // The cluster cannot tell its domain: the wizard asks it.
    env.cluster(|s| s["ingress_domain"] = serde_json::Value::Null);
    let mut t = Pty::start(&env.command(&[]), Size::WINDOW);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    t.answer("Wildcard domain of the routes", "localhost\r");
    t.wait_for("'localhost' is a single label");
    t.send("apps.cluster.example.com\r");
    t.answer("Customize template parameters?", "n\r");
    t.wait_for("What now?");
    t.send(&format!("{DOWN}{DOWN}\r"));
    assert_eq!(t.finish(), 0);
}

#[test]
fn a_gateway_template_of_another_release_than_the_install_is_refused() {
    let gw = crate::gateway::installed();
    let env = edited(gw.env, "apicast-gateway/apicast.yml", |t| {
        t.replace("value: \"2.8.0\"", "value: \"2.7.0\"").replace(
            "apicast-gateway-rhel8:3scale2.8",
            "apicast-gateway-rhel7:3scale2.7",
        )
    });
    let run = env.run(crate::gateway::ADD);
    run.assert_code(2);
    assert!(
        run.stderr.contains("apicast-gateway/apicast.yml: it installs another release than the install's 3scale 2.8: release 2.7, AMP_APICAST_IMAGE=registry.redhat.io/3scale-amp2/apicast-gateway-rhel7:3scale2.7"),
        "{}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}
