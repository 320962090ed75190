//! Pull secret `threescale-registry-auth`: the name the template's service accounts list under
//! `imagePullSecrets`, made by the install and by a gateway's project alike. Built in memory and
//! sent to oc on stdin; the password never reaches argv.

use crate::engine::change::{Ctx, Permission};
use crate::engine::execute::{change_failure, single_change};
use crate::engine::kube::{self, SecretObject};
use crate::failure::Outcome;
use crate::oc::args;
use crate::secrets::Secret;
use crate::templates::kinds::Resource;
use crate::templates::profiles::MANAGED_BY;
use base64::Engine;
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;

pub(crate) const NAME: &str = "threescale-registry-auth";

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// The registry login the pull secret holds.
#[derive(Debug, Clone)]
pub(crate) struct Login {
    pub(crate) server: String,
    pub(crate) username: String,
    pub(crate) password: Secret,
}

/// What the cluster holds for the registry, decoded from `.dockerconfigjson`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Existing {
    pub(crate) username: Option<String>,
    pub(crate) password: Option<Secret>,
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
pub(crate) enum Observed {
    /// No secret (or no project yet).
    Absent,
    /// A secret; `None` when it has no entry for the registry server.
    Present(Option<Existing>),
}

/// The pull secret among the project's contents.
pub(crate) fn observe(contents: &[serde_json::Value], server: &str) -> Observed {
    let secret = contents
        .iter()
        .find(|o| o["kind"] == "Secret" && o["metadata"]["name"] == NAME)
        .map(kube::parse::<SecretObject>);
    match secret {
        Some(s) => Observed::Present(decode(&s, server)),
        None => Observed::Absent,
    }
}

fn decode(secret: &SecretObject, server: &str) -> Option<Existing> {
    let raw = secret.value(".dockerconfigjson")?.ok()?;
    let config: DockerConfig = serde_json::from_str(&raw).ok()?;
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
pub(crate) fn manifest(login: &Login) -> Secret {
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
pub(crate) fn holds(secret: &serde_json::Value, login: &Login) -> bool {
    observe(std::slice::from_ref(secret), &login.server)
        == Observed::Present(Some(Existing {
            username: Some(login.username.clone()),
            password: Some(login.password.clone()),
        }))
}

/// The pull secret written: created, or updated because the login changed.
#[derive(Debug, Clone)]
pub(crate) enum Write {
    Create(Login),
    Update {
        login: Login,
        changed: Vec<&'static str>,
    },
}

impl Write {
    pub(crate) fn login(&self) -> &Login {
        match self {
            Write::Create(login) | Write::Update { login, .. } => login,
        }
    }

    pub(crate) fn title(&self) -> String {
        match self {
            Write::Create(_) => format!("create pull secret {NAME}"),
            Write::Update { .. } => format!("update pull secret {NAME}"),
        }
    }

    pub(crate) fn permission(&self) -> Permission {
        let verb = match self {
            Write::Create(_) => "create",
            Write::Update { .. } => "update",
        };
        Permission::in_project(verb, Resource::of("Secret", "v1"))
    }

    /// Sends the secret on oc's stdin; a transient failure is sent again only when the secret
    /// does not hold the login yet.
    pub(crate) fn run(&self, ctx: &Ctx) -> Outcome<Option<String>> {
        let login = self.login();
        let manifest = manifest(login);
        let oc_args = match self {
            Write::Create(_) => args::create(ctx.project),
            Write::Update { .. } => args::replace(ctx.project),
        };
        let written = || {
            ctx.oc
                .get_secret::<serde_json::Value>(NAME, ctx.project)
                .ok()
                .flatten()
                .is_some_and(|s| holds(&s, login))
        };
        single_change(
            ctx.oc,
            &oc_args,
            Some(manifest.expose().as_bytes()),
            written,
        )
        .map(|_| None)
        .map_err(|e| change_failure(&format!("write secret {NAME}"), e, None))
    }
}

impl std::fmt::Display for Write {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Write::Create(login) => write!(
                f,
                "create secret {NAME} for {} as {}",
                login.server, login.username
            ),
            Write::Update { login, changed } => write!(
                f,
                "update secret {NAME} for {} as {} ({} changed)",
                login.server,
                login.username,
                changed.join(", ")
            ),
        }
    }
}

/// What to write for `login`, given what the project holds: nothing when it holds the login.
pub(crate) fn plan(observed: Observed, login: Login) -> Option<Write> {
    match observed {
        Observed::Absent => Some(Write::Create(login)),
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
            (!changed.is_empty()).then_some(Write::Update { login, changed })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn existing_for(server: &str, user: &str, pass: &str) -> Option<Existing> {
        let m = manifest(&login(server, user, pass));
        let obj: serde_json::Value = serde_json::from_str(m.expose()).unwrap();
        decode(&kube::parse(&obj), "registry.redhat.io")
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
        assert!(plan(Observed::Present(same), wanted()).is_none());
        let other = existing_for("registry.redhat.io", "u", "old");
        match plan(Observed::Present(other), wanted()) {
            Some(Write::Update { changed, .. }) => assert_eq!(changed, ["password"]),
            p => panic!("{p:?}"),
        }
        let elsewhere = existing_for("quay.io", "u", "pw");
        assert!(elsewhere.is_none());
        assert!(matches!(
            plan(Observed::Present(elsewhere), wanted()),
            Some(Write::Update { .. })
        ));
        assert!(matches!(
            plan(Observed::Absent, wanted()),
            Some(Write::Create(_))
        ));
        let shown = Write::Create(wanted()).to_string();
        assert!(!shown.contains("pw"), "{shown}");
    }
}
