//! `tenant create | list | show | remove` against an installed project of the fake cluster and a
//! fake 3scale reached through a CONNECT proxy with its CA (--ca-file). The test plays zync: when
//! the fake 3scale signs a tenant up, the fake cluster learns of it and creates its portals'
//! routes a few looks later, with zync's names and labels.

use crate::support::TestEnv;
use base64::Engine;
use fake_3scale::{Account, AccountState, Config, Fault, Proxy, Response, Server, UserState, When};
use serde_json::{json, Value};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const DOMAIN: &str = "apps.cluster.example.com";
const PROJECT: &str = "3scale-apim";
const ORG: &[&str] = &[
    "--org-name",
    "ACME Corp",
    "--admin-username",
    "acme-admin",
    "--admin-email",
    "ops@acme.example",
];

pub(crate) struct World {
    pub(crate) env: TestEnv,
    pub(crate) server: Server,
    proxy: Proxy,
}

pub(crate) struct Out {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Out {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}\n--- stderr\n{}", self.stdout, self.stderr))
    }

    #[track_caller]
    pub(crate) fn assert_code(&self, code: i32) -> &Out {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// An installed project, a fake 3scale with its tokens, and zync played after `looks` looks.
pub(crate) fn world(looks: u64) -> World {
    let env = TestEnv::new();
    env.run(&["--yes", "--wildcard-domain", DOMAIN])
        .assert_code(0);
    let seed = env
        .object(PROJECT, "Secret", "system-seed")
        .expect("system-seed");
    let value = |k: &str| {
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(seed["data"][k].as_str().unwrap())
                .unwrap(),
        )
        .unwrap()
    };
    let server = Server::start(
        Config::new(DOMAIN)
            .admin_access_token(&value("ADMIN_ACCESS_TOKEN"))
            .master_access_token(&value("MASTER_ACCESS_TOKEN")),
    );
    let cluster = env.root().join("cluster");
    server.on_signup(move |account| zync_hears_of(&cluster, account, looks));
    let proxy = Proxy::start(server.port());
    env.clear_calls();
    World { env, server, proxy }
}

/// What porta tells zync of a new provider, as the fake cluster keeps it: its routes are made
/// `looks` looks at the project later. Written under the fake oc's own lock.
fn zync_hears_of(cluster: &Path, account: &Account, looks: u64) {
    use std::os::fd::AsRawFd;
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(cluster.join("state.lock"))
        .unwrap();
    // flock(2), as the fake oc's File::lock takes it; released when `lock` is dropped.
    // SAFETY: flock on a descriptor this function owns.
    assert_eq!(unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) }, 0);
    let path = cluster.join("state.json");
    let mut state: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let entry = json!({
        "namespace": PROJECT,
        "id": account.id,
        "domain": account.domain,
        "admin_domain": account.admin_domain,
        "looks": looks,
    });
    match state["zync_tenants"].as_array_mut() {
        Some(list) => list.push(entry),
        None => state["zync_tenants"] = json!([entry]),
    }
    let tmp = cluster.join("state.json.zync");
    std::fs::write(&tmp, serde_json::to_string_pretty(&state).unwrap()).unwrap();
    std::fs::rename(tmp, path).unwrap();
}

impl World {
    pub(crate) fn run(&self, args: &[&str]) -> Out {
        self.run_with(args, &[])
    }

    fn run_with(&self, args: &[&str], envs: &[(&str, &str)]) -> Out {
        let ca = self.server.ca_pem_path().display().to_string();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--ca-file", &ca]);
        let mut cmd = self.env.command(&all);
        // The harness turns install's end check off; the tenant's own check is wanted here.
        cmd.env("HTTPS_PROXY", self.proxy.url())
            .env("NO_PROXY", "")
            .env_remove("THREESCALE_NO_VERIFY");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let out = cmd.stdin(std::process::Stdio::null()).output().unwrap();
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub(crate) fn create(&self, extra: &[&str]) -> Out {
        let mut args = vec!["tenant", "create", "--yes", "-o", "json"];
        args.extend(ORG);
        args.extend(extra);
        self.run(&args)
    }

    fn state_dir(&self) -> PathBuf {
        self.env
            .root()
            .join("state/threescale-install/api.crc.testing-6443")
            .join(PROJECT)
    }

    fn login_file(&self, subdomain: &str) -> PathBuf {
        self.state_dir()
            .join("tenants")
            .join(format!("{subdomain}.yaml"))
    }

    fn login(&self, subdomain: &str) -> serde_yaml::Value {
        serde_yaml::from_str(&std::fs::read_to_string(self.login_file(subdomain)).unwrap()).unwrap()
    }

    fn transcript(&self) -> String {
        std::fs::read_to_string(self.state_dir().join("transcript.log")).unwrap_or_default()
    }

    /// No password or token of 3scale in any oc argv, request URL, transcript, or output of
    /// `outs` (none is a terminal, and none asked for --show-secrets).
    #[track_caller]
    fn assert_no_secret(&self, outs: &[&Out]) {
        let secrets = self.server.secret_values();
        assert!(secrets.len() > 4, "the fake knows the secrets");
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
                argv.iter()
                    .all(|a| !a.contains(s.as_str()) && !a.contains(&b64)),
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
        assert!(
            self.server.requests_with_credentials_in_url().is_empty(),
            "a credential in a URL"
        );
    }

    fn routes_looks(&self) -> usize {
        self.env
            .commands()
            .iter()
            .filter(|c| {
                c.starts_with(
                    "oc get routes.route.openshift.io -o json -l 3scale.net/created-by=zync",
                )
            })
            .count()
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn create_signs_up_activates_waits_for_zync_and_keeps_the_login() {
    let w = world(2);
    let out = w.create(&[]);
    out.assert_code(0);
    let doc = out.json();
    assert_eq!(doc["created"], true);
    assert_eq!(doc["tenant"]["org_name"], "ACME Corp");
    let admin_host = format!("acme-corp-admin.{DOMAIN}");
    assert_eq!(doc["tenant"]["admin_domain"], admin_host.as_str());
    assert_eq!(doc["admin_portal"], format!("https://{admin_host}"));
    assert_eq!(doc["admin"]["state"], "active");
    assert!(doc["admin"]["password"].is_null() && doc["admin"]["access_token"].is_null());
    assert_eq!(doc["verified"]["ok"], true, "{}", out.stderr);
    let routes = doc["routes"].as_array().unwrap();
    assert_eq!(routes.len(), 2);
    assert!(routes.iter().all(|r| r["admitted"] == true), "{routes:?}");
    assert_eq!(routes[0]["route"], "zync-3scale-provider-t4a");
    // zync made the routes only on the third look: the command waited for them.
    assert!(w.routes_looks() >= 3, "{:#?}", w.env.commands());

    // 3scale: one tenant more, its admin active, with the password and token kept here.
    let state = w.server.state();
    let tenant = state
        .tenants()
        .into_iter()
        .find(|a| a.org_name == "ACME Corp")
        .unwrap();
    let user = state.user_by_username(tenant.id, "acme-admin").unwrap();
    assert_eq!(user.state, UserState::Active);
    let file = w.login_file("acme-corp");
    assert_eq!(doc["credentials_file"], file.display().to_string());
    assert_eq!(mode(&file), 0o600);
    let login = w.login("acme-corp");
    let password = login["admin"]["password"].as_str().unwrap();
    assert_eq!(
        user.password.as_deref(),
        Some(password),
        "the password 3scale got is kept"
    );
    assert!(password.len() >= 20, "a generated password is strong");
    let token = login["admin"]["access_token"].as_str().unwrap();
    assert!(
        state.token_of_account(tenant.id, token).is_some(),
        "the signup's token is kept"
    );
    assert_eq!(login["tenant_id"], tenant.id);
    assert_eq!(login["admin_portal"], format!("https://{admin_host}"));
    // No pending file is left behind.
    assert_eq!(
        std::fs::read_dir(file.parent().unwrap()).unwrap().count(),
        1
    );

    // The signup sent its fields in the body, the token in basic auth, through the proxy.
    let signup = w
        .server
        .requests()
        .into_iter()
        .find(|r| r.method == "POST" && r.path == "/master/api/providers.json")
        .unwrap();
    assert_eq!(signup.status, 201);
    assert!(signup.query.is_none());
    for field in ["org_name", "username", "email", "password"] {
        assert!(
            signup.body_fields.contains(&field.to_string()),
            "{:?}",
            signup.body_fields
        );
    }
    assert_eq!(signup.authorization_scheme.as_deref(), Some("Basic"));
    assert!(w
        .proxy
        .connect_targets()
        .contains(&format!("{admin_host}:443")));
    w.assert_no_secret(&[&out]);
    assert!(
        w.transcript()
            .contains("POST https://master.apps.cluster.example.com/master/api/providers.json"),
        "the requests are in the transcript"
    );
}

#[test]
fn a_rerun_finds_the_tenant_and_creates_no_second() {
    let w = world(0);
    let first = w.create(&[]);
    first.assert_code(0);
    let before = std::fs::read_to_string(w.login_file("acme-corp")).unwrap();
    w.env.clear_calls();
    let again = w.create(&[]);
    again.assert_code(0);
    let doc = again.json();
    assert_eq!(doc["created"], false);
    assert_eq!(doc["tenant"]["id"], first.json()["tenant"]["id"]);
    assert_eq!(
        w.server
            .tenants()
            .iter()
            .filter(|t| t.org_name == "ACME Corp")
            .count(),
        1,
        "no second tenant"
    );
    assert_nothing_made_twice(&w, &before);

    let text = assert_the_text_masks_the_secrets(&w);
    w.assert_no_secret(&[&first, &again, &text]);

    // A different username for the same organization is a mistake, not a new user.
    let other = w.run(&[
        "tenant",
        "create",
        "--yes",
        "--org-name",
        "ACME Corp",
        "--admin-username",
        "someone",
        "--admin-email",
        "ops@acme.example",
    ]);
    other.assert_code(2);
    assert!(
        other
            .stderr
            .contains("with the admin user 'acme-admin', not 'someone'"),
        "{}",
        other.stderr
    );

    // --show-secrets prints them.
    let shown = w.create(&["--show-secrets"]);
    let login = w.login("acme-corp");
    assert_eq!(
        shown.json()["admin"]["password"],
        login["admin"]["password"].as_str().unwrap()
    );
}

/// The login file as it was, no oc change, one signup and one activation in 3scale.
#[track_caller]
fn assert_nothing_made_twice(w: &World, login_before: &str) {
    assert_eq!(
        std::fs::read_to_string(w.login_file("acme-corp")).unwrap(),
        login_before
    );
    assert!(
        w.env.mutating_commands().is_empty(),
        "{:?}",
        w.env.mutating_commands()
    );
    let writes: Vec<String> = w
        .server
        .requests()
        .iter()
        .filter(|r| r.method == "POST" || r.method == "PUT")
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(
        writes,
        [
            "POST /master/api/providers.json".to_string(),
            "PUT /admin/api/accounts/4/users/5/activate.json".to_string()
        ],
        "one signup, one activation"
    );
}

/// Text output: the portals, the secrets masked (stdout is no terminal).
#[track_caller]
fn assert_the_text_masks_the_secrets(w: &World) -> Out {
    let text = w.run(&[
        "tenant",
        "create",
        "--yes",
        "--org-name",
        "ACME Corp",
        "--admin-username",
        "acme-admin",
        "--admin-email",
        "ops@acme.example",
    ]);
    text.assert_code(0);
    assert!(
        text.stdout
            .contains("Tenant ACME Corp (id 4) exists in project 3scale-apim."),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("Admin password    ••••••"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("--show-secrets"), "{}", text.stdout);
    text
}

#[test]
fn a_tenant_made_elsewhere_is_adopted_not_signed_up_again() {
    let w = world(0);
    let (id, admin_domain, domain) = w.server.with_state(|s| {
        let planned = s
            .plan_signup(
                "Elsewhere Inc",
                "else-admin",
                "else@example.com",
                Some("Else-pw-1234"),
            )
            .unwrap();
        let signup = s.apply_signup(planned);
        let a = s.account(signup.account_id).unwrap();
        (a.id, a.admin_domain.clone(), a.domain.clone())
    });
    zync_hears_of(
        &w.env.root().join("cluster"),
        &Account {
            id,
            admin_domain: admin_domain.clone(),
            domain,
            ..w.server.tenants()[0].clone()
        },
        0,
    );
    let out = w.run(&[
        "tenant",
        "create",
        "--yes",
        "-o",
        "json",
        "--org-name",
        "Elsewhere Inc",
        "--admin-username",
        "else-admin",
        "--admin-email",
        "else@example.com",
    ]);
    out.assert_code(0);
    let doc = out.json();
    assert_eq!(doc["created"], false);
    assert_eq!(doc["tenant"]["id"], id);
    assert_eq!(
        doc["admin"]["state"], "active",
        "its pending admin was activated"
    );
    assert!(
        doc["warnings"][0]
            .as_str()
            .unwrap()
            .contains("made elsewhere"),
        "{doc:#}"
    );
    assert_eq!(doc["verified"]["ok"], true, "checked with the login page");
    assert_eq!(w.server.tenants().len(), 2, "no second Elsewhere Inc");
    let state = w.server.state();
    assert_eq!(
        state.user_by_username(id, "else-admin").unwrap().state,
        UserState::Active
    );
}

#[test]
fn a_refused_signup_shows_3scale_own_messages_per_field() {
    let w = world(0);
    w.server.set_fault(
        When::path("/master/api/providers.json").method("POST"),
        Fault::Respond(Response::json(
            422,
            &json!({"errors": {
                "user": ["Email has already been taken"],
                "account": ["Subdomain has already been taken"],
            }}),
        )),
    );
    let out = w.run(&[
        "tenant",
        "create",
        "--yes",
        "--org-name",
        "ACME Corp",
        "--admin-username",
        "acme-admin",
        "--admin-email",
        "ops@acme.example",
    ]);
    out.assert_code(2);
    assert!(
        out.stderr.contains("answered 422: user: Email has already been taken; account: Subdomain has already been taken")
            || out.stderr.contains("answered 422: account: Subdomain has already been taken; user: Email has already been taken"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("nothing was created"), "{}", out.stderr);
    assert!(!w.login_file("acme-corp").exists());
    let left: Vec<_> = std::fs::read_dir(w.state_dir().join("tenants"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(
        left.is_empty(),
        "nothing kept of a refused signup: {left:?}"
    );
    w.assert_no_secret(&[&out]);
}

#[test]
fn a_signup_whose_answer_is_lost_keeps_its_password_and_is_not_repeated() {
    let w = world(0);
    // 3scale makes the tenant, and the answer (with the token) is cut on its way back.
    w.server.set_fault(
        When::path("/master/api/providers.json")
            .method("POST")
            .times(1),
        Fault::Truncated,
    );
    let lost = w.create(&[]);
    lost.assert_code(6);
    assert!(lost.stderr.contains("cut short"), "{}", lost.stderr);
    assert!(
        lost.stderr
            .contains("the signup may have been made even so: run the same command again"),
        "{}",
        lost.stderr
    );
    let again = w.create(&[]);
    again.assert_code(0);
    let doc = again.json();
    assert_eq!(doc["created"], false);
    assert!(
        doc["warnings"][0]
            .as_str()
            .unwrap()
            .contains("answer was lost"),
        "{doc:#}"
    );
    assert_eq!(w.server.tenants().len(), 2, "not signed up twice");
    let login = w.login("acme-corp");
    let state = w.server.state();
    let tenant = state
        .tenants()
        .into_iter()
        .find(|a| a.org_name == "ACME Corp")
        .unwrap();
    assert_eq!(
        state
            .user_by_username(tenant.id, "acme-admin")
            .unwrap()
            .password
            .as_deref(),
        login["admin"]["password"].as_str(),
        "the password sent is the one kept"
    );
    assert!(
        login["admin"]["access_token"].is_null(),
        "the token is lost with the answer"
    );
    assert_eq!(doc["admin"]["state"], "active");
    w.assert_no_secret(&[&lost, &again]);
}

#[test]
fn bad_or_missing_values_are_refused_before_anything_is_sent() {
    let w = world(0);
    let out = w.run(&[
        "tenant",
        "create",
        "--yes",
        "--org-name",
        "ACME_Corp",
        "--admin-username",
        "ab",
        "--admin-email",
        "ops@acme",
    ]);
    out.assert_code(2);
    for part in [
        "3 problem(s)",
        "organization name 'ACME_Corp' (from --org-name) is invalid",
        "admin username 'ab' (from --admin-username) is invalid",
        "admin e-mail 'ops@acme' (from --admin-email) is invalid",
    ] {
        assert!(out.stderr.contains(part), "{part}: {}", out.stderr);
    }
    let missing = w.run_with(
        &["tenant", "create", "--admin-email", "ops@acme.example"],
        &[("THREESCALE_TENANT_ADMIN_PASSWORD", "short")],
    );
    missing.assert_code(2);
    for part in [
        "organization name: --org-name, env THREESCALE_TENANT_ORG_NAME, answers-file key `tenant.org_name`",
        "admin username: --admin-username, env THREESCALE_TENANT_ADMIN_USERNAME, answers-file key `tenant.admin_username`",
        "the tenant admin password (from environment variable THREESCALE_TENANT_ADMIN_PASSWORD) is refused: it has 5 characters",
        "run in a terminal without --yes (or --no-input) to be asked",
    ] {
        assert!(missing.stderr.contains(part), "{part}: {}", missing.stderr);
    }
    assert!(w.env.calls().is_empty(), "no oc call");
    assert!(w.server.requests().is_empty(), "no request to 3scale");

    // The answers file's tenant section, with the password in a file of its own.
    let dir = w.env.root();
    std::fs::write(dir.join("pw"), "From-file-pw-1\n").unwrap();
    std::fs::set_permissions(dir.join("pw"), std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::write(
        dir.join("answers.yaml"),
        "tenant:\n  org_name: File Org\n  admin_username: file-admin\n  admin_email: file@example.com\n  admin_password_file: pw\n",
    )
    .unwrap();
    let out = w.run(&[
        "tenant",
        "create",
        "--yes",
        "-o",
        "json",
        "--config",
        "answers.yaml",
    ]);
    out.assert_code(0);
    assert_eq!(out.json()["tenant"]["org_name"], "File Org");
    let state = w.server.state();
    let t = state
        .tenants()
        .into_iter()
        .find(|a| a.org_name == "File Org")
        .unwrap();
    assert_eq!(
        state
            .user_by_username(t.id, "file-admin")
            .unwrap()
            .password
            .as_deref(),
        Some("From-file-pw-1")
    );
    std::fs::write(
        dir.join("answers.yaml"),
        "tenant:\n  admin_password: hunter2hunter2\n",
    )
    .unwrap();
    let inline = w.run(&["tenant", "create", "--yes", "--config", "answers.yaml"]);
    inline.assert_code(2);
    assert!(
        inline.stderr.contains("tenant.admin_password_file") && !inline.stderr.contains("hunter2")
    );
}

#[test]
fn the_operators_secret_is_written_through_stdin_once() {
    let w = world(0);
    let out = w.create(&["--store-secret"]);
    out.assert_code(0);
    assert_eq!(out.json()["secret"], "tenant-acme-corp");
    let secret = w
        .env
        .object(PROJECT, "Secret", "tenant-acme-corp")
        .expect("the secret");
    let decode = |k: &str| {
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(secret["data"][k].as_str().unwrap())
                .unwrap(),
        )
        .unwrap()
    };
    assert_eq!(secret["type"], "Opaque");
    assert_eq!(
        decode("adminURL"),
        format!("https://acme-corp-admin.{DOMAIN}")
    );
    let login = w.login("acme-corp");
    assert_eq!(
        decode("token"),
        login["admin"]["access_token"].as_str().unwrap()
    );
    assert_eq!(login["secret"], "tenant-acme-corp");
    let create = w
        .env
        .calls()
        .into_iter()
        .find(|c| c["argv"][0] == "create")
        .expect("oc create");
    assert!(
        create["stdin_len"].as_u64().unwrap() > 0,
        "the manifest went on stdin"
    );
    w.assert_no_secret(&[&out]);

    w.env.clear_calls();
    w.create(&["--store-secret"]).assert_code(0);
    assert!(
        w.env.mutating_commands().is_empty(),
        "in place: {:?}",
        w.env.mutating_commands()
    );

    // Someone else's Secret of that name is left alone.
    let clash = w.run(&[
        "tenant",
        "create",
        "--yes",
        "--org-name",
        "Other Org",
        "--admin-username",
        "other-admin",
        "--admin-email",
        "o@example.com",
        "--store-secret",
        "--secret-name",
        "tenant-acme-corp",
    ]);
    clash.assert_code(2);
    assert!(
        clash.stderr.contains("it holds the login of tenant 4"),
        "{}",
        clash.stderr
    );
}

#[test]
fn list_pages_through_master_accounts() {
    let w = world(0);
    w.create(&[]).assert_code(0);
    w.server.with_state(|s| {
        for i in 0..120 {
            let planned = s
                .plan_signup(&format!("Bulk {i}"), "bulk-admin", "bulk@example.com", None)
                .unwrap();
            s.apply_signup(planned);
        }
    });
    let out = w.run(&["tenant", "list", "-o", "json"]);
    out.assert_code(0);
    let doc = out.json();
    let tenants = doc["tenants"].as_array().unwrap();
    assert_eq!(
        tenants.len(),
        122,
        "the default, ACME Corp and 120 more; master left out"
    );
    assert_eq!(tenants[0]["default"], true);
    let acme = tenants
        .iter()
        .find(|t| t["org_name"] == "ACME Corp")
        .unwrap();
    assert!(acme["login_file"]
        .as_str()
        .unwrap()
        .ends_with("tenants/acme-corp.yaml"));
    let pages: Vec<String> = w
        .server
        .requests()
        .iter()
        .filter(|r| r.path == "/admin/api/accounts.json")
        .filter_map(|r| r.query.clone())
        .collect();
    assert!(pages.iter().any(|q| q.contains("page=2")), "{pages:?}");

    let text = w.run(&["tenant", "list"]);
    text.assert_code(0);
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert!(
        lines[0].starts_with("ID") && lines[0].contains("ORGANIZATION"),
        "{}",
        text.stdout
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("4 ") && l.contains("ACME Corp") && l.contains("kept here")));
    assert!(lines
        .iter()
        .any(|l| l.contains("3scale") && l.contains("the install's")));
}

#[test]
fn show_tells_state_routes_and_whether_the_kept_token_works() {
    let w = world(0);
    w.create(&[]).assert_code(0);
    let out = w.run(&["tenant", "show", "ACME Corp", "-o", "json"]);
    out.assert_code(0);
    let doc = out.json();
    assert_eq!(doc["tenant"]["state"], "approved");
    assert_eq!(doc["token"]["works"], true, "{doc:#}");
    assert!(doc["routes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["admitted"] == true));
    assert_eq!(doc["admin_users"][0]["username"], "acme-admin");
    assert!(doc["login"]["password"].is_null());

    // The token revoked in 3scale: shown as not working, still exit 0.
    let token = w.login("acme-corp")["admin"]["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    w.server.with_state(|s| {
        let id = s.token_by_value(&token).unwrap().id;
        s.revoke_token(id);
    });
    let out = w.run(&["tenant", "show", "acme-corp"]);
    out.assert_code(0);
    assert!(
        out.stdout.contains("Token             does not work"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Access denied"), "{}", out.stdout);

    let none = w.run(&["tenant", "show", "ACME Crop"]);
    none.assert_code(2);
    assert!(
        none.stderr.contains("did you mean 'ACME Corp'?"),
        "{}",
        none.stderr
    );
    w.assert_no_secret(&[&out, &none]);
}

#[test]
fn remove_schedules_the_deletion_after_yes_and_forgets_the_login() {
    let w = world(0);
    w.create(&["--store-secret"]).assert_code(0);
    let asked = w.run(&["tenant", "remove", "ACME Corp"]);
    asked.assert_code(2);
    assert!(asked.stderr.contains("pass --yes"), "{}", asked.stderr);
    assert_eq!(w.server.tenants()[1].state, AccountState::Approved);

    let out = w.run(&["tenant", "remove", "4", "--yes"]);
    out.assert_code(0);
    assert!(
        out.stdout.contains("scheduled for deletion") && out.stdout.contains("15 days"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("state_event=resume"), "{}", out.stdout);
    assert_eq!(
        w.server.tenants()[1].state,
        AccountState::ScheduledForDeletion
    );
    assert!(!w.login_file("acme-corp").exists());
    assert!(
        w.env
            .object(PROJECT, "Secret", "tenant-acme-corp")
            .is_none(),
        "its secret is deleted"
    );
    w.assert_no_secret(&[&out]);

    let shown = w.run(&["tenant", "show", "4", "-o", "json"]);
    shown.assert_code(0);
    assert_eq!(shown.json()["tenant"]["state"], "scheduled_for_deletion");
    assert!(shown.json()["tenant"]["deletion_date"].is_string());

    // Again: nothing left to schedule, exit 0.
    w.run(&["tenant", "remove", "4", "--yes"]).assert_code(0);
    // A new tenant of the same name gets other portal names.
    let again = w.create(&[]);
    again.assert_code(0);
    assert_eq!(
        again.json()["tenant"]["admin_domain"],
        format!("acme-corp-2-admin.{DOMAIN}")
    );

    let default = w.run(&["tenant", "remove", "3scale", "--yes"]);
    default.assert_code(2);
    assert!(
        default.stderr.contains("default tenant"),
        "{}",
        default.stderr
    );
}

#[test]
fn uninstall_takes_the_tenants_logins_with_the_install() {
    let w = world(0);
    w.create(&[]).assert_code(0);
    assert!(w.login_file("acme-corp").exists());
    w.env.run(&["uninstall", "--yes"]).assert_code(0);
    assert!(!w.login_file("acme-corp").exists());
    assert!(!w.state_dir().join("tenants").exists());
}

#[test]
fn the_install_s_own_portals_stay_its_own_when_tenants_have_routes() {
    let w = world(0);
    w.create(&[]).assert_code(0);
    // The tenant's routes are listed before the install's: verify still checks the install's.
    let verify = w.run(&["verify", "-o", "json"]);
    let doc = verify.json();
    assert_eq!(
        doc["hosts"]["admin"],
        format!("3scale-admin.{DOMAIN}"),
        "{doc:#}"
    );
    assert_eq!(doc["hosts"]["developer"], format!("3scale.{DOMAIN}"));
    // And the default tenant is still the one `remove` refuses.
    let default = w.run(&["tenant", "remove", "3scale", "--yes"]);
    default.assert_code(2);
    assert!(
        default.stderr.contains("default tenant"),
        "{}",
        default.stderr
    );
    let list = w.run(&["tenant", "list", "-o", "json"]).json();
    let defaults: Vec<&str> = list["tenants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["default"] == true)
        .filter_map(|t| t["org_name"].as_str())
        .collect();
    assert_eq!(defaults, ["3scale"]);
}

#[test]
fn a_refused_master_token_or_a_claimed_host_say_what_to_do() {
    let w = world(0);
    w.server
        .set_fault(When::path("/admin/api/accounts.json"), Fault::Unauthorized);
    let out = w.create(&[]);
    out.assert_code(6);
    assert!(out.stderr.contains("MASTER_ACCESS_TOKEN"), "{}", out.stderr);
    assert_eq!(out.json()["error"]["kind"], "not-answering");
    w.server.clear_faults();

    w.env
        .cluster(|s| s["claimed_hosts"] = json!([format!("acme-corp.{DOMAIN}")]));
    let out = w.create(&[]);
    out.assert_code(4);
    assert!(out.stderr.contains("HostAlreadyClaimed"), "{}", out.stderr);
    // The tenant and its login are kept: a re-run continues.
    assert!(w.login_file("acme-corp").exists());
}

#[test]
fn routes_not_made_in_time_end_the_wait_at_its_deadline() {
    let w = world(1_000_000);
    let out = w.create(&["--timeout", "1ms"]);
    out.assert_code(4);
    assert!(
        out.stderr.contains("not every component was ready within"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("zync-que"), "{}", out.stderr);
    let rerun = w.create(&["--no-wait"]);
    rerun.assert_code(0);
    assert_eq!(rerun.json()["created"], false);
    assert!(rerun.json()["routes"].is_null());
}

/// The questions in a terminal, typed as a person would (a pseudo-terminal).
mod terminal {
    use super::*;
    use crate::support::pty::{Pty, Size, DOWN};

    const TYPED: &str = "Typed-admin-pw-9";

    /// `args` in a terminal, reaching the fake 3scale as `World::run` does.
    fn start(w: &World, args: &[&str]) -> Pty {
        let ca = w.server.ca_pem_path().display().to_string();
        let mut all = args.to_vec();
        all.extend(["--ca-file", &ca]);
        let mut cmd = w.env.command(&all);
        cmd.env("HTTPS_PROXY", w.proxy.url()).env("NO_PROXY", "");
        Pty::start(&cmd, Size::WINDOW)
    }

    #[test]
    fn missing_values_are_asked_checked_and_summarised() {
        let w = world(0);
        let mut t = start(&w, &["tenant", "create"]);
        // A name 3scale cannot make a host of is asked again, with the reason.
        t.answer("Organization name", "ACME_Corp\r");
        t.wait_for("'_'");
        t.send("\x15ACME Corp\r");
        t.answer("Admin username", "acme-admin\r");
        t.answer("Admin e-mail", "ops@acme.example\r");
        t.answer("Admin password", &format!("{DOWN}\r"));
        t.type_secret("Admin password (hidden)", TYPED, "Repeat it");
        t.type_hidden("Repeat it", TYPED, "What now?");
        t.send("\r"); // Proceed
        t.wait_for("was created in project 3scale-apim");
        let code = t.finish();
        let screen = t.output();
        assert_eq!(code, 0, "{screen}");
        assert!(screen.contains("Organization    ACME Corp"), "{screen}");
        let state = w.server.state();
        let tenant = state
            .tenants()
            .into_iter()
            .find(|a| a.org_name == "ACME Corp")
            .unwrap();
        assert_eq!(
            state
                .user_by_username(tenant.id, "acme-admin")
                .unwrap()
                .password
                .as_deref(),
            Some(TYPED)
        );
        // Even at a terminal the login is shown only when asked, as `credentials` shows it.
        assert!(!screen.contains(TYPED), "{screen}");
        assert!(screen.contains("--show-secrets` prints them"), "{screen}");
        t.assert_terminal_restored();
    }

    #[test]
    fn cancel_at_the_summary_changes_nothing() {
        let w = world(0);
        let mut args = vec!["tenant", "create"];
        args.extend(ORG);
        let mut t = start(&w, &args);
        t.answer("Admin password", "\r"); // generated
        t.wait_for("generated (24 characters)");
        t.answer("What now?", &format!("{DOWN}{DOWN}\r"));
        t.wait_for("cancelled; nothing was changed");
        let code = t.finish();
        let screen = t.output();
        assert_eq!(code, 0, "{screen}");
        assert_eq!(w.server.tenants().len(), 1, "no signup");
        assert!(!w.state_dir().join("tenants").exists());
        t.assert_terminal_restored();
    }
}
