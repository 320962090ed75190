//! The patches of the deployment configs, decided from what each holds: a JSON patch (RFC 6902)
//! that adds only what is missing (the operator's upgrade does the same: an env var only if the
//! container lacks it, a port only if none is named `metrics`), guarded by `test` operations so
//! that a container or variable that moved since it was read fails the patch instead of changing
//! the wrong thing; and the record of what was added, kept in an annotation, from which
//! `disable` takes back exactly that.

use super::components::{Component, PORT_NAME};
use super::objects::{Added, PATCH_ANNOTATION};
use crate::engine::kube::DeploymentConfig;
use serde_json::{json, Value};
use std::fmt;

/// A change of one deployment config's first container, in one patch: one rollout.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DcPatch {
    pub(crate) dc: String,
    pub(crate) container: String,
    /// The variables added (or removed, when reverting).
    pub(crate) env: Vec<(String, String)>,
    /// The port `metrics` added (or removed).
    pub(crate) port: Option<u16>,
    pub(crate) revert: bool,
    /// Whether the change of its pod template starts a rollout (a `ConfigChange` trigger).
    pub(crate) rollout: bool,
    /// The JSON patch.
    pub(crate) ops: Vec<Value>,
}

/// `/a/b` with `~` and `/` escaped in the last part (RFC 6901).
fn pointer(base: &str, key: &str) -> String {
    format!("{base}/{}", key.replace('~', "~0").replace('/', "~1"))
}

fn starts_rollout(dc: &DeploymentConfig) -> bool {
    dc.spec.triggers.iter().any(|t| t.kind == "ConfigChange")
}

/// What `c` needs that `dc` lacks, as one patch; `None` when nothing is missing. An error names
/// a deployment config without the component's container.
pub(crate) fn enable(c: &Component, dc: &DeploymentConfig) -> Result<Option<DcPatch>, String> {
    let template = dc.pod_template();
    let Some((i, container)) = template
        .spec
        .containers
        .iter()
        .enumerate()
        .find(|(_, k)| k.name == c.container)
    else {
        return Err(format!(
            "dc/{} has no container {}: it is not the 2.8 template's",
            c.dc, c.container
        ));
    };
    let env: Vec<(String, String)> = c
        .env
        .iter()
        .filter(|(name, _)| !container.env.iter().any(|e| e.name == *name))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let port = (!container.ports.iter().any(|p| p.name == PORT_NAME)).then_some(c.port);
    if env.is_empty() && port.is_none() {
        return Ok(None);
    }
    let at = format!("/spec/template/spec/containers/{i}");
    let mut ops = vec![json!({"op": "test", "path": format!("{at}/name"), "value": c.container})];
    let vars: Vec<Value> = env
        .iter()
        .map(|(k, v)| json!({"name": k, "value": v}))
        .collect();
    append(
        &mut ops,
        &format!("{at}/env"),
        container.env.is_empty(),
        vars,
    );
    if let Some(p) = port {
        let entry = json!({"name": PORT_NAME, "containerPort": p, "protocol": "TCP"});
        append(
            &mut ops,
            &format!("{at}/ports"),
            container.ports.is_empty(),
            vec![entry],
        );
    }
    // The record: what this run adds, with what an earlier run added.
    let mut record = Added::of(dc).unwrap_or_default();
    record.container = c.container.to_string();
    for (k, _) in &env {
        if !record.env.contains(k) {
            record.env.push(k.clone());
        }
    }
    record.port = record.port.or(port);
    ops.push(annotate(dc, Some(&record)));
    Ok(Some(DcPatch {
        dc: c.dc.to_string(),
        container: c.container.to_string(),
        env,
        port,
        revert: false,
        rollout: starts_rollout(dc),
        ops,
    }))
}

/// `add` of `items` to the list at `path`: the whole list when there is none, else each at its
/// end.
fn append(ops: &mut Vec<Value>, path: &str, none_yet: bool, items: Vec<Value>) {
    if items.is_empty() {
        return;
    }
    if none_yet {
        ops.push(json!({"op": "add", "path": path, "value": items}));
    } else {
        for item in items {
            ops.push(json!({"op": "add", "path": format!("{path}/-"), "value": item}));
        }
    }
}

/// The operation that sets (or, with `None`, removes) the record annotation.
fn annotate(dc: &DeploymentConfig, record: Option<&Added>) -> Value {
    match record {
        Some(r) if dc.metadata.annotations.is_empty() => json!({
            "op": "add",
            "path": "/metadata/annotations",
            "value": {PATCH_ANNOTATION: r.text()},
        }),
        Some(r) => json!({
            "op": "add",
            "path": pointer("/metadata/annotations", PATCH_ANNOTATION),
            "value": r.text(),
        }),
        None => json!({"op": "remove", "path": pointer("/metadata/annotations", PATCH_ANNOTATION)}),
    }
}

/// What `enable` added to `dc` and is still there, taken back (the record with it); `None` when
/// `enable` never patched it.
pub(crate) fn revert(dc: &DeploymentConfig) -> Option<DcPatch> {
    let record = Added::of(dc)?;
    let template = dc.pod_template();
    let found = template
        .spec
        .containers
        .iter()
        .enumerate()
        .find(|(_, k)| k.name == record.container);
    let mut ops = Vec::new();
    let mut env = Vec::new();
    let mut port = None;
    if let Some((i, container)) = found {
        let at = format!("/spec/template/spec/containers/{i}");
        ops.push(json!({"op": "test", "path": format!("{at}/name"), "value": record.container}));
        let vars: Vec<usize> = (0..container.env.len())
            .filter(|j| record.env.contains(&container.env[*j].name))
            .collect();
        let names: Vec<&str> = vars
            .iter()
            .map(|j| container.env[*j].name.as_str())
            .collect();
        remove_items(
            &mut ops,
            &format!("{at}/env"),
            &vars,
            &names,
            container.env.len(),
        );
        env = vars
            .iter()
            .map(|j| {
                let e = &container.env[*j];
                (e.name.clone(), e.value.clone().unwrap_or_default())
            })
            .collect();
        let added = record.port.and_then(|number| {
            container
                .ports
                .iter()
                .position(|p| p.name == PORT_NAME && p.container_port == u32::from(number))
                .map(|j| (j, number))
        });
        if let Some((j, number)) = added {
            let path = format!("{at}/ports");
            remove_items(&mut ops, &path, &[j], &[PORT_NAME], container.ports.len());
            port = Some(number);
        }
    }
    if env.is_empty() && port.is_none() {
        // Nothing of it is left: only the record goes (no rollout).
        ops.clear();
    }
    ops.push(annotate(dc, None));
    Some(DcPatch {
        dc: dc.metadata.name.clone(),
        container: record.container,
        rollout: starts_rollout(dc) && !(env.is_empty() && port.is_none()),
        env,
        port,
        revert: true,
        ops,
    })
}

/// Removes the items at `indexes` (named `names`) of the list at `path` of `len` items, each
/// tested first; the list itself when nothing else is left in it (as before `enable` made it).
fn remove_items(ops: &mut Vec<Value>, path: &str, indexes: &[usize], names: &[&str], len: usize) {
    for (j, name) in indexes.iter().zip(names) {
        ops.push(json!({"op": "test", "path": format!("{path}/{j}/name"), "value": name}));
    }
    if indexes.is_empty() {
        return;
    }
    if indexes.len() == len {
        ops.push(json!({"op": "remove", "path": path}));
        return;
    }
    // From the last, so that each index still points where it was read.
    for j in indexes.iter().rev() {
        ops.push(json!({"op": "remove", "path": format!("{path}/{j}")}));
    }
}

impl DcPatch {
    /// Whether `dc`, read again, shows this patch made: what it adds there, what it removes
    /// gone (a change sent again after a transient failure must not be made twice).
    pub(crate) fn is_done(&self, dc: &DeploymentConfig) -> bool {
        let template = dc.pod_template();
        let container = template
            .spec
            .containers
            .iter()
            .find(|k| k.name == self.container);
        let Some(container) = container else {
            return self.revert;
        };
        let has_env = |name: &str| container.env.iter().any(|e| e.name == name);
        let has_port = container.ports.iter().any(|p| p.name == PORT_NAME);
        match self.revert {
            false => self.env.iter().all(|(k, _)| has_env(k)) && (self.port.is_none() || has_port),
            true => {
                Added::of(dc).is_none()
                    && self.env.iter().all(|(k, _)| !has_env(k))
                    && (self.port.is_none() || !has_port)
            }
        }
    }
}

impl fmt::Display for DcPatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if !self.env.is_empty() {
            let vars: Vec<String> = self.env.iter().map(|(k, v)| format!("{k}={v}")).collect();
            parts.push(format!("env {}", vars.join(", ")));
        }
        if let Some(p) = self.port {
            parts.push(format!("port {PORT_NAME} {p}/TCP"));
        }
        let verb = if self.revert { "remove" } else { "add" };
        let what = if parts.is_empty() {
            "its record of what monitoring enable added (nothing of it is left)".to_string()
        } else {
            parts.join(" and ")
        };
        let whose = if self.revert && !parts.is_empty() {
            " that monitoring enable added"
        } else {
            ""
        };
        let rollout = match (self.rollout, parts.is_empty()) {
            (_, true) => String::new(),
            (true, false) => format!("; starts a rollout of {}", self.dc),
            (false, false) => format!(
                "; {} has no ConfigChange trigger: the change waits for its next rollout",
                self.dc
            ),
        };
        write!(
            f,
            "patch dc/{} (container {}): {verb} {what}{whose}{rollout}",
            self.dc, self.container
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::kube;
    use crate::monitoring::components::component;

    fn dc(container: Value, annotations: Value) -> DeploymentConfig {
        kube::parse(&json!({
            "metadata": {"name": "backend-worker", "annotations": annotations},
            "spec": {"triggers": [{"type": "ConfigChange"}], "template": {"spec": {"containers": [container]}}}
        }))
    }

    #[test]
    fn only_what_is_missing_is_added_and_recorded() {
        let worker = component("backend-worker").unwrap();
        let bare = dc(json!({"name": "backend-worker"}), json!({}));
        let p = enable(worker, &bare).unwrap().unwrap();
        assert_eq!(p.port, Some(9421));
        assert_eq!(p.env.len(), 2);
        let paths: Vec<&str> = p.ops.iter().map(|o| o["path"].as_str().unwrap()).collect();
        assert_eq!(
            paths,
            [
                "/spec/template/spec/containers/0/name",
                "/spec/template/spec/containers/0/env",
                "/spec/template/spec/containers/0/ports",
                "/metadata/annotations"
            ]
        );
        assert_eq!(
            p.to_string(),
            "patch dc/backend-worker (container backend-worker): add env CONFIG_WORKER_PROMETHEUS_METRICS_ENABLED=true, CONFIG_WORKER_PROMETHEUS_METRICS_PORT=9421 and port metrics 9421/TCP; starts a rollout of backend-worker"
        );
        // One variable there already (set by a person): only the other is added, and recorded.
        let some = dc(
            json!({"name": "backend-worker", "env": [{"name": "CONFIG_WORKER_PROMETHEUS_METRICS_ENABLED", "value": "true"}],
                   "ports": [{"name": "metrics", "containerPort": 9421}]}),
            json!({"a": "b"}),
        );
        let p = enable(worker, &some).unwrap().unwrap();
        assert_eq!(
            p.env,
            [(
                "CONFIG_WORKER_PROMETHEUS_METRICS_PORT".to_string(),
                "9421".to_string()
            )]
        );
        assert_eq!(p.ops[1]["path"], "/spec/template/spec/containers/0/env/-");
        assert_eq!(
            p.ops.last().unwrap()["path"],
            "/metadata/annotations/threescale-install~1monitoring-patch"
        );
        let record: Added =
            serde_json::from_str(p.ops.last().unwrap()["value"].as_str().unwrap()).unwrap();
        assert_eq!(record.env, ["CONFIG_WORKER_PROMETHEUS_METRICS_PORT"]);
        assert_eq!(record.port, None, "the port was there before");
    }

    #[test]
    fn nothing_missing_is_no_patch_and_a_wrong_container_an_error() {
        let zync_que = component("zync-que").unwrap();
        let ready = dc(
            json!({"name": "que", "ports": [{"name": "metrics", "containerPort": 9394}]}),
            json!({}),
        );
        assert_eq!(enable(zync_que, &ready), Ok(None));
        let other = dc(json!({"name": "zync"}), json!({}));
        assert!(enable(zync_que, &other)
            .unwrap_err()
            .contains("no container que"));
    }

    #[test]
    fn revert_takes_back_what_the_record_names_and_is_still_there() {
        let record = Added {
            container: "backend-worker".into(),
            env: vec!["B".into(), "D".into()],
            port: Some(9421),
        };
        let patched = dc(
            json!({"name": "backend-worker",
                   "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}, {"name": "C", "value": "3"}, {"name": "D", "value": "4"}],
                   "ports": [{"name": "http", "containerPort": 3000}, {"name": "metrics", "containerPort": 9421}]}),
            json!({PATCH_ANNOTATION: record.text()}),
        );
        let p = revert(&patched).unwrap();
        let ops: Vec<String> = p
            .ops
            .iter()
            .map(|o| {
                format!(
                    "{} {}",
                    o["op"].as_str().unwrap(),
                    o["path"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(
            ops,
            [
                "test /spec/template/spec/containers/0/name",
                "test /spec/template/spec/containers/0/env/1/name",
                "test /spec/template/spec/containers/0/env/3/name",
                "remove /spec/template/spec/containers/0/env/3",
                "remove /spec/template/spec/containers/0/env/1",
                "test /spec/template/spec/containers/0/ports/1/name",
                "remove /spec/template/spec/containers/0/ports/1",
                "remove /metadata/annotations/threescale-install~1monitoring-patch",
            ]
        );
        // All of a list that enable made: the list goes (as before enable).
        let only = dc(
            json!({"name": "backend-worker", "env": [{"name": "B", "value": "2"}], "ports": [{"name": "metrics", "containerPort": 9421}]}),
            json!({PATCH_ANNOTATION: record.text()}),
        );
        let reverted = revert(&only).unwrap();
        let removed: Vec<&str> = reverted
            .ops
            .iter()
            .filter(|o| o["op"] == "remove")
            .map(|o| o["path"].as_str().unwrap())
            .collect();
        assert_eq!(
            removed,
            [
                "/spec/template/spec/containers/0/env",
                "/spec/template/spec/containers/0/ports",
                "/metadata/annotations/threescale-install~1monitoring-patch"
            ]
        );
        assert!(p.rollout);
        assert!(p.to_string().contains(
            "remove env B=2, D=4 and port metrics 9421/TCP that monitoring enable added"
        ));
        // Gone by hand already: only the record goes, and no rollout.
        let emptied = dc(
            json!({"name": "backend-worker"}),
            json!({PATCH_ANNOTATION: record.text()}),
        );
        let p = revert(&emptied).unwrap();
        assert_eq!(p.ops.len(), 1);
        assert!(!p.rollout);
        assert!(revert(&dc(json!({"name": "x"}), json!({}))).is_none());
    }
}
