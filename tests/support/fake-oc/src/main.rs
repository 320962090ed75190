//! A fake `oc` for threescale-install's tests: a stateful simulation of an OpenShift cluster that
//! prints what the real oc 4.13 prints (the reality tier compares the two: tests/reality/cases/
//! fake_oc.rs), records every call, and fails loudly on anything it does not know.
//!
//! State: `$FAKE_OC_DIR/state.json`. Calls: `$FAKE_OC_DIR/calls.jsonl` (argv and a digest of stdin).

mod client;
mod clock;
mod commands;
mod controllers;
mod patch;
mod resources;
mod server;
mod state;
mod template;

use std::hash::{Hash, Hasher};
use std::io::{Read, Write};

/// What one invocation produced.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Outcome {
    pub fn ok(stdout: impl Into<String>) -> Self {
        Outcome {
            stdout: stdout.into(),
            stderr: String::new(),
            code: 0,
        }
    }
    pub fn err(stderr: impl Into<String>) -> Self {
        let mut stderr = stderr.into();
        if !stderr.ends_with('\n') {
            stderr.push('\n');
        }
        Outcome {
            stdout: String::new(),
            stderr,
            code: 1,
        }
    }
}

/// The parsed command line: oc's global flags, then the command's words and flags.
#[derive(Debug, Default)]
pub struct Args {
    pub words: Vec<String>,
    pub flags: Vec<(String, Option<String>)>,
    pub namespace: Option<String>,
    pub kubeconfig: Option<String>,
    pub context: Option<String>,
}

impl Args {
    pub fn flag(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }
    pub fn flag_all(&self, name: &str) -> Vec<&str> {
        self.flags
            .iter()
            .filter(|(n, _)| n == name)
            .filter_map(|(_, v)| v.as_deref())
            .collect()
    }
    pub fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| n == name)
    }
}

/// Flags that take a value, with their long name.
const VALUE_FLAGS: &[(&str, &str)] = &[
    ("-n", "--namespace"),
    ("--namespace", "--namespace"),
    ("--kubeconfig", "--kubeconfig"),
    ("--context", "--context"),
    ("--request-timeout", "--request-timeout"),
    ("-o", "--output"),
    ("--output", "--output"),
    ("-f", "--filename"),
    ("--filename", "--filename"),
    ("--file", "--file"),
    ("-p", "--param"),
    ("--param", "--param"),
    ("--param-file", "--param-file"),
    ("-l", "--selector"),
    ("--selector", "--selector"),
    ("--display-name", "--display-name"),
    ("--description", "--description"),
    ("--tail", "--tail"),
    ("--for", "--for"),
    ("--from", "--from"),
    ("-c", "--container"),
    ("--container", "--container"),
    ("--limit-bytes", "--limit-bytes"),
    ("--since", "--since"),
    ("--type", "--type"),
    ("--patch", "--patch"),
];
const BOOL_FLAGS: &[(&str, &str)] = &[
    ("--ignore-not-found", "--ignore-not-found"),
    ("--skip-config-write", "--skip-config-write"),
    ("--show-server", "--show-server"),
    ("--show-console", "--show-console"),
    ("--wait", "--wait"),
    ("--client", "--client"),
    ("-q", "--quiet"),
    ("--quiet", "--quiet"),
    ("-A", "--all-namespaces"),
    ("--all-namespaces", "--all-namespaces"),
    ("--all", "--all"),
    ("--confirm", "--confirm"),
    ("--dry-run", "--dry-run"),
    ("--previous", "--previous"),
    ("--list", "--list"),
    ("-t", "--show-token"),
    ("--show-token", "--show-token"),
];

fn parse(argv: &[String]) -> Result<Args, Outcome> {
    let mut args = Args::default();
    let mut i = 0;
    while i < argv.len() {
        let a = &argv[i];
        if a.starts_with('-') && a.len() > 1 {
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (a.clone(), None),
            };
            if let Some((_, long)) = VALUE_FLAGS.iter().find(|(n, _)| *n == name) {
                let value = match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        match argv.get(i) {
                            Some(v) => v.clone(),
                            None => {
                                return Err(Outcome::err(format!(
                                "Error: flag needs an argument: {name}\nSee 'oc --help' for usage."
                            )))
                            }
                        }
                    }
                };
                match *long {
                    "--namespace" => args.namespace = Some(value),
                    "--kubeconfig" => args.kubeconfig = Some(value),
                    "--context" => args.context = Some(value),
                    _ => args.flags.push((long.to_string(), Some(value))),
                }
            } else if let Some((_, long)) = BOOL_FLAGS.iter().find(|(n, _)| *n == name) {
                args.flags.push((long.to_string(), inline));
            } else if a.starts_with("--") {
                return Err(Outcome::err(format!(
                    "Error: unknown flag: {name}\nSee 'oc {} --help' for usage.",
                    args.words.join(" ")
                )));
            } else {
                let c = a.chars().nth(1).unwrap();
                return Err(Outcome::err(format!(
                    "Error: unknown shorthand flag: '{c}' in {a}"
                )));
            }
        } else {
            args.words.push(a.clone());
        }
        i += 1;
    }
    Ok(args)
}

fn record(dir: &std::path::Path, argv: &[String], stdin: &[u8]) {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    stdin.hash(&mut hasher);
    let line = serde_json::json!({
        "argv": argv,
        "stdin_len": stdin.len(),
        "stdin_digest": format!("{:016x}", hasher.finish()),
    });
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("calls.jsonl"))
        .expect("fake oc: cannot open calls.jsonl");
    // One write of the whole line: the installer runs several oc at once, and a line written
    // piecewise would interleave with theirs.
    f.write_all(format!("{line}\n").as_bytes()).unwrap();
}

/// Tells the test who we are, then blocks until a signal ends us, like oc on a dead network.
/// The pid file is written whole and renamed, so that a reader never sees an empty file.
fn hang(dir: &std::path::Path) -> ! {
    std::fs::write(dir.join("hung.pid.tmp"), std::process::id().to_string()).unwrap();
    std::fs::rename(dir.join("hung.pid.tmp"), dir.join("hung.pid")).unwrap();
    loop {
        std::thread::park();
    }
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let dir = state::dir();
    let reads_stdin = argv
        .iter()
        .any(|a| a == "-" || a == "--param-file=-" || a == "-f=-");
    let mut stdin = Vec::new();
    if reads_stdin {
        std::io::stdin().read_to_end(&mut stdin).unwrap();
    }
    record(&dir, &argv, &stdin);

    let outcome = match parse(&argv) {
        Err(o) => o,
        Ok(args) => {
            // One oc at a time changes the simulated cluster, as the API server serialises
            // writes; the installer runs several oc at once.
            let lock = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(dir.join("state.lock"))
                .expect("fake oc: cannot open state.lock");
            lock.lock().expect("fake oc: cannot lock state.lock");
            let mut st = state::State::load(&dir);
            let word = args.words.first().cloned().unwrap_or_default();
            if st.hang.contains(&word) {
                drop(lock);
                hang(&dir);
            }
            let outcome = commands::dispatch(&args, &mut st, &stdin, &argv);
            // The server did it, but its answer never comes back (a lost connection).
            let answer_lost =
                outcome.code == 0 && st.hang_after.get(&word).is_some_and(|left| *left > 0);
            if answer_lost {
                *st.hang_after.get_mut(&word).unwrap() -= 1;
            }
            st.save(&dir);
            if answer_lost {
                drop(lock);
                hang(&dir);
            }
            outcome
        }
    };
    print!("{}", outcome.stdout);
    eprint!("{}", outcome.stderr);
    let _ = std::io::stdout().flush();
    std::process::exit(outcome.code);
}
