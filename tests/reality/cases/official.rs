//! The shipped identity of the official files (`templates/official-2.8.json`) against the real
//! repository: every template file at 2.8.0.GA, 2.8.1.GA and 2.8-stable, its git blob id (as git
//! itself computes it), the tags where the same content sits, and the SHA-256 of each object's,
//! parameter's and the rest's canonical JSON, computed here with code of the test's own. A
//! difference fails naming what to regenerate; `THREESCALE_UPDATE_OFFICIAL=1` rewrites the file:
//!
//! ```sh
//! THREESCALE_UPDATE_OFFICIAL=1 cargo test --test reality official_data
//! ```

use crate::runner::{Case, Needs};
use crate::world::World;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const CASES: &[Case] = &[Case {
    name: "official_data_matches_the_real_repository",
    needs: Needs::AnyCluster,
    run: official_data,
}];

/// The refs whose files are shipped, in the order the data lists them.
pub const REFS: &[&str] = &["2.8.0.GA", "2.8.1.GA", "2.8-stable"];
pub const UPDATE: &str = "THREESCALE_UPDATE_OFFICIAL";

pub fn data_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/official-2.8.json")
}

/// The bare repository the world's templates URL names.
pub fn repo(world: &World) -> PathBuf {
    PathBuf::from(world.templates_url().trim_start_matches("file://"))
}

/// `git --git-dir REPO ARGS`: its stdout, or a panic with its stderr.
pub fn git(repo: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .arg("--git-dir")
        .arg(repo)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The template files the installer reads.
fn is_template(path: &str) -> bool {
    path == "3scale-image-streams.yml"
        || (path.starts_with("amp/") && path.ends_with(".yml") && path.matches('/').count() == 1)
        || path.starts_with("apicast-gateway/") && path.ends_with(".yml")
}

/// (path, blob) of every template file at `r`, as `git ls-tree` says.
fn files_at(repo: &Path, r: &str) -> Vec<(String, String)> {
    git(repo, &["ls-tree", "-r", r])
        .lines()
        .filter_map(|l| {
            let (meta, path) = l.split_once('\t')?;
            let blob = meta.split_whitespace().nth(2)?;
            is_template(path).then(|| (path.to_string(), blob.to_string()))
        })
        .collect()
}

/// A JSON value rebuilt with every object's keys inserted in sorted order.
fn sorted(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let ordered: BTreeMap<&String, Value> = m.iter().map(|(k, v)| (k, sorted(v))).collect();
            let mut out = Map::new();
            for (k, v) in ordered {
                out.insert(k.clone(), v);
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

fn sha256(v: &Value) -> String {
    let text = serde_json::to_string(&sorted(v)).expect("JSON");
    openssl::sha::sha256(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The hashes of one file's objects (`Kind/name`), parameters and the rest.
pub fn fingerprint(text: &str) -> Value {
    let mut doc: Value = serde_yaml::from_str(text).expect("a template is YAML");
    let map = doc.as_object_mut().expect("a template is a mapping");
    let objects = map
        .remove("objects")
        .or_else(|| map.remove("items"))
        .unwrap_or(json!([]));
    let params = map.remove("parameters").unwrap_or(json!([]));
    let mut o = Map::new();
    for item in objects.as_array().into_iter().flatten() {
        let key = format!(
            "{}/{}",
            item["kind"].as_str().unwrap_or("?"),
            item["metadata"]["name"].as_str().unwrap_or("?")
        );
        o.insert(key, json!(sha256(item)));
    }
    let mut p = Map::new();
    for item in params.as_array().into_iter().flatten() {
        p.insert(
            item["name"].as_str().unwrap_or("?").to_string(),
            json!(sha256(item)),
        );
    }
    json!({"objects": o, "parameters": p, "rest": sha256(&doc)})
}

/// The data as it should be, from the repository.
fn expected(repo: &Path) -> Value {
    let tags: Vec<String> = git(repo, &["tag", "--list"])
        .lines()
        .map(str::to_string)
        .collect();
    let mut refs = Vec::new();
    let mut files: Vec<(String, String, Vec<String>)> = Vec::new();
    for r in REFS {
        let commit = git(repo, &["rev-parse", &format!("{r}^{{commit}}")]);
        refs.push(json!({"name": r, "commit": commit.trim()}));
        for (path, blob) in files_at(repo, r) {
            match files.iter_mut().find(|(p, b, _)| *p == path && *b == blob) {
                Some((_, _, at)) => at.push(r.to_string()),
                None => files.push((path, blob, vec![r.to_string()])),
            }
        }
    }
    let mut out = Vec::new();
    for (path, blob, at) in files {
        let same_as: Vec<&String> = tags
            .iter()
            .filter(|t| !REFS.contains(&t.as_str()))
            .filter(|t| {
                files_at(repo, t)
                    .iter()
                    .any(|(p, b)| *p == path && *b == blob)
            })
            .collect();
        let text = git(repo, &["cat-file", "blob", &blob]);
        let mut entry = json!({"path": path, "blob": blob, "refs": at, "same_as": same_as});
        for (k, v) in fingerprint(&text).as_object().unwrap() {
            entry[k] = v.clone();
        }
        out.push(entry);
    }
    json!({
        "about": "The official 3scale 2.8 template files: git blob ids, and SHA-256 of the canonical JSON (keys sorted, no whitespace) of each object (Kind/name), parameter and the rest of each file. Made from the real repository by the reality tier: THREESCALE_UPDATE_OFFICIAL=1 cargo test --test reality official_data",
        "refs": refs,
        "files": out,
    })
}

fn official_data(world: &World) {
    let repo = repo(world);
    let want = expected(&repo);
    let path = data_path();
    if std::env::var(UPDATE).is_ok_and(|v| v == "1") {
        let text = serde_json::to_string_pretty(&want).expect("JSON") + "\n";
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let shipped: Value = serde_json::from_str(
        &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .expect("the shipped data is JSON");
    let mut differences = Vec::new();
    if shipped["refs"] != want["refs"] {
        differences.push(format!(
            "refs: shipped {}, repository {}",
            shipped["refs"], want["refs"]
        ));
    }
    let key = |f: &Value| format!("{} {}", f["path"], f["blob"]);
    let listed = |d: &Value| -> Vec<Value> { d["files"].as_array().cloned().unwrap_or_default() };
    for f in listed(&want) {
        match listed(&shipped).iter().find(|s| key(s) == key(&f)) {
            None => differences.push(format!("missing: {}", key(&f))),
            Some(s) if *s != f => differences.push(format!("differs: {}", key(&f))),
            Some(_) => {}
        }
    }
    for s in listed(&shipped) {
        if !listed(&want).iter().any(|f| key(f) == key(&s)) {
            differences.push(format!("not in the repository: {}", key(&s)));
        }
    }
    assert!(
        differences.is_empty(),
        "{} does not match the repository:\n  {}\nregenerate it: {UPDATE}=1 cargo test --test reality official_data",
        path.display(),
        differences.join("\n  ")
    );
}
