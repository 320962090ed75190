//! `export apimanager`'s output. YAML: the APIManager itself, ready for `oc apply -f`, with
//! everything else as comments around it (the check it passed, the secrets and how to keep
//! them, what must be done first, what it cannot express, warnings). JSON: one document with
//! the same parts as fields.

use super::apimanager::Item;
use super::secrets::{SecretEntry, HOW_TO_KEEP};
use super::Export;
use serde_json::{json, Value};
use std::fmt::Write;

pub(crate) fn json(e: &Export, project: &str, cluster: &str) -> Value {
    crate::document::success(
        &crate::document::EXPORT_APIMANAGER,
        json!({
            "project": project,
            "cluster": cluster,
            "installed_release": e.installed,
            "operator_version": e.release,
            "crd": e.crd,
            "check": "passed: the CRD's schema, with unknown fields refused",
            "apimanager": e.cr,
            "secrets": e.secrets,
            "how_to_keep_secrets": HOW_TO_KEEP,
            "before_creating": e.blocking,
            "not_expressible": e.not_expressible,
            "warnings": e.warnings,
            "read_only": true,
        }),
    )
}

/// `text` cut into lines of at most `width` characters, each starting with `prefix`.
fn wrap(text: &str, prefix: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + word.chars().count() + 1 > width {
            let _ = writeln!(out, "{prefix}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{prefix}{line}");
    }
    out
}

pub(crate) fn yaml(e: &Export, project: &str, cluster: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# APIManager for the 3scale operator {}, from project {project} on {cluster} (which runs {}).",
        e.release, e.installed
    );
    let _ = writeln!(
        out,
        "# It passes the schema of the APIManager CRD of {} {} ({}), unknown fields refused.",
        e.crd.repository.trim_start_matches("https://"),
        e.crd.tag,
        e.crd.path
    );
    out.push_str("# Nothing was changed. Keep the secrets below, and do what the list \"before creating\" says, first.\n");
    out.push_str(&serde_yaml::to_string(&e.cr).unwrap_or_default());
    secrets_text(&mut out, &e.secrets, e.release);
    items_text(
        &mut out,
        "Before creating the APIManager (the operator would not start otherwise)",
        &e.blocking,
        "nothing",
    );
    items_text(
        &mut out,
        "Not expressible in this APIManager (carry it over by hand, or accept its loss)",
        &e.not_expressible,
        "nothing: the APIManager carries every setting of the install",
    );
    if !e.warnings.is_empty() {
        out.push_str("#\n# Warnings\n");
        for w in &e.warnings {
            out.push_str(&wrap(w, "#   ", 96).replacen("#   ", "# - ", 1));
        }
    }
    out
}

fn secrets_text(
    out: &mut String,
    secrets: &[SecretEntry],
    release: crate::templates::releases::Release,
) {
    out.push_str("#\n# Secrets the operator adopts as they are (names and keys; never a value)\n");
    for s in secrets {
        let role = match s.role {
            "adopted" if s.present => String::new(),
            "adopted" => " (missing)".into(),
            "read" => " (read, not adopted: it stays yours)".into(),
            other => format!(" ({other}: the installer's pull secret; copy it where the new install pulls from the registry)"),
        };
        let _ = writeln!(out, "#   {}{role}", s.name);
        if !s.keys.is_empty() {
            out.push_str(&wrap(&s.keys.join(", "), "#       ", 92));
        }
        if !s.missing.is_empty() {
            let _ = writeln!(
                out,
                "#     the operator adds: {} (a password with a new random value)",
                s.missing.join(", ")
            );
        }
        if !s.unread.is_empty() {
            let _ = writeln!(
                out,
                "#     operator {release} does not read: {}",
                s.unread.join(", ")
            );
        }
    }
    out.push_str("# How to keep them:\n");
    out.push_str(&wrap(HOW_TO_KEEP, "#   ", 96));
}

fn items_text(out: &mut String, title: &str, items: &[Item], none: &str) {
    let _ = writeln!(out, "#\n# {title}");
    if items.is_empty() {
        let _ = writeln!(out, "#   {none}");
        return;
    }
    for i in items {
        let _ = writeln!(out, "# - {}: {}", i.subject, i.what);
        out.push_str(&wrap(&i.why, "#     ", 94));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_wrapped_under_its_prefix() {
        let text = wrap("one two three four five six", "# ", 9);
        assert_eq!(text, "# one two\n# three\n# four five\n# six\n");
    }
}
