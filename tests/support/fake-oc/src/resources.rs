//! The resource types the simulated API server knows, with the names oc prints for them.

use crate::state::State;

pub struct ResourceType {
    pub kind: &'static str,
    pub plural: &'static str,
    /// API group; "" for the core group.
    pub group: &'static str,
    /// The apiVersion objects of this type are stored with.
    pub api_version: &'static str,
    pub namespaced: bool,
    /// Whether the legacy ungroupified `apiVersion: v1` form existed (removed in OpenShift 4.11).
    pub legacy_v1: bool,
    pub aliases: &'static [&'static str],
    /// Whether the server tracks `metadata.generation` (spec changes) for it.
    pub generation: bool,
}

impl ResourceType {
    /// `imagestreams.image.openshift.io` or `secrets`: used in server error messages.
    pub fn qualified_plural(&self) -> String {
        if self.group.is_empty() {
            self.plural.to_string()
        } else {
            format!("{}.{}", self.plural, self.group)
        }
    }

    /// `imagestream.image.openshift.io` or `secret`: used in `created` lines.
    pub fn qualified_kind(&self) -> String {
        let lower = self.kind.to_lowercase();
        if self.group.is_empty() {
            lower
        } else {
            format!("{lower}.{}", self.group)
        }
    }
}

/// A type only stored and listed (nothing acts on it), in the core group unless `group` says.
const fn listed(
    kind: &'static str,
    plural: &'static str,
    group: &'static str,
    api_version: &'static str,
    aliases: &'static [&'static str],
) -> ResourceType {
    ResourceType {
        kind,
        plural,
        group,
        api_version,
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases,
    }
}

pub const TYPES: &[ResourceType] = &[
    listed(
        "ReplicationController",
        "replicationcontrollers",
        "",
        "v1",
        &["replicationcontroller", "rc"],
    ),
    listed("Endpoints", "endpoints", "", "v1", &["ep"]),
    listed(
        "LimitRange",
        "limitranges",
        "",
        "v1",
        &["limitrange", "limits"],
    ),
    listed(
        "Deployment",
        "deployments",
        "apps",
        "apps/v1",
        &["deployment", "deploy"],
    ),
    listed(
        "StatefulSet",
        "statefulsets",
        "apps",
        "apps/v1",
        &["statefulset", "sts"],
    ),
    listed(
        "NetworkPolicy",
        "networkpolicies",
        "networking.k8s.io",
        "networking.k8s.io/v1",
        &["networkpolicy", "netpol"],
    ),
    ResourceType {
        kind: "Project",
        plural: "projects",
        group: "project.openshift.io",
        api_version: "project.openshift.io/v1",
        namespaced: false,
        legacy_v1: true,
        generation: false,
        aliases: &["project"],
    },
    ResourceType {
        kind: "StorageClass",
        plural: "storageclasses",
        group: "storage.k8s.io",
        api_version: "storage.k8s.io/v1",
        namespaced: false,
        legacy_v1: false,
        generation: false,
        aliases: &["storageclass", "sc"],
    },
    ResourceType {
        kind: "Ingress",
        plural: "ingresses",
        group: "config.openshift.io",
        api_version: "config.openshift.io/v1",
        namespaced: false,
        legacy_v1: false,
        generation: false,
        aliases: &["ingress.config.openshift.io"],
    },
    ResourceType {
        kind: "Secret",
        plural: "secrets",
        group: "",
        api_version: "v1",
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases: &["secret"],
    },
    ResourceType {
        kind: "ConfigMap",
        plural: "configmaps",
        group: "",
        api_version: "v1",
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases: &["configmap", "cm"],
    },
    ResourceType {
        kind: "Service",
        plural: "services",
        group: "",
        api_version: "v1",
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases: &["service", "svc"],
    },
    ResourceType {
        kind: "ServiceAccount",
        plural: "serviceaccounts",
        group: "",
        api_version: "v1",
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases: &["serviceaccount", "sa"],
    },
    ResourceType {
        kind: "PersistentVolumeClaim",
        plural: "persistentvolumeclaims",
        group: "",
        api_version: "v1",
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases: &["persistentvolumeclaim", "pvc"],
    },
    ResourceType {
        kind: "ImageStream",
        plural: "imagestreams",
        group: "image.openshift.io",
        api_version: "image.openshift.io/v1",
        namespaced: true,
        legacy_v1: true,
        generation: true,
        aliases: &["imagestream", "is"],
    },
    // Create-only (what `oc import-image` posts); never stored.
    ResourceType {
        kind: "ImageStreamImport",
        plural: "imagestreamimports",
        group: "image.openshift.io",
        api_version: "image.openshift.io/v1",
        namespaced: true,
        legacy_v1: true,
        generation: false,
        aliases: &["imagestreamimport"],
    },
    ResourceType {
        kind: "DeploymentConfig",
        plural: "deploymentconfigs",
        group: "apps.openshift.io",
        api_version: "apps.openshift.io/v1",
        namespaced: true,
        legacy_v1: true,
        generation: true,
        aliases: &["deploymentconfig", "dc"],
    },
    ResourceType {
        kind: "Route",
        plural: "routes",
        group: "route.openshift.io",
        api_version: "route.openshift.io/v1",
        namespaced: true,
        legacy_v1: true,
        generation: false,
        aliases: &["route"],
    },
    ResourceType {
        kind: "Role",
        plural: "roles",
        group: "rbac.authorization.k8s.io",
        api_version: "rbac.authorization.k8s.io/v1",
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases: &["role"],
    },
    ResourceType {
        kind: "RoleBinding",
        plural: "rolebindings",
        group: "rbac.authorization.k8s.io",
        api_version: "rbac.authorization.k8s.io/v1",
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases: &["rolebinding"],
    },
    ResourceType {
        kind: "PodDisruptionBudget",
        plural: "poddisruptionbudgets",
        group: "policy",
        api_version: "policy/v1",
        namespaced: true,
        legacy_v1: false,
        generation: true,
        aliases: &["poddisruptionbudget", "pdb"],
    },
    ResourceType {
        kind: "Node",
        plural: "nodes",
        group: "",
        api_version: "v1",
        namespaced: false,
        legacy_v1: false,
        generation: false,
        aliases: &["node", "no"],
    },
    ResourceType {
        kind: "ResourceQuota",
        plural: "resourcequotas",
        group: "",
        api_version: "v1",
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases: &["resourcequota", "quota"],
    },
    ResourceType {
        kind: "Pod",
        plural: "pods",
        group: "",
        api_version: "v1",
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases: &["pod", "po"],
    },
    ResourceType {
        kind: "Event",
        plural: "events",
        group: "",
        api_version: "v1",
        namespaced: true,
        legacy_v1: false,
        generation: false,
        aliases: &["event", "ev"],
    },
    ResourceType {
        kind: "Namespace",
        plural: "namespaces",
        group: "",
        api_version: "v1",
        namespaced: false,
        legacy_v1: false,
        generation: false,
        aliases: &["namespace", "ns"],
    },
    // monitoring.coreos.com: every OpenShift 4 cluster serves it (platform monitoring uses it).
    ResourceType {
        kind: "PodMonitor",
        plural: "podmonitors",
        group: "monitoring.coreos.com",
        api_version: "monitoring.coreos.com/v1",
        namespaced: true,
        legacy_v1: false,
        generation: true,
        aliases: &["podmonitor"],
    },
    ResourceType {
        kind: "PrometheusRule",
        plural: "prometheusrules",
        group: "monitoring.coreos.com",
        api_version: "monitoring.coreos.com/v1",
        namespaced: true,
        legacy_v1: false,
        generation: true,
        aliases: &["prometheusrule"],
    },
    ResourceType {
        kind: "ServiceMonitor",
        plural: "servicemonitors",
        group: "monitoring.coreos.com",
        api_version: "monitoring.coreos.com/v1",
        namespaced: true,
        legacy_v1: false,
        generation: true,
        aliases: &["servicemonitor"],
    },
    // The Grafana operator's APIs: served only where the state names their group (`apis`).
    ResourceType {
        kind: "GrafanaDashboard",
        plural: "grafanadashboards",
        group: "integreatly.org",
        api_version: "integreatly.org/v1alpha1",
        namespaced: true,
        legacy_v1: false,
        generation: true,
        aliases: &[],
    },
    ResourceType {
        kind: "GrafanaDashboard",
        plural: "grafanadashboards",
        group: "grafana.integreatly.org",
        api_version: "grafana.integreatly.org/v1beta1",
        namespaced: true,
        legacy_v1: false,
        generation: true,
        aliases: &[],
    },
    ResourceType {
        kind: "Grafana",
        plural: "grafanas",
        group: "grafana.integreatly.org",
        api_version: "grafana.integreatly.org/v1beta1",
        namespaced: true,
        legacy_v1: false,
        generation: true,
        aliases: &[],
    },
    ResourceType {
        kind: "ProjectRequest",
        plural: "projectrequests",
        group: "project.openshift.io",
        api_version: "project.openshift.io/v1",
        namespaced: false,
        legacy_v1: true,
        generation: false,
        aliases: &[],
    },
];

/// Groups the cluster serves only when the state says so (`apis`): an operator's CRDs.
const OPTIONAL_GROUPS: &[&str] = &["integreatly.org", "grafana.integreatly.org"];

/// Whether the cluster serves `rt`.
pub fn served(st: &State, rt: &ResourceType) -> bool {
    !OPTIONAL_GROUPS.contains(&rt.group) || st.apis.iter().any(|g| g == rt.group)
}

/// Looks a type up the way `oc get TYPE` does: plural, singular, short name, or `plural.group`;
/// a bare plural served by two groups is the first served.
pub fn by_name_in(st: &State, name: &str) -> Option<&'static ResourceType> {
    let name = name.to_lowercase();
    TYPES.iter().filter(|t| served(st, t)).find(|t| {
        t.plural == name
            || t.qualified_plural() == name
            || t.aliases.contains(&name.as_str())
            || (!t.group.is_empty() && format!("{}.{}", t.kind.to_lowercase(), t.group) == name)
    })
}

/// Looks a type up by name among those every cluster serves.
pub fn by_name(name: &str) -> Option<&'static ResourceType> {
    let name = name.to_lowercase();
    TYPES.iter().find(|t| {
        t.plural == name
            || t.qualified_plural() == name
            || t.aliases.contains(&name.as_str())
            || (!t.group.is_empty() && format!("{}.{}", t.kind.to_lowercase(), t.group) == name)
    })
}

/// The type of an object of `kind` written with `api_version` (its group decides between two
/// kinds of one name), else the first of that kind.
pub fn by_kind_in(kind: &str, api_version: &str) -> Option<&'static ResourceType> {
    let group = api_version.rsplit_once('/').map(|(g, _)| g).unwrap_or("");
    TYPES
        .iter()
        .find(|t| t.kind == kind && t.group == group)
        .or_else(|| by_kind(kind))
}

pub fn by_kind(kind: &str) -> Option<&'static ResourceType> {
    TYPES.iter().find(|t| t.kind == kind)
}
