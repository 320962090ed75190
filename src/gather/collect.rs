//! The project's objects, one YAML file per type, read only with a project admin's rights; its
//! Secrets reduced to their keys and the length of each value. A type that cannot be read (a
//! 503, Forbidden, a type the cluster does not serve) becomes a note, not a failed gather.

use super::bundle::Bundle;
use crate::engine::kube::{self, SecretObject};
use crate::oc::Oc;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The project's objects a bundle holds, one file each (Secrets apart).
pub(crate) const TYPES: &[&str] = &[
    "deploymentconfigs.apps.openshift.io",
    "replicationcontrollers",
    "pods",
    "events",
    "services",
    "endpoints",
    "routes.route.openshift.io",
    "imagestreams.image.openshift.io",
    "persistentvolumeclaims",
    "configmaps",
    "serviceaccounts",
    "roles.rbac.authorization.k8s.io",
    "rolebindings.rbac.authorization.k8s.io",
    "poddisruptionbudgets.policy",
    "resourcequotas",
    "limitranges",
    "deployments.apps",
    "statefulsets.apps",
    "networkpolicies.networking.k8s.io",
];

/// The most objects of one type a bundle keeps (the newest events).
pub(crate) const MAX_ITEMS: usize = 2000;

/// Reads run side by side, at most this many at once.
pub(crate) const AT_ONCE: usize = 4;

/// What the object step read: every object (for the overview and the diagnosis), and how many
/// types could be read.
pub(crate) struct Objects {
    pub(crate) items: Vec<Value>,
    pub(crate) types_read: usize,
}

/// `f` of each item, at most [`AT_ONCE`] at a time, in the items' order.
pub(crate) fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mut out = Vec::with_capacity(items.len());
    for chunk in items.chunks(AT_ONCE) {
        let f = &f;
        std::thread::scope(|s| {
            let handles: Vec<_> = chunk.iter().map(|i| s.spawn(move || f(i))).collect();
            out.extend(
                handles
                    .into_iter()
                    .map(|h| h.join().expect("a read does not panic")),
            );
        });
    }
    out
}

/// Every type of [`TYPES`] into `objects/<type>.yaml`.
pub(crate) fn objects(oc: &Oc, project: &str, bundle: &mut Bundle) -> Objects {
    let read = in_parallel(TYPES, |t| oc.list_items(t, Some(project)));
    let mut all = Objects {
        items: Vec::new(),
        types_read: 0,
    };
    for (t, result) in TYPES.iter().zip(read) {
        let plural = t.split('.').next().unwrap_or(t);
        match result {
            Ok(items) => {
                all.types_read += 1;
                let items = kept(plural, items, bundle);
                bundle.add(&format!("objects/{plural}.yaml"), &list_yaml(&items));
                all.items.extend(items);
            }
            Err(e) => bundle.note(&format!("{plural}: could not be read: {}", e.reason())),
        }
    }
    all
}

/// The items without their managed fields (the server's bookkeeping), at most [`MAX_ITEMS`]:
/// the newest events, the first of anything else.
fn kept(plural: &str, mut items: Vec<Value>, bundle: &mut Bundle) -> Vec<Value> {
    for item in &mut items {
        if let Some(meta) = item.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.remove("managedFields");
        }
    }
    if plural == "events" {
        items.sort_by_key(|e| event_time(&kube::parse(e)));
        if items.len() > MAX_ITEMS {
            let cut = items.len() - MAX_ITEMS;
            items.drain(..cut);
            bundle.note(&format!("events: the oldest {cut} were left out"));
        }
    } else if items.len() > MAX_ITEMS {
        bundle.note(&format!("{plural}: {} of {} kept", MAX_ITEMS, items.len()));
        items.truncate(MAX_ITEMS);
    }
    items
}

/// When an event last happened, as its timestamps tell (RFC 3339 sorts as text).
pub(crate) fn event_time(e: &kube::Event) -> String {
    e.last_timestamp
        .clone()
        .or_else(|| e.metadata.creation_timestamp.clone())
        .unwrap_or_default()
}

fn list_yaml(items: &[Value]) -> String {
    let list = json!({"apiVersion": "v1", "kind": "List", "items": items});
    serde_yaml::to_string(&list).unwrap_or_else(|e| format!("# could not be rendered: {e}\n"))
}

/// A Secret as a bundle shows it: what it is, and only the keys and lengths of its data and
/// annotations (a dockercfg secret's annotations may hold its token).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SecretView<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    labels: &'a BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    annotations: BTreeMap<&'a str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    owner_references: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    creation_timestamp: Option<&'a str>,
    /// Key → length of its value.
    data: BTreeMap<&'a str, String>,
}

fn length(bytes: Option<usize>) -> String {
    bytes.map_or_else(|| "not base64".to_string(), |n| format!("{n} bytes"))
}

/// `objects/secrets.yaml`: every Secret reduced to its keys and the length of each value.
pub(crate) fn secrets(secrets: &[SecretObject], bundle: &mut Bundle) {
    let views: Vec<SecretView> = secrets
        .iter()
        .map(|s| SecretView {
            name: &s.metadata.name,
            kind: &s.kind,
            labels: &s.metadata.labels,
            annotations: s
                .metadata
                .annotations
                .iter()
                .map(|(k, v)| (k.as_str(), length(Some(v.len()))))
                .collect(),
            owner_references: s
                .metadata
                .owner_references
                .iter()
                .map(|o| format!("{}/{}", o.kind, o.name))
                .collect(),
            creation_timestamp: s.metadata.creation_timestamp.as_deref(),
            data: s
                .key_lengths()
                .into_iter()
                .map(|(k, n)| (k, length(n)))
                .collect(),
        })
        .collect();
    let text = serde_yaml::to_string(&json!({ "secrets": views }))
        .unwrap_or_else(|e| format!("# could not be rendered: {e}\n"));
    bundle.add(
        "objects/secrets.yaml",
        &format!("# Every Secret of the project: its keys and the length of each value, never a value.\n{text}"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gather::redact::Masker;
    use crate::secrets::Redactor;

    #[test]
    fn secrets_show_keys_and_lengths_only() {
        let r = Redactor::default();
        let mut b = Bundle::new(Masker::new(&r, &[]));
        let s: SecretObject = kube::parse(&json!({"metadata": {"name": "system-seed",
            "annotations": {"openshift.io/token-secret.value": "tok-tok-tok"}},
            "type": "Opaque", "data": {"ADMIN_PASSWORD": "aHVudGVyMi1odW50ZXIy", "ODD": "%%"}}));
        secrets(&[s], &mut b);
        let text = &b.files()[0].text;
        assert!(text.contains("ADMIN_PASSWORD: 15 bytes"), "{text}");
        assert!(text.contains("ODD: not base64"), "{text}");
        assert!(
            text.contains("openshift.io/token-secret.value: 11 bytes"),
            "{text}"
        );
        assert!(
            !text.contains("aHVudGVy") && !text.contains("tok-tok"),
            "{text}"
        );
    }

    #[test]
    fn the_newest_events_are_kept_and_managed_fields_dropped() {
        let r = Redactor::default();
        let mut b = Bundle::new(Masker::new(&r, &[]));
        let events: Vec<Value> = (0..MAX_ITEMS + 3)
            .map(|i| json!({"metadata": {"name": format!("e{i}"), "managedFields": [{}]},
                "lastTimestamp": format!("2026-01-01T00:{:02}:{:02}Z", i / 60 % 60, i % 60), "reason": format!("r{i}")}))
            .rev()
            .collect();
        let kept = kept("events", events, &mut b);
        assert_eq!(kept.len(), MAX_ITEMS);
        assert_eq!(kept[0]["metadata"]["name"], "e3");
        assert!(kept[0]["metadata"].get("managedFields").is_none());
        assert_eq!(b.notes(), ["events: the oldest 3 were left out"]);
    }
}
