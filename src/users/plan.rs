//! The plans of the `users` subcommands: pure functions from what the admin portal answered —
//! its users, each member's access, its products — to the changes. Each subcommand changes only
//! what differs, so running it again changes nothing. The token's own user is never demoted,
//! suspended or removed (3scale refuses the first and last; the second would lock this machine
//! out).

use super::action::{Kind, Target, UserAction};
use super::team::Wanted;
use super::{access_words, same_access, Grant, Role};
use crate::engine::report::Changes;
use crate::tenant::portal::AdminPortal;
use crate::threescale::{Access, Product, User};

/// One user as the admin portal answered, with a member's access.
#[derive(Debug, Clone)]
pub(crate) struct Current {
    pub(crate) user: User,
    pub(crate) access: Option<Access>,
}

impl Current {
    fn role(&self) -> Option<Role> {
        Role::parse(&self.user.role).ok()
    }
}

/// What every plan decides from.
pub(crate) struct Observed<'a> {
    pub(crate) portal: &'a AdminPortal,
    pub(crate) users: &'a [Current],
    pub(crate) products: &'a [Product],
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    pub(crate) actions: Vec<UserAction>,
    pub(crate) decisions: Vec<String>,
    pub(crate) problems: Vec<String>,
}

impl Plan {
    pub(crate) fn changes(&self) -> Changes<'_, UserAction> {
        Changes {
            decisions: &self.decisions,
            checks: &[],
            actions: &self.actions,
            missing: &[],
            problems: &self.problems,
        }
    }
}

/// Which of the users a name means: its username or its id.
fn find<'a>(o: &'a Observed, name: &str) -> Option<&'a Current> {
    o.users
        .iter()
        .find(|c| c.user.username == name || c.user.id.to_string() == name)
}

fn target(c: &Current) -> Target {
    Target {
        username: c.user.username.clone(),
        id: Some(c.user.id),
    }
}

impl<'a> Observed<'a> {
    fn action(&self, user: Target, kind: Kind) -> UserAction {
        UserAction {
            portal: self.portal.clone(),
            user,
            kind,
        }
    }

    fn no_such(&self, name: &str) -> String {
        let names: Vec<&str> = self
            .users
            .iter()
            .map(|c| c.user.username.as_str())
            .collect();
        let hint = crate::names::closest(name, names.iter().copied())
            .map(|c| format!("; did you mean '{c}'?"))
            .unwrap_or_default();
        format!(
            "the admin portal {} has no user '{name}'{hint}",
            self.portal.host
        )
    }

    fn is_owner(&self, c: &Current) -> bool {
        c.user.username == self.portal.owner
    }

    fn owner_problem(&self, what: &str) -> String {
        format!(
            "user {} is the owner of the token this command uses ({}): 3scale does not let it {what} itself; do it as another admin in the admin portal",
            self.portal.owner,
            self.portal.token_origin()
        )
    }

    fn access(&self, g: &Grant, who: &str) -> Result<Access, String> {
        g.resolve(self.products).map_err(|unknown| {
            let known: Vec<String> = self
                .products
                .iter()
                .map(|p| format!("{} ({})", p.system_name, p.id))
                .collect();
            format!(
                "{who}: no product {} on {}; its products: {}",
                unknown.join(", "),
                self.portal.host,
                if known.is_empty() {
                    "none".into()
                } else {
                    known.join(", ")
                }
            )
        })
    }
}

/// `users add`: a new user (activated), with its role or its grant; an existing one as it is.
pub(crate) fn add(o: &Observed, w: &Wanted) -> Plan {
    let mut p = Plan::default();
    if let Some(c) = find(o, &w.username) {
        if c.user.email == w.email {
            p.decisions.push(format!(
                "user {} exists ({}, {}): not created again (`users role` and `users grant` change it)",
                c.user.username, c.user.role, c.user.state
            ));
        } else {
            p.problems.push(format!(
                "user {} exists with the e-mail {}, not {}: remove it first, or choose another username",
                c.user.username, c.user.email, w.email
            ));
        }
        return p;
    }
    create(o, w, &mut p);
    p
}

/// A new user's changes: created, activated, then made admin or granted its access.
fn create(o: &Observed, w: &Wanted, p: &mut Plan) {
    if let Some(other) = o
        .users
        .iter()
        .find(|c| c.user.email.eq_ignore_ascii_case(&w.email))
    {
        p.problems.push(format!(
            "{} ({}): the e-mail {} is user {}'s (id {}): use that username, or remove that user first",
            w.entry, w.username, w.email, other.user.username, other.user.id
        ));
        return;
    }
    let access = match w
        .grant
        .as_ref()
        .map(|g| o.access(g, &format!("{} ({})", w.entry, w.username)))
    {
        Some(Err(problem)) => {
            p.problems.push(problem);
            return;
        }
        Some(Ok(a)) => Some(a),
        None => None,
    };
    let new = Target {
        username: w.username.clone(),
        id: None,
    };
    p.actions.push(o.action(
        new.clone(),
        Kind::Create {
            email: w.email.clone(),
        },
    ));
    p.actions.push(o.action(new.clone(), Kind::Activate));
    match access {
        None => p.actions.push(o.action(
            new,
            Kind::SetRole {
                from: None,
                to: Role::Admin,
            },
        )),
        Some(a) => {
            let words = access_words(&a, o.products);
            p.actions
                .push(o.action(new, Kind::SetAccess { to: a, words }));
        }
    }
}

/// `users role USER ROLE`.
pub(crate) fn role(o: &Observed, name: &str, to: Role) -> Plan {
    let mut p = Plan::default();
    let Some(c) = find(o, name) else {
        p.problems.push(o.no_such(name));
        return p;
    };
    let from = c.role();
    if from == Some(to) {
        p.decisions
            .push(format!("user {} is {to} already", c.user.username));
        return p;
    }
    if o.is_owner(c) {
        p.problems.push(o.owner_problem("change the role of"));
        return p;
    }
    p.actions
        .push(o.action(target(c), Kind::SetRole { from, to }));
    if to == Role::Member {
        p.decisions.push(format!(
            "as a member, {} reaches only what it is granted: `threescale-install users grant {}` grants sections and products",
            c.user.username, c.user.username
        ));
    }
    p
}

/// `users grant USER`: a member's sections and products, set exactly.
pub(crate) fn grant(o: &Observed, name: &str, g: &Grant) -> Plan {
    let mut p = Plan::default();
    let Some(c) = find(o, name) else {
        p.problems.push(o.no_such(name));
        return p;
    };
    if c.role() != Some(Role::Member) {
        p.problems.push(format!(
            "user {} is an admin, who reaches every section and product: make it a member first (`threescale-install users role {} member`)",
            c.user.username, c.user.username
        ));
        return p;
    }
    match o.access(g, &format!("user {}", c.user.username)) {
        Err(problem) => p.problems.push(problem),
        Ok(a) => set_access(o, c, a, &mut p),
    }
    p
}

fn set_access(o: &Observed, c: &Current, a: Access, p: &mut Plan) {
    if c.access.as_ref().is_some_and(|now| same_access(now, &a)) {
        return;
    }
    let words = access_words(&a, o.products);
    p.actions
        .push(o.action(target(c), Kind::SetAccess { to: a, words }));
}

/// `users suspend`, `unsuspend`, `remove`.
pub(crate) fn state(o: &Observed, name: &str, kind: Kind) -> Plan {
    let mut p = Plan::default();
    let Some(c) = find(o, name) else {
        if kind == Kind::Remove {
            p.decisions
                .push(format!("{}: nothing to remove", o.no_such(name)));
        } else {
            p.problems.push(o.no_such(name));
        }
        return p;
    };
    let state = c.user.state.as_str();
    let who = &c.user.username;
    match (&kind, state) {
        (Kind::Suspend | Kind::Remove, _) if o.is_owner(c) => p.problems.push(o.owner_problem(
            if kind == Kind::Remove { "remove" } else { "suspend" },
        )),
        (Kind::Suspend, "suspended") | (Kind::Unsuspend, "active") => {
            p.decisions.push(format!("user {who} is {state} already"));
        }
        (Kind::Suspend, "pending") => p.problems.push(format!(
            "user {who} is pending (never activated): 3scale cannot suspend it; remove it instead (`threescale-install users remove {who}`)"
        )),
        (Kind::Unsuspend, "pending") => {
            p.decisions.push(format!("user {who} is pending: it is activated instead"));
            p.actions.push(o.action(target(c), Kind::Activate));
        }
        _ => p.actions.push(o.action(target(c), kind)),
    }
    p
}

/// `users sync`: the admin portal's users made the team's; with `prune`, the others removed.
pub(crate) fn sync(o: &Observed, team: &[Wanted], prune: bool) -> Plan {
    let mut p = Plan::default();
    for w in team {
        match find(o, &w.username) {
            None => create(o, w, &mut p),
            Some(c) => existing(o, c, w, &mut p),
        }
    }
    let extra: Vec<&Current> = o
        .users
        .iter()
        .filter(|c| !team.iter().any(|w| w.username == c.user.username))
        .collect();
    for c in &extra {
        if !prune {
            continue;
        }
        if o.is_owner(c) {
            p.decisions.push(format!(
                "user {} is not in the file, and is kept: the token this command uses is its",
                c.user.username
            ));
        } else {
            p.actions.push(o.action(target(c), Kind::Remove));
        }
    }
    if !prune && !extra.is_empty() {
        p.decisions.push(format!(
            "not in the file, and kept (--prune removes them): {}",
            extra
                .iter()
                .map(|c| format!("{} ({})", c.user.username, c.user.role))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    p
}

/// A user of the file the admin portal has: what differs is changed.
fn existing(o: &Observed, c: &Current, w: &Wanted, p: &mut Plan) {
    let who = &c.user.username;
    if c.user.email != w.email {
        p.actions.push(o.action(
            target(c),
            Kind::SetEmail {
                from: c.user.email.clone(),
                to: w.email.clone(),
            },
        ));
    }
    match c.user.state.as_str() {
        "pending" => p.actions.push(o.action(target(c), Kind::Activate)),
        "suspended" => p.decisions.push(format!(
            "user {who} is suspended, and stays so (`threescale-install users unsuspend {who}`)"
        )),
        _ => {}
    }
    if c.role() != Some(w.role) {
        if o.is_owner(c) {
            p.problems.push(o.owner_problem("change the role of"));
            return;
        }
        p.actions.push(o.action(
            target(c),
            Kind::SetRole {
                from: c.role(),
                to: w.role,
            },
        ));
    }
    let Some(g) = &w.grant else {
        return;
    };
    match o.access(g, &format!("{} ({who})", w.entry)) {
        Err(problem) => p.problems.push(problem),
        // A member made now from an admin has porta's default access: set it whatever it is.
        Ok(a) if c.role() != Some(Role::Member) => {
            let words = access_words(&a, o.products);
            p.actions
                .push(o.action(target(c), Kind::SetAccess { to: a, words }));
        }
        Ok(a) => set_access(o, c, a, p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::Secret;
    use crate::users::team;
    use crate::users::Products;

    fn portal() -> AdminPortal {
        AdminPortal {
            host: "3scale-admin.apps.example.com".into(),
            token: Secret::new("admin-token-value"),
            tenant: "3scale".into(),
            owner: "admin".into(),
            default: true,
        }
    }

    fn user(id: u64, name: &str, role: &str, state: &str, access: Option<Access>) -> Current {
        Current {
            user: User {
                id,
                username: name.into(),
                email: format!("{name}@example.com"),
                state: state.into(),
                role: role.into(),
            },
            access,
        }
    }

    fn products() -> Vec<Product> {
        vec![Product {
            id: 2,
            name: "API".into(),
            system_name: "api".into(),
        }]
    }

    fn lines(p: &Plan) -> Vec<String> {
        p.actions.iter().map(ToString::to_string).collect()
    }

    const TEAM: &str = "admins:\n  - username: admin\n    email: admin@example.com\n  - username: alice\n    email: alice@example.com\nmembers:\n  - username: bob\n    email: bob@example.com\n    sections: [monitoring]\n    services: [api]\n";

    #[test]
    fn sync_makes_the_file_true_and_a_second_run_changes_nothing() {
        let team = team::parse(TEAM).unwrap();
        let products = products();
        let portal = portal();
        let users = vec![
            user(1, "admin", "admin", "active", None),
            user(
                9,
                "sso-user",
                "member",
                "active",
                Some(Access {
                    sections: vec![],
                    services: None,
                }),
            ),
        ];
        let o = Observed {
            portal: &portal,
            users: &users,
            products: &products,
        };
        let p = sync(&o, &team, true);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(
            lines(&p),
            [
                "create user alice <alice@example.com> (3scale makes it a pending member)",
                "activate user alice",
                "make user alice admin",
                "create user bob <bob@example.com> (3scale makes it a pending member)",
                "activate user bob",
                "grant user bob sections monitoring; products API (2)",
                "remove user sso-user (and its access tokens)",
            ]
        );
        // What the admin portal has after it:
        let after = vec![
            user(1, "admin", "admin", "active", None),
            user(10, "alice", "admin", "active", None),
            user(
                11,
                "bob",
                "member",
                "active",
                Some(Access {
                    sections: vec!["monitoring".into()],
                    services: Some(vec![2]),
                }),
            ),
        ];
        let o = Observed {
            portal: &portal,
            users: &after,
            products: &products,
        };
        let again = sync(&o, &team, true);
        assert!(again.actions.is_empty(), "{:?}", lines(&again));
        // Without --prune the others are only named.
        let o = Observed {
            portal: &portal,
            users: &users,
            products: &products,
        };
        let kept = sync(&o, &team, false);
        assert!(!lines(&kept).iter().any(|l| l.starts_with("remove")));
        assert!(kept
            .decisions
            .iter()
            .any(|d| d.contains("sso-user (member)")));
    }

    #[test]
    fn sync_refuses_what_3scale_would_and_protects_the_token_owner() {
        let products = products();
        let portal = portal();
        let users = vec![
            user(1, "admin", "admin", "active", None),
            user(5, "robert", "member", "active", None),
        ];
        let o = Observed {
            portal: &portal,
            users: &users,
            products: &products,
        };
        let team = team::parse("members:\n  - username: admin\n    email: admin@example.com\n  - username: bob\n    email: robert@example.com\n  - username: carl\n    email: carl@example.com\n    services: [nope]\n").unwrap();
        let p = sync(&o, &team, true);
        let all = p.problems.join("\n");
        assert!(all.contains("owner of the token"), "{all}");
        assert!(all.contains("is user robert's"), "{all}");
        assert!(all.contains("no product nope"), "{all}");
        assert!(p.changes().refused());
    }

    #[test]
    fn single_commands_are_idempotent() {
        let products = products();
        let portal = portal();
        let bob = user(
            5,
            "bob",
            "member",
            "active",
            Some(Access {
                sections: vec!["plans".into()],
                services: Some(vec![]),
            }),
        );
        let users = vec![
            user(1, "admin", "admin", "active", None),
            bob,
            user(6, "pat", "member", "pending", None),
        ];
        let o = Observed {
            portal: &portal,
            users: &users,
            products: &products,
        };
        let same = Grant {
            sections: vec!["plans".into()],
            products: Products::Named(vec![]),
        };
        assert!(grant(&o, "bob", &same).actions.is_empty());
        let more = Grant {
            sections: vec!["plans".into()],
            products: Products::All,
        };
        assert_eq!(
            lines(&grant(&o, "bob", &more)),
            ["grant user bob sections plans; every product"]
        );
        assert!(grant(&o, "admin", &same).problems[0].contains("is an admin"));
        assert!(role(&o, "bob", Role::Member).actions.is_empty());
        assert!(role(&o, "admin", Role::Member).problems[0].contains("owner of the token"));
        assert_eq!(
            lines(&role(&o, "5", Role::Admin)),
            ["make user bob admin (was member)"]
        );
        assert!(state(&o, "admin", Kind::Suspend).problems[0].contains("owner"));
        assert!(state(&o, "pat", Kind::Suspend).problems[0].contains("pending"));
        assert_eq!(
            lines(&state(&o, "pat", Kind::Unsuspend)),
            ["activate user pat"]
        );
        assert!(state(&o, "bob", Kind::Unsuspend).actions.is_empty());
        assert!(state(&o, "gone", Kind::Remove).actions.is_empty());
        assert!(state(&o, "bobb", Kind::Suspend).problems[0].contains("did you mean 'bob'"));
        let w = team::parse("members:\n  - username: bob\n    email: bob@example.com\n").unwrap();
        assert!(add(&o, &w[0]).actions.is_empty());
    }
}
