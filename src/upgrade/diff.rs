//! What differs between two versions of a template: parameters added, removed or changed
//! (default, required, generator), objects added or removed (by kind and name), and the fields
//! of the objects both have. Fields are compared as written (`${AMP_RELEASE}` is text here:
//! a changed default shows under the parameters, and where it is used); `null` and a missing
//! field are the same (the 2.9 files drop `dataSource: null` from every claim: no change).

use crate::templates::fields::{self, Path};
use crate::templates::model::{Parameter, Template};
use serde::Serialize;
use serde_json::Value;

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct FieldChange {
    pub(crate) path: String,
    /// `added`, `removed` or `changed`.
    pub(crate) change: &'static str,
    pub(crate) from: Option<Value>,
    pub(crate) to: Option<Value>,
    /// The new text with this install's values, when it holds a parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) here: Option<String>,
}

/// An object both versions have, and its fields that differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct ObjectChange {
    pub(crate) kind: String,
    pub(crate) name: String,
    pub(crate) fields: Vec<FieldChange>,
}

/// A parameter both versions have whose default, required flag or generator differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ParamChange {
    pub(crate) name: String,
    /// `default`, `required` or `generator`.
    pub(crate) what: &'static str,
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct TemplateDiff {
    pub(crate) params_added: Vec<String>,
    pub(crate) params_removed: Vec<String>,
    pub(crate) params_changed: Vec<ParamChange>,
    /// `Kind/name`.
    pub(crate) objects_added: Vec<String>,
    pub(crate) objects_removed: Vec<String>,
    pub(crate) objects_changed: Vec<ObjectChange>,
}

/// `Kind/name` of a template object (the name as written, `${APICAST_NAME}` included).
pub(crate) fn subject(o: &Value) -> String {
    format!(
        "{}/{}",
        o["kind"].as_str().unwrap_or_default(),
        o["metadata"]["name"].as_str().unwrap_or_default()
    )
}

pub(crate) fn diff(from: &Template, to: &Template) -> TemplateDiff {
    let mut d = TemplateDiff::default();
    for p in &to.parameters {
        match from.parameter(&p.name) {
            None => d.params_added.push(p.name.clone()),
            Some(old) => d.params_changed.extend(param_changes(old, p)),
        }
    }
    d.params_removed = from
        .parameters
        .iter()
        .filter(|p| to.parameter(&p.name).is_none())
        .map(|p| p.name.clone())
        .collect();
    let old: Vec<Value> = from.objects.iter().map(|o| o.to_json()).collect();
    let new: Vec<Value> = to.objects.iter().map(|o| o.to_json()).collect();
    for n in &new {
        match old.iter().find(|o| subject(o) == subject(n)) {
            None => d.objects_added.push(subject(n)),
            Some(o) => {
                let fields = fields_of(o, n);
                if !fields.is_empty() {
                    d.objects_changed.push(ObjectChange {
                        kind: n["kind"].as_str().unwrap_or_default().to_string(),
                        name: n["metadata"]["name"]
                            .as_str()
                            .unwrap_or_default()
                            .to_string(),
                        fields,
                    });
                }
            }
        }
    }
    d.objects_removed = old
        .iter()
        .filter(|o| !new.iter().any(|n| subject(n) == subject(o)))
        .map(subject)
        .collect();
    d
}

fn param_changes(old: &Parameter, new: &Parameter) -> Vec<ParamChange> {
    let mut out = Vec::new();
    let mut differs = |what, a: Option<String>, b: Option<String>| {
        if a != b {
            out.push(ParamChange {
                name: new.name.clone(),
                what,
                from: a,
                to: b,
            });
        }
    };
    differs("default", old.value.clone(), new.value.clone());
    differs(
        "required",
        Some(old.required.to_string()),
        Some(new.required.to_string()),
    );
    let generator = |p: &Parameter| {
        p.generate
            .as_ref()
            .map(|g| format!("{g} {}", p.from.clone().unwrap_or_default()))
    };
    differs("generator", generator(old), generator(new));
    out
}

/// The fields of two versions of one object that differ; its status and creation time are not
/// compared.
pub(crate) fn fields_of(old: &Value, new: &Value) -> Vec<FieldChange> {
    let strip = |o: &Value| {
        let mut o = o.clone();
        if let Some(map) = o.as_object_mut() {
            map.remove("status");
        }
        if let Some(meta) = o.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.remove("creationTimestamp");
        }
        o
    };
    let mut out = Vec::new();
    walk(
        Some(&strip(old)),
        Some(&strip(new)),
        &Path::default(),
        &mut out,
    );
    out
}

fn walk(old: Option<&Value>, new: Option<&Value>, path: &Path, out: &mut Vec<FieldChange>) {
    let old = old.filter(|v| !v.is_null());
    let new = new.filter(|v| !v.is_null());
    let change = |change, from: Option<&Value>, to: Option<&Value>| FieldChange {
        path: path.text().to_string(),
        change,
        from: from.cloned(),
        to: to.cloned(),
        here: None,
    };
    match (old, new) {
        (None, None) => {}
        (Some(o), None) => out.push(change("removed", Some(o), None)),
        (None, Some(n)) => out.push(change("added", None, Some(n))),
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                walk(a.get(k), b.get(k), &path.key(k), out);
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b)))
            if fields::holds_objects(a) || fields::holds_objects(b) =>
        {
            let new_keys = fields::item_keys(b);
            for (key, item) in fields::item_keys(a).iter().zip(a) {
                walk(Some(item), fields::find(b, key), &path.item(key), out);
            }
            let old_keys = fields::item_keys(a);
            for (key, item) in new_keys.iter().zip(b) {
                if !old_keys.contains(key) {
                    walk(None, Some(item), &path.item(key), out);
                }
            }
        }
        (Some(o), Some(n)) if o != n => out.push(change("changed", Some(o), Some(n))),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FROM: &str = r#"
metadata: {name: t}
objects:
- apiVersion: image.openshift.io/v1
  kind: ImageStream
  metadata: {name: amp-backend, creationTimestamp: null}
  spec:
    tags:
    - {name: latest, from: {kind: ImageStreamTag, name: "${AMP_RELEASE}"}}
    - {name: "${AMP_RELEASE}", from: {kind: DockerImage, name: "${AMP_BACKEND_IMAGE}"}}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: backend-redis-storage}
  spec: {accessModes: [ReadWriteOnce], dataSource: null}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: gone}
parameters:
- {name: AMP_RELEASE, value: "2.8"}
- {name: AMP_BACKEND_IMAGE, value: "registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.8"}
- {name: OLD}
"#;

    const TO: &str = r#"
metadata: {name: t}
objects:
- apiVersion: image.openshift.io/v1
  kind: ImageStream
  metadata: {name: amp-backend, creationTimestamp: null}
  spec:
    tags:
    - {name: "${AMP_RELEASE}", from: {kind: DockerImage, name: "${AMP_BACKEND_IMAGE}"}}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: backend-redis-storage}
  spec: {accessModes: [ReadWriteOnce]}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: new}
parameters:
- {name: AMP_RELEASE, value: "2.9", required: true}
- {name: AMP_BACKEND_IMAGE, value: "registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.9"}
- {name: NEW}
"#;

    #[test]
    fn parameters_objects_and_fields_that_differ() {
        let d = diff(
            &Template::parse(FROM).unwrap(),
            &Template::parse(TO).unwrap(),
        );
        assert_eq!(
            (d.params_added.clone(), d.params_removed.clone()),
            (vec!["NEW".to_string()], vec!["OLD".to_string()])
        );
        let changed: Vec<String> = d
            .params_changed
            .iter()
            .map(|c| format!("{} {} {:?}→{:?}", c.name, c.what, c.from, c.to))
            .collect();
        assert_eq!(
            changed,
            [
                "AMP_RELEASE default Some(\"2.8\")→Some(\"2.9\")",
                "AMP_RELEASE required Some(\"false\")→Some(\"true\")",
                "AMP_BACKEND_IMAGE default Some(\"registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.8\")→Some(\"registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.9\")",
            ]
        );
        assert_eq!(
            (d.objects_added, d.objects_removed),
            (
                vec!["ConfigMap/new".to_string()],
                vec!["ConfigMap/gone".to_string()]
            )
        );
        assert_eq!(
            d.objects_changed.len(),
            1,
            "dataSource: null is no change: {:?}",
            d.objects_changed
        );
        let c = &d.objects_changed[0];
        assert_eq!(
            (c.kind.as_str(), c.name.as_str()),
            ("ImageStream", "amp-backend")
        );
        assert_eq!(c.fields.len(), 1);
        assert_eq!(
            (c.fields[0].path.as_str(), c.fields[0].change),
            ("spec.tags[name=latest]", "removed")
        );
    }
}
