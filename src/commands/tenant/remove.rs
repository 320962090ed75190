//! `tenant remove NAME-OR-ID`: the tenant found, the plan (schedule its deletion as the Master API
//! does — 3scale keeps it 15 days, when it can be resumed —, delete the Secret written for it,
//! forget its login kept here), and the engine's driver: `--dry-run`, a confirmation (or
//! `--yes`), the lock. The install's default tenant is refused: `uninstall` removes a whole
//! install.

use crate::cli::Format;
use crate::engine::driver::{Confirm, Driver, Go};
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::inputs::tenant::TenantQuery;
use crate::prompt::Prompter;
use crate::tenant::opened::{self, find, Opened};
use crate::tenant::plan::{self, Plan, RemoveRequest};
use crate::tenant::summary::resume_help;
use crate::tenant::view::tenant_json;
use crate::threescale::Tenant;
use serde_json::json;

pub(crate) fn run(answers: TenantQuery) -> Outcome<()> {
    let session =
        Session::open(&answers.project.connection, &answers.project.mode)?.dry_run(answers.dry_run);
    session.works_on(&answers.project.project.value);
    let result = remove(&session, &answers);
    session.finish(result)
}

fn remove(session: &Session, answers: &TenantQuery) -> Outcome<()> {
    let opened = opened::open(session, &answers.project)?;
    let reference = answers
        .tenant
        .as_ref()
        .ok_or_else(|| Failure::internal("tenant remove without a tenant"))?;
    let tenant = find(&opened, reference)?;
    let login = opened
        .store
        .all(&session.redactor)
        .into_iter()
        .find(|s| s.tenant_id == Some(tenant.id));
    let plan = plan::remove(&RemoveRequest {
        master: &opened.master,
        store: &opened.store,
        tenant: &tenant,
        is_default: opened.is_default(&tenant),
        login: login.as_ref(),
    });
    let observer = Observer::new(&session.oc);
    let driver = Driver {
        session,
        observer: &observer,
        cluster: &opened.install.cluster,
        project: opened.project(),
        skips: &[],
        what: format!("tenant remove {}", tenant.org_name),
        command: "tenant remove",
        dry_run: answers.dry_run,
        format: answers.project.mode.format,
        http: Some(&opened.http),
    };
    driver.review(&plan.changes(), true)?;
    let prompter = Prompter::new(answers.project.mode.never_ask || answers.yes);
    let question = if tenant.scheduled_for_deletion() {
        "Remove its login kept here?"
    } else {
        "Schedule the deletion?"
    };
    let confirm = match answers.yes {
        true => Confirm::Never,
        false => Confirm::Required(
            &prompter,
            "pass --yes to remove without a question",
            question,
        ),
    };
    match driver.decide(&plan.actions, confirm)? {
        Go::DryRun => {
            driver.print_dry_run(&plan.actions, &plan.decisions);
            return Ok(());
        }
        Go::Cancel | Go::Revise => {
            session.ui.note("cancelled; nothing was changed");
            return Ok(());
        }
        Go::Proceed => {}
    }
    let held = driver.lock()?;
    driver.apply(
        &held,
        &plan.actions,
        "tenant remove stopped part-way: run the same command again to finish",
    )?;
    drop(held);
    print(session, answers, &opened, &tenant, &plan);
    Ok(())
}

fn print(session: &Session, answers: &TenantQuery, opened: &Opened, tenant: &Tenant, plan: &Plan) {
    let now = opened
        .api()
        .tenant(&opened.master.host, &opened.master.token, tenant.id)
        .ok()
        .flatten()
        .unwrap_or(tenant.clone());
    let removed = plan
        .login
        .as_ref()
        .map(|l| opened.store.path_of(l))
        .filter(|_| plan.login.is_some());
    let text = match answers.project.mode.format {
        Format::Json => serde_json::to_string_pretty(&crate::document::success(&crate::document::TENANT_REMOVE, json!({
            "dry_run": false,
            "changes": plan.actions.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "decisions": plan.decisions,
            "cluster": opened.install.cluster.server,
            "project": opened.install.project,
            "tenant": tenant_json(&now),
            "scheduled_now": !tenant.scheduled_for_deletion(),
            "deletion_date": now.deletion_date,
            "login_removed": removed,
            "undo": resume_help(opened, tenant),
        })))
        .unwrap_or_default(),
        Format::Text => format!(
            "Tenant {} (id {}) is scheduled for deletion: 3scale deletes it for good {}.\nTo undo that before then, {}",
            tenant.org_name,
            tenant.id,
            now.deletion_date
                .as_deref()
                .map(|d| format!("on {d}, 15 days after it was scheduled"))
                .unwrap_or_else(|| "15 days after it was scheduled".into()),
            resume_help(opened, tenant)
        ),
    };
    session.ui.result(&text);
}
