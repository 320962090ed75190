//! One change to the cluster, as data: what `plan` decides, the summary shows, the plan script
//! prints and the executor applies. `Display` never shows a secret.

use super::api_versions::Rewrite;
use super::pull_secret;
use crate::gateway::objects::{self, PortalRecord, TokenRecord};
use crate::gateway::settings::{Environment, Loader};
use crate::oc::args;
use crate::secrets::Secret;
use crate::templates::kinds::{ObjectRef, Resource};
use serde_json::Value;
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub enum Action {
    CreateProject {
        name: String,
        display_name: String,
    },
    CreatePullSecret(pull_secret::Login),
    UpdatePullSecret {
        login: pull_secret::Login,
        changed: Vec<&'static str>,
    },
    CreateImageStreams {
        names: Vec<String>,
        manifest: String,
    },
    /// The registry login checked before the template's objects exist: the cluster fetches one
    /// of the install's images with the project's pull secret (`oc import-image --dry-run`,
    /// which creates nothing), so that a wrong login stops the run before the big change.
    CheckRegistryLogin {
        image: String,
        server: String,
        username: String,
    },
    /// An image stream whose import failed, imported again (after its login was fixed).
    ReimportImages {
        stream: String,
        /// `TAG: the registry's message` of each failed tag.
        tags: Vec<String>,
    },
    /// The template processed by the server with these values, and the listed objects created.
    CreateObjects(CreateObjects),
    /// A personal access token for a gateway, minted through 3scale's Account Management API
    /// (earlier ones of its name, whose value is lost, deleted first), then checked.
    MintAccessToken(Mint),
    /// A personal access token revoked through the Account Management API.
    RevokeAccessToken(Revoke),
    /// A gateway's portal-endpoint secret, sent on oc's stdin.
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
    /// Edge routes of a gateway, one per host.
    CreateRoutes {
        gateway: String,
        routes: Vec<Value>,
    },
    /// Objects deleted by name (what a gateway is made of).
    DeleteObjects(Vec<ObjectRef>),
}

/// A token to mint for a gateway, with the admin token that may.
#[derive(Debug, Clone)]
pub struct Mint {
    /// The tenant's admin portal.
    pub host: String,
    pub admin_token: Secret,
    pub name: String,
    /// Tokens of that name minted by an earlier run whose value was never stored.
    pub orphans: Vec<u64>,
}

#[derive(Debug, Clone)]
pub struct Revoke {
    pub host: String,
    pub admin_token: Secret,
    pub id: u64,
    pub name: String,
}

/// The token a portal-endpoint secret gets: one known now, or the one minted by the plan's
/// `MintAccessToken`.
#[derive(Debug, Clone)]
pub enum EndpointToken {
    Known { value: Secret, record: TokenRecord },
    Minted,
}

#[derive(Debug, Clone)]
pub struct PortalEndpoint {
    pub gateway: String,
    /// The admin portal the gateway reads.
    pub host: String,
    pub token: EndpointToken,
    pub portal: PortalRecord,
    /// The secret exists: it is replaced.
    pub replace: bool,
}

#[derive(Debug, Clone)]
pub struct GatewayObjects {
    pub gateway: String,
    pub environment: Environment,
    pub loader: Loader,
    pub cache: u32,
    pub template: PathBuf,
    pub params: Vec<(String, String)>,
    pub objects: Vec<ObjectRef>,
}

/// The objects of the template to create, and how: the values (as oc's param file, on stdin)
/// and the API versions to change on the way.
#[derive(Debug, Clone)]
pub struct CreateObjects {
    pub template: PathBuf,
    /// `NAME="value"` lines for `oc process --param-file=-`; holds secrets.
    pub param_file: Secret,
    /// The names of the values passed, for display.
    pub param_names: Vec<String>,
    pub objects: Vec<ObjectRef>,
    /// Every object of the template is created (a fresh install), not some (a resume).
    pub all: bool,
    pub rewrites: Vec<Rewrite>,
}

impl Action {
    /// What the action needs to be allowed: (verb, resource, in the project?).
    pub fn permissions(&self) -> Vec<(&'static str, Resource, bool)> {
        match self {
            Action::CreateProject { .. } => vec![(
                "create",
                Resource::of("ProjectRequest", "project.openshift.io/v1"),
                false,
            )],
            Action::CreatePullSecret(_) => vec![("create", Resource::of("Secret", "v1"), true)],
            Action::UpdatePullSecret { .. } => vec![("update", Resource::of("Secret", "v1"), true)],
            Action::CreateImageStreams { .. } => vec![(
                "create",
                Resource::of("ImageStream", "image.openshift.io/v1"),
                true,
            )],
            Action::CheckRegistryLogin { .. } | Action::ReimportImages { .. } => vec![(
                "create",
                Resource::of("ImageStreamImport", "image.openshift.io/v1"),
                true,
            )],
            Action::CreateObjects(c) => each_resource("create", &c.objects),
            Action::MintAccessToken(_) | Action::RevokeAccessToken(_) => Vec::new(),
            Action::WritePortalEndpoint(e) => vec![(
                if e.replace { "update" } else { "create" },
                Resource::of("Secret", "v1"),
                true,
            )],
            Action::LinkPullSecret { .. } | Action::UnlinkPullSecret { .. } => {
                vec![("update", Resource::of("ServiceAccount", "v1"), true)]
            }
            Action::CreateGatewayObjects(g) => each_resource("create", &g.objects),
            Action::CreateRoutes { .. } => vec![(
                "create",
                Resource::of("Route", "route.openshift.io/v1"),
                true,
            )],
            Action::DeleteObjects(refs) => each_resource("delete", refs),
        }
    }

    /// oc's arguments for this action (before the global flags).
    pub fn oc_args(&self, project: &str) -> Vec<String> {
        match self {
            Action::CreateProject { name, display_name } => args::new_project(name, display_name),
            Action::CreatePullSecret(_)
            | Action::CreateImageStreams { .. }
            | Action::CreateObjects(_) => args::create(project),
            Action::UpdatePullSecret { .. } => args::replace(project),
            Action::CheckRegistryLogin { image, .. } => args::registry_check(image, project),
            Action::ReimportImages { stream, .. } => args::reimport(stream, project),
            // Requests to 3scale, not oc.
            Action::MintAccessToken(_) | Action::RevokeAccessToken(_) => Vec::new(),
            Action::WritePortalEndpoint(e) if e.replace => args::replace(project),
            Action::WritePortalEndpoint(_)
            | Action::CreateGatewayObjects(_)
            | Action::CreateRoutes { .. } => args::create(project),
            Action::LinkPullSecret { service_account } => {
                args::link_pull_secret(service_account, pull_secret::NAME, project)
            }
            Action::UnlinkPullSecret { service_account } => {
                args::unlink_pull_secret(service_account, pull_secret::NAME, project)
            }
            Action::DeleteObjects(refs) => {
                let names: Vec<String> = refs.iter().map(ObjectRef::oc_name).collect();
                args::delete(&names, project)
            }
        }
    }

    /// Whether the action creates objects of the template (a fresh install or a resume).
    pub fn creates_objects(&self) -> bool {
        matches!(self, Action::CreateObjects(_))
    }
}

/// (verb, resource, namespaced) once per resource of `objects`.
fn each_resource(verb: &'static str, objects: &[ObjectRef]) -> Vec<(&'static str, Resource, bool)> {
    let mut out: Vec<(&'static str, Resource, bool)> = Vec::new();
    for o in objects {
        if !out.iter().any(|(_, r, _)| *r == o.resource) {
            out.push((verb, o.resource.clone(), true));
        }
    }
    out
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::CreateProject { name, display_name } => {
                write!(f, "create project {name} (display name \"{display_name}\")")
            }
            Action::CreatePullSecret(login) => write!(
                f,
                "create secret {} for {} as {}",
                pull_secret::NAME,
                login.server,
                login.username
            ),
            Action::UpdatePullSecret { login, changed } => write!(
                f,
                "update secret {} for {} as {} ({} changed)",
                pull_secret::NAME,
                login.server,
                login.username,
                changed.join(", ")
            ),
            Action::CreateImageStreams { names, .. } => {
                write!(f, "create image streams {}", names.join(", "))
            }
            Action::CheckRegistryLogin {
                image,
                server,
                username,
            } => write!(
                f,
                "check that {server} lets {username} in: the cluster fetches {image} with pull secret {} (a dry run: nothing is imported)",
                pull_secret::NAME
            ),
            Action::ReimportImages { stream, tags } => write!(
                f,
                "import image stream {stream} again (failed before: {})",
                tags.join("; ")
            ),
            Action::CreateObjects(c) if c.all => write!(
                f,
                "create the {} objects of {}",
                c.objects.len(),
                c.template
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            Action::CreateObjects(c) => {
                let names: Vec<String> = c.objects.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "create the {} missing objects: {}",
                    names.len(),
                    names.join(", ")
                )
            }
            Action::MintAccessToken(m) => {
                write!(
                    f,
                    "mint access token \"{}\" (scope account_management, read-only) on {}",
                    m.name, m.host
                )?;
                if !m.orphans.is_empty() {
                    write!(
                        f,
                        ", after deleting {} earlier token(s) of that name whose value was lost",
                        m.orphans.len()
                    )?;
                }
                Ok(())
            }
            Action::RevokeAccessToken(r) => write!(
                f,
                "revoke access token \"{}\" (id {}) on {}",
                r.name, r.id, r.host
            ),
            Action::WritePortalEndpoint(e) => {
                let token = match &e.token {
                    EndpointToken::Known { record, .. } if record.minted => "its minted token",
                    EndpointToken::Known { .. } => "the token given",
                    EndpointToken::Minted => "the token minted above",
                };
                write!(
                    f,
                    "{} secret {} (THREESCALE_PORTAL_ENDPOINT: https://{}@{} with {token})",
                    if e.replace { "update" } else { "create" },
                    objects::secret_name(&e.gateway),
                    crate::secrets::MASK,
                    e.host
                )
            }
            Action::LinkPullSecret { service_account } => write!(
                f,
                "link secret {} to service account {service_account} for pulls",
                pull_secret::NAME
            ),
            Action::UnlinkPullSecret { service_account } => write!(
                f,
                "unlink secret {} from service account {service_account}",
                pull_secret::NAME
            ),
            Action::CreateGatewayObjects(g) => {
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
            Action::CreateRoutes { routes, .. } => {
                let hosts: Vec<String> = routes
                    .iter()
                    .map(|r| {
                        format!(
                            "route {} for https://{}",
                            r["metadata"]["name"].as_str().unwrap_or_default(),
                            r["spec"]["host"].as_str().unwrap_or_default()
                        )
                    })
                    .collect();
                write!(f, "create edge {}", hosts.join(", "))
            }
            Action::DeleteObjects(refs) => {
                let names: Vec<String> = refs.iter().map(ToString::to_string).collect();
                write!(f, "delete {}", names.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_never_display_secrets() {
        let a = Action::CreatePullSecret(pull_secret::Login {
            server: "registry.redhat.io".into(),
            username: "u".into(),
            password: Secret::new("hunter2hunter2"),
        });
        assert!(!a.to_string().contains("hunter2"));
        assert!(!format!("{a:?}").contains("hunter2"));
        let c = Action::CreateObjects(CreateObjects {
            template: "amp/amp.yml".into(),
            param_file: Secret::new("ADMIN_PASSWORD=\"hunter2hunter2\""),
            param_names: vec!["ADMIN_PASSWORD".into()],
            objects: vec![ObjectRef::new("Secret", "v1", "system-seed")],
            all: false,
            rewrites: Vec::new(),
        });
        assert!(!format!("{c} {c:?}").contains("hunter2"));
        assert_eq!(
            c.to_string(),
            "create the 1 missing objects: secret/system-seed"
        );
    }
}
