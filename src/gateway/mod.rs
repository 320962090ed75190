//! Self-managed APIcast gateways (`apicast-gateway/apicast.yml` of the install's templates):
//! what marks the objects `gateway add` makes and how a gateway is read back (`objects`), its
//! environment, loader and cache (`settings`), the plans of `add` and `remove` (`plan`), its
//! access token and products on 3scale's side (`portal`), where the gateways are (`search`), and
//! its readiness for the wait and `status` (`watch`).

pub mod action;
pub mod apply;
pub mod objects;
pub mod plan;
pub mod portal;
pub mod search;
pub mod settings;
pub mod summary;
pub mod watch;
