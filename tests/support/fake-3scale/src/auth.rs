//! porta's API authentication (`ApiAuthentication::ByAccessToken`, `HttpAuthentication`,
//! `SuspendedAccount`, `Filters::ProviderRequired`, `Master::Api::BaseController`).

use crate::api::Ctx;
use crate::http::Response;
use crate::model::{AccountState, Permission, State};
use crate::render::{self, Format, ACCESS_DENIED, WRONG_PERMISSIONS};
use base64::Engine;

/// Who is calling: the owner of a valid token of the host's account.
#[derive(Clone, Copy, Debug)]
pub struct Caller {
    pub user_id: u64,
    pub account_id: u64,
    pub permission: Permission,
}

/// The credential porta reads: `params.fetch(:access_token) { http_authentication }` — the
/// `access_token` parameter (query or body) if present at all, even empty; else the first
/// non-empty of the basic-auth user and password. The scheme is not checked (porta decodes
/// whatever follows the first space as base64), so `Bearer <token>` does not work.
pub fn credential(ctx: &Ctx) -> Option<String> {
    if ctx.params.has("access_token") {
        return ctx.params.string("access_token");
    }
    basic_credential(ctx.req.header("authorization")?)
}

pub fn basic_credential(header: &str) -> Option<String> {
    let encoded = header.trim().split_once(' ')?.1.trim();
    let engine = base64::engine::general_purpose::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    let decoded = engine.decode(encoded).ok()?;
    let text = String::from_utf8_lossy(&decoded).into_owned();
    let (user, password) = match text.split_once(':') {
        Some((user, password)) => (user.to_string(), password.to_string()),
        None => (text.clone(), String::new()),
    };
    [user, password].into_iter().find(|s| !s.is_empty())
}

/// The Account Management API's filters, in porta's order. Never 401:
/// - a valid token whose account is not approved (suspended, scheduled for deletion): 403, no body;
/// - a token without the `account_management` scope: 403 wrong permissions;
/// - no valid token of this host's account: 403 `Access denied`.
pub fn account_management(
    state: &State,
    site_account: u64,
    ctx: &Ctx,
    format: Format,
) -> Result<Caller, Response> {
    let token = credential(ctx).and_then(|v| state.token_of_account(site_account, &v));
    let Some(token) = token else {
        return Err(render::error(403, format, ACCESS_DENIED));
    };
    let owner = state.user(token.owner_id).expect("token owner");
    let account = state.account(owner.account_id).expect("owner account");
    if account.state != AccountState::Approved {
        return Err(Response::head(403, format.content_type()));
    }
    if !token.scopes.iter().any(|s| s == "account_management") {
        return Err(render::error(403, format, WRONG_PERMISSIONS));
    }
    Ok(Caller {
        user_id: owner.id,
        account_id: account.id,
        permission: token.permission,
    })
}

/// The Master API: no valid master token → 401 `unauthorized` (plain text); a token without
/// the scope → 403 wrong permissions.
pub fn master(state: &State, ctx: &Ctx, format: Format) -> Result<Caller, Response> {
    let token = credential(ctx).and_then(|v| state.token_of_account(state.master_id, &v));
    let Some(token) = token else {
        return Err(Response::text(401, "unauthorized"));
    };
    let owner = state.user(token.owner_id).expect("token owner");
    if !token.scopes.iter().any(|s| s == "account_management") {
        return Err(render::error(403, format, WRONG_PERMISSIONS));
    }
    Ok(Caller {
        user_id: owner.id,
        account_id: owner.account_id,
        permission: token.permission,
    })
}

/// A read-only token fails where porta's read-only transaction would refuse a write.
pub fn require_write(caller: &Caller, format: Format) -> Result<(), Response> {
    if caller.permission == Permission::Rw {
        Ok(())
    } else {
        Err(render::error(403, format, WRONG_PERMISSIONS))
    }
}

#[cfg(test)]
mod tests {
    use super::basic_credential;
    use base64::Engine;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    #[test]
    fn user_or_password() {
        assert_eq!(
            basic_credential(&format!("Basic {}", b64("tok:"))).as_deref(),
            Some("tok")
        );
        assert_eq!(
            basic_credential(&format!("Basic {}", b64(":tok"))).as_deref(),
            Some("tok")
        );
        assert_eq!(
            basic_credential(&format!("Basic {}", b64("tok"))).as_deref(),
            Some("tok")
        );
        assert_eq!(basic_credential(&format!("Basic {}", b64(":"))), None);
        assert_ne!(
            basic_credential("Bearer 0123456789abcdef").as_deref(),
            Some("0123456789abcdef")
        );
    }
}
