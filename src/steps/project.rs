//! Project: created with `oc new-project --skip-config-write` (the user's current project stays
//! as it was), or reused when it exists.

use super::{cluster_failure, Action, Ctx, StepId};
use crate::failure::{Failure, FailureKind, Outcome};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Observed {
    Exists,
    /// Absent, or not visible to this user (OpenShift answers Forbidden for both).
    Absent,
}

#[derive(Deserialize)]
struct Project {}

pub fn observe(ctx: &Ctx, name: &str) -> Outcome<Observed> {
    match ctx.oc.get::<Project>("project", name, None) {
        Ok(Some(_)) => Ok(Observed::Exists),
        Ok(None) => Ok(Observed::Absent),
        Err(e) if e.reason() == Some("Forbidden") => Ok(Observed::Absent),
        Err(e) => Err(Failure::new(FailureKind::Preflight, e)
            .context(format!("project step: could not look up project {name}"))),
    }
}

/// Everything of the project a plan looks at, in one call: secrets (the pull secret), image
/// streams, and every object of the template's types.
pub fn contents(
    ctx: &Ctx,
    name: &str,
    template: &crate::template::Template,
) -> Outcome<Vec<serde_json::Value>> {
    let mut types = vec![
        "secrets".to_string(),
        "imagestreams.image.openshift.io".to_string(),
    ];
    for t in template.resource_types() {
        if !types.contains(&t) {
            types.push(t);
        }
    }
    ctx.oc.list_private(&types.join(","), name).map_err(|e| {
        Failure::new(FailureKind::Preflight, e).context(format!(
            "project step: could not list what project {name} holds"
        ))
    })
}

pub fn plan(observed: Observed, name: &str, display_name: &str) -> Vec<Action> {
    match observed {
        Observed::Exists => Vec::new(),
        Observed::Absent => vec![Action::CreateProject {
            name: name.into(),
            display_name: display_name.into(),
        }],
    }
}

pub fn apply(ctx: &Ctx, name: &str, display_name: &str) -> Outcome<()> {
    ctx.oc.new_project(name, display_name).map(|_| ()).map_err(|e| {
        let help = match e.reason() {
            Some("AlreadyExists") => Some(format!(
                "project {name} exists but you cannot see it: ask its admin for access, or choose another name with --project"
            )),
            Some("Forbidden") => Some(format!(
                "ask a cluster admin to create project {name} for you (`oc adm new-project {name} --admin=<you>`), then run again"
            )),
            _ => None,
        };
        cluster_failure(StepId::Project, &format!("create project {name}"), e, help.as_deref())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_project_is_kept() {
        assert!(plan(Observed::Exists, "p", "P").is_empty());
        assert!(
            matches!(plan(Observed::Absent, "p", "P").as_slice(), [Action::CreateProject { name, .. }] if name == "p")
        );
    }
}
