//! Test harness: a temp HOME with the fake oc first on PATH, a simulated cluster, and helpers to
//! run the real binary and read what the fake recorded.
#![allow(dead_code)]

pub mod events;
pub mod leaks;
pub mod param_file;
pub mod pty;
pub mod snapshot;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

pub const PASSWORD: &str = "s3cr3t-Registry-Pw";
pub const USERNAME: &str = "12345|svc-account";

/// Builds the fake oc once per test binary and returns its path.
pub fn fake_oc() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--quiet", "-p", "fake-oc", "--bin", "oc"])
            .current_dir(manifest)
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the fake oc failed");
        // target/debug/deps/<test> → target/debug/oc
        let exe = std::env::current_exe().unwrap();
        let path = exe.parent().unwrap().parent().unwrap().join("oc");
        assert!(path.is_file(), "fake oc not at {}", path.display());
        path
    })
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fixtures")
}

pub struct TestEnv {
    pub dir: tempfile::TempDir,
    envs: Vec<(String, String)>,
    removed: Vec<String>,
}

pub struct Run {
    pub output: Output,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code(),
            code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

impl TestEnv {
    /// A cluster with an RWX class and an ingress domain, templates from the fixture directory,
    /// the registry credentials in the environment.
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["home", "bin", "cluster", "cache", "state"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        std::os::unix::fs::symlink(fake_oc(), root.join("bin/oc")).unwrap();
        let env = TestEnv {
            dir,
            envs: Vec::new(),
            removed: Vec::new(),
        };
        env.write_state(serde_json::json!({
            "user": "developer",
            "storage_classes": [
                {"name": "gp2", "provisioner": "kubernetes.io/aws-ebs", "default": true},
                {"name": "ocs-cephfs", "provisioner": "openshift-storage.cephfs.csi.ceph.com"}
            ],
            "ingress_domain": "apps.cluster.example.com"
        }));
        // Look at the cluster and retry without pausing: the fake cluster needs no time.
        // verify has tests of its own, with a fake 3scale; installs here end at the credentials.
        env.env("THREESCALE_NO_VERIFY", "1")
            .env("THREESCALE_POLL_INTERVAL", "0s")
            .env(
                "THREESCALE_TEMPLATES_DIR",
                fixtures().join("templates").to_str().unwrap(),
            )
            .env("THREESCALE_REGISTRY_USERNAME", USERNAME)
            .env("THREESCALE_REGISTRY_PASSWORD", PASSWORD)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn env(mut self, key: &str, value: &str) -> TestEnv {
        self.envs.retain(|(k, _)| k != key);
        self.envs.push((key.into(), value.into()));
        self
    }

    pub fn without_env(mut self, key: &str) -> TestEnv {
        self.envs.retain(|(k, _)| k != key);
        self.removed.push(key.into());
        self
    }

    pub fn state(&self) -> Value {
        let text = std::fs::read_to_string(self.root().join("cluster/state.json"))
            .unwrap_or_else(|_| "{}".into());
        serde_json::from_str(&text).unwrap()
    }

    pub fn write_state(&self, state: Value) {
        std::fs::write(
            self.root().join("cluster/state.json"),
            serde_json::to_string_pretty(&state).unwrap(),
        )
        .unwrap();
    }

    /// Changes the simulated cluster: `f` edits the state JSON.
    pub fn cluster(&self, f: impl FnOnce(&mut Value)) {
        let mut s = self.state();
        f(&mut s);
        self.write_state(s);
    }

    /// Every oc invocation so far: argv and stdin digest.
    pub fn calls(&self) -> Vec<Value> {
        std::fs::read_to_string(self.root().join("cluster/calls.jsonl"))
            .unwrap_or_default()
            .lines()
            // The fake may be writing its last record right now: a partial line is skipped.
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    /// The recorded oc command lines, with the temp dir and fixture paths made stable.
    pub fn commands(&self) -> Vec<String> {
        let root = self.root().to_string_lossy().into_owned();
        let fixtures = fixtures().to_string_lossy().into_owned();
        self.calls()
            .iter()
            .map(|c| {
                let argv: Vec<String> = c["argv"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.as_str().unwrap().to_string())
                    .collect();
                format!("oc {}", argv.join(" "))
                    .replace(&root, "$TMP")
                    .replace(&fixtures, "$FIXTURES")
            })
            .collect()
    }

    pub fn clear_calls(&self) {
        let _ = std::fs::remove_file(self.root().join("cluster/calls.jsonl"));
    }

    /// The fake oc processes of this environment that are still running (zombies excepted),
    /// found by their `FAKE_OC_DIR`: it tells whether every oc the installer started was
    /// stopped, even one killed before it could say who it was.
    pub fn running_fake_ocs(&self) -> Vec<i32> {
        let marker = format!("FAKE_OC_DIR={}", self.root().join("cluster").display());
        let mut running = Vec::new();
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<i32>().ok())
            else {
                continue;
            };
            let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
            let ours = environ
                .split(|b| *b == 0)
                .any(|var| var == marker.as_bytes());
            let status = std::fs::read_to_string(entry.path().join("status")).unwrap_or_default();
            if ours && !status.contains("State:\tZ") && pid != std::process::id() as i32 {
                running.push(pid);
            }
        }
        running
    }

    /// Commands that change the cluster.
    pub fn mutating_commands(&self) -> Vec<String> {
        self.commands()
            .into_iter()
            .filter(|c| {
                [
                    "oc new-project",
                    "oc create",
                    "oc replace",
                    "oc new-app",
                    "oc apply",
                    "oc delete",
                    "oc import-image",
                    "oc patch",
                ]
                .iter()
                .any(|m| c.starts_with(m))
            })
            .collect()
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let root = self.root();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_threescale-install"));
        cmd.args(args)
            .env_clear()
            .env(
                "PATH",
                format!(
                    "{}:/usr/local/bin:/usr/bin:/bin",
                    root.join("bin").display()
                ),
            )
            .env("HOME", root.join("home"))
            .env("XDG_CACHE_HOME", root.join("cache"))
            .env("XDG_STATE_HOME", root.join("state"))
            .env("FAKE_OC_DIR", root.join("cluster"))
            .env("RUST_BACKTRACE", "0")
            .env("NO_COLOR", "1")
            .current_dir(root);
        for (k, v) in &self.envs {
            cmd.env(k, v);
        }
        for k in &self.removed {
            cmd.env_remove(k);
        }
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut cmd = self.command(args);
        let output = match stdin {
            Some(input) => {
                use std::io::Write;
                cmd.stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped());
                let mut child = cmd.spawn().unwrap();
                let written = child.stdin.take().unwrap().write_all(input.as_bytes());
                // A run that stops reading early (a bounded read) closes the pipe on the rest.
                if let Err(e) = written {
                    assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
                }
                child.wait_with_output().unwrap()
            }
            None => cmd.stdin(Stdio::null()).output().unwrap(),
        };
        Run {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            output,
        }
    }

    /// The objects stored in a project of the simulated cluster.
    pub fn objects(&self, project: &str) -> Vec<Value> {
        self.state()["projects"][project]["objects"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub fn object(&self, project: &str, kind: &str, name: &str) -> Option<Value> {
        self.objects(project)
            .into_iter()
            .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
    }
}

/// Whether OpenShift itself made `o` in the project, as in every project: the default service
/// accounts (builder, default, deployer) and the role bindings of a new project, and the token
/// and pull secrets of every service account (owned by it).
pub fn made_by_openshift(o: &Value) -> bool {
    let name = o["metadata"]["name"].as_str().unwrap_or_default();
    let owned_by_account = o["metadata"]["ownerReferences"]
        .as_array()
        .is_some_and(|refs| refs.iter().any(|r| r["kind"] == "ServiceAccount"));
    owned_by_account
        || (o["kind"] == "ServiceAccount" && ["builder", "default", "deployer"].contains(&name))
        || (o["kind"] == "RoleBinding"
            && [
                "admin",
                "system:deployers",
                "system:image-builders",
                "system:image-pullers",
            ]
            .contains(&name))
}

/// The standard non-interactive install.
pub const INSTALL: &[&str] = &["--yes"];
