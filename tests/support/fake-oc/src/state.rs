//! The simulated cluster, kept as JSON in `$FAKE_OC_DIR/state.json` between invocations.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The logged-in user; `None` simulates a session the server does not accept (an expired
    /// or wrong token: 401 Unauthorized), as does `token_rejected`.
    pub user: Option<String>,
    /// The kubeconfig's token is refused (401): every call that reaches the server fails the way
    /// oc fails then.
    pub token_rejected: bool,
    /// Whether the user may self-provision projects (`oc new-project`).
    pub can_create_projects: bool,
    /// Cluster admins see `openshiftVersion` and get NotFound instead of Forbidden for projects.
    pub cluster_admin: bool,
    pub server: String,
    /// "4" or "3.11": changes `oc version` and a few messages.
    pub flavour: String,
    pub openshift_version: String,
    pub kube_version: String,
    /// The API server refuses connections.
    pub unreachable: bool,
    /// Denied "verb resource" pairs, e.g. "create projectrequests", "get ingresses.config.openshift.io".
    pub denied: Vec<String>,
    pub ingress_domain: Option<String>,
    pub storage_classes: Vec<StorageClass>,
    pub contexts: Vec<String>,
    /// The project saved in the kubeconfig (what `oc project` would switch).
    pub current_project: Option<String>,
    pub projects: BTreeMap<String, Project>,
    pub random_seed: u64,
    pub resource_version: u64,
    /// Cluster IPs handed out to services so far.
    pub service_ips: u64,
    /// Commands (first word, e.g. "process") that hang until killed, like oc on a dead network.
    pub hang: Vec<String>,
    /// Commands (first word, e.g. "create") that succeed on the server but whose answer never
    /// comes back: oc hangs until killed, with the change made. Word → how many times.
    pub hang_after: BTreeMap<String, u32>,
    /// How deployment configs roll out: "ready" (at once), "pending" (waiting on image update),
    /// "failed" (progress deadline exceeded). Per-DC overrides in `rollout_overrides`.
    pub rollout: String,
    pub rollout_overrides: BTreeMap<String, String>,
    /// The cluster's nodes as `oc get nodes -o json` items; only cluster admins may list them.
    pub nodes: Vec<Value>,
    /// Every image import fails with this message (`{image}` is replaced); with
    /// `registry_login`, only imports from its host without that login (the registry's
    /// message then, when this is unset, is the simulated OpenShift's).
    pub import_failure: Option<String>,
    /// A registry that lets only this login in: an import of one of its images succeeds when a
    /// pull secret of the project holds it, as the image importer of OpenShift does with the
    /// project's dockercfg secrets.
    pub registry_login: Option<RegistryLogin>,
    /// Claims that stay Pending, with their provisioning failure.
    pub pvc_pending: BTreeMap<String, String>,
    /// Route hosts another route already holds.
    pub claimed_hosts: Vec<String>,
    /// Read-only calls that fail with a transient error before answering: command word → count.
    pub transient_failures: BTreeMap<String, u32>,
    /// For benchmarks only: deployment configs roll out until this wall-clock moment (Unix ms).
    pub ready_at_ms: Option<u64>,
    /// Projects get the service accounts OpenShift's controller makes (`builder`, `default`,
    /// `deployer`) at their first look, as on a real cluster, moments after creation; off by
    /// default, where tests count a project's objects.
    pub service_account_controller: bool,
    /// Someone else (another run) makes the project between the run's look and its `oc
    /// new-project`: the request then fails AlreadyExists, as the API server answers the second
    /// of two requests for one name, and the project exists, visible to the user.
    pub project_made_meanwhile: bool,
    /// The bearer token of the kubeconfig's user (`oc whoami -t`); `None`: a session without
    /// one (a client certificate).
    pub token: Option<String>,
    /// openshift-monitoring/cluster-monitoring-config's `enableUserWorkload` (readable by
    /// cluster admins only); `None`: the config map does not exist.
    pub user_workload_monitoring: Option<bool>,
    /// API groups of operators the cluster serves (e.g. "grafana.integreatly.org").
    pub apis: Vec<String>,
    /// Rights granted beyond the projects one is a member of: "verb resource", e.g.
    /// "get namespaces" (what the cluster-monitoring-view role gives).
    pub allowed: Vec<String>,
    /// Tenants signed up in 3scale since the install, whose portal routes zync is to create (a
    /// test that plays porta telling zync of a new provider adds them).
    pub zync_tenants: Vec<ZyncTenant>,
    /// Deployment configs that rolled out have their replication controller and a running pod
    /// (containers from the pod template) in the project, as on a real cluster; off by default,
    /// where tests count a project's objects.
    pub pods_of_ready_dcs: bool,
    /// What `oc logs` prints of a container: `POD/CONTAINER` → its log; `POD/CONTAINER/previous`
    /// → its previous run's (the container then shows one restart). Running containers without
    /// an entry print one line.
    pub pod_logs: BTreeMap<String, String>,
}

/// The one login a registry accepts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RegistryLogin {
    pub host: String,
    pub username: String,
    pub password: String,
}

/// A tenant zync has heard of: its routes appear after `looks` more looks at its project (zync
/// acts seconds after the signup).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ZyncTenant {
    pub namespace: String,
    pub id: u64,
    /// The developer portal's host.
    pub domain: String,
    /// The admin portal's host.
    pub admin_domain: String,
    #[serde(default)]
    pub looks: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StorageClass {
    pub name: String,
    pub provisioner: String,
    #[serde(default)]
    pub default: bool,
    /// `Immediate` or `WaitForFirstConsumer` (the default here, as on most clouds).
    #[serde(default)]
    pub volume_binding_mode: Option<String>,
    #[serde(default)]
    pub allow_volume_expansion: Option<bool>,
    #[serde(default)]
    pub reclaim_policy: Option<String>,
}

impl StorageClass {
    pub fn binding_mode(&self) -> &str {
        self.volume_binding_mode
            .as_deref()
            .unwrap_or("WaitForFirstConsumer")
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Project {
    pub display_name: String,
    pub requester: String,
    pub objects: Vec<Value>,
    /// Observations of the project so far: the simulated clock.
    #[serde(default)]
    pub ticks: u64,
    /// The namespace's own metadata (uid, creationTimestamp, resourceVersion, description),
    /// set when the fake creates the project; tests may leave it out.
    #[serde(default)]
    pub metadata: Value,
}

impl Default for State {
    fn default() -> Self {
        State {
            user: Some("developer".into()),
            token_rejected: false,
            can_create_projects: true,
            cluster_admin: false,
            server: "https://api.crc.testing:6443".into(),
            flavour: "4".into(),
            openshift_version: "4.14.8".into(),
            kube_version: "v1.27.8+4fab27b".into(),
            unreachable: false,
            denied: Vec::new(),
            ingress_domain: Some("apps-crc.testing".into()),
            storage_classes: Vec::new(),
            contexts: vec!["default/api-crc-testing:6443/developer".into()],
            current_project: Some("default".into()),
            projects: BTreeMap::new(),
            random_seed: 42,
            resource_version: 1000,
            service_ips: 0,
            hang: Vec::new(),
            hang_after: BTreeMap::new(),
            rollout: "ready".into(),
            rollout_overrides: BTreeMap::new(),
            nodes: default_nodes(),
            import_failure: None,
            registry_login: None,
            pvc_pending: BTreeMap::new(),
            claimed_hosts: Vec::new(),
            transient_failures: BTreeMap::new(),
            ready_at_ms: None,
            service_account_controller: false,
            project_made_meanwhile: false,
            zync_tenants: Vec::new(),
            pods_of_ready_dcs: false,
            pod_logs: BTreeMap::new(),
            token: Some("sha256~fake-developer-token-0000000000000000000000".into()),
            user_workload_monitoring: Some(false),
            apis: Vec::new(),
            allowed: Vec::new(),
        }
    }
}

pub fn dir() -> PathBuf {
    match std::env::var_os("FAKE_OC_DIR") {
        Some(d) => PathBuf::from(d),
        None => {
            eprintln!("fake oc: FAKE_OC_DIR is not set");
            std::process::exit(97);
        }
    }
}

impl State {
    pub fn load(dir: &Path) -> State {
        let path = dir.join("state.json");
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).unwrap_or_else(|e| {
                eprintln!("fake oc: cannot parse {}: {e}", path.display());
                std::process::exit(97);
            }),
            Err(_) => State::default(),
        }
    }

    pub fn save(&self, dir: &Path) {
        let path = dir.join("state.json");
        let tmp = dir.join("state.json.tmp");
        std::fs::write(&tmp, serde_json::to_string_pretty(self).unwrap()).unwrap();
        std::fs::rename(tmp, path).unwrap();
    }

    pub fn is_allowed(&self, verb: &str, resource: &str) -> bool {
        let plural = resource.split('.').next().unwrap_or(resource);
        self.allowed
            .iter()
            .any(|d| d == &format!("{verb} {resource}") || d == &format!("{verb} {plural}"))
    }

    pub fn is_denied(&self, verb: &str, resource: &str) -> bool {
        let plural = resource.split('.').next().unwrap_or(resource);
        self.denied
            .iter()
            .any(|d| d == &format!("{verb} {resource}") || d == &format!("{verb} {plural}"))
    }

    /// Deterministic generator for template `generate: expression` values (xorshift64*).
    pub fn next_random(&mut self) -> u64 {
        let mut x = self.random_seed.max(1);
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.random_seed = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn next_resource_version(&mut self) -> String {
        self.resource_version += 1;
        self.resource_version.to_string()
    }

    pub fn user_name(&self) -> &str {
        self.user.as_deref().unwrap_or("system:anonymous")
    }

    /// Whether the server turns the session away (401).
    pub fn unauthorized(&self) -> bool {
        self.user.is_none() || self.token_rejected
    }

    /// A new object uid (random, in the UUID form the API server uses).
    pub fn new_uid(&mut self) -> String {
        let (a, b) = (self.next_random(), self.next_random());
        let hex = format!("{a:016x}{b:016x}");
        format!(
            "{}-{}-4{}-a{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[13..16],
            &hex[17..20],
            &hex[20..32]
        )
    }

    /// Five random characters as `generateName` appends them (Kubernetes' `utilrand.String`).
    pub fn name_suffix(&mut self) -> String {
        const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
        (0..5)
            .map(|_| ALPHABET[(self.next_random() % ALPHABET.len() as u64) as usize] as char)
            .collect()
    }

    /// Whether the user may work inside `namespace` (requester of the project, or admin).
    pub fn member_of(&self, namespace: &str) -> bool {
        self.cluster_admin
            || self
                .projects
                .get(namespace)
                .is_some_and(|p| p.requester == self.user_name())
    }
}

/// Three control plane nodes (tainted NoSchedule) and three workers of 4 CPU and 16 GiB.
fn default_nodes() -> Vec<Value> {
    let node = |name: String, master: bool| {
        let mut n = serde_json::json!({
            "apiVersion": "v1", "kind": "Node",
            "metadata": {"name": name, "labels": {}},
            "spec": {},
            "status": {"allocatable": {"cpu": "3500m", "memory": "15225352Ki", "pods": "250"},
                       "capacity": {"cpu": "4", "memory": "16393216Ki", "pods": "250"}}
        });
        if master {
            n["metadata"]["labels"]["node-role.kubernetes.io/master"] = "".into();
            n["spec"]["taints"] = serde_json::json!([{"effect": "NoSchedule", "key": "node-role.kubernetes.io/master"}]);
        }
        n
    };
    (0..3)
        .map(|i| node(format!("master-{i}"), true))
        .chain((0..3).map(|i| node(format!("worker-{i}"), false)))
        .collect()
}
