//! The engine with the real oc against the simulator: a second command on a project whose install
//! is waiting is refused at once, before any request that changes the cluster; and every dry run
//! (uninstall, gateway add and remove, tenant create and remove) sends no such request to the
//! cluster nor to 3scale, and writes no file.

use super::common::{self, Installer, PROJECT};
use crate::process::{self, Signal};
use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use fake_3scale::{Config, Proxy, Server};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const CASES: &[Case] = &[
    Case {
        name: "a_command_on_a_project_an_install_holds_is_refused_at_once",
        needs: Needs::Simulator,
        run: refused_while_an_install_waits,
    },
    Case {
        name: "dry_runs_change_nothing_on_the_cluster_in_3scale_or_here",
        needs: Needs::Simulator,
        run: dry_runs,
    },
];

fn refused_while_an_install_waits(world: &World) {
    // Slow enough that the install is still waiting when the second command comes.
    world.start_sim(Scenario::named("happy").speed(1.0));
    let sim = world.sim();
    let installer = Installer::new(world, &["--timeout", "20m"]);
    let mut refused = None;
    let mut watch = |line: &str| {
        if refused.is_some() || !line.contains("waiting for 3scale to work") {
            return None;
        }
        let since = sim.last_seq();
        let second = world.run(["uninstall", "--yes", "--project", PROJECT]);
        refused = Some((second, sim.mutating_requests(since)));
        Some(Signal::CtrlC)
    };
    let install = process::collect_watching(
        installer.command(),
        None,
        &mut watch,
        crate::world::RUN_DEADLINE,
    );
    let (second, requests) = refused.expect("the install reached its wait");
    second.assert_code(&[3]);
    assert!(
        second.stderr.contains("another threescale-install (pid")
            && second.stderr.contains("`install`")
            && second.stderr.contains("nothing was changed"),
        "{}",
        second.transcript()
    );
    assert!(
        requests.is_empty(),
        "the refused uninstall changed: {requests:?}"
    );
    install.assert_code(&[130]);
    // The install resumes, unharmed.
    sim.speed(60.0);
    Installer::new(world, &["--timeout", "20m"])
        .run()
        .assert_code(&[0]);
}

/// Every file under the state dir, with its content.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    out
}

fn dry_runs(world: &World) {
    world.start_sim(Scenario::named("happy").speed(60.0));
    Installer::new(world, &["--timeout", "20m"])
        .run()
        .assert_code(&[0]);
    let portal = common::installed_portal(world);
    let server = Server::start(
        Config::new(&portal.domain)
            .admin_access_token(&portal.admin_token)
            .master_access_token(&portal.master_token),
    );
    let proxy = Proxy::start(server.port());
    let sim = world.sim();
    let before = files(&world.state_dir());
    let since = sim.last_seq();
    for (run, change) in dry_run_each(world, &server, &proxy) {
        run.assert_code(&[0]);
        assert!(
            run.stdout.contains("would, in project") && run.stdout.contains(change),
            "{change}: {}",
            run.transcript()
        );
    }
    let changed = sim.mutating_requests(since);
    assert!(
        changed.is_empty(),
        "a dry run changed the cluster: {changed:?}"
    );
    let writes: Vec<_> = server
        .requests()
        .into_iter()
        .filter(|r| r.method != "GET")
        .collect();
    assert!(writes.is_empty(), "a dry run changed 3scale: {writes:?}");
    assert_eq!(
        files(&world.state_dir()),
        before,
        "a dry run wrote a local file"
    );
}

/// Every dry run, with a change it must name.
fn dry_run_each(
    world: &World,
    server: &Server,
    proxy: &Proxy,
) -> Vec<(crate::process::Run, &'static str)> {
    let ca = server.ca_pem_path().display().to_string();
    let https = |args: &[&str]| -> Vec<String> {
        let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        all.extend(["--ca-file".to_string(), ca.clone()]);
        all
    };
    let gateway = https(&[
        "gateway",
        "add",
        "--name",
        "gw-dry",
        "--host",
        "api.dry.example.com",
        "--yes",
        "--dry-run",
    ]);
    let tenant = https(&[
        "tenant",
        "create",
        "--org-name",
        "Dry Corp",
        "--admin-username",
        "dry-admin",
        "--admin-email",
        "ops@dry.example",
        "--yes",
        "--dry-run",
    ]);
    vec![
        (world.run(["uninstall", "--dry-run"]), "delete the "),
        (run_through(world, proxy, &gateway), "mint access token"),
        (
            run_through(world, proxy, &tenant),
            "sign tenant Dry Corp up",
        ),
    ]
}

/// A run that reaches 3scale's hosts through the fake's CONNECT proxy.
fn run_through(world: &World, proxy: &Proxy, args: &[String]) -> crate::process::Run {
    let mut cmd = world.installer(args);
    cmd.env("HTTPS_PROXY", proxy.url()).env("NO_PROXY", "");
    world.run_command(cmd, None)
}
