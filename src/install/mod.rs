//! The install as a pipeline shared by every command: observe the cluster (read-only, each fact
//! once), plan (a pure function from the answers and the observation to actions, decisions and
//! findings), apply (the one executor), wait (the one readiness model). What belongs to an
//! install is decided by the template ([`identity`]), and the values an existing install holds
//! are read back from it ([`recover`]).

pub mod action;
pub mod api_versions;
pub mod apply;
pub mod cluster;
pub mod credentials;
pub mod diagnosis;
pub mod identity;
pub mod observe;
pub mod plan;
pub mod prepare;
pub mod pull_secret;
pub mod readiness;
pub mod recover;
pub mod sizing;
pub mod storage;
pub mod wait;

use crate::oc::Oc;
use crate::secrets::Redactor;
use crate::transcript::Transcript;
use crate::ui::Ui;
use readiness::Component;

/// What applying and waiting share: the one oc, the ui, the redactor and the transcript.
pub struct Ctx<'a> {
    pub oc: &'a Oc,
    pub ui: &'a Ui,
    pub redactor: &'a Redactor,
    pub transcript: &'a Transcript,
    /// Who is logged in: named in the advice given to them.
    pub user: &'a str,
    /// Requests to 3scale, for the actions that make them (a gateway's access token).
    pub http: Option<&'a crate::http::Http>,
}

impl Ctx<'_> {
    /// Notes in the transcript each component whose state changed since the last look.
    pub fn transcript_components(&self, now: &[Component], before: &[Component]) {
        for c in now {
            let changed = before
                .iter()
                .find(|b| b.name == c.name)
                .is_none_or(|b| b.state != c.state);
            if changed {
                self.transcript
                    .note(&format!("{}: {} ({})", c.name, c.state.text(), c.detail));
            }
        }
    }
}
