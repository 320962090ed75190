//! The install's components, for the wait and for `status`: its image imports, its claims, each
//! deployment config in dependency order, and the routes zync creates for its portals and
//! gateways (the engine's readiness basics judge each).

use super::diagnosis::tier_of;
use super::identity::{self, Identity};
use crate::engine::readiness::{self, Component, Snapshot, State};
use serde_json::Value;

/// The services zync creates routes for, with what they serve.
pub(crate) const ZYNC_ROUTES: &[(&str, &str)] = &[
    ("system-provider", "admin portal"),
    ("system-developer", "developer portal"),
    ("system-master", "master portal"),
    ("apicast-staging", "APIcast staging"),
    ("apicast-production", "APIcast production"),
];

/// The objects of the install among `items` (and the pods and events, which explain them), the
/// deployment configs in dependency order.
pub(crate) fn snapshot(items: Vec<Value>, identity: &Identity) -> Snapshot {
    let ours = |o: &Value| identity.template.iter().any(|r| r.matches(o));
    // A claim the install's deployment configs mount is the install's, whatever made it.
    let mounted = mounted_claims(items.iter().filter(|o| ours(o)));
    let mut s = Snapshot::of_matching(items, |o| {
        ours(o)
            || !identity::zync_routes(std::slice::from_ref(o)).is_empty()
            || (o["kind"] == "PersistentVolumeClaim"
                && o["metadata"]["name"]
                    .as_str()
                    .is_some_and(|n| mounted.iter().any(|m| m == n)))
    });
    s.rank_dcs(tier_of);
    s
}

/// The names of the claims the deployment configs among `objects` mount.
fn mounted_claims<'a>(objects: impl Iterator<Item = &'a Value>) -> Vec<String> {
    objects
        .filter(|o| o["kind"] == "DeploymentConfig")
        .flat_map(|dc| {
            dc["spec"]["template"]["spec"]["volumes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v["persistentVolumeClaim"]["claimName"].as_str())
                .map(str::to_string)
        })
        .collect()
}

/// Every component of the install and its state.
pub(crate) fn assess(s: &Snapshot) -> Vec<Component> {
    let mut out = vec![readiness::images(s), readiness::claims(s)];
    out.extend(s.dcs.iter().map(readiness::deployment));
    out.push(routes(s));
    out
}

/// The routes zync creates: one per portal and gateway, admitted by a router.
fn routes(s: &Snapshot) -> Component {
    let admitted: Vec<&str> = ZYNC_ROUTES
        .iter()
        .filter(|(service, _)| {
            s.routes.iter().any(|r| {
                r.metadata.label("zync.3scale.net/route-to") == Some(*service) && r.is_admitted()
            })
        })
        .map(|(_, purpose)| *purpose)
        .collect();
    let waiting: Vec<&str> = ZYNC_ROUTES
        .iter()
        .map(|(_, p)| *p)
        .filter(|p| !admitted.contains(p))
        .collect();
    let counts = format!(
        "{} of {} portal and gateway routes admitted",
        admitted.len(),
        ZYNC_ROUTES.len()
    );
    if waiting.is_empty() {
        return Component::new("routes", State::Ready, counts);
    }
    let detail = format!("{counts}; waiting for: {}", waiting.join(", "));
    Component::new("routes", State::Pending, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_claim_the_install_mounts_is_counted_though_its_profile_has_none() {
        let template = crate::templates::model::Template::parse(
            "kind: Template\napiVersion: template.openshift.io/v1\nmetadata: {name: t}\nobjects:\n- {kind: DeploymentConfig, apiVersion: apps.openshift.io/v1, metadata: {name: system-app}}\n",
        )
        .unwrap();
        let identity = Identity::of(&template, &[], &[]);
        let items = vec![
            json!({"kind": "DeploymentConfig", "apiVersion": "apps.openshift.io/v1", "metadata": {"name": "system-app"},
                "spec": {"template": {"spec": {"volumes": [{"name": "s", "persistentVolumeClaim": {"claimName": "system-storage"}}]}}}}),
            json!({"kind": "PersistentVolumeClaim", "apiVersion": "v1", "metadata": {"name": "system-storage"}, "status": {"phase": "Pending"}}),
            json!({"kind": "PersistentVolumeClaim", "apiVersion": "v1", "metadata": {"name": "someone-elses"}, "status": {"phase": "Pending"}}),
        ];
        let c = readiness::claims(&snapshot(items, &identity));
        assert_eq!(
            (c.state, c.detail.as_str()),
            (State::Pending, "0 of 1 claims bound")
        );
    }

    #[test]
    fn routes_are_ready_once_zync_made_every_one() {
        let route = |to: &str| {
            json!({"kind": "Route", "metadata": {"name": format!("zync-{to}"), "labels": {"zync.3scale.net/route-to": to}},
                "spec": {"host": "h"}, "status": {"ingress": [{"conditions": [{"type": "Admitted", "status": "True"}]}]}})
        };
        let some = Snapshot::of_matching(vec![route("system-provider")], |_| true);
        let c = routes(&some);
        assert_eq!(c.state, State::Pending);
        assert!(c.detail.contains("1 of 5"), "{}", c.detail);
        let all: Vec<Value> = ZYNC_ROUTES.iter().map(|(s, _)| route(s)).collect();
        assert_eq!(
            routes(&Snapshot::of_matching(all, |_| true)).state,
            State::Ready
        );
    }
}
