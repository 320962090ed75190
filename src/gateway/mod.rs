//! Self-managed APIcast gateways (`apicast-gateway/apicast.yml` of the install's templates):
//! what marks the objects `gateway add` makes and how a gateway is read back (`objects`), its
//! environment, loader and cache (`settings`), the plans of `add` and `remove` (`plan`), its
//! access token and products on 3scale's side (`portal`), where the gateways are (`search`), its
//! readiness for the wait and `status` (`watch`), and what `add` (`summary`) and `list` and
//! `status` (`view`) print.

pub(crate) mod action;
pub(crate) mod apply;
pub(crate) mod objects;
pub(crate) mod plan;
pub(crate) mod portal;
pub(crate) mod search;
pub(crate) mod settings;
pub(crate) mod summary;
pub(crate) mod view;
pub(crate) mod watch;
