//! `gateway add | list | status | remove` against the fake oc and a fake 3scale (reached through
//! its CONNECT proxy with its CA, as a user behind a proxy with a private CA reaches 3scale).

use crate::support::{TestEnv, PASSWORD, USERNAME};
use base64::Engine;
use fake_3scale::{Config, Environment, Fault, Permission, Product, Proxy, Server, When};
use serde_json::{json, Value};

const DOMAIN: &str = "apps.cluster.example.com";
const ADMIN: &str = "3scale-admin.apps.cluster.example.com";
const GW: &str = "apicast-eu";
const HOST: &str = "api.eu.example.com";
const TOKEN_NAME: &str =
    "threescale-install gateway apicast-eu in apicast-eu on api.crc.testing:6443";

fn unb64(v: &Value) -> String {
    String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap())
            .unwrap(),
    )
    .unwrap()
}

/// An installed 3scale on the fake cluster (whose new projects get their service accounts), a
/// fake 3scale holding the install's tokens with a hosted product and a self-managed one served
/// on HOST, and the environment that reaches it through the proxy. The registry login is not in
/// the environment: the gateway takes the install's.
pub(crate) struct Gw {
    pub(crate) env: TestEnv,
    pub(crate) server: Server,
    _proxy: Proxy,
}

pub(crate) fn installed() -> Gw {
    let env = TestEnv::new();
    env.run(&["--yes", "--wildcard-domain", DOMAIN])
        .assert_code(0);
    // Projects get their service accounts moments after they are made, as on a real cluster.
    env.cluster(|s| s["service_account_controller"] = json!(true));
    let seed = env.object("3scale-apim", "Secret", "system-seed").unwrap();
    let server = Server::start(
        Config::new(DOMAIN)
            .admin_access_token(&unb64(&seed["data"]["ADMIN_ACCESS_TOKEN"]))
            .master_access_token(&unb64(&seed["data"]["MASTER_ACCESS_TOKEN"]))
            .products(vec![
                Product::new("API").system_name("api"),
                Product::new("EU Shop")
                    .system_name("eu_shop")
                    .self_managed(
                        &format!("https://{HOST}:443"),
                        "https://api-staging.eu.example.com:443",
                    )
                    .promoted(&[Environment::Staging, Environment::Production]),
            ]),
    );
    let proxy = Proxy::start(server.port());
    env.clear_calls();
    let env = env
        .without_env("THREESCALE_NO_VERIFY")
        .without_env("THREESCALE_REGISTRY_USERNAME")
        .without_env("THREESCALE_REGISTRY_PASSWORD")
        .env("HTTPS_PROXY", &proxy.url())
        .env("NO_PROXY", "")
        .env("THREESCALE_CA_FILE", server.ca_pem_path().to_str().unwrap());
    Gw {
        env,
        server,
        _proxy: proxy,
    }
}

pub(crate) const ADD: &[&str] = &["gateway", "add", "--name", GW, "--host", HOST, "--yes"];

impl Gw {
    fn minted(&self) -> Vec<fake_3scale::AccessToken> {
        self.server
            .tokens()
            .into_iter()
            .filter(|t| t.name == TOKEN_NAME)
            .collect()
    }

    fn endpoint(&self, project: &str, name: &str) -> String {
        let s = self
            .env
            .object(project, "Secret", &format!("{name}-portal-endpoint"))
            .expect("the portal-endpoint secret");
        unb64(&s["data"]["password"])
    }

    /// No token or password 3scale knows, nor the registry password, in any oc argv, in the
    /// transcripts and records, or in what the runs printed.
    #[track_caller]
    fn assert_no_leak(&self, runs: &[&crate::support::Run]) {
        let mut secrets = self.server.secret_values();
        secrets.push(PASSWORD.to_string());
        let argv: Vec<String> = self
            .env
            .calls()
            .iter()
            .map(|c| c["argv"].to_string())
            .collect();
        let mut files = Vec::new();
        let mut stack = vec![self.env.root().join("state")];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.file_name().is_some_and(|n| n != "credentials.yaml") {
                    files.push((p.clone(), std::fs::read_to_string(&p).unwrap_or_default()));
                }
            }
        }
        let b64 = base64::engine::general_purpose::STANDARD;
        for s in secrets.iter().filter(|s| s.len() >= 6) {
            for a in &argv {
                assert!(!a.contains(s.as_str()), "a secret in oc's argv: {a}");
            }
            for (p, text) in &files {
                assert!(
                    !text.contains(s.as_str()) && !text.contains(&b64.encode(s)),
                    "a secret in {}",
                    p.display()
                );
            }
            for r in runs {
                assert!(
                    !r.stdout.contains(s.as_str()) && !r.stderr.contains(s.as_str()),
                    "a secret in the output:\n{}\n{}",
                    r.stdout,
                    r.stderr
                );
            }
        }
        assert!(
            self.server.requests_with_credentials_in_url().is_empty(),
            "a token in a URL"
        );
    }
}

#[test]
fn add_mints_a_read_only_token_and_makes_the_gateway_from_the_templates() {
    let g = installed();
    let run = g.env.run(&[ADD, &["-o", "json"]].concat());
    run.assert_code(0);
    assert_one_read_only_token_kept_in_the_secret(&g);
    assert_the_installs_pull_secret_linked_for_pulls(&g);
    assert_the_template_objects_serve_production(&g);

    // The summary: ready, the next step, the products that no host of the gateway serves.
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["state"], "ready");
    assert_eq!(doc["access_token"]["minted"], true);
    let unmatched: Vec<&str> = doc["unmatched_products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(unmatched, ["API"], "EU Shop is served on {HOST}");

    assert_secrets_and_the_template_go_on_stdin(&g);
    g.assert_no_leak(&[&run]);
}

/// One token, read-only, scope account_management, named after the gateway, in its secret as
/// THREESCALE_PORTAL_ENDPOINT and nowhere else.
#[track_caller]
fn assert_one_read_only_token_kept_in_the_secret(g: &Gw) {
    let minted = g.minted();
    assert_eq!(minted.len(), 1, "{:?}", g.server.tokens());
    assert_eq!(minted[0].permission, Permission::Ro);
    assert_eq!(minted[0].scopes, ["account_management"]);
    assert_eq!(
        g.endpoint(GW, GW),
        format!("https://{}@{ADMIN}", minted[0].value)
    );
    let secret = g
        .env
        .object(GW, "Secret", "apicast-eu-portal-endpoint")
        .unwrap();
    assert_eq!(secret["type"], "kubernetes.io/basic-auth");
    assert_eq!(
        secret["metadata"]["annotations"]["threescale-install/access-token-id"],
        minted[0].id.to_string()
    );
}

/// The pull secret: the install's login, linked to `default` for pulls beside the internal
/// registry's own pull secret, which stays.
#[track_caller]
fn assert_the_installs_pull_secret_linked_for_pulls(g: &Gw) {
    let pull = g
        .env
        .object(GW, "Secret", "threescale-registry-auth")
        .unwrap();
    let install_pull = g
        .env
        .object("3scale-apim", "Secret", "threescale-registry-auth")
        .unwrap();
    assert_eq!(pull["data"], install_pull["data"]);
    let sa = g.env.object(GW, "ServiceAccount", "default").unwrap();
    let pulls: Vec<&str> = sa["imagePullSecrets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert!(pulls.contains(&"threescale-registry-auth"), "{pulls:?}");
    assert!(
        pulls.iter().any(|p| p.starts_with("default-dockercfg-")),
        "{pulls:?}"
    );
}

/// The template's objects, groupified, labelled, with production's loader and cache, and the
/// edge route of the host.
#[track_caller]
fn assert_the_template_objects_serve_production(g: &Gw) {
    let dc = g.env.object(GW, "DeploymentConfig", GW).unwrap();
    assert_eq!(dc["apiVersion"], "apps.openshift.io/v1");
    assert_eq!(dc["metadata"]["labels"]["threescale-install/gateway"], GW);
    assert_eq!(
        dc["metadata"]["labels"]["threescale-install/environment"],
        "production"
    );
    let env_of = |name: &str| {
        dc["spec"]["template"]["spec"]["containers"][0]["env"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .cloned()
            .unwrap()
    };
    assert_eq!(env_of("APICAST_CONFIGURATION_LOADER")["value"], "boot");
    assert_eq!(env_of("APICAST_CONFIGURATION_CACHE")["value"], "300");
    assert_eq!(env_of("THREESCALE_DEPLOYMENT_ENV")["value"], "production");
    assert_eq!(
        env_of("THREESCALE_PORTAL_ENDPOINT")["valueFrom"]["secretKeyRef"]["name"],
        "apicast-eu-portal-endpoint"
    );
    assert!(g.env.object(GW, "Service", GW).is_some());
    let route = g
        .env
        .object(GW, "Route", "apicast-eu-api-eu-example-com")
        .unwrap();
    assert_eq!(route["spec"]["host"], HOST);
    assert_eq!(route["spec"]["tls"]["termination"], "edge");
    assert_eq!(route["spec"]["port"]["targetPort"], "proxy");
}

/// The commands: the secrets on stdin, the template on stdin, nothing secret on argv.
#[track_caller]
fn assert_secrets_and_the_template_go_on_stdin(g: &Gw) {
    let mutating = g.env.mutating_commands();
    assert_eq!(
        mutating,
        [
            "oc new-project apicast-eu '--display-name=APIcast gateway apicast-eu' --skip-config-write --request-timeout=60s",
            "oc create -f - -n apicast-eu --request-timeout=60s",
            "oc create -f - -n apicast-eu --request-timeout=60s",
            "oc create -f - -n apicast-eu --request-timeout=60s",
            "oc create -f - -n apicast-eu --request-timeout=60s",
            "oc create -f - -n apicast-eu --request-timeout=60s",
        ]
        .iter()
        .map(|s| s.replace('\'', ""))
        .collect::<Vec<_>>(),
        "pull secret, portal endpoint, service, deployment config, route"
    );
    assert!(g.env.commands().iter().any(|c| c
        .starts_with("oc secrets link default threescale-registry-auth --for=pull -n apicast-eu")));
    assert!(g.env.commands().iter().any(|c| c.starts_with(
        "oc process -f - -p APICAST_NAME=apicast-eu -p DEPLOYMENT_ENVIRONMENT=production"
    )));
}

#[test]
fn a_rerun_without_flags_changes_nothing_and_mints_nothing() {
    let g = installed();
    g.env.run(ADD).assert_code(0);
    let tokens = g.server.tokens().len();
    g.env.clear_calls();
    let run = g.env.run(&["gateway", "add", "--name", GW, "--yes"]);
    run.assert_code(0);
    assert!(
        g.env.mutating_commands().is_empty(),
        "{:?}",
        g.env.mutating_commands()
    );
    assert_eq!(g.server.tokens().len(), tokens, "no token minted again");
    assert!(run.stderr.contains("nothing to change"), "{}", run.stderr);
    assert!(
        run.stdout.contains("Gateway apicast-eu is ready in project apicast-eu (production: loader boot, cache 300 s)")
            && run.stdout.contains(&format!("https://{HOST}")),
        "{}",
        run.stdout
    );
    g.assert_no_leak(&[&run]);
}

#[test]
fn staging_loads_lazily_without_cache_and_flags_override_the_defaults() {
    let g = installed();
    g.env
        .run(&[
            "gateway",
            "add",
            "--name",
            "apicast-staging-eu",
            "--environment",
            "staging",
            "--host",
            "staging.eu.example.com",
            "--yes",
        ])
        .assert_code(0);
    let dc = g
        .env
        .object(
            "apicast-staging-eu",
            "DeploymentConfig",
            "apicast-staging-eu",
        )
        .unwrap();
    let text = dc["spec"]["template"]["spec"]["containers"][0]["env"].to_string();
    assert!(
        text.contains(r#"{"name":"APICAST_CONFIGURATION_LOADER","value":"lazy"}"#)
            && text.contains(r#"{"name":"APICAST_CONFIGURATION_CACHE","value":"0"}"#)
            && text.contains(r#"{"name":"THREESCALE_DEPLOYMENT_ENV","value":"staging"}"#),
        "{text}"
    );
    g.env
        .run(&[
            "gateway",
            "add",
            "--name",
            "gw3",
            "--host",
            "gw3.example.com",
            "--project",
            "shared",
            "--configuration-loader",
            "lazy",
            "--configuration-cache",
            "120",
            "--yes",
        ])
        .assert_code(0);
    let text = g.env.object("shared", "DeploymentConfig", "gw3").unwrap()["spec"].to_string();
    assert!(
        text.contains(r#""value":"lazy""#) && text.contains(r#""value":"120""#),
        "{text}"
    );
    // Changing a gateway in place is refused, naming the value and how to go on.
    let run = g.env.run(&[
        "gateway",
        "add",
        "--name",
        "gw3",
        "--project",
        "shared",
        "--environment",
        "staging",
        "--yes",
    ]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("exists with environment production; staging (from --environment) differs")
            && run.stderr.contains("gateway remove gw3"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_and_bad_values_are_all_reported_before_anything_changes() {
    let g = installed();
    let run = g.env.run(&["gateway", "add", "--yes"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("the gateway's name: --name, env THREESCALE_GATEWAY_NAME, answers-file key `gateway.name`")
            && run.stderr.contains("--host, env THREESCALE_GATEWAY_HOSTS, answers-file key `gateway.hosts`"),
        "{}",
        run.stderr
    );
    let run = g.env.run(&[
        "gateway",
        "add",
        "--name",
        "Bad_Name",
        "--host",
        "https://x.example.com",
        "--configuration-loader",
        "boot",
        "--configuration-cache",
        "0",
        "--yes",
    ]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("3 problem(s)") && run.stderr.contains("'Bad_Name' (from --name)"),
        "{}",
        run.stderr
    );
    let run = g.env.run(&[
        "gateway",
        "add",
        "--name",
        "openshift-gw",
        "--host",
        HOST,
        "--yes",
    ]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("would go to project openshift-gw (named after it)")
            && run.stderr.contains("--project"),
        "{}",
        run.stderr
    );
    // Without a host, once the install and 3scale were read: one list, with the ways to give it.
    let run = g.env.run(&["gateway", "add", "--name", GW, "--yes"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("needed and not given: a public host"),
        "{}",
        run.stderr
    );
    assert!(
        g.env.mutating_commands().is_empty(),
        "{:?}",
        g.env.mutating_commands()
    );
    assert!(g.minted().is_empty());
}

#[test]
fn a_token_given_is_checked_first_and_a_refused_one_stops_before_any_change() {
    let g = installed();
    let run = g
        .env
        .command(ADD)
        .env(
            "THREESCALE_ACCESS_TOKEN",
            "0123456789abcdef0123456789abcdef",
        )
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the access token (from environment variable THREESCALE_ACCESS_TOKEN) is refused by 3scale")
            && stderr.contains("Access denied")
            && !stderr.contains("0123456789abcdef0123456789abcdef"),
        "{stderr}"
    );
    assert!(g.env.mutating_commands().is_empty());

    // A working token from stdin: kept, not minted; the secret holds it.
    let admin_id = g.server.with_state(|s| {
        let account = s.tenant("3scale").unwrap().id;
        s.user_by_username(account, "admin").unwrap().id
    });
    let token = g.server.with_state(|s| {
        s.create_token(
            admin_id,
            "ops gateway token",
            Permission::Ro,
            &["account_management".into()],
        )
        .value
        .clone()
    });
    let run = g.env.run_with_stdin(
        &[ADD, &["--access-token-stdin"]].concat(),
        Some(&format!("{token}\n")),
    );
    run.assert_code(0);
    assert!(g.minted().is_empty(), "nothing minted");
    assert_eq!(g.endpoint(GW, GW), format!("https://{token}@{ADMIN}"));
    assert!(
        run.stdout.contains("Access token   the one given"),
        "{}",
        run.stdout
    );
    g.assert_no_leak(&[&run]);

    // remove keeps a token it did not mint.
    let run = g.env.run(&["gateway", "remove", GW, "--yes"]);
    run.assert_code(0);
    assert!(g.server.tokens().iter().any(|t| t.value == token));
    assert!(run.stdout.contains("given, not minted"), "{}", run.stdout);
}

#[test]
fn a_revoked_minted_token_is_replaced_on_the_next_run() {
    let g = installed();
    g.env.run(ADD).assert_code(0);
    let first = g.minted()[0].clone();
    g.server.with_state(|s| s.revoke_token(first.id));
    let status = g.env.run(&["gateway", "status", GW, "-o", "json"]);
    status.assert_code(0);
    let doc: Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(doc["gateways"][0]["token"]["works"], false, "{doc}");
    assert!(doc["gateways"][0]["token"]["detail"]
        .as_str()
        .unwrap()
        .contains("403"));

    let run = g.env.run(&["gateway", "add", "--name", GW, "--yes"]);
    run.assert_code(0);
    let now = g.minted();
    assert_eq!(now.len(), 1);
    assert_ne!(now[0].id, first.id);
    assert_eq!(
        g.endpoint(GW, GW),
        format!("https://{}@{ADMIN}", now[0].value)
    );
    assert!(
        run.stderr.contains("is refused") && run.stderr.contains("another is minted"),
        "{}",
        run.stderr
    );
    g.assert_no_leak(&[&run, &status]);
}

#[test]
fn list_and_status_show_each_gateway_its_routes_readiness_and_token() {
    let g = installed();
    g.env.run(ADD).assert_code(0);
    g.env
        .run(&[
            "gateway",
            "add",
            "--name",
            "gw2",
            "--host",
            "gw2.example.com",
            "--environment",
            "staging",
            "--yes",
        ])
        .assert_code(0);
    let list = assert_listed_project_by_project(&g);
    assert_listed_in_one_call_for_a_cluster_admin(&g);

    let status = g.env.run(&["gateway", "status", GW, "-o", "json"]);
    status.assert_code(0);
    let doc: Value = serde_json::from_str(&status.stdout).unwrap();
    let gw = &doc["gateways"][0];
    assert_eq!(
        (
            gw["name"].as_str(),
            gw["ready"].as_bool(),
            gw["token"]["works"].as_bool(),
            gw["token"]["minted"].as_bool()
        ),
        (Some(GW), Some(true), Some(true), Some(true))
    );
    assert_eq!(
        gw["routes"][0],
        json!({"host": HOST, "route": "apicast-eu-api-eu-example-com", "admitted": true})
    );
    assert_eq!(gw["portal"]["host"], ADMIN);

    // A gateway that does not roll out: status says why.
    g.env
        .cluster(|s| s["rollout_overrides"] = json!({"gw2": "image-pull-backoff"}));
    let status = g.env.run(&["gateway", "status", "gw2"]);
    status.assert_code(0);
    assert!(
        status.stdout.contains("Root cause   (image-pull-failed)")
            && status.stdout.contains("oc secrets link default"),
        "{}",
        status.stdout
    );
    let missing = g.env.run(&["gateway", "status", "nosuch"]);
    missing.assert_code(2);
    assert!(
        missing.stderr.contains("no gateway nosuch"),
        "{}",
        missing.stderr
    );
    g.assert_no_leak(&[&list, &status]);
}

/// `gateway list` of a user who is not a cluster reader: a row per gateway, every project looked
/// at one by one.
#[track_caller]
fn assert_listed_project_by_project(g: &Gw) -> crate::support::Run {
    let list = g.env.run(&["gateway", "list"]);
    list.assert_code(0);
    let lines: Vec<&str> = list.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", list.stdout);
    assert!(lines[0].starts_with("GATEWAY"), "{}", list.stdout);
    assert!(
        lines[1].contains("apicast-eu")
            && lines[1].contains("production")
            && lines[1].contains("ready")
            && lines[1].contains("works")
            && lines[1].contains(&format!("https://{HOST}")),
        "{}",
        list.stdout
    );
    assert!(
        lines[2].starts_with("gw2 ") && lines[2].contains("staging"),
        "{}",
        list.stdout
    );
    assert!(
        list.stderr.contains("the projects you can see"),
        "{}",
        list.stderr
    );
    list
}

/// A cluster admin's list is one call for every project.
#[track_caller]
fn assert_listed_in_one_call_for_a_cluster_admin(g: &Gw) {
    g.env.cluster(|s| s["cluster_admin"] = json!(true));
    g.env.clear_calls();
    let everywhere = g.env.run(&["gateway", "list", "-o", "json"]);
    everywhere.assert_code(0);
    let doc: Value = serde_json::from_str(&everywhere.stdout).unwrap();
    assert_eq!(doc["searched"], "every project");
    assert_eq!(doc["gateways"].as_array().unwrap().len(), 2);
    assert!(
        g.env
            .commands()
            .iter()
            .any(|c| c.contains("--all-namespaces")),
        "{:?}",
        g.env.commands()
    );
    g.env.cluster(|s| s["cluster_admin"] = json!(false));
}

#[test]
fn remove_deletes_what_add_made_and_revokes_its_token() {
    let g = installed();
    g.env.run(ADD).assert_code(0);
    let minted = g.minted()[0].clone();
    let before: Vec<String> = g
        .env
        .objects(GW)
        .iter()
        .map(|o| format!("{}/{}", o["kind"], o["metadata"]["name"]))
        .collect();
    assert!(before.len() > 3, "{before:?}");

    let refused = g.env.run(&["gateway", "remove", GW]);
    refused.assert_code(2);
    assert!(refused.stderr.contains("--yes"), "{}", refused.stderr);

    let run = g.env.run(&["gateway", "remove", GW, "--yes"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("project apicast-eu is kept: it may hold more than this gateway; `oc delete project apicast-eu` removes it"),
        "{}",
        run.stdout
    );
    let left: Vec<String> = g
        .env
        .objects(GW)
        .iter()
        .filter(|o| !crate::support::made_by_openshift(o))
        .map(|o| {
            format!(
                "{}/{}",
                o["kind"].as_str().unwrap(),
                o["metadata"]["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        left,
        Vec::<String>::new(),
        "only what OpenShift made is left"
    );
    let sa = g.env.object(GW, "ServiceAccount", "default").unwrap();
    let pulls: Vec<&str> = sa["imagePullSecrets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert!(
        !pulls.contains(&"threescale-registry-auth"),
        "unlinked: {pulls:?}"
    );
    assert!(g.minted().is_empty());
    assert!(g.server.revoked_tokens().iter().any(|t| t.id == minted.id));
    // The install is untouched.
    assert!(g
        .env
        .object("3scale-apim", "Secret", "threescale-registry-auth")
        .is_some());
    let again = g.env.run(&["gateway", "remove", GW, "--yes"]);
    again.assert_code(2);
    assert!(
        again.stderr.contains("no gateway apicast-eu"),
        "{}",
        again.stderr
    );
    g.assert_no_leak(&[&run]);
}

#[test]
fn a_gateway_in_the_installs_project_leaves_the_installs_pull_secret_alone() {
    let g = installed();
    g.env
        .run(&[
            "gateway",
            "add",
            "--name",
            "gw-local",
            "--host",
            "local.example.com",
            "--project",
            "3scale-apim",
            "--yes",
        ])
        .assert_code(0);
    assert!(
        !g.env
            .mutating_commands()
            .iter()
            .any(|c| c.starts_with("oc replace")),
        "the install's pull secret is kept"
    );
    let run = g.env.run(&[
        "gateway",
        "remove",
        "gw-local",
        "--project",
        "3scale-apim",
        "--yes",
    ]);
    run.assert_code(0);
    assert!(g
        .env
        .object("3scale-apim", "Secret", "threescale-registry-auth")
        .is_some());
    assert!(g
        .env
        .object("3scale-apim", "DeploymentConfig", "gw-local")
        .is_none());
    assert!(g
        .env
        .object("3scale-apim", "DeploymentConfig", "system-app")
        .is_some());
    assert!(
        run.stdout.contains("the install in this project uses it"),
        "{}",
        run.stdout
    );
}

#[test]
fn dry_run_shows_the_plan_and_changes_nothing() {
    let g = installed();
    let run = g.env.run(&[ADD, &["--dry-run"]].concat());
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("gateway add apicast-eu would, in project apicast-eu")
            && run.stdout.contains("mint access token")
            && run
                .stdout
                .contains("create edge route apicast-eu-api-eu-example-com"),
        "{}",
        run.stdout
    );
    assert!(g.env.mutating_commands().is_empty());
    assert!(g.minted().is_empty());
}

#[test]
fn objects_of_the_gateways_names_that_are_not_its_own_are_refused() {
    let g = installed();
    let run = g.env.run(&[
        "gateway",
        "add",
        "--name",
        "system-app",
        "--host",
        "p.example.com",
        "--project",
        "3scale-apim",
        "--yes",
    ]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "deploymentconfig/system-app exists in project 3scale-apim and is not part of gateway system-app"
        ),
        "{}",
        run.stderr
    );
    assert!(g.minted().is_empty());
    assert!(g.env.mutating_commands().is_empty());
}

#[test]
fn an_interrupted_add_resumes_without_minting_twice() {
    let g = installed();
    g.env.cluster(|s| s["hang"] = json!(["process"]));
    let mut first = g
        .env
        .command(ADD)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid_file = g.env.root().join("cluster/hung.pid");
    crate::support::events::await_change(
        pid_file.parent().unwrap(),
        "the run reaching the template",
        || pid_file.exists(),
    );
    unsafe { libc::kill(first.id() as i32, libc::SIGINT) };
    assert_eq!(first.wait().unwrap().code(), Some(130));
    assert_eq!(g.minted().len(), 1, "minted before the objects");
    assert!(g
        .env
        .object(GW, "Secret", "apicast-eu-portal-endpoint")
        .is_some());
    assert!(g.env.object(GW, "DeploymentConfig", GW).is_none());

    g.env.cluster(|s| s["hang"] = json!([]));
    g.env.clear_calls();
    let run = g
        .env
        .run(&["gateway", "add", "--name", GW, "--host", HOST, "--yes"]);
    run.assert_code(0);
    assert_eq!(g.minted().len(), 1, "the token of the secret is kept");
    assert_eq!(
        g.env.mutating_commands().len(),
        3,
        "the service, the deployment config, the route: {:?}",
        g.env.mutating_commands()
    );
}

#[test]
fn the_install_on_another_context_is_read_there() {
    let g = installed();
    g.env.cluster(|s| {
        s["contexts"] = json!(["default/api-crc-testing:6443/developer", "portal"]);
    });
    let run = g.env.run(
        &[
            ADD,
            &[
                "--context",
                "default/api-crc-testing:6443/developer",
                "--portal-context",
                "portal",
            ],
        ]
        .concat(),
    );
    run.assert_code(0);
    let commands = g.env.commands();
    assert!(
        commands.iter().any(|c| c.starts_with("oc get ")
            && c.contains(",secrets,")
            && c.contains("-n 3scale-apim")
            && c.contains("--context=portal")),
        "the install is read on the portal's context: {commands:#?}"
    );
    assert!(
        commands
            .iter()
            .filter(|c| c.contains("-n apicast-eu"))
            .all(|c| c.contains("--context=default/api-crc-testing:6443/developer")),
        "{commands:#?}"
    );
    let bad = g.env.run(&[ADD, &["--portal-context", "nosuch"]].concat());
    bad.assert_code(3);
    assert!(
        bad.stderr
            .contains("error: context \"nosuch\" does not exist")
            && bad
                .stderr
                .contains("help: check --kubeconfig (or KUBECONFIG) and --context"),
        "{}",
        bad.stderr
    );
}

#[test]
fn the_admin_portal_unreachable_stops_before_any_change() {
    let g = installed();
    g.server.set_fault(
        When::path("/admin/api/personal/access_tokens.json"),
        Fault::RouterUnavailable,
    );
    let run = g.env.run(ADD);
    run.assert_code(3);
    assert!(
        run.stderr
            .contains("could not list the access tokens on 3scale-admin"),
        "{}",
        run.stderr
    );
    assert!(g.env.mutating_commands().is_empty());
}

#[test]
fn an_explicit_registry_login_is_used_for_the_pull_secret() {
    let g = installed();
    let run = g
        .env
        .command(ADD)
        .env("THREESCALE_REGISTRY_USERNAME", "999|other")
        .env("THREESCALE_REGISTRY_PASSWORD", "another-registry-pw")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pull = g
        .env
        .object(GW, "Secret", "threescale-registry-auth")
        .unwrap();
    let config = unb64(&pull["data"][".dockerconfigjson"]);
    assert!(
        config.contains("999|other") && !config.contains(USERNAME),
        "{config}"
    );
}

#[test]
fn a_password_alone_goes_with_the_installs_registry_user() {
    // The quick start leaves THREESCALE_REGISTRY_PASSWORD exported: a gateway added afterwards
    // has a password and no username, and the install's secret names the user.
    let g = installed();
    let run = g
        .env
        .command(ADD)
        .env("THREESCALE_REGISTRY_PASSWORD", "rotated-registry-pw")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("no pull secret"), "{stderr}");
    let pull = g
        .env
        .object(GW, "Secret", "threescale-registry-auth")
        .unwrap();
    let config = unb64(&pull["data"][".dockerconfigjson"]);
    let auths: Value = serde_json::from_str(&config).unwrap();
    let auth = unb64(&auths["auths"]["registry.redhat.io"]["auth"]);
    assert_eq!(auth, format!("{USERNAME}:rotated-registry-pw"));
}

#[test]
fn in_a_terminal_what_is_missing_is_asked_and_the_changes_confirmed() {
    use crate::support::pty::{Pty, Size, DOWN};
    let g = installed();
    let mut t = Pty::start(&g.env.command(&["gateway", "add"]), Size::WINDOW);
    t.answer("Gateway name", "apicast-eu\r");
    t.answer("Environment", &format!("{DOWN}\r"));
    t.answer("Public host(s)", "api.eu.example.com\r");
    t.answer("Make these changes?", "y\r");
    let code = t.finish();
    assert_eq!(code, 0, "{}", t.output());
    t.assert_terminal_restored();
    let dc = g.env.object(GW, "DeploymentConfig", GW).unwrap();
    assert!(
        dc["spec"]
            .to_string()
            .contains(r#"{"name":"THREESCALE_DEPLOYMENT_ENV","value":"staging"}"#),
        "the environment chosen"
    );
    assert!(g
        .env
        .object(GW, "Route", "apicast-eu-api-eu-example-com")
        .is_some());
}

/// A host another project's route holds is refused before any change, naming the route: the
/// router would never admit the gateway's (HostAlreadyClaimed).
#[test]
fn a_host_another_project_holds_is_refused_before_any_change() {
    let gw = installed();
    // zync's route of the install's production gateway.
    let held = "api-3scale-apicast-production.apps.cluster.example.com";
    gw.env.clear_calls();
    let run = gw
        .env
        .run(&["gateway", "add", "--name", GW, "--host", held, "--yes"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains(&format!("{held} is held by route zync-3scale-api-"))
            && run.stderr.contains("in project 3scale-apim")
            && run.stderr.contains("give the gateway another --host"),
        "{}",
        run.stderr
    );
    assert_eq!(gw.env.mutating_commands(), Vec::<String>::new());
    assert!(gw.minted().is_empty(), "no token was minted");
}
