//! Every value a command takes, declared once: its clap id, long flag, environment variable,
//! answers-file key, label and whether it is a secret. `cli.rs` takes the flag and variable names
//! from here; the resolvers, the missing-value messages (`Ways`) and the sources (`Source::Flag`,
//! `Source::Env`, `Source::AnswersFile`) do too. The tests below hold the command line and the
//! answers file to this table.

use super::Ways;

/// One flag, with the environment variable clap reads for it and its answers-file key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decl {
    /// clap's id of the argument: its field name in `cli.rs`.
    pub(crate) id: &'static str,
    /// The long flag, without `--`.
    pub(crate) long: &'static str,
    pub(crate) env: &'static str,
    /// `key`, or `section.key`; `None`: the answers file does not give it.
    pub(crate) key: Option<&'static str>,
    /// What the wizard and the errors call the value.
    pub(crate) label: &'static str,
    /// The flag says where a secret is (standard input, a file), never the secret itself.
    pub(crate) secret: bool,
}

impl Decl {
    /// `--long`, as messages name the flag.
    pub(crate) fn flag(&self) -> String {
        format!("--{}", self.long)
    }

    /// The flag, variable and answers-file key that give the value.
    pub(crate) fn ways(&self) -> Ways {
        Ways {
            flag: self.flag(),
            env: self.env.into(),
            key: self.key.unwrap_or_default().into(),
        }
    }
}

/// A secret: its own environment variable, a flag to read it from standard input, one to read it
/// from a file (whose answers-file key names that file), and the answers-file key that would
/// hold it inline, which is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SecretDecl {
    pub(crate) label: &'static str,
    /// The variable that holds the secret itself.
    pub(crate) env: &'static str,
    pub(crate) stdin: Decl,
    pub(crate) file: Decl,
    /// Refused: a secret does not belong in an answers file.
    pub(crate) inline_key: Option<&'static str>,
    /// What happens when no way gives it, for the refusal's help.
    pub(crate) if_left_out: Option<&'static str>,
}

impl SecretDecl {
    pub(crate) fn ways(&self) -> Ways {
        Ways {
            flag: format!("{} or {}", self.stdin.flag(), self.file.flag()),
            env: self.env.into(),
            key: self.file.key.unwrap_or_default().into(),
        }
    }
}

/// Declares the flags that are not a secret's, one a line:
/// `CONST: id, "long", "VARIABLE", "answers-file key" (or -), "label";`.
macro_rules! flags {
    ($($name:ident: $id:ident, $long:literal, $env:literal, $key:tt, $label:literal;)*) => {
        $(pub(crate) const $name: Decl = Decl {
            id: stringify!($id),
            long: $long,
            env: $env,
            key: flags!(@key $key),
            label: $label,
            secret: false,
        };)*

        /// Every flag above.
        #[cfg(test)]
        const FLAGS: &[&Decl] = &[$(&$name),*];
    };
    (@key -) => { None };
    (@key $key:literal) => { Some($key) };
}

flags! {
    // const                  clap id                   --flag                      variable                                   answers-file key               label
    //
    // Global options.
    PROJECT:                  project,                  "project",                  "THREESCALE_PROJECT",                      "project",                      "project";
    CONFIG:                   config,                   "config",                   "THREESCALE_CONFIG",                       -,                              "answers file";
    OC:                       oc,                       "oc",                       "THREESCALE_OC",                           "oc",                           "oc binary";
    KUBECONFIG:               kubeconfig,               "kubeconfig",               "THREESCALE_KUBECONFIG",                   "kubeconfig",                   "kubeconfig";
    CONTEXT:                  context,                  "context",                  "THREESCALE_CONTEXT",                      "context",                      "kubeconfig context";
    OC_TIMEOUT:               oc_timeout,               "oc-timeout",               "THREESCALE_OC_TIMEOUT",                   "oc_timeout",                   "deadline of one oc call";
    VERBOSE:                  verbose,                  "verbose",                  "THREESCALE_VERBOSE",                      -,                              "verbose";
    QUIET:                    quiet,                    "quiet",                    "THREESCALE_QUIET",                        -,                              "quiet";
    OUTPUT:                   output,                   "output",                   "THREESCALE_OUTPUT",                       -,                              "output format";
    NO_INPUT:                 no_input,                 "no-input",                 "THREESCALE_NO_INPUT",                     -,                              "never prompt";
    LOG_FILE:                 log_file,                 "log-file",                 "THREESCALE_LOG_FILE",                     "log_file",                     "transcript";
    // How a command runs and what it prints.
    YES:                      yes,                      "yes",                      "THREESCALE_YES",                          -,                              "never prompt";
    DRY_RUN:                  dry_run,                  "dry-run",                  "THREESCALE_DRY_RUN",                      -,                              "dry run";
    CONFIRM_PASSWORD:         confirm_password,         "confirm-password",         "THREESCALE_CONFIRM_PASSWORD",             -,                              "confirm the registry password";
    CREDENTIALS_FILE:         credentials_file,         "credentials-file",         "THREESCALE_CREDENTIALS_FILE",             "credentials_file",             "credentials file";
    SHOW_SECRETS:             show_secrets,             "show-secrets",             "THREESCALE_SHOW_SECRETS",                 "show_secrets",                 "show secrets";
    DELETE_PROJECT:           delete_project,           "delete-project",           "THREESCALE_DELETE_PROJECT",               -,                              "delete the project";
    KEEP_CREDENTIALS:         keep_credentials,         "keep-credentials",         "THREESCALE_KEEP_CREDENTIALS",             -,                              "keep the credentials file";
    KEEP_TOKEN:               keep_token,               "keep-token",               "THREESCALE_KEEP_TOKEN",                   -,                              "keep the access token";
    // A support bundle (`gather`).
    ARCHIVE:                  archive,                  "archive",                  "THREESCALE_GATHER_ARCHIVE",               -,                              "support bundle archive";
    FORCE:                    force,                    "force",                    "THREESCALE_GATHER_FORCE",                 -,                              "replace the archive";
    SINCE:                    since,                    "since",                    "THREESCALE_GATHER_SINCE",                 -,                              "logs since";
    MAN_DIR:                  man_dir,                  "dir",                      "THREESCALE_MAN_DIR",                      -,                              "man page directory";
    // Waiting, and the checks at the end.
    NO_WAIT:                  no_wait,                  "no-wait",                  "THREESCALE_NO_WAIT",                      "no_wait",                      "do not wait";
    TIMEOUT:                  timeout,                  "timeout",                  "THREESCALE_TIMEOUT",                      "timeout",                      "timeout";
    POLL_INTERVAL:            poll_interval,            "poll-interval",            "THREESCALE_POLL_INTERVAL",                "poll_interval",                "poll interval";
    NO_VERIFY:                no_verify,                "no-verify",                "THREESCALE_NO_VERIFY",                    "no_verify",                    "do not verify";
    // HTTPS to 3scale.
    CA_FILE:                  ca_file,                  "ca-file",                  "THREESCALE_CA_FILE",                      "ca_file",                      "CA file";
    INSECURE_SKIP_TLS_VERIFY: insecure_skip_tls_verify, "insecure-skip-tls-verify", "THREESCALE_INSECURE_SKIP_TLS_VERIFY",     "insecure_skip_tls_verify",     "skip TLS verification";
    RESOLVE:                  resolve,                  "resolve",                  "THREESCALE_RESOLVE",                      "resolve",                      "host address";
    // The checks before any change.
    SKIP_CHECKS:              skip_checks,              "skip-check",               "THREESCALE_SKIP_CHECKS",                  "skip_checks",                  "skipped check";
    STRICT:                   strict,                   "strict",                   "THREESCALE_STRICT",                       "strict",                       "strict sizing";
    ALLOW_OUTSIDE_PROJECT:    allow_outside_project,    "allow-outside-project",    "THREESCALE_ALLOW_OUTSIDE_PROJECT",        "allow_outside_project",        "objects outside the project";
    // The install.
    TEMPLATE:                 template,                 "template",                 "THREESCALE_TEMPLATE",                     "template",                     "install profile";
    DISPLAY_NAME:             display_name,             "display-name",             "THREESCALE_DISPLAY_NAME",                 "display_name",                 "display name";
    WILDCARD_DOMAIN:          wildcard_domain,          "wildcard-domain",          "THREESCALE_WILDCARD_DOMAIN",              "wildcard_domain",              "wildcard domain";
    RWX_STORAGE_CLASS:        rwx_storage_class,        "rwx-storage-class",        "THREESCALE_RWX_STORAGE_CLASS",            "rwx_storage_class",            "RWX storage class";
    PARAMS:                   params,                   "param",                    "THREESCALE_PARAMS",                       "params",                       "template parameters";
    REGISTRY_SERVER:          registry_server,          "registry-server",          "THREESCALE_REGISTRY_SERVER",              "registry_server",              "registry server";
    REGISTRY_USERNAME:        registry_username,        "registry-username",        "THREESCALE_REGISTRY_USERNAME",            "registry_username",            "registry username";
    // The templates.
    TEMPLATES_REPO:           templates_repo,           "templates-repo",           "THREESCALE_TEMPLATES_REPO",               "templates_repo",               "templates repository";
    TEMPLATES_REF:            templates_ref,            "templates-ref",            "THREESCALE_TEMPLATES_REF",                "templates_ref",                "templates ref";
    TEMPLATES_DIR:            templates_dir,            "templates-dir",            "THREESCALE_TEMPLATES_DIR",                "templates_dir",                "templates directory";
    REFRESH_TEMPLATES:        refresh_templates,        "refresh-templates",        "THREESCALE_REFRESH_TEMPLATES",            -,                              "refresh the templates";
    // Where the install is whose admin portal the gateways read (`gateway:` section).
    TENANT_PROJECT:           tenant_project,           "tenant-project",           "THREESCALE_TENANT_PROJECT",               "gateway.tenant_project",       "tenant project";
    PORTAL_CONTEXT:           portal_context,           "portal-context",           "THREESCALE_PORTAL_CONTEXT",               "gateway.portal_context",       "portal context";
    PORTAL_KUBECONFIG:        portal_kubeconfig,        "portal-kubeconfig",        "THREESCALE_PORTAL_KUBECONFIG",            "gateway.portal_kubeconfig",    "portal kubeconfig";
    // A gateway (`gateway:` section).
    GATEWAY_NAME:             name,                     "name",                     "THREESCALE_GATEWAY_NAME",                 "gateway.name",                 "gateway name";
    ENVIRONMENT:              environment,              "environment",              "THREESCALE_GATEWAY_ENVIRONMENT",          "gateway.environment",          "environment";
    HOSTS:                    hosts,                    "host",                     "THREESCALE_GATEWAY_HOSTS",                "gateway.hosts",                "host";
    CONFIGURATION_LOADER:     configuration_loader,     "configuration-loader",     "THREESCALE_GATEWAY_CONFIGURATION_LOADER", "gateway.configuration_loader", "configuration loader";
    CONFIGURATION_CACHE:      configuration_cache,      "configuration-cache",      "THREESCALE_GATEWAY_CONFIGURATION_CACHE",  "gateway.configuration_cache",  "configuration cache";
    // Monitoring.
    DASHBOARDS_DIR:           dashboards_dir,           "dashboards-dir",           "THREESCALE_DASHBOARDS_DIR",               -,                              "dashboards directory";
    MONITORING_URL:           monitoring_url,           "monitoring-url",           "THREESCALE_MONITORING_URL",               -,                              "monitoring API URL";
    // A tenant (`tenant:` section).
    ORG_NAME:                 org_name,                 "org-name",                 "THREESCALE_TENANT_ORG_NAME",              "tenant.org_name",              "organization name";
    ADMIN_USERNAME:           admin_username,           "admin-username",           "THREESCALE_TENANT_ADMIN_USERNAME",        "tenant.admin_username",        "admin username";
    ADMIN_EMAIL:              admin_email,              "admin-email",              "THREESCALE_TENANT_ADMIN_EMAIL",           "tenant.admin_email",           "admin e-mail";
    STORE_SECRET:             store_secret,             "store-secret",             "THREESCALE_TENANT_STORE_SECRET",          "tenant.store_secret",          "store a Secret";
    SECRET_NAME:              secret_name,              "secret-name",              "THREESCALE_TENANT_SECRET_NAME",           "tenant.secret_name",           "secret name";
    // Which tenant's admin portal the `sso` and `users` commands work on.
    TENANT:                   tenant,                   "tenant",                   "THREESCALE_TENANT",                       -,                              "tenant";
    // Admin-portal single sign-on with Red Hat SSO (`sso:` section).
    REALM_URL:                realm_url,                "realm-url",                "THREESCALE_SSO_REALM_URL",                "sso.realm_url",                "realm URL";
    CLIENT_ID:                client_id,                "client-id",                "THREESCALE_SSO_CLIENT_ID",                "sso.client_id",                "client ID";
    SSO_NAME:                 sso_name,                 "name",                     "THREESCALE_SSO_NAME",                     "sso.name",                     "integration name";
    PUBLISH:                  publish,                  "publish",                  "THREESCALE_SSO_PUBLISH",                  "sso.publish",                  "publish the integration";
    CREATE_CLIENT:            create_client,            "create-client",            "THREESCALE_SSO_CREATE_CLIENT",            "sso.create_client",            "create the client in Red Hat SSO";
    SSO_ADMIN_USERNAME:       sso_admin_username,       "sso-admin-username",       "THREESCALE_SSO_ADMIN_USERNAME",           "sso.admin_username",           "Red Hat SSO administrator";
    SSO_ADMIN_REALM:          sso_admin_realm,          "sso-admin-realm",          "THREESCALE_SSO_ADMIN_REALM",              "sso.admin_realm",              "Red Hat SSO administrator's realm";
    // The users of an admin portal.
    USER_EMAIL:               email,                    "email",                    "THREESCALE_USER_EMAIL",                   -,                              "e-mail";
    USER_ROLE:                role,                     "role",                     "THREESCALE_USER_ROLE",                    -,                              "role";
    USER_SECTIONS:            sections,                 "section",                  "THREESCALE_USER_SECTIONS",                -,                              "admin-portal section";
    USER_SERVICES:            services,                 "service",                  "THREESCALE_USER_SERVICES",                -,                              "product";
    ALL_SERVICES:             all_services,             "all-services",             "THREESCALE_USER_ALL_SERVICES",            -,                              "every product";
    TEAM_FILE:                team_file,                "file",                     "THREESCALE_USERS_FILE",                   -,                              "team file";
    PRUNE:                    prune,                    "prune",                    "THREESCALE_USERS_PRUNE",                  -,                              "remove the users not in the file";
    // The ways off the templates: the operator release of `export apimanager`, the target of
    // `upgrade plan` (per run, not install answers: no answers-file key).
    OPERATOR_VERSION:         operator_version,         "operator-version",         "THREESCALE_OPERATOR_VERSION",             -,                              "operator release";
    UPGRADE_TO:               to,                       "to",                       "THREESCALE_UPGRADE_TO",                   -,                              "target release";
}

/// Values of (secret) parameters, each read from a file: the flag names the file.
pub(crate) const PARAM_FILES: Decl = Decl {
    id: "param_files",
    long: "param-from-file",
    env: "THREESCALE_PARAM_FILES",
    key: Some("param_files"),
    label: "template parameter files",
    secret: true,
};

/// The flags that read a secret from standard input and from a file.
macro_rules! secret_flags {
    ($stdin:ident, $file:ident, $long:literal, $env:literal, $key:literal, $label:literal) => {
        (
            Decl {
                id: stringify!($stdin),
                long: concat!($long, "-stdin"),
                env: concat!($env, "_STDIN"),
                key: None,
                label: $label,
                secret: true,
            },
            Decl {
                id: stringify!($file),
                long: concat!($long, "-file"),
                env: concat!($env, "_FILE"),
                key: Some($key),
                label: concat!($label, " file"),
                secret: true,
            },
        )
    };
}

const REGISTRY_PASSWORD_FLAGS: (Decl, Decl) = secret_flags!(
    registry_password_stdin,
    registry_password_file,
    "registry-password",
    "THREESCALE_REGISTRY_PASSWORD",
    "registry_password_file",
    "registry password"
);
pub(crate) const REGISTRY_PASSWORD: SecretDecl = SecretDecl {
    label: "registry password",
    env: "THREESCALE_REGISTRY_PASSWORD",
    stdin: REGISTRY_PASSWORD_FLAGS.0,
    file: REGISTRY_PASSWORD_FLAGS.1,
    inline_key: Some("registry_password"),
    if_left_out: None,
};

/// The S3 profile's secret key: a template parameter, under its AWS name.
const AWS_SECRET_FLAGS: (Decl, Decl) = secret_flags!(
    aws_secret_access_key_stdin,
    aws_secret_access_key_file,
    "aws-secret-access-key",
    "THREESCALE_AWS_SECRET_ACCESS_KEY",
    "aws_secret_access_key_file",
    "AWS_SECRET_ACCESS_KEY"
);
pub(crate) const AWS_SECRET_ACCESS_KEY: SecretDecl = SecretDecl {
    label: "AWS_SECRET_ACCESS_KEY",
    env: "AWS_SECRET_ACCESS_KEY",
    stdin: AWS_SECRET_FLAGS.0,
    file: AWS_SECRET_FLAGS.1,
    inline_key: None,
    if_left_out: None,
};

/// A gateway's access token, when one is given instead of minted.
const ACCESS_TOKEN_FLAGS: (Decl, Decl) = secret_flags!(
    access_token_stdin,
    access_token_file,
    "access-token",
    "THREESCALE_ACCESS_TOKEN",
    "gateway.access_token_file",
    "access token"
);
pub(crate) const ACCESS_TOKEN: SecretDecl = SecretDecl {
    label: "access token",
    env: "THREESCALE_ACCESS_TOKEN",
    stdin: ACCESS_TOKEN_FLAGS.0,
    file: ACCESS_TOKEN_FLAGS.1,
    inline_key: Some("gateway.access_token"),
    if_left_out: None,
};

/// A tenant's admin password, when one is given instead of generated.
const ADMIN_PASSWORD_FLAGS: (Decl, Decl) = secret_flags!(
    admin_password_stdin,
    admin_password_file,
    "admin-password",
    "THREESCALE_TENANT_ADMIN_PASSWORD",
    "tenant.admin_password_file",
    "tenant admin password"
);
pub(crate) const ADMIN_PASSWORD: SecretDecl = SecretDecl {
    label: "tenant admin password",
    env: "THREESCALE_TENANT_ADMIN_PASSWORD",
    stdin: ADMIN_PASSWORD_FLAGS.0,
    file: ADMIN_PASSWORD_FLAGS.1,
    inline_key: Some("tenant.admin_password"),
    if_left_out: Some("leave it out to have a strong one generated"),
};

/// The client secret of the admin portal's Red Hat SSO client.
const CLIENT_SECRET_FLAGS: (Decl, Decl) = secret_flags!(
    client_secret_stdin,
    client_secret_file,
    "client-secret",
    "THREESCALE_SSO_CLIENT_SECRET",
    "sso.client_secret_file",
    "client secret"
);
pub(crate) const CLIENT_SECRET: SecretDecl = SecretDecl {
    label: "client secret",
    env: "THREESCALE_SSO_CLIENT_SECRET",
    stdin: CLIENT_SECRET_FLAGS.0,
    file: CLIENT_SECRET_FLAGS.1,
    inline_key: Some("sso.client_secret"),
    if_left_out: None,
};

/// The password of a Red Hat SSO administrator (`sso add --create-client`).
const SSO_ADMIN_PASSWORD_FLAGS: (Decl, Decl) = secret_flags!(
    sso_admin_password_stdin,
    sso_admin_password_file,
    "sso-admin-password",
    "THREESCALE_SSO_ADMIN_PASSWORD",
    "sso.admin_password_file",
    "Red Hat SSO admin password"
);
pub(crate) const SSO_ADMIN_PASSWORD: SecretDecl = SecretDecl {
    label: "Red Hat SSO admin password",
    env: "THREESCALE_SSO_ADMIN_PASSWORD",
    stdin: SSO_ADMIN_PASSWORD_FLAGS.0,
    file: SSO_ADMIN_PASSWORD_FLAGS.1,
    inline_key: Some("sso.admin_password"),
    if_left_out: Some("leave it out to have the client set by the Red Hat SSO administrator"),
};

/// What the wizard calls the templates (repository and ref, or directory) together.
pub(crate) const TEMPLATES_LABEL: &str = "templates";

/// The secrets, each read from standard input, a file or its variable.
pub(crate) const SECRETS: &[&SecretDecl] = &[
    &REGISTRY_PASSWORD,
    &AWS_SECRET_ACCESS_KEY,
    &ACCESS_TOKEN,
    &ADMIN_PASSWORD,
    &CLIENT_SECRET,
    &SSO_ADMIN_PASSWORD,
];

/// The answers file's sections: they hold keys, not values.
#[cfg(test)]
pub(crate) const SECTIONS: &[&str] = &["gateway", "tenant", "sso"];

/// Every flag of every command (the secrets' flags included).
#[cfg(test)]
pub(crate) fn flags() -> Vec<&'static Decl> {
    let mut all = FLAGS.to_vec();
    all.push(&PARAM_FILES);
    for s in SECRETS {
        all.push(&s.stdin);
        all.push(&s.file);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use crate::failure::Outcome;
    use crate::inputs::{file, Env, SecretReader, PARAM_ENV_PREFIX};
    use clap::{CommandFactory, FromArgMatches};
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    /// Every argument with a flag, of every command, with the command's name; the hidden
    /// `render` (what `plan`'s scripts call, never a person) is left out.
    fn clap_flags() -> Vec<(String, clap::Arg)> {
        let mut out = Vec::new();
        let mut commands = vec![(String::new(), Cli::command())];
        while let Some((path, command)) = commands.pop() {
            for arg in command.get_arguments().filter(|a| !a.is_positional()) {
                if !matches!(arg.get_id().as_str(), "help" | "version") {
                    out.push((path.clone(), arg.clone()));
                }
            }
            for sub in command.get_subcommands() {
                if sub.is_hide_set() {
                    assert_eq!(sub.get_name(), "render", "a hidden command the table skips");
                    continue;
                }
                commands.push((format!("{path} {}", sub.get_name()), sub.clone()));
            }
        }
        out
    }

    #[test]
    fn every_flag_of_every_command_is_declared_with_its_flag_and_variable() {
        let table = flags();
        let mut used = BTreeSet::new();
        let clap = clap_flags();
        assert!(clap.len() > 60, "{} flags walked", clap.len());
        for (command, arg) in clap {
            let id = arg.get_id().as_str();
            let decl = table
                .iter()
                .find(|d| d.id == id)
                .unwrap_or_else(|| panic!("`threescale-install{command}`: {id} is not declared"));
            assert_eq!(arg.get_long(), Some(decl.long), "{command}: {id}");
            let env = arg.get_env().and_then(|e| e.to_str());
            assert_eq!(env, Some(decl.env), "{command}: {id}");
            // A secret's flag never holds it: a switch (standard input) or a file.
            if decl.secret {
                assert!(
                    !arg.get_action().takes_values() || decl.long.ends_with("-file"),
                    "{command}: {id} would take a secret on the command line"
                );
            }
            used.insert(decl.id);
        }
        for d in &table {
            assert!(
                used.contains(d.id),
                "{} is declared for no command",
                d.flag()
            );
            assert!(d.env.starts_with("THREESCALE_"), "{}", d.env);
            assert!(!d.label.is_empty(), "{}", d.id);
        }
        // A flag may mean different things in different commands (`--name` of a gateway and of
        // an SSO integration): clap refuses two of the same in one command.
        for (what, field) in [
            ("id", (|d: &Decl| d.id) as fn(&Decl) -> &str),
            ("variable", |d| d.env),
        ] {
            let mut seen = BTreeSet::new();
            for d in &table {
                assert!(
                    seen.insert(field(d)),
                    "{what} {} is declared twice",
                    field(d)
                );
            }
        }
    }

    /// Every declared key, the refused inline ones and the sections included.
    fn declared_keys() -> BTreeSet<String> {
        let mut keys: BTreeSet<String> = flags()
            .iter()
            .filter_map(|d| d.key.map(String::from))
            .collect();
        keys.extend(
            SECRETS
                .iter()
                .filter_map(|s| s.inline_key.map(String::from)),
        );
        keys.extend(SECTIONS.iter().map(|s| s.to_string()));
        keys
    }

    /// `key: value` as YAML, `section.key` inside its section.
    fn yaml(key: &str, value: &str) -> String {
        match key.split_once('.') {
            Some((section, key)) => format!("{section}:\n  {key}: {value}\n"),
            None => format!("{key}: {value}\n"),
        }
    }

    /// A value of `key` the answers file takes: the first of a few YAML kinds.
    fn sample(dir: &std::path::Path, key: &str) -> Result<&'static str, String> {
        let path = dir.join("one-key.yaml");
        let mut refusals = Vec::new();
        for value in ["x", "true", "120", "[x]", "{X: x}"] {
            std::fs::write(&path, yaml(key, value)).unwrap();
            match file::load(&path) {
                Ok(l) if l.get::<serde_yaml::Value>(key).is_some() => return Ok(value),
                Ok(_) => refusals.push(format!("{value}: read, but not found under `{key}`")),
                Err(e) => refusals.push(format!("{value}: {e}")),
            }
        }
        Err(refusals.join("\n"))
    }

    #[test]
    fn the_answers_file_takes_exactly_the_declared_keys() {
        let declared = declared_keys();
        let accepted: BTreeSet<String> = file::accepted_keys().into_iter().collect();
        assert_eq!(
            declared.difference(&accepted).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "declared, and refused by the answers file"
        );
        assert_eq!(
            accepted.difference(&declared).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "taken by the answers file, and declared nowhere"
        );
        // And in practice: a file with the key alone gives its value back under that key.
        let dir = tempfile::tempdir().unwrap();
        for key in flags().iter().filter_map(|d| d.key) {
            if let Err(why) = sample(dir.path(), key) {
                panic!("the answers file does not take `{key}`:\n{why}");
            }
        }
    }

    /// An answers file with every declared key, each with a value of its type.
    fn every_key(dir: &std::path::Path) -> PathBuf {
        let mut sections: std::collections::BTreeMap<&str, String> = Default::default();
        for key in flags().iter().filter_map(|d| d.key) {
            let value = sample(dir, key).unwrap();
            let (section, line) = match key.split_once('.') {
                Some((section, key)) => (section, format!("  {key}: {value}\n")),
                None => ("", format!("{key}: {value}\n")),
            };
            sections.entry(section).or_default().push_str(&line);
        }
        let text: String = sections
            .iter()
            .map(|(section, lines)| match *section {
                "" => lines.clone(),
                s => format!("{s}:\n{lines}"),
            })
            .collect();
        let path = dir.join("every-key.yaml");
        std::fs::write(&path, &text).unwrap();
        path
    }

    struct NoStdin;
    impl SecretReader for NoStdin {
        fn read_secret(&mut self, _: &str) -> Result<String, String> {
            Err("no stdin".into())
        }
    }

    /// The command's resolver over `argv`: only whether it succeeded.
    fn resolve(argv: &[&str]) -> Outcome<()> {
        use crate::cli::{Command as C, Gateway, TenantCommand as T};
        use crate::inputs::{self as i, tenant};
        let m = Cli::command().try_get_matches_from(argv).unwrap();
        let cli = Cli::from_arg_matches(&m).unwrap();
        let (g, env, stdin) = (&cli.global, &Env::default(), &mut NoStdin);
        match &cli.command {
            None => i::install_answers(g, &cli.install.inputs, Some(&cli.install), &m, env, stdin)
                .map(drop),
            Some(C::Plan(a)) => i::install_answers(g, a, None, &m, env, stdin).map(drop),
            Some(C::Status(a)) => {
                let inputs = i::ProjectInputs {
                    project: a,
                    http: None,
                    credentials_file: None,
                    show_secrets: false,
                    never_ask: true,
                };
                i::project_answers(g, inputs, &m).map(drop)
            }
            Some(C::Gateway(Gateway::Add(a))) => {
                i::gateway_add_answers(g, a, &m, env, stdin).map(drop)
            }
            Some(C::Gateway(Gateway::List(a))) => {
                i::gateway_answers(g, None, &a.http, true, &m).map(drop)
            }
            Some(C::Tenant(T::Create(a))) => {
                tenant::tenant_create_answers(g, a, &m, env, stdin, false).map(drop)
            }
            Some(C::Tenant(T::List(a))) => {
                tenant::tenant_answers(g, a, None, false, true, &m).map(drop)
            }
            _ => unreachable!("{argv:?}"),
        }
    }

    #[test]
    fn every_command_reads_every_key_with_the_type_the_answers_file_gives_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = every_key(dir.path());
        let config = path.to_str().unwrap();
        for command in [
            &[][..],
            &["plan"],
            &["status"],
            &["gateway", "add"],
            &["gateway", "list"],
            &["tenant", "create"],
            &["tenant", "list"],
        ] {
            // The values make problems (`ca_file: x` names no file); what matters is that the
            // file is taken and no value is read as another type (which panics).
            let err = resolve(&[&["t", "--config", config], command].concat())
                .expect_err("`x` is no CA file")
                .to_string();
            assert!(
                err.contains("cannot read the CA file"),
                "{command:?}: {err}"
            );
        }
    }

    #[test]
    fn a_secret_written_in_the_answers_file_is_refused_naming_its_ways() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        let inline: Vec<_> = SECRETS.iter().filter(|s| s.inline_key.is_some()).collect();
        assert_eq!(inline.len(), 5);
        for s in inline {
            let key = s.inline_key.unwrap();
            std::fs::write(&path, yaml(key, "hunter2-secret")).unwrap();
            let err = file::load(&path).err().expect(key).to_string();
            assert!(err.contains(&format!("holds `{key}`")), "{err}");
            assert!(
                err.contains(s.file.key.unwrap()) && err.contains(s.env),
                "{err}"
            );
            assert!(!err.contains("hunter2"), "{err}");
        }
    }

    /// The `--flag`s and `THREESCALE_*` variables a text names.
    fn names_in(text: &str) -> Vec<String> {
        let is_name = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        text.split(|c: char| !is_name(c))
            .filter(|w| (w.starts_with("--") && w.len() > 2) || w.starts_with("THREESCALE_"))
            .map(|w| w.trim_end_matches(['-', '_']).to_string())
            .collect()
    }

    #[test]
    fn help_texts_name_only_declared_flags_and_variables() {
        let table = flags();
        let known = |name: &str| {
            table.iter().any(|d| d.flag() == name || d.env == name)
                || SECRETS.iter().any(|s| s.env == name)
                // `THREESCALE_*`, `THREESCALE_PARAM_<KEY>`: families of variables.
                || name == "THREESCALE"
                || name == PARAM_ENV_PREFIX.trim_end_matches('_')
                || name == "--help"
        };
        let mut texts: Vec<String> = Vec::new();
        let mut commands = vec![crate::help::command()];
        while let Some(command) = commands.pop() {
            texts.extend(
                [
                    command.get_about(),
                    command.get_long_about(),
                    command.get_after_help(),
                ]
                .into_iter()
                .flatten()
                .map(|t| t.to_string()),
            );
            for arg in command.get_arguments() {
                texts.extend(
                    [arg.get_help(), arg.get_long_help()]
                        .into_iter()
                        .flatten()
                        .map(|t| t.to_string()),
                );
            }
            commands.extend(command.get_subcommands().cloned());
        }
        let unknown: BTreeSet<String> = texts
            .iter()
            .flat_map(|t| names_in(t))
            .filter(|n| !known(n))
            .collect();
        assert!(unknown.is_empty(), "help texts name {unknown:?}");
        assert!(names_in("set THREESCALE_PARAM_<KEY>; or --param-from-file.").len() == 2);
    }

    #[test]
    fn the_example_answers_file_documents_every_key() {
        let example = include_str!("../../templates/answers.example.yaml");
        let documented: BTreeSet<&str> = example
            .lines()
            .map(|l| l.trim_start_matches(['#', ' ']))
            .filter_map(|l| l.split_once(':').map(|(k, _)| k))
            .collect();
        let inline: Vec<&str> = SECRETS.iter().filter_map(|s| s.inline_key).collect();
        for key in declared_keys()
            .iter()
            .filter(|k| !inline.contains(&k.as_str()))
        {
            let last = key.rsplit('.').next().unwrap();
            assert!(
                documented.contains(last),
                "`{key}` is not in answers.example.yaml"
            );
        }
    }
}
