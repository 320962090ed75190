//! The plans of `sso add` and `sso remove`: pure functions from what was observed — the admin
//! portal's integrations, the realm seen from here, the client in the realm, the users'
//! standing — to the changes. An integration is found again by its system name, so a second
//! run changes only what differs, and nothing when nothing does.

use super::action::{ClientChange, NewProvider, ProviderUpdate, SsoAction};
use super::people::{self, Person};
use super::{Spec, Urls, KIND};
use crate::engine::checks::CheckResult;
use crate::engine::report::Changes;
use crate::keycloak::Client;
use crate::secrets::Secret;
use crate::tenant::portal::AdminPortal;
use crate::threescale::AuthProvider;

/// The client of the realm, as an administrator sees it.
#[derive(Debug, Clone)]
pub(crate) enum ClientSeen {
    Absent,
    /// The client and its secret (none for a public client).
    Present(Client, Option<Secret>),
}

/// What `sso add` decides from.
pub(crate) struct Observed<'a> {
    pub(crate) portal: &'a AdminPortal,
    pub(crate) providers: &'a [AuthProvider],
    pub(crate) realm: CheckResult,
    /// `Some` with `--create-client`.
    pub(crate) client: Option<ClientSeen>,
    /// Each user's standing in the realm, when an administrator was given.
    pub(crate) people: Option<Vec<Person>>,
    /// How many users the admin portal has (`None`: they could not be listed).
    pub(crate) users: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    pub(crate) actions: Vec<SsoAction>,
    pub(crate) decisions: Vec<String>,
    pub(crate) checks: Vec<CheckResult>,
    pub(crate) problems: Vec<String>,
    /// The integration found before any change.
    pub(crate) existing: Option<AuthProvider>,
    pub(crate) urls: Option<Urls>,
    /// What is told of the users a login by SSO would not find.
    pub(crate) findings: Vec<String>,
}

impl Plan {
    pub(crate) fn changes(&self) -> Changes<'_, SsoAction> {
        Changes {
            decisions: &self.decisions,
            checks: &self.checks,
            actions: &self.actions,
            missing: &[],
            problems: &self.problems,
        }
    }
}

pub(crate) fn add(spec: &Spec, o: &Observed) -> Plan {
    let mut p = Plan {
        checks: vec![o.realm.clone()],
        ..Plan::default()
    };
    let existing = o
        .providers
        .iter()
        .find(|x| x.system_name == spec.system_name);
    let mut urls = Urls::of(&o.portal.host, &spec.system_name);
    if let Some(callback) = existing.and_then(|x| x.callback_url.clone()) {
        urls.callback = callback;
    }
    match existing {
        Some(x) if x.kind != KIND => {
            p.problems.push(format!(
                "the admin portal {} has an SSO integration of kind {} with the system name {} (id {}): give this one another --name",
                o.portal.host, x.kind, x.system_name, x.id
            ));
            return p;
        }
        Some(x) => found(spec, o, x, &mut p),
        None => {
            p.actions.push(SsoAction::CreateProvider(NewProvider {
                portal: o.portal.clone(),
                name: spec.name.clone(),
                system_name: spec.system_name.clone(),
                realm_url: spec.realm.url.clone(),
                client_id: spec.client_id.clone(),
                client_secret: spec.client_secret.clone(),
            }));
            for other in o.providers.iter().filter(|x| {
                x.site.as_deref().map(|s| s.trim_end_matches('/')) == Some(spec.realm.url.as_str())
                    && x.client_id == spec.client_id
            }) {
                p.decisions.push(format!(
                    "SSO integration {} (id {}) already uses this realm and client; a second one, {}, is made beside it (give --name {} to change that one instead)",
                    other.system_name, other.id, spec.system_name, other.name
                ));
            }
        }
    }
    p.decisions.push(format!(
        "3scale's callback URL, the redirect URI the Red Hat SSO client needs: {}",
        urls.callback
    ));
    client(spec, o, &urls, &mut p);
    let published = existing.is_some_and(|x| x.published);
    if spec.publish && !published {
        p.actions.push(SsoAction::Publish {
            portal: o.portal.clone(),
            id: existing.map(|x| x.id),
            system_name: spec.system_name.clone(),
            published: true,
        });
    } else if !spec.publish && !published {
        p.decisions.push(format!(
            "the integration is not published (--publish publishes it): try it first at {}",
            urls.bounce
        ));
    }
    users(o, &mut p);
    p.existing = existing.cloned();
    p.urls = Some(urls);
    p
}

/// The integration exists: only what differs is updated.
fn found(spec: &Spec, o: &Observed, x: &AuthProvider, p: &mut Plan) {
    let site = x.site.as_deref().map(|s| s.trim_end_matches('/'));
    let update = ProviderUpdate {
        portal: o.portal.clone(),
        id: x.id,
        system_name: x.system_name.clone(),
        realm_url: (site != Some(spec.realm.url.as_str())).then(|| spec.realm.url.clone()),
        client_id: (x.client_id != spec.client_id).then(|| spec.client_id.clone()),
        client_secret: (x.client_secret != spec.client_secret).then(|| spec.client_secret.clone()),
    };
    p.decisions.push(format!(
        "SSO integration {} exists (id {}, {})",
        x.system_name,
        x.id,
        if x.published {
            "published"
        } else {
            "not published"
        }
    ));
    if update.realm_url.is_some() || update.client_id.is_some() || update.client_secret.is_some() {
        p.actions.push(SsoAction::UpdateProvider(update));
    }
    if x.name != spec.name {
        p.decisions.push(format!(
            "it is named {}, not {}: 3scale does not rename an integration through its API",
            x.name, spec.name
        ));
    }
}

/// The client in the realm, with `--create-client`.
fn client(spec: &Spec, o: &Observed, urls: &Urls, p: &mut Plan) {
    let (Some(seen), Some(admin)) = (&o.client, &spec.admin) else {
        if spec.create_client {
            p.decisions.push(format!(
                "client {} of realm {} was not looked at: the realm failed its check",
                spec.client_id, spec.realm.name
            ));
            return;
        }
        p.decisions.push(format!(
            "client {} of realm {} is not changed here (no --create-client): its Red Hat SSO administrator sets it, as printed at the end",
            spec.client_id, spec.realm.name
        ));
        return;
    };
    let change = |id: Option<String>, other_uris: Vec<String>, changes: Vec<String>| ClientChange {
        realm: spec.realm.clone(),
        admin: admin.clone(),
        client_id: spec.client_id.clone(),
        id,
        other_uris,
        urls: urls.clone(),
        secret: spec.client_secret.clone(),
        changes,
    };
    match seen {
        ClientSeen::Absent => p.actions.push(SsoAction::CreateClient(change(
            None,
            Vec::new(),
            Vec::new(),
        ))),
        ClientSeen::Present(c, secret) => {
            let changes = client_changes(c, secret.as_ref(), &spec.client_secret, urls);
            if changes.is_empty() {
                p.decisions.push(format!(
                    "client {} of realm {} is in place: confidential, standard flow, the secret given, both redirect URIs",
                    c.client_id, spec.realm.name
                ));
                return;
            }
            let others: Vec<String> = c
                .redirect_uris
                .iter()
                .filter(|u| !urls.redirect_uris().contains(u))
                .cloned()
                .collect();
            p.actions.push(SsoAction::UpdateClient(change(
                Some(c.id.clone()),
                others,
                changes,
            )));
        }
    }
}

/// What differs between the client and what 3scale's admin portal needs, in words.
fn client_changes(
    c: &Client,
    secret: Option<&Secret>,
    wanted: &Secret,
    urls: &Urls,
) -> Vec<String> {
    let mut out = Vec::new();
    if !c.enabled {
        out.push("enable it".to_string());
    }
    if c.public_client {
        out.push("make it confidential (Access Type confidential)".to_string());
    }
    if !c.standard_flow_enabled {
        out.push("enable the standard flow".to_string());
    }
    for u in urls.redirect_uris() {
        if !c.redirect_uris.contains(&u) {
            out.push(format!("add the redirect URI {u}"));
        }
    }
    if secret != Some(wanted) {
        out.push("set the client secret given".to_string());
    }
    out
}

/// What the realm says of the admin portal's users, or that it was not asked.
fn users(o: &Observed, p: &mut Plan) {
    match &o.people {
        Some(people) => {
            p.findings = people::findings(people);
            p.decisions.extend(p.findings.iter().cloned());
        }
        None => p.decisions.push(format!(
            "the {} of the admin portal were not looked up in the realm ({}): those whose e-mail the realm does not mark verified will be refused at an SSO login",
            o.users.map_or("users".to_string(), |n| format!("{n} user(s)")),
            if o.users.is_none() {
                "they could not be listed"
            } else {
                "no Red Hat SSO administrator given"
            }
        )),
    }
}

/// `sso remove`: the integration named unpublished (the API cannot delete it).
pub(crate) fn remove(portal: &AdminPortal, providers: &[AuthProvider], name: &str) -> Plan {
    let mut p = Plan::default();
    let found = providers
        .iter()
        .find(|x| x.system_name == name || x.id.to_string() == name || x.name == name);
    let Some(x) = found else {
        let known: Vec<String> = providers
            .iter()
            .map(|x| format!("{} (id {})", x.system_name, x.id))
            .collect();
        p.problems.push(format!(
            "the admin portal {} has no SSO integration '{name}'; it has: {}",
            portal.host,
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        ));
        return p;
    };
    if x.published {
        p.actions.push(SsoAction::Publish {
            portal: portal.clone(),
            id: Some(x.id),
            system_name: x.system_name.clone(),
            published: false,
        });
    } else {
        p.decisions.push(format!(
            "SSO integration {} (id {}) is not published: the login page does not offer it",
            x.system_name, x.id
        ));
    }
    p.existing = Some(x.clone());
    p.urls = Some(Urls::of(&portal.host, &x.system_name));
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::checks::Verdict;
    use crate::keycloak::{Admin, Realm};

    fn portal() -> AdminPortal {
        AdminPortal {
            host: "3scale-admin.apps.example.com".into(),
            token: Secret::new("admin-token-value"),
            tenant: "3scale".into(),
            owner: "admin".into(),
            default: true,
        }
    }

    fn spec(publish: bool, admin: bool) -> Spec {
        Spec {
            realm: Realm::parse("https://sso.example.com/auth/realms/3scale").unwrap(),
            client_id: "3scale-admin".into(),
            client_secret: Secret::new("client-secret-value"),
            name: "Red Hat Single Sign-On".into(),
            system_name: "rhsso".into(),
            publish,
            create_client: admin,
            admin: admin.then(|| Admin {
                realm: "master".into(),
                username: "admin".into(),
                password: Secret::new("sso-admin-password"),
            }),
        }
    }

    fn provider(published: bool, secret: &str) -> AuthProvider {
        AuthProvider {
            id: 7,
            kind: "keycloak".into(),
            name: "Red Hat Single Sign-On".into(),
            system_name: "rhsso".into(),
            client_id: "3scale-admin".into(),
            client_secret: Secret::new(secret),
            site: Some("https://sso.example.com/auth/realms/3scale".into()),
            skip_ssl_certificate_verification: false,
            published,
            callback_url: Some("https://3scale-admin.apps.example.com/auth/rhsso/callback".into()),
        }
    }

    fn observed<'a>(
        portal: &'a AdminPortal,
        providers: &'a [AuthProvider],
        client: Option<ClientSeen>,
    ) -> Observed<'a> {
        Observed {
            portal,
            providers,
            realm: CheckResult::ok("realm", "fine"),
            client,
            people: None,
            users: Some(2),
        }
    }

    fn kinds(p: &Plan) -> Vec<String> {
        p.actions
            .iter()
            .map(|a| {
                a.to_string()
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn a_first_run_creates_then_sets_the_client_then_publishes() {
        let portal = portal();
        let p = add(
            &spec(true, true),
            &observed(&portal, &[], Some(ClientSeen::Absent)),
        );
        assert_eq!(kinds(&p), ["create the", "create client", "publish SSO"]);
        assert!(p.problems.is_empty());
        let urls = p.urls.unwrap();
        assert_eq!(
            urls.callback,
            "https://3scale-admin.apps.example.com/auth/rhsso/callback"
        );
        for a in &p.actions {
            assert!(!a.to_string().contains("client-secret-value"), "{a}");
            assert!(!a.to_string().contains("sso-admin-password"), "{a}");
        }
    }

    #[test]
    fn a_second_run_changes_nothing() {
        let portal = portal();
        let providers = [provider(true, "client-secret-value")];
        let client = Client {
            id: "5f0c".into(),
            client_id: "3scale-admin".into(),
            enabled: true,
            public_client: false,
            standard_flow_enabled: true,
            redirect_uris: Urls::of(&portal.host, "rhsso").redirect_uris(),
        };
        let seen = ClientSeen::Present(client.clone(), Some(Secret::new("client-secret-value")));
        let p = add(
            &spec(true, true),
            &observed(&portal, &providers, Some(seen)),
        );
        assert!(p.actions.is_empty(), "{:?}", kinds(&p));
        // A changed secret and a missing redirect URI: both updated, the other URIs kept.
        let providers = [provider(true, "old-secret-value")];
        let mut c = client;
        c.redirect_uris = vec!["https://other.example.com/cb".into()];
        let seen = ClientSeen::Present(c, Some(Secret::new("old-secret-value")));
        let p = add(
            &spec(true, true),
            &observed(&portal, &providers, Some(seen)),
        );
        assert_eq!(kinds(&p), ["update SSO", "update client"]);
        let SsoAction::UpdateClient(change) = &p.actions[1] else {
            panic!()
        };
        assert_eq!(change.other_uris, ["https://other.example.com/cb"]);
        assert_eq!(change.changes.len(), 3, "{:?}", change.changes);
    }

    #[test]
    fn without_create_client_the_realm_is_left_alone_and_unpublished_stays_so() {
        let portal = portal();
        let providers = [provider(false, "client-secret-value")];
        let p = add(&spec(false, false), &observed(&portal, &providers, None));
        assert!(p.actions.is_empty());
        assert!(p.decisions.iter().any(|d| d.contains("no --create-client")));
        assert!(p.decisions.iter().any(|d| d.contains("not published")));
        assert!(p.decisions.iter().any(|d| d.contains("not looked up")));
    }

    #[test]
    fn an_auth0_integration_of_that_name_is_a_problem_and_a_failed_realm_refuses() {
        let portal = portal();
        let mut other = provider(false, "x-secret-value");
        other.kind = "auth0".into();
        let p = add(&spec(false, false), &observed(&portal, &[other], None));
        assert_eq!(p.problems.len(), 1);
        let mut o = observed(&portal, &[], None);
        o.realm = CheckResult::fail("realm", "no");
        let p = add(&spec(false, false), &o);
        assert!(p.changes().refused());
        assert_eq!(p.checks[0].result, Verdict::Fail);
    }

    #[test]
    fn remove_unpublishes_once() {
        let portal = portal();
        let p = remove(&portal, &[provider(true, "s-secret-value")], "rhsso");
        assert_eq!(kinds(&p), ["unpublish SSO"]);
        let p = remove(&portal, &[provider(false, "s-secret-value")], "7");
        assert!(p.actions.is_empty());
        let p = remove(&portal, &[provider(false, "s-secret-value")], "nope");
        assert!(p.problems[0].contains("rhsso (id 7)"), "{:?}", p.problems);
    }
}
