//! Bad input is rejected with a clear message and no change to the cluster.

use crate::support::{TestEnv, PASSWORD};

const BASE: &[&str] = &["--yes", "--wildcard-domain", "apps.cluster.example.com"];

#[track_caller]
fn rejected(env: &TestEnv, args: &[&str], expect: &[&str]) -> String {
    let run = env.run(args);
    run.assert_code(2);
    for e in expect {
        assert!(run.stderr.contains(e), "expected {e:?} in:\n{}", run.stderr);
    }
    assert_eq!(
        env.mutating_commands(),
        Vec::<String>::new(),
        "no change to the cluster"
    );
    run.stderr
}

#[test]
fn invalid_project_name() {
    let env = TestEnv::new();
    rejected(
        &env,
        &[BASE, &["--project", "My_Proj"]].concat(),
        &[
            "the input has 1 problem(s)",
            "project 'My_Proj' (from --project) is invalid",
            "'M' is not allowed",
        ],
    );
    assert!(env.calls().is_empty(), "rejected before any oc call");
}

#[test]
fn invalid_domains() {
    let env = TestEnv::new();
    rejected(
        &env,
        &["--yes", "--wildcard-domain", "https://x"],
        &[
            "wildcard domain 'https://x' (from --wildcard-domain) is invalid",
            "without a scheme",
        ],
    );
    rejected(
        &env,
        &["--yes", "--wildcard-domain", "*.apps.x"],
        &[
            "wildcard domain '*.apps.x' (from --wildcard-domain) is invalid",
            "without '*.'",
        ],
    );
    rejected(
        &env,
        &["--yes", "--wildcard-domain", "apps.x."],
        &[
            "wildcard domain 'apps.x.' (from --wildcard-domain) is invalid",
            "trailing dot",
        ],
    );
}

#[test]
fn unknown_param_suggests_the_closest() {
    let env = TestEnv::new();
    rejected(
        &env,
        &[BASE, &["--param", "TENANT_NAM=x"]].concat(),
        &["TENANT_NAM (from --param) is not a parameter of profile amp; did you mean TENANT_NAME?"],
    );
    rejected(
        &env,
        &[BASE, &["--param", "WILDCARD_DOMAIN=x.y"]].concat(),
        &["WILDCARD_DOMAIN (from --param) is set with --wildcard-domain, not as a parameter"],
    );
    rejected(
        &env,
        &[BASE, &["--param", "no-equals"]].concat(),
        &["'no-equals' (from --param) is not KEY=VALUE"],
    );
}

#[test]
fn missing_registry_credentials_are_listed_together() {
    let env = TestEnv::new()
        .without_env("THREESCALE_REGISTRY_USERNAME")
        .without_env("THREESCALE_REGISTRY_PASSWORD");
    env.cluster(|s| s["ingress_domain"] = serde_json::Value::Null);
    let err = rejected(
        &env,
        &["--yes"],
        &[
            "the input has 3 problem(s)",
            "needed and not given: wildcard domain (it could not be told from the cluster: ",
            ": --wildcard-domain, env THREESCALE_WILDCARD_DOMAIN, answers-file key `wildcard_domain`",
            "needed and not given: registry username: --registry-username, env THREESCALE_REGISTRY_USERNAME, answers-file key `registry_username`",
            "needed and not given: registry password: --registry-password-stdin or --registry-password-file, env THREESCALE_REGISTRY_PASSWORD",
        ],
    );
    assert!(err.contains("help:"));
}

#[test]
fn missing_password_alone() {
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_PASSWORD");
    rejected(
        &env,
        BASE,
        &[
            "the input has 1 problem(s)",
            "needed and not given: registry password",
        ],
    );
}

#[test]
fn an_endless_stdin_is_refused_as_a_password() {
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_PASSWORD");
    let endless = "x".repeat(70 * 1024);
    let run = env.run_with_stdin(
        &[BASE, &["--registry-password-stdin"]].concat(),
        Some(&endless),
    );
    run.assert_code(2);
    assert!(
        run.stderr.contains("cannot read the registry password from standard input: standard input holds more than 64 KiB"),
        "{}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn password_from_stdin_and_file() {
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_PASSWORD");
    env.run_with_stdin(
        &[BASE, &["--registry-password-stdin"]].concat(),
        Some(&format!("{PASSWORD}\n")),
    )
    .assert_code(0);
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_PASSWORD");
    let file = env.root().join("pw");
    std::fs::write(&file, PASSWORD).unwrap();
    env.run(&[BASE, &["--registry-password-file", file.to_str().unwrap()]].concat())
        .assert_code(0);
    env.clear_calls();
    rejected(
        &env,
        &[BASE, &["--registry-password-file", "/nonexistent/pw"]].concat(),
        &["cannot read the registry password file /nonexistent/pw"],
    );
}

#[test]
fn answers_file_errors() {
    let env = TestEnv::new();
    rejected(
        &env,
        &[BASE, &["--config", "/nonexistent/answers.yaml"]].concat(),
        &["cannot read the answers file /nonexistent/answers.yaml"],
    );
    let file = env.root().join("answers.yaml");
    std::fs::write(&file, "project: ok\nwildcard_domian: apps.x\n").unwrap();
    rejected(
        &env,
        &[BASE, &["--config", file.to_str().unwrap()]].concat(),
        &["unknown field `wildcard_domian`", "answers.example.yaml"],
    );
}

#[test]
fn answers_file_supplies_values_below_flags() {
    let env = TestEnv::new();
    let file = env.root().join("answers.yaml");
    std::fs::write(&file, "project: from-file\nwildcard_domain: apps.file.example.com\nparams:\n  TENANT_NAME: acme\n").unwrap();
    env.run(&["--yes", "--config", file.to_str().unwrap()])
        .assert_code(0);
    let seed = env
        .object("from-file", "Secret", "system-seed")
        .expect("installed in the answers file's project");
    assert_eq!(seed["data"]["TENANT_NAME"], "YWNtZQ==");
    let cm = env
        .object("from-file", "ConfigMap", "system-environment")
        .unwrap();
    assert_eq!(
        cm["data"]["THREESCALE_SUPERDOMAIN"],
        "apps.file.example.com"
    );
}

#[test]
fn answers_example_documents_every_key_and_parses() {
    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates/answers.example.yaml"
    ))
    .unwrap();
    // The variables beat the files the example names, as flags and environment beat the file.
    let env = TestEnv::new().env("AWS_SECRET_ACCESS_KEY", "from-the-environment");
    let file = env.root().join("answers.yaml");
    // Uncomment every `# key: value` line: the result must be accepted (no unknown key).
    let is_key_line = |rest: &str| {
        let key = rest.trim_start().split(':').next().unwrap_or("");
        rest.contains(':')
            && !key.is_empty()
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let uncommented: String = example
        .lines()
        .map(|l| l.strip_prefix("# ").filter(|r| is_key_line(r)).unwrap_or(l))
        .map(|l| format!("{l}\n"))
        .collect();
    for key in [
        "project",
        "wildcard_domain",
        "registry_password_file",
        "params",
        "credentials_file",
        "show_secrets",
        "oc_timeout",
        "param_files",
        "skip_checks",
        "strict",
        "timeout",
        "poll_interval",
        "no_wait",
        "no_verify",
        "ca_file",
        "insecure_skip_tls_verify",
        "resolve",
        "log_file",
    ] {
        assert!(
            uncommented.contains(&format!("\n{key}:")),
            "{key} is not documented"
        );
    }
    std::fs::write(&file, uncommented).unwrap();
    // The files the example names, beside it: they are read and checked with the rest.
    std::fs::write(env.root().join("admin-password.txt"), "from-a-file\n").unwrap();
    let server = fake_3scale::Server::start(fake_3scale::Config::new("apps.example.com"));
    std::fs::copy(server.ca_pem_path(), env.root().join("corporate-ca.pem")).unwrap();
    let run = env.run(&[
        "--yes",
        "--config",
        file.to_str().unwrap(),
        "--oc",
        "/nonexistent/oc",
    ]);
    // Gets past the answers file and stops at the missing oc.
    assert!(
        run.stderr.contains("/nonexistent/oc does not exist"),
        "{}",
        run.stderr
    );
}

#[test]
fn named_storage_class_absent() {
    let env = TestEnv::new();
    rejected(
        &env,
        &[BASE, &["--rwx-storage-class", "nope"]].concat(),
        &[
            "the input has 1 problem(s)",
            "storage class 'nope' (from --rwx-storage-class) does not exist",
            // The classes stay inside the one problem, below its first line.
            "does not exist; the cluster has:\n      - gp2 (provisioner kubernetes.io/aws-ebs, ReadWriteOnce only, default)\n      - ocs-cephfs (provisioner openshift-storage.cephfs.csi.ceph.com, ReadWriteMany)",
        ],
    );
}

#[test]
fn conflicting_template_sources_are_a_usage_error() {
    let env = TestEnv::new();
    let run = env.run(&[BASE, &["--templates-dir", "/x", "--templates-ref", "main"]].concat());
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "both a templates directory (--templates-dir) and a templates repository (--templates-ref) are given: give one"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn huge_durations_are_refused_naming_the_maximum_never_a_panic() {
    let env = TestEnv::new();
    for (flag, value) in [
        ("--timeout", "18446744073709551615"),
        ("--oc-timeout", "99999999999999999999h"),
        ("--poll-interval", "5124095576030432h"),
    ] {
        rejected(&env, &[BASE, &[flag, value]].concat(), &["7d"]);
    }
    let env = TestEnv::new().env("THREESCALE_TIMEOUT", "18446744073709551615");
    rejected(&env, BASE, &["THREESCALE_TIMEOUT", "7d"]);
}

#[test]
fn a_registry_server_that_is_not_a_host_is_refused_naming_it() {
    // A username typed into the server's place, say.
    let env = TestEnv::new();
    rejected(
        &env,
        &[BASE, &["--registry-server", "12345|svc-account"]].concat(),
        &[
            "registry server '12345|svc-account' (from --registry-server) is invalid",
            "'|' cannot be part of a registry host",
        ],
    );
}
