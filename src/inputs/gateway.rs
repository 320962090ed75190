//! The answers of the `gateway` commands, from flags, environment and the answers file (its
//! `gateway:` section and the shared keys), each with its source and checked at once: the gateway
//! (name, environment, hosts, loader and cache), where the install is, the access token (never a
//! flag value), the registry login, the templates, HTTPS to 3scale and how to wait.

use super::declared as d;
use super::install::registry;
use super::project::{self, connection, mode, named_project, poll_interval, DEFAULT_POLL};
use super::resolve::Resolver;
use super::secret::{SecretFlags, SecretReader};
use super::{
    validate, Connection, Env, Given, Mode, Registry, Source, TemplatesSource, Ways,
    DEFAULT_PROJECT,
};
use crate::cli::{self, GatewayAddArgs, GlobalArgs, HttpArgs, PortalArgs};
use crate::failure::Outcome;
use crate::gateway::settings::{self, Environment, Loader};
use crate::secrets::{Secret, MIN_SECRET_LEN};
use clap::ArgMatches;
use std::time::Duration;

/// How long `gateway add` waits for the gateway by default: its rollout's own deadline.
pub(crate) const DEFAULT_GATEWAY_TIMEOUT: Duration = Duration::from_secs(600);

/// Where the 3scale install is whose admin portal the gateways read.
#[derive(Debug, Clone)]
pub(crate) struct Portal {
    pub(crate) project: Given<String>,
    /// How oc reaches the install's cluster: the gateway's connection, with the portal's
    /// kubeconfig and context when they were named.
    pub(crate) connection: Connection,
    /// A portal kubeconfig or context was named.
    pub(crate) named: bool,
}

/// What every `gateway` command needs.
#[derive(Debug, Clone)]
pub(crate) struct GatewayAnswers {
    pub(crate) mode: Mode,
    /// How oc reaches the gateway's cluster.
    pub(crate) connection: Connection,
    pub(crate) portal: Portal,
    /// The gateway's project when one was named (`--project`); otherwise `add` uses the
    /// gateway's name and the others look in every project.
    pub(crate) project: Option<Given<String>>,
    pub(crate) http: crate::http::Options,
    pub(crate) warnings: Vec<String>,
}

/// What `gateway add` needs besides.
#[derive(Debug, Clone)]
pub(crate) struct AddAnswers {
    pub(crate) common: GatewayAnswers,
    pub(crate) name: Option<Given<String>>,
    pub(crate) environment: Option<Given<Environment>>,
    pub(crate) hosts: Vec<Given<String>>,
    pub(crate) loader: Option<Given<Loader>>,
    pub(crate) cache: Option<Given<u32>>,
    /// A token given instead of one minted.
    pub(crate) access_token: Option<Given<Secret>>,
    pub(crate) registry: Registry,
    /// The templates named now (else those the install's record names, else the default).
    pub(crate) templates: Option<Given<TemplatesSource>>,
    pub(crate) refresh_templates: bool,
    /// `None`: do not wait (`--no-wait`).
    pub(crate) wait: Option<Duration>,
    pub(crate) poll_interval: Duration,
    /// List the products whose public base URL matches no host of the gateway.
    pub(crate) verify: bool,
    pub(crate) dry_run: bool,
}

/// What `gateway remove` needs besides.
#[derive(Debug, Clone)]
pub(crate) struct RemoveAnswers {
    pub(crate) common: GatewayAnswers,
    pub(crate) name: Given<String>,
    pub(crate) yes: bool,
    pub(crate) keep_token: bool,
    pub(crate) dry_run: bool,
}

pub(crate) fn name_ways() -> Ways {
    d::GATEWAY_NAME.ways()
}

pub(crate) fn host_ways() -> Ways {
    d::HOSTS.ways()
}

/// Checks a gateway name whoever gave it (flag, file, the wizard).
pub(crate) fn check_name(name: &str) -> Result<(), String> {
    crate::names::check_service_name(name)?;
    // Its secret is NAME-portal-endpoint, its routes NAME-HOST...: names of at most 253.
    Ok(())
}

/// Checks one host whoever gave it.
pub(crate) fn check_host(host: &str) -> Result<(), String> {
    crate::names::check_host(host)
}

/// Checks a token: it goes inside a URL (`https://TOKEN@HOST`) and must be masked everywhere.
fn check_token(token: &str) -> Result<(), String> {
    if token.chars().count() < MIN_SECRET_LEN {
        return Err(format!(
            "it has {} characters: a 3scale access token has 64",
            token.chars().count()
        ));
    }
    if let Some(c) = token
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "-._~".contains(*c)))
    {
        let shown = if c.is_whitespace() {
            "a space or line break".to_string()
        } else {
            format!("'{c}'")
        };
        return Err(format!(
            "it holds {shown}, which a 3scale access token never does (letters, digits, '-', '.', '_', '~')"
        ));
    }
    Ok(())
}

/// Where the install is: its project, and the cluster when a portal kubeconfig or context is
/// named (else the gateway's).
fn portal(r: &mut Resolver, args: &PortalArgs, connection: &Connection) -> Portal {
    let project = r
        .text(&d::TENANT_PROJECT, &args.tenant_project)
        .unwrap_or_else(|| Given::defaulted(DEFAULT_PROJECT.to_string()));
    r.check(&d::TENANT_PROJECT, Some(&project), validate::check_project);
    let context = r
        .text(&d::PORTAL_CONTEXT, &args.portal_context)
        .map(|g| g.value);
    let kubeconfig = r
        .path(&d::PORTAL_KUBECONFIG, &args.portal_kubeconfig)
        .map(|g| g.value);
    if let Some(k) = kubeconfig.as_ref().filter(|k| !k.is_file()) {
        r.problem(format!(
            "the {} {} does not exist",
            d::PORTAL_KUBECONFIG.label,
            k.display()
        ));
    }
    let named = context.is_some() || kubeconfig.is_some();
    Portal {
        project,
        connection: Connection {
            kubeconfig: kubeconfig.or_else(|| connection.kubeconfig.clone()),
            context: context.or_else(|| connection.context.clone()),
            ..connection.clone()
        },
        named,
    }
}

/// What every gateway command reads besides the global options.
struct Common<'a> {
    portal: Option<&'a PortalArgs>,
    http: &'a HttpArgs,
    never_ask: bool,
    poll: Duration,
}

fn common(r: &mut Resolver, global: &GlobalArgs, args: Common) -> GatewayAnswers {
    let connection = connection(r, global, args.poll);
    let portal = portal(
        r,
        args.portal.unwrap_or(&PortalArgs::default()),
        &connection,
    );
    let project = named_project(r, global);
    let http = project::http(r, args.http);
    GatewayAnswers {
        mode: mode(global, args.never_ask, false),
        connection,
        portal,
        project,
        http,
        warnings: Vec::new(),
    }
}

/// The answers of `gateway list`, `status` and (with its own) `remove`.
pub(crate) fn gateway_answers(
    global: &GlobalArgs,
    portal_args: Option<&PortalArgs>,
    http: &HttpArgs,
    never_ask: bool,
    matches: &ArgMatches,
) -> Outcome<GatewayAnswers> {
    // These commands read no secret, hence no variable of their own.
    let env = Env::default();
    let mut r = Resolver::new(global, matches, &env)?;
    let args = Common {
        portal: portal_args,
        http,
        never_ask,
        poll: DEFAULT_POLL,
    };
    let mut answers = common(&mut r, global, args);
    answers.warnings = r.finish()?;
    Ok(answers)
}

/// The answers of `gateway remove`.
pub(crate) fn gateway_remove_answers(
    global: &GlobalArgs,
    args: &cli::GatewayRemoveArgs,
    matches: &ArgMatches,
) -> Outcome<RemoveAnswers> {
    let common = gateway_answers(global, Some(&args.portal), &args.http, args.yes, matches)?;
    if let Err(why) = check_name(&args.name) {
        return Err(crate::failure::Failure::input(format!(
            "{} '{}' is invalid: {why}",
            d::GATEWAY_NAME.label,
            args.name
        )));
    }
    Ok(RemoveAnswers {
        common,
        name: Given::new(args.name.clone(), Source::Flag("NAME".into())),
        yes: args.yes,
        keep_token: args.keep_token,
        dry_run: args.dry_run,
    })
}

/// The answers of `gateway add`.
pub(crate) fn gateway_add_answers(
    global: &GlobalArgs,
    args: &GatewayAddArgs,
    matches: &ArgMatches,
    env: &Env,
    stdin: &mut dyn SecretReader,
) -> Outcome<AddAnswers> {
    let mut r = Resolver::new(global, matches, env)?;
    let poll = poll_interval(&mut r, args.wait.poll_interval);
    let common_args = Common {
        portal: Some(&args.portal),
        http: &args.http,
        never_ask: args.yes,
        poll,
    };
    let mut common = common(&mut r, global, common_args);
    let gateway = gateway(&mut r, args);
    let hosts = hosts(&mut r, &args.hosts);
    let access_token = access_token(&mut r, args, stdin);
    // The registry login, as install reads it; left out, the install's pull secret gives it.
    let registry = registry(&mut r, &args.registry, stdin);
    let templates = project::templates(&mut r, &args.templates);
    let no_wait = r.switch(&d::NO_WAIT, args.wait.no_wait);
    let no_verify = r.switch(&d::NO_VERIFY, args.wait.no_verify);
    let timeout = r
        .deadline(&d::TIMEOUT, args.wait.timeout, project::WAIT_HINT)
        .unwrap_or(DEFAULT_GATEWAY_TIMEOUT);
    common.warnings = r.finish()?;
    Ok(AddAnswers {
        common,
        name: gateway.name,
        environment: gateway.environment,
        hosts,
        loader: gateway.loader,
        cache: gateway.cache,
        access_token,
        registry,
        templates: (templates.source != Source::Default).then_some(templates),
        refresh_templates: args.templates.refresh_templates,
        wait: (!no_wait).then_some(timeout),
        poll_interval: poll,
        verify: !no_verify,
        dry_run: args.dry_run,
    })
}

/// The gateway's own settings.
struct Settings {
    name: Option<Given<String>>,
    environment: Option<Given<Environment>>,
    loader: Option<Given<Loader>>,
    cache: Option<Given<u32>>,
}

fn gateway(r: &mut Resolver, args: &GatewayAddArgs) -> Settings {
    let name = r.text(&d::GATEWAY_NAME, &args.name);
    r.check(&d::GATEWAY_NAME, name.as_ref(), check_name);
    let environment = r.text(&d::ENVIRONMENT, &args.environment).and_then(|e| {
        match Environment::parse(&e.value) {
            Some(v) => Some(Given::new(v, e.source)),
            None => {
                r.problem(format!(
                    "{} '{}' (from {}) is neither staging nor production",
                    d::ENVIRONMENT.label,
                    e.value,
                    e.source
                ));
                None
            }
        }
    });
    let loader = r
        .text(&d::CONFIGURATION_LOADER, &args.configuration_loader)
        .and_then(|l| match Loader::parse(&l.value) {
            Some(v) => Some(Given::new(v, l.source)),
            None => {
                r.problem(format!(
                    "{} '{}' (from {}) is neither boot nor lazy",
                    d::CONFIGURATION_LOADER.label,
                    l.value,
                    l.source
                ));
                None
            }
        });
    let cache = r.value(&d::CONFIGURATION_CACHE, args.configuration_cache);
    let settings = Settings {
        name,
        environment,
        loader,
        cache,
    };
    check_settings(r, &settings);
    settings
}

/// The rules need both the loader and the cache: those given, with the environment's defaults
/// for the other.
fn check_settings(r: &mut Resolver, s: &Settings) {
    let (loader, cache) = (s.loader.as_ref(), s.cache.as_ref());
    if loader.is_none() && cache.is_none() {
        return;
    }
    // A value left out on a re-run is the existing gateway's: the plan checks that pair.
    if s.environment.is_none() && (loader.is_none() || cache.is_none()) {
        return;
    }
    let env = s
        .environment
        .as_ref()
        .map_or(Environment::Production, |e| e.value);
    let l = loader.map_or(env.default_loader(), |l| l.value);
    let c = cache.map_or(env.default_cache(), |c| c.value);
    if let Err(why) = settings::check(l, c) {
        let sources: Vec<String> = [
            loader.map(|l| l.source.to_string()),
            cache.map(|c| c.source.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        r.problem(format!("{why} (from {})", sources.join(" and ")));
    }
}

/// The gateway's public hosts, each checked once.
fn hosts(r: &mut Resolver, flag: &[String]) -> Vec<Given<String>> {
    let Some(given) = r.list(&d::HOSTS, flag) else {
        return Vec::new();
    };
    let mut hosts: Vec<Given<String>> = Vec::new();
    for host in given.value {
        let source = &given.source;
        if let Err(why) = check_host(&host) {
            r.problem(format!(
                "{} '{host}' (from {source}) is invalid: {why}",
                d::HOSTS.label
            ));
        } else if hosts.iter().any(|h| h.value == host) {
            r.problem(format!(
                "{} '{host}' (from {source}) is given twice: keep one",
                d::HOSTS.label
            ));
        } else {
            hosts.push(Given::new(host, source.clone()));
        }
    }
    hosts
}

/// A token given instead of one minted: a file, standard input or the environment, never a flag
/// value.
fn access_token(
    r: &mut Resolver,
    args: &GatewayAddArgs,
    stdin: &mut dyn SecretReader,
) -> Option<Given<Secret>> {
    let flags = SecretFlags {
        stdin: args.access_token_stdin,
        file: args.access_token_file.as_deref(),
    };
    let token = r.secret(&d::ACCESS_TOKEN, flags, stdin)?;
    if let Err(why) = check_token(token.value.expose()) {
        r.problem(format!(
            "the {} (from {}) is not a 3scale access token: {why}",
            d::ACCESS_TOKEN.label,
            token.source
        ));
    }
    Some(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    struct Stdin(Option<&'static str>);
    impl SecretReader for Stdin {
        fn read_secret(&mut self, _: &str) -> Result<String, String> {
            self.0.map(str::to_string).ok_or_else(|| "no stdin".into())
        }
    }

    fn add(args: &[&str], env: &Env, stdin: Option<&'static str>) -> Outcome<AddAnswers> {
        let mut argv = vec!["threescale-install", "gateway", "add"];
        argv.extend_from_slice(args);
        let matches = cli::Cli::command().try_get_matches_from(argv).unwrap();
        let cli = cli::Cli::from_arg_matches(&matches).unwrap();
        let Some(cli::Command::Gateway(cli::Gateway::Add(a))) = &cli.command else {
            panic!("not gateway add")
        };
        gateway_add_answers(&cli.global, a, &matches, env, &mut Stdin(stdin))
    }

    #[test]
    fn values_keep_their_sources_and_defaults_invent_nothing() {
        let a = add(
            &[
                "--name",
                "apicast-eu",
                "--host",
                "api.eu.example.com,api2.eu.example.com",
            ],
            &Env::default(),
            None,
        )
        .unwrap();
        assert_eq!(
            a.name.as_ref().unwrap().source,
            Source::Flag("--name".into())
        );
        assert_eq!(a.hosts.len(), 2);
        assert!(a.environment.is_none() && a.loader.is_none() && a.cache.is_none());
        assert!(a.access_token.is_none() && a.common.project.is_none());
        assert_eq!(a.common.portal.project.value, DEFAULT_PROJECT);
        assert_eq!(a.wait, Some(DEFAULT_GATEWAY_TIMEOUT));
    }

    #[test]
    fn every_problem_is_reported_at_once_without_the_token() {
        let env = Env::from_pairs(&[(d::ACCESS_TOKEN.env, "bad token@here")]);
        let err = add(
            &[
                "--name",
                "1gw",
                "--host",
                "https://api.x",
                "--host",
                "b.x,b.x",
                "--configuration-cache",
                "30",
                "--environment",
                "staging",
            ],
            &env,
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("5 problem(s)"), "{err}");
        assert!(
            err.contains("'1gw' (from --name)") && err.contains("scheme"),
            "{err}"
        );
        assert!(
            err.contains("given twice") && err.contains("more than 60"),
            "{err}"
        );
        assert!(
            err.contains(d::ACCESS_TOKEN.env) && !err.contains("token@here"),
            "{err}"
        );
    }

    #[test]
    fn boot_without_cache_is_refused_naming_both_sources() {
        let err = add(
            &[
                "--name",
                "gw",
                "--configuration-loader",
                "boot",
                "--configuration-cache",
                "0",
            ],
            &Env::default(),
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("--configuration-loader and --configuration-cache"),
            "{err}"
        );
    }

    #[test]
    fn the_token_comes_from_stdin_a_file_or_the_environment() {
        let token = "0123456789abcdef0123456789abcdef";
        let a = add(
            &["--name", "gw", "--access-token-stdin"],
            &Env::default(),
            Some("0123456789abcdef0123456789abcdef\n"),
        )
        .unwrap();
        let t = a.access_token.unwrap();
        assert_eq!((t.value.expose(), t.source), (token, Source::Stdin));
        let env = Env::from_pairs(&[(d::ACCESS_TOKEN.env, token)]);
        let a = add(&["--name", "gw"], &env, None).unwrap();
        assert_eq!(
            a.access_token.unwrap().source,
            Source::Env(d::ACCESS_TOKEN.env.into())
        );
    }

    #[test]
    fn the_answers_file_gives_the_gateway_section() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(
            &path,
            "project: gw-project\ngateway:\n  name: gw\n  environment: staging\n  hosts: [a.example.com]\n  tenant_project: tenant-x\n  access_token_file: tok\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("tok"), "0123456789abcdef\n").unwrap();
        let a = add(&["--config", path.to_str().unwrap()], &Env::default(), None).unwrap();
        assert_eq!(a.name.unwrap().value, "gw");
        assert_eq!(a.environment.unwrap().value, Environment::Staging);
        assert_eq!(a.common.project.unwrap().value, "gw-project");
        assert_eq!(a.common.portal.project.value, "tenant-x");
        let h = &a.hosts[0];
        assert!(
            matches!(&h.source, Source::AnswersFile(_, k) if k == "gateway.hosts"),
            "{:?}",
            h.source
        );
        assert_eq!(a.access_token.unwrap().value.expose(), "0123456789abcdef");
    }
}
