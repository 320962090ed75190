//! The parameter values an existing install holds, read back from its objects: every place the
//! template writes `${NAME}` into a secret, a config map, an environment variable, a hook command
//! or a route host is a place the value can be read from (the URL `mysql2://root:${PW}@db/x` too).
//! A resume creates only the missing objects, and with these values they match the ones that
//! exist; a value that two objects disagree on, or that no existing holder yields, is refused
//! rather than replaced by a new one.

use crate::engine::kube::{self, SecretObject};
use crate::templates::kinds::ObjectRef;
use crate::templates::model::Template;
use serde_json::Value;
use std::collections::BTreeMap;

/// Keys whose values the cluster's controllers rewrite, or that hold no parameter of ours.
const SKIPPED_KEYS: &[&str] = &[
    "image",
    "triggers",
    "status",
    "annotations",
    "storageClassName",
    "resourceVersion",
    "uid",
    "creationTimestamp",
];

/// What the existing objects say about the parameters.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Recovered {
    /// Parameter → value and the object it was read from.
    pub(crate) values: BTreeMap<String, (String, ObjectRef)>,
    /// Parameter → the different values objects hold, with where.
    pub(crate) conflicts: BTreeMap<String, Vec<(String, ObjectRef)>>,
    /// Parameters whose holders exist but did not yield a value (edited by hand, or written in
    /// a way we cannot read back).
    pub(crate) unreadable: BTreeMap<String, Vec<ObjectRef>>,
}

/// One place a template writes parameters: the object, the path of the leaf, its text.
struct Holder {
    object: ObjectRef,
    path: Vec<Step>,
    pattern: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    /// An element of a list of named objects (containers, env), found by its name.
    Named(String),
    Index(usize),
}

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Param(String),
}

/// Reads every parameter value `existing` objects hold.
pub(crate) fn recover(template: &Template, existing: &[Value]) -> Recovered {
    let mut found: BTreeMap<String, Vec<(String, ObjectRef)>> = BTreeMap::new();
    let mut holders_present: BTreeMap<String, Vec<ObjectRef>> = BTreeMap::new();
    for holder in holders(template) {
        let Some(live) = existing.iter().find(|o| holder.object.matches(o)) else {
            continue;
        };
        let params: Vec<&str> = holder
            .pattern
            .iter()
            .filter_map(|p| match p {
                Piece::Param(n) => Some(n.as_str()),
                Piece::Text(_) => None,
            })
            .collect();
        let Some(text) = leaf(live, &holder.path, &holder.object.kind) else {
            continue;
        };
        for p in &params {
            holders_present
                .entry(p.to_string())
                .or_default()
                .push(holder.object.clone());
        }
        if let Some(values) = match_pattern(&holder.pattern, &text) {
            for (name, value) in values {
                let list = found.entry(name).or_default();
                if !list.iter().any(|(v, _)| *v == value) {
                    list.push((value, holder.object.clone()));
                }
            }
        }
    }
    let mut out = Recovered::default();
    for (name, holders) in holders_present {
        let mut values = found.remove(&name).unwrap_or_default();
        match values.len() {
            0 => {
                let mut holders = holders;
                holders.dedup();
                out.unreadable.insert(name, holders);
            }
            1 => {
                out.values.insert(name, values.remove(0));
            }
            _ => {
                out.conflicts.insert(name, values);
            }
        }
    }
    out
}

/// Every string leaf of the template's objects that holds `${NAME}` placeholders (and only
/// those: `${{NAME}}` becomes JSON, which the server may normalise).
fn holders(template: &Template) -> Vec<Holder> {
    let mut out = Vec::new();
    for o in &template.objects {
        let json = o.to_json();
        let Some(name) = json["metadata"]["name"].as_str() else {
            continue;
        };
        if name.contains("${") {
            continue;
        }
        let object = ObjectRef::new(&o.kind, &o.api_version, name);
        for key in ["stringData", "data", "spec"] {
            let mut path = vec![Step::Key(key.to_string())];
            walk(&json[key], &mut path, &mut |path, text| {
                if let Some(pattern) = parse(text) {
                    out.push(Holder {
                        object: object.clone(),
                        path: path.to_vec(),
                        pattern,
                    });
                }
            });
        }
        let mut path = vec![Step::Key("metadata".into()), Step::Key("labels".into())];
        walk(&json["metadata"]["labels"], &mut path, &mut |path, text| {
            if let Some(pattern) = parse(text) {
                out.push(Holder {
                    object: object.clone(),
                    path: path.to_vec(),
                    pattern,
                });
            }
        });
    }
    out
}

fn walk(v: &Value, path: &mut Vec<Step>, visit: &mut dyn FnMut(&[Step], &str)) {
    walk_skipping(v, path, SKIPPED_KEYS, visit);
}

fn walk_skipping(
    v: &Value,
    path: &mut Vec<Step>,
    skipped: &[&str],
    visit: &mut dyn FnMut(&[Step], &str),
) {
    match v {
        Value::String(s) => visit(path, s),
        Value::Object(map) => {
            for (k, child) in map {
                if skipped.contains(&k.as_str()) {
                    continue;
                }
                path.push(Step::Key(k.clone()));
                walk_skipping(child, path, skipped, visit);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let step = match child["name"].as_str() {
                    Some(n) if !n.contains("${") => Step::Named(n.to_string()),
                    _ => Step::Index(i),
                };
                path.push(step);
                walk_skipping(child, path, skipped, visit);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The values of the `${{NAME}}` parameters (written as JSON: a boolean, a class that may be
/// `null`) that `existing` objects hold, as the text the parameter takes (`true`, `null`); where
/// two objects disagree, neither is taken.
pub(crate) fn recover_json(template: &Template, existing: &[Value]) -> BTreeMap<String, String> {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for o in &template.objects {
        let json = o.to_json();
        let Some(live) = existing.iter().find(|l| {
            l["kind"] == o.kind.as_str() && l["metadata"]["name"] == json["metadata"]["name"]
        }) else {
            continue;
        };
        let mut path = vec![Step::Key("spec".into())];
        walk_skipping(&json["spec"], &mut path, &[], &mut |path, text| {
            let Some(name) = text
                .trim()
                .strip_prefix("${{")
                .and_then(|r| r.strip_suffix("}}"))
            else {
                return;
            };
            let value = match at(live, path) {
                Some(Value::String(s)) => s.clone(),
                Some(v @ (Value::Bool(_) | Value::Number(_) | Value::Null)) => v.to_string(),
                _ => return,
            };
            let list = found.entry(name.to_string()).or_default();
            if !list.contains(&value) {
                list.push(value);
            }
        });
    }
    found
        .into_iter()
        .filter(|(_, values)| values.len() == 1)
        .map(|(name, mut values)| (name, values.remove(0)))
        .collect()
}

/// Whether `live` has the shape of the template text `text`, whose `${NAME}` placeholders stand
/// for any value (two placeholders in a row cannot be told apart: taken as fitting).
pub(crate) fn fits(text: &str, live: &str) -> bool {
    match parse(text) {
        None => text == live,
        Some(p)
            if p.windows(2)
                .any(|w| matches!(w, [Piece::Param(_), Piece::Param(_)])) =>
        {
            true
        }
        Some(p) => match_pattern(&p, live).is_some(),
    }
}

/// `a${X}b${Y}` → [Text a, Param X, Text b, Param Y]; `None` without a `${NAME}` placeholder.
fn parse(text: &str) -> Option<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        if after.starts_with('{') {
            return None;
        }
        let end = after.find('}')?;
        let name = &after[..end];
        if !crate::inputs::is_param_name(name) {
            return None;
        }
        if start > 0 {
            pieces.push(Piece::Text(rest[..start].to_string()));
        }
        pieces.push(Piece::Param(name.to_string()));
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    pieces
        .iter()
        .any(|p| matches!(p, Piece::Param(_)))
        .then_some(pieces)
}

/// The live text at `path`, decoded when it is a secret's data.
fn leaf(live: &Value, path: &[Step], kind: &str) -> Option<String> {
    let secret_data = kind == "Secret"
        && matches!(path.first(), Some(Step::Key(k)) if k == "stringData" || k == "data");
    if secret_data {
        // The server keeps a secret's values base64-encoded under `data`.
        let [_, Step::Key(key)] = path else {
            return None;
        };
        return kube::parse::<SecretObject>(live).value(key)?.ok();
    }
    at(live, path)?.as_str().map(str::to_string)
}

/// The value at `path` of a live object.
fn at<'a>(live: &'a Value, path: &[Step]) -> Option<&'a Value> {
    let mut v = live;
    for step in path {
        v = match step {
            Step::Key(k) => v.get(k)?,
            Step::Index(i) => v.get(*i)?,
            Step::Named(n) => v
                .as_array()?
                .iter()
                .find(|e| e["name"].as_str() == Some(n))?,
        };
    }
    Some(v)
}

/// The values of the parameters in `text`, if `text` has the pattern's shape. Two parameters
/// in a row cannot be told apart.
fn match_pattern(pieces: &[Piece], text: &str) -> Option<Vec<(String, String)>> {
    if pieces
        .windows(2)
        .any(|w| matches!(w, [Piece::Param(_), Piece::Param(_)]))
    {
        return None;
    }
    let mut out = Vec::new();
    let mut rest = text;
    let mut i = 0;
    while i < pieces.len() {
        match &pieces[i] {
            Piece::Text(t) => rest = rest.strip_prefix(t.as_str())?,
            Piece::Param(name) => {
                let value = match pieces.get(i + 1) {
                    Some(Piece::Text(next)) => {
                        let at = rest.find(next.as_str())?;
                        &rest[..at]
                    }
                    _ => rest,
                };
                out.push((name.clone(), value.to_string()));
                rest = &rest[value.len()..];
            }
        }
        i += 1;
    }
    rest.is_empty().then_some(out)
}

/// What an existing install holds of the settings that are no template parameter's value.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Held {
    /// The registry user of the project's pull secret for the server.
    pub(crate) registry_username: Option<String>,
    /// The class of the `system-storage` claim (the RWX one).
    pub(crate) rwx_storage_class: Option<String>,
}

pub(crate) fn held_settings(objects: &[Value], registry_server: &str) -> Held {
    let registry_username = match crate::pull_secret::observe(objects, registry_server) {
        crate::pull_secret::Observed::Present(Some(e)) => e.username,
        _ => None,
    };
    let rwx_storage_class = objects
        .iter()
        .filter(|o| o["kind"] == "PersistentVolumeClaim")
        .map(crate::engine::kube::parse::<crate::engine::kube::Claim>)
        .find(|c| c.metadata.name == "system-storage")
        .and_then(|c| c.spec.storage_class_name);
    Held {
        registry_username,
        rwx_storage_class,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use serde_json::json;

    const TEMPLATE: &str = r#"
metadata: {name: t}
objects:
- apiVersion: v1
  kind: Secret
  metadata: {name: system-database, labels: {app: "${APP_LABEL}"}}
  stringData:
    DB_PASSWORD: ${SYSTEM_DATABASE_PASSWORD}
    URL: mysql2://root:${SYSTEM_DATABASE_ROOT_PASSWORD}@system-mysql/${SYSTEM_DATABASE}
- apiVersion: apps.openshift.io/v1
  kind: DeploymentConfig
  metadata: {name: system-mysql}
  spec:
    template:
      spec:
        containers:
        - name: system-mysql
          image: system-mysql:latest
          env:
          - {name: MYSQL_USER, value: "${SYSTEM_DATABASE_USER}"}
          - {name: MYSQL_ROOT_PASSWORD, value: "${SYSTEM_DATABASE_ROOT_PASSWORD}"}
parameters:
- {name: SYSTEM_DATABASE_PASSWORD, generate: expression, from: "[a-z0-9]{8}"}
- {name: SYSTEM_DATABASE_ROOT_PASSWORD, generate: expression, from: "[a-z0-9]{8}"}
- {name: SYSTEM_DATABASE, value: system}
- {name: SYSTEM_DATABASE_USER, value: mysql}
- {name: APP_LABEL, value: 3scale-api-management}
"#;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    fn secret(url_root: &str) -> Value {
        json!({"kind": "Secret", "apiVersion": "v1", "metadata": {"name": "system-database", "labels": {"app": "3scale-api-management"}},
               "data": {"DB_PASSWORD": b64("dbpw1234"), "URL": b64(&format!("mysql2://root:{url_root}@system-mysql/system"))}})
    }

    fn mysql(root: &str) -> Value {
        json!({"kind": "DeploymentConfig", "apiVersion": "apps.openshift.io/v1", "metadata": {"name": "system-mysql"},
               "spec": {"template": {"spec": {"containers": [{"name": "system-mysql", "image": "registry@sha256:x",
                 "env": [{"name": "MYSQL_ROOT_PASSWORD", "value": root}, {"name": "MYSQL_USER", "value": "mysql"}]}]}}}})
    }

    #[test]
    fn values_come_back_from_secrets_urls_and_environment() {
        let t = Template::parse(TEMPLATE).unwrap();
        let r = recover(&t, &[secret("rootpw99"), mysql("rootpw99")]);
        assert_eq!(r.values["SYSTEM_DATABASE_ROOT_PASSWORD"].0, "rootpw99");
        assert_eq!(r.values["SYSTEM_DATABASE_PASSWORD"].0, "dbpw1234");
        assert_eq!(r.values["SYSTEM_DATABASE"].0, "system");
        assert_eq!(r.values["APP_LABEL"].0, "3scale-api-management");
        assert!(r.conflicts.is_empty() && r.unreadable.is_empty(), "{r:?}");
    }

    #[test]
    fn a_lost_secret_is_recovered_from_the_deployment_config() {
        let t = Template::parse(TEMPLATE).unwrap();
        let r = recover(&t, &[mysql("rootpw99")]);
        assert_eq!(r.values["SYSTEM_DATABASE_ROOT_PASSWORD"].0, "rootpw99");
        assert!(
            !r.values.contains_key("SYSTEM_DATABASE_PASSWORD"),
            "no holder exists"
        );
    }

    #[test]
    fn disagreeing_objects_are_conflicts() {
        let t = Template::parse(TEMPLATE).unwrap();
        let r = recover(&t, &[secret("aaaaaaaa"), mysql("bbbbbbbb")]);
        assert_eq!(r.conflicts["SYSTEM_DATABASE_ROOT_PASSWORD"].len(), 2);
        let mut edited = secret("x");
        edited["data"]["URL"] = serde_json::json!(b64("sqlite://nowhere"));
        let r = recover(&t, &[edited]);
        assert!(
            r.unreadable.contains_key("SYSTEM_DATABASE_ROOT_PASSWORD"),
            "{r:?}"
        );
    }

    #[test]
    fn json_parameters_come_back_as_the_text_they_were_given() {
        let t = Template::parse(
            r#"
metadata: {name: t}
objects:
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: system-storage}
  spec: {storageClassName: "${{RWX_STORAGE_CLASS}}"}
- apiVersion: image.openshift.io/v1
  kind: ImageStream
  metadata: {name: amp-system}
  spec: {tags: [{name: "${AMP_RELEASE}", importPolicy: {insecure: "${{INSECURE}}"}}]}
parameters:
- {name: RWX_STORAGE_CLASS, value: "null"}
- {name: INSECURE, value: "false"}
"#,
        )
        .unwrap();
        let live = [
            json!({"kind": "PersistentVolumeClaim", "metadata": {"name": "system-storage"}, "spec": {"storageClassName": "cephfs"}}),
            json!({"kind": "ImageStream", "metadata": {"name": "amp-system"}, "spec": {"tags": [{"name": "2.8", "importPolicy": {"insecure": true}}]}}),
        ];
        let r = recover_json(&t, &live);
        assert_eq!(r["RWX_STORAGE_CLASS"], "cephfs");
        assert_eq!(r["INSECURE"], "true");
        assert!(fits(
            "http://${TOKEN}@system-master:3000",
            "http://abc@system-master:3000"
        ));
        assert!(!fits(
            "http://${TOKEN}@system-master:3000",
            "http://abc@elsewhere:3000"
        ));
        assert!(fits("plain", "plain") && !fits("plain", "other"));
    }

    #[test]
    fn patterns_match_around_known_text() {
        let p = parse("postgresql://${U}:${P}@system-postgres").unwrap();
        let got = match_pattern(&p, "postgresql://system:s3cr3t@system-postgres").unwrap();
        assert_eq!(
            got,
            [("U".into(), "system".into()), ("P".into(), "s3cr3t".into())]
        );
        assert!(match_pattern(&p, "mysql://x").is_none());
        assert!(parse("${{RWX}}").is_none());
        let adjacent = parse("${A}${B}").unwrap();
        assert!(match_pattern(&adjacent, "xy").is_none());
    }
}
