//! The oc commands the simulator knows. Anything else exits 97 with a loud message.

use crate::resources::{self, ResourceType};
use crate::state::{Project, State};
use crate::template;
use crate::{Args, Outcome};
use base64::Engine;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

pub fn dispatch(args: &Args, st: &mut State, stdin: &[u8], argv: &[String]) -> Outcome {
    if let Some(path) = &args.kubeconfig {
        if !std::path::Path::new(path).exists() {
            return Outcome::err(format!("error: stat {path}: no such file or directory"));
        }
    }
    if let Some(ctx) = &args.context {
        if !st.contexts.contains(ctx) {
            return Outcome::err(format!(
                "Error in configuration: context was not found for specified context: {ctx}"
            ));
        }
    }
    let words: Vec<&str> = args.words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["whoami"] => whoami(args, st),
        ["version"] => version(args, st),
        ["get", types] => get(args, st, types, None),
        ["get", types, name] => get(args, st, types, Some(name)),
        ["auth", "can-i", verb, resource] => can_i(args, st, verb, resource),
        ["new-project", name] => new_project(args, st, name),
        ["create"] => create_or_replace(args, st, stdin, false),
        ["replace"] => create_or_replace(args, st, stdin, true),
        ["new-app"] => new_app(args, st, stdin),
        ["process"] => process(args, st, stdin),
        ["delete", "project", name] => delete_project(st, name),
        ["secrets", "link", sa, secrets @ ..] if !secrets.is_empty() => {
            secrets_link(args, st, sa, secrets, false)
        }
        ["secrets", "unlink", sa, secrets @ ..] if !secrets.is_empty() => {
            secrets_link(args, st, sa, secrets, true)
        }
        ["logs", pod] => logs(args, st, pod),
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

/// The errors every command that talks to the API server may give first.
fn api_check(st: &State) -> Option<Outcome> {
    if st.unreachable {
        let host = st
            .server
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        return Some(Outcome::err(format!(
            "The connection to the server {host} was refused - did you specify the right host or port?"
        )));
    }
    if st.user.is_none() {
        return Some(Outcome::err(
            "error: You must be logged in to the server (Unauthorized)",
        ));
    }
    None
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
    if args.has("--show-console") {
        if let Some(fail) = api_check(st) {
            return fail;
        }
        // oc reads openshift-config-managed/console-public; without it, oc 4 prints an error.
        return match &st.ingress_domain {
            Some(d) => Outcome::ok(format!("https://console-openshift-console.{d}\n")),
            None => Outcome::err("error: console URL is not available"),
        };
    }
    if st.unreachable {
        return api_check(st).unwrap();
    }
    match &st.user {
        Some(u) => Outcome::ok(format!("{u}\n")),
        None if st.flavour == "3.11" => Outcome::err(
            "Error from server (Forbidden): users.user.openshift.io \"~\" is forbidden: User \"system:anonymous\" cannot get users.user.openshift.io at the cluster scope: no RBAC policy matched",
        ),
        None => Outcome::err(
            "Error from server (Forbidden): users.user.openshift.io \"~\" is forbidden: User \"system:anonymous\" cannot get resource \"users\" in API group \"user.openshift.io\" at the cluster scope",
        ),
    }
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
    let client = json!({
        "major": "", "minor": "", "gitVersion": "v4.14.0-202401111553.p0.g286cfa5.assembly.stream-286cfa5",
        "gitCommit": "286cfa5", "gitTreeState": "clean", "buildDate": "2024-01-11T17:32:06Z",
        "goVersion": "go1.20.12 X:strictfipsruntime", "compiler": "gc", "platform": "linux/amd64"
    });
    // Struct order, 2-space indent: built by hand so that keys are not sorted.
    let mut text = format!("{{\n  \"clientVersion\": {}", indent(&client, 2));
    if let Some(fail) = api_check(st) {
        text.push_str(",\n  \"releaseClientVersion\": \"4.14.8\"\n}\n");
        return Outcome {
            stdout: text,
            stderr: fail.stderr,
            code: 1,
        };
    }
    let minor = st.kube_version.split('.').nth(1).unwrap_or("27");
    let server = json!({
        "major": "1", "minor": format!("{minor}+"), "gitVersion": st.kube_version,
        "gitCommit": "4fab27b", "gitTreeState": "clean", "buildDate": "2024-01-04T05:41:29Z",
        "goVersion": "go1.20.12 X:strictfipsruntime", "compiler": "gc", "platform": "linux/amd64"
    });
    text.push_str(&format!(",\n  \"serverVersion\": {}", indent(&server, 2)));
    text.push_str(",\n  \"releaseClientVersion\": \"4.14.8\"");
    if st.cluster_admin {
        text.push_str(&format!(
            ",\n  \"openshiftVersion\": \"{}\"",
            st.openshift_version
        ));
    }
    text.push_str("\n}\n");
    Outcome::ok(text)
}

/// Pretty JSON whose continuation lines are indented by `by` spaces (for nesting by hand).
fn indent(v: &Value, by: usize) -> String {
    let pretty = serde_json::to_string_pretty(v).unwrap();
    pretty.replace('\n', &format!("\n{}", " ".repeat(by)))
}

/// `oc get -o json` prints keys sorted, with a 4-space indent.
fn print_json(v: &Value) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    serde::Serialize::serialize(v, &mut ser).unwrap();
    String::from_utf8(buf).unwrap() + "\n"
}

fn forbidden(
    st: &State,
    verb: &str,
    t: &ResourceType,
    name: Option<&str>,
    ns: Option<&str>,
) -> String {
    let what = match name {
        Some(n) => format!("{} \"{n}\" is forbidden", t.qualified_plural()),
        None => format!("{} is forbidden", t.qualified_plural()),
    };
    let scope = match ns {
        Some(ns) => format!("in the namespace \"{ns}\""),
        None => "at the cluster scope".into(),
    };
    format!(
        "{what}: User \"{}\" cannot {verb} resource \"{}\" in API group \"{}\" {scope}",
        st.user_name(),
        t.plural,
        t.group
    )
}

fn get(args: &Args, st: &mut State, types: &str, name: Option<&str>) -> Outcome {
    if let Some(fail) = api_check(st) {
        return fail;
    }
    if let Some(left) = st.transient_failures.get_mut("get").filter(|n| **n > 0) {
        *left -= 1;
        return Outcome::err("Error from server (InternalError): an error on the server (\"\") has prevented the request from succeeding");
    }
    let kinds = match resource_types(types) {
        Ok(k) => k,
        Err(o) => return o,
    };
    let ns = namespace(args, st);
    crate::controllers::settle(st, &ns);
    let selector = args.flag("--selector").map(parse_selector);
    if args.has("--all-namespaces") && name.is_none() {
        return get_everywhere(args, st, &kinds, selector.as_deref());
    }
    let mut found: Vec<Value> = Vec::new();
    for rt in &kinds {
        let verb = if name.is_some() { "get" } else { "list" };
        let ns_opt = rt.namespaced.then_some(ns.as_str());
        if st.is_denied(verb, &rt.qualified_plural())
            || (rt.kind == "Node" && !st.cluster_admin)
            || (rt.namespaced && !st.member_of(&ns))
            || (rt.kind == "Project" && name.is_some_and(|n| !st.member_of(n) && !st.cluster_admin))
        {
            let ns_for_msg = if rt.kind == "Project" { name } else { ns_opt };
            return Outcome::err(format!(
                "Error from server (Forbidden): {}",
                forbidden(st, verb, rt, name, ns_for_msg)
            ));
        }
        let mut objects = objects_of(st, rt, &ns);
        if let Some(sel) = &selector {
            objects.retain(|o| selected(o, sel));
        }
        if let Some(n) = name {
            match objects.into_iter().find(|o| o["metadata"]["name"] == n) {
                Some(o) => found.push(o),
                None if args.has("--ignore-not-found") => {}
                None => {
                    return Outcome::err(format!(
                        "Error from server (NotFound): {} \"{n}\" not found",
                        rt.qualified_plural()
                    ))
                }
            }
        } else {
            found.extend(objects);
        }
    }
    let single = name.is_some() && kinds.len() == 1;
    match args.flag("--output") {
        Some("json") if single => Outcome::ok(found.first().map(print_json).unwrap_or_default()),
        Some("json") => Outcome::ok(print_json(&json!({
            "apiVersion": "v1", "items": found, "kind": "List",
            "metadata": {"resourceVersion": "", "selfLink": ""}
        }))),
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
            Outcome::ok(out)
        }
        _ => unknown(&args.words),
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
    if let Some(fail) = api_check(st) {
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
fn resource_types(types: &str) -> Result<Vec<&'static ResourceType>, Outcome> {
    types
        .split(',')
        .map(|t| {
            resources::by_name(t).ok_or_else(|| {
                Outcome::err(format!(
                    "error: the server doesn't have a resource type \"{t}\""
                ))
            })
        })
        .collect()
}

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

/// Every stored object of one type, as the API server would return it.
fn objects_of(st: &State, rt: &ResourceType, ns: &str) -> Vec<Value> {
    match rt.kind {
        "Project" => st
            .projects
            .iter()
            .filter(|(n, _)| st.member_of(n))
            .map(|(n, p)| {
                json!({"apiVersion": "project.openshift.io/v1", "kind": "Project",
                    "metadata": {"name": n, "annotations": {
                        "openshift.io/display-name": p.display_name,
                        "openshift.io/requester": p.requester}},
                    "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}})
            })
            .collect(),
        "StorageClass" => st
            .storage_classes
            .iter()
            .map(|sc| {
                let mut meta = json!({"name": sc.name, "creationTimestamp": "2026-01-01T00:00:00Z",
                    "resourceVersion": "12345", "uid": format!("uid-sc-{}", sc.name)});
                if sc.default {
                    meta["annotations"] =
                        json!({"storageclass.kubernetes.io/is-default-class": "true"});
                }
                json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": meta,
                    "provisioner": sc.provisioner, "reclaimPolicy": "Delete",
                    "volumeBindingMode": "WaitForFirstConsumer"})
            })
            .collect(),
        "Node" => st.nodes.clone(),
        "Ingress" => match (&st.ingress_domain, st.flavour.as_str()) {
            (Some(d), "4") => vec![
                json!({"apiVersion": "config.openshift.io/v1", "kind": "Ingress",
                "metadata": {"name": "cluster"}, "spec": {"domain": d}}),
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
    }
}

fn can_i(args: &Args, st: &State, verb: &str, resource: &str) -> Outcome {
    if let Some(fail) = api_check(st) {
        return fail;
    }
    let Some(rt) = resources::by_name(resource) else {
        return Outcome {
            stdout: "no\n".into(),
            stderr: format!("Warning: the server doesn't have a resource type '{resource}'\n"),
            code: 1,
        };
    };
    let mut stderr = String::new();
    if !rt.namespaced {
        stderr = format!(
            "Warning: resource '{}' is not namespace scoped in group '{}'\n",
            rt.plural, rt.group
        );
    }
    let ns = namespace(args, st);
    let allowed =
        !st.is_denied(verb, &rt.qualified_plural()) && (!rt.namespaced || st.member_of(&ns));
    if allowed {
        Outcome {
            stdout: "yes\n".into(),
            stderr,
            code: 0,
        }
    } else {
        Outcome {
            stdout: "no\n".into(),
            stderr,
            code: 1,
        }
    }
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
    if let Some(fail) = api_check(st) {
        return fail;
    }
    if st.is_denied("create", "projectrequests") {
        return Outcome::err(
            "Error from server (Forbidden): You may not request a new project via this API.",
        );
    }
    if !is_dns_label(name) {
        return Outcome::err(format!(
            "The ProjectRequest \"{name}\" is invalid: metadata.name: Invalid value: \"{name}\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
        ));
    }
    if st.projects.contains_key(name) {
        return Outcome::err(format!(
            "Error from server (AlreadyExists): project.project.openshift.io \"{name}\" already exists"
        ));
    }
    let display_name = args.flag("--display-name").unwrap_or_default().to_string();
    let requester = st.user_name().to_string();
    st.projects.insert(
        name.into(),
        Project {
            display_name,
            requester,
            objects: Vec::new(),
            ticks: 0,
        },
    );
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

/// Reads a manifest in YAML or JSON; lists are flattened to their items.
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
    let rt = resources::by_kind(list_kind.unwrap_or(kind));
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
    if let Some(fail) = api_check(st) {
        return fail;
    }
    let text = String::from_utf8_lossy(stdin);
    let docs = match read_manifest(&text) {
        Ok(d) => d,
        Err(e) => return Outcome::err(e),
    };
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
    let ns = namespace(args, st);
    let (verb, done, action) = if replace {
        ("update", "replaced", "replacing")
    } else {
        ("create", "created", "creating")
    };
    let mut out = Outcome::ok("");
    for w in warnings {
        out.stderr.push_str(&format!("Warning: {w}\n"));
    }
    for obj in objects {
        let rt = resources::by_kind(obj["kind"].as_str().unwrap_or_default()).unwrap();
        let name = obj["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let result = store_object(st, rt, &ns, obj, replace, verb);
        match result {
            Ok(()) => out
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

/// Stores one object as the API server would; Err is (reason, message).
fn store_object(
    st: &mut State,
    rt: &ResourceType,
    ns: &str,
    mut obj: Value,
    replace: bool,
    verb: &str,
) -> Result<(), (&'static str, String)> {
    let name = obj["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    if st.is_denied(verb, &rt.qualified_plural()) || !st.member_of(ns) {
        if !st.projects.contains_key(ns) && st.cluster_admin {
            return Err(("NotFound", format!("namespaces \"{ns}\" not found")));
        }
        return Err(("Forbidden", forbidden(st, verb, rt, None, Some(ns))));
    }
    if rt.kind == "Secret" {
        normalize_secret(&mut obj).map_err(|m| ("Invalid", m))?;
    }
    obj["apiVersion"] = json!(rt.api_version);
    obj["metadata"]["namespace"] = json!(ns);
    obj["metadata"]["creationTimestamp"] = json!("2026-01-01T00:00:00Z");
    obj["metadata"]["resourceVersion"] = json!(st.next_resource_version());
    obj["metadata"]["uid"] = json!(format!("uid-{}-{name}", rt.plural));
    let project = st.projects.get_mut(ns).unwrap();
    let existing = project
        .objects
        .iter()
        .position(|o| o["kind"] == rt.kind && o["metadata"]["name"] == name.as_str());
    match (existing, replace) {
        (Some(_), false) => Err((
            "AlreadyExists",
            format!("{} \"{name}\" already exists", rt.qualified_plural()),
        )),
        (None, true) => Err((
            "NotFound",
            format!("{} \"{name}\" not found", rt.qualified_plural()),
        )),
        (Some(i), true) => {
            project.objects[i] = obj;
            Ok(())
        }
        (None, false) => {
            project.objects.push(obj);
            Ok(())
        }
    }
}

/// `stringData` becomes base64 `data`; a dockerconfigjson secret must hold valid JSON.
fn normalize_secret(obj: &mut Value) -> Result<(), String> {
    let name = obj["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    if let Some(Value::Object(string_data)) = obj.get("stringData").cloned() {
        let data = obj["data"].as_object().cloned().unwrap_or_default();
        let mut data: Map<String, Value> = data;
        for (k, v) in string_data {
            data.insert(k, json!(B64.encode(v.as_str().unwrap_or_default())));
        }
        obj["data"] = Value::Object(data);
        obj.as_object_mut().unwrap().remove("stringData");
    }
    if obj["type"] == "kubernetes.io/dockerconfigjson" {
        let raw = obj["data"][".dockerconfigjson"]
            .as_str()
            .unwrap_or_default();
        let valid = B64
            .decode(raw)
            .ok()
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
            .is_some();
        if !valid {
            return Err(format!(
                "Secret \"{name}\" is invalid: data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character looking for beginning of value"
            ));
        }
    }
    Ok(())
}

/// What `new-app` and `process` share: the template file read, parameters from --param and the
/// param file combined as oc does, generated values filled, required ones checked.
struct Processed {
    file: String,
    template: Value,
    tname: String,
    ns: String,
    params: Vec<template::Param>,
    values: BTreeMap<String, String>,
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
    if let Some(fail) = api_check(st) {
        return Err(fail);
    }
    let mut out = Outcome::ok("");
    // ParseAndCombineEnvironment: --param values first, then the param file where not given.
    let mut given: Vec<(String, String)> = Vec::new();
    for p in args.flag_all("--param") {
        match p.split_once('=') {
            Some((k, v)) if template::is_env_var_name(k) => {
                if given.iter().any(|(g, _)| g == k) {
                    return Err(Outcome::err(format!(
                        "error: The following parameters were provided more than once: {k}\nSee 'oc new-app -h' for help and examples"
                    )));
                }
                given.push((k.into(), v.into()));
            }
            _ => {
                return Err(Outcome::err(format!(
                    "error: invalid parameter assignment in \"{p}\", []"
                )))
            }
        }
    }
    if let Some(pf) = args.flag("--param-file") {
        let text = if pf == "-" {
            String::from_utf8_lossy(stdin).into_owned()
        } else {
            match std::fs::read_to_string(pf) {
                Ok(t) => t,
                Err(_) => {
                    return Err(Outcome::err(format!(
                        "error: Cannot stat \"{pf}\": stat {pf}: no such file or directory"
                    )))
                }
            }
        };
        let shown = if pf == "-" { "stdin" } else { pf };
        match template::parse_param_file(&text) {
            Ok(vars) => {
                for (k, v) in vars {
                    if given.iter().any(|(g, _)| g == &k) {
                        out.stderr.push_str(&format!(
                            "warning: Template parameter \"{k}\" already defined, ignoring value from file \"{pf}\"\n"
                        ));
                    } else {
                        given.push((k, v));
                    }
                }
            }
            Err(e) => {
                return Err(Outcome::err(format!(
                    "error: Cannot read variables from file \"{shown}\": {e}"
                )))
            }
        }
    }
    let mut params = template::params_of(&template);
    for (k, v) in &given {
        match params.iter_mut().find(|p| &p.name == k) {
            Some(p) => {
                p.value = v.clone();
                p.generate = None;
            }
            None if by == By::Process => {
                return Err(Outcome::err(format!(
                    "error: unknown parameter name \"{k}\""
                )))
            }
            None => {
                return Err(Outcome::err(format!(
                    "error: unexpected parameter name \"{k}\""
                )))
            }
        }
    }
    let ns = namespace(args, st);
    if by == By::Process && (st.is_denied("create", "processedtemplates") || !st.member_of(&ns)) {
        return Err(Outcome::err(format!(
            "error: unable to process template\n  processedtemplates.template.openshift.io is forbidden: User \"{}\" cannot create resource \"processedtemplates\" in API group \"template.openshift.io\" in the namespace \"{ns}\"",
            st.user_name()
        )));
    }
    let tname = template["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    if let Err((i, name)) = template::resolve(&mut params, st) {
        if by == By::Process {
            return Err(Outcome::err(format!(
                "error: unable to process template\n  Required value: template.parameters[{i}]: parameter {name} is required and must be specified"
            )));
        }
        return Err(Outcome::err(format!(
            "error: error processing template \"{ns}/{tname}\": Template.template.openshift.io \"{tname}\" is invalid: template.parameters[{i}]: Required value: template.parameters[{i}]: parameter {name} is required and must be specified"
        )));
    }
    let values: BTreeMap<String, String> = params
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
        stderr: out.stderr,
    })
}

fn process(args: &Args, st: &mut State, stdin: &[u8]) -> Outcome {
    if args.flag("--output") != Some("json") {
        return unknown(&args.words);
    }
    let p = match process_template(args, st, stdin, By::Process) {
        Ok(p) => p,
        Err(o) => return o,
    };
    let items: Vec<Value> = p.template["objects"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|mut o| {
            template::substitute(&mut o, &p.values);
            o
        })
        .collect();
    // A typed list: its keys in struct order (kind, apiVersion, metadata, items), 4-space
    // indent; the items as the server returned them.
    let items = print_json(&Value::Array(items));
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
    let Processed {
        file,
        template,
        tname,
        ns,
        params,
        values,
        stderr,
    } = match process_template(args, st, stdin, By::NewApp) {
        Ok(p) => p,
        Err(o) => return o,
    };
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
    let mut message = template["message"].as_str().map(str::to_string);
    if let Some(m) = &mut message {
        let mut v = Value::String(m.clone());
        template::substitute(&mut v, &values);
        *m = v.as_str().unwrap_or_default().to_string();
    }
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
    for obj in template["objects"].as_array().cloned().unwrap_or_default() {
        let mut obj = obj;
        template::substitute(&mut obj, &values);
        obj["metadata"]["annotations"]["openshift.io/generated-by"] = json!("OpenShiftNewApp");
        let Some(rt) = resources::by_kind(obj["kind"].as_str().unwrap_or_default()) else {
            return unknown(&[format!("new-app object kind {}", obj["kind"])]);
        };
        let name = obj["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let host = obj["spec"]["host"].as_str().map(str::to_string);
        match store_object(st, rt, &ns, obj, false, "create") {
            Ok(()) => {
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

fn delete_project(st: &mut State, name: &str) -> Outcome {
    if let Some(fail) = api_check(st) {
        return fail;
    }
    if !st.projects.contains_key(name) || !st.member_of(name) {
        let rt = resources::by_name("projects").unwrap();
        if st.cluster_admin {
            return Outcome::err(format!(
                "Error from server (NotFound): projects.project.openshift.io \"{name}\" not found"
            ));
        }
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

fn delete_selected(args: &Args, st: &mut State, types: &str) -> Outcome {
    if let Some(fail) = api_check(st) {
        return fail;
    }
    let ns = namespace(args, st);
    let selector = parse_selector(args.flag("--selector").unwrap_or_default());
    let kinds = match resource_types(types) {
        Ok(k) => k,
        Err(o) => return o,
    };
    for rt in &kinds {
        if st.is_denied("delete", &rt.qualified_plural()) || !st.member_of(&ns) {
            return Outcome::err(format!(
                "Error from server (Forbidden): {}",
                forbidden(st, "list", rt, None, Some(&ns))
            ));
        }
    }
    let mut out = String::new();
    if let Some(project) = st.projects.get_mut(&ns) {
        for rt in &kinds {
            project.objects.retain(|o| {
                let hit = o["kind"] == rt.kind && selected(o, &selector);
                if hit {
                    out.push_str(&format!(
                        "{} \"{}\" deleted\n",
                        rt.qualified_kind(),
                        o["metadata"]["name"].as_str().unwrap_or_default()
                    ));
                }
                !hit
            });
        }
    }
    if out.is_empty() {
        return Outcome::ok("No resources found\n");
    }
    Outcome::ok(out)
}

/// `oc delete TYPE/NAME... [--ignore-not-found]`: each object by name, as oc prints it.
fn delete_named(args: &Args, st: &mut State, named: &[&str]) -> Outcome {
    if let Some(fail) = api_check(st) {
        return fail;
    }
    let ns = namespace(args, st);
    let mut out = String::new();
    let mut err = String::new();
    for item in named {
        let (types, name) = item.split_once('/').unwrap_or((item, ""));
        let rt = match resource_types(types) {
            Ok(k) => k[0],
            Err(o) => return o,
        };
        if st.is_denied("delete", &rt.qualified_plural()) || !st.member_of(&ns) {
            err.push_str(&format!(
                "Error from server (Forbidden): {}\n",
                forbidden(st, "delete", rt, Some(name), Some(&ns))
            ));
            continue;
        }
        let Some(project) = st.projects.get_mut(&ns) else {
            continue;
        };
        let before = project.objects.len();
        project
            .objects
            .retain(|o| !(o["kind"] == rt.kind && o["metadata"]["name"] == name));
        if project.objects.len() < before {
            out.push_str(&format!("{} \"{name}\" deleted\n", rt.qualified_kind()));
        } else if !args.has("--ignore-not-found") {
            err.push_str(&format!(
                "Error from server (NotFound): {} \"{name}\" not found\n",
                rt.qualified_plural()
            ));
        }
    }
    if err.is_empty() {
        Outcome::ok(out)
    } else {
        Outcome {
            stdout: out,
            stderr: err,
            code: 1,
        }
    }
}

fn logs(args: &Args, st: &mut State, pod: &str) -> Outcome {
    if let Some(fail) = api_check(st) {
        return fail;
    }
    let ns = namespace(args, st);
    let pod = pod.trim_start_matches("pod/");
    let exists = st.projects.get(&ns).is_some_and(|p| {
        p.objects
            .iter()
            .any(|o| o["kind"] == "Pod" && o["metadata"]["name"] == pod)
    });
    match crate::controllers::pod_log(pod).filter(|_| exists) {
        Some(log) => {
            let tail: usize = args
                .flag("--tail")
                .and_then(|t| t.parse().ok())
                .unwrap_or(usize::MAX);
            let lines: Vec<&str> = log.lines().collect();
            let start = lines.len().saturating_sub(tail);
            Outcome::ok(
                lines[start..]
                    .iter()
                    .map(|l| format!("{l}\n"))
                    .collect::<String>(),
            )
        }
        None => Outcome::err(format!(
            "Error from server (NotFound): pods \"{pod}\" not found"
        )),
    }
}
