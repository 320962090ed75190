//! `status`: an installed project's profile, templates commit, the rollout state of each
//! component, its routes, and whether anything is failing.

use super::connect_project;
use super::installed::require_install;
use crate::answers::ProjectAnswers;
use crate::cli::Format;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::secrets::Redactor;
use crate::steps::{preflight, Ctx};
use crate::ui::Ui;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
pub struct DeploymentConfig {
    pub metadata: Meta,
    #[serde(default)]
    pub spec: DcSpec,
    #[serde(default)]
    pub status: DcStatus,
}

#[derive(Debug, Default, Deserialize)]
pub struct Meta {
    pub name: String,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DcSpec {
    #[serde(default)]
    pub replicas: u32,
    #[serde(default)]
    pub triggers: Vec<serde_json::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DcStatus {
    #[serde(default)]
    pub latest_version: u64,
    #[serde(default)]
    pub updated_replicas: u32,
    #[serde(default)]
    pub available_replicas: u32,
    #[serde(default)]
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Condition {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Pending,
    RollingOut,
    Ready,
    Failed,
    ScaledDown,
}

#[derive(Debug, Serialize)]
pub struct Component {
    pub name: String,
    pub state: State,
    pub detail: String,
}

/// A DeploymentConfig's state, read the way `oc rollout status` reads it.
pub fn component(dc: &DeploymentConfig) -> Component {
    let name = dc.metadata.name.clone();
    let s = &dc.status;
    let progressing = s.conditions.iter().find(|c| c.kind == "Progressing");
    let (state, detail) = if let Some(c) = progressing
        .filter(|c| c.reason == "ProgressDeadlineExceeded" || c.reason == "RolloutCancelled")
    {
        (State::Failed, c.message.clone())
    } else if s.latest_version == 0 {
        let waits_on_image = dc.spec.triggers.iter().any(|t| t["type"] == "ImageChange");
        let why = if waits_on_image {
            "waiting on image update"
        } else {
            "waiting on manual update"
        };
        (State::Pending, why.to_string())
    } else if dc.spec.replicas == 0 {
        (State::ScaledDown, "0 replicas".to_string())
    } else if s.updated_replicas >= dc.spec.replicas && s.available_replicas >= dc.spec.replicas {
        (
            State::Ready,
            format!(
                "{}/{} available, revision {}",
                s.available_replicas, dc.spec.replicas, s.latest_version
            ),
        )
    } else {
        (
            State::RollingOut,
            format!(
                "{}/{} available, revision {}",
                s.available_replicas, dc.spec.replicas, s.latest_version
            ),
        )
    };
    Component {
        name,
        state,
        detail,
    }
}

#[derive(Debug, Deserialize)]
struct Route {
    metadata: Meta,
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
    conditions: Vec<Condition>,
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
    let redactor = Redactor::default();
    let oc = connect_project(answers, ui, &redactor)?;
    let ctx = Ctx {
        oc: &oc,
        ui,
        redactor: &redactor,
    };
    let cluster = preflight::observe(&ctx)?;
    let project = answers.project.as_str();
    let install = require_install(&ctx, &cluster.server, project)?;
    let read = |what: &str, e| {
        Failure::new(FailureKind::Preflight, e)
            .context(format!("status: could not list the {what}"))
    };
    let dcs: Vec<DeploymentConfig> = oc
        .list(
            "deploymentconfigs.apps.openshift.io",
            Some(project),
            Some(&format!("app={}", install.app_label)),
        )
        .map_err(|e| read("deployment configs", e))?;
    let routes: Vec<Route> = oc
        .list("routes.route.openshift.io", Some(project), None)
        .map_err(|e| read("routes", e))?;
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
    let healthy =
        failing.is_empty() && ready == components.len() && routes.iter().all(|r| r.admitted);
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
            ui.result(out.trim_end());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dc(json: serde_json::Value) -> DeploymentConfig {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn rollout_states_follow_oc_rollout_status() {
        let waiting = dc(
            json!({"metadata": {"name": "a"}, "spec": {"replicas": 1, "triggers": [{"type": "ImageChange"}]}, "status": {"latestVersion": 0}}),
        );
        assert_eq!(
            (
                component(&waiting).state,
                component(&waiting).detail.as_str()
            ),
            (State::Pending, "waiting on image update")
        );
        let ready = dc(
            json!({"metadata": {"name": "a"}, "spec": {"replicas": 1}, "status": {"latestVersion": 2, "updatedReplicas": 1, "availableReplicas": 1}}),
        );
        assert_eq!(component(&ready).state, State::Ready);
        let rolling = dc(
            json!({"metadata": {"name": "a"}, "spec": {"replicas": 1}, "status": {"latestVersion": 1, "updatedReplicas": 1, "availableReplicas": 0}}),
        );
        assert_eq!(component(&rolling).state, State::RollingOut);
        let failed = dc(
            json!({"metadata": {"name": "a"}, "spec": {"replicas": 1}, "status": {"latestVersion": 1, "conditions": [
            {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": "replication controller \"a-1\" has failed progressing"}]}}),
        );
        assert_eq!(component(&failed).state, State::Failed);
        assert!(component(&failed).detail.contains("failed progressing"));
    }
}
