//! `upgrade plan`'s output: text for people, hop by hop, and the same plan as JSON.

use super::diff::{FieldChange, ObjectChange};
use super::hop::Hop;
use super::plan::{DriftView, Plan, PlannedHop};
use crate::templates::fields;
use serde_json::{json, Value};
use std::fmt::Write;

pub(crate) fn json(plan: &Plan, project: &str, cluster: &str, profile: &str) -> Value {
    let mut doc = serde_json::to_value(plan).unwrap_or_default();
    doc["project"] = json!(project);
    doc["cluster"] = json!(cluster);
    doc["profile"] = json!(profile);
    doc["read_only"] = json!(true);
    crate::document::success(&crate::document::UPGRADE_PLAN, doc)
}

fn short(commit: &Option<String>) -> String {
    commit
        .as_deref()
        .map(|c| format!(", commit {}", &c[..c.len().min(7)]))
        .unwrap_or_default()
}

pub(crate) fn text(plan: &Plan, project: &str, profile: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Upgrade plan of project {project} ({profile}): {} ({}{}) → {}",
        plan.installed,
        plan.installed_ref,
        short(&plan.installed_commit),
        plan.target
    );
    out.push_str("Read-only: nothing was changed.\n");
    for note in &plan.notes {
        let _ = writeln!(out, "Note: {note}");
    }
    if plan.hops.is_empty() && plan.beyond.is_none() {
        out.push_str("\nNothing to do: the install is at that release already.\n");
    }
    let count = plan.hops.len();
    for (i, h) in plan.hops.iter().enumerate() {
        hop_text(&mut out, i + 1, count, h, profile);
    }
    if let Some(b) = &plan.beyond {
        let remaining: Vec<String> = b.remaining.iter().map(ToString::to_string).collect();
        let _ = write!(
            out,
            "\nBeyond {}: {} is past the last template release ({}). What remains is the operator's: \
             migrate to the 3scale operator at {} (`threescale-install export apimanager --operator-version {}` \
             writes the APIManager and lists the secrets to keep), then upgrade the operator one minor \
             release at a time: {}.\n",
            plan.last_template_release,
            b.target,
            plan.last_template_release,
            plan.last_template_release,
            plan.last_template_release,
            remaining.join(", ")
        );
    }
    drift_text(&mut out, &plan.drift);
    out
}

fn hop_text(out: &mut String, n: usize, count: usize, h: &PlannedHop, profile: &str) {
    let _ = writeln!(
        out,
        "\nHop {n}/{count}: {} → {} ({} → {}{}), amp/{profile}.yml",
        h.from,
        h.to,
        h.from_ref,
        h.to_ref,
        short(&h.to_commit)
    );
    if h.hop.is_empty() {
        out.push_str("  The templates are the same: nothing changes.\n");
        return;
    }
    params_text(out, &h.hop);
    objects_text(out, &h.hop.diff.objects_changed, &h.hop);
    list(out, "Images to pull", &h.hop.images);
    let rollouts: Vec<String> = h
        .hop
        .rollouts
        .iter()
        .map(|r| format!("{:<22} {}", r.name, r.why))
        .collect();
    list(out, "Deployment configs that roll out", &rollouts);
    if h.hop.backup.required {
        out.push_str("  Back up first (required)\n");
        for w in &h.hop.backup.why {
            let _ = writeln!(out, "    because {w}");
        }
        let _ = writeln!(out, "    what: {}", h.hop.backup.what.join("; "));
    }
    list(out, "Warnings", &h.hop.warnings);
}

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "  {title} ({})", items.len());
    for i in items {
        let _ = writeln!(out, "    {i}");
    }
}

fn none_or(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

fn params_text(out: &mut String, hop: &Hop) {
    let d = &hop.diff;
    let _ = writeln!(
        out,
        "  Parameters added: {}; removed: {}",
        none_or(&d.params_added),
        none_or(&d.params_removed)
    );
    for c in &d.params_changed {
        let _ = writeln!(
            out,
            "    {} {}: {} → {}",
            c.name,
            c.what,
            c.from.as_deref().unwrap_or("(none)"),
            c.to.as_deref().unwrap_or("(none)")
        );
    }
    if !hop.values.is_empty() {
        out.push_str("  This install's values that change (a value given at install is kept)\n");
        for v in &hop.values {
            let used = match v.used_by.len() {
                0 => String::new(),
                1..=3 => format!(" (in {})", v.used_by.join(", ")),
                n => format!(
                    " (in {}, {} and {} more)",
                    v.used_by[0],
                    v.used_by[1],
                    n - 2
                ),
            };
            let _ = writeln!(
                out,
                "    {}: {} → {}{used}",
                v.name,
                v.from.as_deref().unwrap_or("(none)"),
                v.to.as_deref().unwrap_or("(none)")
            );
        }
    }
}

fn objects_text(out: &mut String, changed: &[ObjectChange], hop: &Hop) {
    let d = &hop.diff;
    let _ = writeln!(
        out,
        "  Objects added: {}; removed: {}; changed: {}",
        none_or(&d.objects_added),
        none_or(&d.objects_removed),
        changed.len()
    );
    for c in changed {
        let _ = writeln!(out, "    {}/{}", c.kind, c.name);
        for f in &c.fields {
            let _ = writeln!(out, "      {}", field_text(f));
        }
    }
}

/// A value in a line: an item that imports from somewhere by where it imports from (an image
/// stream's tag), anything else as it is.
fn brief(v: &Value) -> String {
    match (v["from"]["kind"].as_str(), v["from"]["name"].as_str()) {
        (Some(kind), Some(name)) => format!("the tag from {kind} {name}"),
        _ => fields::show(v),
    }
}

fn field_text(f: &FieldChange) -> String {
    let show = |v: &Option<Value>| v.as_ref().map(brief).unwrap_or_default();
    let here = f
        .here
        .as_deref()
        .map(|h| format!(" (here {h})"))
        .unwrap_or_default();
    match f.change {
        "added" => format!("{}  added: {}{here}", f.path, show(&f.to)),
        "removed" => format!("{}  removed (was {})", f.path, show(&f.from)),
        _ => format!("{}  {} → {}{here}", f.path, show(&f.from), show(&f.to)),
    }
}

fn drift_text(out: &mut String, drift: &[DriftView]) {
    if drift.is_empty() {
        out.push_str("\nDrift: none: every object of the install is as its template made it.\n");
        return;
    }
    let _ = writeln!(
        out,
        "\nDrift: {} object(s) edited by hand since the install; the upgrade rewrites what it applies, and these edits with it",
        drift.len()
    );
    for d in drift {
        let by = match d.rewritten_by_hops.as_slice() {
            [] => "no hop changes it: kept when only the changes are applied".to_string(),
            hops => format!(
                "rewritten by hop {}",
                hops.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        if d.drifted.deleted {
            let _ = writeln!(out, "  {} deleted ({by})", d.drifted.subject());
            continue;
        }
        let _ = writeln!(out, "  {} ({by})", d.drifted.subject());
        for e in &d.drifted.edits {
            let _ = writeln!(out, "    {e}");
        }
    }
}
