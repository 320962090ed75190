//! Side by side with the manual steps: our install and a plain script of the manual install
//! (clone, new-project, pull secret, image streams, new-app) with the same real oc against the
//! simulated OpenShift, each on a fresh cluster; wall time and oc calls of a fresh install and of
//! a re-run. Runs when the environment names the tools (as the reality tier does).

use crate::sim::{Scenario, Sim};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const WRAPPER: &str = include_str!("../../tests/reality/oc-wrapper.sh");
const REGISTRY: (&str, &str) = (
    "12345678|threescale-installer",
    "valid-registry-token-happy",
);
const DOMAIN: &str = "apps.ocp4.example.com";
const RWX: &str = "ocs-storagecluster-cephfs";

/// The manual install as a person types it, made to work on OpenShift 4.11+ (the image streams
/// file's legacy apiVersion is rewritten, as every guide for 4.x says).
const MANUAL: &str = r#"set -e
rm -rf tpl && git clone -q --depth 1 --branch 2.8.0.GA "$TEMPLATES" tpl
oc new-project 3scale-apim --display-name="3Scale API Management" >/dev/null
oc create secret docker-registry threescale-registry-auth --docker-server=registry.redhat.io \
  --docker-username="$REG_USER" --docker-password="$REG_PASSWORD" -n 3scale-apim
sed 's#apiVersion: v1#apiVersion: image.openshift.io/v1#' tpl/3scale-image-streams.yml | oc create -f - -n 3scale-apim
oc new-app --file tpl/amp/amp.yml --param WILDCARD_DOMAIN="$DOMAIN" --param RWX_STORAGE_CLASS="$RWX" -n 3scale-apim >/dev/null
"#;

pub struct Measure {
    pub wall: Duration,
    pub calls: usize,
    pub code: i32,
}

struct Env {
    oc: PathBuf,
    server: PathBuf,
    bundle: PathBuf,
}

fn env() -> Result<Env, String> {
    let var = |k: &str| {
        std::env::var_os(k)
            .map(PathBuf::from)
            .ok_or_else(|| k.to_string())
    };
    match (
        var("THREESCALE_REALITY_OC"),
        var("THREESCALE_REALITY_SIMULATOR"),
        var("THREESCALE_REALITY_TEMPLATES"),
    ) {
        (Ok(oc), Ok(server), Ok(bundle)) => Ok(Env { oc, server, bundle }),
        (a, b, c) => Err([a.err(), b.err(), c.err()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")),
    }
}

/// A fresh simulated cluster with the real oc behind an argv-logging wrapper.
struct World {
    dir: tempfile::TempDir,
    _sim: Sim,
    oc: PathBuf,
}

impl World {
    fn new(env: &Env) -> World {
        let dir = tempfile::tempdir().unwrap();
        for d in ["bin", "home", "work"] {
            std::fs::create_dir_all(dir.path().join(d)).unwrap();
        }
        let wrapper = dir.path().join("bin/oc");
        std::fs::write(&wrapper, WRAPPER).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
        let sim = Sim::start(
            &env.server,
            &dir.path().join("sim"),
            &Scenario::named("happy").speed(60.0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(sim.kubeconfig(), dir.path().join("kubeconfig")).unwrap();
        World {
            dir,
            _sim: sim,
            oc: env.oc.clone(),
        }
    }

    fn command(&self, program: &Path) -> Command {
        let root = self.dir.path();
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .current_dir(root.join("work"))
            .env(
                "PATH",
                format!("{}:/usr/bin:/bin", root.join("bin").display()),
            )
            .env("HOME", root.join("home"))
            .env("XDG_CACHE_HOME", root.join("home/.cache"))
            .env("XDG_STATE_HOME", root.join("home/.local/state"))
            .env("KUBECONFIG", root.join("kubeconfig"))
            .env("OC_REAL", &self.oc)
            .env("OC_ARGV_LOG", root.join("argv.log"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd
    }

    fn calls(&self) -> usize {
        std::fs::read(self.dir.path().join("argv.log"))
            .map(|b| {
                // Records are `COUNT\0ARG\0...`; count them.
                let mut fields = b.split(|c| *c == 0);
                let mut n = 0;
                while let Some(count) = fields.next() {
                    let Ok(count) = String::from_utf8_lossy(count).parse::<usize>() else {
                        break;
                    };
                    fields.by_ref().take(count).for_each(drop);
                    n += 1;
                }
                n
            })
            .unwrap_or(0)
    }

    fn measure(&self, mut cmd: Command) -> Measure {
        let before = self.calls();
        let started = Instant::now();
        let status = cmd.status().unwrap();
        Measure {
            wall: started.elapsed(),
            calls: self.calls() - before,
            code: status.code().unwrap_or(-1),
        }
    }
}

fn bare_clone(bundle: &Path, into: &Path) -> String {
    let ok = Command::new("git")
        .args(["clone", "-q", "--bare"])
        .arg(bundle)
        .arg(into)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "git clone --bare {}", bundle.display());
    format!("file://{}", into.display())
}

/// (ours fresh, ours re-run, script fresh, script re-run), or why the section cannot run.
pub fn run(bin: &str) -> Result<[Measure; 4], String> {
    let env = env().map_err(|missing| format!("set {missing} (as for the reality tier)"))?;
    let repos = tempfile::tempdir().unwrap();
    let url = bare_clone(&env.bundle, &repos.path().join("templates.git"));

    let ours = World::new(&env);
    let install = || {
        let mut cmd = ours.command(Path::new(bin));
        cmd.args([
            "--yes",
            "--no-wait",
            "--templates-repo",
            &url,
            "--registry-username",
            REGISTRY.0,
        ])
        .env("THREESCALE_REGISTRY_PASSWORD", REGISTRY.1);
        cmd
    };
    let our_fresh = ours.measure(install());
    let our_rerun = ours.measure(install());

    let manual = World::new(&env);
    let script = || {
        let mut cmd = manual.command(Path::new("/bin/bash"));
        cmd.args(["-c", MANUAL])
            .env("TEMPLATES", &url)
            .env("REG_USER", REGISTRY.0)
            .env("REG_PASSWORD", REGISTRY.1)
            .env("DOMAIN", DOMAIN)
            .env("RWX", RWX);
        cmd
    };
    let script_fresh = manual.measure(script());
    let script_rerun = manual.measure(script());
    Ok([our_fresh, our_rerun, script_fresh, script_rerun])
}
