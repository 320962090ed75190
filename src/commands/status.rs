//! `status`: an installed project's profile, templates commit, the state of each component (the
//! same readiness model as the wait), its routes, and the root cause of what is failing now.

use crate::cli::Format;
use crate::failure::Outcome;
use crate::inputs::ProjectAnswers;
use crate::install::observe::{read_failure, Observer};
use crate::install::readiness::{self, Component};
use crate::install::{diagnosis, wait, Ctx};
use crate::installed;
use crate::session::Session;
use serde::Serialize;
use serde_json::{json, Value};

#[derive(Debug, Serialize)]
struct RouteView {
    purpose: String,
    url: String,
    admitted: bool,
    detail: String,
}

/// What a route serves, by the service it points to.
fn purpose(service: &str) -> &str {
    readiness::ZYNC_ROUTES
        .iter()
        .find(|(s, _)| *s == service)
        .map(|(_, p)| *p)
        .unwrap_or(match service {
            "backend-listener" => "backend",
            other => other,
        })
}

fn route_view(r: &Value) -> RouteView {
    let service = r["metadata"]["labels"]["zync.3scale.net/route-to"]
        .as_str()
        .or(r["spec"]["to"]["name"].as_str())
        .unwrap_or_default();
    let admitted = readiness::is_admitted(r);
    let detail = if admitted {
        String::new()
    } else {
        r["status"]["ingress"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|i| i["conditions"].as_array().into_iter().flatten())
            .find(|c| c["type"] == "Admitted")
            .map(|c| {
                format!(
                    "{}: {}",
                    c["reason"].as_str().unwrap_or_default(),
                    c["message"].as_str().unwrap_or_default()
                )
            })
            .unwrap_or_else(|| "not admitted yet".into())
    };
    RouteView {
        purpose: purpose(service).to_string(),
        url: format!("https://{}", r["spec"]["host"].as_str().unwrap_or_default()),
        admitted,
        detail,
    }
}

pub fn run(answers: ProjectAnswers) -> Outcome<()> {
    let session = Session::open(&answers.connection, &answers.mode)?;
    let result = status(&session, answers);
    session.point_at_transcript(result)
}

fn status(session: &Session, answers: ProjectAnswers) -> Outcome<()> {
    let observer = Observer::new(&session.oc);
    let install = installed::open(session, &observer, &answers)?;
    let ctx = Ctx {
        oc: &session.oc,
        ui: &session.ui,
        redactor: &session.redactor,
        transcript: &session.transcript,
        user: &install.cluster.user,
        http: None,
    };
    let snapshot = wait::look(&ctx, &install.project, &install.identity)
        .map_err(|e| read_failure("look at the project", e))?;
    let components: Vec<Component> = readiness::assess(&snapshot);
    let finding = diagnosis::diagnose(&snapshot);
    let routes: Vec<RouteView> = snapshot.routes.iter().map(route_view).collect();
    let missing = install.identity.missing(&install.objects);
    let healthy = wait::healthy(&components) && finding.is_none() && missing.is_empty();
    let profile = &install.profile.name;
    let commit = install
        .commit
        .clone()
        .unwrap_or_else(|| "not a git checkout".into());
    let made_here = install.record.is_some();
    match answers.mode.format {
        Format::Json => {
            let doc = json!({
                "schema_version": 1, "cluster": install.cluster.server, "project": install.project,
                "profile": profile, "commit": commit, "recorded_on_this_machine": made_here,
                "healthy": healthy,
                "missing_objects": missing.iter().map(ToString::to_string).collect::<Vec<_>>(),
                "components": components, "routes": routes,
                "diagnosis": finding.as_ref().map(|f| json!({"signature": f.signature, "subject": f.subject, "evidence": f.evidence, "fix": f.fix})),
            });
            session
                .ui
                .result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        Format::Text => {
            let mut out = format!(
                "Project   {} on {}\nProfile   {profile} (templates commit {commit}){}\n",
                install.project,
                install.cluster.server,
                if made_here {
                    ""
                } else {
                    "; installed from another machine"
                }
            );
            let unsettled = wait::unsettled(&components);
            let health = if healthy {
                "healthy".to_string()
            } else if !missing.is_empty() {
                format!("incomplete: {} objects of the profile are missing (run the install again to create them)", missing.len())
            } else if !unsettled.is_empty() {
                format!("not ready: {}", unsettled.join(", "))
            } else {
                "not healthy: see the root cause below".to_string()
            };
            out.push_str(&format!(
                "Health    {health}\n\nCOMPONENT{:14}STATE{:8}DETAIL\n",
                "", ""
            ));
            for c in &components {
                out.push_str(&format!(
                    "{:<23}{:<13}{}\n",
                    c.name,
                    c.state.text(),
                    c.detail
                ));
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
            if let Some(f) = &finding {
                out.push_str(&format!(
                    "\nRoot cause ({}): {}\n  {}\n  fix: {}\n",
                    f.signature,
                    f.subject,
                    f.evidence.replace('\n', "\n  "),
                    f.fix
                ));
            }
            session.ui.result(out.trim_end());
        }
    }
    Ok(())
}
