//! The harness reaches the cluster: the real oc through the wrapper, and the installer itself.

use crate::runner::{Case, Needs};
use crate::secrets::{self, SecretScan};
use crate::world::World;

pub const CASES: &[Case] = &[
    Case {
        name: "oc_reaches_the_cluster",
        needs: Needs::AnyCluster,
        run: oc_reaches_the_cluster,
    },
    Case {
        name: "installer_preflight_runs",
        needs: Needs::AnyCluster,
        run: installer_preflight_runs,
    },
    Case {
        name: "preflight_keeps_the_registry_password_secret",
        needs: Needs::AnyCluster,
        run: preflight_keeps_the_registry_password_secret,
    },
];

/// The registry login of the happy scenario.
const HAPPY_REGISTRY: (&str, &str) = (
    "12345678|threescale-installer",
    "valid-registry-token-happy",
);

fn oc_reaches_the_cluster(world: &World) {
    let run = world.run_command(world.oc(["whoami"]), None);
    run.assert_code(&[0]);
    let user = run.stdout.trim();
    assert!(
        !user.is_empty(),
        "oc whoami printed no user:\n{}",
        run.transcript()
    );
    if world.is_simulated() {
        assert_eq!(user, "developer", "the happy scenario's kubeconfig user");
        let whoami = world
            .sim()
            .requests(0)
            .into_iter()
            .filter(|r| r.path.ends_with("/users/~"))
            .count();
        assert_eq!(whoami, 1, "one GET users/~ reached the simulator");
    }
    assert_eq!(world.argv_log(), vec![vec!["whoami".to_string()]]);
}

fn installer_preflight_runs(world: &World) {
    let run = world.run(["preflight", "--templates-repo", world.templates_url()]);
    // 0: every check passed; 3: a check failed (e.g. a real cluster without an RWX class).
    run.assert_code(&[0, 3]);
    let header = run.stdout.lines().next().unwrap_or("");
    assert!(
        header.starts_with("CHECK") && header.contains("RESULT"),
        "no CHECK table on stdout:\n{}",
        run.transcript()
    );
    for check in ["login", "templates"] {
        assert!(
            run.stdout.lines().any(|l| l.starts_with(check)),
            "no {check} row:\n{}",
            run.transcript()
        );
    }
    let calls = world.argv_log();
    assert!(
        calls.iter().any(|argv| argv.iter().any(|a| a == "whoami")),
        "preflight never ran oc whoami: {calls:?}"
    );
    if let Some(sim) = world.simulator() {
        let writes = sim.mutating_requests(0);
        assert!(
            writes.is_empty(),
            "preflight changed the cluster:\n{}",
            writes
                .iter()
                .map(|r| format!("  {r}\n"))
                .collect::<String>()
        );
    }
}

fn preflight_keeps_the_registry_password_secret(world: &World) {
    let (username, password) = match world.registry_credentials() {
        Some(login) => login,
        None if world.is_simulated() => HAPPY_REGISTRY,
        None => world.skip("set THREESCALE_REALITY_REGISTRY_USERNAME and _PASSWORD"),
    };
    let run = world.run_with_stdin(
        [
            "preflight",
            "--registry-username",
            username,
            "--registry-password-stdin",
        ],
        format!("{password}\n").as_bytes(),
    );
    run.assert_code(&[0, 3]);
    assert!(
        !run.stdout
            .lines()
            .any(|l| l.starts_with("inputs ") && l.contains("fail")),
        "the password on stdin was not taken:\n{}",
        run.transcript()
    );
    let scan = SecretScan::new().secret("registry password", password);
    let sim_dir = world.dir().join("sim");
    let mut found = scan.tree(world.dir(), &[sim_dir.as_path()]);
    found.extend(scan.argv(&world.argv_log()));
    found.extend(scan.text("stdout", run.stdout.as_bytes()));
    found.extend(scan.text("stderr", run.stderr.as_bytes()));
    assert!(found.is_empty(), "{}", secrets::describe(&found));
}
