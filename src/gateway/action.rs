//! A gateway's changes, as data: what `gateway add` and `gateway remove` plan, show and apply
//! through the engine ([`Change`]). Requests to 3scale (its access token) are changes too.
//! `Display` never shows a secret.

use super::objects::{self, PortalRecord, TokenRecord};
use super::settings::{Environment, Loader};
use crate::oc::args;
use crate::pull_secret;
use crate::secrets::Secret;
use crate::templates::kinds::ObjectRef;
use serde_json::Value;
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub(crate) enum GatewayAction {
    CreateProject {
        name: String,
        display_name: String,
    },
    WritePullSecret(pull_secret::Write),
    /// A personal access token for the gateway, minted through 3scale's Account Management API
    /// (earlier ones of its name, whose value is lost, deleted first), then checked.
    MintAccessToken(Mint),
    /// A personal access token revoked through the Account Management API.
    RevokeAccessToken(Revoke),
    /// The gateway's portal-endpoint secret, sent on oc's stdin.
    WritePortalEndpoint(PortalEndpoint),
    /// The pull secret listed by a service account for pulls.
    LinkPullSecret {
        service_account: String,
    },
    UnlinkPullSecret {
        service_account: String,
    },
    /// The gateway template processed by the server (no parameter of it is secret) and the
    /// listed objects created, labelled as the gateway's, with their API versions groupified.
    CreateGatewayObjects(GatewayObjects),
    /// Edge routes of the gateway, one per host.
    CreateRoutes {
        routes: Vec<Value>,
    },
    /// Objects deleted by name (what a gateway is made of).
    DeleteObjects(Vec<ObjectRef>),
    /// The gateway's PodMonitor, when the install's monitoring is enabled: made if the user may
    /// (a refusal leaves the gateway working, and says so).
    CreatePodMonitor(Value),
}

/// A token to mint for a gateway, with the admin token that may.
#[derive(Debug, Clone)]
pub(crate) struct Mint {
    /// The tenant's admin portal.
    pub(crate) host: String,
    pub(crate) admin_token: Secret,
    pub(crate) name: String,
    /// Tokens of that name minted by an earlier run whose value was never stored.
    pub(crate) orphans: Vec<u64>,
}

#[derive(Debug, Clone)]
pub(crate) struct Revoke {
    pub(crate) host: String,
    pub(crate) admin_token: Secret,
    pub(crate) id: u64,
    pub(crate) name: String,
}

/// The token a portal-endpoint secret gets: one known now, or the one minted by the plan's
/// `MintAccessToken`.
#[derive(Debug, Clone)]
pub(crate) enum EndpointToken {
    Known { value: Secret, record: TokenRecord },
    Minted,
}

#[derive(Debug, Clone)]
pub(crate) struct PortalEndpoint {
    pub(crate) gateway: String,
    /// The admin portal the gateway reads.
    pub(crate) host: String,
    pub(crate) token: EndpointToken,
    pub(crate) portal: PortalRecord,
    /// The secret exists: it is replaced.
    pub(crate) replace: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct GatewayObjects {
    pub(crate) gateway: String,
    pub(crate) environment: Environment,
    pub(crate) loader: Loader,
    pub(crate) cache: u32,
    pub(crate) template: PathBuf,
    pub(crate) params: Vec<(String, String)>,
    pub(crate) objects: Vec<ObjectRef>,
}

/// A token minted by this run: later changes write it (its value is shown only once).
#[derive(Default)]
pub(crate) struct Minted(pub Option<(Secret, TokenRecord)>);

impl GatewayAction {
    /// oc's arguments for the changes made through oc.
    pub(crate) fn oc_args(&self, project: &str) -> Vec<String> {
        match self {
            GatewayAction::CreateProject { name, display_name } => {
                args::new_project(name, display_name)
            }
            GatewayAction::WritePullSecret(pull_secret::Write::Update { .. }) => {
                args::replace(project)
            }
            GatewayAction::WritePortalEndpoint(e) if e.replace => args::replace(project),
            GatewayAction::LinkPullSecret { service_account } => {
                args::link_pull_secret(service_account, pull_secret::NAME, project)
            }
            GatewayAction::UnlinkPullSecret { service_account } => {
                args::unlink_pull_secret(service_account, pull_secret::NAME, project)
            }
            GatewayAction::DeleteObjects(refs) => {
                let names: Vec<String> = refs.iter().map(ObjectRef::oc_name).collect();
                args::delete(&names, project)
            }
            GatewayAction::MintAccessToken(_) | GatewayAction::RevokeAccessToken(_) => Vec::new(),
            _ => args::create(project),
        }
    }
}

impl fmt::Display for GatewayAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secret = pull_secret::NAME;
        match self {
            GatewayAction::CreateProject { name, display_name } => {
                write!(f, "create project {name} (display name \"{display_name}\")")
            }
            GatewayAction::WritePullSecret(w) => write!(f, "{w}"),
            GatewayAction::MintAccessToken(m) => write!(f, "{m}"),
            GatewayAction::RevokeAccessToken(r) => write!(
                f,
                "revoke access token \"{}\" (id {}) on {}",
                r.name, r.id, r.host
            ),
            GatewayAction::WritePortalEndpoint(e) => write!(f, "{e}"),
            GatewayAction::LinkPullSecret { service_account } => write!(
                f,
                "link secret {secret} to service account {service_account} for pulls"
            ),
            GatewayAction::UnlinkPullSecret { service_account } => write!(
                f,
                "unlink secret {secret} from service account {service_account}"
            ),
            GatewayAction::CreateGatewayObjects(g) => {
                let names: Vec<String> = g.objects.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "create {} of {} ({}: loader {}, cache {} s)",
                    names.join(", "),
                    objects::TEMPLATE,
                    g.environment,
                    g.loader,
                    g.cache
                )
            }
            GatewayAction::CreateRoutes { routes } => {
                let hosts: Vec<String> = routes.iter().map(route_text).collect();
                write!(f, "create edge {}", hosts.join(", "))
            }
            GatewayAction::DeleteObjects(refs) => {
                let names: Vec<String> = refs.iter().map(ToString::to_string).collect();
                write!(f, "delete {}", names.join(", "))
            }
            GatewayAction::CreatePodMonitor(m) => write!(
                f,
                "create podmonitor/{} (the install's monitoring is enabled: user-workload monitoring scrapes the gateway's port metrics)",
                ObjectRef::of_json(m).map(|r| r.name).unwrap_or_default()
            ),
        }
    }
}

fn route_text(r: &Value) -> String {
    let route: crate::engine::kube::Route = crate::engine::kube::parse(r);
    format!(
        "route {} for https://{}",
        route.metadata.name, route.spec.host
    )
}

impl fmt::Display for Mint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "mint access token \"{}\" (scope account_management, read-only) on {}",
            self.name, self.host
        )?;
        if !self.orphans.is_empty() {
            write!(
                f,
                ", after deleting {} earlier token(s) of that name whose value was lost",
                self.orphans.len()
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for PortalEndpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let token = match &self.token {
            EndpointToken::Known { record, .. } if record.minted => "its minted token",
            EndpointToken::Known { .. } => "the token given",
            EndpointToken::Minted => "the token minted above",
        };
        write!(
            f,
            "{} secret {} (THREESCALE_PORTAL_ENDPOINT: https://{}@{} with {token})",
            if self.replace { "update" } else { "create" },
            objects::secret_name(&self.gateway),
            crate::secrets::MASK,
            self.host
        )
    }
}
