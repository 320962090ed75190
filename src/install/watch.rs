//! What the install's wait watches: its template's objects and the routes zync creates, judged
//! by the install's readiness, explained by its diagnosis table.

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

/// The install: its template's objects, the routes zync creates.
pub(crate) struct Install<'a>(pub &'a Identity);

impl Watched for Install<'_> {
    fn subject(&self) -> String {
        "3scale".into()
    }
    fn look(&self, ctx: &Ctx) -> Result<Snapshot, crate::oc::OcError> {
        look(ctx.oc, ctx.project, self.0)
    }
    fn assess(&self, snapshot: &Snapshot) -> Vec<Component> {
        readiness::assess(snapshot)
    }
    fn diagnose(&self, snapshot: &Snapshot) -> Option<Finding> {
        diagnosis::diagnose(snapshot)
    }
    fn out_of_time_help(&self) -> String {
        "run the same command again to keep waiting (nothing is created twice), or raise --timeout; `threescale-install status` shows the state".into()
    }
}
