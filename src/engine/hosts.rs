//! The routes of other projects, for the hosts a change will expose: OpenShift's router admits
//! a host for the project of its oldest route only (`HostAlreadyClaimed` for the others,
//! forever, although the API accepted the route). Routes are looked for in every project at once
//! when the user may, else in each project they can see.

use crate::engine::kube::Route;
use crate::engine::observe::read_failure;
use crate::failure::Outcome;
use crate::oc::{Cause, Oc};

const ROUTES: &str = "routes.route.openshift.io";

/// The route of another project than `project` that holds `host` (a route the router refused
/// for that host holds nothing).
pub(crate) fn holder<'a>(routes: &'a [Route], project: &str, host: &str) -> Option<&'a Route> {
    routes
        .iter()
        .filter(|r| r.metadata.namespace.as_deref() != Some(project))
        .filter(|r| r.spec.host.eq_ignore_ascii_case(host))
        .find(|r| r.refusal().is_none_or(|c| c.reason != "HostAlreadyClaimed"))
}

/// Every route the user may see outside `project`, and where they were looked for; `Err` with
/// the reason when no listing is allowed.
pub(crate) fn routes_elsewhere(
    oc: &Oc,
    project: &str,
) -> Outcome<Result<(Vec<Route>, String), String>> {
    match oc.list_everywhere::<Route>(&[ROUTES]) {
        Ok(r) => return Ok(Ok((r, "any project".into()))),
        Err(e) if e.cause == Cause::Forbidden => {}
        Err(e) => return Err(read_failure("list the routes of every project", e)),
    }
    #[derive(serde::Deserialize)]
    struct Project {
        metadata: crate::engine::kube::Meta,
    }
    let projects: Vec<String> = match oc.list::<Project>(&["projects"], None, None) {
        Ok(p) => p
            .into_iter()
            .map(|p| p.metadata.name)
            .filter(|p| p != project)
            .collect(),
        Err(e) if e.cause == Cause::Forbidden => {
            return Ok(Err(
                "you may neither list routes everywhere nor list projects".into(),
            ))
        }
        Err(e) => return Err(read_failure("list your projects", e)),
    };
    let mut found = Vec::new();
    for chunk in projects.chunks(8) {
        let answers: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|p| s.spawn(move || oc.list::<Route>(&[ROUTES], Some(p), None)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("an oc call does not panic"))
                .collect()
        });
        for (p, answer) in chunk.iter().zip(answers) {
            match answer {
                Ok(mut routes) => {
                    // A project's list names its own namespace on each item; set it if not.
                    for r in &mut routes {
                        r.metadata.namespace.get_or_insert_with(|| p.clone());
                    }
                    found.extend(routes);
                }
                Err(e) if matches!(e.cause, Cause::Forbidden | Cause::NotFound) => {}
                Err(e) => return Err(read_failure(&format!("list the routes of project {p}"), e)),
            }
        }
    }
    let searched = if projects.is_empty() {
        "the projects you can see (none besides this one)".to_string()
    } else {
        format!("the projects you can see ({})", projects.join(", "))
    };
    Ok(Ok((found, searched)))
}
