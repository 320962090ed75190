//! Inputs: every value a command needs, gathered once from flags, environment, the answers file
//! and an earlier run's record (then the wizard, for what is still open), each with where it came
//! from, and checked in one pass whoever supplied it. Nothing downstream sees clap types.
//!
//! Every value is declared once (`declared`: flag, variable, answers-file key, label, secret);
//! one precedence rule (`source`: flag > environment > answers file > record > cluster >
//! default) decides between the places, through one resolver (`resolve`); each command has its
//! resolver (`install`, `project`, `gateway`, `tenant`).

mod answers;
pub(crate) mod declared;
mod env;
mod field;
mod file;
pub(crate) mod gateway;
mod gather;
mod install;
pub(crate) mod local;
pub(crate) mod migrate;
mod missing;
pub(crate) mod monitoring;
mod params;
pub(crate) mod portal;
mod project;
mod resolve;
mod secret;
mod source;
pub(crate) mod sso;
pub(crate) mod tenant;
pub(crate) mod users;
mod validate;

pub(crate) use answers::{
    Answers, Checks, Connection, Mode, ParamInput, ProjectAnswers, Registry, TemplatesSource,
};
pub(crate) use env::Env;
pub(crate) use field::{Field, Ways};
pub(crate) use gateway::{gateway_add_answers, gateway_answers, gateway_remove_answers};
pub(crate) use gather::{gather_answers, GatherAnswers};
pub(crate) use install::install_answers;
pub(crate) use missing::Missing;
pub(crate) use project::{project_answers, ProjectInputs};
pub(crate) use secret::SecretReader;
pub(crate) use source::{Given, Source};
pub(crate) use validate::{
    check_against, check_domain, check_param_value, check_project, check_registry_server,
    is_param_name,
};

pub(crate) const DEFAULT_PROJECT: &str = "3scale-apim";
pub(crate) const DEFAULT_DISPLAY_NAME: &str = "3Scale API Management";
pub(crate) const DEFAULT_REGISTRY: &str = "registry.redhat.io";
pub(crate) const DEFAULT_PROFILE: &str = "amp";
pub(crate) const PASSWORD_ENV: &str = declared::REGISTRY_PASSWORD.env;
pub(crate) const AWS_SECRET_ENV: &str = declared::AWS_SECRET_ACCESS_KEY.env;
pub(crate) const AWS_KEY_ID_ENV: &str = "AWS_ACCESS_KEY_ID";
/// `THREESCALE_PARAM_<NAME>`: a template parameter from the environment (secrets included).
pub(crate) const PARAM_ENV_PREFIX: &str = "THREESCALE_PARAM_";
