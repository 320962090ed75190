//! The param-file encoding, checked against an oracle that shares no code with it.
//!
//! The encoder's unit tests (src/templates/param_file.rs) can only compare it with its own port
//! of oc's parser, the very function it consults to choose a quoting. Here the oracle is the
//! fake oc's reading of `--param-file` (tests/support/fake-oc/src/template.rs, written apart
//! from the product); the reality tier reads the same cases with the real oc 4.13
//! (tests/reality/cases/param_file.rs). The encoder is reached as the plan's scripts reach it,
//! through `threescale-install render param-file`: the function that writes the install's param
//! file. The cases, and the wrong encoders the oracle must catch, are in
//! `support::param_file`.

use crate::support::param_file::{self as cases, REFUSED, VALUES};
use crate::support::TestEnv;
use std::process::{Command, Stdio};

/// The fake oc, with a project to process the cases' template in.
struct FakeOc {
    env: TestEnv,
}

impl FakeOc {
    fn new() -> FakeOc {
        let env = TestEnv::new();
        std::fs::write(
            env.root().join("values.json"),
            cases::template().to_string(),
        )
        .unwrap();
        let oc = FakeOc { env };
        let made = oc.run(&["new-project", "values", "--skip-config-write"], "");
        assert!(made.status.success(), "{made:?}");
        oc
    }

    fn run(&self, args: &[&str], stdin: &str) -> std::process::Output {
        use std::io::Write;
        let root = self.env.root();
        let mut child = Command::new(root.join("bin/oc"))
            .args(args)
            .env_clear()
            .env("HOME", root.join("home"))
            .env("FAKE_OC_DIR", root.join("cluster"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    /// The values oc reads for `names` from the param file `text`, or oc's error.
    fn read(&self, text: &str, names: &[String]) -> Result<Vec<String>, String> {
        let template = self.env.root().join("values.json");
        let out = self.run(
            &[
                "process",
                "-f",
                template.to_str().unwrap(),
                "--param-file=-",
                "-o",
                "json",
                "-n",
                "values",
            ],
            text,
        );
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(cases::read(&String::from_utf8_lossy(&out.stdout), names))
    }

    /// The installer's param file for `pairs` (`render param-file`), or its refusal.
    fn installer_encoding(&self, pairs: &[(String, String)]) -> Result<String, String> {
        let names: Vec<&str> = pairs.iter().map(|(n, _)| n.as_str()).collect();
        let mut cmd = self
            .env
            .command(&[&["render", "param-file"], &names[..]].concat());
        for (name, value) in pairs {
            cmd.env(format!("THREESCALE_PARAM_{name}"), value);
        }
        let out = cmd.stdin(Stdio::null()).output().unwrap();
        if out.status.success() {
            Ok(String::from_utf8(out.stdout).unwrap())
        } else {
            Err(format!(
                "exit {:?}: {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    }
}

#[test]
fn every_value_reaches_oc_exactly() {
    let oc = FakeOc::new();
    let encode = |name: &str, value: &str| oc.installer_encoding(&[(name.into(), value.into())]);
    let missed = cases::misses(VALUES, &encode, &|text, names| oc.read(text, names));
    assert!(missed.is_empty(), "{missed:#?}");
}

#[test]
fn every_value_reaches_oc_exactly_from_one_file() {
    let oc = FakeOc::new();
    let pairs: Vec<(String, String)> = VALUES
        .iter()
        .enumerate()
        .map(|(i, v)| (cases::name(i), v.to_string()))
        .collect();
    let text = oc.installer_encoding(&pairs).unwrap();
    let names: Vec<String> = pairs.iter().map(|(n, _)| n.clone()).collect();
    let read = oc
        .read(&text, &names)
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(read, VALUES, "{text}");
}

#[test]
fn values_the_installer_cannot_quote_are_refused() {
    let oc = FakeOc::new();
    for value in REFUSED {
        let refused = oc
            .installer_encoding(&[("ADMIN_PASSWORD".into(), value.to_string())])
            .expect_err(value);
        assert!(
            refused.starts_with("exit Some(2): ")
                && refused.contains("the value of ADMIN_PASSWORD holds '#' together with a quote"),
            "{refused}"
        );
    }
    cases::assert_refused_values_are_misread_in_both_quotings(&|text, names| oc.read(text, names));
}

#[test]
fn the_oracle_rejects_a_wrong_encoding() {
    let oc = FakeOc::new();
    cases::assert_catches_every_broken_encoder(&|text, names| oc.read(text, names));
}

#[test]
fn an_install_brings_values_that_break_naive_encoders_to_the_cluster_intact() {
    // The install writes its own param file (not through `render`): its values, read by the
    // fake oc, land in the seed secret.
    let values = [
        ("ADMIN_PASSWORD", "pw a\"#\"b"),
        ("MASTER_PASSWORD", "'quoted' \"both\" # tail"),
        ("ADMIN_ACCESS_TOKEN", "\\n is not a newline"),
        ("MASTER_ACCESS_TOKEN", "  spaced at both ends  "),
    ];
    let env = values.iter().fold(TestEnv::new(), |env, (name, value)| {
        env.env(&format!("THREESCALE_PARAM_{name}"), value)
    });
    env.run(&["--yes", "--wildcard-domain", "apps.cluster.example.com"])
        .assert_code(0);
    let seed = env.object("3scale-apim", "Secret", "system-seed").unwrap();
    for (name, value) in values {
        use base64::Engine;
        let stored = base64::engine::general_purpose::STANDARD
            .decode(seed["data"][name].as_str().unwrap())
            .unwrap();
        assert_eq!(String::from_utf8(stored).unwrap(), value, "{name}");
    }
}
