//! The environment variables read directly: the secrets (never clap flags) and the template
//! parameters' own variables. clap reads the flags' variables itself.

use super::declared;
use super::PARAM_ENV_PREFIX;
use std::collections::BTreeMap;

#[derive(Debug, Default, Clone)]
pub(crate) struct Env {
    vars: BTreeMap<String, String>,
}

impl Env {
    pub(crate) fn from_process() -> Env {
        Env {
            vars: std::env::vars().filter(|(_, v)| !v.is_empty()).collect(),
        }
    }

    #[cfg(test)]
    pub(crate) fn from_pairs(pairs: &[(&str, &str)]) -> Env {
        Env {
            vars: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    /// `THREESCALE_PARAM_<NAME>` variables as (name, value, variable), by name (not
    /// `THREESCALE_PARAMS` and `THREESCALE_PARAM_FILES`, which are flags' variables).
    pub(crate) fn params(&self) -> Vec<(String, String, String)> {
        let flags = [declared::PARAMS.env, declared::PARAM_FILES.env];
        self.vars
            .iter()
            .filter(|(k, _)| !flags.contains(&k.as_str()))
            .filter_map(|(k, v)| {
                let name = k.strip_prefix(PARAM_ENV_PREFIX)?;
                (!name.is_empty()).then(|| (name.to_string(), v.clone(), k.clone()))
            })
            .collect()
    }
}
