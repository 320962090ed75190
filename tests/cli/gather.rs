//! `gather`: a support bundle of an install that holds no secret. The archive is opened with the
//! system's `tar`, and every file in it is searched for every secret value of the project in
//! every encoding (tests/support/leaks.rs, written apart from the product's masking).

use crate::support::leaks::{self, Leaks};
use crate::support::{TestEnv, PASSWORD};
use base64::Engine;
use serde_json::{json, Value};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const PROJECT: &str = "3scale-apim";
const DOMAIN: &str = "apps.cluster.example.com";
const MASK: &str = "••••••";

/// What a bundle may show of the project's Secrets: names (users, domains, the tenant) and, in
/// a service account's token secret, the project's name and the cluster's certificates.
const PUBLIC: &[(&str, &str)] = &[
    ("system-seed", "ADMIN_USER"),
    ("system-seed", "ADMIN_EMAIL"),
    ("system-seed", "MASTER_USER"),
    ("system-seed", "MASTER_DOMAIN"),
    ("system-seed", "TENANT_NAME"),
    ("system-database", "DB_USER"),
    ("backend-internal-api", "username"),
];
const PUBLIC_TOKEN_KEYS: &[&str] = &["namespace", "ca.crt", "service-ca.crt"];

/// An install on a cluster whose rolled-out deployment configs have pods, and whose service
/// accounts have their token and pull secrets.
fn installed() -> TestEnv {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["pods_of_ready_dcs"] = json!(true);
        s["service_account_controller"] = json!(true);
    });
    env.run(&["--yes", "--wildcard-domain", DOMAIN])
        .assert_code(0);
    env
}

fn decode(b64: &str) -> String {
    String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap(),
    )
    .unwrap()
}

/// Every (secret, key, value) of the project.
fn secret_values(env: &TestEnv) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for s in env
        .objects(PROJECT)
        .iter()
        .filter(|o| o["kind"] == "Secret")
    {
        let name = s["metadata"]["name"].as_str().unwrap().to_string();
        for (k, v) in s["data"].as_object().into_iter().flatten() {
            out.push((name.clone(), k.clone(), decode(v.as_str().unwrap())));
        }
    }
    out
}

fn value_of(env: &TestEnv, secret: &str, key: &str) -> String {
    secret_values(env)
        .into_iter()
        .find(|(s, k, _)| s == secret && k == key)
        .map(|(_, _, v)| v)
        .unwrap_or_else(|| panic!("{secret} has no {key}"))
}

/// Every secret value of the project that is not public, and the registry password.
fn leaks_of(env: &TestEnv) -> Leaks {
    let mut leaks = Leaks::new().secret("registry password", PASSWORD);
    for (secret, key, value) in secret_values(env) {
        let public = PUBLIC.contains(&(secret.as_str(), key.as_str()))
            || (secret.contains("-token-") && PUBLIC_TOKEN_KEYS.contains(&key.as_str()));
        if !public && value.len() >= leaks::MIN_LEN {
            leaks = leaks.secret(&format!("{secret} {key}"), &value);
        }
    }
    leaks
}

fn add_object(env: &TestEnv, object: Value) {
    env.cluster(|s| {
        s["projects"][PROJECT]["objects"]
            .as_array_mut()
            .unwrap()
            .push(object)
    });
}

fn config_map(name: &str, data: Value) -> Value {
    json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": name, "namespace": PROJECT, "uid": format!("uid-{name}")}, "data": data})
}

/// The running pod of a deployment config.
fn pod_of(env: &TestEnv, dc: &str) -> String {
    env.objects(PROJECT)
        .iter()
        .find(|o| o["kind"] == "Pod" && o["metadata"]["labels"]["deploymentconfig"] == dc)
        .and_then(|p| p["metadata"]["name"].as_str())
        .unwrap_or_else(|| panic!("no pod of {dc}"))
        .to_string()
}

/// The archive opened with the system's tar into `open/`: its one folder.
fn extract(env: &TestEnv, archive: &str) -> PathBuf {
    let into = env.root().join("open");
    std::fs::create_dir_all(&into).unwrap();
    let status = std::process::Command::new("tar")
        .arg("-xzf")
        .arg(env.root().join(archive))
        .arg("-C")
        .arg(&into)
        .status()
        .unwrap();
    assert!(status.success(), "tar could not open the archive");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&into)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(dirs.len(), 1, "one folder: {dirs:?}");
    dirs.pop().unwrap()
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Secrets planted where no redactor of secrets looks: a ConfigMap and a container's log and
/// previous log; and a Secret whose value is too short to be masked wherever it appears, with
/// that value after its key in the ConfigMap and the log. The pod's name.
fn plant(env: &TestEnv, admin_password: &str, token: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    let note = format!(
        "admin password {admin_password}, or {}",
        b64.encode(format!("admin:{admin_password}"))
    );
    add_object(
        env,
        config_map("planted", json!({"note": note, "PIN": "4321"})),
    );
    add_object(
        env,
        json!({"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
            "metadata": {"name": "door", "namespace": PROJECT}, "data": {"PIN": b64.encode("4321")}}),
    );
    let pod = pod_of(env, "system-app");
    env.cluster(|s| {
        s["pod_logs"] = json!({
            format!("{pod}/system-master"): format!("Started\nsigned in with token {token}\nPIN=4321\n"),
            format!("{pod}/system-master/previous"): format!("{{\"password\":\"{admin_password}\"}}\ncrashed\n"),
        })
    });
    pod
}

/// Each deployment config with its status, in its YAML and in the overview; their rollouts.
fn assert_dcs(dir: &Path) {
    let dcs: Value = serde_yaml::from_str(&read(dir, "objects/deploymentconfigs.yaml")).unwrap();
    let mut names: Vec<&str> = dcs["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert!(d["status"]["latestVersion"].as_u64().is_some(), "{d}");
            d["metadata"]["name"].as_str().unwrap()
        })
        .collect();
    names.sort();
    let all = [
        "apicast-production",
        "apicast-staging",
        "system-app",
        "system-mysql",
    ];
    assert_eq!(names, all);
    let overview = read(dir, "overview/deploymentconfigs.txt");
    for name in &names {
        let row = overview
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{overview}"));
        assert!(row.contains("Available=True"), "{row}");
    }
    let rcs = read(dir, "overview/replicationcontrollers.txt");
    let complete = |l: &str| l.starts_with("system-app-1 ") && l.contains(" Complete ");
    assert!(rcs.lines().any(complete), "{rcs}");
}

/// Every Secret of the project with every key and the length of its value.
fn assert_secret_keys(env: &TestEnv, dir: &Path) {
    let text = read(dir, "objects/secrets.yaml");
    let listed: Value = serde_yaml::from_str(text.trim_start_matches(|c| c != '\n')).unwrap();
    for (secret, key, value) in secret_values(env) {
        let s = listed["secrets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == secret.as_str())
            .unwrap_or_else(|| panic!("{secret} is not listed"));
        let length = format!("{} bytes", value.len());
        assert_eq!(s["data"][&key], length, "{secret} {key}");
    }
}

/// The planted values masked where they were.
fn assert_planted_masked(dir: &Path, pod: &str) {
    let config_maps = read(dir, "objects/configmaps.yaml");
    let note = format!("note: admin password {MASK}, or ");
    assert!(config_maps.contains(&note), "{config_maps}");
    assert!(
        config_maps.contains(&format!("PIN: '{MASK}'")),
        "{config_maps}"
    );
    let log = read(dir, &format!("logs/{pod}/system-master.log"));
    let masked = format!("Started\nsigned in with token {MASK}\nPIN={MASK}\n");
    assert_eq!(log, masked);
    let previous = read(dir, &format!("logs/{pod}/system-master.previous.log"));
    let masked = format!("{{\"password\":\"{MASK}\"}}");
    assert!(previous.starts_with(&masked), "{previous}");
}

/// What the summary says is inside.
fn assert_summary(dir: &Path) {
    let summary: Value = serde_json::from_str(&read(dir, "summary.json")).unwrap();
    assert_eq!(summary["project"], PROJECT);
    let masked = summary["secrets"]["occurrences_masked"].as_u64().unwrap();
    assert!(masked >= 5, "{summary}");
    assert_eq!(summary["secrets"]["short_values_masked_after_their_key"], 1);
    for file in [
        "install/status.json",
        "install/diagnosis.json",
        "install/record.yaml",
        "cluster/rights.txt",
        "cluster/version.json",
        "transcripts/transcript.log",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
        let listed = summary["files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["path"] == file);
        assert!(listed, "{file} not in the summary");
    }
}

#[test]
fn a_bundle_holds_each_dc_status_and_every_secret_key_and_no_secret_in_any_encoding() {
    let env = installed();
    let admin_password = value_of(&env, "system-seed", "ADMIN_PASSWORD");
    let token = value_of(&env, "system-seed", "MASTER_ACCESS_TOKEN");
    let pod = plant(&env, &admin_password, &token);
    env.clear_calls();
    let run = env.run(&["gather", "--archive", "bundle.tar.gz", "-o", "json"]);
    run.assert_code(0);
    let archive = env.root().join("bundle.tar.gz");
    let mode = std::fs::metadata(&archive).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        (&doc["ok"], &doc["archive"]["path"]),
        (&json!(true), &json!("bundle.tar.gz"))
    );
    let dir = extract(&env, "bundle.tar.gz");
    assert_dcs(&dir);
    assert_secret_keys(&env, &dir);
    assert_planted_masked(&dir, &pod);
    assert_summary(&dir);
    // No secret anywhere, in any encoding; the short one not after its key either.
    let leaks = leaks_of(&env)
        .secret("planted admin password", &admin_password)
        .secret("planted token", &token);
    assert!(leaks.count() > 15, "{} secrets looked for", leaks.count());
    let found = leaks.in_tree(&dir);
    assert!(
        found.is_empty(),
        "secrets in the bundle:\n{}",
        found.join("\n")
    );
    for file in leaks::files(&dir) {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !leaks::after_key(&text, "PIN", "4321"),
            "{}",
            file.display()
        );
    }
    for out in [&run.stdout, &run.stderr] {
        assert!(!out.contains(&admin_password) && !out.contains(&token));
    }
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn a_secret_in_a_form_the_masking_does_not_know_stops_the_gather_and_nothing_is_written() {
    let env = installed();
    let token = value_of(&env, "system-seed", "ADMIN_ACCESS_TOKEN");
    let hex: String = token.bytes().map(|b| format!("{b:02x}")).collect();
    add_object(&env, config_map("debug", json!({"token-hex": hex})));
    let run = env.run(&["gather", "--archive", "bundle.tar.gz"]);
    run.assert_code(3);
    assert!(
        run.stderr.contains(
            "objects/configmaps.yaml holds secret/system-seed ADMIN_ACCESS_TOKEN, hex-encoded"
        ) && run.stderr.contains("nothing was written"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(&token) && !run.stderr.contains(&hex));
    let left: Vec<_> = std::fs::read_dir(env.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bundle"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_existing_archive_is_replaced_only_with_force() {
    let env = installed();
    std::fs::write(env.root().join("bundle.tar.gz"), "mine").unwrap();
    env.clear_calls();
    let run = env.run(&["gather", "--archive", "bundle.tar.gz"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("the archive bundle.tar.gz exists") && run.stderr.contains("--force"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(env.root().join("bundle.tar.gz")).unwrap(),
        b"mine"
    );
    assert_eq!(
        env.commands(),
        Vec::<String>::new(),
        "nothing asked of the cluster before the refusal"
    );
    env.run(&["gather", "--archive", "bundle.tar.gz", "--force"])
        .assert_code(0);
    let mode = std::fs::metadata(env.root().join("bundle.tar.gz"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    extract(&env, "bundle.tar.gz");
}

#[test]
fn a_half_made_install_and_reads_that_fail_give_a_bundle_with_notes() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout_overrides"] = json!({"system-app": "hook-failed"}));
    // The install stops: system-app's pre hook fails.
    let install = env.run(&["--yes", "--wildcard-domain", DOMAIN, "--timeout", "1s"]);
    assert_ne!(install.code(), 0);
    env.cluster(|s| s["denied"] = json!(["list events", "list configmaps"]));
    env.clear_calls();
    let run = env.run(&["gather", "--archive", "b.tar.gz", "--since", "2h"]);
    run.assert_code(0);
    let dir = extract(&env, "b.tar.gz");
    let summary: Value = serde_json::from_str(&read(&dir, "summary.json")).unwrap();
    let notes: Vec<&str> = summary["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    for expected in [
        "events: could not be read: Error from server (Forbidden)",
        "configmaps: could not be read: Error from server (Forbidden)",
    ] {
        assert!(
            notes.iter().any(|n| n.starts_with(expected)),
            "{expected}: {notes:?}"
        );
    }
    assert_eq!(summary["logs_since"], "2h");
    let diagnosis: Value = serde_json::from_str(&read(&dir, "install/diagnosis.json")).unwrap();
    assert_eq!(
        diagnosis["diagnosis"]["signature"], "hook-failed",
        "{diagnosis}"
    );
    let hook = read(&dir, "logs/system-app-1-hook-pre/lifecycle.log");
    assert!(hook.contains("Access denied for user"), "{hook}");
    let since: Vec<String> = env
        .commands()
        .into_iter()
        .filter(|c| c.starts_with("oc logs"))
        .collect();
    assert!(
        !since.is_empty()
            && since
                .iter()
                .all(|c| c.contains("--since=7200s") && c.contains("--tail=500")),
        "{since:?}"
    );
    assert!(
        run.stdout.contains("root cause: hook-failed"),
        "{}",
        run.stdout
    );
}

#[test]
fn without_the_rights_to_read_secrets_nothing_is_gathered() {
    let env = installed();
    env.cluster(|s| s["denied"] = json!(["list secrets"]));
    env.clear_calls();
    let run = env.run(&["gather", "--archive", "b.tar.gz"]);
    run.assert_code(3);
    assert!(
        run.stderr
            .contains("you may not read the secrets of project 3scale-apim"),
        "{}",
        run.stderr
    );
    assert!(!env.root().join("b.tar.gz").exists());
    let logs: Vec<String> = env
        .commands()
        .into_iter()
        .filter(|c| c.starts_with("oc logs") || c.contains("configmaps"))
        .collect();
    assert!(logs.is_empty(), "nothing read before the secrets: {logs:?}");
}

#[test]
fn an_interrupted_gather_leaves_nothing() {
    let env = installed();
    env.cluster(|s| s["hang"] = json!(["logs"]));
    let mut child = env
        .command(&["gather", "--archive", "bundle.tar.gz"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid_file = env.root().join("cluster/hung.pid");
    crate::support::events::await_change(pid_file.parent().unwrap(), "oc logs starting", || {
        pid_file.exists()
    });
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let left: Vec<String> = std::fs::read_dir(env.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bundle"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(env.running_fake_ocs(), Vec::<i32>::new());
}

#[test]
fn verify_is_in_the_bundle_when_3scale_answers() {
    let env = installed().without_env("THREESCALE_NO_VERIFY");
    let server = fake_3scale::Server::start(
        fake_3scale::Config::new(DOMAIN)
            .admin_access_token(&value_of(&env, "system-seed", "ADMIN_ACCESS_TOKEN"))
            .master_access_token(&value_of(&env, "system-seed", "MASTER_ACCESS_TOKEN")),
    );
    let proxy = fake_3scale::Proxy::start(server.port());
    let ca = server.ca_pem_path().display().to_string();
    let out = env
        .command(&["gather", "--archive", "b.tar.gz", "--ca-file", &ca])
        .env("HTTPS_PROXY", proxy.url())
        .env("NO_PROXY", "")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let dir = extract(&env, "b.tar.gz");
    let verify: Value = serde_json::from_str(&read(&dir, "install/verify.json")).unwrap();
    assert_eq!(verify["ok"], true, "{verify}");
    assert!(verify["checks"].as_array().unwrap().len() >= 5, "{verify}");
    let found = leaks_of(&env).in_tree(&dir);
    assert!(found.is_empty(), "{}", found.join("\n"));
}
