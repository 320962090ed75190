//! Whether 3scale answers, as the operator's browser and scripts will meet it: the portal names
//! resolve, their certificate is trusted, the admin portal and the APIs answer with the install's
//! tokens, the developer portal answers, the embedded gateways are ready and routed. Each check
//! has its evidence and a fix that fits it; a check that depends on a failed one says so.

use crate::engine::checks::CheckResult;
use crate::engine::kube::Route;
use crate::engine::readiness::{Component, Snapshot, State};
use crate::http::{Cause, Http, HttpError, Request, Response};
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

pub(crate) fn run(http: &Http, t: &Target) -> Vec<CheckResult> {
    let mut out = Vec::new();
    let hosts = [&t.admin, &t.developer, &t.master];

    // DNS, unless a proxy resolves the names, or --resolve gives them.
    let mut unresolved: Vec<&str> = Vec::new();
    let mut evidence = Vec::new();
    for host in hosts {
        if let Some((_, ip)) = http
            .options()
            .resolve
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(host))
        {
            evidence.push(format!("{host}: {ip} (--resolve)"));
        } else if let Some(proxy) = http.proxy_for(host) {
            evidence.push(format!(
                "{host}: resolved by the proxy {proxy} (HTTPS_PROXY)"
            ));
        } else {
            match http.lookup(host) {
                Ok(ips) if !ips.is_empty() => evidence.push(format!(
                    "{host}: {}",
                    ips.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                _ => {
                    unresolved.push(host);
                    evidence.push(format!("{host}: does not resolve"));
                }
            }
        }
    }
    out.push(if unresolved.is_empty() {
        CheckResult::ok("dns", evidence.join("\n"))
    } else {
        let router = t.router.as_deref().and_then(|r| http.lookup(r).ok()).and_then(|ips| ips.into_iter().next());
        let address = router.map(|ip| ip.to_string()).unwrap_or_else(|| "ROUTER-ADDRESS".into());
        let resolves: Vec<String> = unresolved.iter().map(|h| format!("--resolve {h}:{address}")).collect();
        let router_text = match (&t.router, router) {
            (Some(r), Some(ip)) => format!(" ({r}, {ip})"),
            (Some(r), None) => format!(" ({r})"),
            _ => String::new(),
        };
        CheckResult::fail("dns", evidence.join("\n")).with_help(format!(
            "the wildcard DNS record *.{} must point at the cluster's router{router_text}; until it does, reach the portals with {}",
            t.domain,
            resolves.join(" ")
        ))
    });
    let resolves = |host: &str| !unresolved.contains(&host);
    let not_tried = |id: &'static str, host: &str| {
        CheckResult::fail(id, format!("not tried: {host} does not resolve"))
    };

    // TLS and the admin portal: one request.
    let login = resolves(&t.admin).then(|| http.send(&Request::get(&t.admin, "/p/login")));
    match &login {
        None => out.push(not_tried("tls", &t.admin)),
        Some(Err(HttpError { cause: Cause::Tls(why), .. })) => {
            let cert = http.peer_certificate(&t.admin).unwrap_or_else(|e| format!("(the certificate could not be read: {e})"));
            out.push(
                CheckResult::fail("tls", format!("{}: {why}\n{cert}{}", t.admin, cluster_ca_note(http, &t.admin))).with_help(
                    "trust the CA that signed the router's certificate with --ca-file PATH (the default ingress CA: `oc get secret router-ca -n openshift-ingress-operator -o jsonpath='{.data.tls\\.crt}' | base64 -d`), or skip the check with --insecure-skip-tls-verify",
                ),
            );
        }
        Some(_) if http.options().insecure => out.push(
            CheckResult::warn("tls", format!("{}: not verified (--insecure-skip-tls-verify)", t.admin))
                .with_help("trust the router's CA with --ca-file instead, so that a wrong certificate is noticed"),
        ),
        Some(Ok(_)) => out.push(CheckResult::ok("tls", format!("{}: the certificate is trusted{}", t.admin, cluster_ca_note(http, &t.admin)))),
        Some(Err(e)) => out.push(CheckResult::fail("tls", format!("not tried: {e}"))),
    }
    out.push(match &login {
        None => not_tried("admin-portal", &t.admin),
        Some(r) => answered("admin-portal", r, |resp| {
            (resp.status == 200).then(|| format!("GET https://{}/p/login answered 200", t.admin))
        }),
    });

    // The Account Management API with the tenant's admin token.
    out.push(if resolves(&t.admin) {
        let r =
            http.send(&Request::get(&t.admin, "/admin/api/services.json").token(&t.admin_token));
        api("account-management-api", &r, "ADMIN_ACCESS_TOKEN", |doc| {
            let names: Vec<&str> = doc["services"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s["service"]["name"].as_str())
                .collect();
            (!names.is_empty()).then(|| format!("{} product(s): {}", names.len(), names.join(", ")))
        })
    } else {
        not_tried("account-management-api", &t.admin)
    });

    // The master API with the master token.
    out.push(if resolves(&t.master) {
        let r =
            http.send(&Request::get(&t.master, "/admin/api/accounts.json").token(&t.master_token));
        api("master-api", &r, "MASTER_ACCESS_TOKEN", |doc| {
            doc["accounts"]
                .as_array()
                .map(|a| format!("{} account(s) listed on {}", a.len(), t.master))
        })
    } else {
        not_tried("master-api", &t.master)
    });

    // The developer portal: a page, or a redirect to its login.
    out.push(if resolves(&t.developer) {
        let r = http.send(&Request::get(&t.developer, "/"));
        answered("developer-portal", &r, |resp| match resp.status {
            200 => Some(format!("GET https://{}/ answered 200", t.developer)),
            301..=303 | 307 | 308
                if resp
                    .location
                    .as_deref()
                    .is_some_and(|l| l.contains("login")) =>
            {
                Some(format!(
                    "GET https://{}/ redirects to its login ({})",
                    t.developer,
                    resp.location.as_deref().unwrap_or_default()
                ))
            }
            _ => None,
        })
    } else {
        not_tried("developer-portal", &t.developer)
    });

    // The embedded gateways, read through oc.
    let not_ready: Vec<String> = t
        .gateways
        .iter()
        .filter(|c| c.state != State::Ready)
        .map(|c| format!("{}: {} ({})", c.name, c.state.text(), c.detail))
        .collect();
    let unrouted: Vec<&str> = t
        .gateway_routes
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(h, _)| h.as_str())
        .collect();
    let routes: Vec<&str> = t.gateway_routes.iter().map(|(h, _)| h.as_str()).collect();
    out.push(if t.gateways.is_empty() {
        CheckResult::fail("gateways", "no apicast deployment config in the project")
            .with_help("the install is incomplete: run the install again")
    } else if not_ready.is_empty() && unrouted.is_empty() && !routes.is_empty() {
        CheckResult::ok(
            "gateways",
            format!(
                "{} ready; routes admitted: {}",
                t.gateways
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                routes.join(", ")
            ),
        )
    } else {
        let mut lines = not_ready;
        lines.extend(unrouted.iter().map(|h| format!("route {h}: not admitted")));
        if routes.is_empty() {
            lines.push("zync has not created the gateways' routes yet".into());
        }
        CheckResult::fail("gateways", lines.join("\n")).with_help(
            "`threescale-install status` shows why (the root cause of what is not ready)",
        )
    });
    out
}

/// Whether the cluster's ingress CA was trusted for `host`, and if not, why.
fn cluster_ca_note(http: &Http, host: &str) -> String {
    use crate::http::ClusterTrust;
    match (http.trusted_by(host), &http.options().cluster_ca) {
        (Some(ca), _) => format!(
            " (with the cluster's ingress CA from {}, trusted for the hosts under {})",
            ca.source, ca.domain
        ),
        (None, ClusterTrust::Trusted(ca)) => format!(
            "\nthe cluster's ingress CA ({}) is trusted for the hosts under {} only",
            ca.source, ca.domain
        ),
        (None, ClusterTrust::Unavailable(why)) => {
            format!("\nthe cluster's ingress CA was not used: {why}")
        }
        (None, ClusterTrust::NotAsked) => String::new(),
    }
}

/// A page check: `ok` says what a good answer is.
fn answered(
    id: &'static str,
    r: &Result<Response, HttpError>,
    ok: impl Fn(&Response) -> Option<String>,
) -> CheckResult {
    match r {
        Ok(resp) => match ok(resp) {
            Some(evidence) => CheckResult::ok(id, evidence),
            None => CheckResult::fail(
                id,
                format!(
                    "answered {}: {}",
                    resp.status,
                    crate::http::first_bytes(&resp.body)
                ),
            )
            .with_help(status_help(resp.status)),
        },
        Err(e) => CheckResult::fail(id, e.to_string()).with_help(error_help(e)),
    }
}

/// An API check: 200 with the JSON `ok` accepts.
fn api(
    id: &'static str,
    r: &Result<Response, HttpError>,
    token: &str,
    ok: impl Fn(&serde_json::Value) -> Option<String>,
) -> CheckResult {
    match r {
        Ok(resp) if resp.status == 200 => match resp.json() {
            Ok(doc) => match ok(&doc) {
                Some(evidence) => CheckResult::ok(id, evidence),
                None => CheckResult::fail(id, format!("answered 200, but not as expected: {}", crate::http::first_bytes(&resp.body)))
                    .with_help("3scale answers but holds none of what an install seeds: see `oc logs dc/system-app`"),
            },
            Err(why) => CheckResult::fail(id, format!("answered 200 with {why}"))
                .with_help("something other than 3scale answers for this host (a proxy, a login page): check the route and the proxy"),
        },
        Ok(resp) if resp.status == 401 || resp.status == 403 => {
            CheckResult::fail(id, format!("answered {}: the token was refused: {}", resp.status, crate::http::first_bytes(&resp.body)))
                .with_help(format!("{token} in secret system-seed is not the one 3scale knows: it was changed after the install, or the database holds an older install's"))
        }
        Ok(resp) => CheckResult::fail(id, format!("answered {}: {}", resp.status, crate::http::first_bytes(&resp.body)))
            .with_help(status_help(resp.status)),
        Err(e) => CheckResult::fail(id, e.to_string()).with_help(error_help(e)),
    }
}

fn status_help(status: u16) -> String {
    match status {
        503 => "the router has no route for this host: zync has not created it yet, or it is admitted on another router shard (`threescale-install status` lists the routes)".into(),
        500..=599 => "3scale answers with an error: see `oc logs dc/system-app` and `threescale-install status`".into(),
        404 => "the host answers, but not as a 3scale portal: another route may claim it".into(),
        _ => "see `threescale-install status`".into(),
    }
}

fn error_help(e: &HttpError) -> String {
    match &e.cause {
        Cause::Dns => "the name does not resolve from this machine: see the dns check".into(),
        Cause::Tls(_) => "see the tls check: --ca-file or --insecure-skip-tls-verify".into(),
        Cause::Proxy(_) => "the proxy (HTTPS_PROXY) refused the host: check NO_PROXY and the proxy's rules".into(),
        Cause::Timeout | Cause::Connect(_) => "nothing answered on port 443: check that the router is reachable from here (VPN, firewall, proxy)".into(),
        Cause::TooManyRedirects => "the host redirects in a loop: check the route's TLS settings (edge, Redirect)".into(),
        Cause::Truncated | Cause::TooLarge | Cause::Other(_) => "see `threescale-install status`, then run verify again".into(),
    }
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
    Ok(run(&session.http(&options)?, target))
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
    Some(f.with_help("`threescale-install verify` runs these checks again"))
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
