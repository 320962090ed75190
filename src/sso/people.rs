//! The admin portal's users, against the realm: at an SSO login 3scale finds an existing user
//! by the e-mail Red Hat SSO gives only when Red Hat SSO marks it verified ("User cannot be
//! authenticated by not verified email address.", porta 2.8
//! `Users::FindOauth2UserService`), and compares e-mails byte for byte, while Red Hat SSO keeps
//! them in lower case.

use crate::keycloak::{Realm, Sso, SsoError};
use crate::secrets::Secret;
use crate::threescale::User;
use serde::Serialize;

/// What a login by SSO would do for one user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Standing {
    /// A user of the realm has this e-mail, verified: the login finds this user.
    Verified,
    /// Users of the realm have this e-mail, none verified: the login is refused.
    Unverified,
    /// No user of the realm has this e-mail: a login with another e-mail makes a new member.
    Absent,
    /// The e-mail has capital letters: Red Hat SSO's (lower case) never matches it.
    MixedCase,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Person {
    pub(crate) username: String,
    pub(crate) email: String,
    pub(crate) role: String,
    pub(crate) standing: Standing,
}

/// Each user's standing in the realm (reads only; `token` is an administrator's).
pub(crate) fn look(
    sso: &Sso,
    realm: &Realm,
    token: &Secret,
    users: &[User],
) -> Result<Vec<Person>, SsoError> {
    let mut out = Vec::new();
    for u in users {
        let standing = if u.email.chars().any(char::is_uppercase) {
            Standing::MixedCase
        } else {
            let found = sso.users_by_email(realm, token, &u.email)?;
            standing_of(&found)
        };
        out.push(Person {
            username: u.username.clone(),
            email: u.email.clone(),
            role: u.role.clone(),
            standing,
        });
    }
    Ok(out)
}

fn standing_of(found: &[crate::keycloak::SsoUser]) -> Standing {
    if found.is_empty() {
        Standing::Absent
    } else if found.iter().any(|u| u.email_verified) {
        Standing::Verified
    } else {
        Standing::Unverified
    }
}

/// What to tell of the users whose login by SSO would not find them.
pub(crate) fn findings(people: &[Person]) -> Vec<String> {
    let named = |s: Standing| -> Vec<String> {
        people
            .iter()
            .filter(|p| p.standing == s)
            .map(|p| format!("{} <{}>", p.username, p.email))
            .collect()
    };
    let mut out = Vec::new();
    let refused = named(Standing::Unverified);
    if !refused.is_empty() {
        out.push(format!(
            "refused at an SSO login, as the realm does not mark their e-mail verified (\"User cannot be authenticated by not verified email address.\"): {}; mark each verified in Red Hat SSO (Users > the user > Email Verified)",
            refused.join(", ")
        ));
    }
    let cased = named(Standing::MixedCase);
    if !cased.is_empty() {
        out.push(format!(
            "never matched at an SSO login, as their e-mail has capital letters and Red Hat SSO's is in lower case (3scale compares them exactly): {}; write their e-mail in lower case (`threescale-install users sync`, or the admin portal)",
            cased.join(", ")
        ));
    }
    let absent = named(Standing::Absent);
    if !absent.is_empty() {
        out.push(format!(
            "no user of the realm has their e-mail, so SSO cannot log them in (a login with another e-mail makes a new member): {}",
            absent.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keycloak::SsoUser;

    fn kc(verified: bool) -> SsoUser {
        SsoUser {
            id: "1".into(),
            username: "jdoe".into(),
            email: Some("jdoe@example.com".into()),
            email_verified: verified,
        }
    }

    #[test]
    fn standings_and_what_is_told_of_them() {
        assert_eq!(standing_of(&[]), Standing::Absent);
        assert_eq!(standing_of(&[kc(false)]), Standing::Unverified);
        assert_eq!(standing_of(&[kc(false), kc(true)]), Standing::Verified);
        let person = |name: &str, standing| Person {
            username: name.into(),
            email: format!("{name}@example.com"),
            role: "member".into(),
            standing,
        };
        let told = findings(&[
            person("ok", Standing::Verified),
            person("jdoe", Standing::Unverified),
            person("Bob", Standing::MixedCase),
        ]);
        assert_eq!(told.len(), 2);
        assert!(told[0].contains("jdoe <jdoe@example.com>") && told[0].contains("refused"));
        assert!(told[1].contains("Bob"));
        assert!(findings(&[person("ok", Standing::Verified)]).is_empty());
    }
}
