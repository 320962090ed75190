//! The route hosts an install will expose, against the routes of other projects: OpenShift's
//! router admits a host for the project of its oldest route only (`HostAlreadyClaimed` for the
//! others, forever, although the API accepted the route). The planned hosts are the template's
//! routes (`backend-TENANT.DOMAIN`) and the ones zync creates from the seed (`TENANT-admin`,
//! `TENANT`, `MASTER`, `api-TENANT-apicast-staging` and `-production` under DOMAIN). Routes are
//! looked for in every project at once when the user may, else in each project they can see.

use super::plan::Plan;
use crate::engine::checks::CheckResult;
use crate::engine::kube::Route;
use crate::failure::Outcome;
use crate::oc::Oc;
use serde_json::Value;

/// A host the install will expose: what it is, and the parameter that makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Planned {
    pub(crate) host: String,
    pub(crate) what: String,
    pub(crate) param: &'static str,
}

/// The hosts of the rendered routes and of zync's routes.
pub(crate) fn planned(values: &[(String, String)], rendered: &[Value]) -> Vec<Planned> {
    let value = |n: &str| values.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
    let mut out: Vec<Planned> = rendered
        .iter()
        .filter(|o| o["kind"] == "Route")
        .filter_map(|o| {
            Some(Planned {
                host: o["spec"]["host"]
                    .as_str()
                    .filter(|h| !h.is_empty() && !h.contains("${"))?
                    .to_string(),
                what: format!("route {}", o["metadata"]["name"].as_str().unwrap_or("?")),
                param: "TENANT_NAME",
            })
        })
        .collect();
    let Some(domain) = value("WILDCARD_DOMAIN") else {
        return out;
    };
    if let Some(tenant) = value("TENANT_NAME") {
        for (host, what) in [
            (format!("{tenant}-admin"), "the admin portal"),
            (tenant.to_string(), "the developer portal"),
            (
                format!("api-{tenant}-apicast-staging"),
                "the staging gateway",
            ),
            (
                format!("api-{tenant}-apicast-production"),
                "the production gateway",
            ),
        ] {
            out.push(Planned {
                host: format!("{host}.{domain}"),
                what: what.into(),
                param: "TENANT_NAME",
            });
        }
    }
    if let Some(master) = value("MASTER_NAME") {
        out.push(Planned {
            host: format!("{master}.{domain}"),
            what: "the master portal".into(),
            param: "MASTER_NAME",
        });
    }
    out
}

/// Routes of other projects that hold a planned host: a problem naming each claimant.
pub(crate) fn check(
    oc: &Oc,
    project: &str,
    values: &[(String, String)],
    rendered: &[Value],
    plan: &mut Plan,
) -> Outcome<()> {
    let wanted = planned(values, rendered);
    if wanted.is_empty() {
        return Ok(());
    }
    let (routes, searched) = match crate::engine::hosts::routes_elsewhere(oc, project)? {
        Ok(found) => found,
        Err(why) => {
            plan.checks.push(CheckResult::warn(
                "route-hosts",
                format!("whether another project holds this install's hosts is unknown: {why}"),
            ));
            return Ok(());
        }
    };
    let claims = claims(&wanted, &routes, project);
    if claims.is_empty() {
        plan.checks.push(CheckResult::ok(
            "route-hosts",
            format!("no route of {searched} holds {}", hosts(&wanted)),
        ));
        return Ok(());
    }
    let mut params: Vec<String> = claims
        .iter()
        .map(|(p, _)| format!("--param {}=ANOTHER", p.param))
        .collect();
    params.dedup();
    let list: Vec<String> = claims
        .iter()
        .map(|(p, r)| {
            format!(
                "{} ({}) is held by route {} in project {}",
                p.host,
                p.what,
                r.metadata.name,
                r.metadata.namespace.as_deref().unwrap_or("?")
            )
        })
        .collect();
    plan.problems.push(format!(
        "{}: OpenShift's router admits a host for one project only and would refuse this install's routes (HostAlreadyClaimed); choose other names ({}) or another wildcard domain (--wildcard-domain), or uninstall what holds them",
        list.join("; "),
        params.join(", ")
    ));
    Ok(())
}

fn hosts(planned: &[Planned]) -> String {
    planned
        .iter()
        .map(|p| p.host.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The routes of other projects holding a planned host.
fn claims<'a>(
    wanted: &'a [Planned],
    routes: &'a [Route],
    project: &str,
) -> Vec<(&'a Planned, &'a Route)> {
    wanted
        .iter()
        .filter_map(|p| crate::engine::hosts::holder(routes, project, &p.host).map(|r| (p, r)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn values() -> Vec<(String, String)> {
        [
            ("TENANT_NAME", "3scale"),
            ("MASTER_NAME", "master"),
            ("WILDCARD_DOMAIN", "apps.x"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn the_planned_hosts_are_the_template_s_and_zync_s() {
        let rendered = [
            json!({"kind": "Route", "metadata": {"name": "backend"}, "spec": {"host": "backend-3scale.apps.x"}}),
        ];
        let hosts: Vec<String> = planned(&values(), &rendered)
            .into_iter()
            .map(|p| p.host)
            .collect();
        assert_eq!(
            hosts,
            [
                "backend-3scale.apps.x",
                "3scale-admin.apps.x",
                "3scale.apps.x",
                "api-3scale-apicast-staging.apps.x",
                "api-3scale-apicast-production.apps.x",
                "master.apps.x"
            ]
        );
    }

    #[test]
    fn a_host_another_project_holds_is_claimed() {
        let route = |ns: &str, host: &str, reason: Option<&str>| -> Route {
            let status = match reason {
                Some(r) => {
                    json!({"ingress": [{"conditions": [{"type": "Admitted", "status": "False", "reason": r}]}]})
                }
                None => {
                    json!({"ingress": [{"conditions": [{"type": "Admitted", "status": "True"}]}]})
                }
            };
            crate::engine::kube::parse(
                &json!({"metadata": {"name": format!("r-{ns}"), "namespace": ns}, "spec": {"host": host}, "status": status}),
            )
        };
        let wanted = planned(&values(), &[]);
        let routes = [
            route("3scale-apim", "master.apps.x", None),
            route("other", "3scale-admin.apps.x", None),
            route("third", "3scale.apps.x", Some("HostAlreadyClaimed")),
        ];
        let found = claims(&wanted, &routes, "3scale-apim");
        let named: Vec<(&str, &str)> = found
            .iter()
            .map(|(p, r)| (p.host.as_str(), r.metadata.name.as_str()))
            .collect();
        assert_eq!(named, [("3scale-admin.apps.x", "r-other")]);
    }
}
