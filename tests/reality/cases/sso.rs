//! Admin-portal SSO and users with the real oc against the simulator: install, then `sso add`
//! with `--create-client` and `--publish` (the fake 3scale answers for the admin host zync's
//! route names, the fake Red Hat SSO for its own host, both through one CONNECT proxy, trusted
//! through one CA file), a re-run that makes no second integration and writes nothing, `users
//! sync` with `--prune` and its re-run, `sso remove`; after each, no secret (the client secret,
//! the Red Hat SSO administrator's password, any token) in any oc argv, request URL, file of the
//! state directory or output, and no change to the cluster.

use super::common::{self, Installer, PROJECT};
use crate::process::Run;
use crate::runner::{Case, Needs};
use crate::secrets::SecretScan;
use crate::sim::Scenario;
use crate::world::World;
use fake_3scale::{Config, Keycloak, KeycloakConfig, Proxy, Role, Server, UserState};
use serde_json::Value;

pub const CASES: &[Case] = &[Case {
    name: "sso_add_rerun_users_sync_remove",
    needs: Needs::Simulator,
    run: sso_and_users,
}];

const CLIENT_SECRET: &str = "6b1e0c2a-3scale-admin-Client-Secret";
const SSO_HOST: &str = "sso.example.com";

struct Fakes {
    server: Server,
    sso: Keycloak,
    proxy: Proxy,
    ca: String,
    files: std::path::PathBuf,
}

fn fakes(world: &World) -> Fakes {
    let portal = common::installed_portal(world);
    let server = Server::start(
        Config::new(&portal.domain)
            .admin_access_token(&portal.admin_token)
            .master_access_token(&portal.master_token),
    );
    let sso = Keycloak::start(KeycloakConfig::new(SSO_HOST, "3scale"));
    let proxy = Proxy::start(server.port());
    proxy.route(SSO_HOST, sso.port());
    let files = world.work_dir().join("sso-files");
    std::fs::create_dir_all(&files).unwrap();
    let mut pem = std::fs::read(server.ca_pem_path()).unwrap();
    pem.extend(std::fs::read(sso.ca_pem_path()).unwrap());
    let ca = files.join("cas.pem");
    std::fs::write(&ca, pem).unwrap();
    Fakes {
        server,
        sso,
        proxy,
        ca: ca.display().to_string(),
        files,
    }
}

impl Fakes {
    fn run(&self, world: &World, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--ca-file", &self.ca]);
        let mut cmd = world.installer(&all);
        cmd.env("HTTPS_PROXY", self.proxy.url()).env("NO_PROXY", "");
        world.run_command(cmd, None)
    }

    fn file(&self, name: &str, text: &str) -> String {
        use std::os::unix::fs::PermissionsExt;
        let path = self.files.join(name);
        std::fs::write(&path, text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        path.display().to_string()
    }

    /// Requests that changed 3scale or Red Hat SSO since `since` of each (tokens aside).
    fn writes_since(&self, since: (usize, usize)) -> Vec<String> {
        let mut out: Vec<String> = self.server.requests()[since.0..]
            .iter()
            .filter(|r| r.method != "GET")
            .map(|r| format!("3scale {} {}", r.method, r.path))
            .collect();
        out.extend(
            self.sso.requests()[since.1..]
                .iter()
                .filter(|r| r.method != "GET" && !r.path.ends_with("/openid-connect/token"))
                .map(|r| format!("sso {} {}", r.method, r.path)),
        );
        out
    }

    fn marks(&self) -> (usize, usize) {
        (self.server.requests().len(), self.sso.requests().len())
    }

    fn scan(&self, world: &World, password: &str) -> SecretScan {
        let mut scan = common::secrets_of(
            world,
            PROJECT,
            &[
                ("client secret", CLIENT_SECRET),
                ("Red Hat SSO admin password", password),
            ],
        );
        for (i, s) in self.server.secret_values().iter().enumerate() {
            scan = scan.secret(&format!("3scale secret #{i}"), s);
        }
        for (i, s) in self.sso.secret_values().iter().enumerate() {
            scan = scan.secret(&format!("Red Hat SSO secret #{i}"), s);
        }
        scan
    }

    #[track_caller]
    fn assert_no_leak(&self, world: &World, password: &str, runs: &[&Run]) {
        common::assert_no_leak(world, &self.scan(world, password), runs);
        assert!(self.server.requests_with_credentials_in_url().is_empty());
        assert!(self.sso.requests().iter().all(|r| !r.credentials_in_query));
    }
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.transcript()))
}

/// `users sync --prune` makes the team's users; its second run writes nothing.
fn sync_twice(world: &World, f: &Fakes) -> (Run, Run) {
    let admin_email = f
        .server
        .state()
        .user_by_username(2, "admin")
        .unwrap()
        .email
        .clone();
    let team = f.file(
        "team.yaml",
        &format!("admins:\n  - username: admin\n    email: {admin_email}\n  - username: alice\n    email: alice@example.com\nmembers:\n  - username: jdoe\n    email: jdoe@example.com\n    sections: [monitoring]\n    services: [api]\n"),
    );
    let sync_args = [
        "users", "sync", "--file", &team, "--prune", "--yes", "-o", "json",
    ];
    let sync = f.run(world, &sync_args);
    sync.assert_code(&[0]);
    let state = f.server.state();
    assert_eq!(
        state.user_by_username(2, "alice").map(|u| u.role),
        Some(Role::Admin)
    );
    let jdoe = state.user_by_username(2, "jdoe").unwrap();
    assert_eq!(jdoe.sections, ["monitoring"]);
    assert_eq!(jdoe.services.as_ref().map(Vec::len), Some(1));
    let marks = f.marks();
    let resync = f.run(world, &sync_args);
    resync.assert_code(&[0]);
    assert_eq!(json(&resync)["changed"], false, "{}", resync.transcript());
    assert!(
        f.writes_since(marks).is_empty(),
        "{:?}",
        f.writes_since(marks)
    );

    (sync, resync)
}

fn sso_and_users(world: &World) {
    world.start_sim(Scenario::named("happy").speed(60.0));
    let install = Installer::new(world, &["--timeout", "20m"]).run();
    install.assert_code(&[0]);
    let f = fakes(world);
    let admin_host = common::installed_portal(world).admin_host;
    let password = f.sso.config().admin_password.clone();
    f.server
        .with_state(|s| s.add_member("3scale", "jdoe", "jdoe@example.com", UserState::Active));
    f.sso.add_user("jdoe", "jdoe@example.com", true);
    let secret = f.file("client-secret", CLIENT_SECRET);
    let admin = f.file("sso-admin", &password);
    let add: Vec<&str> = vec![
        "sso",
        "add",
        "--realm-url",
        "https://sso.example.com/auth/realms/3scale",
        "--client-id",
        "3scale-admin",
        "--client-secret-file",
        &secret,
        "--create-client",
        "--sso-admin-password-file",
        &admin,
        "--publish",
        "--yes",
        "-o",
        "json",
    ];

    let since = world.sim().last_seq();
    let first = f.run(world, &add);
    first.assert_code(&[0]);
    let doc = json(&first);
    let callback = format!("https://{admin_host}/auth/rhsso/callback");
    assert_eq!(
        doc["redirect_uri"],
        callback.as_str(),
        "{}",
        first.transcript()
    );
    assert_eq!(doc["integration"]["published"], true);
    let state = f.server.state();
    assert_eq!(state.authentication_providers.len(), 1);
    assert_eq!(
        state.authentication_providers[0].client_secret,
        CLIENT_SECRET
    );
    let client = f
        .sso
        .client("3scale-admin")
        .expect("the client in the realm");
    assert_eq!(client.secret.as_deref(), Some(CLIENT_SECRET));
    assert!(client.redirect_uris.contains(&callback));
    f.assert_no_leak(world, &password, &[&install, &first]);

    // Again: nothing written to 3scale, Red Hat SSO or the cluster.
    let marks = f.marks();
    let again = f.run(world, &add);
    again.assert_code(&[0]);
    assert_eq!(json(&again)["changed"], false, "{}", again.transcript());
    assert!(
        f.writes_since(marks).is_empty(),
        "{:?}",
        f.writes_since(marks)
    );
    assert_eq!(f.server.state().authentication_providers.len(), 1);

    let (sync, resync) = sync_twice(world, &f);

    let remove = f.run(world, &["sso", "remove", "rhsso", "--yes"]);
    remove.assert_code(&[0]);
    assert!(!f.server.state().authentication_providers[0].published);
    let writes = world.sim().mutating_requests(since);
    assert!(
        writes.is_empty(),
        "sso and users changed the cluster:\n{}",
        writes
            .iter()
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    f.assert_no_leak(world, &password, &[&first, &again, &sync, &resync, &remove]);
}
