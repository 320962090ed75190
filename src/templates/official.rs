//! The identity of the official template files of the 3scale 2.8 refs we support (2.8.0.GA,
//! 2.8.1.GA, 2.8-stable), shipped as data (`templates/official-2.8.json`: hashes only, never the
//! files): each file's git blob id, and per object, parameter and the rest of the file a SHA-256
//! of its canonical JSON, so that a checkout whose file differs is named "modified" with the
//! objects added, removed or changed. A mirror with the same bytes is the official file.
//!
//! The data is made from the real repository by the reality tier's case `official_data`, which
//! fails naming what to regenerate; `THREESCALE_UPDATE_OFFICIAL=1` on that case rewrites it.

use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../templates/official-2.8.json");

/// A ref of the official repository whose files are shipped.
#[derive(Debug, Deserialize)]
pub(crate) struct OfficialRef {
    pub(crate) name: String,
    pub(crate) commit: String,
}

/// One official file (a path at one or more refs, with one content).
#[derive(Debug, Deserialize)]
pub(crate) struct OfficialFile {
    pub(crate) path: String,
    pub(crate) blob: String,
    /// The supported refs where the path has this content.
    pub(crate) refs: Vec<String>,
    /// Other tags of the repository where the path has the same content.
    #[serde(default)]
    pub(crate) same_as: Vec<String>,
    #[serde(flatten)]
    pub(crate) fingerprint: Fingerprint,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Data {
    pub(crate) refs: Vec<OfficialRef>,
    pub(crate) files: Vec<OfficialFile>,
}

/// The hashes of a template file's parts: `Kind/name` of each object, each parameter by name,
/// and everything else of the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub(crate) struct Fingerprint {
    pub(crate) objects: BTreeMap<String, String>,
    pub(crate) parameters: BTreeMap<String, String>,
    pub(crate) rest: String,
}

/// The shipped data.
pub(crate) fn data() -> &'static Data {
    static PARSED: OnceLock<Data> = OnceLock::new();
    PARSED.get_or_init(|| {
        serde_json::from_str(DATA)
            .expect("templates/official-2.8.json is valid (a unit test reads it)")
    })
}

/// The name of the supported ref at `commit`, if any (2.8.0.GA before 2.8.1.GA: same commit).
pub(crate) fn ref_of_commit(commit: &str) -> Option<&'static str> {
    data()
        .refs
        .iter()
        .find(|r| r.commit == commit)
        .map(|r| r.name.as_str())
}

/// What a file of a checkout is, compared with the official files.
#[derive(Debug)]
pub(crate) enum Identity {
    /// The same bytes as an official file.
    Official(&'static OfficialFile),
    /// An official path with other content: what differs from `baseline`.
    Modified {
        baseline: &'static OfficialFile,
        diff: Diff,
    },
    /// No official file has this path.
    Unknown,
}

/// `text` (the file's bytes, whose git blob id is `blob`) at `path` of a checkout of `wanted`
/// (a ref name or commit; the baseline of a modified file is the official file at that ref).
pub(crate) fn identify(path: &str, blob: &str, text: &str, wanted: &[&str]) -> Identity {
    let candidates: Vec<&'static OfficialFile> =
        data().files.iter().filter(|f| f.path == path).collect();
    if let Some(f) = candidates.iter().find(|f| f.blob == blob) {
        return Identity::Official(f);
    }
    let at = |f: &&&OfficialFile| {
        f.refs.iter().any(|r| {
            wanted.contains(&r.as_str())
                || data()
                    .refs
                    .iter()
                    .any(|o| o.name == *r && wanted.contains(&o.commit.as_str()))
        })
    };
    let Some(baseline) = candidates.iter().find(at).or(candidates.first()) else {
        return Identity::Unknown;
    };
    let diff = match fingerprint(text) {
        Ok(found) => Diff::between(&baseline.fingerprint, &found),
        Err(why) => Diff {
            unreadable: Some(why),
            ..Diff::default()
        },
    };
    Identity::Modified { baseline, diff }
}

/// What differs between an official file and a checkout's.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Diff {
    pub(crate) added: Vec<String>,
    pub(crate) removed: Vec<String>,
    pub(crate) changed: Vec<String>,
    pub(crate) parameters: Vec<String>,
    pub(crate) rest_changed: bool,
    pub(crate) unreadable: Option<String>,
}

impl Diff {
    fn between(official: &Fingerprint, found: &Fingerprint) -> Diff {
        let (added, removed, changed) = compare(&official.objects, &found.objects);
        let (p_added, p_removed, p_changed) = compare(&official.parameters, &found.parameters);
        let mut parameters: Vec<String> = Vec::new();
        parameters.extend(p_added.into_iter().map(|p| format!("{p} added")));
        parameters.extend(p_removed.into_iter().map(|p| format!("{p} removed")));
        parameters.extend(p_changed.into_iter().map(|p| format!("{p} changed")));
        Diff {
            added: added.iter().map(|k| shown(k)).collect(),
            removed: removed.iter().map(|k| shown(k)).collect(),
            changed: changed.iter().map(|k| shown(k)).collect(),
            parameters,
            rest_changed: official.rest != found.rest,
            unreadable: None,
        }
    }
}

/// Keys only in `found`, only in `official`, and in both with other hashes.
fn compare(
    official: &BTreeMap<String, String>,
    found: &BTreeMap<String, String>,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let added = found
        .keys()
        .filter(|k| !official.contains_key(*k))
        .cloned()
        .collect();
    let removed = official
        .keys()
        .filter(|k| !found.contains_key(*k))
        .cloned()
        .collect();
    let changed = found
        .iter()
        .filter(|(k, h)| official.get(*k).is_some_and(|o| o != *h))
        .map(|(k, _)| k.clone())
        .collect();
    (added, removed, changed)
}

/// `ClusterRoleBinding/x` as people read objects: `clusterrolebinding/x`.
fn shown(key: &str) -> String {
    match key.split_once('/') {
        Some((kind, name)) => format!("{}/{name}", kind.to_lowercase()),
        None => key.to_string(),
    }
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(why) = &self.unreadable {
            return write!(f, "it cannot be read as a template ({why})");
        }
        let mut parts = Vec::new();
        for (what, items) in [
            ("objects added", &self.added),
            ("objects removed", &self.removed),
            ("objects changed", &self.changed),
            ("parameters", &self.parameters),
        ] {
            if !items.is_empty() {
                parts.push(format!("{what}: {}", listed(items)));
            }
        }
        if self.rest_changed {
            parts.push("its metadata, message or labels changed".into());
        }
        if parts.is_empty() {
            parts.push("the same objects and parameters, written differently".into());
        }
        f.write_str(&parts.join("; "))
    }
}

/// The first few items, and how many more there are: a file unlike the official one differs
/// everywhere, and the plan names what matters first.
const SHOWN: usize = 8;

fn listed(items: &[String]) -> String {
    let mut out = items[..items.len().min(SHOWN)].join(", ");
    if items.len() > SHOWN {
        out.push_str(&format!(" and {} more", items.len() - SHOWN));
    }
    out
}

/// The fingerprint of a template file (a Template, or a List of objects such as
/// `3scale-image-streams.yml`).
pub(crate) fn fingerprint(text: &str) -> Result<Fingerprint, String> {
    let mut doc: Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    let Some(map) = doc.as_object_mut() else {
        return Err("it is not a YAML mapping".into());
    };
    let objects = map
        .remove("objects")
        .or_else(|| map.remove("items"))
        .unwrap_or(Value::Array(Vec::new()));
    let parameters = map.remove("parameters").unwrap_or(Value::Array(Vec::new()));
    let mut out = Fingerprint {
        rest: hash(&doc),
        ..Fingerprint::default()
    };
    for o in objects.as_array().into_iter().flatten() {
        let key = format!(
            "{}/{}",
            o["kind"].as_str().unwrap_or("?"),
            o["metadata"]["name"].as_str().unwrap_or("?")
        );
        out.objects.insert(key, hash(o));
    }
    for p in parameters.as_array().into_iter().flatten() {
        let name = p["name"].as_str().unwrap_or("?").to_string();
        out.parameters.insert(name, hash(p));
    }
    Ok(out)
}

/// SHA-256 (hex) of the canonical JSON of `value`.
fn hash(value: &Value) -> String {
    let mut text = String::new();
    canonical(value, &mut text);
    openssl::sha::sha256(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// JSON with every object's keys sorted by their bytes and no whitespace; strings and numbers
/// as serde_json writes them.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(v, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_data_is_read_and_names_the_supported_refs() {
        let d = data();
        let names: Vec<&str> = d.refs.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["2.8.0.GA", "2.8.1.GA", "2.8-stable"]);
        assert_eq!(
            ref_of_commit("18723f243c17d34671a7c83cc688c39bb2776eca"),
            Some("2.8.0.GA")
        );
        // The research's blob ids (git ls-tree of the real repository).
        let blob = |path: &str, r: &str| {
            d.files
                .iter()
                .find(|f| f.path == path && f.refs.iter().any(|x| x == r))
                .map(|f| f.blob.as_str())
        };
        assert_eq!(
            blob("amp/amp.yml", "2.8.0.GA"),
            Some("0c99a82e85d41cc3189616ae3dcccaab82ced41f")
        );
        assert_eq!(
            blob("amp/amp-postgresql.yml", "2.8.0.GA"),
            Some("f71d61f1686784ada94cefaa61b1d694396614f4")
        );
        assert_eq!(
            blob("amp/amp-postgresql.yml", "2.8-stable"),
            Some("48de10a57a3937eed69b031efefb260719453081")
        );
        let pg = d
            .files
            .iter()
            .find(|f| f.blob.starts_with("f71d61f"))
            .unwrap();
        assert!(
            pg.same_as.iter().any(|t| t == "2.7.0.GA"),
            "{:?}",
            pg.same_as
        );
    }

    const T: &str = "apiVersion: template.openshift.io/v1\nkind: Template\nmetadata: {name: t}\nobjects:\n- {apiVersion: v1, kind: Secret, metadata: {name: s}, stringData: {a: '${A}'}}\n- {apiVersion: v1, kind: Service, metadata: {name: svc}}\nparameters:\n- {name: A, value: x}\n";

    #[test]
    fn a_diff_names_objects_added_removed_and_changed() {
        let official = fingerprint(T).unwrap();
        // Same content written differently: nothing differs.
        let reordered = "kind: Template\napiVersion: template.openshift.io/v1\nmetadata: {name: t}\nparameters:\n- {value: x, name: A}\nobjects:\n- kind: Secret\n  apiVersion: v1\n  stringData: {a: '${A}'}\n  metadata: {name: s}\n- {apiVersion: v1, kind: Service, metadata: {name: svc}}\n";
        assert_eq!(fingerprint(reordered).unwrap(), official);
        let modified = T
            .replace("'${A}'", "'${A}-x'")
            .replace(
                "kind: Service, metadata: {name: svc}",
                "kind: Service, metadata: {name: other}",
            )
            .replace("value: x", "value: y");
        let diff = Diff::between(&official, &fingerprint(&modified).unwrap());
        assert_eq!(diff.added, ["service/other"]);
        assert_eq!(diff.removed, ["service/svc"]);
        assert_eq!(diff.changed, ["secret/s"]);
        assert_eq!(diff.parameters, ["A changed"]);
        assert!(!diff.rest_changed);
        let text = diff.to_string();
        assert!(
            text.contains("objects added: service/other")
                && text.contains("objects changed: secret/s"),
            "{text}"
        );
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let mut out = String::new();
        canonical(
            &serde_json::json!({"b": [{"d": 1, "c": "x\"y"}], "a": true}),
            &mut out,
        );
        assert_eq!(out, r#"{"a":true,"b":[{"c":"x\"y","d":1}]}"#);
    }
}
