//! What a template would create outside its project, whatever its origin: objects of
//! cluster-scoped kinds, objects of another namespace, and bindings to users, groups or service
//! accounts of other projects, or to cluster roles beyond the standard project roles. The
//! official files create none; such objects are refused unless the operator passes
//! `--allow-outside-project`. Then, as always, the permission preflight asks for every kind the
//! template creates, and for `bind` on each cluster role it binds.

use super::inspected::Inspected;
use super::plan::Plan;
use crate::engine::checks::{CheckResult, Verdict};
use crate::engine::observe::Observer;
use crate::failure::Outcome;
use crate::inputs::declared;
use crate::templates::kinds::{ObjectRef, Resource};
use serde_json::Value;

/// The cluster roles a project's admin may bind inside the project (OpenShift's and
/// Kubernetes' standard namespace roles).
const PROJECT_ROLES: &[&str] = &["admin", "edit", "view"];

/// Namespaced kinds the project's admin role may create: in a project this run creates (the
/// user will be its admin), these are not asked; every other kind is.
const ADMIN_KINDS: &[&str] = &[
    "ConfigMap",
    "Secret",
    "Service",
    "ServiceAccount",
    "PersistentVolumeClaim",
    "Pod",
    "ReplicationController",
    "Endpoints",
    "Deployment",
    "StatefulSet",
    "ReplicaSet",
    "DaemonSet",
    "Job",
    "CronJob",
    "HorizontalPodAutoscaler",
    "Ingress",
    "NetworkPolicy",
    "PodDisruptionBudget",
    "Role",
    "RoleBinding",
    "DeploymentConfig",
    "ImageStream",
    "Route",
    "Template",
    "BuildConfig",
];

/// One object outside the project, and why.
struct Outside {
    object: ObjectRef,
    why: Vec<String>,
    /// Cluster roles it binds (for the `bind` permission).
    binds: Vec<String>,
    cluster_scoped: bool,
}

pub(crate) fn check(
    observer: &Observer,
    i: &Inspected,
    rendered: &[Value],
    plan: &mut Plan,
) -> Outcome<()> {
    let project = i.answers.project.value.as_str();
    let found: Vec<Outside> = rendered
        .iter()
        .filter_map(|o| outside(o, project))
        .collect();
    let allowed = i.answers.checks.outside_project;
    if !found.is_empty() {
        let list: Vec<String> = found
            .iter()
            .map(|o| format!("{} ({})", o.object, o.why.join("; ")))
            .collect();
        if allowed {
            plan.checks.push(CheckResult::warn(
                "outside-project",
                format!(
                    "objects outside project {project}, allowed with {}:\n{}",
                    declared::ALLOW_OUTSIDE_PROJECT.flag(),
                    list.join("\n")
                ),
            ));
        } else {
            plan.problems.push(format!(
                "profile {} would create objects outside project {project}: {}; the official 3scale templates create nothing outside their project. Use the official templates; or, knowing what these objects grant, pass {} (a cluster admin's decision)",
                i.profile.name,
                list.join(", "),
                declared::ALLOW_OUTSIDE_PROJECT.flag()
            ));
        }
    }
    permissions(observer, i, rendered, &found, plan)
}

/// Why `o` reaches beyond `project`, if it does.
fn outside(o: &Value, project: &str) -> Option<Outside> {
    let object = ObjectRef::of_json(o)?;
    let kind = object.kind.as_str();
    let resource = Resource::of(kind, o["apiVersion"].as_str().unwrap_or("v1"));
    let mut why = Vec::new();
    let cluster_scoped = resource.is_cluster_scoped();
    if cluster_scoped {
        why.push(format!(
            "a cluster-scoped {kind}: it lives outside any project"
        ));
    }
    if let Some(ns) = o["metadata"]["namespace"]
        .as_str()
        .filter(|n| !n.is_empty() && *n != project)
    {
        why.push(format!("in project {ns}"));
    }
    let mut binds = Vec::new();
    if kind.ends_with("RoleBinding") {
        let role = &o["roleRef"];
        let role_kind = role["kind"].as_str().unwrap_or("Role");
        let role_name = role["name"].as_str().unwrap_or("?");
        if role_kind == "ClusterRole" && (cluster_scoped || !PROJECT_ROLES.contains(&role_name)) {
            why.push(format!("binds ClusterRole {role_name}"));
            binds.push(role_name.to_string());
        }
        why.extend(foreign_subjects(o, project));
    }
    (!why.is_empty()).then_some(Outside {
        object,
        why,
        binds,
        cluster_scoped,
    })
}

/// The subjects of a binding beyond the project's own service accounts (RBAC's `subjects`, and
/// the legacy `userNames` / `groupNames` of `authorization.openshift.io`).
fn foreign_subjects(o: &Value, project: &str) -> Vec<String> {
    let own_group = format!("system:serviceaccounts:{project}");
    let mut out = Vec::new();
    for s in o["subjects"].as_array().into_iter().flatten() {
        let name = s["name"].as_str().unwrap_or("?");
        match s["kind"].as_str().unwrap_or("?") {
            "ServiceAccount" | "SystemUser" => {
                if let Some(ns) = s["namespace"]
                    .as_str()
                    .filter(|n| !n.is_empty() && *n != project)
                {
                    out.push(format!("to service account {name} of project {ns}"));
                }
            }
            "Group" | "SystemGroup" if name == own_group => {}
            "Group" | "SystemGroup" => out.push(format!("to group {name}")),
            other => out.push(format!("to {} {name}", other.to_lowercase())),
        }
    }
    for (field, what) in [("userNames", "user"), ("groupNames", "group")] {
        for name in o[field]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            let own =
                name == own_group || name.starts_with(&format!("system:serviceaccount:{project}:"));
            if !own {
                out.push(format!("to {what} {name}"));
            }
        }
    }
    out
}

/// What the driver's check leaves out: `bind` on each cluster role bound, and in a project this
/// run creates, the kinds its admin role does not cover.
fn permissions(
    observer: &Observer,
    i: &Inspected,
    rendered: &[Value],
    found: &[Outside],
    plan: &mut Plan,
) -> Outcome<()> {
    let project = i.answers.project.value.as_str();
    let role = Resource::of("ClusterRole", "rbac.authorization.k8s.io/v1");
    let mut asked: Vec<(&str, String, Option<String>)> = Vec::new();
    // Refused anyway without the flag: nothing more to ask then.
    let binding = found.iter().filter(|_| i.answers.checks.outside_project);
    for o in binding {
        for r in &o.binds {
            let ns = (!o.cluster_scoped).then(|| project.to_string());
            asked.push(("bind", format!("{role}/{r}"), ns));
        }
    }
    if !i.project_exists {
        for o in rendered {
            let Some(object) = ObjectRef::of_json(o) else {
                continue;
            };
            if object.resource.is_cluster_scoped() || ADMIN_KINDS.contains(&object.kind.as_str()) {
                continue;
            }
            asked.push((
                "create",
                object.resource.to_string(),
                Some(project.to_string()),
            ));
        }
    }
    asked.dedup();
    if asked.is_empty() {
        return Ok(());
    }
    let check = match observer.may(&asked)? {
        Ok(may) => CheckResult::ok("permissions", may),
        Err(denied) => CheckResult::fail(
            "permissions",
            format!(
                "you may not make every planned change; denied:\n{}",
                denied.join("\n")
            ),
        )
        .with_help(
            "ask a cluster admin to create these objects, or for the rights named, then run again",
        ),
    };
    plan.checks
        .push(check.skip_if_asked(&i.answers.checks.skip));
    Ok(())
}

/// The permission checks of the plan as one: the driver's (`create` of each kind) and the ones
/// above, so that the plan names one failed check with every denial.
pub(crate) fn merge_permissions(checks: &mut Vec<CheckResult>) {
    let (found, rest): (Vec<CheckResult>, Vec<CheckResult>) =
        checks.drain(..).partition(|c| c.id == "permissions");
    checks.extend(rest);
    let merged = found.into_iter().reduce(|a, b| match (a.result, b.result) {
        (Verdict::Ok, _) => b,
        (_, Verdict::Ok) => a,
        _ => {
            let denied: Vec<&str> = b.detail.lines().skip(1).collect();
            CheckResult {
                detail: format!("{}\n{}", a.detail, denied.join("\n")),
                ..a
            }
        }
    });
    checks.extend(merged);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn why(o: Value) -> Option<String> {
        outside(&o, "3scale-apim").map(|o| format!("{}: {}", o.object, o.why.join("; ")))
    }

    #[test]
    fn the_official_rbac_stays_in_the_project() {
        assert_eq!(
            why(
                json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "zync-que-role"}})
            ),
            None
        );
        assert_eq!(
            why(
                json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "zync-que-rolebinding"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "zync-que-role"},
            "subjects": [{"kind": "ServiceAccount", "name": "zync-que-sa"}]})
            ),
            None
        );
        assert_eq!(
            why(
                json!({"apiVersion": "v1", "kind": "RoleBinding", "metadata": {"name": "v"},
            "roleRef": {"kind": "ClusterRole", "name": "view"},
            "subjects": [{"kind": "ServiceAccount", "name": "amp", "namespace": "3scale-apim"}, {"kind": "Group", "name": "system:serviceaccounts:3scale-apim"}]})
            ),
            None
        );
        assert_eq!(
            why(json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}})),
            None
        );
    }

    #[test]
    fn what_reaches_beyond_the_project_is_named() {
        let crb = why(json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "everyone-admin"},
            "roleRef": {"kind": "ClusterRole", "name": "cluster-admin"},
            "subjects": [{"kind": "Group", "name": "system:authenticated"}]})).unwrap();
        assert!(
            crb.starts_with(
                "clusterrolebinding/everyone-admin: a cluster-scoped ClusterRoleBinding"
            ),
            "{crb}"
        );
        assert!(
            crb.contains("binds ClusterRole cluster-admin")
                && crb.contains("to group system:authenticated"),
            "{crb}"
        );
        // The legacy OpenShift group and fields.
        let legacy = why(json!({"apiVersion": "authorization.openshift.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "x"},
            "roleRef": {"name": "cluster-admin"}, "userNames": ["alice"]})).unwrap();
        assert!(
            legacy.contains("cluster-scoped") && legacy.contains("to user alice"),
            "{legacy}"
        );
        let rb = why(json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "rb"},
            "roleRef": {"kind": "ClusterRole", "name": "cluster-admin"},
            "subjects": [{"kind": "ServiceAccount", "name": "default", "namespace": "kube-system"}]})).unwrap();
        assert!(
            rb.contains("binds ClusterRole cluster-admin")
                && rb.contains("service account default of project kube-system"),
            "{rb}"
        );
        let elsewhere = why(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "openshift-config"}})).unwrap();
        assert!(
            elsewhere.contains("in project openshift-config"),
            "{elsewhere}"
        );
        assert!(
            why(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n"}}))
                .is_some()
        );
    }

    #[test]
    fn permission_checks_are_merged_into_one_with_every_denial() {
        let denied = "you may not make every planned change; denied:";
        let mut checks = vec![
            CheckResult::fail("permissions", format!("{denied}\ncreate a")),
            CheckResult::ok("storage", "x"),
            CheckResult::fail("permissions", format!("{denied}\nbind b")),
        ];
        merge_permissions(&mut checks);
        assert_eq!(checks.len(), 2);
        assert_eq!(checks[1].detail, format!("{denied}\ncreate a\nbind b"));
        let mut ok = vec![
            CheckResult::ok("permissions", "may x"),
            CheckResult::fail("permissions", "denied:\ny"),
        ];
        merge_permissions(&mut ok);
        assert_eq!((ok.len(), ok[0].result), (1, Verdict::Fail));
    }
}
