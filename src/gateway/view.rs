//! What `gateway list` and `gateway status` print: each gateway's settings, readiness, routes
//! and token, as a table (`list`), a block each (`status`, with the root cause) or JSON.

use super::objects::{self, Observed};
use super::portal::TokenCheck;
use super::search::Searched;
use super::watch;
use crate::cli::Format;
use crate::engine::diagnosis::Finding;
use crate::engine::kube::{self, Route};
use crate::engine::readiness::{Component, Snapshot};
use serde::Serialize;
use serde_json::{json, Value};

/// The whole output: JSON, or the table (`list`), or a block per gateway (`status`).
pub(crate) fn listing(
    views: &[GatewayView],
    cluster: &str,
    searched: &Searched,
    format: Format,
    detailed: bool,
) -> String {
    match format {
        Format::Json => {
            let shape = match detailed {
                true => &crate::document::GATEWAY_STATUS,
                false => &crate::document::GATEWAY_LIST,
            };
            let doc = json!({"cluster": cluster, "searched": searched.text(), "gateways": views});
            serde_json::to_string_pretty(&crate::document::success(shape, doc)).unwrap_or_default()
        }
        Format::Text if views.is_empty() => format!(
            "No gateway made by threescale-install in {} on {cluster}.",
            searched.text()
        ),
        Format::Text if detailed => {
            let blocks: Vec<String> = views.iter().map(|v| block(v, cluster)).collect();
            blocks.join("\n")
        }
        Format::Text => table(views),
    }
}

#[derive(Debug, Serialize)]
struct RouteView {
    host: String,
    route: String,
    admitted: bool,
}

#[derive(Debug, Serialize)]
struct TokenView {
    works: Option<bool>,
    detail: String,
    minted: bool,
    id: Option<u64>,
    name: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct GatewayView {
    name: String,
    project: String,
    environment: Option<String>,
    configuration_loader: Option<String>,
    configuration_cache: Option<u32>,
    ready: bool,
    state: String,
    detail: String,
    routes: Vec<RouteView>,
    token: TokenView,
    portal: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnosis: Option<Value>,
}

/// The gateway `g` as listed: its settings, readiness (with the root cause, when looked for),
/// routes and token.
pub(crate) fn view(
    g: &Observed,
    check: Option<TokenCheck>,
    snapshot: &Snapshot,
    finding: Option<Finding>,
) -> GatewayView {
    let hosts = g.hosts();
    let components: Vec<Component> = watch::assess(snapshot, &g.name, &hosts);
    let routes = g
        .routes
        .iter()
        .map(kube::parse::<Route>)
        .map(|r| RouteView {
            admitted: r.is_admitted(),
            host: r.spec.host,
            route: r.metadata.name,
        })
        .collect();
    let record = g.secret.as_ref().map(|s| s.token.clone());
    let token = match (&g.secret, check) {
        (None, _) => TokenView {
            works: None,
            detail: format!("no secret {}", objects::secret_name(&g.name)),
            minted: false,
            id: None,
            name: None,
        },
        (Some(s), check) => TokenView {
            works: check.as_ref().and_then(TokenCheck::works),
            detail: check.map(|c| c.text()).unwrap_or_else(|| {
                format!(
                    "secret {} holds no THREESCALE_PORTAL_ENDPOINT of the form https://TOKEN@HOST",
                    s.name
                )
            }),
            minted: s.token.minted,
            id: record.as_ref().and_then(|r| r.id),
            name: record.and_then(|r| r.name),
        },
    };
    let ready = components.iter().all(|c| c.state.settled());
    GatewayView {
        name: g.name.clone(),
        project: g.project.clone(),
        environment: g.environment().map(|e| e.to_string()),
        configuration_loader: g.loader().map(|l| l.to_string()),
        configuration_cache: g.cache(),
        ready,
        state: if ready {
            "ready".into()
        } else {
            components
                .iter()
                .find(|c| !c.state.settled())
                .map(|c| c.state.text().to_string())
                .unwrap_or_default()
        },
        detail: components
            .iter()
            .map(|c| format!("{}: {}", c.name, c.detail))
            .collect::<Vec<_>>()
            .join("; "),
        routes,
        token,
        portal: g.secret.as_ref().map(|s| {
            json!({
                "host": s.endpoint.as_ref().map(|(_, h)| h),
                "cluster": s.portal.as_ref().map(|p| &p.cluster),
                "project": s.portal.as_ref().map(|p| &p.project),
            })
        }),
        diagnosis: finding.map(|f| json!({"signature": f.signature, "subject": f.subject, "evidence": f.evidence, "fix": f.fix})),
    }
}

fn token_word(t: &TokenView) -> &'static str {
    match t.works {
        Some(true) => "works",
        Some(false) => "refused",
        None => "unknown",
    }
}

fn table(views: &[GatewayView]) -> String {
    let rows: Vec<[String; 6]> = views
        .iter()
        .map(|v| {
            [
                v.name.clone(),
                v.project.clone(),
                v.environment.clone().unwrap_or_else(|| "?".into()),
                v.state.clone(),
                token_word(&v.token).to_string(),
                v.routes
                    .iter()
                    .map(|r| {
                        format!(
                            "https://{}{}",
                            r.host,
                            if r.admitted { "" } else { " (not admitted)" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        })
        .collect();
    let header = [
        "GATEWAY",
        "PROJECT",
        "ENVIRONMENT",
        "STATE",
        "TOKEN",
        "HOSTS",
    ];
    let widths: Vec<usize> = (0..5)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].len())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; 6]| {
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i < 5 {
                out.push_str(&format!("{c:<w$}  ", w = widths[i]));
            } else {
                out.push_str(c);
            }
        }
        out.trim_end().to_string()
    };
    let mut out = vec![line(header)];
    for r in &rows {
        out.push(line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]));
    }
    out.join("\n")
}

fn block(v: &GatewayView, cluster: &str) -> String {
    let mut out = format!(
        "Gateway      {} in project {} on {cluster}\n",
        v.name, v.project
    );
    out.push_str(&format!(
        "Environment  {} (loader {}, cache {} s)\n",
        v.environment.as_deref().unwrap_or("unknown"),
        v.configuration_loader.as_deref().unwrap_or("?"),
        v.configuration_cache
            .map(|c| c.to_string())
            .unwrap_or_else(|| "?".into())
    ));
    out.push_str(&format!("State        {}: {}\n", v.state, v.detail));
    for r in &v.routes {
        out.push_str(&format!(
            "Route        https://{} ({}{})\n",
            r.host,
            r.route,
            if r.admitted {
                ", admitted"
            } else {
                ", not admitted"
            }
        ));
    }
    let minted = if v.token.minted {
        format!(
            "; minted by threescale-install{}",
            v.token.id.map(|i| format!(" (id {i})")).unwrap_or_default()
        )
    } else {
        String::new()
    };
    out.push_str(&format!("Token        {}{minted}\n", v.token.detail));
    if let Some(p) = &v.portal {
        out.push_str(&format!(
            "Portal       https://{} (install in project {} on {})\n",
            p["host"].as_str().unwrap_or("?"),
            p["project"].as_str().unwrap_or("?"),
            p["cluster"].as_str().unwrap_or("?")
        ));
    }
    if let Some(d) = &v.diagnosis {
        out.push_str(&format!(
            "Root cause   ({}) {}\n  {}\n  fix: {}\n",
            d["signature"].as_str().unwrap_or_default(),
            d["subject"].as_str().unwrap_or_default(),
            d["evidence"]
                .as_str()
                .unwrap_or_default()
                .replace('\n', "\n  "),
            d["fix"].as_str().unwrap_or_default()
        ));
    }
    out
}
