//! The command line as clap sees it. Only `inputs` reads these types; every flag's doc comment is
//! its help text, and its long name and environment variable come from `inputs::declared`.

use crate::inputs::declared;
use clap::builder::BoolishValueParser;

mod portal;
use clap::{Args, Parser, Subcommand, ValueEnum};
pub(crate) use portal::{
    AdminPortalArgs, ChangeArgs, GrantArgs, SsoAddArgs, SsoCommand, UsersAddArgs, UsersCommand,
};
use std::path::PathBuf;
use std::time::Duration;

pub(crate) const DEFAULT_TEMPLATES_REPO: &str =
    "https://github.com/3scale/3scale-amp-openshift-templates.git";
pub(crate) const DEFAULT_TEMPLATES_REF: &str = "2.8.0.GA";

/// Install Red Hat 3scale API Management 2.8 on OpenShift from the official templates.
///
/// Without a subcommand, `install` runs. Every value can come from a flag, its THREESCALE_*
/// environment variable, or an answers file (--config); flags win over the environment, which wins
/// over the answers file, which wins over an earlier run's record and values discovered on the
/// cluster. Secrets never come from the command line.
#[derive(Debug, Parser)]
#[command(name = "threescale-install", version = version_text())]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
    #[command(flatten)]
    pub(crate) install: InstallArgs,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Install 3scale (what runs without a subcommand)
    Install(InstallArgs),
    /// Run every read-only check of an install and print them as a table; changes nothing
    Preflight(InputArgs),
    /// Print what an install would do, as a reviewable shell script; changes nothing
    Plan(InputArgs),
    /// Show an installed project: profile, templates commit, components, routes, root cause
    Status(ProjectArgs),
    /// Check that 3scale answers through its routes: DNS, TLS, the portals, the APIs with the
    /// install's tokens, the gateways
    Verify(VerifyArgs),
    /// Print the URLs and logins of an installed project, read from secret system-seed
    Credentials(CredentialsArgs),
    /// Delete what the install created (or the whole project with --delete-project)
    Uninstall(UninstallArgs),
    /// Write a support bundle of a project (objects, statuses, logs, events, `status` and
    /// `verify`) that holds no secret: every value of the project's Secrets is masked, and
    /// looked for in every encoding before the archive is written
    Gather(GatherArgs),
    /// Self-managed APIcast gateways of an install: add one in a project of this or another
    /// cluster, list them, show their state, remove one
    #[command(subcommand)]
    Gateway(Gateway),
    /// Create, list, show and remove tenants: more admin portals of the same 3scale
    #[command(subcommand)]
    Tenant(TenantCommand),
    /// Monitoring of an install by OpenShift's user-workload monitoring: the stack and the plan,
    /// enable (PodMonitors, rules, dashboards, the metrics 3scale 2.8 can emit), status, disable
    #[command(subcommand)]
    Monitoring(MonitoringCommand),
    /// Single sign-on to a tenant's admin portal with Red Hat SSO: add, list, show, remove
    #[command(subcommand)]
    Sso(SsoCommand),
    /// The users of a tenant's admin portal: list, add, role, grant, suspend, unsuspend,
    /// remove, and sync with a team file
    #[command(subcommand)]
    Users(UsersCommand),
    /// Write the install as the 3scale operator's APIManager: the custom resource, the secrets
    /// the operator adopts as they are, and what the resource cannot express
    #[command(subcommand)]
    Export(ExportCommand),
    /// Plan the upgrade of the install to a later template release, hop by hop; changes nothing
    #[command(subcommand)]
    Upgrade(UpgradeCommand),
    /// Render what `plan`'s scripts pipe to oc, secrets read from the environment
    #[command(hide = true, subcommand)]
    Render(Render),
    /// Print the completion script for a shell
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write every page to a directory
    #[command(arg(
        clap::Arg::new(declared::MAN_DIR.id)
            .long(declared::MAN_DIR.long)
            .env(declared::MAN_DIR.env)
            .value_name("DIR")
            .value_parser(clap::value_parser!(PathBuf))
            .help("Write the page of the program and of every command (threescale-install-gateway-add.1, ...) to DIR, created when missing, e.g. ~/.cargo/share/man/man1 beside a `cargo install`")
    ))]
    Man,
}

/// What `plan`'s scripts have this program render, with the install's own code.
#[derive(Debug, Subcommand)]
pub(crate) enum Render {
    /// The pull secret manifest, the password read from THREESCALE_REGISTRY_PASSWORD
    PullSecret {
        #[arg(long, value_name = "HOST")]
        registry_server: String,
        #[arg(long, value_name = "USER")]
        registry_username: String,
    },
    /// oc param-file lines for the named parameters, each read from THREESCALE_PARAM_<NAME>
    ParamFile {
        #[arg(value_name = "NAME")]
        names: Vec<String>,
    },
    /// A processed template's List (stdin) with the API versions a cluster of Kubernetes
    /// 1.<MINOR> serves, and only the named objects
    Objects {
        #[arg(long, value_name = "MINOR")]
        kube_minor: Option<u32>,
        #[arg(long = "only", value_name = "KIND/NAME")]
        only: Vec<String>,
    },
    /// What each template file of a checkout is (official, modified, unknown) and which 3scale
    /// release it installs against the release its ref names, as JSON
    Release {
        /// The checkout (a directory of the template files)
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// The ref it is a checkout of (default: its commit, else its amp/amp.yml says)
        #[arg(long = "ref", value_name = "REF")]
        git_ref: Option<String>,
    },
}

/// Options of every command; they may come before or after the subcommand.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub(crate) struct GlobalArgs {
    /// The project of the install [default: 3scale-apim; install, plan and preflight without it
    /// continue this machine's unfinished install on the cluster, in its project]
    #[arg(long = declared::PROJECT.long, global = true, value_name = "NAME", env = declared::PROJECT.env)]
    pub(crate) project: Option<String>,

    /// Answers file (YAML); templates/answers.example.yaml documents every key
    #[arg(
        long = declared::CONFIG.long,
        global = true,
        value_name = "FILE",
        env = declared::CONFIG.env
    )]
    pub(crate) config: Option<PathBuf>,

    /// The oc binary to use [default: oc from PATH]
    #[arg(long = declared::OC.long, global = true, value_name = "PATH", env = declared::OC.env)]
    pub(crate) oc: Option<PathBuf>,

    /// Kubeconfig passed to oc as --kubeconfig
    #[arg(
        long = declared::KUBECONFIG.long,
        global = true,
        value_name = "PATH",
        env = declared::KUBECONFIG.env
    )]
    pub(crate) kubeconfig: Option<PathBuf>,

    /// Kubeconfig context passed to oc as --context
    #[arg(long = declared::CONTEXT.long, global = true, value_name = "NAME", env = declared::CONTEXT.env)]
    pub(crate) context: Option<String>,

    /// Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]
    #[arg(long = declared::OC_TIMEOUT.long, global = true, value_name = "DURATION", value_parser = parse_duration, env = declared::OC_TIMEOUT.env)]
    pub(crate) oc_timeout: Option<Duration>,

    /// Print each oc command (secrets masked) as it runs
    #[arg(short, long = declared::VERBOSE.long, global = true, env = declared::VERBOSE.env, value_parser = BoolishValueParser::new(), conflicts_with = declared::QUIET.id)]
    pub(crate) verbose: bool,

    /// Print only errors and the result
    #[arg(short, long = declared::QUIET.long, global = true, env = declared::QUIET.env, value_parser = BoolishValueParser::new())]
    pub(crate) quiet: bool,

    /// Result format on stdout; progress and prompts stay on stderr [default: text]
    #[arg(
        short = 'o',
        long = declared::OUTPUT.long,
        global = true,
        value_enum,
        env = declared::OUTPUT.env
    )]
    pub(crate) output: Option<Format>,

    /// Never prompt, even in a terminal
    #[arg(long = declared::NO_INPUT.long, global = true, env = declared::NO_INPUT.env, value_parser = BoolishValueParser::new())]
    pub(crate) no_input: bool,

    /// The transcript of the run (appended, mode 0600) [default: transcript.log in the
    /// project's state directory]
    #[arg(long = declared::LOG_FILE.long, global = true, value_name = "PATH", env = declared::LOG_FILE.env)]
    pub(crate) log_file: Option<PathBuf>,
}

/// What `install` reads: the inputs of an install, and how to run and wait.
#[derive(Debug, Args)]
pub(crate) struct InstallArgs {
    /// Never prompt: take every value from flags, environment or the answers file, and fail listing
    /// everything missing
    #[arg(short = 'y', long = declared::YES.long, env = declared::YES.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) yes: bool,

    /// Print the plan instead of changing the cluster (same as `plan`)
    #[arg(long = declared::DRY_RUN.long, env = declared::DRY_RUN.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) dry_run: bool,

    /// When the registry password is typed at a prompt, ask for it twice
    #[arg(long = declared::CONFIRM_PASSWORD.long, env = declared::CONFIRM_PASSWORD.env, value_parser = BoolishValueParser::new(), help_heading = "Registry (pull secret threescale-registry-auth)")]
    pub(crate) confirm_password: bool,

    /// Where to write the credentials (mode 0600) [default: credentials.yaml in the project's
    /// state directory]
    #[arg(
        long = declared::CREDENTIALS_FILE.long,
        value_name = "PATH",
        env = declared::CREDENTIALS_FILE.env,
        help_heading = "Output"
    )]
    pub(crate) credentials_file: Option<PathBuf>,

    /// Print passwords and tokens in the summary (hidden otherwise, at a terminal too: they are
    /// in the credentials file)
    #[arg(long = declared::SHOW_SECRETS.long, env = declared::SHOW_SECRETS.env, value_parser = BoolishValueParser::new(), help_heading = "Output")]
    pub(crate) show_secrets: bool,

    #[command(flatten)]
    pub(crate) inputs: InputArgs,

    #[command(flatten)]
    pub(crate) wait: WaitArgs,

    #[command(flatten)]
    pub(crate) http: HttpArgs,
}

/// How requests to 3scale's portals and APIs are made (verify, gateways, tenants).
#[derive(Debug, Args, Default)]
#[command(next_help_heading = "HTTPS to 3scale")]
pub(crate) struct HttpArgs {
    /// A CA certificate (PEM) to trust besides the system's: a router's private CA
    #[arg(long = declared::CA_FILE.long, value_name = "PATH", env = declared::CA_FILE.env)]
    pub(crate) ca_file: Option<PathBuf>,

    /// Do not verify the portals' certificates (oc's flag of the same name); a warning says so
    #[arg(long = declared::INSECURE_SKIP_TLS_VERIFY.long, env = declared::INSECURE_SKIP_TLS_VERIFY.env, value_parser = BoolishValueParser::new())]
    pub(crate) insecure_skip_tls_verify: bool,

    /// Reach HOST at ADDRESS (port 443), as curl's --resolve, before the DNS record exists;
    /// repeatable or comma-separated
    #[arg(
        long = declared::RESOLVE.long,
        value_name = "HOST:ADDRESS",
        env = declared::RESOLVE.env,
        value_delimiter = ','
    )]
    pub(crate) resolve: Vec<String>,
}

/// What the commands on an installed project read besides the global options.
#[derive(Debug, Args)]
pub(crate) struct ProjectArgs {
    #[command(flatten)]
    pub(crate) templates: TemplateArgs,
}

#[derive(Debug, Args)]
pub(crate) struct VerifyArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArgs,
    #[command(flatten)]
    pub(crate) http: HttpArgs,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Wait")]
pub(crate) struct WaitArgs {
    /// Do not wait for 3scale to work (nor check that it answers)
    #[arg(long = declared::NO_WAIT.long, env = declared::NO_WAIT.env, value_parser = BoolishValueParser::new())]
    pub(crate) no_wait: bool,

    /// How long to wait for every component to be ready (e.g. 45m) [default: 30m]
    #[arg(long = declared::TIMEOUT.long, value_name = "DURATION", value_parser = parse_duration, env = declared::TIMEOUT.env)]
    pub(crate) timeout: Option<Duration>,

    /// Time between two looks at the cluster while waiting, at most 2s [default: 1s]
    #[arg(long = declared::POLL_INTERVAL.long, value_name = "DURATION", value_parser = parse_poll_interval, env = declared::POLL_INTERVAL.env)]
    pub(crate) poll_interval: Option<Duration>,

    /// Do not check at the end that 3scale answers through its routes (see `verify`)
    #[arg(long = declared::NO_VERIFY.long, env = declared::NO_VERIFY.env, value_parser = BoolishValueParser::new())]
    pub(crate) no_verify: bool,
}

/// The inputs of an install: also what `preflight` and `plan` read.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Turn the named check's failure into a warning (repeatable, or comma-separated); `--help`
    /// names the checks
    #[arg(
        long = declared::SKIP_CHECKS.long,
        value_name = "ID",
        env = declared::SKIP_CHECKS.env,
        value_delimiter = ',',
        help_heading = "Checks"
    )]
    pub(crate) skip_checks: Vec<String>,

    /// Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a
    /// warning
    #[arg(long = declared::STRICT.long, env = declared::STRICT.env, value_parser = BoolishValueParser::new(), help_heading = "Checks")]
    pub(crate) strict: bool,

    /// Let a template create objects outside its project (cluster-scoped kinds, objects of
    /// other namespaces, bindings to users, groups or cluster roles); the official templates
    /// create none, and without this flag such a template is refused before any change
    #[arg(long = declared::ALLOW_OUTSIDE_PROJECT.long, env = declared::ALLOW_OUTSIDE_PROJECT.env, value_parser = BoolishValueParser::new(), help_heading = "Checks")]
    pub(crate) allow_outside_project: bool,

    #[command(flatten)]
    pub(crate) install: ProfileArgs,
    #[command(flatten)]
    pub(crate) registry: RegistryArgs,
    #[command(flatten)]
    pub(crate) s3: S3Args,
    #[command(flatten)]
    pub(crate) templates: TemplateArgs,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Install")]
pub(crate) struct ProfileArgs {
    /// Install profile: a template of the checkout's amp/ directory by name (amp, amp-s3,
    /// amp-postgresql, amp-ha-tech-preview, amp-eval-tech-preview) or a path to a template file
    /// [default: amp]
    #[arg(long = declared::TEMPLATE.long, value_name = "NAME|PATH", env = declared::TEMPLATE.env, value_parser = ProfileName, hide_possible_values = true)]
    pub(crate) template: Option<String>,

    /// Display name of a project that is created [default: 3Scale API Management]
    #[arg(long = declared::DISPLAY_NAME.long, value_name = "TEXT", env = declared::DISPLAY_NAME.env)]
    pub(crate) display_name: Option<String>,

    /// Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster's apps
    /// domain, when it can be told]
    #[arg(long = declared::WILDCARD_DOMAIN.long, value_name = "DOMAIN", env = declared::WILDCARD_DOMAIN.env)]
    pub(crate) wildcard_domain: Option<String>,

    /// ReadWriteMany storage class for system-storage [default: the one RWX-capable class]
    #[arg(long = declared::RWX_STORAGE_CLASS.long, value_name = "NAME", env = declared::RWX_STORAGE_CLASS.env)]
    pub(crate) rwx_storage_class: Option<String>,

    /// Template parameter, repeatable; not for secrets (see --param-from-file): values on the
    /// command line are visible to every user of the machine
    #[arg(
        short = 'p',
        long = declared::PARAMS.long,
        value_name = "KEY=VALUE",
        env = declared::PARAMS.env,
        value_delimiter = '\n'
    )]
    pub(crate) params: Vec<String>,

    /// A template parameter read from a file (secrets such as ADMIN_PASSWORD), repeatable; or set
    /// THREESCALE_PARAM_<KEY>
    #[arg(
        long = declared::PARAM_FILES.long,
        value_name = "KEY=PATH",
        env = declared::PARAM_FILES.env,
        value_delimiter = '\n'
    )]
    pub(crate) param_files: Vec<String>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Registry (pull secret threescale-registry-auth)")]
pub(crate) struct RegistryArgs {
    /// Registry the 3scale images come from [default: registry.redhat.io]
    #[arg(long = declared::REGISTRY_SERVER.long, value_name = "HOST", env = declared::REGISTRY_SERVER.env)]
    pub(crate) registry_server: Option<String>,

    /// Registry user, e.g. a registry service account '12345|name'
    #[arg(long = declared::REGISTRY_USERNAME.long, value_name = "USER", env = declared::REGISTRY_USERNAME.env)]
    pub(crate) registry_username: Option<String>,

    /// Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)
    #[arg(
        long = declared::REGISTRY_PASSWORD.stdin.long,
        env = declared::REGISTRY_PASSWORD.stdin.env,
        value_parser = BoolishValueParser::new(),
        conflicts_with = declared::REGISTRY_PASSWORD.file.id
    )]
    pub(crate) registry_password_stdin: bool,

    /// Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)
    #[arg(long = declared::REGISTRY_PASSWORD.file.long, value_name = "PATH", env = declared::REGISTRY_PASSWORD.file.env)]
    pub(crate) registry_password_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "S3 profile (amp-s3)")]
pub(crate) struct S3Args {
    /// Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment
    /// variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID
    #[arg(
        long = declared::AWS_SECRET_ACCESS_KEY.file.long,
        value_name = "PATH",
        env = declared::AWS_SECRET_ACCESS_KEY.file.env,
        conflicts_with = declared::AWS_SECRET_ACCESS_KEY.stdin.id
    )]
    pub(crate) aws_secret_access_key_file: Option<PathBuf>,

    /// Read AWS_SECRET_ACCESS_KEY from standard input
    #[arg(
        long = declared::AWS_SECRET_ACCESS_KEY.stdin.long,
        env = declared::AWS_SECRET_ACCESS_KEY.stdin.env,
        value_parser = BoolishValueParser::new(),
        conflicts_with = declared::REGISTRY_PASSWORD.stdin.id
    )]
    pub(crate) aws_secret_access_key_stdin: bool,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Templates")]
pub(crate) struct TemplateArgs {
    /// Git repository of the templates: URL or local path (mirrors, disconnected sites)
    /// [default: https://github.com/3scale/3scale-amp-openshift-templates.git]
    #[arg(long = declared::TEMPLATES_REPO.long, value_name = "URL|PATH", env = declared::TEMPLATES_REPO.env)]
    pub(crate) templates_repo: Option<String>,

    /// Tag, branch or commit of the templates repository [default: 2.8.0.GA]
    #[arg(long = declared::TEMPLATES_REF.long, value_name = "REF", env = declared::TEMPLATES_REF.env)]
    pub(crate) templates_ref: Option<String>,

    /// Use an existing checkout of the templates; no git at all (a flag beats the environment's
    /// repository)
    #[arg(long = declared::TEMPLATES_DIR.long, value_name = "DIR", env = declared::TEMPLATES_DIR.env)]
    pub(crate) templates_dir: Option<PathBuf>,

    /// Fetch a branch again even when it is cached (tags and commits never change)
    #[arg(long = declared::REFRESH_TEMPLATES.long, env = declared::REFRESH_TEMPLATES.env, value_parser = BoolishValueParser::new())]
    pub(crate) refresh_templates: bool,
}

#[derive(Debug, Args)]
pub(crate) struct GatherArgs {
    /// The archive to write (tar.gz, mode 0600) [default: 3scale-gather-PROJECT-TIME.tar.gz in
    /// the current directory]
    #[arg(long = declared::ARCHIVE.long, value_name = "FILE.tar.gz", env = declared::ARCHIVE.env, help_heading = "Output")]
    pub(crate) archive: Option<PathBuf>,

    /// Replace the archive when it exists
    #[arg(long = declared::FORCE.long, env = declared::FORCE.env, value_parser = BoolishValueParser::new(), help_heading = "Output")]
    pub(crate) force: bool,

    /// Only the log lines of the last DURATION (e.g. 1h, 30m) [default: the last 500 lines of
    /// each container]
    #[arg(long = declared::SINCE.long, value_name = "DURATION", value_parser = parse_duration, env = declared::SINCE.env, help_heading = "Output")]
    pub(crate) since: Option<Duration>,

    /// Leave out `verify` (its checks reach the portals over HTTPS)
    #[arg(long = declared::NO_VERIFY.long, env = declared::NO_VERIFY.env, value_parser = BoolishValueParser::new(), help_heading = "Output")]
    pub(crate) no_verify: bool,

    /// The install's credentials file, read for its secrets only [default: credentials.yaml in
    /// the project's state directory]
    #[arg(
        long = declared::CREDENTIALS_FILE.long,
        value_name = "PATH",
        env = declared::CREDENTIALS_FILE.env,
        help_heading = "Output"
    )]
    pub(crate) credentials_file: Option<PathBuf>,

    #[command(flatten)]
    pub(crate) project: ProjectArgs,

    #[command(flatten)]
    pub(crate) http: HttpArgs,
}

#[derive(Debug, Args)]
pub(crate) struct CredentialsArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArgs,

    /// Print passwords and tokens (hidden otherwise, at a terminal too)
    #[arg(long = declared::SHOW_SECRETS.long, env = declared::SHOW_SECRETS.env, value_parser = BoolishValueParser::new(), help_heading = "Output")]
    pub(crate) show_secrets: bool,

    /// Where the credentials file is [default: credentials.yaml in the project's state
    /// directory]
    #[arg(
        long = declared::CREDENTIALS_FILE.long,
        value_name = "PATH",
        env = declared::CREDENTIALS_FILE.env,
        help_heading = "Output"
    )]
    pub(crate) credentials_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct UninstallArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArgs,

    /// Do not ask before deleting
    #[arg(short = 'y', long = declared::YES.long, env = declared::YES.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) yes: bool,

    /// Delete the whole project instead of the objects the install created
    #[arg(long = declared::DELETE_PROJECT.long, env = declared::DELETE_PROJECT.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) delete_project: bool,

    /// Keep the local credentials file (and the logins of the install's tenants beside it)
    #[arg(long = declared::KEEP_CREDENTIALS.long, env = declared::KEEP_CREDENTIALS.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) keep_credentials: bool,

    /// Print what would be deleted (on the cluster and on this machine), and delete nothing
    #[arg(long, env = "THREESCALE_DRY_RUN", value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) dry_run: bool,

    /// Where the credentials file is [default: credentials.yaml in the project's state
    /// directory]
    #[arg(
        long = declared::CREDENTIALS_FILE.long,
        value_name = "PATH",
        env = declared::CREDENTIALS_FILE.env,
        help_heading = "Run"
    )]
    pub(crate) credentials_file: Option<PathBuf>,
}

/// The self-managed gateways (`apicast-gateway/apicast.yml` of the same templates). Each reads its
/// configuration from the install's admin portal with an access token of its own; `--project` is
/// the gateway's project (default: the gateway's name), `--context` its cluster.
#[derive(Debug, Subcommand)]
pub(crate) enum Gateway {
    /// Add a gateway: mint its access token, create its portal-endpoint and pull secrets, the
    /// template's objects and an edge route per host, and wait until it is ready
    ///
    /// --project is the gateway's project (default: its name) and --context its cluster; the
    /// install is read from --tenant-project, on --portal-context when it is on another cluster.
    /// Re-runs change nothing when the gateway is in place, and continue one that stopped.
    Add(Box<GatewayAddArgs>),
    /// List the gateways this tool made: environment, hosts, readiness, whether their token works
    List(GatewayListArgs),
    /// Show one gateway (or all): its routes, readiness with the root cause, its token
    Status(GatewayStatusArgs),
    /// Remove a gateway: exactly what `gateway add` made, and revoke the token it minted
    ///
    /// Without --project, the gateway is looked for in every project you can see. Its token is
    /// revoked with the install's admin token, on the cluster its secret names (--portal-context
    /// reaches it when it is another cluster).
    Remove(GatewayRemoveArgs),
}

/// Where the 3scale install is whose admin portal the gateways read.
#[derive(Debug, Args, Default)]
#[command(next_help_heading = "3scale install (where the gateway reads its configuration)")]
pub(crate) struct PortalArgs {
    /// The project of the 3scale install [default: 3scale-apim]
    #[arg(long = declared::TENANT_PROJECT.long, value_name = "NAME", env = declared::TENANT_PROJECT.env)]
    pub(crate) tenant_project: Option<String>,

    /// Kubeconfig context of the install's cluster, when the gateway goes to another cluster
    /// [default: the gateway's context]
    #[arg(long = declared::PORTAL_CONTEXT.long, value_name = "NAME", env = declared::PORTAL_CONTEXT.env)]
    pub(crate) portal_context: Option<String>,

    /// Kubeconfig of the install's cluster [default: the gateway's kubeconfig]
    #[arg(long = declared::PORTAL_KUBECONFIG.long, value_name = "PATH", env = declared::PORTAL_KUBECONFIG.env)]
    pub(crate) portal_kubeconfig: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct GatewayAddArgs {
    /// The gateway's name: of its deployment config, service, secret and routes, and of its
    /// access token; a DNS label starting with a letter (e.g. apicast-eu)
    #[arg(
        long = declared::GATEWAY_NAME.long,
        value_name = "NAME",
        env = declared::GATEWAY_NAME.env,
        help_heading = "Gateway"
    )]
    pub(crate) name: Option<String>,

    /// The configuration the gateway serves: staging or production [default: production]
    #[arg(
        long = declared::ENVIRONMENT.long,
        value_name = "ENV",
        value_parser = ["staging", "production"],
        env = declared::ENVIRONMENT.env,
        help_heading = "Gateway"
    )]
    pub(crate) environment: Option<String>,

    /// A public host of the gateway, served by an edge route (the product's public base URL);
    /// repeatable or comma-separated
    #[arg(
        long = declared::HOSTS.long,
        value_name = "HOST",
        env = declared::HOSTS.env,
        value_delimiter = ',',
        help_heading = "Gateway"
    )]
    pub(crate) hosts: Vec<String>,

    /// When the gateway loads its configuration: boot (at start) or lazy (on each request)
    /// [default: lazy for staging, boot for production]
    #[arg(
        long = declared::CONFIGURATION_LOADER.long,
        value_name = "WHEN",
        value_parser = ["boot", "lazy"],
        env = declared::CONFIGURATION_LOADER.env,
        help_heading = "Gateway"
    )]
    pub(crate) configuration_loader: Option<String>,

    /// Seconds the gateway keeps its configuration: 0 (none, lazy only) or more than 60
    /// [default: 0 for staging, 300 for production]
    #[arg(
        long = declared::CONFIGURATION_CACHE.long,
        value_name = "SECONDS",
        env = declared::CONFIGURATION_CACHE.env,
        help_heading = "Gateway"
    )]
    pub(crate) configuration_cache: Option<u32>,

    /// Read the gateway's access token from a file instead of minting one (or set
    /// THREESCALE_ACCESS_TOKEN); it needs the account_management scope
    #[arg(
        long = declared::ACCESS_TOKEN.file.long,
        value_name = "PATH",
        env = declared::ACCESS_TOKEN.file.env,
        conflicts_with = declared::ACCESS_TOKEN.stdin.id,
        help_heading = "Gateway"
    )]
    pub(crate) access_token_file: Option<PathBuf>,

    /// Read the gateway's access token from standard input instead of minting one
    #[arg(
        long = declared::ACCESS_TOKEN.stdin.long,
        env = declared::ACCESS_TOKEN.stdin.env,
        value_parser = BoolishValueParser::new(),
        conflicts_with = declared::REGISTRY_PASSWORD.stdin.id,
        help_heading = "Gateway"
    )]
    pub(crate) access_token_stdin: bool,

    /// Never prompt: take every value from flags, environment or the answers file, and fail
    /// listing everything missing
    #[arg(short = 'y', long = declared::YES.long, env = declared::YES.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) yes: bool,

    /// Print the plan instead of changing anything
    #[arg(long = declared::DRY_RUN.long, env = declared::DRY_RUN.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) dry_run: bool,

    #[command(flatten)]
    pub(crate) portal: PortalArgs,
    #[command(flatten)]
    pub(crate) registry: RegistryArgs,
    #[command(flatten)]
    pub(crate) templates: TemplateArgs,
    #[command(flatten)]
    pub(crate) http: HttpArgs,
    #[command(flatten)]
    pub(crate) wait: WaitArgs,
}

#[derive(Debug, Args)]
pub(crate) struct GatewayListArgs {
    #[command(flatten)]
    pub(crate) http: HttpArgs,
}

#[derive(Debug, Args)]
pub(crate) struct GatewayStatusArgs {
    /// The gateway [default: every gateway]
    #[arg(value_name = "NAME")]
    pub(crate) name: Option<String>,

    #[command(flatten)]
    pub(crate) http: HttpArgs,
}

#[derive(Debug, Args)]
pub(crate) struct GatewayRemoveArgs {
    /// The gateway to remove
    #[arg(value_name = "NAME")]
    pub(crate) name: String,

    /// Do not ask before removing
    #[arg(short = 'y', long = declared::YES.long, env = declared::YES.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) yes: bool,

    /// Leave the access token the gateway was given in 3scale (by default the token `gateway add`
    /// minted is revoked)
    #[arg(long = declared::KEEP_TOKEN.long, env = declared::KEEP_TOKEN.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) keep_token: bool,

    /// Print what would change, and change nothing (on the cluster, in 3scale, on this machine)
    #[arg(long, env = "THREESCALE_DRY_RUN", value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) dry_run: bool,

    #[command(flatten)]
    pub(crate) portal: PortalArgs,
    #[command(flatten)]
    pub(crate) http: HttpArgs,
}

/// The monitoring subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum MonitoringCommand {
    /// Show the monitoring stack (user-workload monitoring, the monitoring API, your rights, the
    /// Grafana operator) and every change `monitoring enable` would make; changes nothing
    Plan(MonitoringArgs),
    /// Expose the metrics 3scale 2.8 emits (patching deployment configs: one rollout each) and
    /// create PodMonitors, alerting rules and Grafana dashboards; a re-run changes nothing
    Enable(MonitoringChangeArgs),
    /// Show the monitoring objects, the patched components and, when your token may query the
    /// cluster's monitoring API, the health of each target and what each rule returns
    Status(MonitoringStatusArgs),
    /// Delete what `monitoring enable` created and take back its patches of the deployment
    /// configs
    Disable(MonitoringChangeArgs),
}

/// What every monitoring subcommand reads besides the global options.
#[derive(Debug, Args)]
pub(crate) struct MonitoringArgs {
    /// Where the Grafana dashboards are written as JSON files, for any Grafana [default:
    /// dashboards/ in the project's state directory]
    #[arg(long = declared::DASHBOARDS_DIR.long, value_name = "DIR", env = declared::DASHBOARDS_DIR.env, help_heading = "Output")]
    pub(crate) dashboards_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct MonitoringChangeArgs {
    /// Do not ask before changing
    #[arg(short = 'y', long = declared::YES.long, env = declared::YES.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) yes: bool,

    /// Print what would change, and change nothing (on the cluster or on this machine)
    #[arg(long = declared::DRY_RUN.long, env = declared::DRY_RUN.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) dry_run: bool,

    #[command(flatten)]
    pub(crate) common: MonitoringArgs,
}

#[derive(Debug, Args)]
pub(crate) struct MonitoringStatusArgs {
    /// The cluster's monitoring API (Thanos Querier): https://HOST[:PORT][/PATH] [default: the
    /// route thanos-querier of openshift-monitoring]
    #[arg(long = declared::MONITORING_URL.long, value_name = "URL", env = declared::MONITORING_URL.env, help_heading = "Monitoring API")]
    pub(crate) monitoring_url: Option<String>,

    #[command(flatten)]
    pub(crate) common: MonitoringArgs,

    #[command(flatten)]
    pub(crate) http: HttpArgs,
}

/// What `export` writes.
#[derive(Debug, Subcommand)]
pub(crate) enum ExportCommand {
    /// An APIManager custom resource for the 3scale operator of a release (YAML; JSON with -o
    /// json), checked against that release's CRD, with the secrets the operator adopts (names
    /// and keys, never values) and what the resource cannot express; changes nothing
    Apimanager(ExportApimanagerArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ExportApimanagerArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArgs,

    /// The 3scale operator release to write the APIManager for: 2.8, 2.9, 2.10, 2.11 or 2.12
    /// [default: the release the install runs]
    #[arg(long = declared::OPERATOR_VERSION.long, value_name = "RELEASE", env = declared::OPERATOR_VERSION.env)]
    pub(crate) operator_version: Option<String>,
}

/// The upgrade subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum UpgradeCommand {
    /// The ordered changes from the installed release to a later template release, one minor
    /// release at a time: parameters, objects and their fields, images, rollouts, the backup,
    /// and what was edited by hand since the install; changes nothing
    Plan(UpgradePlanArgs),
}

#[derive(Debug, Args)]
pub(crate) struct UpgradePlanArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArgs,

    /// The release to plan to: 2.9, 2.9.1.GA, 3scale-2.10.0-GA, or another ref of the templates
    /// repository; past 2.12 (the last template release) the plan says what the operator does
    #[arg(long = declared::UPGRADE_TO.long, value_name = "REF", env = declared::UPGRADE_TO.env)]
    pub(crate) to: Option<String>,
}

/// The tenant subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum TenantCommand {
    /// Sign a tenant up through the Master API, activate its admin user, wait for its routes and
    /// store its login; a tenant of the same organization name is not created again
    Create(TenantCreateArgs),
    /// List the tenants of the install (the master's accounts)
    List(TenantArgs),
    /// Show a tenant: its state, portals, routes, and whether the stored token still works
    Show(TenantShowArgs),
    /// Schedule a tenant's deletion (3scale keeps it 15 days, when it can be resumed) and remove
    /// its stored login
    Remove(TenantRemoveArgs),
}

/// What every tenant subcommand reads besides the global options: the install, and how to reach
/// its 3scale.
#[derive(Debug, Args)]
pub(crate) struct TenantArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArgs,

    #[command(flatten)]
    pub(crate) http: HttpArgs,

    /// The install's credentials file; tenants' logins are kept in tenants/ beside it (mode
    /// 0600) [default: credentials.yaml in the project's state directory]
    #[arg(
        long = declared::CREDENTIALS_FILE.long,
        value_name = "PATH",
        env = declared::CREDENTIALS_FILE.env,
        help_heading = "Output"
    )]
    pub(crate) credentials_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct TenantCreateArgs {
    /// Never prompt: take every value from flags, environment or the answers file, and fail listing
    /// everything missing
    #[arg(short = 'y', long = declared::YES.long, env = declared::YES.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) yes: bool,

    /// Print what would change, and change nothing (on the cluster, in 3scale, on this machine)
    #[arg(long, env = "THREESCALE_DRY_RUN", value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) dry_run: bool,

    /// The tenant's organization name; 3scale makes its portals' names from it ("ACME Corp":
    /// acme-corp-admin.DOMAIN)
    #[arg(
        long = declared::ORG_NAME.long,
        value_name = "NAME",
        env = declared::ORG_NAME.env,
        help_heading = "Tenant"
    )]
    pub(crate) org_name: Option<String>,

    /// Username of the tenant's admin user: 3 to 40 letters, digits and .-_@+
    #[arg(
        long = declared::ADMIN_USERNAME.long,
        value_name = "USER",
        env = declared::ADMIN_USERNAME.env,
        help_heading = "Tenant"
    )]
    pub(crate) admin_username: Option<String>,

    /// E-mail address of the tenant's admin user
    #[arg(
        long = declared::ADMIN_EMAIL.long,
        value_name = "EMAIL",
        env = declared::ADMIN_EMAIL.env,
        help_heading = "Tenant"
    )]
    pub(crate) admin_email: Option<String>,

    /// Read the admin password from a file (or set THREESCALE_TENANT_ADMIN_PASSWORD); without
    /// one, a strong password is generated
    #[arg(
        long = declared::ADMIN_PASSWORD.file.long,
        value_name = "PATH",
        env = declared::ADMIN_PASSWORD.file.env,
        conflicts_with = declared::ADMIN_PASSWORD.stdin.id,
        help_heading = "Tenant"
    )]
    pub(crate) admin_password_file: Option<PathBuf>,

    /// Read the admin password from standard input
    #[arg(long = declared::ADMIN_PASSWORD.stdin.long, env = declared::ADMIN_PASSWORD.stdin.env, value_parser = BoolishValueParser::new(), help_heading = "Tenant")]
    pub(crate) admin_password_stdin: bool,

    /// Also keep the tenant's adminURL and token in a Secret of the install's project, with the
    /// keys of the 3scale operator's tenant Secret
    #[arg(long = declared::STORE_SECRET.long, env = declared::STORE_SECRET.env, value_parser = BoolishValueParser::new(), help_heading = "Output")]
    pub(crate) store_secret: bool,

    /// The name of that Secret [default: tenant-SUBDOMAIN, e.g. tenant-acme-corp]
    #[arg(
        long = declared::SECRET_NAME.long,
        value_name = "NAME",
        env = declared::SECRET_NAME.env,
        help_heading = "Output"
    )]
    pub(crate) secret_name: Option<String>,

    /// Print the password and token (hidden otherwise, at a terminal too)
    #[arg(long = declared::SHOW_SECRETS.long, env = declared::SHOW_SECRETS.env, value_parser = BoolishValueParser::new(), help_heading = "Output")]
    pub(crate) show_secrets: bool,

    #[command(flatten)]
    pub(crate) wait: WaitArgs,

    #[command(flatten)]
    pub(crate) common: TenantArgs,
}

#[derive(Debug, Args)]
pub(crate) struct TenantShowArgs {
    /// The tenant: its id, organization name, subdomain or admin portal host
    #[arg(value_name = "NAME-OR-ID")]
    pub(crate) tenant: String,

    /// Print the stored password and token (hidden otherwise, at a terminal too)
    #[arg(long = declared::SHOW_SECRETS.long, env = declared::SHOW_SECRETS.env, value_parser = BoolishValueParser::new(), help_heading = "Output")]
    pub(crate) show_secrets: bool,

    #[command(flatten)]
    pub(crate) common: TenantArgs,
}

#[derive(Debug, Args)]
pub(crate) struct TenantRemoveArgs {
    /// The tenant: its id, organization name, subdomain or admin portal host
    #[arg(value_name = "NAME-OR-ID")]
    pub(crate) tenant: String,

    /// Do not ask before scheduling the deletion
    #[arg(short = 'y', long = declared::YES.long, env = declared::YES.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) yes: bool,

    /// Print what would change, and change nothing (on the cluster, in 3scale, on this machine)
    #[arg(long, env = "THREESCALE_DRY_RUN", value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) dry_run: bool,

    #[command(flatten)]
    pub(crate) common: TenantArgs,
}

/// A refused value that came from the environment says so: clap names only the flag, and a
/// person who never typed it would look for it on the command line.
pub(crate) fn name_the_variable(err: clap::Error, cmd: &clap::Command) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if !matches!(
        err.kind(),
        ErrorKind::ValueValidation | ErrorKind::InvalidValue
    ) {
        return err;
    }
    let (Some(ContextValue::String(arg)), Some(ContextValue::String(value))) = (
        err.get(ContextKind::InvalidArg),
        err.get(ContextKind::InvalidValue),
    ) else {
        return err;
    };
    let long = arg
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_start_matches('-')
        .to_string();
    let value = value.clone();
    fn env_of(cmd: &clap::Command, long: &str) -> Option<String> {
        cmd.get_arguments()
            .find(|a| a.get_long() == Some(long))
            .and_then(|a| a.get_env())
            .map(|e| e.to_string_lossy().into_owned())
            .or_else(|| cmd.get_subcommands().find_map(|s| env_of(s, long)))
    }
    let Some(var) = env_of(cmd, &long) else {
        return err;
    };
    let typed = std::env::args()
        .skip(1)
        .any(|a| a == value || a.ends_with(&format!("={value}")));
    if std::env::var(&var).ok().as_deref() != Some(value.as_str()) || typed {
        return err;
    }
    // The variable is the source: the error names it first, and the flag after it.
    let why = match (err.kind(), err.get(ContextKind::ValidValue)) {
        (ErrorKind::InvalidValue, Some(ContextValue::Strings(valid))) => {
            format!("it is none of {}", valid.join(", "))
        }
        _ => std::error::Error::source(&err)
            .map(ToString::to_string)
            .unwrap_or_else(|| "it is not a value of this option".into()),
    };
    let hint = if why.contains("boolean") {
        " (1/0, true/false, yes/no or on/off)"
    } else {
        ""
    };
    clap::Error::raw(
        err.kind(),
        format!(
            "invalid value '{value}' in the environment variable {var} (the variable of --{long}): {why}\n\nhelp: correct {var}{hint} or unset it\n"
        ),
    )
    .with_cmd(cmd)
}

/// Install flags written before a subcommand (`threescale-install --yes status`): they would
/// be ignored, so they are named in an error that says where they go.
pub(crate) fn install_flags_before(matches: &clap::ArgMatches) -> Vec<String> {
    if matches.subcommand().is_none() {
        return Vec::new();
    }
    let global: Vec<String> = GlobalArgs::augment_args(clap::Command::new("global"))
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let cmd = <Cli as clap::CommandFactory>::command();
    cmd.get_arguments()
        .filter(|a| !global.contains(&a.get_id().to_string()))
        .filter(|a| {
            matches.value_source(a.get_id().as_str())
                == Some(clap::parser::ValueSource::CommandLine)
        })
        .map(|a| match a.get_long() {
            Some(l) => format!("--{l}"),
            None => a.get_id().to_string(),
        })
        .collect()
}

const fn version_text() -> &'static str {
    concat!(
        env!("CARGO_PKG_VERSION"),
        " (default templates ref 2.8.0.GA)"
    )
}

fn parse_duration(text: &str) -> Result<Duration, String> {
    crate::duration::parse(text)
}

fn parse_poll_interval(text: &str) -> Result<Duration, String> {
    let d = parse_duration(text)?;
    if d > Duration::from_secs(2) {
        return Err("at most 2s: readiness must be noticed quickly".into());
    }
    Ok(d)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
}

/// The install profiles of the 2.8.0.GA templates, offered by completion. Any other value is
/// accepted too: a profile of another checkout, or a path to a template file.
pub(crate) const PROFILES: &[&str] = &[
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
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_flag_has_an_environment_variable() {
        let cmd = Cli::command();
        let mut commands = vec![&cmd];
        let mut i = 0;
        while i < commands.len() {
            commands.extend(commands[i].get_subcommands().filter(|s| !s.is_hide_set()));
            i += 1;
        }
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

    #[test]
    fn global_options_go_before_or_after_the_subcommand() {
        let a = Cli::try_parse_from(["t", "--project", "x", "status"]).unwrap();
        let b = Cli::try_parse_from(["t", "status", "--project", "x"]).unwrap();
        assert_eq!(a.global.project.as_deref(), Some("x"));
        assert_eq!(b.global.project.as_deref(), Some("x"));
        assert!(
            Cli::try_parse_from(["t", "--project", "x", "-o", "json", "uninstall", "--yes"])
                .is_ok()
        );
        let misplaced = install_flags_before(&Cli::command().get_matches_from([
            "t",
            "--wildcard-domain",
            "a.b",
            "status",
        ]));
        assert_eq!(misplaced, ["--wildcard-domain"]);
        assert!(install_flags_before(&Cli::command().get_matches_from([
            "t",
            "--project",
            "x",
            "status"
        ]))
        .is_empty());
    }
}
