//! Whole outputs, compared with `tests/snapshots/` (see `support::snapshot` for the rules that
//! normalise what varies between runs). They pin the wording, order and layout of what each
//! command prints on the fake cluster, so that a refactoring that changes any of it shows as a
//! diff to review. To accept new text: `UPDATE_SNAPSHOTS=1 cargo test --test cli snapshots`.

use crate::support::snapshot::Snapshot;
use crate::support::TestEnv;
use base64::Engine;

const DOMAIN: &[&str] = &["--wildcard-domain", "apps.cluster.example.com"];

/// The rules for a run in `env`: its temp dir besides the binary and the repository.
fn rules(env: &TestEnv) -> Snapshot {
    Snapshot::new().value(env.root().to_str().unwrap(), "TMP")
}

/// `rules`, and the values the install generated (from its seed secret), named by parameter.
fn with_generated(env: &TestEnv) -> Snapshot {
    let seed = env
        .object("3scale-apim", "Secret", "system-seed")
        .expect("the install's seed");
    let mut rules = rules(env);
    for name in [
        "ADMIN_PASSWORD",
        "ADMIN_ACCESS_TOKEN",
        "MASTER_PASSWORD",
        "MASTER_ACCESS_TOKEN",
    ] {
        let value = base64::engine::general_purpose::STANDARD
            .decode(seed["data"][name].as_str().unwrap())
            .unwrap();
        rules = rules.value(&String::from_utf8(value).unwrap(), name);
    }
    rules
}

fn installed() -> TestEnv {
    let env = TestEnv::new();
    env.run(&[&["--yes"], DOMAIN].concat()).assert_code(0);
    env
}

#[test]
fn plan_and_dry_run_of_a_fresh_install() {
    let env = TestEnv::new();
    let rules = rules(&env);
    for command in [&["plan"][..], &["--dry-run"]] {
        let run = env.run(&[command, DOMAIN].concat());
        run.assert_code(0);
        // The script on stdout, the steps and the plan's lines on stderr.
        rules.assert("plan/fresh.sh", &run.stdout);
        rules.assert("plan/fresh.stderr.txt", &run.stderr);
    }
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn plan_of_an_installed_project() {
    let env = installed();
    let run = env.run(&[&["plan"], DOMAIN].concat());
    run.assert_code(0);
    rules(&env).assert("plan/installed.sh", &run.stdout);
}

#[test]
fn install_summary_and_steps() {
    let env = TestEnv::new();
    let run = env.run(&[&["--yes"], DOMAIN].concat());
    run.assert_code(0);
    let rules = with_generated(&env);
    rules.assert("install/summary.txt", &run.stdout);
    rules.assert("install/steps.stderr.txt", &run.stderr);
}

#[test]
fn install_json() {
    let env = TestEnv::new();
    let run = env.run(&[&["--yes", "-o", "json"], DOMAIN].concat());
    run.assert_code(0);
    with_generated(&env).assert_json("install/summary.json", &run.stdout);
}

#[test]
fn status_text_and_json() {
    let env = installed();
    let rules = rules(&env);
    let run = env.run(&["status"]);
    run.assert_code(0);
    rules.assert("status/healthy.txt", &run.stdout);
    let run = env.run(&["status", "-o", "json"]);
    run.assert_code(0);
    rules.assert_json("status/healthy.json", &run.stdout);

    env.cluster(|s| s["rollout_overrides"] = serde_json::json!({"system-app": "failed"}));
    let run = env.run(&["status"]);
    run.assert_code(0);
    rules.assert("status/failed.txt", &run.stdout);
    let run = env.run(&["status", "-o", "json"]);
    run.assert_code(0);
    rules.assert_json("status/failed.json", &run.stdout);
}

#[test]
fn credentials_json_hidden_and_shown() {
    let env = installed();
    let rules = with_generated(&env);
    let run = env.run(&["credentials", "-o", "json"]);
    run.assert_code(0);
    rules.assert_json("credentials/hidden.json", &run.stdout);
    let run = env.run(&["credentials", "-o", "json", "--show-secrets"]);
    run.assert_code(0);
    rules.assert_json("credentials/shown.json", &run.stdout);
}

#[test]
fn uninstall_json() {
    let env = installed();
    let run = env.run(&["uninstall", "--yes", "-o", "json"]);
    run.assert_code(0);
    let rules = rules(&env);
    rules.assert_json("uninstall/installed.json", &run.stdout);
    rules.assert("uninstall/installed.stderr.txt", &run.stderr);
}

#[test]
fn gateway_add_dry_run_text() {
    let g = crate::gateway::installed();
    let run = g.env.run(&[crate::gateway::ADD, &["--dry-run"]].concat());
    run.assert_code(0);
    let rules = rules(&g.env).value(g.server.ca_pem_path().to_str().unwrap(), "CA_FILE");
    rules.assert("gateway/add-dry-run.txt", &run.stdout);
}

#[test]
fn tenant_list_json() {
    let w = crate::tenant::world(0);
    w.create(&[]).assert_code(0);
    let out = w.run(&["tenant", "list", "-o", "json"]);
    out.assert_code(0);
    let rules = rules(&w.env).value(w.server.ca_pem_path().to_str().unwrap(), "CA_FILE");
    rules.assert_json("tenant/list.json", &out.stdout);
}

#[test]
fn export_apimanager_yaml_and_json() {
    let env = installed();
    let yaml = env.run(&["export", "apimanager"]);
    yaml.assert_code(0);
    rules(&env).assert("export/apimanager.yaml", &yaml.stdout);
    let json = env.run(&["export", "apimanager", "-o", "json"]);
    json.assert_code(0);
    rules(&env).assert_json("export/apimanager.json", &json.stdout);
}

#[test]
fn upgrade_plan_text() {
    let env = TestEnv::new();
    let repo = crate::migrate::release_repo(env.root());
    let env = crate::migrate::installed_from(&repo);
    let run = env.run(&["upgrade", "plan", "--to", "2.13"]);
    run.assert_code(0);
    rules(&env)
        .value(repo.to_str().unwrap(), "REPO")
        .assert("upgrade/plan-to-2.13.txt", &run.stdout);
}

#[test]
fn every_snapshot_file_is_compared_by_a_test_here() {
    // A file left behind by a renamed or removed test would pin nothing while looking like it did.
    let source = include_str!("snapshots.rs");
    let mut stack = vec![crate::support::snapshot::dir()];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(!files.is_empty());
    for path in files {
        let name = path
            .strip_prefix(crate::support::snapshot::dir())
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            source.contains(&format!("\"{name}\"")),
            "tests/snapshots/{name} is compared by no test of tests/cli/snapshots.rs: remove it"
        );
    }
}
