//! Where the gateways are, found by their label: in the project named, else in every project at
//! once (`--all-namespaces`, for those who may list the whole cluster), else in each project the
//! user can see, asked side by side.

use super::objects::{self, GATEWAY_LABEL};
use crate::engine::observe::read_failure;
use crate::failure::Outcome;
use crate::oc::{Cause, Oc, Scope};
use serde_json::Value;

/// The gateways' objects of one project.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub(crate) project: String,
    /// Every object labelled as a gateway's (secrets with their data).
    pub(crate) objects: Vec<Value>,
}

/// Where the search looked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Searched {
    Project(String),
    AllProjects,
    /// The projects the user can see, one by one.
    Projects(Vec<String>),
}

impl Searched {
    pub(crate) fn text(&self) -> String {
        match self {
            Searched::Project(p) => format!("project {p}"),
            Searched::AllProjects => "every project".into(),
            Searched::Projects(p) if p.is_empty() => "no project (you can see none)".into(),
            Searched::Projects(p) => format!("the projects you can see: {}", p.join(", ")),
        }
    }
}

fn selector(name: Option<&str>) -> String {
    match name {
        Some(n) => format!("{GATEWAY_LABEL}={n}"),
        None => GATEWAY_LABEL.to_string(),
    }
}

fn group(items: Vec<Value>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for item in items {
        let ns = item["metadata"]["namespace"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        match out.iter_mut().find(|f| f.project == ns) {
            Some(f) => f.objects.push(item),
            None => out.push(Found {
                project: ns,
                objects: vec![item],
            }),
        }
    }
    out.sort_by(|a, b| a.project.cmp(&b.project));
    out
}

/// The gateways (all, or the one named) in `project`, or wherever the user may look.
pub(crate) fn find(
    oc: &Oc,
    project: Option<&str>,
    name: Option<&str>,
) -> Outcome<(Vec<Found>, Searched)> {
    let selector = selector(name);
    if let Some(p) = project {
        let items = oc
            .labelled(objects::LABELLED, Scope::Project(p), &selector)
            .map_err(|e| read_failure(&format!("list the gateways of project {p}"), e))?;
        let found = if items.is_empty() {
            Vec::new()
        } else {
            vec![Found {
                project: p.to_string(),
                objects: items,
            }]
        };
        return Ok((found, Searched::Project(p.to_string())));
    }
    match oc.labelled(objects::LABELLED, Scope::AllProjects, &selector) {
        Ok(items) => return Ok((group(items), Searched::AllProjects)),
        Err(e) if e.cause == Cause::Forbidden => {}
        Err(e) => return Err(read_failure("list the gateways of every project", e)),
    }
    #[derive(serde::Deserialize)]
    struct Project {
        metadata: Meta,
    }
    #[derive(serde::Deserialize)]
    struct Meta {
        name: String,
    }
    let projects: Vec<String> = oc
        .list::<Project>(&["projects"], None, None)
        .map_err(|e| read_failure("list your projects", e))?
        .into_iter()
        .map(|p| p.metadata.name)
        .collect();
    // Independent questions: asked side by side, a few at a time.
    let mut found = Vec::new();
    for chunk in projects.chunks(8) {
        let answers: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|p| {
                    let selector = &selector;
                    s.spawn(move || oc.labelled(objects::LABELLED, Scope::Project(p), selector))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("an oc call does not panic"))
                .collect()
        });
        for (p, answer) in chunk.iter().zip(answers) {
            match answer {
                Ok(items) if !items.is_empty() => found.push(Found {
                    project: p.clone(),
                    objects: items,
                }),
                Ok(_) => {}
                // A project being deleted, or one the user sees but may not read into.
                Err(e) if matches!(e.cause, Cause::Forbidden | Cause::NotFound) => {}
                Err(e) => {
                    return Err(read_failure(
                        &format!("list the gateways of project {p}"),
                        e,
                    ))
                }
            }
        }
    }
    Ok((found, Searched::Projects(projects)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn objects_are_grouped_by_project() {
        let items = vec![
            json!({"metadata": {"namespace": "b", "name": "x"}}),
            json!({"metadata": {"namespace": "a", "name": "y"}}),
            json!({"metadata": {"namespace": "b", "name": "z"}}),
        ];
        let g = group(items);
        assert_eq!(g.len(), 2);
        assert_eq!((g[0].project.as_str(), g[1].objects.len()), ("a", 2));
        assert_eq!(selector(Some("gw")), "threescale-install/gateway=gw");
    }
}
