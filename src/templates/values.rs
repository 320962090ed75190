//! The values 3scale 2.8 and OpenShift accept for the parameters that become host names or
//! e-mail addresses, checked before anything is created: a value the cluster or 3scale would
//! refuse later is refused here, naming it, why, and what to give instead.

/// Parameters whose value becomes one DNS label of route hosts, with the longest value that
/// keeps every label they make within 63 characters, and where the value ends up.
const HOST_LABELS: &[(&str, usize, &str)] = &[
    (
        "TENANT_NAME",
        // zync's `api-TENANT-apicast-production` is the longest label (porta's default service).
        40,
        "the hosts TENANT-admin.DOMAIN (admin portal), TENANT.DOMAIN (developer portal), backend-TENANT.DOMAIN and api-TENANT-apicast-production.DOMAIN",
    ),
    ("MASTER_NAME", 63, "the master portal's host MASTER.DOMAIN"),
];

/// The parameter's value as a DNS label and an e-mail address, when it is one.
pub(crate) fn check(name: &str, value: &str) -> Option<String> {
    if let Some((_, max, hosts)) = HOST_LABELS.iter().find(|(n, _, _)| *n == name) {
        return label_problem(value, *max).map(|why| {
            format!(
                "{name} '{value}' cannot be part of a host name: {why}. 3scale makes {hosts} of it, and OpenShift refuses a route whose host is not lower-case DNS labels; give {name}={}",
                suggestion(value, *max)
            )
        });
    }
    if name == "ADMIN_EMAIL" && !value.is_empty() {
        return crate::names::check_admin_email(value).err().map(|why| {
            format!("ADMIN_EMAIL '{value}' is not an e-mail address 3scale accepts: {why}; give the admin's address, e.g. ADMIN_EMAIL=admin@example.com, or leave it out")
        });
    }
    None
}

/// Why `value` is not a DNS label of at most `max` characters (RFC 1123, lower case).
fn label_problem(value: &str, max: usize) -> Option<String> {
    if value.is_empty() {
        return Some("it is empty".into());
    }
    if let Some(c) = value
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        let case = if c.is_ascii_uppercase() {
            " (upper case is refused, not folded)"
        } else {
            ""
        };
        return Some(format!(
            "'{c}' is not allowed{case}; only lower-case letters, digits and '-' are"
        ));
    }
    if value.starts_with('-') || value.ends_with('-') {
        return Some("it must start and end with a letter or digit".into());
    }
    let count = value.chars().count();
    (count > max).then(|| format!("it has {count} characters; at most {max} fit"))
}

/// A label close to `value`: lower case, every run of other characters one '-'.
fn suggestion(value: &str, max: usize) -> String {
    let mut out = String::new();
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed: String = out.trim_matches('-').chars().take(max).collect();
    match trimmed.trim_end_matches('-') {
        "" => "a-name".to_string(),
        t => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_names_are_host_labels() {
        let e = check("TENANT_NAME", "Bad_Name!").unwrap();
        assert!(
            e.contains("TENANT_NAME 'Bad_Name!'")
                && e.contains("'B' is not allowed (upper case")
                && e.contains("TENANT_NAME=bad-name"),
            "{e}"
        );
        assert!(check("TENANT_NAME", "3scale").is_none());
        assert!(check("TENANT_NAME", "acme-corp").is_none());
        assert!(check("TENANT_NAME", "-x")
            .unwrap()
            .contains("start and end"));
        let long = "a".repeat(41);
        assert!(check("TENANT_NAME", &long).unwrap().contains("at most 40"));
        assert!(check("MASTER_NAME", &"m".repeat(63)).is_none());
        assert!(check("MASTER_NAME", "Master").is_some());
        assert!(check("OTHER", "Bad_Name!").is_none());
    }

    #[test]
    fn admin_e_mails_follow_porta_s_rule() {
        let e = check("ADMIN_EMAIL", "not-an-email").unwrap();
        assert!(e.contains("ADMIN_EMAIL 'not-an-email'"), "{e}");
        assert!(check("ADMIN_EMAIL", "ops@example.com").is_none());
        assert!(check("ADMIN_EMAIL", "").is_none(), "porta makes one up");
        assert!(check("ADMIN_EMAIL", "a@b_c.com").is_some());
    }
}
