//! A fake Red Hat 3scale 2.8 (porta) for threescale-install's tests: an HTTPS server on
//! loopback with a throw-away CA, routing by Host header to the master portal, each tenant's
//! admin portal and developer portal, answering the Account Management and Master APIs with
//! porta's bodies, errors and authentication rules; and a CONNECT proxy that tunnels any
//! portal host to it, so a client with `HTTPS_PROXY` and `--ca-file` reaches every host by name.
//!
//! ```no_run
//! use fake_3scale::{Config, Fault, Proxy, Server, When};
//! let server = Server::start(Config::new("apps.example.com"));
//! let proxy = Proxy::start(server.port());
//! // run the client with HTTPS_PROXY=proxy.url() and --ca-file server.ca_pem_path()
//! server.set_fault(When::path("/admin/api/services.json"), Fault::ServerError);
//! assert!(server.requests_with_credentials_in_url().is_empty());
//! ```
//!
//! Behaviours follow porta's sources at tag `3scale-2.8.0-GA`; `README.md` beside this crate's
//! `Cargo.toml` says which file each comes from.

mod api;
mod auth;
mod config;
mod faults;
mod http;
mod keycloak;
mod model;
mod params;
mod proxy;
mod record;
mod render;
mod server;
mod sso;
mod time;
pub mod tls;
mod users;

pub use config::{Config, DeploymentOption, DeveloperPortal, Environment, Product};
pub use faults::{Fault, FaultId, Gate, When};
pub use http::Response;
pub use keycloak::{
    AdminLogin, IssuedToken, KcClient, KcUser, Keycloak, KeycloakConfig, KeycloakState,
    KeycloakVersion, Realm,
};
pub use model::{
    AccessToken, Account, AccountKind, AccountState, Permission, ProxyConfig, ProxySettings, Role,
    Service, Site, State, User, UserState, IMPERSONATION_ADMIN, SCOPES, SECTIONS,
};
pub use params::percent_encode;
pub use proxy::{Proxy, ProxyRequest};
pub use record::{Handshake, RecordedRequest};
pub use server::{Hosts, Server};
pub use sso::AuthProvider;
