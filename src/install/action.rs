//! The install's changes, as data: what its plan decides, the plan step shows, the plan script
//! prints and the engine's executor applies ([`Change`]). `Display` never shows a secret.

use crate::oc::args;
use crate::pull_secret;
use crate::secrets::Secret;
use crate::templates::api_versions::Rewrite;
use crate::templates::kinds::ObjectRef;
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub(crate) enum InstallAction {
    CreateProject {
        name: String,
        display_name: String,
    },
    WritePullSecret(pull_secret::Write),
    CreateImageStreams {
        names: Vec<String>,
        manifest: String,
    },
    /// The registry login checked before the template's objects exist: the cluster fetches one
    /// of the install's images with the project's pull secret (`oc import-image --dry-run`,
    /// which creates nothing), so that a wrong login stops the run before the big change.
    CheckRegistryLogin {
        image: String,
        server: String,
        username: String,
    },
    /// An image stream whose import failed, imported again (after its login was fixed).
    ReimportImages {
        stream: String,
        /// `TAG: the registry's message` of each failed tag.
        tags: Vec<String>,
    },
    /// The template processed by the server with these values, and the listed objects created.
    CreateObjects(CreateObjects),
}

/// The objects of the template to create, and how: the values (as oc's param file, on stdin)
/// and the API versions to change on the way.
#[derive(Debug, Clone)]
pub(crate) struct CreateObjects {
    pub(crate) template: PathBuf,
    /// `NAME="value"` lines for `oc process --param-file=-`; holds secrets.
    pub(crate) param_file: Secret,
    pub(crate) objects: Vec<ObjectRef>,
    /// Every object of the template is created (a fresh install), not some (a resume).
    pub(crate) all: bool,
    pub(crate) rewrites: Vec<Rewrite>,
}

impl InstallAction {
    /// oc's arguments for this action (before the global flags), as the plan script shows them.
    pub(crate) fn oc_args(&self, project: &str) -> Vec<String> {
        match self {
            InstallAction::CreateProject { name, display_name } => {
                args::new_project(name, display_name)
            }
            InstallAction::WritePullSecret(pull_secret::Write::Update { .. }) => {
                args::replace(project)
            }
            InstallAction::WritePullSecret(_)
            | InstallAction::CreateImageStreams { .. }
            | InstallAction::CreateObjects(_) => args::create(project),
            InstallAction::CheckRegistryLogin { image, .. } => args::registry_check(image, project),
            InstallAction::ReimportImages { stream, .. } => args::reimport(stream, project),
        }
    }
}

impl fmt::Display for InstallAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstallAction::CreateProject { name, display_name } => {
                write!(f, "create project {name} (display name \"{display_name}\")")
            }
            InstallAction::WritePullSecret(w) => write!(f, "{w}"),
            InstallAction::CreateImageStreams { names, .. } => {
                write!(f, "create image streams {}", names.join(", "))
            }
            InstallAction::CheckRegistryLogin {
                image,
                server,
                username,
            } => write!(
                f,
                "check that {server} lets {username} in: the cluster fetches {image} with pull secret {} (an import in dry-run mode: no image is imported)",
                pull_secret::NAME
            ),
            InstallAction::ReimportImages { stream, tags } => write!(
                f,
                "import image stream {stream} again (failed before: {})",
                tags.join("; ")
            ),
            InstallAction::CreateObjects(c) => write!(f, "{c}"),
        }
    }
}

impl fmt::Display for CreateObjects {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.all {
            let file = self
                .template
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            return write!(f, "create the {} objects of {file}", self.objects.len());
        }
        let names: Vec<String> = self.objects.iter().map(ToString::to_string).collect();
        write!(
            f,
            "create the {} missing objects: {}",
            names.len(),
            names.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_never_display_secrets() {
        let a = InstallAction::WritePullSecret(pull_secret::Write::Create(pull_secret::Login {
            server: "registry.redhat.io".into(),
            username: "u".into(),
            password: Secret::new("hunter2hunter2"),
        }));
        assert!(!a.to_string().contains("hunter2"));
        assert!(!format!("{a:?}").contains("hunter2"));
        let c = InstallAction::CreateObjects(CreateObjects {
            template: "amp/amp.yml".into(),
            param_file: Secret::new("ADMIN_PASSWORD=\"hunter2hunter2\""),
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
