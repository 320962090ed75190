//! The 3scale templates: the repository checkout, the profiles it offers, the template model,
//! what each parameter is, values for generated ones, and how values reach oc.

pub mod api_versions;
pub mod generate;
pub mod kinds;
pub mod model;
pub mod param_file;
pub mod params;
pub mod profiles;
pub mod render;
pub mod repo;
