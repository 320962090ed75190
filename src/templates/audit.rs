//! What each template file of a checkout is and installs, in one document: its git blob id,
//! whether it is an official file (or what differs from one), the 3scale release it installs
//! against the release the ref names, and the fix when a supported ref has the right file. The
//! install's checks use the same pieces; `render release` prints this for a whole checkout.

use super::model::Template;
use super::official::{self, Identity};
use super::release::{self, Installs};
use super::repo;
use serde_json::{json, Value};
use std::path::Path;

/// The template files an install or a gateway reads, when the checkout has them.
fn files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir.join("amp"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(".yml").then(|| format!("amp/{name}"))
        })
        .collect();
    out.sort();
    for f in [
        "3scale-image-streams.yml",
        "apicast-gateway/apicast.yml",
        "apicast-gateway/library/apicast.yml",
    ] {
        if dir.join(f).is_file() {
            out.push(f.to_string());
        }
    }
    out
}

/// The document for the checkout in `dir` of `git_ref` (a name), at `commit` when known.
pub(crate) fn checkout(dir: &Path, git_ref: Option<&str>, commit: Option<&str>) -> Value {
    let main = Template::load(&dir.join("amp/amp.yml"))
        .ok()
        .map(|t| Installs::of_template(&t, &|_| None));
    let expected = release::expected(git_ref, commit, main.as_ref());
    let wanted: Vec<&str> = git_ref.into_iter().chain(commit).collect();
    let entries: Vec<Value> = files(dir)
        .iter()
        .map(|f| {
            file(
                dir,
                f,
                expected.as_ref().map(|e| e.release.as_str()),
                &wanted,
            )
        })
        .collect();
    json!({
        "expected": expected.map(|e| json!({"release": e.release, "why": e.why})),
        "files": entries,
    })
}

fn file(dir: &Path, path: &str, expected: Option<&str>, wanted: &[&str]) -> Value {
    let bytes = std::fs::read(dir.join(path)).unwrap_or_default();
    let blob = repo::blob_id(&bytes).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let identity = match official::identify(path, &blob, &text, wanted) {
        Identity::Official(f) => json!({"official": f.refs, "same_as": f.same_as}),
        Identity::Modified { baseline, diff } => {
            json!({"modified": {"from": baseline.refs, "differs": diff.to_string()}})
        }
        Identity::Unknown => json!("unknown"),
    };
    let installs = if path == "3scale-image-streams.yml" {
        let doc: Value = serde_yaml::from_str(&text).unwrap_or_default();
        let items = doc["items"].as_array().cloned().unwrap_or_default();
        Some(Installs::of_image_streams(&items))
    } else {
        Template::parse(&text)
            .ok()
            .map(|t| Installs::of_template(&t, &|_| None))
    };
    let releases: Vec<String> = installs
        .iter()
        .flat_map(|i| i.releases())
        .map(str::to_string)
        .collect();
    let mismatches = match (&installs, expected) {
        (Some(i), Some(e)) => i.mismatches(e),
        _ => Vec::new(),
    };
    let fix = expected
        .filter(|_| !mismatches.is_empty())
        .and_then(|e| release::fix_for(path, &blob, e))
        .map(|f| json!({"ref": f.git_ref, "commit": f.commit}));
    json!({
        "path": path,
        "blob": blob,
        "identity": identity,
        "installs": releases,
        "mismatches": mismatches,
        "fix": fix,
    })
}
