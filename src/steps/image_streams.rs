//! Image streams of `3scale-image-streams.yml`, sent with the groupified `image.openshift.io/v1`
//! (the file's legacy `apiVersion: v1` is rejected by OpenShift 4.11 and later). Existing streams
//! are kept.

use super::pull_secret::MANAGED_BY;
use super::{cluster_failure, Action, Ctx, StepId};
use crate::failure::Outcome;
use serde::Deserialize;
use serde_json::{json, Value};
use std::path::Path;

const API_VERSION: &str = "image.openshift.io/v1";

#[derive(Deserialize)]
struct Named {
    metadata: NameOnly,
}

#[derive(Deserialize)]
struct NameOnly {
    name: String,
}

/// The image streams the file defines, converted to the groupified API version.
pub fn read(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let doc: Value = serde_yaml::from_str(&text)
        .map_err(|e| format!("{} is not valid YAML: {e}", path.display()))?;
    let items = match doc["kind"].as_str() {
        Some("ImageStreamList") | Some("List") => {
            doc["items"].as_array().cloned().unwrap_or_default()
        }
        Some("ImageStream") => vec![doc],
        other => {
            return Err(format!(
                "{} holds {:?}, not image streams",
                path.display(),
                other.unwrap_or("nothing")
            ))
        }
    };
    items
        .into_iter()
        .map(|mut item| {
            if item["kind"] != "ImageStream" || item["metadata"]["name"].as_str().is_none() {
                return Err(format!(
                    "{} has an item that is not a named ImageStream",
                    path.display()
                ));
            }
            item["apiVersion"] = json!(API_VERSION);
            item["metadata"]["labels"][MANAGED_BY.0] = json!(MANAGED_BY.1);
            Ok(item)
        })
        .collect()
}

/// Names of the image streams among the project's contents.
pub fn observe(contents: &[Value]) -> Vec<String> {
    contents
        .iter()
        .filter(|o| o["kind"] == "ImageStream")
        .filter_map(|o| serde_json::from_value::<Named>(o.clone()).ok())
        .map(|s| s.metadata.name)
        .collect()
}

pub fn plan(wanted: &[Value], existing: &[String]) -> Vec<Action> {
    let missing: Vec<Value> = wanted
        .iter()
        .filter(|s| !existing.iter().any(|e| s["metadata"]["name"] == e.as_str()))
        .cloned()
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let names = missing
        .iter()
        .filter_map(|s| s["metadata"]["name"].as_str().map(str::to_string))
        .collect();
    let list = json!({"apiVersion": API_VERSION, "kind": "ImageStreamList", "items": missing});
    vec![Action::CreateImageStreams {
        names,
        manifest: list.to_string(),
    }]
}

pub fn apply(ctx: &Ctx, project: &str, manifest: &str) -> Outcome<()> {
    ctx.oc
        .create(manifest.as_bytes(), project)
        .map(|_| ())
        .map_err(|e| cluster_failure(StepId::ImageStreams, "create the image streams", e, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_file_is_groupified_and_existing_streams_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("is.yml");
        std::fs::write(
            &path,
            "kind: ImageStreamList\napiVersion: v1\nmetadata: {}\nitems:\n- kind: ImageStream\n  apiVersion: v1\n  metadata:\n    name: apicast-gateway\n- kind: ImageStream\n  apiVersion: v1\n  metadata:\n    name: other\n",
        )
        .unwrap();
        let wanted = read(&path).unwrap();
        assert!(wanted.iter().all(|s| s["apiVersion"] == API_VERSION));
        match plan(&wanted, &["other".to_string()]).as_slice() {
            [Action::CreateImageStreams { names, manifest }] => {
                assert_eq!(names, &["apicast-gateway"]);
                let v: Value = serde_json::from_str(manifest).unwrap();
                assert_eq!(v["apiVersion"], API_VERSION);
                assert_eq!(v["items"][0]["apiVersion"], API_VERSION);
            }
            p => panic!("{p:?}"),
        }
        assert!(plan(&wanted, &["other".into(), "apicast-gateway".into()]).is_empty());
    }
}
