//! Preflight: who is logged in, where, which OpenShift; and whether the user may make the planned
//! changes. Changes nothing.

use super::{Action, Ctx, StepId};
use crate::failure::{Failure, FailureKind, Outcome};
use crate::oc::{OcError, VersionInfo};

#[derive(Debug, Clone)]
pub struct Cluster {
    pub user: String,
    pub server: String,
    /// `4.14.8` for admins, else derived from the Kubernetes version (`4.x (Kubernetes 1.27)`).
    pub version: String,
    pub openshift_major: Option<u32>,
    /// Kubernetes `1.<minor>` of the API server, when known.
    pub kube_minor: Option<u32>,
}

/// OpenShift 3.11 ships Kubernetes 1.11; every OpenShift 4 ships 1.13 or later.
pub fn describe_version(v: &VersionInfo) -> (String, Option<u32>) {
    if let Some(ocp) = &v.openshift_version {
        let major = ocp.split('.').next().and_then(|m| m.parse().ok());
        return (ocp.clone(), major);
    }
    match &v.server_version {
        Some(k) => {
            let minor: u32 = k.minor.trim_end_matches('+').parse().unwrap_or(0);
            let major = if minor >= 13 {
                Some(4)
            } else if minor > 0 {
                Some(3)
            } else {
                None
            };
            let label = match major {
                Some(4) => format!(
                    "4.x (Kubernetes {}; exact version visible to cluster admins only)",
                    k.git_version
                ),
                Some(_) => format!("3.x (Kubernetes {})", k.git_version),
                None => format!("unknown (Kubernetes {})", k.git_version),
            };
            (label, major)
        }
        None => ("unknown".into(), None),
    }
}

pub fn kube_minor(v: &VersionInfo) -> Option<u32> {
    v.server_version
        .as_ref()
        .and_then(|k| k.minor.trim_end_matches('+').parse().ok())
}

fn login_failure(e: OcError) -> Failure {
    let help = e
        .common_help()
        .unwrap_or_else(|| "run `oc login` first".into());
    Failure::new(FailureKind::Preflight, e)
        .context("preflight step: could not tell who is logged in")
        .with_help(help)
}

pub fn observe(ctx: &Ctx) -> Outcome<Cluster> {
    let line = ctx.ui.step(StepId::Preflight.title());
    let result = (|| {
        let server = ctx.oc.server_url().map_err(login_failure)?;
        let user = ctx.oc.whoami().map_err(login_failure)?;
        let version = ctx.oc.version().map_err(|e| {
            Failure::new(FailureKind::Preflight, e)
                .context("preflight step: could not read the cluster version")
        })?;
        let kube_minor = kube_minor(&version);
        let (version, openshift_major) = describe_version(&version);
        Ok(Cluster {
            user,
            server,
            version,
            openshift_major,
            kube_minor,
        })
    })();
    match result {
        Ok(cluster) => {
            line.detail(&format!(
                "logged in as {} on {}",
                cluster.user, cluster.server
            ));
            line.detail(&format!("OpenShift {}", cluster.version));
            if cluster.openshift_major.is_some_and(|m| m >= 4) {
                line.warn(
                    "Red Hat supports the 3scale 2.8 templates on OpenShift 3.11; on OpenShift 4 the supported way is the 3scale operator. Continuing anyway.",
                );
            }
            line.done();
            Ok(cluster)
        }
        Err(e) => {
            line.failed();
            Err(e)
        }
    }
}

/// Checks, with `oc auth can-i`, every permission the planned actions need; reports all denials.
/// Inside a project that this run creates the user will be its admin, so only the project request
/// is checked then.
pub fn check_permissions(ctx: &Ctx, project: &str, actions: &[Action]) -> Outcome<()> {
    let creates_project = actions
        .iter()
        .any(|a| matches!(a, Action::CreateProject { .. }));
    let mut needed: Vec<(&str, &str, bool)> = Vec::new();
    for a in actions {
        for p in a.permissions() {
            if (p.2 && creates_project) || needed.contains(&p) {
                continue;
            }
            needed.push(p);
        }
    }
    if needed.is_empty() {
        return Ok(());
    }
    let line = ctx.ui.step("permissions");
    let mut denied = Vec::new();
    for (verb, resource, namespaced) in needed {
        let ns = namespaced.then_some(project);
        match ctx.oc.can_i(verb, resource, ns) {
            Ok(true) => {}
            Ok(false) => denied.push(match ns {
                Some(ns) => format!("{verb} {resource} in project {ns}"),
                None => format!("{verb} {resource}"),
            }),
            Err(e) => {
                line.failed();
                return Err(Failure::new(FailureKind::Preflight, e)
                    .context("preflight step: could not check permissions"));
            }
        }
    }
    if denied.is_empty() {
        line.done();
        return Ok(());
    }
    line.failed();
    let help = if denied.iter().any(|d| d.contains("projectrequests")) {
        format!("ask a cluster admin to create project {project} and make you its admin (`oc adm policy add-role-to-user admin <you> -n {project}`), then run again")
    } else {
        format!("ask a cluster admin for the admin role in project {project}: `oc adm policy add-role-to-user admin <you> -n {project}`")
    };
    Err(Failure::preflight(format!(
        "preflight step: you may not make every planned change; denied:\n  - {}",
        denied.join("\n  - ")
    ))
    .with_help(help))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oc::KubeVersion;

    #[test]
    fn version_is_derived_for_non_admins() {
        let admin = VersionInfo {
            openshift_version: Some("4.14.8".into()),
            server_version: None,
        };
        assert_eq!(describe_version(&admin), ("4.14.8".into(), Some(4)));
        let user = VersionInfo {
            openshift_version: None,
            server_version: Some(KubeVersion {
                git_version: "v1.27.8".into(),
                minor: "27+".into(),
            }),
        };
        assert_eq!(describe_version(&user).1, Some(4));
        let old = VersionInfo {
            openshift_version: None,
            server_version: Some(KubeVersion {
                git_version: "v1.11.0".into(),
                minor: "11".into(),
            }),
        };
        assert_eq!(describe_version(&old).1, Some(3));
    }
}
