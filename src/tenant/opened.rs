//! An install opened for its tenants: the install, its master portal (with the install's
//! `MASTER_ACCESS_TOKEN`), HTTP to 3scale, and the logins kept on this machine; and which tenant
//! a name or id means.

use super::decide::{self, Unresolved};
use super::store::Store;
use super::{api_failure, Master};
use crate::engine::kube::{self, Route};
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::http::Http;
use crate::inputs::tenant::TenantRef;
use crate::inputs::ProjectAnswers;
use crate::install::identity::made_by_zync;
use crate::install::installed::{self, Installed};
use crate::record;
use crate::threescale::{Api, Tenant};

/// What every tenant subcommand opens: the install, its master portal, HTTP to 3scale, and the
/// logins kept here.
pub(crate) struct Opened {
    pub(crate) install: Installed,
    pub(crate) master: Master,
    pub(crate) http: Http,
    pub(crate) store: Store,
    /// The admin portal host of the install's default tenant.
    pub(crate) default_admin: String,
}

impl Opened {
    pub(crate) fn api(&self) -> Api<'_> {
        Api { http: &self.http }
    }

    /// Every tenant of master.
    pub(crate) fn tenants(&self) -> Outcome<Vec<Tenant>> {
        self.api()
            .tenants(&self.master.host, &self.master.token)
            .map_err(|e| api_failure("list the tenants on the master portal", e))
    }

    pub(crate) fn project(&self) -> &str {
        &self.install.project
    }

    pub(crate) fn is_default(&self, t: &Tenant) -> bool {
        t.admin_domain.as_deref() == Some(self.default_admin.as_str())
    }
}

pub(crate) fn open(session: &Session, answers: &ProjectAnswers) -> Outcome<Opened> {
    for w in &answers.warnings {
        session.ui.warn(w);
    }
    let observer = Observer::new(&session.oc);
    let install = installed::open(session, &observer, answers)?;
    let creds = install.credentials(&session.redactor)?;
    let domain = install.domain.clone().unwrap_or_default();
    let zync_routes: Vec<Route> = install
        .objects
        .iter()
        .filter(|o| o["kind"] == "Route")
        .map(kube::parse::<Route>)
        .filter(made_by_zync)
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

/// The tenant `reference` names: by id (one call), else among master's tenants.
pub(crate) fn find(opened: &Opened, reference: &TenantRef) -> Outcome<Tenant> {
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
