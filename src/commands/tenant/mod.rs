//! `tenant create | list | show | remove`: more tenants of an installed 3scale, through its
//! Master API with the install's `MASTER_ACCESS_TOKEN`, their routes read through oc, their
//! logins kept on this machine (0600) beside the install's credentials file.

mod create;
mod list;
mod remove;
mod show;

pub(crate) use create::run as create;
pub(crate) use list::run as list;
pub(crate) use remove::run as remove;
pub(crate) use show::run as show;
