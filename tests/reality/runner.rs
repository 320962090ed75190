//! The tier's own test runner: cases on a bounded pool of threads, a panic caught per case,
//! libtest-like lines, and a skip with its reason when the environment names no tools.

use crate::reality::{Reality, Unavailable, KUBECONFIG};
use crate::world::World;
use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::thread;

pub const JOBS: &str = "THREESCALE_REALITY_JOBS";
pub const REQUIRED: &str = "THREESCALE_REALITY_REQUIRED";
pub const KEEP: &str = "THREESCALE_REALITY_KEEP";
const DEFAULT_JOBS: usize = 4;

/// What a case needs from the cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// The simulator's own controls (faults, clock, request log, custom scenarios): skipped
    /// against a real cluster.
    Simulator,
    /// Any cluster: the simulator (scenario `happy` unless the case starts another) or a real one.
    AnyCluster,
}

#[derive(Clone, Copy)]
pub struct Case {
    pub name: &'static str,
    pub needs: Needs,
    pub run: fn(&World),
}

/// The payload of `World::skip`: ends a case as skipped.
pub struct Skip(pub String);

enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

/// What the command line asks (libtest's flags are accepted; most are ignored).
#[derive(Default)]
struct Args {
    filters: Vec<String>,
    skips: Vec<String>,
    exact: bool,
    list: bool,
}

impl Args {
    fn parse(args: impl Iterator<Item = String>) -> Args {
        // libtest flags that take a value, which must not be read as a filter.
        const WITH_VALUE: &[&str] = &[
            "--test-threads",
            "--logfile",
            "--color",
            "--format",
            "--shuffle-seed",
            "-Z",
        ];
        let mut parsed = Args::default();
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--skip" => parsed.skips.extend(args.next()),
                "--exact" => parsed.exact = true,
                "--list" => parsed.list = true,
                flag if WITH_VALUE.contains(&flag) => {
                    args.next();
                }
                flag if flag.starts_with('-') => {}
                filter => parsed.filters.push(filter.to_string()),
            }
        }
        parsed
    }

    fn selects(&self, name: &str) -> bool {
        let matches = |pattern: &String| {
            if self.exact {
                name == pattern
            } else {
                name.contains(pattern.as_str())
            }
        };
        (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skips.iter().any(matches)
    }
}

pub fn main(cases: Vec<Case>) -> ExitCode {
    let mut names = HashSet::new();
    for case in &cases {
        assert!(names.insert(case.name), "two cases are named {}", case.name);
    }
    let args = Args::parse(std::env::args().skip(1));
    let cases: Vec<Case> = cases.into_iter().filter(|c| args.selects(c.name)).collect();
    if args.list {
        for case in &cases {
            println!("{}: test", case.name);
        }
        return ExitCode::SUCCESS;
    }

    let reality = match reality() {
        Ok(reality) => reality,
        Err(code) => return code,
    };
    let jobs = match jobs() {
        Ok(jobs) => jobs,
        Err(code) => return code,
    };

    println!(
        "\nrunning {} reality cases, {} at a time: {}",
        cases.len(),
        jobs.min(cases.len()).max(1),
        reality.describe()
    );
    let (counts, failures) = run_all(&cases, &reality, jobs);
    let [passed, failed, skipped] = counts;
    if !failures.is_empty() {
        println!("\nfailures:");
        for (name, report) in &failures {
            println!("\n---- {name} ----\n{}", report.trim_end());
        }
    }
    println!("\nreality tier: {passed} passed, {failed} failed, {skipped} skipped");
    drop(reality);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The tools the environment names, or the exit code when it names none (skipped, unless
/// required) or names them wrongly.
fn reality() -> Result<Arc<Reality>, ExitCode> {
    match Reality::from_env() {
        Ok(reality) => Ok(Arc::new(reality)),
        Err(Unavailable::Incomplete(reason)) if !flag(REQUIRED) => {
            println!("reality tier: skipped: {reason}");
            Err(ExitCode::SUCCESS)
        }
        Err(Unavailable::Incomplete(reason)) => {
            println!("reality tier: FAILED: {REQUIRED}=1 but {reason}");
            Err(ExitCode::FAILURE)
        }
        Err(Unavailable::Invalid(reason)) => {
            println!("reality tier: FAILED: {reason}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// How many cases run at once.
fn jobs() -> Result<usize, ExitCode> {
    match std::env::var(JOBS) {
        Err(_) => Ok(DEFAULT_JOBS),
        Ok(text) => match text.parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => {
                println!("reality tier: FAILED: {JOBS}={text:?} is not a positive number");
                Err(ExitCode::FAILURE)
            }
        },
    }
}

/// Runs the cases, `jobs` at a time, each reported on its line as it ends: the counts (passed,
/// failed, skipped) and the failures' reports.
fn run_all<'c>(
    cases: &'c [Case],
    reality: &Arc<Reality>,
    jobs: usize,
) -> ([usize; 3], Vec<(&'c str, String)>) {
    install_panic_hook();
    let keep = flag(KEEP);
    let queue = Mutex::new(cases.iter().collect::<VecDeque<_>>());
    let failures = Mutex::new(Vec::new());
    // passed, failed, skipped
    let counts = Mutex::new([0usize; 3]);
    thread::scope(|scope| {
        for _ in 0..jobs.min(cases.len()) {
            scope.spawn(|| loop {
                let Some(case) = queue.lock().unwrap().pop_front() else {
                    break;
                };
                let (outcome, kept) = run_case(case, reality, keep);
                let mut counts = counts.lock().unwrap();
                let line = match outcome {
                    Outcome::Passed => {
                        counts[0] += 1;
                        "ok".to_string()
                    }
                    Outcome::Failed(report) => {
                        counts[1] += 1;
                        failures.lock().unwrap().push((case.name, report));
                        "FAILED".to_string()
                    }
                    Outcome::Skipped(reason) => {
                        counts[2] += 1;
                        format!("skipped ({reason})")
                    }
                };
                println!("test {} ... {line}", case.name);
                if let Some(dir) = kept {
                    println!("    kept {}", dir.display());
                }
            });
        }
    });
    (counts.into_inner().unwrap(), failures.into_inner().unwrap())
}

fn run_case(
    case: &Case,
    reality: &Arc<Reality>,
    keep: bool,
) -> (Outcome, Option<std::path::PathBuf>) {
    if case.needs == Needs::Simulator && !reality.is_simulated() {
        return (
            Outcome::Skipped(format!(
                "needs the simulator; {KUBECONFIG} names a real cluster"
            )),
            None,
        );
    }
    let world = match World::new(Arc::clone(reality), case.name) {
        Ok(world) => world,
        Err(e) => {
            return (
                Outcome::Failed(format!("cannot set up the world: {e}")),
                None,
            )
        }
    };
    IN_CASE.with(|c| *c.borrow_mut() = Some(String::new()));
    let result = panic::catch_unwind(AssertUnwindSafe(|| (case.run)(&world)));
    let mut outcome = match result {
        Ok(()) => Outcome::Passed,
        Err(payload) => match payload.downcast::<Skip>() {
            Ok(skip) => Outcome::Skipped(skip.0),
            Err(_) => Outcome::Failed(format!(
                "{}{}case directory: {} ({})",
                panic_messages(),
                world.diagnostics(),
                world.dir().display(),
                if keep {
                    "kept".to_string()
                } else {
                    format!("removed; set {KEEP}=1 to keep it")
                }
            )),
        },
    };
    // Dropping the world stops its simulator: a panic there fails the case too.
    let kept = match panic::catch_unwind(AssertUnwindSafe(|| world.finish(keep))) {
        Ok(kept) => kept,
        Err(_) => {
            outcome = Outcome::Failed(format!("stopping the world: {}", panic_messages()));
            None
        }
    };
    IN_CASE.with(|c| c.borrow_mut().take());
    (outcome, kept)
}

/// The panic messages stored since the last call.
fn panic_messages() -> String {
    IN_CASE.with(|c| {
        c.borrow_mut()
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    })
}

thread_local! {
    /// Set while a case runs on this thread: the panic hook stores the message here instead of
    /// printing it in the middle of other cases' lines.
    static IN_CASE: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_panic_hook() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if info.payload().is::<Skip>() {
            return;
        }
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(a panic without a message)".into());
        let location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let stored = IN_CASE.with(|c| match c.borrow_mut().as_mut() {
            Some(slot) => {
                slot.push_str(&format!("panicked at {location}:\n{message}\n"));
                true
            }
            None => false,
        });
        if !stored {
            default(info);
        }
    }));
}

fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}
