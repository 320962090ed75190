//! `status`: an installed project's profile, templates commit, the rollout state of each
//! component, its routes, and whether anything is failing.

use super::installed::{on_install, Installed};
use crate::answers::ProjectAnswers;
use crate::cli::Format;
use crate::diagnosis;
use crate::failure::Outcome;
use crate::steps::preflight::Cluster;
use crate::steps::rollout::{component, Component, DeploymentConfig, State};
use crate::steps::{rollout, Ctx};
use crate::ui::Ui;
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Debug, Deserialize)]
struct Route {
    metadata: crate::steps::rollout::Meta,
    #[serde(default)]
    spec: RouteSpec,
    #[serde(default)]
    status: RouteStatus,
}

#[derive(Debug, Default, Deserialize)]
struct RouteSpec {
    #[serde(default)]
    host: String,
    #[serde(default)]
    to: RouteTarget,
}

#[derive(Debug, Default, Deserialize)]
struct RouteTarget {
    #[serde(default)]
    name: String,
}

#[derive(Debug, Default, Deserialize)]
struct RouteStatus {
    #[serde(default)]
    ingress: Vec<RouteIngress>,
}

#[derive(Debug, Default, Deserialize)]
struct RouteIngress {
    #[serde(default)]
    conditions: Vec<crate::steps::rollout::Condition>,
}

#[derive(Debug, Serialize)]
struct RouteView {
    purpose: String,
    url: String,
    admitted: bool,
    detail: String,
}

/// What a route serves, by the service zync points it to.
fn purpose(service: &str) -> &str {
    match service {
        "system-provider" => "admin portal",
        "system-developer" => "developer portal",
        "system-master" => "master portal",
        "apicast-staging" => "APIcast staging",
        "apicast-production" => "APIcast production",
        "backend-listener" => "backend",
        other => other,
    }
}

fn route_view(r: &Route) -> RouteView {
    let admitted = r
        .status
        .ingress
        .iter()
        .flat_map(|i| &i.conditions)
        .find(|c| c.kind == "Admitted");
    let (ok, detail) = match admitted {
        Some(c) if c.status == "True" => (true, String::new()),
        Some(c) => (false, format!("{}: {}", c.reason, c.message)),
        None => (false, "not admitted yet".to_string()),
    };
    let service = r
        .metadata
        .labels
        .get("zync.3scale.net/route-to")
        .cloned()
        .unwrap_or_else(|| r.spec.to.name.clone());
    RouteView {
        purpose: purpose(&service).to_string(),
        url: format!("https://{}", r.spec.host),
        admitted: ok,
        detail,
    }
}

pub fn run(answers: &ProjectAnswers, ui: &Ui) -> Outcome<()> {
    on_install(answers, ui, |ctx, cluster, install| {
        report(ctx, cluster, install, answers, ui)
    })
}

fn report(
    ctx: &Ctx,
    cluster: &Cluster,
    install: Installed,
    answers: &ProjectAnswers,
    ui: &Ui,
) -> Outcome<()> {
    let project = answers.project.as_str();
    // The same one-call look as the wait, so that the same diagnosis names what is failing.
    let snapshot = rollout::observe(ctx, project)?;
    let dcs: Vec<DeploymentConfig> = snapshot
        .dcs
        .iter()
        .filter(|d| d["metadata"]["labels"]["app"] == install.app_label.as_str())
        .filter_map(|d| serde_json::from_value(d.clone()).ok())
        .collect();
    let routes: Vec<Route> = snapshot
        .routes
        .iter()
        .filter_map(|r| serde_json::from_value(r.clone()).ok())
        .collect();
    let diagnosis = diagnosis::diagnose(&snapshot);
    let components: Vec<Component> = dcs.iter().map(component).collect();
    let routes: Vec<RouteView> = routes.iter().map(route_view).collect();
    let failing: Vec<&Component> = components
        .iter()
        .filter(|c| c.state == State::Failed)
        .collect();
    let ready = components
        .iter()
        .filter(|c| c.state == State::Ready)
        .count();
    let healthy = failing.is_empty()
        && ready == components.len()
        && routes.iter().all(|r| r.admitted)
        && diagnosis.is_none();
    let (profile, commit) = match &install.record {
        Some(r) => (
            r.profile.clone(),
            r.commit
                .clone()
                .unwrap_or_else(|| "not a git checkout".into()),
        ),
        None => (
            "unknown (installed from another machine)".into(),
            "unknown".into(),
        ),
    };
    match answers.format {
        Format::Json => {
            let doc = json!({
                "schema_version": 1, "cluster": cluster.server, "project": project, "profile": profile,
                "commit": commit, "app_label": install.app_label, "healthy": healthy,
                "components": components, "routes": routes,
                "diagnosis": diagnosis.as_ref().map(|f| json!({"signature": f.signature, "subject": f.subject, "evidence": f.evidence, "fix": f.fix})),
            });
            ui.result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        Format::Text => {
            let mut out = format!(
                "Project   {project} on {}\nProfile   {profile} (templates commit {commit})\n",
                cluster.server
            );
            let health = if healthy {
                "healthy".to_string()
            } else if !failing.is_empty() {
                format!(
                    "{} failing: {}",
                    failing.len(),
                    failing
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            } else if ready < components.len() {
                format!("{ready} of {} components ready", components.len())
            } else {
                let waiting: Vec<&str> = routes
                    .iter()
                    .filter(|r| !r.admitted)
                    .map(|r| r.purpose.as_str())
                    .collect();
                format!(
                    "every component is ready; route(s) not admitted: {}",
                    waiting.join(", ")
                )
            };
            out.push_str(&format!(
                "Health    {health}\n\nCOMPONENT{:14}STATE{:8}DETAIL\n",
                "", ""
            ));
            for c in &components {
                let state = serde_json::to_value(c.state)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                out.push_str(&format!("{:<23}{state:<13}{}\n", c.name, c.detail));
            }
            out.push_str("\nROUTE                  URL\n");
            for r in &routes {
                let note = if r.admitted {
                    String::new()
                } else {
                    format!("  ({})", r.detail)
                };
                out.push_str(&format!("{:<23}{}{note}\n", r.purpose, r.url));
            }
            if let Some(f) = &diagnosis {
                out.push_str(&format!(
                    "\nRoot cause ({}): {}\n  {}\n  fix: {}\n",
                    f.signature,
                    f.subject,
                    f.evidence.replace('\n', "\n  "),
                    f.fix
                ));
            }
            ui.result(out.trim_end());
        }
    }
    Ok(())
}
