//! Whether 3scale answers, as the operator's browser and scripts will meet it: the portal names
//! resolve, their certificate is trusted, the admin portal and the APIs answer with the install's
//! tokens, the developer portal answers, the embedded gateways are ready and routed. Each check
//! has its evidence and a fix that fits it; the checks are a table ([`checks`]), and one whose
//! portal's name did not resolve is not tried and says so.

mod checks;

use crate::engine::checks::CheckResult;
use crate::engine::kube::Route;
use crate::engine::readiness::{Component, Snapshot};
use crate::secrets::Secret;

/// What is checked: the hosts of the install's routes and its tokens.
pub(crate) struct Target {
    pub(crate) domain: String,
    pub(crate) admin: String,
    pub(crate) developer: String,
    pub(crate) master: String,
    pub(crate) admin_token: Secret,
    pub(crate) master_token: Secret,
    /// The router's address, when the routes tell it (for the `--resolve` hint).
    pub(crate) router: Option<String>,
    /// The embedded gateways: their readiness and whether zync's routes to them are admitted.
    pub(crate) gateways: Vec<Component>,
    pub(crate) gateway_routes: Vec<(String, bool)>,
}

fn strip(url: String) -> String {
    url.trim_start_matches("https://").to_string()
}

/// The host of the install's own portal that zync routes to `service`, `expected` being the host
/// the install's names make (`TENANT_NAME-admin.DOMAIN`, ...): the route with that host, else
/// the one whose first label is the expected one (the domain may be unknown), else `expected`.
/// Every tenant's portals are routed to the same services, so the first such route is not
/// necessarily the install's own.
pub(crate) fn portal_host(routes: &[Route], service: &str, expected: &str) -> String {
    let hosts: Vec<&str> = routes
        .iter()
        .filter(|r| r.metadata.label("zync.3scale.net/route-to") == Some(service))
        .map(|r| r.spec.host.as_str())
        .collect();
    let label = format!("{}.", expected.split('.').next().unwrap_or_default());
    hosts
        .iter()
        .find(|h| **h == expected)
        .or_else(|| hosts.iter().find(|h| h.starts_with(&label)))
        .map(|h| h.to_string())
        .unwrap_or_else(|| expected.to_string())
}

/// The target of an install: hosts from zync's routes (else from the logins and domain), the
/// tokens of `system-seed`, the gateways from the same look the wait and `status` use.
pub(crate) fn target_of(
    snapshot: &Snapshot,
    creds: &crate::install::credentials::Credentials,
    domain: &str,
) -> Target {
    let host_of =
        |service: &str, expected: String| portal_host(&snapshot.routes, service, &strip(expected));
    let router = snapshot
        .routes
        .iter()
        .flat_map(|r| &r.status.ingress)
        .find_map(|i| i.router_canonical_hostname.clone());
    let components = crate::install::readiness::assess(snapshot);
    let gateways = components
        .into_iter()
        .filter(|c| c.name.starts_with("apicast-"))
        .collect();
    let gateway_routes = snapshot
        .routes
        .iter()
        .filter(|r| {
            r.metadata
                .label("zync.3scale.net/route-to")
                .is_some_and(|s| s.starts_with("apicast-"))
        })
        .map(|r| (r.spec.host.clone(), r.is_admitted()))
        .collect();
    Target {
        domain: domain.to_string(),
        admin: host_of("system-provider", creds.admin_portal(domain)),
        developer: host_of("system-developer", creds.developer_portal(domain)),
        master: host_of("system-master", creds.master_portal(domain)),
        admin_token: creds.admin_access_token.clone(),
        master_token: creds.master_access_token.clone(),
        router,
        gateways,
        gateway_routes,
    }
}

/// The checks of an install, with the HTTP options of the run; the failure when 3scale does not
/// answer (exit 6) says which checks failed and what to do first.
pub(crate) fn check(
    session: &crate::engine::session::Session,
    options: &crate::http::Options,
    target: &Target,
) -> crate::failure::Outcome<Vec<CheckResult>> {
    let mut options = options.clone();
    if !options.insecure {
        let observer = crate::engine::observe::Observer::new(&session.oc);
        options.cluster_ca = crate::ingress_ca::read(&session.oc, &observer)?;
    }
    Ok(checks::run_table(
        &session.http(&options)?,
        target,
        checks::TABLE,
    ))
}

/// What `verify -o json` prints (and a support bundle keeps): the hosts checked and each
/// check with its evidence.
pub(crate) fn document(
    cluster: &str,
    project: &str,
    target: &Target,
    results: &[CheckResult],
) -> serde_json::Value {
    let failure = failure(results);
    crate::document::success(
        &crate::document::VERIFY,
        serde_json::json!({
            "ok": failure.is_none(),
            "cluster": cluster,
            "project": project,
            "hosts": {"admin": target.admin, "developer": target.developer, "master": target.master},
            "checks": results,
            "error": failure.as_ref().map(crate::document::error),
        }),
    )
}

/// The failure of checks that did not all pass.
pub(crate) fn failure(results: &[CheckResult]) -> Option<crate::failure::Failure> {
    let failed: Vec<&CheckResult> = results
        .iter()
        .filter(|r| r.result == crate::engine::checks::Verdict::Fail)
        .collect();
    if failed.is_empty() {
        return None;
    }
    let mut f = crate::failure::Failure::new(
        crate::failure::FailureKind::NotAnswering,
        anyhow::anyhow!(
            "3scale is installed but does not answer as it should: {} check(s) failed: {}",
            failed.len(),
            failed.iter().map(|r| r.id).collect::<Vec<_>>().join(", ")
        ),
    );
    // The first failure is the one to fix first: the others often follow from it.
    if let Some(h) = failed.iter().find_map(|r| r.help.clone()) {
        f = f.with_help(h);
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_install_s_own_portal_is_told_from_its_tenants_portals() {
        let route = |host: &str, to: &str| -> Route {
            crate::engine::kube::parse(
                &json!({"metadata": {"labels": {"zync.3scale.net/route-to": to}}, "spec": {"host": host}}),
            )
        };
        // A tenant's routes, sorted before the install's own by their generated names.
        let routes = [
            route("acme-corp-admin.apps.x", "system-provider"),
            route("3scale-admin.apps.x", "system-provider"),
            route("master.apps.x", "system-master"),
        ];
        assert_eq!(
            portal_host(&routes, "system-provider", "3scale-admin.apps.x"),
            "3scale-admin.apps.x"
        );
        // The domain unknown: the first label tells.
        assert_eq!(
            portal_host(&routes, "system-provider", "3scale-admin."),
            "3scale-admin.apps.x"
        );
        assert_eq!(
            portal_host(&routes[..1], "system-provider", "3scale-admin.apps.x"),
            "3scale-admin.apps.x"
        );
        assert_eq!(
            portal_host(&routes, "system-master", "master."),
            "master.apps.x"
        );
    }
}
