//! What the install's wait watches: its template's objects and the routes zync creates, judged
//! by the install's readiness, explained by its diagnosis table.

use super::action::InstallAction;
use super::identity::Identity;
use super::{diagnosis, readiness};
use crate::engine::change::Ctx;
use crate::engine::diagnosis::Finding;
use crate::engine::readiness::{Component, Snapshot, RESOURCES};
use crate::engine::wait::Watched;
use crate::oc::Oc;

/// Reads the project once: the install's objects and the pods and events that explain them.
pub(crate) fn look(
    oc: &Oc,
    project: &str,
    identity: &Identity,
) -> Result<Snapshot, crate::oc::OcError> {
    oc.poll::<serde_json::Value>(RESOURCES, project)
        .map(|items| readiness::snapshot(items, identity))
}

/// The install: its template's objects, the routes zync creates; and what this run has just
/// fixed, which the wait does not blame while the cluster catches up.
pub(crate) struct Install<'a> {
    identity: &'a Identity,
    /// Signatures whose cause this run fixed (a registry login written, images imported again):
    /// what the cluster still shows of them is from before, and rollouts stuck on the old images
    /// start again by themselves. They stop the wait only at its deadline.
    fixed: Vec<&'static str>,
}

impl<'a> Install<'a> {
    pub(crate) fn new(identity: &'a Identity) -> Install<'a> {
        Install {
            identity,
            fixed: Vec::new(),
        }
    }

    /// The install after `changes`: a changed registry login fixes what failed to pull or
    /// import; images imported again also fix the rollouts that failed on them. (A first login
    /// fixes nothing that was broken: a failure then is news.)
    pub(crate) fn after(mut self, changes: &[InstallAction]) -> Install<'a> {
        let changed_login = changes.iter().any(|c| {
            matches!(
                c,
                InstallAction::WritePullSecret(crate::pull_secret::Write::Update { .. })
            )
        });
        let reimported = changes
            .iter()
            .any(|c| matches!(c, InstallAction::ReimportImages { .. }));
        if changed_login || reimported {
            self.fixed = vec!["image-import-failed", "image-pull-failed"];
        }
        if reimported {
            self.fixed.push("rollout-failed");
        }
        self
    }
}

impl Watched for Install<'_> {
    fn subject(&self) -> String {
        "3scale".into()
    }
    fn look(&self, ctx: &Ctx) -> Result<Snapshot, crate::oc::OcError> {
        look(ctx.oc, ctx.project, self.identity)
    }
    fn assess(&self, snapshot: &Snapshot) -> Vec<Component> {
        readiness::assess(snapshot)
    }
    fn diagnose(&self, snapshot: &Snapshot) -> Option<Finding> {
        let mut finding = diagnosis::diagnose(snapshot)?;
        if self.fixed.contains(&finding.signature) {
            finding.blocks = false;
        }
        Some(finding)
    }
    fn out_of_time_help(&self) -> String {
        "run the same command again to keep waiting (nothing is created twice), or raise --timeout; `threescale-install status` shows the state".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pull_secret::{Login, Write};
    use crate::secrets::Secret;
    use crate::templates::model::Template;
    use serde_json::json;

    #[test]
    fn what_this_run_fixed_stops_the_wait_only_at_its_deadline() {
        let template = Template::parse("metadata: {name: t}\nobjects: []\n").unwrap();
        let identity = Identity::of(&template, &[], &[]);
        let snapshot = Snapshot::of_matching(
            vec![
                json!({"kind": "ImageStream", "metadata": {"name": "amp-system"}, "status": {"tags": [{"tag": "2.8", "conditions": [
                {"type": "ImportSuccess", "status": "False", "reason": "Unauthorized", "message": "unauthorized"}]}]}}),
            ],
            |_| true,
        );
        let before = Install::new(&identity).diagnose(&snapshot).unwrap();
        assert!(before.blocks, "an old failure nobody fixed stops the wait");
        let login = || Login {
            server: "registry.redhat.io".into(),
            username: "u".into(),
            password: Secret::new("a-new-password"),
        };
        let first = Install::new(&identity)
            .after(&[InstallAction::WritePullSecret(Write::Create(login()))])
            .diagnose(&snapshot)
            .unwrap();
        assert!(first.blocks, "a first login fixed nothing that was broken");
        let changed = Write::Update {
            login: login(),
            changed: vec!["password"],
        };
        let after = Install::new(&identity)
            .after(&[InstallAction::WritePullSecret(changed)])
            .diagnose(&snapshot)
            .unwrap();
        assert_eq!(after.signature, "image-import-failed");
        assert!(
            !after.blocks,
            "the run just changed the login: the cluster catches up"
        );
    }
}
