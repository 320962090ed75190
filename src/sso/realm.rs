//! The realm, checked from this machine before any change: its discovery document names it as
//! the issuer (3scale builds every endpoint from the realm URL it is given), and the token and
//! userinfo endpoints 3scale will call answer. 3scale itself never reads the discovery document:
//! its `system-app` pods call those endpoints at each login, so they must reach and trust the
//! same host, which a check from here cannot prove.

use crate::engine::checks::CheckResult;
use crate::http::{Cause, HttpError};
use crate::keycloak::{Discovery, Realm, Sso, SsoError};

/// What was seen of the realm from here.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub(crate) discovery: Result<Discovery, String>,
    /// How the endpoint 3scale posts the code to answered a GET (or why it did not).
    pub(crate) token: Result<u16, String>,
    pub(crate) userinfo: Result<u16, String>,
    /// What to do about an error of transport (TLS, DNS, ...), when there was one.
    pub(crate) transport_help: Option<String>,
}

fn help_of(e: &HttpError) -> String {
    match &e.cause {
        Cause::Tls(_) => "trust the CA of Red Hat SSO's certificate with --ca-file PATH (one PEM file may hold several CAs: the router's and Red Hat SSO's)".into(),
        Cause::Dns => "the realm's host does not resolve from here: check --realm-url, or reach it with --resolve HOST:ADDRESS".into(),
        Cause::Proxy(_) => "the proxy (HTTPS_PROXY) refused the host: check NO_PROXY and the proxy's rules".into(),
        _ => "check that Red Hat SSO is up and reachable from here (VPN, firewall, proxy)".into(),
    }
}

/// Looks at the realm (reads only).
pub(crate) fn look(sso: &Sso, realm: &Realm) -> Seen {
    let mut transport_help = None;
    let mut note = |e: &HttpError| {
        if transport_help.is_none() {
            transport_help = Some(help_of(e));
        }
        e.to_string()
    };
    let discovery = sso.discovery(realm).map_err(|e| match &e {
        SsoError::Http(h) => note(h),
        other => other.to_string(),
    });
    let mut answer = |what: &str| sso.answers(&realm.endpoint(what)).map_err(|e| note(&e));
    let token = answer("token");
    let userinfo = answer("userinfo");
    Seen {
        discovery,
        token,
        userinfo,
        transport_help,
    }
}

/// The check of what was seen: `realm`, failed when 3scale's logins could not work.
pub(crate) fn check(realm: &Realm, seen: &Seen) -> CheckResult {
    let discovery = match &seen.discovery {
        Ok(d) => d,
        Err(why) => {
            return CheckResult::fail(
                "realm",
                format!("the realm's discovery document ({}) could not be read from here: {why}", realm.discovery_url()),
            )
            .with_help(seen.transport_help.clone().unwrap_or_else(|| {
                "check --realm-url: it is the realm's URL as Red Hat SSO shows it (Realm Settings > Endpoints), e.g. https://sso.example.com/auth/realms/3scale; realm names are case-sensitive".into()
            }))
        }
    };
    let issuer = discovery.issuer.trim_end_matches('/');
    if issuer != realm.url {
        return CheckResult::fail(
            "realm",
            format!(
                "the realm names itself {issuer}, not {}: 3scale sends people and its own calls to URLs it makes from the realm URL it is given",
                realm.url
            ),
        )
        .with_help(format!(
            "give --realm-url {issuer}, the realm's issuer (a frontend URL set in Red Hat SSO moves it), and make sure 3scale's pods reach that host"
        ));
    }
    let mut broken = Vec::new();
    for (what, result) in [("token", &seen.token), ("userinfo", &seen.userinfo)] {
        match result {
            Ok(status) if *status != 404 && *status < 500 => {}
            Ok(status) => broken.push(format!("{} answered {status}", realm.endpoint(what))),
            Err(why) => broken.push(why.clone()),
        }
    }
    if !broken.is_empty() {
        return CheckResult::fail(
            "realm",
            format!(
                "the endpoints 3scale calls at each login do not answer from here: {}",
                broken.join("; ")
            ),
        )
        .with_help(seen.transport_help.clone().unwrap_or_else(|| {
            "check that the realm URL is the one Red Hat SSO serves its OpenID Connect endpoints under".into()
        }));
    }
    let moved = discovery.token_endpoint != realm.endpoint("token")
        || discovery.userinfo_endpoint != realm.endpoint("userinfo");
    let detail = format!(
        "{issuer} names itself the issuer; its token and userinfo endpoints answer from here"
    );
    if moved {
        return CheckResult::warn(
            "realm",
            format!(
                "{detail}, though the realm advertises them elsewhere ({}, {}): 3scale uses those under the realm URL",
                discovery.token_endpoint, discovery.userinfo_endpoint
            ),
        );
    }
    CheckResult::ok("realm", detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::checks::Verdict;

    fn realm() -> Realm {
        Realm::parse("https://sso.example.com/auth/realms/3scale").unwrap()
    }

    fn seen(issuer: &str) -> Seen {
        let r = realm();
        Seen {
            discovery: Ok(Discovery {
                issuer: issuer.into(),
                authorization_endpoint: format!("{issuer}/protocol/openid-connect/auth"),
                token_endpoint: r.endpoint("token"),
                userinfo_endpoint: r.endpoint("userinfo"),
            }),
            token: Ok(405),
            userinfo: Ok(400),
            transport_help: None,
        }
    }

    #[test]
    fn the_issuer_must_be_the_realm_url() {
        let ok = check(
            &realm(),
            &seen("https://sso.example.com/auth/realms/3scale"),
        );
        assert_eq!(ok.result, Verdict::Ok, "{}", ok.detail);
        let moved = check(
            &realm(),
            &seen("https://login.example.com/auth/realms/3scale"),
        );
        assert_eq!(moved.result, Verdict::Fail);
        assert!(moved
            .help
            .unwrap()
            .contains("--realm-url https://login.example.com/auth/realms/3scale"));
    }

    #[test]
    fn endpoints_that_do_not_answer_fail_and_unreadable_discovery_says_how_to_fix() {
        let mut s = seen("https://sso.example.com/auth/realms/3scale");
        s.userinfo = Ok(404);
        let c = check(&realm(), &s);
        assert_eq!(c.result, Verdict::Fail);
        assert!(c.detail.contains("userinfo answered 404"), "{}", c.detail);
        let s = Seen {
            discovery: Err("the certificate is not trusted".into()),
            transport_help: Some("trust the CA with --ca-file PATH".into()),
            ..seen("x")
        };
        let c = check(&realm(), &s);
        assert_eq!(c.result, Verdict::Fail);
        assert!(c.help.unwrap().contains("--ca-file"));
    }
}
