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
/// keys for the storage class (two classes can bind ReadWriteMany: the plan cannot choose), a
/// username and the hidden password. The display name, the domain (the cluster's) and the
/// registry server (the default) are not asked: the plan has them.
fn answer_profile_to_password(t: &mut Pty, storage_keys: &str) {
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    t.answer("ReadWriteMany storage class", storage_keys);
    answer_registry(t);
}

/// The registry questions the plan asks: a username, the hidden password, up to `next`.
fn answer_registry_until(t: &mut Pty, next: &str) {
    t.answer("Registry username", "12345|svc-account\r");
    t.type_secret("Registry password", PASSWORD, next);
}

fn answer_registry(t: &mut Pty) {
    answer_registry_until(t, "Customize template parameters?");
}

/// Walks the questions up to the summary, with arrow keys, typing and Enter.
fn walk_to_summary(t: &mut Pty) {
    t.answer("Install on this cluster?", "y\r");
    // RWX classes are offered first: nfs, ocs-cephfs, then gp2.
    answer_profile_to_password(t, &format!("{DOWN}\r"));
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
    walk_to_summary(&mut t);
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
    // No RWX storage question for the S3 profile; its credentials and bucket are asked instead.
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
    // The cluster cannot tell its domain: the plan lacks it, and asks it first.
    t.answer("Wildcard domain of the routes", "https://apps.x\r");
    t.wait_for("without a scheme");
    t.send("apps.good.example.com\r");
    t.answer("ReadWriteMany storage class", "\r");
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
    walk_to_summary(&mut t);
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
    walk_to_summary(&mut t);
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
    answer_profile_to_password(&mut t, &format!("{DOWN}\r"));
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
    answer_profile_to_password(&mut t, "\r");
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
    answer_profile_to_password(&mut t, "\r");
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
    t.wait_for("no storage class of this cluster is known to bind ReadWriteMany claims");
    t.wait_for("the amp-s3 profile, which keeps system assets in an S3 bucket");
    // The S3 profile is offered beside the block class, and chosen by default.
    t.wait_for("ReadWriteMany storage class for system-storage");
    t.wait_for("use the S3 profile");
    t.send("\r");
    // The S3 profile's own questions follow; no RWX class is needed any more.
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

/// The questions a run asked, in order: the text of each answered line (`✔ QUESTION · …`).
fn asked(t: &Pty) -> Vec<String> {
    t.rows()
        .into_iter()
        .filter_map(|r| {
            let (question, _) = r.strip_prefix("✔ ")?.split_once(" · ")?;
            Some(question.to_string())
        })
        .collect()
}

/// A registry that lets in only the test's username with `password`.
fn registry_accepts(env: &TestEnv, password: &str) {
    env.cluster(|s| {
        s["registry_login"] = serde_json::json!({"host": "registry.redhat.io", "username": crate::support::USERNAME, "password": password});
    });
}

/// An install made without the wizard, not waited for, with `extra` arguments.
fn installed_without_waiting(env: &TestEnv, extra: &[&str]) {
    let args = [&["--yes", "--no-wait"][..], extra].concat();
    env.command(&args)
        .env("THREESCALE_REGISTRY_USERNAME", crate::support::USERNAME)
        .env("THREESCALE_REGISTRY_PASSWORD", crate::support::PASSWORD)
        .output()
        .map(|o| {
            assert_eq!(
                o.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&o.stderr)
            )
        })
        .unwrap();
}

#[test]
fn the_wizard_asks_exactly_what_the_plan_lacks() {
    // One class binds ReadWriteMany (the plan chooses it), the cluster tells its domain, the
    // registry server has its default: only the login is missing.
    let env = TestEnv::new()
        .without_env("THREESCALE_REGISTRY_USERNAME")
        .without_env("THREESCALE_REGISTRY_PASSWORD");
    let mut t = Pty::start(&env.command(&[]), Size::TALL);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    answer_registry(&mut t);
    t.send("n\r");
    t.wait_for("What now?");
    assert_eq!(
        asked(&t),
        [
            "Install on this cluster?",
            "Install profile",
            "Project",
            "Registry username (e.g. 12345|service-account)",
            "Registry password",
            "Customize template parameters?",
        ],
        "{}",
        t.contents()
    );
    // What was not asked is the plan's, shown in the summary and changeable there.
    assert!(
        t.row("RWX storage class").ends_with("ocs-cephfs"),
        "{}",
        t.contents()
    );
    assert!(
        t.row("Wildcard domain")
            .ends_with("apps.cluster.example.com"),
        "{}",
        t.contents()
    );
    t.send(&format!("{DOWN}{DOWN}\r"));
    assert_eq!(t.finish(), 0, "{}", t.contents());
}

#[test]
fn a_login_the_pull_secret_keeps_and_claims_that_exist_are_not_asked() {
    let env = wizard_env();
    installed_without_waiting(&env, &["--rwx-storage-class", "nfs"]);
    // Another machine: no record of the install, the objects are on the cluster.
    std::fs::remove_dir_all(env.root().join("state/threescale-install")).unwrap();
    let mut t = Pty::start(&env.command(&[]), Size::TALL);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    t.wait_for("is installed in project 3scale-apim");
    assert_eq!(t.finish(), 0, "{}", t.contents());
    assert_eq!(
        asked(&t),
        ["Install on this cluster?", "Install profile", "Project"],
        "{}",
        t.contents()
    );
}

#[test]
fn resuming_the_wait_of_an_ha_install_asks_nothing_its_objects_hold() {
    let env = wizard_env();
    let urls = [
        (
            "THREESCALE_PARAM_SYSTEM_DATABASE_URL",
            "mysql2://app:db-Pw-1@mysql.example.com:3306/system",
        ),
        (
            "THREESCALE_PARAM_SYSTEM_REDIS_URL",
            "redis://:redis-Pw-1@redis.example.com:6379/1",
        ),
        (
            "THREESCALE_PARAM_BACKEND_REDIS_STORAGE_ENDPOINT",
            "redis://backend-redis.example.com:6379/0",
        ),
        (
            "THREESCALE_PARAM_BACKEND_REDIS_QUEUES_ENDPOINT",
            "redis://backend-redis.example.com:6379/1",
        ),
    ];
    let mut first = env.command(&[
        "--yes",
        "--no-wait",
        "--template",
        "amp-ha-tech-preview",
        "--rwx-storage-class",
        "nfs",
    ]);
    for (k, v) in urls {
        first.env(k, v);
    }
    first
        .env("THREESCALE_REGISTRY_USERNAME", crate::support::USERNAME)
        .env("THREESCALE_REGISTRY_PASSWORD", crate::support::PASSWORD);
    let out = first.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The wizard resumes it (its record), with none of the secret URLs given.
    let mut t = Pty::start(&env.command(&[]), Size::TALL);
    t.answer("Install on this cluster?", "y\r");
    t.wait_for("is installed in project 3scale-apim");
    assert_eq!(t.finish(), 0, "{}", t.contents());
    assert_eq!(asked(&t), ["Install on this cluster?"], "{}", t.contents());
    assert!(
        !t.output().contains("SYSTEM_DATABASE_URL ("),
        "{}",
        t.contents()
    );
}

#[test]
fn ctrl_c_before_any_change_keeps_the_answers_but_the_secrets_for_the_next_run() {
    let env = wizard_env();
    let mut t = start(&env, &[]);
    walk_to_summary(&mut t);
    t.send(CTRL_C);
    assert_eq!(t.finish(), 130, "{}", t.contents());
    let said = t
        .rows()
        .into_iter()
        .find(|r| r.starts_with("interrupted; "))
        .unwrap_or_default();
    assert!(
        said.contains("nothing was changed") && said.contains("answers") && said.contains("kept"),
        "{said}\n{}",
        t.contents()
    );
    let record = std::fs::read_to_string(
        env.root()
            .join("state/threescale-install/api.crc.testing-6443/3scale-apim/install.yaml"),
    )
    .expect("the answers are kept");
    assert!(!record.contains(PASSWORD), "{record}");
    assert_eq!(env.mutating_commands(), Vec::<String>::new());

    // The next run continues from them: only the password (a secret, never kept) is asked.
    let mut t = Pty::start(&env.command(&[]), Size::TALL);
    t.answer("Install on this cluster?", "y\r");
    t.type_secret("Registry password", PASSWORD, "What now?");
    assert_eq!(
        asked(&t),
        ["Install on this cluster?", "Registry password"],
        "{}",
        t.contents()
    );
    assert!(
        t.row("RWX storage class").ends_with("ocs-cephfs"),
        "{}",
        t.contents()
    );
    assert!(
        t.row("Registry username").ends_with("12345|svc-account"),
        "{}",
        t.contents()
    );
    t.send("\r");
    t.wait_for("is installed in project 3scale-apim");
    assert_eq!(t.finish(), 0, "{}", t.contents());
    assert_eq!(pull_secret_password(&env, "3scale-apim"), PASSWORD);
}

#[test]
fn a_refused_login_is_asked_again_and_the_install_goes_on() {
    let env = wizard_env();
    registry_accepts(&env, PASSWORD);
    let mut t = Pty::start(&env.command(&[]), Size::TALL);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    t.answer("ReadWriteMany storage class", "\r");
    t.answer("Registry username", "12345|svc-account\r");
    t.type_secret(
        "Registry password",
        "a-wrong-password",
        "Customize template parameters?",
    );
    t.send("n\r");
    t.answer("What now?", "\r");
    // The registry refuses it: the login is asked again, the username as it was.
    t.wait_for("type the login again");
    t.wait_for("Registry username");
    t.wait_for("12345|svc-account");
    t.send("\r");
    t.type_secret("Registry password ›", PASSWORD, "What now?");
    t.send("\r");
    t.wait_for("is installed in project 3scale-apim");
    assert_eq!(t.finish(), 0, "{}", t.contents());
    assert_eq!(pull_secret_password(&env, "3scale-apim"), PASSWORD);
    assert!(!t.output().contains("a-wrong-password"));
}

#[test]
fn changing_the_registry_login_at_the_summary_asks_for_the_password() {
    let env = wizard_env();
    installed_without_waiting(&env, &["--rwx-storage-class", "nfs"]);
    // An object of the install lost: the plan creates it again, and shows the summary.
    env.cluster(|s| {
        let objects = s["projects"]["3scale-apim"]["objects"]
            .as_array_mut()
            .unwrap();
        objects.retain(|o| {
            !(o["kind"] == "ConfigMap" && o["metadata"]["name"] == "system-environment")
        });
    });
    let mut t = Pty::start(&env.command(&[]), Size::TALL);
    t.answer("Install on this cluster?", "y\r");
    t.wait_for("What now?");
    assert!(
        t.row("Registry password")
            .ends_with("kept (the pull secret holds it)"),
        "{}",
        t.contents()
    );
    t.send(&format!("{DOWN}\r")); // Change a value
    t.wait_for("Change which value?");
    t.wait_for("Registry password");
    // Templates, profile, project, domain, server, username, password, parameters.
    t.send(&format!("{}\r", DOWN.repeat(6)));
    t.type_secret("Registry password ›", "rotated-Registry-pw", "What now?");
    // The answered lines name the whole choice.
    t.row("✔ What now? · Change a value");
    t.row("✔ Change which value? · Registry password");
    t.send("\r");
    t.wait_for("is installed in project 3scale-apim");
    assert_eq!(t.finish(), 0, "{}", t.contents());
    assert_eq!(
        pull_secret_password(&env, "3scale-apim"),
        "rotated-Registry-pw"
    );
}

#[test]
fn without_colour_the_parameter_list_shows_its_cursor_and_lines_up_its_columns() {
    // NO_COLOR=1, as every run of these tests: the cursor is a mark, not a colour.
    let env = wizard_env();
    // A value longer than the old fixed column.
    let tenant = "acme-corporation-production-tenant";
    let mut t = Pty::start(
        &env.command(&["--param", &format!("TENANT_NAME={tenant}")]),
        Size::TALL,
    );
    t.answer("Install on this cluster?", "y\r");
    answer_profile_to_password(&mut t, "\r");
    t.send("y\r");
    t.wait_for("Parameters to set");
    // The last line of the first page: the list is drawn whole.
    let last = "Shared secret to import events from backend to system.";
    t.wait_for(last);
    let marked = |t: &Pty| -> Vec<String> {
        t.rows()
            .into_iter()
            .filter(|r| r.trim_start().starts_with('❯'))
            .collect()
    };
    let first = marked(&t);
    assert_eq!(first.len(), 1, "one cursor:\n{}", t.contents());
    t.send(DOWN);
    t.wait_for(last);
    let second = marked(&t);
    assert_eq!(second.len(), 1, "{}", t.contents());
    assert_ne!(first, second, "the cursor moved:\n{}", t.contents());
    // A long value does not push its description out of line.
    let description_at = |name: &str, description: &str| {
        let rows = t.rows();
        let row = rows
            .iter()
            .find(|r| r.contains(&format!("⬚ {name} ")))
            .unwrap_or_else(|| panic!("no row of {name}:\n{}", t.contents()));
        row.chars()
            .collect::<String>()
            .find(description)
            .map(|bytes| row[..bytes].chars().count())
            .unwrap_or_else(|| panic!("{description:?} in {row:?}"))
    };
    assert_eq!(
        description_at("TENANT_NAME", "Tenant name"),
        description_at("APP_LABEL", "Used for"),
        "{}",
        t.contents()
    );
    t.send("\r");
    t.answer("What now?", &format!("{DOWN}{DOWN}\r"));
    assert_eq!(t.finish(), 0, "{}", t.contents());
}

#[test]
fn a_refused_block_class_puts_the_cursor_back_on_the_recommended_one() {
    let env = wizard_env();
    let mut t = Pty::start(&env.command(&[]), Size::TALL);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    // nfs, ocs-cephfs, then gp2 (block storage): gp2 is refused.
    t.answer("ReadWriteMany storage class", &format!("{DOWN}{DOWN}\r"));
    t.wait_for("binds ReadWriteOnce volumes only");
    t.wait_for("ReadWriteMany storage class");
    // Enter takes the recommended class, not the refused one again.
    t.send("\r");
    answer_registry(&mut t);
    t.send("n\r");
    t.wait_for("What now?");
    assert!(
        t.row("RWX storage class").ends_with("nfs"),
        "{}",
        t.contents()
    );
    t.send(&format!("{DOWN}{DOWN}\r"));
    assert_eq!(t.finish(), 0, "{}", t.contents());
}

#[test]
fn the_plan_is_shown_once_before_the_question() {
    let env = wizard_env();
    let mut t = Pty::start(&env.command(&[]), Size::TALL);
    walk_to_summary(&mut t);
    let screen = t.contents();
    assert_eq!(
        screen.matches("create the 20 objects of amp.yml").count(),
        1,
        "{screen}"
    );
    t.row("will create the 20 objects of amp.yml");
    t.send(&format!("{DOWN}{DOWN}\r"));
    assert_eq!(t.finish(), 0, "{}", t.contents());
}

#[test]
fn hidden_storage_classes_are_asked_by_name() {
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_PASSWORD");
    env.cluster(|s| s["denied"] = serde_json::json!(["list storageclasses"]));
    let mut t = Pty::start(&env.command(&[]), Size::TALL);
    t.answer("Install on this cluster?", "y\r");
    t.answer("Install profile", "\r");
    t.answer("Project", "\r");
    t.wait_for("you may not list storage classes");
    t.answer("ReadWriteMany storage class", "ocs-cephfs\r");
    t.type_secret(
        "Registry password ›",
        PASSWORD,
        "Customize template parameters?",
    );
    t.send("n\r");
    t.answer("What now?", "\r");
    t.wait_for("is installed in project 3scale-apim");
    assert_eq!(t.finish(), 0, "{}", t.contents());
    let claim = env
        .object("3scale-apim", "PersistentVolumeClaim", "system-storage")
        .unwrap();
    assert_eq!(claim["spec"]["storageClassName"], "ocs-cephfs");
}

/// A plan the cluster would refuse (the master portal's host is another project's) is not the
/// end of the wizard: the person changes a value (here the domain) and goes on.
#[test]
fn a_refused_plan_is_fixed_by_changing_a_value() {
    let env = wizard_env();
    env.cluster(|s| {
        s["projects"]["first-3scale"] = serde_json::json!({
            "display_name": "", "requester": "developer",
            "objects": [{
                "apiVersion": "route.openshift.io/v1", "kind": "Route",
                "metadata": {"name": "zync-3scale-master-x7k2p", "namespace": "first-3scale"},
                "spec": {"host": "master.apps.cluster.example.com", "to": {"kind": "Service", "name": "system-master"}},
                "status": {"ingress": [{"host": "master.apps.cluster.example.com", "routerName": "default",
                    "conditions": [{"type": "Admitted", "status": "True"}]}]}
            }]
        });
    });
    let mut t = start(&env, &[]);
    t.answer("Install on this cluster?", "y\r");
    answer_profile_to_password(&mut t, "\r");
    t.send("n\r");
    t.wait_for("is held by route zync-3scale-master-x7k2p in project first-3scale");
    t.answer("The plan cannot go ahead as it is. What now?", "\r"); // Change a value
                                                                    // Templates, Install profile, Project, Display name, Storage class, Wildcard domain
    t.answer("Change which value?", &format!("{}\r", DOWN.repeat(5)));
    t.answer("Wildcard domain of the routes", "apps.second.example.com\r");
    t.answer("What now?", "\r");
    let code = t.finish();
    assert_eq!(code, 0, "{}", t.output());
    let cm = env
        .object("3scale-apim", "ConfigMap", "system-environment")
        .unwrap();
    assert_eq!(
        cm["data"]["THREESCALE_SUPERDOMAIN"],
        "apps.second.example.com"
    );
}

/// Cancel at a refused plan changes nothing.
#[test]
fn a_refused_plan_can_be_cancelled() {
    let env = wizard_env();
    let mut t = start(&env, &["--param", "TENANT_NAME=Bad_Name"]);
    t.answer("Install on this cluster?", "y\r");
    answer_profile_to_password(&mut t, "\r");
    t.send("n\r");
    t.answer(
        "The plan cannot go ahead as it is. What now?",
        &format!("{DOWN}\r"),
    );
    t.wait_for("cancelled; nothing was changed");
    assert_eq!(t.finish(), 0);
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}
