//! The install steps, declared once and in order; the actions they plan; the one executor.
//!
//! Read-only steps observe the cluster and the templates. Changing steps observe (read-only),
//! then plan with a pure function that returns `Action`s; only `apply` changes the cluster.
//! An empty plan means "already in place", which is what makes re-runs idempotent.

pub mod app;
pub mod credentials;
pub mod domain;
pub mod image_streams;
pub mod preflight;
pub mod project;
pub mod pull_secret;
pub mod rollout;
pub mod sizing;
pub mod storage;
pub mod templates;

use crate::failure::{Failure, FailureKind, Outcome};
use crate::oc::{self, Oc, OcError};
use crate::secrets::Redactor;
use crate::ui::Ui;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepId {
    Oc,
    Preflight,
    Templates,
    Storage,
    Domain,
    Project,
    PullSecret,
    ImageStreams,
    Application,
    Credentials,
}

/// The steps of an install, in the order they run.
pub const STEPS: &[StepId] = &[
    StepId::Oc,
    StepId::Preflight,
    StepId::Templates,
    StepId::Storage,
    StepId::Domain,
    StepId::Project,
    StepId::PullSecret,
    StepId::ImageStreams,
    StepId::Application,
    StepId::Credentials,
];

impl StepId {
    pub fn title(self) -> &'static str {
        match self {
            StepId::Oc => "oc",
            StepId::Preflight => "preflight",
            StepId::Templates => "templates",
            StepId::Storage => "storage",
            StepId::Domain => "wildcard domain",
            StepId::Project => "project",
            StepId::PullSecret => "pull secret",
            StepId::ImageStreams => "image streams",
            StepId::Application => "application",
            StepId::Credentials => "credentials",
        }
    }

    /// Whether the step may change the cluster (through planned actions).
    pub fn changes_cluster(self) -> bool {
        matches!(
            self,
            StepId::Project | StepId::PullSecret | StepId::ImageStreams | StepId::Application
        )
    }
}

/// What the steps share: the one oc, the ui, and the redactor.
pub struct Ctx<'a> {
    pub oc: &'a Oc,
    pub ui: &'a Ui,
    pub redactor: &'a Redactor,
}

/// One change to the cluster. `Display` never shows a secret.
#[derive(Debug, Clone)]
pub enum Action {
    CreateProject {
        name: String,
        display_name: String,
    },
    CreatePullSecret(pull_secret::Login),
    UpdatePullSecret {
        login: pull_secret::Login,
        changed: Vec<&'static str>,
    },
    CreateImageStreams {
        names: Vec<String>,
        manifest: String,
    },
    NewApp(app::NewApp),
    ResumeApp(app::Resume),
}

impl Action {
    pub fn step(&self) -> StepId {
        match self {
            Action::CreateProject { .. } => StepId::Project,
            Action::CreatePullSecret(_) | Action::UpdatePullSecret { .. } => StepId::PullSecret,
            Action::CreateImageStreams { .. } => StepId::ImageStreams,
            Action::NewApp(_) | Action::ResumeApp(_) => StepId::Application,
        }
    }

    /// The permissions the action needs, as `oc auth can-i` takes them (verb, resource, in project?).
    pub fn permissions(&self) -> Vec<(&'static str, &'static str, bool)> {
        match self {
            Action::CreateProject { .. } => vec![("create", "projectrequests", false)],
            Action::CreatePullSecret(_) => vec![("create", "secrets", true)],
            Action::UpdatePullSecret { .. } => vec![("update", "secrets", true)],
            Action::CreateImageStreams { .. } => {
                vec![("create", "imagestreams.image.openshift.io", true)]
            }
            Action::NewApp(_) | Action::ResumeApp(_) => vec![
                ("create", "secrets", true),
                ("create", "imagestreams.image.openshift.io", true),
                ("create", "deploymentconfigs.apps.openshift.io", true),
            ],
        }
    }

    /// oc's arguments for this action (before the global flags).
    pub fn oc_args(&self, project: &str) -> Vec<String> {
        match self {
            Action::CreateProject { name, display_name } => {
                oc::new_project_args(name, display_name)
            }
            Action::CreatePullSecret(_) | Action::CreateImageStreams { .. } => {
                oc::create_args(project)
            }
            Action::UpdatePullSecret { .. } => oc::replace_args(project),
            Action::NewApp(n) => oc::new_app_args(&n.template, &n.encoded().argv, project),
            Action::ResumeApp(r) => {
                oc::process_args(&r.new_app.template, &r.new_app.encoded().argv, project)
            }
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::CreateProject { name, display_name } => {
                write!(f, "create project {name} (display name \"{display_name}\")")
            }
            Action::CreatePullSecret(login) => {
                write!(
                    f,
                    "create secret {} for {} as {}",
                    pull_secret::NAME,
                    login.server,
                    login.username
                )
            }
            Action::UpdatePullSecret { login, changed } => write!(
                f,
                "update secret {} for {} as {} ({} changed)",
                pull_secret::NAME,
                login.server,
                login.username,
                changed.join(", ")
            ),
            Action::CreateImageStreams { names, .. } => {
                write!(f, "create image streams {}", names.join(", "))
            }
            Action::NewApp(n) => write!(
                f,
                "oc new-app --file {} with parameters {}",
                n.template.display(),
                n.params
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Action::ResumeApp(r) => {
                let names: Vec<String> = r
                    .missing
                    .iter()
                    .map(|(k, n)| format!("{}/{n}", k.to_lowercase()))
                    .collect();
                write!(
                    f,
                    "create the {} missing objects of an interrupted install: {}",
                    names.len(),
                    names.join(", ")
                )?;
                if !r.regenerated.is_empty() {
                    write!(
                        f,
                        " (no existing secret holds {}: new values are generated)",
                        r.regenerated.join(", ")
                    )?;
                }
                Ok(())
            }
        }
    }
}

/// Turns an oc failure during a change into a `Failure` naming the step, the command and the fix.
pub fn cluster_failure(step: StepId, doing: &str, e: OcError, help: Option<&str>) -> Failure {
    let mut failure = Failure::new(FailureKind::Cluster, e)
        .context(format!("{} step: could not {doing}", step.title()));
    let common = failure
        .error
        .downcast_ref::<OcError>()
        .and_then(OcError::common_help);
    if let Some(h) = help.map(str::to_string).or(common) {
        failure = failure.with_help(h);
    }
    failure
}

/// The one executor: applies planned actions in order.
pub fn apply(ctx: &Ctx, project: &str, actions: &[Action]) -> Outcome<()> {
    for step in STEPS.iter().copied().filter(|s| s.changes_cluster()) {
        let mine: Vec<&Action> = actions.iter().filter(|a| a.step() == step).collect();
        if mine.is_empty() {
            continue;
        }
        let line = ctx.ui.step(step.title());
        for action in mine {
            let result = match action {
                Action::CreateProject { name, display_name } => {
                    project::apply(ctx, name, display_name)
                }
                Action::CreatePullSecret(login) => pull_secret::apply(ctx, project, login, false),
                Action::UpdatePullSecret { login, .. } => {
                    pull_secret::apply(ctx, project, login, true)
                }
                Action::CreateImageStreams { manifest, .. } => {
                    image_streams::apply(ctx, project, manifest)
                }
                Action::NewApp(n) => app::apply(ctx, project, n),
                Action::ResumeApp(r) => app::apply_resume(ctx, project, r),
            };
            match result {
                Ok(()) => line.detail(&format!(
                    "{} {}",
                    console::style("✓").green().for_stderr(),
                    action
                )),
                Err(e) => {
                    line.failed();
                    return Err(e);
                }
            }
        }
        line.done();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::Secret;

    #[test]
    fn registry_order_is_read_then_change_then_report() {
        let first_change = STEPS.iter().position(|s| s.changes_cluster()).unwrap();
        let last_change = STEPS.iter().rposition(|s| s.changes_cluster()).unwrap();
        assert!(STEPS[..first_change].iter().all(|s| !s.changes_cluster()));
        assert!(STEPS[first_change..=last_change]
            .iter()
            .all(|s| s.changes_cluster()));
        assert_eq!(STEPS.last(), Some(&StepId::Credentials));
        assert_eq!(STEPS.first(), Some(&StepId::Oc));
        // The pull secret must exist before new-app: the template's service accounts name it.
        let pos = |id| STEPS.iter().position(|s| *s == id).unwrap();
        assert!(pos(StepId::Project) < pos(StepId::PullSecret));
        assert!(pos(StepId::PullSecret) < pos(StepId::Application));
        assert!(pos(StepId::ImageStreams) < pos(StepId::Application));
    }

    #[test]
    fn titles_are_unique() {
        let mut titles: Vec<&str> = STEPS.iter().map(|s| s.title()).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), STEPS.len());
    }

    #[test]
    fn actions_never_display_secrets() {
        let a = Action::CreatePullSecret(pull_secret::Login {
            server: "registry.redhat.io".into(),
            username: "u".into(),
            password: Secret::new("hunter2"),
        });
        assert!(!a.to_string().contains("hunter2"));
        assert!(!format!("{a:?}").contains("hunter2"));
    }
}
