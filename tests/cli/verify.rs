//! `verify` and the end of `install`: the checks against a fake 3scale on loopback, reached the
//! ways a user reaches one (a CONNECT proxy named by HTTPS_PROXY, --ca-file, --resolve).

use crate::support::TestEnv;
use base64::Engine;
use fake_3scale::{Config, Fault, Proxy, Server, When};
use serde_json::Value;

const DOMAIN: &str = "apps.cluster.example.com";

/// An installed project of the fake cluster, and a fake 3scale holding its tokens.
fn installed() -> (TestEnv, Server, Proxy) {
    let env = TestEnv::new();
    env.run(&["--yes", "--wildcard-domain", DOMAIN])
        .assert_code(0);
    let seed = env
        .object("3scale-apim", "Secret", "system-seed")
        .expect("system-seed");
    let value = |k: &str| {
        let b64 = seed["data"][k]
            .as_str()
            .unwrap_or_else(|| panic!("system-seed has {k}"));
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(b64)
                .unwrap(),
        )
        .unwrap()
    };
    let server = Server::start(
        Config::new(DOMAIN)
            .admin_access_token(&value("ADMIN_ACCESS_TOKEN"))
            .master_access_token(&value("MASTER_ACCESS_TOKEN")),
    );
    let proxy = Proxy::start(server.port());
    (env, server, proxy)
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn verify(env: &TestEnv, server: &Server, proxy: Option<&Proxy>, extra: &[&str]) -> Out {
    let mut args = vec!["verify", "-o", "json"];
    let ca = server.ca_pem_path().display().to_string();
    if !extra.contains(&"--insecure-skip-tls-verify") && !extra.contains(&"--no-ca") {
        args.extend(["--ca-file", ca.as_str()]);
    }
    args.extend(extra.iter().filter(|a| **a != "--no-ca"));
    let mut cmd = env.command(&args);
    match proxy {
        Some(p) => cmd.env("HTTPS_PROXY", p.url()).env("NO_PROXY", ""),
        None => cmd.env_remove("HTTPS_PROXY"),
    };
    let out = cmd.stdin(std::process::Stdio::null()).output().unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn checks(out: &Out) -> Vec<(String, String, String)> {
    let doc: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", out.stdout, out.stderr));
    doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["result"].as_str().unwrap().to_string(),
                format!(
                    "{} {}",
                    c["detail"].as_str().unwrap_or(""),
                    c["help"].as_str().unwrap_or("")
                ),
            )
        })
        .collect()
}

fn result_of<'a>(checks: &'a [(String, String, String)], id: &str) -> &'a (String, String, String) {
    checks
        .iter()
        .find(|c| c.0 == id)
        .unwrap_or_else(|| panic!("no check {id}: {checks:?}"))
}

#[test]
fn every_check_passes_through_a_proxy_and_no_token_is_in_a_url() {
    let (env, server, proxy) = installed();
    let out = verify(&env, &server, Some(&proxy), &[]);
    let checks = checks(&out);
    let ids: Vec<&str> = checks.iter().map(|c| c.0.as_str()).collect();
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
    assert!(
        checks.iter().all(|c| c.1 == "ok"),
        "{checks:#?}\n{}",
        out.stderr
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        result_of(&checks, "dns")
            .2
            .contains("resolved by the proxy"),
        "{checks:?}"
    );
    assert!(
        result_of(&checks, "account-management-api")
            .2
            .contains("API"),
        "{checks:?}"
    );
    assert!(
        server.requests_with_credentials_in_url().is_empty(),
        "a token went into a URL"
    );
    let admin = format!("3scale-admin.{DOMAIN}:443");
    assert!(
        proxy.connect_targets().contains(&admin),
        "{:?}",
        proxy.connect_targets()
    );
    // The requests carried the tokens in basic auth, and the transcript shows none of them.
    assert!(server
        .requests()
        .iter()
        .any(|r| r.authorization_scheme.as_deref() == Some("Basic")));
    let transcript = std::fs::read_to_string(
        env.root()
            .join("state/threescale-install/api.crc.testing-6443/3scale-apim/transcript.log"),
    )
    .unwrap();
    for token in [
        &server.config().admin_access_token,
        &server.config().master_access_token,
    ] {
        assert!(
            !transcript.contains(token.as_str())
                && !out.stdout.contains(token.as_str())
                && !out.stderr.contains(token.as_str())
        );
    }
    assert!(
        transcript
            .contains("GET https://3scale-admin.apps.cluster.example.com/admin/api/services.json"),
        "requests are in the transcript"
    );
}

#[test]
fn names_that_do_not_resolve_are_named_with_the_wildcard_record_and_resolve_hint() {
    let (env, server, _proxy) = installed();
    let out = verify(&env, &server, None, &[]);
    assert_eq!(out.code, 6, "installed but not answering: {}", out.stderr);
    let checks = checks(&out);
    let dns = result_of(&checks, "dns");
    assert_eq!(dns.1, "fail");
    assert!(
        dns.2
            .contains(&format!("3scale-admin.{DOMAIN}: does not resolve"))
            && dns.2.contains(&format!("*.{DOMAIN}"))
            && dns.2.contains("--resolve"),
        "{dns:?}"
    );
    assert!(
        result_of(&checks, "admin-portal").2.contains("not tried"),
        "{checks:?}"
    );
}

#[test]
fn an_untrusted_certificate_names_its_issuer_and_the_options() {
    let (env, server, proxy) = installed();
    let out = verify(&env, &server, Some(&proxy), &["--no-ca"]);
    assert_eq!(out.code, 6, "{}", out.stderr);
    let found = checks(&out);
    let tls = result_of(&found, "tls");
    assert_eq!(tls.1, "fail", "{found:?}");
    assert!(
        tls.2.contains("issuer")
            && tls.2.contains("--ca-file")
            && tls.2.contains("--insecure-skip-tls-verify"),
        "{tls:?}"
    );

    let out = verify(&env, &server, Some(&proxy), &["--insecure-skip-tls-verify"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(result_of(&checks(&out), "tls").1, "warn");
}

#[test]
fn refused_tokens_and_broken_answers_are_failures_with_the_evidence() {
    let (env, server, proxy) = installed();
    server.set_fault(When::path("/admin/api/services.json"), Fault::WrongScope);
    server.set_fault(When::path("/admin/api/accounts.json"), Fault::Html);
    server.set_fault(When::path("/p/login"), Fault::ServerError);
    let out = verify(&env, &server, Some(&proxy), &[]);
    assert_eq!(out.code, 6, "{}", out.stderr);
    let checks = checks(&out);
    let am = result_of(&checks, "account-management-api");
    assert!(
        am.1 == "fail" && am.2.contains("403") && am.2.contains("ADMIN_ACCESS_TOKEN"),
        "{am:?}"
    );
    let master = result_of(&checks, "master-api");
    assert!(
        master.1 == "fail" && master.2.contains("HTML instead of JSON"),
        "{master:?}"
    );
    let portal = result_of(&checks, "admin-portal");
    assert!(
        portal.1 == "fail" && portal.2.contains("500") && portal.2.contains("system-app"),
        "{portal:?}"
    );
    assert!(out.stderr.contains("does not answer"), "{}", out.stderr);
}

#[test]
fn truncated_huge_and_looping_answers_are_errors_not_panics() {
    let (env, server, proxy) = installed();
    server.set_fault(When::path("/admin/api/services.json"), Fault::Truncated);
    server.set_fault(When::path("/admin/api/accounts.json"), Fault::huge());
    server.set_fault(When::path("/"), Fault::RedirectLoop);
    let out = verify(&env, &server, Some(&proxy), &[]);
    assert_eq!(out.code, 6, "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let checks = checks(&out);
    assert!(
        result_of(&checks, "account-management-api")
            .2
            .contains("cut short"),
        "{checks:?}"
    );
    assert!(
        result_of(&checks, "master-api").2.contains("larger than"),
        "{checks:?}"
    );
    assert_eq!(
        result_of(&checks, "developer-portal").1,
        "fail",
        "{checks:?}"
    );
}

#[test]
fn resolve_points_the_names_at_an_address_where_port_443_can_be_had() {
    let env = TestEnv::new();
    env.run(&["--yes", "--wildcard-domain", DOMAIN])
        .assert_code(0);
    let seed = env.object("3scale-apim", "Secret", "system-seed").unwrap();
    let value = |k: &str| {
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(seed["data"][k].as_str().unwrap())
                .unwrap(),
        )
        .unwrap()
    };
    let mut config = Config::new(DOMAIN)
        .admin_access_token(&value("ADMIN_ACCESS_TOKEN"))
        .master_access_token(&value("MASTER_ACCESS_TOKEN"));
    config.port = 443;
    let Ok(server) = std::panic::catch_unwind(|| Server::start(config)) else {
        eprintln!("skipped: port 443 cannot be bound here (not root)");
        return;
    };
    let resolve = [
        format!("3scale-admin.{DOMAIN}:127.0.0.1"),
        format!("3scale.{DOMAIN}:127.0.0.1"),
        format!("master.{DOMAIN}:127.0.0.1"),
    ];
    let mut extra = Vec::new();
    for r in &resolve {
        extra.extend(["--resolve", r.as_str()]);
    }
    let out = verify(&env, &server, None, &extra);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(result_of(&checks(&out), "dns").2.contains("(--resolve)"));
}

#[test]
fn install_ends_with_the_checks_and_no_verify_skips_them() {
    let (env, server, proxy) = installed();
    // The install is complete: a re-run only verifies, and fails when 3scale does not answer.
    let mut cmd = env.command(&[
        "--yes",
        "-o",
        "json",
        "--ca-file",
        &server.ca_pem_path().display().to_string(),
    ]);
    cmd.env_remove("THREESCALE_NO_VERIFY")
        .env("HTTPS_PROXY", proxy.url())
        .env("NO_PROXY", "");
    let ok = cmd.stdin(std::process::Stdio::null()).output().unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let doc: Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(doc["verify"].as_array().map(Vec::len), Some(7));

    server.set_fault(When::path("/p/login"), Fault::RouterUnavailable);
    let mut cmd = env.command(&[
        "--yes",
        "--ca-file",
        &server.ca_pem_path().display().to_string(),
    ]);
    cmd.env_remove("THREESCALE_NO_VERIFY")
        .env("HTTPS_PROXY", proxy.url())
        .env("NO_PROXY", "");
    let failed = cmd.stdin(std::process::Stdio::null()).output().unwrap();
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(failed.status.code(), Some(6), "{stderr}");
    assert!(
        String::from_utf8_lossy(&failed.stdout).contains("is installed in project"),
        "the summary is printed all the same"
    );
    assert!(
        stderr.contains("admin-portal") && stderr.contains("router"),
        "{stderr}"
    );

    let mut cmd = env.command(&["--yes", "--no-verify"]);
    cmd.env_remove("THREESCALE_NO_VERIFY");
    assert_eq!(
        cmd.stdin(std::process::Stdio::null())
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
}

/// The cluster publishes `pem` in `openshift-config-managed/NAME` (key `ca-bundle.crt`), as the
/// ingress operator (`default-ingress-cert`) and the authentication operator
/// (`oauth-serving-cert`) do.
fn publish_ca(env: &TestEnv, name: &str, pem: &[u8]) {
    let pem = String::from_utf8(pem.to_vec()).unwrap();
    env.cluster(|s| {
        let project = &mut s["projects"]["openshift-config-managed"];
        if project.is_null() {
            *project =
                serde_json::json!({"display_name": "", "requester": "system:admin", "objects": []});
        }
        project["objects"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": name, "namespace": "openshift-config-managed"},
                "data": {"ca-bundle.crt": pem}
            }));
    });
}

#[test]
fn the_cluster_s_ingress_ca_is_trusted_for_its_hosts_when_it_may_be_read() {
    let (env, server, proxy) = installed();
    publish_ca(&env, "default-ingress-cert", server.ca_pem());
    // A cluster admin may read default-ingress-cert: no --ca-file needed.
    env.cluster(|s| s["cluster_admin"] = serde_json::json!(true));
    let out = verify(&env, &server, Some(&proxy), &["--no-ca"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let tls = result_of(&checks(&out), "tls").clone();
    assert!(
        tls.2.contains("with the cluster's ingress CA from openshift-config-managed/default-ingress-cert, trusted for the hosts under apps.cluster.example.com"),
        "{tls:?}"
    );

    // A developer may not: today's hint, and why the cluster's CA was not used.
    env.cluster(|s| s["cluster_admin"] = serde_json::json!(false));
    let out = verify(&env, &server, Some(&proxy), &["--no-ca"]);
    assert_eq!(out.code, 6, "{}", out.stderr);
    let tls = result_of(&checks(&out), "tls").clone();
    assert_eq!(tls.1, "fail");
    assert!(
        tls.2.contains("the cluster's ingress CA was not used: you may not read openshift-config-managed/default-ingress-cert; openshift-config-managed/oauth-serving-cert does not exist")
            && tls.2.contains("--ca-file"),
        "{tls:?}"
    );
    // --ca-file keeps its meaning.
    let out = verify(&env, &server, Some(&proxy), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);

    // oauth-serving-cert, which every user may read, carries the same chain by default.
    publish_ca(&env, "oauth-serving-cert", server.ca_pem());
    let out = verify(&env, &server, Some(&proxy), &["--no-ca"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        result_of(&checks(&out), "tls")
            .2
            .contains("openshift-config-managed/oauth-serving-cert"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_cluster_s_ingress_ca_is_trusted_for_hosts_under_its_apps_domain_only() {
    let (env, server, proxy) = installed();
    publish_ca(&env, "default-ingress-cert", server.ca_pem());
    env.cluster(|s| {
        s["cluster_admin"] = serde_json::json!(true);
        s["ingress_domain"] = serde_json::json!("apps.other.example.com");
    });
    let out = verify(&env, &server, Some(&proxy), &["--no-ca"]);
    assert_eq!(out.code, 6, "{}", out.stderr);
    let tls = result_of(&checks(&out), "tls").clone();
    assert!(
        tls.2
            .contains("is trusted for the hosts under apps.other.example.com only"),
        "{tls:?}"
    );
}
