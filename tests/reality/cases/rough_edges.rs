//! The rough edges of issue 21 with the real oc against the simulator: a failure before any
//! change writes its transcript and names it (a dry run writes none), a refused login prints
//! the install's own JSON document with the changes made, and values that cannot work are
//! refused before the cluster hears of them. Simulator only: scenarios, faults and the request
//! log are the simulator's.

use super::common::{self, Installer, PROJECT};
use crate::process::Run;
use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use serde_json::{json, Value};
use std::path::PathBuf;

pub const CASES: &[Case] = &[
    Case {
        name: "a_failure_before_any_change_writes_and_names_its_transcript",
        needs: Needs::Simulator,
        run: transcripts,
    },
    Case {
        name: "a_refused_login_prints_the_install_document_with_the_changes_made",
        needs: Needs::Simulator,
        run: refused_login_document,
    },
    Case {
        name: "values_that_cannot_work_never_reach_the_cluster",
        needs: Needs::Simulator,
        run: refused_values,
    },
];

/// The transcript the failure names: under the case's state dir, for the install's project, and
/// holding the run's oc commands.
#[track_caller]
fn named_transcript(world: &World, run: &Run) -> PathBuf {
    let marker = "the transcript of this run is in ";
    let line = run
        .stderr
        .lines()
        .find_map(|l| l.split_once(marker).map(|(_, p)| p.trim().to_string()))
        .unwrap_or_else(|| panic!("no transcript named:\n{}", run.transcript()));
    let path = PathBuf::from(line);
    assert!(
        path.starts_with(world.state_dir()) && path.ends_with(format!("{PROJECT}/transcript.log")),
        "{}",
        path.display()
    );
    let text = std::fs::read_to_string(&path).expect("the transcript is written");
    assert!(
        text.contains("oc whoami") && text.contains("=== threescale-install "),
        "{text}"
    );
    path
}

fn transcripts(world: &World) {
    world.start_sim(Scenario::named("no-rwx"));
    let sim = world.sim();
    // A dry run that fails writes no file at all, and says so.
    let dry = Installer::new(world, &["--dry-run"]).run();
    dry.assert_code(&[3]);
    assert!(
        dry.stderr.contains("a dry run writes no file"),
        "{}",
        dry.transcript()
    );
    assert!(
        !world.state_dir().join("threescale-install").exists(),
        "a dry run left files"
    );

    // No class binds ReadWriteMany: exit 3, before any change, with its transcript.
    let since = sim.last_seq();
    let no_rwx = Installer::new(world, &[]).run();
    no_rwx.assert_code(&[3]);
    assert!(sim.mutating_requests(since).is_empty());
    let first = named_transcript(world, &no_rwx);

    // The API keeps answering 503 to the storage classes: exit 5, the same transcript, appended.
    sim.faults(json!({"errors": [{"path": "/storageclasses", "methods": ["GET"], "status": 503, "count": 100000}]}));
    let unavailable = Installer::new(world, &[]).run();
    unavailable.assert_code(&[5]);
    assert_eq!(named_transcript(world, &unavailable), first);
    let text = std::fs::read_to_string(&first).unwrap();
    assert_eq!(text.matches("=== threescale-install ").count(), 2, "{text}");
    sim.clear_faults();
    // No project was made: the registry password is the only secret there is.
    let (_, password) = common::registry(world);
    let scan = crate::secrets::SecretScan::new().secret("registry password", &password);
    common::assert_no_leak(world, &scan, &[&dry, &no_rwx, &unavailable]);
}

fn refused_login_document(world: &World) {
    world.start_sim(Scenario::named("bad-registry").speed(60.0));
    let refused = Installer::new(world, &["-o", "json"]).run();
    refused.assert_code(&[2]);
    named_transcript(world, &refused);
    let doc: Value = serde_json::from_str(&refused.stdout)
        .unwrap_or_else(|e| panic!("{e}: one JSON document\n{}", refused.transcript()));
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["error"]["exit_code"], 2);
    assert_eq!(doc["project"], PROJECT);
    assert_eq!(doc["profile"], "amp");
    assert_eq!(doc["skipped_checks"], json!([]));
    assert_eq!(doc["cluster"], world.sim().url());
    let changes: Vec<&str> = doc["changes"]
        .as_array()
        .unwrap_or_else(|| panic!("{doc}"))
        .iter()
        .filter_map(Value::as_str)
        .collect();
    // The project and the pull secret were made, the login check refused: what was made is told.
    assert!(
        changes.len() == 2
            && changes[0].starts_with("create project")
            && changes[1].starts_with("create secret threescale-registry-auth"),
        "{changes:?}"
    );
    // The same keys as the document of an install that worked.
    for key in [
        "admin_portal",
        "credentials_file",
        "state",
        "verify",
        "commit",
        "decisions",
    ] {
        assert!(doc.get(key).is_some(), "{key} missing: {doc}");
    }
    let scan = common::secrets_of(world, PROJECT, &[]);
    common::assert_no_leak(world, &scan, &[&refused]);
}

fn refused_values(world: &World) {
    world.start_sim(Scenario::named("happy"));
    let sim = world.sim();
    let notes = world.dir().join("notes.txt");
    std::fs::write(&notes, "my own notes\n").unwrap();
    let link = world.dir().join("run.log");
    std::os::unix::fs::symlink(&notes, &link).unwrap();
    let (notes_arg, link_arg) = (notes.display().to_string(), link.display().to_string());
    let (user, password) = common::registry(world);
    let since = sim.last_seq();
    for (args, why) in [
        (
            vec!["--registry-username", "12345678|threescale:installer"],
            "cannot contain ':'",
        ),
        (
            vec!["--registry-server", "registry.redhat.io:99999"],
            "from 1 to 65535",
        ),
        (
            vec!["--registry-server", "registry.redhat.io/"],
            "empty path segment",
        ),
        (vec!["--timeout", "0"], "timeout 0 (from --timeout)"),
        (
            vec!["--oc-timeout", "0"],
            "deadline of one oc call 0 (from --oc-timeout)",
        ),
        (
            vec!["--credentials-file", &notes_arg],
            "not a credentials file this program wrote",
        ),
        (vec!["--log-file", &link_arg], "it is a symbolic link"),
        (
            vec!["--config", "/dev/zero"],
            "it is a character device, not a regular file",
        ),
    ] {
        // The world's login unless the case gives its own.
        let mut all = vec!["--yes"];
        if !args.contains(&"--registry-username") {
            all.extend(["--registry-username", &user]);
        }
        all.extend(args.iter().copied());
        let mut cmd = world.installer(&all);
        cmd.env("THREESCALE_REGISTRY_PASSWORD", &password);
        let run = world.run_command(cmd, None);
        run.assert_code(&[2]);
        assert!(run.stderr.contains(why), "{args:?}:\n{}", run.transcript());
    }
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my own notes\n");
    let heard: Vec<String> = sim.requests(since).iter().map(|r| r.to_string()).collect();
    assert!(
        heard.is_empty(),
        "the cluster heard of them:\n{}",
        heard.join("\n")
    );
    assert!(
        world.argv_log().is_empty(),
        "oc ran: {:?}",
        world.argv_log()
    );
}
