//! The CA of the cluster's default router, as the cluster publishes it, for `verify` to trust for
//! the hosts under the cluster's apps domain only. The ingress operator publishes it in
//! `openshift-config-managed/default-ingress-cert` (key `ca-bundle.crt`), which only cluster
//! admins may read on a stock cluster; the authentication operator publishes the same chain (by
//! default) in `openshift-config-managed/oauth-serving-cert`, which every authenticated user may
//! read. A Forbidden or a missing map is a fact, not an error: the next one is tried, then verify
//! gives today's hint (`--ca-file`).

use crate::engine::kube::ConfigMap;
use crate::engine::observe::{read_failure, Observer};
use crate::failure::Outcome;
use crate::http::{ClusterTrust, ScopedCa};
use crate::oc::{Cause, Oc};

const NAMESPACE: &str = "openshift-config-managed";
const KEY: &str = "ca-bundle.crt";
/// Where the cluster publishes its router's CA, in the order they are tried.
const PUBLISHED: &[&str] = &["default-ingress-cert", "oauth-serving-cert"];

/// The cluster's ingress CA for the hosts under its apps domain, or why it is not used.
pub(crate) fn read(oc: &Oc, observer: &Observer) -> Outcome<ClusterTrust> {
    let domain = match observer.apps_domain()? {
        Ok(d) => d.value,
        Err(why) => {
            return Ok(ClusterTrust::Unavailable(format!(
                "the cluster's apps domain is unknown ({why})"
            )))
        }
    };
    let mut reasons = Vec::new();
    for name in PUBLISHED {
        let source = format!("{NAMESPACE}/{name}");
        match oc.get::<ConfigMap>("configmap", name, Some(NAMESPACE)) {
            Ok(Some(map)) => match map.data.get(KEY).filter(|pem| has_certificate(pem)) {
                Some(pem) => {
                    return Ok(ClusterTrust::Trusted(ScopedCa {
                        domain,
                        pem: pem.clone().into_bytes(),
                        source,
                    }))
                }
                None => reasons.push(format!("{source} holds no certificate in {KEY}")),
            },
            Ok(None) => reasons.push(format!("{source} does not exist")),
            Err(e) if matches!(e.cause, Cause::Forbidden | Cause::NotFound) => {
                reasons.push(format!("you may not read {source}"))
            }
            Err(e) if e.is_transient() => return Err(read_failure(&format!("read {source}"), e)),
            Err(e) => reasons.push(format!("{source} could not be read: {}", e.message)),
        }
    }
    Ok(ClusterTrust::Unavailable(reasons.join("; ")))
}

fn has_certificate(pem: &str) -> bool {
    pem.contains("-----BEGIN CERTIFICATE-----")
}
