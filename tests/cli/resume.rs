//! Re-runs after failures and interruptions: resuming a partial new-app without regenerating
//! secrets, continuing without flags, and one run at a time.

use crate::support::{events, TestEnv};
use serde_json::json;

const ARGS: &[&str] = &["--yes", "--wildcard-domain", "apps.cluster.example.com"];

fn data(env: &TestEnv, secret: &str) -> serde_json::Value {
    env.object("3scale-apim", "Secret", secret)
        .map(|s| s["data"].clone())
        .unwrap_or_default()
}

#[test]
fn a_partial_new_app_is_resumed_with_the_original_secrets_intact() {
    let env = TestEnv::new();
    env.run(ARGS).assert_code(0);
    let (seed, database) = (data(&env, "system-seed"), data(&env, "system-database"));
    // What an interrupted new-app leaves: the secrets were created, the rest was not.
    env.cluster(|s| {
        let objects = s["projects"]["3scale-apim"]["objects"]
            .as_array_mut()
            .unwrap();
        objects.retain(|o| {
            !matches!(
                o["kind"].as_str(),
                Some("DeploymentConfig" | "ConfigMap" | "Route" | "Role" | "RoleBinding")
            )
        });
    });
    env.clear_calls();
    let run = env.run(ARGS);
    run.assert_code(0);
    assert!(
        run.stderr.contains(
            "project 3scale-apim holds 12 of the 20 objects of profile amp: the 8 missing ones will be created with the values the existing ones hold"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("will create the 8 missing objects: deploymentconfig/system-app, configmap/system-environment, deploymentconfig/system-mysql, route/backend, role/zync-que-role, rolebinding/zync-que-rolebinding, deploymentconfig/apicast-staging, deploymentconfig/apicast-production"),
        "{}",
        run.stderr
    );
    assert_eq!(
        env.commands()
            .iter()
            .filter(|c| c.starts_with("oc process"))
            .count(),
        1,
        "the template is processed once, with the values read back"
    );
    // The 4 missing objects that are not deployment configs, one per `oc create` (4 at once),
    // then the 4 deployment configs, one each: nothing that exists is sent again.
    // The kept pull secret's login is checked again first (a dry-run import, which creates
    // nothing): objects are still to be created.
    let mutating = env.mutating_commands();
    assert!(
        mutating[0].starts_with("oc import-image threescale-install-registry-check")
            && mutating[0].contains("--dry-run"),
        "{mutating:#?}"
    );
    assert_eq!(
        mutating[1..],
        ["oc create -f - -n 3scale-apim --request-timeout=60s"; 8],
        "only creates of the missing objects"
    );
    assert!(env
        .object("3scale-apim", "DeploymentConfig", "system-app")
        .is_some());
    assert!(env
        .object("3scale-apim", "RoleBinding", "zync-que-rolebinding")
        .is_some());
    assert_eq!(
        data(&env, "system-seed"),
        seed,
        "system-seed keeps its first values"
    );
    assert_eq!(data(&env, "system-database"), database);
    // The re-created system-mysql runs with the root password system-database's URL holds.
    assert_eq!(
        format!(
            "mysql2://root:{}@system-mysql/system",
            mysql_env(&env, "MYSQL_ROOT_PASSWORD")
        ),
        decoded(&env, "system-database", "URL")
    );
}

fn decoded(env: &TestEnv, secret: &str, key: &str) -> String {
    decoded_of(&data(env, secret), key)
}

fn mysql_env(env: &TestEnv, name: &str) -> String {
    let dc = env
        .object("3scale-apim", "DeploymentConfig", "system-mysql")
        .expect("system-mysql");
    dc["spec"]["template"]["spec"]["containers"][0]["env"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .and_then(|e| e["value"].as_str())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_lost_generated_secret_that_no_rollout_uses_is_said_to_be_regenerated() {
    let env = TestEnv::new();
    env.run(ARGS).assert_code(0);
    let seed = data(&env, "system-seed");
    let hook = data(&env, "system-events-hook");
    // No deployment config of the fixture reads system-events-hook: nothing holds its value.
    env.cluster(|s| {
        let objects = s["projects"]["3scale-apim"]["objects"]
            .as_array_mut()
            .unwrap();
        objects.retain(|o| o["metadata"]["name"] != "system-events-hook");
    });
    let run = env.run(ARGS);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("no existing object holds SYSTEM_BACKEND_SHARED_SECRET: new values are generated for the missing objects"),
        "{}",
        run.stderr
    );
    let regenerated = data(&env, "system-events-hook");
    assert!(regenerated["PASSWORD"].is_string(), "{regenerated}");
    assert_ne!(regenerated["PASSWORD"], hook["PASSWORD"]);
    assert_eq!(data(&env, "system-seed"), seed);
}

#[test]
fn a_lost_secret_whose_value_a_rollout_uses_is_refused_until_the_value_is_given() {
    let env = TestEnv::new();
    env.run(ARGS).assert_code(0);
    let database = data(&env, "system-database");
    // system-mysql rolled out with system-database's DB_PASSWORD, which no other object holds;
    // the root password is in system-mysql's environment too.
    env.cluster(|s| {
        let objects = s["projects"]["3scale-apim"]["objects"]
            .as_array_mut()
            .unwrap();
        objects.retain(|o| o["metadata"]["name"] != "system-database");
    });
    env.clear_calls();
    let run = env.run(ARGS);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "SYSTEM_DATABASE_PASSWORD is held only by secret/system-database, which is gone, and deploymentconfig/system-mysql already rolled out with it: a new value would not match what they hold"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("THREESCALE_PARAM_SYSTEM_DATABASE_PASSWORD"),
        "{}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    // With the value it held, the secret is made again as it was: the root password is read
    // back from system-mysql's environment.
    let password = decoded_of(&database, "DB_PASSWORD");
    let env = env.env("THREESCALE_PARAM_SYSTEM_DATABASE_PASSWORD", &password);
    env.run(ARGS).assert_code(0);
    assert_eq!(data(&env, "system-database"), database);
}

fn decoded_of(data: &serde_json::Value, key: &str) -> String {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data[key].as_str().unwrap_or_default())
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn a_failed_install_continues_without_flags() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = json!("failed"));
    let first = [
        "--yes",
        "--project",
        "other-proj",
        "--wildcard-domain",
        "apps.elsewhere.example.com",
        "--rwx-storage-class",
        "ocs-cephfs",
    ];
    env.run(&first).assert_code(4);
    env.clear_calls();

    // Fixed by hand; the operator runs the bare command, without the password even.
    env.cluster(|s| s["rollout"] = json!("ready"));
    let env = env.without_env("THREESCALE_REGISTRY_PASSWORD");
    let run = env.run(&["--yes"]);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("resuming the install of project other-proj that stopped while waiting"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("installed in project other-proj"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("https://3scale-admin.apps.elsewhere.example.com"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains(
            "pull secret threescale-registry-auth is kept: it holds 12345|svc-account for registry.redhat.io, and no registry password was given"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        env.mutating_commands(),
        Vec::<String>::new(),
        "the failed install had created everything: the re-run only waits"
    );
}

#[test]
fn a_second_run_is_refused_and_a_dead_runs_lock_taken_over() {
    let env = TestEnv::new();
    env.cluster(|s| s["hang"] = json!(["process"]));
    let mut first = env
        .command(ARGS)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid_file = env.root().join("cluster/hung.pid");
    events::await_change(
        &env.root().join("cluster"),
        "the first run reaching the template",
        || pid_file.exists(),
    );
    let second = env.run(ARGS);
    second.assert_code(3);
    assert!(
        second
            .stderr
            .contains(&format!("another threescale-install (pid {}", first.id())),
        "{}",
        second.stderr
    );

    // Killed without a chance to clean up: its lock stays, stale.
    unsafe { libc::kill(first.id() as i32, libc::SIGKILL) };
    first.wait().unwrap();
    let oc_pid: i32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    unsafe { libc::kill(oc_pid, libc::SIGKILL) };
    assert!(env
        .root()
        .join("state/threescale-install/api.crc.testing-6443/3scale-apim/lock")
        .exists());

    env.cluster(|s| s["hang"] = json!([]));
    let third = env.run(ARGS);
    third.assert_code(0);
    assert!(
        !env.root()
            .join("state/threescale-install/api.crc.testing-6443/3scale-apim/lock")
            .exists(),
        "released at the end"
    );
}

#[test]
fn plan_and_preflight_look_at_the_install_that_did_not_finish() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = json!("failed"));
    env.run(&[
        "--yes",
        "--project",
        "other-proj",
        "--wildcard-domain",
        "apps.elsewhere.example.com",
        "--rwx-storage-class",
        "ocs-cephfs",
    ])
    .assert_code(4);
    let env = env.without_env("THREESCALE_REGISTRY_PASSWORD");

    // What the bare `install` would continue is what `plan` and `preflight` look at.
    let plan = env.run(&["plan", "-o", "json"]);
    plan.assert_code(0);
    let doc: serde_json::Value = serde_json::from_str(&plan.stdout).unwrap();
    assert_eq!(doc["answers"]["project"], "other-proj", "{}", plan.stderr);
    assert_eq!(
        doc["answers"]["wildcard_domain"],
        "apps.elsewhere.example.com"
    );
    assert!(
        plan.stderr
            .contains("resuming the install of project other-proj that stopped while waiting"),
        "{}",
        plan.stderr
    );
    let preflight = env.run(&["preflight", "-o", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&preflight.stdout).unwrap();
    let check = |id: &str| {
        doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["detail"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert!(
        check("wildcard-domain").starts_with("apps.elsewhere.example.com"),
        "{}",
        preflight.stdout
    );
    assert_eq!(check("plan"), "nothing to change", "{}", preflight.stdout);
}

#[test]
fn another_profile_over_a_failed_install_is_refused_naming_the_installed_one() {
    let env = TestEnv::new().env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
    env.cluster(|s| s["rollout"] = json!("failed"));
    env.run(&["--yes"]).assert_code(4);
    env.clear_calls();

    let secret = env.root().join("aws-secret");
    std::fs::write(&secret, "from-a-file\n").unwrap();
    let s3 = [
        "--yes",
        "--template",
        "amp-s3",
        "--param",
        "AWS_BUCKET=b",
        "--param",
        "AWS_REGION=r",
        "--aws-secret-access-key-file",
        secret.to_str().unwrap(),
    ];
    let run = env.run(&s3);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "project 3scale-apim holds an install of profile amp (20 of its 20 objects), not of amp-s3 (from --template)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("continue that install with --template amp")
            && run.stderr.contains("uninstall first"),
        "{}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    assert!(env.object("3scale-apim", "Secret", "aws-auth").is_none());

    // The same profile continues it.
    env.cluster(|s| s["rollout"] = json!("ready"));
    env.run(&["--yes"]).assert_code(0);
}

/// amp-eval-tech-preview has amp's objects: over an amp install, the plan does not call it
/// installed while the refusal says it is not; and the JSON document names the profile asked.
#[test]
fn a_profile_with_the_same_objects_over_an_install_is_refused_without_a_contrary_line() {
    let env = TestEnv::new();
    env.run(&["--yes"]).assert_code(0);
    let run = env.run(&["--yes", "--template", "amp-eval-tech-preview", "-o", "json"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("holds an install of profile amp (")
            && !run
                .stderr
                .contains("every object of profile amp-eval-tech-preview exists"),
        "{}",
        run.stderr
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["profile"], "amp-eval-tech-preview", "{doc}");
}

#[test]
fn uninstall_deletes_what_a_run_with_another_profile_left_in_the_project() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = json!("failed"));
    env.run(&["--yes"]).assert_code(4);
    // What an earlier version left when amp-s3 was run over the failed amp install.
    env.cluster(|s| {
        let objects = s["projects"]["3scale-apim"]["objects"]
            .as_array_mut()
            .unwrap();
        objects.push(json!({"kind": "Secret", "apiVersion": "v1",
            "metadata": {"name": "aws-auth", "namespace": "3scale-apim"},
            "data": {"AWS_BUCKET": "Yg=="}}));
    });
    let run = env.run(&["uninstall", "--yes", "-o", "json"]);
    run.assert_code(0);
    assert!(run.stdout.contains("secret/aws-auth"), "{}", run.stdout);
    assert!(env.object("3scale-apim", "Secret", "aws-auth").is_none());
    assert!(env
        .object("3scale-apim", "PersistentVolumeClaim", "system-storage")
        .is_none());
}

/// A run stopped at the registry's refusal left the project and the pull secret: `status` and
/// `uninstall` find them (the record says which profile), and uninstall deletes them.
#[test]
fn what_a_run_refused_at_the_registry_left_is_uninstalled() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["registry_login"] = json!({"host": "registry.redhat.io", "username": crate::support::USERNAME, "password": "another-registry-pw"})
    });
    let args = ["--yes", "--wildcard-domain", "apps.cluster.example.com"];
    env.run(&args).assert_code(2);
    assert!(env
        .object("3scale-apim", "Secret", "threescale-registry-auth")
        .is_some());
    let status = env.run(&["status"]);
    status.assert_code(0);
    assert!(
        status.stdout.contains("incomplete")
            && status
                .stdout
                .contains("the last run on this machine (amp) stopped while changing the cluster: its transcript"),
        "{}",
        status.stdout
    );
    let run = env.run(&["uninstall", "--yes", "--delete-project"]);
    run.assert_code(0);
    assert!(
        env.state()["projects"].get("3scale-apim").is_none(),
        "{}",
        run.stderr
    );
}

/// Another run makes the project between this run's look and its `oc new-project`: the refusal
/// says the plan went stale and to run again (not that the project cannot be seen), and the
/// next run goes on in it.
#[test]
fn a_project_made_by_someone_else_after_the_plan_is_named_so() {
    let env = TestEnv::new();
    env.cluster(|s| s["project_made_meanwhile"] = json!(true));
    let args = ["--yes", "--wildcard-domain", "apps.cluster.example.com"];
    let run = env.run(&args);
    run.assert_code(4);
    assert!(
        run.stderr.contains(
            "project 3scale-apim was created by someone else (another run?) after this run looked"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("you cannot see it"), "{}", run.stderr);
    env.run(&args).assert_code(0);
}
