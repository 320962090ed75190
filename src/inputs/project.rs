//! The values every command shares: how to reach the cluster, how to behave, the project, the
//! templates and HTTPS to 3scale; and the answers of the commands on an installed project.

use super::declared::{self as d, Decl};
use super::local::{check_output, Output};
use super::resolve::Resolver;
use super::source::{highest, Level};
use super::{
    validate, Connection, Env, Given, Mode, ProjectAnswers, Source, TemplatesSource,
    DEFAULT_PROJECT,
};
use crate::cli::{self, Format, GlobalArgs, HttpArgs, TemplateArgs};
use crate::failure::Outcome;
use crate::oc::Timing;
use clap::ArgMatches;
use std::path::PathBuf;
use std::time::Duration;

const DEFAULT_OC_TIMEOUT: Duration = Duration::from_secs(600);
pub(super) const DEFAULT_POLL: Duration = Duration::from_secs(1);
/// The longest time between two looks at the cluster.
const MAX_POLL: Duration = Duration::from_secs(2);

/// How oc is run: which, with which kubeconfig and context, its deadline and retry pace.
pub(super) fn connection(r: &mut Resolver, global: &GlobalArgs, poll: Duration) -> Connection {
    let oc_timeout = r.deadline(
        &d::OC_TIMEOUT,
        global.oc_timeout,
        "give how long one oc call may take, e.g. 10m (the default when left out)",
    );
    Connection {
        oc: r.path(&d::OC, &global.oc).map(|g| g.value),
        kubeconfig: r.path(&d::KUBECONFIG, &global.kubeconfig).map(|g| g.value),
        context: r.text(&d::CONTEXT, &global.context).map(|g| g.value),
        timing: Timing {
            call_deadline: oc_timeout.unwrap_or(DEFAULT_OC_TIMEOUT),
            retry_backoff: poll / 4,
        },
        log_file: output(r, &d::LOG_FILE, &global.log_file, &TRANSCRIPT),
    }
}

const TRANSCRIPT: Output = Output {
    noun: "transcript",
    ours: crate::transcript::is_ours,
};

const CREDENTIALS: Output = Output {
    noun: "credentials file",
    ours: crate::install::credentials::is_ours,
};

/// A file the run writes, when one is named: checked before anything changes.
fn output(r: &mut Resolver, d: &Decl, flag: &Option<PathBuf>, o: &Output) -> Option<PathBuf> {
    let given = r.path(d, flag)?;
    if let Err(why) = check_output(&given.value, o) {
        r.problem(format!(
            "the {} {} (from {}) cannot be written: {why}",
            o.noun,
            given.value.display(),
            given.source
        ));
    }
    Some(given.value)
}

/// The credentials file, when one is named: checked before anything changes.
pub(super) fn credentials_file(r: &mut Resolver, flag: &Option<PathBuf>) -> Option<PathBuf> {
    output(r, &d::CREDENTIALS_FILE, flag, &CREDENTIALS)
}

/// What a zero `--timeout` is told.
pub(super) const WAIT_HINT: &str =
    "give how long to wait, e.g. 30m, or --no-wait not to wait at all";

/// The time between two looks at the cluster while waiting.
pub(super) fn poll_interval(r: &mut Resolver, flag: Option<Duration>) -> Duration {
    r.duration(&d::POLL_INTERVAL, flag)
        .unwrap_or(DEFAULT_POLL)
        .min(MAX_POLL)
}

pub(super) fn mode(global: &GlobalArgs, never_ask: bool, show_secrets: bool) -> Mode {
    Mode {
        never_ask: never_ask || global.no_input,
        verbose: global.verbose,
        quiet: global.quiet,
        format: global.output.unwrap_or(Format::Text),
        show_secrets,
    }
}

/// The project when one was named, checked.
pub(super) fn named_project(r: &mut Resolver, global: &GlobalArgs) -> Option<Given<String>> {
    let project = r.text(&d::PROJECT, &global.project);
    r.check(&d::PROJECT, project.as_ref(), validate::check_project);
    project
}

/// The project: the one named, else the default.
pub(super) fn project(r: &mut Resolver, global: &GlobalArgs) -> Given<String> {
    named_project(r, global).unwrap_or_else(|| Given::defaulted(DEFAULT_PROJECT.to_string()))
}

/// A repository written as a path is a local one (a URL is kept as it is).
fn is_local_repo(repo: &str) -> bool {
    !repo.contains("://") && !repo.contains('@')
}

/// Where the templates come from: a directory, or a repository at a ref, whichever comes from
/// the higher place (`--templates-dir` with THREESCALE_TEMPLATES_REPO set takes the directory).
/// Both kinds from the same flags or variables are a mistake; in the answers file, which
/// documents both, the repository wins.
pub(super) fn templates(r: &mut Resolver, t: &TemplateArgs) -> Given<TemplatesSource> {
    let dir = r.path(&d::TEMPLATES_DIR, &t.templates_dir);
    let repo = r.text_or_path(&d::TEMPLATES_REPO, &t.templates_repo, is_local_repo);
    let git_ref = r.text(&d::TEMPLATES_REF, &t.templates_ref);
    // The place of the repository, else of the ref, whichever is higher.
    let git_source = highest([
        repo.as_ref().map(|g| Given::new((), g.source.clone())),
        git_ref.as_ref().map(|g| Given::new((), g.source.clone())),
    ])
    .map(|g| g.source);
    let dir_level = dir.as_ref().map(|g| g.source.level());
    let git_level = git_source.as_ref().map(Source::level);
    if let (Some(dir), Some(git)) = (&dir, &git_source) {
        if dir_level == git_level && git.level() > Level::AnswersFile {
            r.problem(format!(
                "both a templates directory ({}) and a templates repository ({git}) are given: give one",
                dir.source
            ));
        }
    }
    match dir {
        Some(dir) if dir_level > git_level => {
            Given::new(TemplatesSource::Dir(dir.value), dir.source)
        }
        _ => Given::new(
            TemplatesSource::Git {
                repo: repo.map_or(cli::DEFAULT_TEMPLATES_REPO.into(), |g| g.value),
                git_ref: git_ref.map_or(cli::DEFAULT_TEMPLATES_REF.into(), |g| g.value),
            },
            git_source.unwrap_or(Source::Default),
        ),
    }
}

/// The options of requests to 3scale: a CA to trust, no verification, hosts at addresses.
pub(super) fn http(r: &mut Resolver, h: &HttpArgs) -> crate::http::Options {
    let ca_file = r.path(&d::CA_FILE, &h.ca_file).map(|g| g.value);
    if let Some(path) = &ca_file {
        match super::local::read_text(path, super::local::TEXT_LIMIT) {
            Ok(text) if text.contains("-----BEGIN CERTIFICATE-----") => {}
            Ok(_) => r.problem(format!(
                "the CA file {} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                path.display()
            )),
            Err(e) => r.problem(format!("cannot read the CA file {}: {e}", path.display())),
        }
    }
    let mut resolve = Vec::new();
    for entry in r
        .list(&d::RESOLVE, &h.resolve)
        .map_or(Vec::new(), |g| g.value)
    {
        match host_address(&entry) {
            Some(pair) => resolve.push(pair),
            None => r.problem(format!(
                "{} '{entry}' is not HOST:ADDRESS (e.g. 3scale-admin.apps.example.com:10.0.0.5)",
                d::RESOLVE.flag()
            )),
        }
    }
    crate::http::Options {
        ca_file,
        insecure: r.switch(&d::INSECURE_SKIP_TLS_VERIFY, h.insecure_skip_tls_verify),
        resolve,
        cluster_ca: crate::http::ClusterTrust::NotAsked,
    }
}

/// `HOST:ADDRESS`, or `HOST:443:ADDRESS` as curl writes it; IPv6 addresses in brackets.
fn host_address(entry: &str) -> Option<(String, std::net::IpAddr)> {
    let (host, rest) = entry.split_once(':')?;
    let address = rest.strip_prefix("443:").unwrap_or(rest);
    let address = address.trim_start_matches('[').trim_end_matches(']');
    let ip = address.parse::<std::net::IpAddr>().ok()?;
    crate::names::check_wildcard_domain(host).ok()?;
    Some((host.to_string(), ip))
}

/// What a command on an installed project reads besides the global options.
pub(crate) struct ProjectInputs<'a> {
    pub(crate) project: &'a cli::ProjectArgs,
    pub(crate) http: Option<&'a HttpArgs>,
    pub(crate) credentials_file: Option<PathBuf>,
    pub(crate) show_secrets: bool,
    pub(crate) never_ask: bool,
}

/// The answers of the commands on an installed project.
pub(crate) fn project_answers(
    global: &GlobalArgs,
    inputs: ProjectInputs,
    matches: &ArgMatches,
) -> Outcome<ProjectAnswers> {
    // These commands read no secret, hence no variable of their own.
    let env = Env::default();
    let mut r = Resolver::new(global, matches, &env)?;
    let mut answers = project_answers_in(&mut r, global, inputs);
    answers.warnings = r.finish()?;
    Ok(answers)
}

/// The answers of the commands on an installed project, their problems left in `r` (the caller
/// finishes it, with problems of its own values).
pub(super) fn project_answers_in(
    r: &mut Resolver,
    global: &GlobalArgs,
    inputs: ProjectInputs,
) -> ProjectAnswers {
    let connection = connection(r, global, DEFAULT_POLL);
    let project = project(r, global);
    let show_secrets = r.switch(&d::SHOW_SECRETS, inputs.show_secrets);
    let credentials_file = credentials_file(r, &inputs.credentials_file);
    let templates = templates(r, &inputs.project.templates);
    let http = http(r, inputs.http.unwrap_or(&HttpArgs::default()));
    ProjectAnswers {
        mode: mode(global, inputs.never_ask, show_secrets),
        connection,
        project,
        templates: (templates.source != Source::Default).then_some(templates),
        refresh_templates: inputs.project.templates.refresh_templates,
        http,
        credentials_file,
        warnings: Vec::new(),
    }
}
