//! The plan of an uninstall: a pure function from what the install is made of and what this
//! machine keeps of it to the deletions and removals, in order.

use super::action::UninstallAction;
use crate::engine::checks::CheckResult;
use crate::engine::report::Changes;
use crate::inputs::Missing;
use crate::templates::kinds::ObjectRef;
use std::path::PathBuf;

/// What the plan is made from.
pub(crate) struct Request<'a> {
    pub(crate) server: &'a str,
    pub(crate) project: &'a str,
    pub(crate) profile: &'a str,
    /// The install's objects the project holds.
    pub(crate) present: Vec<ObjectRef>,
    pub(crate) delete_project: bool,
    pub(crate) keep_credentials: bool,
    /// Whether this machine has an install record of the project.
    pub(crate) recorded: bool,
    /// The credentials file, when it exists.
    pub(crate) credentials_file: Option<PathBuf>,
    /// The tenants' login files kept beside it: (organization, path).
    pub(crate) tenant_logins: Vec<(String, PathBuf)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub(crate) actions: Vec<UninstallAction>,
    pub(crate) decisions: Vec<String>,
    pub(crate) checks: Vec<CheckResult>,
    pub(crate) missing: Vec<Missing>,
    pub(crate) problems: Vec<String>,
}

impl Plan {
    pub(crate) fn changes(&self) -> Changes<'_, UninstallAction> {
        Changes {
            decisions: &self.decisions,
            checks: &self.checks,
            actions: &self.actions,
            missing: &self.missing,
            problems: &self.problems,
        }
    }

    /// The objects deleted by name (none when the whole project goes).
    pub(crate) fn deleted(&self) -> Vec<String> {
        self.actions
            .iter()
            .flat_map(|a| match a {
                UninstallAction::DeleteObjects { objects, .. } => {
                    objects.iter().map(ToString::to_string).collect()
                }
                _ => Vec::new(),
            })
            .collect()
    }

    /// The local files removed.
    pub(crate) fn removed_files(&self) -> Vec<PathBuf> {
        self.actions
            .iter()
            .filter_map(|a| match a {
                UninstallAction::RemoveFile { path, .. } => Some(path.clone()),
                _ => None,
            })
            .collect()
    }
}

pub(crate) fn plan(r: &Request) -> Plan {
    let mut actions = Vec::new();
    let mut decisions = Vec::new();
    if r.delete_project {
        actions.push(UninstallAction::DeleteProject {
            name: r.project.to_string(),
            install_objects: r.present.len(),
        });
    } else if !r.present.is_empty() {
        actions.push(UninstallAction::DeleteObjects {
            profile: r.profile.to_string(),
            objects: r.present.clone(),
        });
        decisions.push(format!(
            "project {} itself is kept, with what else it holds: --delete-project deletes it too",
            r.project
        ));
    } else {
        decisions.push(format!(
            "project {} holds no object of the install any more",
            r.project
        ));
    }
    if r.present.iter().any(|o| o.kind == "PersistentVolumeClaim") {
        decisions.push(
            "the persistent volume claims go with the install: their data (the databases, the uploaded files) is lost unless their volumes are retained"
                .into(),
        );
    }
    if r.recorded {
        actions.push(UninstallAction::RemoveRecord {
            server: r.server.to_string(),
            project: r.project.to_string(),
        });
    }
    local_files(r, &mut actions, &mut decisions);
    Plan {
        actions,
        decisions,
        checks: Vec::new(),
        missing: Vec::new(),
        problems: Vec::new(),
    }
}

/// The credentials file and the tenants' logins beside it: their tenants are gone with the
/// install's database. `--keep-credentials` keeps them all.
fn local_files(r: &Request, actions: &mut Vec<UninstallAction>, decisions: &mut Vec<String>) {
    let kept = r.credentials_file.iter().count() + r.tenant_logins.len();
    if r.keep_credentials {
        if kept > 0 {
            decisions.push(format!(
                "{kept} local file(s) of logins are kept (--keep-credentials)"
            ));
        }
        return;
    }
    for (org, path) in &r.tenant_logins {
        actions.push(UninstallAction::RemoveFile {
            path: path.clone(),
            what: format!("the login of tenant {org} (its only copy may be here)"),
        });
    }
    if let Some(path) = &r.credentials_file {
        actions.push(UninstallAction::RemoveFile {
            path: path.clone(),
            what: "the credentials file".into(),
        });
    }
    if kept > 0 {
        decisions
            .push("the local files of logins are removed: --keep-credentials keeps them".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request<'static> {
        Request {
            server: "https://api.x:6443",
            project: "3scale-apim",
            profile: "amp",
            present: vec![
                ObjectRef::new("Secret", "v1", "system-seed"),
                ObjectRef::new("DeploymentConfig", "apps.openshift.io/v1", "system-app"),
            ],
            delete_project: false,
            keep_credentials: false,
            recorded: true,
            credentials_file: Some("/state/credentials.yaml".into()),
            tenant_logins: vec![("ACME".into(), "/state/tenants/acme.yaml".into())],
        }
    }

    fn shown(p: &Plan) -> Vec<String> {
        p.actions.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn the_install_then_the_record_then_every_login_file() {
        let p = plan(&request());
        let s = shown(&p);
        assert_eq!(s.len(), 4, "{s:#?}");
        assert!(s[0].starts_with("delete the 2 objects of the install (profile amp)"));
        assert!(
            s[0].contains("secret/system-seed") && s[0].contains("deploymentconfig/system-app")
        );
        assert_eq!(s[1], "remove the install record of this machine");
        assert!(s[2].contains("tenant ACME") && s[2].ends_with("/state/tenants/acme.yaml"));
        assert_eq!(s[3], "remove the credentials file: /state/credentials.yaml");
        assert_eq!(
            p.deleted(),
            ["secret/system-seed", "deploymentconfig/system-app"]
        );
    }

    #[test]
    fn the_whole_project_and_kept_logins() {
        let p = plan(&Request {
            delete_project: true,
            keep_credentials: true,
            ..request()
        });
        let s = shown(&p);
        assert_eq!(s.len(), 2, "{s:#?}");
        assert!(s[0].starts_with("delete project 3scale-apim and everything in it (2 objects"));
        assert!(p.removed_files().is_empty());
        assert!(
            p.decisions[0].contains("--keep-credentials"),
            "{:?}",
            p.decisions
        );
    }

    #[test]
    fn nothing_left_on_the_cluster_still_removes_the_local_files() {
        let p = plan(&Request {
            present: Vec::new(),
            recorded: false,
            tenant_logins: Vec::new(),
            ..request()
        });
        assert_eq!(
            shown(&p),
            ["remove the credentials file: /state/credentials.yaml"]
        );
        assert!(
            p.decisions[0].contains("holds no object"),
            "{:?}",
            p.decisions
        );
    }
}
