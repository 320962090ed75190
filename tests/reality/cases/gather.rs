//! `gather` with the real oc against the simulator: a bundle of an installed project holds each
//! deployment config's status and every Secret's keys and no secret in any encoding (a planted
//! one in a ConfigMap masked; one in hex stops the gather, nothing written); an API that answers
//! 503 gives a bundle with notes, or nothing when the secrets cannot be read; a half-made install
//! gives a bundle too. The simulator's pod logs are its own (no container runs): a secret
//! planted in a log is the default tier's (tests/cli/gather.rs).

use super::common::{self, Installer, PROJECT};
use crate::process::Run;
use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use base64::Engine;
use serde_json::{json, Value};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

pub const CASES: &[Case] = &[
    Case {
        name: "gather_holds_every_dc_status_and_secret_key_and_no_secret",
        needs: Needs::Simulator,
        run: installed_bundle,
    },
    Case {
        name: "gather_on_an_api_that_answers_503s",
        needs: Needs::Simulator,
        run: failing_api,
    },
    Case {
        name: "gather_on_a_half_made_install",
        needs: Needs::Simulator,
        run: half_made,
    },
];

const MASK: &str = "••••••";

fn install(world: &World) -> Run {
    world.start_sim(Scenario::named("happy").speed(60.0));
    let install = Installer::new(world, &["--timeout", "20m"]).run();
    install.assert_code(&[0]);
    install
}

fn seed_value(world: &World, key: &str) -> String {
    common::secret_data(world, PROJECT, "system-seed")
        .expect("system-seed")
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("system-seed has no {key}"))
}

/// A ConfigMap created through oc's standard input (a secret never on a command line).
fn plant(world: &World, name: &str, data: Value) {
    let cm =
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name}, "data": data});
    world
        .run_command(
            world.oc(["create", "-f", "-", "-n", PROJECT]),
            Some(cm.to_string().as_bytes()),
        )
        .assert_code(&[0]);
}

/// The archive opened with the system's tar: its one folder.
fn extract(world: &World, archive: &str) -> PathBuf {
    let path = world.work_dir().join(archive);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{archive}");
    let into = world.dir().join(format!("open-{archive}"));
    std::fs::create_dir_all(&into).unwrap();
    let status = std::process::Command::new("tar")
        .arg("-xzf")
        .arg(&path)
        .arg("-C")
        .arg(&into)
        .status()
        .unwrap();
    assert!(status.success(), "tar could not open {archive}");
    let dirs: Vec<PathBuf> = std::fs::read_dir(&into)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    dirs[0].clone()
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn notes(dir: &Path) -> Vec<String> {
    let summary: Value = serde_json::from_str(&read(dir, "summary.json")).unwrap();
    summary["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect()
}

/// Every deployment config of the real template with its status, and every Secret of the
/// project with every key.
fn assert_statuses_and_keys(world: &World, dir: &Path) {
    let dcs: Value = serde_yaml::from_str(&read(dir, "objects/deploymentconfigs.yaml")).unwrap();
    let overview = read(dir, "overview/deploymentconfigs.txt");
    for (kind, name) in common::template_objects(world, "amp") {
        if kind != "DeploymentConfig" {
            continue;
        }
        let dc = dcs["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["metadata"]["name"] == name.as_str())
            .unwrap_or_else(|| panic!("{name} is not in the bundle"));
        assert!(
            dc["status"]["availableReplicas"].as_u64() >= Some(1),
            "{dc}"
        );
        assert!(
            overview.lines().any(|l| l.starts_with(&format!("{name} "))),
            "{overview}"
        );
    }
    let listed: Value =
        serde_yaml::from_str(read(dir, "objects/secrets.yaml").trim_start_matches(|c| c != '\n'))
            .unwrap();
    for s in common::list(world, "secrets", PROJECT) {
        let name = s["metadata"]["name"].as_str().unwrap();
        let shown = listed["secrets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["name"] == name)
            .unwrap_or_else(|| panic!("{name} is not listed"));
        for key in s["data"].as_object().into_iter().flatten().map(|(k, _)| k) {
            let length = shown["data"][key].as_str().unwrap_or_default();
            assert!(length.ends_with(" bytes"), "{name} {key}: {length:?}");
        }
    }
}

fn installed_bundle(world: &World) {
    let install = install(world);
    let password = seed_value(world, "ADMIN_PASSWORD");
    let token = seed_value(world, "MASTER_ACCESS_TOKEN");
    let b64 = base64::engine::general_purpose::STANDARD;
    let note = format!(
        "admin {password}, or {}",
        b64.encode(format!("admin:{password}"))
    );
    plant(world, "planted", json!({"note": note, "token": token}));
    let since = world.sim().last_seq();
    let run = world.run([
        "gather",
        "--archive",
        "bundle.tar.gz",
        "-o",
        "json",
        "--no-verify",
    ]);
    run.assert_code(&[0]);
    let mutating = world.sim().mutating_requests(since);
    assert!(
        mutating.is_empty(),
        "gather changed the cluster: {mutating:?}"
    );
    let doc: Value = serde_json::from_str(&run.stdout).expect("gather's JSON");
    assert_eq!(doc["ok"], true, "{}", run.transcript());
    let dir = extract(world, "bundle.tar.gz");
    assert_statuses_and_keys(world, &dir);
    let config_maps = read(&dir, "objects/configmaps.yaml");
    assert!(
        config_maps.contains(&format!("note: admin {MASK}, or ")),
        "{config_maps}"
    );
    assert!(
        config_maps.contains(&format!("token: {MASK}")),
        "{config_maps}"
    );
    for file in [
        "cluster/rights.txt",
        "cluster/version.json",
        "install/status.json",
        "install/diagnosis.json",
        "install/record.yaml",
        "transcripts/transcript.log",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    assert!(read(&dir, "cluster/rights.txt").starts_with("Resources "));
    let logs = std::fs::read_dir(dir.join("logs")).unwrap().count();
    assert!(logs >= 15, "{logs} pods' logs");
    let scan = common::secrets_of(
        world,
        PROJECT,
        &[("planted password", &password), ("planted token", &token)],
    );
    let found = scan.tree(&dir, &[]);
    assert!(found.is_empty(), "{}", crate::secrets::describe(&found));

    // In a form the masking does not know: the gather stops, names the file, writes nothing.
    let hex: String = token.bytes().map(|b| format!("{b:02x}")).collect();
    plant(world, "debug", json!({"token-hex": hex}));
    let refused = world.run(["gather", "--archive", "refused.tar.gz", "--no-verify"]);
    refused.assert_code(&[3]);
    assert!(
        refused.stderr.contains(
            "objects/configmaps.yaml holds secret/system-seed MASTER_ACCESS_TOKEN, hex-encoded"
        ),
        "{}",
        refused.transcript()
    );
    let left: Vec<String> = std::fs::read_dir(world.work_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("refused"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    common::assert_no_leak(world, &scan, &[&install, &run, &refused]);
}

fn failing_api(world: &World) {
    let install = install(world);
    let sim = world.sim();
    sim.faults(json!({"errors": [
        {"path": "/events", "methods": ["GET"], "status": 503, "count": 100000},
        {"path": "/pods/[^/]+/log", "methods": ["GET"], "status": 503, "count": 100000}]}));
    let run = world.run(["gather", "--archive", "b.tar.gz", "--no-verify"]);
    run.assert_code(&[0]);
    let dir = extract(world, "b.tar.gz");
    let notes = notes(&dir);
    let unavailable = "Error from server (ServiceUnavailable): the server is currently unable to handle the request";
    assert!(
        notes.contains(&format!("events: could not be read: {unavailable}")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("logs could not be read") && n.contains(unavailable)),
        "{notes:?}"
    );
    assert!(dir.join("objects/deploymentconfigs.yaml").is_file());
    assert!(!dir.join("objects/events.yaml").exists());
    assert!(run.stdout.contains("notes"), "{}", run.stdout);

    // Without the secrets nothing can be masked: nothing is written.
    sim.faults(json!({"errors": [{"path": "/secrets", "methods": ["GET"], "status": 503, "count": 100000}]}));
    let refused = world.run(["gather", "--archive", "none.tar.gz", "--no-verify"]);
    refused.assert_code(&[5]);
    assert!(
        refused
            .stderr
            .contains("could not read the project's secrets"),
        "{}",
        refused.transcript()
    );
    assert!(!world.work_dir().join("none.tar.gz").exists());
    sim.clear_faults();
    let scan = common::secrets_of(world, PROJECT, &[]);
    assert!(scan.tree(&dir, &[]).is_empty());
    common::assert_no_leak(world, &scan, &[&install, &run, &refused]);
}

fn half_made(world: &World) {
    world.start_sim(Scenario::named("happy").speed(60.0));
    let sim = world.sim();
    // Every deployment config refused: the install stops with the rest created.
    sim.faults(json!({"errors": [{"path": "/deploymentconfigs", "methods": ["POST"], "status": 500, "count": 100000}]}));
    let install = Installer::new(world, &["--timeout", "10m"]).run();
    install.assert_code(&[4, 5]);
    sim.clear_faults();
    let run = world.run([
        "gather",
        "--archive",
        "half.tar.gz",
        "-o",
        "json",
        "--no-verify",
    ]);
    run.assert_code(&[0]);
    let dir = extract(world, "half.tar.gz");
    let dcs: Value = serde_yaml::from_str(&read(&dir, "objects/deploymentconfigs.yaml")).unwrap();
    assert_eq!(dcs["items"], json!([]), "no deployment config got through");
    let status: Value = serde_json::from_str(&read(&dir, "install/status.json")).unwrap();
    assert_eq!(status["healthy"], false);
    assert!(
        !status["missing_objects"].as_array().unwrap().is_empty(),
        "{status}"
    );
    assert!(dir.join("install/diagnosis.json").is_file());
    let scan = common::secrets_of(world, PROJECT, &[]);
    assert!(scan.tree(&dir, &[]).is_empty());
    common::assert_no_leak(world, &scan, &[&install, &run]);
}
