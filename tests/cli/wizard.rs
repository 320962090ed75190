//! The interactive wizard, driven through a pseudo-terminal as a person would type.

use crate::support::pty::{Pty, Size, CTRL_C, DOWN};
use crate::support::TestEnv;

const PASSWORD: &str = "typed-Registry-pw";

/// The installer with `args` in a terminal.
fn start(env: &TestEnv, args: &[&str]) -> Pty {
    Pty::start(&env.command(args), Size::WINDOW)
}

/// A cluster with two RWX classes, and nothing given but the templates.
fn wizard_env() -> TestEnv {
    let env = TestEnv::new()
        .without_env("THREESCALE_REGISTRY_USERNAME")
        .without_env("THREESCALE_REGISTRY_PASSWORD");
    env.cluster(|s| {
        s["storage_classes"] = serde_json::json!([
            {"name": "gp2", "provisioner": "kubernetes.io/aws-ebs", "default": true},
            {"name": "nfs", "provisioner": "nfs.csi.k8s.io"},
            {"name": "ocs-cephfs", "provisioner": "openshift-storage.cephfs.csi.ceph.com"}
        ])
    });
    env
}

/// Answers from the install profile to the registry password: defaults with Enter, the given
/// keys for the storage class and the domain, a username and the hidden password.
fn answer_profile_to_password(t: &mut Pty, storage_keys: &str, domain_keys: &str) {
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    t.answer("Project display name", "\r");
    t.answer("ReadWriteMany storage class", storage_keys);
    t.answer("Wildcard domain of the routes", domain_keys);
    answer_registry(t);
}

/// The registry questions: default server, a username, the hidden password, up to `next`.
fn answer_registry_until(t: &mut Pty, next: &str) {
    t.answer("Registry server", "\r");
    t.answer("Registry username", "12345|svc-account\r");
    t.type_secret("Registry password", PASSWORD, next);
}

fn answer_registry(t: &mut Pty) {
    answer_registry_until(t, "Customize template parameters?");
}

/// Walks the questions up to the summary, with arrow keys, typing and Enter.
fn walk_to_summary(t: &mut Pty, domain_keys: &str) {
    t.answer("Install on this cluster?", "y\r");
    // RWX classes are offered first: nfs, ocs-cephfs, then gp2.
    answer_profile_to_password(t, &format!("{DOWN}\r"), domain_keys);
    t.send("n\r");
    t.wait_for("What now?");
}

fn pull_secret_password(env: &TestEnv, project: &str) -> String {
    use base64::Engine;
    let s = env
        .object(project, "Secret", "threescale-registry-auth")
        .expect("pull secret");
    let raw = base64::engine::general_purpose::STANDARD
        .decode(s["data"][".dockerconfigjson"].as_str().unwrap())
        .unwrap();
    let config: serde_json::Value = serde_json::from_slice(&raw).unwrap();
    config["auths"]["registry.redhat.io"]["password"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn the_whole_wizard_installs_and_prints_the_summary() {
    let env = wizard_env();
    let mut t = start(&env, &[]);
    walk_to_summary(&mut t, "\r");
    t.send("\r"); // Proceed
    t.wait_for("is installed in project 3scale-apim");
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains("Admin portal      https://3scale-admin.apps.cluster.example.com"),
        "{screen}"
    );
    assert!(
        screen.contains("RWX storage class"),
        "the summary lists every answer: {screen}"
    );
    assert!(
        !screen.contains(PASSWORD),
        "the hidden password was shown:\n{screen}"
    );
    assert_eq!(pull_secret_password(&env, "3scale-apim"), PASSWORD);
    let claim = env
        .object("3scale-apim", "PersistentVolumeClaim", "system-storage")
        .unwrap();
    assert_eq!(claim["spec"]["storageClassName"], "ocs-cephfs");
}

#[test]
fn profiles_are_offered_from_the_checkout_with_their_descriptions() {
    let env = wizard_env();
    let mut t = start(&env, &[]);
    t.answer("Install on this cluster?", "y\r");
    t.wait_for("Install profile");
    t.wait_for("amp-s3");
    t.wait_for("with shared file storage in AWS S3.");
    // amp, amp-eval-tech-preview, amp-ha-tech-preview, amp-postgresql, amp-s3
    t.send(&format!("{}\r", DOWN.repeat(4)));
    t.answer("Project", "\r");
    t.answer("Project display name", "\r");
    // No RWX storage question for the S3 profile; its credentials and bucket are asked instead.
    t.answer("Wildcard domain of the routes", "\r");
    answer_registry_until(&mut t, "AWS_ACCESS_KEY_ID");
    t.send("AKIAEXAMPLE\r");
    t.type_secret("AWS_SECRET_ACCESS_KEY", "aws-Secret-typed", "AWS_BUCKET");
    t.send("assets\r");
    t.answer("AWS_REGION", "eu-west-1\r");
    t.answer("Customize template parameters?", "n\r");
    t.answer("What now?", "\r");
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("ReadWriteMany storage class"), "{screen}");
    assert!(!screen.contains("aws-Secret-typed"), "{screen}");
    let aws = env.object("3scale-apim", "Secret", "aws-auth").unwrap();
    assert_eq!(
        aws["data"]["AWS_SECRET_ACCESS_KEY"],
        "YXdzLVNlY3JldC10eXBlZA=="
    );
    assert_eq!(aws["data"]["AWS_BUCKET"], "YXNzZXRz");
}

#[test]
fn a_bad_domain_is_reasked_with_the_reason() {
    let env = wizard_env();
    env.cluster(|s| s["ingress_domain"] = serde_json::Value::Null);
    let mut t = start(&env, &[]);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    t.answer("Project display name", "\r");
    t.answer("ReadWriteMany storage class", "\r");
    t.answer("Wildcard domain of the routes", "https://apps.x\r");
    t.wait_for("without a scheme");
    t.send("apps.good.example.com\r");
    answer_registry(&mut t);
    t.send("n\r");
    t.answer("What now?", "\r");
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 0, "{screen}");
    let cm = env
        .object("3scale-apim", "ConfigMap", "system-environment")
        .unwrap();
    assert_eq!(
        cm["data"]["THREESCALE_SUPERDOMAIN"],
        "apps.good.example.com"
    );
}

#[test]
fn change_a_value_at_the_summary_then_proceed() {
    let env = wizard_env();
    let mut t = start(&env, &[]);
    walk_to_summary(&mut t, "\r");
    t.send(&format!("{DOWN}\r")); // Change a value
    t.answer("Change which value?", &format!("{DOWN}{DOWN}\r")); // Templates, Install profile, Project
    t.answer("Project", "changed-proj\r");
    t.wait_for("create project changed-proj");
    t.answer("What now?", "\r");
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 0, "{screen}");
    assert!(env
        .object("changed-proj", "Secret", "system-seed")
        .is_some());
    assert!(env.state()["projects"].get("3scale-apim").is_none());
}

#[test]
fn cancel_at_the_summary_changes_nothing() {
    let env = wizard_env();
    let mut t = start(&env, &[]);
    walk_to_summary(&mut t, "\r");
    t.send(&format!("{DOWN}{DOWN}\r"));
    t.wait_for("nothing was changed");
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn keys_typed_ahead_never_answer_the_summary() {
    let env = wizard_env();
    let mut t = start(&env, &[]);
    t.answer("Install on this cluster?", "y\r");
    answer_profile_to_password(&mut t, &format!("{DOWN}\r"), "\r");
    // A double Enter at the last question: the second one must not choose Proceed unseen.
    t.send("n\r\r");
    t.wait_for("What now?");
    t.send(&format!("{DOWN}{DOWN}\r"));
    t.wait_for("nothing was changed");
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn ctrl_c_at_a_prompt_exits_130_and_restores_the_cursor() {
    let env = wizard_env();
    let mut t = start(&env, &[]);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Install profile", "\r");
    t.wait_for("Project");
    t.send(CTRL_C);
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 130, "{screen}");
    assert!(
        screen.contains("\x1b[?25h"),
        "cursor shown again: {screen:?}"
    );
    assert!(
        screen.contains("interrupted; "),
        "it says it stopped, and what to do: {screen}"
    );
    t.assert_terminal_restored();
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn answering_no_to_the_cluster_stops_with_a_hint() {
    let env = wizard_env();
    let mut t = start(&env, &[]);
    t.answer("Install on this cluster?", "n\r");
    t.wait_for("oc login");
    let code = t.finish();
    assert_eq!(code, 0);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn given_values_are_not_asked() {
    let env = TestEnv::new();
    let mut t = start(
        &env,
        &[
            "--project",
            "given",
            "--display-name",
            "G",
            "--rwx-storage-class",
            "ocs-cephfs",
            "--wildcard-domain",
            "apps.g.example.com",
            "--registry-server",
            "registry.redhat.io",
            "--template",
            "amp",
        ],
    );
    t.answer("Install on this cluster?", "y\r");
    t.answer("Customize template parameters?", "n\r");
    t.answer("What now?", "\r");
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 0, "{screen}");
    for asked in [
        "Install profile",
        "Project display name",
        "Wildcard domain of",
        "Registry username",
    ] {
        assert!(
            !screen.contains(&format!("? {asked}")),
            "{asked} was asked:\n{screen}"
        );
    }
}

#[test]
fn without_a_terminal_nothing_is_asked_and_every_missing_value_is_listed() {
    let env = TestEnv::new()
        .without_env("THREESCALE_REGISTRY_USERNAME")
        .without_env("THREESCALE_REGISTRY_PASSWORD");
    let run = env.run(&[]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("the input has 2 problem(s)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("needed and not given: registry username: --registry-username")
            && run
                .stderr
                .contains("needed and not given: registry password: --registry-password-stdin"),
        "{}",
        run.stderr
    );
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn no_input_never_prompts_even_in_a_terminal() {
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_USERNAME");
    let mut t = start(&env, &["--no-input"]);
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 2, "{screen}");
    assert!(screen.contains("registry username"), "{screen}");
}

#[test]
fn templates_repository_and_ref_are_asked_when_not_given() {
    let env = wizard_env().without_env("THREESCALE_TEMPLATES_DIR");
    let (repo, tagged) = crate::git::templates_repo(env.root());
    let mut t = start(&env, &[]);
    t.answer("Install on this cluster?", "y\r");
    t.wait_for("Templates repository (URL or path)");
    t.wait_for("github.com/3scale/3scale-amp-openshift-templates.git");
    t.send(&format!("file://{}\r", repo.display()));
    t.answer("Tag, branch or commit", "\r"); // default 2.8.0.GA
    answer_profile_to_password(&mut t, "\r", "\r");
    t.send("n\r");
    t.wait_for(&format!("(commit {})", &tagged[..12]));
    t.answer("What now?", "\r");
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 0, "{screen}");
}

#[test]
fn template_parameters_can_be_customized_secrets_hidden() {
    let env = wizard_env();
    let mut t = start(&env, &[]);
    t.answer("Install on this cluster?", "y\r");
    answer_profile_to_password(&mut t, "\r", "\r");
    t.send("y\r");
    // Offered in template order without WILDCARD_DOMAIN and RWX_STORAGE_CLASS: TENANT_NAME is
    // the 3rd, ADMIN_PASSWORD the 14th.
    t.wait_for("Parameters to set");
    t.send(&format!("{DOWN}{DOWN} {}\r", DOWN.repeat(11) + " "));
    t.answer("TENANT_NAME", "acme\r");
    t.type_secret(
        "ADMIN_PASSWORD (empty: keep it generated)",
        "chosen-admin-pw",
        "TENANT_NAME=acme, ADMIN_PASSWORD=••••••",
    );
    t.answer("What now?", "\r");
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 0, "{screen}");
    // Typed hidden, and hidden in the final summary too (secrets are shown only when asked:
    // `credentials --show-secrets`); the credentials file holds it.
    assert!(!screen.contains("chosen-admin-pw"), "{screen}");
    let (_, summary) = screen.split_once("is installed in project").unwrap();
    assert!(summary.contains("Admin password    ••••••"), "{summary}");
    let creds = std::fs::read_to_string(
        env.root()
            .join("state/threescale-install/api.crc.testing-6443/3scale-apim/credentials.yaml"),
    )
    .unwrap();
    assert!(creds.contains("chosen-admin-pw"), "{creds}");
    let seed = env.object("3scale-apim", "Secret", "system-seed").unwrap();
    assert_eq!(seed["data"]["TENANT_NAME"], "YWNtZQ==");
    assert_eq!(seed["data"]["ADMIN_PASSWORD"], "Y2hvc2VuLWFkbWluLXB3");
}

#[test]
fn block_storage_only_explains_and_offers_the_s3_profile() {
    let env = wizard_env();
    env.cluster(|s| s["storage_classes"] = serde_json::json!([{"name": "gp2", "provisioner": "kubernetes.io/aws-ebs", "default": true}]));
    let mut t = start(&env, &[]);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    t.answer("Project display name", "\r");
    t.wait_for("no storage class of this cluster is known to bind ReadWriteMany claims");
    t.wait_for("the amp-s3 profile, which keeps system assets in an S3 bucket");
    // The S3 profile is offered beside the block class, and chosen by default.
    t.wait_for("ReadWriteMany storage class for system-storage");
    t.wait_for("use the S3 profile");
    t.send("\r");
    // The S3 profile's own questions follow; no RWX class is needed any more.
    t.answer("Wildcard domain of the routes", "\r");
    answer_registry_until(&mut t, "AWS_ACCESS_KEY_ID");
    t.send("AKIAEXAMPLE\r");
    t.type_secret("AWS_SECRET_ACCESS_KEY", "aws-Secret-typed", "AWS_BUCKET");
    t.send("assets\r");
    t.answer("AWS_REGION", "eu-west-1\r");
    t.answer("Customize template parameters?", "n\r");
    t.wait_for("amp-s3");
    t.wait_for("What now?");
    t.send(&format!("{DOWN}{DOWN}\r")); // Cancel
    t.wait_for("nothing was changed");
    let code = t.finish();
    let screen = t.output();
    assert_eq!(code, 0, "{screen}");
    let summary = screen
        .rsplit_once("Summary")
        .map(|(_, s)| s)
        .unwrap_or_default();
    assert!(
        summary.contains("Install profile") && summary.contains("amp-s3"),
        "the summary shows the S3 profile: {screen}"
    );
    assert!(!summary.contains("RWX storage class"), "{screen}");
    assert!(!screen.contains("aws-Secret-typed"), "{screen}");
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}
