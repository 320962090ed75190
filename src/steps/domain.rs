//! Wildcard domain: the given one, or the cluster's apps domain when the user may read it.

use super::{Ctx, StepId};
use crate::failure::{Failure, Outcome};
use crate::names;

/// Returns the domain to use, or `None` when it was not given and cannot be read.
pub fn observe(ctx: &Ctx, given: Option<&str>) -> Outcome<Option<String>> {
    let line = ctx.ui.step(StepId::Domain.title());
    if let Some(d) = given {
        line.detail(&format!("WILDCARD_DOMAIN={d}"));
        line.done();
        return Ok(Some(d.to_string()));
    }
    // OpenShift 4 keeps the apps domain in the cluster ingress config; 3.11 has no such object,
    // and non-admins may not read it: both simply mean "ask the user".
    match ctx
        .oc
        .jsonpath("ingresses.config.openshift.io", "cluster", "{.spec.domain}")
    {
        Ok(domain) if !domain.is_empty() => {
            if let Err(why) = names::check_wildcard_domain(&domain) {
                line.failed();
                return Err(Failure::input(format!(
                    "wildcard domain step: the cluster's ingress domain '{domain}' cannot be used: {why}"
                ))
                .with_help("pass --wildcard-domain"));
            }
            line.detail(&format!(
                "WILDCARD_DOMAIN={domain} (from the cluster ingress config)"
            ));
            line.done();
            Ok(Some(domain))
        }
        Ok(_) | Err(_) => {
            line.detail("not given, and the cluster's ingress domain could not be read");
            line.done();
            Ok(None)
        }
    }
}
