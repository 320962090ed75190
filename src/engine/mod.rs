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

pub mod change;
pub mod checks;
pub mod cluster;
pub mod diagnosis;
pub mod driver;
pub mod execute;
pub mod kube;
pub mod lock;
pub mod observe;
pub mod readiness;
pub mod report;
pub mod session;
pub mod wait;
