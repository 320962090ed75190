//! Pull secret `threescale-registry-auth`: the name the template's service accounts list under
//! `imagePullSecrets`. Built in memory and sent to oc on stdin; the password never reaches argv.

use super::action::Action;
use crate::secrets::Secret;
use crate::templates::profiles::MANAGED_BY;
use base64::Engine;
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;

pub const NAME: &str = "threescale-registry-auth";

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// The registry login the pull secret holds.
#[derive(Debug, Clone)]
pub struct Login {
    pub server: String,
    pub username: String,
    pub password: Secret,
}

/// What the cluster holds for the registry, decoded from `.dockerconfigjson`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    pub username: Option<String>,
    pub password: Option<Secret>,
}

#[derive(Deserialize)]
struct SecretObject {
    #[serde(default)]
    data: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct DockerConfig {
    #[serde(default)]
    auths: BTreeMap<String, Auth>,
}

#[derive(Deserialize)]
struct Auth {
    username: Option<String>,
    password: Option<String>,
    auth: Option<String>,
}

/// What the project holds under the pull secret's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Observed {
    /// No secret (or no project yet).
    Absent,
    /// A secret; `None` when it has no entry for the registry server.
    Present(Option<Existing>),
}

/// The pull secret among the project's contents.
pub fn observe(contents: &[serde_json::Value], server: &str) -> Observed {
    let secret = contents
        .iter()
        .find(|o| o["kind"] == "Secret" && o["metadata"]["name"] == NAME)
        .and_then(|o| serde_json::from_value::<SecretObject>(o.clone()).ok());
    match secret {
        Some(s) => Observed::Present(decode(&s, server)),
        None => Observed::Absent,
    }
}

fn decode(secret: &SecretObject, server: &str) -> Option<Existing> {
    let raw = B64.decode(secret.data.get(".dockerconfigjson")?).ok()?;
    let config: DockerConfig = serde_json::from_slice(&raw).ok()?;
    let auth = config
        .auths
        .iter()
        .find(|(k, _)| k.trim_start_matches("https://").trim_end_matches('/') == server)
        .map(|(_, v)| v)?;
    let (mut username, mut password) = (auth.username.clone(), auth.password.clone());
    if let Some(pair) = auth
        .auth
        .as_deref()
        .and_then(|a| B64.decode(a).ok())
        .and_then(|b| String::from_utf8(b).ok())
    {
        if let Some((u, p)) = pair.split_once(':') {
            username.get_or_insert_with(|| u.to_string());
            password.get_or_insert_with(|| p.to_string());
        }
    }
    Some(Existing {
        username,
        password: password.map(Secret::new),
    })
}

/// The Secret manifest (JSON), holding the password: it only ever goes to oc's stdin.
pub fn manifest(login: &Login) -> Secret {
    let (server, username, password) = (
        login.server.as_str(),
        login.username.as_str(),
        &login.password,
    );
    let auth = B64.encode(format!("{username}:{}", password.expose()));
    let config = json!({"auths": {server: {"username": username, "password": password.expose(), "auth": auth}}});
    let secret = json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": {"name": NAME, "labels": {MANAGED_BY.0: MANAGED_BY.1}},
        "type": "kubernetes.io/dockerconfigjson",
        "data": {".dockerconfigjson": B64.encode(config.to_string())},
    });
    Secret::new(secret.to_string())
}

/// Whether a secret read from the cluster holds exactly this login.
pub fn holds(secret: &serde_json::Value, login: &Login) -> bool {
    observe(std::slice::from_ref(secret), &login.server)
        == Observed::Present(Some(Existing {
            username: Some(login.username.clone()),
            password: Some(login.password.clone()),
        }))
}

pub fn plan(observed: Observed, login: Login) -> Vec<Action> {
    match observed {
        Observed::Absent => vec![Action::CreatePullSecret(login)],
        Observed::Present(existing) => {
            let mut changed = Vec::new();
            match existing {
                None => changed.push("registry server"),
                Some(e) => {
                    if e.username.as_deref() != Some(login.username.as_str()) {
                        changed.push("username");
                    }
                    if e.password.as_ref() != Some(&login.password) {
                        changed.push("password");
                    }
                }
            }
            if changed.is_empty() {
                Vec::new()
            } else {
                vec![Action::UpdatePullSecret { login, changed }]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn existing_for(server: &str, user: &str, pass: &str) -> Option<Existing> {
        let m = manifest(&login(server, user, pass));
        let obj: serde_json::Value = serde_json::from_str(m.expose()).unwrap();
        let data = obj["data"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect();
        decode(&SecretObject { data }, "registry.redhat.io")
    }

    fn login(server: &str, user: &str, pass: &str) -> Login {
        Login {
            server: server.into(),
            username: user.into(),
            password: Secret::new(pass),
        }
    }

    #[test]
    fn same_credentials_are_kept_and_changes_are_named() {
        let wanted = || login("registry.redhat.io", "u", "pw");
        let same = existing_for("registry.redhat.io", "u", "pw");
        assert!(plan(Observed::Present(same), wanted()).is_empty());
        let other = existing_for("registry.redhat.io", "u", "old");
        match plan(Observed::Present(other), wanted()).as_slice() {
            [Action::UpdatePullSecret { changed, .. }] => assert_eq!(changed, &["password"]),
            p => panic!("{p:?}"),
        }
        let elsewhere = existing_for("quay.io", "u", "pw");
        assert!(elsewhere.is_none());
        assert!(matches!(
            plan(Observed::Present(elsewhere), wanted()).as_slice(),
            [Action::UpdatePullSecret { .. }]
        ));
        assert!(matches!(
            plan(Observed::Absent, wanted()).as_slice(),
            [Action::CreatePullSecret(_)]
        ));
    }
}
