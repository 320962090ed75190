//! What a person sees in a terminal: the screen after each run (rendered from what was written
//! to the pseudo-terminal, as a terminal would show it), and the terminal's modes after each
//! interruption.

use crate::support::pty::{Ended, Pty, Size, CTRL_C, DOWN};
use crate::support::TestEnv;

const DOMAIN: &str = "apps.cluster.example.com";
const ARGS: &[&str] = &["--yes", "--wildcard-domain", DOMAIN];

/// The installer with `args`, in a terminal tall enough to keep the whole run on screen.
fn terminal(env: &TestEnv, args: &[&str]) -> Pty {
    Pty::start(&env.command(args), Size::TALL)
}

/// A spinner's frame left on screen: a row that stopped mid-animation.
fn spinner_frames(rows: &[String]) -> Vec<&String> {
    rows.iter()
        .filter(|r| r.chars().any(|c| ('\u{2800}'..='\u{28ff}').contains(&c)))
        .collect()
}

#[test]
fn a_terminal_run_shows_the_steps_their_details_the_plan_the_wait_and_the_result() {
    let env = TestEnv::new();
    let mut t = terminal(&env, ARGS);
    let code = t.finish();
    let screen = t.contents();
    assert_eq!(code, 0, "{screen}");
    // Each step: its mark, then its details and warnings under it.
    assert!(t.row("✔ cluster").contains("✔ cluster ("), "{screen}");
    t.row("logged in as developer on https://api.crc.testing:6443");
    t.row("✔ templates");
    // The support notice, once, under the plan.
    t.row(
        "warning: openshift-version: Red Hat supports the 3scale 2.8 templates on OpenShift 3.11",
    );
    assert_eq!(
        screen.matches("Red Hat supports the 3scale 2.8").count(),
        1,
        "{screen}"
    );
    // The plan, before any change.
    let rows = t.rows();
    let at = |start: &str| {
        rows.iter()
            .position(|r| r.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no {start:?}:\n{screen}"))
    };
    assert!(at("will create project 3scale-apim") < at("✔ create project 3scale-apim"));
    t.row("RWX_STORAGE_CLASS=ocs-cephfs");
    t.row(&format!(
        "WILDCARD_DOMAIN={DOMAIN} (from --wildcard-domain)"
    ));
    assert!(
        t.row("will create the ").ends_with(" objects of amp.yml"),
        "{screen}"
    );
    // The wait: a row per component, each marked when settled, kept at the end.
    t.row("⏳ waiting for 3scale to work");
    for component in ["images", "claims", "system-app", "routes"] {
        let row = t.row(&format!("✔ {component} "));
        assert!(row.contains("ready"), "{row}");
    }
    t.row("✔ 3scale: all components ready");
    // The result, with the logins hidden unless asked for.
    t.row(&format!("Admin portal      https://3scale-admin.{DOMAIN}"));
    assert!(t.row("Admin password").ends_with("••••••"), "{screen}");
    let creds = std::fs::read_to_string(
        env.root()
            .join("state/threescale-install/api.crc.testing-6443/3scale-apim/credentials.yaml"),
    )
    .unwrap();
    let password = creds
        .lines()
        .find_map(|l| l.trim().strip_prefix("password: "))
        .expect("a password in the credentials file")
        .trim_matches('"');
    assert!(
        !t.output().contains(password),
        "no password on the terminal unless asked"
    );
    assert_eq!(spinner_frames(&t.rows()), Vec::<&String>::new(), "{screen}");
    t.assert_terminal_restored();
}

#[test]
fn show_secrets_prints_the_logins_in_a_terminal() {
    let env = TestEnv::new();
    let mut t = terminal(&env, &[ARGS, &["--show-secrets"]].concat());
    assert_eq!(t.finish(), 0);
    assert!(!t.row("Admin password").ends_with("••••••"));
}

#[test]
fn during_the_wait_each_component_has_a_live_row_and_ctrl_c_leaves_them_and_a_way_on() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = serde_json::json!("pending"));
    let mut t = terminal(&env, ARGS);
    t.wait_for("waiting for 3scale to work");
    t.wait_for("system-app");
    t.wait_for("routes");
    // Rows that are not ready spin; the images, imported at once, are marked.
    let rows = t.rows();
    assert!(
        !spinner_frames(&rows).is_empty(),
        "unsettled rows spin:\n{}",
        t.contents()
    );
    t.send(CTRL_C);
    let code = t.finish();
    let screen = t.contents();
    assert_eq!(code, 130, "{screen}");
    let said: Vec<String> = t
        .rows()
        .into_iter()
        .filter(|r| r.starts_with("interrupted; "))
        .collect();
    assert_eq!(said.len(), 1, "one line says what happened:\n{screen}");
    assert!(said[0].contains("run the same command again"), "{screen}");
    // The rows stay, with the state they had, and spin no more.
    assert!(
        t.rows()
            .iter()
            .any(|r| r.trim_start().starts_with("system-app") && r.contains("pending")),
        "{screen}"
    );
    let w = t.output();
    assert_eq!(
        spinner_frames(&t.rows()),
        Vec::<&String>::new(),
        "{screen}\n{:?}",
        &w[w.len().saturating_sub(3000)..]
    );
    t.assert_terminal_restored();
}

#[test]
fn ctrl_c_in_a_step_clears_its_spinner_and_says_how_to_resume() {
    let env = TestEnv::new();
    env.cluster(|s| s["hang"] = serde_json::json!(["process"]));
    let mut t = terminal(&env, ARGS);
    let pid_file = env.root().join("cluster/hung.pid");
    crate::support::events::await_change(&env.root().join("cluster"), "oc hanging", || {
        pid_file.exists()
    });
    t.send(CTRL_C);
    let code = t.finish();
    let screen = t.contents();
    assert_eq!(code, 130, "{screen}");
    assert_eq!(spinner_frames(&t.rows()), Vec::<&String>::new(), "{screen}");
    assert!(t.row("interrupted; ").contains("again"), "{screen}");
    t.assert_terminal_restored();
}

/// A wizard with everything given but what the test interrupts.
fn asks_only(env: &TestEnv, extra: &[&str]) -> Pty {
    let args = [
        &[
            "--project",
            "screen-test",
            "--wildcard-domain",
            DOMAIN,
            "--rwx-storage-class",
            "ocs-cephfs",
            "--display-name",
            "Screen test",
            "--registry-server",
            "registry.redhat.io",
        ][..],
        extra,
    ]
    .concat();
    terminal(env, &args)
}

#[track_caller]
fn assert_interrupted_cleanly(t: &mut Pty, env: &TestEnv) {
    let code = t.finish();
    let screen = t.contents();
    assert_eq!(code, 130, "{screen}");
    let said = t
        .rows()
        .into_iter()
        .filter(|r| r.starts_with("interrupted; "))
        .count();
    assert_eq!(said, 1, "one line says what happened:\n{screen}");
    assert!(!screen.contains("error:"), "no error besides: {screen}");
    t.assert_terminal_restored();
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
}

#[test]
fn ctrl_c_at_the_hidden_password_turns_echo_back_on() {
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_PASSWORD");
    let mut t = asks_only(&env, &["--template", "amp"]);
    t.wait_for("Install on this cluster?");
    t.send("y\r");
    t.wait_for("Registry password");
    assert!(!t.modes().echo, "echo is off while typing");
    t.send("half-typed");
    t.send(CTRL_C);
    assert_interrupted_cleanly(&mut t, &env);
    assert!(!t.output().contains("half-typed"));
}

#[test]
fn ctrl_c_in_a_menu_leaves_raw_mode_and_shows_the_cursor() {
    let env = TestEnv::new();
    let mut t = asks_only(&env, &[]);
    t.wait_for("Install on this cluster?");
    t.send("y\r");
    t.wait_for("Install profile");
    t.send(DOWN);
    t.send(CTRL_C);
    assert_interrupted_cleanly(&mut t, &env);
}

#[test]
fn ctrl_c_at_proceed_change_cancel_changes_nothing() {
    let env = TestEnv::new();
    let mut t = asks_only(&env, &["--template", "amp"]);
    t.wait_for("Install on this cluster?");
    t.send("y\r");
    t.wait_for("Customize template parameters?");
    t.send("n\r");
    t.wait_for("What now?");
    t.send(CTRL_C);
    assert_interrupted_cleanly(&mut t, &env);
}

#[test]
fn sigterm_with_stderr_in_a_file_writes_no_escape_codes() {
    let env = TestEnv::new();
    env.cluster(|s| s["hang"] = serde_json::json!(["process"]));
    let log = env.root().join("stderr.log");
    let mut child = env
        .command(ARGS)
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let pid_file = env.root().join("cluster/hung.pid");
    crate::support::events::await_change(&env.root().join("cluster"), "oc hanging", || {
        pid_file.exists()
    });
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    assert_eq!(child.wait().unwrap().code(), Some(130));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(!text.contains('\x1b'), "no escape codes: {text:?}");
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("interrupted; "))
            .count(),
        1,
        "{text}"
    );
}

#[test]
fn a_failed_wait_keeps_every_row_with_its_mark_above_the_error() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout_overrides"] = serde_json::json!({"system-app": "failed"}));
    let mut t = terminal(&env, ARGS);
    let code = t.finish();
    let screen = t.contents();
    assert_eq!(code, 4, "{screen}");
    assert!(t.row("✖ system-app").contains("failed"), "{screen}");
    t.row("✔ claims");
    let rows = t.rows();
    let at = |start: &str| {
        rows.iter()
            .position(|r| r.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no {start:?}:\n{screen}"))
    };
    assert!(at("✖ system-app") < at("error:"), "{screen}");
    assert_eq!(spinner_frames(&t.rows()), Vec::<&String>::new(), "{screen}");
    t.assert_terminal_restored();
}

#[test]
fn sigterm_during_the_wait_leaves_the_terminal_as_ctrl_c_does() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = serde_json::json!("pending"));
    let mut t = terminal(&env, ARGS);
    t.wait_for("waiting for 3scale to work");
    t.wait_for("routes");
    t.signal(libc::SIGTERM);
    let code = t.finish();
    let screen = t.contents();
    assert_eq!(code, 130, "{screen}");
    let said: Vec<String> = t
        .rows()
        .into_iter()
        .filter(|r| r.starts_with("interrupted; "))
        .collect();
    assert_eq!(said.len(), 1, "one line says what happened:\n{screen}");
    assert!(said[0].contains("run the same command again"), "{screen}");
    assert_eq!(spinner_frames(&t.rows()), Vec::<&String>::new(), "{screen}");
    t.assert_terminal_restored();
}

#[test]
fn sigterm_at_the_hidden_password_turns_echo_back_on() {
    let env = TestEnv::new().without_env("THREESCALE_REGISTRY_PASSWORD");
    let mut t = asks_only(&env, &["--template", "amp"]);
    t.answer("Install on this cluster?", "y\r");
    t.wait_for("Registry password");
    assert!(!t.modes().echo, "echo is off while typing");
    t.send("half-typed");
    t.signal(libc::SIGTERM);
    assert_interrupted_cleanly(&mut t, &env);
    assert!(!t.output().contains("half-typed"));
}

/// The record of the install in project `project` of the fake cluster.
fn record(env: &TestEnv, project: &str) -> Option<serde_json::Value> {
    let path = env.root().join(format!(
        "state/threescale-install/api.crc.testing-6443/{project}/install.yaml"
    ));
    let text = std::fs::read_to_string(path).ok()?;
    Some(serde_yaml::from_str(&text).expect("a record in YAML"))
}

#[test]
fn closing_the_terminal_at_the_first_question_ends_the_run() {
    let env = TestEnv::new();
    let mut t = asks_only(&env, &[]);
    t.wait_for("Install on this cluster?");
    let hung = t.hang_up();
    assert_eq!(hung.ended(), Ended::Exited(129), "{}", hung.contents());
    assert_eq!(env.mutating_commands(), Vec::<String>::new());
    assert_eq!(env.running_fake_ocs(), Vec::<i32>::new());
}

#[test]
fn closing_the_terminal_during_the_wait_ends_the_run_and_the_next_one_resumes() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = serde_json::json!("pending"));
    let mut t = terminal(&env, ARGS);
    t.wait_for("waiting for 3scale to work");
    t.wait_for("routes");
    let hung = t.hang_up();
    assert_eq!(hung.ended(), Ended::Exited(129), "{}", hung.contents());
    assert_eq!(env.running_fake_ocs(), Vec::<i32>::new(), "no oc left");
    assert_eq!(
        record(&env, "3scale-apim").expect("the record stays")["stage"],
        "waiting"
    );
    env.cluster(|s| s["rollout"] = serde_json::json!("ready"));
    let rerun = env.run(ARGS);
    rerun.assert_code(0);
    assert!(
        rerun
            .stderr
            .contains("resuming the install of project 3scale-apim"),
        "{}",
        rerun.stderr
    );
    assert!(
        !rerun.stderr.contains("took over the lock"),
        "{}",
        rerun.stderr
    );
}

/// The rows of the wait's board (indented under its title) that start with `mark`.
fn board_rows(t: &Pty, mark: char) -> Vec<String> {
    t.rows()
        .into_iter()
        .filter(|r| r.starts_with("  ") && r.trim_start().starts_with(mark))
        .collect()
}

#[test]
fn a_failed_wait_marks_only_the_root_cause_failed_and_what_was_under_way_stopped() {
    let env = TestEnv::new();
    env.cluster(|s| {
        s["rollout"] = serde_json::json!("ready-after:1000");
        s["rollout_overrides"] = serde_json::json!({"system-mysql": "image-pull-backoff"});
    });
    let mut t = terminal(&env, ARGS);
    let code = t.finish();
    let screen = t.contents();
    assert_eq!(code, 4, "{screen}");
    let failed = board_rows(&t, '✖');
    assert_eq!(failed.len(), 1, "one root cause:\n{screen}");
    assert!(failed[0].contains("system-mysql"), "{screen}");
    let stopped = t.row("· system-app");
    assert!(
        stopped.contains("stopped") && stopped.contains("while rolling out"),
        "{stopped}\n{screen}"
    );
    t.row("✔ images");
    assert!(t.row("✖ 3scale does not work").ends_with(')'), "{screen}");
}

#[test]
fn the_wait_shows_the_time_waited_for_each_component_and_overall() {
    let env = TestEnv::new();
    env.cluster(|s| s["rollout"] = serde_json::json!("ready-after:3"));
    let mut t = terminal(&env, ARGS);
    // The whole wait's time, ticking under the rows while it lasts.
    t.wait_for("waited ");
    let code = t.finish();
    let screen = t.contents();
    assert_eq!(code, 0, "{screen}");
    let took = regex::Regex::new(r"^  ✔ (\S+) +ready +(\d+(ms|d|h|m|s))+  \S").unwrap();
    let rows = board_rows(&t, '✔');
    assert_eq!(rows.len(), 7, "{screen}");
    for row in &rows {
        assert!(took.is_match(row), "the time it took: {row:?}\n{screen}");
    }
    assert!(
        t.row("✔ 3scale: all components ready (").ends_with("s)"),
        "{screen}"
    );
    // Nothing of the live line stays once the wait is over.
    assert!(
        !t.rows()
            .iter()
            .any(|r| r.trim_start().starts_with("waited ")),
        "{screen}"
    );
}
