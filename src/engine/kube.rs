//! Typed views of the Kubernetes and OpenShift objects the code inspects: only the fields it
//! reads, each defaulted, so that an object missing a field reads as empty rather than failing.
//! Reads of untyped JSON (`o["status"]["x"]`) are kept for objects the code only passes on.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// What every object has: its name, labels, annotations and owners.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Meta {
    #[serde(deserialize_with = "lenient")]
    pub(crate) name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) namespace: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[serde(deserialize_with = "lenient")]
    pub(crate) labels: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[serde(deserialize_with = "lenient")]
    pub(crate) annotations: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "lenient")]
    pub(crate) owner_references: Vec<OwnerReference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) creation_timestamp: Option<String>,
}

impl Meta {
    pub(crate) fn label(&self, key: &str) -> Option<&str> {
        self.labels.get(key).map(String::as_str)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct OwnerReference {
    #[serde(deserialize_with = "lenient")]
    pub(crate) kind: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) name: String,
}

/// A condition of any status: `type`, `status`, `reason`, `message`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct Condition {
    #[serde(rename = "type")]
    #[serde(deserialize_with = "lenient")]
    pub(crate) kind: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) status: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) reason: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) message: String,
}

impl Condition {
    pub(crate) fn is(&self, kind: &str, status: &str) -> bool {
        self.kind == kind && self.status == status
    }
}

/// The kind and name of an object, as written in a list item: what [`parse`] sorts by.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct Head {
    kind: String,
}

/// The kind of a list item (`Pod`, `Route`, …), or `""`.
pub(crate) fn kind_of(item: &Value) -> String {
    serde_json::from_value::<Head>(item.clone())
        .map(|h| h.kind)
        .unwrap_or_default()
}

/// A field that is `null` reads as its default, as a missing one does: the API writes `null`
/// for some empty lists (`status.tags[].items`), and one such field must not hide the object.
fn lenient<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// The view `T` of `item`; an item of an unexpected shape reads as its default.
pub(crate) fn parse<T: for<'de> Deserialize<'de> + Default>(item: &Value) -> T {
    T::deserialize(item).unwrap_or_default()
}

// ---- image streams -------------------------------------------------------------------------

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct ImageStream {
    #[serde(deserialize_with = "lenient")]
    pub(crate) metadata: Meta,
    #[serde(deserialize_with = "lenient")]
    pub(crate) spec: ImageStreamSpec,
    #[serde(deserialize_with = "lenient")]
    pub(crate) status: ImageStreamStatus,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct ImageStreamSpec {
    #[serde(deserialize_with = "lenient")]
    pub(crate) tags: Vec<SpecTag>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct SpecTag {
    #[serde(deserialize_with = "lenient")]
    pub(crate) name: String,
    pub(crate) from: Option<ObjectReference>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct ObjectReference {
    #[serde(deserialize_with = "lenient")]
    pub(crate) kind: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct ImageStreamStatus {
    #[serde(deserialize_with = "lenient")]
    pub(crate) tags: Vec<StatusTag>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct StatusTag {
    #[serde(deserialize_with = "lenient")]
    pub(crate) tag: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) items: Vec<Value>,
    #[serde(deserialize_with = "lenient")]
    pub(crate) conditions: Vec<Condition>,
}

impl StatusTag {
    /// Why the import of this tag failed, if it did: its `ImportSuccess` condition is `False`
    /// (the cluster never retries it).
    pub(crate) fn refused_import(&self) -> Option<&Condition> {
        self.conditions
            .iter()
            .find(|c| c.is("ImportSuccess", "False"))
    }
}

impl ImageStream {
    /// Tags whose import failed: `TAG: the registry's message` each.
    pub(crate) fn refused_tags(&self) -> Vec<String> {
        self.status
            .tags
            .iter()
            .filter_map(|t| {
                t.refused_import()
                    .map(|c| format!("{}: {}", t.tag, c.message))
            })
            .collect()
    }
}

// ---- claims, storage, nodes, quotas --------------------------------------------------------

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct Claim {
    #[serde(deserialize_with = "lenient")]
    pub(crate) metadata: Meta,
    #[serde(deserialize_with = "lenient")]
    pub(crate) spec: ClaimSpec,
    #[serde(deserialize_with = "lenient")]
    pub(crate) status: ClaimStatus,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct ClaimSpec {
    #[serde(deserialize_with = "lenient")]
    pub(crate) access_modes: Vec<String>,
    pub(crate) storage_class_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct ClaimStatus {
    #[serde(deserialize_with = "lenient")]
    pub(crate) phase: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct StorageClass {
    #[serde(deserialize_with = "lenient")]
    pub(crate) metadata: Meta,
    #[serde(deserialize_with = "lenient")]
    pub(crate) provisioner: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Node {
    #[serde(deserialize_with = "lenient")]
    pub(crate) spec: NodeSpec,
    #[serde(deserialize_with = "lenient")]
    pub(crate) status: NodeStatus,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NodeSpec {
    #[serde(deserialize_with = "lenient")]
    pub(crate) unschedulable: bool,
    #[serde(deserialize_with = "lenient")]
    pub(crate) taints: Vec<Taint>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Taint {
    #[serde(deserialize_with = "lenient")]
    pub(crate) effect: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NodeStatus {
    #[serde(deserialize_with = "lenient")]
    pub(crate) allocatable: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Quota {
    #[serde(deserialize_with = "lenient")]
    pub(crate) metadata: Meta,
    #[serde(deserialize_with = "lenient")]
    pub(crate) status: QuotaStatus,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct QuotaStatus {
    #[serde(deserialize_with = "lenient")]
    pub(crate) hard: BTreeMap<String, String>,
    #[serde(deserialize_with = "lenient")]
    pub(crate) used: BTreeMap<String, String>,
}

// ---- deployment configs --------------------------------------------------------------------

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct DeploymentConfig {
    #[serde(deserialize_with = "lenient")]
    pub(crate) metadata: Meta,
    #[serde(deserialize_with = "lenient")]
    pub(crate) spec: DcSpec,
    #[serde(deserialize_with = "lenient")]
    pub(crate) status: DcStatus,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct DcSpec {
    #[serde(deserialize_with = "lenient")]
    pub(crate) replicas: u64,
    #[serde(deserialize_with = "lenient")]
    pub(crate) triggers: Vec<Trigger>,
    /// The pod template, kept whole: what a rollout runs.
    pub(crate) template: Value,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct Trigger {
    #[serde(rename = "type")]
    #[serde(deserialize_with = "lenient")]
    pub(crate) kind: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct DcStatus {
    #[serde(deserialize_with = "lenient")]
    pub(crate) latest_version: u64,
    #[serde(deserialize_with = "lenient")]
    pub(crate) updated_replicas: u64,
    #[serde(deserialize_with = "lenient")]
    pub(crate) available_replicas: u64,
    #[serde(deserialize_with = "lenient")]
    pub(crate) conditions: Vec<Condition>,
}

impl DeploymentConfig {
    /// The `Progressing` condition when it says the latest rollout failed.
    pub(crate) fn failed_rollout(&self) -> Option<&Condition> {
        self.status.conditions.iter().find(|c| {
            c.kind == "Progressing"
                && matches!(
                    c.reason.as_str(),
                    "ProgressDeadlineExceeded" | "RolloutCancelled"
                )
        })
    }

    pub(crate) fn waits_on_image(&self) -> bool {
        self.spec.triggers.iter().any(|t| t.kind == "ImageChange")
    }
}

// ---- config maps -----------------------------------------------------------------------------

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct ConfigMap {
    #[serde(deserialize_with = "lenient")]
    pub(crate) metadata: Meta,
    #[serde(deserialize_with = "lenient")]
    pub(crate) data: BTreeMap<String, String>,
}

// ---- routes ----------------------------------------------------------------------------------

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct Route {
    #[serde(deserialize_with = "lenient")]
    pub(crate) metadata: Meta,
    #[serde(deserialize_with = "lenient")]
    pub(crate) spec: RouteSpec,
    #[serde(deserialize_with = "lenient")]
    pub(crate) status: RouteStatus,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct RouteSpec {
    #[serde(deserialize_with = "lenient")]
    pub(crate) host: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) to: ObjectReference,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct RouteStatus {
    #[serde(deserialize_with = "lenient")]
    pub(crate) ingress: Vec<RouteIngress>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct RouteIngress {
    #[serde(deserialize_with = "lenient")]
    pub(crate) host: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) router_name: String,
    pub(crate) router_canonical_hostname: Option<String>,
    #[serde(deserialize_with = "lenient")]
    pub(crate) conditions: Vec<Condition>,
}

impl Route {
    /// Whether a router admitted the route.
    pub(crate) fn is_admitted(&self) -> bool {
        self.conditions().any(|c| c.is("Admitted", "True"))
    }

    /// A router's refusal: the condition with its reason (`HostAlreadyClaimed`, …).
    pub(crate) fn refusal(&self) -> Option<&Condition> {
        self.conditions().find(|c| c.is("Admitted", "False"))
    }

    fn conditions(&self) -> impl Iterator<Item = &Condition> {
        self.status.ingress.iter().flat_map(|i| i.conditions.iter())
    }
}

// ---- pods and events -----------------------------------------------------------------------

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct Pod {
    #[serde(deserialize_with = "lenient")]
    pub(crate) metadata: Meta,
    #[serde(deserialize_with = "lenient")]
    pub(crate) status: PodStatus,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct PodStatus {
    #[serde(deserialize_with = "lenient")]
    pub(crate) phase: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) conditions: Vec<Condition>,
    #[serde(deserialize_with = "lenient")]
    pub(crate) container_statuses: Vec<ContainerStatus>,
    #[serde(deserialize_with = "lenient")]
    pub(crate) init_container_statuses: Vec<ContainerStatus>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct ContainerStatus {
    #[serde(deserialize_with = "lenient")]
    pub(crate) name: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) ready: bool,
    #[serde(deserialize_with = "lenient")]
    pub(crate) restart_count: u64,
    #[serde(deserialize_with = "lenient")]
    pub(crate) state: ContainerState,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct ContainerState {
    pub(crate) waiting: Option<Waiting>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub(crate) struct Waiting {
    #[serde(deserialize_with = "lenient")]
    pub(crate) reason: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) message: String,
}

impl Pod {
    /// Pending and not yet placed on a node.
    pub(crate) fn unscheduled(&self) -> bool {
        self.status.phase == "Pending"
            && !self
                .status
                .conditions
                .iter()
                .any(|c| c.is("PodScheduled", "True"))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Event {
    #[serde(deserialize_with = "lenient")]
    pub(crate) metadata: Meta,
    #[serde(deserialize_with = "lenient")]
    pub(crate) involved_object: ObjectReference,
    #[serde(deserialize_with = "lenient")]
    pub(crate) reason: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) message: String,
    #[serde(rename = "type")]
    #[serde(deserialize_with = "lenient")]
    pub(crate) kind: String,
    #[serde(deserialize_with = "lenient")]
    pub(crate) count: u64,
    pub(crate) last_timestamp: Option<String>,
}

impl Event {
    pub(crate) fn is_about(&self, kind: &str, name: &str) -> bool {
        self.involved_object.kind == kind && (name.is_empty() || self.involved_object.name == name)
    }
}

// ---- secrets ---------------------------------------------------------------------------------

/// A secret's data, decoded: the one reader of what a Secret holds.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct SecretObject {
    #[serde(deserialize_with = "lenient")]
    pub(crate) metadata: Meta,
    #[serde(rename = "type")]
    #[serde(deserialize_with = "lenient")]
    pub(crate) kind: String,
    #[serde(deserialize_with = "lenient")]
    data: BTreeMap<String, String>,
}

impl SecretObject {
    /// The decoded value of `key`: `None` when absent, `Some(Err)` when it is not base64 of
    /// UTF-8 text.
    pub(crate) fn value(&self, key: &str) -> Option<Result<String, String>> {
        use base64::Engine;
        let encoded = self.data.get(key)?;
        Some(
            base64::engine::general_purpose::STANDARD
                .decode(encoded.trim())
                .map_err(|e| format!("key {key} is not base64: {e}"))
                .and_then(|b| {
                    String::from_utf8(b).map_err(|_| format!("key {key} is not UTF-8 text"))
                }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn missing_fields_read_as_empty() {
        let dc: DeploymentConfig = parse(&json!({"metadata": {"name": "a"}}));
        assert_eq!(
            (dc.metadata.name.as_str(), dc.status.latest_version),
            ("a", 0)
        );
        let odd: DeploymentConfig = parse(&json!({"metadata": "not an object"}));
        assert_eq!(odd, DeploymentConfig::default());
    }

    #[test]
    fn nulls_read_as_empty_and_keep_the_rest() {
        let is: ImageStream = parse(&json!({"metadata": {"name": "amp-zync", "labels": null},
            "status": {"tags": [{"tag": "2.8", "items": null, "conditions": [{"type": "ImportSuccess", "status": "False", "message": null}]}]}}));
        assert_eq!(is.metadata.name, "amp-zync");
        assert_eq!(
            is.status.tags[0]
                .refused_import()
                .map(|c| c.message.as_str()),
            Some("")
        );
    }

    #[test]
    fn a_secret_is_decoded_by_key() {
        let s: SecretObject =
            parse(&json!({"metadata": {"name": "s"}, "data": {"A": "aGVsbG8=", "B": "%%"}}));
        assert_eq!(s.value("A"), Some(Ok("hello".into())));
        assert!(matches!(s.value("B"), Some(Err(_))));
        assert_eq!(s.value("C"), None);
    }

    #[test]
    fn routes_tell_admission_and_refusal() {
        let r: Route = parse(
            &json!({"spec": {"host": "h"}, "status": {"ingress": [{"conditions": [
            {"type": "Admitted", "status": "False", "reason": "HostAlreadyClaimed", "message": "m"}]}]}}),
        );
        assert!(!r.is_admitted());
        assert_eq!(
            r.refusal().map(|c| c.reason.as_str()),
            Some("HostAlreadyClaimed")
        );
    }
}
