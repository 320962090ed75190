//! One driver for every command that changes a project: the plan shown → the verdict (the
//! plan's own checks, and the permissions of every change it makes) → `--dry-run` prints it
//! and stops, or a person confirms (or `--yes`) → the project's lock → the changes → the wait.
//! The driver knows nothing of what the changes are: each feature hands it its own.

use super::change::{Change, Ctx};
use super::checks::CheckResult;
use super::cluster::Cluster;
use super::lock::{self, Lock, Refused, Taken};
use super::observe::Observer;
use super::readiness::Snapshot;
use super::report::{self, Changes};
use super::session::Session;
use super::wait::{self, Watched};
use crate::cli::Format;
use crate::failure::{Failure, Outcome};
use crate::http::Http;
use serde_json::json;
use std::fmt::Display;
use std::time::Duration;

/// How a person decides on a plan that passed its verdict.
pub(crate) enum Confirm<'a, A> {
    /// Nobody is asked: `--yes`, or no terminal where going ahead is the command's default.
    Never,
    /// The command must ask, and there is no terminal: refused unless `--yes`, the help naming it.
    Required(&'a crate::prompt::Prompter, &'a str, &'a str),
    /// The command's own question (the install's summary): proceed, change a value, or cancel.
    Custom(&'a dyn Fn(&[A]) -> Outcome<Go>),
}

/// What to do with a plan that passed its verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Go {
    Proceed,
    /// `--dry-run`: the plan was printed.
    DryRun,
    Cancel,
    /// A value is to be changed, and the plan made again.
    Revise,
}

/// A command's run on one project of one cluster.
pub(crate) struct Driver<'a> {
    pub(crate) session: &'a Session,
    pub(crate) observer: &'a Observer<'a>,
    pub(crate) cluster: &'a Cluster,
    pub(crate) project: &'a str,
    /// `--skip-check` ids: a failed permission check among them is a warning.
    pub(crate) skips: &'a [String],
    /// What goes ahead or not, in the verdict: "the install", "gateway add apicast-eu".
    pub(crate) what: String,
    /// The command, as the lock names it for a second run: "install", "uninstall".
    pub(crate) command: &'a str,
    pub(crate) dry_run: bool,
    pub(crate) format: Format,
    /// Requests to 3scale, for the changes that make them.
    pub(crate) http: Option<&'a Http>,
}

/// The project's lock, held while the changes are made and waited for.
pub(crate) struct Held {
    _lock: Lock,
}

impl<'a> Driver<'a> {
    /// The plan step and the verdict: the permissions of every change are checked (added to
    /// the checks the returned vector holds), the plan shown, and a refused plan is the error.
    /// A project another run holds is refused here, before anyone is asked.
    pub(crate) fn review<A: Change>(
        &self,
        plan: &Changes<'_, A>,
        project_exists: bool,
    ) -> Outcome<Vec<CheckResult>> {
        let facts = &self.session.facts;
        facts.set("cluster", &self.cluster.server);
        facts.set("project", self.project);
        facts.set("dry_run", self.dry_run);
        facts.set("decisions", plan.decisions);
        facts.set("changes", Vec::<String>::new());
        let mut checks = plan.checks.to_vec();
        // A plan that checked its permissions itself (the install's, for `preflight`) is not
        // asked again.
        if !checks.iter().any(|c| c.id == "permissions") {
            let asked = permissions(self.observer, plan.actions, self.project, project_exists)?;
            checks.extend(asked.map(|c| c.skip_if_asked(self.skips)));
        }
        let skipped: Vec<&str> = checks.iter().filter(|c| c.skipped).map(|c| c.id).collect();
        facts.set("skipped_checks", skipped);
        let view = Changes {
            checks: &checks,
            ..*plan
        };
        report::changes(&self.session.ui, &view, self.dry_run);
        report::verdict_of(&view, &self.what)?;
        if !plan.actions.is_empty() {
            self.refuse_if_held()?;
        }
        Ok(checks)
    }

    /// After the verdict: `--dry-run` stops here; otherwise the person decides, when there is
    /// anything to decide.
    pub(crate) fn decide<A: Change>(&self, actions: &[A], confirm: Confirm<'_, A>) -> Outcome<Go> {
        if self.dry_run {
            return Ok(Go::DryRun);
        }
        if actions.is_empty() {
            return Ok(Go::Proceed);
        }
        match confirm {
            Confirm::Never => Ok(Go::Proceed),
            Confirm::Required(p, _, q) if p.can_ask() => yes_or_no(p, q),
            Confirm::Required(_, help, _) => Err(Failure::input(format!(
                "{} changes what is listed above and asks first, but there is no terminal to ask in",
                self.what
            ))
            .with_help(help.to_string())),
            Confirm::Custom(ask) => ask(actions),
        }
    }

    /// The plan of a dry run, on stdout: every change it would make (or none).
    pub(crate) fn print_dry_run<A: Display>(&self, actions: &[A], decisions: &[String]) {
        let changes: Vec<String> = actions.iter().map(ToString::to_string).collect();
        let (server, project) = (&self.cluster.server, self.project);
        let text = match self.format {
            Format::Json => {
                let doc = json!({
                    "dry_run": true,
                    "cluster": server,
                    "project": project,
                    "changes": changes,
                    "decisions": decisions,
                });
                // The command's own document, with what a dry run knows.
                let doc = match crate::document::shape_of(self.command, false) {
                    Some(shape) => crate::document::success(shape, doc),
                    None => doc,
                };
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            }
            Format::Text if changes.is_empty() => {
                format!(
                    "Nothing to change: {} has nothing to do in project {project}.",
                    self.what
                )
            }
            Format::Text => format!(
                "{} would, in project {project} on {server} (nothing was changed):\n  - {}",
                self.what,
                changes.join("\n  - ")
            ),
        };
        self.session.ui.result(&text);
    }

    /// Takes the project's lock (a stale one is taken over with a warning) and points the
    /// transcript at the project: from here on, the run may change it.
    pub(crate) fn lock(&self) -> Outcome<Held> {
        let held = self.take_lock()?;
        self.session
            .attach_transcript(&self.cluster.server, self.project)?;
        Ok(held)
    }

    /// Makes the changes, under the lock; `stopped` is what an interruption says.
    pub(crate) fn apply<A: Change>(
        &self,
        _held: &Held,
        actions: &[A],
        stopped: &str,
    ) -> Outcome<()> {
        if actions.is_empty() {
            return Ok(());
        }
        crate::interrupt::set_message(stopped);
        let mut made = 0;
        let result = super::execute::apply(&self.ctx(), actions, &mut made);
        self.made(&actions[..made]);
        result
    }

    /// The changes made, for the run's document (on a failure, those before it).
    fn made<A: Display>(&self, made: &[A]) {
        let made: Vec<String> = made.iter().map(ToString::to_string).collect();
        self.session.facts.set("changes", made);
    }

    /// Makes the changes with what earlier observations gave them (a tenant found), returning
    /// what they found or made.
    pub(crate) fn apply_from<A: Change>(
        &self,
        _held: &Held,
        actions: &[A],
        seed: A::Memo,
        stopped: &str,
    ) -> Outcome<A::Memo> {
        if !actions.is_empty() {
            crate::interrupt::set_message(stopped);
        }
        let mut made = 0;
        let result = super::execute::apply_from(&self.ctx(), actions, seed, &mut made);
        self.made(&actions[..made]);
        result
    }

    /// Waits for what the changes made, under the lock they were made with.
    pub(crate) fn wait(
        &self,
        _held: &Held,
        watched: &dyn Watched,
        timeout: Duration,
        poll: Duration,
    ) -> Outcome<Snapshot> {
        wait::until(&self.ctx(), watched, timeout, poll)
    }

    /// What the changes and the wait are given.
    pub(crate) fn ctx(&self) -> Ctx<'_> {
        Ctx {
            oc: &self.session.oc,
            ui: &self.session.ui,
            redactor: &self.session.redactor,
            transcript: &self.session.transcript,
            user: &self.cluster.user,
            project: self.project,
            http: self.http,
        }
    }

    fn state_dir(&self) -> Outcome<std::path::PathBuf> {
        crate::paths::project_state_dir(&self.cluster.server, self.project).map_err(Failure::input)
    }

    fn refuse_if_held(&self) -> Outcome<()> {
        match lock::holder(&self.state_dir()?) {
            Some(holder) => Err(held_failure(self.project, holder)),
            None => Ok(()),
        }
    }

    fn take_lock(&self) -> Outcome<Held> {
        match Lock::acquire(&self.state_dir()?, self.command) {
            Ok((lock, taken)) => {
                if let Taken::TakenOver(left) = taken {
                    self.session.ui.warn(&format!(
                        "took over the lock of project {} left by a run that is gone ({})",
                        self.project,
                        left.map(|h| h.describe())
                            .unwrap_or_else(|| "its file was empty or unreadable".into())
                    ));
                }
                Ok(Held { _lock: lock })
            }
            Err(Refused::Held { holder, .. }) => Err(held_failure(self.project, holder)),
            Err(Refused::Io(e)) => Err(Failure::preflight(e).with_help(
                "check that the state directory ($XDG_STATE_HOME/threescale-install) is writable",
            )),
        }
    }
}

fn held_failure(project: &str, holder: Option<lock::Holder>) -> Failure {
    let refused = Refused::Held { holder };
    Failure::preflight(format!("{refused}: project {project}; nothing was changed")).with_help(
        "wait for it to finish, then run again; if that run is gone, its lock is taken over by the next run on its own",
    )
}

fn yes_or_no(prompter: &crate::prompt::Prompter, question: &str) -> Outcome<Go> {
    prompter.discard_typeahead();
    Ok(if prompter.confirm(question, false)? {
        Go::Proceed
    } else {
        Go::Cancel
    })
}

/// Whether the user may make every change of `actions`: `oc auth can-i` for each kind of
/// object they make, before any change. In a project this run creates, the user will be its
/// admin: only what is asked outside the project is asked then.
pub(crate) fn permissions<A: Change>(
    observer: &Observer,
    actions: &[A],
    project: &str,
    exists: bool,
) -> Outcome<Option<CheckResult>> {
    let mut asked: Vec<(&str, String, Option<String>)> = Vec::new();
    for p in actions.iter().flat_map(Change::permissions) {
        if p.namespaced && !exists {
            continue;
        }
        let ask = (
            p.verb,
            p.resource.to_string(),
            p.namespaced.then(|| project.to_string()),
        );
        if !asked.contains(&ask) {
            asked.push(ask);
        }
    }
    if asked.is_empty() {
        return Ok(None);
    }
    let denied = match observer.may(&asked)? {
        Ok(may) => return Ok(Some(CheckResult::ok("permissions", may))),
        Err(denied) => denied,
    };
    let user = observer.cluster()?.user;
    Ok(Some(denied_check(&denied, project, &user)))
}

fn denied_check(denied: &[String], project: &str, user: &str) -> CheckResult {
    let help = if denied.iter().any(|d| d.contains("projectrequests")) {
        format!("ask a cluster admin to create project {project} and make you its admin (`oc adm new-project {project} --admin={user}`), then run again")
    } else if denied.iter().any(|d| !d.contains(" in project ")) {
        format!("ask a cluster admin to make these changes, or for the rights named (cluster-wide), then run again; in project {project}, the admin role (`oc adm policy add-role-to-user admin {user} -n {project}`)")
    } else {
        format!("ask a cluster admin for the admin role in project {project} (`oc adm policy add-role-to-user admin {user} -n {project}`), then run again")
    };
    CheckResult::fail(
        "permissions",
        format!(
            "you may not make every planned change; denied:\n{}",
            denied.join("\n")
        ),
    )
    .with_help(help)
}
