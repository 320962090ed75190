//! The changes of an uninstall: objects deleted on the cluster, files removed on this machine.
//! Local files are changes too: the plan names them, `--dry-run` lists them, and nothing is
//! removed before the person said yes.

use crate::engine::change::{Change, Ctx, Permission};
use crate::engine::execute::{change_failure, single_change};
use crate::failure::{Failure, Outcome};
use crate::oc::args;
use crate::templates::kinds::{ObjectRef, Resource};
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UninstallAction {
    /// The install's objects that exist, by name (labelled or not).
    DeleteObjects {
        profile: String,
        objects: Vec<ObjectRef>,
    },
    /// The whole project, with everything in it.
    DeleteProject {
        name: String,
        install_objects: usize,
    },
    /// The install record of this machine (non-secret answers, where a run stopped).
    RemoveRecord { server: String, project: String },
    /// A local file holding secrets: the credentials file, a tenant's login.
    RemoveFile { path: PathBuf, what: String },
}

impl Change for UninstallAction {
    type Memo = ();

    fn title(&self) -> String {
        match self {
            UninstallAction::DeleteObjects { objects, .. } => {
                format!("delete {} objects of the install", objects.len())
            }
            UninstallAction::DeleteProject { name, .. } => format!("delete project {name}"),
            UninstallAction::RemoveRecord { .. } => "remove the install record".into(),
            UninstallAction::RemoveFile { what, .. } => format!("remove {what}"),
        }
    }

    fn permissions(&self) -> Vec<Permission> {
        match self {
            UninstallAction::DeleteObjects { objects, .. } => Permission::each("delete", objects),
            UninstallAction::DeleteProject { .. } => vec![Permission::in_project(
                "delete",
                Resource::of("Project", "project.openshift.io/v1"),
            )],
            _ => Vec::new(),
        }
    }

    fn run(&self, ctx: &Ctx, _: &mut ()) -> Outcome<Option<String>> {
        // Deleting is idempotent: a transient failure is simply sent again.
        let delete = |oc_args: Vec<String>, doing: &str| {
            single_change(ctx.oc, &oc_args, None, || false)
                .map(|_| None)
                .map_err(|e| change_failure(doing, e, None))
        };
        match self {
            UninstallAction::DeleteObjects { objects, .. } => {
                let refs: Vec<String> = objects.iter().map(ObjectRef::oc_name).collect();
                delete(args::delete(&refs, ctx.project), "delete the install")
            }
            UninstallAction::DeleteProject { name, .. } => delete(
                args::delete_project(name),
                &format!("delete project {name}"),
            ),
            UninstallAction::RemoveRecord { server, project } => {
                crate::record::remove(server, project)
                    .map(|()| None)
                    .map_err(|e| Failure::internal(format!("uninstall: {e}")))
            }
            UninstallAction::RemoveFile { path, .. } => {
                remove_file(path)?;
                // The tenants' folder goes with its last login.
                if let Some(dir) = path.parent().filter(|d| d.ends_with("tenants")) {
                    let _ = std::fs::remove_dir(dir);
                }
                Ok(None)
            }
        }
    }
}

fn remove_file(path: &std::path::Path) -> Outcome<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Failure::internal(format!(
            "uninstall: cannot remove {}: {e}",
            path.display()
        ))
        .with_help("remove it by hand, or run uninstall again")),
    }
}

impl fmt::Display for UninstallAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UninstallAction::DeleteObjects { profile, objects } => {
                let names: Vec<String> = objects.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "delete the {} objects of the install (profile {profile}):\n      {}",
                    objects.len(),
                    names.join("\n      ")
                )
            }
            UninstallAction::DeleteProject {
                name,
                install_objects,
            } => write!(
                f,
                "delete project {name} and everything in it ({install_objects} objects of the install among them)"
            ),
            UninstallAction::RemoveRecord { .. } => {
                write!(f, "remove the install record of this machine")
            }
            UninstallAction::RemoveFile { path, what } => {
                write!(f, "remove {what}: {}", path.display())
            }
        }
    }
}
