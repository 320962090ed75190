//! What `status` reports of an installed project: its profile and commit, each component's state
//! (the same readiness as the wait), its routes, and the root cause of what fails now.

use super::installed::Installed;
use super::readiness::{self, ZYNC_ROUTES};
use crate::engine::diagnosis::Finding;
use crate::engine::kube::Route;
use crate::engine::readiness::{healthy, unsettled, Component, Snapshot};
use serde::Serialize;
use serde_json::{json, Value};

#[derive(Debug, Serialize)]
pub(crate) struct RouteView {
    pub(crate) purpose: String,
    pub(crate) url: String,
    pub(crate) admitted: bool,
    pub(crate) detail: String,
}

/// What a route serves, by the service it points to.
fn purpose(service: &str) -> &str {
    ZYNC_ROUTES
        .iter()
        .find(|(s, _)| *s == service)
        .map(|(_, p)| *p)
        .unwrap_or(match service {
            "backend-listener" => "backend",
            other => other,
        })
}

fn route_view(r: &Route) -> RouteView {
    let service = r
        .metadata
        .label("zync.3scale.net/route-to")
        .unwrap_or(&r.spec.to.name);
    let admitted = r.is_admitted();
    let detail = match (admitted, r.refusal()) {
        (true, _) => String::new(),
        (false, Some(c)) => format!("{}: {}", c.reason, c.message),
        (false, None) => "not admitted yet".into(),
    };
    RouteView {
        purpose: purpose(service).to_string(),
        url: format!("https://{}", r.spec.host),
        admitted,
        detail,
    }
}

/// The status of an install, from one look at its project.
pub(crate) struct Status<'a> {
    pub(crate) install: &'a Installed,
    pub(crate) components: Vec<Component>,
    pub(crate) finding: Option<Finding>,
    pub(crate) routes: Vec<RouteView>,
    /// Objects of the profile that the project lacks.
    pub(crate) missing: Vec<String>,
}

impl<'a> Status<'a> {
    pub(crate) fn of(install: &'a Installed, snapshot: &Snapshot) -> Status<'a> {
        Status {
            install,
            components: readiness::assess(snapshot),
            finding: super::diagnosis::diagnose(snapshot),
            routes: snapshot.routes.iter().map(route_view).collect(),
            missing: install
                .identity
                .missing(&install.objects)
                .iter()
                .map(ToString::to_string)
                .collect(),
        }
    }

    pub(crate) fn healthy(&self) -> bool {
        healthy(&self.components) && self.finding.is_none() && self.missing.is_empty()
    }

    fn commit(&self) -> String {
        self.install
            .commit
            .clone()
            .unwrap_or_else(|| "not a git checkout".into())
    }

    pub(crate) fn json(&self) -> Value {
        let i = self.install;
        let doc = json!({
            "cluster": i.cluster.server, "project": i.project,
            "profile": i.profile.name, "commit": self.commit(),
            "recorded_on_this_machine": i.record.is_some(),
            "healthy": self.healthy(),
            "missing_objects": self.missing,
            "components": self.components, "routes": self.routes,
            "diagnosis": self.finding.as_ref().map(|f| json!({"signature": f.signature, "subject": f.subject, "evidence": f.evidence, "fix": f.fix})),
            "support": super::plan::support_warning(&i.cluster).map(|w| w.trim_end_matches(" Continuing anyway.")),
        });
        crate::document::success(&crate::document::STATUS, doc)
    }

    fn health(&self) -> String {
        let unsettled = unsettled(&self.components);
        if self.healthy() {
            "healthy".to_string()
        } else if !self.missing.is_empty() {
            let stopped = self.stopped_run().unwrap_or_default();
            format!("incomplete: {} objects of the profile are missing{stopped} (run the install again to create them)", self.missing.len())
        } else if !unsettled.is_empty() {
            format!("not ready: {}", unsettled.join(", "))
        } else {
            "not healthy: see the root cause below".to_string()
        }
    }

    /// Where this machine's last run stopped, when it stopped while changing the cluster (a
    /// registry login refused, a create refused): its transcript says why.
    fn stopped_run(&self) -> Option<String> {
        let i = self.install;
        let record = i
            .record
            .as_ref()
            .filter(|r| r.stage == crate::record::CHANGING)?;
        let transcript = crate::record::default_transcript_path(&i.cluster.server, &i.project)
            .ok()
            .filter(|p| p.is_file())
            .map(|p| format!(": its transcript {} says why", p.display()))
            .unwrap_or_default();
        Some(format!(
            "; the last run on this machine ({}) stopped while changing the cluster{transcript}",
            record.profile
        ))
    }

    pub(crate) fn text(&self) -> String {
        let i = self.install;
        let elsewhere = if i.record.is_some() {
            ""
        } else {
            "; installed from another machine"
        };
        let mut out = format!(
            "Project   {} on {}\nProfile   {} (templates commit {}){elsewhere}\n",
            i.project,
            i.cluster.server,
            i.profile.name,
            self.commit()
        );
        if super::plan::support_warning(&i.cluster).is_some() {
            out.push_str("Support   the 2.8 templates are supported on OpenShift 3.11 only; on OpenShift 4 the supported way is the 3scale operator\n");
        }
        out.push_str(&format!(
            "Health    {}\n\nCOMPONENT{:14}STATE{:8}DETAIL\n",
            self.health(),
            "",
            ""
        ));
        for c in &self.components {
            out.push_str(&format!(
                "{:<23}{:<13}{}\n",
                c.name,
                c.state.text(),
                c.detail
            ));
        }
        out.push_str("\nROUTE                  URL\n");
        for r in &self.routes {
            let note = if r.admitted {
                String::new()
            } else {
                format!("  ({})", r.detail)
            };
            out.push_str(&format!("{:<23}{}{note}\n", r.purpose, r.url));
        }
        if let Some(f) = &self.finding {
            out.push_str(&format!(
                "\nRoot cause ({}): {}\n  {}\n  fix: {}\n",
                f.signature,
                f.subject,
                f.evidence.replace('\n', "\n  "),
                f.fix
            ));
        }
        out.trim_end().to_string()
    }
}
