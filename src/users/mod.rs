//! The users of a tenant's admin portal and what they may reach: admins (everything) and
//! members (the sections and products they are granted). A member made through the API or at a
//! first SSO login starts with no section and no product permission — which 3scale reads as
//! every product — so every member's access is set explicitly here.
//!
//! [`team`] reads the desired list of `users sync`; [`plan`] decides the changes of each
//! subcommand from what the admin portal answered; [`action`] makes them; [`summary`] prints.

pub(crate) mod action;
pub(crate) mod plan;
pub(crate) mod summary;
pub(crate) mod team;

use crate::threescale::{Access, Product};
use serde::Serialize;
use std::fmt;

/// `AdminSection::PERMISSIONS` of a tenant's admin portal (porta 2.8 `app/models/admin_section.rb`;
/// `finance` is left out only on master on premises).
pub(crate) const SECTIONS: [&str; 7] = [
    "portal",
    "finance",
    "settings",
    "partners",
    "monitoring",
    "plans",
    "policy_registry",
];

/// What each section opens, for the help and the errors.
pub(crate) const SECTIONS_HELP: &str = "portal (Developer Portal), finance (Billing), settings (Settings), partners (Developers, their accounts and applications), monitoring (Analytics), plans (Integrate, Applications and their plans), policy_registry (Policy registry)";

/// A section name, checked; the error names the closest one.
pub(crate) fn check_section(name: &str) -> Result<(), String> {
    if SECTIONS.contains(&name) {
        return Ok(());
    }
    let hint = crate::names::closest(name, SECTIONS)
        .map(|c| format!("did you mean '{c}'? "))
        .unwrap_or_default();
    Err(format!(
        "'{name}' is not a section of the admin portal; {hint}the sections: {SECTIONS_HELP}"
    ))
}

/// An e-mail as SSO can match it: porta's rules, and lower case (3scale compares e-mails byte
/// for byte, Red Hat SSO keeps them in lower case).
pub(crate) fn check_email(email: &str) -> Result<(), String> {
    crate::names::check_admin_email(email)?;
    if email.chars().any(char::is_uppercase) {
        return Err(format!(
            "it has capital letters: 3scale compares e-mails exactly and Red Hat SSO keeps them in lower case, so a login by SSO would never find this user; write {}",
            email.to_lowercase()
        ));
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Role {
    Admin,
    Member,
}

impl Role {
    pub(crate) fn parse(text: &str) -> Result<Role, String> {
        match text.trim() {
            "admin" => Ok(Role::Admin),
            "member" => Ok(Role::Member),
            other => Err(format!("'{other}' is not a role: admin or member")),
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The products a member is granted, as asked: every one (now and later), or those named by
/// system name or id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Products {
    All,
    Named(Vec<String>),
}

/// What a member is granted, as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Grant {
    pub(crate) sections: Vec<String>,
    pub(crate) products: Products,
}

impl Grant {
    /// The access this grant means on a tenant with `products`; the names that match none.
    pub(crate) fn resolve(&self, products: &[Product]) -> Result<Access, Vec<String>> {
        let services = match &self.products {
            Products::All => None,
            Products::Named(names) => {
                let mut ids = Vec::new();
                let mut unknown = Vec::new();
                for n in names {
                    let found = products
                        .iter()
                        .find(|p| p.system_name == *n || p.id.to_string() == *n);
                    match found {
                        Some(p) if !ids.contains(&p.id) => ids.push(p.id),
                        Some(_) => {}
                        None => unknown.push(n.clone()),
                    }
                }
                if !unknown.is_empty() {
                    return Err(unknown);
                }
                ids.sort_unstable();
                Some(ids)
            }
        };
        Ok(Access {
            sections: self.sections.clone(),
            services,
        })
    }
}

/// Whether two accesses grant the same (order does not matter).
pub(crate) fn same_access(a: &Access, b: &Access) -> bool {
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v.dedup();
        v
    };
    let ids = |v: &Option<Vec<u64>>| {
        v.as_ref().map(|v| {
            let mut v = v.clone();
            v.sort_unstable();
            v.dedup();
            v
        })
    };
    sorted(&a.sections) == sorted(&b.sections) && ids(&a.services) == ids(&b.services)
}

/// An access in words: `sections monitoring, plans; products API (2)`.
pub(crate) fn access_words(a: &Access, products: &[Product]) -> String {
    let sections = if a.sections.is_empty() {
        "no section".to_string()
    } else {
        format!("sections {}", a.sections.join(", "))
    };
    let services = match &a.services {
        None => "every product".to_string(),
        Some(ids) if ids.is_empty() => "no product".to_string(),
        Some(ids) => format!(
            "products {}",
            ids.iter()
                .map(|id| match products.iter().find(|p| p.id == *id) {
                    Some(p) => format!("{} ({id})", p.name),
                    None => id.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!("{sections}; {services}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(id: u64, system_name: &str) -> Product {
        Product {
            id,
            name: system_name.to_uppercase(),
            system_name: system_name.into(),
        }
    }

    #[test]
    fn grants_resolve_against_the_products() {
        let products = [product(2, "api"), product(5, "echo")];
        let g = Grant {
            sections: vec!["monitoring".into()],
            products: Products::Named(vec!["echo".into(), "2".into(), "api".into()]),
        };
        let a = g.resolve(&products).unwrap();
        assert_eq!(a.services, Some(vec![2, 5]));
        assert_eq!(
            access_words(&a, &products),
            "sections monitoring; products API (2), ECHO (5)"
        );
        let bad = Grant {
            products: Products::Named(vec!["nope".into()]),
            ..g.clone()
        };
        assert_eq!(bad.resolve(&products), Err(vec!["nope".to_string()]));
        let all = Grant {
            products: Products::All,
            sections: vec![],
        };
        assert_eq!(all.resolve(&products).unwrap().services, None);
    }

    #[test]
    fn sections_and_emails_are_checked_as_sso_needs_them() {
        assert!(check_section("monitoring").is_ok());
        assert!(check_section("monitorin")
            .unwrap_err()
            .contains("did you mean 'monitoring'"));
        assert!(check_email("jdoe@example.com").is_ok());
        assert!(check_email("JDoe@example.com")
            .unwrap_err()
            .contains("jdoe@example.com"));
        assert!(check_email("nope").is_err());
        let a = Access {
            sections: vec!["b".into(), "a".into()],
            services: Some(vec![3, 1]),
        };
        let b = Access {
            sections: vec!["a".into(), "b".into()],
            services: Some(vec![1, 3]),
        };
        assert!(same_access(&a, &b));
        assert!(!same_access(
            &a,
            &Access {
                services: None,
                ..b
            }
        ));
    }
}
