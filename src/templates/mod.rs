//! The 3scale templates: the repository checkout, the profiles it offers, the template model,
//! what each parameter is, values for generated ones, and how values reach oc.

pub(crate) mod api_versions;
pub(crate) mod audit;
pub(crate) mod fields;
pub(crate) mod generate;
pub(crate) mod kinds;
pub(crate) mod model;
pub(crate) mod official;
pub(crate) mod param_file;
pub(crate) mod params;
pub(crate) mod profiles;
pub(crate) mod release;
pub(crate) mod releases;
pub(crate) mod render;
pub mod repo;
pub(crate) mod values;
