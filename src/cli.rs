//! The command line as clap sees it. Nothing outside `answers.rs` reads these types.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

pub const DEFAULT_TEMPLATES_REPO: &str =
    "https://github.com/3scale/3scale-amp-openshift-templates.git";
pub const DEFAULT_TEMPLATES_REF: &str = "2.8.0.GA";

const EXIT_CODES: &str = "\
Exit codes:
  0    installed (or already installed), or nothing to do
  1    unexpected internal error
  2    bad usage or input: a flag, environment variable, answers-file key or value
  3    preflight failed: not logged in, missing permission, no usable storage class, templates unavailable
  4    a change to the cluster failed
  130  interrupted";

/// Install Red Hat 3scale API Management 2.8 on OpenShift from the official templates.
///
/// Without a subcommand, `install` runs. Every value can come from a flag, its THREESCALE_*
/// environment variable, or an answers file (--config); flags win over the environment, which wins
/// over the answers file, which wins over values discovered on the cluster.
#[derive(Debug, Parser)]
#[command(
    name = "threescale-install",
    version = version_text(),
    after_help = EXIT_CODES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub install: InstallCommand,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Install 3scale (what runs without a subcommand)
    #[command(after_help = EXIT_CODES)]
    Install(InstallCommand),
    /// Run every read-only check of an install and print them as a table; changes nothing
    #[command(after_help = EXIT_CODES)]
    Preflight(InstallCommand),
    /// Print what an install would do, as a reviewable shell script; changes nothing
    #[command(after_help = EXIT_CODES)]
    Plan(InstallCommand),
    /// Show an installed project: profile, templates commit, components, routes, failures
    #[command(after_help = EXIT_CODES)]
    Status(ProjectCommand),
    /// Print the URLs and logins of an installed project, read from secret system-seed
    #[command(after_help = EXIT_CODES)]
    Credentials(ProjectCommand),
    /// Delete what the install created (or the whole project with --delete-project)
    #[command(after_help = EXIT_CODES)]
    Uninstall(UninstallCommand),
    /// Print the completion script for a shell
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
}

/// Everything an install reads: also the inputs of `preflight` and `plan`.
#[derive(Debug, Args)]
pub struct InstallCommand {
    #[command(flatten)]
    pub run: RunArgs,
    #[command(flatten)]
    pub cluster: ClusterArgs,
    #[command(flatten)]
    pub install: InstallArgs,
    #[command(flatten)]
    pub registry: RegistryArgs,
    #[command(flatten)]
    pub s3: S3Args,
    #[command(flatten)]
    pub templates: TemplateArgs,
    #[command(flatten)]
    pub wait: WaitArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Wait")]
pub struct WaitArgs {
    /// Do not wait for 3scale to work after creating it
    #[arg(long, env = "THREESCALE_NO_WAIT")]
    pub no_wait: bool,

    /// How long to wait for every component to be ready (e.g. 45m)
    #[arg(long, value_name = "DURATION", default_value = "30m", value_parser = parse_duration, env = "THREESCALE_TIMEOUT")]
    pub timeout: Duration,

    /// The transcript of the run (appended) [default: a per-project file in the state dir]
    #[arg(long, value_name = "PATH", env = "THREESCALE_LOG_FILE")]
    pub log_file: Option<PathBuf>,
}

/// The inputs of the commands that work on an installed project.
#[derive(Debug, Args)]
pub struct ProjectCommand {
    /// The installed project [default: 3scale-apim]
    #[arg(long, value_name = "NAME", env = "THREESCALE_PROJECT")]
    pub project: Option<String>,

    /// Answers file (YAML): its project, oc, kubeconfig, context and credentials_file are used
    #[arg(long = "config", value_name = "FILE", env = "THREESCALE_CONFIG")]
    pub config: Option<PathBuf>,

    /// Print each oc command (secrets redacted) as it runs
    #[arg(short, long, env = "THREESCALE_VERBOSE", conflicts_with = "quiet")]
    pub verbose: bool,

    /// Print only errors and the result
    #[arg(short, long, env = "THREESCALE_QUIET")]
    pub quiet: bool,

    /// Where the credentials file is [default: a per-project file in the state dir]
    #[arg(long, value_name = "PATH", env = "THREESCALE_CREDENTIALS_FILE")]
    pub credentials_file: Option<PathBuf>,

    #[command(flatten)]
    pub cluster: ClusterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct UninstallCommand {
    #[command(flatten)]
    pub project: ProjectCommand,

    /// Do not ask before deleting
    #[arg(short = 'y', long, env = "THREESCALE_YES")]
    pub yes: bool,

    /// Delete the whole project instead of the objects the install created
    #[arg(long, env = "THREESCALE_DELETE_PROJECT")]
    pub delete_project: bool,

    /// Keep the local credentials file
    #[arg(long, env = "THREESCALE_KEEP_CREDENTIALS")]
    pub keep_credentials: bool,
}

const fn version_text() -> &'static str {
    concat!(
        env!("CARGO_PKG_VERSION"),
        " (default templates ref 2.8.0.GA)"
    )
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Run")]
pub struct RunArgs {
    /// Never prompt: take every value from flags, environment or the answers file, and fail listing
    /// everything missing
    #[arg(short = 'y', long, env = "THREESCALE_YES")]
    pub yes: bool,

    /// Never prompt, even in a terminal (like --yes, for scripts that run in one)
    #[arg(long, env = "THREESCALE_NO_INPUT")]
    pub no_input: bool,

    /// Answers file (YAML); see templates/answers.example.yaml for every key
    #[arg(long = "config", value_name = "FILE", env = "THREESCALE_CONFIG")]
    pub config: Option<PathBuf>,

    /// Print each oc command (secrets redacted) as it runs
    #[arg(short, long, env = "THREESCALE_VERBOSE", conflicts_with = "quiet")]
    pub verbose: bool,

    /// Print only errors and the final summary
    #[arg(short, long, env = "THREESCALE_QUIET")]
    pub quiet: bool,

    /// Turn the named preflight failure into a warning (repeatable): storage, permissions,
    /// openshift-version, claims, capacity, quota
    #[arg(
        long = "skip-check",
        value_name = "ID",
        env = "THREESCALE_SKIP_CHECKS",
        value_delimiter = ','
    )]
    pub skip_checks: Vec<String>,

    /// Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning
    #[arg(long, env = "THREESCALE_STRICT")]
    pub strict: bool,

    /// With install: print the plan instead of changing the cluster (same as `plan`)
    #[arg(long, env = "THREESCALE_DRY_RUN")]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Cluster")]
pub struct ClusterArgs {
    /// The oc binary to use [default: oc from PATH]
    #[arg(long, value_name = "PATH", env = "THREESCALE_OC")]
    pub oc: Option<PathBuf>,

    /// Kubeconfig passed to oc as --kubeconfig
    #[arg(long, value_name = "PATH", env = "THREESCALE_KUBECONFIG")]
    pub kubeconfig: Option<PathBuf>,

    /// Kubeconfig context passed to oc as --context
    #[arg(long, value_name = "NAME", env = "THREESCALE_CONTEXT")]
    pub context: Option<String>,

    /// Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration, env = "THREESCALE_OC_TIMEOUT")]
    pub oc_timeout: Duration,

    /// Time between two looks at the cluster while waiting, at most 2s; transient read failures
    /// are retried after a quarter of it, doubling
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = parse_poll_interval, env = "THREESCALE_POLL_INTERVAL")]
    pub poll_interval: Duration,
}

/// `500ms`, `2s`, `30m`, `1h`, `1m30s`, or a number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total = Duration::ZERO;
    let mut rest = text;
    if rest.is_empty() {
        return Err("give a duration such as 90s, 10m or 1h".into());
    }
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return Err(format!(
                "'{text}' is not a duration: use a number with ms, s, m or h, e.g. 90s or 10m"
            ));
        }
        let n: u64 = rest[..digits]
            .parse()
            .map_err(|_| format!("'{text}' is too large"))?;
        rest = &rest[digits..];
        let unit = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        total += match &rest[..unit] {
            "ms" => Duration::from_millis(n),
            "s" => Duration::from_secs(n),
            "m" => Duration::from_secs(n * 60),
            "h" => Duration::from_secs(n * 3600),
            other => {
                return Err(format!(
                    "'{other}' is not a unit of duration: use ms, s, m or h"
                ))
            }
        };
        rest = &rest[unit..];
    }
    Ok(total)
}

fn parse_poll_interval(text: &str) -> Result<Duration, String> {
    let d = parse_duration(text)?;
    if d > Duration::from_secs(2) {
        return Err("at most 2s: readiness must be noticed quickly".into());
    }
    Ok(d)
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Install")]
pub struct InstallArgs {
    /// Install profile: a template of the checkout's amp/ directory by name (amp, amp-s3,
    /// amp-postgresql, ...) or a path to a template file [default: amp]
    #[arg(long, value_name = "NAME|PATH", env = "THREESCALE_TEMPLATE", value_parser = ProfileName, hide_possible_values = true)]
    pub template: Option<String>,

    /// Project to install into; created if missing [default: 3scale-apim]
    #[arg(long, value_name = "NAME", env = "THREESCALE_PROJECT")]
    pub project: Option<String>,

    /// Display name of a project that is created [default: 3Scale API Management]
    #[arg(long, value_name = "TEXT", env = "THREESCALE_DISPLAY_NAME")]
    pub display_name: Option<String>,

    /// Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster's ingress
    /// domain, when readable]
    #[arg(long, value_name = "DOMAIN", env = "THREESCALE_WILDCARD_DOMAIN")]
    pub wildcard_domain: Option<String>,

    /// ReadWriteMany storage class for system-storage [default: the one RWX-capable class]
    #[arg(long, value_name = "NAME", env = "THREESCALE_RWX_STORAGE_CLASS")]
    pub rwx_storage_class: Option<String>,

    /// Template parameter, repeatable (values go to oc on stdin, never on its command line)
    #[arg(
        short = 'p',
        long = "param",
        value_name = "KEY=VALUE",
        env = "THREESCALE_PARAMS",
        value_delimiter = '\n'
    )]
    pub params: Vec<String>,

    /// Where to write the credentials (mode 0600) [default: a per-project file in the state dir]
    #[arg(long, value_name = "PATH", env = "THREESCALE_CREDENTIALS_FILE")]
    pub credentials_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Registry (pull secret threescale-registry-auth)")]
pub struct RegistryArgs {
    /// Registry the 3scale images come from [default: registry.redhat.io]
    #[arg(long, value_name = "HOST", env = "THREESCALE_REGISTRY_SERVER")]
    pub registry_server: Option<String>,

    /// Registry user, e.g. a registry service account '12345|name'
    #[arg(long, value_name = "USER", env = "THREESCALE_REGISTRY_USERNAME")]
    pub registry_username: Option<String>,

    /// Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)
    #[arg(
        long,
        env = "THREESCALE_REGISTRY_PASSWORD_STDIN",
        conflicts_with = "registry_password_file"
    )]
    pub registry_password_stdin: bool,

    /// When the password is typed at a prompt, ask for it twice
    #[arg(long, env = "THREESCALE_CONFIRM_PASSWORD")]
    pub confirm_password: bool,

    /// Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)
    #[arg(long, value_name = "PATH", env = "THREESCALE_REGISTRY_PASSWORD_FILE")]
    pub registry_password_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "S3 profile (amp-s3)")]
pub struct S3Args {
    /// Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment
    /// variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID
    #[arg(
        long,
        value_name = "PATH",
        env = "THREESCALE_AWS_SECRET_ACCESS_KEY_FILE",
        conflicts_with = "aws_secret_access_key_stdin"
    )]
    pub aws_secret_access_key_file: Option<PathBuf>,

    /// Read AWS_SECRET_ACCESS_KEY from standard input
    #[arg(
        long,
        env = "THREESCALE_AWS_SECRET_ACCESS_KEY_STDIN",
        conflicts_with = "registry_password_stdin"
    )]
    pub aws_secret_access_key_stdin: bool,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Templates")]
pub struct TemplateArgs {
    /// Git repository of the templates: URL or local path (mirrors, disconnected sites)
    /// [default: https://github.com/3scale/3scale-amp-openshift-templates.git]
    #[arg(
        long,
        value_name = "URL|PATH",
        env = "THREESCALE_TEMPLATES_REPO",
        conflicts_with = "templates_dir"
    )]
    pub templates_repo: Option<String>,

    /// Tag, branch or commit of the templates repository [default: 2.8.0.GA]
    #[arg(
        long,
        value_name = "REF",
        env = "THREESCALE_TEMPLATES_REF",
        conflicts_with = "templates_dir"
    )]
    pub templates_ref: Option<String>,

    /// Use an existing checkout of the templates; no git at all
    #[arg(long, value_name = "DIR", env = "THREESCALE_TEMPLATES_DIR")]
    pub templates_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Result format on stdout; progress stays on stderr
    #[arg(short = 'o', long, value_enum, default_value_t = Format::Text, env = "THREESCALE_OUTPUT")]
    pub output: Format,

    /// Print passwords and tokens in the summary even when stdout is not a terminal
    #[arg(long, env = "THREESCALE_SHOW_SECRETS")]
    pub show_secrets: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The install profiles of the 2.8.0.GA templates, offered by completion. Any other value is
/// accepted too: a profile of another checkout, or a path to a template file.
pub const PROFILES: &[&str] = &[
    "amp",
    "amp-postgresql",
    "amp-s3",
    "amp-ha-tech-preview",
    "amp-eval-tech-preview",
];

#[derive(Debug, Clone)]
struct ProfileName;

impl clap::builder::TypedValueParser for ProfileName {
    type Value = String;

    fn parse_ref(
        &self,
        _: &clap::Command,
        _: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        value
            .to_str()
            .map(str::to_string)
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidUtf8))
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            PROFILES
                .iter()
                .map(|p| clap::builder::PossibleValue::new(*p)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2"), Ok(Duration::from_secs(2)));
        assert!(parse_duration("5x")
            .unwrap_err()
            .contains("'x' is not a unit"));
        assert!(parse_duration("").is_err());
        assert!(parse_poll_interval("3s").is_err());
    }

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_flag_has_an_environment_variable() {
        let cmd = Cli::command();
        let mut commands = vec![&cmd];
        commands.extend(cmd.get_subcommands());
        for c in commands {
            for arg in c.get_arguments().filter(|a| !a.is_positional()) {
                if matches!(arg.get_id().as_str(), "help" | "version") {
                    continue;
                }
                let env = arg.get_env().map(|e| e.to_string_lossy().into_owned());
                assert!(
                    env.as_deref().is_some_and(|e| e.starts_with("THREESCALE_")),
                    "{} --{} has no THREESCALE_* environment variable",
                    c.get_name(),
                    arg.get_id()
                );
            }
        }
    }
}
