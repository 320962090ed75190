//! The command line of the commands on a tenant's admin portal: `sso` (single sign-on with Red
//! Hat SSO) and `users` (its users and what they may reach). clap derive only; names from
//! `inputs::declared`.

use super::TenantArgs;
use crate::inputs::declared;
use clap::builder::BoolishValueParser;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// Which tenant's admin portal, and how to reach the install.
#[derive(Debug, Args)]
pub(crate) struct AdminPortalArgs {
    /// The tenant whose admin portal it is: its id, organization name, subdomain or admin portal
    /// host; another tenant's token must be kept on this machine (`tenant create` keeps it)
    /// [default: the install's own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]
    #[arg(long = declared::TENANT.long, value_name = "NAME-OR-ID", env = declared::TENANT.env)]
    pub(crate) tenant: Option<String>,

    #[command(flatten)]
    pub(crate) common: TenantArgs,
}

/// `--yes` and `--dry-run` of a command that changes an admin portal.
#[derive(Debug, Args)]
pub(crate) struct ChangeArgs {
    /// Do not ask before changing
    #[arg(short = 'y', long = declared::YES.long, env = declared::YES.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) yes: bool,

    /// Print what would change, and change nothing (in 3scale, in Red Hat SSO, on this machine)
    #[arg(long = declared::DRY_RUN.long, env = declared::DRY_RUN.env, value_parser = BoolishValueParser::new(), help_heading = "Run")]
    pub(crate) dry_run: bool,
}

/// The `sso` subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum SsoCommand {
    /// Add (or bring up to date) Red Hat SSO as a login of the admin portal: the realm checked
    /// from here, the integration made through the API, its redirect URI printed, the client
    /// set in the realm with --create-client, published with --publish
    Add(SsoAddArgs),
    /// List the admin portal's SSO integrations (never their secrets)
    List(AdminPortalArgs),
    /// Show one SSO integration: its realm, client, redirect URIs and state
    Show(SsoNameArgs),
    /// Unpublish an SSO integration (3scale 2.8's API cannot delete one; how to is printed)
    Remove(SsoRemoveArgs),
}

#[derive(Debug, Args)]
pub(crate) struct SsoAddArgs {
    /// The realm's URL, its issuer: https://HOST/auth/realms/REALM
    #[arg(long = declared::REALM_URL.long, value_name = "URL", env = declared::REALM_URL.env, help_heading = "Red Hat SSO")]
    pub(crate) realm_url: Option<String>,

    /// The client ID of the admin portal's client in the realm
    #[arg(long = declared::CLIENT_ID.long, value_name = "ID", env = declared::CLIENT_ID.env, help_heading = "Red Hat SSO")]
    pub(crate) client_id: Option<String>,

    /// Read the client's secret from a file (or set THREESCALE_SSO_CLIENT_SECRET)
    #[arg(
        long = declared::CLIENT_SECRET.file.long,
        value_name = "PATH",
        env = declared::CLIENT_SECRET.file.env,
        conflicts_with = declared::CLIENT_SECRET.stdin.id,
        help_heading = "Red Hat SSO"
    )]
    pub(crate) client_secret_file: Option<PathBuf>,

    /// Read the client's secret from standard input
    #[arg(long = declared::CLIENT_SECRET.stdin.long, env = declared::CLIENT_SECRET.stdin.env, value_parser = BoolishValueParser::new(), help_heading = "Red Hat SSO")]
    pub(crate) client_secret_stdin: bool,

    /// The integration's name on the admin portal; its system name (the end of the callback
    /// URL) is made from it [default: Red Hat Single Sign-On, system name rhsso]
    #[arg(id = "sso_name", long = declared::SSO_NAME.long, value_name = "NAME", env = declared::SSO_NAME.env, help_heading = "Integration")]
    pub(crate) name: Option<String>,

    /// Publish the integration: the admin portal's login page offers it
    #[arg(long = declared::PUBLISH.long, env = declared::PUBLISH.env, value_parser = BoolishValueParser::new(), help_heading = "Integration")]
    pub(crate) publish: bool,

    /// Create or update the client in the realm (confidential, standard flow, the redirect
    /// URIs, the secret given), as a Red Hat SSO administrator
    #[arg(long = declared::CREATE_CLIENT.long, env = declared::CREATE_CLIENT.env, value_parser = BoolishValueParser::new(), help_heading = "Red Hat SSO administrator")]
    pub(crate) create_client: bool,

    /// The administrator's username [default: admin]
    #[arg(long = declared::SSO_ADMIN_USERNAME.long, value_name = "USER", env = declared::SSO_ADMIN_USERNAME.env, help_heading = "Red Hat SSO administrator")]
    pub(crate) sso_admin_username: Option<String>,

    /// The realm the administrator logs in to [default: master]
    #[arg(long = declared::SSO_ADMIN_REALM.long, value_name = "REALM", env = declared::SSO_ADMIN_REALM.env, help_heading = "Red Hat SSO administrator")]
    pub(crate) sso_admin_realm: Option<String>,

    /// Read the administrator's password from a file (or set THREESCALE_SSO_ADMIN_PASSWORD);
    /// with it, the admin portal's users are also looked up in the realm
    #[arg(
        long = declared::SSO_ADMIN_PASSWORD.file.long,
        value_name = "PATH",
        env = declared::SSO_ADMIN_PASSWORD.file.env,
        conflicts_with = declared::SSO_ADMIN_PASSWORD.stdin.id,
        help_heading = "Red Hat SSO administrator"
    )]
    pub(crate) sso_admin_password_file: Option<PathBuf>,

    /// Read the administrator's password from standard input
    #[arg(long = declared::SSO_ADMIN_PASSWORD.stdin.long, env = declared::SSO_ADMIN_PASSWORD.stdin.env, value_parser = BoolishValueParser::new(), help_heading = "Red Hat SSO administrator")]
    pub(crate) sso_admin_password_stdin: bool,

    #[command(flatten)]
    pub(crate) run: ChangeArgs,

    #[command(flatten)]
    pub(crate) portal: AdminPortalArgs,
}

#[derive(Debug, Args)]
pub(crate) struct SsoNameArgs {
    /// The integration: its system name, id or name
    #[arg(value_name = "NAME")]
    pub(crate) name: String,

    #[command(flatten)]
    pub(crate) portal: AdminPortalArgs,
}

#[derive(Debug, Args)]
pub(crate) struct SsoRemoveArgs {
    /// The integration: its system name, id or name
    #[arg(value_name = "NAME")]
    pub(crate) name: String,

    #[command(flatten)]
    pub(crate) run: ChangeArgs,

    #[command(flatten)]
    pub(crate) portal: AdminPortalArgs,
}

/// The `users` subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum UsersCommand {
    /// List the admin portal's users: role, state, and each member's sections and products
    List(AdminPortalArgs),
    /// Add a user (active, no password: it signs in by SSO, or sets one with "forgot password"),
    /// an admin or a member with what it is granted
    Add(UsersAddArgs),
    /// Make a user an admin or a member
    Role(UsersRoleArgs),
    /// Set exactly what a member reaches: its sections and products
    Grant(UsersGrantArgs),
    /// Suspend a user: its sessions end, and it cannot sign in (by SSO either)
    Suspend(UserArgs),
    /// Make a suspended (or pending) user active again
    Unsuspend(UserArgs),
    /// Remove a user, with its access tokens
    Remove(UserArgs),
    /// Make the admin portal's users those of a team file (admins, and members with their
    /// sections and services); prints the difference first
    Sync(UsersSyncArgs),
}

/// What a member is granted.
#[derive(Debug, Args)]
#[command(next_help_heading = "Access of a member")]
pub(crate) struct GrantArgs {
    /// A section of the admin portal, repeatable or comma-separated: portal, finance, settings,
    /// partners, monitoring, plans, policy_registry [default: none]
    #[arg(long = declared::USER_SECTIONS.long, value_name = "SECTION", env = declared::USER_SECTIONS.env, value_delimiter = ',')]
    pub(crate) sections: Vec<String>,

    /// A product, by system name or id, repeatable or comma-separated [default: none]
    #[arg(long = declared::USER_SERVICES.long, value_name = "PRODUCT", env = declared::USER_SERVICES.env, value_delimiter = ',', conflicts_with = declared::ALL_SERVICES.id)]
    pub(crate) services: Vec<String>,

    /// Every product, now and later
    #[arg(long = declared::ALL_SERVICES.long, env = declared::ALL_SERVICES.env, value_parser = BoolishValueParser::new())]
    pub(crate) all_services: bool,
}

#[derive(Debug, Args)]
pub(crate) struct UsersAddArgs {
    /// The username: 3 to 40 letters, digits and .-_@+ (with SSO: the user's username in the
    /// realm)
    #[arg(value_name = "USERNAME")]
    pub(crate) username: String,

    /// The user's e-mail, in lower case (what SSO matches)
    #[arg(long = declared::USER_EMAIL.long, value_name = "EMAIL", env = declared::USER_EMAIL.env)]
    pub(crate) email: Option<String>,

    /// admin or member [default: member]
    #[arg(long = declared::USER_ROLE.long, value_name = "ROLE", env = declared::USER_ROLE.env)]
    pub(crate) role: Option<String>,

    #[command(flatten)]
    pub(crate) grant: GrantArgs,

    #[command(flatten)]
    pub(crate) run: ChangeArgs,

    #[command(flatten)]
    pub(crate) portal: AdminPortalArgs,
}

#[derive(Debug, Args)]
pub(crate) struct UsersRoleArgs {
    /// The user: its username or id
    #[arg(value_name = "USER")]
    pub(crate) user: String,

    /// admin or member
    #[arg(id = "new_role", value_name = "ROLE", value_parser = ["admin", "member"])]
    pub(crate) role: String,

    #[command(flatten)]
    pub(crate) run: ChangeArgs,

    #[command(flatten)]
    pub(crate) portal: AdminPortalArgs,
}

#[derive(Debug, Args)]
pub(crate) struct UsersGrantArgs {
    /// The member: its username or id
    #[arg(value_name = "USER")]
    pub(crate) user: String,

    #[command(flatten)]
    pub(crate) grant: GrantArgs,

    #[command(flatten)]
    pub(crate) run: ChangeArgs,

    #[command(flatten)]
    pub(crate) portal: AdminPortalArgs,
}

#[derive(Debug, Args)]
pub(crate) struct UserArgs {
    /// The user: its username or id
    #[arg(value_name = "USER")]
    pub(crate) user: String,

    #[command(flatten)]
    pub(crate) run: ChangeArgs,

    #[command(flatten)]
    pub(crate) portal: AdminPortalArgs,
}

#[derive(Debug, Args)]
pub(crate) struct UsersSyncArgs {
    /// The team file (YAML): `admins:` and `members:`, each a list of `username:` and `email:`;
    /// members also `sections:` and `services:` (system names or ids, or `all`)
    #[arg(id = "team_file", long = declared::TEAM_FILE.long, value_name = "PATH", env = declared::TEAM_FILE.env)]
    pub(crate) file: PathBuf,

    /// Also remove the users the file does not list (never the token's own)
    #[arg(long = declared::PRUNE.long, env = declared::PRUNE.env, value_parser = BoolishValueParser::new())]
    pub(crate) prune: bool,

    #[command(flatten)]
    pub(crate) run: ChangeArgs,

    #[command(flatten)]
    pub(crate) portal: AdminPortalArgs,
}
