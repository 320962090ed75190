//! The oc commands the simulator knows, printing what oc 4.13 prints (checked against the real
//! oc by the reality tier: tests/reality/cases/fake_oc.rs). Anything else exits 97 loudly.

use crate::client::{self, Call};
use crate::resources::{self, ResourceType};
use crate::server::{self, forbidden, may};
use crate::state::State;
use crate::template;
use crate::{Args, Outcome};
use serde_json::{json, Value};

/// Namespaces every cluster has, which no user may request.
const SYSTEM_NAMESPACES: &[&str] = &[
    "default",
    "kube-node-lease",
    "kube-public",
    "kube-system",
    "openshift",
];

pub fn dispatch(args: &Args, st: &mut State, stdin: &[u8], argv: &[String]) -> Outcome {
    if let Some(path) = &args.kubeconfig {
        if !std::path::Path::new(path).exists() {
            return Outcome::err(format!("error: stat {path}: no such file or directory"));
        }
    }
    if let Some(ctx) = &args.context {
        if !st.contexts.contains(ctx) {
            // A namespace flag makes oc look the context up first; without one, get, process and
            // delete validate the whole client config. `oc get` of several types reports the
            // lookup once per type (an aggregate, printed without the `error: ` prefix).
            let command = args.words.first().map(String::as_str);
            let validated = matches!(command, Some("get" | "process" | "delete"));
            let missing = format!("context \"{ctx}\" does not exist");
            return Outcome::err(match (args.namespace.is_some(), validated) {
                (false, true) => format!("Error in configuration: \n* context was not found for specified context: {ctx}\n* cluster has no server defined"),
                (true, _) if command == Some("get") && args.words.len() == 2 => {
                    let types = args.words[1].split(',').count();
                    if types > 1 {
                        format!("{missing}\n").repeat(types)
                    } else {
                        format!("error: {missing}")
                    }
                }
                _ => format!("error: {missing}"),
            });
        }
    }
    let words: Vec<&str> = args.words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["whoami"] => whoami(args, st),
        ["patch", target] => patch(args, st, target),
        ["version"] => version(args, st),
        ["get", types] => get(args, st, types, None),
        ["get", types, name] => get(args, st, types, Some(name)),
        ["auth", "can-i", verb, resource] => can_i(args, st, verb, resource),
        ["auth", "can-i"] if args.has("--list") => can_i_list(args, st),
        ["new-project", name] => new_project(args, st, name),
        ["create"] => create_or_replace(args, st, stdin, false),
        ["replace"] => create_or_replace(args, st, stdin, true),
        ["new-app"] => new_app(args, st, stdin),
        ["process"] => process(args, st, stdin),
        ["delete", "project", name] => delete_project(args, st, name),
        ["secrets", "link", sa, secrets @ ..] if !secrets.is_empty() => {
            secrets_link(args, st, sa, secrets, false)
        }
        ["secrets", "unlink", sa, secrets @ ..] if !secrets.is_empty() => {
            secrets_link(args, st, sa, secrets, true)
        }
        ["logs", pod] => logs(args, st, pod),
        ["import-image", name] => import_image(args, st, name),
        ["delete", types] if args.flag("--selector").is_some() => delete_selected(args, st, types),
        ["delete", named @ ..] if !named.is_empty() && named.iter().all(|n| n.contains('/')) => {
            delete_named(args, st, named)
        }
        _ => unknown(argv),
    }
}

fn unknown(argv: &[String]) -> Outcome {
    Outcome {
        stdout: String::new(),
        stderr: format!("fake oc: unsupported command: oc {}\n", argv.join(" ")),
        code: 97,
    }
}

fn namespace(args: &Args, st: &State) -> String {
    args.namespace
        .clone()
        .or_else(|| st.current_project.clone())
        .unwrap_or_else(|| "default".into())
}

fn whoami(args: &Args, st: &State) -> Outcome {
    if args.has("--show-server") {
        return Outcome::ok(format!("{}\n", st.server));
    }
    if args.has("--show-token") {
        if let Some(fail) = client::failure(st, args, Call::Whoami) {
            return fail;
        }
        return match &st.token {
            Some(t) => Outcome::ok(format!("{t}\n")),
            None => Outcome::err("error: no token is currently in use for this session"),
        };
    }
    if args.has("--show-console") {
        if let Some(fail) = client::failure(st, args, Call::Console) {
            return fail;
        }
        // oc reads openshift-config-managed/console-public; without it, oc 4 prints an error.
        return match &st.ingress_domain {
            Some(d) => Outcome::ok(format!("https://console-openshift-console.{d}\n")),
            None => Outcome::err("error: console URL is not available"),
        };
    }
    if st.flavour == "3.11" && st.user.is_none() && !st.unreachable {
        return Outcome::err(
            "Error from server (Forbidden): users.user.openshift.io \"~\" is forbidden: User \"system:anonymous\" cannot get users.user.openshift.io at the cluster scope: no RBAC policy matched",
        );
    }
    if let Some(fail) = client::failure(st, args, Call::Whoami) {
        return fail;
    }
    Outcome::ok(format!("{}\n", st.user_name()))
}

/// The client part of `oc version -o json` of oc 4.13.0 (built from the release-4.13 sources,
/// as the reality tier's real oc is), closed when `more` is false.
pub fn client_version_json(more: bool) -> String {
    let mut text = String::from(
        "{\n  \"clientVersion\": {\n    \"major\": \"4\",\n    \"minor\": \"13\",\n    \"gitVersion\": \"v4.13.0\",\n    \"gitCommit\": \"\",\n    \"gitTreeState\": \"\",\n    \"buildDate\": \"\",\n    \"goVersion\": \"go1.19.8\",\n    \"compiler\": \"gc\",\n    \"platform\": \"linux/amd64\"\n  },\n  \"kustomizeVersion\": \"v4.5.7\"",
    );
    if !more {
        text.push_str("\n}\n");
    }
    text
}

fn version(args: &Args, st: &State) -> Outcome {
    let output = args.flag("--output");
    if st.flavour == "3.11" {
        if output.is_some() {
            return Outcome::err("Error: unknown shorthand flag: 'o' in -o");
        }
        let mut text = "oc v3.11.0+0cbc58b\nkubernetes v1.11.0+d4cacc0\nfeatures: Basic-Auth GSSAPI Kerberos SPNEGO\n".to_string();
        if !st.unreachable {
            text.push_str(&format!(
                "\nServer {}\nopenshift v{}\nkubernetes {}\n",
                st.server, st.openshift_version, st.kube_version
            ));
        }
        return Outcome::ok(text);
    }
    if output != Some("json") {
        return unknown(&["version".into()]);
    }
    if let Some(fail) = client::failure(st, args, Call::Version) {
        return fail;
    }
    // Struct order, 2-space indent: built by hand so that keys are not sorted.
    let minor = st
        .kube_version
        .trim_start_matches('v')
        .split('.')
        .nth(1)
        .unwrap_or("26");
    let mut text = client_version_json(true);
    text.push_str(&format!(
        ",\n  \"serverVersion\": {{\n    \"major\": \"1\",\n    \"minor\": \"{minor}\",\n    \"gitVersion\": \"{}\",\n    \"gitCommit\": \"{}\",\n    \"gitTreeState\": \"clean\",\n    \"buildDate\": \"2023-04-18T16:04:53Z\",\n    \"goVersion\": \"go1.19.6\",\n    \"compiler\": \"gc\",\n    \"platform\": \"linux/amd64\"\n  }}",
        st.kube_version,
        st.kube_version.rsplit('+').next().unwrap_or_default()
    ));
    // clusterversions is readable by cluster admins only.
    if st.cluster_admin {
        text.push_str(&format!(
            ",\n  \"openshiftVersion\": \"{}\"",
            st.openshift_version
        ));
    }
    text.push_str("\n}\n");
    Outcome::ok(text)
}

/// `oc get -o json` prints keys sorted, with a 4-space indent, and escapes what Go's
/// encoding/json escapes for HTML (`<`, `>`, `&`, U+2028, U+2029): these appear only inside
/// strings, so they are replaced everywhere.
pub fn print_json(v: &Value) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    serde::Serialize::serialize(v, &mut ser).unwrap();
    let text = String::from_utf8(buf).unwrap();
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
        + "\n"
}

fn list_json(items: Vec<Value>) -> String {
    print_json(&json!({
        "apiVersion": "v1", "items": items, "kind": "List",
        "metadata": {"resourceVersion": ""}
    }))
}

/// What `oc get -o json` prints for a list it could not read.
pub fn empty_list_json() -> String {
    list_json(Vec::new())
}

/// What OpenShift lets every authenticated user get: in `openshift-config-managed`, the
/// ConfigMaps `console-public` (console-operator's Role `console-public`) and
/// `oauth-serving-cert` (authentication-operator's `system:openshift:oauth-servercert-trust`);
/// `default-ingress-cert` is for cluster admins only.
fn readable_by_all(rt: &ResourceType, ns: &str, name: Option<&str>) -> bool {
    rt.kind == "ConfigMap"
        && ns == "openshift-config-managed"
        && matches!(name, Some("console-public" | "oauth-serving-cert"))
}

fn get(args: &Args, st: &mut State, types: &str, name: Option<&str>) -> Outcome {
    let kinds = match resource_types(st, types) {
        Ok(k) => k,
        Err(o) => return o,
    };
    let call = Call::Get {
        types: types.split(',').collect(),
        named: name.is_some(),
    };
    if let Some(fail) = client::failure(st, args, call) {
        return fail;
    }
    if let Some(left) = st.transient_failures.get_mut("get").filter(|n| **n > 0) {
        *left -= 1;
        return Outcome::err("Error from server (InternalError): an error on the server (\"\") has prevented the request from succeeding");
    }
    let ns = namespace(args, st);
    crate::controllers::settle(st, &ns);
    let selector = args.flag("--selector").map(parse_selector);
    if args.has("--all-namespaces") && name.is_none() {
        return get_everywhere(args, st, &kinds, selector.as_deref());
    }
    let mut found: Vec<Value> = Vec::new();
    let mut errors = String::new();
    for rt in &kinds {
        let verb = if name.is_some() { "get" } else { "list" };
        let scope = match (rt.kind, name) {
            ("Project", Some(n)) => Some(n.to_string()),
            ("Project", None) => None,
            _ => rt.namespaced.then(|| ns.clone()),
        };
        if !may(st, verb, rt, scope.as_deref()) && !readable_by_all(rt, &ns, name) {
            // A cluster admin asking for a project that is not there is told so.
            let absent_project = rt.kind == "Project"
                && st.cluster_admin
                && name.is_some_and(|n| !st.projects.contains_key(n));
            if !absent_project {
                errors.push_str(&format!(
                    "Error from server (Forbidden): {}\n",
                    forbidden(st, verb, rt, name, scope.as_deref())
                ));
                continue;
            }
        }
        let mut objects = objects_of(st, rt, &ns);
        if let Some(sel) = &selector {
            objects.retain(|o| selected(o, sel));
        }
        match name {
            Some(n) => match objects.into_iter().find(|o| o["metadata"]["name"] == n) {
                Some(o) => found.push(o),
                None if args.has("--ignore-not-found") => {}
                None => errors.push_str(&format!(
                    "Error from server (NotFound): {} \"{n}\" not found\n",
                    rt.qualified_plural()
                )),
            },
            None => found.extend(objects),
        }
    }
    let single = name.is_some() && kinds.len() == 1;
    let code = if errors.is_empty() { 0 } else { 1 };
    let stdout = match args.flag("--output") {
        Some("json") if single => found.first().map(print_json).unwrap_or_default(),
        Some("json") => list_json(found),
        Some("name") => found
            .iter()
            .map(|o| {
                let rt = resources::by_kind(o["kind"].as_str().unwrap_or_default());
                format!(
                    "{}/{}\n",
                    rt.map(|r| r.qualified_kind()).unwrap_or_default(),
                    o["metadata"]["name"].as_str().unwrap_or_default()
                )
            })
            .collect(),
        Some(o) if o.starts_with("jsonpath=") => {
            let path = o
                .trim_start_matches("jsonpath=")
                .trim_matches(|c| c == '{' || c == '}');
            let mut out = String::new();
            for obj in &found {
                let mut v = obj;
                for key in path.trim_start_matches('.').split('.') {
                    v = &v[key];
                }
                if let Some(s) = v.as_str() {
                    out.push_str(s);
                } else if !v.is_null() {
                    out.push_str(&v.to_string());
                }
            }
            out
        }
        _ => return unknown(&args.words),
    };
    Outcome {
        stdout,
        stderr: errors,
        code,
    }
}

/// `oc get TYPES --all-namespaces`: cluster-wide lists, which only cluster readers may make.
fn get_everywhere(
    args: &Args,
    st: &mut State,
    kinds: &[&'static ResourceType],
    selector: Option<&[(String, Option<String>)]>,
) -> Outcome {
    for rt in kinds {
        if !st.cluster_admin || st.is_denied("list", &rt.qualified_plural()) {
            return Outcome::err(format!(
                "Error from server (Forbidden): {}",
                forbidden(st, "list", rt, None, None)
            ));
        }
    }
    let projects: Vec<String> = st.projects.keys().cloned().collect();
    let mut found = Vec::new();
    for p in &projects {
        crate::controllers::settle(st, p);
        for rt in kinds {
            let mut objects = objects_of(st, rt, p);
            if let Some(sel) = selector {
                objects.retain(|o| selected(o, sel));
            }
            found.extend(objects);
        }
    }
    match args.flag("--output") {
        Some("json") => Outcome::ok(print_json(&json!({
            "apiVersion": "v1", "items": found, "kind": "List",
            "metadata": {"resourceVersion": "", "selfLink": ""}
        }))),
        _ => unknown(&args.words),
    }
}

/// `oc secrets link SA SECRET... [--for=pull,mount]` and `oc secrets unlink SA SECRET...`, as
/// `pkg/cli/secrets` does them: the service account first, then the secrets (a missing one is
/// named on stderr), one update of the service account.
fn secrets_link(args: &Args, st: &mut State, sa: &str, secrets: &[&str], unlink: bool) -> Outcome {
    // `oc secrets link` starts with a GET of the service account: it fails as a get does.
    let call = Call::Get {
        types: vec!["serviceaccounts"],
        named: true,
    };
    if let Some(fail) = client::failure(st, args, call) {
        return fail;
    }
    let ns = namespace(args, st);
    let sa_type = resources::by_name("serviceaccounts").unwrap();
    if !st.member_of(&ns) {
        return Outcome::err(format!(
            "Error from server (Forbidden): {}",
            forbidden(st, "get", sa_type, Some(sa), Some(&ns))
        ));
    }
    let for_pull;
    let for_mount;
    match args.flag("--for") {
        None => (for_pull, for_mount) = (false, true),
        Some(f) => {
            for_pull = f.split(',').any(|t| t == "pull");
            for_mount = f.split(',').any(|t| t == "mount");
            if let Some(bad) = f.split(',').find(|t| *t != "pull" && *t != "mount") {
                return Outcome::err(format!("error: unknown for: {bad}"));
            }
        }
    }
    let Some(project) = st.projects.get_mut(&ns) else {
        return Outcome::err(format!(
            "Error from server (NotFound): serviceaccounts \"{sa}\" not found"
        ));
    };
    let Some(i) = project
        .objects
        .iter()
        .position(|o| o["kind"] == "ServiceAccount" && o["metadata"]["name"] == sa)
    else {
        return Outcome::err(format!(
            "Error from server (NotFound): serviceaccounts \"{sa}\" not found"
        ));
    };
    let mut stderr = String::new();
    let mut names: Vec<String> = Vec::new();
    let mut not_found = false;
    for s in secrets {
        let exists = project
            .objects
            .iter()
            .any(|o| o["kind"] == "Secret" && o["metadata"]["name"] == *s);
        if !exists {
            stderr.push_str(&format!("secret \"{s}\" not found\n"));
            not_found = true;
        }
        // unlink takes a removed secret too (allowNonExisting)
        if exists || unlink {
            names.push(s.to_string());
        }
    }
    let fail = |stderr: String, message: &str| Outcome {
        stdout: String::new(),
        stderr: format!("{stderr}error: {message}\n"),
        code: 1,
    };
    if names.is_empty() {
        return fail(stderr, "No valid secrets found");
    }
    let account = &mut project.objects[i];
    let listed = |a: &Value, key: &str| -> Vec<String> {
        a[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["name"].as_str().map(str::to_string))
            .collect()
    };
    let mut updated = false;
    if unlink {
        for key in ["secrets", "imagePullSecrets"] {
            let before = listed(account, key);
            let after: Vec<Value> = before
                .iter()
                .filter(|n| !names.contains(n))
                .map(|n| json!({"name": n}))
                .collect();
            if after.len() != before.len() {
                updated = true;
                account[key] = Value::Array(after);
            }
        }
        if !updated {
            return fail(
                stderr,
                "No valid secrets found or secrets not linked to service account",
            );
        }
        if not_found {
            return fail(
                stderr,
                &format!("Unlinked deleted secrets from {ns}/{sa} service account"),
            );
        }
        return Outcome {
            stdout: format!("serviceaccount/{sa} updated\n"),
            stderr,
            code: 0,
        };
    }
    for (wanted, key) in [(for_mount, "secrets"), (for_pull, "imagePullSecrets")] {
        if !wanted {
            continue;
        }
        let mut current = listed(account, key);
        for n in &names {
            if !current.contains(n) {
                current.push(n.clone());
                updated = true;
            }
        }
        account[key] = Value::Array(current.into_iter().map(|n| json!({"name": n})).collect());
    }
    if !updated && not_found {
        return fail(stderr, "Some secrets could not be linked");
    }
    Outcome {
        stdout: String::new(),
        stderr,
        code: 0,
    }
}

/// `k=v` pairs and bare `k` (the label exists; value `None`).
/// `TYPE[,TYPE...]` as oc resolves it, or oc's error for the first unknown one.
/// oc names only the plural (`foos` of `foos.example.com`) when the server has no such type.
fn resource_types(st: &State, types: &str) -> Result<Vec<&'static ResourceType>, Outcome> {
    types
        .split(',')
        .map(|t| {
            resources::by_name_in(st, t).ok_or_else(|| {
                Outcome::err(format!(
                    "error: the server doesn't have a resource type \"{}\"",
                    t.split('.').next().unwrap_or(t)
                ))
            })
        })
        .collect()
}

/// `k=v` pairs and bare `k` (the label exists; value `None`).
fn parse_selector(s: &str) -> Vec<(String, Option<String>)> {
    s.split(',')
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (kv.to_string(), None),
        })
        .collect()
}

fn selected(o: &Value, selector: &[(String, Option<String>)]) -> bool {
    selector.iter().all(|(k, v)| match v {
        Some(v) => o["metadata"]["labels"][k].as_str() == Some(v),
        None => !o["metadata"]["labels"][k].is_null(),
    })
}

/// A stable uid for objects the fake does not store (storage classes, the ingress config).
fn pseudo_uid(seed: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    seed.hash(&mut h);
    let a = h.finish();
    "salt".hash(&mut h);
    let hex = format!("{a:016x}{:016x}", h.finish());
    format!(
        "{}-{}-4{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// Where OpenShift keeps the monitoring stack's configuration.
const MONITORING_NAMESPACE: &str = "openshift-monitoring";

/// openshift-monitoring/cluster-monitoring-config, as the simulated OpenShift seeds it.
fn monitoring_config(st: &State) -> Vec<Value> {
    st.user_workload_monitoring
        .map(|on| {
            json!({"apiVersion": "v1", "kind": "ConfigMap",
                "data": {"config.yaml": format!("enableUserWorkload: {on}\n")},
                "metadata": {"name": "cluster-monitoring-config", "namespace": MONITORING_NAMESPACE,
                    "creationTimestamp": "2026-01-01T00:00:00Z", "resourceVersion": "1025",
                    "uid": pseudo_uid("cluster-monitoring-config")}})
        })
        .into_iter()
        .collect()
}

/// Every stored object of one type, as the API server would return it.
fn objects_of(st: &State, rt: &ResourceType, ns: &str) -> Vec<Value> {
    let items = match rt.kind {
        "Project" => st
            .projects
            .iter()
            .filter(|(n, _)| st.member_of(n))
            .map(|(n, p)| server::project_object(n, p))
            .collect(),
        "StorageClass" => st
            .storage_classes
            .iter()
            .enumerate()
            .map(|(i, sc)| {
                let mut meta = json!({"name": sc.name, "creationTimestamp": "2026-01-01T00:00:00Z",
                    "resourceVersion": (1011 + i).to_string(), "uid": pseudo_uid(&sc.name)});
                if sc.default {
                    meta["annotations"] =
                        json!({"storageclass.kubernetes.io/is-default-class": "true"});
                }
                let mut o = json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
                    "metadata": meta, "provisioner": sc.provisioner,
                    "reclaimPolicy": sc.reclaim_policy.as_deref().unwrap_or("Delete"),
                    "volumeBindingMode": sc.binding_mode()});
                if let Some(expand) = sc.allow_volume_expansion {
                    o["allowVolumeExpansion"] = json!(expand);
                }
                o
            })
            .collect(),
        "Node" => st.nodes.clone(),
        "ConfigMap" if ns == MONITORING_NAMESPACE => monitoring_config(st),
        "Ingress" => match (&st.ingress_domain, st.flavour.as_str()) {
            (Some(d), "4") => vec![
                json!({"apiVersion": "config.openshift.io/v1", "kind": "Ingress",
                "metadata": {"name": "cluster", "uid": pseudo_uid("ingress")}, "spec": {"domain": d}}),
            ],
            _ => vec![],
        },
        _ => st
            .projects
            .get(ns)
            .map(|p| {
                p.objects
                    .iter()
                    .filter(|o| o["kind"] == rt.kind)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
    };
    server::sorted(items)
}

fn can_i(args: &Args, st: &State, verb: &str, resource: &str) -> Outcome {
    if let Some(fail) = client::failure(st, args, Call::CanI { resource }) {
        return fail;
    }
    let no = |stderr: String| Outcome {
        stdout: "no\n".into(),
        stderr,
        code: 1,
    };
    // `RESOURCE/NAME` asks about one object; the fake's RBAC decides by resource alone.
    let resource = resource.split('/').next().unwrap_or(resource);
    let Some(rt) = resources::by_name_in(st, resource) else {
        let (plural, group) = resource.split_once('.').unwrap_or((resource, ""));
        return no(if group.is_empty() {
            format!("Warning: the server doesn't have a resource type '{plural}'\n\n")
        } else {
            format!("Warning: the server doesn't have a resource type '{plural}' in group '{group}'\n\n")
        });
    };
    let mut stderr = String::new();
    if !rt.namespaced {
        stderr = if rt.group.is_empty() {
            format!(
                "Warning: resource '{}' is not namespace scoped\n\n",
                rt.plural
            )
        } else {
            format!(
                "Warning: resource '{}' is not namespace scoped in group '{}'\n\n",
                rt.plural, rt.group
            )
        };
    }
    let ns = namespace(args, st);
    let scope = rt.namespaced.then_some(ns.as_str());
    if may(st, verb, rt, scope) {
        Outcome {
            stdout: "yes\n".into(),
            stderr,
            code: 0,
        }
    } else {
        no(stderr)
    }
}

/// `oc auth can-i --list`: the rules the simulated RBAC gives the user in the namespace, as
/// oc 4.13 prints a SelfSubjectRulesReview (kubectl's `printAccess`: rules compacted and sorted,
/// columns padded by a tabwriter).
fn can_i_list(args: &Args, st: &State) -> Outcome {
    if let Some(fail) = client::failure(
        st,
        args,
        Call::CanI {
            resource: "selfsubjectrulesreviews.authorization.k8s.io",
        },
    ) {
        return fail;
    }
    let ns = namespace(args, st);
    let row = |r: &str, u: &str, n: &str, v: &str| [r, u, n, v].map(str::to_string);
    let everything = row("*.*", "[]", "[]", "[*]");
    let non_resource = [
        "/api/*",
        "/api",
        "/apis/*",
        "/apis",
        "/healthz",
        "/version/",
        "/version",
    ]
    .map(|url| row("", &format!("[{url}]"), "[]", "[get]"));
    let mut rows = Vec::new();
    if st.cluster_admin {
        rows.push(everything);
        rows.extend(non_resource);
    } else {
        if st.member_of(&ns) {
            rows.push(everything);
        }
        rows.push(row(
            "selfsubjectaccessreviews.authorization.k8s.io",
            "[]",
            "[]",
            "[create]",
        ));
        rows.push(row(
            "selfsubjectrulesreviews.authorization.k8s.io",
            "[]",
            "[]",
            "[create]",
        ));
        rows.push(row(
            "storageclasses.storage.k8s.io",
            "[]",
            "[]",
            "[get list watch]",
        ));
        rows.extend(non_resource);
        rows.push(row("users.user.openshift.io", "[]", "[~]", "[get]"));
        let requests = if st.can_create_projects {
            "[list create]"
        } else {
            "[list]"
        };
        rows.push(row(
            "projectrequests.project.openshift.io",
            "[]",
            "[]",
            requests,
        ));
        rows.push(row(
            "projects.project.openshift.io",
            "[]",
            "[]",
            "[list watch]",
        ));
    }
    let header = row("Resources", "Non-Resource URLs", "Resource Names", "Verbs");
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            rows.iter()
                .chain([&header])
                .map(|r| r[i].len())
                .max()
                .unwrap_or(0)
                + 3
        })
        .collect();
    let mut out = String::new();
    for r in std::iter::once(&header).chain(&rows) {
        for (cell, w) in r.iter().zip(&widths) {
            out.push_str(&format!("{cell:<w$}"));
        }
        out.push_str(&r[3]);
        out.push('\n');
    }
    Outcome::ok(out)
}

fn is_dns_label(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.starts_with('-')
        && !name.ends_with('-')
}

fn new_project(args: &Args, st: &mut State, name: &str) -> Outcome {
    if let Some(fail) = client::failure(st, args, Call::NewProject) {
        return fail;
    }
    let rt = resources::by_kind("ProjectRequest").expect("a known kind");
    if !may(st, "create", rt, None) {
        return Outcome::err(
            "Error from server (Forbidden): You may not request a new project via this API.",
        );
    }
    if !is_dns_label(name) {
        return Outcome::err(format!(
            "The ProjectRequest \"{name}\" is invalid: metadata.name: Invalid value: \"{name}\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
        ));
    }
    for prefix in ["openshift-", "kube-"] {
        if name.starts_with(prefix) {
            return Outcome::err(format!(
                "Error from server (Forbidden): cannot request a project starting with \"{prefix}\""
            ));
        }
    }
    if st.project_made_meanwhile && !st.projects.contains_key(name) {
        st.project_made_meanwhile = false;
        server::create_project(st, name, "", "");
    }
    if st.projects.contains_key(name) || SYSTEM_NAMESPACES.contains(&name) {
        return Outcome::err(format!(
            "Error from server (AlreadyExists): project.project.openshift.io \"{name}\" already exists"
        ));
    }
    let display_name = args.flag("--display-name").unwrap_or_default().to_string();
    let description = args.flag("--description").unwrap_or_default().to_string();
    server::create_project(st, name, &display_name, &description);
    if args.has("--skip-config-write") {
        return Outcome::ok(format!(
            "Project \"{name}\" created on server \"{}\".\n\nTo switch to this project and start adding applications, use:\n\n    oc project {name}\n",
            st.server
        ));
    }
    st.current_project = Some(name.into());
    Outcome::ok(format!(
        "Now using project \"{name}\" on server \"{}\".\n\nYou can add applications to this project with the 'new-app' command. For example, try:\n\n    oc new-app rails-postgresql-example\n\nto build a new example application in Ruby. Or use kubectl to deploy a simple Kubernetes application:\n\n    kubectl create deployment hello-node --image=k8s.gcr.io/serve_hostname\n\n",
        st.server
    ))
}

/// Reads a manifest in YAML or JSON.
fn read_manifest(text: &str) -> Result<Vec<Value>, String> {
    let v: Value =
        serde_yaml::from_str(text).map_err(|e| format!("error: error parsing STDIN: {e}"))?;
    Ok(vec![v])
}

/// Versions of a group the API server serves besides the stored one, by Kubernetes minor
/// version: (kind, apiVersion, first minor serving it, first minor no longer serving it, the
/// deprecation warning the server sends while it is served).
const OTHER_VERSIONS: &[(&str, &str, u32, u32, &str)] = &[(
    "PodDisruptionBudget",
    "policy/v1beta1",
    0,
    25,
    "policy/v1beta1 PodDisruptionBudget is deprecated in v1.21+, unavailable in v1.25+; use policy/v1 PodDisruptionBudget",
)];

/// The stored version of a kind first served in a later Kubernetes: (kind, first minor).
const INTRODUCED: &[(&str, u32)] = &[("PodDisruptionBudget", 21)];

/// The cluster's Kubernetes minor version (`v1.27.8+4fab27b` → 27).
fn kube_minor(st: &State) -> u32 {
    minor_version(st.kube_version.trim_start_matches('v'))
}

/// The warning the API server sends for an object of a deprecated (but served) version.
fn deprecation_warning(st: &State, obj: &Value) -> Option<&'static str> {
    let minor = kube_minor(st);
    OTHER_VERSIONS
        .iter()
        .find(|(k, v, _, until, _)| obj["kind"] == *k && obj["apiVersion"] == *v && minor < *until)
        .filter(|(k, _, _, _, _)| {
            INTRODUCED
                .iter()
                .any(|(i, since)| i == k && minor >= *since)
        })
        .map(|(_, _, _, _, warning)| *warning)
}

fn check_api_version(st: &State, obj: &Value) -> Result<(), String> {
    let kind = obj["kind"].as_str().unwrap_or_default();
    let api_version = obj["apiVersion"].as_str().unwrap_or_default();
    let removed_legacy = st.flavour == "4" && minor_version(&st.openshift_version) >= 11;
    let list_kind = kind.strip_suffix("List").filter(|k| !k.is_empty());
    let rt = resources::by_kind_in(list_kind.unwrap_or(kind), api_version)
        .filter(|rt| resources::served(st, rt));
    let minor = kube_minor(st);
    let introduced = |k: &str| {
        INTRODUCED
            .iter()
            .find(|(i, _)| *i == k)
            .is_none_or(|(_, since)| minor >= *since)
    };
    let known = match rt {
        Some(rt) if api_version == rt.api_version => introduced(rt.kind),
        Some(rt) if api_version == "v1" => rt.group.is_empty() || (rt.legacy_v1 && !removed_legacy),
        Some(rt) => OTHER_VERSIONS.iter().any(|(k, v, from, until, _)| {
            *k == rt.kind && *v == api_version && (*from..*until).contains(&minor)
        }),
        _ => kind == "List" && api_version == "v1",
    };
    if !known {
        return Err(format!(
            "error: resource mapping not found for name: \"{}\" namespace: \"\" from \"STDIN\": no matches for kind \"{kind}\" in version \"{api_version}\"\nensure CRDs are installed first",
            obj["metadata"]["name"].as_str().unwrap_or_default()
        ));
    }
    Ok(())
}

fn minor_version(v: &str) -> u32 {
    v.split('.')
        .nth(1)
        .and_then(|m| m.parse().ok())
        .unwrap_or(0)
}

fn create_or_replace(args: &Args, st: &mut State, stdin: &[u8], replace: bool) -> Outcome {
    if args.flag("--filename") != Some("-") {
        return unknown(&args.words);
    }
    let text = String::from_utf8_lossy(stdin);
    let docs = match read_manifest(&text) {
        Ok(d) => d,
        Err(e) => return Outcome::err(e),
    };
    let ns = namespace(args, st);
    let flat: Vec<Value> = docs
        .iter()
        .flat_map(|d| match d["items"].as_array() {
            Some(items) if d["kind"].as_str().is_some_and(|k| k.ends_with("List")) => items.clone(),
            _ => vec![d.clone()],
        })
        .collect();
    let call = Call::Write {
        items: &flat,
        namespace: &ns,
        replace,
    };
    if let Some(fail) = client::failure(st, args, call) {
        return fail;
    }
    let mut objects = Vec::new();
    let mut warnings: Vec<&str> = Vec::new();
    // The items of a List that the server does not know: the others are still created, and
    // oc says so at the end (kubectl's builder flattens the list, then visits every item).
    let mut unrecognized = Vec::new();
    for doc in docs {
        if let Err(e) = check_api_version(st, &doc) {
            return Outcome::err(e);
        }
        let items = if doc["kind"].as_str().is_some_and(|k| k.ends_with("List")) {
            doc["items"].as_array().cloned().unwrap_or_default()
        } else {
            vec![doc]
        };
        for item in items {
            if check_api_version(st, &item).is_err() {
                unrecognized.push(format!(
                    "unable to recognize no matches for kind \"{}\" in version \"{}\"\n",
                    item["kind"].as_str().unwrap_or_default(),
                    item["apiVersion"].as_str().unwrap_or_default()
                ));
                continue;
            }
            // oc prints each warning of the server once (kubectl deduplicates them).
            if let Some(w) = deprecation_warning(st, &item).filter(|w| !warnings.contains(w)) {
                warnings.push(w);
            }
            objects.push(item);
        }
    }
    let (done, action) = if replace {
        ("replaced", "replacing")
    } else {
        ("created", "creating")
    };
    let mut out = Outcome::ok("");
    for w in warnings {
        out.stderr.push_str(&format!("Warning: {w}\n"));
    }
    for obj in objects {
        let rt = resources::by_kind_in(
            obj["kind"].as_str().unwrap_or_default(),
            obj["apiVersion"].as_str().unwrap_or_default(),
        )
        .unwrap();
        let name = obj["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let result = if replace {
            server::replace(st, rt, &ns, obj)
        } else {
            server::create(st, rt, &ns, obj)
        };
        match result {
            Ok(_) => out
                .stdout
                .push_str(&format!("{}/{name} {done}\n", rt.qualified_kind())),
            Err((reason, msg)) => {
                out.stderr.push_str(&format!(
                    "Error from server ({reason}): error when {action} \"STDIN\": {msg}\n"
                ));
                out.code = 1;
            }
        }
    }
    if !unrecognized.is_empty() {
        out.stderr.push_str(&unrecognized.concat());
        out.code = 1;
    }
    out
}

/// What `new-app` and `process` share: the template read, the parameters given (`--param`,
/// then the param file where not given), set as oc sets them client-side, generated and checked
/// as the server does.
struct Processed {
    file: String,
    template: Value,
    tname: String,
    ns: String,
    params: Vec<template::Param>,
    values: Vec<(String, String)>,
    stderr: String,
}

/// Which command processes the template: they word their errors differently.
#[derive(Clone, Copy, PartialEq, Eq)]
enum By {
    NewApp,
    /// `oc process`: the client reads the template and sets the parameters, the server
    /// (`processedtemplates`) generates and checks them (`pkg/cli/process/process.go`).
    Process,
}

fn process_template(
    args: &Args,
    st: &mut State,
    stdin: &[u8],
    by: By,
) -> Result<Processed, Outcome> {
    let Some(file) = args.flag("--file").or(args.flag("--filename")) else {
        return Err(unknown(&args.words));
    };
    let file = file.to_string();
    let mut warnings = String::new();
    // ParseAndCombineEnvironment: --param values first (a bad one is an error at once), then
    // the param file where not given; its errors are raised once the template is read.
    let mut given: Vec<(String, String)> = Vec::new();
    let mut duplicated: Vec<String> = Vec::new();
    for p in args.flag_all("--param") {
        match p.split_once('=') {
            Some((k, v)) if template::is_env_var_name(k) => {
                if given.iter().any(|(g, _)| g == k) {
                    if !duplicated.iter().any(|d| d == k) {
                        duplicated.push(k.to_string());
                    }
                } else {
                    given.push((k.into(), v.into()));
                }
            }
            _ => {
                return Err(Outcome::err(format!(
                    "error: invalid parameter assignment in \"{p}\", []"
                )))
            }
        }
    }
    let mut param_error = None;
    if let Some(pf) = args.flag("--param-file") {
        let text = if pf == "-" {
            Ok(String::from_utf8_lossy(stdin).into_owned())
        } else {
            std::fs::read_to_string(pf)
                .map_err(|_| format!("Cannot stat \"{pf}\": stat {pf}: no such file or directory"))
        };
        let shown = if pf == "-" { "stdin" } else { pf };
        match text.and_then(|t| template::parse_param_file(&t, shown)) {
            Ok(vars) => {
                for (k, v) in vars {
                    if given.iter().any(|(g, _)| *g == k) {
                        warnings.push_str(&format!(
                            "warning: Template parameter \"{k}\" already defined, ignoring value from file \"{pf}\"\n"
                        ));
                    } else {
                        given.push((k, v));
                    }
                }
            }
            Err(e) => param_error = Some(e),
        }
    }
    if !duplicated.is_empty() {
        duplicated.sort();
        let command = if by == By::Process {
            "process"
        } else {
            "new-app"
        };
        return Err(Outcome::err(format!(
            "error: The following parameters were provided more than once: {}\nSee 'oc {command} -h' for help and examples",
            duplicated.join(", ")
        )));
    }
    let unreadable = |why: String| {
        Outcome::err(format!(
            "error: failed to read input object (not a Template?): {why}"
        ))
    };
    // `-f -`: the template on stdin (oc process only).
    let read = if file == "-" && by == By::Process {
        Ok(String::from_utf8_lossy(stdin).into_owned())
    } else {
        std::fs::read_to_string(&file)
    };
    let Ok(text) = read else {
        if by == By::Process {
            return Err(unreadable(format!("the path \"{file}\" does not exist")));
        }
        return Err(Outcome::err(format!(
            "error: unable to locate any template files with name \"{file}\"\n\nThe 'oc new-app' command will match arguments to the following types:\n\n  1. Images tagged into image streams in the current project or the 'openshift' project\n     - if you don't specify a tag, we'll add ':latest'\n  2. Images in the Docker Hub, on remote registries, or on the local Docker engine\n  3. Templates in the current project or the 'openshift' project\n  4. Git repository URLs or local paths that point to Git repositories\n\n--allow-missing-images can be used to point to an image that does not exist yet.\n\nSee 'oc new-app -h' for examples."
        )));
    };
    let template: Value = match serde_yaml::from_str(&text) {
        Ok(t) => t,
        Err(e) if by == By::Process => {
            return Err(unreadable(format!("unable to decode \"{file}\": {e}")))
        }
        Err(e) => {
            return Err(Outcome::err(format!(
                "error: unable to load template file \"{file}\": {e}"
            )))
        }
    };
    let ns = namespace(args, st);
    if by == By::Process {
        let call = Call::Process {
            file: &file,
            namespace: &ns,
        };
        if let Some(fail) = client::failure(st, args, call) {
            return Err(fail);
        }
    } else if let Some(fail) = client::failure(st, args, Call::NewProject) {
        return Err(fail);
    }
    // oc maps the file's kind through discovery: OpenShift 4.11 and later serve no
    // ungroupified `apiVersion: v1` Template (apicast-gateway/apicast.yml is written that way).
    let removed_legacy = st.flavour == "4" && minor_version(&st.openshift_version) >= 11;
    if by == By::Process
        && template["kind"] == "Template"
        && template["apiVersion"] == "v1"
        && removed_legacy
    {
        let shown = if file == "-" { "STDIN" } else { file.as_str() };
        return Err(unreadable(format!(
            "resource mapping not found for name: \"{}\" namespace: \"\" from \"{shown}\": no matches for kind \"Template\" in version \"v1\"\nensure CRDs are installed first",
            template["metadata"]["name"].as_str().unwrap_or_default()
        )));
    }
    if template["kind"] != "Template" {
        if by == By::Process {
            return Err(unreadable(format!("\"{file}\" is not a Template")));
        }
        return Err(Outcome::err(format!(
            "error: object in \"{file}\" is not a template"
        )));
    }
    if let Some(e) = param_error {
        return Err(Outcome::err(format!("error: {e}")));
    }
    // injectUserVars: a given value replaces the default and turns generation off.
    let mut params = template::params_of(&template);
    let mut unknown_names: Vec<&str> = Vec::new();
    for (k, v) in &given {
        match params.iter_mut().find(|p| &p.name == k) {
            Some(p) => {
                p.value = v.clone();
                p.generate = None;
            }
            None => unknown_names.push(k),
        }
    }
    if !unknown_names.is_empty() {
        unknown_names.sort();
        let word = if by == By::Process {
            "unknown"
        } else {
            "unexpected"
        };
        let errors: Vec<String> = unknown_names
            .iter()
            .map(|k| format!("{word} parameter name \"{k}\"\n"))
            .collect();
        let message = if errors.len() == 1 {
            errors[0].clone()
        } else {
            format!("[{}]", errors.join(", "))
        };
        return Err(Outcome::err(format!("error: {message}")));
    }
    let forbidden_here = !st.member_of(&ns) || st.is_denied("create", "processedtemplates");
    if by == By::Process && forbidden_here {
        return Err(Outcome::err(format!(
            "error: unable to process template\n  processedtemplates.template.openshift.io is forbidden: User \"{}\" cannot create resource \"processedtemplates\" in API group \"template.openshift.io\" in the namespace \"{ns}\"",
            st.user_name()
        )));
    }
    let tname = template["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let errors = template::generate_values(&mut params, st);
    if !errors.is_empty() {
        if by == By::Process {
            let causes: String = errors.iter().map(|(_, m)| format!("  {m}\n")).collect();
            return Err(Outcome::err(format!(
                "error: unable to process template\n{causes}"
            )));
        }
        let details: Vec<String> = errors
            .iter()
            .map(|(i, m)| format!("template.parameters[{i}]: {m}"))
            .collect();
        let details = if details.len() == 1 {
            details[0].clone()
        } else {
            format!("[{}]", details.join(", "))
        };
        return Err(Outcome::err(format!(
            "error: error processing template \"{ns}/{tname}\": Template.template.openshift.io \"{tname}\" is invalid: {details}"
        )));
    }
    let values: Vec<(String, String)> = params
        .iter()
        .map(|p| (p.name.clone(), p.value.clone()))
        .collect();
    Ok(Processed {
        file,
        template,
        tname,
        ns,
        params,
        values,
        stderr: warnings,
    })
}

fn processed_objects(p: &Processed) -> Vec<Value> {
    let labels = p.template["labels"].clone();
    p.template["objects"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|o| template::process_object(o, &p.values, &labels))
        .collect()
}

fn process(args: &Args, st: &mut State, stdin: &[u8]) -> Outcome {
    if args.flag("--output") != Some("json") {
        return unknown(&args.words);
    }
    let p = match process_template(args, st, stdin, By::Process) {
        Ok(p) => p,
        Err(o) => return o,
    };
    // A typed list: its keys in struct order (kind, apiVersion, metadata, items), 4-space
    // indent; the items as the server returned them.
    let items = print_json(&Value::Array(processed_objects(&p)));
    let items = items.trim_end().replace('\n', "\n    ");
    Outcome {
        stdout: format!(
            "{{\n    \"kind\": \"List\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {{}},\n    \"items\": {items}\n}}\n"
        ),
        stderr: p.stderr,
        code: 0,
    }
}

fn new_app(args: &Args, st: &mut State, stdin: &[u8]) -> Outcome {
    let p = match process_template(args, st, stdin, By::NewApp) {
        Ok(p) => p,
        Err(o) => return o,
    };
    let objects = processed_objects(&p);
    let Processed {
        file,
        template,
        tname,
        ns,
        params,
        values,
        stderr,
    } = p;
    let mut out = Outcome {
        stdout: String::new(),
        stderr,
        code: 0,
    };

    if !path_has("git") {
        out.stdout.push_str("warning: Cannot find git. Ensure that it is installed and in your path. Git is required to work with git repositories.\n");
    }
    out.stdout.push_str(&format!(
        "--> Deploying template \"{ns}/{tname}\" for \"{file}\" to project {ns}\n\n"
    ));
    let annotations = &template["metadata"]["annotations"];
    let description = annotations["description"].as_str();
    let message = template["message"]
        .as_str()
        .map(|m| template::substitute_text(m, &values));
    if description.is_some() || message.is_some() {
        let title = annotations["openshift.io/display-name"]
            .as_str()
            .unwrap_or(&tname);
        out.stdout
            .push_str(&format!("     {title}\n     ---------\n"));
        for line in description.unwrap_or_default().lines() {
            out.stdout.push_str(&format!("     {line}\n"));
        }
        out.stdout.push('\n');
        if let Some(m) = &message {
            for line in m.lines() {
                out.stdout.push_str(&format!("     {line}\n"));
            }
            out.stdout.push('\n');
        }
    }
    out.stdout.push_str("     * With parameters:\n");
    for p in &params {
        let label = p.display_name.as_deref().unwrap_or(&p.name);
        let generated = if p.generate.is_some() {
            " # generated"
        } else {
            ""
        };
        out.stdout
            .push_str(&format!("        * {label}={}{generated}\n", p.value));
    }
    out.stdout.push_str("\n--> Creating resources ...\n");
    let mut failed = false;
    let mut hosts = Vec::new();
    for mut obj in objects {
        obj["metadata"]["annotations"]["openshift.io/generated-by"] = json!("OpenShiftNewApp");
        let Some(rt) = resources::by_kind(obj["kind"].as_str().unwrap_or_default()) else {
            return unknown(&[format!("new-app object kind {}", obj["kind"])]);
        };
        let name = obj["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let host = obj["spec"]["host"].as_str().map(str::to_string);
        match server::create(st, rt, &ns, obj) {
            Ok(_) => {
                out.stdout
                    .push_str(&format!("    {} \"{name}\" created\n", rt.qualified_kind()));
                if let Some(h) = host.filter(|_| rt.kind == "Route") {
                    hosts.push(h);
                }
            }
            Err((_, msg)) => {
                out.stderr.push_str(&format!("    error: {msg}\n"));
                failed = true;
            }
        }
    }
    if failed {
        out.stdout.push_str("--> Failed\n");
        out.code = 1;
        return out;
    }
    out.stdout.push_str("--> Success\n");
    for h in hosts {
        out.stdout
            .push_str(&format!("    Access your application via route '{h}' \n"));
    }
    out.stdout
        .push_str("    Run 'oc status' to view your app.\n");
    out
}

fn path_has(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
        .unwrap_or(false)
}

fn delete_project(args: &Args, st: &mut State, name: &str) -> Outcome {
    if let Some(fail) = client::failure(st, args, Call::DeleteProject) {
        return fail;
    }
    let rt = resources::by_name("projects").unwrap();
    if !st.projects.contains_key(name) && st.cluster_admin {
        return Outcome::err(format!(
            "Error from server (NotFound): projects.project.openshift.io \"{name}\" not found"
        ));
    }
    if !st.projects.contains_key(name) || !may(st, "delete", rt, Some(name)) {
        return Outcome::err(format!(
            "Error from server (Forbidden): {}",
            forbidden(st, "delete", rt, Some(name), Some(name))
        ));
    }
    st.projects.remove(name);
    if st.current_project.as_deref() == Some(name) {
        st.current_project = None;
    }
    Outcome::ok(format!("project.project.openshift.io \"{name}\" deleted\n"))
}

/// Removes an object and, as the garbage collector does, what it owns.
fn remove_with_dependents(objects: &mut Vec<Value>, index: usize) {
    let gone = objects.remove(index);
    let mut uids: Vec<String> = gone["metadata"]["uid"]
        .as_str()
        .map(|u| vec![u.to_string()])
        .unwrap_or_default();
    while let Some(uid) = uids.pop() {
        let mut i = 0;
        while i < objects.len() {
            let owned = objects[i]["metadata"]["ownerReferences"]
                .as_array()
                .is_some_and(|refs| refs.iter().any(|r| r["uid"] == uid.as_str()));
            if owned {
                let o = objects.remove(i);
                if let Some(u) = o["metadata"]["uid"].as_str() {
                    uids.push(u.to_string());
                }
            } else {
                i += 1;
            }
        }
    }
}

fn delete_selected(args: &Args, st: &mut State, types: &str) -> Outcome {
    let kinds = match resource_types(st, types) {
        Ok(k) => k,
        Err(o) => return o,
    };
    let call = Call::DeleteNamed {
        count: 1,
        qualified: types.split(',').any(|t| t.matches('.').count() >= 2),
    };
    if let Some(fail) = client::failure(st, args, call) {
        return fail;
    }
    let ns = namespace(args, st);
    let selector = parse_selector(args.flag("--selector").unwrap_or_default());
    for rt in &kinds {
        if !may(st, "delete", rt, Some(&ns)) {
            return Outcome::err(format!(
                "Error from server (Forbidden): {}",
                forbidden(st, "list", rt, None, Some(&ns))
            ));
        }
    }
    let mut out = String::new();
    if let Some(project) = st.projects.get_mut(&ns) {
        for rt in &kinds {
            let mut names: Vec<String> = project
                .objects
                .iter()
                .filter(|o| o["kind"] == rt.kind && selected(o, &selector))
                .filter_map(|o| o["metadata"]["name"].as_str().map(str::to_string))
                .collect();
            names.sort();
            for name in names {
                if let Some(i) = project
                    .objects
                    .iter()
                    .position(|o| o["kind"] == rt.kind && o["metadata"]["name"] == name.as_str())
                {
                    remove_with_dependents(&mut project.objects, i);
                    out.push_str(&format!("{} \"{name}\" deleted\n", rt.qualified_kind()));
                }
            }
        }
    }
    if out.is_empty() {
        return Outcome::ok("No resources found\n");
    }
    Outcome::ok(out)
}

/// `oc delete TYPE/NAME... [--ignore-not-found]`: each object by name, as oc prints it.
fn delete_named(args: &Args, st: &mut State, named: &[&str]) -> Outcome {
    let mut targets = Vec::new();
    for item in named {
        let (types, name) = item.split_once('/').unwrap_or((item, ""));
        let rt = match resource_types(st, types) {
            Ok(k) => k[0],
            Err(o) => return o,
        };
        targets.push((rt, name));
    }
    let call = Call::DeleteNamed {
        count: targets.len(),
        qualified: named.iter().any(|n| {
            n.split('/')
                .next()
                .is_some_and(|t| t.matches('.').count() >= 2)
        }),
    };
    if let Some(fail) = client::failure(st, args, call) {
        return fail;
    }
    let ns = namespace(args, st);
    let mut out = String::new();
    let mut err = String::new();
    for (rt, name) in targets {
        if !may(st, "delete", rt, Some(&ns)) {
            err.push_str(&format!(
                "Error from server (Forbidden): {}\n",
                forbidden(st, "delete", rt, Some(name), Some(&ns))
            ));
            continue;
        }
        let Some(project) = st.projects.get_mut(&ns) else {
            continue;
        };
        match project
            .objects
            .iter()
            .position(|o| o["kind"] == rt.kind && o["metadata"]["name"] == name)
        {
            Some(i) => {
                remove_with_dependents(&mut project.objects, i);
                out.push_str(&format!("{} \"{name}\" deleted\n", rt.qualified_kind()));
            }
            None if args.has("--ignore-not-found") => {}
            None => err.push_str(&format!(
                "Error from server (NotFound): {} \"{name}\" not found\n",
                rt.qualified_plural()
            )),
        }
    }
    Outcome {
        code: if err.is_empty() { 0 } else { 1 },
        stdout: out,
        stderr: err,
    }
}

fn logs(args: &Args, st: &mut State, pod: &str) -> Outcome {
    if let Some(fail) = client::failure(st, args, Call::Logs) {
        return fail;
    }
    let ns = namespace(args, st);
    let pod = pod.trim_start_matches("pod/");
    let pods = resources::by_kind("Pod").expect("a known kind");
    if !may(st, "get", pods, Some(&ns)) {
        return Outcome::err(format!(
            "Error from server (Forbidden): {}",
            forbidden(st, "get", pods, Some(pod), Some(&ns))
        ));
    }
    let found = st.projects.get(&ns).and_then(|p| {
        p.objects
            .iter()
            .find(|o| o["kind"] == "Pod" && o["metadata"]["name"] == pod)
            .cloned()
    });
    let Some(found) = found else {
        return Outcome::err(format!(
            "Error from server (NotFound): pods \"{pod}\" not found"
        ));
    };
    let log = match args.flag("--container") {
        Some(c) => container_log(st, &found, pod, c, args.has("--previous")),
        None => crate::controllers::pod_log(pod).ok_or_else(|| {
            Outcome::err(format!(
                "Error from server (NotFound): pods \"{pod}\" not found"
            ))
        }),
    };
    match log {
        Ok(log) => Outcome::ok(bounded(args, &log)),
        Err(o) => o,
    }
}

/// One container's log (or its previous run's), as the kubelet answers for it.
fn container_log(
    st: &State,
    pod: &Value,
    name: &str,
    container: &str,
    previous: bool,
) -> Result<String, Outcome> {
    let status = ["initContainerStatuses", "containerStatuses"]
        .iter()
        .flat_map(|k| pod["status"][k].as_array().cloned().unwrap_or_default())
        .find(|c| c["name"] == container);
    let Some(status) = status else {
        return Err(Outcome::err(format!(
            "error: container {container} is not valid for pod {name}"
        )));
    };
    let key = format!("{name}/{container}");
    if previous {
        return st.pod_logs.get(&format!("{key}/previous")).cloned().ok_or_else(|| {
            Outcome::err(format!("Error from server (BadRequest): previous terminated container \"{container}\" in pod \"{name}\" not found"))
        });
    }
    if let Some(reason) = status["state"]["waiting"]["reason"].as_str() {
        return Err(Outcome::err(format!("Error from server (BadRequest): container \"{container}\" in pod \"{name}\" is waiting to start: {reason}")));
    }
    Ok(st
        .pod_logs
        .get(&key)
        .cloned()
        .or_else(|| crate::controllers::pod_log(name))
        .unwrap_or_else(|| format!("fake oc: container {container} started\n")))
}

/// The last `--tail` lines, at most `--limit-bytes` of them (counted from their start, as the
/// kubelet counts).
fn bounded(args: &Args, log: &str) -> String {
    let tail: usize = args
        .flag("--tail")
        .and_then(|t| t.parse().ok())
        .unwrap_or(usize::MAX);
    let lines: Vec<&str> = log.lines().collect();
    let start = lines.len().saturating_sub(tail);
    let mut text: String = lines[start..].iter().map(|l| format!("{l}\n")).collect();
    if let Some(limit) = args
        .flag("--limit-bytes")
        .and_then(|l| l.parse::<usize>().ok())
    {
        let mut end = limit.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// `oc import-image NAME --all` (every DockerImage tag of an existing stream imported again) or
/// `oc import-image NAME --from=IMAGE --confirm --dry-run` (the registry asked, nothing
/// changed), printed as oc 4.13 prints them (pkg/cli/importimage/importimage.go).
fn import_image(args: &Args, st: &mut State, name: &str) -> Outcome {
    let call = Call::Get {
        types: vec!["imagestreams"],
        named: true,
    };
    if let Some(fail) = client::failure(st, args, call) {
        return fail;
    }
    let ns = namespace(args, st);
    let is_type = resources::by_name("imagestreams").unwrap();
    if !st.member_of(&ns) {
        return Outcome::err(format!(
            "Error from server (Forbidden): {}",
            forbidden(st, "get", is_type, Some(name), Some(&ns))
        ));
    }
    let refuse = crate::controllers::Refusal::of(st, &ns);
    let dry_run = args.has("--dry-run");
    let suffix = if dry_run { " (dry run)" } else { "" };
    let finish = |failed: Vec<(String, String)>| {
        let mut stderr = String::new();
        for (tag, message) in &failed {
            stderr.push_str(&format!("error: tag {tag} failed: {message}\n"));
        }
        if failed.is_empty() {
            Outcome::ok(format!(
                "imagestream.image.openshift.io/{name} imported{suffix}\n\n"
            ))
        } else {
            stderr.push_str("error: imported completed with errors\n");
            Outcome {
                stdout: format!(
                    "imagestream.image.openshift.io/{name} imported with errors{suffix}\n\n\n"
                ),
                stderr,
                code: 1,
            }
        }
    };
    let existing = st.projects.get(&ns).and_then(|p| {
        p.objects
            .iter()
            .position(|o| o["kind"] == "ImageStream" && o["metadata"]["name"] == name)
    });
    match (existing, args.flag("--from")) {
        (None, _) if !args.has("--confirm") => Outcome::err(format!(
            "error: no image stream named \"{name}\" exists, pass --confirm to create and import"
        )),
        (None, None) => Outcome::err(
            "error: the image name must be a valid container image pull spec or reference to an image stream (e.g. myregistry/myteam/image:tag)",
        ),
        (None, Some(from)) if dry_run => finish(
            refuse
                .message(from)
                .map(|m| vec![("latest".to_string(), m)])
                .unwrap_or_default(),
        ),
        (None, Some(_)) => Outcome::err("fake oc: creating a stream with import-image is not modelled"),
        (Some(i), _) if args.has("--all") => {
            let project = st.projects.get_mut(&ns).unwrap();
            let is = &mut project.objects[i];
            let generation = is["metadata"]["generation"].as_u64().unwrap_or(1) + 1;
            is["metadata"]["generation"] = json!(generation);
            let mut images = Vec::new();
            for tag in is["spec"]["tags"].as_array_mut().into_iter().flatten() {
                if tag["from"]["kind"] == "DockerImage" {
                    tag["generation"] = json!(generation);
                    images.push((
                        tag["name"].as_str().unwrap_or_default().to_string(),
                        tag["from"]["name"].as_str().unwrap_or_default().to_string(),
                    ));
                }
            }
            if images.is_empty() {
                return Outcome::err(
                    "error: image stream does not have tags pointing to external container images",
                );
            }
            if dry_run {
                return finish(
                    images
                        .iter()
                        .filter_map(|(tag, image)| refuse.message(image).map(|m| (tag.clone(), m)))
                        .collect(),
                );
            }
            crate::controllers::import_images(
                std::slice::from_mut(is),
                &ns,
                &|image| refuse.message(image),
            );
            finish(
                images
                    .iter()
                    .filter_map(|(tag, image)| refuse.message(image).map(|m| (tag.clone(), m)))
                    .collect(),
            )
        }
        (Some(_), _) => Outcome::err("fake oc: import-image of a single tag is not modelled"),
    }
}

/// `oc patch TYPE/NAME --type=json -p PATCH`: a JSON patch (RFC 6902) applied as the API server
/// applies it, printed as oc prints it (`patched`, `patched (no change)`, `The request is
/// invalid: ...`). A change of a deployment config's pod template starts a rollout.
fn patch(args: &Args, st: &mut State, target: &str) -> Outcome {
    let (types, name) = target.split_once('/').unwrap_or((target, ""));
    if args.flag("--type") != Some("json") || name.is_empty() {
        return unknown(&args.words);
    }
    let rt = match resource_types(st, types) {
        Ok(k) => k[0],
        Err(o) => return o,
    };
    let call = Call::Get {
        types: vec![types],
        named: true,
    };
    if let Some(fail) = client::failure(st, args, call) {
        return fail;
    }
    let ns = namespace(args, st);
    if !may(st, "patch", rt, Some(&ns)) {
        return Outcome::err(format!(
            "Error from server (Forbidden): {}",
            forbidden(st, "patch", rt, Some(name), Some(&ns))
        ));
    }
    let Ok(ops) = serde_json::from_str::<Vec<Value>>(args.flag("--param").unwrap_or_default())
    else {
        return Outcome::err("error: unable to parse the patch as JSON");
    };
    let found = st.projects.get(&ns).and_then(|p| {
        p.objects
            .iter()
            .position(|o| o["kind"] == rt.kind && o["metadata"]["name"] == name)
    });
    let Some(i) = found else {
        return Outcome::err(format!(
            "Error from server (NotFound): {} \"{name}\" not found",
            rt.qualified_plural()
        ));
    };
    let old = st.projects[&ns].objects[i].clone();
    let new = match crate::patch::json_patch(&old, &ops) {
        Ok(v) => v,
        Err(why) => return Outcome::err(format!("The request is invalid: {why}")),
    };
    let shown = format!("{}/{name}", rt.qualified_kind());
    if new == old {
        return Outcome::ok(format!("{shown} patched (no change)\n"));
    }
    let mut new = new;
    // Empty maps are not kept (`omitempty`).
    if let Some(md) = new["metadata"].as_object_mut() {
        for key in ["labels", "annotations"] {
            if md
                .get(key)
                .is_some_and(|v| v.as_object().is_some_and(|m| m.is_empty()))
            {
                md.remove(key);
            }
        }
    }
    if rt.generation && new["spec"] != old["spec"] {
        new["metadata"]["generation"] =
            json!(old["metadata"]["generation"].as_u64().unwrap_or(1) + 1);
    }
    let rolls = rt.kind == "DeploymentConfig"
        && new["spec"]["template"] != old["spec"]["template"]
        && new["spec"]["triggers"]
            .as_array()
            .is_some_and(|t| t.iter().any(|t| t["type"] == "ConfigChange"));
    if rolls {
        let latest = old["status"]["latestVersion"].as_u64().unwrap_or(0).max(1);
        new["status"]["latestVersion"] = json!(latest + 1);
    }
    new["metadata"]["resourceVersion"] = json!(st.next_resource_version());
    st.projects.get_mut(&ns).expect("found").objects[i] = new;
    Outcome::ok(format!("{shown} patched\n"))
}
