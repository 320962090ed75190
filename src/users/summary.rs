//! What the `users` subcommands print: the users with their role, state and access, and what
//! a change did.

use super::access_words;
use super::plan::Current;
use crate::cli::Format;
use crate::tenant::portal::AdminPortal;
use crate::threescale::{Access, Product};
use crate::ui::Ui;
use serde_json::{json, Value};

fn access_json(a: &Access) -> Value {
    json!({
        "sections": a.sections,
        "services": match &a.services {
            None => json!("all"),
            Some(ids) => json!(ids),
        },
    })
}

pub(crate) fn user_json(c: &Current) -> Value {
    json!({
        "id": c.user.id,
        "username": c.user.username,
        "email": c.user.email,
        "role": c.user.role,
        "state": c.user.state,
        "access": c.access.as_ref().map(access_json),
    })
}

pub(crate) fn print_list(
    ui: &Ui,
    format: Format,
    portal: &AdminPortal,
    users: &[Current],
    products: &[Product],
) {
    if format == Format::Json {
        let doc = crate::document::success(
            &crate::document::USERS_LIST,
            json!({
                "tenant": portal.tenant,
                "admin_portal": format!("https://{}", portal.host),
                "users": users.iter().map(user_json).collect::<Vec<_>>(),
            }),
        );
        ui.result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        return;
    }
    let rows: Vec<[String; 6]> = users
        .iter()
        .map(|c| {
            [
                c.user.id.to_string(),
                c.user.username.clone(),
                c.user.email.clone(),
                c.user.role.clone(),
                c.user.state.clone(),
                match &c.access {
                    Some(a) => access_words(a, products),
                    None => "everything".into(),
                },
            ]
        })
        .collect();
    let head = ["ID", "USERNAME", "EMAIL", "ROLE", "STATE", "ACCESS"].map(String::from);
    let width = |i: usize| {
        std::iter::once(&head)
            .chain(&rows)
            .map(|r| r[i].chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..5).map(width).collect();
    let mut out = String::new();
    for r in std::iter::once(&head).chain(&rows) {
        for (i, w) in widths.iter().enumerate() {
            out.push_str(&format!("{:<w$}  ", r[i]));
        }
        out.push_str(&r[5]);
        out.push('\n');
    }
    ui.result(out.trim_end());
}

/// After a change: what was done, on which admin portal.
pub(crate) fn print_done(
    ui: &Ui,
    format: Format,
    portal: &AdminPortal,
    command: &str,
    done: &[String],
    notes: &[String],
) {
    if format == Format::Json {
        let doc = crate::document::success(
            crate::document::users_change(
                &command
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            json!({
                "tenant": portal.tenant,
                "admin_portal": format!("https://{}", portal.host),
                "changed": !done.is_empty(),
                "changes": done,
                "notes": notes,
            }),
        );
        ui.result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        return;
    }
    let mut out = if done.is_empty() {
        format!("{command}: nothing to change on {}.", portal.host)
    } else {
        format!("{command} on {}:\n  {}", portal.host, done.join("\n  "))
    };
    for n in notes {
        out.push_str(&format!("\nnote: {n}"));
    }
    ui.result(&out);
}
