//! How tenants and their secrets are shown, the same way by every tenant command.

use crate::secrets::{Secret, MASK};
use crate::threescale::Tenant;
use serde_json::Value;

/// A secret as printed: the value when shown, else the mask.
pub(crate) fn shown(s: Option<&Secret>, show: bool) -> String {
    match (s, show) {
        (Some(s), true) => s.expose().to_string(),
        (Some(_), false) => MASK.to_string(),
        (None, _) => "not known here".to_string(),
    }
}

/// A secret in JSON: the value only with --show-secrets.
pub(crate) fn shown_json(s: Option<&Secret>, show: bool) -> Value {
    match (s, show) {
        (Some(s), true) => Value::String(s.expose().to_string()),
        _ => Value::Null,
    }
}

/// The tenant as JSON documents show it.
pub(crate) fn tenant_json(t: &Tenant) -> Value {
    serde_json::json!({
        "id": t.id,
        "org_name": t.org_name,
        "state": t.state,
        "admin_domain": t.admin_domain,
        "domain": t.domain,
        "deletion_date": t.deletion_date,
    })
}
