//! The 3scale operator, as far as a template install meets it: the releases `export apimanager`
//! writes an APIManager for (2.8 to 2.12, the releases that also have templates), each with the
//! schema of its APIManager CRD (trimmed, in `templates/operator/`, each file naming its source),
//! and the check of an APIManager against it ([`schema`]).

pub(crate) mod schema;

use crate::templates::releases::Release;
use schema::Schema;
use serde::Deserialize;

/// The CR's API version and kind, the same at every release (research 23 §1.1).
pub(crate) const API_VERSION: &str = "apps.3scale.net/v1alpha1";
pub(crate) const KIND: &str = "APIManager";

/// An operator release and its CRD's schema file.
pub(crate) struct OperatorRelease {
    pub(crate) release: Release,
    text: &'static str,
}

const RELEASES: &[OperatorRelease] = &[
    OperatorRelease {
        release: Release::new(2, 8),
        text: include_str!("../../templates/operator/apimanager-2.8.schema.json"),
    },
    OperatorRelease {
        release: Release::new(2, 9),
        text: include_str!("../../templates/operator/apimanager-2.9.schema.json"),
    },
    OperatorRelease {
        release: Release::new(2, 10),
        text: include_str!("../../templates/operator/apimanager-2.10.schema.json"),
    },
    OperatorRelease {
        release: Release::new(2, 11),
        text: include_str!("../../templates/operator/apimanager-2.11.schema.json"),
    },
    OperatorRelease {
        release: Release::new(2, 12),
        text: include_str!("../../templates/operator/apimanager-2.12.schema.json"),
    },
];

/// Where a schema comes from: the operator's repository at a tag, a file in it.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
pub(crate) struct Source {
    pub(crate) repository: String,
    pub(crate) tag: String,
    pub(crate) commit: String,
    pub(crate) path: String,
}

#[derive(Deserialize)]
struct File {
    source: Source,
    schema: serde_json::Value,
}

/// A release's CRD: where its schema comes from, and the schema.
pub(crate) struct Crd {
    pub(crate) source: Source,
    pub(crate) schema: Schema,
}

impl OperatorRelease {
    /// The release's CRD, read from the file shipped with the program (a test reads each).
    pub(crate) fn crd(&self) -> Result<Crd, String> {
        let file: File = serde_json::from_str(self.text)
            .map_err(|e| format!("the APIManager schema of {}: {e}", self.release))?;
        let schema = Schema::parse(file.schema)
            .map_err(|e| format!("the APIManager schema of {}: {e}", self.release))?;
        Ok(Crd {
            source: file.source,
            schema,
        })
    }
}

/// The releases an APIManager can be written for, as a list for messages.
pub(crate) fn supported() -> String {
    RELEASES
        .iter()
        .map(|r| r.release.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The operator release of `release`, if an APIManager can be written for it.
pub(crate) fn release(release: Release) -> Option<&'static OperatorRelease> {
    RELEASES.iter().find(|r| r.release == release)
}

/// `--operator-version`: `2.9`, `2.9.1`, `3scale-2.9.0-GA`; a release with a shipped schema.
pub(crate) fn parse_version(text: &str) -> Result<Release, String> {
    let bare = text.trim().strip_prefix("3scale-").unwrap_or(text.trim());
    let bare = bare
        .strip_suffix("-GA")
        .or_else(|| bare.strip_suffix(".GA"))
        .unwrap_or(bare);
    let numbers_only = !bare.is_empty()
        && bare
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let parsed = numbers_only.then(|| Release::of_version(bare)).flatten();
    match parsed {
        Some(r) if release(r).is_some() => Ok(r),
        Some(r) => Err(format!(
            "operator release {r} has no APIManager schema here: the releases are {}",
            supported()
        )),
        None => Err(format!(
            "'{text}' is not an operator release: write it as 2.8, 2.8.1 or 3scale-2.8.0-GA (one of {})",
            supported()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn every_shipped_schema_is_read_and_names_its_source() {
        for r in RELEASES {
            let crd = r.crd().unwrap_or_else(|e| panic!("{e}"));
            assert!(
                crd.source
                    .tag
                    .starts_with(&format!("3scale-{}.", r.release)),
                "{}",
                crd.source.tag
            );
            assert!(crd.source.path.ends_with(".yaml"));
            assert!(crd.schema.has(&["spec", "wildcardDomain"]));
        }
    }

    #[test]
    fn versions_are_read_however_they_are_written() {
        assert_eq!(parse_version("2.9"), Ok(Release::new(2, 9)));
        assert_eq!(parse_version("3scale-2.12.0-GA"), Ok(Release::new(2, 12)));
        assert_eq!(parse_version("2.8.1"), Ok(Release::new(2, 8)));
        assert!(parse_version("2.13")
            .unwrap_err()
            .contains("2.8, 2.9, 2.10, 2.11, 2.12"));
        assert!(parse_version("latest").is_err());
    }

    /// A structural check of the CRD's own, untrimmed schema, written apart from [`Schema`]:
    /// types, properties, required (what the API server enforces on a v1beta1 CRD).
    fn crd_accepts(schema: &Value, doc: &Value) -> bool {
        let type_ok = match schema["type"].as_str() {
            Some("object") => doc.is_object(),
            Some("string") => doc.is_string(),
            Some("boolean") => doc.is_boolean(),
            Some("integer") => doc.is_i64() || doc.is_u64(),
            Some("array") => doc.is_array(),
            _ => true,
        };
        let required_ok = schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|k| doc.get(k.as_str().unwrap_or_default()).is_some());
        let children_ok = doc.as_object().into_iter().flatten().all(|(k, v)| {
            schema["properties"]
                .get(k)
                .is_none_or(|sub| crd_accepts(sub, v))
        });
        type_ok && required_ok && children_ok
    }

    #[test]
    fn the_trimmed_2_8_schema_decides_as_the_crd_does() {
        let full: Value = serde_json::from_str(include_str!(
            "../../tests/support/fixtures/operator/apimanager-3scale-2.8.0-GA.crd-schema.json"
        ))
        .unwrap();
        let trimmed = release(Release::new(2, 8)).unwrap().crd().unwrap().schema;
        let cr = |spec: Value| json!({"apiVersion": API_VERSION, "kind": KIND, "metadata": {"name": "a"}, "spec": spec});
        let accepted = [
            json!({"wildcardDomain": "apps.example.com"}),
            json!({"wildcardDomain": "d", "highAvailability": {"enabled": true}, "podDisruptionBudget": {"enabled": true},
                   "apicast": {"productionSpec": {"replicas": 2}}, "system": {"database": {"postgresql": {}},
                   "fileStorage": {"simpleStorageService": {"configurationSecretRef": {"name": "aws-auth"}}}}}),
        ];
        let refused = [
            json!({"tenantName": "x"}),
            json!({"wildcardDomain": "d", "apicast": {"productionSpec": {"replicas": "2"}}}),
            json!({"wildcardDomain": "d", "system": {"fileStorage": {"simpleStorageService": {}}}}),
            json!({"wildcardDomain": 7}),
        ];
        for spec in accepted {
            assert!(crd_accepts(&full, &cr(spec.clone())), "{spec}");
            assert_eq!(
                trimmed.check(&cr(spec.clone())),
                Vec::<String>::new(),
                "{spec}"
            );
        }
        for spec in refused {
            assert!(!crd_accepts(&full, &cr(spec.clone())), "{spec}");
            assert!(!trimmed.check(&cr(spec.clone())).is_empty(), "{spec}");
        }
        // What the API server keeps silently and the check refuses: an unknown field (a typo),
        // and a field only later releases have.
        let typo = cr(json!({"wildcardDomain": "d", "tenantname": "x"}));
        let later = cr(
            json!({"wildcardDomain": "d", "system": {"database": {"mysql": {"persistentVolumeClaim": {"storageClassName": "gp2"}}}}}),
        );
        for doc in [typo, later] {
            assert!(crd_accepts(&full, &doc));
            assert_eq!(trimmed.check(&doc).len(), 1, "{doc}");
        }
    }
}
