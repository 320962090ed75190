//! The answers of the `gateway` commands, from flags, environment and the answers file (its
//! `gateway:` section and the shared keys), each with its source and checked at once: the gateway
//! (name, environment, hosts, loader and cache), where the install is, the access token (never a
//! flag value), the registry login, the templates, HTTPS to 3scale and how to wait.

use super::file::{GatewayFile, Loaded};
use super::gather::{
    self, file_source, http_of, innermost, load_file, mode, read_secret, readable_by_others,
    templates_of, was_given, Origins, Report, DEFAULT_POLL,
};
use super::{
    validate, Connection, Env, Given, Mode, Registry, SecretReader, Source, TemplatesSource, Ways,
    DEFAULT_PROJECT,
};
use crate::cli::{self, GatewayAddArgs, GlobalArgs, HttpArgs, PortalArgs};
use crate::failure::Outcome;
use crate::gateway::settings::{self, Environment, Loader};
use crate::secrets::{Secret, MIN_SECRET_LEN};
use clap::ArgMatches;
use std::time::Duration;

/// The environment variable that gives the gateway's access token.
pub const TOKEN_ENV: &str = "THREESCALE_ACCESS_TOKEN";
/// How long `gateway add` waits for the gateway by default: its rollout's own deadline.
pub const DEFAULT_GATEWAY_TIMEOUT: Duration = Duration::from_secs(600);

/// Where the 3scale install is whose admin portal the gateways read.
#[derive(Debug, Clone)]
pub struct Portal {
    pub project: Given<String>,
    /// How oc reaches the install's cluster: the gateway's connection, with the portal's
    /// kubeconfig and context when they were named.
    pub connection: Connection,
    /// A portal kubeconfig or context was named.
    pub named: bool,
}

/// What every `gateway` command needs.
#[derive(Debug, Clone)]
pub struct GatewayAnswers {
    pub mode: Mode,
    /// How oc reaches the gateway's cluster.
    pub connection: Connection,
    pub portal: Portal,
    /// The gateway's project when one was named (`--project`); otherwise `add` uses the
    /// gateway's name and the others look in every project.
    pub project: Option<Given<String>>,
    pub http: crate::http::Options,
    pub warnings: Vec<String>,
}

/// What `gateway add` needs besides.
#[derive(Debug, Clone)]
pub struct AddAnswers {
    pub common: GatewayAnswers,
    pub name: Option<Given<String>>,
    pub environment: Option<Given<Environment>>,
    pub hosts: Vec<Given<String>>,
    pub loader: Option<Given<Loader>>,
    pub cache: Option<Given<u32>>,
    /// A token given instead of one minted.
    pub access_token: Option<Given<Secret>>,
    pub registry: Registry,
    /// The templates named now (else those the install's record names, else the default).
    pub templates: Option<Given<TemplatesSource>>,
    pub refresh_templates: bool,
    /// `None`: do not wait (`--no-wait`).
    pub wait: Option<Duration>,
    pub poll_interval: Duration,
    /// List the products whose public base URL matches no host of the gateway.
    pub verify: bool,
    pub dry_run: bool,
}

/// What `gateway remove` needs besides.
#[derive(Debug, Clone)]
pub struct RemoveAnswers {
    pub common: GatewayAnswers,
    pub name: Given<String>,
    pub yes: bool,
    pub keep_token: bool,
    pub dry_run: bool,
}

/// The flag, environment variable and answers-file key of a value of `gateway add`.
pub fn ways(flag: &str, env: &str, key: &str) -> Ways {
    Ways {
        flag: flag.into(),
        env: env.into(),
        key: key.into(),
    }
}

pub fn name_ways() -> Ways {
    ways("--name", "THREESCALE_GATEWAY_NAME", "gateway.name")
}

pub fn host_ways() -> Ways {
    ways("--host", "THREESCALE_GATEWAY_HOSTS", "gateway.hosts")
}

/// Checks a gateway name whoever gave it (flag, file, the wizard).
pub fn check_name(name: &str) -> Result<(), String> {
    crate::names::check_service_name(name)?;
    // Its secret is NAME-portal-endpoint, its routes NAME-HOST...: names of at most 253.
    Ok(())
}

/// Checks one host whoever gave it.
pub fn check_host(host: &str) -> Result<(), String> {
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

fn section(loaded: Option<&Loaded>) -> Option<&GatewayFile> {
    loaded.and_then(|l| l.file.gateway.as_ref())
}

/// `gateway.KEY` of the answers file as a source.
fn key_source(loaded: Option<&Loaded>, key: &str) -> Source {
    file_source(loaded, &format!("gateway.{key}"))
}

fn portal(
    global: &GlobalArgs,
    args: Option<&PortalArgs>,
    connection: &Connection,
    origins: &Origins,
    loaded: Option<&Loaded>,
    report: &mut Report,
) -> Portal {
    let file = section(loaded);
    let default = PortalArgs::default();
    let args = args.unwrap_or(&default);
    let project = match (
        &args.tenant_project,
        file.and_then(|f| f.tenant_project.clone()),
    ) {
        (Some(p), _) => Given::new(
            p.clone(),
            origins.of(
                "tenant_project",
                "--tenant-project",
                "THREESCALE_TENANT_PROJECT",
            ),
        ),
        (None, Some(p)) => Given::new(p, key_source(loaded, "tenant_project")),
        (None, None) => Given::new(DEFAULT_PROJECT.to_string(), Source::Default),
    };
    if let Err(why) = validate::check_project(&project.value) {
        report.problems.push(format!(
            "tenant project '{}' (from {}) is invalid: {why}",
            project.value, project.source
        ));
    }
    let context = args
        .portal_context
        .clone()
        .or_else(|| file.and_then(|f| f.portal_context.clone()));
    let kubeconfig = args.portal_kubeconfig.clone().or_else(|| {
        loaded.and_then(|l| {
            l.file
                .gateway
                .as_ref()
                .and_then(|g| g.portal_kubeconfig.as_deref())
                .map(|p| l.path_of(p))
        })
    });
    if let Some(k) = kubeconfig.as_ref().filter(|k| !k.is_file()) {
        report.problems.push(format!(
            "the portal kubeconfig {} does not exist",
            k.display()
        ));
    }
    let _ = global;
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

/// The gateway's project when one was named: flag, environment, or the answers file's `project`.
fn named_project(
    global: &GlobalArgs,
    origins: &Origins,
    loaded: Option<&Loaded>,
    report: &mut Report,
) -> Option<Given<String>> {
    let project = match (&global.project, loaded.and_then(|l| l.file.project.clone())) {
        (Some(p), _) => Given::new(
            p.clone(),
            origins.of("project", "--project", "THREESCALE_PROJECT"),
        ),
        (None, Some(p)) => Given::new(p, file_source(loaded, "project")),
        (None, None) => return None,
    };
    if let Err(why) = validate::check_project(&project.value) {
        report.problems.push(format!(
            "project '{}' (from {}) is invalid: {why}",
            project.value, project.source
        ));
    }
    Some(project)
}

/// What every gateway command reads besides the global options.
struct Common<'a> {
    portal: Option<&'a PortalArgs>,
    http: &'a HttpArgs,
    never_ask: bool,
    poll: Duration,
}

fn common(
    global: &GlobalArgs,
    args: Common,
    matches: &ArgMatches,
    loaded: Option<&Loaded>,
    report: &mut Report,
) -> GatewayAnswers {
    let origins = Origins {
        matches: innermost(matches),
    };
    let connection = gather::connection(global, &origins, loaded, args.poll, report);
    let portal = portal(global, args.portal, &connection, &origins, loaded, report);
    let project = named_project(global, &origins, loaded, report);
    let http = http_of(args.http, loaded, report);
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
pub fn gateway_answers(
    global: &GlobalArgs,
    portal_args: Option<&PortalArgs>,
    http: &HttpArgs,
    never_ask: bool,
    matches: &ArgMatches,
) -> Outcome<GatewayAnswers> {
    let loaded = load_file(global)?;
    let loaded = loaded.as_ref();
    let mut report = Report::default();
    let mut answers = common(
        global,
        Common {
            portal: portal_args,
            http,
            never_ask,
            poll: DEFAULT_POLL,
        },
        matches,
        loaded,
        &mut report,
    );
    answers.warnings = report.finish()?;
    Ok(answers)
}

/// The answers of `gateway remove`.
pub fn gateway_remove_answers(
    global: &GlobalArgs,
    args: &cli::GatewayRemoveArgs,
    matches: &ArgMatches,
) -> Outcome<RemoveAnswers> {
    let common = gateway_answers(global, Some(&args.portal), &args.http, args.yes, matches)?;
    if let Err(why) = check_name(&args.name) {
        return Err(crate::failure::Failure::input(format!(
            "gateway name '{}' is invalid: {why}",
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
pub fn gateway_add_answers(
    global: &GlobalArgs,
    args: &GatewayAddArgs,
    matches: &ArgMatches,
    env: &Env,
    stdin: &mut dyn SecretReader,
) -> Outcome<AddAnswers> {
    let loaded = load_file(global)?;
    let loaded = loaded.as_ref();
    let f = loaded.map(|l| &l.file);
    let g = section(loaded);
    let origins = Origins {
        matches: innermost(matches),
    };
    let mut report = Report::default();
    let poll = args
        .wait
        .poll_interval
        .or_else(|| {
            f.and_then(|f| f.poll_interval.as_deref())
                .and_then(|t| gather::file_duration(t, "poll_interval", loaded, &mut report))
        })
        .unwrap_or(DEFAULT_POLL)
        .min(Duration::from_secs(2));
    let mut common = common(
        global,
        Common {
            portal: Some(&args.portal),
            http: &args.http,
            never_ask: args.yes,
            poll,
        },
        matches,
        loaded,
        &mut report,
    );

    // A value from its flag (or variable), else from the answers file's `gateway:` section.
    let given = |value: Option<String>,
                 id: &str,
                 flag: &str,
                 env: &str,
                 key: &str,
                 file: Option<String>| {
        match (value, file) {
            (Some(v), _) => Some(Given::new(v, origins.of(id, flag, env))),
            (None, Some(v)) => Some(Given::new(v, key_source(loaded, key))),
            (None, None) => None,
        }
    };
    let name = given(
        args.name.clone(),
        "name",
        "--name",
        "THREESCALE_GATEWAY_NAME",
        "name",
        g.and_then(|g| g.name.clone()),
    );
    if let Some(n) = &name {
        if let Err(why) = check_name(&n.value) {
            report.problems.push(format!(
                "gateway name '{}' (from {}) is invalid: {why}",
                n.value, n.source
            ));
        }
    }
    let environment = given(
        args.environment.clone(),
        "environment",
        "--environment",
        "THREESCALE_GATEWAY_ENVIRONMENT",
        "environment",
        g.and_then(|g| g.environment.clone()),
    )
    .and_then(|e| match Environment::parse(&e.value) {
        Some(v) => Some(Given::new(v, e.source)),
        None => {
            report.problems.push(format!(
                "environment '{}' (from {}) is neither staging nor production",
                e.value, e.source
            ));
            None
        }
    });
    let loader = given(
        args.configuration_loader.clone(),
        "configuration_loader",
        "--configuration-loader",
        "THREESCALE_GATEWAY_CONFIGURATION_LOADER",
        "configuration_loader",
        g.and_then(|g| g.configuration_loader.clone()),
    )
    .and_then(|l| match Loader::parse(&l.value) {
        Some(v) => Some(Given::new(v, l.source)),
        None => {
            report.problems.push(format!(
                "configuration loader '{}' (from {}) is neither boot nor lazy",
                l.value, l.source
            ));
            None
        }
    });
    let cache = match (
        args.configuration_cache,
        g.and_then(|g| g.configuration_cache),
    ) {
        (Some(c), _) => Some(Given::new(
            c,
            origins.of(
                "configuration_cache",
                "--configuration-cache",
                "THREESCALE_GATEWAY_CONFIGURATION_CACHE",
            ),
        )),
        (None, Some(c)) => Some(Given::new(c, key_source(loaded, "configuration_cache"))),
        (None, None) => None,
    };
    // The rules need both values: those given, with the environment's defaults for the other.
    if loader.is_some() || cache.is_some() {
        let env_value = environment
            .as_ref()
            .map(|e| e.value)
            .unwrap_or(Environment::Production);
        let l = loader
            .as_ref()
            .map(|l| l.value)
            .unwrap_or(env_value.default_loader());
        let c = cache
            .as_ref()
            .map(|c| c.value)
            .unwrap_or(env_value.default_cache());
        // A value left out on a re-run is the existing gateway's: the plan checks that pair.
        if environment.is_some() || (loader.is_some() && cache.is_some()) {
            if let Err(why) = settings::check(l, c) {
                let sources: Vec<String> = [
                    loader.as_ref().map(|l| l.source.to_string()),
                    cache.as_ref().map(|c| c.source.to_string()),
                ]
                .into_iter()
                .flatten()
                .collect();
                report
                    .problems
                    .push(format!("{why} (from {})", sources.join(" and ")));
            }
        }
    }

    let host_source = origins.of("hosts", "--host", "THREESCALE_GATEWAY_HOSTS");
    let host_texts: Vec<(String, Source)> = if args.hosts.is_empty() {
        g.and_then(|g| g.hosts.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|h| (h, key_source(loaded, "hosts")))
            .collect()
    } else {
        args.hosts
            .iter()
            .map(|h| (h.clone(), host_source.clone()))
            .collect()
    };
    let mut hosts: Vec<Given<String>> = Vec::new();
    for (text, source) in host_texts {
        let host = text.trim().to_string();
        if host.is_empty() {
            continue;
        }
        if let Err(why) = check_host(&host) {
            report
                .problems
                .push(format!("host '{host}' (from {source}) is invalid: {why}"));
        } else if hosts.iter().any(|h| h.value == host) {
            report.problems.push(format!(
                "host '{host}' (from {source}) is given twice: keep one"
            ));
        } else {
            hosts.push(Given::new(host, source));
        }
    }

    // The token: a file, standard input or the environment, never a flag value.
    let token_file_key = g
        .and_then(|g| g.access_token_file.as_deref())
        .and_then(|p| loaded.map(|l| (l.path_of(p), key_source(loaded, "access_token_file"))));
    let access_token = read_secret(
        "access token",
        args.access_token_stdin,
        args.access_token_file
            .as_deref()
            .map(|p| (p.to_path_buf(), Source::File(p.to_path_buf()))),
        env.get(TOKEN_ENV)
            .map(|v| (v.to_string(), Source::Env(TOKEN_ENV.into()))),
        token_file_key.clone(),
        stdin,
        &mut report,
    );
    if let Some(t) = &access_token {
        if let Err(why) = check_token(t.value.expose()) {
            report.problems.push(format!(
                "the access token (from {}) is not a 3scale access token: {why}",
                t.source
            ));
        }
    }

    // The registry login, as install reads it; left out, the install's pull secret gives it.
    let r = &args.registry;
    let registry = gather::registry_of(r, &origins, loaded, env, stdin, &mut report);
    let password_file_key = f
        .and_then(|f| f.registry_password_file.as_deref())
        .and_then(|p| loaded.map(|l| l.path_of(p)));
    for (what, path) in [
        (
            "access token file",
            args.access_token_file
                .clone()
                .or(token_file_key.map(|(p, _)| p)),
        ),
        (
            "registry password file",
            r.registry_password_file.clone().or(password_file_key),
        ),
    ] {
        if let Some(w) = path.as_deref().and_then(|p| readable_by_others(what, p)) {
            report.warnings.push(w);
        }
    }

    let templates = templates_of(&args.templates, &origins, loaded, &mut report);
    let timeout = args
        .wait
        .timeout
        .or_else(|| {
            f.and_then(|f| f.timeout.as_deref())
                .and_then(|t| gather::file_duration(t, "timeout", loaded, &mut report))
        })
        .unwrap_or(DEFAULT_GATEWAY_TIMEOUT);
    let no_wait = args.wait.no_wait
        || (!was_given(&origins, "no_wait") && f.and_then(|f| f.no_wait).unwrap_or(false));
    let no_verify = args.wait.no_verify
        || (!was_given(&origins, "no_verify") && f.and_then(|f| f.no_verify).unwrap_or(false));
    common.warnings = report.finish()?;
    Ok(AddAnswers {
        common,
        name,
        environment,
        hosts,
        loader,
        cache,
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
        let env = Env::from_pairs(&[(TOKEN_ENV, "bad token@here")]);
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
            err.contains(TOKEN_ENV) && !err.contains("token@here"),
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
        let env = Env::from_pairs(&[(TOKEN_ENV, token)]);
        let a = add(&["--name", "gw"], &env, None).unwrap();
        assert_eq!(
            a.access_token.unwrap().source,
            Source::Env(TOKEN_ENV.into())
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
