//! The changes of the `users` subcommands, each one request to the admin portal's Account
//! Management API. A user created by this run is known by name to the changes after it
//! ([`Made`]): its id comes in the answer to its creation.

use super::Role;
use crate::engine::change::{Change, Ctx};
use crate::failure::{Failure, Outcome};
use crate::tenant::portal::AdminPortal;
use crate::threescale::{Access, Api, User};
use std::fmt;

/// A user the change is about: its id, or only its name when this run creates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    pub(crate) username: String,
    pub(crate) id: Option<u64>,
}

/// What the changes of one run made: the users created, by name.
#[derive(Debug, Default)]
pub(crate) struct Made {
    pub(crate) created: Vec<User>,
}

impl Made {
    fn id_of(&self, t: &Target) -> Outcome<u64> {
        t.id.or_else(|| {
            self.created
                .iter()
                .find(|u| u.username == t.username)
                .map(|u| u.id)
        })
        .ok_or_else(|| {
            Failure::internal(format!("user {} has no id after its creation", t.username))
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// A pending member (3scale makes every new user so), then activated.
    Create {
        email: String,
    },
    Activate,
    SetEmail {
        from: String,
        to: String,
    },
    SetRole {
        from: Option<Role>,
        to: Role,
    },
    /// A member's sections and products, set exactly; `words` says them.
    SetAccess {
        to: Access,
        words: String,
    },
    Suspend,
    Unsuspend,
    Remove,
}

#[derive(Debug, Clone)]
pub(crate) struct UserAction {
    pub(crate) portal: AdminPortal,
    pub(crate) user: Target,
    pub(crate) kind: Kind,
}

impl Change for UserAction {
    type Memo = Made;

    fn title(&self) -> String {
        format!("user {}", self.user.username)
    }

    fn run(&self, ctx: &Ctx, made: &mut Made) -> Outcome<Option<String>> {
        let api = Api { http: ctx.http()? };
        let (host, token) = (&self.portal.host, &self.portal.token);
        let fail = |doing: &str| {
            let doing = format!("{doing} user {}", self.user.username);
            move |e| {
                self.portal.failure(&doing, e).with_help(
                    "run the same command again: it continues from what the admin portal has",
                )
            }
        };
        let detail = match &self.kind {
            Kind::Create { email } => {
                crate::interrupt::set_message(
                    "stopped part-way: run the same command again; it finds the users made and does not create them twice",
                );
                let user = api
                    .create_portal_user(host, token, &self.user.username, email)
                    .map_err(fail("create"))?;
                let detail = format!("created (id {}), pending", user.id);
                made.created.push(user);
                detail
            }
            Kind::Activate => {
                let id = made.id_of(&self.user)?;
                api.portal_user_event(host, token, id, "activate")
                    .map_err(fail("activate"))?;
                "activated (no e-mail is sent)".into()
            }
            Kind::SetEmail { to, .. } => {
                let id = made.id_of(&self.user)?;
                api.update_portal_user_email(host, token, id, to)
                    .map_err(fail("change the e-mail of"))?;
                format!("e-mail {to}")
            }
            Kind::SetRole { to, .. } => {
                let id = made.id_of(&self.user)?;
                api.portal_user_event(host, token, id, to.as_str())
                    .map_err(fail("change the role of"))?;
                format!("now {to}")
            }
            Kind::SetAccess { to, words } => {
                let id = made.id_of(&self.user)?;
                api.set_member_access(host, token, id, to)
                    .map_err(fail("grant access to"))?;
                words.clone()
            }
            Kind::Suspend => {
                let id = made.id_of(&self.user)?;
                api.portal_user_event(host, token, id, "suspend")
                    .map_err(fail("suspend"))?;
                "suspended: its sessions end, and it cannot sign in (SSO included)".into()
            }
            Kind::Unsuspend => {
                let id = made.id_of(&self.user)?;
                api.portal_user_event(host, token, id, "unsuspend")
                    .map_err(fail("unsuspend"))?;
                "active again".into()
            }
            Kind::Remove => {
                let id = made.id_of(&self.user)?;
                api.delete_portal_user(host, token, id)
                    .map_err(fail("remove"))?;
                "removed, with its access tokens".into()
            }
        };
        Ok(Some(detail))
    }
}

impl fmt::Display for UserAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = &self.user.username;
        match &self.kind {
            Kind::Create { email } => write!(
                f,
                "create user {name} <{email}> (3scale makes it a pending member)"
            ),
            Kind::Activate => write!(f, "activate user {name}"),
            Kind::SetEmail { from, to } => {
                write!(f, "change the e-mail of user {name}: {from} -> {to}")
            }
            Kind::SetRole {
                from: Some(from),
                to,
            } => write!(f, "make user {name} {to} (was {from})"),
            Kind::SetRole { from: None, to } => write!(f, "make user {name} {to}"),
            Kind::SetAccess { words, .. } => write!(f, "grant user {name} {words}"),
            Kind::Suspend => write!(f, "suspend user {name}"),
            Kind::Unsuspend => write!(f, "unsuspend user {name}"),
            Kind::Remove => write!(f, "remove user {name} (and its access tokens)"),
        }
    }
}
