//! The 3scale install: a pure plan from the answers and what was observed ([`plan`]), its changes
//! ([`action`], made by [`apply`] through the engine's executor), what belongs to an install
//! ([`identity`]) and the values an existing one holds ([`recover`]), how a re-run continues from
//! the install record ([`resume`]), storage and sizing, the credentials, and what its wait
//! watches ([`watch`], [`readiness`], [`diagnosis`]). An installed project is opened by
//! [`installed`] for the commands that work on one.

pub(crate) mod action;
pub(crate) mod apply;
pub(crate) mod credentials;
pub(crate) mod databases;
pub(crate) mod diagnosis;
pub(crate) mod drift;
pub(crate) mod fidelity;
pub(crate) mod hosts;
pub(crate) mod identity;
pub(crate) mod inspected;
pub(crate) mod installed;
pub(crate) mod outside;
pub(crate) mod plan;
pub(crate) mod prepare;
pub(crate) mod readiness;
pub(crate) mod recover;
pub(crate) mod resume;
pub(crate) mod script;
pub(crate) mod sizing;
pub(crate) mod status;
pub(crate) mod storage;
#[cfg(test)]
pub(crate) mod testing;
pub(crate) mod values;
pub(crate) mod watch;
