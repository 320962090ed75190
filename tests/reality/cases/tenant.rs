//! Tenants with the real oc against the simulator: install, then `tenant create` (a fake 3scale on
//! loopback answers the Master API for the hosts zync's routes name, reached through a CONNECT
//! proxy with its CA), a re-run that creates no second tenant, `list`, `show`, `remove`; after
//! each, no password or token in any oc argv, request URL, file of the state directory but the
//! logins, or output.
//!
//! The simulator's zync makes the default tenant's routes only. For a new tenant the case plays
//! zync: when the fake 3scale signs it up, the routes of its two portals are created with the
//! real oc, as the simulator's admin (zync's service account stands in), with zync's names and
//! labels (`build_provider_routes`, zync 3scale-2.8.0-GA), while `tenant create` waits for them.

use super::common::{self, Installer, PROJECT};
use crate::process::Run;
use crate::runner::{Case, Needs};
use crate::secrets::{self, SecretScan};
use crate::sim::Scenario;
use crate::world::World;
use fake_3scale::{Account, AccountState, Config, Proxy, Server};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::{mpsc, Mutex};

pub const CASES: &[Case] = &[Case {
    name: "tenant_create_rerun_list_show_remove",
    needs: Needs::Simulator,
    run: tenant_lifecycle,
}];

const PASSWORD: &str = "Acme-admin-Passw0rd#1";

enum Zync {
    Provider(Box<Account>),
    Done,
}

fn tenant_lifecycle(world: &World) {
    world.start_sim(Scenario::named("happy").speed(60.0));
    let install = Installer::new(world, &["--timeout", "20m"]).run();
    install.assert_code(&[0]);
    let (t, signups) = Tenants::start(world);
    let (create, acme, login_file) = create_while_zync_makes_the_routes(&t, signups);
    let scan = scan(world, &t.server);
    assert_no_leak(world, &t.server, &scan, &[&install, &create]);
    let verify = verify_checks_the_installs_own_portals(&t);
    let rerun = a_rerun_creates_no_second_tenant(&t, acme.id);
    let (list, show) = list_and_show(&t);
    assert_no_leak(world, &t.server, &scan, &[&verify, &rerun, &list, &show]);

    // remove: scheduled, the login and the Secret gone.
    let remove = t
        .world
        .run_command(t.command(&["remove", "acme-corp", "--yes"]), None);
    remove.assert_code(&[0]);
    assert!(
        remove.stdout.contains("15 days") && remove.stdout.contains("state_event=resume"),
        "{}",
        remove.transcript()
    );
    assert_eq!(
        t.server.state().account(acme.id).unwrap().state,
        AccountState::ScheduledForDeletion
    );
    assert!(!login_file.exists());
    assert!(common::secret_data(t.world, PROJECT, "tenant-acme-corp").is_none());
    assert_no_leak(world, &t.server, &scan, &[&remove]);
}

const CREATE: [&str; 13] = [
    "create",
    "--yes",
    "-o",
    "json",
    "--org-name",
    "ACME Corp",
    "--admin-username",
    "acme-admin",
    "--admin-email",
    "ops@acme.example",
    "--store-secret",
    "--poll-interval",
    "250ms",
];

/// A fake 3scale that answers for the install's portal hosts, reached through its proxy with its
/// CA; the signups it hears of, for zync (played here) to make their routes.
struct Tenants<'w> {
    world: &'w World,
    server: Server,
    proxy: Proxy,
    ca: String,
    admin_host: String,
    domain: String,
}

/// The signups the fake 3scale heard of, and the way to say there will be no more.
struct Signups {
    tx: mpsc::Sender<Zync>,
    rx: mpsc::Receiver<Zync>,
}

impl<'w> Tenants<'w> {
    fn start(world: &'w World) -> (Tenants<'w>, Signups) {
        let seed = common::secret_data(world, PROJECT, "system-seed").expect("system-seed");
        let value = |k: &str| {
            seed.iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        let routes = common::list(world, "routes.route.openshift.io", PROJECT);
        let admin_host = routes
            .iter()
            .find(|r| r["metadata"]["labels"]["zync.3scale.net/route-to"] == "system-provider")
            .and_then(|r| r["spec"]["host"].as_str())
            .expect("zync's admin portal route")
            .to_string();
        let domain = admin_host.split_once('.').unwrap().1.to_string();
        let server = Server::start(
            Config::new(&domain)
                .admin_access_token(&value("ADMIN_ACCESS_TOKEN"))
                .master_access_token(&value("MASTER_ACCESS_TOKEN")),
        );
        let proxy = Proxy::start(server.port());
        let (tx, rx) = mpsc::channel::<Zync>();
        let hook_tx = Mutex::new(tx.clone());
        server.on_signup(move |account| {
            let _ = hook_tx
                .lock()
                .unwrap()
                .send(Zync::Provider(Box::new(account.clone())));
        });
        let ca = server.ca_pem_path().display().to_string();
        let tenants = Tenants {
            world,
            server,
            proxy,
            ca,
            admin_host,
            domain,
        };
        (tenants, Signups { tx, rx })
    }

    /// `threescale-install tenant ARGS` through the proxy, with the CA and the admin password.
    fn command(&self, args: &[&str]) -> std::process::Command {
        let mut all: Vec<&str> = vec!["tenant"];
        all.extend(args);
        all.extend(["--ca-file", &self.ca]);
        let mut cmd = self.world.installer(&all);
        cmd.env("HTTPS_PROXY", self.proxy.url())
            .env("NO_PROXY", "")
            .env("THREESCALE_TENANT_ADMIN_PASSWORD", PASSWORD);
        cmd
    }
}

/// create, while zync (played here) makes the new portals' routes: the tenant signed up with its
/// admin's password, its login kept (0600) and in a Secret with a token 3scale knows.
fn create_while_zync_makes_the_routes(t: &Tenants, signups: Signups) -> (Run, Account, PathBuf) {
    let (world, domain) = (t.world, &t.domain);
    let Signups { tx, rx } = signups;
    let create = std::thread::scope(|s| {
        let zync = s.spawn(move || {
            let mut made = 0;
            while let Ok(Zync::Provider(account)) = rx.recv() {
                play_zync(world, &account);
                made += 1;
            }
            made
        });
        let run = world.run_command(t.command(&CREATE), None);
        tx.send(Zync::Done).unwrap();
        assert_eq!(zync.join().unwrap(), 1, "one signup");
        run
    });
    create.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&create.stdout).expect("create JSON");
    assert_eq!(doc["created"], true, "{}", create.transcript());
    let admin = format!("acme-corp-admin.{domain}");
    assert_ne!(admin, t.admin_host);
    assert_eq!(doc["tenant"]["admin_domain"], admin.as_str());
    assert_eq!(doc["admin"]["state"], "active");
    assert_eq!(doc["verified"]["ok"], true, "{}", create.transcript());
    let routes = doc["routes"].as_array().expect("routes waited for");
    assert!(
        routes.len() == 2 && routes.iter().all(|r| r["admitted"] == true),
        "{}",
        create.transcript()
    );
    let state = t.server.state();
    let acme = state
        .tenants()
        .into_iter()
        .find(|a| a.org_name == "ACME Corp")
        .expect("signed up")
        .clone();
    assert_eq!(
        state
            .user_by_username(acme.id, "acme-admin")
            .and_then(|u| u.password.clone())
            .as_deref(),
        Some(PASSWORD)
    );
    let login_file = PathBuf::from(doc["credentials_file"].as_str().unwrap());
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&login_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let secret = common::secret_data(world, PROJECT, "tenant-acme-corp").expect("the secret");
    let token: String = secret
        .iter()
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.clone())
        .unwrap();
    assert!(state.token_of_account(acme.id, &token).is_some());
    assert!(secret
        .iter()
        .any(|(k, v)| k == "adminURL" && *v == format!("https://{admin}")));
    (create, acme, login_file)
}

/// The tenant's routes go to the same services as the install's own: verify still checks the
/// install's portals (the API lists routes by name, the tenant's may come first).
fn verify_checks_the_installs_own_portals(t: &Tenants) -> Run {
    let mut cmd = t
        .world
        .installer(["verify", "-o", "json", "--ca-file", &t.ca]);
    cmd.env("HTTPS_PROXY", t.proxy.url()).env("NO_PROXY", "");
    let verify = t.world.run_command(cmd, None);
    verify.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&verify.stdout).expect("verify JSON");
    assert_eq!(
        doc["hosts"]["admin"],
        t.admin_host.as_str(),
        "{}",
        verify.transcript()
    );
    verify
}

/// A re-run: found, not created again; the cluster unchanged.
fn a_rerun_creates_no_second_tenant(t: &Tenants, id: u64) -> Run {
    let since = t.world.sim().last_seq();
    let rerun = t.world.run_command(t.command(&CREATE), None);
    rerun.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&rerun.stdout).expect("create JSON");
    assert_eq!(doc["created"], false, "{}", rerun.transcript());
    assert_eq!(doc["tenant"]["id"], id);
    assert_eq!(
        t.server.tenants().len(),
        2,
        "the default tenant and ACME Corp"
    );
    let writes = t.world.sim().mutating_requests(since);
    assert!(
        writes.is_empty(),
        "the re-run changed the cluster:\n{}",
        writes
            .iter()
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    rerun
}

fn list_and_show(t: &Tenants) -> (Run, Run) {
    let list = t
        .world
        .run_command(t.command(&["list", "-o", "json"]), None);
    list.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&list.stdout).expect("list JSON");
    let names: Vec<&str> = doc["tenants"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["org_name"].as_str())
        .collect();
    assert_eq!(names, ["3scale", "ACME Corp"], "{}", list.transcript());
    let show = t
        .world
        .run_command(t.command(&["show", "ACME Corp", "-o", "json"]), None);
    show.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&show.stdout).expect("show JSON");
    assert_eq!(doc["token"]["works"], true, "{}", show.transcript());
    assert!(doc["routes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["admitted"] == true));
    (list, show)
}

/// What zync does when porta tells it of a new provider: the routes of its developer and
/// admin portals, created here with the real oc as the simulator's admin.
fn play_zync(world: &World, account: &Account) {
    let admin_kubeconfig = world.sim().kubeconfig_for("kube:admin");
    let gid = format!("gid://system/Provider/{}", account.id);
    use base64::Engine;
    let record = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&gid);
    let routes: Vec<Value> = [
        ("system-developer", account.domain.clone().unwrap()),
        ("system-provider", account.admin_domain.clone().unwrap()),
    ]
    .into_iter()
    .map(|(service, host)| {
        json!({
            "apiVersion": "route.openshift.io/v1",
            "kind": "Route",
            "metadata": {
                "generateName": "zync-3scale-provider-",
                "labels": {
                    "app": "3scale-api-management",
                    "3scale.net/created-by": "zync",
                    "3scale.net/tenant_id": account.id.to_string(),
                    "zync.3scale.net/record": record,
                    "zync.3scale.net/ingress": "provider",
                    "3scale.net/provider_id": account.id.to_string(),
                    "zync.3scale.net/route-to": service,
                },
                "annotations": {"zync.3scale.net/gid": gid, "zync.3scale.net/host": host},
            },
            "spec": {
                "host": host,
                "port": {"targetPort": "http"},
                "tls": {"termination": "edge", "insecureEdgeTerminationPolicy": "Redirect"},
                "to": {"kind": "Service", "name": service},
            },
        })
    })
    .collect();
    for route in routes {
        let cmd = world.oc([
            "create",
            "-f",
            "-",
            "-n",
            PROJECT,
            &format!("--kubeconfig={}", admin_kubeconfig.display()),
        ]);
        let run = world.run_command(cmd, Some(route.to_string().as_bytes()));
        run.assert_code(&[0]);
    }
}

/// The install's secrets, the registry password, and every password and token of the fake
/// 3scale (the new tenant's among them).
fn scan(world: &World, server: &Server) -> SecretScan {
    let mut scan = common::secrets_of(world, PROJECT, &[("tenant admin password", PASSWORD)]);
    for (i, s) in server.secret_values().iter().enumerate() {
        scan = scan.secret(&format!("3scale secret #{i}"), s);
    }
    scan
}

/// No secret in any file of the state directory but the credentials and the tenants' logins,
/// in any oc argv, request URL, or what the runs printed (stdout is no terminal).
#[track_caller]
fn assert_no_leak(world: &World, server: &Server, scan: &SecretScan, runs: &[&Run]) {
    let mut excluded: Vec<PathBuf> = Vec::new();
    let mut stack = vec![world.state_dir()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() && path.file_name().is_some_and(|n| n == "tenants") {
                excluded.push(path);
            } else if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n == "credentials.yaml") {
                excluded.push(path);
            }
        }
    }
    let exclude: Vec<&std::path::Path> = excluded.iter().map(|p| p.as_path()).collect();
    let mut findings = scan.tree(&world.state_dir(), &exclude);
    findings.extend(scan.argv(&world.argv_log()));
    for (i, run) in runs.iter().enumerate() {
        findings.extend(scan.text(&format!("stdout of run {i}"), run.stdout.as_bytes()));
        findings.extend(scan.text(&format!("stderr of run {i}"), run.stderr.as_bytes()));
    }
    assert!(
        findings.is_empty(),
        "secrets leaked:\n{}",
        secrets::describe(&findings)
    );
    assert!(
        server.requests_with_credentials_in_url().is_empty(),
        "a credential in a request URL"
    );
}
