//! What goes wrong on real clusters, against the simulator: a partial install, bad registry
//! credentials, no RWX class, a user who administers a pre-made project, denied roles, a flaky
//! API, an API that goes away during the wait, an expired token, Ctrl-C during the wait, lost
//! objects. Simulator only: faults, scenarios and the request log are the simulator's.

use super::common::{self, Installer, PROJECT};
use crate::process::Signal;
use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use serde_json::{json, Value};

pub const CASES: &[Case] = &[
    Case {
        name: "partial_install_resumes_with_system_seed_unchanged",
        needs: Needs::Simulator,
        run: partial_install_resumes,
    },
    Case {
        name: "bad_registry_credentials_stop_before_the_objects_and_a_fixed_login_resumes",
        needs: Needs::Simulator,
        run: bad_registry,
    },
    Case {
        name: "no_rwx_class_stops_before_any_change",
        needs: Needs::Simulator,
        run: no_rwx,
    },
    Case {
        name: "a_premade_project_is_used_by_its_admin",
        needs: Needs::Simulator,
        run: premade_project,
    },
    Case {
        name: "denied_roles_stop_the_install_before_any_change",
        needs: Needs::Simulator,
        run: denied_roles,
    },
    Case {
        name: "a_flaky_api_is_survived",
        needs: Needs::Simulator,
        run: flaky_api,
    },
    Case {
        name: "an_api_away_during_the_wait_is_waited_out",
        needs: Needs::Simulator,
        run: api_away_during_wait,
    },
    Case {
        name: "an_expired_token_during_the_wait_says_to_log_in",
        needs: Needs::Simulator,
        run: token_expired,
    },
    Case {
        name: "an_expired_token_while_creating_names_the_objects_once_and_exits_3",
        needs: Needs::Simulator,
        run: token_expired_while_creating,
    },
    Case {
        name: "ctrl_c_during_the_wait_then_resume_without_flags",
        needs: Needs::Simulator,
        run: interrupted_then_resumed,
    },
    Case {
        name: "a_lost_object_is_recreated_with_the_values_that_exist",
        needs: Needs::Simulator,
        run: lost_objects,
    },
];

fn happy(world: &World) {
    world.start_sim(Scenario::named("happy").speed(60.0));
}

fn partial_install_resumes(world: &World) {
    happy(world);
    let sim = world.sim();
    // Every deployment config refused: the install stops after the rest was created.
    sim.faults(json!({"errors": [{"path": "/deploymentconfigs", "methods": ["POST"], "status": 500, "count": 100000}]}));
    let installer = Installer::new(world, &["--timeout", "10m"]);
    let first = installer.run();
    first.assert_code(&[4, 5]);
    assert!(
        first.stderr.contains("run the same command again"),
        "{}",
        first.transcript()
    );
    // oc's lines for a failing server name no object: the refused calls' objects are named.
    assert!(
        first.stderr.contains("not created (or not all")
            && first.stderr.contains("deploymentconfig/system-app"),
        "{}",
        first.transcript()
    );
    let seed = common::secret_data(world, PROJECT, "system-seed")
        .expect("system-seed was created before the refusals");
    let dcs = common::list(world, "deploymentconfigs.apps.openshift.io", PROJECT);
    assert!(dcs.is_empty(), "no deployment config got through: {dcs:?}");

    sim.clear_faults();
    let since = sim.last_seq();
    let second = world.run_command(Installer::new(world, &[]).command(), None);
    second.assert_code(&[0]);
    assert_eq!(
        common::secret_data(world, PROJECT, "system-seed"),
        Some(seed),
        "system-seed unchanged"
    );
    let conflicts: Vec<String> = sim
        .requests(since)
        .iter()
        .filter(|r| r.status == json!(409))
        .map(|r| r.to_string())
        .collect();
    assert!(
        conflicts.is_empty(),
        "the resume sent objects that existed:\n{}",
        conflicts.join("\n")
    );
    let objects = common::template_objects(world, "amp");
    assert_eq!(
        common::present(world, PROJECT, &objects).len(),
        objects.len()
    );
    let scan = common::secrets_of(world, PROJECT, &[]);
    common::assert_no_leak(world, &scan, &[&first, &second]);
}

fn bad_registry(world: &World) {
    world.start_sim(Scenario::named("bad-registry").speed(60.0));
    // Real OpenShift never rolls a deployment config out before its image resolves ("waiting on
    // image update"); the simulator's default starts it anyway, to fail it at its deadline.
    world
        .sim()
        .scenario(json!({"unresolved_image_policy": "wait"}));
    // The scenario accepts no credentials at all: the login check stops the install before any
    // object of 3scale exists (a dry-run import creates nothing).
    let since = world.sim().last_seq();
    let refused = Installer::new(world, &[]).run();
    refused.assert_code(&[2]);
    assert!(
        refused
            .stderr
            .contains("registry.redhat.io refused the login of")
            && refused
                .stderr
                .contains("you may not have access to the container image"),
        "the registry's answer is the error:\n{}",
        refused.transcript()
    );
    let changed: Vec<String> = world
        .sim()
        .mutating_requests(since)
        .iter()
        .filter_map(|r| r.resource.clone())
        .collect();
    assert!(
        changed.iter().all(|r| [
            "projectrequests.project.openshift.io",
            "secrets",
            "imagestreamimports.image.openshift.io"
        ]
        .contains(&r.as_str())),
        "only the project, the pull secret and the check: {changed:?}"
    );

    // With the check skipped (a cluster that pulls through a mirror, say), the wait finds the
    // failed imports as the root cause, well before the deadline.
    let started = std::time::Instant::now();
    let run = Installer::new(
        world,
        &["--timeout", "25m", "--skip-check", "registry-login"],
    )
    .run();
    run.assert_code(&[4]);
    assert!(
        run.stderr.contains("image-import-failed") && run.stderr.contains("Unauthorized"),
        "the import failure is the root cause:\n{}",
        run.transcript()
    );
    assert!(
        run.stderr.contains("threescale-registry-auth")
            && run.stderr.contains("--registry-username"),
        "and the help fits it:\n{}",
        run.transcript()
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(120),
        "took {:?}",
        started.elapsed()
    );

    // The registry now lets the login in (the account was fixed): a plain re-run checks it and
    // imports every failed stream again, and 3scale comes up.
    let (user, password) = common::registry(world);
    world.sim().scenario(json!({"registries": [
        {"host": "registry.redhat.io", "username": user, "password": password}
    ]}));
    let since = world.sim().last_seq();
    let fixed = Installer::new(world, &["--timeout", "25m"]).run();
    fixed.assert_code(&[0, 6]);
    let imports = world
        .sim()
        .requests(since)
        .iter()
        .filter(|r| {
            r.resource.as_deref() == Some("imagestreamimports.image.openshift.io")
                && r.method == "POST"
        })
        .count();
    assert!(
        imports >= 2,
        "the check and the re-imports: {imports}\n{}",
        fixed.transcript()
    );
    let scan = common::secrets_of(world, PROJECT, &[]);
    common::assert_no_leak(world, &scan, &[&refused, &run, &fixed]);
}

fn no_rwx(world: &World) {
    world.start_sim(Scenario::named("no-rwx"));
    let since = world.sim().last_seq();
    let run = Installer::new(world, &[]).run();
    run.assert_code(&[3]);
    assert!(
        run.stderr
            .contains("no storage class is known to bind ReadWriteMany"),
        "{}",
        run.transcript()
    );
    assert!(
        run.stderr.contains("amp-s3"),
        "the S3 profile is offered:\n{}",
        run.transcript()
    );
    assert!(
        run.stderr.contains("nothing was changed"),
        "{}",
        run.transcript()
    );
    assert!(
        world.sim().mutating_requests(since).is_empty(),
        "nothing changed"
    );
}

fn premade_project(world: &World) {
    world.start_sim(Scenario::named("no-project-rights").speed(60.0));
    // A project of one's own is refused before any change, naming who should do what.
    let since = world.sim().last_seq();
    let refused = Installer::new(world, &["--project", "mine"]).run();
    refused.assert_code(&[3]);
    assert!(
        refused
            .stderr
            .contains("oc adm new-project mine --admin=developer"),
        "{}",
        refused.transcript()
    );
    assert!(world.sim().mutating_requests(since).is_empty());
    // The project made for the user works.
    let run = Installer::new(
        world,
        &["--project", "3scale-preprovisioned", "--timeout", "20m"],
    )
    .run();
    run.assert_code(&[0]);
    let scan = common::secrets_of(world, "3scale-preprovisioned", &[]);
    common::assert_no_leak(world, &scan, &[&run]);
}

fn denied_roles(world: &World) {
    let mut scenario: Value =
        serde_json::from_str(&std::fs::read_to_string(scenario_file("no-project-rights")).unwrap())
            .unwrap();
    for u in scenario["users"].as_array_mut().unwrap() {
        if u["name"] == "developer" {
            u["deny"] = json!([{"verbs": ["create"], "resources": ["roles", "rolebindings"]}]);
        }
    }
    scenario["name"] = json!("denied-roles");
    world.start_sim(Scenario::json(scenario));
    let since = world.sim().last_seq();
    let run = Installer::new(world, &["--project", "3scale-preprovisioned"]).run();
    run.assert_code(&[3]);
    assert!(
        run.stderr
            .contains("create roles.rbac.authorization.k8s.io in project 3scale-preprovisioned"),
        "{}",
        run.transcript()
    );
    assert!(run.stderr.contains("rolebindings"), "{}", run.transcript());
    assert!(
        world.sim().mutating_requests(since).is_empty(),
        "nothing changed before the refusal"
    );
}

fn flaky_api(world: &World) {
    world.start_sim(Scenario::named("flaky").speed(60.0));
    let run = Installer::new(world, &["--timeout", "20m"]).run();
    run.assert_code(&[0]);
    let objects = common::template_objects(world, "amp");
    assert_eq!(
        common::present(world, PROJECT, &objects).len(),
        objects.len()
    );
    let rerun = Installer::new(world, &[]).run();
    rerun.assert_code(&[0]);
    // Failed and split reads, retried creates and the look at what a failed create made all
    // touch the project's secrets: none of it may reach the transcript.
    let scan = common::secrets_of(world, PROJECT, &[]);
    common::assert_no_leak(world, &scan, &[&run, &rerun]);
}

fn api_away_during_wait(world: &World) {
    happy(world);
    let sim = world.sim();
    let installer = Installer::new(world, &["--timeout", "20m"]);
    let mut away = false;
    let run = installer.run_watching(&mut |line| {
        if line.contains("waiting for 3scale to work") && !away {
            away = true;
            sim.faults(json!({"unreachable": true}));
        }
        if line.contains("does not answer") {
            sim.clear_faults();
        }
        None
    });
    run.assert_code(&[0]);
    assert!(
        run.stderr.contains("does not answer"),
        "the wait said so:\n{}",
        run.transcript()
    );
    assert!(
        !run.stderr.contains("memcache.go"),
        "no raw client-go lines:\n{}",
        run.transcript()
    );
}

fn token_expired(world: &World) {
    happy(world);
    let sim = world.sim();
    let run = Installer::new(world, &["--timeout", "20m"]).run_watching(&mut |line| {
        if line.contains("waiting for 3scale to work") {
            sim.faults(json!({"token_expired_after": 0}));
        }
        None
    });
    run.assert_code(&[3]);
    assert!(run.stderr.contains("oc login"), "{}", run.transcript());
    assert!(
        run.stderr.contains("run the same command again"),
        "{}",
        run.transcript()
    );
}

/// The token refused while the deployment configs are created: one line says so, the objects
/// are named, and it is a login to fix (exit 3), not a failed change.
fn token_expired_while_creating(world: &World) {
    happy(world);
    let sim = world.sim();
    sim.faults(json!({"errors": [{"path": "/deploymentconfigs", "methods": ["POST"], "status": 401, "count": 100000}]}));
    let run = Installer::new(world, &["--timeout", "10m"]).run();
    run.assert_code(&[3]);
    let unauthorized = run
        .stderr
        .lines()
        .filter(|l| l.contains("You must be logged in"))
        .count();
    assert_eq!(unauthorized, 1, "said once:\n{}", run.transcript());
    assert!(run.stderr.contains("oc login"), "{}", run.transcript());
    assert!(
        run.stderr.contains("deploymentconfig/system-app"),
        "the objects are named:\n{}",
        run.transcript()
    );
}

fn interrupted_then_resumed(world: &World) {
    happy(world);
    let installer = Installer::new(world, &["--project", "second", "--timeout", "20m"]);
    // Ctrl-C as a terminal sends it: to the installer and its oc, when the wait begins.
    let interrupted = crate::process::collect(
        installer.command(),
        None,
        Some(("waiting for 3scale to work", Signal::CtrlC)),
        crate::world::RUN_DEADLINE,
    );
    interrupted.assert_code(&[130]);
    assert!(
        interrupted.signalled && interrupted.stderr.contains("interrupted;"),
        "{}",
        interrupted.transcript()
    );
    assert!(!interrupted.strays, "no oc outlived the installer");
    // Resume without flags: the record says which project, the pull secret holds the login.
    let resumed = world.run(["--yes", "--poll-interval", "250ms", "--no-verify"]);
    resumed.assert_code(&[0]);
    assert!(
        resumed
            .stderr
            .contains("resuming the install of project second"),
        "{}",
        resumed.transcript()
    );
    let scan = common::secrets_of(world, "second", &[]);
    common::assert_no_leak(world, &scan, &[&interrupted, &resumed]);
}

fn lost_objects(world: &World) {
    happy(world);
    let installer = Installer::new(world, &["--timeout", "20m"]);
    installer.run().assert_code(&[0]);
    let seed = common::secret_data(world, PROJECT, "system-seed");

    // A deployment config holding a generated value in its environment: recreated with it.
    world
        .run_command(world.oc(["delete", "dc/system-mysql", "-n", PROJECT]), None)
        .assert_code(&[0]);
    let rerun = installer.run();
    rerun.assert_code(&[0]);
    let url = common::secret_data(world, PROJECT, "system-database")
        .unwrap()
        .into_iter()
        .find(|(k, _)| k == "URL")
        .unwrap()
        .1;
    let root = url
        .trim_start_matches("mysql2://root:")
        .split('@')
        .next()
        .unwrap()
        .to_string();
    let dc = common::list(world, "deploymentconfigs.apps.openshift.io", PROJECT)
        .into_iter()
        .find(|d| d["metadata"]["name"] == "system-mysql")
        .expect("system-mysql recreated");
    let env = dc["spec"]["template"]["spec"]["containers"][0]["env"]
        .as_array()
        .unwrap()
        .clone();
    let env_root = env
        .iter()
        .find(|e| e["name"] == "MYSQL_ROOT_PASSWORD")
        .and_then(|e| e["value"].as_str())
        .unwrap();
    assert_eq!(
        env_root, root,
        "the recreated system-mysql has the root password system-database holds"
    );
    assert_eq!(common::secret_data(world, PROJECT, "system-seed"), seed);

    // The only holder of a generated value, used by running deployment configs: refused.
    world
        .run_command(
            world.oc(["delete", "secret/system-database", "-n", PROJECT]),
            None,
        )
        .assert_code(&[0]);
    let since = world.sim().last_seq();
    let refused = installer.run();
    refused.assert_code(&[2]);
    assert!(
        refused.stderr.contains("secret/system-database")
            && refused.stderr.contains("SYSTEM_DATABASE_PASSWORD"),
        "{}",
        refused.transcript()
    );
    assert!(
        world.sim().mutating_requests(since).is_empty(),
        "nothing created with mismatched credentials"
    );
}

fn scenario_file(name: &str) -> std::path::PathBuf {
    let server = std::path::PathBuf::from(
        std::env::var("THREESCALE_REALITY_SIMULATOR").expect("simulator mode"),
    );
    server
        .parent()
        .unwrap()
        .join("scenarios")
        .join(format!("{name}.json"))
}
