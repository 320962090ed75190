//! `tenant list`: master's tenants (its accounts, page after page, master's own left out), with
//! whether a login of each is kept here.

use crate::cli::Format;
use crate::engine::session::Session;
use crate::failure::Outcome;
use crate::inputs::tenant::TenantQuery;
use crate::tenant::opened::{open, Opened};
use crate::tenant::store::StoredTenant;
use crate::tenant::url_of;
use crate::tenant::view::tenant_json;
use crate::threescale::Tenant;
use serde_json::json;

pub(crate) fn run(answers: TenantQuery) -> Outcome<()> {
    let session = Session::open(&answers.project.connection, &answers.project.mode)?;
    session.works_on(&answers.project.project.value);
    let result = list(&session, &answers);
    session.finish(result)
}

fn list(session: &Session, answers: &TenantQuery) -> Outcome<()> {
    let opened = open(session, &answers.project)?;
    session.attach_transcript(&opened.install.cluster.server, opened.project())?;
    let line = session.ui.step("tenants");
    let tenants = match opened.tenants() {
        Ok(t) => t,
        Err(f) => {
            line.failed();
            return Err(f);
        }
    };
    line.detail(&format!("{} on {}", tenants.len(), opened.master.host));
    line.done();
    let stored = opened.store.all(&session.redactor);
    let login_of =
        |t: &Tenant| -> Option<&StoredTenant> { stored.iter().find(|s| s.tenant_id == Some(t.id)) };
    let kept = |t: &Tenant| -> &'static str {
        if opened.is_default(t) {
            "the install's"
        } else if login_of(t).is_some() {
            "kept here"
        } else {
            "-"
        }
    };
    match answers.project.mode.format {
        Format::Json => {
            let items: Vec<serde_json::Value> = tenants
                .iter()
                .map(|t| {
                    let mut v = tenant_json(t);
                    v["admin_portal"] = json!(t.admin_domain.as_deref().map(url_of));
                    v["developer_portal"] = json!(t.domain.as_deref().map(url_of));
                    v["default"] = json!(opened.is_default(t));
                    v["login_file"] = json!(login_of(t).map(|l| opened.store.path_of(l)));
                    v
                })
                .collect();
            let doc = json!({
                "cluster": opened.install.cluster.server,
                "project": opened.project(),
                "master_portal": url_of(&opened.master.host),
                "tenants": items,
            });
            let doc = crate::document::success(&crate::document::TENANT_LIST, doc);
            session
                .ui
                .result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        Format::Text => session.ui.result(&table(&opened, &tenants, kept)),
    }
    Ok(())
}

fn table(opened: &Opened, tenants: &[Tenant], kept: impl Fn(&Tenant) -> &'static str) -> String {
    let rows: Vec<[String; 5]> = tenants
        .iter()
        .map(|t| {
            [
                t.id.to_string(),
                t.org_name.clone(),
                t.state.clone(),
                t.admin_domain.as_deref().map(url_of).unwrap_or_default(),
                kept(t).to_string(),
            ]
        })
        .collect();
    let header = ["ID", "ORGANIZATION", "STATE", "ADMIN PORTAL", "LOGIN"];
    let widths: Vec<usize> = (0..5)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain(std::iter::once(header[i].len()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; 5]| {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = vec![line(header)];
    for r in &rows {
        out.push(line([&r[0], &r[1], &r[2], &r[3], &r[4]]));
    }
    if tenants.is_empty() {
        out.push(format!(
            "(no tenants on {}: not even the default one)",
            opened.master.host
        ));
    }
    out.join("\n")
}
