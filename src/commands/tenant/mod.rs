//! `tenant create | list | show | remove`: more tenants of an installed 3scale, through its
//! Master API with the install's `MASTER_ACCESS_TOKEN`, their routes read through oc, their
//! logins kept on this machine (0600) beside the install's credentials file.

mod create;
mod list;
mod remove;
mod show;

pub use create::run as create;
pub use list::run as list;
pub use remove::run as remove;
pub use show::run as show;

use crate::failure::{Failure, Outcome};
use crate::http::Http;
use crate::inputs::tenant::TenantRef;
use crate::inputs::ProjectAnswers;
use crate::install::identity::ZYNC_LABEL;
use crate::install::observe::Observer;
use crate::installed::{self, Installed};
use crate::record;
use crate::secrets::{Secret, MASK};
use crate::session::Session;
use crate::tenants::decide::{self, Unresolved};
use crate::tenants::store::Store;
use crate::tenants::{api_failure, Master};
use crate::threescale::{Api, Tenant};
use serde_json::Value;

/// What every tenant subcommand opens: the install, its master portal, HTTP to 3scale, and the
/// logins kept here.
struct Opened {
    install: Installed,
    master: Master,
    http: Http,
    store: Store,
    /// The admin portal host of the install's default tenant.
    default_admin: String,
}

impl Opened {
    fn api(&self) -> Api<'_> {
        Api { http: &self.http }
    }

    /// Every tenant of master.
    fn tenants(&self) -> Outcome<Vec<Tenant>> {
        self.api()
            .tenants(&self.master.host, &self.master.token)
            .map_err(|e| api_failure("list the tenants on the master portal", e))
    }

    fn project(&self) -> &str {
        &self.install.project
    }

    fn is_default(&self, t: &Tenant) -> bool {
        t.admin_domain.as_deref() == Some(self.default_admin.as_str())
    }
}

fn open(session: &Session, answers: &ProjectAnswers) -> Outcome<Opened> {
    for w in &answers.warnings {
        session.ui.warn(w);
    }
    let observer = Observer::new(&session.oc);
    let install = installed::open(session, &observer, answers)?;
    let creds = install.credentials(&session.redactor)?;
    let domain = install.domain.clone().unwrap_or_default();
    let zync_routes: Vec<Value> = install
        .objects
        .iter()
        .filter(|o| o["kind"] == "Route" && o["metadata"]["labels"][ZYNC_LABEL.0] == ZYNC_LABEL.1)
        .cloned()
        .collect();
    // The install's own portals among zync's routes (a tenant's are routed to the same
    // services), else the hosts the install's names make.
    let host_of = |service: &str, expected: String| {
        crate::verify::portal_host(
            &zync_routes,
            service,
            expected.trim_start_matches("https://"),
        )
    };
    if domain.is_empty() && zync_routes.is_empty() {
        return Err(Failure::input(format!(
            "the wildcard domain of the install in project {} is not known, and zync has made no routes there",
            install.project
        ))
        .with_help("`threescale-install status` shows what the install lacks"));
    }
    let master = Master {
        host: host_of("system-master", creds.master_portal(&domain)),
        token: creds.master_access_token.clone(),
    };
    let default_admin = host_of("system-provider", creds.admin_portal(&domain));
    let http = session.http(&answers.http)?;
    if answers.http.insecure {
        session
            .ui
            .warn("--insecure-skip-tls-verify: the portals' certificates are not checked");
    }
    let credentials_file = match &answers.credentials_file {
        Some(p) => p.clone(),
        None => record::default_credentials_path(&install.cluster.server, &install.project)
            .map_err(Failure::input)?,
    };
    let store = Store::beside(&credentials_file, &install.cluster.server, &install.project);
    Ok(Opened {
        install,
        master,
        http,
        store,
        default_admin,
    })
}

/// A secret as printed: the value when shown, else the mask.
fn shown(s: Option<&Secret>, show: bool) -> String {
    match (s, show) {
        (Some(s), true) => s.expose().to_string(),
        (Some(_), false) => MASK.to_string(),
        (None, _) => "not known here".to_string(),
    }
}

/// A secret in JSON: the value only with --show-secrets.
fn shown_json(s: Option<&Secret>, show: bool) -> Value {
    match (s, show) {
        (Some(s), true) => Value::String(s.expose().to_string()),
        _ => Value::Null,
    }
}

/// The tenant as JSON documents show it.
fn tenant_json(t: &Tenant) -> Value {
    serde_json::json!({
        "id": t.id,
        "org_name": t.org_name,
        "state": t.state,
        "admin_domain": t.admin_domain,
        "domain": t.domain,
        "deletion_date": t.deletion_date,
    })
}

/// The tenant `reference` names: by id (one call), else among master's tenants.
fn find(opened: &Opened, reference: &TenantRef) -> Outcome<Tenant> {
    let no_such = |known: &[Tenant]| {
        let names: Vec<&str> = known.iter().map(|t| t.org_name.as_str()).collect();
        let hint = match reference {
            TenantRef::Name(n) => crate::names::closest(n, names.iter().copied())
                .map(|c| format!("; did you mean '{c}'?"))
                .unwrap_or_default(),
            TenantRef::Id(_) => String::new(),
        };
        Failure::input(format!(
            "master ({}) has no tenant {reference}{hint}",
            opened.master.host
        ))
        .with_help("`threescale-install tenant list` lists the tenants with their ids")
    };
    if let TenantRef::Id(id) = reference {
        return match opened
            .api()
            .tenant(&opened.master.host, &opened.master.token, *id)
        {
            Ok(Some(t)) if !t.is_master() => Ok(t),
            Ok(_) => Err(no_such(&[])),
            Err(e) => Err(api_failure(
                &format!("read tenant {id} on the master portal"),
                e,
            )),
        };
    }
    let tenants = opened.tenants()?;
    match decide::resolve(reference, &tenants) {
        Ok(t) => Ok(t.clone()),
        Err(Unresolved::NoSuch) => Err(no_such(&tenants)),
        Err(Unresolved::Several(several)) => Err(Failure::input(format!(
            "{} tenants answer to {reference}: {}",
            several.len(),
            several
                .iter()
                .map(|t| format!(
                    "id {} ({}, {})",
                    t.id,
                    t.admin_domain.as_deref().unwrap_or("?"),
                    t.state
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .with_help("name one by its id")),
    }
}
