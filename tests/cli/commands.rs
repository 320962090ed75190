//! The subcommands: preflight, plan, status, credentials, uninstall — text and JSON.

use crate::support::{TestEnv, PASSWORD, USERNAME};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const DOMAIN: &[&str] = &["--wildcard-domain", "apps.cluster.example.com"];

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{stdout}"))
}

fn installed() -> TestEnv {
    let env = TestEnv::new();
    env.run(&[&["--yes"], DOMAIN].concat()).assert_code(0);
    env.clear_calls();
    env
}

/// (kind, name) of every object of the project, and the pull secret's data. The token and pull
/// secrets OpenShift makes for each service account have generated names (`amp-token-x7k2p`):
/// they are named by their account instead.
fn cluster_shape(env: &TestEnv, project: &str) -> (BTreeSet<(String, String)>, Value) {
    let kinds = env
        .objects(project)
        .iter()
        .map(|o| {
            let name = o["metadata"]["name"].as_str().unwrap().to_string();
            let name = match o["metadata"]["annotations"]["kubernetes.io/service-account.name"]
                .as_str()
            {
                Some(account) => format!("{account}'s {}", o["type"].as_str().unwrap_or_default()),
                None => name,
            };
            (o["kind"].as_str().unwrap().to_string(), name)
        })
        .collect();
    let pull = env
        .object(project, "Secret", "threescale-registry-auth")
        .map(|s| s["data"].clone())
        .unwrap_or_default();
    (kinds, pull)
}

#[test]
fn preflight_all_good_text_and_json() {
    let env = TestEnv::new();
    let run = env.run(&["preflight"]);
    run.assert_code(0);
    for line in [
        "oc ",
        "login ",
        "openshift-version  warn",
        "templates ",
        "storage            ok      RWX_STORAGE_CLASS=ocs-cephfs",
        "wildcard-domain    ok",
        "inputs             ok",
        "permissions        ok",
    ] {
        assert!(
            run.stdout.contains(line),
            "{line:?} missing:\n{}",
            run.stdout
        );
    }
    let run = env.run(&["preflight", "--output", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["passed"], true);
    let ids: Vec<&str> = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "oc",
            "login",
            "templates",
            "inputs",
            "wildcard-domain",
            "storage",
            "api-versions",
            "claims",
            "capacity",
            "quota",
            "images",
            "openshift-version",
            "template-files",
            "route-hosts",
            "permissions",
            "plan"
        ]
    );
    assert!(
        doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["skipped"] == false),
        "skipped is always present: {doc}"
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn preflight_without_its_templates_still_checks_what_needs_none() {
    let env = TestEnv::new().env("THREESCALE_TEMPLATES_DIR", "/nonexistent/templates");
    env.cluster(|s| {
        s["denied"] = serde_json::json!(["create projectrequests"]);
        s["storage_classes"] = serde_json::json!([{"name": "gp2", "provisioner": "kubernetes.io/aws-ebs", "default": true}]);
    });
    let run = env.run(&["preflight", "--wildcard-domain", "apps.cluster.example.com"]);
    run.assert_code(3);
    let rows: Vec<String> = run
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    for row in [
        "templates fail",
        "storage fail",
        "wildcard-domain ok apps.cluster.example.com",
        "permissions fail denied: create projectrequests.project.openshift.io",
        "capacity ",
    ] {
        assert!(
            rows.iter().any(|r| r.starts_with(row)),
            "{row:?}:\n{}",
            run.stdout
        );
    }
    assert!(
        run.stderr.contains("--skip-check storage,permissions")
            && !run.stderr.contains("--skip-check templates"),
        "{}",
        run.stderr
    );
}

#[test]
fn preflight_reports_every_failure_and_skips_on_request() {
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_PASSWORD");
    env.cluster(|s| {
        s["denied"] = serde_json::json!(["create projectrequests"]);
        s["storage_classes"] = serde_json::json!([{"name": "gp2", "provisioner": "kubernetes.io/aws-ebs", "default": true}]);
    });
    let run = env.run(&["preflight"]);
    run.assert_code(3);
    for failing in [
        "storage            fail",
        "permissions        fail    you may not make every planned change; denied:\n",
        "  create projectrequests.project.openshift.io\n",
    ] {
        assert!(run.stdout.contains(failing), "{failing:?}:\n{}", run.stdout);
    }
    // No check needs the registry password.
    assert!(
        run.stdout.contains("inputs             ok"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("2 check(s) failed: storage, permissions"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--skip-check storage,permissions"),
        "only the failed checks that may be skipped: {}",
        run.stderr
    );

    let run = env.run(&[
        "preflight",
        "--skip-check",
        "storage",
        "--skip-check",
        "permissions",
        "-o",
        "json",
    ]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(doc["ok"], true);
    let permissions = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "permissions")
        .unwrap()
        .clone();
    assert_eq!(
        (
            permissions["result"].as_str(),
            permissions["skipped"].as_bool()
        ),
        (Some("warn"), Some(true))
    );
    let storage = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "storage")
        .unwrap()
        .clone();
    assert_eq!(
        (storage["result"].as_str(), storage["skipped"].as_bool()),
        (Some("warn"), Some(true))
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    let run = env.run(&["preflight", "--skip-check", "login"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("'login' (from --skip-check) is not a check that can be skipped; these can: storage, permissions,"),
        "{}",
        run.stderr
    );
}

#[test]
fn plan_changes_nothing_and_its_script_installs_the_same_cluster() {
    // plan needs no registry password: the script reads it when it runs.
    let planned = TestEnv::new()
        .without_env("THREESCALE_REGISTRY_PASSWORD")
        .env("THREESCALE_PARAM_ADMIN_PASSWORD", "chosen-Pw-1");
    let run = planned.run(&[&["plan"], DOMAIN].concat());
    run.assert_code(0);
    assert_eq!(
        planned.mutating_commands(),
        Vec::<String>::new(),
        "plan changed the cluster"
    );
    let script = run.stdout;
    for secret in [PASSWORD, "chosen-Pw-1"] {
        assert!(
            !script.contains(secret),
            "a secret value is in the script:\n{script}"
        );
    }
    for reads in [
        "${THREESCALE_REGISTRY_PASSWORD:?",
        "${THREESCALE_PARAM_ADMIN_PASSWORD:?",
        " render pull-secret ",
        " render param-file ADMIN_PASSWORD",
        " render objects",
    ] {
        assert!(script.contains(reads), "{reads:?} missing:\n{script}");
    }

    // The script, run by bash with the secrets in its environment, builds what install builds.
    let path = planned.root().join("plan.sh");
    std::fs::write(&path, &script).unwrap();
    let out = std::process::Command::new("bash")
        .arg(&path)
        .env_clear()
        .env(
            "PATH",
            format!("{}:/usr/bin:/bin", planned.root().join("bin").display()),
        )
        .env("FAKE_OC_DIR", planned.root().join("cluster"))
        .env("THREESCALE_REGISTRY_PASSWORD", PASSWORD)
        .env("THREESCALE_PARAM_ADMIN_PASSWORD", "chosen-Pw-1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the plan script failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !planned
            .commands()
            .iter()
            .any(|c| c.contains(PASSWORD) || c.contains("chosen-Pw-1")),
        "the script keeps secrets off argv"
    );

    let installed = TestEnv::new().env("THREESCALE_PARAM_ADMIN_PASSWORD", "chosen-Pw-1");
    installed.run(&[&["--yes"], DOMAIN].concat()).assert_code(0);
    let (planned_kinds, planned_pull) = cluster_shape(&planned, "3scale-apim");
    let (installed_kinds, installed_pull) = cluster_shape(&installed, "3scale-apim");
    let without_zync = |s: BTreeSet<(String, String)>| {
        s.into_iter()
            .filter(|(_, n)| !n.starts_with("zync-3scale-"))
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(without_zync(planned_kinds), without_zync(installed_kinds));
    assert_eq!(planned_pull, installed_pull, "same pull secret");
    let seed = planned
        .object("3scale-apim", "Secret", "system-seed")
        .unwrap();
    assert_eq!(
        seed["data"]["ADMIN_PASSWORD"],
        installed
            .object("3scale-apim", "Secret", "system-seed")
            .unwrap()["data"]["ADMIN_PASSWORD"]
    );
}

#[test]
fn dry_run_is_plan() {
    let env = TestEnv::new();
    let plan = env.run(&[&["plan"], DOMAIN].concat());
    let dry = env.run(&[&["--dry-run"], DOMAIN].concat());
    dry.assert_code(0);
    assert_eq!(plan.stdout, dry.stdout);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn plan_json_masks_secrets_and_lists_the_commands() {
    let env = TestEnv::new();
    let run = env.run(&[&["plan", "-o", "json"], DOMAIN].concat());
    run.assert_code(0);
    assert!(!run.stdout.contains(PASSWORD));
    let doc = json(&run.stdout);
    assert_eq!(doc["ok"], true);
    assert_eq!(
        doc["answers"]["registry_password"],
        Value::Null,
        "the script reads the password when it runs"
    );
    assert_eq!(doc["answers"]["registry_username"], USERNAME);
    let commands: Vec<&str> = doc["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["command"].as_str().unwrap())
        .collect();
    assert_eq!(commands.len(), 5, "{commands:?}");
    assert!(commands[0].starts_with("oc new-project 3scale-apim"));
    assert!(commands[1].starts_with("oc create -f - -n 3scale-apim"));
    assert!(
        doc["commands"][1]["stdin"]
            .as_str()
            .unwrap()
            .contains("$THREESCALE_REGISTRY_PASSWORD"),
        "{}",
        doc["commands"][1]
    );
    // The registry login is checked before anything of 3scale is created.
    assert!(
        commands[2].starts_with(
            "oc import-image threescale-install-registry-check --from=registry.redhat.io/"
        ) && commands[2].contains("--dry-run"),
        "{commands:?}"
    );
    assert!(commands[3].starts_with("oc create -f - -n 3scale-apim"));
    assert!(
        commands[4].starts_with("oc process -f ")
            && commands[4].contains("/amp/amp.yml --param-file=- -o json -n 3scale-apim")
            && commands[4].contains("| oc create -f - -n 3scale-apim"),
        "{}",
        commands[3]
    );
    assert!(
        doc["script"]
            .as_str()
            .unwrap()
            .starts_with("#!/usr/bin/env bash"),
        "{doc}"
    );
}

#[test]
fn plan_of_an_installed_project_is_empty() {
    let env = installed();
    let run = env.run(&[&["plan"], DOMAIN].concat());
    run.assert_code(0);
    assert!(run.stdout.contains("Nothing to change"), "{}", run.stdout);
    assert!(!run.stdout.contains("\noc "), "{}", run.stdout);
}

#[test]
fn status_text_and_json() {
    let env = installed();
    let run = env.run(&["status"]);
    run.assert_code(0);
    assert!(run.stdout.contains("Profile   amp"), "{}", run.stdout);
    assert!(run.stdout.contains("Health    healthy"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("admin portal           https://3scale-admin.apps.cluster.example.com"),
        "{}",
        run.stdout
    );
    let doc = json(&env.run(&["status", "--output", "json"]).stdout);
    assert_eq!(doc["healthy"], true);
    let components: Vec<(&str, &str)> = doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["name"].as_str().unwrap(), c["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        components,
        [
            ("images", "ready"),
            ("claims", "ready"),
            ("system-mysql", "ready"),
            ("system-app", "ready"),
            ("apicast-production", "ready"),
            ("apicast-staging", "ready"),
            ("routes", "ready")
        ],
        "one readiness model: images, claims, each deployment config, routes"
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    env.cluster(|s| s["rollout_overrides"] = serde_json::json!({"system-app": "failed"}));
    let run = env.run(&["status"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("Health    not ready: system-app (failed)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("has failed progressing"),
        "{}",
        run.stdout
    );
    let run = env.run(&["status", "-o", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(doc["healthy"], false);
    assert!(doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["name"] == "system-app" && c["state"] == "failed"));
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn credentials_text_and_json() {
    let env = installed();
    let run = env.run(&["credentials"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("Admin portal      https://3scale-admin.apps.cluster.example.com"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Admin password    ••••••"));
    let doc = json(&env.run(&["credentials", "-o", "json"]).stdout);
    assert_eq!(doc["admin"]["password"], Value::Null);
    assert_eq!(
        doc["master_portal"],
        "https://master.apps.cluster.example.com"
    );
    let doc = json(
        &env.run(&["credentials", "-o", "json", "--show-secrets"])
            .stdout,
    );
    assert_eq!(doc["admin"]["password"].as_str().unwrap().len(), 8);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn install_json_output() {
    let env = TestEnv::new();
    let run = env.run(&[&["--yes", "-o", "json"], DOMAIN].concat());
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(
        doc["admin_portal"],
        "https://3scale-admin.apps.cluster.example.com"
    );
    assert_eq!(doc["admin"]["password"], Value::Null);
    assert_eq!(doc["changes"].as_array().unwrap().len(), 5);
}

#[test]
fn uninstall_refuses_a_project_without_3scale() {
    let env = TestEnv::new().without_env("THREESCALE_TEMPLATES_DIR");
    // No record, no system-seed: no install, said before any template is fetched (the default
    // repository is out of reach here), and nothing written for that project.
    env.cluster(|s| {
        s["projects"]["other"] =
            serde_json::json!({"display_name": "x", "requester": "developer", "objects": []})
    });
    for command in [
        &["uninstall", "--project", "other", "--yes"][..],
        &["credentials", "--project", "other"][..],
        &["status", "--project", "other"][..],
    ] {
        let run = env.run(command);
        run.assert_code(2);
        assert!(
            run.stderr.contains("project other holds no 3scale install"),
            "{command:?}: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("==> templates"),
            "no template was fetched: {}",
            run.stderr
        );
    }
    let missing = env.run(&["status", "--project", "nosuchp"]);
    missing.assert_code(2);
    assert!(
        missing.stderr.contains("project nosuchp does not exist"),
        "{}",
        missing.stderr
    );
    let state = env
        .root()
        .join("state/threescale-install/api.crc.testing-6443");
    for project in ["other", "nosuchp"] {
        assert!(!state.join(project).exists(), "{project} has a state dir");
    }
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn given_templates_look_for_every_object_of_an_install_without_its_seed() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["projects"]["other"] =
            serde_json::json!({"display_name": "x", "requester": "developer", "objects": []})
    });
    let run = env.run(&["uninstall", "--project", "other", "--yes"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("project other holds no 3scale install: none of the objects of the templates' profiles is there"),
        "{}",
        run.stderr
    );
}

#[test]
fn without_a_record_the_profile_is_told_by_the_objects_even_when_two_have_the_same() {
    for profile in ["amp", "amp-eval-tech-preview"] {
        let env = TestEnv::new();
        env.run(&[&["--yes", "--template", profile], DOMAIN].concat())
            .assert_code(0);
        let record = env
            .root()
            .join("state/threescale-install/api.crc.testing-6443/3scale-apim/install.yaml");
        std::fs::remove_file(record).unwrap();
        let run = env.run(&["status", "-o", "json"]);
        run.assert_code(0);
        assert_eq!(json(&run.stdout)["profile"], profile, "{}", run.stdout);
    }
}

#[test]
fn a_record_written_for_an_install_made_elsewhere_holds_what_the_cluster_shows() {
    let env = TestEnv::new();
    env.run(&[&["--yes"], DOMAIN].concat()).assert_code(0);
    let record = env
        .root()
        .join("state/threescale-install/api.crc.testing-6443/3scale-apim/install.yaml");
    std::fs::remove_file(&record).unwrap();
    let env = env
        .without_env("THREESCALE_REGISTRY_USERNAME")
        .without_env("THREESCALE_REGISTRY_PASSWORD");
    env.run(&["--yes", "--project", "3scale-apim"])
        .assert_code(0);
    let written: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(written["registry_username"].as_str(), Some(USERNAME));
    assert_eq!(written["rwx_storage_class"].as_str(), Some("ocs-cephfs"));
}

#[test]
fn uninstall_asks_and_without_a_terminal_needs_yes() {
    let env = installed();
    let run = env.run(&["uninstall"]);
    run.assert_code(2);
    assert!(run.stderr.contains("pass --yes"), "{}", run.stderr);
    assert!(
        run.stderr.contains("will delete the"),
        "it lists what it would delete: {}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn a_dry_run_says_what_it_would_do_not_what_it_will() {
    let env = installed();
    let run = env.run(&["uninstall", "--dry-run"]);
    run.assert_code(0);
    assert!(run.stderr.contains("would delete the"), "{}", run.stderr);
    assert!(!run.stderr.contains("will delete"), "{}", run.stderr);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn uninstall_leaves_a_route_labelled_like_zyncs_that_zync_did_not_make() {
    let env = installed();
    let mine = json!({"apiVersion": "route.openshift.io/v1", "kind": "Route",
        "metadata": {"name": "my-route", "namespace": "3scale-apim",
            "labels": {"3scale.net/created-by": "zync", "app": "3scale-api-management"}},
        "spec": {"host": "mine.apps.cluster.example.com", "to": {"kind": "Service", "name": "x"}}});
    env.cluster(|s| {
        s["projects"]["3scale-apim"]["objects"]
            .as_array_mut()
            .unwrap()
            .push(mine.clone())
    });
    let run = env.run(&["uninstall", "--yes"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("route/my-route"), "{}", run.stderr);
    assert!(env.object("3scale-apim", "Route", "my-route").is_some());
    assert!(
        env.objects("3scale-apim")
            .iter()
            .all(|o| o["kind"] != "Route" || o["metadata"]["name"] == "my-route"),
        "zync's own routes are gone"
    );
}

#[test]
fn uninstall_then_install_again() {
    let env = installed();
    let state_dir = env
        .root()
        .join("state/threescale-install/api.crc.testing-6443/3scale-apim");
    assert!(
        state_dir.join("install.yaml").is_file() && state_dir.join("credentials.yaml").is_file()
    );
    let run = env.run(&["uninstall", "--yes"]);
    run.assert_code(0);
    let left: Vec<Value> = env
        .objects("3scale-apim")
        .into_iter()
        .filter(|o| !crate::support::made_by_openshift(o))
        .collect();
    assert_eq!(
        left,
        Vec::<Value>::new(),
        "everything the install created is gone (what OpenShift puts in every project stays)"
    );
    assert!(
        env.state()["projects"]["3scale-apim"].is_object(),
        "the project itself is kept"
    );
    assert!(
        !state_dir.join("install.yaml").exists() && !state_dir.join("credentials.yaml").exists()
    );
    assert!(env
        .mutating_commands()
        .iter()
        .all(|c| c.starts_with("oc delete")));

    env.run(&[&["--yes"], DOMAIN].concat()).assert_code(0);
    assert!(env.object("3scale-apim", "Secret", "system-seed").is_some());
}

#[test]
fn uninstall_delete_project_keeping_credentials() {
    let env = installed();
    let creds = env
        .root()
        .join("state/threescale-install/api.crc.testing-6443/3scale-apim/credentials.yaml");
    env.run(&[
        "uninstall",
        "--yes",
        "--delete-project",
        "--keep-credentials",
    ])
    .assert_code(0);
    assert!(env.state()["projects"].get("3scale-apim").is_none());
    assert_eq!(
        env.mutating_commands(),
        ["oc delete project 3scale-apim --request-timeout=60s"]
    );
    assert!(creds.is_file());
}

#[test]
fn commands_on_a_missing_project() {
    let env = TestEnv::new();
    for cmd in ["status", "credentials"] {
        let run = env.run(&[cmd, "--project", "nowhere"]);
        run.assert_code(2);
        assert!(
            run.stderr.contains("project nowhere does not exist"),
            "{cmd}: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("==> templates"),
            "{cmd}: a project that is not there needs no templates: {}",
            run.stderr
        );
        assert_eq!(env.mutating_commands(), Vec::<String>::new());
    }
}

#[test]
fn preflight_checks_the_profiles_inputs_like_install() {
    let s3 = [
        "preflight",
        "--template",
        "amp-s3",
        "--param",
        "AWS_BUCKET=b",
        "--param",
        "AWS_REGION=r",
    ];
    let env = TestEnv::new()
        .env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", "aws-Secret-1");
    let run = env.run(&s3);
    assert!(
        run.stdout.contains("inputs             ok"),
        "the AWS variables count: {}",
        run.stdout
    );
    assert!(!run.stdout.contains("aws-Secret-1"));

    // The HA database URL holds a password: a secret, given through the environment.
    let ha = ["preflight", "--template", "amp-ha-tech-preview"];
    let run = TestEnv::new()
        .env(
            "THREESCALE_PARAM_SYSTEM_DATABASE_URL",
            "mysql://u:db-Pw-1@db/s",
        )
        .run(&ha);
    run.assert_code(3);
    assert!(
        run.stdout
            .contains("SYSTEM_DATABASE_URL must be a mysql2:// or postgresql:// URL"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("db-Pw-1") && !run.stderr.contains("db-Pw-1"),
        "{}{}",
        run.stdout,
        run.stderr
    );
}
