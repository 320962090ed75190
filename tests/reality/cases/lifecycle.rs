//! Every profile of the real 2.8.0.GA templates through its whole life with the real oc: install
//! with the wait, a re-run that changes nothing, status, credentials, uninstall leaving none of
//! the template's objects, and an install again; after each command, no secret anywhere.

use super::common::{self, Installer, PROJECT};
use crate::process::Run;
use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use serde_json::Value;

pub const CASES: &[Case] = &[
    Case {
        name: "lifecycle_amp",
        needs: Needs::AnyCluster,
        run: |w| lifecycle(w, "amp"),
    },
    Case {
        name: "lifecycle_amp_postgresql",
        needs: Needs::AnyCluster,
        run: |w| lifecycle(w, "amp-postgresql"),
    },
    Case {
        name: "lifecycle_amp_eval_tech_preview",
        needs: Needs::AnyCluster,
        run: |w| lifecycle(w, "amp-eval-tech-preview"),
    },
    Case {
        name: "lifecycle_amp_s3",
        needs: Needs::AnyCluster,
        run: |w| lifecycle(w, "amp-s3"),
    },
    Case {
        name: "lifecycle_amp_ha_tech_preview",
        needs: Needs::AnyCluster,
        run: |w| lifecycle(w, "amp-ha-tech-preview"),
    },
];

/// The inputs a profile needs beyond the common ones: (plain parameters, secret parameters as
/// environment variables).
pub type Inputs = (Vec<String>, Vec<(String, String)>);

pub fn inputs(world: &World, profile: &str) -> Inputs {
    let real = !world.is_simulated();
    let env = |k: &str| std::env::var(k).ok();
    match profile {
        "amp-s3" => {
            // The simulator runs no containers: any bucket does. A real cluster needs a real one.
            let bucket = if real {
                env("THREESCALE_REALITY_S3_BUCKET").unwrap_or_else(|| world.skip("amp-s3 on a real cluster needs THREESCALE_REALITY_S3_BUCKET, _REGION, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))
            } else {
                "threescale-assets".into()
            };
            let region = env("THREESCALE_REALITY_S3_REGION").unwrap_or_else(|| "eu-west-1".into());
            let key_id = env("AWS_ACCESS_KEY_ID")
                .filter(|_| real)
                .unwrap_or_else(|| "AKIAREALITYTIER0001".into());
            let secret = env("AWS_SECRET_ACCESS_KEY")
                .filter(|_| real)
                .unwrap_or_else(|| "reality/aws+secret=key/0123456789abcdef".into());
            (
                vec![
                    "-p".into(),
                    format!("AWS_BUCKET={bucket}"),
                    "-p".into(),
                    format!("AWS_REGION={region}"),
                    "-p".into(),
                    format!("AWS_ACCESS_KEY_ID={key_id}"),
                ],
                vec![("AWS_SECRET_ACCESS_KEY".into(), secret)],
            )
        }
        "amp-ha-tech-preview" => {
            if real && env("THREESCALE_PARAM_SYSTEM_DATABASE_URL").is_none() {
                world.skip("amp-ha-tech-preview on a real cluster needs external databases: set THREESCALE_PARAM_SYSTEM_DATABASE_URL, _SYSTEM_REDIS_URL, _BACKEND_REDIS_STORAGE_ENDPOINT, _BACKEND_REDIS_QUEUES_ENDPOINT");
            }
            let url = |k: &str, default: &str| {
                (
                    format!("THREESCALE_PARAM_{k}"),
                    env(&format!("THREESCALE_PARAM_{k}")).unwrap_or_else(|| default.into()),
                )
            };
            (
                Vec::new(),
                vec![
                    url(
                        "SYSTEM_DATABASE_URL",
                        "mysql2://root:db-Passw0rd%23x@mysql.example.internal:3306/system",
                    ),
                    url(
                        "SYSTEM_REDIS_URL",
                        "redis://:redisPassw0rd@redis.example.internal:6379/1",
                    ),
                    url(
                        "BACKEND_REDIS_STORAGE_ENDPOINT",
                        "redis://:redisPassw0rd@backend-redis.example.internal:6379/0",
                    ),
                    url(
                        "BACKEND_REDIS_QUEUES_ENDPOINT",
                        "redis://:redisPassw0rd@backend-redis.example.internal:6379/2",
                    ),
                ],
            )
        }
        _ => (Vec::new(), Vec::new()),
    }
}

fn lifecycle(world: &World, profile: &str) {
    if world.is_simulated() {
        world.start_sim(Scenario::named("happy").speed(60.0));
    }
    let (plain, secret) = inputs(world, profile);
    let mut extra: Vec<&str> = vec!["--template", profile, "--timeout", "20m"];
    // At 2.8.0.GA, amp-postgresql is the 3scale 2.7 file (refused); 2.8-stable has the 2.8 one.
    let git_ref = (profile == "amp-postgresql").then_some("2.8-stable");
    if let Some(r) = git_ref {
        extra.extend(["--templates-ref", r]);
    }
    extra.extend(plain.iter().map(String::as_str));
    let mut installer = Installer::new(world, &extra);
    for (k, v) in &secret {
        installer = installer.env(k, v);
    }
    let extra_secrets: Vec<(&str, &str)> = secret
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();

    // Install, waiting for 3scale to work.
    let install = installer.run();
    install.assert_code(&[0]);
    assert!(
        install
            .stdout
            .contains("3scale API Management is installed in project"),
        "{}",
        install.transcript()
    );
    let objects = every_object_exists(world, profile, git_ref, &install);
    let scan = common::secrets_of(world, PROJECT, &extra_secrets);
    common::assert_no_leak(world, &scan, &[&install]);

    let rerun = a_rerun_changes_nothing(world, &installer, &install);
    let (status, creds) = status_and_credentials(world, profile);
    common::assert_no_leak(world, &scan, &[&rerun, &status, &creds]);

    // uninstall: none of the template's objects (nor zync's routes) is left.
    let uninstall = common::command(world, &["uninstall", "--yes"]);
    uninstall.assert_code(&[0]);
    let left = common::present(world, PROJECT, &objects);
    assert!(
        left.is_empty(),
        "uninstall left {left:?}:\n{}",
        uninstall.transcript()
    );
    let routes = common::list(world, "routes.route.openshift.io", PROJECT);
    assert!(routes.is_empty(), "uninstall left routes: {routes:?}");
    common::assert_no_leak(world, &scan, &[&uninstall]);

    // And again, from scratch, into the same project.
    let again = installer.run();
    again.assert_code(&[0]);
    assert_eq!(
        common::present(world, PROJECT, &objects).len(),
        objects.len()
    );
    let scan = common::secrets_of(world, PROJECT, &extra_secrets);
    common::assert_no_leak(world, &scan, &[&again]);
}

/// Every object of the profile exists after the install; the HA profile's PodDisruptionBudgets
/// are sent as policy/v1.
fn every_object_exists(
    world: &World,
    profile: &str,
    git_ref: Option<&str>,
    install: &Run,
) -> Vec<(String, String)> {
    let objects = match git_ref {
        Some(r) => common::template_objects_at(world, r, profile),
        None => common::template_objects(world, profile),
    };
    let present = common::present(world, PROJECT, &objects);
    assert_eq!(
        present.len(),
        objects.len(),
        "every object of {profile} exists after the install"
    );
    if profile == "amp-ha-tech-preview" {
        let pdbs = common::list(world, "poddisruptionbudgets.policy", PROJECT);
        assert!(
            !pdbs.is_empty() && pdbs.iter().all(|p| p["apiVersion"] == "policy/v1"),
            "PDBs sent as policy/v1 on Kubernetes 1.25+: {pdbs:?}"
        );
        assert!(
            install
                .stderr
                .contains("PodDisruptionBudgets are sent as policy/v1"),
            "the plan says so:\n{}",
            install.transcript()
        );
    }
    objects
}

/// A re-run of the finished install: exit 0, no change, at most 8 oc calls, the same summary.
fn a_rerun_changes_nothing(world: &World, installer: &Installer, install: &Run) -> Run {
    let since_requests = world.simulator().map(|s| s.last_seq());
    let calls_before = world.argv_log().len();
    let rerun = installer.run();
    rerun.assert_code(&[0]);
    assert_eq!(
        summary(&rerun.stdout),
        summary(&install.stdout),
        "the same summary"
    );
    let calls = common::calls_since(world, calls_before);
    assert!(
        calls.len() <= 8,
        "a re-run makes at most 8 oc calls, made {}:\n{calls:#?}",
        calls.len()
    );
    if let (Some(sim), Some(since)) = (world.simulator(), since_requests) {
        let writes = sim.mutating_requests(since);
        assert!(
            writes.is_empty(),
            "the re-run changed the cluster:\n{}",
            writes
                .iter()
                .map(|r| r.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    rerun
}

/// status: healthy, nothing old blamed; credentials: the logins, secrets withheld without
/// --show-secrets.
fn status_and_credentials(world: &World, profile: &str) -> (Run, Run) {
    // status: healthy, nothing old blamed.
    let status = common::command(world, &["status", "-o", "json"]);
    status.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&status.stdout).expect("status JSON");
    assert_eq!(doc["healthy"], true, "{}", status.transcript());
    assert!(doc["diagnosis"].is_null(), "{}", status.transcript());
    assert_eq!(doc["profile"], profile);

    // credentials: the logins, secrets withheld without --show-secrets.
    let creds = common::command(world, &["credentials", "-o", "json"]);
    creds.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&creds.stdout).expect("credentials JSON");
    assert!(
        doc["admin_portal"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://3scale-admin.")),
        "{}",
        creds.transcript()
    );
    assert!(doc["admin"]["password"].is_null(), "{}", creds.transcript());
    (status, creds)
}

/// The summary block of an install's stdout, without the line that names the credentials file.
fn summary(stdout: &str) -> String {
    stdout
        .lines()
        .filter(|l| !l.contains("Credentials file"))
        .collect::<Vec<_>>()
        .join("\n")
}
