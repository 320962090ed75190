//! `World`: one case's surroundings. A temp dir with home/, the XDG dirs, bin/oc (the argv-logging
//! wrapper around the real oc) and a kubeconfig of its own; the case's simulator, started on first
//! use; and the installer, run with a clean environment.

use crate::process::{self, Run, Signal};
use crate::reality::{Reality, Target};
use crate::runner::Skip;
use crate::sim::{Scenario, Sim};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// The wrapper put first on PATH as `oc` (see the script for its record format).
const OC_WRAPPER: &str = include_str!("oc-wrapper.sh");
/// How long one installer or oc run may take before its process group is killed.
pub const RUN_DEADLINE: Duration = Duration::from_secs(15 * 60);
/// The scenario a case gets when it uses the simulator without choosing one.
pub const DEFAULT_SCENARIO: &str = "happy";

pub struct World {
    // Fields drop in this order: the simulator stops before its directory is removed.
    sim: OnceLock<Sim>,
    reality: Arc<Reality>,
    dir: tempfile::TempDir,
}

impl World {
    pub fn new(reality: Arc<Reality>, case: &str) -> Result<World, String> {
        let dir = tempfile::Builder::new()
            .prefix(&format!("threescale-reality-{case}."))
            .tempdir()
            .map_err(|e| format!("cannot make a temp dir: {e}"))?;
        for sub in ["home", "cache", "state", "config", "bin", "work"] {
            std::fs::create_dir_all(dir.path().join(sub))
                .map_err(|e| format!("cannot create {sub}/: {e}"))?;
        }
        let oc = dir.path().join("bin/oc");
        std::fs::write(&oc, OC_WRAPPER).map_err(|e| format!("cannot write bin/oc: {e}"))?;
        set_mode(&oc, 0o755)?;
        if let Target::Cluster { kubeconfig, .. } = &reality.target {
            copy_kubeconfig(kubeconfig, &dir.path().join("kubeconfig"))?;
        }
        Ok(World {
            sim: OnceLock::new(),
            reality,
            dir,
        })
    }

    /// The case's temp dir.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// HOME for every process the case runs.
    pub fn home(&self) -> PathBuf {
        self.dir().join("home")
    }

    /// XDG_CACHE_HOME (the installer keeps its template checkouts below it).
    pub fn cache_dir(&self) -> PathBuf {
        self.dir().join("cache")
    }

    /// XDG_STATE_HOME (the installer keeps credentials and records below it).
    pub fn state_dir(&self) -> PathBuf {
        self.dir().join("state")
    }

    /// XDG_CONFIG_HOME.
    pub fn config_dir(&self) -> PathBuf {
        self.dir().join("config")
    }

    /// The working directory of every process the case runs.
    pub fn work_dir(&self) -> PathBuf {
        self.dir().join("work")
    }

    /// The case's own kubeconfig (oc rewrites it on `oc new-project`). Starts the default
    /// simulator when none runs yet.
    pub fn kubeconfig(&self) -> PathBuf {
        self.simulator();
        self.dir().join("kubeconfig")
    }

    /// The file `oc` appends every argv to.
    pub fn argv_log_path(&self) -> PathBuf {
        self.dir().join("oc-argv.log")
    }

    /// `file://` URL of a repository with the real templates and the tag 2.8.0.GA.
    pub fn templates_url(&self) -> &str {
        self.reality.templates.url()
    }

    /// The real template files at 2.8.0.GA, for `--templates-dir`.
    pub fn templates_dir(&self) -> &Path {
        self.reality.templates.dir()
    }

    /// True against the simulator, false against a real cluster.
    pub fn is_simulated(&self) -> bool {
        self.reality.is_simulated()
    }

    /// The registry login a real-cluster run was given (never set against the simulator, whose
    /// scenarios name their own).
    pub fn registry_credentials(&self) -> Option<(&str, &str)> {
        match &self.reality.target {
            Target::Cluster {
                registry_username: Some(user),
                registry_password: Some(password),
                ..
            } => Some((user, password)),
            _ => None,
        }
    }

    /// Ends the case as skipped, with the reason (the runner reports it; no failure).
    pub fn skip(&self, reason: impl Into<String>) -> ! {
        std::panic::panic_any(Skip(reason.into()))
    }

    /// The case's simulator, started with the default scenario if the case chose none; `None`
    /// against a real cluster.
    pub fn simulator(&self) -> Option<&Sim> {
        self.is_simulated()
            .then(|| self.start_once(Scenario::named(DEFAULT_SCENARIO)).0)
    }

    /// The case's simulator (see [`World::simulator`]). Only `Needs::Simulator` cases may call it.
    #[track_caller]
    pub fn sim(&self) -> &Sim {
        self.simulator()
            .expect("World::sim against a real cluster: declare the case Needs::Simulator")
    }

    /// Starts the case's simulator in `scenario`; call it before anything else uses the cluster.
    #[track_caller]
    pub fn start_sim(&self, scenario: Scenario) -> &Sim {
        assert!(
            self.is_simulated(),
            "World::start_sim against a real cluster: declare the case Needs::Simulator"
        );
        let (sim, started) = self.start_once(scenario);
        assert!(
            started,
            "the case's simulator already runs: call start_sim before the first run"
        );
        sim
    }

    fn start_once(&self, scenario: Scenario) -> (&Sim, bool) {
        let mut started = false;
        let sim = self.sim.get_or_init(|| {
            started = true;
            let Target::Simulator { server } = &self.reality.target else {
                unreachable!("callers check is_simulated");
            };
            let sim = Sim::start(server, &self.dir().join("sim"), &scenario)
                .unwrap_or_else(|e| panic!("{e}"));
            copy_kubeconfig(&sim.kubeconfig(), &self.dir().join("kubeconfig"))
                .unwrap_or_else(|e| panic!("{e}"));
            sim
        });
        (sim, started)
    }

    /// The installer, with the case's clean environment: PATH=bin:/usr/bin:/bin, HOME, the XDG
    /// dirs, KUBECONFIG, OC_ARGV_LOG, OC_REAL, RUST_BACKTRACE=0, NO_COLOR=1 and
    /// THREESCALE_TEMPLATES_REPO (left out when `args` has `--templates-dir`, which clap would
    /// reject next to it).
    pub fn installer<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<_> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        let mut cmd = self.command(env!("CARGO_BIN_EXE_threescale-install"));
        let templates_dir = args.iter().any(|a| {
            let a = a.to_string_lossy();
            a == "--templates-dir" || a.starts_with("--templates-dir=")
        });
        if !templates_dir {
            cmd.env("THREESCALE_TEMPLATES_REPO", self.templates_url());
        }
        cmd.args(args);
        cmd
    }

    /// `oc` as the installer finds it: the wrapper in bin/, with the same environment.
    pub fn oc<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = self.command(self.dir().join("bin/oc"));
        cmd.args(args);
        cmd
    }

    fn command(&self, program: impl AsRef<OsStr>) -> Command {
        let kubeconfig = self.kubeconfig();
        let mut path = self.dir().join("bin").into_os_string();
        path.push(":/usr/bin:/bin");
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .current_dir(self.work_dir())
            .env("PATH", path)
            .env("HOME", self.home())
            .env("XDG_CACHE_HOME", self.cache_dir())
            .env("XDG_STATE_HOME", self.state_dir())
            .env("XDG_CONFIG_HOME", self.config_dir())
            .env("KUBECONFIG", kubeconfig)
            .env("OC_ARGV_LOG", self.argv_log_path())
            .env("OC_REAL", &self.reality.oc)
            .env("RUST_BACKTRACE", "0")
            .env("NO_COLOR", "1");
        cmd
    }

    /// Runs the installer with no stdin.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.run_command(self.installer(args), None)
    }

    /// Runs the installer with these bytes on stdin.
    pub fn run_with_stdin<I, S>(&self, args: I, stdin: &[u8]) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.run_command(self.installer(args), Some(stdin))
    }

    /// Runs the installer and sends `then` once a stderr line contains `stderr_contains`; the
    /// run goes on to its end either way (`Run::signalled` says whether the line came).
    pub fn run_until<I, S>(&self, args: I, stderr_contains: &str, then: Signal) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        process::collect(
            self.installer(args),
            None,
            Some((stderr_contains, then)),
            RUN_DEADLINE,
        )
    }

    /// Runs any command (e.g. from [`World::installer`] or [`World::oc`] with more settings) to
    /// its end, its process group killed after [`RUN_DEADLINE`].
    pub fn run_command(&self, cmd: Command, stdin: Option<&[u8]>) -> Run {
        process::collect(cmd, stdin.map(<[u8]>::to_vec), None, RUN_DEADLINE)
    }

    /// Every argv `oc` was called with so far, in order.
    pub fn argv_log(&self) -> Vec<Vec<String>> {
        match std::fs::read(self.argv_log_path()) {
            Ok(bytes) => parse_argv_log(&bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => panic!("cannot read {}: {e}", self.argv_log_path().display()),
        }
    }

    /// What helps to understand a failure: the simulator's address and last words.
    pub fn diagnostics(&self) -> String {
        match self.sim.get() {
            Some(sim) => format!(
                "simulator {} (state {}), its last stderr lines:\n{}",
                sim.url(),
                sim.state_dir().display(),
                sim.stderr_tail()
            ),
            None => String::new(),
        }
    }

    /// Stops the simulator, then removes the directory, or keeps it and returns its path.
    pub fn finish(self, keep: bool) -> Option<PathBuf> {
        let World { sim, dir, .. } = self;
        drop(sim);
        if keep {
            Some(dir.keep())
        } else {
            None
        }
    }
}

/// Records of `COUNT\0ARG\0...ARG\0` (see oc-wrapper.sh).
fn parse_argv_log(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut fields = bytes
        .split(|b| *b == 0)
        .map(|f| String::from_utf8_lossy(f).into_owned());
    let mut calls = Vec::new();
    while let Some(count) = fields.next() {
        if count.is_empty() {
            break; // the split after the final NUL
        }
        let count: usize = count
            .parse()
            .unwrap_or_else(|_| panic!("the oc argv log is corrupt near {count:?}"));
        let argv: Vec<String> = fields.by_ref().take(count).collect();
        assert_eq!(argv.len(), count, "the oc argv log ends inside a record");
        calls.push(argv);
    }
    calls
}

fn copy_kubeconfig(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))?;
    set_mode(to, 0o600)
}

fn set_mode(path: &Path, mode: u32) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| format!("cannot chmod {}: {e}", path.display()))
}
