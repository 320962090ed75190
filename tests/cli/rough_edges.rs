//! The rough edges of issue 21: the way back from a failure (the transcript, one JSON shape per
//! command), files named on the command line that are not what they seem, values that cannot
//! work, and help that says what the binary does. One test per fix.

use crate::support::TestEnv;
use serde_json::{json, Value};
use std::path::PathBuf;

const ARGS: &[&str] = &["--yes", "--wildcard-domain", "apps.cluster.example.com"];

fn transcript_of(env: &TestEnv) -> PathBuf {
    env.root()
        .join("state/threescale-install/api.crc.testing-6443/3scale-apim/transcript.log")
}

/// The failure says where the transcript is, and it is there, holding the run.
#[track_caller]
fn points_at_its_transcript(env: &TestEnv, stderr: &str) {
    let log = transcript_of(env);
    assert!(
        stderr.contains(&format!(
            "the transcript of this run is in {}",
            log.display()
        )),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&log).expect("the transcript is written");
    assert!(text.contains("oc whoami"), "{text}");
}

#[test]
fn a_failure_before_any_change_writes_the_transcript_and_names_it() {
    // No storage class can be used: exit 3.
    let env = TestEnv::new();
    env.cluster(|s| {
        s["storage_classes"] =
            json!([{"name": "gp2", "provisioner": "kubernetes.io/aws-ebs", "default": true}])
    });
    let run = env.run(ARGS);
    run.assert_code(3);
    points_at_its_transcript(&env, &run.stderr);

    // The registry refuses the login: exit 2.
    let env = TestEnv::new();
    env.cluster(|s| {
        s["registry_login"] = json!({"host": "registry.redhat.io", "username": crate::support::USERNAME, "password": "another-registry-pw"})
    });
    let run = env.run(ARGS);
    run.assert_code(2);
    points_at_its_transcript(&env, &run.stderr);

    // The API keeps failing: exit 5.
    let env = TestEnv::new();
    env.cluster(|s| s["transient_failures"] = json!({"get": 1000}));
    let run = env.run(ARGS);
    run.assert_code(5);
    points_at_its_transcript(&env, &run.stderr);
}

#[test]
fn a_dry_run_that_fails_writes_no_transcript_and_says_so() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["storage_classes"] =
            json!([{"name": "gp2", "provisioner": "kubernetes.io/aws-ebs", "default": true}])
    });
    let run = env.run(&[ARGS, &["--dry-run"]].concat());
    run.assert_code(3);
    assert!(
        run.stderr
            .contains("a dry run writes no file, so no transcript was kept"),
        "{}",
        run.stderr
    );
    assert!(!transcript_of(&env).exists());
    assert!(
        !env.root().join("state/threescale-install").exists(),
        "a dry run writes no local file"
    );
}

#[test]
fn the_transcript_names_the_program_and_its_arguments() {
    let env = TestEnv::new();
    env.run(ARGS).assert_code(0);
    let text = std::fs::read_to_string(transcript_of(&env)).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.contains(&format!(
            "=== threescale-install {} (pid ",
            env!("CARGO_PKG_VERSION")
        )) && first
            .ends_with("): threescale-install --yes --wildcard-domain apps.cluster.example.com"),
        "{first}"
    );
    assert!(!first.contains("''"), "{first}");
}

fn document(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: one JSON document\n{stdout}"))
}

fn keys(doc: &Value) -> Vec<String> {
    doc.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn a_failed_install_prints_the_install_s_document_with_what_it_knew() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["registry_login"] = json!({"host": "registry.redhat.io", "username": crate::support::USERNAME, "password": "another-registry-pw"})
    });
    let refused = env.run(&[ARGS, &["-o", "json"]].concat());
    refused.assert_code(2);
    let doc = document(&refused.stdout);
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["error"]["exit_code"], 2);
    assert_eq!(doc["project"], "3scale-apim");
    assert_eq!(doc["cluster"], "https://api.crc.testing:6443");
    assert_eq!(doc["profile"], "amp");
    assert_eq!(doc["skipped_checks"], json!([]));
    // The project and the pull secret were made before the login was refused.
    let changes: Vec<&str> = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert!(changes[1].starts_with("create secret threescale-registry-auth"));

    // The same document as a successful install's, key for key.
    let env = TestEnv::new();
    let ok = env.run(&[ARGS, &["-o", "json"]].concat());
    ok.assert_code(0);
    let good = document(&ok.stdout);
    assert_eq!(keys(&good), keys(&doc));
    assert_eq!(good["error"], Value::Null);

    // A wait that fails: every change was made, the install is created, not working.
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = json!("failed"));
    let failed = env.run(&[ARGS, &["-o", "json"]].concat());
    failed.assert_code(4);
    let doc = document(&failed.stdout);
    assert_eq!(keys(&good), keys(&doc));
    assert_eq!(doc["state"], "created");
    assert_eq!(doc["changes"], good["changes"]);
    assert_eq!(doc["error"]["kind"], "cluster");
}

#[test]
fn every_command_prints_the_same_document_on_success_and_failure() {
    let env = TestEnv::new();
    env.run(ARGS).assert_code(0);
    let nothing = TestEnv::new();
    for command in [
        &["status"][..],
        &["credentials"],
        &["uninstall", "--yes", "--dry-run"],
        &["uninstall", "--yes"],
    ] {
        let args = [command, &["-o", "json"]].concat();
        // No install in the project: refused.
        let bad = nothing.run(&args);
        assert_eq!(bad.code(), 2, "{command:?}\n{}", bad.stderr);
        let bad = document(&bad.stdout);
        // The same command where the install is.
        let good = env.run(&args);
        good.assert_code(0);
        let good = document(&good.stdout);
        assert_eq!(keys(&good), keys(&bad), "{command:?}");
        assert_eq!(bad["project"], "3scale-apim", "{command:?}");
        assert_eq!(bad["ok"], false);
        assert_eq!(good["ok"], true);
    }
    // uninstall lists what it deleted: every object and file, not a count.
    let env = TestEnv::new();
    env.run(ARGS).assert_code(0);
    let doc = document(&env.run(&["uninstall", "--yes", "-o", "json"]).stdout);
    assert!(doc["deleted"].as_array().unwrap().len() > 10, "{doc}");
    assert!(
        doc["removed_files"][0]
            .as_str()
            .unwrap()
            .ends_with("/credentials.yaml"),
        "{doc}"
    );
    // A refused input is the command's document too.
    let bad = nothing.run(&["status", "-o", "json", "--project", "Bad_Name"]);
    bad.assert_code(2);
    assert!(document(&bad.stdout).get("components").is_some());
}

#[test]
fn a_tenant_whose_routes_were_not_admitted_in_time_is_still_told() {
    let w = crate::tenant::world(1_000_000);
    let out = w.create(&["--timeout", "1ms"]);
    out.assert_code(4);
    let doc = document(&out.stdout);
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["error"]["exit_code"], 4);
    assert!(doc["tenant"]["id"].as_u64().is_some(), "{doc}");
    assert_eq!(doc["tenant"]["org_name"], "ACME Corp");
    let file = PathBuf::from(doc["credentials_file"].as_str().expect("the login file"));
    assert!(file.is_file(), "{}", file.display());
    assert_eq!(doc["admin"]["user"], "acme-admin");
    assert_eq!(
        doc["admin"]["password"],
        Value::Null,
        "hidden without --show-secrets"
    );
}

/// `mkfifo PATH`.
fn fifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_credentials_file_that_is_not_ours_is_refused_before_any_change() {
    let env = TestEnv::new();
    let notes = env.root().join("notes.txt");
    std::fs::write(&notes, "my own notes\n").unwrap();
    let run = env.run(&[ARGS, &["--credentials-file", notes.to_str().unwrap()]].concat());
    run.assert_code(2);
    assert!(
        run.stderr.contains(&format!(
            "the credentials file {} (from --credentials-file) cannot be written: it exists and is not a credentials file this program wrote",
            notes.display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my own notes\n");
    assert!(
        env.mutating_commands().is_empty(),
        "{:#?}",
        env.mutating_commands()
    );

    // A directory: refused at once, not after a complete install.
    let dir = env.root().join("creds-dir");
    std::fs::create_dir(&dir).unwrap();
    let run = env.run(&[ARGS, &["--credentials-file", dir.to_str().unwrap()]].concat());
    run.assert_code(2);
    assert!(run.stderr.contains("it is a directory"), "{}", run.stderr);
    assert!(env.mutating_commands().is_empty());

    // A file of ours is written again; uninstall never deletes a file that is not.
    let ours = env.root().join("creds.yaml");
    env.run(&[ARGS, &["--credentials-file", ours.to_str().unwrap()]].concat())
        .assert_code(0);
    env.run(&[ARGS, &["--credentials-file", ours.to_str().unwrap()]].concat())
        .assert_code(0);
    let run = env.run(&[
        "uninstall",
        "--yes",
        "--credentials-file",
        notes.to_str().unwrap(),
    ]);
    run.assert_code(2);
    assert!(notes.is_file());
}

#[test]
fn a_log_file_that_is_a_link_or_someone_else_s_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let target = env.root().join("target.txt");
    std::fs::write(&target, "precious\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    let link = env.root().join("run.log");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let run = env.run(&[ARGS, &["--log-file", link.to_str().unwrap()]].concat());
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("(from --log-file) cannot be written: it is a symbolic link"),
        "{}",
        run.stderr
    );
    let meta = std::fs::metadata(&target).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o644, "not tightened");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious\n");
    // Someone else's file is not appended to either.
    let run = env.run(&[ARGS, &["--log-file", target.to_str().unwrap()]].concat());
    run.assert_code(2);
    assert!(
        run.stderr.contains("not a transcript this program wrote"),
        "{}",
        run.stderr
    );
    // A transcript of ours is appended to.
    let log = env.root().join("ours.log");
    env.run(&[ARGS, &["--log-file", log.to_str().unwrap()]].concat())
        .assert_code(0);
    env.run(&[ARGS, &["--log-file", log.to_str().unwrap()]].concat())
        .assert_code(0);
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(text.matches("=== threescale-install").count(), 2, "{text}");
}

#[test]
fn files_that_never_end_are_refused_at_once() {
    let env = TestEnv::new();
    let pipe = env.root().join("pipe");
    fifo(&pipe);
    let pipe = pipe.to_str().unwrap();
    for (args, what) in [
        (vec!["--config", "/dev/zero"], "answers file /dev/zero: it is a character device, not a regular file"),
        (vec!["--config", pipe], "it is a FIFO (named pipe), not a regular file"),
        (
            vec!["--registry-password-file", "/dev/zero"],
            "cannot read the registry password file /dev/zero (from --registry-password-file): it is a character device, not a regular file: give a regular file, or the registry password on standard input with --registry-password-stdin",
        ),
        (vec!["--registry-password-file", pipe], "it is a FIFO (named pipe)"),
        (vec!["--param-from-file", &format!("ADMIN_PASSWORD={pipe}")], "cannot read parameter ADMIN_PASSWORD from"),
        (vec!["--ca-file", pipe], "cannot read the CA file"),
    ] {
        // Each returns at once; a hang would time the test out.
        let run = env.run(&[ARGS, &args].concat());
        run.assert_code(2);
        assert!(run.stderr.contains(what), "{args:?}\n{}", run.stderr);
    }
    let big = env.root().join("big.yaml");
    std::fs::write(&big, format!("# {}\n", "x".repeat(2 * 1024 * 1024))).unwrap();
    let run = env.run(&[ARGS, &["--config", big.to_str().unwrap()]].concat());
    run.assert_code(2);
    assert!(
        run.stderr.contains("more than the 1024 KiB"),
        "{}",
        run.stderr
    );
    assert!(env.calls().is_empty(), "nothing reached the cluster");
}

#[test]
fn a_registry_login_that_cannot_work_is_refused_before_the_cluster() {
    let env = TestEnv::new();
    for (args, what) in [
        (
            vec!["--registry-username", "12345|svc:account"],
            "cannot contain ':'",
        ),
        (
            vec!["--registry-username", "12345|svc\naccount"],
            "registry username '12345|svc\\naccount' (from --registry-username) is invalid",
        ),
        (
            vec!["--registry-server", "registry.redhat.io:99999"],
            "the port '99999' is not a number from 1 to 65535",
        ),
        (
            vec!["--registry-server", "registry.redhat.io/"],
            "write registry.redhat.io",
        ),
    ] {
        let run = env.run(&[ARGS, &args].concat());
        run.assert_code(2);
        assert!(run.stderr.contains(what), "{args:?}\n{}", run.stderr);
    }
    // From the environment too, named as such.
    let run = env
        .command(ARGS)
        .env("THREESCALE_REGISTRY_USERNAME", "svc:account")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr)
        .contains("(from environment variable THREESCALE_REGISTRY_USERNAME)"));
    assert!(
        env.mutating_commands().is_empty(),
        "{:#?}",
        env.mutating_commands()
    );
}

#[test]
fn a_login_check_that_cannot_run_says_why() {
    let env = TestEnv::new();
    let run = env.run(&[ARGS, &["--registry-server", "quay.io", "-o", "json"]].concat());
    run.assert_code(0);
    let why = "the registry login is not checked: no image of the template comes from quay.io";
    assert!(run.stderr.contains(why), "{}", run.stderr);
    assert!(document(&run.stdout)["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d == why));
}

#[test]
fn deadlines_of_zero_and_values_that_are_not_used_are_input_errors() {
    let env = TestEnv::new();
    for (args, envs, what) in [
        (vec!["--timeout", "0"], vec![], "timeout 0 (from --timeout) would end at once"),
        (vec![], vec![("THREESCALE_TIMEOUT", "0s")], "timeout 0 (from environment variable THREESCALE_TIMEOUT) would end at once"),
        (vec!["--oc-timeout", "0"], vec![], "deadline of one oc call 0 (from --oc-timeout) would end at once"),
        (vec!["--no-wait", "--config", "answers.yaml"], vec![], "`timeout: true` in the answers file answers.yaml"),
        (vec![], vec![("THREESCALE_DRY_RUN", "maybe")], "invalid value 'maybe' in the environment variable THREESCALE_DRY_RUN (the variable of --dry-run)"),
    ] {
        std::fs::write(env.root().join("answers.yaml"), "timeout: true\n").unwrap();
        let mut cmd = env.command(&[ARGS, &args].concat());
        for (k, v) in &envs {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?} {envs:?}\n{stderr}");
        assert!(stderr.contains(what), "{args:?} {envs:?}\n{stderr}");
    }
    assert!(env.calls().is_empty(), "nothing reached the cluster");
    // Also for the commands that wait for something else.
    let run = env.run(&["tenant", "create", "--yes", "--timeout", "0"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("timeout 0 (from --timeout)"),
        "{}",
        run.stderr
    );
}

/// `threescale-install WORDS --help`, its lines joined as they wrap.
fn help(env: &TestEnv, words: &[&str]) -> String {
    let run = env.run(&[words, &["--help"]].concat());
    run.assert_code(0);
    run.stdout.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn each_command_s_help_says_what_it_does_itself() {
    let env = TestEnv::new();
    // Exit codes of its own: no deletion in `credentials`, no tenant in `uninstall`.
    let credentials = help(&env, &["credentials"]);
    assert!(!credentials.contains("deletion"), "{credentials}");
    assert!(
        credentials.contains("4 the install is incomplete"),
        "{credentials}"
    );
    let uninstall = help(&env, &["uninstall"]);
    assert!(uninstall.contains("4 a deletion failed"), "{uninstall}");
    assert!(!uninstall.contains("status reports"), "{uninstall}");
    // One meaning of --project in `gateway add`.
    let add = help(&env, &["gateway", "add"]);
    assert!(
        add.contains("--project <NAME> The gateway's project"),
        "{add}"
    );
    assert!(!add.contains("The project of the install"), "{add}");
    // tenant create's wait is for its routes; install's for 3scale.
    let create = help(&env, &["tenant", "create"]);
    assert!(
        create.contains("--timeout <DURATION> How long to wait for zync's routes"),
        "{create}"
    );
    assert!(!create.contains("every component"), "{create}");
    let install = help(&env, &["install"]);
    assert!(!install.contains("tenant's routes"), "{install}");
    assert!(
        install.contains("quota, registry-login"),
        "--skip-check names every check: {install}"
    );
    // Secrets stay hidden at a terminal too.
    for words in [&["install"][..], &["credentials"]] {
        let text = help(&env, words);
        assert!(
            !text.contains("even when stdout is not a terminal"),
            "{text}"
        );
        assert!(
            text.contains("hidden otherwise, at a terminal too"),
            "{text}"
        );
    }
    // A refused value points at the command's own help.
    let run = env.run(&["gateway", "list", "--oc-timeout", "0"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("`threescale-install gateway list --help` lists every flag of this command"),
        "{}",
        run.stderr
    );
}

#[test]
fn man_writes_every_page_where_man_finds_them() {
    let env = TestEnv::new();
    let dir = env.root().join("share/man/man1");
    let run = env.run(&["man", "--dir", dir.to_str().unwrap()]);
    run.assert_code(0);
    let written: Vec<&str> = run.stdout.lines().collect();
    assert!(written.len() > 15, "{written:?}");
    for name in [
        "threescale-install.1",
        "threescale-install-gateway-add.1",
        "threescale-install-tenant-create.1",
    ] {
        let path = dir.join(name);
        assert!(written.contains(&path.to_str().unwrap()), "{written:?}");
        assert!(path.is_file(), "{}", path.display());
    }
    let top = std::fs::read_to_string(dir.join("threescale-install.1")).unwrap();
    for section in [".SH ENVIRONMENT", ".SH FILES", ".SH \"EXIT STATUS\""] {
        assert!(top.contains(section), "{section}");
    }
    assert!(top.contains("THREESCALE_REGISTRY_PASSWORD") && top.contains("credentials.yaml"));
    // The page printed is the one written.
    let printed = env.run(&["man"]);
    assert_eq!(printed.stdout, top);
    // A directory that cannot be made: refused.
    let file = env.root().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let run = env.run(&["man", "--dir", file.join("man1").to_str().unwrap()]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("cannot write the man pages"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_registry_username_kept_by_a_record_is_checked_too() {
    // An earlier run that stopped (its wait failed) left its answers in the record; a username
    // that could never work there (written by hand, or by an older version) is refused as one
    // given now would be, before any change.
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = json!("failed"));
    env.run(ARGS).assert_code(4);
    let record = env
        .root()
        .join("state/threescale-install/api.crc.testing-6443/3scale-apim/install.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    let edited = text.replace("12345|svc-account", "12345|svc:account");
    assert_ne!(text, edited, "{text}");
    std::fs::write(&record, edited).unwrap();
    let before = env.mutating_commands().len();
    let run = env
        .command(ARGS)
        .env_remove("THREESCALE_REGISTRY_USERNAME")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "registry username '12345|svc:account' (from the record of an earlier run) is invalid"
        ),
        "{stderr}"
    );
    assert_eq!(
        env.mutating_commands().len(),
        before,
        "{:#?}",
        env.mutating_commands()
    );
}

/// A secret given where it is refused (`--param ADMIN_PASSWORD=...`) is refused, and the
/// transcript that says so keeps the command line with its value masked.
#[test]
fn a_refused_secret_on_the_command_line_is_not_kept_by_the_transcript() {
    let env = TestEnv::new();
    let run = env.run(&[ARGS, &["--param", "ADMIN_PASSWORD=leaky-secret-999"]].concat());
    run.assert_code(2);
    assert!(
        run.stderr.contains("ADMIN_PASSWORD is a secret"),
        "{}",
        run.stderr
    );
    let text = std::fs::read_to_string(transcript_of(&env)).expect("the transcript is written");
    assert!(text.contains("ADMIN_PASSWORD=••••••"), "{text}");
    assert!(!text.contains("leaky-secret-999"), "{text}");
    assert!(!run.stderr.contains("leaky-secret-999"), "{}", run.stderr);
}
