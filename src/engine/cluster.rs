//! The cluster as the user sees it: who is logged in, where, which OpenShift and Kubernetes.

use crate::oc::VersionInfo;

#[derive(Debug, Clone)]
pub(crate) struct Cluster {
    pub(crate) user: String,
    pub(crate) server: String,
    /// `4.14.8` for admins, else derived from the Kubernetes version (`4.x (Kubernetes 1.27)`).
    pub(crate) version: String,
    pub(crate) openshift_major: Option<u32>,
    /// Kubernetes `1.<minor>` of the API server, when known.
    pub(crate) kube_minor: Option<u32>,
}

impl Cluster {
    pub(crate) fn new(user: String, server: String, v: &VersionInfo) -> Cluster {
        let (version, openshift_major) = describe_version(v);
        Cluster {
            user,
            server,
            version,
            openshift_major,
            kube_minor: v.kube_minor(),
        }
    }
}

/// OpenShift 3.11 ships Kubernetes 1.11; every OpenShift 4 ships 1.13 or later.
pub(crate) fn describe_version(v: &VersionInfo) -> (String, Option<u32>) {
    if let Some(ocp) = &v.openshift_version {
        let major = ocp.split('.').next().and_then(|m| m.parse().ok());
        return (ocp.clone(), major);
    }
    match &v.server_version {
        Some(k) => {
            let minor = v.kube_minor().unwrap_or(0);
            let major = if minor >= 13 {
                Some(4)
            } else if minor > 0 {
                Some(3)
            } else {
                None
            };
            let label = match major {
                Some(4) => format!(
                    "4.x (Kubernetes {}; the exact version is visible to cluster admins only)",
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
