//! What a gateway is asked to serve and how it keeps its configuration: the environment, and
//! APIcast's loader and cache, with the defaults of the install's own gateways (staging: lazy,
//! no cache; production: boot, 300 s — what `amp.yml` gives apicast-staging and
//! apicast-production, where the gateway template's own defaults are wrong for staging).

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Environment {
    Staging,
    Production,
}

impl Environment {
    pub(crate) fn parse(text: &str) -> Option<Environment> {
        match text {
            "staging" => Some(Environment::Staging),
            "production" => Some(Environment::Production),
            _ => None,
        }
    }

    /// `DEPLOYMENT_ENVIRONMENT` of the template, `THREESCALE_DEPLOYMENT_ENV` of the pod.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Environment::Staging => "staging",
            Environment::Production => "production",
        }
    }

    pub(crate) fn default_loader(self) -> Loader {
        match self {
            Environment::Staging => Loader::Lazy,
            Environment::Production => Loader::Boot,
        }
    }

    pub(crate) fn default_cache(self) -> u32 {
        match self {
            Environment::Staging => 0,
            Environment::Production => 300,
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `APICAST_CONFIGURATION_LOADER`: when the gateway loads its configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Loader {
    /// Once, when the gateway starts (then again when the cache expires).
    Boot,
    /// On the requests that find none cached.
    Lazy,
}

impl Loader {
    pub(crate) fn parse(text: &str) -> Option<Loader> {
        match text {
            "boot" => Some(Loader::Boot),
            "lazy" => Some(Loader::Lazy),
            _ => None,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Loader::Boot => "boot",
            Loader::Lazy => "lazy",
        }
    }
}

impl fmt::Display for Loader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The shortest cache APIcast takes besides 0 is longer than this (the template's
/// `CONFIGURATION_CACHE`: "Can be left empty, 0 or greater than 60").
pub(crate) const MIN_CACHE: u32 = 60;

/// APIcast's rules for the cache: 0 or more than 60 seconds, and 0 is not compatible with
/// `boot` (a configuration loaded once at start would never be loaded again).
pub(crate) fn check(loader: Loader, cache: u32) -> Result<(), String> {
    if cache != 0 && cache <= MIN_CACHE {
        return Err(format!(
            "a configuration cache of {cache} seconds: APIcast takes 0 (no cache) or more than {MIN_CACHE} seconds"
        ));
    }
    if loader == Loader::Boot && cache == 0 {
        return Err(
            "loader boot with a configuration cache of 0: boot needs a cache of more than 60 seconds (production's default is 300), or use --configuration-loader lazy"
                .into(),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_installs_own_gateways_and_pass_the_rules() {
        for env in [Environment::Staging, Environment::Production] {
            assert!(check(env.default_loader(), env.default_cache()).is_ok());
        }
        assert_eq!(
            (
                Environment::Staging.default_loader(),
                Environment::Staging.default_cache()
            ),
            (Loader::Lazy, 0)
        );
        assert_eq!(
            (
                Environment::Production.default_loader(),
                Environment::Production.default_cache()
            ),
            (Loader::Boot, 300)
        );
    }

    #[test]
    fn caches_apicast_refuses_are_refused_with_the_reason() {
        assert!(check(Loader::Lazy, 60)
            .unwrap_err()
            .contains("more than 60"));
        assert!(check(Loader::Lazy, 1).is_err());
        assert!(check(Loader::Lazy, 61).is_ok());
        assert!(check(Loader::Boot, 0).unwrap_err().contains("lazy"));
        assert!(check(Loader::Lazy, 0).is_ok());
    }
}
