//! The overview a person reads first: one table per kind, from the objects read (typed views,
//! never the raw JSON): deployment configs and their rollouts, pods, routes and their admission,
//! claims, image streams and their imports, events by time, Secrets by keys.

use super::bundle::Bundle;
use super::collect::event_time;
use crate::engine::kube::{self, Condition, ReplicationController, SecretObject};
use crate::engine::readiness::Snapshot;
use serde_json::Value;

/// The tables of everything read.
pub(crate) fn write(items: &[Value], secrets: &[SecretObject], bundle: &mut Bundle) {
    let snapshot = Snapshot::of_matching(items.to_vec(), |_| true);
    let rcs: Vec<ReplicationController> = items
        .iter()
        .filter(|i| kube::kind_of(i) == "ReplicationController")
        .map(kube::parse)
        .collect();
    bundle.add(
        "overview/deploymentconfigs.txt",
        &deployment_configs(&snapshot),
    );
    bundle.add(
        "overview/replicationcontrollers.txt",
        &replication_controllers(&rcs),
    );
    bundle.add("overview/pods.txt", &pods(&snapshot));
    bundle.add("overview/routes.txt", &routes(&snapshot));
    bundle.add("overview/claims.txt", &claims(&snapshot));
    bundle.add("overview/imagestreams.txt", &image_streams(&snapshot));
    bundle.add("overview/events.txt", &events(&snapshot));
    bundle.add("overview/secrets.txt", &secret_keys(secrets));
}

/// Columns padded to their widest cell.
fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let last = cells.len().saturating_sub(1);
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i == last {
                out.push_str(cell);
            } else {
                out.push_str(&format!("{cell:<w$}  "));
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    if rows.is_empty() {
        out.push_str("(none)\n");
    }
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

fn conditions(list: &[Condition]) -> String {
    list.iter()
        .map(|c| {
            let mut text = format!("{}={}", c.kind, c.status);
            if !c.reason.is_empty() {
                text.push_str(&format!(" ({})", c.reason));
            }
            text
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn deployment_configs(s: &Snapshot) -> String {
    let rows = s
        .dcs
        .iter()
        .map(|d| {
            let message = d
                .failed_rollout()
                .map(|c| format!("; {}", c.message))
                .unwrap_or_default();
            vec![
                d.metadata.name.clone(),
                d.status.latest_version.to_string(),
                d.spec.replicas.to_string(),
                d.status.updated_replicas.to_string(),
                d.status.available_replicas.to_string(),
                format!("{}{message}", conditions(&d.status.conditions)),
            ]
        })
        .collect();
    table(
        &[
            "NAME",
            "REVISION",
            "DESIRED",
            "UPDATED",
            "AVAILABLE",
            "CONDITIONS",
        ],
        rows,
    )
}

fn replication_controllers(rcs: &[ReplicationController]) -> String {
    let rows = rcs
        .iter()
        .map(|r| {
            vec![
                r.metadata.name.clone(),
                r.phase().to_string(),
                r.spec.replicas.to_string(),
                r.status.replicas.to_string(),
                r.status.ready_replicas.to_string(),
            ]
        })
        .collect();
    table(&["NAME", "PHASE", "DESIRED", "CURRENT", "READY"], rows)
}

fn pods(s: &Snapshot) -> String {
    let rows = s
        .pods
        .iter()
        .map(|p| {
            let all: Vec<&kube::ContainerStatus> = p
                .status
                .init_container_statuses
                .iter()
                .chain(&p.status.container_statuses)
                .collect();
            let ready = p
                .status
                .container_statuses
                .iter()
                .filter(|c| c.ready)
                .count();
            let restarts: u64 = all.iter().map(|c| c.restart_count).sum();
            let states: Vec<String> = all
                .iter()
                .filter_map(|c| {
                    let why = match (&c.state.waiting, &c.state.terminated) {
                        (Some(w), _) => w.reason.clone(),
                        (_, Some(t)) if t.exit_code != 0 => {
                            format!("{} (exit {})", t.reason, t.exit_code)
                        }
                        _ => return None,
                    };
                    Some(format!("{}: {why}", c.name))
                })
                .collect();
            vec![
                p.metadata.name.clone(),
                p.status.phase.clone(),
                format!("{ready}/{}", p.status.container_statuses.len()),
                restarts.to_string(),
                states.join(", "),
            ]
        })
        .collect();
    table(
        &[
            "NAME",
            "PHASE",
            "READY",
            "RESTARTS",
            "CONTAINERS NOT RUNNING",
        ],
        rows,
    )
}

fn routes(s: &Snapshot) -> String {
    let rows = s
        .routes
        .iter()
        .map(|r| {
            let admitted = match (r.is_admitted(), r.refusal()) {
                (true, _) => "yes".to_string(),
                (false, Some(c)) => format!("no: {}: {}", c.reason, c.message),
                (false, None) => "not yet".to_string(),
            };
            vec![
                r.metadata.name.clone(),
                r.spec.host.clone(),
                r.spec.to.name.clone(),
                admitted,
            ]
        })
        .collect();
    table(&["NAME", "HOST", "SERVICE", "ADMITTED"], rows)
}

fn claims(s: &Snapshot) -> String {
    let rows = s
        .claims
        .iter()
        .map(|c| {
            vec![
                c.metadata.name.clone(),
                c.status.phase.clone(),
                c.spec
                    .storage_class_name
                    .clone()
                    .unwrap_or_else(|| "(default)".into()),
                c.spec.access_modes.join(","),
            ]
        })
        .collect();
    table(&["NAME", "PHASE", "CLASS", "ACCESS MODES"], rows)
}

fn image_streams(s: &Snapshot) -> String {
    let mut rows = Vec::new();
    for is in &s.image_streams {
        for tag in &is.spec.tags {
            let status = is.status.tags.iter().find(|t| t.tag == tag.name);
            let imported = status.is_some_and(|t| !t.items.is_empty());
            let condition = status
                .and_then(|t| t.refused_import())
                .map(|c| format!("{}: {}", c.reason, c.message))
                .unwrap_or_default();
            rows.push(vec![
                format!("{}:{}", is.metadata.name, tag.name),
                tag.from
                    .as_ref()
                    .map(|f| f.name.clone())
                    .unwrap_or_default(),
                if imported { "yes" } else { "no" }.to_string(),
                condition,
            ]);
        }
    }
    table(&["TAG", "FROM", "IMPORTED", "IMPORT FAILURE"], rows)
}

fn events(s: &Snapshot) -> String {
    let mut events: Vec<&kube::Event> = s.events.iter().collect();
    events.sort_by_key(|e| event_time(e));
    let rows = events
        .iter()
        .map(|e| {
            vec![
                event_time(e),
                e.kind.clone(),
                e.reason.clone(),
                format!("{}/{}", e.involved_object.kind, e.involved_object.name),
                e.count.max(1).to_string(),
                e.message.replace('\n', " "),
            ]
        })
        .collect();
    table(
        &["LAST SEEN", "TYPE", "REASON", "OBJECT", "COUNT", "MESSAGE"],
        rows,
    )
}

fn secret_keys(secrets: &[SecretObject]) -> String {
    let rows = secrets
        .iter()
        .map(|s| {
            let keys: Vec<String> = s
                .key_lengths()
                .into_iter()
                .map(|(k, n)| match n {
                    Some(n) => format!("{k} ({n})"),
                    None => format!("{k} (not base64)"),
                })
                .collect();
            vec![s.metadata.name.clone(), s.kind.clone(), keys.join(", ")]
        })
        .collect();
    table(&["NAME", "TYPE", "KEYS (LENGTH IN BYTES)"], rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_tables_show_each_state_and_why() {
        let items = vec![
            json!({"kind": "DeploymentConfig", "metadata": {"name": "system-app"}, "spec": {"replicas": 1},
                "status": {"latestVersion": 2, "updatedReplicas": 1, "availableReplicas": 0, "conditions": [
                    {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": "replication controller \"system-app-2\" has failed progressing"}]}}),
            json!({"kind": "Pod", "metadata": {"name": "system-app-2-hook-pre"}, "status": {"phase": "Failed",
                "containerStatuses": [{"name": "lifecycle", "state": {"terminated": {"exitCode": 1, "reason": "Error"}}}]}}),
            json!({"kind": "Route", "metadata": {"name": "r"}, "spec": {"host": "h.apps.x", "to": {"name": "svc"}},
                "status": {"ingress": [{"conditions": [{"type": "Admitted", "status": "False", "reason": "HostAlreadyClaimed", "message": "held"}]}]}}),
        ];
        let snapshot = Snapshot::of_matching(items, |_| true);
        let dcs = deployment_configs(&snapshot);
        assert!(
            dcs.starts_with("NAME        REVISION  DESIRED  UPDATED  AVAILABLE  CONDITIONS\n"),
            "{dcs}"
        );
        assert!(dcs.contains("system-app  2         1        1        0          Progressing=False (ProgressDeadlineExceeded); replication controller \"system-app-2\" has failed progressing"), "{dcs}");
        assert!(
            pods(&snapshot).contains("Failed  0/1    0         lifecycle: Error (exit 1)"),
            "{}",
            pods(&snapshot)
        );
        assert!(routes(&snapshot).contains("no: HostAlreadyClaimed: held"));
        assert!(claims(&snapshot).contains("(none)"));
    }
}
