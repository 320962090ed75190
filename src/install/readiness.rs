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
    let mut s = Snapshot::of_matching(items, |o| {
        identity.template.iter().any(|r| r.matches(o))
            || !identity::zync_routes(std::slice::from_ref(o)).is_empty()
    });
    s.rank_dcs(tier_of);
    s
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
