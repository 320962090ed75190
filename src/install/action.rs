//! One change to the cluster, as data: what `plan` decides, the summary shows, the plan script
//! prints and the executor applies. `Display` never shows a secret.

use super::api_versions::Rewrite;
use super::pull_secret;
use crate::oc::args;
use crate::secrets::Secret;
use crate::templates::kinds::{ObjectRef, Resource};
use std::fmt;
use std::path::PathBuf;

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
    /// The template processed by the server with these values, and the listed objects created.
    CreateObjects(CreateObjects),
}

/// The objects of the template to create, and how: the values (as oc's param file, on stdin)
/// and the API versions to change on the way.
#[derive(Debug, Clone)]
pub struct CreateObjects {
    pub template: PathBuf,
    /// `NAME="value"` lines for `oc process --param-file=-`; holds secrets.
    pub param_file: Secret,
    /// The names of the values passed, for display.
    pub param_names: Vec<String>,
    pub objects: Vec<ObjectRef>,
    /// Every object of the template is created (a fresh install), not some (a resume).
    pub all: bool,
    pub rewrites: Vec<Rewrite>,
}

impl Action {
    /// What the action needs to be allowed: (verb, resource, in the project?).
    pub fn permissions(&self) -> Vec<(&'static str, Resource, bool)> {
        match self {
            Action::CreateProject { .. } => vec![(
                "create",
                Resource::of("ProjectRequest", "project.openshift.io/v1"),
                false,
            )],
            Action::CreatePullSecret(_) => vec![("create", Resource::of("Secret", "v1"), true)],
            Action::UpdatePullSecret { .. } => vec![("update", Resource::of("Secret", "v1"), true)],
            Action::CreateImageStreams { .. } => vec![(
                "create",
                Resource::of("ImageStream", "image.openshift.io/v1"),
                true,
            )],
            Action::CreateObjects(c) => {
                let mut out: Vec<(&'static str, Resource, bool)> = Vec::new();
                for o in &c.objects {
                    if !out.iter().any(|(_, r, _)| *r == o.resource) {
                        out.push(("create", o.resource.clone(), true));
                    }
                }
                out
            }
        }
    }

    /// oc's arguments for this action (before the global flags).
    pub fn oc_args(&self, project: &str) -> Vec<String> {
        match self {
            Action::CreateProject { name, display_name } => args::new_project(name, display_name),
            Action::CreatePullSecret(_)
            | Action::CreateImageStreams { .. }
            | Action::CreateObjects(_) => args::create(project),
            Action::UpdatePullSecret { .. } => args::replace(project),
        }
    }

    /// Whether the action creates objects of the template (a fresh install or a resume).
    pub fn creates_objects(&self) -> bool {
        matches!(self, Action::CreateObjects(_))
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::CreateProject { name, display_name } => {
                write!(f, "create project {name} (display name \"{display_name}\")")
            }
            Action::CreatePullSecret(login) => write!(
                f,
                "create secret {} for {} as {}",
                pull_secret::NAME,
                login.server,
                login.username
            ),
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
            Action::CreateObjects(c) if c.all => write!(
                f,
                "create the {} objects of {}",
                c.objects.len(),
                c.template
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            Action::CreateObjects(c) => {
                let names: Vec<String> = c.objects.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "create the {} missing objects: {}",
                    names.len(),
                    names.join(", ")
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_never_display_secrets() {
        let a = Action::CreatePullSecret(pull_secret::Login {
            server: "registry.redhat.io".into(),
            username: "u".into(),
            password: Secret::new("hunter2hunter2"),
        });
        assert!(!a.to_string().contains("hunter2"));
        assert!(!format!("{a:?}").contains("hunter2"));
        let c = Action::CreateObjects(CreateObjects {
            template: "amp/amp.yml".into(),
            param_file: Secret::new("ADMIN_PASSWORD=\"hunter2hunter2\""),
            param_names: vec!["ADMIN_PASSWORD".into()],
            objects: vec![ObjectRef::new("Secret", "v1", "system-seed")],
            all: false,
            rewrites: Vec::new(),
        });
        assert!(!format!("{c} {c:?}").contains("hunter2"));
        assert_eq!(
            c.to_string(),
            "create the 1 missing objects: secret/system-seed"
        );
    }
}
