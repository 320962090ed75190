//! The inputs of `sso add`: the realm URL, the client and its secret, the integration's name,
//! and a Red Hat SSO administrator; every secret from standard input, a file or its variable,
//! never the command line. All checked before anything is asked of 3scale or Red Hat SSO.

use super::declared as d;
use super::portal::{portal_in, PortalQuery};
use super::resolve::Resolver;
use super::secret::{SecretFlags, SecretReader};
use super::Env;
use crate::cli::{GlobalArgs, SsoAddArgs};
use crate::failure::Outcome;
use crate::keycloak::{Admin, Realm};
use crate::secrets::MIN_SECRET_LEN;
use crate::sso::{system_name, Spec, DEFAULT_NAME};
use clap::ArgMatches;

/// What `sso add` needs.
#[derive(Debug, Clone)]
pub(crate) struct SsoAddAnswers {
    pub(crate) portal: PortalQuery,
    pub(crate) spec: Spec,
}

fn check_realm(url: &str) -> Result<(), String> {
    Realm::parse(url).map(drop)
}

fn check_client_id(id: &str) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err("it is empty".into());
    }
    if id.chars().any(char::is_whitespace) {
        return Err("it holds white space".into());
    }
    if id.chars().count() > 255 {
        return Err("it is longer than 255 characters".into());
    }
    Ok(())
}

pub(crate) fn sso_add_answers(
    global: &GlobalArgs,
    args: &SsoAddArgs,
    matches: &ArgMatches,
    env: &Env,
    stdin: &mut dyn SecretReader,
) -> Outcome<SsoAddAnswers> {
    let mut r = Resolver::new(global, matches, env)?;
    let portal = portal_in(&mut r, global, &args.portal, Some(&args.run));
    let realm_url = r.text(&d::REALM_URL, &args.realm_url);
    r.check(&d::REALM_URL, realm_url.as_ref(), check_realm);
    let client_id = r.text(&d::CLIENT_ID, &args.client_id);
    r.check(&d::CLIENT_ID, client_id.as_ref(), check_client_id);
    let name = r.text(&d::SSO_NAME, &args.name);
    let made = system_name(name.as_ref().map(|g| g.value.as_str()));
    if let (Err(why), Some(g)) = (&made, &name) {
        r.problem(format!(
            "{} '{}' (from {}) is invalid: {why}",
            d::SSO_NAME.label,
            g.value,
            g.source
        ));
    }
    if args.client_secret_stdin && args.sso_admin_password_stdin {
        r.problem(format!(
            "{} and {} both read standard input, which holds one secret: give one of them in a file",
            d::CLIENT_SECRET.stdin.flag(),
            d::SSO_ADMIN_PASSWORD.stdin.flag()
        ));
    }
    let secret = r.secret(
        &d::CLIENT_SECRET,
        SecretFlags {
            stdin: args.client_secret_stdin && !args.sso_admin_password_stdin,
            file: args.client_secret_file.as_deref(),
        },
        stdin,
    );
    if let Some(s) = &secret {
        if s.value.expose().chars().count() < MIN_SECRET_LEN {
            r.problem(format!(
                "the {} (from {}) has fewer than {MIN_SECRET_LEN} characters: that is no client secret (Red Hat SSO makes them 36 long)",
                d::CLIENT_SECRET.label,
                s.source
            ));
        }
    }
    let create_client = r.switch(&d::CREATE_CLIENT, args.create_client);
    let admin = admin(&mut r, args, stdin, create_client);
    let publish = r.switch(&d::PUBLISH, args.publish);
    for (missing, label, ways) in [
        (realm_url.is_none(), d::REALM_URL.label, d::REALM_URL.ways()),
        (client_id.is_none(), d::CLIENT_ID.label, d::CLIENT_ID.ways()),
        (
            secret.is_none() && !secret_given(&r, args),
            d::CLIENT_SECRET.label,
            d::CLIENT_SECRET.ways(),
        ),
    ] {
        if missing {
            r.problem(format!("needed and not given: {label}: {ways}"));
        }
    }
    let mut portal = portal;
    portal.project.warnings = r.finish()?;
    let (Some(realm_url), Some(client_id), Some(secret), Ok(system_name)) =
        (realm_url, client_id, secret, made)
    else {
        return Err(crate::failure::Failure::internal(
            "sso add: a value is missing after its checks",
        ));
    };
    let realm = Realm::parse(&realm_url.value)
        .map_err(|e| crate::failure::Failure::internal(format!("sso add: {e}")))?;
    Ok(SsoAddAnswers {
        portal,
        spec: Spec {
            realm,
            client_id: client_id.value.trim().to_string(),
            client_secret: secret.value,
            name: name.map_or(DEFAULT_NAME.to_string(), |g| g.value.trim().to_string()),
            system_name,
            publish,
            create_client,
            admin,
        },
    })
}

/// Whether a place of the client secret was named (a place that failed said so already).
fn secret_given(r: &Resolver, args: &SsoAddArgs) -> bool {
    args.client_secret_stdin
        || args.client_secret_file.is_some()
        || r.env.get(d::CLIENT_SECRET.env).is_some()
        || r.path(&d::CLIENT_SECRET.file, &None).is_some()
}

/// The Red Hat SSO administrator, when a password is given; `--create-client` needs one.
fn admin(
    r: &mut Resolver,
    args: &SsoAddArgs,
    stdin: &mut dyn SecretReader,
    create_client: bool,
) -> Option<Admin> {
    let password = r.secret(
        &d::SSO_ADMIN_PASSWORD,
        SecretFlags {
            stdin: args.sso_admin_password_stdin && !args.client_secret_stdin,
            file: args.sso_admin_password_file.as_deref(),
        },
        stdin,
    );
    if create_client && password.is_none() {
        r.problem(format!(
            "{} needs a Red Hat SSO administrator: their password with {}",
            d::CREATE_CLIENT.flag(),
            d::SSO_ADMIN_PASSWORD.ways()
        ));
    }
    let username = r
        .text(&d::SSO_ADMIN_USERNAME, &args.sso_admin_username)
        .map_or("admin".to_string(), |g| g.value);
    let realm = r
        .text(&d::SSO_ADMIN_REALM, &args.sso_admin_realm)
        .map_or("master".to_string(), |g| g.value);
    password.map(|p| Admin {
        realm,
        username,
        password: p.value,
    })
}
