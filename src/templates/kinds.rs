//! Kinds of objects the templates create: their API group and resource name as oc takes them,
//! and the reference to one object (`deploymentconfigs.apps.openshift.io/system-app`).

use std::fmt;

struct KindInfo {
    kind: &'static str,
    group: &'static str,
    plural: &'static str,
}

/// The kinds the 2.8 templates use, with OpenShift's group: templates written with the legacy
/// `apiVersion: v1` (apicast.yml) name OpenShift kinds without one.
const KNOWN: &[KindInfo] = &[
    KindInfo {
        kind: "DeploymentConfig",
        group: "apps.openshift.io",
        plural: "deploymentconfigs",
    },
    KindInfo {
        kind: "ImageStream",
        group: "image.openshift.io",
        plural: "imagestreams",
    },
    KindInfo {
        kind: "Route",
        group: "route.openshift.io",
        plural: "routes",
    },
    KindInfo {
        kind: "Template",
        group: "template.openshift.io",
        plural: "templates",
    },
    KindInfo {
        kind: "BuildConfig",
        group: "build.openshift.io",
        plural: "buildconfigs",
    },
    KindInfo {
        kind: "Role",
        group: "rbac.authorization.k8s.io",
        plural: "roles",
    },
    KindInfo {
        kind: "RoleBinding",
        group: "rbac.authorization.k8s.io",
        plural: "rolebindings",
    },
    KindInfo {
        kind: "ClusterRole",
        group: "rbac.authorization.k8s.io",
        plural: "clusterroles",
    },
    KindInfo {
        kind: "ClusterRoleBinding",
        group: "rbac.authorization.k8s.io",
        plural: "clusterrolebindings",
    },
    KindInfo {
        kind: "PodDisruptionBudget",
        group: "policy",
        plural: "poddisruptionbudgets",
    },
    KindInfo {
        kind: "Deployment",
        group: "apps",
        plural: "deployments",
    },
    KindInfo {
        kind: "StatefulSet",
        group: "apps",
        plural: "statefulsets",
    },
    KindInfo {
        kind: "Secret",
        group: "",
        plural: "secrets",
    },
    KindInfo {
        kind: "Service",
        group: "",
        plural: "services",
    },
    KindInfo {
        kind: "ServiceAccount",
        group: "",
        plural: "serviceaccounts",
    },
    KindInfo {
        kind: "ConfigMap",
        group: "",
        plural: "configmaps",
    },
    KindInfo {
        kind: "PersistentVolumeClaim",
        group: "",
        plural: "persistentvolumeclaims",
    },
];

/// A resource as oc names it: `deploymentconfigs.apps.openshift.io`, `secrets`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Resource {
    pub(crate) group: String,
    pub(crate) plural: String,
}

impl Resource {
    /// The resource of `kind` written with `api_version` (`apps.openshift.io/v1`, `v1`).
    pub(crate) fn of(kind: &str, api_version: &str) -> Resource {
        let written = api_version.rsplit_once('/').map(|(g, _)| g).unwrap_or("");
        match KNOWN.iter().find(|k| k.kind == kind) {
            Some(k) => Resource {
                group: k.group.to_string(),
                plural: k.plural.to_string(),
            },
            None => Resource {
                group: written.to_string(),
                plural: plural_of(kind),
            },
        }
    }
}

/// Resources that live outside any project (`plural.group`): a template that creates one
/// reaches beyond its project.
const CLUSTER_SCOPED: &[&str] = &[
    "namespaces",
    "nodes",
    "persistentvolumes",
    "clusterroles.rbac.authorization.k8s.io",
    "clusterrolebindings.rbac.authorization.k8s.io",
    "storageclasses.storage.k8s.io",
    "csidrivers.storage.k8s.io",
    "priorityclasses.scheduling.k8s.io",
    "customresourcedefinitions.apiextensions.k8s.io",
    "apiservices.apiregistration.k8s.io",
    "mutatingwebhookconfigurations.admissionregistration.k8s.io",
    "validatingwebhookconfigurations.admissionregistration.k8s.io",
    "projects.project.openshift.io",
    "projectrequests.project.openshift.io",
    "securitycontextconstraints.security.openshift.io",
    "oauthclients.oauth.openshift.io",
    "clusterresourcequotas.quota.openshift.io",
    "imagecontentsourcepolicies.operator.openshift.io",
    "consolelinks.console.openshift.io",
];

/// Resources outside any project whatever group a template names them with: OpenShift serves
/// RBAC under `authorization.openshift.io` too, and users and groups under `user.openshift.io`.
const CLUSTER_SCOPED_PLURALS: &[&str] = &[
    "namespaces",
    "nodes",
    "persistentvolumes",
    "clusterroles",
    "clusterrolebindings",
    "clusterpolicies",
    "clusterpolicybindings",
    "storageclasses",
    "customresourcedefinitions",
    "projects",
    "projectrequests",
    "securitycontextconstraints",
    "oauthclients",
    "clusterresourcequotas",
    "priorityclasses",
    "users",
    "groups",
    "identities",
    "useridentitymappings",
];

impl Resource {
    /// Whether objects of this resource live outside any project.
    pub(crate) fn is_cluster_scoped(&self) -> bool {
        CLUSTER_SCOPED.contains(&self.to_string().as_str())
            || CLUSTER_SCOPED_PLURALS.contains(&self.plural.as_str())
            || self.group.ends_with("config.openshift.io")
    }
}

impl fmt::Display for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.group.is_empty() {
            write!(f, "{}", self.plural)
        } else {
            write!(f, "{}.{}", self.plural, self.group)
        }
    }
}

/// One object of an install, by identity: kind and name (and the resource oc takes).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ObjectRef {
    pub(crate) kind: String,
    pub(crate) name: String,
    pub(crate) resource: Resource,
}

impl ObjectRef {
    pub(crate) fn new(kind: &str, api_version: &str, name: &str) -> ObjectRef {
        ObjectRef {
            kind: kind.to_string(),
            name: name.to_string(),
            resource: Resource::of(kind, api_version),
        }
    }

    /// The object of a JSON document (`kind`, `apiVersion`, `metadata.name`).
    pub(crate) fn of_json(o: &serde_json::Value) -> Option<ObjectRef> {
        Some(ObjectRef::new(
            o["kind"].as_str()?,
            o["apiVersion"].as_str().unwrap_or("v1"),
            o["metadata"]["name"].as_str()?,
        ))
    }

    /// `deploymentconfigs.apps.openshift.io/system-app`: what `oc delete` takes.
    pub(crate) fn oc_name(&self) -> String {
        format!("{}/{}", self.resource, self.name)
    }

    /// Whether a listed object is this one.
    pub(crate) fn matches(&self, o: &serde_json::Value) -> bool {
        o["kind"] == self.kind.as_str() && o["metadata"]["name"] == self.name.as_str()
    }
}

/// `serviceaccount/amp`, as people read it.
impl fmt::Display for ObjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.kind.to_lowercase(), self.name)
    }
}

/// Kubernetes' plural for kinds outside the table (`Ingress` → `ingresses`, `Policy` → `policies`).
fn plural_of(kind: &str) -> String {
    let lower = kind.to_lowercase();
    if lower.ends_with('s') || lower.ends_with("ch") || lower.ends_with('x') {
        format!("{lower}es")
    } else if let Some(stem) = lower
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else {
        format!("{lower}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_v1_kinds_get_their_openshift_group() {
        assert_eq!(
            Resource::of("DeploymentConfig", "v1").to_string(),
            "deploymentconfigs.apps.openshift.io"
        );
        assert_eq!(Resource::of("Secret", "v1").to_string(), "secrets");
        assert_eq!(
            Resource::of("PodDisruptionBudget", "policy/v1beta1").to_string(),
            "poddisruptionbudgets.policy"
        );
        assert_eq!(
            Resource::of("NetworkPolicy", "networking.k8s.io/v1").to_string(),
            "networkpolicies.networking.k8s.io"
        );
        // However a template writes them, cluster roles and their bindings are cluster-scoped.
        for api in [
            "rbac.authorization.k8s.io/v1",
            "authorization.openshift.io/v1",
            "v1",
        ] {
            let r = Resource::of("ClusterRoleBinding", api);
            assert!(r.is_cluster_scoped(), "{api}: {r}");
        }
        assert!(Resource::of("Group", "user.openshift.io/v1").is_cluster_scoped());
        assert!(!Resource::of("RoleBinding", "authorization.openshift.io/v1").is_cluster_scoped());
        let o = ObjectRef::new("ServiceAccount", "v1", "amp");
        assert_eq!(
            (o.to_string(), o.oc_name()),
            ("serviceaccount/amp".into(), "serviceaccounts/amp".into())
        );
    }
}
