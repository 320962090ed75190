//! The checks of every input, whoever supplied it (flag, environment, answers file, record or the
//! wizard): the wizard re-asks with the same reasons the non-interactive run reports.

use super::{declared, Answers, Source, PARAM_ENV_PREFIX};
use crate::names;
use crate::secrets::MIN_SECRET_LEN;
use crate::templates::model::Template;
use crate::templates::params::{self, Class, ParamModel, OWNED};

/// Projects OpenShift keeps for itself.
const RESERVED_PROJECTS: &[&str] = &["default", "openshift"];
const RESERVED_PREFIXES: &[&str] = &["kube-", "openshift-"];

pub(crate) fn check_project(name: &str) -> Result<(), String> {
    names::check_project_name(name)?;
    if RESERVED_PROJECTS.contains(&name) || RESERVED_PREFIXES.iter().any(|p| name.starts_with(p)) {
        return Err(format!(
            "'{name}' is reserved for OpenShift itself: choose a project of your own, e.g. 3scale-apim"
        ));
    }
    Ok(())
}

pub(crate) fn check_domain(domain: &str) -> Result<(), String> {
    names::check_wildcard_domain(domain)?;
    names::check_domain_shape(domain)
}

/// A registry as a pull secret names it: `HOST[:PORT][/PATH]`, no scheme, a port of 1 to 65535,
/// no empty path segment (`registry.redhat.io/` is no registry the images name).
pub(crate) fn check_registry_server(server: &str) -> Result<(), String> {
    const HINT: &str =
        "give a host such as registry.redhat.io (with :PORT if needed), without scheme";
    if server.is_empty() || server.contains("://") {
        return Err(HINT.into());
    }
    if let Some(bad) = server
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || ".-:/_".contains(*c)))
    {
        return Err(format!("'{bad}' cannot be part of a registry host: {HINT}"));
    }
    let (host_port, path) = match server.split_once('/') {
        Some((h, p)) => (h, Some(p)),
        None => (server, None),
    };
    let (host, port) = match host_port.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (host_port, None),
    };
    let host_ok = !host.is_empty()
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    if !host_ok {
        return Err(HINT.into());
    }
    if let Some(port) = port {
        match port.parse::<u16>() {
            Ok(p) if p > 0 && port.chars().all(|c| c.is_ascii_digit()) => {}
            _ => {
                return Err(format!(
                    "the port '{port}' is not a number from 1 to 65535: {HINT}"
                ))
            }
        }
    }
    if let Some(path) = path {
        if path.split('/').any(str::is_empty) {
            return Err(format!(
                "'{server}' has an empty path segment (a '/' at the end, or '//'): write {}",
                server.trim_end_matches('/')
            ));
        }
        if path.contains(':') {
            return Err(HINT.into());
        }
    }
    Ok(())
}

/// A registry username as the pull secret's `auth` encodes it (`base64(USER:PASSWORD)`, basic
/// auth): a colon would move the split between user and password, and a control character (a
/// line break from a file or variable) is no part of a name.
pub(crate) fn check_registry_username(username: &str) -> Result<(), String> {
    if username.contains(':') {
        return Err(
            "a registry username cannot contain ':' (the registry reads USER:PASSWORD and splits at the first ':'): give the username alone, and the password with its own flag, file or variable"
                .into(),
        );
    }
    if username.chars().any(char::is_control) {
        return Err(
            "a registry username cannot contain a line break, tab or other control character"
                .into(),
        );
    }
    if username != username.trim() {
        return Err("a registry username cannot begin or end with a space".into());
    }
    Ok(())
}

/// Template parameter names: what oc's `IsEnvVarName` accepts, restricted to what templates use.
pub(crate) fn is_param_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// One value of a parameter the template has: the rules the wizard applies as it asks.
pub(crate) fn check_param_value(
    template: &Template,
    model: &ParamModel,
    name: &str,
    value: &str,
) -> Result<(), String> {
    let Some(p) = template.parameter(name) else {
        return Ok(());
    };
    if value.is_empty() {
        if let Some(default) = p.value.as_deref().filter(|d| !d.is_empty()) {
            return Err(format!(
                "{name} is empty: leave it out to use the template's default '{default}'"
            ));
        }
        if p.generate.is_some() {
            return Err(format!(
                "{name} is empty: leave it out to have it generated"
            ));
        }
        if p.required {
            return Err(format!("{name} is required and cannot be empty"));
        }
    }
    if model.is_secret(name) && !value.is_empty() && value.chars().count() < MIN_SECRET_LEN {
        return Err(format!(
            "{name} is a secret of {} characters: use at least {MIN_SECRET_LEN}",
            value.chars().count()
        ));
    }
    if let Some(problem) = params::check_value(name, value) {
        return Err(problem);
    }
    Ok(())
}

/// Every check that needs the template: names, where secrets may come from, values. `others`
/// are the other profiles of the checkout with their templates, to say where a parameter belongs.
pub(crate) fn check_against(
    answers: &Answers,
    template: &Template,
    others: &[(String, Template)],
) -> Vec<String> {
    let model = ParamModel::of(template);
    let mut problems = Vec::new();
    // Also the username typed at the wizard, or kept by an earlier run's record.
    if let Some(u) = &answers.registry.username {
        if let Err(why) = check_registry_username(&u.value) {
            problems.push(format!(
                "{} '{}' (from {}) is invalid: {why}",
                declared::REGISTRY_USERNAME.label,
                u.value.escape_debug(),
                u.source
            ));
        }
    }
    for p in answers.effective_params() {
        let (name, source) = (&p.name, &p.source);
        if let Some((_, flag)) = OWNED.iter().find(|(o, _)| o == name) {
            problems.push(format!(
                "{name} (from {source}) is set with {flag}, not as a parameter"
            ));
            continue;
        }
        if template.parameter(name).is_none() {
            // A value from the environment that this profile does not use is no mistake.
            if matches!(source, Source::Env(v) if v == super::AWS_KEY_ID_ENV || v == super::AWS_SECRET_ENV)
            {
                continue;
            }
            let elsewhere: Vec<&str> = others
                .iter()
                .filter(|(_, t)| t.parameter(name).is_some())
                .map(|(n, _)| n.as_str())
                .collect();
            let hint = if !elsewhere.is_empty() {
                format!(
                    ": it belongs to profile {} (choose it with {})",
                    elsewhere.join(", "),
                    declared::TEMPLATE.flag()
                )
            } else {
                names::closest(name, template.parameters.iter().map(|p| p.name.as_str()))
                    .map(|c| format!("; did you mean {c}?"))
                    .unwrap_or_else(|| {
                        format!(
                            "; {} has {} parameters",
                            template.metadata.name,
                            template.parameters.len()
                        )
                    })
            };
            problems.push(format!(
                "{name} (from {source}) is not a parameter of profile {}{hint}",
                answers.profile.value
            ));
            continue;
        }
        if model.class(name) != Some(Class::Plain) {
            let inline = match source {
                Source::Flag(_) => {
                    Some("on the command line, where every user of the machine can read it")
                }
                // `params.NAME`, not `param_files.NAME`.
                Source::AnswersFile(_, key) if key.split('.').next() == declared::PARAMS.key => {
                    Some("inline in the answers file")
                }
                _ => None,
            };
            if let Some(where_) = inline {
                problems.push(format!(
                    "{name} is a secret and is not taken {where_} (it came from {source}): set the environment variable {PARAM_ENV_PREFIX}{name}, use {} {name}=PATH (answers-file key `{}`), or let the wizard ask",
                    declared::PARAM_FILES.flag(),
                    declared::PARAM_FILES.key.unwrap_or_default()
                ));
                continue;
            }
        }
        if let Err(why) = check_param_value(template, &model, name, p.value.expose()) {
            problems.push(format!("{why} (from {source})"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_servers_are_hosts_with_an_optional_port_and_path() {
        for ok in [
            "registry.redhat.io",
            "mirror.example.com:5000",
            "localhost",
            "quay.io/my-org",
        ] {
            assert!(check_registry_server(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "https://registry.redhat.io",
            "12345678|threescale-installer",
            "registry redhat io",
            "registry.redhat.io:",
            "registry.redhat.io:port",
            "..",
            "user@registry.redhat.io",
            "registry.redhat.io:99999",
            "registry.redhat.io:0",
            "registry.redhat.io/",
            "quay.io//org",
            "registry.redhat.io:+443",
        ] {
            assert!(check_registry_server(bad).is_err(), "{bad:?}");
        }
        assert!(check_registry_server("a|b").unwrap_err().contains("'|'"));
        assert!(check_registry_server("registry.redhat.io:99999")
            .unwrap_err()
            .contains("1 to 65535"));
    }

    #[test]
    fn registry_usernames_fit_the_auth_encoding() {
        for ok in ["12345|svc-account", "admin", "first.last@example.com"] {
            assert_eq!(check_registry_username(ok), Ok(()), "{ok}");
        }
        for bad in ["12345|svc:account", "12345|svc\naccount", "svc\t", " svc"] {
            assert!(check_registry_username(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn reserved_projects_are_refused() {
        for bad in ["default", "openshift", "kube-system", "openshift-config"] {
            assert!(
                check_project(bad).unwrap_err().contains("reserved"),
                "{bad}"
            );
        }
        assert!(check_project("3scale-apim").is_ok());
        assert!(check_project("My_Proj").is_err());
    }

    #[test]
    fn empty_values_of_defaulted_parameters_are_refused() {
        let t = Template::parse("metadata: {name: t}\nparameters:\n- {name: TENANT_NAME, value: '3scale', required: true}\n- {name: ADMIN_EMAIL}\n- {name: ADMIN_PASSWORD, generate: expression, from: '[a-z]{8}'}\n").unwrap();
        let m = ParamModel::of(&t);
        assert!(check_param_value(&t, &m, "TENANT_NAME", "")
            .unwrap_err()
            .contains("default '3scale'"));
        assert!(check_param_value(&t, &m, "ADMIN_EMAIL", "").is_ok());
        assert!(check_param_value(&t, &m, "ADMIN_PASSWORD", "")
            .unwrap_err()
            .contains("generated"));
        assert!(check_param_value(&t, &m, "ADMIN_PASSWORD", "abc")
            .unwrap_err()
            .contains("at least 6"));
    }
}
