//! The users of an admin portal through the Account Management API on its own host:
//! `/admin/api/users` and their permissions (porta 2.8's `Admin::Api::UsersController`,
//! `MemberPermissionsController`). The impersonation admin (`3scaleadmin`) is never listed.
//!
//! Permissions go as a form body, whose Rails semantics differ from JSON's:
//! `allowed_sections[]=X` repeated, or `allowed_sections[]=[]` for none;
//! `allowed_service_ids[]=N` repeated, `allowed_service_ids[]=[]` for none (`"[]".to_i` is no
//! product), and a scalar empty `allowed_service_ids=` for every product, now and later (a JSON
//! `[]` would mean every product too).

use super::{Api, ApiError, User};
use crate::http::{Method, Request};
use crate::secrets::Secret;
use serde_json::Value;

/// What a member may reach: admin-portal sections, and products (`None`: every one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Access {
    pub(crate) sections: Vec<String>,
    pub(crate) services: Option<Vec<u64>>,
}

impl Api<'_> {
    /// Every user of the admin portal (not paginated in porta).
    pub(crate) fn portal_users(&self, host: &str, token: &Secret) -> Result<Vec<User>, ApiError> {
        let doc = self.call(Request::get(host, "/admin/api/users.json").token(token))?;
        Ok(doc["users"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|u| serde_json::from_value(u["user"].clone()).ok())
            .collect())
    }

    /// A new user: porta makes it a pending member whatever is asked, and mails nothing.
    pub(crate) fn create_portal_user(
        &self,
        host: &str,
        token: &Secret,
        username: &str,
        email: &str,
    ) -> Result<User, ApiError> {
        let req = Request::with(Method::Post, host, "/admin/api/users.json")
            .token(token)
            .field("username", username)
            .field("email", email);
        user_of(host, "/admin/api/users.json", self.call(req)?)
    }

    pub(crate) fn update_portal_user_email(
        &self,
        host: &str,
        token: &Secret,
        id: u64,
        email: &str,
    ) -> Result<User, ApiError> {
        let path = format!("/admin/api/users/{id}.json");
        let req = Request::with(Method::Put, host, &path)
            .token(token)
            .field("email", email);
        user_of(host, &path, self.call(req)?)
    }

    /// `admin`, `member` (the role), `activate`, `suspend`, `unsuspend` (the state).
    pub(crate) fn portal_user_event(
        &self,
        host: &str,
        token: &Secret,
        id: u64,
        event: &str,
    ) -> Result<User, ApiError> {
        let path = format!("/admin/api/users/{id}/{event}.json");
        let req = Request::with(Method::Put, host, &path).token(token);
        user_of(host, &path, self.call(req)?)
    }

    pub(crate) fn delete_portal_user(
        &self,
        host: &str,
        token: &Secret,
        id: u64,
    ) -> Result<(), ApiError> {
        let path = format!("/admin/api/users/{id}.json");
        self.call(Request::with(Method::Delete, host, &path).token(token))
            .map(|_| ())
    }

    pub(crate) fn member_access(
        &self,
        host: &str,
        token: &Secret,
        id: u64,
    ) -> Result<Access, ApiError> {
        let path = format!("/admin/api/users/{id}/permissions.json");
        let doc = self.call(Request::get(host, &path).token(token))?;
        access_of(host, &path, &doc)
    }

    /// Sets a member's sections and products exactly (refused for an admin).
    pub(crate) fn set_member_access(
        &self,
        host: &str,
        token: &Secret,
        id: u64,
        access: &Access,
    ) -> Result<Access, ApiError> {
        let path = format!("/admin/api/users/{id}/permissions.json");
        let ids: Vec<String> = access
            .services
            .iter()
            .flatten()
            .map(u64::to_string)
            .collect();
        let mut req = Request::with(Method::Put, host, &path).token(token);
        if access.sections.is_empty() {
            req = req.field("allowed_sections[]", "[]");
        }
        for s in &access.sections {
            req = req.field("allowed_sections[]", s);
        }
        req = match &access.services {
            None => req.field("allowed_service_ids", ""),
            Some(list) if list.is_empty() => req.field("allowed_service_ids[]", "[]"),
            Some(_) => ids
                .iter()
                .fold(req, |r, id| r.field("allowed_service_ids[]", id)),
        };
        let doc = self.call(req)?;
        access_of(host, &path, &doc)
    }
}

fn user_of(host: &str, path: &str, doc: Value) -> Result<User, ApiError> {
    serde_json::from_value(doc["user"].clone()).map_err(|e| ApiError::Unexpected {
        request: format!("https://{host}{path}"),
        what: format!("no user in the answer: {e}"),
    })
}

fn access_of(host: &str, path: &str, doc: &Value) -> Result<Access, ApiError> {
    let p = &doc["permissions"];
    let Some(sections) = p["allowed_sections"].as_array() else {
        return Err(ApiError::Unexpected {
            request: format!("https://{host}{path}"),
            what: "no permissions in the answer".into(),
        });
    };
    Ok(Access {
        sections: sections
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        services: p["allowed_service_ids"]
            .as_array()
            .map(|ids| ids.iter().filter_map(Value::as_u64).collect()),
    })
}
