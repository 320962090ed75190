//! What template parameters mean beyond the template's own `required`: which hold secrets, which
//! must be URLs of a given scheme, and what the S3 profile needs although its template marks
//! nothing required. Rules apply only to parameters the chosen template has.

use crate::template::Template;

/// Parameters whose value must be a URL of one of these schemes (external databases, HA profile).
const URL_SCHEMES: &[(&str, &[&str])] = &[
    ("SYSTEM_DATABASE_URL", &["mysql2", "postgresql"]),
    ("SYSTEM_REDIS_URL", &["redis", "rediss"]),
    ("SYSTEM_MESSAGE_BUS_REDIS_URL", &["redis", "rediss"]),
    ("BACKEND_REDIS_STORAGE_ENDPOINT", &["redis", "rediss"]),
    ("BACKEND_REDIS_QUEUES_ENDPOINT", &["redis", "rediss"]),
];

/// Parameters that take one of a few values.
const CHOICES: &[(&str, &[&str])] = &[
    ("AWS_PROTOCOL", &["HTTP", "HTTPS"]),
    ("AWS_PATH_STYLE", &["true", "false"]),
];

/// Parameters a template needs although it does not mark them required: when the first one is a
/// parameter of the template, all of the others must be given.
const NEEDED_TOGETHER: &[(&str, &[&str])] = &[(
    "AWS_SECRET_ACCESS_KEY",
    &[
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_BUCKET",
        "AWS_REGION",
    ],
)];

/// Parameters that must never come from a flag value (or the answers file): they are read from
/// their standard environment variable, a file, stdin or the prompt.
pub const NEVER_FROM_FLAGS: &[&str] = &["AWS_SECRET_ACCESS_KEY"];

/// Whether a parameter's value is a secret: generated values, names that say so, the external
/// database and Redis URLs (they carry passwords), and any URL with credentials in it.
pub fn is_secret(template: &Template, name: &str, value: &str) -> bool {
    let generated = template
        .parameter(name)
        .is_some_and(|p| p.generate.is_some());
    generated || looks_secret(name, value)
}

/// What can be told without the template: by the name and the value alone.
pub fn looks_secret(name: &str, value: &str) -> bool {
    let named = ["PASSWORD", "TOKEN", "SECRET", "KEY_BASE", "PRIVATE_KEY"]
        .iter()
        .any(|w| name.contains(w));
    let database_url = URL_SCHEMES.iter().any(|(n, _)| *n == name);
    named || database_url || url_with_credentials(value)
}

/// `scheme://user:password@host...`
pub fn url_with_credentials(value: &str) -> bool {
    value.split_once("://").is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && rest
                .split('/')
                .next()
                .is_some_and(|authority| authority.contains('@'))
    })
}

/// Problems with the given values, naming the parameter, why, and what is expected.
pub fn check(template: &Template, params: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, value) in params
        .iter()
        .filter(|(n, v)| template.parameter(n).is_some() && !v.is_empty())
    {
        if let Some((_, schemes)) = URL_SCHEMES.iter().find(|(n, _)| n == name) {
            let scheme = value.split_once("://").map(|(s, _)| s);
            if !scheme.is_some_and(|s| schemes.contains(&s)) {
                let shown = scheme
                    .map(|s| format!("a {s}:// URL"))
                    .unwrap_or_else(|| "not a URL".into());
                problems.push(format!(
                    "{name} must be a {} URL (e.g. {}://user:password@host:port/...), but the value given is {shown}",
                    schemes.iter().map(|s| format!("{s}://")).collect::<Vec<_>>().join(" or "),
                    schemes[0]
                ));
            }
        }
        if let Some((_, choices)) = CHOICES.iter().find(|(n, _)| n == name) {
            if !choices.iter().any(|c| c.eq_ignore_ascii_case(value)) {
                problems.push(format!(
                    "{name} must be one of {}, not '{value}'",
                    choices.join(", ")
                ));
            }
        }
    }
    problems
}

/// Parameters the template needs together that no input gave.
pub fn needed_but_missing(template: &Template, given: impl Fn(&str) -> bool) -> Vec<&str> {
    NEEDED_TOGETHER
        .iter()
        .filter(|(trigger, _)| template.parameter(trigger).is_some())
        .flat_map(|(_, names)| names.iter())
        .filter_map(|n| template.parameter(n).map(|p| p.name.as_str()))
        .filter(|n| !given(n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(names: &[&str]) -> Template {
        let params: String = names.iter().map(|n| format!("- name: {n}\n")).collect();
        Template::parse(&format!("metadata: {{name: t}}\nparameters:\n{params}")).unwrap()
    }

    #[test]
    fn database_urls_need_their_scheme() {
        let t = template(&["SYSTEM_DATABASE_URL", "SYSTEM_REDIS_URL", "AWS_PROTOCOL"]);
        let given = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        };
        assert!(check(
            &t,
            &given(&[
                ("SYSTEM_DATABASE_URL", "mysql2://u:p@db:3306/system"),
                ("SYSTEM_REDIS_URL", "redis://r:6379/1")
            ])
        )
        .is_empty());
        let problems = check(
            &t,
            &given(&[
                ("SYSTEM_DATABASE_URL", "mysql://u:p@db/s"),
                ("SYSTEM_REDIS_URL", "r:6379"),
                ("AWS_PROTOCOL", "ftp"),
            ]),
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("mysql2:// or postgresql://")
                && problems[0].contains("a mysql:// URL"),
            "{}",
            problems[0]
        );
        assert!(problems[1].contains("not a URL"));
        assert!(problems[2].contains("HTTP, HTTPS"));
        // Rules only apply to parameters the template has.
        assert!(check(&template(&[]), &given(&[("SYSTEM_DATABASE_URL", "x")])).is_empty());
    }

    #[test]
    fn secrets_are_recognised() {
        let t = template(&["ADMIN_EMAIL", "SYSTEM_DATABASE_URL", "AWS_BUCKET"]);
        assert!(is_secret(&t, "AWS_SECRET_ACCESS_KEY", "x"));
        assert!(is_secret(&t, "SYSTEM_DATABASE_URL", "postgresql://db/x"));
        assert!(
            is_secret(&t, "ADMIN_EMAIL", "smtp://user:pw@mail/"),
            "a URL with credentials"
        );
        assert!(!is_secret(&t, "ADMIN_EMAIL", "ops@example.com"));
        assert!(!is_secret(&t, "AWS_BUCKET", "assets"));
    }

    #[test]
    fn s3_needs_its_credentials_and_bucket() {
        let t = template(&[
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_BUCKET",
            "AWS_REGION",
            "AWS_HOSTNAME",
        ]);
        assert_eq!(
            needed_but_missing(&t, |n| n == "AWS_BUCKET"),
            ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"]
        );
        assert!(needed_but_missing(&template(&["AWS_BUCKET"]), |_| false).is_empty());
    }
}
