//! The answers of `install`, `plan` and `preflight`: the install's values from the command line,
//! the environment and the answers file, each with its source; everything that can be checked
//! without the cluster or the template is checked here, and all problems are reported at once.

use super::declared as d;
use super::params::params;
use super::project::{self, connection, mode, poll_interval};
use super::resolve::Resolver;
use super::secret::{SecretFlags, SecretReader};
use super::{
    validate, Answers, Checks, Env, Field, Given, Registry, Source, TemplatesSource,
    DEFAULT_DISPLAY_NAME, DEFAULT_PROFILE, DEFAULT_REGISTRY,
};
use crate::cli::{GlobalArgs, HttpArgs, InputArgs, InstallArgs, ProfileArgs, RegistryArgs};
use crate::failure::Outcome;
use clap::ArgMatches;
use std::path::PathBuf;
use std::time::Duration;

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1800);

/// The answers of `install`, `plan` and `preflight` (`install` is `None` for the last two).
pub(crate) fn install_answers(
    global: &GlobalArgs,
    inputs: &InputArgs,
    install: Option<&InstallArgs>,
    matches: &ArgMatches,
    env: &Env,
    stdin: &mut dyn SecretReader,
) -> Outcome<Answers> {
    let mut r = Resolver::new(global, matches, env)?;
    let run = run_options(&mut r, install);
    let connection = connection(&mut r, global, run.poll);
    let project = project::project(&mut r, global);
    let templates = templates(&mut r, inputs);
    let values = values(&mut r, &inputs.install);
    let registry = registry(&mut r, &inputs.registry, stdin);
    let params = params(&mut r, &inputs.install, &inputs.s3, stdin);
    let checks = checks(&mut r, inputs);
    let http = project::http(&mut r, install.map_or(&HttpArgs::default(), |i| &i.http));
    let warnings = r.finish()?;
    let mut answers = Answers {
        mode: mode(global, run.yes, run.show_secrets),
        connection,
        templates,
        refresh_templates: inputs.templates.refresh_templates,
        profile: values.profile,
        project,
        display_name: values.display_name,
        wildcard_domain: values.wildcard_domain,
        rwx_storage_class: values.rwx_storage_class,
        registry: Registry {
            confirm: run.confirm_password,
            ..registry
        },
        params,
        credentials_file: run.credentials_file,
        wait: run.wait,
        poll_interval: run.poll,
        checks,
        dry_run: run.dry_run,
        verify: run.verify,
        http,
        open: Vec::new(),
        warnings,
    };
    answers.open = open(&answers);
    Ok(answers)
}

/// The values no input gave: the wizard asks these (the parameters always).
fn open(a: &Answers) -> Vec<Field> {
    Field::ALL
        .into_iter()
        .filter(|f| match f {
            Field::Project => a.project.source == Source::Default,
            Field::Templates => a.templates.source == Source::Default,
            Field::Profile => a.profile.source == Source::Default,
            Field::DisplayName => a.display_name.source == Source::Default,
            Field::WildcardDomain => a.wildcard_domain.is_none(),
            Field::StorageClass => a.rwx_storage_class.is_none(),
            Field::RegistryServer => a.registry.server.source == Source::Default,
            Field::RegistryUsername => a.registry.username.is_none(),
            Field::RegistryPassword => a.registry.password.is_none(),
            Field::Params => true,
        })
        .collect()
}

/// How an install runs: waiting, verifying, output. `plan` and `preflight` take only what the
/// answers file says of the output and the poll interval.
struct Run {
    poll: Duration,
    /// `None`: do not wait.
    wait: Option<Duration>,
    verify: bool,
    yes: bool,
    dry_run: bool,
    confirm_password: bool,
    show_secrets: bool,
    credentials_file: Option<PathBuf>,
}

fn run_options(r: &mut Resolver, install: Option<&InstallArgs>) -> Run {
    let poll = poll_interval(r, install.and_then(|i| i.wait.poll_interval));
    let (no_wait, no_verify) = match install {
        Some(i) => (
            r.switch(&d::NO_WAIT, i.wait.no_wait),
            r.switch(&d::NO_VERIFY, i.wait.no_verify),
        ),
        None => (true, true),
    };
    let timeout = install.and_then(|i| r.deadline(&d::TIMEOUT, i.wait.timeout, project::WAIT_HINT));
    let wait = match install {
        Some(_) if !no_wait => Some(timeout.unwrap_or(DEFAULT_TIMEOUT)),
        _ => None,
    };
    let credentials_file = install.and_then(|i| i.credentials_file.clone());
    Run {
        poll,
        wait,
        verify: !(no_wait || no_verify),
        yes: install.is_some_and(|i| i.yes),
        dry_run: install.is_some_and(|i| i.dry_run),
        confirm_password: install.is_some_and(|i| i.confirm_password),
        show_secrets: r.switch(&d::SHOW_SECRETS, install.is_some_and(|i| i.show_secrets)),
        credentials_file: project::credentials_file(r, &credentials_file),
    }
}

/// The templates, and their ref checked.
fn templates(r: &mut Resolver, inputs: &InputArgs) -> Given<TemplatesSource> {
    let templates = project::templates(r, &inputs.templates);
    if let TemplatesSource::Git { git_ref, .. } = &templates.value {
        if git_ref.trim().is_empty() || git_ref.contains(char::is_whitespace) {
            r.problem(format!(
                "{} '{git_ref}' (from {}) is invalid: give a tag, branch or commit without spaces",
                d::TEMPLATES_REF.label,
                templates.source
            ));
        }
    }
    templates
}

/// The install's own values.
struct Values {
    profile: Given<String>,
    display_name: Given<String>,
    wildcard_domain: Option<Given<String>>,
    rwx_storage_class: Option<Given<String>>,
}

fn values(r: &mut Resolver, p: &ProfileArgs) -> Values {
    // A template file named in the answers file is relative to the file.
    let profile = r.text_or_path(&d::TEMPLATE, &p.template, |t| t.contains('/'));
    let display_name = r.text(&d::DISPLAY_NAME, &p.display_name);
    let wildcard_domain = r.text(&d::WILDCARD_DOMAIN, &p.wildcard_domain);
    r.check(
        &d::WILDCARD_DOMAIN,
        wildcard_domain.as_ref(),
        validate::check_domain,
    );
    let rwx_storage_class = r.text(&d::RWX_STORAGE_CLASS, &p.rwx_storage_class);
    if let Some(c) = rwx_storage_class
        .as_ref()
        .filter(|c| c.value.trim().is_empty())
    {
        r.problem(format!(
            "{} (from {}) is empty: name a class, or leave it out to use the one RWX-capable class",
            d::RWX_STORAGE_CLASS.label,
            c.source
        ));
    }
    Values {
        profile: profile.unwrap_or_else(|| Given::defaulted(DEFAULT_PROFILE.into())),
        display_name: display_name.unwrap_or_else(|| Given::defaulted(DEFAULT_DISPLAY_NAME.into())),
        wildcard_domain,
        rwx_storage_class,
    }
}

/// The registry login: server (default registry.redhat.io), username, and the password.
pub(super) fn registry(
    r: &mut Resolver,
    args: &RegistryArgs,
    stdin: &mut dyn SecretReader,
) -> Registry {
    let server = r
        .text(&d::REGISTRY_SERVER, &args.registry_server)
        .unwrap_or_else(|| Given::defaulted(DEFAULT_REGISTRY.into()));
    r.check(
        &d::REGISTRY_SERVER,
        Some(&server),
        validate::check_registry_server,
    );
    let username = r
        .text(&d::REGISTRY_USERNAME, &args.registry_username)
        .filter(|u| !u.value.trim().is_empty());
    r.check(
        &d::REGISTRY_USERNAME,
        username.as_ref(),
        validate::check_registry_username,
    );
    let flags = SecretFlags {
        stdin: args.registry_password_stdin,
        file: args.registry_password_file.as_deref(),
    };
    Registry {
        server,
        username,
        password: r.secret(&d::REGISTRY_PASSWORD, flags, stdin),
        confirm: false,
    }
}

/// The checks to relax: the ids to skip (each one that can be), and strictness.
fn checks(r: &mut Resolver, inputs: &InputArgs) -> Checks {
    let skip = r.list(&d::SKIP_CHECKS, &inputs.skip_checks);
    if let Some(skip) = &skip {
        for id in &skip.value {
            if !crate::engine::checks::SKIPPABLE.contains(&id.as_str()) {
                r.problem(format!(
                    "'{id}' (from {}) is not a check that can be skipped; these can: {}",
                    skip.source,
                    crate::engine::checks::SKIPPABLE.join(", ")
                ));
            }
        }
    }
    Checks {
        skip: skip.map(|s| s.value).unwrap_or_default(),
        strict: r.switch(&d::STRICT, inputs.strict),
        outside_project: r.switch(&d::ALLOW_OUTSIDE_PROJECT, inputs.allow_outside_project),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli;
    use crate::inputs::{DEFAULT_PROJECT, PASSWORD_ENV};
    use clap::{CommandFactory, FromArgMatches};
    use std::time::Duration;

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

    #[test]
    fn each_value_keeps_its_flag_or_its_answers_file_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(
            &path,
            "project: p-file\ntemplate: amp-s3\ndisplay_name: D\nwildcard_domain: apps.file.example\nrwx_storage_class: c1\nregistry_server: file.example\nregistry_username: u1\ntemplates_ref: v1\n",
        )
        .unwrap();
        let config = path.to_str().unwrap();
        let a = resolve(&["--config", config], &Env::default()).unwrap();
        let key = |k: &str| Source::AnswersFile(path.clone(), k.into());
        let sources = |a: &Answers| {
            [
                a.project.source.clone(),
                a.profile.source.clone(),
                a.display_name.source.clone(),
                a.wildcard_domain.clone().unwrap().source,
                a.rwx_storage_class.clone().unwrap().source,
                a.registry.server.source.clone(),
                a.registry.username.clone().unwrap().source,
                a.templates.source.clone(),
            ]
        };
        let names = [
            &d::PROJECT,
            &d::TEMPLATE,
            &d::DISPLAY_NAME,
            &d::WILDCARD_DOMAIN,
            &d::RWX_STORAGE_CLASS,
            &d::REGISTRY_SERVER,
            &d::REGISTRY_USERNAME,
            &d::TEMPLATES_REF,
        ];
        let expected: Vec<Source> = names.iter().map(|n| key(n.key.unwrap())).collect();
        assert_eq!(sources(&a).to_vec(), expected);
        assert_eq!(a.open, [Field::RegistryPassword, Field::Params]);

        let flags = [
            "--project",
            "p-flag",
            "--template",
            "amp",
            "--display-name",
            "F",
            "--wildcard-domain",
            "apps.flag.example",
            "--rwx-storage-class",
            "c2",
            "--registry-server",
            "flag.example",
            "--registry-username",
            "u2",
            "--templates-ref",
            "v2",
        ];
        let a = resolve(
            &[&["--config", config], &flags[..]].concat(),
            &Env::default(),
        )
        .unwrap();
        let expected: Vec<Source> = names.iter().map(|n| Source::Flag(n.flag())).collect();
        assert_eq!(sources(&a).to_vec(), expected);
        assert_eq!(a.profile.value, "amp");
        assert_eq!(
            a.templates.value,
            TemplatesSource::Git {
                repo: crate::cli::DEFAULT_TEMPLATES_REPO.into(),
                git_ref: "v2".into()
            }
        );
    }

    #[test]
    fn a_directory_and_a_repository_from_the_same_place_are_refused_but_not_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "templates_dir: checkout\ntemplates_repo: mirror\n").unwrap();
        let config = path.to_str().unwrap();
        // The answers file documents both: its repository wins, relative to the file.
        let a = resolve(&["--config", config], &Env::default()).unwrap();
        let mirror = dir.path().join("mirror").display().to_string();
        assert!(
            matches!(&a.templates.value, TemplatesSource::Git { repo, .. } if *repo == mirror),
            "{:?}",
            a.templates
        );
        // A flag beats the file: its directory is the shell's path.
        let a = resolve(
            &["--config", config, "--templates-dir", "/x"],
            &Env::default(),
        )
        .unwrap();
        assert_eq!(a.templates.value, TemplatesSource::Dir("/x".into()));
        assert_eq!(a.templates.source, Source::Flag("--templates-dir".into()));
        let err = resolve(
            &["--templates-dir", "/x", "--templates-repo", "r"],
            &Env::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("both a templates directory (--templates-dir) and a templates repository (--templates-repo)"),
            "{err}"
        );
    }

    #[test]
    fn the_record_fills_what_no_input_gave_and_nothing_else() {
        let env = Env::from_pairs(&[("THREESCALE_PARAM_ADMIN_EMAIL", "ops@example.com")]);
        let mut a = resolve(&["--wildcard-domain", "apps.flag.example"], &env).unwrap();
        let record = crate::record::InstallRecord {
            schema_version: crate::record::SCHEMA_VERSION,
            cluster: "https://api.example.com:6443".into(),
            project: "p".into(),
            profile: "amp-s3".into(),
            template_file: "amp/amp-s3.yml".into(),
            templates: "https://mirror.example.com/t.git at v1".into(),
            commit: None,
            wildcard_domain: "apps.recorded.example".into(),
            rwx_storage_class: None,
            registry_server: "mirror.example.com".into(),
            registry_username: String::new(),
            display_name: Some("Recorded".into()),
            params: vec![
                ("ADMIN_EMAIL".into(), Some("recorded@example.com".into())),
                ("TENANT_NAME".into(), Some("recorded".into())),
                ("ADMIN_PASSWORD".into(), None),
            ],
            skipped_checks: Vec::new(),
            stage: String::new(),
        };
        let taken = a.fill_from_record(&record);
        assert_eq!(
            taken,
            ["templates", "profile", "registry server", "parameters"]
        );
        let domain = a.wildcard_domain.as_ref().unwrap();
        assert_eq!(domain.source, Source::Flag("--wildcard-domain".into()));
        assert_eq!(
            (a.profile.value.as_str(), &a.profile.source),
            ("amp-s3", &Source::Record)
        );
        assert_eq!(a.display_name.value, "Recorded");
        assert!(a.registry.username.is_none() && a.rwx_storage_class.is_none());
        let email = a.param("ADMIN_EMAIL").unwrap();
        assert_eq!(
            email.value.expose(),
            "ops@example.com",
            "the variable beats the record"
        );
        assert_eq!(a.param("TENANT_NAME").unwrap().source, Source::Record);
        assert!(a.param("ADMIN_PASSWORD").is_none(), "no secret is recorded");
        assert!(!a.is_open(Field::Profile) && a.is_open(Field::RegistryPassword));
    }
}
