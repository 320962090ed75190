//! The answers of the monitoring subcommands: the project, where the dashboard files go, and
//! (status) the monitoring API's address and how to reach it over HTTPS.

use super::declared as d;
use super::project::{connection, http, mode, project, DEFAULT_POLL};
use super::resolve::Resolver;
use super::{Connection, Env, Given, Mode};
use crate::cli::{GlobalArgs, HttpArgs, MonitoringArgs};
use crate::failure::Outcome;
use clap::ArgMatches;
use std::path::PathBuf;

/// The monitoring API's address: `https://HOST[:PORT][/PATH]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiUrl {
    /// `host[:port]`.
    pub(crate) host: String,
    /// The path the API's paths go under, without a final `/` (`""` for none).
    pub(crate) prefix: String,
}

impl ApiUrl {
    /// Reads an address; only https (the token goes with every request), no credentials, query
    /// or fragment in it.
    pub(crate) fn parse(text: &str) -> Result<ApiUrl, String> {
        let rest = text.strip_prefix("https://").ok_or_else(|| {
            "not an https:// URL: the token goes with every request, so only https".to_string()
        })?;
        if rest.contains(['@', '?', '#', ' ']) {
            return Err("it may hold no credentials, query or fragment".into());
        }
        let (host, path) = match rest.split_once('/') {
            Some((h, p)) => (h, format!("/{}", p.trim_end_matches('/'))),
            None => (rest, String::new()),
        };
        if host.is_empty() {
            return Err("it names no host".into());
        }
        Ok(ApiUrl {
            host: host.to_string(),
            prefix: if path == "/" { String::new() } else { path },
        })
    }
}

impl std::fmt::Display for ApiUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "https://{}{}", self.host, self.prefix)
    }
}

/// What a monitoring subcommand works with.
pub(crate) struct MonitoringAnswers {
    pub(crate) mode: Mode,
    pub(crate) connection: Connection,
    pub(crate) project: Given<String>,
    /// `--dashboards-dir`, when given.
    pub(crate) dashboards_dir: Option<PathBuf>,
    pub(crate) url: Option<Given<ApiUrl>>,
    pub(crate) http: crate::http::Options,
    pub(crate) yes: bool,
    pub(crate) dry_run: bool,
    pub(crate) warnings: Vec<String>,
}

/// How a monitoring subcommand was called.
pub(crate) struct MonitoringInputs<'a> {
    pub(crate) common: &'a MonitoringArgs,
    pub(crate) url: Option<&'a Option<String>>,
    pub(crate) http: Option<&'a HttpArgs>,
    pub(crate) yes: bool,
    pub(crate) dry_run: bool,
}

pub(crate) fn monitoring_answers(
    global: &GlobalArgs,
    inputs: MonitoringInputs,
    matches: &ArgMatches,
) -> Outcome<MonitoringAnswers> {
    // No secret is read from the environment: the token comes from oc.
    let env = Env::default();
    let mut r = Resolver::new(global, matches, &env)?;
    let connection = connection(&mut r, global, DEFAULT_POLL);
    let project = project(&mut r, global);
    let dashboards_dir = r
        .path(&d::DASHBOARDS_DIR, &inputs.common.dashboards_dir)
        .map(|g| g.value);
    let url = inputs
        .url
        .and_then(|u| r.text(&d::MONITORING_URL, u))
        .and_then(|g| match ApiUrl::parse(&g.value) {
            Ok(url) => Some(Given::new(url, g.source)),
            Err(why) => {
                r.problem(format!(
                    "{} '{}' (from {}) is invalid: {why}",
                    d::MONITORING_URL.label,
                    g.value,
                    g.source
                ));
                None
            }
        });
    let http = http(&mut r, inputs.http.unwrap_or(&HttpArgs::default()));
    let answers = MonitoringAnswers {
        mode: mode(global, inputs.yes, false),
        connection,
        project,
        dashboards_dir,
        url,
        http,
        yes: inputs.yes,
        dry_run: inputs.dry_run,
        warnings: Vec::new(),
    };
    let warnings = r.finish()?;
    Ok(MonitoringAnswers {
        warnings,
        ..answers
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_urls_are_https_without_credentials() {
        assert_eq!(
            ApiUrl::parse("https://thanos-querier-openshift-monitoring.apps.x/").unwrap(),
            ApiUrl {
                host: "thanos-querier-openshift-monitoring.apps.x".into(),
                prefix: String::new()
            }
        );
        let u = ApiUrl::parse("https://127.0.0.1:9092/prefix/").unwrap();
        assert_eq!(
            (u.host.as_str(), u.prefix.as_str()),
            ("127.0.0.1:9092", "/prefix")
        );
        assert_eq!(u.to_string(), "https://127.0.0.1:9092/prefix");
        for bad in [
            "http://thanos:9091",
            "https://user:pw@thanos",
            "https://thanos/api?x=1",
            "https:///api",
        ] {
            assert!(ApiUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
