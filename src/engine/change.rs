//! A change, as data: what a feature's plan decides, the plan step shows, `--dry-run` prints and
//! the executor applies. Each feature has its own action enum and implements [`Change`] for it;
//! the engine knows nothing of what the changes are.

use crate::failure::Outcome;
use crate::http::Http;
use crate::oc::Oc;
use crate::secrets::Redactor;
use crate::templates::kinds::{ObjectRef, Resource};
use crate::transcript::Transcript;
use crate::ui::Ui;
use std::fmt;

/// What applying and waiting share: the one oc, the ui, the redactor and the transcript.
pub(crate) struct Ctx<'a> {
    pub(crate) oc: &'a Oc,
    pub(crate) ui: &'a Ui,
    pub(crate) redactor: &'a Redactor,
    pub(crate) transcript: &'a Transcript,
    /// Who is logged in: named in the advice given to them.
    pub(crate) user: &'a str,
    /// The project the changes are made in.
    pub(crate) project: &'a str,
    /// Requests to 3scale, for the changes that make them.
    pub(crate) http: Option<&'a Http>,
}

impl<'a> Ctx<'a> {
    /// The HTTP client, for a change that makes requests to 3scale.
    pub(crate) fn http(&self) -> Outcome<&'a Http> {
        self.http.ok_or_else(|| {
            crate::failure::Failure::internal(
                "a request to 3scale was planned without an HTTP client",
            )
        })
    }
}

/// What a change needs to be allowed: `oc auth can-i VERB RESOURCE` in the project, or on the
/// cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Permission {
    pub(crate) verb: &'static str,
    pub(crate) resource: Resource,
    /// Asked in the project (false: cluster-scoped).
    pub(crate) namespaced: bool,
}

impl Permission {
    pub(crate) fn in_project(verb: &'static str, resource: Resource) -> Permission {
        Permission {
            verb,
            resource,
            namespaced: true,
        }
    }

    pub(crate) fn on_cluster(verb: &'static str, resource: Resource) -> Permission {
        Permission {
            verb,
            resource,
            namespaced: false,
        }
    }

    /// The permission to `verb` each resource of `objects`, once per resource; objects outside
    /// the project (cluster-scoped kinds) are asked on the cluster.
    pub(crate) fn each(verb: &'static str, objects: &[ObjectRef]) -> Vec<Permission> {
        let mut out: Vec<Permission> = Vec::new();
        for o in objects {
            let p = Permission {
                verb,
                resource: o.resource.clone(),
                namespaced: !o.resource.is_cluster_scoped(),
            };
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
}

/// One change of a plan. `Display` says what it changes, in the words of the plan step, and
/// never shows a secret.
pub(crate) trait Change: fmt::Display {
    /// What one change hands to the next ones of the same plan (a token minted, a tenant signed
    /// up): kept by the executor for the length of one apply.
    type Memo: Default;

    /// The step's title while it runs: "create project 3scale-apim".
    fn title(&self) -> String;

    /// The permissions it needs, checked before any change.
    fn permissions(&self) -> Vec<Permission> {
        Vec::new()
    }

    /// Makes the change; what it did, in words, for the step's detail.
    fn run(&self, ctx: &Ctx, memo: &mut Self::Memo) -> Outcome<Option<String>>;
}
