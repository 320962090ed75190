//! Validation of the names the cluster will accept, with reasons a person can act on.

/// A project name: an RFC 1123 label of at most 63 characters.
pub(crate) fn check_project_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("it is empty".into());
    }
    if name.len() > 63 {
        return Err(format!(
            "it has {} characters; at most 63 are allowed",
            name.len()
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!(
            "'{c}' is not allowed: use lower-case letters, digits and '-'"
        ));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Err("it must start and end with a letter or digit".into());
    }
    Ok(())
}

/// A wildcard domain as `WILDCARD_DOMAIN` expects: a DNS name without scheme, wildcard or final dot.
pub(crate) fn check_wildcard_domain(domain: &str) -> Result<(), String> {
    if domain.is_empty() {
        return Err("it is empty".into());
    }
    if domain.contains("://") {
        return Err("give the domain alone, without a scheme such as https://".into());
    }
    if domain.contains('*') {
        return Err("give the domain without '*.': the routes are created below it".into());
    }
    if domain.ends_with('.') {
        return Err("remove the trailing dot".into());
    }
    if domain.len() > 253 {
        return Err(format!(
            "it has {} characters; at most 253 are allowed",
            domain.len()
        ));
    }
    for label in domain.split('.') {
        if label.is_empty() {
            return Err("it has an empty label (two dots in a row, or a leading dot)".into());
        }
        if label.len() > 63 {
            return Err(format!(
                "the label '{label}' has {} characters; at most 63 are allowed",
                label.len()
            ));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            let hint = if c.is_ascii_uppercase() {
                " (use lower case)"
            } else {
                ""
            };
            return Err(format!("'{c}' is not allowed in a DNS name{hint}"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(format!(
                "the label '{label}' must not start or end with '-'"
            ));
        }
    }
    Ok(())
}

/// A wildcard domain the routes can live under: a DNS name of at least two labels (a single
/// label such as `localhost` or `com` is no domain of the cluster's router), and not an IP
/// address (routes are named hosts: an address needs a wildcard DNS service such as nip.io).
pub(crate) fn check_domain_shape(domain: &str) -> Result<(), String> {
    if domain.parse::<std::net::IpAddr>().is_ok() {
        return Err(format!(
            "it is an IP address; the routes need a DNS name under which *.DOMAIN resolves to the router (e.g. {domain}.nip.io, or the cluster's apps domain)"
        ));
    }
    if !domain.contains('.') {
        return Err(format!(
            "'{domain}' is a single label; give a DNS name of at least two labels whose wildcard record points at the cluster's router, such as the cluster's apps domain (apps.CLUSTER.example.com)"
        ));
    }
    Ok(())
}

/// A name a Service takes (an RFC 1035 label): at most 63 lower-case letters, digits and '-',
/// starting with a letter and ending with a letter or digit.
pub(crate) fn check_service_name(name: &str) -> Result<(), String> {
    check_project_name(name)?;
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err("it must start with a letter (it names a Service)".into());
    }
    Ok(())
}

/// A route's host: a DNS name alone, without scheme, port, path or wildcard.
pub(crate) fn check_host(host: &str) -> Result<(), String> {
    if host.contains("://") {
        return Err("give the host alone, without a scheme such as https://".into());
    }
    if host.contains(['/', ':', '@']) {
        return Err("give the host alone, without port, path or user".into());
    }
    if host.contains('*') {
        return Err(
            "a wildcard host needs a router that admits wildcard routes: give one host per --host"
                .into(),
        );
    }
    check_wildcard_domain(host)
}

/// ActiveSupport's `String#parameterize`, as porta 2.8 makes a tenant's subdomain from its
/// organization name (`Signup::DomainsBuilder`): Latin letters transliterated to ASCII, every
/// run of other characters one `-`, none at either end, lower case. `_` is kept, as Rails keeps
/// it (and 3scale then refuses the name).
pub(crate) fn parameterize(text: &str) -> String {
    let mut out = String::new();
    let mut pending = false;
    let ascii = text.chars().flat_map(|c| {
        if c.is_ascii() {
            vec![c]
        } else {
            transliterate(c).chars().collect()
        }
    });
    for c in ascii {
        if c.is_ascii_alphanumeric() || c == '_' {
            if pending && !out.is_empty() {
                out.push('-');
            }
            pending = false;
            out.push(c.to_ascii_lowercase());
        } else {
            // `-` too: runs of separators collapse into one.
            pending = true;
        }
    }
    out
}

/// I18n's default transliteration of the Latin-1 letters; anything else becomes `?`, which
/// `parameterize` drops.
fn transliterate(c: char) -> &'static str {
    match c {
        'À'..='Å' => "A",
        'Æ' => "AE",
        'Ç' => "C",
        'È'..='Ë' => "E",
        'Ì'..='Ï' => "I",
        'Ð' => "D",
        'Ñ' => "N",
        'Ò'..='Ö' | 'Ø' => "O",
        'Ù'..='Ü' => "U",
        'Ý' => "Y",
        'Þ' => "Th",
        'ß' => "ss",
        'à'..='å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è'..='ë' => "e",
        'ì'..='ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        'ò'..='ö' | 'ø' => "o",
        'ù'..='ü' => "u",
        'ý' | 'ÿ' => "y",
        'þ' => "th",
        _ => "?",
    }
}

/// The candidate closest to `name` by edit distance, when it is close enough to be a typo.
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let upper = name.to_uppercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&upper, &c.to_uppercase()), c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(cur)
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// porta's `Authentication::RE_EMAIL_OK` and length (6 to 255).
pub(crate) fn check_admin_email(email: &str) -> Result<(), String> {
    let count = email.chars().count();
    if count < 6 {
        return Err(format!("it has {count} characters; at least 6 are needed"));
    }
    if count > 255 {
        return Err(format!(
            "it has {count} characters; at most 255 are allowed"
        ));
    }
    let looks = || -> bool {
        let Some((local, domain)) = email.split_once('@') else {
            return false;
        };
        let local_ok = !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "'_.%+-".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let Some((tld, heads)) = labels.split_last() else {
            return false;
        };
        let heads_ok = !heads.is_empty()
            && heads
                .iter()
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        let tld_ok = (2..=63).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic());
        local_ok && heads_ok && tld_ok
    };
    if !looks() {
        return Err("it does not look like an e-mail address to 3scale (name@example.com)".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_admin_email_follows_porta_s_rule() {
        assert!(check_admin_email("ops@acme.example").is_ok());
        assert!(check_admin_email("ops@acme").is_err());
        assert!(check_admin_email("a@b.c").is_err());
        assert!(check_admin_email("o p@acme.example").is_err());
    }

    #[test]
    fn project_names() {
        assert!(check_project_name("3scale-apim").is_ok());
        for bad in ["", "My_Proj", "-x", "x-", &"a".repeat(64)] {
            assert!(check_project_name(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn wildcard_domains() {
        assert!(check_wildcard_domain("apps.cluster.example.com").is_ok());
        let cases = [
            ("https://x", "scheme"),
            ("*.apps.x", "'*."),
            ("apps.x.", "trailing dot"),
            ("apps..x", "empty label"),
            ("Apps.x", "lower case"),
            ("-a.x", "start or end"),
        ];
        for (bad, why) in cases {
            let err = check_wildcard_domain(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
        let long_label = format!("{}.x", "a".repeat(64));
        assert!(check_wildcard_domain(&long_label).is_err());
        let too_long = vec!["abcdefghi"; 26].join(".");
        assert!(check_wildcard_domain(&too_long)
            .unwrap_err()
            .contains("253"));
    }

    #[test]
    fn wildcard_domains_are_names_of_two_labels_or_more() {
        assert!(check_domain_shape("apps.ocp4.example.com").is_ok());
        assert!(check_domain_shape("example.com").is_ok());
        for (bad, why) in [
            ("10.1.2.3", "IP address"),
            ("com", "single label"),
            ("localhost", "single label"),
        ] {
            let err = check_domain_shape(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }

    #[test]
    fn service_names_and_hosts() {
        assert!(check_service_name("apicast-eu").is_ok());
        assert!(check_service_name("1gw").unwrap_err().contains("letter"));
        assert!(check_service_name("Gw").is_err());
        assert!(check_host("api.eu.example.com").is_ok());
        for (bad, why) in [
            ("https://api.x", "scheme"),
            ("api.x:443", "port"),
            ("api.x/v1", "path"),
            ("*.x", "wildcard"),
            ("API.x", "lower case"),
        ] {
            let err = check_host(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }

    #[test]
    fn closest_suggests_typos_only() {
        let names = ["WILDCARD_DOMAIN", "TENANT_NAME", "ADMIN_PASSWORD"];
        assert_eq!(closest("WILDCARD_DOMIAN", names), Some("WILDCARD_DOMAIN"));
        assert_eq!(closest("tenant_name", names), Some("TENANT_NAME"));
        assert_eq!(closest("SOMETHING_ELSE_ENTIRELY", names), None);
    }

    #[test]
    fn parameterize_as_rails_makes_a_subdomain() {
        assert_eq!(parameterize("ACME Corp"), "acme-corp");
        assert_eq!(parameterize("  Café  & Bar!! "), "cafe-bar");
        assert_eq!(parameterize("a--b"), "a-b");
        assert_eq!(parameterize("ACME_Corp"), "acme_corp");
        assert_eq!(parameterize("東京"), "");
        assert_eq!(parameterize("Ørsted A/S"), "orsted-a-s");
    }
}
