//! The ways off the templates against the fake oc: `export apimanager` (the CR, its secrets by
//! name, what it cannot express) and `upgrade plan` (hops over a repository with a tag per
//! release, drift, beyond 2.12, offline from the cache). The real 2.8.0.GA → 2.9.1.GA plan is
//! held to the facts in the reality tier.

use crate::support::{fixtures, TestEnv};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const PROJECT: &str = "3scale-apim";
const DOMAIN: &str = "apps.cluster.example.com";

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "init.defaultBranch=master",
            "-c",
            "commit.gpgSign=false",
            "-c",
            "tag.gpgSign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// The fixture templates as a repository with a tag per release, as the real one names them:
/// 2.8.0.GA (the fixtures), 2.9.1.GA (the 2.9 changes of the real files: releases and images
/// bumped, `system-master-apicast` without BASE_URL), then 3scale-2.10.0-GA to 3scale-2.12.0-GA
/// (releases and images bumped).
pub fn release_repo(root: &Path) -> PathBuf {
    let repo = root.join("upstream/templates");
    copy_dir(&fixtures().join("templates"), &repo);
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "2.8.0"]);
    git(&repo, &["tag", "-a", "2.8.0.GA", "-m", "2.8.0.GA"]);
    let mut release = "2.8".to_string();
    for (next, tag) in [
        ("2.9", "2.9.1.GA"),
        ("2.10", "3scale-2.10.0-GA"),
        ("2.11", "3scale-2.11.0-GA"),
        ("2.12", "3scale-2.12.0-GA"),
    ] {
        for entry in std::fs::read_dir(repo.join("amp")).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let mut text = text
                .replace(
                    &format!("name: AMP_RELEASE\n  required: true\n  value: \"{release}\""),
                    &format!("name: AMP_RELEASE\n  required: true\n  value: \"{next}\""),
                )
                .replace(&format!("3scale{release}"), &format!("3scale{next}"));
            if next == "2.9" {
                text = text.replace(
                    "    BASE_URL: http://${APICAST_ACCESS_TOKEN}@system-master:3000\n",
                    "",
                );
            }
            std::fs::write(entry.path(), text).unwrap();
        }
        git(&repo, &["commit", "-q", "-am", next]);
        git(&repo, &["tag", "-a", tag, "-m", tag]);
        release = next.to_string();
    }
    repo
}

/// An amp install of the fixtures at 2.8.0.GA from `repo`.
pub fn installed_from(repo: &Path) -> TestEnv {
    let env = TestEnv::new().without_env("THREESCALE_TEMPLATES_DIR");
    let url = format!("file://{}", repo.display());
    env.run(&[
        "--yes",
        "--wildcard-domain",
        DOMAIN,
        "--templates-repo",
        &url,
    ])
    .assert_code(0);
    env.clear_calls();
    env
}

fn installed() -> TestEnv {
    let env = TestEnv::new();
    env.run(&["--yes", "--wildcard-domain", DOMAIN])
        .assert_code(0);
    env.clear_calls();
    env
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}"))
}

/// Every password, token and key the project's secrets hold, and their URLs with credentials,
/// decoded.
fn secret_values(env: &TestEnv) -> Vec<String> {
    use base64::Engine;
    env.objects(PROJECT)
        .iter()
        .filter(|o| o["kind"] == "Secret")
        .flat_map(|s| s["data"].as_object().cloned().unwrap_or_default())
        .filter(|(k, _)| {
            let k = k.to_uppercase();
            ["PASSWORD", "TOKEN", "SECRET", "KEY_BASE", "URL"]
                .iter()
                .any(|w| k.contains(w))
        })
        .filter_map(|(k, v)| {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(v.as_str()?)
                .ok()?;
            Some((k, String::from_utf8(bytes).ok()?))
        })
        .filter(|(k, v)| v.len() >= 6 && (!k.ends_with("URL") || v.contains('@')))
        .map(|(_, v)| v)
        .collect()
}

#[test]
fn export_writes_the_apimanager_and_names_the_secrets_without_a_value() {
    let env = installed();
    let run = env.run(&["export", "apimanager"]);
    run.assert_code(0);
    let cr: Value = serde_yaml::from_str(&run.stdout).expect("the YAML is one document");
    assert_eq!(cr["apiVersion"], "apps.3scale.net/v1alpha1");
    assert_eq!(cr["kind"], "APIManager");
    assert_eq!(cr["spec"]["wildcardDomain"], DOMAIN);
    assert_eq!(cr["spec"]["tenantName"], "3scale");
    assert_eq!(
        cr["spec"]["system"]["fileStorage"]["persistentVolumeClaim"]["storageClassName"],
        "ocs-cephfs"
    );
    for line in [
        "# It passes the schema of the APIManager CRD of github.com/3scale/3scale-operator 3scale-2.8.0-GA (deploy/crds/apps_v1alpha1_apimanager_crd.yaml)",
        "#   system-seed\n",
        "#       ADMIN_ACCESS_TOKEN, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_USER, MASTER_ACCESS_TOKEN,",
        "#   system-master-apicast\n",
        "#   nothing: the APIManager carries every setting of the install",
    ] {
        assert!(run.stdout.contains(line), "{line:?} missing:\n{}", run.stdout);
    }
    let values = secret_values(&env);
    assert!(values.len() > 5, "{values:?}");
    for v in &values {
        assert!(
            !run.stdout.contains(v.as_str()) && !run.stderr.contains(v.as_str()),
            "a secret value was printed"
        );
    }
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    let run = env.run(&["export", "apimanager", "-o", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(doc["apimanager"], cr);
    assert_eq!(
        (
            doc["operator_version"].as_str(),
            doc["installed_release"].as_str()
        ),
        (Some("2.8"), Some("2.8"))
    );
    assert_eq!(doc["crd"]["tag"], "3scale-2.8.0-GA");
    let names: Vec<&str> = doc["secrets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    // The fixture's secrets, in the operator's order, then the installer's pull secret.
    assert_eq!(
        names,
        [
            "system-seed",
            "system-database",
            "system-app",
            "system-events-hook",
            "system-master-apicast",
            "zync",
            "backend-internal-api",
            "threescale-registry-auth"
        ]
    );
    assert_eq!(doc["not_expressible"], serde_json::json!([]));
    for v in &values {
        assert!(
            !run.stdout.contains(v.as_str()),
            "a secret value was printed in the JSON"
        );
    }
}

#[test]
fn a_deployment_config_edited_by_hand_is_not_expressible() {
    let env = installed();
    env.cluster(|s| {
        let objects = s["projects"][PROJECT]["objects"].as_array_mut().unwrap();
        let dc = objects
            .iter_mut()
            .find(|o| o["kind"] == "DeploymentConfig" && o["metadata"]["name"] == "system-app")
            .unwrap();
        let container = &mut dc["spec"]["template"]["spec"]["containers"][0];
        container["env"] = serde_json::json!([{"name": "FOO", "value": "bar"}]);
        container["resources"]["requests"]["memory"] = serde_json::json!("900Mi");
    });
    let run = env.run(&["export", "apimanager", "-o", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    let items: Vec<String> = doc["not_expressible"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{}: {}",
                i["subject"].as_str().unwrap(),
                i["what"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            "DeploymentConfig/system-app: edited by hand since the install: spec.template.spec.containers[name=system-master].resources.requests.memory  600Mi → 900Mi",
            "DeploymentConfig/system-app: edited by hand since the install: spec.template.spec.containers[name=system-master].env[name=FOO]  added",
        ]
    );
    let text = env.run(&["export", "apimanager"]);
    text.assert_code(0);
    assert!(
        text.stdout.contains("# Not expressible in this APIManager"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("# - DeploymentConfig/system-app: edited by hand since the install"),
        "{}",
        text.stdout
    );
}

#[test]
fn an_apimanager_for_a_later_operator_warns_and_a_bad_release_is_refused() {
    let env = installed();
    let run = env.run(&[
        "export",
        "apimanager",
        "--operator-version",
        "3scale-2.9.0-GA",
        "-o",
        "json",
    ]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(doc["crd"]["tag"], "3scale-2.9.0-GA");
    assert!(
        doc["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("the install runs 2.8, this APIManager is for operator 2.9"),
        "{doc}"
    );

    env.clear_calls();
    let run = env.run(&["export", "apimanager", "--operator-version", "2.13"]);
    run.assert_code(2);
    assert!(run.stderr.contains("operator release '2.13' (from --operator-version) is invalid: operator release 2.13 has no APIManager schema here: the releases are 2.8, 2.9, 2.10, 2.11, 2.12"), "{}", run.stderr);
    assert_eq!(
        env.calls(),
        Vec::<Value>::new(),
        "bad input is refused before oc runs"
    );
    let fresh = TestEnv::new().env("THREESCALE_OPERATOR_VERSION", "latest");
    let run = fresh.run(&["export", "apimanager"]);
    run.assert_code(2);
    assert!(run.stderr.contains("operator release 'latest' (from environment variable THREESCALE_OPERATOR_VERSION) is invalid: 'latest' is not an operator release"), "{}", run.stderr);
}

#[test]
fn upgrade_plan_needs_a_target() {
    let env = installed();
    let run = env.run(&["upgrade", "plan"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("give --to (e.g. 2.9.1.GA) or set THREESCALE_UPGRADE_TO"),
        "{}",
        run.stderr
    );
    assert_eq!(env.calls(), Vec::<Value>::new());
}

#[test]
fn upgrade_plan_hops_one_release_at_a_time_and_reads_nothing_twice() {
    let env = TestEnv::new();
    let repo = release_repo(env.root());
    let env = installed_from(&repo);
    let run = env.run(&["upgrade", "plan", "--to", "2.9.1.GA", "-o", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    assert_eq!(
        (doc["installed"].as_str(), doc["read_only"].as_bool()),
        (Some("2.8"), Some(true))
    );
    let hops = doc["hops"].as_array().unwrap();
    assert_eq!(hops.len(), 1);
    let hop = &hops[0];
    assert_eq!(
        (hop["from_ref"].as_str(), hop["to_ref"].as_str()),
        (Some("2.8.0.GA"), Some("2.9.1.GA"))
    );
    let params: Vec<&str> = hop["params_changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(params, ["AMP_RELEASE", "AMP_SYSTEM_IMAGE"]);
    let changed: Vec<String> = hop["objects_changed"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| {
            let subject = format!(
                "{}/{}",
                o["kind"].as_str().unwrap(),
                o["name"].as_str().unwrap()
            );
            o["fields"].as_array().unwrap().iter().map(move |f| {
                format!(
                    "{subject} {} {}",
                    f["path"].as_str().unwrap(),
                    f["change"].as_str().unwrap()
                )
            })
        })
        .collect();
    assert_eq!(
        changed,
        ["Secret/system-master-apicast stringData.BASE_URL removed"]
    );
    assert_eq!(
        hop["images"],
        serde_json::json!(["registry.redhat.io/3scale-amp2/system-rhel7:3scale2.9"])
    );
    assert_eq!(hop["backup"]["required"], true);
    assert_eq!(doc["drift"], serde_json::json!([]));
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    let text = env.run(&["upgrade", "plan", "--to", "2.9"]);
    text.assert_code(0);
    for line in [
        "Upgrade plan of project 3scale-apim (amp): 2.8 (2.8.0.GA, commit ",
        "Read-only: nothing was changed.",
        "Hop 1/1: 2.8 → 2.9 (2.8.0.GA → 2.9.1.GA, commit ",
        "    AMP_RELEASE default: 2.8 → 2.9\n",
        "    Secret/system-master-apicast\n      stringData.BASE_URL  removed (was http://${APICAST_ACCESS_TOKEN}@system-master:3000)\n",
        "Drift: none: every object of the install is as its template made it.",
    ] {
        assert!(text.stdout.contains(line), "{line:?} missing:\n{}", text.stdout);
    }
}

#[test]
fn upgrade_plan_past_2_12_says_what_the_operator_does_and_works_offline() {
    let env = TestEnv::new();
    let repo = release_repo(env.root());
    let env = installed_from(&repo);
    let run = env.run(&["upgrade", "plan", "--to", "2.14", "-o", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    let refs: Vec<&str> = doc["hops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to_ref"].as_str().unwrap())
        .collect();
    assert_eq!(
        refs,
        [
            "2.9.1.GA",
            "3scale-2.10.0-GA",
            "3scale-2.11.0-GA",
            "3scale-2.12.0-GA"
        ]
    );
    assert_eq!(
        doc["beyond"],
        serde_json::json!({"target": "2.14", "remaining": ["2.13", "2.14"]})
    );
    let text = env.run(&["upgrade", "plan", "--to", "2.14"]);
    text.assert_code(0);
    assert!(text.stdout.contains("Beyond 2.12: 2.14 is past the last template release (2.12). What remains is the operator's"), "{}", text.stdout);

    // Every ref is cached now: the repository may go.
    std::fs::remove_dir_all(&repo).unwrap();
    let again = env.run(&["upgrade", "plan", "--to", "2.14", "-o", "json"]);
    again.assert_code(0);
    assert_eq!(json(&again.stdout)["hops"], doc["hops"]);
    assert!(!again.stderr.contains("(fetched)"), "{}", again.stderr);

    let back = env.run(&["upgrade", "plan", "--to", "2.7"]);
    back.assert_code(2);
    assert!(
        back.stderr
            .contains("the install runs 2.8, later than 2.7: templates do not go back"),
        "{}",
        back.stderr
    );
}

#[test]
fn an_object_edited_by_hand_is_drift_named_with_the_hop_that_rewrites_it() {
    let env = TestEnv::new();
    let repo = release_repo(env.root());
    let env = installed_from(&repo);
    env.cluster(|s| {
        let objects = s["projects"][PROJECT]["objects"].as_array_mut().unwrap();
        for o in objects.iter_mut() {
            if o["kind"] == "DeploymentConfig" && o["metadata"]["name"] == "apicast-staging" {
                o["spec"]["replicas"] = serde_json::json!(3);
            }
            if o["kind"] == "Secret" && o["metadata"]["name"] == "system-master-apicast" {
                let edited = base64_of("http://elsewhere.example.com:3000");
                o["data"]["BASE_URL"] = serde_json::json!(edited);
            }
        }
    });
    let run = env.run(&["upgrade", "plan", "--to", "2.9.1.GA", "-o", "json"]);
    run.assert_code(0);
    let doc = json(&run.stdout);
    let drift: Vec<String> = doc["drift"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}/{} {:?} {}",
                d["kind"].as_str().unwrap(),
                d["name"].as_str().unwrap(),
                d["rewritten_by_hops"].as_array().unwrap(),
                d["edits"]
            )
        })
        .collect();
    assert_eq!(
        drift,
        [
            r#"Secret/system-master-apicast [Number(1)] [{"change":"edited","expected":null,"found":null,"path":"data.BASE_URL"}]"#,
            r#"DeploymentConfig/apicast-staging [] [{"change":"edited","expected":"1","found":"3","path":"spec.replicas"}]"#,
        ]
    );
    assert!(
        !run.stdout.contains("elsewhere.example.com"),
        "a secret's value is never shown"
    );
}

fn base64_of(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(s)
}
