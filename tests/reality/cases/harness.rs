//! The harness checks itself: the secret scan, the argv log, signals and deadlines.

use crate::process::{self, Signal};
use crate::runner::{Case, Needs};
use crate::secrets::{Finding, Form, Place, SecretScan};
use crate::sim::{Scenario, Sim};
use crate::world::World;
use serde_json::json;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

pub const CASES: &[Case] = &[
    Case {
        name: "harness_secret_scan_finds_every_form",
        needs: Needs::AnyCluster,
        run: secret_scan_finds_every_form,
    },
    Case {
        name: "harness_argv_log_keeps_every_argument",
        needs: Needs::AnyCluster,
        run: argv_log_keeps_every_argument,
    },
    Case {
        name: "harness_signals_and_deadlines",
        needs: Needs::AnyCluster,
        run: signals_and_deadlines,
    },
    Case {
        name: "harness_run_until_signals_the_installer",
        needs: Needs::AnyCluster,
        run: run_until_signals_the_installer,
    },
    Case {
        name: "harness_simulator_controls",
        needs: Needs::Simulator,
        run: simulator_controls,
    },
];

fn secret_scan_finds_every_form(world: &World) {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    let root = world.dir().join("scan");
    let password = r#"pa"ss\word-42"#;
    let write = |name: &str, content: &[u8]| {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    };
    let json_escaped = r#"pa\"ss\\word-42"#;
    let docker_auth = STANDARD.encode(format!("12345678|user:{password}"));
    write("plain.txt", format!("password: {password}\n").as_bytes());
    write(
        "b64.txt",
        format!("data: {}\n", STANDARD.encode(password)).as_bytes(),
    );
    write(
        "deep/json.json",
        format!(r#"{{"p": "{json_escaped}"}}"#).as_bytes(),
    );
    write("deep/b64json.txt", STANDARD.encode(json_escaped).as_bytes());
    write(
        "dockerconfig.json",
        format!(r#"{{"auth":"{docker_auth}"}}"#).as_bytes(),
    );
    write("excluded/plain.txt", password.as_bytes());
    write("short.txt", b"abc12 token-shorty");
    write("clean.txt", b"nothing to see");

    let scan = SecretScan::new()
        .secret("registry password", password)
        .secret("short", "abc12");
    let excluded = root.join("excluded");
    let found = scan.tree(&root, &[excluded.as_path()]);
    let expected = [
        ("b64.txt", Form::Base64),
        ("deep/b64json.txt", Form::Base64OfJson),
        ("deep/json.json", Form::JsonEscaped),
        ("dockerconfig.json", Form::InsideBase64),
        ("plain.txt", Form::Plain),
    ];
    let mut got: Vec<(String, Form)> = found
        .iter()
        .map(|f| {
            assert_eq!(f.secret, "registry password");
            let Place::File(path) = &f.place else {
                panic!("a file finding: {f}")
            };
            let rel = path.strip_prefix(&root).unwrap().display().to_string();
            (rel, f.form)
        })
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    let expected: Vec<(String, Form)> = expected.iter().map(|(p, f)| (p.to_string(), *f)).collect();
    assert_eq!(got, expected);
    for finding in &found {
        assert!(
            !finding.to_string().contains(password),
            "{finding:?} shows the secret"
        );
    }

    let calls = vec![
        vec!["create".to_string(), "secret".to_string()],
        vec!["new-app".into(), format!("--param=PASSWORD={password}")],
    ];
    assert_eq!(
        scan.argv(&calls),
        vec![Finding {
            secret: "registry password".into(),
            form: Form::Plain,
            place: Place::Argv { call: 1, arg: 1 },
        }]
    );
    assert!(
        scan.text("stdout", b"abc12").is_empty(),
        "short values are ignored"
    );
}

fn argv_log_keeps_every_argument(world: &World) {
    let odd = [
        "version",
        "--client",
        "",
        "two words",
        "new\nline",
        "ünïcode",
    ];
    // oc rejects the extra arguments; only the log matters here.
    world.run_command(world.oc(odd), None);
    world.run_command(world.oc(["version", "--client"]), None);
    let expected: Vec<Vec<String>> = vec![
        odd.iter().map(|s| s.to_string()).collect(),
        vec!["version".into(), "--client".into()],
    ];
    assert_eq!(world.argv_log(), expected);
    let secret = b"stdin-only-secret-value";
    let run = world.run_command(
        world.oc(["create", "-f", "-", "--dry-run=client"]),
        Some(secret),
    );
    assert!(!run.timed_out);
    let log = std::fs::read(world.argv_log_path()).unwrap();
    assert!(
        !log.windows(secret.len()).any(|w| w == secret),
        "stdin reached the argv log"
    );
}

fn signals_and_deadlines(world: &World) {
    let blocked = |dir: &Path| {
        let mut cmd = Command::new("sh");
        cmd.current_dir(dir).args([
            "-c",
            "echo starting >&2; echo ready >&2; exec tail -f /dev/null",
        ]);
        cmd
    };
    for (signal, code) in [
        (Signal::Int, 130),
        (Signal::Term, 143),
        (Signal::CtrlC, 130),
    ] {
        let run = process::collect(
            blocked(world.dir()),
            None,
            Some(("ready", signal)),
            Duration::from_secs(60),
        );
        assert!(
            run.signalled && !run.timed_out && !run.strays,
            "{signal:?}: {}",
            run.transcript()
        );
        assert_eq!(run.code, code, "{signal:?}: {}", run.transcript());
        assert_eq!(run.stderr, "starting\nready\n");
    }
    // Blocked for good: any deadline fires; a short one costs no time.
    let run = process::collect(blocked(world.dir()), None, None, Duration::from_millis(10));
    assert!(run.timed_out, "the deadline kills: {}", run.transcript());
    assert_eq!(run.code, 128 + libc::SIGKILL);

    // A child left running is reported (and stopped).
    let mut leaves_a_child = Command::new("sh");
    leaves_a_child.current_dir(world.dir()).args([
        "-c",
        "tail -f /dev/null >/dev/null 2>&1 & echo ready >&2; wait",
    ]);
    let run = process::collect(
        leaves_a_child,
        None,
        Some(("ready", Signal::Int)),
        Duration::from_secs(60),
    );
    assert!(run.strays && !run.timed_out, "{}", run.transcript());
}

fn run_until_signals_the_installer(world: &World) {
    // Any stderr line will do: the first one stops preflight with a terminal's Ctrl-C.
    let run = world.run_until(["preflight"], "", Signal::CtrlC);
    assert!(
        run.signalled,
        "preflight printed nothing on stderr:\n{}",
        run.transcript()
    );
    assert!(!run.timed_out, "{}", run.transcript());
}

fn simulator_controls(world: &World) {
    let sim = world.start_sim(
        Scenario::json(json!({
            "name": "harness",
            "users": [
                {"name": "developer", "token": "sha256~harness-developer-token-00000000000", "can_create_projects": true},
                {"name": "kube:admin", "token": "sha256~harness-kubeadmin-token-0000000000", "cluster_admin": true}
            ],
            "kubeconfig_user": "developer"
        }))
        .speed(50.0),
    );
    let state = sim.state();
    assert_eq!(state["scenario"]["name"], "harness");
    assert_eq!(state["speed"], 50.0);
    assert!(sim.kubeconfig_for("kube:admin").is_file());
    assert!(sim.url().starts_with("https://127.0.0.1:"));

    let oc = |args: &[&str]| world.run_command(world.oc(args), None);
    oc(&["whoami"]).assert_code(&[0]);
    let whoami = sim.requests(0);
    assert!(whoami
        .iter()
        .any(|r| r.method == "GET" && r.path.ends_with("/users/~")));
    let before = sim.last_seq();
    assert_eq!(before, whoami.last().unwrap().seq);
    writes_are_told_from_reads(world, sim, before);
    let last = sim.last_seq();
    sim.clear_requests();
    assert!(sim.requests(0).is_empty());
    assert_eq!(sim.last_seq(), last, "sequence numbers keep counting");
    faults_are_injected_merged_and_cleared(world, sim);
    the_clock_and_the_scenario_move(sim);
}

/// Writes count as mutating; reviews and template processing do not.
fn writes_are_told_from_reads(world: &World, sim: &Sim, before: u64) {
    let oc = |args: &[&str]| world.run_command(world.oc(args), None);
    oc(&["new-project", "reality-harness"]).assert_code(&[0]);
    oc(&["auth", "can-i", "create", "pods"]).assert_code(&[0]);
    let amp = world.templates_dir().join("amp/amp.yml");
    let amp = amp.to_str().unwrap();
    oc(&[
        "process",
        "-f",
        amp,
        "-p",
        "WILDCARD_DOMAIN=apps.example.com",
    ])
    .assert_code(&[0]);
    let writes: Vec<String> = sim
        .mutating_requests(before)
        .iter()
        .map(|r| format!("{} {}", r.method, r.resource.as_deref().unwrap_or("?")))
        .collect();
    assert_eq!(writes, ["POST projectrequests.project.openshift.io"]);
    let posts = sim
        .requests(before)
        .into_iter()
        .filter(|r| r.method == "POST")
        .count();
    assert_eq!(
        posts, 3,
        "projectrequests, selfsubjectaccessreviews, processedtemplates"
    );
    assert!(sim.state()["objects"]
        .to_string()
        .contains("reality-harness"));
}

fn faults_are_injected_merged_and_cleared(world: &World, sim: &Sim) {
    let oc = |args: &[&str]| world.run_command(world.oc(args), None);
    let faults = sim.faults(json!({"errors": [{"path": "/users/~", "status": 503}]}));
    assert_eq!(faults["config"]["errors"][0]["status"], 503, "{faults}");
    let failed = oc(&["whoami"]);
    assert_eq!(failed.code, 1, "{}", failed.transcript());
    assert!(
        failed.stderr.contains("ServiceUnavailable"),
        "{}",
        failed.transcript()
    );
    let merged = sim.merge_faults(json!({"latency_ms": 1}));
    assert_eq!(merged["config"]["latency_ms"], 1, "{merged}");
    assert_eq!(
        merged["config"]["errors"][0]["status"], 503,
        "merged, not replaced: {merged}"
    );
    sim.clear_faults();
    oc(&["whoami"]).assert_code(&[0]);
    assert_eq!(sim.state()["faults"]["config"], json!({}));
}

fn the_clock_and_the_scenario_move(sim: &Sim) {
    let t0 = sim.settle();
    let t1 = sim.advance(600.0);
    assert!(
        t1 >= t0 + 600.0,
        "advance moved the clock from {t0} to {t1}"
    );
    sim.speed(1.0);
    assert_eq!(sim.state()["speed"], 1.0);
    let scenario = sim.scenario(json!({"timings": {"pvc_bind": 1}}));
    assert_eq!(scenario["timings"]["pvc_bind"], 1);
    assert_eq!(scenario["name"], "harness", "merged, not replaced");
    assert!(sim.stderr_tail().contains("listening on"));
}
