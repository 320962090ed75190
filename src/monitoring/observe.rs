//! What the monitoring commands read of the cluster, read-only: whether user-workload monitoring
//! is on (only cluster admins may read it), whether the cluster serves the monitoring and
//! Grafana operator APIs, what the user may do, the project's deployment configs and monitoring
//! objects, and the dashboard files on this machine. A fact the user may not see is known as
//! such, with the reason, never an error; a cluster that cannot be reached is an error.

use super::dashboards::DASHBOARDS;
use super::objects::{GRAFANAS_V5, GRAFANA_V4, GRAFANA_V5, POD_MONITORS, PROMETHEUS_RULES};
use crate::engine::kube::{self, DeploymentConfig};
use crate::engine::observe::{read_failure, Fact, Observer};
use crate::failure::{Failure, Outcome};
use crate::oc::{Cause, Oc, OcError};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where OpenShift keeps the monitoring stack's configuration.
pub(crate) const CONFIG_NAMESPACE: &str = "openshift-monitoring";
pub(crate) const CONFIG_MAP: &str = "cluster-monitoring-config";
pub(crate) const CONFIG_KEY: &str = "config.yaml";

/// Whether Prometheus scrapes user projects (`enableUserWorkload` in `config.yaml` of
/// openshift-monitoring/cluster-monitoring-config).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UserWorkload {
    On,
    /// Off: the config map's `config.yaml` (empty when it has none; `None`: no config map).
    Off {
        config: Option<String>,
    },
    /// It cannot be told, and why.
    Unknown(String),
}

/// The Grafana operator the cluster serves, and what its API shows in the project.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Grafana {
    V4,
    /// The project's Grafana instances (name, labels): a v5 dashboard selects one by its labels.
    V5 {
        instances: Vec<(String, BTreeMap<String, String>)>,
    },
}

/// A right asked with `oc auth can-i`: (verb, resource, in the project), and the answer.
pub(crate) type Right = (&'static str, &'static str, bool, bool);

/// The dashboard files: the directory and each file's text, when it exists.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Files {
    pub(crate) dir: PathBuf,
    pub(crate) present: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Observed {
    pub(crate) project: String,
    pub(crate) user: String,
    pub(crate) server: String,
    pub(crate) user_workload: UserWorkload,
    /// The project's PodMonitors and PrometheusRules (and the Grafana operator's dashboards),
    /// or why they cannot be listed.
    pub(crate) objects: Fact<Vec<Value>>,
    /// Whether the cluster serves monitoring.coreos.com (and why not).
    pub(crate) crds: Fact<()>,
    pub(crate) grafana: Option<Grafana>,
    pub(crate) dcs: Vec<DeploymentConfig>,
    pub(crate) rights: Vec<Right>,
    pub(crate) files: Files,
}

impl Observed {
    /// Whether the user may `verb` `resource` (asked; a right never asked reads as allowed).
    pub(crate) fn may(&self, verb: &str, resource: &str) -> bool {
        self.rights
            .iter()
            .find(|(v, r, _, _)| *v == verb && *r == resource)
            .is_none_or(|(_, _, _, allowed)| *allowed)
    }

    pub(crate) fn dc(&self, name: &str) -> Option<&DeploymentConfig> {
        self.dcs.iter().find(|d| d.metadata.name == name)
    }
}

/// The rights the monitoring commands need in the project.
const RIGHTS: &[(&str, &str)] = &[
    ("create", POD_MONITORS),
    ("update", POD_MONITORS),
    ("delete", POD_MONITORS),
    ("create", PROMETHEUS_RULES),
    ("update", PROMETHEUS_RULES),
    ("delete", PROMETHEUS_RULES),
    ("patch", "deploymentconfigs.apps.openshift.io"),
];

/// Everything the plan and the status read, for `project` of the cluster `observer` reads.
pub(crate) fn observe(
    oc: &Oc,
    observer: &Observer,
    project: &str,
    dashboards_dir: &Path,
) -> Outcome<Observed> {
    let cluster = observer.cluster()?;
    if !observer.project_exists(project)? {
        return Err(Failure::input(format!(
            "project {project} does not exist, or {} may not see it",
            cluster.user
        ))
        .with_help("name the project of the install with --project"));
    }
    let dcs = oc
        .list::<Value>(
            &["deploymentconfigs.apps.openshift.io"],
            Some(project),
            None,
        )
        .map_err(|e| {
            read_failure(
                &format!("list the deployment configs of project {project}"),
                e,
            )
        })?
        .iter()
        .map(kube::parse::<DeploymentConfig>)
        .collect();
    let (mut objects, crds) = monitoring_objects(oc, project)?;
    let grafana = match grafana(oc, project)? {
        Some((g, dashboards)) => {
            if let Ok(o) = &mut objects {
                o.extend(dashboards);
            }
            Some(g)
        }
        None => None,
    };
    let mut wanted: Vec<(&'static str, &'static str)> = RIGHTS.to_vec();
    if let Some(g) = &grafana {
        let resource = match g {
            Grafana::V4 => GRAFANA_V4,
            Grafana::V5 { .. } => GRAFANA_V5,
        };
        wanted.extend([
            ("create", resource),
            ("update", resource),
            ("delete", resource),
        ]);
    }
    let rights = rights(observer, project, &wanted)?;
    Ok(Observed {
        project: project.to_string(),
        user: cluster.user.clone(),
        server: cluster.server.clone(),
        user_workload: user_workload(oc)?,
        objects,
        crds,
        grafana,
        dcs,
        rights,
        files: files(dashboards_dir),
    })
}

/// `oc auth can-i` for each right in `project`, asked side by side.
pub(crate) fn rights(
    observer: &Observer,
    project: &str,
    wanted: &[(&'static str, &'static str)],
) -> Outcome<Vec<Right>> {
    let asked: Vec<(&str, String, Option<String>)> = wanted
        .iter()
        .map(|(v, r)| (*v, r.to_string(), Some(project.to_string())))
        .collect();
    let answers = observer.permissions(&asked)?;
    Ok(wanted
        .iter()
        .zip(answers)
        .map(|((v, r), ok)| (*v, *r, true, ok))
        .collect())
}

/// Whether the user may read the cluster's metrics through Thanos Querier's route: `get
/// namespaces` on the cluster, what the `cluster-monitoring-view` role gives.
pub(crate) fn may_view_cluster_metrics(observer: &Observer) -> Outcome<bool> {
    Ok(observer
        .permissions(&[("get", "namespaces".to_string(), None)])?
        .first()
        .copied()
        .unwrap_or(false))
}

/// A read that may fail because the cluster has no such API: `Ok(None)` then.
fn unless_unserved<T>(result: Result<T, OcError>) -> Result<Option<T>, OcError> {
    match result {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.cause == Cause::NoSuchResource => Ok(None),
        Err(e) => Err(e),
    }
}

/// The PodMonitors and PrometheusRules of the project, and whether the API exists.
fn monitoring_objects(oc: &Oc, project: &str) -> Outcome<(Fact<Vec<Value>>, Fact<()>)> {
    let listed = oc.list::<Value>(&[POD_MONITORS, PROMETHEUS_RULES], Some(project), None);
    Ok(match unless_unserved(listed) {
        Ok(Some(items)) => (Ok(items), Ok(())),
        Ok(None) => {
            let why = "the cluster serves no monitoring.coreos.com API (PodMonitor, PrometheusRule): OpenShift 4.6 or later has it".to_string();
            (Err(why.clone()), Err(why))
        }
        Err(e) if e.cause == Cause::Forbidden => (
            Err(format!(
                "you may not list PodMonitors and PrometheusRules in project {project}"
            )),
            Ok(()),
        ),
        Err(e) => {
            return Err(read_failure(
                &format!("list the monitoring objects of project {project}"),
                e,
            ))
        }
    })
}

/// The Grafana operator's API, v5 first, with the dashboards of the project it shows (with v5,
/// also the project's Grafana instances).
fn grafana(oc: &Oc, project: &str) -> Outcome<Option<(Grafana, Vec<Value>)>> {
    let failed = |e: OcError| read_failure("look for the Grafana operator's API", e);
    let listed = |resource: &str| {
        unless_unserved(oc.list::<Value>(&[resource], Some(project), None)).or_else(|e| {
            // Served, but not to this user: the API is there.
            if e.cause == Cause::Forbidden {
                Ok(Some(Vec::new()))
            } else {
                Err(e)
            }
        })
    };
    if let Some(dashboards) = listed(GRAFANA_V5).map_err(failed)? {
        let instances = listed(GRAFANAS_V5)
            .map_err(failed)?
            .unwrap_or_default()
            .iter()
            .map(|g| {
                let meta = kube::parse::<kube::Object>(g).metadata;
                (meta.name, meta.labels)
            })
            .collect();
        return Ok(Some((Grafana::V5 { instances }, dashboards)));
    }
    Ok(listed(GRAFANA_V4)
        .map_err(failed)?
        .map(|dashboards| (Grafana::V4, dashboards)))
}

/// openshift-monitoring/cluster-monitoring-config, as far as the user may read it.
fn user_workload(oc: &Oc) -> Outcome<UserWorkload> {
    match oc.get::<Value>("configmap", CONFIG_MAP, Some(CONFIG_NAMESPACE)) {
        Ok(Some(cm)) => {
            let cm: kube::ConfigMap = kube::parse(&cm);
            let config = cm.data.get(CONFIG_KEY).cloned().unwrap_or_default();
            Ok(match enabled_in(&config) {
                Ok(true) => UserWorkload::On,
                Ok(false) => UserWorkload::Off {
                    config: Some(config),
                },
                Err(e) => UserWorkload::Unknown(format!(
                    "{CONFIG_NAMESPACE}/{CONFIG_MAP} holds a {CONFIG_KEY} that is not YAML: {e}"
                )),
            })
        }
        Ok(None) => Ok(UserWorkload::Off { config: None }),
        Err(e) if e.cause == Cause::Forbidden => Ok(UserWorkload::Unknown(format!(
            "cannot tell: only cluster admins may read {CONFIG_NAMESPACE}/{CONFIG_MAP}"
        ))),
        Err(e) if e.is_transient() || e.cause == Cause::Unauthorized => Err(read_failure(
            "read whether user-workload monitoring is on",
            e,
        )),
        Err(e) => Ok(UserWorkload::Unknown(e.message)),
    }
}

/// `enableUserWorkload` of a `config.yaml`.
pub(crate) fn enabled_in(config: &str) -> Result<bool, String> {
    let doc: serde_yaml::Value = serde_yaml::from_str(config).map_err(|e| e.to_string())?;
    Ok(doc
        .get("enableUserWorkload")
        .and_then(serde_yaml::Value::as_bool)
        .unwrap_or(false))
}

/// The dashboard files this tool writes, as they are in `dir` now.
fn files(dir: &Path) -> Files {
    let present = DASHBOARDS
        .iter()
        .filter_map(|d| {
            let name = format!("{}.json", d.id());
            std::fs::read_to_string(dir.join(&name))
                .ok()
                .map(|text| (name, text))
        })
        .collect();
    Files {
        dir: dir.to_path_buf(),
        present,
    }
}

/// The objects of `resources` labelled `selector` in `project`; none where the user may not
/// list them or the cluster has no such API.
pub(crate) fn labelled(
    oc: &Oc,
    project: &str,
    resources: &[&str],
    selector: &str,
) -> Outcome<Vec<Value>> {
    let mut found = Vec::new();
    for resource in resources {
        match oc.labelled(&[resource], crate::oc::Scope::Project(project), selector) {
            Ok(items) => found.extend(items),
            Err(e) if matches!(e.cause, Cause::NoSuchResource | Cause::Forbidden) => {}
            Err(e) => return Err(read_failure("list the monitoring objects", e)),
        }
    }
    Ok(found)
}

/// What `monitoring enable` made in `project`: its PodMonitors, PrometheusRule and Grafana
/// dashboards (what `uninstall` deletes with the install, and what tells `gateway add` that
/// monitoring is on).
pub(crate) fn made_by_enable(oc: &Oc, project: &str) -> Outcome<Vec<Value>> {
    labelled(
        oc,
        project,
        &[POD_MONITORS, PROMETHEUS_RULES, GRAFANA_V4, GRAFANA_V5],
        &super::objects::selector(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_says_whether_user_workload_monitoring_is_on() {
        assert_eq!(enabled_in("enableUserWorkload: true\n"), Ok(true));
        assert_eq!(
            enabled_in("prometheusK8s:\n  retention: 24h\nenableUserWorkload: false\n"),
            Ok(false)
        );
        assert_eq!(enabled_in(""), Ok(false));
        assert!(enabled_in("a: [").is_err());
    }
}
