//! `Twin`: the real oc against the case's simulator and the default tier's fake oc against a state
//! file that describes the same cluster, side by side. Each exchange runs one command line (with
//! the flags the installer adds to every call) through both, normalises what they print
//! ([`super::normalise`]) and keeps every difference for the case's report.

use super::normalise;
use crate::process::Run;
use crate::world::World;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// What the installer adds to every oc call (src/oc/args.rs, `Globals::flags`).
pub const REQUEST_TIMEOUT: &str = "--request-timeout=60s";

/// The fake oc, built once per process as tests/support/mod.rs builds it for the default tier.
fn fake_oc() -> &'static Path {
    static PATH: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let built = PATH.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let out = Command::new(cargo)
            .args(["build", "--quiet", "-p", "fake-oc", "--bin", "oc"])
            .current_dir(manifest)
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "building the fake oc failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        // target/<profile>/deps/reality-<hash> → target/<profile>/oc
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let path = exe
            .parent()
            .and_then(Path::parent)
            .map(|d| d.join("oc"))
            .ok_or("no target directory")?;
        if path.is_file() {
            Ok(path)
        } else {
            Err(format!("the fake oc is not at {}", path.display()))
        }
    });
    match built {
        Ok(path) => path,
        Err(e) => panic!("{e}"),
    }
}

pub struct Twin<'a> {
    pub world: &'a World,
    fake: &'static Path,
    /// FAKE_OC_DIR: the fake's state.json and its call log.
    pub fake_dir: PathBuf,
    /// The fake's HOME: its own discovery cache, as the real oc has world.home().
    pub fake_home: PathBuf,
    differences: RefCell<Vec<String>>,
    exchanges: RefCell<usize>,
}

impl<'a> Twin<'a> {
    /// The case's simulator (already started, or `happy` now) and a fake cluster equivalent to
    /// it: the same server URL, user, context, OpenShift and Kubernetes versions, apps domain,
    /// storage classes and nodes, read from the simulator's scenario and state.
    pub fn new(world: &'a World) -> Twin<'a> {
        let sim = world.sim();
        let twin = Twin {
            world,
            fake: fake_oc(),
            fake_dir: world.dir().join("fake-cluster"),
            fake_home: world.dir().join("fake-home"),
            differences: RefCell::new(Vec::new()),
            exchanges: RefCell::new(0),
        };
        for d in [&twin.fake_dir, &twin.fake_home] {
            std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        }
        let state = sim.state();
        let scenario = &state["scenario"];
        let user_name = scenario["kubeconfig_user"].as_str().unwrap_or("developer");
        let user = scenario["users"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|u| u["name"] == user_name)
            .cloned()
            .unwrap_or_default();
        let kubeconfig: Value = serde_yaml::from_str(
            &std::fs::read_to_string(world.kubeconfig()).expect("the case's kubeconfig"),
        )
        .expect("the kubeconfig is YAML");
        let classes: Vec<Value> = scenario["storage_classes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                json!({
                    "name": c["name"],
                    "provisioner": c["provisioner"],
                    "default": c["default"].as_bool().unwrap_or(false),
                    "volume_binding_mode": c["volume_binding_mode"].as_str().unwrap_or("Immediate"),
                    "allow_volume_expansion": c["allow_volume_expansion"].as_bool().unwrap_or(false),
                    "reclaim_policy": c["reclaim_policy"].as_str().unwrap_or("Delete"),
                })
            })
            .collect();
        let nodes: Vec<Value> = match &state["objects"]["nodes"] {
            Value::Array(items) => items.clone(),
            Value::Object(by_name) => by_name.values().cloned().collect(),
            _ => Vec::new(),
        };
        let cluster = &scenario["cluster"];
        twin.write_fake_state(json!({
            "user": user_name,
            "cluster_admin": user["cluster_admin"].as_bool().unwrap_or(false),
            "can_create_projects": user["can_create_projects"].as_bool().unwrap_or(true),
            "server": sim.url(),
            "flavour": "4",
            "openshift_version": cluster["openshift_version"],
            "kube_version": cluster["kubernetes_version"],
            "ingress_domain": cluster["ingress_domain"],
            "storage_classes": classes,
            "contexts": [kubeconfig["current-context"]],
            "current_project": kubeconfig["contexts"][0]["context"]["namespace"],
            "projects": {},
            "nodes": nodes,
        }));
        twin
    }

    pub fn fake_state(&self) -> Value {
        let text = std::fs::read_to_string(self.fake_dir.join("state.json"))
            .expect("the fake's state.json");
        serde_json::from_str(&text).expect("the fake's state is JSON")
    }

    pub fn write_fake_state(&self, state: Value) {
        std::fs::write(
            self.fake_dir.join("state.json"),
            serde_json::to_string_pretty(&state).unwrap(),
        )
        .expect("writing the fake's state.json");
    }

    /// Changes the fake cluster as the case changed the simulated one.
    pub fn edit_fake_state(&self, f: impl FnOnce(&mut Value)) {
        let mut state = self.fake_state();
        f(&mut state);
        self.write_fake_state(state);
    }

    /// One command line for both (the installer's global flags appended).
    pub fn exchange(&self, what: &str, args: &[&str]) -> Exchange<'_, 'a> {
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.push(REQUEST_TIMEOUT.into());
        Exchange {
            twin: self,
            what: what.to_string(),
            args,
            stdin: None,
            real_env: Vec::new(),
            fake_env: Vec::new(),
            items: None,
            masks: Vec::new(),
            head: None,
        }
    }

    /// Every difference so far, as the case's failure message; passes when there is none.
    #[track_caller]
    pub fn assert_alike(&self) {
        let differences = self.differences.borrow();
        assert!(
            differences.is_empty(),
            "the fake oc differs from the real oc in {} of {} exchanges:\n\n{}",
            differences.len(),
            self.exchanges.borrow(),
            differences.join("\n")
        );
    }

    fn real_command(&self, args: &[String], env: &[(String, String)]) -> Command {
        let mut cmd = self.world.oc(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd
    }

    fn fake_command(&self, args: &[String], env: &[(String, String)]) -> Command {
        let mut cmd = Command::new(self.fake);
        cmd.args(args)
            .env_clear()
            .current_dir(self.world.work_dir())
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", &self.fake_home)
            .env("FAKE_OC_DIR", &self.fake_dir);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd
    }
}

/// What is compared of each item of a listed JSON document, applied to both sides: false leaves
/// the item out, and the item may be pared down.
pub type ItemFilter = fn(&mut Value) -> bool;

pub struct Exchange<'t, 'a> {
    twin: &'t Twin<'a>,
    what: String,
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    real_env: Vec<(String, String)>,
    fake_env: Vec<(String, String)>,
    items: Option<(ItemFilter, &'static str)>,
    masks: Vec<(String, String)>,
    /// Only this many first lines of stdout are compared, and why.
    head: Option<(usize, &'static str)>,
}

/// What both printed and returned.
pub struct Both {
    pub real: Run,
    pub fake: Run,
}

impl Exchange<'_, '_> {
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// An environment variable for both (e.g. HOME for a cold discovery cache).
    pub fn env_both(mut self, key: &str, real: &Path, fake: &Path) -> Self {
        self.real_env
            .push((key.into(), real.to_string_lossy().into_owned()));
        self.fake_env
            .push((key.into(), fake.to_string_lossy().into_owned()));
        self
    }

    /// Another kubeconfig for the real oc (the fake's state says the same in its own terms).
    pub fn real_kubeconfig(mut self, path: &Path) -> Self {
        self.real_env
            .push(("KUBECONFIG".into(), path.to_string_lossy().into_owned()));
        self
    }

    /// Compares only what `keep` keeps of the items of a listed document; `why` says why the
    /// rest is left out (it is shown with each difference).
    pub fn items(mut self, keep: ItemFilter, why: &'static str) -> Self {
        self.items = Some((keep, why));
        self
    }

    /// Compares only the first `lines` of stdout; `why` says why the rest is left out.
    pub fn head(mut self, lines: usize, why: &'static str) -> Self {
        self.head = Some((lines, why));
        self
    }

    /// Replaces `value` by `placeholder` on both sides (values each side draws itself).
    pub fn mask(mut self, masks: Vec<(String, String)>) -> Self {
        self.masks.extend(masks);
        self
    }

    /// Runs both, records any difference, and returns what they printed.
    pub fn run(self) -> Both {
        let both = self.collect();
        self.judge(&both);
        both
    }

    /// Runs both without comparing (see [`Exchange::judge`]).
    pub fn collect(&self) -> Both {
        let twin = self.twin;
        let stdin = self.stdin.as_deref();
        let real = twin
            .world
            .run_command(twin.real_command(&self.args, &self.real_env), stdin);
        let fake = twin
            .world
            .run_command(twin.fake_command(&self.args, &self.fake_env), stdin);
        Both { real, fake }
    }

    /// Compares what both printed and records any difference.
    pub fn judge(&self, both: &Both) {
        let (real, fake) = (&both.real, &both.fake);
        *self.twin.exchanges.borrow_mut() += 1;
        let prepare = |text: &str| {
            let mut text = match self.items {
                Some((keep, _)) => filter_items(text, keep),
                None => text.to_string(),
            };
            for (value, placeholder) in &self.masks {
                if !value.is_empty() {
                    text = text.replace(value.as_str(), placeholder);
                }
            }
            normalise::output(&text)
        };
        let mut found = Vec::new();
        if real.code != fake.code {
            found.push(format!(
                "    exit code: real {}, fake {}\n",
                real.code, fake.code
            ));
        }
        let head = |text: &str| match self.head {
            Some((lines, _)) => text.lines().take(lines).collect::<Vec<_>>().join("\n"),
            None => text.to_string(),
        };
        for (stream, r, f) in [
            ("stdout", &head(&real.stdout), &head(&fake.stdout)),
            ("stderr", &real.stderr, &fake.stderr),
        ] {
            if let Some(d) = normalise::diff(&prepare(r), &prepare(f)) {
                found.push(format!("    {stream}:\n{d}"));
            }
        }
        if !found.is_empty() {
            let shown: Vec<String> = self
                .args
                .iter()
                .map(|a| {
                    if a.is_empty() || a.contains(' ') {
                        format!("'{a}'")
                    } else {
                        a.clone()
                    }
                })
                .collect();
            let note =
                self.items
                    .map(|(_, why)| format!("  (items compared: {why})\n"))
                    .into_iter()
                    .chain(self.head.map(|(n, why)| {
                        format!("  (first {n} line(s) of stdout compared: {why})\n")
                    }))
                    .collect::<String>();
            self.twin.differences.borrow_mut().push(format!(
                "- {}: oc {}\n{note}{}",
                self.what,
                shown.join(" "),
                found.concat()
            ));
        }
    }
}

/// The document with only the items `keep` accepts, printed as `oc get -o json` prints a list;
/// the text unchanged when it is no list.
fn filter_items(text: &str, keep: ItemFilter) -> String {
    let Ok(mut doc) = serde_json::from_str::<Value>(text) else {
        return text.to_string();
    };
    let Some(items) = doc["items"].as_array_mut() else {
        return text.to_string();
    };
    items.retain_mut(keep);
    // Objects of one type are listed by name; names made by `generateName` (zync's routes) end
    // in random characters, so their order among themselves is random too: they are ordered by
    // host instead, keeping the order of the types.
    let kinds: Vec<Value> = items.iter().fold(Vec::new(), |mut kinds, i| {
        if !kinds.contains(&i["kind"]) {
            kinds.push(i["kind"].clone());
        }
        kinds
    });
    items.sort_by_key(|i| {
        let name = i["metadata"]["name"].as_str().unwrap_or_default();
        let generated = i["metadata"]["generateName"].as_str().unwrap_or_default();
        let stable = if generated.is_empty() {
            name
        } else {
            generated
        };
        (
            kinds.iter().position(|k| *k == i["kind"]),
            stable.to_string(),
            i["spec"]["host"].as_str().unwrap_or_default().to_string(),
        )
    });
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    serde::Serialize::serialize(&doc, &mut ser).expect("JSON prints");
    String::from_utf8(buf).expect("JSON is UTF-8") + "\n"
}
