//! The whole upgrade plan of an install: its hops in order, each from the template the install
//! has at that point to the next release's, with its values carried from hop to hop; the drift
//! (what was edited by hand since the install, and which hop rewrites it); and what lies beyond
//! the last template release. Pure: the templates are read and the project observed before.

use super::chain::{Beyond, Step};
use super::hop::{self, Hop};
use crate::install::drift::Drifted;
use crate::install::values::Values;
use crate::templates::model::Template;
use crate::templates::releases::{Release, LAST_TEMPLATE_RELEASE};
use serde::Serialize;

/// Where the install is: its release, the ref and commit of its template, and its values.
pub(crate) struct Start<'a> {
    pub(crate) release: Release,
    pub(crate) git_ref: String,
    pub(crate) commit: Option<String>,
    pub(crate) template: &'a Template,
    pub(crate) values: Values,
}

/// A hop's target, read.
pub(crate) struct Reached {
    pub(crate) step: Step,
    pub(crate) commit: Option<String>,
    pub(crate) template: Template,
}

#[derive(Debug, Serialize)]
pub(crate) struct PlannedHop {
    pub(crate) from: Release,
    pub(crate) to: Release,
    pub(crate) from_ref: String,
    pub(crate) to_ref: String,
    pub(crate) to_commit: Option<String>,
    #[serde(flatten)]
    pub(crate) hop: Hop,
}

/// An object edited by hand since the install, and the hops that rewrite it.
#[derive(Debug, Serialize)]
pub(crate) struct DriftView {
    #[serde(flatten)]
    pub(crate) drifted: Drifted,
    pub(crate) rewritten_by_hops: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Plan {
    pub(crate) installed: Release,
    pub(crate) installed_ref: String,
    pub(crate) installed_commit: Option<String>,
    pub(crate) target: String,
    pub(crate) hops: Vec<PlannedHop>,
    /// The releases beyond the last template release: the operator's way.
    pub(crate) beyond: Option<Beyond>,
    pub(crate) last_template_release: Release,
    pub(crate) drift: Vec<DriftView>,
    pub(crate) notes: Vec<String>,
}

pub(crate) fn plan(
    start: Start,
    target: &str,
    reached: &[Reached],
    beyond: Option<Beyond>,
    drift: Vec<Drifted>,
    notes: Vec<String>,
) -> Plan {
    let mut hops = Vec::new();
    let mut template = start.template;
    let mut values = start.values;
    let mut from_ref = start.git_ref.clone();
    for r in reached {
        let (hop, next) = hop::plan(template, &r.template, &values);
        hops.push(PlannedHop {
            from: r.step.from,
            to: r.step.to,
            from_ref: from_ref.clone(),
            to_ref: r.step.git_ref.clone(),
            to_commit: r.commit.clone(),
            hop,
        });
        template = &r.template;
        values = next;
        from_ref = r.step.git_ref.clone();
    }
    let drift = drift
        .into_iter()
        .map(|d| {
            let subject = d.subject();
            let rewritten_by_hops = hops
                .iter()
                .enumerate()
                .filter(|(_, h)| {
                    h.hop
                        .diff
                        .objects_changed
                        .iter()
                        .any(|c| format!("{}/{}", c.kind, c.name) == subject)
                        || h.hop.diff.objects_removed.contains(&subject)
                })
                .map(|(i, _)| i + 1)
                .collect();
            DriftView {
                drifted: d,
                rewritten_by_hops,
            }
        })
        .collect();
    Plan {
        installed: start.release,
        installed_ref: start.git_ref,
        installed_commit: start.commit,
        target: target.to_string(),
        hops,
        beyond,
        last_template_release: LAST_TEMPLATE_RELEASE,
        drift,
        notes,
    }
}
