//! `sso add | list | show | remove` against an installed project of the fake cluster, the fake
//! 3scale (the install's own tenant, its tokens from system-seed) and the fake Red Hat SSO, both
//! reached by name through the CONNECT proxy, trusted through one --ca-file holding both CAs.
//! No secret (client secret, administrator password, tokens) in any oc argv, request URL,
//! transcript or output.

use crate::support::{Run, TestEnv};
use base64::Engine;
use fake_3scale::{Config, Keycloak, KeycloakConfig, Proxy, Server, UserState};
use serde_json::Value;
use std::path::PathBuf;

pub(crate) const DOMAIN: &str = "apps.cluster.example.com";
const PROJECT: &str = "3scale-apim";
const SSO_HOST: &str = "sso.example.com";
pub(crate) const CLIENT_SECRET: &str = "5f0c2b9e-client-Secret-of-3scale-admin";

/// An installed project, the fake 3scale with its tokens, the fake Red Hat SSO, one proxy.
pub(crate) struct World {
    pub(crate) env: TestEnv,
    pub(crate) server: Server,
    pub(crate) sso: Keycloak,
    pub(crate) proxy: Proxy,
    pub(crate) ca: PathBuf,
}

pub(crate) fn world_with(sso: KeycloakConfig) -> World {
    let env = TestEnv::new();
    env.run(&["--yes", "--wildcard-domain", DOMAIN])
        .assert_code(0);
    let seed = env
        .object(PROJECT, "Secret", "system-seed")
        .expect("system-seed");
    let value = |k: &str| {
        let raw = seed["data"][k].as_str().unwrap();
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(raw)
                .unwrap(),
        )
        .unwrap()
    };
    let server = Server::start(
        Config::new(DOMAIN)
            .admin_access_token(&value("ADMIN_ACCESS_TOKEN"))
            .master_access_token(&value("MASTER_ACCESS_TOKEN")),
    );
    let sso = Keycloak::start(sso);
    let proxy = Proxy::start(server.port());
    proxy.route(SSO_HOST, sso.port());
    // One PEM file with both CAs: the router's (3scale) and Red Hat SSO's.
    let ca = env.root().join("cas.pem");
    let mut pem = std::fs::read(server.ca_pem_path()).unwrap();
    pem.extend(std::fs::read(sso.ca_pem_path()).unwrap());
    std::fs::write(&ca, pem).unwrap();
    env.clear_calls();
    World {
        env,
        server,
        sso,
        proxy,
        ca,
    }
}

pub(crate) fn world() -> World {
    world_with(KeycloakConfig::new(SSO_HOST, "3scale"))
}

impl World {
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_in(args, None, &self.ca)
    }

    pub(crate) fn run_in(&self, args: &[&str], stdin: Option<&str>, ca: &std::path::Path) -> Run {
        let ca = ca.display().to_string();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--ca-file", &ca]);
        let mut cmd = self.env.command(&all);
        cmd.env("HTTPS_PROXY", self.proxy.url()).env("NO_PROXY", "");
        let output = match stdin {
            Some(input) => {
                use std::io::Write;
                cmd.stdin(std::process::Stdio::piped())
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped());
                let mut child = cmd.spawn().unwrap();
                child
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(input.as_bytes())
                    .unwrap();
                child.wait_with_output().unwrap()
            }
            None => cmd.stdin(std::process::Stdio::null()).output().unwrap(),
        };
        Run {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            output,
        }
    }

    /// A file of this world, mode 0600.
    pub(crate) fn secret_file(&self, name: &str, value: &str) -> String {
        use std::os::unix::fs::PermissionsExt;
        let path = self.env.root().join(name);
        std::fs::write(&path, format!("{value}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        path.display().to_string()
    }

    pub(crate) fn state_dir(&self) -> PathBuf {
        self.env
            .root()
            .join("state/threescale-install/api.crc.testing-6443")
            .join(PROJECT)
    }

    pub(crate) fn transcript(&self) -> String {
        std::fs::read_to_string(self.state_dir().join("transcript.log")).unwrap_or_default()
    }

    /// Every file under the state directory with its size: what a dry run must not change.
    pub(crate) fn state_files(&self) -> Vec<(PathBuf, u64)> {
        let mut out = Vec::new();
        let mut stack = vec![self.env.root().join("state")];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push((p.clone(), std::fs::metadata(&p).unwrap().len()));
                }
            }
        }
        out.sort();
        out
    }

    /// Requests that changed the fake 3scale or the fake Red Hat SSO (the administrator's token
    /// grant aside).
    pub(crate) fn writes(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .server
            .requests()
            .into_iter()
            .filter(|r| r.method != "GET")
            .map(|r| format!("3scale {} {}", r.method, r.path))
            .collect();
        out.extend(
            self.sso
                .requests()
                .into_iter()
                .filter(|r| r.method != "GET" && !r.path.ends_with("/openid-connect/token"))
                .map(|r| format!("sso {} {}", r.method, r.path)),
        );
        out
    }

    /// No secret of 3scale or Red Hat SSO, nor `extra`, in any oc argv, request URL, the
    /// transcript, or the outputs.
    #[track_caller]
    pub(crate) fn assert_no_secret(&self, outs: &[&Run], extra: &[&str]) {
        let mut secrets = self.server.secret_values();
        secrets.extend(self.sso.secret_values());
        secrets.extend(extra.iter().map(|s| s.to_string()));
        let argv: Vec<String> = self
            .env
            .calls()
            .iter()
            .flat_map(|c| c["argv"].as_array().cloned().unwrap_or_default())
            .map(|a| a.as_str().unwrap_or_default().to_string())
            .collect();
        let transcript = self.transcript();
        for s in secrets.iter().filter(|s| s.len() >= 6) {
            let b64 = base64::engine::general_purpose::STANDARD.encode(s);
            assert!(
                !transcript.contains(s.as_str()) && !transcript.contains(&b64),
                "a secret in the transcript"
            );
            assert!(
                argv.iter().all(|a| !a.contains(s.as_str())),
                "a secret in an oc argv"
            );
            for o in outs {
                assert!(
                    !o.stdout.contains(s.as_str()) && !o.stderr.contains(s.as_str()),
                    "a secret in the output:\n{}\n{}",
                    o.stdout,
                    o.stderr
                );
            }
        }
        assert!(self.server.requests_with_credentials_in_url().is_empty());
        assert!(self.sso.requests().iter().all(|r| !r.credentials_in_query));
    }
}

pub(crate) fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n--- stderr\n{}", run.stdout, run.stderr))
}

fn add_args<'a>(_: &World, secret: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "sso",
        "add",
        "--realm-url",
        "https://sso.example.com/auth/realms/3scale",
        "--client-id",
        "3scale-admin",
        "--client-secret-file",
        secret,
        "--yes",
        "-o",
        "json",
    ];
    args.extend(extra);
    args
}

/// What `sso add --create-client --publish` made: the integration in 3scale, through the public
/// admin host with the secret in the body, and the client in Red Hat SSO, by bearer token.
fn assert_made(w: &World, admin_host: &str, callback: &str) {
    // 3scale: one keycloak integration with the realm, client and secret given.
    let state = w.server.state();
    assert_eq!(state.authentication_providers.len(), 1);
    let p = &state.authentication_providers[0];
    assert_eq!(
        (
            p.kind.as_str(),
            p.system_name.as_str(),
            p.client_id.as_str(),
            p.client_secret.as_str()
        ),
        ("keycloak", "rhsso", "3scale-admin", CLIENT_SECRET)
    );
    assert_eq!(p.site.as_deref(), Some(w.sso.realm_url().as_str()));
    assert!(p.published);
    // Called through the public admin host, the secret in the body.
    let create = w
        .server
        .requests()
        .into_iter()
        .find(|r| r.method == "POST" && r.path.ends_with("/authentication_providers.json"))
        .unwrap();
    assert_eq!(create.host, admin_host);
    assert!(create.body_fields.contains(&"client_secret".to_string()));
    // Red Hat SSO: the confidential client, the secret given, both redirect URIs.
    let client = w.sso.client("3scale-admin").expect("the client");
    assert_eq!(client.secret.as_deref(), Some(CLIENT_SECRET));
    assert!(!client.public_client && client.standard_flow_enabled);
    assert_eq!(
        client.redirect_uris,
        [
            callback.to_string(),
            format!("https://{admin_host}/p/admin/account/callback/rhsso")
        ]
    );
    assert!(w
        .sso
        .requests()
        .iter()
        .filter(|r| r.path.contains("/admin/"))
        .all(|r| r.authorization_scheme.as_deref() == Some("Bearer")));
}

#[test]
fn add_makes_the_integration_and_the_client_and_a_rerun_changes_nothing() {
    let w = world();
    w.server
        .with_state(|s| s.add_member("3scale", "jdoe", "jdoe@example.com", UserState::Active));
    w.sso.add_user("jdoe", "jdoe@example.com", false);
    let secret = w.secret_file("client-secret", CLIENT_SECRET);
    let password = w.sso.config().admin_password.clone();
    let admin = w.secret_file("sso-admin", &password);
    let extra = [
        "--create-client",
        "--sso-admin-password-file",
        &admin,
        "--publish",
    ];
    let out = w.run(&add_args(&w, &secret, &extra));
    out.assert_code(0);
    let doc = json(&out);
    let admin_host = format!("3scale-admin.{DOMAIN}");
    let callback = format!("https://{admin_host}/auth/rhsso/callback");
    assert_eq!(doc["redirect_uri"], callback.as_str());
    assert_eq!(doc["changed"], true);
    assert_eq!(doc["integration"]["published"], true);
    assert_eq!(doc["integration"]["client_secret"], "set (never shown)");
    assert_eq!(doc["client"]["result"], "created");
    assert!(
        doc["users"][0]
            .as_str()
            .unwrap()
            .contains("jdoe <jdoe@example.com>"),
        "{doc}"
    );
    assert!(doc["reach"]
        .as_str()
        .unwrap()
        .contains("must reach and trust sso.example.com"));
    assert!(doc["enforce_sso"][0]
        .as_str()
        .unwrap()
        .contains("only in the admin portal"));

    assert_made(&w, &admin_host, &callback);
    w.assert_no_secret(&[&out], &[CLIENT_SECRET, &password]);

    // Again: found by its system name, nothing written anywhere.
    w.server.clear_requests();
    let before = w.sso.requests().len();
    let again = w.run(&add_args(&w, &secret, &extra));
    again.assert_code(0);
    let doc = json(&again);
    assert_eq!(doc["changed"], false);
    assert_eq!(doc["redirect_uri"], callback.as_str());
    assert_eq!(
        w.server.state().authentication_providers.len(),
        1,
        "no second integration"
    );
    let sso_writes: Vec<String> = w.sso.requests()[before..]
        .iter()
        .filter(|r| r.method != "GET" && !r.path.ends_with("/openid-connect/token"))
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert!(sso_writes.is_empty(), "{sso_writes:?}");
    let writes: Vec<String> = w
        .writes()
        .into_iter()
        .filter(|x| x.starts_with("3scale"))
        .collect();
    assert!(writes.is_empty(), "{writes:?}");
    w.assert_no_secret(&[&out, &again], &[CLIENT_SECRET, &password]);
}

#[test]
fn dry_run_writes_nothing_anywhere() {
    let w = world();
    let secret = w.secret_file("client-secret", CLIENT_SECRET);
    let password = w.sso.config().admin_password.clone();
    let admin = w.secret_file("sso-admin", &password);
    let files = w.state_files();
    let out = w.run(&add_args(
        &w,
        &secret,
        &[
            "--create-client",
            "--sso-admin-password-file",
            &admin,
            "--publish",
            "--dry-run",
        ],
    ));
    out.assert_code(0);
    let doc = json(&out);
    assert_eq!(doc["dry_run"], true);
    let changes: Vec<&str> = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(changes.len(), 3, "{changes:?}");
    assert!(
        changes[0].starts_with("create the Red Hat SSO integration"),
        "{changes:?}"
    );
    assert!(w.writes().is_empty(), "{:?}", w.writes());
    assert!(w.server.state().authentication_providers.is_empty());
    assert!(w.sso.client("3scale-admin").is_none());
    assert_eq!(w.state_files(), files, "no local file written");
    assert!(w.env.mutating_commands().is_empty());
    w.assert_no_secret(&[&out], &[CLIENT_SECRET, &password]);
}

#[test]
fn without_an_administrator_it_says_what_the_sso_administrator_sets() {
    let w = world();
    let out = w.run_in(
        &[
            "sso",
            "add",
            "--realm-url",
            "https://sso.example.com/auth/realms/3scale/",
            "--client-id",
            "3scale-admin",
            "--client-secret-stdin",
            "--name",
            "Corp SSO",
            "--yes",
        ],
        Some(CLIENT_SECRET),
        &w.ca,
    );
    out.assert_code(0);
    assert!(
        out.stdout
            .contains("The Red Hat SSO administrator must set:"),
        "{}",
        out.stdout
    );
    let callback = format!("https://3scale-admin.{DOMAIN}/auth/corp_sso/callback");
    assert!(
        out.stdout.contains(&format!("Redirect URI    {callback}")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Enforcing SSO:"));
    let state = w.server.state();
    let p = &state.authentication_providers[0];
    assert_eq!((p.name.as_str(), p.published), ("Corp SSO", false));
    assert_eq!(
        p.site.as_deref(),
        Some("https://sso.example.com/auth/realms/3scale"),
        "the trailing / is gone"
    );
    assert!(
        w.sso.requests().iter().all(|r| !r.path.contains("/admin/")),
        "no admin API without an administrator"
    );
    w.assert_no_secret(&[&out], &[CLIENT_SECRET]);
}

#[test]
fn a_realm_that_names_another_issuer_or_is_not_trusted_is_refused_before_any_change() {
    let w = world_with(
        KeycloakConfig::new(SSO_HOST, "3scale").frontend_url("https://login.example.com/auth"),
    );
    let secret = w.secret_file("client-secret", CLIENT_SECRET);
    let out = w.run(&add_args(&w, &secret, &[]));
    out.assert_code(3);
    assert!(
        out.stderr
            .contains("--realm-url https://login.example.com/auth/realms/3scale"),
        "{}",
        out.stderr
    );
    assert!(w.writes().is_empty());

    // With an administrator too: the realm's verdict, not a failed call of the admin API.
    let w = world();
    let secret = w.secret_file("client-secret", CLIENT_SECRET);
    let admin = w.secret_file("sso-admin", &w.sso.config().admin_password.clone());
    let extra = ["--create-client", "--sso-admin-password-file", &admin];
    let out = w.run_in(&add_args(&w, &secret, &extra), None, w.server.ca_pem_path());
    out.assert_code(3);
    assert!(out.stderr.contains("--ca-file"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("was not looked at: the realm failed its check"),
        "{}",
        out.stderr
    );
    assert!(
        w.sso.requests().is_empty(),
        "the untrusted host got no request"
    );
    assert!(w.writes().is_empty());
    assert!(w.server.state().authentication_providers.is_empty());
}

#[test]
fn list_show_and_remove_never_print_the_secret() {
    let w = world();
    let secret = w.secret_file("client-secret", CLIENT_SECRET);
    w.run(&add_args(&w, &secret, &["--publish"])).assert_code(0);
    let list = w.run(&["sso", "list", "-o", "json"]);
    list.assert_code(0);
    let doc = json(&list);
    assert_eq!(doc["integrations"][0]["system_name"], "rhsso");
    let show = w.run(&["sso", "show", "rhsso"]);
    show.assert_code(0);
    assert!(show.stdout.contains("set (never shown)"), "{}", show.stdout);
    let unknown = w.run(&["sso", "show", "nope"]);
    unknown.assert_code(2);
    assert!(
        unknown.stderr.contains("rhsso (id 1)"),
        "{}",
        unknown.stderr
    );

    let refused = w.run(&["sso", "remove", "rhsso"]);
    refused.assert_code(2);
    assert!(refused.stderr.contains("--yes"), "{}", refused.stderr);
    let remove = w.run(&["sso", "remove", "rhsso", "--yes"]);
    remove.assert_code(0);
    assert!(
        remove.stdout.contains("cannot delete an SSO integration"),
        "{}",
        remove.stdout
    );
    assert!(!w.server.state().authentication_providers[0].published);
    w.server.clear_requests();
    let again = w.run(&["sso", "remove", "rhsso", "--yes"]);
    again.assert_code(0);
    assert!(w.writes().is_empty(), "{:?}", w.writes());
    w.assert_no_secret(&[&list, &show, &unknown, &remove, &again], &[CLIENT_SECRET]);
}

#[test]
fn a_tenant_whose_token_is_not_kept_here_is_refused_clearly() {
    let w = world();
    let planned = w.server.with_state(|s| {
        s.plan_signup("ACME Corp", "acme-admin", "ops@acme.example", None)
            .unwrap()
    });
    w.server.with_state(|s| s.apply_signup(planned));
    let out = w.run(&["sso", "list", "--tenant", "ACME Corp"]);
    out.assert_code(2);
    assert!(
        out.stderr.contains("no access token of tenant ACME Corp"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("tenant create"), "{}", out.stderr);
    // A secret never goes on the command line: there is no flag for it.
    let out = w.run(&["sso", "add", "--client-secret", CLIENT_SECRET]);
    out.assert_code(2);
}
