//! Wildcard domain: the given one, or the cluster's apps domain when the user may read it.

use super::{Ctx, StepId};
use crate::failure::{Failure, Outcome};
use crate::names;

/// The cluster's apps domain. OpenShift 4 keeps it in the cluster ingress config; 3.11 has no
/// such object, and non-admins may not read it: both simply mean `None` (ask the user).
pub fn discover(ctx: &Ctx) -> Option<String> {
    ctx.oc
        .jsonpath("ingresses.config.openshift.io", "cluster", "{.spec.domain}")
        .ok()
        .filter(|d| !d.is_empty())
}

/// The domain to use, reported on a step line; `None` when neither given nor discovered.
pub fn decide(ctx: &Ctx, given: Option<&str>, discovered: Option<&str>) -> Outcome<Option<String>> {
    let line = ctx.ui.step(StepId::Domain.title());
    match (given, discovered) {
        (Some(d), _) => {
            line.detail(&format!("WILDCARD_DOMAIN={d}"));
            line.done();
            Ok(Some(d.to_string()))
        }
        (None, Some(d)) => {
            if let Err(why) = names::check_wildcard_domain(d) {
                line.failed();
                return Err(Failure::input(format!(
                    "wildcard domain step: the cluster's ingress domain '{d}' cannot be used: {why}"
                ))
                .with_help("pass --wildcard-domain"));
            }
            line.detail(&format!(
                "WILDCARD_DOMAIN={d} (from the cluster ingress config)"
            ));
            line.done();
            Ok(Some(d.to_string()))
        }
        (None, None) => {
            line.detail("not given, and the cluster's ingress domain could not be read");
            line.done();
            Ok(None)
        }
    }
}
