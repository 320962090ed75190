//! `Reality`: what the environment names (see the variables in main.rs), checked once.

use crate::templates::Templates;
use std::path::{Path, PathBuf};

pub const OC: &str = "THREESCALE_REALITY_OC";
pub const SIMULATOR: &str = "THREESCALE_REALITY_SIMULATOR";
pub const KUBECONFIG: &str = "THREESCALE_REALITY_KUBECONFIG";
pub const TEMPLATES: &str = "THREESCALE_REALITY_TEMPLATES";
pub const REGISTRY_USERNAME: &str = "THREESCALE_REALITY_REGISTRY_USERNAME";
pub const REGISTRY_PASSWORD: &str = "THREESCALE_REALITY_REGISTRY_PASSWORD";

/// The cluster the cases run against.
pub enum Target {
    /// A simulator per case, from this `server.py`.
    Simulator { server: PathBuf },
    /// A real cluster: this kubeconfig is copied for every case.
    Cluster {
        kubeconfig: PathBuf,
        registry_username: Option<String>,
        registry_password: Option<String>,
    },
}

pub struct Reality {
    /// The real oc binary.
    pub oc: PathBuf,
    pub target: Target,
    pub templates: Templates,
}

/// Why the tier cannot run.
pub enum Unavailable {
    /// Variables are unset: the tier skips (or fails when it is required).
    Incomplete(String),
    /// A variable is set but wrong: always a failure.
    Invalid(String),
}

impl Reality {
    pub fn from_env() -> Result<Reality, Unavailable> {
        let oc = var(OC);
        let simulator = var(SIMULATOR);
        let kubeconfig = var(KUBECONFIG);
        let templates = var(TEMPLATES);

        let mut missing = Vec::new();
        if oc.is_none() {
            missing.push(format!(
                "{OC} (the real oc 4.13 client, e.g. the path that ../shared/tools/bin/real-oc-path prints)"
            ));
        }
        if simulator.is_none() && kubeconfig.is_none() {
            missing.push(format!(
                "{SIMULATOR} (fake-openshift/server.py) or {KUBECONFIG} (a real cluster's kubeconfig)"
            ));
        }
        if templates.is_none() {
            missing.push(format!(
                "{TEMPLATES} (the 3scale-amp-openshift-templates bundle, a clone of it, or the 2.8.0.GA files)"
            ));
        }
        if !missing.is_empty() {
            return Err(Unavailable::Incomplete(format!(
                "set {}",
                missing.join("; ")
            )));
        }
        let (oc, templates) = (oc.unwrap(), templates.unwrap());

        if !is_executable(&oc) {
            return Err(invalid(OC, &oc, "is not an executable file"));
        }
        let target = match (simulator, kubeconfig) {
            (Some(_), Some(_)) => {
                return Err(Unavailable::Invalid(format!(
                    "set {SIMULATOR} or {KUBECONFIG}, not both"
                )))
            }
            (Some(server), None) if server.is_file() => Target::Simulator { server },
            (Some(server), None) => return Err(invalid(SIMULATOR, &server, "is not a file")),
            (None, Some(kubeconfig)) if kubeconfig.is_file() => Target::Cluster {
                kubeconfig,
                registry_username: std::env::var(REGISTRY_USERNAME).ok(),
                registry_password: std::env::var(REGISTRY_PASSWORD).ok(),
            },
            (None, Some(kubeconfig)) => {
                return Err(invalid(KUBECONFIG, &kubeconfig, "is not a file"))
            }
            (None, None) => unreachable!("checked above"),
        };
        let templates = Templates::prepare(&templates)
            .map_err(|e| Unavailable::Invalid(format!("{TEMPLATES}: {e}")))?;
        Ok(Reality {
            oc,
            target,
            templates,
        })
    }

    pub fn is_simulated(&self) -> bool {
        matches!(self.target, Target::Simulator { .. })
    }

    /// One line for the start of the run.
    pub fn describe(&self) -> String {
        let target = match &self.target {
            Target::Simulator { server } => format!("simulator {}", server.display()),
            Target::Cluster { kubeconfig, .. } => format!("cluster of {}", kubeconfig.display()),
        };
        format!(
            "real oc {}, {target}, templates {}",
            self.oc.display(),
            self.templates.url()
        )
    }
}

/// The variable's path, made absolute when it exists (the cases run in directories of their own).
fn var(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).filter(|v| !v.is_empty()).map(|v| {
        let path = PathBuf::from(v);
        path.canonicalize().unwrap_or(path)
    })
}

fn invalid(name: &str, value: &Path, problem: &str) -> Unavailable {
    Unavailable::Invalid(format!("{name}={} {problem}", value.display()))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
