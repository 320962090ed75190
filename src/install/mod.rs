//! The 3scale install: a pure plan from the answers and what was observed ([`plan`]), its changes
//! ([`action`], made by [`apply`] through the engine's executor), what belongs to an install
//! ([`identity`]) and the values an existing one holds ([`recover`]), storage and sizing, the
//! credentials, and what its wait watches ([`watch`], [`readiness`], [`diagnosis`]). An installed
//! project is opened by [`installed`] for the commands that work on one.

pub mod action;
pub mod apply;
pub mod credentials;
pub mod diagnosis;
pub mod identity;
pub mod installed;
pub mod plan;
pub mod prepare;
pub mod readiness;
pub mod recover;
pub mod script;
pub mod sizing;
pub mod status;
pub mod storage;
pub mod watch;
