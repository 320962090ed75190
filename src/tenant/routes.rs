//! A tenant's portal routes. zync creates them after the signup, as it does for the default
//! tenant at install time (`app/services/integration/kubernetes_service.rb`: generated names
//! `zync-3scale-provider-*`, labels `3scale.net/created-by=zync`, `zync.3scale.net/ingress=
//! provider`, `3scale.net/provider_id=ID`, `zync.3scale.net/route-to=system-provider` for the
//! admin portal and `system-developer` for the developer portal). They are found by host, among
//! the routes zync created, and are ready once a router admitted them.

use crate::engine::change::Ctx;
use crate::engine::diagnosis::Finding;
use crate::engine::kube::{self, Condition, Route};
use crate::engine::readiness::{Component, Snapshot, State};
use crate::engine::wait::Watched;
use crate::install::identity::{made_by_zync, ZYNC_LABEL};
use crate::oc::{Oc, OcError};
use crate::threescale::Tenant;
use serde::Serialize;
use serde_json::Value;

const ROUTES: &str = "routes.route.openshift.io";

/// One portal's route, as a router sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct PortalRoute {
    /// "admin portal" or "developer portal".
    pub(crate) portal: &'static str,
    pub(crate) host: String,
    /// The route's name, once zync created it.
    pub(crate) route: Option<String>,
    pub(crate) admitted: bool,
    /// Why a router did not admit it (`HostAlreadyClaimed: ...`), when one said so.
    pub(crate) refused: Option<String>,
}

impl PortalRoute {
    pub(crate) fn describe(&self) -> String {
        match (&self.route, self.admitted, &self.refused) {
            (None, _, _) => format!("{}: no route for {} yet", self.portal, self.host),
            (Some(r), true, _) => format!("{}: route {r} for {} admitted", self.portal, self.host),
            (Some(r), false, Some(why)) => {
                format!(
                    "{}: route {r} for {} refused: {why}",
                    self.portal, self.host
                )
            }
            (Some(r), false, None) => {
                format!(
                    "{}: route {r} for {} not admitted yet",
                    self.portal, self.host
                )
            }
        }
    }
}

/// The routes of a tenant's two portals among zync's routes (pure: from one look).
pub(crate) fn of(tenant: &Tenant, zync_routes: &[Route]) -> Vec<PortalRoute> {
    [
        ("admin portal", tenant.admin_domain.as_deref()),
        ("developer portal", tenant.domain.as_deref()),
    ]
    .into_iter()
    .filter_map(|(portal, host)| host.map(|h| (portal, h)))
    .map(|(portal, host)| portal_route(portal, host, zync_routes))
    .collect()
}

fn portal_route(portal: &'static str, host: &str, zync_routes: &[Route]) -> PortalRoute {
    let route = zync_routes.iter().find(|r| r.spec.host == host);
    let conditions: Vec<&Condition> = route
        .map(|r| {
            r.status
                .ingress
                .iter()
                .filter(|i| i.host.is_empty() || i.host == host)
                .flat_map(|i| i.conditions.iter())
                .filter(|c| c.kind == "Admitted")
                .collect()
        })
        .unwrap_or_default();
    let admitted = conditions.iter().any(|c| c.status == "True");
    let refused = conditions
        .iter()
        .find(|c| !admitted && c.status == "False")
        .map(|c| {
            let reason = if c.reason.is_empty() {
                "not admitted"
            } else {
                &c.reason
            };
            format!("{reason}: {}", c.message)
                .trim_end_matches(": ")
                .to_string()
        });
    PortalRoute {
        portal,
        host: host.to_string(),
        route: route.map(|r| r.metadata.name.clone()),
        admitted,
        refused,
    }
}

/// The routes zync created in the project (one oc call).
pub(crate) fn look(oc: &Oc, project: &str) -> Result<Vec<Route>, OcError> {
    let selector = format!("{}={}", ZYNC_LABEL.0, ZYNC_LABEL.1);
    oc.list::<Value>(&[ROUTES], Some(project), Some(&selector))
        .map(|items| items.iter().map(kube::parse).filter(made_by_zync).collect())
}

/// What `tenant create` waits for: both portals' routes admitted by a router.
pub(crate) struct TenantRoutes<'a>(pub &'a Tenant);

impl TenantRoutes<'_> {
    fn portals(&self, snapshot: &Snapshot) -> Vec<PortalRoute> {
        of(self.0, &snapshot.routes)
    }

    /// The routes as the summary shows them, from the wait's last look.
    pub(crate) fn routes(&self, snapshot: &Snapshot) -> Vec<PortalRoute> {
        self.portals(snapshot)
    }
}

impl Watched for TenantRoutes<'_> {
    fn subject(&self) -> String {
        format!("the routes of tenant {}", self.0.org_name)
    }

    fn look(&self, ctx: &Ctx) -> Result<Snapshot, OcError> {
        look(ctx.oc, ctx.project).map(|routes| Snapshot {
            routes,
            ..Snapshot::default()
        })
    }

    fn assess(&self, snapshot: &Snapshot) -> Vec<Component> {
        self.portals(snapshot)
            .into_iter()
            .map(|r| {
                let state = match (r.admitted, &r.refused) {
                    (true, _) => State::Ready,
                    (false, Some(_)) => State::Failed,
                    (false, None) => State::Pending,
                };
                Component::new(r.portal, state, r.describe())
            })
            .collect()
    }

    fn diagnose(&self, snapshot: &Snapshot) -> Option<Finding> {
        let r = self
            .portals(snapshot)
            .into_iter()
            .find(|r| r.refused.is_some())?;
        Some(Finding {
            signature: "host-already-claimed",
            subject: format!("route {} ({})", r.route.as_deref().unwrap_or("?"), r.host),
            evidence: r.refused.clone().unwrap_or_default(),
            fix: format!(
                "another route holds {0}: find it with `oc get routes -A | grep {0}`, delete or rename it, and delete route {1} so that zync makes it again; then run the same command again",
                r.host,
                r.route.as_deref().unwrap_or("?")
            ),
            blocks: true,
            log_of: None,
            component: r.portal.to_string(),
        })
    }

    fn out_of_time_help(&self) -> String {
        "zync creates a tenant's routes seconds after its signup (see `oc logs dc/zync-que` for why it did not); run the same command again to keep waiting (the tenant is not created twice), or raise --timeout".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tenant() -> Tenant {
        Tenant {
            id: 4,
            org_name: "ACME Corp".into(),
            admin_domain: Some("acme-corp-admin.apps.x".into()),
            domain: Some("acme-corp.apps.x".into()),
            state: "approved".into(),
            deletion_date: None,
        }
    }

    fn route(name: &str, host: &str, admitted: Option<(&str, &str)>) -> Route {
        let conditions = match admitted {
            Some(("True", _)) => json!([{"type": "Admitted", "status": "True"}]),
            Some((_, reason)) => {
                json!([{"type": "Admitted", "status": "False", "reason": reason, "message": "route other already exposes it"}])
            }
            None => json!([]),
        };
        kube::parse(
            &json!({"metadata": {"name": name, "labels": {"3scale.net/created-by": "zync"}},
               "spec": {"host": host},
               "status": {"ingress": [{"host": host, "conditions": conditions}]}}),
        )
    }

    #[test]
    fn routes_are_found_by_host_and_judged_by_their_admission() {
        let none = of(
            &tenant(),
            &[route(
                "zync-3scale-provider-a",
                "3scale-admin.apps.x",
                Some(("True", "")),
            )],
        );
        assert!(none.iter().all(|r| r.route.is_none() && !r.admitted));
        assert_eq!(
            none[0].describe(),
            "admin portal: no route for acme-corp-admin.apps.x yet"
        );

        let routes = [
            route(
                "zync-3scale-provider-b",
                "acme-corp-admin.apps.x",
                Some(("True", "")),
            ),
            route("zync-3scale-provider-c", "acme-corp.apps.x", None),
        ];
        let now = of(&tenant(), &routes);
        assert!(now[0].admitted && !now[1].admitted && now[1].refused.is_none());
        assert_eq!(now[1].route.as_deref(), Some("zync-3scale-provider-c"));

        let refused = of(
            &tenant(),
            &[route(
                "zync-3scale-provider-d",
                "acme-corp.apps.x",
                Some(("False", "HostAlreadyClaimed")),
            )],
        );
        assert_eq!(
            refused[1].refused.as_deref(),
            Some("HostAlreadyClaimed: route other already exposes it")
        );
    }
}
