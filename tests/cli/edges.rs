//! The edges a person meets: values as CI writes them, output for scripts on failure, flags in
//! the wrong place, files others can read. One test per fix.

use crate::support::TestEnv;
use serde_json::{json, Value};

const ARGS: &[&str] = &["--yes", "--wildcard-domain", "apps.cluster.example.com"];

fn only_block_storage(env: &TestEnv) {
    env.cluster(|s| {
        s["storage_classes"] =
            json!([{"name": "gp2", "provisioner": "kubernetes.io/aws-ebs", "default": true}])
    });
}

#[test]
fn booleans_from_the_environment_as_ci_writes_them() {
    for value in ["1", "yes", "true", "on"] {
        let env = TestEnv::new().env("THREESCALE_YES", value);
        let run = env.run(&["--wildcard-domain", "apps.cluster.example.com"]);
        run.assert_code(0);
    }
    let env = TestEnv::new().env("THREESCALE_NO_WAIT", "0");
    let run = env.run(ARGS);
    run.assert_code(0);
    assert!(
        run.stdout.contains("is installed in project"),
        "0 means no: the run waited\n{}",
        run.stdout
    );
}

#[test]
fn list_values_from_the_environment_are_trimmed() {
    let env = TestEnv::new().env("THREESCALE_SKIP_CHECKS", "storage, permissions ");
    only_block_storage(&env);
    let run = env.run(&["preflight", "-o", "json"]);
    run.assert_code(0);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let storage = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "storage")
        .unwrap()
        .clone();
    assert_eq!(storage["skipped"], true, "{storage}");
    // Every check says whether it was skipped, false included.
    assert!(
        doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["skipped"].is_boolean()),
        "{doc}"
    );
}

#[test]
fn a_failed_json_run_still_prints_one_document_with_the_error() {
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_PASSWORD");
    let run = env.run(&[ARGS, &["-o", "json"]].concat());
    run.assert_code(2);
    let doc: Value = serde_json::from_str(&run.stdout).expect("one JSON document on stdout");
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["error"]["exit_code"], 2);
    assert_eq!(doc["error"]["kind"], "input");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("registry password"),
        "{doc}"
    );
    assert!(doc["error"]["meaning"].as_str().is_some(), "{doc}");
}

/// A command line the parser refuses still gives one document on stdout when JSON is asked, by
/// flag or by THREESCALE_OUTPUT.
#[test]
fn a_value_the_parser_refuses_still_prints_one_document() {
    let env = TestEnv::new();
    let run = env.run(&["--yes", "-o", "json", "--timeout", "abc"]);
    run.assert_code(2);
    let doc: Value = serde_json::from_str(&run.stdout).expect("one JSON document on stdout");
    assert_eq!(doc["ok"], false, "{doc}");
    assert_eq!(doc["error"]["kind"], "input", "{doc}");
    assert!(
        doc["error"]["message"].as_str().unwrap().contains("abc"),
        "{doc}"
    );
    assert!(
        doc.as_object().unwrap().contains_key("changes"),
        "install's keys: {doc}"
    );
    assert!(run.stderr.contains("abc"), "{}", run.stderr);

    let env = TestEnv::new().env("THREESCALE_OUTPUT", "json");
    let run = env.run(&["gateway", "add", "gw", "--timeout", "abc"]);
    run.assert_code(2);
    let doc: Value = serde_json::from_str(&run.stdout).expect("one JSON document on stdout");
    assert!(
        doc.as_object().unwrap().contains_key("unmatched_products"),
        "gateway add's keys: {doc}"
    );
    // Text asked on the line wins over the variable.
    let run = env.run(&["-o", "text", "--timeout", "abc"]);
    run.assert_code(2);
    assert_eq!(run.stdout, "");
}

/// The day-2 commands too: a failure prints the command's own document (its keys, `null`
/// where the run did not get that far), and the project it was about.
#[test]
fn a_failed_day_2_command_prints_its_own_document() {
    let env = TestEnv::new();
    for (words, key) in [
        (&["monitoring", "status"][..], "components"),
        (&["users", "list"], "users"),
        (&["sso", "list"], "integrations"),
        (&["export", "apimanager"], "apimanager"),
        (&["upgrade", "plan", "--to", "2.9"], "hops"),
    ] {
        let run = env.run(&[words, &["--project", "nothing-here", "-o", "json"]].concat());
        run.assert_code(2);
        let doc: Value = serde_json::from_str(&run.stdout).expect("one JSON document on stdout");
        assert_eq!(doc["ok"], false, "{words:?}: {doc}");
        assert_eq!(doc["error"]["exit_code"], 2, "{words:?}: {doc}");
        assert!(
            doc.as_object().unwrap().contains_key(key) && doc[key].is_null(),
            "{words:?}: {doc}"
        );
    }
}

#[test]
fn uninstall_prints_json_when_asked() {
    let env = TestEnv::new();
    env.run(ARGS).assert_code(0);
    let run = env.run(&["uninstall", "--yes", "-o", "json"]);
    run.assert_code(0);
    let doc: Value = serde_json::from_str(&run.stdout).expect("one JSON document on stdout");
    assert_eq!(doc["schema_version"], 1, "{doc}");
    let deleted: Vec<&str> = doc["deleted"]
        .as_array()
        .expect("the list of what was deleted")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        deleted.contains(&"secret/system-seed") && deleted.contains(&"deploymentconfig/system-app"),
        "{deleted:?}"
    );
    assert!(
        !run.stdout.contains("==>"),
        "progress stays on stderr: {}",
        run.stdout
    );
    // The list is shown once, before the deletion; afterwards only how many.
    assert_eq!(
        run.stderr.matches("secret/system-seed").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn no_wait_says_created_not_installed() {
    let env = TestEnv::new();
    let run = env.run(&[ARGS, &["--no-wait"]].concat());
    run.assert_code(0);
    assert!(
        run.stdout.contains("is created in project 3scale-apim"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("is installed"), "{}", run.stdout);
}

#[test]
fn global_options_go_before_a_subcommand_and_install_flags_are_named_when_they_do_not() {
    let env = TestEnv::new();
    env.run(ARGS).assert_code(0);
    let run = env.run(&["--project", "3scale-apim", "status"]);
    run.assert_code(0);
    let run = env.run(&["--yes", "status"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("--yes belong(s) to install, not to `status`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_password_file_others_can_read_is_warned_about() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_PASSWORD");
    let file = env.root().join("registry-password");
    std::fs::write(&file, format!("{}\n", crate::support::PASSWORD)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = env.run(&[ARGS, &["--registry-password-file", file.to_str().unwrap()]].concat());
    run.assert_code(0);
    assert!(
        run.stderr.contains("can be read by other users (mode 644)")
            && run.stderr.contains("chmod 600"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_parameter_of_another_profile_names_that_profile() {
    let env = TestEnv::new();
    let run = env.run(&[ARGS, &["-p", "AWS_BUCKET=my-bucket"]].concat());
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("it belongs to profile amp-s3 (choose it with --template)"),
        "{}",
        run.stderr
    );
}

#[test]
fn subcommands_offer_only_the_flags_that_do_something_for_them() {
    let env = TestEnv::new();
    let plan = env.run(&["plan", "--help"]);
    for absent in [
        "--no-wait",
        "--show-secrets",
        "--timeout",
        "--credentials-file",
    ] {
        assert!(!plan.stdout.contains(absent), "plan --help offers {absent}");
    }
    let uninstall = env.run(&["uninstall", "--help"]);
    let yes_heading = uninstall
        .stdout
        .lines()
        .take_while(|l| !l.contains("--yes"))
        .filter(|l| !l.starts_with(' ') && l.ends_with(':'))
        .last()
        .unwrap_or_default()
        .to_string();
    assert_eq!(yes_heading, "Run:", "{}", uninstall.stdout);
}
