//! The engine every command that looks at or changes a project runs on. It imports no feature:
//! features (install, gateway, tenant, uninstall, …) hand it their plans, their changes (each an
//! enum implementing [`change::Change`]) and what to wait for ([`wait::Watched`]).
//!
//! - [`session`]: the opening every command shares (redactor, transcript, oc, ui, HTTP, the
//!   templates checkout).
//! - [`observe`]: read-only facts of the cluster, each asked once; [`kube`] the typed views of
//!   the objects read; [`cluster`] who is logged in where.
//! - [`driver`]: plan → verdict → dry-run or confirm → lock → apply → wait, with [`report`]
//!   (the plan step and verdict), [`checks`], [`lock`] and [`execute`] (the one executor).
//! - [`wait`], [`readiness`] and [`diagnosis`]: waiting for anything a feature watches, the
//!   readiness basics, and the failure detectors a feature's diagnosis table is made of.

pub(crate) mod change;
pub(crate) mod checks;
pub(crate) mod cluster;
pub(crate) mod diagnosis;
pub(crate) mod driver;
pub(crate) mod execute;
pub(crate) mod hosts;
pub(crate) mod kube;
pub(crate) mod lock;
pub(crate) mod observe;
pub(crate) mod readiness;
pub(crate) mod report;
pub(crate) mod session;
pub(crate) mod wait;
