//! The changes of `monitoring enable` and `disable`, as data the engine applies
//! ([`Change`]): deployment configs patched, objects created, replaced and deleted, and the
//! dashboard files written or removed on this machine (local files are changes too: the plan
//! names them, `--dry-run` writes none).

use super::patch::DcPatch;
use crate::engine::change::{Change, Ctx, Permission};
use crate::engine::execute::{change_failure, create_wave, single_change};
use crate::engine::kube::{self, DeploymentConfig};
use crate::failure::{Failure, Outcome};
use crate::oc::args;
use crate::templates::kinds::{ObjectRef, Resource};
use serde_json::{json, Value};
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MonitoringAction {
    /// One deployment config's container patched (one rollout).
    Patch(DcPatch),
    Create(Vec<Value>),
    /// Objects this tool made whose content is not what it makes now.
    Replace(Vec<Value>),
    Delete(Vec<ObjectRef>),
    /// Dashboard files (name, text) written into `dir`.
    WriteDashboards {
        dir: PathBuf,
        files: Vec<(String, String)>,
    },
    RemoveDashboards(Vec<PathBuf>),
}

fn refs(objects: &[Value]) -> Vec<ObjectRef> {
    objects.iter().filter_map(ObjectRef::of_json).collect()
}

fn names(refs: &[ObjectRef]) -> String {
    refs.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Change for MonitoringAction {
    type Memo = ();

    fn title(&self) -> String {
        match self {
            MonitoringAction::Patch(p) if p.revert => format!("revert dc/{}", p.dc),
            MonitoringAction::Patch(p) => format!("patch dc/{}", p.dc),
            MonitoringAction::Create(o) => format!("create {} object(s)", o.len()),
            MonitoringAction::Replace(o) => format!("replace {} object(s)", o.len()),
            MonitoringAction::Delete(r) => format!("delete {} object(s)", r.len()),
            MonitoringAction::WriteDashboards { files, .. } => {
                format!("write {} dashboard file(s)", files.len())
            }
            MonitoringAction::RemoveDashboards(f) => {
                format!("remove {} dashboard file(s)", f.len())
            }
        }
    }

    fn permissions(&self) -> Vec<Permission> {
        match self {
            MonitoringAction::Patch(_) => vec![Permission::in_project(
                "patch",
                Resource::of("DeploymentConfig", "apps.openshift.io/v1"),
            )],
            MonitoringAction::Create(o) => Permission::each("create", &refs(o)),
            MonitoringAction::Replace(o) => Permission::each("update", &refs(o)),
            MonitoringAction::Delete(r) => Permission::each("delete", r),
            MonitoringAction::WriteDashboards { .. } | MonitoringAction::RemoveDashboards(_) => {
                Vec::new()
            }
        }
    }

    fn run(&self, ctx: &Ctx, _: &mut ()) -> Outcome<Option<String>> {
        match self {
            MonitoringAction::Patch(p) => patch(ctx, p),
            MonitoringAction::Create(objects) => {
                create_wave(ctx, objects.clone()).map(|n| Some(format!("{n} created")))
            }
            MonitoringAction::Replace(objects) => {
                let list = json!({"apiVersion": "v1", "kind": "List", "items": objects});
                single_change(
                    ctx.oc,
                    &args::replace(ctx.project),
                    Some(list.to_string().as_bytes()),
                    || false,
                )
                .map(|_| None)
                .map_err(|e| change_failure("replace the monitoring objects", e, None))
            }
            MonitoringAction::Delete(refs) => {
                let names: Vec<String> = refs.iter().map(ObjectRef::oc_name).collect();
                // Deleting is idempotent (`--ignore-not-found`): sent again as it is.
                single_change(ctx.oc, &args::delete(&names, ctx.project), None, || false)
                    .map(|_| None)
                    .map_err(|e| change_failure("delete the monitoring objects", e, None))
            }
            MonitoringAction::WriteDashboards { dir, files } => {
                for (name, text) in files {
                    crate::atomic_file::write(&dir.join(name), text.as_bytes(), 0o644).map_err(
                        |e| {
                            Failure::input(format!("cannot write a dashboard file: {e}"))
                                .with_help("choose another --dashboards-dir")
                        },
                    )?;
                }
                Ok(Some(format!("in {}", dir.display())))
            }
            MonitoringAction::RemoveDashboards(paths) => {
                for path in paths {
                    match std::fs::remove_file(path) {
                        Ok(()) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        Err(e) => {
                            return Err(Failure::internal(format!(
                                "cannot remove {}: {e}",
                                path.display()
                            ))
                            .with_help("remove it by hand, or run the command again"))
                        }
                    }
                }
                Ok(None)
            }
        }
    }
}

/// `oc patch --type=json`; after a transient failure, the deployment config is read again and
/// the patch sent again only when it did not happen.
fn patch(ctx: &Ctx, p: &DcPatch) -> Outcome<Option<String>> {
    let object = format!("deploymentconfigs.apps.openshift.io/{}", p.dc);
    let ops = Value::Array(p.ops.clone()).to_string();
    let oc_args = args::patch_json(&object, &ops, ctx.project);
    let done = || {
        ctx.oc
            .get::<Value>(
                "deploymentconfigs.apps.openshift.io",
                &p.dc,
                Some(ctx.project),
            )
            .ok()
            .flatten()
            .is_some_and(|dc| p.is_done(&kube::parse::<DeploymentConfig>(&dc)))
    };
    single_change(ctx.oc, &oc_args, None, done)
        .map_err(|e| {
            let help = (e.cause == crate::oc::Cause::Invalid).then(|| {
                format!(
                    "dc/{} changed since it was read: run the command again",
                    p.dc
                )
            });
            change_failure(&format!("patch dc/{}", p.dc), e, help)
        })
        .map(|_| p.rollout.then(|| "a rollout starts".to_string()))
}

impl fmt::Display for MonitoringAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MonitoringAction::Patch(p) => write!(f, "{p}"),
            MonitoringAction::Create(o) => write!(f, "create {}", names(&refs(o))),
            MonitoringAction::Replace(o) => write!(
                f,
                "replace {} (made by threescale-install; their content changed)",
                names(&refs(o))
            ),
            MonitoringAction::Delete(r) => write!(f, "delete {}", names(r)),
            MonitoringAction::WriteDashboards { dir, files } => {
                let list: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
                write!(
                    f,
                    "write the Grafana dashboard file(s) {} into {}",
                    list.join(", "),
                    dir.display()
                )
            }
            MonitoringAction::RemoveDashboards(paths) => {
                let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                write!(f, "remove the dashboard file(s) {}", list.join(", "))
            }
        }
    }
}
