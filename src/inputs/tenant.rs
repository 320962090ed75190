//! The inputs of the tenant commands: the installed project (as every command on one), and for
//! `tenant create` the organization name, the admin user's username, e-mail and password, each
//! with its source and checked by the rules porta 2.8 applies to an API signup, before anything
//! is sent.

use super::declared::{self as d, Decl};
use super::project::{self, poll_interval, project_answers_in, ProjectInputs};
use super::resolve::Resolver;
use super::secret::{SecretFlags, SecretReader};
use super::{Env, Given, ProjectAnswers, Ways};
use crate::cli::{GlobalArgs, TenantArgs, TenantCreateArgs};
use crate::failure::{Failure, Outcome};
use crate::secrets::Secret;
use clap::ArgMatches;
use std::fmt;
use std::time::Duration;

/// The shortest admin password taken: the length of porta's strong passwords. porta itself
/// checks nothing for an API signup (`User#password_required?` is false for
/// `created_by_provider` users), so a one-letter password would be accepted and unusable.
pub(crate) const MIN_PASSWORD_LEN: usize = 8;
/// bcrypt, behind porta's `has_secure_password`, reads 72 bytes and ignores the rest.
pub(crate) const MAX_PASSWORD_BYTES: usize = 72;
/// How long `tenant create` waits for zync's routes by default: zync makes them seconds after
/// the signup.
pub(crate) const DEFAULT_TENANT_TIMEOUT: Duration = Duration::from_secs(300);
/// The longest subdomain whose admin portal host label (`SUBDOMAIN-admin`) is a valid DNS label
/// (63 characters): OpenShift refuses a route with a longer one, so zync could not create it.
pub(crate) const MAX_SUBDOMAIN_LEN: usize = 63 - "-admin".len();

/// A value of `tenant create` the wizard can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TenantField {
    OrgName,
    AdminUsername,
    AdminEmail,
}

impl TenantField {
    fn decl(self) -> &'static Decl {
        match self {
            TenantField::OrgName => &d::ORG_NAME,
            TenantField::AdminUsername => &d::ADMIN_USERNAME,
            TenantField::AdminEmail => &d::ADMIN_EMAIL,
        }
    }

    pub(crate) fn label(self) -> &'static str {
        self.decl().label
    }

    /// Every way to give the value without the wizard.
    pub(crate) fn ways(self) -> Ways {
        self.decl().ways()
    }
}

/// Everything `tenant create` needs.
#[derive(Debug, Clone)]
pub(crate) struct TenantAnswers {
    pub(crate) project: ProjectAnswers,
    pub(crate) org_name: Option<Given<String>>,
    pub(crate) admin_username: Option<Given<String>>,
    pub(crate) admin_email: Option<Given<String>>,
    /// `None`: the password of an earlier run of this tenant, else a generated one.
    pub(crate) admin_password: Option<Given<Secret>>,
    pub(crate) store_secret: bool,
    pub(crate) secret_name: Option<Given<String>>,
    /// `None`: do not wait for the tenant's routes (`--no-wait`).
    pub(crate) wait: Option<Duration>,
    pub(crate) poll_interval: Duration,
    /// Check at the end that the new admin portal answers with the tenant's token.
    pub(crate) verify: bool,
    /// `--dry-run`: print what would change, change nothing.
    pub(crate) dry_run: bool,
}

impl TenantAnswers {
    /// The values no input gave, in the order the wizard asks them.
    pub(crate) fn open(&self) -> Vec<TenantField> {
        let mut open = Vec::new();
        if self.org_name.is_none() {
            open.push(TenantField::OrgName);
        }
        if self.admin_username.is_none() {
            open.push(TenantField::AdminUsername);
        }
        if self.admin_email.is_none() {
            open.push(TenantField::AdminEmail);
        }
        open
    }
}

/// Which tenant `show` and `remove` are about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TenantRef {
    Id(u64),
    /// An organization name, a subdomain, or a portal host.
    Name(String),
}

impl fmt::Display for TenantRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TenantRef::Id(id) => write!(f, "id {id}"),
            TenantRef::Name(n) => write!(f, "'{n}'"),
        }
    }
}

impl TenantRef {
    pub(crate) fn parse(text: &str) -> Result<TenantRef, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("name the tenant by its id, organization name, subdomain or admin portal host (`threescale-install tenant list` shows them)".into());
        }
        Ok(match text.parse::<u64>() {
            Ok(id) => TenantRef::Id(id),
            Err(_) => TenantRef::Name(text.to_string()),
        })
    }
}

/// What `tenant list`, `show` and `remove` need.
#[derive(Debug, Clone)]
pub(crate) struct TenantQuery {
    pub(crate) project: ProjectAnswers,
    /// `None` for `list`.
    pub(crate) tenant: Option<TenantRef>,
    pub(crate) yes: bool,
    /// `--dry-run`: print what would change, change nothing.
    pub(crate) dry_run: bool,
}

/// The answers of `tenant create`. `can_ask`: someone can answer the wizard (a missing value is
/// then a question, not a problem).
pub(crate) fn tenant_create_answers(
    global: &GlobalArgs,
    args: &TenantCreateArgs,
    matches: &ArgMatches,
    env: &Env,
    stdin: &mut dyn SecretReader,
    can_ask: bool,
) -> Outcome<TenantAnswers> {
    let mut r = Resolver::new(global, matches, env)?;
    let project = project_inputs(&mut r, global, &args.common, args.show_secrets, args.yes);
    // porta strips the organization name and the username before it checks them
    // (`trim_white_space_from_username`).
    let trimmed = |g: Given<String>| Given::new(g.value.trim().to_string(), g.source);
    let org_name = r.text(&d::ORG_NAME, &args.org_name).map(trimmed);
    let admin_username = r
        .text(&d::ADMIN_USERNAME, &args.admin_username)
        .map(trimmed);
    let admin_email = r.text(&d::ADMIN_EMAIL, &args.admin_email);
    r.check(&d::ORG_NAME, org_name.as_ref(), check_org_name);
    r.check(
        &d::ADMIN_USERNAME,
        admin_username.as_ref(),
        check_admin_username,
    );
    r.check(
        &d::ADMIN_EMAIL,
        admin_email.as_ref(),
        crate::names::check_admin_email,
    );
    let admin_password = admin_password(&mut r, args, stdin);
    let store_secret = r.switch(&d::STORE_SECRET, args.store_secret);
    let secret_name = r.text(&d::SECRET_NAME, &args.secret_name);
    r.check(&d::SECRET_NAME, secret_name.as_ref(), check_secret_name);
    let no_wait = r.switch(&d::NO_WAIT, args.wait.no_wait);
    let no_verify = r.switch(&d::NO_VERIFY, args.wait.no_verify);
    let timeout = r
        .deadline(&d::TIMEOUT, args.wait.timeout, project::WAIT_HINT)
        .unwrap_or(DEFAULT_TENANT_TIMEOUT);
    let mut answers = TenantAnswers {
        project,
        org_name,
        admin_username,
        admin_email,
        admin_password,
        store_secret,
        secret_name,
        wait: (!no_wait).then_some(timeout),
        poll_interval: poll_interval(&mut r, args.wait.poll_interval),
        verify: !(no_wait || no_verify),
        dry_run: args.dry_run,
    };
    let missing = !can_ask && !answers.open().is_empty();
    if missing {
        for field in answers.open() {
            r.problem(format!(
                "needed and not given: {}: {}",
                field.label(),
                field.ways()
            ));
        }
    }
    answers.project.warnings = finish(r, missing)?;
    Ok(answers)
}

/// The admin password: a file, standard input or the environment, never a flag value; `None`:
/// the password of an earlier run of this tenant, else a generated one.
fn admin_password(
    r: &mut Resolver,
    args: &TenantCreateArgs,
    stdin: &mut dyn SecretReader,
) -> Option<Given<Secret>> {
    let flags = SecretFlags {
        stdin: args.admin_password_stdin,
        file: args.admin_password_file.as_deref(),
    };
    let password = r.secret(&d::ADMIN_PASSWORD, flags, stdin)?;
    if let Err(why) = check_admin_password(password.value.expose()) {
        r.problem(format!(
            "the {} (from {}) is refused: {why}",
            d::ADMIN_PASSWORD.label,
            password.source
        ));
    }
    Some(password)
}

/// The answers of `tenant list`, `show` and `remove`.
pub(crate) fn tenant_answers(
    global: &GlobalArgs,
    common: &TenantArgs,
    tenant: Option<&str>,
    show_secrets: bool,
    yes: bool,
    matches: &ArgMatches,
) -> Outcome<TenantQuery> {
    // These commands read no secret, hence no variable of their own.
    let env = Env::default();
    let mut r = Resolver::new(global, matches, &env)?;
    let mut project = project_inputs(&mut r, global, common, show_secrets, yes);
    let tenant = match tenant.map(TenantRef::parse) {
        Some(Ok(t)) => Some(t),
        Some(Err(why)) => {
            r.problem(format!("NAME-OR-ID is empty: {why}"));
            None
        }
        None => None,
    };
    project.warnings = r.finish()?;
    Ok(TenantQuery {
        project,
        tenant,
        yes,
        dry_run: false,
    })
}

fn project_inputs(
    r: &mut Resolver,
    global: &GlobalArgs,
    common: &TenantArgs,
    show_secrets: bool,
    never_ask: bool,
) -> ProjectAnswers {
    let inputs = ProjectInputs {
        project: &common.project,
        http: Some(&common.http),
        credentials_file: common.credentials_file.clone(),
        show_secrets,
        never_ask,
    };
    project_answers_in(r, global, inputs)
}

/// Every problem at once; with values missing, the help says how to give them.
fn finish(r: Resolver, missing: bool) -> Outcome<Vec<String>> {
    match r.finish() {
        Err(f) if missing => Err(Failure::input(f.message()).with_help(format!(
            "give each value with its flag, environment variable or answers-file key ({} FILE), or run in a terminal without {} (or {}) to be asked",
            d::CONFIG.flag(),
            d::YES.flag(),
            d::NO_INPUT.flag()
        ))),
        other => other,
    }
}

/// An organization name as porta makes a tenant of it: not blank, at most 255 characters, and a
/// subdomain (`parameterize`) that is a host name label (`Account::ProviderDomains`).
pub(crate) fn check_org_name(name: &str) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("it is empty".into());
    }
    let count = name.chars().count();
    if count > 255 {
        return Err(format!(
            "it has {count} characters; at most 255 are allowed"
        ));
    }
    let subdomain = crate::names::parameterize(name);
    if subdomain.is_empty() {
        return Err("3scale makes the portals' host names from its letters a-z and digits, and it has none: add some (\"ACME Corp\" becomes acme-corp-admin.DOMAIN)".into());
    }
    if subdomain.contains('_') {
        return Err(format!(
            "3scale would name the portals {subdomain}, and a host name cannot hold '_': write it without '_' (e.g. with a space)"
        ));
    }
    if subdomain.len() > MAX_SUBDOMAIN_LEN {
        return Err(format!(
            "3scale would name the admin portal {subdomain}-admin, longer than the 63 characters a host name label may have (OpenShift would refuse its route): shorten it"
        ));
    }
    Ok(())
}

/// porta's `User` rules: 3 to 40 characters, `\A\w[\w\.\-_@\+]+\z` (ASCII).
pub(crate) fn check_admin_username(username: &str) -> Result<(), String> {
    let count = username.chars().count();
    if count < 3 {
        return Err(format!("it has {count} characters; 3scale wants 3 to 40"));
    }
    if count > 40 {
        return Err(format!("it has {count} characters; 3scale wants 3 to 40"));
    }
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let first = username.chars().next().unwrap_or(' ');
    if !word(first) {
        return Err(format!(
            "it starts with '{first}': begin with a letter, digit or '_'"
        ));
    }
    if let Some(c) = username
        .chars()
        .find(|c| !(word(*c) || ".-@+".contains(*c)))
    {
        return Err(format!(
            "'{c}' is not allowed: use only letters, digits and .-_@+ (as 3scale asks)"
        ));
    }
    Ok(())
}

/// The admin password: long enough to be one, short enough for bcrypt to read all of it.
pub(crate) fn check_admin_password(password: &str) -> Result<(), String> {
    let count = password.chars().count();
    if count < MIN_PASSWORD_LEN {
        return Err(format!(
            "it has {count} characters; use at least {MIN_PASSWORD_LEN}, or leave it out to have a strong one generated"
        ));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(format!(
            "it has {} bytes; 3scale (bcrypt) reads only the first {MAX_PASSWORD_BYTES}",
            password.len()
        ));
    }
    if password.chars().any(char::is_control) {
        return Err("it holds a control character (a line break?): remove it".into());
    }
    Ok(())
}

/// A Secret's name: a DNS subdomain (lower-case letters, digits, '-' and '.').
pub(crate) fn check_secret_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("it is empty".into());
    }
    if name.len() > 253 {
        return Err(format!(
            "it has {} characters; at most 253 are allowed",
            name.len()
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '.'))
    {
        return Err(format!(
            "'{c}' is not allowed: use lower-case letters, digits, '-' and '.'"
        ));
    }
    let edge = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if !edge(name.chars().next()) || !edge(name.chars().last()) {
        return Err("it must start and end with a letter or digit".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command, TenantCommand};
    use crate::inputs::Source;
    use clap::{CommandFactory, FromArgMatches};

    struct Stdin(&'static str);
    impl SecretReader for Stdin {
        fn read_secret(&mut self, _: &str) -> Result<String, String> {
            Ok(self.0.to_string())
        }
    }

    fn create(args: &[&str], env: &Env, can_ask: bool) -> Outcome<TenantAnswers> {
        let mut argv = vec!["threescale-install", "tenant", "create"];
        argv.extend_from_slice(args);
        let matches = Cli::command().try_get_matches_from(argv).unwrap();
        let cli = Cli::from_arg_matches(&matches).unwrap();
        let Some(Command::Tenant(TenantCommand::Create(a))) = &cli.command else {
            unreachable!()
        };
        tenant_create_answers(
            &cli.global,
            a,
            &matches,
            env,
            &mut Stdin("from-stdin-pw\n"),
            can_ask,
        )
    }

    #[test]
    fn porta_rules_are_applied_before_anything_is_sent() {
        assert!(check_org_name("ACME Corp").is_ok());
        assert!(check_org_name("  ").unwrap_err().contains("empty"));
        assert!(check_org_name("!!!").unwrap_err().contains("none"));
        assert!(check_org_name("ACME_Corp").unwrap_err().contains("'_'"));
        assert!(check_org_name(&"a".repeat(58)).unwrap_err().contains("63"));
        assert!(check_org_name(&"a".repeat(57)).is_ok());

        assert!(check_admin_username("acme-admin").is_ok());
        assert!(check_admin_username("ab").unwrap_err().contains("3 to 40"));
        assert!(check_admin_username("-acme").unwrap_err().contains("begin"));
        assert!(check_admin_username("acme admin")
            .unwrap_err()
            .contains("' '"));
        assert!(check_admin_username(&"a".repeat(41)).is_err());

        assert!(check_admin_password("Sh0rt!")
            .unwrap_err()
            .contains("at least 8"));
        assert!(check_admin_password(&"x".repeat(73))
            .unwrap_err()
            .contains("72"));
        assert!(check_admin_password("long enough\n").is_err());
        assert!(check_admin_password("correct horse battery").is_ok());

        assert!(check_secret_name("tenant-acme-corp").is_ok());
        assert!(check_secret_name("Tenant").is_err());
        assert!(check_secret_name("-x").is_err());
    }

    #[test]
    fn every_missing_value_is_named_with_its_three_ways_at_once() {
        let err = create(&["--admin-username", "x"], &Env::default(), false)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("admin username 'x' (from --admin-username) is invalid"),
            "{err}"
        );
        assert!(
            err.contains("organization name: --org-name, env THREESCALE_TENANT_ORG_NAME, answers-file key `tenant.org_name`"),
            "{err}"
        );
        assert!(err.contains("admin e-mail: --admin-email"), "{err}");
        assert!(err.contains("run in a terminal without --yes"), "{err}");
        // Someone can answer: missing values are questions, not problems.
        let a = create(&[], &Env::default(), true).unwrap();
        assert_eq!(a.open().len(), 3);
    }

    #[test]
    fn the_password_comes_from_a_file_stdin_or_the_environment_never_argv() {
        let env = Env::from_pairs(&[(d::ADMIN_PASSWORD.env, "from-env-password")]);
        let base = [
            "--org-name",
            " ACME Corp ",
            "--admin-username",
            "acme-admin",
            "--admin-email",
            "ops@acme.example",
        ];
        let a = create(&base, &env, false).unwrap();
        assert_eq!(a.org_name.unwrap().value, "ACME Corp");
        let p = a.admin_password.unwrap();
        assert_eq!(p.value.expose(), "from-env-password");
        assert_eq!(p.source, Source::Env(d::ADMIN_PASSWORD.env.into()));
        let mut args = base.to_vec();
        args.push("--admin-password-stdin");
        let a = create(&args, &env, false).unwrap();
        assert_eq!(a.admin_password.unwrap().value.expose(), "from-stdin-pw");
        let a = create(&base, &Env::default(), false).unwrap();
        assert!(a.admin_password.is_none(), "generated later");
        assert_eq!(a.wait, Some(DEFAULT_TENANT_TIMEOUT));

        let env = Env::from_pairs(&[(d::ADMIN_PASSWORD.env, "short")]);
        let err = create(&base, &env, false).unwrap_err().to_string();
        assert!(
            err.contains("at least 8") && !err.contains("short'"),
            "{err}"
        );
    }

    #[test]
    fn the_tenant_section_gives_the_values_below_flags_and_variables() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(
            &path,
            "no_wait: true\ntenant:\n  org_name: ACME Corp\n  admin_username: acme-admin\n  admin_email: ops@acme.example\n  admin_password_file: pw\n  store_secret: true\n  secret_name: tenant-acme\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("pw"), "from-the-file\n").unwrap();
        let config = path.to_str().unwrap();
        let a = create(&["--config", config], &Env::default(), false).unwrap();
        let key = |k: &str| Source::AnswersFile(path.clone(), k.into());
        let org = a.org_name.unwrap();
        assert_eq!(
            (org.value.as_str(), org.source),
            ("ACME Corp", key("tenant.org_name"))
        );
        assert_eq!(a.admin_email.unwrap().source, key("tenant.admin_email"));
        let p = a.admin_password.unwrap();
        assert_eq!(p.value.expose(), "from-the-file");
        assert_eq!(p.source, key("tenant.admin_password_file"));
        assert_eq!(a.secret_name.unwrap().source, key("tenant.secret_name"));
        assert!(a.store_secret && a.wait.is_none() && !a.verify);

        let env = Env::from_pairs(&[(d::ADMIN_PASSWORD.env, "from-the-variable")]);
        let a = create(&["--config", config, "--org-name", "Other"], &env, false).unwrap();
        let org = a.org_name.unwrap();
        assert_eq!(
            (org.value.as_str(), org.source),
            ("Other", Source::Flag("--org-name".into()))
        );
        let p = a.admin_password.unwrap();
        assert_eq!(p.source, Source::Env(d::ADMIN_PASSWORD.env.into()));
    }

    #[test]
    fn names_and_ids_are_told_apart() {
        assert_eq!(TenantRef::parse(" 12 ").unwrap(), TenantRef::Id(12));
        assert_eq!(
            TenantRef::parse("ACME Corp").unwrap(),
            TenantRef::Name("ACME Corp".into())
        );
        assert!(TenantRef::parse(" ").is_err());
    }
}
