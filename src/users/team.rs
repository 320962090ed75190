//! The team file of `users sync`: the admins and members an admin portal should have, with
//! each member's sections and products. Unknown keys are refused, and every entry is checked
//! (username, e-mail, sections, duplicates) before anything is asked of 3scale; an error names
//! the entry.
//!
//! ```yaml
//! admins:
//!   - username: alice
//!     email: alice@example.com
//! members:
//!   - username: bob
//!     email: bob@example.com
//!     sections: [monitoring, plans]
//!     services: [api, 7]        # system names or ids; `all` for every product; none if left out
//! ```

use super::{check_email, check_section, Grant, Products, Role};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TeamFile {
    #[serde(default)]
    admins: Vec<AdminEntry>,
    #[serde(default)]
    members: Vec<MemberEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AdminEntry {
    username: String,
    email: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberEntry {
    username: String,
    email: String,
    #[serde(default)]
    sections: Vec<String>,
    #[serde(default)]
    services: Option<ServicesEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ServicesEntry {
    List(Vec<ProductKey>),
    Word(String),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ProductKey {
    Id(u64),
    Name(String),
}

/// One user the admin portal should have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wanted {
    /// `admins[0]`, `members[2]`: where it is in the file.
    pub(crate) entry: String,
    pub(crate) username: String,
    pub(crate) email: String,
    pub(crate) role: Role,
    /// A member's grant (`None` for an admin: admins have everything).
    pub(crate) grant: Option<Grant>,
}

/// Reads and checks a team file: every problem at once, each naming its entry.
pub(crate) fn read(path: &Path) -> Result<Vec<Wanted>, Vec<String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| vec![format!("cannot read the team file {}: {e}", path.display())])?;
    parse(&text).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| format!("the team file {}: {p}", path.display()))
            .collect()
    })
}

pub(crate) fn parse(text: &str) -> Result<Vec<Wanted>, Vec<String>> {
    let file: TeamFile = serde_yaml::from_str(text).map_err(|e| {
        vec![format!(
            "{e} (it has `admins:` and `members:`, each a list of `username:` and `email:`; members also `sections:` and `services:`)"
        )]
    })?;
    let mut wanted = Vec::new();
    let mut problems = Vec::new();
    for (i, a) in file.admins.into_iter().enumerate() {
        wanted.push(Wanted {
            entry: format!("admins[{i}]"),
            username: a.username.trim().to_string(),
            email: a.email.trim().to_string(),
            role: Role::Admin,
            grant: None,
        });
    }
    for (i, m) in file.members.into_iter().enumerate() {
        let entry = format!("members[{i}]");
        let products = match m.services {
            None => Products::Named(Vec::new()),
            Some(ServicesEntry::Word(w)) if w == "all" => Products::All,
            Some(ServicesEntry::Word(w)) => {
                problems.push(format!(
                    "{entry} ({}): services '{w}' is neither a list of products (system names or ids) nor `all`",
                    m.username
                ));
                Products::Named(Vec::new())
            }
            Some(ServicesEntry::List(keys)) => Products::Named(
                keys.into_iter()
                    .map(|k| match k {
                        ProductKey::Id(id) => id.to_string(),
                        ProductKey::Name(n) => n,
                    })
                    .collect(),
            ),
        };
        wanted.push(Wanted {
            entry,
            username: m.username.trim().to_string(),
            email: m.email.trim().to_string(),
            role: Role::Member,
            grant: Some(Grant {
                sections: m.sections.iter().map(|s| s.trim().to_string()).collect(),
                products,
            }),
        });
    }
    problems.extend(check(&wanted));
    if problems.is_empty() {
        Ok(wanted)
    } else {
        Err(problems)
    }
}

/// Every entry's values, and no one twice.
fn check(wanted: &[Wanted]) -> Vec<String> {
    let mut problems = Vec::new();
    if wanted.is_empty() {
        problems.push("it lists nobody: give `admins:` or `members:` (with --prune, an empty list would remove every user)".to_string());
    }
    for (i, w) in wanted.iter().enumerate() {
        let who = format!("{} ({})", w.entry, w.username);
        if let Err(why) = crate::inputs::tenant::check_admin_username(&w.username) {
            problems.push(format!("{who}: username '{}': {why}", w.username));
        }
        if let Err(why) = check_email(&w.email) {
            problems.push(format!("{who}: email '{}': {why}", w.email));
        }
        for s in w.grant.iter().flat_map(|g| &g.sections) {
            if let Err(why) = check_section(s) {
                problems.push(format!("{who}: {why}"));
            }
        }
        for earlier in &wanted[..i] {
            if earlier.username == w.username {
                problems.push(format!("{who}: the username is also {}'s", earlier.entry));
            }
            if earlier.email.eq_ignore_ascii_case(&w.email) {
                problems.push(format!("{who}: the e-mail is also {}'s", earlier.entry));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_of_admins_and_members() {
        let team = parse(
            "admins:\n  - username: alice\n    email: alice@example.com\nmembers:\n  - username: bob\n    email: bob@example.com\n    sections: [monitoring, plans]\n    services: [api, 7]\n  - username: carol\n    email: carol@example.com\n    services: all\n  - username: dave\n    email: dave@example.com\n",
        )
        .unwrap();
        assert_eq!(team.len(), 4);
        assert_eq!((team[0].role, team[0].grant.clone()), (Role::Admin, None));
        let bob = team[1].grant.clone().unwrap();
        assert_eq!(bob.sections, ["monitoring", "plans"]);
        assert_eq!(
            bob.products,
            Products::Named(vec!["api".into(), "7".into()])
        );
        assert_eq!(team[2].grant.clone().unwrap().products, Products::All);
        assert_eq!(
            team[3].grant.clone().unwrap().products,
            Products::Named(vec![])
        );
    }

    #[test]
    fn every_problem_names_its_entry_before_anything_changes() {
        let problems = parse(
            "members:\n  - username: bob\n    email: Bob@example.com\n    sections: [finanse]\n  - username: bob\n    email: b2@example.com\n    services: some\n  - username: x\n    email: nope\n",
        )
        .unwrap_err();
        let all = problems.join("\n");
        assert!(
            all.contains("members[0] (bob): email 'Bob@example.com'"),
            "{all}"
        );
        assert!(all.contains("did you mean 'finance'"), "{all}");
        assert!(
            all.contains("members[1] (bob): the username is also members[0]'s"),
            "{all}"
        );
        assert!(all.contains("services 'some'"), "{all}");
        assert!(all.contains("members[2] (x): username 'x'"), "{all}");
        assert!(all.contains("members[2] (x): email 'nope'"), "{all}");
        let unknown =
            parse("admins:\n  - username: alice\n    email: a@example.com\n    role: admin\n")
                .unwrap_err();
        assert!(unknown[0].contains("unknown field `role`"), "{unknown:?}");
        let stray = parse("owners: []\n").unwrap_err();
        assert!(stray[0].contains("unknown field `owners`"), "{stray:?}");
        assert!(parse("admins: []\n").unwrap_err()[0].contains("lists nobody"));
    }
}
