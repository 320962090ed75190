//! The install's own documents: the diagnosis of what fails (from the objects read, so it needs
//! no templates and works on a half-made install), and `status -o json` and `verify -o json` as
//! those commands print them, when the project holds an install the tool can open.

use super::bundle::Bundle;
use crate::engine::cluster::Cluster;
use crate::engine::diagnosis::Finding;
use crate::engine::observe::Observer;
use crate::engine::readiness::Snapshot;
use crate::engine::session::Session;
use crate::inputs::ProjectAnswers;
use crate::install::diagnosis::{diagnose, tier_of};
use crate::install::installed::{self, Installed};
use crate::install::status::Status;
use crate::install::watch;
use serde_json::{json, Value};

/// What the install's documents say, for the summary.
#[derive(Debug, Default, Clone)]
pub(crate) struct Verdicts {
    pub(crate) diagnosis: Option<&'static str>,
    pub(crate) healthy: Option<bool>,
    pub(crate) answers: Option<bool>,
}

/// `install/diagnosis.json`: the root cause among every object of the project.
pub(crate) fn diagnosis(items: &[Value], bundle: &mut Bundle) -> Option<&'static str> {
    let mut snapshot = Snapshot::of_matching(items.to_vec(), |_| true);
    snapshot.rank_dcs(tier_of);
    let finding = diagnose(&snapshot);
    let doc = json!({
        "schema_version": 1,
        "diagnosis": finding.as_ref().map(finding_json),
    });
    bundle.add("install/diagnosis.json", &pretty(&doc));
    finding.map(|f| f.signature)
}

fn finding_json(f: &Finding) -> Value {
    json!({"signature": f.signature, "subject": f.subject, "evidence": f.evidence, "fix": f.fix, "log_of": f.log_of})
}

fn pretty(doc: &Value) -> String {
    serde_json::to_string_pretty(doc).unwrap_or_default() + "\n"
}

/// An install opened for `status`: what `verify` checks too.
pub(crate) struct Opened {
    install: Installed,
    snapshot: Snapshot,
    pub(crate) healthy: bool,
}

/// `install/status.json`, as `status -o json` prints it; a note when the project holds no
/// install the tool can open (a half-made one without its secrets, say).
pub(crate) fn status(
    session: &Session,
    observer: &Observer,
    cluster: Cluster,
    answers: &ProjectAnswers,
    bundle: &mut Bundle,
) -> Option<Opened> {
    let install = match installed::open_on(session, observer, cluster, answers) {
        Ok(i) => i,
        Err(f) => {
            bundle.note(&format!("status: {}", f.message()));
            return None;
        }
    };
    let snapshot = match watch::look(&session.oc, &install.project, &install.identity) {
        Ok(s) => s,
        Err(e) => {
            bundle.note(&format!(
                "status: could not look at the project: {}",
                e.reason()
            ));
            return None;
        }
    };
    let status = Status::of(&install, &snapshot);
    bundle.add("install/status.json", &pretty(&status.json()));
    let healthy = status.healthy();
    Some(Opened {
        install,
        snapshot,
        healthy,
    })
}

/// `install/verify.json`, as `verify -o json` prints it: whether 3scale answers.
pub(crate) fn verify(
    session: &Session,
    opened: &Opened,
    http: &crate::http::Options,
    bundle: &mut Bundle,
) -> Option<bool> {
    let install = &opened.install;
    let checked = install.credentials(&session.redactor).and_then(|creds| {
        let domain = install.domain.clone().unwrap_or_default();
        let target = crate::verify::target_of(&opened.snapshot, &creds, &domain);
        let results = crate::verify::check(session, http, &target)?;
        Ok(crate::verify::document(
            &install.cluster.server,
            &install.project,
            &target,
            &results,
        ))
    });
    match checked {
        Ok(doc) => {
            bundle.add("install/verify.json", &pretty(&doc));
            doc["ok"].as_bool()
        }
        Err(f) => {
            bundle.note(&format!("verify: {}", f.message()));
            None
        }
    }
}
