//! The tenant Secret of the 3scale operator's tenant controller
//! (`controllers/capabilities/tenant_threescale_reconciler.go`): type Opaque, keys `adminURL`
//! (`https://` + the tenant's admin domain) and `token` (the signup's access token). Written
//! here in the install's project, labelled so that it is told apart from anyone else's, and sent
//! to oc on stdin, never on its command line.

use crate::engine::kube::{self, SecretObject};
use crate::secrets::Secret;
use base64::Engine;
use serde_json::{json, Value};

/// The label that says who wrote the Secret.
pub(crate) const MANAGED_BY: (&str, &str) = ("app.kubernetes.io/managed-by", "threescale-install");
/// The label that says whose login it holds.
pub(crate) const TENANT_ID_LABEL: &str = "threescale-install/tenant-id";
pub(crate) const ADMIN_URL_KEY: &str = "adminURL";
pub(crate) const TOKEN_KEY: &str = "token";

/// The default name: `tenant-SUBDOMAIN`.
pub(crate) fn default_name(admin_host: &str) -> String {
    let label = admin_host.split('.').next().unwrap_or(admin_host);
    format!("tenant-{}", label.trim_end_matches("-admin"))
}

/// The Secret as oc reads it on stdin: JSON, the values base64-encoded in `data`.
pub(crate) fn manifest(name: &str, tenant_id: u64, admin_url: &str, token: &Secret) -> Secret {
    let b64 = base64::engine::general_purpose::STANDARD;
    let doc = json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": {
            "name": name,
            "labels": {
                MANAGED_BY.0: MANAGED_BY.1,
                TENANT_ID_LABEL: tenant_id.to_string(),
            },
        },
        "type": "Opaque",
        "data": {
            ADMIN_URL_KEY: b64.encode(admin_url),
            TOKEN_KEY: b64.encode(token.expose()),
        },
    });
    Secret::new(doc.to_string())
}

/// What to do about the Secret, given what the project holds under its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Decision {
    /// It holds this tenant's values already.
    Keep,
    Create,
    /// Ours for this tenant, with other values (a token minted again, a moved host).
    Replace,
    /// Someone else's Secret of that name: left alone.
    Foreign(String),
}

pub(crate) fn decide(
    existing: Option<&Value>,
    tenant_id: u64,
    admin_url: &str,
    token: &Secret,
) -> Decision {
    let Some(s) = existing else {
        return Decision::Create;
    };
    let labels = &s["metadata"]["labels"];
    let ours = labels[MANAGED_BY.0] == MANAGED_BY.1
        && labels[TENANT_ID_LABEL].as_str() == Some(tenant_id.to_string().as_str());
    if !ours {
        let whose = match labels[TENANT_ID_LABEL].as_str() {
            Some(other) if labels[MANAGED_BY.0] == MANAGED_BY.1 => {
                format!("it holds the login of tenant {other}")
            }
            _ => "it was not written by threescale-install".to_string(),
        };
        return Decision::Foreign(whose);
    }
    let secret = kube::parse::<SecretObject>(s);
    let value = |k: &str| secret.value(k).and_then(Result::ok);
    if value(ADMIN_URL_KEY).as_deref() == Some(admin_url)
        && value(TOKEN_KEY).as_deref() == Some(token.expose())
    {
        Decision::Keep
    } else {
        Decision::Replace
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_secret_of_this_tenant_is_replaced() {
        let token = Secret::new("0123456789abcdef");
        let url = "https://acme-corp-admin.apps.x";
        let ours: Value =
            serde_json::from_str(manifest("tenant-acme-corp", 4, url, &token).expose()).unwrap();
        assert_eq!(ours["type"], "Opaque");
        assert_eq!(decide(None, 4, url, &token), Decision::Create);
        assert_eq!(decide(Some(&ours), 4, url, &token), Decision::Keep);
        assert_eq!(
            decide(Some(&ours), 4, url, &Secret::new("another-token-value")),
            Decision::Replace
        );
        assert!(
            matches!(decide(Some(&ours), 6, url, &token), Decision::Foreign(w) if w.contains("tenant 4"))
        );
        let theirs =
            json!({"metadata": {"name": "tenant-acme-corp", "labels": {"app": "3scale-operator"}}});
        assert!(
            matches!(decide(Some(&theirs), 4, url, &token), Decision::Foreign(w) if w.contains("not written"))
        );
        assert_eq!(default_name("acme-corp-admin.apps.x"), "tenant-acme-corp");
    }
}
