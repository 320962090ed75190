//! The changes of `sso add` and `sso remove`: the admin portal's integration (created, updated,
//! published or unpublished) through the Account Management API, and the client in Red Hat SSO
//! through its admin REST API. What the create learns (the callback URL 3scale computed) goes to
//! the client's change through [`Made`]. `Display` never shows a secret.

use super::{Urls, KIND};
use crate::engine::change::{Change, Ctx};
use crate::failure::{Failure, FailureKind, Outcome};
use crate::keycloak::{confidential, Admin, Realm, Sso, SsoError};
use crate::secrets::Secret;
use crate::tenant::portal::AdminPortal;
use crate::threescale::{Api, ApiError, AuthProvider, ProviderFields};
use serde_json::json;
use std::fmt;

/// What the changes of one run made.
#[derive(Debug, Default)]
pub(crate) struct Made {
    /// The integration as 3scale last answered it.
    pub(crate) provider: Option<AuthProvider>,
}

#[derive(Debug, Clone)]
pub(crate) enum SsoAction {
    CreateProvider(NewProvider),
    UpdateProvider(ProviderUpdate),
    /// `published` set (`None` id: the integration this run created).
    Publish {
        portal: AdminPortal,
        id: Option<u64>,
        system_name: String,
        published: bool,
    },
    CreateClient(ClientChange),
    UpdateClient(ClientChange),
}

#[derive(Debug, Clone)]
pub(crate) struct NewProvider {
    pub(crate) portal: AdminPortal,
    pub(crate) name: String,
    pub(crate) system_name: String,
    pub(crate) realm_url: String,
    pub(crate) client_id: String,
    pub(crate) client_secret: Secret,
}

/// The fields of an integration that differ from what is asked (`None`: as it is).
#[derive(Debug, Clone)]
pub(crate) struct ProviderUpdate {
    pub(crate) portal: AdminPortal,
    pub(crate) id: u64,
    pub(crate) system_name: String,
    pub(crate) realm_url: Option<String>,
    pub(crate) client_id: Option<String>,
    pub(crate) client_secret: Option<Secret>,
}

/// The client of the realm: created, or the fields that differ set.
#[derive(Debug, Clone)]
pub(crate) struct ClientChange {
    pub(crate) realm: Realm,
    pub(crate) admin: Admin,
    pub(crate) client_id: String,
    /// The client's internal id, when it exists.
    pub(crate) id: Option<String>,
    /// The redirect URIs it keeps besides the integration's.
    pub(crate) other_uris: Vec<String>,
    /// The integration's URLs as planned (the callback 3scale answers wins).
    pub(crate) urls: Urls,
    pub(crate) secret: Secret,
    /// What differs, in words (an update).
    pub(crate) changes: Vec<String>,
}

impl Change for SsoAction {
    type Memo = Made;

    fn title(&self) -> String {
        match self {
            SsoAction::CreateProvider(p) => format!("SSO integration {}", p.system_name),
            SsoAction::UpdateProvider(p) => format!("SSO integration {}", p.system_name),
            SsoAction::Publish {
                system_name,
                published: true,
                ..
            } => format!("publish SSO integration {system_name}"),
            SsoAction::Publish { system_name, .. } => {
                format!("unpublish SSO integration {system_name}")
            }
            SsoAction::CreateClient(c) | SsoAction::UpdateClient(c) => {
                format!("Red Hat SSO client {}", c.client_id)
            }
        }
    }

    fn run(&self, ctx: &Ctx, made: &mut Made) -> Outcome<Option<String>> {
        let http = ctx.http()?;
        let api = Api { http };
        let sso = Sso { http };
        match self {
            SsoAction::CreateProvider(p) => create(&api, p, made),
            SsoAction::UpdateProvider(p) => update(&api, p, made),
            SsoAction::Publish {
                portal,
                id,
                system_name,
                published,
            } => publish(&api, portal, *id, system_name, *published, made),
            SsoAction::CreateClient(c) => create_client(&sso, c, made),
            SsoAction::UpdateClient(c) => update_client(&sso, c, made),
        }
    }
}

fn create(api: &Api, p: &NewProvider, made: &mut Made) -> Outcome<Option<String>> {
    crate::interrupt::set_message(
        "sso add stopped part-way: run the same command again; it finds the integration by its system name and does not create a second",
    );
    let fields = ProviderFields {
        client_id: Some(&p.client_id),
        client_secret: Some(&p.client_secret),
        site: Some(&p.realm_url),
        published: Some(false),
    };
    let provider = api
        .create_auth_provider(
            &p.portal.host,
            &p.portal.token,
            KIND,
            &p.name,
            &p.system_name,
            &fields,
        )
        .map_err(|e| {
            p.portal
                .failure("create the SSO integration", e)
                .with_help("run the same command again: it finds an integration already made and does not create a second")
        })?;
    let detail = format!(
        "created (id {}), not published yet; 3scale's callback URL: {}",
        provider.id,
        provider.callback_url.as_deref().unwrap_or("?")
    );
    made.provider = Some(provider);
    Ok(Some(detail))
}

/// A refusal of a change to a published integration while SSO is enforced.
fn enforced(portal: &AdminPortal, doing: &str, e: ApiError) -> Failure {
    if e.status() == Some(403) {
        let urls = Urls::of(&portal.host, "");
        return Failure::input(format!(
            "could not {doing}: 3scale refuses changes to a published SSO integration while the admin portal enforces SSO ({e})"
        ))
        .with_help(format!(
            "turn SSO enforcement off first, in the admin portal only: {} (Account Settings > Users > SSO Integrations), untick \"Enforce SSO for all users of this account.\"; then run again",
            urls.page
        ));
    }
    portal.failure(doing, e)
}

fn update(api: &Api, p: &ProviderUpdate, made: &mut Made) -> Outcome<Option<String>> {
    let fields = ProviderFields {
        client_id: p.client_id.as_deref(),
        client_secret: p.client_secret.as_ref(),
        site: p.realm_url.as_deref(),
        published: None,
    };
    let provider = api
        .update_auth_provider(&p.portal.host, &p.portal.token, p.id, &fields)
        .map_err(|e| enforced(&p.portal, "update the SSO integration", e))?;
    made.provider = Some(provider);
    Ok(Some("updated".into()))
}

fn publish(
    api: &Api,
    portal: &AdminPortal,
    id: Option<u64>,
    system_name: &str,
    published: bool,
    made: &mut Made,
) -> Outcome<Option<String>> {
    let Some(id) = id.or(made.provider.as_ref().map(|p| p.id)) else {
        return Err(Failure::internal(format!(
            "publish SSO integration {system_name} without its id"
        )));
    };
    let fields = ProviderFields {
        published: Some(published),
        ..ProviderFields::default()
    };
    let doing = if published {
        "publish the SSO integration"
    } else {
        "unpublish the SSO integration"
    };
    let provider = api
        .update_auth_provider(&portal.host, &portal.token, id, &fields)
        .map_err(|e| enforced(portal, doing, e))?;
    made.provider = Some(provider);
    Ok(Some(if published {
        "published: the admin portal's login page offers it".into()
    } else {
        "unpublished: the admin portal's login page no longer offers it".into()
    }))
}

/// A failed call to Red Hat SSO: the administrator's login or rights are the person's to fix.
pub(crate) fn sso_failure(doing: &str, realm: &Realm, e: SsoError) -> Failure {
    let (kind, help) = match &e {
        SsoError::Refused { status: 401, .. } | SsoError::Refused { status: 400, .. } => (
            FailureKind::Input,
            "check the Red Hat SSO administrator: --sso-admin-username, --sso-admin-realm and the password (--sso-admin-password-file or --sso-admin-password-stdin)".to_string(),
        ),
        SsoError::Refused { status: 403, .. } => (
            FailureKind::Input,
            format!("the administrator may not manage realm {}: it needs the realm-management roles manage-clients, view-clients and view-users (or to be an administrator of master)", realm.name),
        ),
        SsoError::Refused { status: 409, .. } => (
            FailureKind::Input,
            "a client of that client ID was made meanwhile: run the same command again; it updates it".to_string(),
        ),
        SsoError::Http(_) => (
            FailureKind::NotAnswering,
            "check that Red Hat SSO is reachable from here, and trusted (--ca-file)".to_string(),
        ),
        _ => (
            FailureKind::NotAnswering,
            "Red Hat SSO answers with an error: see its server log, then run again".to_string(),
        ),
    };
    Failure::new(kind, anyhow::anyhow!("{e}"))
        .context(format!("could not {doing}"))
        .with_help(help)
}

/// The redirect URIs: the callback 3scale answered (else the one planned), the flow test's,
/// then those the client had.
fn uris(c: &ClientChange, made: &Made) -> Vec<String> {
    let callback = made
        .provider
        .as_ref()
        .and_then(|p| p.callback_url.clone())
        .unwrap_or_else(|| c.urls.callback.clone());
    let mut out = vec![callback, c.urls.test_callback.clone()];
    for u in &c.other_uris {
        if !out.contains(u) {
            out.push(u.clone());
        }
    }
    out
}

fn create_client(sso: &Sso, c: &ClientChange, made: &mut Made) -> Outcome<Option<String>> {
    let token = sso
        .admin_token(&c.realm, &c.admin)
        .map_err(|e| sso_failure("log in to Red Hat SSO's admin API", &c.realm, e))?;
    let uris = uris(c, made);
    sso.create_client(&c.realm, &token, &c.client_id, &c.secret, &uris)
        .map_err(|e| {
            sso_failure(
                &format!("create client {} in realm {}", c.client_id, c.realm.name),
                &c.realm,
                e,
            )
        })?;
    Ok(Some(format!(
        "created in realm {}: confidential, standard flow, the client secret given, redirect URIs {}",
        c.realm.name,
        uris.join(", ")
    )))
}

fn update_client(sso: &Sso, c: &ClientChange, made: &mut Made) -> Outcome<Option<String>> {
    let Some(id) = &c.id else {
        return Err(Failure::internal("a client update without the client's id"));
    };
    let token = sso
        .admin_token(&c.realm, &c.admin)
        .map_err(|e| sso_failure("log in to Red Hat SSO's admin API", &c.realm, e))?;
    let mut doc = confidential(&uris(c, made));
    doc["secret"] = json!(c.secret.expose());
    sso.update_client(&c.realm, &token, id, &doc).map_err(|e| {
        sso_failure(
            &format!("update client {} in realm {}", c.client_id, c.realm.name),
            &c.realm,
            e,
        )
    })?;
    Ok(Some(format!("updated: {}", c.changes.join("; "))))
}

impl fmt::Display for SsoAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SsoAction::CreateProvider(p) => write!(
                f,
                "create the Red Hat SSO integration {} (system name {}) of the admin portal {}: realm {}, client {}, the client secret given; not published yet",
                p.name, p.system_name, p.portal.host, p.realm_url, p.client_id
            ),
            SsoAction::UpdateProvider(p) => {
                let mut what = Vec::new();
                if let Some(r) = &p.realm_url {
                    what.push(format!("realm {r}"));
                }
                if let Some(c) = &p.client_id {
                    what.push(format!("client {c}"));
                }
                if p.client_secret.is_some() {
                    what.push("the client secret given".to_string());
                }
                write!(
                    f,
                    "update SSO integration {} (id {}) of the admin portal {}: {}",
                    p.system_name,
                    p.id,
                    p.portal.host,
                    what.join(", ")
                )
            }
            SsoAction::Publish {
                portal,
                system_name,
                published: true,
                ..
            } => write!(
                f,
                "publish SSO integration {system_name}: the login page of {} offers it",
                portal.host
            ),
            SsoAction::Publish {
                portal,
                system_name,
                ..
            } => write!(
                f,
                "unpublish SSO integration {system_name}: the login page of {} no longer offers it (it stays, with its settings)",
                portal.host
            ),
            SsoAction::CreateClient(c) => write!(
                f,
                "create client {} in Red Hat SSO realm {} (as {}): confidential, standard flow only, the client secret given, redirect URIs {}",
                c.client_id,
                c.realm.name,
                c.admin.username,
                c.urls.redirect_uris().join(", ")
            ),
            SsoAction::UpdateClient(c) => write!(
                f,
                "update client {} in Red Hat SSO realm {} (as {}): {}",
                c.client_id,
                c.realm.name,
                c.admin.username,
                c.changes.join("; ")
            ),
        }
    }
}
