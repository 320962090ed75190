//! Apply: the one executor. It runs the planned actions in order through oc, each on a step line,
//! and stops at the first that fails, saying what was being done, which command ran and what to
//! try. A run stopped half-way is continued by running the same command again: the next plan
//! sees what exists.

use super::action::{Action, CreateObjects};
use super::api_versions;
use super::pull_secret;
use super::Ctx;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::oc::{args, Cause, Oc, OcError};
use crate::templates::kinds::ObjectRef;
use serde_json::{json, Value};

/// How many `oc create` run at once: oc limits itself to 5 requests a second after a burst of
/// 10 (client-go's defaults), so the 66 objects of amp.yml take 12 s through one oc.
const PARALLEL_CREATES: usize = 4;

/// Rounds of a change that failed transiently: each round first looks at what exists now, so
/// that nothing is sent twice.
const CHANGE_ROUNDS: usize = 6;

/// A failed change: an unreachable or failing API is `Unavailable` (run again), anything else a
/// failed change.
pub fn change_failure(doing: &str, e: OcError, help: Option<String>) -> Failure {
    let kind = if e.is_transient() {
        FailureKind::Unavailable
    } else {
        FailureKind::Cluster
    };
    let common = e.help();
    let mut f = Failure::new(kind, e).context(format!("could not {doing}"));
    for h in help.into_iter().chain(common) {
        f = f.with_help(h);
    }
    f.with_help("run the same command again: it continues from what exists")
}

pub fn apply(ctx: &Ctx, project: &str, actions: &[Action]) -> Outcome<()> {
    for action in actions {
        let line = ctx.ui.step(&step_title(action));
        match run(ctx, project, action) {
            Ok(detail) => {
                if let Some(d) = detail {
                    line.detail(&d);
                }
                line.done();
            }
            Err(f) => {
                line.failed();
                return Err(f);
            }
        }
    }
    Ok(())
}

fn step_title(action: &Action) -> String {
    match action {
        Action::CreateProject { name, .. } => format!("create project {name}"),
        Action::CreatePullSecret(_) => format!("create pull secret {}", pull_secret::NAME),
        Action::UpdatePullSecret { .. } => format!("update pull secret {}", pull_secret::NAME),
        Action::CreateImageStreams { names, .. } => {
            format!("create image streams {}", names.join(", "))
        }
        Action::CreateObjects(c) if c.all => {
            format!("create the {} objects of the template", c.objects.len())
        }
        Action::CreateObjects(c) => format!("create the {} missing objects", c.objects.len()),
    }
}

fn run(ctx: &Ctx, project: &str, action: &Action) -> Outcome<Option<String>> {
    let oc = ctx.oc;
    match action {
        Action::CreateProject { name, .. } => {
            let exists = || {
                oc.get::<Value>("project", name, None)
                    .map(|p| p.is_some())
                    .unwrap_or(false)
            };
            single_change(oc, &action.oc_args(project), None, exists).map(|_| None).map_err(|e| {
                let help = match e.cause {
                    Cause::AlreadyExists => Some(format!(
                        "project {name} exists but you cannot see it: ask its admin for access, or choose another name with --project"
                    )),
                    Cause::Forbidden => Some(format!(
                        "you may not create projects: ask a cluster admin to create project {name} for you (`oc adm new-project {name} --admin={}`), then run again",
                        ctx.user
                    )),
                    _ => None,
                };
                change_failure(&format!("create project {name}"), e, help)
            })
        }
        Action::CreatePullSecret(login) | Action::UpdatePullSecret { login, .. } => {
            let manifest = pull_secret::manifest(login);
            let written = || {
                oc.get_secret::<Value>(pull_secret::NAME, project)
                    .ok()
                    .flatten()
                    .is_some_and(|s| pull_secret::holds(&s, login))
            };
            single_change(
                oc,
                &action.oc_args(project),
                Some(manifest.expose().as_bytes()),
                written,
            )
            .map(|_| None)
            .map_err(|e| change_failure(&format!("write secret {}", pull_secret::NAME), e, None))
        }
        Action::CreateImageStreams { manifest, .. } => {
            let list: Value = serde_json::from_str(manifest).unwrap_or_default();
            let items = list["items"].as_array().cloned().unwrap_or_default();
            create_wave(ctx, project, items)
                .map(|_| None)
                .map_err(|e| e.context("could not create the image streams"))
        }
        Action::CreateObjects(c) => create_objects(ctx, project, c).map(Some),
    }
}

/// One change, sent again while it fails transiently and `done` says it did not happen.
pub fn single_change(
    oc: &Oc,
    args: &[String],
    stdin: Option<&[u8]>,
    done: impl Fn() -> bool,
) -> Result<String, OcError> {
    let mut round = 0;
    loop {
        match oc.change(args, stdin) {
            Ok(out) => return Ok(out),
            Err(e)
                if e.is_transient()
                    && round + 1 < CHANGE_ROUNDS
                    && !crate::interrupt::requested() =>
            {
                oc.note("the change failed transiently: looking whether it happened");
                if done() {
                    return Ok(String::new());
                }
                round += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Processes the template with the planned values, keeps the planned objects, sends them with
/// the API versions the cluster serves, and creates them a few `oc` at a time: everything but
/// the deployment configs first (the service accounts, secrets and claims their pods need),
/// then the deployment configs.
fn create_objects(ctx: &Ctx, project: &str, c: &CreateObjects) -> Outcome<String> {
    let processed = ctx
        .oc
        .process(&c.template, c.param_file.expose().as_bytes(), project)
        .map_err(|e| {
            let help = (e.cause == Cause::Invalid).then(|| {
                "the template refused the values: check the parameters named above".to_string()
            });
            change_failure("process the template", e, help)
        })?;
    let mut items: Vec<Value> = processed["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|o| c.objects.iter().any(|r| r.matches(o)))
        .collect();
    let absent: Vec<&ObjectRef> = c
        .objects
        .iter()
        .filter(|r| !items.iter().any(|o| r.matches(o)))
        .collect();
    if !absent.is_empty() {
        return Err(Failure::internal(format!(
            "the processed template lacks {}, which the plan expected: the template and our reading of it disagree",
            absent.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        )));
    }
    api_versions::apply(&mut items, &c.rewrites);
    let (first, last): (Vec<Value>, Vec<Value>) = items
        .into_iter()
        .partition(|o| o["kind"] != "DeploymentConfig");
    let mut created = 0;
    for wave in [first, last] {
        created += create_wave(ctx, project, wave)?;
    }
    Ok(format!("{created} objects created"))
}

/// Creates `objects`; when some fail transiently (a flaky API), looks at what exists and sends
/// the rest again, for a few rounds.
fn create_wave(ctx: &Ctx, project: &str, objects: Vec<Value>) -> Outcome<usize> {
    let count = objects.len();
    let mut pending = objects;
    let mut round = 0;
    while !pending.is_empty() {
        let failures = create_at_once(ctx, project, &pending);
        if failures.is_empty() {
            break;
        }
        let transient = failures.iter().all(|f| {
            f.is_transient()
                || f.lines()
                    .iter()
                    .all(|(c, _)| c.is_transient() || *c == Cause::AlreadyExists)
        });
        round += 1;
        if !transient || round >= CHANGE_ROUNDS || crate::interrupt::requested() {
            return Err(refused(failures, round > 1));
        }
        ctx.transcript.note(&format!(
            "{} creates failed transiently: looking at what exists, then sending the rest (round {} of {CHANGE_ROUNDS})",
            failures.len(),
            round + 1
        ));
        let resources: Vec<String> = pending
            .iter()
            .filter_map(ObjectRef::of_json)
            .map(|o| o.resource.to_string())
            .fold(Vec::new(), |mut v, r| {
                if !v.contains(&r) {
                    v.push(r);
                }
                v
            });
        let types: Vec<&str> = resources.iter().map(String::as_str).collect();
        let existing: Vec<Value> = ctx
            .oc
            .list(&types, Some(project), None)
            .map_err(|e| change_failure("look at what was created", e, None))?;
        pending.retain(|o| {
            let id = ObjectRef::of_json(o);
            !existing
                .iter()
                .any(|e| id.as_ref().is_some_and(|i| i.matches(e)))
        });
    }
    Ok(count)
}

/// Sends `objects` through a few `oc create` at once; returns the failures.
fn create_at_once(ctx: &Ctx, project: &str, objects: &[Value]) -> Vec<OcError> {
    let per_call = objects.len().div_ceil(PARALLEL_CREATES).max(1);
    let batches: Vec<Vec<u8>> = objects
        .chunks(per_call)
        .map(|chunk| {
            json!({"apiVersion": "v1", "kind": "List", "items": chunk})
                .to_string()
                .into_bytes()
        })
        .collect();
    let create = args::create(project);
    let results: Vec<Result<String, OcError>> = std::thread::scope(|s| {
        let handles: Vec<_> = batches
            .iter()
            .map(|b| {
                let create = &create;
                s.spawn(move || ctx.oc.change(create, Some(b)))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an oc call does not panic"))
            .collect()
    });
    results.into_iter().filter_map(Result::err).collect()
}

/// The failure of a create: every refused object, and what to try.
fn refused(failures: Vec<OcError>, retried: bool) -> Failure {
    let lines: Vec<String> = failures
        .iter()
        .flat_map(|f| f.lines().into_iter().map(|(_, l)| l.to_string()))
        .collect();
    let exists = failures
        .iter()
        .all(|f| f.lines().iter().all(|(c, _)| *c == Cause::AlreadyExists));
    let help = (exists && !retried).then(|| {
        "objects appeared while this run was creating them: another run or a person works on the same project".to_string()
    });
    let first = failures.into_iter().next().expect("at least one failure");
    let mut failure = change_failure("create the objects", first, help);
    if lines.len() > 1 {
        failure = failure.context(format!(
            "{} objects were refused:\n    {}",
            lines.len(),
            lines.join("\n    ")
        ));
    }
    failure
}
