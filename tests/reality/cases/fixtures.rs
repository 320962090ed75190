//! The default tier's small template fixtures against the real 2.8.0.GA files, on everything the
//! installer depends on: the kinds and API versions of the objects, which kinds carry the `app`
//! label, the generated parameters and the objects that hold them, the required parameters, the
//! parameters used as JSON values, and the image streams file. A difference fails naming it.

use crate::runner::{Case, Needs};
use crate::world::World;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub const CASES: &[Case] = &[Case {
    name: "fixtures_have_the_shape_of_the_real_templates",
    needs: Needs::AnyCluster,
    run: fixtures_match,
}];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fixtures/templates")
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the installer depends on in a template, as sets that can be compared.
fn shape(t: &Value) -> Vec<(&'static str, BTreeSet<String>)> {
    let objects: Vec<&Value> = t["objects"].as_array().into_iter().flatten().collect();
    let params: Vec<&Value> = t["parameters"].as_array().into_iter().flatten().collect();
    let generated: Vec<&Value> = params
        .iter()
        .copied()
        .filter(|p| p["generate"] == "expression")
        .collect();
    vec![
        ("kinds and API versions", kinds(&objects)),
        ("app labels by kind", labels(&objects)),
        ("generated parameters", generated_names(&generated)),
        (
            "objects holding generated values",
            holders(&objects, &generated),
        ),
        ("required parameters without a default", required(&params)),
        (
            "parameters used as JSON values",
            json_values(&objects, &params),
        ),
    ]
}

fn text_of(o: &Value) -> String {
    serde_json::to_string(o).unwrap_or_default()
}

fn kinds(objects: &[&Value]) -> BTreeSet<String> {
    objects
        .iter()
        .map(|o| {
            format!(
                "{} {}",
                o["apiVersion"].as_str().unwrap_or("?"),
                o["kind"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

fn labels(objects: &[&Value]) -> BTreeSet<String> {
    objects
        .iter()
        .map(|o| {
            let labelled = o["metadata"]["labels"].get("app").is_some();
            format!(
                "{} {}",
                o["kind"].as_str().unwrap_or("?"),
                if labelled {
                    "labelled app"
                } else {
                    "without app label"
                }
            )
        })
        .collect()
}

fn generated_names(generated: &[&Value]) -> BTreeSet<String> {
    generated
        .iter()
        .map(|p| {
            format!(
                "{} from {}",
                p["name"].as_str().unwrap_or("?"),
                p["from"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

fn holders(objects: &[&Value], generated: &[&Value]) -> BTreeSet<String> {
    generated
        .iter()
        .flat_map(|p| {
            let name = p["name"].as_str().unwrap_or("?").to_string();
            let placeholder = format!("${{{name}}}");
            objects
                .iter()
                .filter(move |o| text_of(o).contains(&placeholder))
                .map(move |o| {
                    format!(
                        "{name} held by {} {}",
                        o["kind"].as_str().unwrap_or("?"),
                        o["metadata"]["name"].as_str().unwrap_or("?")
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn required(params: &[&Value]) -> BTreeSet<String> {
    params
        .iter()
        .filter(|p| {
            p["required"] == true
                && p["value"].as_str().unwrap_or("").is_empty()
                && p["generate"].is_null()
        })
        .map(|p| p["name"].as_str().unwrap_or("?").to_string())
        .collect()
}

fn json_values(objects: &[&Value], params: &[&Value]) -> BTreeSet<String> {
    params
        .iter()
        .filter_map(|p| p["name"].as_str())
        .filter(|n| {
            objects
                .iter()
                .any(|o| text_of(o).contains(&format!("${{{{{n}}}}}")))
        })
        .map(str::to_string)
        .collect()
}

fn fixtures_match(world: &World) {
    let real = world.templates_dir();
    let mut differences = Vec::new();
    let profiles: Vec<String> = std::fs::read_dir(real.join("amp"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yml"))
        .collect();
    assert!(
        profiles.len() >= 5,
        "the real templates have the five profiles: {profiles:?}"
    );
    for file in &profiles {
        let fixture = fixtures().join("amp").join(file);
        if !fixture.is_file() {
            differences.push(format!(
                "amp/{file}: the real templates have it, the fixtures do not"
            ));
            continue;
        }
        let (want, have) = (
            shape(&read(&real.join("amp").join(file))),
            shape(&read(&fixture)),
        );
        for ((what, real_set), (_, fixture_set)) in want.iter().zip(&have) {
            let missing: Vec<&String> = real_set.difference(fixture_set).collect();
            let extra: Vec<&String> = fixture_set.difference(real_set).collect();
            if !missing.is_empty() {
                differences.push(format!("amp/{file}, {what}: the fixture lacks {missing:?}"));
            }
            if !extra.is_empty() {
                differences.push(format!(
                    "amp/{file}, {what}: the fixture has {extra:?}, the real file does not"
                ));
            }
        }
    }
    let streams = |p: &Path| {
        let v = read(&p.join("3scale-image-streams.yml"));
        let items: BTreeSet<String> = v["items"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|i| {
                format!(
                    "{} {}",
                    i["apiVersion"].as_str().unwrap_or("?"),
                    i["kind"].as_str().unwrap_or("?")
                )
            })
            .collect();
        (
            format!(
                "{} {}",
                v["apiVersion"].as_str().unwrap_or("?"),
                v["kind"].as_str().unwrap_or("?")
            ),
            items,
        )
    };
    if streams(real) != streams(&fixtures()) {
        differences.push(format!(
            "3scale-image-streams.yml: the real file is {:?}, the fixture {:?}",
            streams(real),
            streams(&fixtures())
        ));
    }
    assert!(
        differences.is_empty(),
        "the fixtures drifted from the real templates:\n  - {}",
        differences.join("\n  - ")
    );
}
