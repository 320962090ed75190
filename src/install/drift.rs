//! Drift: what was changed by hand in an install's objects since the install. Each object of the
//! project is held to its template, rendered with the install's values: every field the
//! template sets must have that value (a `${SECRET}` placeholder left in it stands for any
//! value), named items the template lists must be there (an environment variable, a container,
//! a tag), and no item may have been added to those lists. What the cluster sets or rewrites
//! itself is not drift: status, metadata other than labels and annotations, fields the template
//! leaves empty or null (the server's defaults), the images an image-change trigger writes, the
//! pull secrets OpenShift adds to service accounts. Secret values are never shown, nor any
//! value of a field that holds a secret placeholder.

use super::recover;
use crate::templates::fields::{self, ItemKey, Path};
use crate::templates::kinds::ObjectRef;
use base64::Engine;
use serde::Serialize;
use serde_json::Value;

/// How a field differs from the template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "change")]
pub(crate) enum Found {
    /// Another value (both shown, unless secret).
    Edited {
        expected: Option<String>,
        found: Option<String>,
    },
    /// The template's field or item is not there.
    Removed,
    /// An item or key the template does not have.
    Added,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Edit {
    pub(crate) path: String,
    #[serde(flatten)]
    pub(crate) found: Found,
}

/// One edit as a line: the field, and the values where they may be shown.
impl std::fmt::Display for Edit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = &self.path;
        match &self.found {
            Found::Added => write!(f, "{path}  added"),
            Found::Removed => write!(f, "{path}  removed"),
            Found::Edited {
                expected: Some(e),
                found: Some(v),
            } => write!(f, "{path}  {e} → {v}"),
            Found::Edited { .. } => write!(f, "{path}  changed (a secret value: not shown)"),
        }
    }
}

/// An object of the install that differs from its template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Drifted {
    pub(crate) kind: String,
    pub(crate) name: String,
    /// Deleted since the install.
    pub(crate) deleted: bool,
    pub(crate) edits: Vec<Edit>,
}

impl Drifted {
    /// `Kind/name`.
    pub(crate) fn subject(&self) -> String {
        format!("{}/{}", self.kind, self.name)
    }
}

/// Lists of named items nobody but a person adds to a pod template: a container, an
/// environment variable, a volume; one the template has none of is drift too.
const ADDED_BY_HAND: &[&str] = &[
    "containers",
    "initContainers",
    "env",
    "envFrom",
    "volumes",
    "volumeMounts",
];

/// Lists the cluster appends to by itself: (kind, field).
const APPENDED_BY_THE_CLUSTER: &[(&str, &str)] = &[
    ("ServiceAccount", "secrets"),
    ("ServiceAccount", "imagePullSecrets"),
];

/// How the objects `live` differ from `expected` (the template rendered with the install's
/// values), in the template's order.
pub(crate) fn drift(expected: &[Value], live: &[Value]) -> Vec<Drifted> {
    let mut out = Vec::new();
    for e in expected {
        let Some(object) = ObjectRef::of_json(e) else {
            continue;
        };
        let Some(l) = live.iter().find(|l| object.matches(l)) else {
            out.push(Drifted {
                kind: object.kind,
                name: object.name,
                deleted: true,
                edits: Vec::new(),
            });
            continue;
        };
        let edits = object_edits(e, l);
        if !edits.is_empty() {
            out.push(Drifted {
                kind: object.kind,
                name: object.name,
                deleted: false,
                edits,
            });
        }
    }
    out
}

/// The walk of one object: its kind, the containers its triggers write images into, and what it
/// found.
struct Walk<'a> {
    kind: &'a str,
    triggered: Vec<String>,
    secret: bool,
    edits: Vec<Edit>,
}

fn object_edits(expected: &Value, live: &Value) -> Vec<Edit> {
    let kind = expected["kind"].as_str().unwrap_or_default();
    let mut walk = Walk {
        kind,
        triggered: triggered_containers(expected),
        secret: kind == "Secret",
        edits: Vec::new(),
    };
    let Some(map) = expected.as_object() else {
        return Vec::new();
    };
    for (key, value) in map {
        let path = Path::default().key(key);
        match key.as_str() {
            "apiVersion" | "kind" | "status" => {}
            "metadata" => {
                for part in ["labels", "annotations"] {
                    walk.compare(&value[part], live["metadata"].get(part), &path.key(part));
                }
            }
            "stringData" | "data" if matches!(kind, "Secret" | "ConfigMap") => {
                walk.data(key == "stringData", value, &live["data"]);
            }
            _ => walk.compare(value, live.get(key), &path),
        }
    }
    walk.edits
}

/// The names of the containers an image-change trigger of a deployment config writes images
/// into.
fn triggered_containers(dc: &Value) -> Vec<String> {
    dc["spec"]["triggers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["type"] == "ImageChange")
        .flat_map(|t| {
            t["imageChangeParams"]["containerNames"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|n| n.as_str().map(str::to_string))
        })
        .collect()
}

/// Whether a live value is the template's: text with `${NAME}` placeholders fits any value in
/// their place (a command's words too).
fn fits(expected: &Value, live: &Value) -> bool {
    match (expected, live) {
        (Value::String(text), Value::String(l)) => recover::fits(text, l),
        (Value::Array(e), Value::Array(l)) => {
            e.len() == l.len() && e.iter().zip(l).all(|(e, l)| fits(e, l))
        }
        _ => expected == live,
    }
}

/// Null, empty, false or zero: what a template writes for "unset", and the server fills in or
/// leaves out.
fn is_unset(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

impl Walk<'_> {
    fn push(&mut self, path: &Path, found: Found) {
        self.edits.push(Edit {
            path: path.text().to_string(),
            found,
        });
    }

    /// A field the template sets, against the live one.
    fn compare(&mut self, expected: &Value, live: Option<&Value>, path: &Path) {
        if is_unset(expected) {
            return;
        }
        let Some(live) = live.filter(|l| !l.is_null()) else {
            self.push(path, Found::Removed);
            return;
        };
        match expected {
            Value::Object(map) => {
                for (key, value) in map {
                    if key == "image" && self.is_triggered(live) {
                        continue;
                    }
                    self.compare(value, live.get(key), &path.key(key));
                }
                self.lists_added(map, live, path);
            }
            Value::Array(items) if fields::holds_objects(items) => {
                self.items(items, live.as_array().map_or(&[], Vec::as_slice), path);
            }
            _ => {
                if !fits(expected, live) {
                    let hidden = expected.to_string().contains("${");
                    self.edited(path, hidden, expected, live);
                }
            }
        }
    }

    /// The lists of `ADDED_BY_HAND` that the live object has and the template has not: each of
    /// their items was added.
    fn lists_added(
        &mut self,
        expected: &serde_json::Map<String, Value>,
        live: &Value,
        path: &Path,
    ) {
        for key in ADDED_BY_HAND {
            let unset = expected.get(*key).is_none_or(is_unset);
            let Some(items) = live[*key].as_array().filter(|_| unset) else {
                continue;
            };
            for item_key in fields::item_keys(items) {
                self.push(&path.key(key).item(&item_key), Found::Added);
            }
        }
    }

    /// A container whose image a trigger writes: its `image` is the trigger's, not the template's.
    fn is_triggered(&self, live: &Value) -> bool {
        self.kind == "DeploymentConfig"
            && live["name"]
                .as_str()
                .is_some_and(|n| self.triggered.iter().any(|t| t == n))
    }

    fn edited(&mut self, path: &Path, hidden: bool, expected: &Value, live: &Value) {
        let show = |v: &Value| (!hidden && !self.secret).then(|| fields::show(v));
        let found = Found::Edited {
            expected: show(expected),
            found: show(live),
        };
        self.push(path, found);
    }

    /// The items of a list of objects, matched by name, type or position.
    fn items(&mut self, expected: &[Value], live: &[Value], path: &Path) {
        let live_keys = fields::item_keys(live);
        for (key, item) in fields::item_keys(expected).iter().zip(expected) {
            let found = fields::find(live, key);
            match found {
                Some(l) => self.compare(item, Some(l), &path.item(key)),
                None => self.push(&path.item(key), Found::Removed),
            }
        }
        let field = path.text().rsplit('.').next().unwrap_or_default();
        if APPENDED_BY_THE_CLUSTER.contains(&(self.kind, field)) {
            return;
        }
        let expected_keys = fields::item_keys(expected);
        for key in live_keys {
            let added = match &key {
                ItemKey::Index(i) => *i >= expected.len(),
                other => !expected_keys.contains(other),
            };
            if added {
                self.push(&path.item(&key), Found::Added);
            }
        }
    }

    /// A secret's or config map's data: every key the template writes, with its value (a
    /// secret's decoded), and no key it does not.
    fn data(&mut self, string_data: bool, expected: &Value, live: &Value) {
        let Some(map) = expected.as_object() else {
            return;
        };
        let data = Path::default().key("data");
        for (key, value) in map {
            let path = data.key(key);
            let Some(text) = value.as_str() else {
                continue;
            };
            let found = live[key].as_str().map(|l| {
                if string_data {
                    decode(l)
                } else {
                    Some(l.to_string())
                }
            });
            match found {
                None => self.push(&path, Found::Removed),
                Some(Some(l)) if recover::fits(text, &l) => {}
                Some(l) => {
                    let hidden = self.secret || text.contains("${");
                    let show = |v: Option<String>| if hidden { None } else { v };
                    let found = Found::Edited {
                        expected: show(Some(text.to_string())),
                        found: show(l),
                    };
                    self.push(&path, found);
                }
            }
        }
        for key in live.as_object().into_iter().flat_map(|m| m.keys()) {
            if !map.contains_key(key) {
                self.push(&data.key(key), Found::Added);
            }
        }
    }
}

fn decode(encoded: &str) -> Option<String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    fn dc() -> Value {
        json!({"apiVersion": "apps.openshift.io/v1", "kind": "DeploymentConfig",
          "metadata": {"name": "backend-cron", "labels": {"app": "3scale-api-management"}, "creationTimestamp": null},
          "spec": {"replicas": 1, "test": false, "strategy": {"resources": {}, "type": "Rolling"},
            "template": {"metadata": {"creationTimestamp": null}, "spec": {"containers": [
              {"name": "backend-cron", "image": "amp-backend:latest", "env": [
                {"name": "RACK_ENV", "valueFrom": {"configMapKeyRef": {"key": "RACK_ENV", "name": "backend-environment"}}},
                {"name": "SLEEP_SECONDS", "value": "1"}, {"name": "EMPTY", "value": ""}],
               "resources": {"limits": {"cpu": "150m"}}}]}},
            "triggers": [{"type": "ConfigChange"}, {"type": "ImageChange", "imageChangeParams": {
              "automatic": true, "containerNames": ["backend-cron"], "from": {"kind": "ImageStreamTag", "name": "amp-backend:latest"}}}]},
          "status": {"latestVersion": 0}})
    }

    /// The DC as the cluster keeps it: defaults added, the image resolved, status filled.
    fn live_dc() -> Value {
        let mut l = dc();
        l["metadata"]["uid"] = json!("u-1");
        l["metadata"]["creationTimestamp"] = json!("2026-01-01T00:00:00Z");
        l["spec"]["revisionHistoryLimit"] = json!(10);
        let c = &mut l["spec"]["template"]["spec"]["containers"][0];
        c["image"] = json!("registry.redhat.io/3scale-amp2/backend-rhel7@sha256:0123");
        c["terminationMessagePath"] = json!("/dev/termination-log");
        c["env"][2] = json!({"name": "EMPTY"});
        l["spec"]["triggers"][1]["imageChangeParams"]["lastTriggeredImage"] =
            json!("x@sha256:0123");
        l["status"] = json!({"latestVersion": 3, "availableReplicas": 1});
        l
    }

    #[test]
    fn what_the_cluster_sets_is_not_drift() {
        assert_eq!(drift(&[dc()], &[live_dc()]), Vec::<Drifted>::new());
        let sa = json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "amp"},
            "imagePullSecrets": [{"name": "threescale-registry-auth"}]});
        let mut live_sa = sa.clone();
        live_sa["imagePullSecrets"] =
            json!([{"name": "threescale-registry-auth"}, {"name": "amp-dockercfg-x7k2p"}]);
        live_sa["secrets"] = json!([{"name": "amp-token-x7k2p"}]);
        assert!(drift(&[sa], &[live_sa]).is_empty());
    }

    #[test]
    fn edits_by_hand_are_named_by_field() {
        let mut l = live_dc();
        l["spec"]["replicas"] = json!(3);
        let env = &mut l["spec"]["template"]["spec"]["containers"][0]["env"];
        env[1]["value"] = json!("5");
        env.as_array_mut()
            .unwrap()
            .push(json!({"name": "FOO", "value": "bar"}));
        l["spec"]["template"]["spec"]["containers"][0]["resources"] = json!({});
        let d = drift(&[dc()], &[l]);
        assert_eq!(d.len(), 1);
        let lines: Vec<String> = d[0]
            .edits
            .iter()
            .map(|e| format!("{} {:?}", e.path, e.found))
            .collect();
        assert_eq!(
            lines,
            [
                "spec.replicas Edited { expected: Some(\"1\"), found: Some(\"3\") }",
                "spec.template.spec.containers[name=backend-cron].env[name=SLEEP_SECONDS].value Edited { expected: Some(\"1\"), found: Some(\"5\") }",
                "spec.template.spec.containers[name=backend-cron].env[name=FOO] Added",
                "spec.template.spec.containers[name=backend-cron].resources.limits Removed",
            ]
        );
    }

    #[test]
    fn secrets_are_compared_decoded_and_never_shown() {
        let expected = json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "system-master-apicast"},
            "stringData": {"ACCESS_TOKEN": "${APICAST_ACCESS_TOKEN}",
                           "BASE_URL": "http://${APICAST_ACCESS_TOKEN}@system-master:3000", "NOTE": "fixed"}});
        let live = |base: &str, note: &str| {
            json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "system-master-apicast"},
                "data": {"ACCESS_TOKEN": b64("tok3n123"), "BASE_URL": b64(base), "NOTE": b64(note)}})
        };
        assert!(drift(
            std::slice::from_ref(&expected),
            &[live("http://tok3n123@system-master:3000", "fixed")]
        )
        .is_empty());
        let d = drift(
            &[expected],
            &[live("http://tok3n123@elsewhere:3000", "changed")],
        );
        let text = format!("{d:?}");
        assert!(
            !text.contains("tok3n123") && !text.contains("elsewhere") && !text.contains("changed"),
            "{text}"
        );
        assert_eq!(d[0].edits.len(), 2, "{d:?}");
        assert!(d[0].edits.iter().all(|e| e.found
            == Found::Edited {
                expected: None,
                found: None
            }));
    }

    #[test]
    fn a_command_with_a_secret_in_it_fits_and_is_never_shown() {
        let mut expected = dc();
        let hook = json!({"execNewPod": {"command": ["bash", "-c", "rake boot TOKEN=\"${MASTER_ACCESS_TOKEN}\""]}});
        expected["spec"]["strategy"]["rollingParams"] = json!({"pre": hook});
        let mut live = live_dc();
        live["spec"]["strategy"]["rollingParams"] = json!({"pre": {"execNewPod": {"command": ["bash", "-c", "rake boot TOKEN=\"t0ken123\""]}}});
        assert!(drift(&[expected.clone()], &[live.clone()]).is_empty());
        live["spec"]["strategy"]["rollingParams"]["pre"]["execNewPod"]["command"][2] =
            json!("rake other TOKEN=\"t0ken123\"");
        let d = drift(&[expected], &[live]);
        assert_eq!(
            d[0].edits[0].found,
            Found::Edited {
                expected: None,
                found: None
            }
        );
        assert!(!format!("{d:?}").contains("t0ken123"));
    }

    #[test]
    fn a_deleted_object_and_a_config_map_key() {
        let cm = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "apicast-environment"},
            "data": {"APICAST_MANAGEMENT_API": "status"}});
        let mut live = cm.clone();
        live["data"] = json!({"APICAST_MANAGEMENT_API": "debug", "EXTRA": "1"});
        let d = drift(&[cm, dc()], &[live]);
        assert_eq!(d[0].subject(), "ConfigMap/apicast-environment");
        assert_eq!(
            d[0].edits[0].found,
            Found::Edited {
                expected: Some("status".into()),
                found: Some("debug".into())
            }
        );
        assert_eq!(
            (d[0].edits[1].path.as_str(), &d[0].edits[1].found),
            ("data.EXTRA", &Found::Added)
        );
        assert!(d[1].deleted && d[1].subject() == "DeploymentConfig/backend-cron");
    }
}
