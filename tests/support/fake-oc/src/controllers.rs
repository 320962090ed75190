//! What the cluster's controllers do between two oc calls, decided from the state's switches:
//! deployment configs roll out (or not), and zync creates the portal and gateway routes once
//! system is up. No real time passes: each observation settles the project.

use crate::state::State;
use serde_json::{json, Value};

pub fn settle(st: &mut State, namespace: &str) {
    let overrides = st.rollout_overrides.clone();
    let default = st.rollout.clone();
    let Some(project) = st.projects.get_mut(namespace) else {
        return;
    };
    let mut all_ready = true;
    for dc in project
        .objects
        .iter_mut()
        .filter(|o| o["kind"] == "DeploymentConfig")
    {
        let name = dc["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let mode = overrides.get(&name).unwrap_or(&default).as_str();
        let replicas = dc["spec"]["replicas"].as_u64().unwrap_or(1);
        dc["status"] = match mode {
            "pending" => json!({"latestVersion": 0, "observedGeneration": 1, "replicas": 0}),
            "failed" => json!({
                "latestVersion": 1, "observedGeneration": 1, "replicas": replicas, "updatedReplicas": replicas,
                "availableReplicas": 0, "unavailableReplicas": replicas,
                "conditions": [
                    {"type": "Available", "status": "False", "message": "Deployment config does not have minimum availability."},
                    {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded",
                     "message": format!("replication controller \"{name}-1\" has failed progressing")}
                ]
            }),
            _ => json!({
                "latestVersion": 1, "observedGeneration": 1, "replicas": replicas, "updatedReplicas": replicas,
                "availableReplicas": replicas, "readyReplicas": replicas, "unavailableReplicas": 0,
                "conditions": [
                    {"type": "Available", "status": "True", "message": "Deployment config has minimum availability."},
                    {"type": "Progressing", "status": "True", "reason": "NewReplicationControllerAvailable",
                     "message": format!("replication controller \"{name}-1\" successfully rolled out")}
                ]
            }),
        };
        all_ready &= mode == "ready";
    }
    // The router admits every route it sees.
    for route in project
        .objects
        .iter_mut()
        .filter(|o| o["kind"] == "Route" && o["status"]["ingress"].is_null())
    {
        let host = route["spec"]["host"].clone();
        route["status"] = json!({"ingress": [{"host": host, "routerName": "default",
            "conditions": [{"type": "Admitted", "status": "True"}]}]});
    }
    let has_dcs = project
        .objects
        .iter()
        .any(|o| o["kind"] == "DeploymentConfig");
    if has_dcs && all_ready {
        create_zync_routes(&mut project.objects, namespace);
    }
}

fn seed_value(objects: &[Value], key: &str) -> Option<String> {
    use base64::Engine;
    let seed = objects
        .iter()
        .find(|o| o["kind"] == "Secret" && o["metadata"]["name"] == "system-seed")?;
    let raw = seed["data"][key].as_str()?;
    String::from_utf8(base64::engine::general_purpose::STANDARD.decode(raw).ok()?).ok()
}

/// Zync's routes: `zync-3scale-<kind>-<suffix>`, labelled `zync.3scale.net/route-to=<service>`.
fn create_zync_routes(objects: &mut Vec<Value>, namespace: &str) {
    if objects
        .iter()
        .any(|o| !o["metadata"]["labels"]["zync.3scale.net/route-to"].is_null())
    {
        return;
    }
    let (Some(tenant), Some(master)) = (
        seed_value(objects, "TENANT_NAME"),
        seed_value(objects, "MASTER_DOMAIN"),
    ) else {
        return;
    };
    let Some(domain) = objects
        .iter()
        .find(|o| o["kind"] == "Route" && o["metadata"]["name"] == "backend")
        .and_then(|r| r["spec"]["host"].as_str())
        .and_then(|h| {
            h.strip_prefix(&format!("backend-{tenant}."))
                .map(str::to_string)
        })
    else {
        return;
    };
    let routes = [
        (
            "provider",
            "system-provider",
            format!("{tenant}-admin.{domain}"),
            "k2v7q",
        ),
        (
            "provider",
            "system-developer",
            format!("{tenant}.{domain}"),
            "fr9bk",
        ),
        (
            "master",
            "system-master",
            format!("{master}.{domain}"),
            "wpct6",
        ),
        (
            "api",
            "apicast-staging",
            format!("api-{tenant}-apicast-staging.{domain}"),
            "rgskr",
        ),
        (
            "api",
            "apicast-production",
            format!("api-{tenant}-apicast-production.{domain}"),
            "jk8pl",
        ),
    ];
    for (kind, service, host, suffix) in routes {
        objects.push(json!({
            "apiVersion": "route.openshift.io/v1", "kind": "Route",
            "metadata": {"name": format!("zync-3scale-{kind}-{suffix}"), "namespace": namespace,
                         "labels": {"zync.3scale.net/route-to": service}},
            "spec": {"host": host, "to": {"kind": "Service", "name": service}, "tls": {"termination": "edge"}},
            "status": {"ingress": [{"host": host, "conditions": [{"type": "Admitted", "status": "True"}]}]}
        }));
    }
}
