//! Waiting for a working 3scale, explaining failures by root cause, and robust oc calls.

use crate::support::{events, TestEnv, PASSWORD};
use serde_json::json;

const ARGS: &[&str] = &["--yes", "--wildcard-domain", "apps.cluster.example.com"];
const POLL: &str = "oc get imagestreams.image.openshift.io,persistentvolumeclaims,deploymentconfigs.apps.openshift.io,routes.route.openshift.io,pods,events";

fn polls(env: &TestEnv) -> usize {
    env.commands()
        .iter()
        .filter(|c| c.starts_with(POLL))
        .count()
}

#[test]
fn waits_until_every_component_is_ready() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = json!("ready-after:3"));
    let run = env.run(ARGS);
    run.assert_code(0);
    assert!(polls(&env) >= 3, "one look per poll: {:#?}", env.commands());
    assert!(
        run.stderr.contains("system-app: rolling out"),
        "{}",
        run.stderr
    );
    // Each change of state stamped with the time waited until then.
    let stamped =
        regex::Regex::new(r"(?m)^    \[(\d+(ms|d|h|m|s))+\] system-app: ready \(").unwrap();
    assert!(stamped.is_match(&run.stderr), "{}", run.stderr);
    assert!(
        run.stderr.contains("3scale: all components ready"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("Admin portal"), "{}", run.stdout);
}

#[test]
fn no_wait_skips_waiting() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = json!("pending"));
    env.run(&[ARGS, &["--no-wait"]].concat()).assert_code(0);
    assert_eq!(polls(&env), 0);
}

/// Installs on a cluster with `switch` set and returns the failed run's stderr.
#[track_caller]
fn fails_with(switch: impl FnOnce(&mut serde_json::Value), extra: &[&str]) -> String {
    let env = TestEnv::new();
    env.cluster(switch);
    let run = env.run(&[ARGS, extra].concat());
    run.assert_code(4);
    assert!(run.stderr.contains("help:"), "{}", run.stderr);
    run.stderr
}

#[test]
fn a_failed_image_import_is_explained_with_the_registry_message() {
    // The login check, skipped, would have stopped the install before the wait.
    let err = fails_with(
        |s| {
            s["import_failure"] =
                json!("you may not have access to the container image \"{image}\"")
        },
        &["--skip-check", "registry-login"],
    );
    assert!(err.contains("image-import-failed"), "{err}");
    assert!(err.contains("Import failed (Unauthorized): you may not have access to the container image \"registry.redhat.io/3scale-amp2/"), "{err}");
    assert!(
        err.contains("pull secret threescale-registry-auth"),
        "{err}"
    );
}

/// A registry that lets in only USERNAME with `password`.
fn registry_accepts(s: &mut serde_json::Value, password: &str) {
    s["registry_login"] = json!({"host": "registry.redhat.io", "username": crate::support::USERNAME, "password": password});
}

#[test]
fn a_pull_secret_the_registry_refused_is_not_kept_as_good_on_the_next_run() {
    let env = TestEnv::new();
    env.cluster(|s| registry_accepts(s, "the-right-registry-pw"));
    env.run(ARGS).assert_code(2);
    // Without a password, the run keeps the pull secret: its login is checked again first.
    let env = env.without_env("THREESCALE_REGISTRY_PASSWORD");
    env.clear_calls();
    let rerun = env.run(ARGS);
    rerun.assert_code(2);
    assert!(
        rerun
            .stderr
            .contains("refused the login of 12345|svc-account"),
        "{}",
        rerun.stderr
    );
    for flag in [
        "--registry-password-file",
        "--registry-password-stdin",
        "THREESCALE_REGISTRY_PASSWORD",
    ] {
        assert!(rerun.stderr.contains(flag), "{flag}: {}", rerun.stderr);
    }
    assert!(
        env.object("3scale-apim", "Secret", "system-seed").is_none(),
        "nothing of 3scale was created"
    );
}

#[test]
fn a_refused_registry_login_stops_before_the_objects_and_a_rerun_with_the_right_one_installs() {
    let env = TestEnv::new();
    env.cluster(|s| registry_accepts(s, "the-right-registry-pw"));
    let run = env.run(ARGS);
    run.assert_code(2);
    assert!(
        run.stderr.contains("registry.redhat.io refused the login of 12345|svc-account (pull secret threescale-registry-auth): you may not have access to the container image \"registry.redhat.io/3scale-amp2/"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--skip-check registry-login"),
        "{}",
        run.stderr
    );
    // Every way to give the password again, named in the help.
    let help: String = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("help:"))
        .collect();
    for way in [
        "--registry-username",
        "--registry-password-file",
        "--registry-password-stdin",
        "THREESCALE_REGISTRY_PASSWORD",
    ] {
        assert!(help.contains(way), "{way} in the help: {}", run.stderr);
    }
    assert!(!run.stderr.contains(PASSWORD), "{}", run.stderr);
    // Only the project and the pull secret were made; the check created nothing.
    assert!(env
        .object("3scale-apim", "DeploymentConfig", "system-app")
        .is_none());
    assert!(env
        .object("3scale-apim", "ImageStream", "amp-system")
        .is_none());
    let rerun = env
        .command(ARGS)
        .env("THREESCALE_REGISTRY_PASSWORD", "the-right-registry-pw")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    assert_eq!(rerun.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("update pull secret"), "{stderr}");
    assert!(stderr.contains("lets 12345|svc-account in"), "{stderr}");
    // A finished install's re-run checks nothing again.
    let before = env.mutating_commands().len();
    let again = env
        .command(ARGS)
        .env("THREESCALE_REGISTRY_PASSWORD", "the-right-registry-pw")
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        env.mutating_commands().len(),
        before,
        "{:#?}",
        env.mutating_commands()
    );
}

#[test]
fn image_streams_that_failed_to_import_are_imported_again_once_the_login_is_right() {
    let env = TestEnv::new();
    env.cluster(|s| registry_accepts(s, "the-right-registry-pw"));
    let run = env.run(
        &[
            ARGS,
            &["--skip-check", "registry-login", "--timeout", "1ms"],
        ]
        .concat(),
    );
    run.assert_code(4);
    assert!(run.stderr.contains("image-import-failed"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("imports every failed image stream again"),
        "{}",
        run.stderr
    );
    let rerun = env
        .command(ARGS)
        .env("THREESCALE_REGISTRY_PASSWORD", "the-right-registry-pw")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    assert_eq!(rerun.status.code(), Some(0), "{stderr}");
    let reimports: Vec<String> = env
        .commands()
        .into_iter()
        .filter(|c| c.starts_with("oc import-image") && c.contains("--all"))
        .collect();
    assert!(
        reimports
            .iter()
            .any(|c| c.starts_with("oc import-image amp-system --all -n 3scale-apim")),
        "{reimports:#?}"
    );
    let system = env
        .object("3scale-apim", "ImageStream", "amp-system")
        .unwrap();
    assert!(
        !system["status"].to_string().contains("ImportSuccess"),
        "imported: {}",
        system["status"]
    );
}

#[test]
fn a_claim_that_cannot_be_provisioned_names_its_class_and_the_rwx_fix() {
    let err = fails_with(
        |s| s["pvc_pending"] = json!({"system-storage": "Failed to provision volume with StorageClass \"ocs-cephfs\": rpc error: code = Internal"}),
        &[],
    );
    assert!(
        err.contains("claim system-storage (class ocs-cephfs)"),
        "{err}"
    );
    assert!(
        err.contains("ProvisioningFailed: Failed to provision volume"),
        "{err}"
    );
    assert!(
        err.contains("--rwx-storage-class") && err.contains("--template amp-s3"),
        "{err}"
    );
}

#[test]
fn a_failed_hook_shows_the_tail_of_its_log() {
    let err = fails_with(
        |s| s["rollout_overrides"] = json!({"system-app": "hook-failed"}),
        &[],
    );
    assert!(
        err.contains("hook pod system-app-1-hook-pre failed"),
        "{err}"
    );
    assert!(
        err.contains("Mysql2::Error::ConnectionError: Access denied"),
        "the log tail: {err}"
    );
}

#[test]
fn image_pull_backoff_points_at_the_pull_secret() {
    let err = fails_with(
        |s| s["rollout_overrides"] = json!({"system-app": "image-pull-backoff"}),
        &[],
    );
    assert!(
        err.contains("ImagePullBackOff: Back-off pulling image"),
        "{err}"
    );
    assert!(err.contains("threescale-registry-auth"), "{err}");
}

#[test]
fn an_exceeded_quota_is_named() {
    let err = fails_with(
        |s| s["rollout_overrides"] = json!({"system-app": "quota"}),
        &[],
    );
    assert!(err.contains("exceeded quota: compute"), "{err}");
}

#[test]
fn insufficient_resources_are_reported_at_the_deadline() {
    let err = fails_with(
        |s| s["rollout_overrides"] = json!({"system-app": "unschedulable"}),
        &["--timeout", "1ms"],
    );
    assert!(err.contains("by the deadline"), "{err}");
    assert!(
        err.contains("FailedScheduling: 0/6 nodes are available: 3 Insufficient cpu"),
        "{err}"
    );
}

#[test]
fn a_failed_rollout_is_named() {
    let err = fails_with(|s| s["rollout"] = json!("failed"), &[]);
    assert!(
        err.contains("rollout-failed") && err.contains("has failed progressing"),
        "{err}"
    );
}

#[test]
fn a_claimed_route_host_is_named() {
    let err = fails_with(
        |s| s["claimed_hosts"] = json!(["3scale-admin.apps.cluster.example.com"]),
        &[],
    );
    assert!(err.contains("HostAlreadyClaimed"), "{err}");
    assert!(err.contains("TENANT_NAME"), "{err}");
}

#[test]
fn the_root_cause_is_the_first_broken_thing_in_dependency_order() {
    let err = fails_with(
        |s| {
            s["rollout_overrides"] =
                json!({"system-app": "hook-failed", "apicast-production": "failed"})
        },
        &[],
    );
    // The wait's own lines show every component (apicast-production failing too); the error
    // names the root cause only.
    let (_, error) = err.split_once("\nerror: ").expect("an error line");
    assert!(error.contains("hook-failed"), "{err}");
    assert!(!error.contains("apicast-production"), "{err}");
    assert!(
        err.contains("apicast-production: failed"),
        "the other failure is shown where it is: {err}"
    );
}

#[test]
fn a_slow_install_runs_out_of_time_with_what_is_left() {
    let err = fails_with(
        |s| s["rollout"] = json!("ready-after:1000"),
        &["--timeout", "1ms"],
    );
    assert!(
        err.contains("not every component was ready within 1ms"),
        "{err}"
    );
    assert!(err.contains("system-app: 0/1 available"), "{err}");
}

#[test]
fn interrupted_mid_wait_then_resumed() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = json!("pending"));
    let mut child = env
        .command(ARGS)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    events::await_change(&env.root().join("cluster"), "the wait starting", || {
        polls(&env) > 0
    });
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    assert_eq!(child.wait().unwrap().code(), Some(130));

    env.cluster(|s| s["rollout"] = json!("ready"));
    env.clear_calls();
    let run = env.run(ARGS);
    run.assert_code(0);
    assert_eq!(
        env.mutating_commands(),
        Vec::<String>::new(),
        "the re-run only waits"
    );
    assert!(run.stdout.contains("Admin portal"), "{}", run.stdout);
}

#[test]
fn a_transient_read_error_is_retried() {
    let env = TestEnv::new();
    env.cluster(|s| s["transient_failures"] = json!({"get": 2}));
    env.run(ARGS).assert_code(0);
    let first = env.commands()[3].clone();
    assert!(first.starts_with("oc get project 3scale-apim"), "{first}");
    assert_eq!(env.commands()[4], first, "retried");
    assert_eq!(env.commands()[5], first, "retried twice");
    assert!(
        !env.commands()[6].starts_with("oc get project"),
        "answered the third time: {:#?}",
        env.commands()
    );
}

#[test]
fn a_change_whose_oc_died_is_looked_at_and_never_sent_twice() {
    let env = TestEnv::new();
    // The first change (the pull secret) is made on the server, but its answer never comes:
    // oc hangs, and is then killed by a signal that is not the installer's (out of memory, a
    // killed session).
    env.cluster(|s| s["hang_after"] = json!({"create": 1}));
    let child = env
        .command(ARGS)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid_file = env.root().join("cluster/hung.pid");
    events::await_change(&env.root().join("cluster"), "oc hanging", || {
        pid_file.exists()
    });
    let oc_pid: i32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    unsafe { libc::kill(oc_pid, libc::SIGKILL) };
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let commands = env.commands();
    let first_create = commands
        .iter()
        .position(|c| c.starts_with("oc create"))
        .unwrap();
    assert!(
        commands[first_create + 1].starts_with(
            "oc get secret threescale-registry-auth -o json --ignore-not-found -n 3scale-apim"
        ),
        "it looks whether the change of the killed oc happened: {commands:#?}"
    );
    let calls = env.calls();
    let sent = &calls[first_create]["stdin_digest"];
    assert_eq!(
        calls.iter().filter(|c| c["stdin_digest"] == *sent).count(),
        1,
        "the pull secret, made by the killed oc, is not sent again: {commands:#?}"
    );
    assert!(env
        .object("3scale-apim", "Secret", "threescale-registry-auth")
        .is_some());
    let transcript = std::fs::read_to_string(
        env.root()
            .join("state/threescale-install/api.crc.testing-6443/3scale-apim/transcript.log"),
    )
    .unwrap();
    assert!(transcript.contains("killed by a signal"), "{transcript}");
}

#[test]
fn a_hung_oc_is_stopped_at_its_deadline_with_a_hint() {
    let env = TestEnv::new();
    // Every oc hangs; a 1 ms deadline (the only clock in these tests: a deadline is time by
    // nature) stops each at once.
    env.cluster(|s| s["hang"] = json!(["whoami"]));
    let run = env.run(&[ARGS, &["--oc-timeout", "1ms"]].concat());
    assert_ne!(run.code(), 0);
    assert!(
        run.stderr
            .contains("did not finish within 1ms and was stopped (--oc-timeout)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("raise --oc-timeout"), "{}", run.stderr);
    // With a 1 ms deadline an oc may be stopped before it even wrote its pid file: look for
    // any still running instead.
    assert_eq!(
        env.running_fake_ocs(),
        Vec::<i32>::new(),
        "a hung oc survived"
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn the_transcript_of_a_full_run_holds_no_secret() {
    let env = TestEnv::new().env("THREESCALE_PARAM_ADMIN_PASSWORD", "given-Admin-pw");
    let log = env.root().join("run.log");
    env.run(&[ARGS, &["--log-file", log.to_str().unwrap()]].concat())
        .assert_code(0);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("oc process -f"), "{text}");
    assert!(text.contains("oc create -f - -n 3scale-apim"), "{text}");
    assert!(text.contains("-> exit 0 in"), "{text}");
    // The processed template holds every generated value: its output is kept out.
    let process = text
        .split_once("oc process -f")
        .map(|(_, after)| after)
        .unwrap_or_default();
    assert!(
        process
            .lines()
            .take(3)
            .any(|l| l.trim() == "stdout: (not logged: it holds secret data)"),
        "{text}"
    );
    let mut secrets = vec![PASSWORD.to_string(), "given-Admin-pw".to_string()];
    for name in ["system-seed", "system-database"] {
        let secret = env.object("3scale-apim", "Secret", name).unwrap();
        for value in secret["data"].as_object().unwrap().values() {
            use base64::Engine;
            let v = String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(value.as_str().unwrap())
                    .unwrap(),
            )
            .unwrap();
            if v.len() >= 8 {
                secrets.push(v.clone());
                secrets.push(value.as_str().unwrap().to_string());
            }
        }
    }
    for s in secrets {
        assert!(!text.contains(&s), "secret {s} in the transcript");
    }
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&log).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn a_failure_points_at_the_transcript() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = json!("failed"));
    let run = env.run(ARGS);
    run.assert_code(4);
    let log = env
        .root()
        .join("state/threescale-install/api.crc.testing-6443/3scale-apim/transcript.log");
    assert!(
        run.stderr.contains(&format!(
            "the transcript of this run is in {}",
            log.display()
        )),
        "{}",
        run.stderr
    );
    assert!(log.is_file());
}
