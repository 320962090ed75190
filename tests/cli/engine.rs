//! What the engine gives every command that changes a project: `--dry-run` that changes nothing —
//! no oc write, no 3scale write, no local file — and names each change it would make; and the
//! project's lock, which a second command is refused at once, and which a run that is gone (or an
//! empty lock file) no longer holds.

use crate::gateway::{installed as gateway_world, ADD};
use crate::support::TestEnv;
use crate::tenant::world as tenant_world;
use std::collections::BTreeMap;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

const LOCK: &str = "state/threescale-install/api.crc.testing-6443/3scale-apim/lock";

/// Every file under the state dir, with its content: a dry run must leave it as it was.
fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.join("state")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    out
}

/// The requests 3scale was sent that could change it.
fn writes(server: &fake_3scale::Server) -> Vec<String> {
    server
        .requests()
        .into_iter()
        .filter(|r| r.method != "GET")
        .map(|r| format!("{} {}", r.method, r.path))
        .collect()
}

#[test]
fn uninstall_dry_run_names_every_deletion_and_changes_nothing() {
    let env = TestEnv::new();
    env.run(&["--yes", "--wildcard-domain", "apps.cluster.example.com"])
        .assert_code(0);
    env.clear_calls();
    let before = files(env.root());
    let run = env.run(&["uninstall", "--dry-run"]);
    run.assert_code(0);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    assert_eq!(files(env.root()), before, "a dry run wrote a local file");
    for change in [
        "uninstall would, in project 3scale-apim",
        "nothing was changed",
        "delete the 27 objects of the install (profile amp)",
        "secret/system-seed",
        "deploymentconfig/system-app",
        "remove the install record of this machine",
        "remove the credentials file",
    ] {
        assert!(run.stdout.contains(change), "{change}: {}", run.stdout);
    }
    // The same with --yes: a dry run never asks, and still changes nothing.
    env.run(&["uninstall", "--dry-run", "--yes"]).assert_code(0);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    assert_eq!(files(env.root()), before);
}

#[test]
fn gateway_add_and_remove_dry_runs_change_nothing_on_the_cluster_in_3scale_or_here() {
    let g = gateway_world();
    let before = files(g.env.root());
    let add = g.env.run(&[ADD, &["--dry-run"]].concat());
    add.assert_code(0);
    assert!(add.stdout.contains("mint access token"), "{}", add.stdout);
    assert_eq!(g.env.mutating_commands(), Vec::<String>::new());
    assert_eq!(writes(&g.server), Vec::<String>::new());
    assert_eq!(files(g.env.root()), before, "a dry run wrote a local file");

    g.env.run(ADD).assert_code(0);
    g.env.clear_calls();
    g.server.clear_requests();
    let before = files(g.env.root());
    let remove = g
        .env
        .run(&["gateway", "remove", "apicast-eu", "--yes", "--dry-run"]);
    remove.assert_code(0);
    for change in [
        "gateway remove apicast-eu would, in project apicast-eu",
        "revoke access token",
        "delete ",
    ] {
        assert!(
            remove.stdout.contains(change),
            "{change}: {}",
            remove.stdout
        );
    }
    assert_eq!(g.env.mutating_commands(), Vec::<String>::new());
    assert_eq!(writes(&g.server), Vec::<String>::new());
    assert_eq!(files(g.env.root()), before, "a dry run wrote a local file");
}

#[test]
fn tenant_create_and_remove_dry_runs_sign_nothing_up_and_keep_no_file() {
    let w = tenant_world(0);
    let before = files(w.env.root());
    let create = w.create(&["--dry-run"]);
    create.assert_code(0);
    for change in [
        "\"dry_run\": true",
        "sign tenant ACME Corp up through the Master API",
        "activate admin user acme-admin",
    ] {
        assert!(
            create.stdout.contains(change),
            "{change}: {}",
            create.stdout
        );
    }
    assert_eq!(writes(&w.server), Vec::<String>::new());
    assert_eq!(w.env.mutating_commands(), Vec::<String>::new());
    assert_eq!(files(w.env.root()), before, "a dry run wrote a local file");
    assert!(w.server.tenants().iter().all(|t| t.org_name != "ACME Corp"));

    w.create(&[]).assert_code(0);
    w.env.clear_calls();
    w.server.clear_requests();
    let before = files(w.env.root());
    let remove = w.run(&["tenant", "remove", "ACME Corp", "--yes", "--dry-run"]);
    remove.assert_code(0);
    for change in [
        "schedule tenant ACME Corp",
        "delete the Secrets written for tenant",
        "forget the login kept here of tenant ACME Corp",
    ] {
        assert!(
            remove.stdout.contains(change),
            "{change}: {}",
            remove.stdout
        );
    }
    assert_eq!(writes(&w.server), Vec::<String>::new());
    assert_eq!(w.env.mutating_commands(), Vec::<String>::new());
    assert_eq!(files(w.env.root()), before, "a dry run wrote a local file");
}

/// Holds the project's lock as a running install does: the kernel's lock on the file, and the
/// file naming it.
struct Holder {
    _file: std::fs::File,
}

fn hold(env: &TestEnv) -> Holder {
    let path = env.root().join(LOCK);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(&path)
        .unwrap();
    // SAFETY: flock on a descriptor this function owns; released when the file is dropped.
    assert_eq!(
        unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) },
        0
    );
    std::fs::write(
        &path,
        format!(
            "pid={}\nhost=builder\ncommand=install\nstarted=2026-12-07T10:00:00Z\n",
            std::process::id()
        ),
    )
    .unwrap();
    Holder { _file: file }
}

#[test]
fn a_command_on_a_project_another_run_holds_is_refused_at_once_naming_it() {
    let env = TestEnv::new();
    env.run(&["--yes", "--wildcard-domain", "apps.cluster.example.com"])
        .assert_code(0);
    env.clear_calls();
    let holder = hold(&env);
    let run = env.run(&["uninstall", "--yes"]);
    run.assert_code(3);
    let named = format!(
        "another threescale-install (pid {} on builder, `install`, since 2026-12-07T10:00:00Z) is working on this project",
        std::process::id()
    );
    assert!(run.stderr.contains(&named), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was changed"), "{}", run.stderr);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    assert!(env.object("3scale-apim", "Secret", "system-seed").is_some());
    // A re-run of the install is refused the same way, before any change.
    env.run(&["--yes"]).assert_code(3);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    drop(holder);
    env.run(&["uninstall", "--yes"]).assert_code(0);
    assert!(!env.root().join(LOCK).exists(), "the lock is released");
}

#[test]
fn a_lock_left_empty_or_by_a_run_that_is_gone_is_taken_over_with_a_warning() {
    let env = TestEnv::new();
    env.run(&["--yes", "--wildcard-domain", "apps.cluster.example.com"])
        .assert_code(0);
    // What a full disk leaves: an empty lock file, held by nobody.
    std::fs::write(env.root().join(LOCK), "").unwrap();
    let run = env.run(&["--yes"]);
    run.assert_code(0);
    assert!(
        run.stderr.contains(
            "took over the lock of project 3scale-apim left by a run that is gone (its file was empty or unreadable)"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("took over the lock").count(), 1);
    // A run that was killed: its details, and nobody holding the lock.
    std::fs::write(
        env.root().join(LOCK),
        "pid=999999\nhost=builder\ncommand=install\nstarted=2026-12-07T10:00:00Z\n",
    )
    .unwrap();
    let run = env.run(&["uninstall", "--yes"]);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("left by a run that is gone (pid 999999 on builder, `install`"),
        "{}",
        run.stderr
    );
    assert!(!env.root().join(LOCK).exists());
}
