//! The fake Red Hat SSO's state: realms with their clients and users, the admin logins, and the
//! tokens handed out. Representations follow Keycloak's `ClientRepresentation` and
//! `UserRepresentation` (`null` fields left out; no `secret` in a client's representation).

use serde::Serialize;
use serde_json::{json, Map, Value};

/// Which Keycloak the fake plays: the user search differs (`exact` came in Keycloak 11).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeycloakVersion {
    /// RH-SSO 7.4 (Keycloak 9): `email=x` matches `lower(email) LIKE %x%`; `exact` is ignored.
    Rhsso74,
    /// RH-SSO 7.5 (Keycloak 15): `exact=true` matches `lower(email) = x`.
    Rhsso75,
}

#[derive(Clone, Debug, Serialize)]
pub struct KcClient {
    /// The internal id (a UUID), used in every admin path.
    pub id: String,
    pub client_id: String,
    pub enabled: bool,
    pub protocol: String,
    pub public_client: bool,
    pub client_authenticator_type: String,
    /// Never in a representation; `GET .../client-secret` reads it.
    pub secret: Option<String>,
    pub standard_flow_enabled: bool,
    pub implicit_flow_enabled: bool,
    pub direct_access_grants_enabled: bool,
    pub service_accounts_enabled: bool,
    pub redirect_uris: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct KcUser {
    pub id: String,
    pub username: String,
    /// Kept in lower case, as Keycloak's `UserAdapter#setEmail` does.
    pub email: Option<String>,
    pub email_verified: bool,
    pub enabled: bool,
    pub created_timestamp: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Realm {
    pub name: String,
    pub clients: Vec<KcClient>,
    pub users: Vec<KcUser>,
}

/// A user who may log in to the admin API (`admin-cli`, password grant).
#[derive(Clone, Debug, Serialize)]
pub struct AdminLogin {
    pub realm: String,
    pub username: String,
    pub password: String,
    /// Holds `manage-clients`, `view-users` (else the admin API answers 403).
    pub may_manage: bool,
}

/// A token handed out by the token endpoint.
#[derive(Clone, Debug, Serialize)]
pub struct IssuedToken {
    pub value: String,
    pub realm: String,
    pub username: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct KeycloakState {
    pub realms: Vec<Realm>,
    pub admins: Vec<AdminLogin>,
    pub tokens: Vec<IssuedToken>,
}

pub fn uuid() -> String {
    let h = crate::model::random_hex(16);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// What `RealmManager` makes in every realm: `admin-cli` (public, direct grants) and `account`.
fn builtin_clients() -> Vec<KcClient> {
    let public = |client_id: &str, direct: bool| KcClient {
        id: uuid(),
        client_id: client_id.to_string(),
        enabled: true,
        protocol: "openid-connect".into(),
        public_client: true,
        client_authenticator_type: "client-secret".into(),
        secret: None,
        standard_flow_enabled: !direct,
        implicit_flow_enabled: false,
        direct_access_grants_enabled: direct,
        service_accounts_enabled: false,
        redirect_uris: Vec::new(),
    };
    vec![public("account", false), public("admin-cli", true)]
}

impl KeycloakState {
    pub fn new(realm: &str, admin_username: &str, admin_password: &str) -> KeycloakState {
        let realms = ["master", realm]
            .iter()
            .map(|name| Realm {
                name: name.to_string(),
                clients: builtin_clients(),
                users: Vec::new(),
            })
            .collect();
        let mut state = KeycloakState {
            realms,
            admins: vec![AdminLogin {
                realm: "master".into(),
                username: admin_username.into(),
                password: admin_password.into(),
                may_manage: true,
            }],
            tokens: Vec::new(),
        };
        state.add_user("master", admin_username, None, false);
        state
    }

    pub fn realm(&self, name: &str) -> Option<&Realm> {
        self.realms.iter().find(|r| r.name == name)
    }

    pub fn realm_mut(&mut self, name: &str) -> Option<&mut Realm> {
        self.realms.iter_mut().find(|r| r.name == name)
    }

    /// A user of a realm; the e-mail stored in lower case. Returns its id.
    pub fn add_user(
        &mut self,
        realm: &str,
        username: &str,
        email: Option<&str>,
        verified: bool,
    ) -> String {
        let id = uuid();
        let user = KcUser {
            id: id.clone(),
            username: username.to_lowercase(),
            email: email.map(str::to_lowercase),
            email_verified: verified,
            enabled: true,
            created_timestamp: crate::time::now() * 1000,
        };
        self.realm_mut(realm)
            .unwrap_or_else(|| panic!("fake Keycloak: no realm {realm}"))
            .users
            .push(user);
        id
    }

    /// A client of a realm by its `clientId`.
    pub fn client(&self, realm: &str, client_id: &str) -> Option<&KcClient> {
        self.realm(realm)?
            .clients
            .iter()
            .find(|c| c.client_id == client_id)
    }

    /// The admin password, every client secret and every token handed out.
    pub fn secret_values(&self) -> Vec<String> {
        let mut out: Vec<String> = self.admins.iter().map(|a| a.password.clone()).collect();
        for r in &self.realms {
            out.extend(r.clients.iter().filter_map(|c| c.secret.clone()));
        }
        out.extend(self.tokens.iter().map(|t| t.value.clone()));
        out.retain(|s| !s.is_empty());
        out
    }
}

/// `ModelToRepresentation.toRepresentation(ClientModel)`: camelCase, never the secret.
pub fn client_json(c: &KcClient) -> Value {
    json!({
        "id": c.id,
        "clientId": c.client_id,
        "enabled": c.enabled,
        "protocol": c.protocol,
        "publicClient": c.public_client,
        "clientAuthenticatorType": c.client_authenticator_type,
        "standardFlowEnabled": c.standard_flow_enabled,
        "implicitFlowEnabled": c.implicit_flow_enabled,
        "directAccessGrantsEnabled": c.direct_access_grants_enabled,
        "serviceAccountsEnabled": c.service_accounts_enabled,
        "redirectUris": c.redirect_uris,
        "bearerOnly": false,
        "consentRequired": false,
        "frontchannelLogout": false,
        "fullScopeAllowed": true,
        "webOrigins": [],
        "notBefore": 0,
    })
}

pub fn user_json(u: &KcUser) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(u.id));
    m.insert("createdTimestamp".into(), json!(u.created_timestamp));
    m.insert("username".into(), json!(u.username));
    m.insert("enabled".into(), json!(u.enabled));
    m.insert("totp".into(), json!(false));
    m.insert("emailVerified".into(), json!(u.email_verified));
    if let Some(e) = &u.email {
        m.insert("email".into(), json!(e));
    }
    m.insert("disableableCredentialTypes".into(), json!([]));
    m.insert("requiredActions".into(), json!([]));
    m.insert("notBefore".into(), json!(0));
    Value::Object(m)
}

/// SQL's `LIKE` with `%` (any run) and `_` (any one character), as JPA runs Keycloak 9's
/// `lower(email) like %x%`.
pub fn like(text: &str, pattern: &str) -> bool {
    let t: Vec<char> = text.chars().collect();
    let p: Vec<char> = pattern.chars().collect();
    // dp[j]: pattern[..i] matches text[..j]
    let mut dp = vec![false; t.len() + 1];
    dp[0] = true;
    for &pc in &p {
        let mut next = vec![false; t.len() + 1];
        if pc == '%' {
            let mut any = false;
            for j in 0..=t.len() {
                any |= dp[j];
                next[j] = any;
            }
        } else {
            for j in 1..=t.len() {
                next[j] = dp[j - 1] && (pc == '_' || pc == t[j - 1]);
            }
        }
        dp = next;
    }
    dp[t.len()]
}

#[cfg(test)]
mod tests {
    use super::like;

    #[test]
    fn like_as_sql() {
        assert!(like("jdoe@example.com", "%doe@example.com%"));
        assert!(like("j.doe@example.com", "%j_doe@example.com%"));
        assert!(like("jxdoe@example.com", "%j_doe@example.com%"));
        assert!(!like("jdoe@example.com", "%zz%"));
        assert!(like("", "%%"));
    }
}
