//! `tenant remove NAME-OR-ID`: after a confirmation (or `--yes`), schedules the tenant's deletion
//! as the Master API does (3scale keeps it 15 days, when it can be resumed), then removes its
//! login kept here and the Secret written for it. The install's default tenant is refused:
//! `uninstall` removes a whole install.

use super::create::resume_help;
use super::{find, open, tenant_json};
use crate::cli::Format;
use crate::failure::{Failure, Outcome};
use crate::inputs::tenant::TenantQuery;
use crate::install::apply::{change_failure, single_change};
use crate::oc::args;
use crate::prompt::Prompter;
use crate::session::Session;
use crate::tenants::secret::{MANAGED_BY, TENANT_ID_LABEL};
use crate::tenants::{api_failure, url_of};
use serde_json::json;

pub fn run(answers: TenantQuery) -> Outcome<()> {
    let session = Session::open(&answers.project.connection, &answers.project.mode)?;
    let result = remove(&session, &answers);
    session.point_at_transcript(result)
}

fn remove(session: &Session, answers: &TenantQuery) -> Outcome<()> {
    let ui = &session.ui;
    let opened = open(session, &answers.project)?;
    let reference = answers
        .tenant
        .as_ref()
        .ok_or_else(|| Failure::internal("tenant remove without a tenant"))?;
    let tenant = find(&opened, reference)?;
    if opened.is_default(&tenant) {
        return Err(Failure::input(format!(
            "tenant {} (id {}) is the install's default tenant: removing it would take the install's admin portal with it",
            tenant.org_name, tenant.id
        ))
        .with_help("`threescale-install uninstall` removes the whole install"));
    }
    let login = opened
        .store
        .all(&session.redactor)
        .into_iter()
        .find(|s| s.tenant_id == Some(tenant.id));
    let already = tenant.scheduled_for_deletion();
    let admin = tenant
        .admin_domain
        .as_deref()
        .map(url_of)
        .unwrap_or_default();
    let mut text = if already {
        format!(
            "Tenant {} (id {}, {admin}) is scheduled for deletion already{}.",
            tenant.org_name,
            tenant.id,
            tenant
                .deletion_date
                .as_deref()
                .map(|d| format!(" (for good on {d})"))
                .unwrap_or_default()
        )
    } else {
        format!(
            "Will schedule tenant {} (id {}, {admin}) for deletion: its portals stop answering now, and 3scale deletes it with its users, products and developer accounts for good after 15 days; until then it can be resumed.",
            tenant.org_name, tenant.id
        )
    };
    if let Some(l) = &login {
        text.push_str(&format!(
            "\nIts login kept here is removed: {}{}",
            opened.store.path_of(l).display(),
            l.secret
                .as_deref()
                .map(|s| format!(", and secret {s} in project {}", opened.install.project))
                .unwrap_or_default()
        ));
    }
    ui.block(&text);
    if !answers.yes {
        let prompter = Prompter::new(answers.project.mode.never_ask);
        if !prompter.can_ask() {
            return Err(Failure::input(
                "tenant remove schedules a deletion and asks first, but there is no terminal to ask in",
            )
            .with_help("pass --yes to remove without a question"));
        }
        let question = if already {
            "Remove its login kept here?"
        } else {
            "Schedule the deletion?"
        };
        if !prompter.confirm(question, false)? {
            ui.note("cancelled; nothing was changed");
            return Ok(());
        }
    }

    let line = ui.step(&format!("remove tenant {}", tenant.org_name));
    if !already {
        crate::interrupt::set_message(
            "the deletion may have been scheduled: run the same command again to finish",
        );
        match opened
            .api()
            .delete_tenant(&opened.master.host, &opened.master.token, tenant.id)
        {
            Ok(()) => line.detail("scheduled for deletion"),
            // Scheduled meanwhile, by someone else.
            Err(e) if e.status() == Some(404) => line.detail("scheduled for deletion already"),
            Err(e) => {
                line.failed();
                return Err(api_failure(
                    &format!("schedule the deletion of tenant {}", tenant.org_name),
                    e,
                ));
            }
        }
    }
    // The Secret written for it, wherever its name came from.
    let selector = format!(
        "{}={},{TENANT_ID_LABEL}={}",
        MANAGED_BY.0, MANAGED_BY.1, tenant.id
    );
    if let Err(e) = single_change(
        &session.oc,
        &args::delete_labelled("secrets", &selector, &opened.install.project),
        None,
        || false,
    ) {
        line.failed();
        return Err(change_failure("delete the tenant's secret", e, None));
    }
    let removed = match &login {
        Some(l) => opened
            .store
            .remove(l)
            .map_err(|e| Failure::internal(format!("tenant remove: {e}")))?,
        None => None,
    };
    if let Some(p) = &removed {
        line.detail(&format!("removed {}", p.display()));
    }
    line.done();
    let deleted_now = opened
        .api()
        .tenant(&opened.master.host, &opened.master.token, tenant.id)
        .ok()
        .flatten()
        .unwrap_or(tenant.clone());
    match answers.project.mode.format {
        Format::Json => ui.result(
            &serde_json::to_string_pretty(&json!({
                "schema_version": 1,
                "ok": true,
                "cluster": opened.install.cluster.server,
                "project": opened.install.project,
                "tenant": tenant_json(&deleted_now),
                "scheduled_now": !already,
                "deletion_date": deleted_now.deletion_date,
                "login_removed": removed,
                "undo": resume_help(&opened, &tenant),
            }))
            .unwrap_or_default(),
        ),
        Format::Text => ui.result(&format!(
            "Tenant {} (id {}) is scheduled for deletion: 3scale deletes it for good {}.\nTo undo that before then, {}",
            tenant.org_name,
            tenant.id,
            deleted_now
                .deletion_date
                .as_deref()
                .map(|d| format!("on {d}, 15 days after it was scheduled"))
                .unwrap_or_else(|| "15 days after it was scheduled".into()),
            resume_help(&opened, &tenant)
        )),
    }
    Ok(())
}
