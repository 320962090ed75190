//! The one executor: it runs a plan's changes in order, each on a step line, and stops at the
//! first that fails, saying what was being done, which command ran and what to try. A run
//! stopped half-way is continued by running the same command again: the next plan sees what
//! exists. Also the ways every change talks to the cluster: one change sent again only when it
//! failed transiently and did not happen, and objects created a few `oc` at a time.

use super::change::{Change, Ctx};
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

/// Applies `changes` in order, each on its step line; `made` counts those that ended well.
pub(crate) fn apply<C: Change>(ctx: &Ctx, changes: &[C], made: &mut usize) -> Outcome<()> {
    apply_from(ctx, changes, C::Memo::default(), made).map(|_| ())
}

/// Applies `changes` in order, starting from what earlier observations gave them; what they
/// found or made. `made` counts the changes that ended well.
pub(crate) fn apply_from<C: Change>(
    ctx: &Ctx,
    changes: &[C],
    mut memo: C::Memo,
    made: &mut usize,
) -> Outcome<C::Memo> {
    for change in changes {
        let line = ctx.ui.step(&change.title());
        match change.run(ctx, &mut memo) {
            Ok(detail) => {
                if let Some(d) = detail {
                    line.detail(&d);
                }
                line.done();
                *made += 1;
            }
            Err(f) => {
                line.failed();
                return Err(f);
            }
        }
    }
    Ok(memo)
}

/// A failed change: an unreachable or failing API is `Unavailable` (run again); a session
/// that ended is "not logged in" (`Preflight`); anything else a failed change.
pub(crate) fn change_failure(doing: &str, e: OcError, help: Option<String>) -> Failure {
    let kind = if e.is_transient() {
        FailureKind::Unavailable
    } else if e.cause == Cause::Unauthorized {
        FailureKind::Preflight
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

/// One change, sent again while it fails transiently and `done` says it did not happen.
pub(crate) fn single_change(
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

/// Creates `objects`; when some fail transiently (a flaky API), looks at what exists and sends
/// the rest again, for a few rounds.
pub(crate) fn create_wave(ctx: &Ctx, objects: Vec<Value>) -> Outcome<usize> {
    let count = objects.len();
    let mut pending = objects;
    let mut round = 0;
    while !pending.is_empty() {
        let failures = create_at_once(ctx, &pending);
        if failures.is_empty() {
            break;
        }
        round += 1;
        let transient = failures.iter().all(|(f, _)| {
            f.is_transient()
                || f.lines()
                    .iter()
                    .all(|(c, _)| c.is_transient() || *c == Cause::AlreadyExists)
        });
        if !transient || round >= CHANGE_ROUNDS || crate::interrupt::requested() {
            return Err(refused(failures, round > 1));
        }
        ctx.transcript.note(&format!(
            "{} creates failed transiently: looking at what exists, then sending the rest (round {} of {CHANGE_ROUNDS})",
            failures.len(),
            round + 1
        ));
        pending = not_created(ctx, pending)?;
    }
    Ok(count)
}

/// The objects of `pending` that the project does not hold.
fn not_created(ctx: &Ctx, pending: Vec<Value>) -> Outcome<Vec<Value>> {
    let mut resources: Vec<String> = Vec::new();
    for r in pending.iter().filter_map(ObjectRef::of_json) {
        let r = r.resource.to_string();
        if !resources.contains(&r) {
            resources.push(r);
        }
    }
    let types: Vec<&str> = resources.iter().map(String::as_str).collect();
    let existing: Vec<Value> = ctx
        .oc
        .list(&types, Some(ctx.project), None)
        .map_err(|e| change_failure("look at what was created", e, None))?;
    Ok(pending
        .into_iter()
        .filter(|o| {
            let id = ObjectRef::of_json(o);
            !existing
                .iter()
                .any(|e| id.as_ref().is_some_and(|i| i.matches(e)))
        })
        .collect())
}

/// Sends `objects` through a few `oc create` at once; returns the failures, each with the
/// objects its call sent (`kind/name`).
fn create_at_once(ctx: &Ctx, objects: &[Value]) -> Vec<(OcError, Vec<String>)> {
    let per_call = objects.len().div_ceil(PARALLEL_CREATES).max(1);
    let chunks: Vec<&[Value]> = objects.chunks(per_call).collect();
    let batches: Vec<Vec<u8>> = chunks
        .iter()
        .map(|chunk| {
            json!({"apiVersion": "v1", "kind": "List", "items": chunk})
                .to_string()
                .into_bytes()
        })
        .collect();
    let create = args::create(ctx.project);
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
    results
        .into_iter()
        .zip(chunks)
        .filter_map(|(r, chunk)| r.err().map(|e| (e, names_of(chunk))))
        .collect()
}

/// `kind/name` of each object.
fn names_of(objects: &[Value]) -> Vec<String> {
    objects
        .iter()
        .filter_map(ObjectRef::of_json)
        .map(|r| r.to_string())
        .collect()
}

/// The failure of a create: every distinct refusal once, and, when oc's lines name no object
/// (an expired token, a server that failed), the objects of the refused calls.
fn refused(failures: Vec<(OcError, Vec<String>)>, retried: bool) -> Failure {
    let mut lines: Vec<String> = Vec::new();
    for (f, _) in &failures {
        for (_, l) in f.lines() {
            if !lines.iter().any(|seen| seen == l) {
                lines.push(l.to_string());
            }
        }
    }
    let unnamed = failures
        .iter()
        .any(|(f, _)| f.lines().iter().any(|(c, _)| !names_an_object(*c)));
    let sent: Vec<String> = failures.iter().flat_map(|(_, n)| n.clone()).collect();
    let exists = failures
        .iter()
        .all(|(f, _)| f.lines().iter().all(|(c, _)| *c == Cause::AlreadyExists));
    let help = (exists && !retried).then(|| {
        "objects appeared while this run was creating them: another run or a person works on the same project".to_string()
    });
    let first = failures.into_iter().next().expect("at least one failure").0;
    let mut failure = change_failure("create the objects", first, help);
    if lines.len() > 1 {
        failure = failure.context(format!(
            "{} objects were refused:\n    {}",
            lines.len(),
            lines.join("\n    ")
        ));
    }
    if unnamed {
        failure = failure.context(format!(
            "not created (or not all: what exists is kept on the next run): {}",
            shortened(&sent, 12)
        ));
    }
    failure
}

/// Whether oc's line for a refusal of this cause names the object (`... "system-app" already
/// exists`); an expired token or a failing server is said once for the whole call.
fn names_an_object(cause: Cause) -> bool {
    matches!(
        cause,
        Cause::AlreadyExists
            | Cause::Conflict
            | Cause::Invalid
            | Cause::Forbidden
            | Cause::NotFound
    )
}

/// The first `most` of `items`, and how many more.
fn shortened(items: &[String], most: usize) -> String {
    let shown = items[..items.len().min(most)].join(", ");
    match items.len().saturating_sub(most) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

/// Everything but the deployment configs, then the deployment configs.
pub(crate) fn create_in_two_waves(ctx: &Ctx, items: Vec<Value>) -> Outcome<usize> {
    let (first, last): (Vec<Value>, Vec<Value>) = items
        .into_iter()
        .partition(|o| o["kind"] != "DeploymentConfig");
    let mut created = 0;
    for wave in [first, last] {
        if !wave.is_empty() {
            created += create_wave(ctx, wave)?;
        }
    }
    Ok(created)
}

/// A template the server did not process: the values it refused are `values`.
pub(crate) fn process_failure(template: &str, e: OcError, values: &str) -> Failure {
    let help = (e.cause == Cause::Invalid)
        .then(|| format!("the template refused the values: check {values}"));
    change_failure(&format!("process {template}"), e, help)
}

/// The processed objects that are among `wanted`.
pub(crate) fn kept(processed: &Value, wanted: &[ObjectRef]) -> Vec<Value> {
    processed["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|o| wanted.iter().any(|r| r.matches(o)))
        .cloned()
        .collect()
}

/// `oc new-project`; a transient failure is sent again only when the project is not there.
pub(crate) fn create_project(ctx: &Ctx, name: &str, oc_args: &[String]) -> Outcome<()> {
    let oc = ctx.oc;
    let exists = || {
        oc.get::<Value>("project", name, None)
            .map(|p| p.is_some())
            .unwrap_or(false)
    };
    single_change(oc, oc_args, None, exists).map(|_| ()).map_err(|e| {
        let help = match e.cause {
            // Made since the plan looked (another run, a person): this run's plan is stale.
            Cause::AlreadyExists if exists() => Some(format!(
                "project {name} was created by someone else (another run?) after this run looked: run the same command again, and it works from what exists"
            )),
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
