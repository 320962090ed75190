//! From the command line, the environment and the answers file to one `Answers`, each value with
//! its source; everything that can be checked without the cluster or the template is checked
//! here, and all problems are reported at once.

use super::file::{self, Loaded};
use super::validate;
use super::{
    Answers, Checks, Connection, Field, Given, Mode, ParamInput, ProjectAnswers, Registry, Source,
    TemplatesSource, AWS_KEY_ID_ENV, AWS_SECRET_ENV, DEFAULT_DISPLAY_NAME, DEFAULT_PROFILE,
    DEFAULT_PROJECT, DEFAULT_REGISTRY, PARAM_ENV_PREFIX, PASSWORD_ENV,
};
use crate::cli::{self, Format, GlobalArgs, InputArgs, InstallArgs};
use crate::failure::{Failure, Outcome};
use crate::oc::Timing;
use crate::secrets::Secret;
use clap::parser::ValueSource;
use clap::ArgMatches;
use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

const DEFAULT_OC_TIMEOUT: Duration = Duration::from_secs(600);
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1800);
pub(super) const DEFAULT_POLL: Duration = Duration::from_secs(1);

/// The environment variables that are read directly (secrets are never clap flags).
#[derive(Debug, Default, Clone)]
pub struct Env {
    vars: BTreeMap<String, String>,
}

impl Env {
    pub fn from_process() -> Env {
        Env {
            vars: std::env::vars().filter(|(_, v)| !v.is_empty()).collect(),
        }
    }

    pub fn from_pairs(pairs: &[(&str, &str)]) -> Env {
        Env {
            vars: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    /// `THREESCALE_PARAM_<NAME>` variables (not `THREESCALE_PARAMS`, which is `--param`'s).
    fn params(&self) -> Vec<(String, String, String)> {
        self.vars
            .iter()
            .filter_map(|(k, v)| {
                let name = k.strip_prefix(PARAM_ENV_PREFIX)?;
                (!name.is_empty() && name != "S" && k != "THREESCALE_PARAM_FILES")
                    .then(|| (name.to_string(), v.clone(), k.clone()))
            })
            .collect()
    }
}

/// Reads a secret from standard input: hidden at a terminal, the whole stream otherwise.
pub trait SecretReader {
    fn read_secret(&mut self, what: &str) -> Result<String, String>;
}

/// Where each clap value came from.
pub(super) struct Origins<'a> {
    pub(super) matches: &'a ArgMatches,
}

impl Origins<'_> {
    pub(super) fn of(&self, id: &str, flag: &str, env: &str) -> Source {
        match self.matches.value_source(id) {
            Some(ValueSource::EnvVariable) => Source::Env(env.to_string()),
            Some(ValueSource::CommandLine) => Source::Flag(flag.to_string()),
            _ => Source::Default,
        }
    }
}

/// The innermost subcommand's matches: where global and subcommand values are both visible.
pub(super) fn innermost(matches: &ArgMatches) -> &ArgMatches {
    let mut m = matches;
    while let Some((_, sub)) = m.subcommand() {
        m = sub;
    }
    m
}

/// Collects problems and warnings while gathering.
#[derive(Default)]
pub(super) struct Report {
    pub(super) problems: Vec<String>,
    pub(super) warnings: Vec<String>,
}

impl Report {
    pub(super) fn finish(self) -> Outcome<Vec<String>> {
        if self.problems.is_empty() {
            return Ok(self.warnings);
        }
        Err(Failure::input(format!(
            "the input has {} problem(s):\n  - {}",
            self.problems.len(),
            self.problems.join("\n  - ")
        ))
        .with_help("fix the values above; `threescale-install --help` lists every flag and its environment variable"))
    }
}

pub(super) fn connection(
    global: &GlobalArgs,
    origins: &Origins,
    loaded: Option<&Loaded>,
    poll: Duration,
    report: &mut Report,
) -> Connection {
    let oc_timeout = match (
        global.oc_timeout,
        loaded.and_then(|l| l.file.oc_timeout.as_deref()),
    ) {
        (Some(d), _) => d,
        (None, Some(text)) => {
            file_duration(text, "oc_timeout", loaded, report).unwrap_or(DEFAULT_OC_TIMEOUT)
        }
        (None, None) => DEFAULT_OC_TIMEOUT,
    };
    let _ = origins;
    Connection {
        oc: global
            .oc
            .clone()
            .or_else(|| loaded.and_then(|l| l.file.oc.as_deref().map(|p| l.path_of(p)))),
        kubeconfig: global
            .kubeconfig
            .clone()
            .or_else(|| loaded.and_then(|l| l.file.kubeconfig.as_deref().map(|p| l.path_of(p)))),
        context: global
            .context
            .clone()
            .or_else(|| loaded.and_then(|l| l.file.context.clone())),
        timing: Timing {
            call_deadline: oc_timeout,
            retry_backoff: poll / 4,
        },
        log_file: global
            .log_file
            .clone()
            .or_else(|| loaded.and_then(|l| l.file.log_file.as_deref().map(|p| l.path_of(p)))),
    }
}

pub(super) fn file_duration(
    text: &str,
    key: &str,
    loaded: Option<&Loaded>,
    report: &mut Report,
) -> Option<Duration> {
    match crate::duration::parse(text) {
        Ok(d) => Some(d),
        Err(why) => {
            let path = loaded
                .map(|l| l.path.display().to_string())
                .unwrap_or_default();
            report
                .problems
                .push(format!("`{key}: {text}` in the answers file {path}: {why}"));
            None
        }
    }
}

fn project_of(
    global: &GlobalArgs,
    origins: &Origins,
    loaded: Option<&Loaded>,
    report: &mut Report,
) -> Given<String> {
    let project = match (&global.project, loaded.and_then(|l| l.file.project.clone())) {
        (Some(p), _) => Given::new(
            p.clone(),
            origins.of("project", "--project", "THREESCALE_PROJECT"),
        ),
        (None, Some(p)) => Given::new(p, file_source(loaded, "project")),
        (None, None) => Given::new(DEFAULT_PROJECT.to_string(), Source::Default),
    };
    if let Err(why) = validate::check_project(&project.value) {
        report.problems.push(format!(
            "project '{}' (from {}) is invalid: {why}",
            project.value, project.source
        ));
    }
    project
}

pub(super) fn file_source(loaded: Option<&Loaded>, key: &str) -> Source {
    match loaded {
        Some(l) => Source::AnswersFile(l.path.clone(), key.to_string()),
        None => Source::Default,
    }
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

pub(super) fn load_file(global: &GlobalArgs) -> Outcome<Option<Loaded>> {
    global.config.as_deref().map(file::load).transpose()
}

/// The answers of `install`, `plan` and `preflight`.
pub fn install_answers(
    global: &GlobalArgs,
    inputs: &InputArgs,
    install: Option<&InstallArgs>,
    matches: &ArgMatches,
    env: &Env,
    stdin: &mut dyn SecretReader,
) -> Outcome<Answers> {
    let loaded = load_file(global)?;
    let loaded = loaded.as_ref();
    let f = loaded.map(|l| &l.file);
    let origins = Origins {
        matches: innermost(matches),
    };
    let mut report = Report::default();
    let mut open = Vec::new();

    let poll = install
        .and_then(|i| i.wait.poll_interval)
        .or_else(|| {
            f.and_then(|f| f.poll_interval.as_deref())
                .and_then(|t| file_duration(t, "poll_interval", loaded, &mut report))
        })
        .unwrap_or(DEFAULT_POLL)
        .min(Duration::from_secs(2));
    let connection = connection(global, &origins, loaded, poll, &mut report);
    let project = project_of(global, &origins, loaded, &mut report);
    if project.source == Source::Default {
        open.push(Field::Project);
    }

    let templates = templates_of(&inputs.templates, &origins, loaded, &mut report);
    if templates.source == Source::Default {
        open.push(Field::Templates);
    }
    if let TemplatesSource::Git { git_ref, .. } = &templates.value {
        if git_ref.trim().is_empty() || git_ref.contains(char::is_whitespace) {
            report.problems.push(format!(
                "templates ref '{git_ref}' (from {}) is invalid: give a tag, branch or commit without spaces",
                templates.source
            ));
        }
    }

    let p = &inputs.install;
    let text_value = |flag_value: &Option<String>,
                      id: &str,
                      flag: &str,
                      env: &str,
                      key: &str,
                      file_value: Option<String>|
     -> Option<Given<String>> {
        match (flag_value, file_value) {
            (Some(v), _) => Some(Given::new(v.clone(), origins.of(id, flag, env))),
            (None, Some(v)) => Some(Given::new(v, file_source(loaded, key))),
            (None, None) => None,
        }
    };
    let profile = text_value(
        &p.template,
        "template",
        "--template",
        "THREESCALE_TEMPLATE",
        "template",
        f.and_then(|f| f.template.clone()),
    )
    .map(|g| match loaded {
        // A template path in the answers file is relative to the file.
        Some(l) if matches!(g.source, Source::AnswersFile(..)) && g.value.contains('/') => {
            Given::new(
                l.path_of(Path::new(&g.value)).display().to_string(),
                g.source,
            )
        }
        _ => g,
    })
    .unwrap_or_else(|| {
        open.push(Field::Profile);
        Given::new(DEFAULT_PROFILE.to_string(), Source::Default)
    });
    let display_name = text_value(
        &p.display_name,
        "display_name",
        "--display-name",
        "THREESCALE_DISPLAY_NAME",
        "display_name",
        f.and_then(|f| f.display_name.clone()),
    )
    .unwrap_or_else(|| {
        open.push(Field::DisplayName);
        Given::new(DEFAULT_DISPLAY_NAME.to_string(), Source::Default)
    });
    let wildcard_domain = text_value(
        &p.wildcard_domain,
        "wildcard_domain",
        "--wildcard-domain",
        "THREESCALE_WILDCARD_DOMAIN",
        "wildcard_domain",
        f.and_then(|f| f.wildcard_domain.clone()),
    );
    match &wildcard_domain {
        Some(d) => {
            if let Err(why) = validate::check_domain(&d.value) {
                report.problems.push(format!(
                    "wildcard domain '{}' (from {}) is invalid: {why}",
                    d.value, d.source
                ));
            }
        }
        None => open.push(Field::WildcardDomain),
    }
    let rwx_storage_class = text_value(
        &p.rwx_storage_class,
        "rwx_storage_class",
        "--rwx-storage-class",
        "THREESCALE_RWX_STORAGE_CLASS",
        "rwx_storage_class",
        f.and_then(|f| f.rwx_storage_class.clone()),
    );
    match &rwx_storage_class {
        Some(c) if c.value.trim().is_empty() => report.problems.push(format!("RWX storage class (from {}) is empty: name a class, or leave it out to use the one RWX-capable class", c.source)),
        Some(_) => {}
        None => open.push(Field::StorageClass),
    }

    // Registry.
    let registry = registry_of(&inputs.registry, &origins, loaded, env, stdin, &mut report);
    if registry.server.source == Source::Default {
        open.push(Field::RegistryServer);
    }
    if registry.username.is_none() {
        open.push(Field::RegistryUsername);
    }
    if registry.password.is_none() {
        open.push(Field::RegistryPassword);
    }

    // Template parameters, from every source; which are secrets is decided with the template.
    let mut params: Vec<ParamInput> = Vec::new();
    for (k, v) in f.map(|f| f.params.clone()).unwrap_or_default() {
        match Loaded::param_text(&v) {
            Some(text) => params.push(ParamInput {
                name: k.clone(),
                value: Secret::new(text),
                source: file_source(loaded, &format!("params.{k}")),
            }),
            None => report.problems.push(format!(
                "answers file: params.{k} must be a string, number or boolean"
            )),
        }
    }
    for (k, path) in f.map(|f| f.param_files.clone()).unwrap_or_default() {
        let path = loaded.map(|l| l.path_of(&path)).unwrap_or(path);
        if let Some(value) = read_param_file(&k, &path, &mut report) {
            params.push(ParamInput {
                name: k.clone(),
                value,
                source: file_source(loaded, &format!("param_files.{k}")),
            });
        }
    }
    let mut from_env: Vec<(String, String, String)> = env.params();
    from_env.sort();
    for (name, value, var) in from_env {
        if validate::is_param_name(&name) {
            params.push(ParamInput {
                name,
                value: Secret::new(value),
                source: Source::Env(var),
            });
        }
    }
    let param_source = origins.of("params", "--param", "THREESCALE_PARAMS");
    let mut seen: Vec<String> = Vec::new();
    for text in p.params.iter().filter(|t| !t.trim().is_empty()) {
        match text.split_once('=') {
            Some((k, v)) if validate::is_param_name(k.trim()) => {
                let k = k.trim();
                if seen.iter().any(|s| s == k) {
                    report.problems.push(format!(
                        "{k} is given more than once with {param_source}: keep one"
                    ));
                }
                seen.push(k.to_string());
                params.push(ParamInput {
                    name: k.to_string(),
                    value: Secret::new(v),
                    source: param_source.clone(),
                });
            }
            _ => report.problems.push(format!(
                "'{}' (from {param_source}) is not KEY=VALUE with a KEY of letters, digits and '_'",
                masked_param(text)
            )),
        }
    }
    for text in p.param_files.iter().filter(|t| !t.trim().is_empty()) {
        match text.split_once('=') {
            Some((k, path)) if validate::is_param_name(k.trim()) => {
                if let Some(value) = read_param_file(k.trim(), Path::new(path), &mut report) {
                    params.push(ParamInput {
                        name: k.trim().to_string(),
                        value,
                        source: Source::File(PathBuf::from(path)),
                    });
                }
            }
            _ => report
                .problems
                .push(format!("--param-from-file '{text}' is not KEY=PATH")),
        }
    }
    // The S3 profile's standard AWS variables and flags.
    if let Some(secret) = read_secret(
        AWS_SECRET_ENV,
        inputs.s3.aws_secret_access_key_stdin,
        inputs
            .s3
            .aws_secret_access_key_file
            .as_deref()
            .map(|p| (p.to_path_buf(), Source::File(p.to_path_buf()))),
        env.get(AWS_SECRET_ENV)
            .map(|v| (v.to_string(), Source::Env(AWS_SECRET_ENV.into()))),
        f.and_then(|f| f.aws_secret_access_key_file.as_deref())
            .map(|p| {
                (
                    loaded
                        .map(|l| l.path_of(p))
                        .unwrap_or_else(|| p.to_path_buf()),
                    file_source(loaded, "aws_secret_access_key_file"),
                )
            }),
        stdin,
        &mut report,
    ) {
        if !params.iter().any(|p| p.name == AWS_SECRET_ENV) {
            params.push(ParamInput {
                name: AWS_SECRET_ENV.into(),
                value: secret.value,
                source: secret.source,
            });
        }
    }
    if let Some(id) = env.get(AWS_KEY_ID_ENV) {
        if !params.iter().any(|p| p.name == AWS_KEY_ID_ENV) {
            params.push(ParamInput {
                name: AWS_KEY_ID_ENV.into(),
                value: Secret::new(id),
                source: Source::Env(AWS_KEY_ID_ENV.into()),
            });
        }
    }
    open.push(Field::Params);

    // Checks.
    let mut skip: Vec<String> = inputs
        .skip_checks
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if skip.is_empty() {
        skip = f
            .and_then(|f| f.skip_checks.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.trim().to_string())
            .collect();
    }
    let skip_source = if inputs.skip_checks.is_empty() {
        file_source(loaded, "skip_checks")
    } else {
        origins.of("skip_checks", "--skip-check", "THREESCALE_SKIP_CHECKS")
    };
    for id in &skip {
        if !crate::engine::checks::SKIPPABLE.contains(&id.as_str()) {
            report.problems.push(format!(
                "'{id}' (from {skip_source}) is not a check that can be skipped; these can: {}",
                crate::engine::checks::SKIPPABLE.join(", ")
            ));
        }
    }
    let strict = inputs.strict || f.and_then(|f| f.strict).unwrap_or(false);

    // How to run.
    let wait = match install {
        Some(i)
            if i.wait.no_wait
                || (!was_given(&origins, "no_wait")
                    && f.and_then(|f| f.no_wait).unwrap_or(false)) =>
        {
            None
        }
        Some(i) => Some(
            i.wait
                .timeout
                .or_else(|| {
                    f.and_then(|f| f.timeout.as_deref())
                        .and_then(|t| file_duration(t, "timeout", loaded, &mut report))
                })
                .unwrap_or(DEFAULT_TIMEOUT),
        ),
        None => None,
    };
    let show_secrets =
        install.is_some_and(|i| i.show_secrets) || f.and_then(|f| f.show_secrets).unwrap_or(false);
    let credentials_file = install
        .and_then(|i| i.credentials_file.clone())
        .or_else(|| loaded.and_then(|l| l.file.credentials_file.as_deref().map(|p| l.path_of(p))));

    for (what, path) in [
        (
            "registry password file",
            inputs.registry.registry_password_file.clone().or_else(|| {
                loaded.and_then(|l| {
                    l.file
                        .registry_password_file
                        .as_deref()
                        .map(|p| l.path_of(p))
                })
            }),
        ),
        (
            "AWS secret key file",
            inputs.s3.aws_secret_access_key_file.clone(),
        ),
    ] {
        if let Some(path) = path {
            if let Some(w) = readable_by_others(what, &path) {
                report.warnings.push(w);
            }
        }
    }
    let http = http_of(
        install
            .map(|i| &i.http)
            .unwrap_or(&cli::HttpArgs::default()),
        loaded,
        &mut report,
    );
    let warnings = report.finish()?;
    Ok(Answers {
        mode: mode(global, install.is_some_and(|i| i.yes), show_secrets),
        connection,
        templates,
        refresh_templates: inputs.templates.refresh_templates,
        profile,
        project,
        display_name,
        wildcard_domain,
        rwx_storage_class,
        registry: Registry {
            confirm: install.is_some_and(|i| i.confirm_password),
            ..registry
        },
        params,
        credentials_file,
        wait,
        poll_interval: poll,
        checks: Checks { skip, strict },
        dry_run: install.is_some_and(|i| i.dry_run),
        verify: install.is_some_and(|i| {
            !(i.wait.no_wait
                || i.wait.no_verify
                || (!was_given(&origins, "no_verify")
                    && f.and_then(|f| f.no_verify).unwrap_or(false)))
        }),
        http,
        open,
        warnings,
    })
}

/// The registry login: server (default registry.redhat.io), username, and the password from
/// stdin, a file, the environment or the answers file's file.
pub(super) fn registry_of(
    r: &cli::RegistryArgs,
    origins: &Origins,
    loaded: Option<&Loaded>,
    env: &Env,
    stdin: &mut dyn SecretReader,
    report: &mut Report,
) -> Registry {
    let f = loaded.map(|l| &l.file);
    let text = |flag_value: &Option<String>,
                id: &str,
                flag: &str,
                var: &str,
                key: &str,
                file_value: Option<String>| {
        match (flag_value, file_value) {
            (Some(v), _) => Some(Given::new(v.clone(), origins.of(id, flag, var))),
            (None, Some(v)) => Some(Given::new(v, file_source(loaded, key))),
            (None, None) => None,
        }
    };
    let server = text(
        &r.registry_server,
        "registry_server",
        "--registry-server",
        "THREESCALE_REGISTRY_SERVER",
        "registry_server",
        f.and_then(|f| f.registry_server.clone()),
    )
    .unwrap_or_else(|| Given::new(DEFAULT_REGISTRY.to_string(), Source::Default));
    if let Err(why) = validate::check_registry_server(&server.value) {
        report.problems.push(format!(
            "registry server '{}' (from {}) is invalid: {why}",
            server.value, server.source
        ));
    }
    let username = text(
        &r.registry_username,
        "registry_username",
        "--registry-username",
        "THREESCALE_REGISTRY_USERNAME",
        "registry_username",
        f.and_then(|f| f.registry_username.clone()),
    )
    .filter(|u| !u.value.trim().is_empty());
    let password = read_secret(
        "registry password",
        r.registry_password_stdin,
        r.registry_password_file
            .as_deref()
            .map(|p| (p.to_path_buf(), Source::File(p.to_path_buf()))),
        env.get(PASSWORD_ENV)
            .map(|v| (v.to_string(), Source::Env(PASSWORD_ENV.into()))),
        f.and_then(|f| f.registry_password_file.as_deref())
            .map(|p| {
                (
                    loaded
                        .map(|l| l.path_of(p))
                        .unwrap_or_else(|| p.to_path_buf()),
                    file_source(loaded, "registry_password_file"),
                )
            }),
        stdin,
        report,
    );
    Registry {
        server,
        username,
        password,
        confirm: false,
    }
}

/// Where the templates come from: a directory, or a repository at a ref. A flag beats the
/// environment (`--templates-dir` with THREESCALE_TEMPLATES_REPO set takes the directory); both
/// kinds at the same level are a mistake.
pub(super) fn templates_of(
    t: &cli::TemplateArgs,
    origins: &Origins,
    loaded: Option<&Loaded>,
    report: &mut Report,
) -> Given<TemplatesSource> {
    let f = loaded.map(|l| &l.file);
    let level = |id: &str| match origins.matches.value_source(id) {
        Some(ValueSource::CommandLine) => 2,
        Some(ValueSource::EnvVariable) => 1,
        _ => 0,
    };
    let dir_level = t
        .templates_dir
        .as_ref()
        .map_or(0, |_| level("templates_dir"));
    let git_level = t
        .templates_repo
        .as_ref()
        .map_or(0, |_| level("templates_repo"))
        .max(
            t.templates_ref
                .as_ref()
                .map_or(0, |_| level("templates_ref")),
        );
    if dir_level > 0 && dir_level == git_level {
        // Name the repository or the ref, whichever was given beside the directory.
        let git = if t.templates_repo.is_some() && level("templates_repo") == git_level {
            origins.of(
                "templates_repo",
                "--templates-repo",
                "THREESCALE_TEMPLATES_REPO",
            )
        } else {
            origins.of(
                "templates_ref",
                "--templates-ref",
                "THREESCALE_TEMPLATES_REF",
            )
        };
        report.problems.push(format!(
            "both a templates directory ({}) and a templates repository ({git}) are given: give one",
            origins.of(
                "templates_dir",
                "--templates-dir",
                "THREESCALE_TEMPLATES_DIR"
            ),
        ));
    }
    let default_git = |repo: Option<String>, git_ref: Option<String>| TemplatesSource::Git {
        repo: repo.unwrap_or_else(|| cli::DEFAULT_TEMPLATES_REPO.into()),
        git_ref: git_ref.unwrap_or_else(|| cli::DEFAULT_TEMPLATES_REF.into()),
    };
    if dir_level > git_level {
        let dir = t.templates_dir.clone().expect("a directory was given");
        return Given::new(
            TemplatesSource::Dir(dir),
            origins.of(
                "templates_dir",
                "--templates-dir",
                "THREESCALE_TEMPLATES_DIR",
            ),
        );
    }
    if git_level > 0 {
        let source = if t.templates_repo.is_some() {
            origins.of(
                "templates_repo",
                "--templates-repo",
                "THREESCALE_TEMPLATES_REPO",
            )
        } else {
            origins.of(
                "templates_ref",
                "--templates-ref",
                "THREESCALE_TEMPLATES_REF",
            )
        };
        return Given::new(
            default_git(
                t.templates_repo
                    .clone()
                    .or_else(|| f.and_then(|f| f.templates_repo.clone())),
                t.templates_ref
                    .clone()
                    .or_else(|| f.and_then(|f| f.templates_ref.clone())),
            ),
            source,
        );
    }
    match f {
        Some(file)
            if file.templates_dir.is_some()
                && file.templates_repo.is_none()
                && file.templates_ref.is_none() =>
        {
            let l = loaded.expect("a file gave the directory");
            Given::new(
                TemplatesSource::Dir(l.path_of(file.templates_dir.as_deref().expect("checked"))),
                file_source(loaded, "templates_dir"),
            )
        }
        Some(file) if file.templates_repo.is_some() || file.templates_ref.is_some() => Given::new(
            default_git(
                file.templates_repo
                    .as_ref()
                    .map(|r| local_path_of(r, loaded)),
                file.templates_ref.clone(),
            ),
            file_source(loaded, "templates_repo"),
        ),
        _ => Given::new(default_git(None, None), Source::Default),
    }
}

/// The options of requests to 3scale: a CA to trust, no verification, hosts at addresses.
pub(super) fn http_of(
    h: &cli::HttpArgs,
    loaded: Option<&Loaded>,
    report: &mut Report,
) -> crate::http::Options {
    let f = loaded.map(|l| &l.file);
    let ca_file = h
        .ca_file
        .clone()
        .or_else(|| loaded.and_then(|l| l.file.ca_file.as_deref().map(|p| l.path_of(p))));
    if let Some(path) = &ca_file {
        match std::fs::read_to_string(path) {
            Ok(text) if text.contains("-----BEGIN CERTIFICATE-----") => {}
            Ok(_) => report.problems.push(format!(
                "the CA file {} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                path.display()
            )),
            Err(e) => report
                .problems
                .push(format!("cannot read the CA file {}: {e}", path.display())),
        }
    }
    let mut resolve = Vec::new();
    let given: Vec<String> = if h.resolve.is_empty() {
        f.and_then(|f| f.resolve.clone()).unwrap_or_default()
    } else {
        h.resolve.clone()
    };
    for entry in given.iter().map(|e| e.trim()).filter(|e| !e.is_empty()) {
        // HOST:ADDRESS, or HOST:443:ADDRESS as curl writes it; IPv6 addresses in brackets.
        let parsed = entry.split_once(':').and_then(|(host, rest)| {
            let address = rest.strip_prefix("443:").unwrap_or(rest);
            let address = address.trim_start_matches('[').trim_end_matches(']');
            Some((host.to_string(), address.parse::<std::net::IpAddr>().ok()?))
        });
        match parsed {
            Some((host, ip)) if crate::names::check_wildcard_domain(&host).is_ok() => resolve.push((host, ip)),
            _ => report.problems.push(format!(
                "--resolve '{entry}' is not HOST:ADDRESS (e.g. 3scale-admin.apps.example.com:10.0.0.5)"
            )),
        }
    }
    let insecure =
        h.insecure_skip_tls_verify || f.and_then(|f| f.insecure_skip_tls_verify).unwrap_or(false);
    crate::http::Options {
        ca_file,
        insecure,
        resolve,
    }
}

pub(super) fn was_given(origins: &Origins, id: &str) -> bool {
    matches!(
        origins.matches.value_source(id),
        Some(ValueSource::EnvVariable | ValueSource::CommandLine)
    )
}

/// A repository path written relative to the answers file (a URL is kept as it is).
fn local_path_of(repo: &str, loaded: Option<&Loaded>) -> String {
    if repo.contains("://") || repo.contains('@') || Path::new(repo).is_absolute() {
        return repo.to_string();
    }
    loaded
        .map(|l| l.path_of(Path::new(repo)).display().to_string())
        .unwrap_or_else(|| repo.to_string())
}

/// What a command on an installed project reads besides the global options.
pub struct ProjectInputs<'a> {
    pub project: &'a cli::ProjectArgs,
    pub http: Option<&'a cli::HttpArgs>,
    pub credentials_file: Option<PathBuf>,
    pub show_secrets: bool,
    pub never_ask: bool,
}

/// The answers of the commands on an installed project.
pub fn project_answers(
    global: &GlobalArgs,
    inputs: ProjectInputs,
    matches: &ArgMatches,
) -> Outcome<ProjectAnswers> {
    let loaded = load_file(global)?;
    let mut report = Report::default();
    let mut answers = project_answers_in(global, inputs, matches, loaded.as_ref(), &mut report);
    answers.warnings = report.finish()?;
    Ok(answers)
}

/// The answers of the commands on an installed project, their problems added to `report` (the
/// caller finishes it, with problems of its own values).
pub(super) fn project_answers_in(
    global: &GlobalArgs,
    inputs: ProjectInputs,
    matches: &ArgMatches,
    loaded: Option<&Loaded>,
    report: &mut Report,
) -> ProjectAnswers {
    let ProjectInputs {
        project: project_args,
        http,
        credentials_file,
        show_secrets,
        never_ask,
    } = inputs;
    let origins = Origins {
        matches: innermost(matches),
    };
    let connection = connection(global, &origins, loaded, DEFAULT_POLL, report);
    let project = project_of(global, &origins, loaded, report);
    let show = show_secrets || loaded.and_then(|l| l.file.show_secrets).unwrap_or(false);
    let credentials_file = credentials_file
        .or_else(|| loaded.and_then(|l| l.file.credentials_file.as_deref().map(|p| l.path_of(p))));
    let templates = templates_of(&project_args.templates, &origins, loaded, report);
    let http = http_of(http.unwrap_or(&cli::HttpArgs::default()), loaded, report);
    ProjectAnswers {
        mode: mode(global, never_ask, show),
        connection,
        project,
        templates: (templates.source != Source::Default).then_some(templates),
        refresh_templates: project_args.templates.refresh_templates,
        http,
        credentials_file,
        warnings: Vec::new(),
    }
}

/// A secret from stdin, a file, the environment or a file named in the answers file, in that
/// order (flags beat the environment, which beats the answers file).
pub(super) fn read_secret(
    what: &str,
    from_stdin: bool,
    file: Option<(PathBuf, Source)>,
    env: Option<(String, Source)>,
    answers_file: Option<(PathBuf, Source)>,
    stdin: &mut dyn SecretReader,
    report: &mut Report,
) -> Option<Given<Secret>> {
    let read_file = |path: &Path| {
        std::fs::read_to_string(path)
            .map(|t| trim_line_end(&t))
            .map_err(|e| format!("cannot read the {what} file {}: {e}", path.display()))
    };
    let (value, source) = if from_stdin {
        match stdin.read_secret(what) {
            Ok(text) => (trim_line_end(&text), Source::Stdin),
            Err(e) => {
                report
                    .problems
                    .push(format!("cannot read the {what} from standard input: {e}"));
                return None;
            }
        }
    } else if let Some((path, source)) = file.or(if env.is_none() {
        answers_file.clone()
    } else {
        None
    }) {
        match read_file(&path) {
            Ok(v) => (v, source),
            Err(e) => {
                report.problems.push(e);
                return None;
            }
        }
    } else if let Some((value, source)) = env {
        (value, source)
    } else {
        return None;
    };
    if value.is_empty() {
        report
            .problems
            .push(format!("the {what} (from {source}) is empty"));
        return None;
    }
    Some(Given::new(Secret::new(value), source))
}

fn read_param_file(name: &str, path: &Path, report: &mut Report) -> Option<Secret> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            if let Some(w) = readable_by_others(&format!("file of parameter {name}"), path) {
                report.warnings.push(w);
            }
            Some(Secret::new(trim_line_end(&text)))
        }
        Err(e) => {
            report.problems.push(format!(
                "cannot read parameter {name} from {}: {e}",
                path.display()
            ));
            None
        }
    }
}

/// A warning when a file holding a secret can be read by other users.
pub(super) fn readable_by_others(what: &str, path: &Path) -> Option<String> {
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then(|| {
        format!(
            "the {what} {} can be read by other users (mode {mode:o}): `chmod 600 {}`",
            path.display(),
            path.display()
        )
    })
}

pub(super) fn trim_line_end(text: &str) -> String {
    text.strip_suffix('\n')
        .map(|t| t.strip_suffix('\r').unwrap_or(t))
        .unwrap_or(text)
        .to_string()
}

/// `KEY=value` → `KEY=…` for messages: a malformed --param may still carry a secret.
fn masked_param(p: &str) -> String {
    match p.split_once('=') {
        Some((k, _)) => format!("{k}=…"),
        None => p.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    struct NoStdin;
    impl SecretReader for NoStdin {
        fn read_secret(&mut self, _: &str) -> Result<String, String> {
            Err("no stdin in this test".into())
        }
    }

    fn resolve(args: &[&str], env: &Env) -> Outcome<Answers> {
        let mut argv = vec!["threescale-install"];
        argv.extend_from_slice(args);
        let matches = cli::Cli::command().try_get_matches_from(argv).unwrap();
        let cli = cli::Cli::from_arg_matches(&matches).unwrap();
        install_answers(
            &cli.global,
            &cli.install.inputs,
            Some(&cli.install),
            &matches,
            env,
            &mut NoStdin,
        )
    }

    #[test]
    fn defaults_apply_and_nothing_else_is_invented() {
        let a = resolve(&[], &Env::default()).unwrap();
        assert_eq!(a.project.value, DEFAULT_PROJECT);
        assert_eq!(a.project.source, Source::Default);
        assert_eq!(a.registry.server.value, DEFAULT_REGISTRY);
        assert!(a.registry.username.is_none() && a.registry.password.is_none());
        assert_eq!(a.wait, Some(DEFAULT_TIMEOUT));
    }

    #[test]
    fn every_problem_is_reported_at_once_naming_its_source() {
        let err = resolve(
            &[
                "--project",
                "Bad_Name",
                "--wildcard-domain",
                "https://x",
                "-p",
                "1X=y",
            ],
            &Env::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("3 problem(s)"), "{err}");
        assert!(
            err.contains("'Bad_Name' (from --project)")
                && err.contains("https://x")
                && err.contains("1X=…"),
            "{err}"
        );
    }

    #[test]
    fn answers_file_is_below_flags_and_its_paths_are_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "project: from-file\nwildcard_domain: apps.file.example\nregistry_password_file: pw\nparams:\n  TENANT_NAME: t1\n  IMAGESTREAM_TAG_IMPORT_INSECURE: false\ntimeout: 45m\nskip_checks: [quota]\n").unwrap();
        std::fs::write(dir.path().join("pw"), "secret-pw\n").unwrap();
        let a = resolve(
            &["--config", path.to_str().unwrap(), "--project", "from-flag"],
            &Env::default(),
        )
        .unwrap();
        assert_eq!(a.project.value, "from-flag");
        assert_eq!(
            a.wildcard_domain.as_ref().unwrap().value,
            "apps.file.example"
        );
        assert_eq!(
            a.param("IMAGESTREAM_TAG_IMPORT_INSECURE")
                .unwrap()
                .value
                .expose(),
            "false"
        );
        assert_eq!(
            a.registry.password.as_ref().unwrap().value.expose(),
            "secret-pw"
        );
        assert_eq!(a.wait, Some(Duration::from_secs(2700)));
        assert_eq!(a.checks.skip, ["quota"]);

        std::fs::write(&path, "projekt: x\n").unwrap();
        let err = resolve(&["--config", path.to_str().unwrap()], &Env::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `projekt`"), "{err}");
    }

    #[test]
    fn password_file_beats_environment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pw");
        std::fs::write(&path, "from-file\n").unwrap();
        let env = Env::from_pairs(&[(PASSWORD_ENV, "from-env")]);
        let a = resolve(&["--registry-password-file", path.to_str().unwrap()], &env).unwrap();
        assert_eq!(a.registry.password.unwrap().value.expose(), "from-file");
        let a = resolve(&[], &env).unwrap();
        assert_eq!(
            a.registry.password.unwrap().source,
            Source::Env(PASSWORD_ENV.into())
        );
    }

    #[test]
    fn parameters_come_from_their_own_variables_too() {
        let env = Env::from_pairs(&[("THREESCALE_PARAM_ADMIN_PASSWORD", "from-env-pw")]);
        let a = resolve(&[], &env).unwrap();
        let p = a.param("ADMIN_PASSWORD").unwrap();
        assert_eq!(
            (p.value.expose(), &p.source),
            (
                "from-env-pw",
                &Source::Env("THREESCALE_PARAM_ADMIN_PASSWORD".into())
            )
        );
    }
}
