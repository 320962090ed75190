//! Uninstall: a pure plan from what the install is made of and what this machine keeps of it
//! ([`plan`]), and its changes ([`action`]): the install's objects (or the whole project), then
//! the local record, credentials file and tenants' logins.

pub(crate) mod action;
pub(crate) mod plan;
