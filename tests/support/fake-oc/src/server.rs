//! What the API server does, as OpenShift 4.13 does it (and as the simulated OpenShift of the
//! reality tier shows it to the real oc): who may do what, what every stored object gets
//! (uid, resourceVersion, creationTimestamp, generation), the defaults admission fills in per
//! kind, a new project's service accounts and role bindings, and the token and pull secrets of
//! every service account.

use crate::clock::now_rfc3339;
use crate::resources::{self, ResourceType};
use crate::state::{Project, State};
use base64::Engine;
use serde_json::{json, Value};

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// A refusal of the server: reason (`Forbidden`, `NotFound`...) and message.
pub type ApiError = (&'static str, String);

/// Whether the user may `verb` resources of `rt` (in `namespace` when it is namespaced), as
/// RBAC decides: admins of a project do anything in it; on the cluster scope, a regular user has
/// what OpenShift's basic-user and self-provisioner roles give.
pub fn may(st: &State, verb: &str, rt: &ResourceType, namespace: Option<&str>) -> bool {
    if st.is_denied(verb, &rt.qualified_plural()) {
        return false;
    }
    if st.cluster_admin || st.is_allowed(verb, &rt.qualified_plural()) {
        return true;
    }
    if rt.namespaced {
        return namespace.is_some_and(|ns| st.member_of(ns));
    }
    match rt.kind {
        "Project" => {
            matches!(verb, "get" | "list" | "watch" | "delete")
                && namespace.is_none_or(|ns| st.member_of(ns))
        }
        "ProjectRequest" => verb == "list" || (verb == "create" && st.can_create_projects),
        "StorageClass" => matches!(verb, "get" | "list" | "watch"),
        _ => false,
    }
}

/// `pods "x" is forbidden: User "u" cannot get resource "pods" in API group "" in the
/// namespace "ns"` (without a name: `pods is forbidden: ...`).
pub fn forbidden(
    st: &State,
    verb: &str,
    rt: &ResourceType,
    name: Option<&str>,
    namespace: Option<&str>,
) -> String {
    let what = match name {
        Some(n) => format!("{} \"{n}\" is forbidden", rt.qualified_plural()),
        None => format!("{} is forbidden", rt.qualified_plural()),
    };
    let scope = match namespace {
        Some(ns) => format!("in the namespace \"{ns}\""),
        None => "at the cluster scope".into(),
    };
    format!(
        "{what}: User \"{}\" cannot {verb} resource \"{}\" in API group \"{}\" {scope}",
        st.user_name(),
        rt.plural,
        rt.group
    )
}

/// Fills what every stored object gets on create.
fn stamp(st: &mut State, rt: &ResourceType, namespace: &str, obj: &mut Value) {
    obj["apiVersion"] = json!(rt.api_version);
    obj["kind"] = json!(rt.kind);
    let uid = st.new_uid();
    let rv = st.next_resource_version();
    let md = obj["metadata"]
        .as_object_mut()
        .expect("metadata is an object");
    md.insert("uid".into(), json!(uid));
    md.insert("creationTimestamp".into(), json!(now_rfc3339()));
    if rt.namespaced {
        md.insert("namespace".into(), json!(namespace));
    } else {
        md.remove("namespace");
    }
    if rt.generation {
        md.insert("generation".into(), json!(1));
    }
    for empty in ["labels", "annotations"] {
        if md
            .get(empty)
            .is_some_and(|v| v.as_object().is_none_or(|m| m.is_empty()))
        {
            md.remove(empty);
        }
    }
    md.remove("selfLink");
    md.remove("deletionTimestamp");
    md.insert("resourceVersion".into(), json!(rv));
}

/// Defaults and validation of admission, per kind; `old` is the object a replace updates.
fn admit(
    st: &mut State,
    rt: &ResourceType,
    namespace: &str,
    obj: &mut Value,
    old: Option<&Value>,
) -> Result<(), ApiError> {
    let name = obj["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    match rt.kind {
        "Secret" => admit_secret(obj, &name)?,
        "PersistentVolumeClaim" if old.is_none() => {
            if obj["spec"]["storageClassName"].is_null() {
                obj["spec"]
                    .as_object_mut()
                    .map(|s| s.remove("storageClassName"));
                if let Some(default) = st.storage_classes.iter().find(|c| c.default) {
                    obj["spec"]["storageClassName"] = json!(default.name);
                }
            }
            if obj["spec"]["volumeMode"].is_null() {
                obj["spec"]["volumeMode"] = json!("Filesystem");
            }
            obj["status"] = json!({"phase": "Pending"});
        }
        "Service" => {
            let spec = &mut obj["spec"];
            default(spec, "type", json!("ClusterIP"));
            default(spec, "sessionAffinity", json!("None"));
            match old {
                None if spec["clusterIP"] != "None" => {
                    st.service_ips += 1;
                    let n = st.service_ips;
                    let ip = format!("172.30.{}.{}", (n / 250) % 250, n % 250 + 2);
                    spec["clusterIP"] = json!(ip);
                    spec["clusterIPs"] = json!([ip]);
                }
                Some(old) => {
                    spec["clusterIP"] = old["spec"]["clusterIP"].clone();
                    spec["clusterIPs"] = old["spec"]["clusterIPs"].clone();
                }
                None => {}
            }
            default(spec, "ipFamilies", json!(["IPv4"]));
            default(spec, "ipFamilyPolicy", json!("SingleStack"));
            default(spec, "internalTrafficPolicy", json!("Cluster"));
            if let Some(ports) = spec["ports"].as_array_mut() {
                for p in ports {
                    default(p, "protocol", json!("TCP"));
                    let port = p["port"].clone();
                    default(p, "targetPort", port);
                }
            }
            if old.is_none() {
                obj["status"] = json!({"loadBalancer": {}});
            }
        }
        "Route" => {
            if obj["spec"]["host"].as_str().is_none_or(str::is_empty) {
                let domain = st.ingress_domain.clone().unwrap_or_default();
                obj["spec"]["host"] = json!(format!("{name}-{namespace}.{domain}"));
            }
            default(&mut obj["spec"], "wildcardPolicy", json!("None"));
            default(&mut obj["spec"]["to"], "kind", json!("Service"));
            default(&mut obj["spec"]["to"], "weight", json!(100));
            if old.is_none() || obj["status"]["ingress"].is_null() {
                let host = obj["spec"]["host"].clone();
                obj["status"] = route_status(st, &host);
            }
        }
        "DeploymentConfig" => admit_dc(obj, old.is_none()),
        "ImageStream" => admit_is(obj, namespace, old),
        _ => {}
    }
    Ok(())
}

fn default(obj: &mut Value, key: &str, value: Value) {
    if obj.get(key).is_none_or(Value::is_null) {
        obj[key] = value;
    }
}

/// A route admitted by the default router.
pub fn route_status(st: &State, host: &Value) -> Value {
    let domain = st.ingress_domain.clone().unwrap_or_default();
    json!({"ingress": [{"host": host, "routerName": "default", "wildcardPolicy": "None",
        "routerCanonicalHostname": format!("router-default.{domain}"),
        "conditions": [{"type": "Admitted", "status": "True", "lastTransitionTime": now_rfc3339()}]}]})
}

fn admit_secret(obj: &mut Value, name: &str) -> Result<(), ApiError> {
    default(obj, "type", json!("Opaque"));
    let string_data = obj
        .as_object_mut()
        .and_then(|o| o.remove("stringData"))
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default();
    let mut data = obj["data"].as_object().cloned().unwrap_or_default();
    for (k, v) in string_data {
        let text = match v {
            Value::String(s) => s,
            other => other.to_string(),
        };
        data.insert(k, json!(B64.encode(text)));
    }
    for v in data.values_mut() {
        if v.is_null() {
            *v = json!("");
        }
    }
    if !data.is_empty() {
        obj["data"] = Value::Object(data.clone());
    }
    let required = match obj["type"].as_str() {
        Some("kubernetes.io/dockerconfigjson") => Some(".dockerconfigjson"),
        Some("kubernetes.io/dockercfg") => Some(".dockercfg"),
        _ => None,
    };
    if let Some(field) = required {
        let Some(raw) = data.get(field).and_then(Value::as_str) else {
            return Err((
                "Invalid",
                format!("Secret \"{name}\" is invalid: data[{field}]: Required value"),
            ));
        };
        let valid = B64
            .decode(raw)
            .ok()
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
            .is_some_and(|v| v.is_object());
        if !valid {
            return Err((
                "Invalid",
                format!("Secret \"{name}\" is invalid: data[{field}]: Invalid value: \"<secret contents redacted>\": invalid character looking for beginning of value"),
            ));
        }
    }
    Ok(())
}

fn admit_dc(obj: &mut Value, create: bool) {
    let spec = &mut obj["spec"];
    default(spec, "replicas", json!(1));
    let template_labels = spec["template"]["metadata"]["labels"].clone();
    if spec["selector"].as_object().is_none_or(|s| s.is_empty()) {
        spec["selector"] = if template_labels.is_object() {
            template_labels
        } else {
            json!({})
        };
    }
    default(spec, "triggers", json!([{"type": "ConfigChange"}]));
    default(&mut spec["strategy"], "type", json!("Rolling"));
    default(&mut spec["strategy"], "activeDeadlineSeconds", json!(21600));
    match spec["strategy"]["type"].as_str() {
        Some("Rolling") => {
            let rp = &mut spec["strategy"]["rollingParams"];
            for (k, v) in [
                ("intervalSeconds", json!(1)),
                ("updatePeriodSeconds", json!(1)),
                ("timeoutSeconds", json!(600)),
                ("maxSurge", json!("25%")),
                ("maxUnavailable", json!("25%")),
            ] {
                default(rp, k, v);
            }
        }
        Some("Recreate") => default(
            &mut spec["strategy"]["recreateParams"],
            "timeoutSeconds",
            json!(600),
        ),
        _ => {}
    }
    default(spec, "revisionHistoryLimit", json!(10));
    default(spec, "test", json!(false));
    if let Some(triggers) = spec["triggers"].as_array_mut() {
        for t in triggers.iter_mut().filter(|t| t["type"] == "ImageChange") {
            let from = &mut t["imageChangeParams"]["from"];
            if from["kind"] == "ImageStreamTag" {
                if let Some(n) = from["name"].as_str().filter(|n| !n.contains(':')) {
                    from["name"] = json!(format!("{n}:latest"));
                }
            }
        }
    }
    if create {
        obj["status"] = json!({"latestVersion": 0, "observedGeneration": 0, "replicas": 0,
            "updatedReplicas": 0, "availableReplicas": 0, "unavailableReplicas": 0});
    }
}

fn admit_is(obj: &mut Value, namespace: &str, old: Option<&Value>) {
    let name = obj["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    default(&mut obj["spec"], "lookupPolicy", json!({"local": false}));
    let next_generation = old
        .map(|o| o["metadata"]["generation"].as_u64().unwrap_or(1) + 1)
        .unwrap_or(1);
    let old_tags: Vec<Value> = old
        .and_then(|o| o["spec"]["tags"].as_array().cloned())
        .unwrap_or_default();
    if let Some(tags) = obj["spec"]["tags"].as_array_mut() {
        for tag in tags {
            default(tag, "importPolicy", json!({}));
            if tag["referencePolicy"]["type"].is_null() {
                tag["referencePolicy"] = json!({"type": "Source"});
            }
            let previous = old_tags.iter().find(|t| t["name"] == tag["name"]);
            let strip = |t: &Value| {
                let mut t = t.clone();
                t.as_object_mut().map(|m| m.remove("generation"));
                t
            };
            match previous {
                None if old.is_none() => default(tag, "generation", json!(1)),
                Some(p) if strip(p) == strip(tag) && !tag["generation"].is_null() => {
                    tag["generation"] = p["generation"].clone()
                }
                _ => tag["generation"] = json!(next_generation),
            }
        }
    }
    let repository = format!("image-registry.openshift-image-registry.svc:5000/{namespace}/{name}");
    match old {
        None => obj["status"] = json!({"dockerImageRepository": repository}),
        Some(o) => obj["status"] = o["status"].clone(),
    }
}

/// The spec part of an object (what bumps `generation`).
fn spec_part(obj: &Value) -> Value {
    let mut v = obj.clone();
    if let Some(m) = v.as_object_mut() {
        for k in ["metadata", "status", "kind", "apiVersion"] {
            m.remove(k);
        }
    }
    v
}

/// Creates one object in `namespace`; what `oc create` and the template's new-app do.
pub fn create(
    st: &mut State,
    rt: &'static ResourceType,
    namespace: &str,
    mut obj: Value,
) -> Result<Value, ApiError> {
    let name = obj["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    if !may(st, "create", rt, Some(namespace)) {
        return Err((
            "Forbidden",
            forbidden(st, "create", rt, None, Some(namespace)),
        ));
    }
    let Some(project) = st.projects.get(namespace) else {
        return Err(("NotFound", format!("namespaces \"{namespace}\" not found")));
    };
    if project
        .objects
        .iter()
        .any(|o| o["kind"] == rt.kind && o["metadata"]["name"] == name.as_str())
    {
        return Err((
            "AlreadyExists",
            format!("{} \"{name}\" already exists", rt.qualified_plural()),
        ));
    }
    if !obj["metadata"].is_object() {
        obj["metadata"] = json!({});
    }
    admit(st, rt, namespace, &mut obj, None)?;
    stamp(st, rt, namespace, &mut obj);
    let project = st.projects.get_mut(namespace).expect("checked above");
    project.objects.push(obj.clone());
    if rt.kind == "ServiceAccount" {
        service_account_secrets(st, namespace, &name);
    }
    Ok(obj)
}

/// Creates one object as a controller of the cluster does (no user's rights involved).
pub fn create_as_controller(
    st: &mut State,
    rt: &'static ResourceType,
    namespace: &str,
    mut obj: Value,
) -> Result<Value, ApiError> {
    let status = obj.get("status").cloned();
    admit(st, rt, namespace, &mut obj, None)?;
    if let Some(s) = status {
        obj["status"] = s;
    }
    stamp(st, rt, namespace, &mut obj);
    st.projects
        .get_mut(namespace)
        .ok_or(("NotFound", format!("namespaces \"{namespace}\" not found")))?
        .objects
        .push(obj.clone());
    Ok(obj)
}

/// Replaces one object (`oc replace`): identity and status kept, generation bumped when the
/// spec changed, a new resourceVersion when anything did.
pub fn replace(
    st: &mut State,
    rt: &'static ResourceType,
    namespace: &str,
    mut obj: Value,
) -> Result<Value, ApiError> {
    let name = obj["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    if !may(st, "update", rt, Some(namespace)) {
        return Err((
            "Forbidden",
            forbidden(st, "update", rt, Some(&name), Some(namespace)),
        ));
    }
    let current = st.projects.get(namespace).and_then(|p| {
        p.objects
            .iter()
            .position(|o| o["kind"] == rt.kind && o["metadata"]["name"] == name.as_str())
    });
    let Some(i) = current else {
        return Err((
            "NotFound",
            format!("{} \"{name}\" not found", rt.qualified_plural()),
        ));
    };
    let old = st.projects[namespace].objects[i].clone();
    admit(st, rt, namespace, &mut obj, Some(&old))?;
    obj["apiVersion"] = json!(rt.api_version);
    obj["kind"] = json!(rt.kind);
    {
        let md = obj["metadata"].as_object_mut().expect("metadata");
        for keep in ["uid", "creationTimestamp", "generation"] {
            match old["metadata"].get(keep) {
                Some(v) => md.insert(keep.into(), v.clone()),
                None => md.remove(keep),
            };
        }
        md.insert("namespace".into(), json!(namespace));
        for empty in ["labels", "annotations"] {
            if md
                .get(empty)
                .is_some_and(|v| v.as_object().is_none_or(|m| m.is_empty()))
            {
                md.remove(empty);
            }
        }
    }
    match old.get("status") {
        Some(s) => obj["status"] = s.clone(),
        None => {
            obj.as_object_mut().map(|o| o.remove("status"));
        }
    }
    if rt.generation && spec_part(&obj) != spec_part(&old) {
        obj["metadata"]["generation"] =
            json!(old["metadata"]["generation"].as_u64().unwrap_or(1) + 1);
    }
    obj["metadata"]["resourceVersion"] = old["metadata"]["resourceVersion"].clone();
    if obj != old {
        obj["metadata"]["resourceVersion"] = json!(st.next_resource_version());
    }
    st.projects.get_mut(namespace).expect("found").objects[i] = obj.clone();
    Ok(obj)
}

/// A project requested by the user: the namespace with OpenShift's annotations and labels, the
/// requester's `admin` binding, the bindings of the default service accounts, and those
/// accounts with their secrets.
pub fn create_project(st: &mut State, name: &str, display_name: &str, description: &str) {
    let requester = st.user_name().to_string();
    let uid = st.new_uid();
    let rv = st.next_resource_version();
    st.projects.insert(
        name.into(),
        Project {
            display_name: display_name.into(),
            requester: requester.clone(),
            objects: Vec::new(),
            ticks: 0,
            metadata: json!({"uid": uid, "creationTimestamp": now_rfc3339(),
                "resourceVersion": rv, "description": description}),
        },
    );
    let rb = resources::by_kind("RoleBinding").expect("a known kind");
    let binding = |name: &str, role: &str, subjects: Value| {
        json!({"metadata": {"name": name},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role},
            "subjects": subjects})
    };
    let as_server = |st: &mut State, rt: &'static ResourceType, mut obj: Value| {
        stamp(st, rt, name, &mut obj);
        st.projects
            .get_mut(name)
            .expect("made above")
            .objects
            .push(obj);
    };
    as_server(
        st,
        rb,
        binding(
            "system:image-pullers",
            "system:image-puller",
            json!([{"kind": "Group", "name": format!("system:serviceaccounts:{name}"), "apiGroup": "rbac.authorization.k8s.io"}]),
        ),
    );
    as_server(
        st,
        rb,
        binding(
            "system:image-builders",
            "system:image-builder",
            json!([{"kind": "ServiceAccount", "name": "builder", "namespace": name}]),
        ),
    );
    as_server(
        st,
        rb,
        binding(
            "system:deployers",
            "system:deployer",
            json!([{"kind": "ServiceAccount", "name": "deployer", "namespace": name}]),
        ),
    );
    as_server(
        st,
        rb,
        binding(
            "admin",
            "admin",
            json!([{"kind": "User", "name": requester, "apiGroup": "rbac.authorization.k8s.io"}]),
        ),
    );
    // The service accounts come from a controller: at once here, or at the project's first look
    // (`service_account_controller`), as on a real cluster moments later.
    if !st.service_account_controller {
        default_service_accounts(st, name);
    }
}

/// The service accounts openshift-controller-manager makes in every project, with their secrets;
/// those already there are left as they are.
pub fn default_service_accounts(st: &mut State, namespace: &str) {
    let sa = resources::by_kind("ServiceAccount").expect("a known kind");
    for account in ["builder", "default", "deployer"] {
        let exists = st.projects.get(namespace).is_some_and(|p| {
            p.objects
                .iter()
                .any(|o| o["kind"] == "ServiceAccount" && o["metadata"]["name"] == account)
        });
        if exists {
            continue;
        }
        let mut obj = json!({"metadata": {"name": account}});
        stamp(st, sa, namespace, &mut obj);
        let Some(project) = st.projects.get_mut(namespace) else {
            return;
        };
        project.objects.push(obj);
        service_account_secrets(st, namespace, account);
    }
}

/// The project as `oc get project` shows it.
pub fn project_object(name: &str, p: &Project) -> Value {
    let md = &p.metadata;
    let mut meta = json!({
        "name": name,
        "annotations": {
            "openshift.io/description": md["description"].as_str().unwrap_or_default(),
            "openshift.io/display-name": p.display_name,
            "openshift.io/requester": p.requester,
            "openshift.io/sa.scc.mcs": "s0:c27,c19",
            "openshift.io/sa.scc.supplemental-groups": "1000730000/10000",
            "openshift.io/sa.scc.uid-range": "1000730000/10000"
        },
        "labels": {
            "kubernetes.io/metadata.name": name,
            "pod-security.kubernetes.io/audit": "restricted",
            "pod-security.kubernetes.io/warn": "restricted"
        }
    });
    for key in ["uid", "creationTimestamp", "resourceVersion"] {
        if let Some(v) = md.get(key) {
            meta[key] = v.clone();
        }
    }
    json!({"apiVersion": "project.openshift.io/v1", "kind": "Project", "metadata": meta,
        "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}})
}

/// openshift-controller-manager's work for a new service account: a token secret, a pull secret
/// for the internal registry made from it, both listed on the account.
fn service_account_secrets(st: &mut State, namespace: &str, account: &str) {
    let Some(sa) = st.projects.get(namespace).and_then(|p| {
        p.objects
            .iter()
            .find(|o| o["kind"] == "ServiceAccount" && o["metadata"]["name"] == account)
            .cloned()
    }) else {
        return;
    };
    let sa_uid = sa["metadata"]["uid"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let token_name = format!("{account}-token-{}", st.name_suffix());
    let dockercfg_name = format!("{account}-dockercfg-{}", st.name_suffix());
    let token = format!(
        "eyJhbGciOiJSUzI1NiJ9.{:016x}{:016x}",
        st.next_random(),
        st.next_random()
    );
    let owner = json!([{"apiVersion": "v1", "kind": "ServiceAccount", "name": account,
        "uid": sa_uid, "controller": false, "blockOwnerDeletion": true}]);
    let secret = resources::by_kind("Secret").expect("a known kind");
    let mut token_secret = json!({
        "metadata": {"name": token_name, "ownerReferences": owner, "annotations": {
            "kubernetes.io/created-by": "openshift.io/create-dockercfg-secrets",
            "kubernetes.io/service-account.name": account,
            "kubernetes.io/service-account.uid": sa_uid}},
        "type": "kubernetes.io/service-account-token",
        "data": {"token": B64.encode(&token), "namespace": B64.encode(namespace), "ca.crt": B64.encode("fake-ca")}
    });
    let domain = st.ingress_domain.clone().unwrap_or_default();
    let entry = json!({"username": "<token>", "password": token, "email": "serviceaccount@example.org",
        "auth": B64.encode(format!("<token>:{token}"))});
    let config = json!({
        "image-registry.openshift-image-registry.svc:5000": entry,
        "image-registry.openshift-image-registry.svc.cluster.local:5000": entry,
        format!("default-route-openshift-image-registry.{domain}"): entry,
    });
    let mut dockercfg = json!({
        "metadata": {"name": dockercfg_name, "ownerReferences": owner, "annotations": {
            "kubernetes.io/service-account.name": account,
            "kubernetes.io/service-account.uid": sa_uid,
            "openshift.io/token-secret.name": token_name}},
        "type": "kubernetes.io/dockercfg",
        "data": {".dockercfg": B64.encode(config.to_string())}
    });
    stamp(st, secret, namespace, &mut token_secret);
    stamp(st, secret, namespace, &mut dockercfg);
    let rv = st.next_resource_version();
    let project = st
        .projects
        .get_mut(namespace)
        .expect("the account's project");
    project.objects.push(token_secret);
    project.objects.push(dockercfg);
    if let Some(sa) = project
        .objects
        .iter_mut()
        .find(|o| o["kind"] == "ServiceAccount" && o["metadata"]["name"] == account)
    {
        let reference = json!({"name": dockercfg_name});
        for list in ["secrets", "imagePullSecrets"] {
            match sa[list].as_array_mut() {
                Some(items) => items.push(reference.clone()),
                None => sa[list] = json!([reference]),
            }
        }
        sa["metadata"]["resourceVersion"] = json!(rv);
    }
}

/// Objects of one kind in a project, sorted by name as the API server lists them.
pub fn sorted(mut objects: Vec<Value>) -> Vec<Value> {
    objects.sort_by(|a, b| {
        a["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .cmp(b["metadata"]["name"].as_str().unwrap_or_default())
    });
    objects
}
