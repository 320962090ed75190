//! API versions a cluster no longer serves. Some have a successor with the same fields (the HA
//! profile's PodDisruptionBudgets: `policy/v1beta1` was removed in Kubernetes 1.25, `policy/v1`
//! takes the same `minAvailable`/`maxUnavailable`/`selector`): those objects are sent with the
//! successor, as the image streams are sent groupified. The others stop the install.

use serde_json::Value;

/// (API version, kind or "" for every kind, removed in Kubernetes 1.<minor>, successor with the
/// same fields).
const REMOVED: &[(&str, &str, u32, Option<&str>)] = &[
    (
        "policy/v1beta1",
        "PodDisruptionBudget",
        25,
        Some("policy/v1"),
    ),
    ("batch/v1beta1", "CronJob", 25, None),
    ("autoscaling/v2beta1", "HorizontalPodAutoscaler", 25, None),
    ("extensions/v1beta1", "", 16, None),
    ("apps/v1beta1", "", 16, None),
    ("apps/v1beta2", "", 16, None),
];

/// One object kind sent with another API version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rewrite {
    pub(crate) kind: String,
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) removed_in: u32,
}

impl std::fmt::Display for Rewrite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}s are sent as {} (the cluster no longer serves {}, removed in Kubernetes 1.{}; the fields are the same)",
            self.kind, self.to, self.from, self.removed_in
        )
    }
}

/// What a cluster of Kubernetes `1.<minor>` needs done to `objects`: the rewrites, and the
/// objects that cannot be sent at all.
pub(crate) fn assess(objects: &[Value], kube_minor: u32) -> (Vec<Rewrite>, Vec<String>) {
    let mut rewrites: Vec<Rewrite> = Vec::new();
    let mut refused: Vec<String> = Vec::new();
    for o in objects {
        let (api, kind) = (
            o["apiVersion"].as_str().unwrap_or_default(),
            o["kind"].as_str().unwrap_or_default(),
        );
        let Some((_, _, removed, successor)) = REMOVED.iter().find(|(a, k, removed, _)| {
            *a == api && (k.is_empty() || *k == kind) && kube_minor >= *removed
        }) else {
            continue;
        };
        match successor {
            Some(to) => {
                let r = Rewrite {
                    kind: kind.to_string(),
                    from: api.to_string(),
                    to: to.to_string(),
                    removed_in: *removed,
                };
                if !rewrites.contains(&r) {
                    rewrites.push(r);
                }
            }
            None => {
                let text = format!("{kind} {api} (removed in Kubernetes 1.{removed})");
                if !refused.contains(&text) {
                    refused.push(text);
                }
            }
        }
    }
    (rewrites, refused)
}

/// Objects of OpenShift's own kinds written with the legacy `apiVersion: v1` (as
/// `apicast-gateway/apicast.yml` writes them), sent with their group's `v1`: OpenShift 4.11 and
/// later serve no other, and every OpenShift since 3.6 serves the groupified one. Returns the
/// kinds changed.
pub(crate) fn groupify(objects: &mut [Value]) -> Vec<String> {
    let mut changed: Vec<String> = Vec::new();
    for o in objects.iter_mut() {
        let kind = o["kind"].as_str().unwrap_or_default().to_string();
        if o["apiVersion"] != "v1" {
            continue;
        }
        let resource = crate::templates::kinds::Resource::of(&kind, "v1");
        if resource.group.is_empty() {
            continue;
        }
        o["apiVersion"] = Value::String(format!("{}/v1", resource.group));
        if !changed.contains(&kind) {
            changed.push(kind);
        }
    }
    changed
}

/// Applies the rewrites to processed objects.
pub(crate) fn apply(objects: &mut [Value], rewrites: &[Rewrite]) {
    for o in objects.iter_mut() {
        if let Some(r) = rewrites
            .iter()
            .find(|r| o["kind"] == r.kind.as_str() && o["apiVersion"] == r.from.as_str())
        {
            o["apiVersion"] = Value::String(r.to.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn legacy_openshift_kinds_are_groupified_and_core_kinds_kept() {
        let mut objects = vec![
            json!({"apiVersion": "v1", "kind": "DeploymentConfig"}),
            json!({"apiVersion": "v1", "kind": "Service"}),
            json!({"apiVersion": "v1", "kind": "Template"}),
        ];
        assert_eq!(groupify(&mut objects), ["DeploymentConfig", "Template"]);
        assert_eq!(objects[0]["apiVersion"], "apps.openshift.io/v1");
        assert_eq!(objects[1]["apiVersion"], "v1");
        assert_eq!(objects[2]["apiVersion"], "template.openshift.io/v1");
    }

    #[test]
    fn pod_disruption_budgets_move_to_policy_v1_on_new_clusters() {
        let mut objects = vec![
            json!({"apiVersion": "policy/v1beta1", "kind": "PodDisruptionBudget", "metadata": {"name": "a"}}),
            json!({"apiVersion": "apps.openshift.io/v1", "kind": "DeploymentConfig"}),
        ];
        let (rewrites, refused) = assess(&objects, 26);
        assert_eq!(rewrites.len(), 1);
        assert!(refused.is_empty());
        apply(&mut objects, &rewrites);
        assert_eq!(objects[0]["apiVersion"], "policy/v1");
        assert_eq!(
            assess(&objects[..1], 24).0.len(),
            0,
            "still served before 1.25"
        );
        let cron = [json!({"apiVersion": "batch/v1beta1", "kind": "CronJob"})];
        assert_eq!(
            assess(&cron, 25).1,
            ["CronJob batch/v1beta1 (removed in Kubernetes 1.25)"]
        );
    }
}
