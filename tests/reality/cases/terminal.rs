//! A person at a terminal, against the simulator with the real oc: the wizard asks the registry
//! login again when the registry refuses it, resumes the wait of an HA install without asking
//! what its objects hold, and a terminal that closes during the wait ends the run as Ctrl-C
//! does (exit 129), leaving what the next run resumes.

use super::common::{self, Installer, PROJECT};
use crate::process::Signal;
use crate::pty::{Pty, Size};
use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use serde_json::json;
use std::time::Duration;

pub const CASES: &[Case] = &[
    Case {
        name: "a_hang_up_during_the_wait_ends_the_run_and_a_rerun_resumes",
        needs: Needs::Simulator,
        run: hung_up_then_resumed,
    },
    Case {
        name: "the_wizard_asks_the_login_again_when_the_registry_refuses_it",
        needs: Needs::Simulator,
        run: login_asked_again,
    },
    Case {
        name: "the_wizard_resumes_the_wait_of_an_ha_install_without_asking_its_urls",
        needs: Needs::Simulator,
        run: ha_wait_resumed,
    },
];

/// Steps of a real oc against the simulator take seconds, not milliseconds.
const STEP: Duration = Duration::from_secs(180);

/// The installer with `args` in a terminal, the registry password not given.
fn terminal(world: &World, args: &[&str]) -> Pty {
    let mut cmd = world.installer(args);
    cmd.env("THREESCALE_NO_VERIFY", "1");
    Pty::start(&cmd, Size::TALL).with_deadline(STEP)
}

fn hung_up_then_resumed(world: &World) {
    world.start_sim(Scenario::named("happy").speed(60.0));
    let installer = Installer::new(world, &["--timeout", "20m"]);
    let hung_up = crate::process::collect(
        installer.command(),
        None,
        Some(("waiting for 3scale to work", Signal::HangUp)),
        crate::world::RUN_DEADLINE,
    );
    hung_up.assert_code(&[129]);
    assert!(
        hung_up.signalled && hung_up.stderr.contains("interrupted (hung up); "),
        "{}",
        hung_up.transcript()
    );
    assert!(!hung_up.strays, "no oc outlived the installer");
    let resumed = world.run(["--yes", "--poll-interval", "250ms", "--no-verify"]);
    resumed.assert_code(&[0]);
    assert!(
        resumed
            .stderr
            .contains("resuming the install of project 3scale-apim that stopped while waiting")
            && !resumed.stderr.contains("took over the lock"),
        "the record is kept and the lock released:\n{}",
        resumed.transcript()
    );
    let scan = common::secrets_of(world, PROJECT, &[]);
    common::assert_no_leak(world, &scan, &[&hung_up, &resumed]);
}

fn login_asked_again(world: &World) {
    world.start_sim(Scenario::named("bad-registry").speed(60.0));
    let (user, password) = common::SIM_REGISTRY;
    let mut t = terminal(world, &["--registry-username", user, "--no-wait"]);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    t.type_secret(
        "Registry password ›",
        "a-wrong-token",
        "Customize template parameters?",
    );
    t.send("n\r");
    t.answer("What now?", "\r");
    t.wait_for("type the login again");
    // The account is fixed meanwhile: the registry lets this login in now.
    world.sim().scenario(json!({"registries": [
        {"host": "registry.redhat.io", "username": user, "password": password}
    ]}));
    t.answer("Registry username", "\r");
    t.type_secret("Registry password ›", password, "What now?");
    t.send("\r");
    t.wait_for("in project 3scale-apim");
    assert_eq!(t.finish(), 0, "{}", t.contents());
    assert!(
        t.contents()
            .contains("lets 12345678|threescale-installer in"),
        "checked again: {}",
        t.contents()
    );
    let dcs = common::list(world, "deploymentconfigs", PROJECT);
    assert!(!dcs.is_empty(), "the install went on");
    for leaked in [password, "a-wrong-token"] {
        assert!(!t.output().contains(leaked), "{leaked} on the terminal");
    }
    let scan = common::secrets_of(world, PROJECT, &[("the refused token", "a-wrong-token")]);
    common::assert_no_leak(world, &scan, &[]);
}

fn ha_wait_resumed(world: &World) {
    world.start_sim(Scenario::named("happy").speed(60.0));
    let urls = [
        (
            "THREESCALE_PARAM_SYSTEM_DATABASE_URL",
            "mysql2://root:db-Passw0rd@mysql.example.internal:3306/system",
        ),
        (
            "THREESCALE_PARAM_SYSTEM_REDIS_URL",
            "redis://:redisPassw0rd@redis.example.internal:6379/1",
        ),
        (
            "THREESCALE_PARAM_BACKEND_REDIS_STORAGE_ENDPOINT",
            "redis://:redisPassw0rd@backend-redis.example.internal:6379/0",
        ),
        (
            "THREESCALE_PARAM_BACKEND_REDIS_QUEUES_ENDPOINT",
            "redis://:redisPassw0rd@backend-redis.example.internal:6379/2",
        ),
    ];
    let mut created = Installer::new(world, &["--template", "amp-ha-tech-preview", "--no-wait"]);
    for (k, v) in urls {
        created = created.env(k, v);
    }
    created.run().assert_code(&[0]);
    // The rollouts are done by the time the wizard looks.
    world.sim().advance(3600.0);
    let mut t = terminal(world, &["--poll-interval", "250ms"]);
    t.answer("Install on this cluster?", "y\r");
    t.wait_for("is installed in project 3scale-apim");
    assert_eq!(t.finish(), 0, "{}", t.contents());
    let asked: Vec<String> = t
        .rows()
        .into_iter()
        .filter(|r| r.starts_with("✔ ") && r.contains(" · "))
        .collect();
    assert_eq!(
        asked,
        ["✔ Install on this cluster? · yes"],
        "{}",
        t.contents()
    );
    let scan = common::secrets_of(world, PROJECT, &urls);
    common::assert_no_leak(world, &scan, &[]);
}
