//! A tenant's portal routes. zync creates them after the signup, as it does for the default
//! tenant at install time (`app/services/integration/kubernetes_service.rb`: generated names
//! `zync-3scale-provider-*`, labels `3scale.net/created-by=zync`, `zync.3scale.net/ingress=
//! provider`, `3scale.net/provider_id=ID`, `zync.3scale.net/route-to=system-provider` for the
//! admin portal and `system-developer` for the developer portal). They are found by host, among
//! the routes zync created, and are ready once a router admitted them.

use crate::duration;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::install::identity::ZYNC_LABEL;
use crate::install::observe::read_failure;
use crate::oc::{Cause, Oc, OcError};
use crate::threescale::Tenant;
use crate::ui::Ui;
use serde::Serialize;
use serde_json::Value;
use std::time::{Duration, Instant};

const ROUTES: &str = "routes.route.openshift.io";

/// One portal's route, as a router sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortalRoute {
    /// "admin portal" or "developer portal".
    pub portal: &'static str,
    pub host: String,
    /// The route's name, once zync created it.
    pub route: Option<String>,
    pub admitted: bool,
    /// Why a router did not admit it (`HostAlreadyClaimed: ...`), when one said so.
    pub refused: Option<String>,
}

impl PortalRoute {
    pub fn describe(&self) -> String {
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
pub fn of(tenant: &Tenant, zync_routes: &[Value]) -> Vec<PortalRoute> {
    [
        ("admin portal", tenant.admin_domain.as_deref()),
        ("developer portal", tenant.domain.as_deref()),
    ]
    .into_iter()
    .filter_map(|(portal, host)| host.map(|h| (portal, h)))
    .map(|(portal, host)| {
        let route = zync_routes
            .iter()
            .find(|r| r["spec"]["host"].as_str() == Some(host));
        let ingress: Vec<&Value> = route
            .map(|r| {
                r["status"]["ingress"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|i| i["host"].as_str().is_none_or(|h| h == host))
                    .collect()
            })
            .unwrap_or_default();
        let conditions: Vec<&Value> = ingress
            .iter()
            .flat_map(|i| i["conditions"].as_array().into_iter().flatten())
            .filter(|c| c["type"] == "Admitted")
            .collect();
        let admitted = conditions.iter().any(|c| c["status"] == "True");
        let refused = (!admitted)
            .then(|| {
                conditions.iter().find(|c| c["status"] == "False").map(|c| {
                    format!(
                        "{}: {}",
                        c["reason"].as_str().unwrap_or("not admitted"),
                        c["message"].as_str().unwrap_or("")
                    )
                    .trim_end_matches(": ")
                    .to_string()
                })
            })
            .flatten();
        PortalRoute {
            portal,
            host: host.to_string(),
            route: route
                .and_then(|r| r["metadata"]["name"].as_str())
                .map(str::to_string),
            admitted,
            refused,
        }
    })
    .collect()
}

/// The routes zync created in the project (one oc call).
pub fn look(oc: &Oc, project: &str) -> Result<Vec<Value>, OcError> {
    let selector = format!("{}={}", ZYNC_LABEL.0, ZYNC_LABEL.1);
    oc.list::<Value>(&[ROUTES], Some(project), Some(&selector))
}

/// Waits until both portals' routes are admitted, a router refused one (which will not change
/// by waiting), or `timeout` passes. Each look is one oc call.
pub fn wait(
    oc: &Oc,
    ui: &Ui,
    project: &str,
    tenant: &Tenant,
    timeout: Duration,
    poll: Duration,
) -> Outcome<Vec<PortalRoute>> {
    let started = Instant::now();
    let deadline = duration::deadline(timeout);
    let line = ui.step(&format!(
        "routes of {} (zync creates them; --timeout {})",
        tenant.org_name,
        duration::describe(timeout)
    ));
    let mut last: Vec<PortalRoute> = Vec::new();
    let mut unreachable_since: Option<Instant> = None;
    loop {
        let out_of_time = Instant::now() >= deadline;
        match look(oc, project) {
            Ok(routes) => {
                unreachable_since = None;
                let now = of(tenant, &routes);
                if now != last {
                    for r in now.iter().filter(|r| !last.contains(r)) {
                        oc.note(&r.describe());
                    }
                    last = now.clone();
                }
                if now.iter().all(|r| r.admitted) {
                    for r in &now {
                        line.detail(&r.describe());
                    }
                    line.detail(&format!(
                        "admitted after {}",
                        duration::describe(started.elapsed())
                    ));
                    line.done();
                    return Ok(now);
                }
                if let Some(r) = now.iter().find(|r| r.refused.is_some()) {
                    line.failed();
                    return Err(Failure::new(
                        FailureKind::Cluster,
                        anyhow::anyhow!("the router refused a route of tenant {}: {}", tenant.org_name, r.describe()),
                    )
                    .with_help(format!(
                        "another route holds {}: find it with `oc get routes -A | grep {}`, delete or rename it, and delete route {} so that zync makes it again; then run the same command again",
                        r.host,
                        r.host,
                        r.route.as_deref().unwrap_or("?")
                    )));
                }
                if out_of_time {
                    line.failed();
                    let waiting: Vec<String> = now
                        .iter()
                        .filter(|r| !r.admitted)
                        .map(PortalRoute::describe)
                        .collect();
                    return Err(Failure::new(
                        FailureKind::Cluster,
                        anyhow::anyhow!(
                            "the routes of tenant {} were not ready within {}:\n  - {}",
                            tenant.org_name,
                            duration::describe(timeout),
                            waiting.join("\n  - ")
                        ),
                    )
                    .with_help("zync creates a tenant's routes seconds after its signup: see `oc logs dc/zync-que` for why it did not")
                    .with_help("run the same command again to keep waiting (the tenant is not created twice), or raise --timeout"));
                }
            }
            Err(e) if e.cause == Cause::Unauthorized => {
                line.failed();
                return Err(read_failure("look at the tenant's routes", e));
            }
            Err(e) if e.is_transient() => {
                let since = *unreachable_since.get_or_insert_with(Instant::now);
                oc.note(&format!(
                    "the API server does not answer (for {}); waiting until the deadline",
                    duration::describe(since.elapsed())
                ));
                if out_of_time {
                    line.failed();
                    return Err(Failure::new(FailureKind::Unavailable, e)
                        .context("the API server did not answer before the deadline")
                        .with_help(
                            "run the same command again once the cluster answers: it continues",
                        ));
                }
            }
            Err(e) => {
                line.failed();
                return Err(read_failure("look at the tenant's routes", e));
            }
        }
        let pause = poll.min(deadline.saturating_duration_since(Instant::now()));
        if pause > Duration::ZERO {
            std::thread::sleep(pause);
        }
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

    fn route(name: &str, host: &str, admitted: Option<(&str, &str)>) -> Value {
        let conditions = match admitted {
            Some(("True", _)) => json!([{"type": "Admitted", "status": "True"}]),
            Some((_, reason)) => {
                json!([{"type": "Admitted", "status": "False", "reason": reason, "message": "route other already exposes it"}])
            }
            None => json!([]),
        };
        json!({"metadata": {"name": name, "labels": {"3scale.net/created-by": "zync"}},
               "spec": {"host": host},
               "status": {"ingress": [{"host": host, "conditions": conditions}]}})
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
