//! What the cluster's controllers do between two oc calls, decided from the state's switches.
//! No real time passes: each `get` in a project is one "tick", and switches say how many ticks
//! a rollout takes or what breaks.
//!
//! - image streams import their tags, or fail with `import_failure` (the registry's message);
//! - claims bind, or stay Pending with a ProvisioningFailed event (`pvc_pending`: claim → message);
//! - deployment configs follow `rollout` / `rollout_overrides`: "ready", "pending" (waiting on
//!   image update), "failed" (progress deadline exceeded), "ready-after:N" (rolling out for N
//!   ticks), "hook-failed" (pre hook pod failing, with a log), "image-pull-backoff",
//!   "unschedulable" (FailedScheduling: insufficient cpu), "quota" (FailedCreate: exceeded quota);
//! - the router admits routes, or refuses hosts listed in `claimed_hosts` (HostAlreadyClaimed);
//! - zync creates the portal and gateway routes once every deployment config is ready, and the
//!   portal routes of each tenant in `zync_tenants` after its `looks`;
//! - with `service_account_controller`, a project gets `builder`, `default` and `deployer` at its
//!   first look after creation (real OpenShift makes them moments after `oc new-project`, so a
//!   command right after it may not find them yet).

use crate::state::{State, ZyncTenant};
use serde_json::{json, Value};

pub fn settle(st: &mut State, namespace: &str) {
    let service_accounts = st.service_account_controller;
    if !st.projects.contains_key(namespace) {
        return;
    }
    // Tenants zync heard of: due now, or one look nearer.
    let mut due: Vec<ZyncTenant> = Vec::new();
    st.zync_tenants.retain_mut(|t| {
        if t.namespace != namespace {
            return true;
        }
        if t.looks == 0 {
            due.push(t.clone());
            return false;
        }
        t.looks -= 1;
        true
    });
    let Some(project) = st.projects.get_mut(namespace) else {
        return;
    };
    if service_accounts {
        for sa in ["builder", "default", "deployer"] {
            let exists = project
                .objects
                .iter()
                .any(|o| o["kind"] == "ServiceAccount" && o["metadata"]["name"] == sa);
            if !exists {
                project.objects.push(json!({"apiVersion": "v1", "kind": "ServiceAccount",
                    "metadata": {"name": sa, "namespace": namespace, "uid": format!("uid-serviceaccounts-{sa}")}}));
            }
        }
    }
    project.ticks += 1;
    let tick = project.ticks;
    let overrides = st.rollout_overrides.clone();
    let default = st.rollout.clone();
    let import_failure = st.import_failure.clone();
    let pvc_pending = st.pvc_pending.clone();
    let claimed = st.claimed_hosts.clone();
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0);
    let not_yet = st.ready_at_ms.is_some_and(|at| now_ms < at);
    let objects = &mut project.objects;

    for is in objects.iter_mut().filter(|o| o["kind"] == "ImageStream") {
        let tags: Vec<Value> = is["spec"]["tags"].as_array().cloned().unwrap_or_default();
        let status: Vec<Value> = tags
            .iter()
            .filter(|t| t["from"]["kind"] == "DockerImage")
            .map(|t| {
                let image = t["from"]["name"].as_str().unwrap_or_default();
                match &import_failure {
                    Some(message) => json!({"tag": t["name"], "items": null, "conditions": [{
                        "type": "ImportSuccess", "status": "False", "reason": "Unauthorized",
                        "message": message.replace("{image}", image), "generation": 2}]}),
                    None => json!({"tag": t["name"], "items": [{"dockerImageReference": format!("{image}@sha256:0123"), "image": "sha256:0123", "generation": 2}]}),
                }
            })
            .collect();
        is["status"] = json!({"dockerImageRepository": format!("image-registry.openshift-image-registry.svc:5000/{namespace}/{}", is["metadata"]["name"].as_str().unwrap_or_default()), "tags": status});
    }

    let mut events = Vec::new();
    for pvc in objects
        .iter_mut()
        .filter(|o| o["kind"] == "PersistentVolumeClaim")
    {
        let name = pvc["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        match pvc_pending.get(&name) {
            Some(message) => {
                pvc["status"] = json!({"phase": "Pending"});
                events.push(event(
                    namespace,
                    "PersistentVolumeClaim",
                    &name,
                    "Warning",
                    "ProvisioningFailed",
                    message,
                ));
            }
            None => {
                pvc["status"] = json!({"phase": "Bound", "accessModes": pvc["spec"]["accessModes"], "capacity": {"storage": pvc["spec"]["resources"]["requests"]["storage"]}})
            }
        }
    }

    let mut pods = Vec::new();
    let mut all_ready = true;
    for dc in objects
        .iter_mut()
        .filter(|o| o["kind"] == "DeploymentConfig")
    {
        let name = dc["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let mode = overrides.get(&name).unwrap_or(&default).clone();
        let mode = if not_yet { "rolling".to_string() } else { mode };
        let replicas = dc["spec"]["replicas"].as_u64().unwrap_or(1);
        let mode = match mode
            .strip_prefix("ready-after:")
            .and_then(|n| n.parse::<u64>().ok())
        {
            Some(n) if tick > n => "ready".to_string(),
            Some(_) => "rolling".to_string(),
            None => mode,
        };
        if import_failure.is_some() {
            dc["status"] = json!({"latestVersion": 0, "observedGeneration": 1, "replicas": 0});
            all_ready = false;
            continue;
        }
        let (status, ready) = dc_status(&name, replicas, &mode);
        dc["status"] = status;
        all_ready &= ready;
        let pod_name = format!("{name}-1-abcde");
        match mode.as_str() {
            "hook-failed" => pods.push(json!({"apiVersion": "v1", "kind": "Pod",
                "metadata": {"name": format!("{name}-1-hook-pre"), "namespace": namespace, "labels": {"openshift.io/deployer-pod-for.name": format!("{name}-1")}},
                "status": {"phase": "Failed", "containerStatuses": [{"name": "lifecycle", "state": {"terminated": {"exitCode": 1, "reason": "Error"}}}]}})),
            "image-pull-backoff" => pods.push(json!({"apiVersion": "v1", "kind": "Pod",
                "metadata": {"name": pod_name, "namespace": namespace, "labels": {"deploymentconfig": name}},
                "status": {"phase": "Pending", "containerStatuses": [{"name": name, "ready": false, "state": {"waiting": {"reason": "ImagePullBackOff",
                    "message": "Back-off pulling image \"registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8\""}}}]}})),
            "unschedulable" => {
                pods.push(json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": pod_name, "namespace": namespace, "labels": {"deploymentconfig": name}},
                    "status": {"phase": "Pending", "conditions": [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable"}]}}));
                events.push(event(namespace, "Pod", &pod_name, "Warning", "FailedScheduling", "0/6 nodes are available: 3 Insufficient cpu, 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }."));
            }
            "quota" => events.push(event(namespace, "ReplicationController", &format!("{name}-1"), "Warning", "FailedCreate",
                &format!("Error creating: pods \"{pod_name}\" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=3750m, limited: requests.cpu=4"))),
            _ => {}
        }
    }
    objects.retain(|o| o["kind"] != "Pod" && o["kind"] != "Event");
    objects.extend(pods);
    objects.extend(events);

    for route in objects.iter_mut().filter(|o| o["kind"] == "Route") {
        let host = route["spec"]["host"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let condition = if claimed.contains(&host) {
            json!({"type": "Admitted", "status": "False", "reason": "HostAlreadyClaimed", "message": format!("route {} already exposes {host} and is older", "zync-3scale-provider-other")})
        } else {
            json!({"type": "Admitted", "status": "True"})
        };
        route["status"] = json!({"ingress": [{"host": host, "routerName": "default", "conditions": [condition]}]});
    }
    let has_dcs = objects.iter().any(|o| o["kind"] == "DeploymentConfig");
    if has_dcs && all_ready {
        create_zync_routes(objects, namespace, &claimed);
    }
    for t in &due {
        create_tenant_routes(objects, namespace, &claimed, t);
    }
}

/// zync's routes of a tenant's portals (`build_provider_routes`, 3scale-2.8.0-GA): generated
/// names `zync-3scale-provider-*`, the root owner's labels, `labels_for_provider`, the
/// `zync.3scale.net/route-to` service, and the gid and host annotations.
fn create_tenant_routes(
    objects: &mut Vec<Value>,
    namespace: &str,
    claimed: &[String],
    t: &ZyncTenant,
) {
    use base64::Engine;
    let owner_labels = objects
        .iter()
        .find(|o| o["kind"] == "DeploymentConfig" && o["metadata"]["name"] == "zync-que")
        .map(|o| o["metadata"]["labels"].clone())
        .unwrap_or_else(|| json!({}));
    let gid = format!("gid://system/Provider/{}", t.id);
    let record = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&gid);
    for (service, host, suffix) in [
        ("system-developer", &t.domain, "d"),
        ("system-provider", &t.admin_domain, "a"),
    ] {
        if objects
            .iter()
            .any(|o| o["kind"] == "Route" && o["spec"]["host"] == host.as_str())
        {
            continue;
        }
        let mut labels = owner_labels.clone();
        labels["3scale.net/created-by"] = json!("zync");
        labels["3scale.net/tenant_id"] = json!(t.id.to_string());
        labels["zync.3scale.net/record"] = json!(record);
        labels["zync.3scale.net/ingress"] = json!("provider");
        labels["3scale.net/provider_id"] = json!(t.id.to_string());
        labels["zync.3scale.net/route-to"] = json!(service);
        let condition = if claimed.contains(host) {
            json!({"type": "Admitted", "status": "False", "reason": "HostAlreadyClaimed", "message": "route zync-3scale-provider-older already exposes the host and is older"})
        } else {
            json!({"type": "Admitted", "status": "True"})
        };
        // The API lists by name, and generated names may sort before the install's own routes:
        // the tenant's come first here, the case a client must not get wrong.
        objects.insert(0, json!({
            "apiVersion": "route.openshift.io/v1", "kind": "Route",
            "metadata": {"name": format!("zync-3scale-provider-t{}{suffix}", t.id), "namespace": namespace,
                         "labels": labels,
                         "annotations": {"zync.3scale.net/gid": gid, "zync.3scale.net/host": host}},
            "spec": {"host": host, "port": {"targetPort": "http"},
                     "to": {"kind": "Service", "name": service},
                     "tls": {"termination": "edge", "insecureEdgeTerminationPolicy": "Redirect"}},
            "status": {"ingress": [{"host": host, "routerName": "default", "conditions": [condition]}]}
        }));
    }
}

fn dc_status(name: &str, replicas: u64, mode: &str) -> (Value, bool) {
    let progressing = |status: &str, reason: &str, message: String| json!({"type": "Progressing", "status": status, "reason": reason, "message": message});
    match mode {
        "ready" => (
            json!({"latestVersion": 1, "observedGeneration": 1, "replicas": replicas, "updatedReplicas": replicas,
                "availableReplicas": replicas, "readyReplicas": replicas, "unavailableReplicas": 0,
                "conditions": [{"type": "Available", "status": "True", "message": "Deployment config has minimum availability."},
                    progressing("True", "NewReplicationControllerAvailable", format!("replication controller \"{name}-1\" successfully rolled out"))]}),
            true,
        ),
        "pending" => (
            json!({"latestVersion": 0, "observedGeneration": 1, "replicas": 0}),
            false,
        ),
        "failed" => (
            json!({"latestVersion": 1, "observedGeneration": 1, "replicas": replicas, "updatedReplicas": replicas, "availableReplicas": 0,
                "unavailableReplicas": replicas,
                "conditions": [{"type": "Available", "status": "False", "message": "Deployment config does not have minimum availability."},
                    progressing("False", "ProgressDeadlineExceeded", format!("replication controller \"{name}-1\" has failed progressing"))]}),
            false,
        ),
        _ => (
            json!({"latestVersion": 1, "observedGeneration": 1, "replicas": replicas, "updatedReplicas": replicas, "availableReplicas": 0,
                "unavailableReplicas": replicas,
                "conditions": [{"type": "Available", "status": "False", "message": "Deployment config does not have minimum availability."},
                    progressing("True", "ReplicationControllerUpdated", format!("replication controller \"{name}-1\" is progressing"))]}),
            false,
        ),
    }
}

fn event(
    namespace: &str,
    kind: &str,
    name: &str,
    severity: &str,
    reason: &str,
    message: &str,
) -> Value {
    json!({"apiVersion": "v1", "kind": "Event",
        "metadata": {"name": format!("{name}.{}", reason.to_lowercase()), "namespace": namespace},
        "involvedObject": {"kind": kind, "name": name, "namespace": namespace},
        "type": severity, "reason": reason, "message": message, "count": 1})
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
fn create_zync_routes(objects: &mut Vec<Value>, namespace: &str, claimed: &[String]) {
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
    // zync copies the labels of its root owner (the zync-que deployment config) and adds its own
    // (`app/services/integration/kubernetes_service.rb`, 3scale-2.8.0-GA).
    let owner_labels = objects
        .iter()
        .find(|o| o["kind"] == "DeploymentConfig" && o["metadata"]["name"] == "zync-que")
        .map(|o| o["metadata"]["labels"].clone())
        .unwrap_or_else(|| json!({}));
    for (kind, service, host, suffix) in routes {
        let condition = if claimed.contains(&host) {
            json!({"type": "Admitted", "status": "False", "reason": "HostAlreadyClaimed", "message": "route zync-3scale-provider-older already exposes the host and is older"})
        } else {
            json!({"type": "Admitted", "status": "True"})
        };
        let mut labels = owner_labels.clone();
        labels["3scale.net/created-by"] = json!("zync");
        labels["3scale.net/tenant_id"] = json!(if kind == "master" { "1" } else { "2" });
        labels["zync.3scale.net/ingress"] = json!(if kind == "api" { "proxy" } else { "provider" });
        labels["zync.3scale.net/route-to"] = json!(service);
        objects.push(json!({
            "apiVersion": "route.openshift.io/v1", "kind": "Route",
            "metadata": {"name": format!("zync-3scale-{kind}-{suffix}"), "namespace": namespace,
                         "labels": labels},
            "spec": {"host": host, "to": {"kind": "Service", "name": service}, "tls": {"termination": "edge"}},
            "status": {"ingress": [{"host": host, "routerName": "default", "conditions": [condition]}]}
        }));
    }
}

/// `oc logs` of the pods the controllers made.
pub fn pod_log(pod: &str) -> Option<String> {
    pod.ends_with("-hook-pre").then(|| {
        "--> pre: Running hook pod ...\nrake aborted!\nMysql2::Error::ConnectionError: Access denied for user 'mysql'@'10.128.2.15' (using password: YES)\n--> pre: Retrying hook pod (retry #3)\n".to_string()
    })
}
