//! Our own rendering of a template with the answers (no cluster needed): parameters substituted
//! the way OpenShift does (`${NAME}` in text, `${{NAME}}` as a JSON value), and what preflight
//! reads from the result: resource requests, claims, images, API versions.

use crate::template::Template;
use serde_json::Value;
use std::collections::BTreeMap;

/// The template's objects with `values` substituted; generated parameters stay as `${NAME}`.
pub fn render(template: &Template, given: &[(String, String)]) -> Vec<Value> {
    let mut values: BTreeMap<&str, String> = BTreeMap::new();
    for p in &template.parameters {
        if let Some(v) = &p.value {
            values.insert(&p.name, v.clone());
        }
    }
    for (k, v) in given {
        values.insert(k, v.clone());
    }
    template
        .objects
        .iter()
        .map(|o| {
            let mut v = o.to_json();
            substitute(&mut v, &values);
            v
        })
        .collect()
}

fn substitute(value: &mut Value, values: &BTreeMap<&str, String>) {
    match value {
        Value::String(s) => {
            if let Some(name) = s
                .trim()
                .strip_prefix("${{")
                .and_then(|r| r.strip_suffix("}}"))
            {
                if let Some(v) = values.get(name) {
                    *value = serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()));
                    return;
                }
            }
            for (name, v) in values {
                if s.contains('$') {
                    *s = s
                        .replace(&format!("${{{{{name}}}}}"), v)
                        .replace(&format!("${{{name}}}"), v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| substitute(v, values)),
        Value::Object(map) => map.values_mut().for_each(|v| substitute(v, values)),
        _ => {}
    }
}

/// A Kubernetes quantity (`500m`, `1`, `600Mi`, `2Gi`, `1e3`) in base units: cores or bytes.
pub fn quantity(text: &str) -> Option<f64> {
    let text = text.trim();
    let split = text
        .find(|c: char| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
        .unwrap_or(text.len());
    let (number, suffix) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let factor = match suffix {
        "" => 1.0,
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "Ki" => 1024.0,
        "Mi" => 1024.0 * 1024.0,
        "Gi" => 1024.0 * 1024.0 * 1024.0,
        "Ti" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        "Pi" => 1024.0 * 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    Some(number * factor)
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Requests {
    pub cpu: f64,
    pub memory: f64,
    pub pods: u32,
}

/// What the workloads request when every replica runs: for each pod, the larger of its
/// containers' sum and its largest init container (the scheduler's rule), times the replicas.
pub fn requests(objects: &[Value]) -> Requests {
    let mut total = Requests::default();
    for o in objects.iter().filter(|o| {
        matches!(
            o["kind"].as_str(),
            Some("DeploymentConfig" | "Deployment" | "StatefulSet")
        )
    }) {
        let replicas = o["spec"]["replicas"].as_u64().unwrap_or(1) as u32;
        let pod = &o["spec"]["template"]["spec"];
        let sum = |key: &str, resource: &str| -> f64 { requested(pod, key, resource).sum() };
        let max_init = |resource: &str| -> f64 {
            requested(pod, "initContainers", resource).fold(0.0, f64::max)
        };
        total.cpu += f64::from(replicas) * sum("containers", "cpu").max(max_init("cpu"));
        total.memory += f64::from(replicas) * sum("containers", "memory").max(max_init("memory"));
        total.pods += replicas;
    }
    total
}

/// The requests of one resource by each container of a pod's `containers` or `initContainers`.
fn requested<'a>(pod: &'a Value, key: &str, resource: &'a str) -> impl Iterator<Item = f64> + 'a {
    pod[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(move |c| {
            c["resources"]["requests"][resource]
                .as_str()
                .and_then(quantity)
        })
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub name: String,
    pub access_modes: Vec<String>,
    pub size: String,
    /// `None`: the cluster's default class.
    pub storage_class: Option<String>,
}

pub fn claims(objects: &[Value]) -> Vec<Claim> {
    objects
        .iter()
        .filter(|o| o["kind"] == "PersistentVolumeClaim")
        .map(|o| Claim {
            name: o["metadata"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            access_modes: o["spec"]["accessModes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|m| m.as_str().map(str::to_string))
                .collect(),
            size: o["spec"]["resources"]["requests"]["storage"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            storage_class: o["spec"]["storageClassName"].as_str().map(str::to_string),
        })
        .collect()
}

/// The images the install pulls: image stream tags from registries, and direct pod images.
pub fn images(objects: &[Value]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for o in objects {
        let from_tags = o["spec"]["tags"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|t| t["from"]["kind"] == "DockerImage")
            .filter_map(|t| t["from"]["name"].as_str());
        let from_pods = ["containers", "initContainers"]
            .iter()
            .flat_map(|k| {
                o["spec"]["template"]["spec"][k]
                    .as_array()
                    .into_iter()
                    .flatten()
            })
            .filter_map(|c| c["image"].as_str())
            .filter(|i| i.contains('/') && !i.is_empty());
        for image in from_tags.chain(from_pods) {
            if !found.iter().any(|f| f == image) {
                found.push(image.to_string());
            }
        }
    }
    found
}

/// API versions Kubernetes stopped serving, with the minor version that removed them.
const REMOVED_APIS: &[(&str, &str, u32)] = &[
    ("policy/v1beta1", "PodDisruptionBudget", 25),
    ("batch/v1beta1", "CronJob", 25),
    ("autoscaling/v2beta1", "HorizontalPodAutoscaler", 25),
    ("extensions/v1beta1", "", 16),
    ("apps/v1beta1", "", 16),
    ("apps/v1beta2", "", 16),
];

/// Objects whose API version a cluster of Kubernetes `1.<minor>` no longer serves.
pub fn removed_apis(objects: &[Value], kube_minor: u32) -> Vec<String> {
    let mut found = Vec::new();
    for o in objects {
        let (api, kind) = (
            o["apiVersion"].as_str().unwrap_or_default(),
            o["kind"].as_str().unwrap_or_default(),
        );
        if let Some((_, _, removed)) = REMOVED_APIS.iter().find(|(a, k, removed)| {
            *a == api && (k.is_empty() || *k == kind) && kube_minor >= *removed
        }) {
            let text = format!("{kind} {api} (removed in Kubernetes 1.{removed})");
            if !found.contains(&text) {
                found.push(text);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        assert_eq!(quantity("500m"), Some(0.5));
        assert_eq!(quantity("2"), Some(2.0));
        assert_eq!(quantity("600Mi"), Some(600.0 * 1024.0 * 1024.0));
        assert_eq!(quantity("1G"), Some(1e9));
        assert_eq!(quantity("1e3"), Some(1000.0));
        assert_eq!(quantity("12x"), None);
    }

    const T: &str = r#"
metadata: {name: t}
objects:
- apiVersion: apps.openshift.io/v1
  kind: DeploymentConfig
  metadata: {name: a}
  spec:
    replicas: 2
    template:
      spec:
        initContainers:
        - {image: x, resources: {requests: {cpu: "1", memory: 100Mi}}}
        containers:
        - {image: "${IMG}", resources: {requests: {cpu: 250m, memory: 1Gi}}}
        - {image: y, resources: {requests: {cpu: 250m}}}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: c}
  spec: {accessModes: [ReadWriteMany], resources: {requests: {storage: 100Mi}}, storageClassName: "${{RWX}}"}
- apiVersion: policy/v1beta1
  kind: PodDisruptionBudget
  metadata: {name: p}
parameters:
- {name: IMG, value: registry.example.com/a:1}
- {name: RWX, value: "null"}
"#;

    #[test]
    fn rendering_and_what_preflight_reads() {
        let t = Template::parse(T).unwrap();
        let objects = render(&t, &[("RWX".into(), "cephfs".into())]);
        let r = requests(&objects);
        assert_eq!(
            (r.cpu, r.pods),
            (2.0, 2),
            "max(init 1, containers 0.5) x 2 replicas"
        );
        assert_eq!(r.memory, 2.0 * 1024.0 * 1024.0 * 1024.0);
        assert_eq!(claims(&objects)[0].storage_class.as_deref(), Some("cephfs"));
        let defaulted = render(&t, &[]);
        assert_eq!(
            claims(&defaulted)[0].storage_class,
            None,
            "${{RWX}} = null: the default class"
        );
        assert_eq!(images(&objects), ["registry.example.com/a:1"]);
        assert_eq!(
            removed_apis(&objects, 27),
            ["PodDisruptionBudget policy/v1beta1 (removed in Kubernetes 1.25)"]
        );
        assert!(removed_apis(&objects, 24).is_empty());
    }
}
