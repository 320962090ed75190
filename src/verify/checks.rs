//! The checks of `verify`, as a table: each with its id, what it depends on and how it runs, in
//! the order they run. A check of a portal whose name the `dns` check could not resolve is not
//! tried, and says why; the others run whatever failed before them, each with its evidence and
//! the fix that fits it.

use super::Target;
use crate::engine::checks::CheckResult;
use crate::engine::readiness::State;
use crate::http::{Cause, Http, HttpError, Request, Response};

/// One of the install's portals, by the host [`Target`] names for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Portal {
    Admin,
    Developer,
    Master,
}

impl Portal {
    const ALL: [Portal; 3] = [Portal::Admin, Portal::Developer, Portal::Master];

    fn host(self, t: &Target) -> &str {
        match self {
            Portal::Admin => &t.admin,
            Portal::Developer => &t.developer,
            Portal::Master => &t.master,
        }
    }
}

/// One row of the table.
pub(crate) struct Check {
    pub(crate) id: &'static str,
    /// The portal whose name the `dns` check must resolve for this check to be tried.
    pub(crate) depends_on: Option<Portal>,
    run: fn(&mut Probe) -> CheckResult,
}

/// Every check of an installed 3scale, in the order they run: `dns` first, since the others
/// depend on it.
pub(crate) static TABLE: &[Check] = &[
    Check {
        id: "dns",
        depends_on: None,
        run: dns,
    },
    Check {
        id: "tls",
        depends_on: Some(Portal::Admin),
        run: tls,
    },
    Check {
        id: "admin-portal",
        depends_on: Some(Portal::Admin),
        run: admin_portal,
    },
    Check {
        id: "account-management-api",
        depends_on: Some(Portal::Admin),
        run: account_management_api,
    },
    Check {
        id: "master-api",
        depends_on: Some(Portal::Master),
        run: master_api,
    },
    Check {
        id: "developer-portal",
        depends_on: Some(Portal::Developer),
        run: developer_portal,
    },
    Check {
        id: "gateways",
        depends_on: None,
        run: gateways,
    },
];

/// What the checks share as they run: the client, the target, the portals whose names did not
/// resolve, and the admin portal's login page (the `tls` and `admin-portal` checks read the
/// same answer).
struct Probe<'a> {
    http: &'a Http,
    target: &'a Target,
    unresolved: Vec<Portal>,
    login: Option<Result<Response, HttpError>>,
}

impl Probe<'_> {
    fn login(&mut self) -> &Result<Response, HttpError> {
        let (http, admin) = (self.http, &self.target.admin);
        self.login
            .get_or_insert_with(|| http.send(&Request::get(admin, "/p/login")))
    }
}

/// Runs `table` in order: a check whose portal does not resolve is not tried.
pub(crate) fn run_table(http: &Http, target: &Target, table: &[Check]) -> Vec<CheckResult> {
    let mut probe = Probe {
        http,
        target,
        unresolved: Vec::new(),
        login: None,
    };
    table
        .iter()
        .map(|check| match check.depends_on {
            Some(portal) if probe.unresolved.contains(&portal) => CheckResult::fail(
                check.id,
                format!("not tried: {} does not resolve", portal.host(target)),
            ),
            _ => (check.run)(&mut probe),
        })
        .collect()
}

/// Each portal's name resolves here, unless a proxy resolves the names or --resolve gives them.
fn dns(p: &mut Probe) -> CheckResult {
    let (http, t) = (p.http, p.target);
    let mut evidence = Vec::new();
    for portal in Portal::ALL {
        let host = portal.host(t);
        let given = http
            .options()
            .resolve
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(host));
        if let Some((_, ip)) = given {
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
                    p.unresolved.push(portal);
                    evidence.push(format!("{host}: does not resolve"));
                }
            }
        }
    }
    if p.unresolved.is_empty() {
        return CheckResult::ok("dns", evidence.join("\n"));
    }
    let unresolved: Vec<&str> = p.unresolved.iter().map(|u| u.host(t)).collect();
    CheckResult::fail("dns", evidence.join("\n")).with_help(dns_help(http, t, &unresolved))
}

/// The wildcard record to fix, and until then how to reach the portals through the router.
fn dns_help(http: &Http, t: &Target, unresolved: &[&str]) -> String {
    let router = t
        .router
        .as_deref()
        .and_then(|r| http.lookup(r).ok())
        .and_then(|ips| ips.into_iter().next());
    let address = router
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "ROUTER-ADDRESS".into());
    let resolves: Vec<String> = unresolved
        .iter()
        .map(|h| format!("--resolve {h}:{address}"))
        .collect();
    let router_text = match (&t.router, router) {
        (Some(r), Some(ip)) => format!(" ({r}, {ip})"),
        (Some(r), None) => format!(" ({r})"),
        _ => String::new(),
    };
    format!(
        "the wildcard DNS record *.{} must point at the cluster's router{router_text}; until it does, reach the portals with {}",
        t.domain,
        resolves.join(" ")
    )
}

/// The admin portal's certificate is trusted.
fn tls(p: &mut Probe) -> CheckResult {
    let (http, admin) = (p.http, &p.target.admin);
    match p.login() {
        Err(HttpError {
            cause: Cause::Tls(why),
            ..
        }) => {
            let cert = http
                .peer_certificate(admin)
                .unwrap_or_else(|e| format!("(the certificate could not be read: {e})"));
            let note = cluster_ca_note(http, admin);
            CheckResult::fail("tls", format!("{admin}: {why}\n{cert}{note}")).with_help(
                "trust the CA that signed the router's certificate with --ca-file PATH (the default ingress CA: `oc get secret router-ca -n openshift-ingress-operator -o jsonpath='{.data.tls\\.crt}' | base64 -d`), or skip the check with --insecure-skip-tls-verify",
            )
        }
        _ if http.options().insecure => CheckResult::warn(
            "tls",
            format!("{admin}: not verified (--insecure-skip-tls-verify)"),
        )
        .with_help(
            "trust the router's CA with --ca-file instead, so that a wrong certificate is noticed",
        ),
        Ok(_) => CheckResult::ok(
            "tls",
            format!(
                "{admin}: the certificate is trusted{}",
                cluster_ca_note(http, admin)
            ),
        ),
        Err(e) => CheckResult::fail("tls", format!("not tried: {e}")),
    }
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

/// The admin portal's login page answers.
fn admin_portal(p: &mut Probe) -> CheckResult {
    let admin = &p.target.admin;
    answered("admin-portal", p.login(), |resp| {
        (resp.status == 200).then(|| format!("GET https://{admin}/p/login answered 200"))
    })
}

/// The Account Management API answers with the tenant's admin token.
fn account_management_api(p: &mut Probe) -> CheckResult {
    let t = p.target;
    let r = p
        .http
        .send(&Request::get(&t.admin, "/admin/api/services.json").token(&t.admin_token));
    api("account-management-api", &r, "ADMIN_ACCESS_TOKEN", |doc| {
        let names: Vec<&str> = doc["services"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["service"]["name"].as_str())
            .collect();
        (!names.is_empty()).then(|| format!("{} product(s): {}", names.len(), names.join(", ")))
    })
}

/// The master API answers with the master token.
fn master_api(p: &mut Probe) -> CheckResult {
    let t = p.target;
    let r = p
        .http
        .send(&Request::get(&t.master, "/admin/api/accounts.json").token(&t.master_token));
    api("master-api", &r, "MASTER_ACCESS_TOKEN", |doc| {
        doc["accounts"]
            .as_array()
            .map(|a| format!("{} account(s) listed on {}", a.len(), t.master))
    })
}

/// The developer portal answers: a page, or a redirect to its login.
fn developer_portal(p: &mut Probe) -> CheckResult {
    let developer = &p.target.developer;
    let r = p.http.send(&Request::get(developer, "/"));
    answered("developer-portal", &r, |resp| match resp.status {
        200 => Some(format!("GET https://{developer}/ answered 200")),
        301..=303 | 307 | 308
            if resp
                .location
                .as_deref()
                .is_some_and(|l| l.contains("login")) =>
        {
            Some(format!(
                "GET https://{developer}/ redirects to its login ({})",
                resp.location.as_deref().unwrap_or_default()
            ))
        }
        _ => None,
    })
}

/// The embedded gateways are ready and zync's routes to them admitted (read through oc).
fn gateways(p: &mut Probe) -> CheckResult {
    let t = p.target;
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
    if t.gateways.is_empty() {
        return CheckResult::fail("gateways", "no apicast deployment config in the project")
            .with_help("the install is incomplete: run the install again");
    }
    if not_ready.is_empty() && unrouted.is_empty() && !routes.is_empty() {
        let names: Vec<&str> = t.gateways.iter().map(|c| c.name.as_str()).collect();
        return CheckResult::ok(
            "gateways",
            format!(
                "{} ready; routes admitted: {}",
                names.join(", "),
                routes.join(", ")
            ),
        );
    }
    let mut lines = not_ready;
    lines.extend(unrouted.iter().map(|h| format!("route {h}: not admitted")));
    if routes.is_empty() {
        lines.push("zync has not created the gateways' routes yet".into());
    }
    CheckResult::fail("gateways", lines.join("\n"))
        .with_help("`threescale-install status` shows why (the root cause of what is not ready)")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Options;
    use crate::secrets::{Redactor, Secret};
    use crate::transcript::Transcript;
    use std::sync::Arc;

    fn target() -> Target {
        Target {
            domain: "apps.x".into(),
            admin: "3scale-admin.apps.x".into(),
            developer: "3scale.apps.x".into(),
            master: "master.apps.x".into(),
            admin_token: Secret::new("admin-token-1"),
            master_token: Secret::new("master-token-1"),
            router: None,
            gateways: Vec::new(),
            gateway_routes: Vec::new(),
        }
    }

    #[test]
    fn dns_comes_first_and_every_check_is_listed_once() {
        let ids: Vec<&str> = TABLE.iter().map(|c| c.id).collect();
        assert_eq!(
            ids,
            [
                "dns",
                "tls",
                "admin-portal",
                "account-management-api",
                "master-api",
                "developer-portal",
                "gateways"
            ]
        );
        // What the others depend on is known once dns ran.
        assert!(TABLE[0].depends_on.is_none());
    }

    #[test]
    fn a_check_of_a_portal_whose_name_does_not_resolve_is_not_tried_and_says_why() {
        fn master_unresolved(p: &mut Probe) -> CheckResult {
            p.unresolved.push(Portal::Master);
            CheckResult::fail("dns", "master.apps.x: does not resolve")
        }
        fn answers(_: &mut Probe) -> CheckResult {
            CheckResult::ok("tried", "answered")
        }
        let table = [
            Check {
                id: "dns",
                depends_on: None,
                run: master_unresolved,
            },
            Check {
                id: "master-api",
                depends_on: Some(Portal::Master),
                run: answers,
            },
            Check {
                id: "admin-portal",
                depends_on: Some(Portal::Admin),
                run: answers,
            },
            Check {
                id: "gateways",
                depends_on: None,
                run: answers,
            },
        ];
        let redactor = Redactor::default();
        let transcript = Arc::new(Transcript::new(redactor.clone()));
        let http = Http::new(Options::default(), redactor, transcript).unwrap();
        let results = run_table(&http, &target(), &table);
        let shown: Vec<(&str, &str)> = results.iter().map(|r| (r.id, r.detail.as_str())).collect();
        assert_eq!(
            shown,
            [
                ("dns", "master.apps.x: does not resolve"),
                ("master-api", "not tried: master.apps.x does not resolve"),
                ("tried", "answered"),
                ("tried", "answered"),
            ]
        );
        assert_eq!(results[1].result, crate::engine::checks::Verdict::Fail);
    }
}
