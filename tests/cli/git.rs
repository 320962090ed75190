//! Fetching the templates with git2: local and smart transports, the cache, bad refs.

use crate::support::{self, fixtures, TestEnv};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const ARGS: &[&str] = &["--yes", "--wildcard-domain", "apps.cluster.example.com"];

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// A repository shaped like the templates repository: the tag `2.8.0.GA` on the first commit,
/// a later commit on master, and a `2.8-stable` branch. Returns (repo dir, tagged commit).
pub(crate) fn templates_repo(root: &Path) -> (PathBuf, String) {
    let repo = root.join("upstream/3scale-amp-openshift-templates");
    std::fs::create_dir_all(repo.join("amp")).unwrap();
    let src = fixtures().join("templates");
    std::fs::copy(src.join("amp/amp.yml"), repo.join("amp/amp.yml")).unwrap();
    std::fs::copy(
        src.join("3scale-image-streams.yml"),
        repo.join("3scale-image-streams.yml"),
    )
    .unwrap();
    git(&repo, &["init", "-q", "-b", "master"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "2.8.0"]);
    git(&repo, &["tag", "-a", "2.8.0.GA", "-m", "2.8.0.GA"]);
    let tagged = git(&repo, &["rev-parse", "2.8.0.GA^{commit}"]);
    git(&repo, &["branch", "2.8-stable"]);
    std::fs::write(repo.join("NEXT.md"), "later work\n").unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "later"]);
    (repo, tagged)
}

fn cache_entries(env: &TestEnv) -> Vec<String> {
    let mut out = Vec::new();
    let base = env.root().join("cache/threescale-install/templates");
    if let Ok(repos) = std::fs::read_dir(&base) {
        for r in repos.flatten() {
            for e in std::fs::read_dir(r.path()).unwrap().flatten() {
                out.push(e.file_name().to_string_lossy().into_owned());
            }
        }
    }
    out
}

fn git_env() -> TestEnv {
    TestEnv::new().without_env("THREESCALE_TEMPLATES_DIR")
}

#[test]
fn tag_over_file_url_then_cached_without_the_source() {
    let env = git_env();
    let (repo, tagged) = templates_repo(env.root());
    let url = format!("file://{}", repo.display());
    let args = [ARGS, &["--templates-repo", &url]].concat();
    let run = env.run(&args);
    run.assert_code(0);
    assert!(
        run.stderr.contains(&format!("(fetched), commit {tagged}")),
        "{}",
        run.stderr
    );
    assert!(env.object("3scale-apim", "Secret", "system-seed").is_some());

    // Only the tagged commit was copied, as a shallow clone would have it.
    let base = env.root().join("cache/threescale-install/templates");
    let repo_dir = std::fs::read_dir(&base)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let checkout = std::fs::read_dir(&repo_dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert_eq!(
        std::fs::read_to_string(checkout.join(".git/shallow"))
            .unwrap()
            .trim(),
        tagged
    );
    assert_eq!(git(&checkout, &["rev-list", "--count", "HEAD"]), "1");

    // The cached checkout serves a later run: no network, the source may be gone.
    std::fs::remove_dir_all(&repo).unwrap();
    let run = env.run(&args);
    run.assert_code(0);
    assert!(
        run.stderr.contains(&format!("(cached), commit {tagged}")),
        "{}",
        run.stderr
    );
}

#[test]
fn branch_and_commit_refs_work_from_a_plain_path() {
    let env = git_env();
    let (repo, tagged) = templates_repo(env.root());
    let path = repo.to_str().unwrap();
    let run = env.run(
        &[
            ARGS,
            &["--templates-repo", path, "--templates-ref", "2.8-stable"],
        ]
        .concat(),
    );
    run.assert_code(0);
    assert!(
        run.stderr.contains(&format!("commit {tagged}")),
        "{}",
        run.stderr
    );

    let head = git(&repo, &["rev-parse", "HEAD"]);
    let run = env.run(&[ARGS, &["--templates-repo", path, "--templates-ref", &head]].concat());
    run.assert_code(0);
    assert!(
        run.stderr.contains(&format!("commit {head}")),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_ref_is_a_clear_error_and_leaves_no_cache() {
    let env = git_env();
    let (repo, _) = templates_repo(env.root());
    let run = env.run(
        &[
            ARGS,
            &[
                "--templates-repo",
                repo.to_str().unwrap(),
                "--templates-ref",
                "2.8.9.GA",
            ],
        ]
        .concat(),
    );
    run.assert_code(3);
    assert!(
        run.stderr
            .contains("'2.8.9.GA' is neither a tag nor a branch"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("tags there include: 2.8.0.GA"),
        "{}",
        run.stderr
    );
    assert_eq!(
        cache_entries(&env),
        Vec::<String>::new(),
        "no half-made cache entry"
    );
    assert!(env
        .calls()
        .iter()
        .all(|c| !c["argv"][0].as_str().unwrap().starts_with("new")));
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn a_checkout_without_the_templates_is_refused() {
    let env = git_env();
    let empty = env.root().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let run = env.run(&[ARGS, &["--templates-dir", empty.to_str().unwrap()]].concat());
    run.assert_code(3);
    assert!(
        run.stderr
            .contains("missing amp/amp.yml, 3scale-image-streams.yml"),
        "{}",
        run.stderr
    );
}

/// `git daemon` on loopback, in its own process group so that it and its children stop together.
pub(crate) struct Daemon {
    child: Child,
    port: u16,
}

impl Daemon {
    fn start(base: &Path) -> Daemon {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new("git")
            .args([
                "daemon",
                "--reuseaddr",
                "--export-all",
                // It says "Ready to rumble" once it listens: the start is read, not polled.
                "--verbose",
                "--listen=127.0.0.1",
                &format!("--port={port}"),
            ])
            .arg(format!("--base-path={}", base.display()))
            .arg(base)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .process_group(0)
            .spawn()
            .expect("git daemon starts");
        // Its log is read to the end (a closed pipe would kill it at its next line); the start
        // is reported as soon as it is seen.
        let log = BufReader::new(child.stderr.take().unwrap());
        let (started, ready) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in log.lines().map_while(Result::ok) {
                if line.contains("Ready to rumble") {
                    let _ = started.send(Ok(()));
                }
            }
            let _ = started.send(Err("git daemon exited before it listened"));
        });
        ready
            .recv_timeout(support::events::FAILING_AFTER)
            .expect("git daemon says it listens")
            .unwrap();
        Daemon { child, port }
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        unsafe { libc::kill(-(self.child.id() as i32), libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

#[test]
fn shallow_fetch_over_a_smart_transport() {
    let env = git_env();
    let (repo, tagged) = templates_repo(env.root());
    let daemon = Daemon::start(repo.parent().unwrap());
    let url = format!(
        "git://127.0.0.1:{}/3scale-amp-openshift-templates",
        daemon.port
    );
    let run = env.run(&[ARGS, &["--templates-repo", &url]].concat());
    run.assert_code(0);
    assert!(
        run.stderr.contains(&format!("commit {tagged}")),
        "{}",
        run.stderr
    );

    let base = env.root().join("cache/threescale-install/templates");
    let repo_dir = std::fs::read_dir(&base)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let checkout = std::fs::read_dir(&repo_dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let shallow = std::fs::read_to_string(checkout.join(".git/shallow")).expect("a shallow clone");
    assert_eq!(shallow.trim(), tagged);
    assert_eq!(git(&checkout, &["rev-list", "--count", "HEAD"]), "1");
}
