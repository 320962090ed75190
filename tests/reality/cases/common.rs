//! What the cases share: the registry login of the world, the install command line, reading the
//! cluster through oc, and the secret scan run after every command.

use crate::process::Run;
use crate::secrets::{self, SecretScan};
use crate::world::World;
use serde_json::Value;
use std::path::Path;

/// The registry login of the simulator's scenarios that accept one (happy, no-rwx,
/// no-project-rights, flaky, slow).
pub const SIM_REGISTRY: (&str, &str) = (
    "12345678|threescale-installer",
    "valid-registry-token-happy",
);

/// The project every install case uses (each case has a cluster of its own).
pub const PROJECT: &str = "3scale-apim";

/// The registry login of this world: the scenario's, or the real cluster's (skips without one).
pub fn registry(world: &World) -> (String, String) {
    if world.is_simulated() {
        return (SIM_REGISTRY.0.into(), SIM_REGISTRY.1.into());
    }
    match world.registry_credentials() {
        Some((u, p)) => (u.into(), p.into()),
        None => {
            world.skip("a real cluster needs THREESCALE_REALITY_REGISTRY_USERNAME and _PASSWORD")
        }
    }
}

/// An install run: the installer with the registry password (and any secret parameters) in its
/// environment, never on its command line.
pub struct Installer<'a> {
    pub world: &'a World,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

impl<'a> Installer<'a> {
    /// `--yes` with the world's registry login, a quick poll, and `extra`.
    pub fn new(world: &'a World, extra: &[&str]) -> Installer<'a> {
        let (user, password) = registry(world);
        let mut args: Vec<String> = [
            "--yes",
            "--registry-username",
            &user,
            "--poll-interval",
            "250ms",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        Installer {
            world,
            args,
            // The simulator serves no portals: verify runs in a case of its own, with a fake
            // 3scale behind a proxy.
            env: vec![
                ("THREESCALE_REGISTRY_PASSWORD".into(), password),
                ("THREESCALE_NO_VERIFY".into(), "1".into()),
            ],
        }
    }

    pub fn env(mut self, key: &str, value: &str) -> Installer<'a> {
        self.env.push((key.into(), value.into()));
        self
    }

    pub fn command(&self) -> std::process::Command {
        let mut cmd = self.world.installer(&self.args);
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd
    }

    pub fn run(&self) -> Run {
        self.world.run_command(self.command(), None)
    }

    pub fn run_watching(
        &self,
        watch: &mut dyn FnMut(&str) -> Option<crate::process::Signal>,
    ) -> Run {
        crate::process::collect_watching(self.command(), None, watch, crate::world::RUN_DEADLINE)
    }
}

/// Runs a command of the installer (status, credentials, uninstall...) with `args`.
pub fn command(world: &World, args: &[&str]) -> Run {
    world.run(args)
}

/// Runs oc, again while the API fails transiently (the flaky scenario fails the cases' own reads
/// too).
fn oc(world: &World, args: &[&str]) -> Run {
    let transient = |r: &Run| {
        [
            "ServiceUnavailable",
            "InternalError",
            "etcdserver",
            "Unable to connect",
        ]
        .iter()
        .any(|t| r.stderr.contains(t))
    };
    let mut run = world.run_command(world.oc(args), None);
    for _ in 0..20 {
        if run.code == 0 || !transient(&run) {
            break;
        }
        run = world.run_command(world.oc(args), None);
    }
    run
}

/// `oc get TYPES -o json -n PROJECT` through the world's oc, one type at a time: the items.
pub fn list(world: &World, types: &str, project: &str) -> Vec<Value> {
    let mut items = Vec::new();
    for t in types.split(',') {
        let run = oc(world, &["get", t, "-o", "json", "-n", project]);
        run.assert_code(&[0]);
        let doc: Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("oc printed no JSON ({e}):\n{}", run.transcript()));
        items.extend(doc["items"].as_array().cloned().unwrap_or_default());
    }
    items
}

/// One secret of the project, its values decoded.
pub fn secret_data(world: &World, project: &str, name: &str) -> Option<Vec<(String, String)>> {
    let run = oc(
        world,
        &[
            "get",
            "secret",
            name,
            "-o",
            "json",
            "--ignore-not-found",
            "-n",
            project,
        ],
    );
    run.assert_code(&[0]);
    if run.stdout.trim().is_empty() {
        return None;
    }
    let doc: Value = serde_json::from_str(&run.stdout).expect("a secret as JSON");
    Some(decode(&doc))
}

fn decode(secret: &Value) -> Vec<(String, String)> {
    use base64::Engine;
    secret["data"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(v.as_str()?)
                .ok()?;
            Some((k.clone(), String::from_utf8(bytes).ok()?))
        })
        .collect()
}

/// Keys of the 3scale secrets that hold secret values (passwords, tokens, keys), as the
/// templates name them.
fn is_secret_key(key: &str) -> bool {
    let upper = key.to_uppercase();
    ["PASSWORD", "TOKEN", "SECRET", "KEY_BASE"]
        .iter()
        .any(|w| upper.contains(w))
}

/// Every secret value the project's secrets hold, with the registry password and `extra`.
pub fn secrets_of(world: &World, project: &str, extra: &[(&str, &str)]) -> SecretScan {
    let mut scan = SecretScan::new();
    let (_, password) = registry(world);
    scan = scan.secret("registry password", &password);
    for (name, value) in extra {
        scan = scan.secret(name, value);
    }
    for s in list(world, "secrets", project) {
        let name = s["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        // The service accounts' tokens are bearer tokens of the project: as secret as ours
        // (a dockercfg secret holds the same token).
        if s["type"] == "kubernetes.io/dockercfg" {
            continue;
        }
        for (k, v) in decode(&s) {
            // system-database's URL holds the database root password.
            if is_secret_key(&k) || (name == "system-database" && k == "URL") {
                scan = scan.secret(&format!("{name}.{k}"), &v);
            }
        }
    }
    scan
}

/// No secret in any file under the state dir but the credentials file, in any argv of oc, or in
/// what the runs printed (their stdout is not a terminal: secrets are masked there too).
#[track_caller]
pub fn assert_no_leak(world: &World, scan: &SecretScan, runs: &[&Run]) {
    let credentials: Vec<std::path::PathBuf> = find_files(&world.state_dir(), "credentials.yaml");
    let exclude: Vec<&Path> = credentials.iter().map(|p| p.as_path()).collect();
    let mut findings = scan.tree(&world.state_dir(), &exclude);
    findings.extend(scan.argv(&world.argv_log()));
    for (i, run) in runs.iter().enumerate() {
        findings.extend(scan.text(&format!("stdout of run {i}"), run.stdout.as_bytes()));
        findings.extend(scan.text(&format!("stderr of run {i}"), run.stderr.as_bytes()));
    }
    assert!(
        findings.is_empty(),
        "secrets leaked:\n{}",
        secrets::describe(&findings)
    );
}

fn find_files(root: &Path, name: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n == name) {
                out.push(path);
            }
        }
    }
    out
}

/// (kind, name) of every object a template of the real files creates, read with serde_yaml
/// here (not with the installer's code).
pub fn template_objects(world: &World, profile: &str) -> Vec<(String, String)> {
    let path = world
        .templates_dir()
        .join("amp")
        .join(format!("{profile}.yml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    objects_of(&text)
}

/// The same, of the file at another ref of the repository (`git show REF:amp/PROFILE.yml`).
pub fn template_objects_at(world: &World, git_ref: &str, profile: &str) -> Vec<(String, String)> {
    let repo = super::official::repo(world);
    let text = super::official::git(&repo, &["show", &format!("{git_ref}:amp/{profile}.yml")]);
    objects_of(&text)
}

fn objects_of(text: &str) -> Vec<(String, String)> {
    let doc: Value = serde_yaml::from_str(text).expect("the template is YAML");
    doc["objects"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| {
            (
                o["kind"].as_str().unwrap_or_default().to_string(),
                o["metadata"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect()
}

/// The resource types of those kinds, as `oc get` takes them.
pub fn types_of(objects: &[(String, String)]) -> String {
    let mut types: Vec<&str> = objects
        .iter()
        .map(|(k, _)| match k.as_str() {
            "DeploymentConfig" => "deploymentconfigs.apps.openshift.io",
            "ImageStream" => "imagestreams.image.openshift.io",
            "Route" => "routes.route.openshift.io",
            "Role" => "roles.rbac.authorization.k8s.io",
            "RoleBinding" => "rolebindings.rbac.authorization.k8s.io",
            "PodDisruptionBudget" => "poddisruptionbudgets.policy",
            "Secret" => "secrets",
            "Service" => "services",
            "ServiceAccount" => "serviceaccounts",
            "ConfigMap" => "configmaps",
            "PersistentVolumeClaim" => "persistentvolumeclaims",
            other => panic!("a kind the case does not know: {other}"),
        })
        .collect();
    types.sort();
    types.dedup();
    types.join(",")
}

/// Which of `objects` the project holds.
pub fn present(
    world: &World,
    project: &str,
    objects: &[(String, String)],
) -> Vec<(String, String)> {
    let listed = list(world, &types_of(objects), project);
    objects
        .iter()
        .filter(|(k, n)| {
            listed
                .iter()
                .any(|o| o["kind"] == k.as_str() && o["metadata"]["name"] == n.as_str())
        })
        .cloned()
        .collect()
}

/// The oc calls made since `before` (an index into the argv log).
pub fn calls_since(world: &World, before: usize) -> Vec<Vec<String>> {
    world.argv_log().into_iter().skip(before).collect()
}

/// What a fake 3scale needs to stand in for an install: the admin portal's host as zync's route
/// names it, the domain, and the tokens of `system-seed`.
pub struct InstalledPortal {
    pub admin_host: String,
    pub domain: String,
    pub admin_token: String,
    pub master_token: String,
}

/// The portal of the install in [`PROJECT`].
pub fn installed_portal(world: &World) -> InstalledPortal {
    let seed = secret_data(world, PROJECT, "system-seed").expect("system-seed");
    let value = |k: &str| {
        seed.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("system-seed has no {k}"))
    };
    // The domain the install used: the admin route zync created tells it.
    let admin_host = list(world, "routes.route.openshift.io", PROJECT)
        .iter()
        .find(|r| r["metadata"]["labels"]["zync.3scale.net/route-to"] == "system-provider")
        .and_then(|r| r["spec"]["host"].as_str())
        .expect("zync's admin portal route")
        .to_string();
    InstalledPortal {
        domain: admin_host.split_once('.').unwrap().1.to_string(),
        admin_host,
        admin_token: value("ADMIN_ACCESS_TOKEN"),
        master_token: value("MASTER_ACCESS_TOKEN"),
    }
}
