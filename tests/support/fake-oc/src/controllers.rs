//! What the cluster's controllers do between two oc calls, decided from the state's switches.
//! No real time passes: each `get` in a project is one "tick", and switches say how many ticks
//! a rollout takes or what breaks. The objects they write have the shapes OpenShift gives them
//! (the reality tier compares them with the simulated OpenShift's: tests/reality/cases/fake_oc.rs).
//!
//! - image streams import their tags (references follow their target), or fail with
//!   `import_failure` (the registry's message), or, with `registry_login`, fail for that
//!   registry's images unless a pull secret of the project holds its login; a failed import is
//!   never tried again on its own (only `oc import-image` does);
//! - claims bind when their class's provisioner supports their access modes, under
//!   WaitForFirstConsumer only once a pod of a deployment config uses them; or stay Pending
//!   with a ProvisioningFailed event (`pvc_pending`: claim → message, or an access mode the
//!   provisioner does not have);
//! - deployment configs follow `rollout` / `rollout_overrides`: "ready", "pending" (waiting on
//!   image update), "failed" (progress deadline exceeded), "ready-after:N" (rolling out for N
//!   ticks), "hook-failed" (pre hook pod failing, with a log), "image-pull-backoff",
//!   "unschedulable" (FailedScheduling: insufficient cpu), "quota" (FailedCreate: exceeded quota);
//! - the router admits routes, or refuses hosts listed in `claimed_hosts` (HostAlreadyClaimed);
//! - zync creates the portal and gateway routes once system-app (and zync-que, when the template
//!   has it) is ready, as zync 2.8 names and labels them, and the portal routes of each tenant in
//!   `zync_tenants` after its `looks`;
//! - new projects have `builder`, `default` and `deployer` at once, or, with
//!   `service_account_controller`, at their first look after creation (real OpenShift makes them
//!   moments after `oc new-project`, so a command right after it may not find them yet).

use crate::clock::now_rfc3339;
use crate::state::{State, ZyncTenant};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

/// Access modes a provisioner can bind (what the simulated OpenShift's scenarios use).
const PROVISIONER_MODES: &[(&str, &[&str])] = &[
    ("kubernetes.io/aws-ebs", &["ReadWriteOnce"]),
    ("ebs.csi.aws.com", &["ReadWriteOnce"]),
    ("kubernetes.io/azure-disk", &["ReadWriteOnce"]),
    ("disk.csi.azure.com", &["ReadWriteOnce"]),
    ("kubernetes.io/gce-pd", &["ReadWriteOnce", "ReadOnlyMany"]),
    ("pd.csi.storage.gke.io", &["ReadWriteOnce", "ReadOnlyMany"]),
    ("kubernetes.io/cinder", &["ReadWriteOnce"]),
    ("cinder.csi.openstack.org", &["ReadWriteOnce"]),
    ("kubernetes.io/vsphere-volume", &["ReadWriteOnce"]),
    ("csi.vsphere.vmware.com", &["ReadWriteOnce"]),
    ("openshift-storage.rbd.csi.ceph.com", &["ReadWriteOnce"]),
];
const ALL_MODES: &[&str] = &["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"];

fn modes_of(provisioner: &str) -> &'static [&'static str] {
    PROVISIONER_MODES
        .iter()
        .find(|(p, _)| *p == provisioner)
        .map(|(_, m)| *m)
        .unwrap_or(ALL_MODES)
}

/// A made-up image digest of a reference (no registry is contacted).
fn digest(reference: &str) -> String {
    let mut out = String::from("sha256:");
    for salt in 0..4u8 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (reference, salt).hash(&mut h);
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

fn name_of(o: &Value) -> String {
    o["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

pub fn settle(st: &mut State, namespace: &str) {
    if !st.projects.contains_key(namespace) {
        return;
    }
    if st.service_account_controller {
        crate::server::default_service_accounts(st, namespace);
    }
    let classes = st.storage_classes.clone();
    let domain = st.ingress_domain.clone().unwrap_or_default();
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
    let refuse = Refusal::of(st, namespace);
    let Some(project) = st.projects.get_mut(namespace) else {
        return;
    };
    project.ticks += 1;
    let tick = project.ticks;
    let overrides = st.rollout_overrides.clone();
    let default = st.rollout.clone();
    let pvc_pending = st.pvc_pending.clone();
    let claimed = st.claimed_hosts.clone();
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0);
    let not_yet = st.ready_at_ms.is_some_and(|at| now_ms < at);
    let pods_of_ready = st.pods_of_ready_dcs;
    let pod_logs = st.pod_logs.clone();
    let objects = &mut project.objects;

    import_images(objects, namespace, &|image| refuse.message(image));
    let images_failed = objects
        .iter()
        .filter(|o| o["kind"] == "ImageStream")
        .any(has_failed_tag);

    // What each deployment config does this tick.
    let mode_of = |name: &str| {
        let mode = overrides.get(name).unwrap_or(&default).clone();
        let mode = if not_yet { "rolling".to_string() } else { mode };
        match mode
            .strip_prefix("ready-after:")
            .and_then(|n| n.parse::<u64>().ok())
        {
            Some(n) if tick > n => "ready".to_string(),
            Some(_) => "rolling".to_string(),
            None => mode,
        }
    };
    let modes: Vec<(String, String)> = objects
        .iter()
        .filter(|o| o["kind"] == "DeploymentConfig")
        .map(|o| {
            let name = name_of(o);
            let mode = if images_failed {
                "pending".to_string()
            } else {
                mode_of(&name)
            };
            (name, mode)
        })
        .collect();
    // Claims a rolled-out deployment config's pods mount (their first consumers).
    let consumed: Vec<String> = objects
        .iter()
        .filter(|o| o["kind"] == "DeploymentConfig")
        .filter(|o| {
            modes
                .iter()
                .any(|(n, m)| *n == name_of(o) && m != "pending")
        })
        .flat_map(|o| {
            o["spec"]["template"]["spec"]["volumes"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|v| {
            v["persistentVolumeClaim"]["claimName"]
                .as_str()
                .map(str::to_string)
        })
        .collect();

    let mut events = Vec::new();
    for pvc in objects
        .iter_mut()
        .filter(|o| o["kind"] == "PersistentVolumeClaim")
    {
        if pvc["status"]["phase"] == "Bound" {
            continue;
        }
        let name = name_of(pvc);
        if let Some(message) = pvc_pending.get(&name) {
            pvc["status"] = json!({"phase": "Pending"});
            events.push(event(
                namespace,
                "PersistentVolumeClaim",
                &name,
                "Warning",
                "ProvisioningFailed",
                message,
            ));
            continue;
        }
        let class_name = pvc["spec"]["storageClassName"].as_str().map(str::to_string);
        let class = class_name
            .as_deref()
            .and_then(|n| classes.iter().find(|c| c.name == n))
            .or_else(|| {
                class_name
                    .is_none()
                    .then(|| classes.iter().find(|c| c.default))
                    .flatten()
            });
        let Some(class) = class else {
            pvc["status"] = json!({"phase": "Pending"});
            continue;
        };
        if class.binding_mode() == "WaitForFirstConsumer" && !consumed.contains(&name) {
            pvc["status"] = json!({"phase": "Pending"});
            events.push(event(
                namespace,
                "PersistentVolumeClaim",
                &name,
                "Normal",
                "WaitForFirstConsumer",
                "waiting for first consumer to be created before binding",
            ));
            continue;
        }
        let supported = modes_of(&class.provisioner);
        let requested: Vec<String> = pvc["spec"]["accessModes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m.as_str().map(str::to_string))
            .collect();
        if let Some(bad) = requested.iter().find(|m| !supported.contains(&m.as_str())) {
            let message = if class.provisioner.starts_with("kubernetes.io/") {
                format!(
                    "Failed to provision volume with StorageClass \"{}\": invalid AccessModes [{bad}]: only AccessModes [{}] are supported",
                    class.name,
                    supported.join(" ")
                )
            } else {
                let csi = match bad.as_str() {
                    "ReadWriteMany" => "MULTI_NODE_MULTI_WRITER",
                    "ReadOnlyMany" => "MULTI_NODE_READER_ONLY",
                    _ => "SINGLE_NODE_WRITER",
                };
                format!(
                    "failed to provision volume with StorageClass \"{}\": rpc error: code = InvalidArgument desc = Volume capabilities {csi} not supported. Only AccessModes[{}] supported.",
                    class.name,
                    supported.join(",")
                )
            };
            pvc["status"] = json!({"phase": "Pending"});
            events.push(event(
                namespace,
                "PersistentVolumeClaim",
                &name,
                "Warning",
                "ProvisioningFailed",
                &message,
            ));
            continue;
        }
        let uid = pvc["metadata"]["uid"].as_str().unwrap_or("0").to_string();
        let provisioner = class.provisioner.clone();
        pvc["spec"]["volumeName"] = json!(format!("pvc-{uid}"));
        let annotations = &mut pvc["metadata"]["annotations"];
        annotations["pv.kubernetes.io/bind-completed"] = json!("yes");
        annotations["pv.kubernetes.io/bound-by-controller"] = json!("yes");
        annotations["volume.beta.kubernetes.io/storage-provisioner"] = json!(provisioner);
        annotations["volume.kubernetes.io/storage-provisioner"] = json!(provisioner);
        if pvc["metadata"]["finalizers"].is_null() {
            pvc["metadata"]["finalizers"] = json!(["kubernetes.io/pvc-protection"]);
        }
        pvc["status"] = json!({"phase": "Bound", "accessModes": pvc["spec"]["accessModes"],
            "capacity": {"storage": pvc["spec"]["resources"]["requests"]["storage"]}});
    }

    let streams: Vec<Value> = objects
        .iter()
        .filter(|o| o["kind"] == "ImageStream")
        .cloned()
        .collect();
    let mut pods = Vec::new();
    let mut ready_dcs: Vec<String> = Vec::new();
    for dc in objects
        .iter_mut()
        .filter(|o| o["kind"] == "DeploymentConfig")
    {
        let name = name_of(dc);
        let mode = modes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, m)| m.clone())
            .unwrap_or_default();
        let replicas = dc["spec"]["replicas"].as_u64().unwrap_or(1);
        let generation = dc["metadata"]["generation"].as_u64().unwrap_or(1);
        if mode == "pending" {
            dc["status"] = json!({"latestVersion": 0, "observedGeneration": generation,
                "replicas": 0, "updatedReplicas": 0, "availableReplicas": 0, "unavailableReplicas": 0,
                "conditions": [condition("Available", "False", "", "Deployment config does not have minimum availability.")]});
            continue;
        }
        let details = roll_out_images(dc, &streams);
        // A change of the pod template (`oc patch`) started another rollout.
        let latest = dc["status"]["latestVersion"].as_u64().unwrap_or(0).max(1);
        let (status, ready) = dc_status(&name, replicas, (generation, latest), &mode, details);
        dc["status"] = keep_times(&dc["status"], status);
        if ready {
            ready_dcs.push(name.clone());
            if pods_of_ready {
                pods.extend(rolled_out(dc, namespace, &pod_logs));
            }
        }
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
    objects.retain(|o| {
        o["kind"] != "Pod"
            && o["kind"] != "Event"
            && !(pods_of_ready && o["kind"] == "ReplicationController")
    });
    objects.extend(pods);
    objects.extend(events);

    for route in objects.iter_mut().filter(|o| o["kind"] == "Route") {
        let host = route["spec"]["host"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        if claimed.contains(&host) {
            route["status"] = json!({"ingress": [{"host": host, "routerName": "default", "wildcardPolicy": "None",
                "routerCanonicalHostname": format!("router-default.{domain}"),
                "conditions": [{"type": "Admitted", "status": "False", "reason": "HostAlreadyClaimed",
                    "message": format!("route {} already exposes {host} and is older", "zync-3scale-provider-other"),
                    "lastTransitionTime": now_rfc3339()}]}]});
        } else if route["status"]["ingress"].is_null() {
            route["status"] = json!({"ingress": [{"host": host, "routerName": "default", "wildcardPolicy": "None",
                "routerCanonicalHostname": format!("router-default.{domain}"),
                "conditions": [{"type": "Admitted", "status": "True", "lastTransitionTime": now_rfc3339()}]}]});
        }
    }
    let has = |n: &str| modes.iter().any(|(m, _)| m == n);
    let ready = |n: &str| ready_dcs.iter().any(|m| m == n);
    if ready("system-app") && (!has("zync-que") || ready("zync-que")) {
        create_zync_routes(st, namespace);
    }
    for t in &due {
        create_tenant_routes(st, namespace, t);
    }
}

/// zync's routes of a tenant's portals (`build_provider_routes`, 3scale-2.8.0-GA): generated
/// names `zync-3scale-provider-*`, the root owner's labels, `labels_for_provider`, the
/// `zync.3scale.net/route-to` service, and the gid and host annotations.
fn create_tenant_routes(st: &mut State, namespace: &str, t: &ZyncTenant) {
    use base64::Engine;
    let claimed = st.claimed_hosts.clone();
    let Some(project) = st.projects.get_mut(namespace) else {
        return;
    };
    let objects = &mut project.objects;
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

/// Keeps the condition times of a status that did not change in substance.
fn keep_times(old: &Value, mut new: Value) -> Value {
    if let (Some(old_c), Some(new_c)) = (
        old["conditions"].as_array(),
        new["conditions"].as_array_mut(),
    ) {
        for c in new_c {
            if let Some(o) = old_c
                .iter()
                .find(|o| o["type"] == c["type"] && o["status"] == c["status"])
            {
                if o["reason"] == c["reason"] && o["message"] == c["message"] {
                    *c = o.clone();
                } else {
                    c["lastTransitionTime"] = o["lastTransitionTime"].clone();
                }
            }
        }
    }
    new
}

/// Whether a registry refuses an image, and with which message: decided from the state's
/// switches and the pull secrets of the project, as the image importer uses them.
pub struct Refusal {
    every: Option<String>,
    login: Option<crate::state::RegistryLogin>,
    /// (host, username, password) of every dockercfg / dockerconfigjson secret of the project.
    held: Vec<(String, String, String)>,
}

impl Refusal {
    pub fn of(st: &State, namespace: &str) -> Refusal {
        let held = st
            .projects
            .get(namespace)
            .map(|p| pull_logins(&p.objects))
            .unwrap_or_default();
        Refusal {
            every: st.import_failure.clone(),
            login: st.registry_login.clone(),
            held,
        }
    }

    /// The registry's message when it refuses `image`.
    pub fn message(&self, image: &str) -> Option<String> {
        let text = |default: String| {
            self.every
                .clone()
                .unwrap_or(default)
                .replace("{image}", image)
        };
        match &self.login {
            None => self.every.as_ref().map(|m| m.replace("{image}", image)),
            Some(l) if image.split('/').next() != Some(l.host.as_str()) => None,
            Some(l) => {
                let let_in = self
                    .held
                    .iter()
                    .any(|(h, u, p)| *h == l.host && *u == l.username && *p == l.password);
                (!let_in).then(|| {
                    text(format!(
                        "you may not have access to the container image \"{image}\""
                    ))
                })
            }
        }
    }
}

/// The registry logins the project's pull secrets hold.
fn pull_logins(objects: &[Value]) -> Vec<(String, String, String)> {
    use base64::Engine;
    let b64 = |v: &Value| {
        v.as_str()
            .and_then(|t| base64::engine::general_purpose::STANDARD.decode(t).ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    let mut out = Vec::new();
    for secret in objects.iter().filter(|o| o["kind"] == "Secret") {
        let config = match secret["type"].as_str() {
            Some("kubernetes.io/dockerconfigjson") => b64(&secret["data"][".dockerconfigjson"])
                .and_then(|t| serde_json::from_str::<Value>(&t).ok())
                .map(|v| v["auths"].clone()),
            Some("kubernetes.io/dockercfg") => b64(&secret["data"][".dockercfg"])
                .and_then(|t| serde_json::from_str::<Value>(&t).ok()),
            _ => None,
        };
        let Some(Value::Object(auths)) = config else {
            continue;
        };
        for (host, entry) in auths {
            let (user, password) = match b64(&entry["auth"]).and_then(|a| {
                a.split_once(':')
                    .map(|(u, p)| (u.to_string(), p.to_string()))
            }) {
                Some(pair) => pair,
                None => (
                    entry["username"].as_str().unwrap_or_default().to_string(),
                    entry["password"].as_str().unwrap_or_default().to_string(),
                ),
            };
            out.push((host.clone(), user, password));
        }
    }
    out
}

/// A tag of the stream whose import failed.
pub fn has_failed_tag(is: &Value) -> bool {
    is["status"]["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|t| {
            t["conditions"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|c| c["type"] == "ImportSuccess" && c["status"] == "False")
        })
}

/// Image streams import their tags (DockerImage) or follow the tag they reference.
pub fn import_images(
    objects: &mut [Value],
    namespace: &str,
    refuse: &dyn Fn(&str) -> Option<String>,
) {
    for is in objects.iter_mut().filter(|o| o["kind"] == "ImageStream") {
        let tags: Vec<Value> = is["spec"]["tags"].as_array().cloned().unwrap_or_default();
        let generation = is["metadata"]["generation"].as_u64().unwrap_or(1);
        let mut status: Vec<Value> = is["status"]["tags"].as_array().cloned().unwrap_or_default();
        let mut changed = false;
        // Images first, then the tags that reference them (within the same look).
        let (images, references): (Vec<&Value>, Vec<&Value>) = tags
            .iter()
            .partition(|t| t["from"]["kind"] != "ImageStreamTag");
        for tag in images.into_iter().chain(references) {
            let tag_name = tag["name"].as_str().unwrap_or_default();
            let tg = tag["generation"].as_u64().unwrap_or(generation);
            let current = status.iter().find(|t| t["tag"] == tag_name);
            let up_to_date = current.is_some_and(|t| {
                let newest = |key: &str| {
                    t[key]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|i| i["generation"].as_u64().unwrap_or(0) >= tg)
                };
                newest("items") || newest("conditions")
            });
            if up_to_date {
                continue;
            }
            let from = tag["from"]["name"].as_str().unwrap_or_default();
            let refused = match tag["from"]["kind"].as_str() {
                Some("DockerImage") => refuse(from),
                _ => None,
            };
            let entry = match (tag["from"]["kind"].as_str(), refused) {
                (Some("DockerImage"), Some(message)) => {
                    json!({"tag": tag_name, "items": null, "conditions": [{"type": "ImportSuccess",
                        "status": "False", "lastTransitionTime": now_rfc3339(), "reason": "Unauthorized",
                        "message": message, "generation": tg}]})
                }
                (Some("DockerImage"), None) => {
                    let image = tag["from"]["name"].as_str().unwrap_or_default();
                    let mut repository = image.split('@').next().unwrap_or(image).to_string();
                    if let Some((repo, last)) = repository.rsplit_once('/') {
                        if let Some((name, _)) = last.split_once(':') {
                            repository = format!("{repo}/{name}");
                        }
                    }
                    let d = digest(image);
                    json!({"tag": tag_name, "items": [{"created": now_rfc3339(),
                        "dockerImageReference": format!("{repository}@{d}"), "image": d, "generation": tg}]})
                }
                (Some("ImageStreamTag"), _) => {
                    let target = tag["from"]["name"].as_str().unwrap_or_default();
                    let target = target.rsplit(':').next().unwrap_or(target);
                    let Some(item) = status
                        .iter()
                        .find(|t| t["tag"] == target)
                        .and_then(|t| t["items"].as_array())
                        .and_then(|i| i.first())
                        .cloned()
                    else {
                        continue;
                    };
                    let mut item = item;
                    item["generation"] = json!(tg);
                    item["created"] = json!(now_rfc3339());
                    json!({"tag": tag_name, "items": [item]})
                }
                _ => continue,
            };
            status.retain(|t| t["tag"] != tag_name);
            status.push(entry);
            changed = true;
        }
        if changed {
            status.sort_by(|a, b| {
                a["tag"]
                    .as_str()
                    .unwrap_or_default()
                    .cmp(b["tag"].as_str().unwrap_or_default())
            });
            is["status"]["tags"] = Value::Array(status);
        }
        if is["status"]["dockerImageRepository"].is_null() {
            is["status"]["dockerImageRepository"] = json!(format!(
                "image-registry.openshift-image-registry.svc:5000/{namespace}/{}",
                name_of(is)
            ));
        }
    }
}

/// The images an image change trigger resolves to, set on the containers it names, and the
/// rollout's cause as `status.details`.
fn roll_out_images(dc: &mut Value, streams: &[Value]) -> Value {
    let triggers = dc["spec"]["triggers"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut resolved: Option<String> = None;
    for (i, t) in triggers.iter().enumerate() {
        let p = &t["imageChangeParams"];
        if t["type"] != "ImageChange"
            || p["automatic"] != true
            || p["from"]["kind"] != "ImageStreamTag"
        {
            continue;
        }
        let from = p["from"]["name"].as_str().unwrap_or_default();
        let (stream, tag) = from.split_once(':').unwrap_or((from, "latest"));
        let Some(reference) = streams
            .iter()
            .find(|s| s["metadata"]["name"] == stream)
            .and_then(|s| s["status"]["tags"].as_array())
            .and_then(|tags| tags.iter().find(|t| t["tag"] == tag))
            .and_then(|t| t["items"][0]["dockerImageReference"].as_str())
            .map(str::to_string)
        else {
            continue;
        };
        let names: Vec<String> = p["containerNames"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n.as_str().map(str::to_string))
            .collect();
        for list in ["containers", "initContainers"] {
            if let Some(containers) = dc["spec"]["template"]["spec"][list].as_array_mut() {
                for c in containers {
                    if c["name"]
                        .as_str()
                        .is_some_and(|n| names.iter().any(|m| m == n))
                    {
                        c["image"] = json!(reference);
                    }
                }
            }
        }
        dc["spec"]["triggers"][i]["imageChangeParams"]["lastTriggeredImage"] = json!(reference);
        resolved.get_or_insert(reference);
    }
    match resolved {
        Some(image) => json!({"message": "image change", "causes": [{"type": "ImageChange",
            "imageTrigger": {"from": {"kind": "DockerImage", "name": image}}}]}),
        None => json!({"message": "config change", "causes": [{"type": "ConfigChange"}]}),
    }
}

fn condition(kind: &str, status: &str, reason: &str, message: &str) -> Value {
    let now = now_rfc3339();
    let mut c =
        json!({"type": kind, "status": status, "lastTransitionTime": now, "lastUpdateTime": now});
    if !reason.is_empty() {
        c["reason"] = json!(reason);
    }
    if !message.is_empty() {
        c["message"] = json!(message);
    }
    c
}

/// What a rolled-out deployment config has on a real cluster: its replication controller
/// `NAME-1` (Complete) and a running pod per replica, with the pod template's containers (a
/// container with a previous log in `pod_logs` restarted once).
fn rolled_out(dc: &Value, namespace: &str, pod_logs: &BTreeMap<String, String>) -> Vec<Value> {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    let name = name_of(dc);
    let rc = format!("{name}-1");
    let replicas = dc["spec"]["replicas"].as_u64().unwrap_or(1);
    let template = dc["spec"]["template"].clone();
    let mut out = vec![json!({"apiVersion": "v1", "kind": "ReplicationController",
        "metadata": {"name": rc, "namespace": namespace,
            "labels": {"openshift.io/deployment-config.name": name},
            "annotations": {"openshift.io/deployment-config.name": name, "openshift.io/deployment-config.latest-version": "1",
                "openshift.io/deployment.phase": "Complete"}},
        "spec": {"replicas": replicas, "template": template},
        "status": {"replicas": replicas, "readyReplicas": replicas, "availableReplicas": replicas}})];
    let names = |key: &str| -> Vec<String> {
        template["spec"][key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["name"].as_str().map(str::to_string))
            .collect()
    };
    for i in 0..replicas {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (name.as_str(), i).hash(&mut h);
        let mut x = h.finish();
        let suffix: String = (0..5)
            .map(|_| {
                let c = ALPHABET[(x % ALPHABET.len() as u64) as usize] as char;
                x /= ALPHABET.len() as u64;
                c
            })
            .collect();
        let pod = format!("{rc}-{suffix}");
        let init: Vec<Value> = names("initContainers")
            .iter()
            .map(|c| {
                json!({"name": c, "ready": true, "restartCount": 0,
            "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}})
            })
            .collect();
        let running: Vec<Value> = names("containers")
            .iter()
            .map(|c| {
                let mut s = json!({"name": c, "ready": true, "restartCount": 0, "state": {"running": {"startedAt": "2026-01-01T00:00:00Z"}}});
                if pod_logs.contains_key(&format!("{pod}/{c}/previous")) {
                    s["restartCount"] = json!(1);
                    s["lastState"] = json!({"terminated": {"exitCode": 1, "reason": "Error"}});
                }
                s
            })
            .collect();
        out.push(json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": pod, "namespace": namespace,
                "labels": {"deployment": rc, "deploymentconfig": name},
                "annotations": {"openshift.io/deployment-config.name": name}},
            "spec": template["spec"],
            "status": {"phase": "Running", "conditions": [{"type": "PodScheduled", "status": "True"}, {"type": "Ready", "status": "True"}],
                "initContainerStatuses": init, "containerStatuses": running}}));
    }
    out
}

fn dc_status(
    name: &str,
    replicas: u64,
    (generation, latest): (u64, u64),
    mode: &str,
    details: Value,
) -> (Value, bool) {
    let rc = format!("{name}-1");
    let not_available = condition(
        "Available",
        "False",
        "",
        "Deployment config does not have minimum availability.",
    );
    let counts = |available: u64, updated: u64| {
        json!({"latestVersion": latest, "observedGeneration": generation, "replicas": updated,
            "updatedReplicas": updated, "availableReplicas": available, "readyReplicas": available,
            "unavailableReplicas": updated - available, "details": details})
    };
    match mode {
        "ready" => {
            let mut s = counts(replicas, replicas);
            s["conditions"] = json!([
                condition(
                    "Available",
                    "True",
                    "",
                    "Deployment config has minimum availability."
                ),
                condition(
                    "Progressing",
                    "True",
                    "NewReplicationControllerAvailable",
                    &format!("replication controller \"{rc}\" successfully rolled out")
                )
            ]);
            (s, true)
        }
        "failed" => {
            let mut s = counts(0, 0);
            s["conditions"] = json!([
                not_available,
                condition(
                    "Progressing",
                    "False",
                    "ProgressDeadlineExceeded",
                    &format!("replication controller \"{rc}\" has failed progressing")
                )
            ]);
            (s, false)
        }
        _ => {
            let mut s = counts(0, replicas);
            s["conditions"] = json!([
                not_available,
                condition(
                    "Progressing",
                    "True",
                    "ReplicationControllerUpdated",
                    &format!("replication controller \"{rc}\" is progressing")
                )
            ]);
            (s, false)
        }
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

/// zync's routes as zync 2.8.0-GA makes them (`app/services/integration/kubernetes_service.rb`):
/// `generateName` `zync-3scale-{api,master,provider}-`, the labels of zync-que's root owner (its
/// deployment config) merged with zync's own, an owner reference to it, and the gid and host
/// annotations. The domain is system's THREESCALE_SUPERDOMAIN, the names from system-seed.
fn create_zync_routes(st: &mut State, namespace: &str) {
    let domain_of_router = st.ingress_domain.clone().unwrap_or_default();
    let project = st.projects.get(namespace).expect("settled above");
    let objects = &project.objects;
    if objects
        .iter()
        .any(|o| o["metadata"]["labels"]["3scale.net/created-by"] == "zync")
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
        .find(|o| o["kind"] == "ConfigMap" && o["metadata"]["name"] == "system-environment")
        .and_then(|c| c["data"]["THREESCALE_SUPERDOMAIN"].as_str())
        .map(str::to_string)
    else {
        return;
    };
    let owner = objects
        .iter()
        .find(|o| o["kind"] == "DeploymentConfig" && o["metadata"]["name"] == "zync-que")
        .cloned();
    let claimed = st.claimed_hosts.clone();
    // (generateName, service, host, port, record gid, tenant id, ingress)
    let routes = [
        (
            "zync-3scale-api-",
            "apicast-production",
            format!("api-{tenant}-apicast-production.{domain}"),
            "gateway",
            "gid://zync/Proxy/2",
            "2",
            "proxy",
        ),
        (
            "zync-3scale-api-",
            "apicast-staging",
            format!("api-{tenant}-apicast-staging.{domain}"),
            "gateway",
            "gid://zync/Proxy/2",
            "2",
            "proxy",
        ),
        (
            "zync-3scale-master-",
            "system-master",
            format!("{master}.{domain}"),
            "http",
            "gid://zync/Provider/1",
            "1",
            "provider",
        ),
        (
            "zync-3scale-provider-",
            "system-developer",
            format!("{tenant}.{domain}"),
            "http",
            "gid://zync/Provider/2",
            "2",
            "provider",
        ),
        (
            "zync-3scale-provider-",
            "system-provider",
            format!("{tenant}-admin.{domain}"),
            "http",
            "gid://zync/Provider/2",
            "2",
            "provider",
        ),
    ];
    let route_rt = crate::resources::by_kind("Route").expect("a known kind");
    for (prefix, service, host, port, gid, tenant_id, ingress) in routes {
        use base64::Engine;
        let record = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(gid);
        let id = gid.rsplit('/').next().unwrap_or_default();
        let mut labels = owner
            .as_ref()
            .map(|o| o["metadata"]["labels"].clone())
            .filter(Value::is_object)
            .unwrap_or_else(|| json!({}));
        labels["3scale.net/created-by"] = json!("zync");
        labels["3scale.net/tenant_id"] = json!(tenant_id);
        labels["zync.3scale.net/record"] = json!(record);
        labels["zync.3scale.net/ingress"] = json!(ingress);
        labels[if ingress == "proxy" {
            "3scale.net/service_id"
        } else {
            "3scale.net/provider_id"
        }] = json!(id);
        labels["zync.3scale.net/route-to"] = json!(service);
        let mut metadata = json!({
            "generateName": prefix,
            "name": format!("{prefix}{}", st.name_suffix()),
            "labels": labels,
            "annotations": {"3scale.net/gid": format!("gid://zync/Entry/{tenant_id}"),
                "zync.3scale.net/gid": gid, "zync.3scale.net/host": host},
        });
        if let Some(o) = &owner {
            metadata["ownerReferences"] = json!([{"apiVersion": o["apiVersion"], "kind": o["kind"],
                "name": o["metadata"]["name"], "uid": o["metadata"]["uid"]}]);
        }
        let mut route = json!({
            "metadata": metadata,
            "spec": {"host": host, "port": {"targetPort": port},
                "tls": {"insecureEdgeTerminationPolicy": "Redirect", "termination": "edge"},
                "to": {"kind": "Service", "name": service}},
        });
        if claimed.contains(&host) {
            route["status"] = json!({"ingress": [{"host": host, "routerName": "default", "wildcardPolicy": "None",
                "routerCanonicalHostname": format!("router-default.{domain_of_router}"),
                "conditions": [{"type": "Admitted", "status": "False", "reason": "HostAlreadyClaimed",
                    "message": "route zync-3scale-provider-older already exposes the host and is older",
                    "lastTransitionTime": now_rfc3339()}]}]});
        }
        let _ = crate::server::create_as_controller(st, route_rt, namespace, route);
    }
}

/// `oc logs` of the pods the controllers made.
pub fn pod_log(pod: &str) -> Option<String> {
    pod.ends_with("-hook-pre").then(|| {
        "--> pre: Running hook pod ...\nrake aborted!\nMysql2::Error::ConnectionError: Access denied for user 'mysql'@'10.128.2.15' (using password: YES)\n--> pre: Retrying hook pod (retry #3)\n".to_string()
    })
}
