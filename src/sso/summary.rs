//! What the `sso` commands print: the integration with the exact redirect URI its client
//! needs, what the Red Hat SSO administrator must set when this run did not, that 3scale itself
//! must reach and trust Red Hat SSO, the users a login would not find, and the one step 3scale
//! 2.8 allows only in its admin portal: enforcing SSO. Never a client secret.

use super::{Spec, Urls};
use crate::cli::Format;
use crate::tenant::portal::AdminPortal;
use crate::threescale::AuthProvider;
use crate::ui::Ui;
use serde_json::{json, Value};

/// An integration as the commands show it: its secret only as "set".
pub(crate) fn provider_json(p: &AuthProvider) -> Value {
    json!({
        "id": p.id,
        "kind": p.kind,
        "name": p.name,
        "system_name": p.system_name,
        "realm": p.site,
        "client_id": p.client_id,
        "client_secret": if p.client_secret.expose().is_empty() { "not set" } else { "set (never shown)" },
        "published": p.published,
        "skip_ssl_certificate_verification": p.skip_ssl_certificate_verification,
        "callback_url": p.callback_url,
    })
}

/// What the Red Hat SSO administrator sets in the realm for the admin portal's client.
pub(crate) fn client_instructions(realm: &str, client_id: &str, urls: &Urls) -> Vec<String> {
    vec![
        format!("in realm {realm}, client {client_id} (Clients > Create, or the client's Settings):"),
        "Client Protocol openid-connect; Access Type confidential; Standard Flow Enabled ON (Implicit Flow and Direct Access Grants OFF)".into(),
        format!("Valid Redirect URIs: {} and {}", urls.callback, urls.test_callback),
        "Credentials > Secret: the client secret given to this command (3scale sends it with each login)".into(),
        "the realm's default client scopes email and profile give 3scale email, email_verified and preferred_username".into(),
    ]
}

/// 3scale calls Red Hat SSO from its own pods: what a check from here cannot prove.
pub(crate) fn reach_note(spec_realm: &str) -> String {
    let host = crate::keycloak::split_url(spec_realm).map_or(spec_realm, |(h, _)| h);
    format!(
        "3scale itself must reach and trust {host}: at each login its system-app pods post the code to {spec_realm}/protocol/openid-connect/token and read {spec_realm}/protocol/openid-connect/userinfo, so they must resolve that name and trust its certificate (the CAs of the system image); people's browsers are sent to the same host. This run checked it from here only."
    )
}

/// Enforcing SSO: only in the admin portal in 3scale 2.8, with its preconditions and its undo.
pub(crate) fn enforce_steps(portal: &AdminPortal, urls: &Urls) -> Vec<String> {
    vec![
        format!(
            "only in the admin portal (3scale 2.8 has no API for it): {} (Account Settings > Users > SSO Integrations), tick \"Enforce SSO for all users of this account.\"",
            urls.page
        ),
        "3scale allows it when at least one integration is published, every published one was tested within the last hour (its page: the test link, which uses the test redirect URI) and not changed since, and you are signed in through SSO yourself".into(),
        "it ends every password session and turns password sign-in off for every user, you included; while it is on, a published integration cannot be changed (not through this command either)".into(),
        "to undo it: untick the same box, signed in through SSO".into(),
        format!(
            "if nobody can sign in any more, turn it off from the cluster: oc rsh -c system-master dc/system-app bundle exec rails runner 'Account.find_by!(self_domain: \"{}\").settings.update!(enforce_sso: false)'",
            portal.host
        ),
    ]
}

fn rows(out: &mut String, rows: &[(&str, String)]) {
    for (k, v) in rows {
        out.push_str(&format!("  {k:<15} {v}\n"));
    }
}

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("\n{title}\n"));
    for i in items {
        out.push_str(&format!("  - {i}\n"));
    }
}

/// What `sso add` made, and what is left to do.
pub(crate) struct Added<'a> {
    pub(crate) portal: &'a AdminPortal,
    pub(crate) spec: &'a Spec,
    pub(crate) provider: &'a AuthProvider,
    pub(crate) urls: &'a Urls,
    /// What this run did to the realm's client; `None`: not asked to (`--create-client`).
    pub(crate) client: Option<String>,
    pub(crate) findings: &'a [String],
    pub(crate) changed: bool,
}

pub(crate) fn print_added(ui: &Ui, format: Format, a: &Added) {
    let instructions = client_instructions(&a.spec.realm.name, &a.spec.client_id, a.urls);
    let enforce = enforce_steps(a.portal, a.urls);
    let reach = reach_note(&a.spec.realm.url);
    if format == Format::Json {
        let doc = crate::document::success(
            &crate::document::SSO_ADD,
            json!({
                "changed": a.changed,
                "tenant": a.portal.tenant,
                "admin_portal": format!("https://{}", a.portal.host),
                "integration": provider_json(a.provider),
                "redirect_uri": a.urls.callback,
                "test_redirect_uri": a.urls.test_callback,
                "try_url": a.urls.bounce,
                "client": match &a.client {
                    Some(done) => json!({"managed": true, "result": done}),
                    None => json!({"managed": false, "sso_administrator_sets": instructions}),
                },
                "reach": reach,
                "users": a.findings,
                "enforce_sso": enforce,
            }),
        );
        ui.result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        return;
    }
    let p = a.provider;
    let mut out = format!(
        "Red Hat SSO for the admin portal of tenant {} ({}):\n\n",
        a.portal.tenant, a.portal.host
    );
    rows(
        &mut out,
        &[
            (
                "Integration",
                format!(
                    "{} (system name {}, id {}): {}",
                    p.name,
                    p.system_name,
                    p.id,
                    if p.published {
                        "published"
                    } else {
                        "not published (--publish)"
                    }
                ),
            ),
            ("Realm", p.site.clone().unwrap_or_default()),
            (
                "Client",
                format!("{} (its secret as given; never shown)", p.client_id),
            ),
            ("Redirect URI", a.urls.callback.clone()),
            ("Test redirect", a.urls.test_callback.clone()),
            ("Try it", format!("{} (works unpublished)", a.urls.bounce)),
        ],
    );
    match &a.client {
        Some(done) => out.push_str(&format!(
            "\nRed Hat SSO: client {} of realm {}: {done}\n",
            a.spec.client_id, a.spec.realm.name
        )),
        None => list(
            &mut out,
            "The Red Hat SSO administrator must set:",
            &instructions,
        ),
    }
    out.push_str(&format!("\n{reach}\n"));
    list(&mut out, "Users:", a.findings);
    list(&mut out, "Enforcing SSO:", &enforce);
    ui.result(out.trim_end());
}

pub(crate) fn print_list(
    ui: &Ui,
    format: Format,
    portal: &AdminPortal,
    providers: &[AuthProvider],
) {
    if format == Format::Json {
        let doc = crate::document::success(
            &crate::document::SSO_LIST,
            json!({
                "tenant": portal.tenant,
                "admin_portal": format!("https://{}", portal.host),
                "integrations": providers.iter().map(provider_json).collect::<Vec<_>>(),
            }),
        );
        ui.result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        return;
    }
    if providers.is_empty() {
        ui.result(&format!(
            "The admin portal {} has no SSO integration (`threescale-install sso add` makes one).",
            portal.host
        ));
        return;
    }
    let mut out = format!(
        "{:<4} {:<24} {:<10} {:<10} {:<20} REALM\n",
        "ID", "SYSTEM NAME", "KIND", "PUBLISHED", "CLIENT"
    );
    for p in providers {
        out.push_str(&format!(
            "{:<4} {:<24} {:<10} {:<10} {:<20} {}\n",
            p.id,
            p.system_name,
            p.kind,
            if p.published { "yes" } else { "no" },
            p.client_id,
            p.site.as_deref().unwrap_or("-")
        ));
    }
    ui.result(out.trim_end());
}

pub(crate) fn print_show(ui: &Ui, format: Format, portal: &AdminPortal, p: &AuthProvider) {
    let urls = Urls::of(&portal.host, &p.system_name);
    let callback = p.callback_url.clone().unwrap_or(urls.callback.clone());
    if format == Format::Json {
        let doc = crate::document::success(
            &crate::document::SSO_SHOW,
            json!({
                "tenant": portal.tenant,
                "admin_portal": format!("https://{}", portal.host),
                "integration": provider_json(p),
                "redirect_uri": callback,
                "test_redirect_uri": urls.test_callback,
                "try_url": urls.bounce,
                "page": urls.page,
            }),
        );
        ui.result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        return;
    }
    let mut out = format!("SSO integration {} of {}:\n\n", p.system_name, portal.host);
    rows(
        &mut out,
        &[
            ("Name", p.name.clone()),
            ("Id", p.id.to_string()),
            ("Kind", p.kind.clone()),
            (
                "Published",
                if p.published {
                    "yes".into()
                } else {
                    "no".into()
                },
            ),
            ("Realm", p.site.clone().unwrap_or("-".into())),
            ("Client", p.client_id.clone()),
            ("Client secret", "set (never shown)".into()),
            ("Redirect URI", callback),
            ("Test redirect", urls.test_callback.clone()),
            ("Try it", urls.bounce.clone()),
            ("Its page", urls.page.clone()),
        ],
    );
    ui.result(out.trim_end());
}

/// After `sso remove`: unpublished, and what deleting it takes.
pub(crate) fn print_removed(ui: &Ui, format: Format, portal: &AdminPortal, p: &AuthProvider) {
    let urls = Urls::of(&portal.host, &p.system_name);
    let delete = format!(
        "3scale 2.8's API cannot delete an SSO integration: it stays, unpublished, with its settings. To delete it, in the admin portal: {} (Account Settings > Users > SSO Integrations), open {}, Edit, Delete (refused while SSO is enforced and it is published). `threescale-install sso add` with the same name publishes it again (--publish).",
        urls.page, p.name
    );
    if format == Format::Json {
        let doc = crate::document::success(
            &crate::document::SSO_REMOVE,
            json!({
                "tenant": portal.tenant,
                "integration": provider_json(p),
                "deleted": false,
                "how_to_delete": delete,
            }),
        );
        ui.result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        return;
    }
    ui.result(&format!(
        "SSO integration {} (id {}) of {} is unpublished: the login page no longer offers it.\n{delete}",
        p.system_name, p.id, portal.host
    ));
}
