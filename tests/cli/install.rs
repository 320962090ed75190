//! The install end to end against a fresh and an installed fake cluster.

use crate::support::{TestEnv, PASSWORD, USERNAME};
use base64::Engine;
use std::os::unix::fs::PermissionsExt;

const ISSUE_COMMAND: &[&str] = &[
    "--yes",
    "--wildcard-domain",
    "apps.cluster.example.com",
    "--registry-username",
    USERNAME,
];

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s)
}

fn unb64(s: &serde_json::Value) -> String {
    String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(s.as_str().unwrap())
            .unwrap(),
    )
    .unwrap()
}

#[test]
fn fresh_cluster_runs_exactly_these_oc_commands() {
    let env = TestEnv::new();
    env.run(ISSUE_COMMAND).assert_code(0);
    // The pull secret's login is checked (a dry-run import) before anything of 3scale exists.
    // The template is processed by the server with the values on stdin, then its objects are
    // created a few `oc create` at once: everything but the deployment configs (16 objects of
    // the fixture, in 4 calls), then the 4 deployment configs (1 call each).
    let expected = [
        "oc whoami --show-server --request-timeout=60s",
        "oc whoami --request-timeout=60s",
        "oc version -o json --request-timeout=60s",
        "oc get project 3scale-apim -o json --ignore-not-found --request-timeout=60s",
        "oc get storageclasses -o json --request-timeout=60s",
        "oc get nodes -o json --request-timeout=60s",
        // The wildcard domain given is compared with the cluster's apps domain, and the routes
        // of other projects are looked at for the hosts the install will expose.
        "oc get ingresses.config.openshift.io cluster -o jsonpath={.spec.domain} --request-timeout=60s",
        "oc whoami --show-console --request-timeout=60s",
        "oc get routes.route.openshift.io -o json --all-namespaces --request-timeout=60s",
        "oc get projects -o json --request-timeout=60s",
        "oc auth can-i create projectrequests.project.openshift.io --request-timeout=60s",
        "oc new-project 3scale-apim --display-name=3Scale API Management --skip-config-write --request-timeout=60s",
        "oc create -f - -n 3scale-apim --request-timeout=60s",
        "oc import-image threescale-install-registry-check --from=registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8 --confirm --dry-run -n 3scale-apim --request-timeout=60s",
        "oc create -f - -n 3scale-apim --request-timeout=60s",
        "oc process -f $FIXTURES/templates/amp/amp.yml --param-file=- -o json -n 3scale-apim --request-timeout=60s",
        "oc create -f - -n 3scale-apim --request-timeout=60s",
        "oc create -f - -n 3scale-apim --request-timeout=60s",
        "oc create -f - -n 3scale-apim --request-timeout=60s",
        "oc create -f - -n 3scale-apim --request-timeout=60s",
        "oc create -f - -n 3scale-apim --request-timeout=60s",
        "oc create -f - -n 3scale-apim --request-timeout=60s",
        "oc create -f - -n 3scale-apim --request-timeout=60s",
        "oc create -f - -n 3scale-apim --request-timeout=60s",
        "oc get imagestreams.image.openshift.io,persistentvolumeclaims,deploymentconfigs.apps.openshift.io,routes.route.openshift.io,pods,events -o json -n 3scale-apim --request-timeout=60s",
        "oc get secret system-seed -o json --ignore-not-found -n 3scale-apim --request-timeout=60s",
    ];
    assert_eq!(env.commands(), expected);
}

#[test]
fn fresh_install_builds_the_expected_cluster_and_credentials_file() {
    let env = TestEnv::new();
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(0);

    let state = env.state();
    assert_eq!(
        state["projects"]["3scale-apim"]["display_name"],
        "3Scale API Management"
    );
    assert_eq!(
        state["current_project"], "default",
        "the user's current project must not be switched"
    );

    assert_the_login_and_the_template_objects(&env);

    let seed = env.object("3scale-apim", "Secret", "system-seed").unwrap();
    let admin_password = unb64(&seed["data"]["ADMIN_PASSWORD"]);
    let master_token = unb64(&seed["data"]["MASTER_ACCESS_TOKEN"]);
    assert_eq!(admin_password.len(), 8);

    assert_the_credentials_file(&env, &admin_password, &master_token);

    assert!(
        run.stdout
            .contains("Admin portal      https://3scale-admin.apps.cluster.example.com"),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .contains("Master portal     https://master.apps.cluster.example.com"));
    assert!(run.stdout.contains("Admin user        admin"));
    assert!(
        !run.stdout.contains(&admin_password),
        "passwords only with --show-secrets or a terminal"
    );
}

/// The pull secret with the registry login, the groupified image stream, the RWX class and the
/// wildcard domain passed to the template, and every object of the install.
#[track_caller]
fn assert_the_login_and_the_template_objects(env: &TestEnv) {
    let pull = env
        .object("3scale-apim", "Secret", "threescale-registry-auth")
        .expect("pull secret");
    assert_eq!(pull["type"], "kubernetes.io/dockerconfigjson");
    let config: serde_json::Value =
        serde_json::from_str(&unb64(&pull["data"][".dockerconfigjson"])).unwrap();
    let auth = &config["auths"]["registry.redhat.io"];
    assert_eq!(auth["username"], USERNAME);
    assert_eq!(auth["password"], PASSWORD);
    assert_eq!(auth["auth"], b64(&format!("{USERNAME}:{PASSWORD}")));

    let is = env
        .object("3scale-apim", "ImageStream", "apicast-gateway")
        .expect("image stream");
    assert_eq!(is["apiVersion"], "image.openshift.io/v1");

    let claim = env
        .object("3scale-apim", "PersistentVolumeClaim", "system-storage")
        .expect("claim");
    assert_eq!(
        claim["spec"]["storageClassName"], "ocs-cephfs",
        "RWX_STORAGE_CLASS must be passed"
    );
    let cm = env
        .object("3scale-apim", "ConfigMap", "system-environment")
        .unwrap();
    assert_eq!(
        cm["data"]["THREESCALE_SUPERDOMAIN"],
        "apps.cluster.example.com"
    );
    let (zync, ours): (Vec<_>, Vec<_>) = env
        .objects("3scale-apim")
        .into_iter()
        .filter(|o| !crate::support::made_by_openshift(o))
        .partition(|o| !o["metadata"]["labels"]["zync.3scale.net/route-to"].is_null());
    assert_eq!(
        zync.len(),
        5,
        "the simulated zync created the portal and gateway routes"
    );
    assert_eq!(
        ours.len(),
        22,
        "1 pull secret + 1 image stream + 20 template objects"
    );
}

/// The credentials file: 0600, the portals, the logins of system-seed.
#[track_caller]
fn assert_the_credentials_file(env: &TestEnv, admin_password: &str, master_token: &str) {
    let creds_path = env
        .root()
        .join("state/threescale-install/api.crc.testing-6443/3scale-apim/credentials.yaml");
    let mode = std::fs::metadata(&creds_path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let creds: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&creds_path).unwrap()).unwrap();
    assert_eq!(
        creds["admin_portal"],
        "https://3scale-admin.apps.cluster.example.com"
    );
    assert_eq!(
        creds["developer_portal"],
        "https://3scale.apps.cluster.example.com"
    );
    assert_eq!(
        creds["master_portal"],
        "https://master.apps.cluster.example.com"
    );
    assert_eq!(creds["admin"]["user"], "admin");
    assert_eq!(creds["admin"]["password"], admin_password);
    assert_eq!(creds["master"]["access_token"], master_token);
    assert_eq!(creds["project"], "3scale-apim");
}

#[test]
fn rerun_changes_nothing_and_prints_the_same_summary() {
    let env = TestEnv::new();
    let first = env.run(ISSUE_COMMAND);
    first.assert_code(0);
    let before = env.state();
    env.clear_calls();

    let second = env.run(ISSUE_COMMAND);
    second.assert_code(0);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    assert_eq!(second.stdout, first.stdout);
    let objects = |state: &serde_json::Value| state["projects"]["3scale-apim"]["objects"].clone();
    assert_eq!(objects(&env.state()), objects(&before));
    assert!(
        second.stderr.contains(
            "3scale is installed in project 3scale-apim: every object of profile amp exists"
        ),
        "{}",
        second.stderr
    );
    assert!(
        !env.commands().iter().any(|c| c.contains("oc get secret")),
        "system-seed is read from the project's listing: {:#?}",
        env.commands()
    );
    assert!(
        second.stderr.contains("nothing to change"),
        "{}",
        second.stderr
    );
}

#[test]
fn show_secrets_prints_the_logins() {
    let env = TestEnv::new();
    let run = env.run(&[ISSUE_COMMAND, &["--show-secrets"]].concat());
    run.assert_code(0);
    let seed = env.object("3scale-apim", "Secret", "system-seed").unwrap();
    assert!(run.stdout.contains(&unb64(&seed["data"]["ADMIN_PASSWORD"])));
    assert!(run
        .stdout
        .contains(&unb64(&seed["data"]["MASTER_PASSWORD"])));
}

#[test]
fn secrets_never_reach_argv_or_output() {
    // A secret parameter on the command line is refused, without echoing it.
    let env = TestEnv::new();
    let run = env.run(
        &[
            ISSUE_COMMAND,
            &["--param", "ADMIN_PASSWORD=chosen-Admin-pw"],
        ]
        .concat(),
    );
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("ADMIN_PASSWORD is a secret and is not taken on the command line"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("THREESCALE_PARAM_ADMIN_PASSWORD"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("chosen-Admin-pw"), "{}", run.stderr);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    let env = TestEnv::new().env("THREESCALE_PARAM_ADMIN_PASSWORD", "chosen-Admin-pw");
    let run = env.run(&[ISSUE_COMMAND, &["-v"]].concat());
    run.assert_code(0);
    let state = env.state();
    let mut secrets = vec![PASSWORD.to_string(), "chosen-Admin-pw".to_string()];
    for name in ["system-seed", "system-database"] {
        let secret = env.object("3scale-apim", "Secret", name).unwrap();
        for (key, value) in secret["data"].as_object().unwrap() {
            let v = unb64(value);
            if key.contains("PASSWORD") || key.contains("TOKEN") {
                secrets.push(v);
            }
        }
    }
    assert!(secrets.len() >= 6);
    let argv = env.commands().join("\n");
    for s in &secrets {
        assert!(!argv.contains(s.as_str()), "secret in argv: {s}");
        assert!(!run.stdout.contains(s.as_str()), "secret in stdout: {s}");
        assert!(!run.stderr.contains(s.as_str()), "secret in stderr: {s}");
    }
    for shown in ["$ oc process -f ", "$ oc create -f - -n 3scale-apim"] {
        assert!(
            run.stderr.contains(shown),
            "-v shows the commands ({shown}): {}",
            run.stderr
        );
    }
    assert!(state["projects"]["3scale-apim"].is_object());
    let seed = env.object("3scale-apim", "Secret", "system-seed").unwrap();
    assert_eq!(
        unb64(&seed["data"]["ADMIN_PASSWORD"]),
        "chosen-Admin-pw",
        "the given value reaches the cluster"
    );
}

#[test]
fn parameter_values_reach_the_cluster_unchanged() {
    let env = TestEnv::new();
    let tricky = "a b # c $HOME = \"q\" 'x' \\ end";
    let run = env.run(
        &[
            ISSUE_COMMAND,
            &[
                "--param",
                &format!("ADMIN_USERNAME={tricky}"),
                "--param",
                "ADMIN_EMAIL=ops@example.com",
            ],
        ]
        .concat(),
    );
    run.assert_code(0);
    let seed = env.object("3scale-apim", "Secret", "system-seed").unwrap();
    assert_eq!(unb64(&seed["data"]["ADMIN_USER"]), tricky);
    assert_eq!(unb64(&seed["data"]["ADMIN_EMAIL"]), "ops@example.com");
}

#[test]
fn existing_project_is_reused_and_permissions_are_checked_in_it() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["projects"]["3scale-apim"] =
            serde_json::json!({"display_name": "mine", "requester": "developer", "objects": []});
    });
    env.run(ISSUE_COMMAND).assert_code(0);
    let commands = env.commands();
    assert!(!commands.iter().any(|c| c.starts_with("oc new-project")));
    for r in [
        "secrets",
        "imagestreams.image.openshift.io",
        "deploymentconfigs.apps.openshift.io",
    ] {
        assert!(
            commands.contains(&format!(
                "oc auth can-i create {r} -n 3scale-apim --request-timeout=60s"
            )),
            "{commands:#?}"
        );
    }
    assert_eq!(
        env.state()["projects"]["3scale-apim"]["display_name"],
        "mine"
    );
}

#[test]
fn changed_registry_password_updates_the_pull_secret() {
    let env = TestEnv::new();
    env.run(ISSUE_COMMAND).assert_code(0);
    env.clear_calls();
    let env = env.env("THREESCALE_REGISTRY_PASSWORD", "rotated-Pw-2");
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(0);
    assert_eq!(
        env.mutating_commands(),
        [
            "oc replace -f - -n 3scale-apim --request-timeout=60s",
            "oc import-image threescale-install-registry-check --from=registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8 --confirm --dry-run -n 3scale-apim --request-timeout=60s"
        ]
    );
    assert!(run.stderr.contains("password changed"), "{}", run.stderr);
    let pull = env
        .object("3scale-apim", "Secret", "threescale-registry-auth")
        .unwrap();
    assert!(unb64(&pull["data"][".dockerconfigjson"]).contains("rotated-Pw-2"));
}

#[test]
fn missing_rights_are_all_reported_before_any_change() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["projects"]["3scale-apim"] =
            serde_json::json!({"display_name": "x", "requester": "developer", "objects": []});
        s["denied"] = serde_json::json!(["create secrets", "create deploymentconfigs"]);
    });
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(3);
    assert!(
        run.stderr.contains("create secrets in project 3scale-apim"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("create deploymentconfigs.apps.openshift.io in project 3scale-apim"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("help:"), "{}", run.stderr);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn no_self_provisioning_is_a_preflight_failure() {
    let env = TestEnv::new();
    env.cluster(|s| s["denied"] = serde_json::json!(["create projectrequests"]));
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(3);
    assert!(
        run.stderr.contains("create projectrequests"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("ask a cluster admin to create project 3scale-apim"),
        "{}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn not_logged_in_says_run_oc_login() {
    let env = TestEnv::new();
    env.cluster(|s| s["user"] = serde_json::Value::Null);
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(3);
    assert!(run.stderr.contains("oc login"), "{}", run.stderr);
    assert!(
        run.stderr.contains("oc whoami"),
        "the failing command is named: {}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn unreachable_api_is_reported_with_oc_message() {
    let env = TestEnv::new();
    env.cluster(|s| s["unreachable"] = serde_json::json!(true));
    let run = env.run(ISSUE_COMMAND);
    // 5: the cluster's API could not be reached; nothing is wrong with the input.
    run.assert_code(5);
    assert!(run.stderr.contains("was refused"), "{}", run.stderr);
    assert!(run.stderr.contains("cannot be reached"), "{}", run.stderr);
}

#[test]
fn oc_not_found() {
    let env = TestEnv::new();
    std::fs::remove_file(env.root().join("bin/oc")).unwrap();
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(3);
    assert!(
        run.stderr.contains("oc was not found on PATH"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--oc PATH"), "{}", run.stderr);

    let run = env.run(&[ISSUE_COMMAND, &["--oc", "/nonexistent/oc"]].concat());
    run.assert_code(3);
    assert!(
        run.stderr.contains("/nonexistent/oc does not exist"),
        "{}",
        run.stderr
    );
}

#[test]
fn explicit_oc_path_is_used() {
    let env = TestEnv::new();
    let moved = env.root().join("oc-elsewhere");
    std::fs::rename(env.root().join("bin/oc"), &moved).unwrap();
    env.run(&[ISSUE_COMMAND, &["--oc", moved.to_str().unwrap()]].concat())
        .assert_code(0);
}

#[test]
fn no_rwx_capable_class_fails_listing_every_class() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["storage_classes"] = serde_json::json!([{"name": "gp2", "provisioner": "kubernetes.io/aws-ebs", "default": true}])
    });
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(3);
    assert!(
        run.stderr
            .contains("gp2 (provisioner kubernetes.io/aws-ebs, ReadWriteOnce only, default)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--rwx-storage-class"), "{}", run.stderr);
    // The plan step says the check failed and what would be done; the error says why, once.
    assert!(
        run.stderr
            .contains("warning: storage failed (the error below says why)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("would create project 3scale-apim"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("will create"), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("ReadWriteOnce only").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(":;"), "{}", run.stderr);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn several_rwx_classes_need_a_choice() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["storage_classes"] = serde_json::json!([
            {"name": "nfs", "provisioner": "nfs.csi.k8s.io"},
            {"name": "azurefile", "provisioner": "file.csi.azure.com", "default": true}
        ])
    });
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("2 storage classes can bind ReadWriteMany claims (azurefile, nfs)"),
        "{}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    env.run(&[ISSUE_COMMAND, &["--rwx-storage-class", "azurefile"]].concat())
        .assert_code(0);
    let claim = env
        .object("3scale-apim", "PersistentVolumeClaim", "system-storage")
        .unwrap();
    assert_eq!(claim["spec"]["storageClassName"], "azurefile");
}

#[test]
fn block_storage_class_is_refused_by_name() {
    let env = TestEnv::new();
    let run = env.run(&[ISSUE_COMMAND, &["--rwx-storage-class", "gp2"]].concat());
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("provisioner kubernetes.io/aws-ebs binds ReadWriteOnce volumes only"),
        "{}",
        run.stderr
    );
}

#[test]
fn domain_is_discovered_from_the_ingress_config() {
    let env = TestEnv::new();
    env.run(&["--yes"]).assert_code(0);
    let cm = env
        .object("3scale-apim", "ConfigMap", "system-environment")
        .unwrap();
    assert_eq!(
        cm["data"]["THREESCALE_SUPERDOMAIN"],
        "apps.cluster.example.com"
    );
    assert!(env.commands().iter().any(|c| c
        .starts_with("oc get ingresses.config.openshift.io cluster -o jsonpath={.spec.domain}")));
}

#[test]
fn kubeconfig_and_context_pass_through_to_every_call() {
    let env = TestEnv::new();
    let kubeconfig = env.root().join("kubeconfig");
    std::fs::write(&kubeconfig, "apiVersion: v1\nkind: Config\n").unwrap();
    let args = [
        ISSUE_COMMAND,
        &[
            "--kubeconfig",
            kubeconfig.to_str().unwrap(),
            "--context",
            "default/api-crc-testing:6443/developer",
        ],
    ]
    .concat();
    env.run(&args).assert_code(0);
    for c in env.commands() {
        assert!(
            c.contains("--kubeconfig=$TMP/kubeconfig")
                && c.contains("--context=default/api-crc-testing:6443/developer"),
            "{c}"
        );
    }

    let run = env.run(&[ISSUE_COMMAND, &["--context", "nope"]].concat());
    run.assert_code(3);
    assert!(
        run.stderr
            .contains("error: context \"nope\" does not exist"),
        "{}",
        run.stderr
    );
}

#[test]
fn credentials_file_path_can_be_chosen_and_its_mode_is_not_loosened() {
    let env = TestEnv::new();
    let path = env.root().join("out/creds.yaml");
    env.run(
        &[
            ISSUE_COMMAND,
            &["--credentials-file", path.to_str().unwrap()],
        ]
        .concat(),
    )
    .assert_code(0);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    env.run(
        &[
            ISSUE_COMMAND,
            &["--credentials-file", path.to_str().unwrap()],
        ]
        .concat(),
    )
    .assert_code(0);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o400
    );
}

#[test]
fn legacy_image_stream_api_is_not_used_on_new_clusters() {
    // OpenShift 4.11+ has no ungroupified v1 ImageStreamList: the fake refuses it like oc does.
    let env = TestEnv::new();
    env.cluster(|s| s["openshift_version"] = serde_json::json!("4.16.3"));
    env.run(ISSUE_COMMAND).assert_code(0);
    assert!(env
        .object("3scale-apim", "ImageStream", "apicast-gateway")
        .is_some());
}

#[test]
fn openshift_4_gets_the_support_warning() {
    let env = TestEnv::new();
    let run = env.run(ISSUE_COMMAND);
    assert!(
        run.stderr
            .contains("supports the 3scale 2.8 templates on OpenShift 3.11"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("OpenShift 4.x"), "{}", run.stderr);

    let env = TestEnv::new();
    env.cluster(|s| {
        s["flavour"] = serde_json::json!("3.11");
        s["openshift_version"] = serde_json::json!("3.11.154");
        s["kube_version"] = serde_json::json!("v1.11.0+d4cacc0");
    });
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(0);
    assert!(run.stderr.contains("OpenShift 3.11.154"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("supports the 3scale 2.8 templates"),
        "{}",
        run.stderr
    );
}

#[test]
fn hidden_storage_classes_need_a_named_class() {
    let env = TestEnv::new();
    env.cluster(|s| s["denied"] = serde_json::json!(["list storageclasses"]));
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(2);
    assert!(
        run.stderr.contains("needed and not given: RWX storage class: no ReadWriteMany storage class can be chosen: you may not list storage classes: --rwx-storage-class"),
        "{}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    let run = env.run(&[ISSUE_COMMAND, &["--rwx-storage-class", "ocs-cephfs"]].concat());
    run.assert_code(0);
    assert!(
        run.stderr.contains("could not be checked"),
        "{}",
        run.stderr
    );
}

#[test]
fn s3_profile_needs_no_rwx_class_and_takes_the_aws_secret_from_its_variable() {
    let env = TestEnv::new()
        .env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", "aws-Secret-1");
    env.cluster(|s| {
        s["storage_classes"] = serde_json::json!([{"name": "gp2", "provisioner": "kubernetes.io/aws-ebs", "default": true}])
    });
    let s3 = [
        "--template",
        "amp-s3",
        "--param",
        "AWS_BUCKET=assets",
        "--param",
        "AWS_REGION=eu-west-1",
    ];
    let run = env.run(&[ISSUE_COMMAND, &s3].concat());
    run.assert_code(0);
    assert!(
        !env.commands().iter().any(|c| c.contains("storageclasses")),
        "no RWX check for S3"
    );
    let process = env
        .commands()
        .into_iter()
        .find(|c| c.starts_with("oc process"))
        .unwrap();
    assert!(
        process.contains("-f $FIXTURES/templates/amp/amp-s3.yml"),
        "{process}"
    );
    let aws = env
        .object("3scale-apim", "Secret", "aws-auth")
        .expect("the S3 profile's objects");
    assert_eq!(unb64(&aws["data"]["AWS_BUCKET"]), "assets");
    assert_eq!(unb64(&aws["data"]["AWS_ACCESS_KEY_ID"]), "AKIAEXAMPLE");
    assert_eq!(unb64(&aws["data"]["AWS_SECRET_ACCESS_KEY"]), "aws-Secret-1");
    assert!(!env.commands().join(" ").contains("aws-Secret-1"));
    assert!(!run.stdout.contains("aws-Secret-1") && !run.stderr.contains("aws-Secret-1"));

    let run = TestEnv::new().run(&[ISSUE_COMMAND, &["--template", "amp-s4"]].concat());
    run.assert_code(2);
    assert!(
        run.stderr.contains("did you mean amp-s3?"),
        "{}",
        run.stderr
    );
}

#[test]
fn s3_without_aws_credentials_is_rejected_before_any_change() {
    let env = TestEnv::new();
    let run = env.run(
        &[
            ISSUE_COMMAND,
            &["--template", "amp-s3", "--param", "AWS_BUCKET=assets"],
        ]
        .concat(),
    );
    run.assert_code(2);
    for missing in [
        "template parameter AWS_ACCESS_KEY_ID",
        "template parameter AWS_SECRET_ACCESS_KEY",
        "template parameter AWS_REGION",
    ] {
        assert!(run.stderr.contains(missing), "{missing}: {}", run.stderr);
    }
    assert!(run.stderr.contains("--aws-secret-access-key-file or --aws-secret-access-key-stdin, env AWS_SECRET_ACCESS_KEY"), "{}", run.stderr);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    let run = env.run(
        &[
            ISSUE_COMMAND,
            &[
                "--template",
                "amp-s3",
                "--param",
                "AWS_SECRET_ACCESS_KEY=on-the-command-line",
            ],
        ]
        .concat(),
    );
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("AWS_SECRET_ACCESS_KEY is a secret and is not taken on the command line"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("on-the-command-line"));
}

#[test]
fn aws_secret_from_a_file_or_stdin() {
    let env = TestEnv::new().env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
    let file = env.root().join("aws-secret");
    std::fs::write(&file, "from-a-file\n").unwrap();
    let s3 = [
        "--template",
        "amp-s3",
        "--param",
        "AWS_BUCKET=b",
        "--param",
        "AWS_REGION=r",
    ];
    env.run(
        &[
            ISSUE_COMMAND,
            &s3,
            &["--aws-secret-access-key-file", file.to_str().unwrap()],
        ]
        .concat(),
    )
    .assert_code(0);
    assert_eq!(
        unb64(
            &env.object("3scale-apim", "Secret", "aws-auth").unwrap()["data"]
                ["AWS_SECRET_ACCESS_KEY"]
        ),
        "from-a-file"
    );

    let env = TestEnv::new().env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
    env.run_with_stdin(
        &[ISSUE_COMMAND, &s3, &["--aws-secret-access-key-stdin"]].concat(),
        Some("from-stdin\n"),
    )
    .assert_code(0);
    assert_eq!(
        unb64(
            &env.object("3scale-apim", "Secret", "aws-auth").unwrap()["data"]
                ["AWS_SECRET_ACCESS_KEY"]
        ),
        "from-stdin"
    );
}

#[test]
fn every_profile_installs_with_its_own_parameters() {
    // The HA profile's database and redis URLs are secrets: they come from the environment.
    let ha = [
        (
            "THREESCALE_PARAM_SYSTEM_DATABASE_URL",
            "mysql2://app:db-Pw-1@mysql.example.com:3306/system",
        ),
        (
            "THREESCALE_PARAM_SYSTEM_REDIS_URL",
            "redis://:redis-Pw-1@redis.example.com:6379/1",
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
    for (profile, extra) in [
        ("amp", &[][..]),
        ("amp-postgresql", &[][..]),
        ("amp-eval-tech-preview", &[][..]),
        ("amp-ha-tech-preview", &ha[..]),
    ] {
        let env = extra
            .iter()
            .fold(TestEnv::new(), |env, (k, v)| env.env(k, v));
        // OpenShift 4.11 still serves policy/v1beta1, which the HA profile's PodDisruptionBudget uses.
        env.cluster(|s| {
            s["openshift_version"] = serde_json::json!("4.11.20");
            s["kube_version"] = serde_json::json!("v1.24.6+5658434");
        });
        let run = env.run(&[ISSUE_COMMAND, &["--template", profile]].concat());
        run.assert_code(0);
        let process = env
            .commands()
            .into_iter()
            .find(|c| c.starts_with("oc process"))
            .unwrap();
        assert!(
            process.contains(&format!("/amp/{profile}.yml")),
            "{process}"
        );
        assert!(
            env.object("3scale-apim", "Secret", "system-seed").is_some(),
            "{profile}"
        );
        assert_eq!(
            run.stderr.contains("technology preview"),
            profile.contains("tech-preview"),
            "{profile}: {}",
            run.stderr
        );
        for secret in ["db-Pw-1", "redis-Pw-1"] {
            assert!(
                !env.commands().join(" ").contains(secret)
                    && !run.stderr.contains(secret)
                    && !run.stdout.contains(secret),
                "{profile} leaked {secret}"
            );
        }
        if profile == "amp-ha-tech-preview" {
            let url = env
                .object("3scale-apim", "Secret", "system-database")
                .unwrap();
            assert_eq!(
                unb64(&url["data"]["URL"]),
                "mysql2://app:db-Pw-1@mysql.example.com:3306/system",
                "the URL from the environment reaches the cluster"
            );
            assert!(env
                .object("3scale-apim", "PodDisruptionBudget", "system-app")
                .is_some());
        }
    }
}

#[test]
fn ha_urls_of_the_wrong_scheme_are_rejected() {
    let env = TestEnv::new()
        .env(
            "THREESCALE_PARAM_SYSTEM_DATABASE_URL",
            "mysql://app:db-Pw-1@db/system",
        )
        .env(
            "THREESCALE_PARAM_SYSTEM_REDIS_URL",
            "redis.example.com:6379",
        )
        .env(
            "THREESCALE_PARAM_BACKEND_REDIS_STORAGE_ENDPOINT",
            "redis://backend-redis:6379/0",
        )
        .env(
            "THREESCALE_PARAM_BACKEND_REDIS_QUEUES_ENDPOINT",
            "redis://backend-redis:6379/1",
        );
    let run = env.run(&[ISSUE_COMMAND, &["--template", "amp-ha-tech-preview"]].concat());
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("SYSTEM_DATABASE_URL must be a mysql2:// or postgresql:// URL"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("SYSTEM_REDIS_URL must be a redis:// URL"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("db-Pw-1"), "{}", run.stderr);
    assert!(!run.stdout.contains("db-Pw-1"), "{}", run.stdout);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn a_password_with_every_special_character_arrives_intact() {
    let password = "p#\"'$= x \\ end";
    let env = TestEnv::new().env("THREESCALE_PARAM_ADMIN_PASSWORD", password);
    env.run(ISSUE_COMMAND).assert_code(0);
    let seed = env.object("3scale-apim", "Secret", "system-seed").unwrap();
    assert_eq!(unb64(&seed["data"]["ADMIN_PASSWORD"]), password);
    assert!(
        !env.commands().join(" ").contains("p#"),
        "the password went on stdin, not argv"
    );
}

#[test]
fn sigterm_during_a_step_stops_oc_and_exits_130() {
    let env = TestEnv::new();
    env.cluster(|s| s["hang"] = serde_json::json!(["process"]));
    let mut child = env
        .command(ISSUE_COMMAND)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid_file = env.root().join("cluster/hung.pid");
    crate::support::events::await_change(pid_file.parent().unwrap(), "oc process starting", || {
        pid_file.exists()
    });
    let oc_pid: i32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    // The hung oc was stopped: gone, or a zombie waiting for a reaper.
    let state = std::fs::read_to_string(format!("/proc/{oc_pid}/status")).unwrap_or_default();
    assert!(
        state.is_empty() || state.contains("State:\tZ"),
        "oc still running: {state}"
    );
    assert!(env.object("3scale-apim", "Secret", "system-seed").is_none());
}

/// A cluster admin's view of a cluster whose one worker is too small for amp.yml's requests.
fn undersized(env: &TestEnv) {
    env.cluster(|s| {
        s["cluster_admin"] = serde_json::json!(true);
        s["nodes"] = serde_json::json!([{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "w"}, "spec": {},
            "status": {"allocatable": {"cpu": "40m", "memory": "512Mi"}}}]);
    });
}

#[test]
fn an_undersized_cluster_is_a_warning_and_a_failure_with_strict() {
    let env = TestEnv::new();
    undersized(&env);
    let run = env.run(ISSUE_COMMAND);
    run.assert_code(0);
    assert!(run.stderr.contains("warning: capacity: requests 0.30 CPU and 1.1 GiB memory for 4 pods, but the 1 schedulable nodes have 0.04 CPU"), "{}", run.stderr);

    let env = TestEnv::new();
    undersized(&env);
    let run = env.run(&[ISSUE_COMMAND, &["--strict"]].concat());
    run.assert_code(3);
    assert!(
        run.stderr
            .contains("the install cannot go ahead; nothing was changed:\n  - capacity: requests 0.30 CPU and 1.1 GiB memory for 4 pods, but the 1 schedulable nodes have 0.04 CPU"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--skip-check capacity"),
        "{}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    let run = env.run(&[ISSUE_COMMAND, &["--strict", "--skip-check", "capacity"]].concat());
    run.assert_code(0);
}

#[test]
fn the_project_quota_is_checked() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["projects"]["3scale-apim"] = serde_json::json!({"display_name": "x", "requester": "developer", "objects": [
            {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "compute", "namespace": "3scale-apim"},
             "spec": {"hard": {"requests.memory": "1Gi", "persistentvolumeclaims": "2"}},
             "status": {"hard": {"requests.memory": "1Gi", "persistentvolumeclaims": "2"}, "used": {"requests.memory": "512Mi", "persistentvolumeclaims": "1"}}}
        ]});
    });
    // Before anything is created, preflight --strict fails on the quota.
    let run = env.run(&["preflight", "--strict"]);
    run.assert_code(3);
    assert!(
        run.stdout.contains("quota              fail"),
        "{}",
        run.stdout
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    let run = env.run(ISSUE_COMMAND);
    run.assert_code(0);
    assert!(
        run.stderr.contains(
            "memory: the install needs 1.1 GiB, quota compute leaves 0.5 GiB (requests.memory)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("claims: the install needs 2.00, quota compute leaves 1.00"),
        "{}",
        run.stderr
    );
}

#[test]
fn ha_on_a_cluster_without_policy_v1beta1_sends_its_disruption_budgets_as_policy_v1() {
    // Kubernetes 1.27 no longer serves policy/v1beta1, which the HA profile's
    // PodDisruptionBudget uses; policy/v1 takes the same fields.
    let env = TestEnv::new()
        .env(
            "THREESCALE_PARAM_SYSTEM_DATABASE_URL",
            "mysql2://app:db-Pw-1@db:3306/system",
        )
        .env("THREESCALE_PARAM_SYSTEM_REDIS_URL", "redis://r:6379/1")
        .env(
            "THREESCALE_PARAM_BACKEND_REDIS_STORAGE_ENDPOINT",
            "redis://backend-redis:6379/0",
        )
        .env(
            "THREESCALE_PARAM_BACKEND_REDIS_QUEUES_ENDPOINT",
            "redis://backend-redis:6379/1",
        );
    let run = env.run(&[ISSUE_COMMAND, &["--template", "amp-ha-tech-preview"]].concat());
    run.assert_code(0);
    assert!(
        run.stderr.contains(
            "PodDisruptionBudgets are sent as policy/v1 (the cluster no longer serves policy/v1beta1, removed in Kubernetes 1.25"
        ),
        "{}",
        run.stderr
    );
    let pdb = env
        .object("3scale-apim", "PodDisruptionBudget", "system-app")
        .expect("the disruption budget was created");
    assert_eq!(pdb["apiVersion"], "policy/v1");
    assert_eq!(
        pdb["spec"]["maxUnavailable"], 1,
        "with the template's fields"
    );
}
