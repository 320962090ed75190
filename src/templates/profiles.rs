//! The install profiles of a checkout (`amp/*.yml`), the chosen one's template and parameter
//! model, and the image streams the installer creates from `3scale-image-streams.yml`.

use super::model::Template;
use super::params::ParamModel;
use crate::names;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// The label the installer puts on what it creates itself (pull secret, image streams).
pub(crate) const MANAGED_BY: (&str, &str) = ("app.kubernetes.io/managed-by", "threescale-install");

/// The groupified API version of image streams: the file's legacy `v1` is refused by
/// OpenShift 4.11 and later.
const IMAGE_STREAM_API: &str = "image.openshift.io/v1";

/// An install profile: one template file of the checkout's `amp/` directory.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub(crate) name: String,
    pub(crate) path: PathBuf,
    pub(crate) description: String,
}

/// The chosen profile's template, read.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub(crate) name: String,
    pub(crate) path: PathBuf,
    pub(crate) template: Template,
    pub(crate) model: ParamModel,
}

/// The install profiles of a checkout: `amp/*.yml`, `amp` first, then by name.
pub(crate) fn list(dir: &Path) -> Vec<Profile> {
    let mut found: Vec<Profile> = std::fs::read_dir(dir.join("amp"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .filter_map(|path| {
            let template = Template::load(&path).ok()?;
            let name = path.file_stem()?.to_string_lossy().into_owned();
            let description = template
                .metadata
                .annotations
                .get("description")
                .cloned()
                .unwrap_or_default();
            Some(Profile {
                name,
                path,
                description,
            })
        })
        .collect();
    found.sort_by_key(|p| (p.name != crate::inputs::DEFAULT_PROFILE, p.name.clone()));
    found
}

/// The template of the chosen profile: a profile name, or a path to a template file.
pub(crate) fn load(profiles: &[Profile], wanted: &str) -> Result<Loaded, (String, String)> {
    let (name, path) = match profiles.iter().find(|p| p.name == wanted) {
        Some(p) => (p.name.clone(), p.path.clone()),
        None if Path::new(wanted).is_file() => {
            let path = std::fs::canonicalize(wanted).unwrap_or_else(|_| PathBuf::from(wanted));
            (wanted.to_string(), path)
        }
        None => {
            let names: Vec<&str> = profiles.iter().map(|p| p.name.as_str()).collect();
            let hint = names::closest(wanted, names.iter().copied())
                .map(|c| format!("did you mean {c}? "))
                .unwrap_or_default();
            return Err((
                format!(
                    "'{wanted}' is neither an install profile of the checkout nor a template file"
                ),
                format!("{hint}the profiles are: {}", names.join(", ")),
            ));
        }
    };
    let template = Template::load(&path).map_err(|e| {
        (
            e,
            "point --templates-dir or --templates-repo at the 3scale templates".to_string(),
        )
    })?;
    let model = ParamModel::of(&template);
    Ok(Loaded {
        name,
        path,
        template,
        model,
    })
}

/// The other profiles' templates, to say where a parameter belongs.
pub(crate) fn others(profiles: &[Profile], chosen: &str) -> Vec<(String, Template)> {
    profiles
        .iter()
        .filter(|p| p.name != chosen)
        .filter_map(|p| Some((p.name.clone(), Template::load(&p.path).ok()?)))
        .collect()
}

/// The image streams of `3scale-image-streams.yml`, converted to the groupified API version and
/// labelled as the installer's.
pub(crate) fn image_streams(checkout: &Path) -> Result<Vec<Value>, String> {
    let path = checkout.join("3scale-image-streams.yml");
    let text = std::fs::read_to_string(&path)
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
            item["apiVersion"] = json!(IMAGE_STREAM_API);
            item["metadata"]["labels"][MANAGED_BY.0] = json!(MANAGED_BY.1);
            Ok(item)
        })
        .collect()
}

/// The image stream list to send for `streams`.
pub(crate) fn image_stream_list(streams: &[Value]) -> String {
    json!({"apiVersion": IMAGE_STREAM_API, "kind": "ImageStreamList", "items": streams}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_come_from_the_checkout_with_amp_first() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("amp/system-oracle")).unwrap();
        let template = |name: &str, desc: &str| {
            format!("apiVersion: template.openshift.io/v1\nkind: Template\nmetadata:\n  name: {name}\n  annotations:\n    description: {desc}\nparameters: []\nobjects: []\n")
        };
        std::fs::write(dir.path().join("amp/amp-s3.yml"), template("s3", "with S3")).unwrap();
        std::fs::write(
            dir.path().join("amp/amp.yml"),
            template("main", "main system"),
        )
        .unwrap();
        std::fs::write(dir.path().join("amp/README.md"), "not a template").unwrap();
        let found = list(dir.path());
        let names: Vec<&str> = found.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["amp", "amp-s3"]);
        assert_eq!(found[1].description, "with S3");
        assert!(load(&found, "amp-s3").is_ok());
        let (err, help) = load(&found, "amp-s4").unwrap_err();
        assert!(
            err.contains("amp-s4") && help.contains("did you mean amp-s3?"),
            "{help}"
        );
    }

    #[test]
    fn legacy_image_streams_are_groupified_and_labelled() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("3scale-image-streams.yml"),
            "kind: ImageStreamList\napiVersion: v1\nmetadata: {}\nitems:\n- kind: ImageStream\n  apiVersion: v1\n  metadata:\n    name: apicast-gateway\n",
        )
        .unwrap();
        let streams = image_streams(dir.path()).unwrap();
        assert_eq!(streams[0]["apiVersion"], IMAGE_STREAM_API);
        assert_eq!(streams[0]["metadata"]["labels"][MANAGED_BY.0], MANAGED_BY.1);
        let list: Value = serde_json::from_str(&image_stream_list(&streams)).unwrap();
        assert_eq!(list["apiVersion"], IMAGE_STREAM_API);
    }
}
