//! What `gateway add` prints: the gateway made, where it reads its configuration, its token,
//! the next step in the admin portal, and the products no host of it serves yet.

use super::objects::{self, TokenRecord};
use super::plan::{Plan, Settled};
use super::portal::Unmatched;
use super::settings::Environment;
use serde_json::json;

pub(crate) struct Summary<'a> {
    pub(crate) cluster: &'a str,
    pub(crate) project: &'a str,
    pub(crate) name: &'a str,
    pub(crate) settled: &'a Settled,
    pub(crate) admin_host: &'a str,
    pub(crate) install_project: &'a str,
    pub(crate) token: Option<&'a TokenRecord>,
    pub(crate) ready: bool,
    pub(crate) plan: &'a Plan,
    pub(crate) unmatched: Option<&'a [Unmatched]>,
}

impl Summary<'_> {
    fn state(&self) -> &'static str {
        if self.ready {
            "ready"
        } else {
            "created; not waited for"
        }
    }

    fn token_text(&self) -> String {
        match self.token {
            Some(t) if t.minted => format!(
                "minted for it{}{}, read-only",
                t.name
                    .as_deref()
                    .map(|n| format!(" as \"{n}\""))
                    .unwrap_or_default(),
                t.id.map(|i| format!(" (id {i})")).unwrap_or_default()
            ),
            Some(_) => "the one given".into(),
            None => "none".into(),
        }
    }

    pub(crate) fn text(&self) -> String {
        let s = self.settled;
        let mut out = format!(
            "Gateway {} is {} in project {} ({}: loader {}, cache {} s).\n\n",
            self.name,
            self.state(),
            self.project,
            s.environment,
            s.loader,
            s.cache
        );
        for h in &s.hosts {
            out.push_str(&format!(
                "  Host           https://{h} (route {})\n",
                objects::route_name(self.name, h)
            ));
        }
        out.push_str(&format!(
            "  Configuration  https://{} (install in project {}), secret {}\n",
            self.admin_host,
            self.install_project,
            objects::secret_name(self.name)
        ));
        out.push_str(&format!("  Access token   {}\n", self.token_text()));
        let url = match s.environment {
            Environment::Staging => "Staging Public Base URL",
            Environment::Production => "Production Public Base URL",
        };
        let host = s.hosts.first().map(String::as_str).unwrap_or("HOST");
        out.push_str(&format!(
            "\nNext: for each product it serves, in the admin portal (https://{}): Integration > Settings > Deployment \"APIcast self-managed\", {url} https://{host}; then promote the configuration{}.\n",
            self.admin_host,
            if s.environment == Environment::Production {
                " to production"
            } else {
                " to staging"
            }
        ));
        match self.unmatched {
            Some([]) => out.push_str(&format!(
                "\nEvery product's {} public base URL is on a host of this gateway.\n",
                s.environment
            )),
            Some(list) => {
                out.push_str(&format!(
                    "\nProducts whose {} public base URL is on none of its hosts:\n",
                    s.environment
                ));
                for p in list {
                    out.push_str(&format!(
                        "  {} (id {}): {} ({})\n",
                        p.name,
                        p.id,
                        p.public_base_url.as_deref().unwrap_or("no URL"),
                        p.deployment_option
                            .as_deref()
                            .unwrap_or("unknown deployment")
                    ));
                }
            }
            None => {}
        }
        out
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        let s = self.settled;
        let doc = json!({
            "dry_run": false,
            "cluster": self.cluster,
            "project": self.project,
            "name": self.name,
            "state": self.state(),
            "environment": s.environment,
            "configuration_loader": s.loader,
            "configuration_cache": s.cache,
            "hosts": s.hosts.iter().map(|h| json!({"host": h, "url": format!("https://{h}"), "route": objects::route_name(self.name, h)})).collect::<Vec<_>>(),
            "portal": {"host": self.admin_host, "project": self.install_project},
            "secret": objects::secret_name(self.name),
            "access_token": self.token.map(|t| json!({"id": t.id, "name": t.name, "minted": t.minted})),
            "changes": self.plan.actions.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "decisions": self.plan.decisions,
            "unmatched_products": self.unmatched,
        });
        crate::document::success(&crate::document::GATEWAY_ADD, doc)
    }
}
