//! `tenant show NAME-OR-ID`: the tenant's state and portals, its admin users, zync's routes of
//! its portals (admitted or not), the login kept here, and whether the kept token still works.
//! Reads only; an unhealthy tenant is reported in the output, not in the exit code.

use crate::cli::Format;
use crate::engine::observe::read_failure;
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::inputs::tenant::{TenantQuery, TenantRef};
use crate::tenant::decide::IMPERSONATION_ADMIN;
use crate::tenant::opened::{find, open, Opened};
use crate::tenant::summary::kept_token;
use crate::tenant::view::Shown;
use crate::tenant::{api_failure, routes};
use crate::threescale::{Tenant, User};

pub(crate) fn run(answers: TenantQuery) -> Outcome<()> {
    let session = Session::open(&answers.project.connection, &answers.project.mode)?;
    session.works_on(&answers.project.project.value);
    let result = show(&session, &answers);
    session.finish(result)
}

fn show(session: &Session, answers: &TenantQuery) -> Outcome<()> {
    let opened = open(session, &answers.project)?;
    session.attach_transcript(&opened.install.cluster.server, opened.project())?;
    let reference = answers
        .tenant
        .as_ref()
        .ok_or_else(|| Failure::internal("tenant show without a tenant"))?;
    let (tenant, users) = tenant_and_admins(session, &opened, reference)?;
    let zync = routes::look(&session.oc, &opened.install.project)
        .map_err(|e| read_failure("list zync's routes", e))?;
    let login = opened
        .store
        .all(&session.redactor)
        .into_iter()
        .find(|s| s.tenant_id == Some(tenant.id));
    let mode = &answers.project.mode;
    let shown = Shown {
        opened: &opened,
        tenant: &tenant,
        admins: users
            .iter()
            .filter(|u| u.username != IMPERSONATION_ADMIN)
            .collect(),
        routes: routes::of(&tenant, &zync),
        login: login.as_ref(),
        token: login
            .as_ref()
            .and_then(|l| kept_token(session, &opened, &tenant, l)),
        show: mode.show_secrets,
    };
    let text = match mode.format {
        Format::Json => serde_json::to_string_pretty(&shown.json()).unwrap_or_default(),
        Format::Text => shown.text(),
    };
    session.ui.result(&text);
    Ok(())
}

/// The tenant `reference` names, and its admin users, on a step line.
fn tenant_and_admins(
    session: &Session,
    opened: &Opened,
    reference: &TenantRef,
) -> Outcome<(Tenant, Vec<User>)> {
    let line = session.ui.step(&format!("tenant {reference}"));
    let found = find(opened, reference).and_then(|t| {
        let users = opened
            .api()
            .admins(&opened.master.host, &opened.master.token, t.id)
            .map_err(|e| api_failure("list the tenant's admin users", e))?;
        Ok((t, users))
    });
    match &found {
        Ok((tenant, _)) => {
            line.detail(&format!("id {}, {}", tenant.id, tenant.state));
            line.done();
        }
        Err(_) => line.failed(),
    }
    found
}
