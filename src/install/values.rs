//! The values of an install's parameters that are not secrets: what the install was given (its
//! record), else what its objects hold (read back), else the template's default. Secret and
//! generated parameters are never kept here: a template rendered with these values keeps them as
//! `${NAME}`, which stands for any value.

use super::recover;
use crate::record::InstallRecord;
use crate::templates::model::Template;
use crate::templates::params::ParamModel;
use serde_json::Value;
use std::collections::BTreeMap;

/// Where a value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Given at install, as the record says.
    Record,
    /// Read back from the objects.
    Objects,
    /// The template's default.
    Default,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Known {
    pub(crate) value: String,
    pub(crate) origin: Origin,
}

/// Which values win where the record and the objects differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prefer {
    /// What the install was given (the record; a value the record does not name was the
    /// template's default): an edit of an object since then shows as drift.
    Given,
    /// What the objects hold now (an edit since the install included), then the record.
    Now,
}

/// The plain parameter values of an install.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Values {
    known: BTreeMap<String, Known>,
}

impl Values {
    /// The values of `template`'s plain parameters for an install with `record` (if this machine
    /// made it) whose objects are `present`. Without a record, the objects tell what was given.
    pub(crate) fn of(
        template: &Template,
        model: &ParamModel,
        record: Option<&InstallRecord>,
        present: &[Value],
        prefer: Prefer,
    ) -> Values {
        let mut from_record: BTreeMap<String, String> = BTreeMap::new();
        if let Some(r) = record {
            for (k, v) in r.plain_params() {
                from_record.insert(k.clone(), v.clone());
            }
            from_record.insert("WILDCARD_DOMAIN".into(), r.wildcard_domain.clone());
            if let Some(class) = &r.rwx_storage_class {
                from_record.insert("RWX_STORAGE_CLASS".into(), class.clone());
            }
        }
        let recovered = recover::recover(template, present);
        let recovered_json = recover::recover_json(template, present);
        let mut known = BTreeMap::new();
        for p in &template.parameters {
            if model.is_secret(&p.name) {
                continue;
            }
            let given = from_record
                .get(&p.name)
                .filter(|v| !v.is_empty())
                .map(|v| (v.clone(), Origin::Record));
            let held = recovered
                .values
                .get(&p.name)
                .map(|(v, _)| v.clone())
                .or_else(|| recovered_json.get(&p.name).cloned())
                .map(|v| (v, Origin::Objects));
            let found = match (prefer, record.is_some()) {
                (Prefer::Now, _) => held.or(given),
                // A recorded install was given what its record says, and defaults otherwise.
                (Prefer::Given, true) => given.or_else(|| held.filter(|_| p.value.is_none())),
                (Prefer::Given, false) => held,
            }
            .or_else(|| p.value.clone().map(|v| (v, Origin::Default)));
            if let Some((value, origin)) = found {
                known.insert(p.name.clone(), Known { value, origin });
            }
        }
        Values { known }
    }

    /// Values given outright.
    #[cfg(test)]
    pub(crate) fn from_pairs(pairs: &[(&str, &str, Origin)]) -> Values {
        Values {
            known: pairs
                .iter()
                .map(|(k, v, origin)| {
                    (
                        k.to_string(),
                        Known {
                            value: v.to_string(),
                            origin: *origin,
                        },
                    )
                })
                .collect(),
        }
    }

    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.known.get(name).map(|k| k.value.as_str())
    }

    pub(crate) fn known(&self, name: &str) -> Option<&Known> {
        self.known.get(name)
    }

    pub(crate) fn insert(&mut self, name: &str, value: String, origin: Origin) {
        self.known.insert(name.to_string(), Known { value, origin });
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &String> {
        self.known.keys()
    }

    /// Name → value, for rendering the template.
    pub(crate) fn pairs(&self) -> Vec<(String, String)> {
        self.known
            .iter()
            .map(|(k, v)| (k.clone(), v.value.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use serde_json::json;

    const T: &str = r#"
metadata: {name: t}
objects:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: system-environment}
  data: {THREESCALE_SUPERDOMAIN: "${WILDCARD_DOMAIN}", AMP_RELEASE: "${AMP_RELEASE}"}
- apiVersion: v1
  kind: Secret
  metadata: {name: system-seed}
  stringData: {TENANT_NAME: "${TENANT_NAME}", ADMIN_PASSWORD: "${ADMIN_PASSWORD}"}
parameters:
- {name: AMP_RELEASE, value: "2.8"}
- {name: WILDCARD_DOMAIN, required: true}
- {name: TENANT_NAME, value: "3scale"}
- {name: APP_LABEL, value: "3scale-api-management"}
- {name: ADMIN_PASSWORD, generate: expression, from: "[a-z0-9]{8}"}
"#;

    #[test]
    fn record_then_objects_then_defaults_and_never_a_secret() {
        let t = Template::parse(T).unwrap();
        let model = ParamModel::of(&t);
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        let live = [
            json!({"kind": "ConfigMap", "apiVersion": "v1", "metadata": {"name": "system-environment"},
                   "data": {"THREESCALE_SUPERDOMAIN": "apps.live.example.com", "AMP_RELEASE": "2.8"}}),
            json!({"kind": "Secret", "apiVersion": "v1", "metadata": {"name": "system-seed"},
                   "data": {"TENANT_NAME": b64("acme"), "ADMIN_PASSWORD": b64("s3cr3tpw")}}),
        ];
        let v = Values::of(&t, &model, None, &live, Prefer::Given);
        assert_eq!(v.get("WILDCARD_DOMAIN"), Some("apps.live.example.com"));
        assert_eq!(v.known("TENANT_NAME").unwrap().origin, Origin::Objects);
        assert_eq!(v.get("TENANT_NAME"), Some("acme"));
        assert_eq!(v.known("APP_LABEL").unwrap().origin, Origin::Default);
        assert_eq!(v.get("ADMIN_PASSWORD"), None, "a secret is never kept");
        assert!(!v.pairs().iter().any(|(_, value)| value == "s3cr3tpw"));
        // With a record, what it does not name was the default: the objects' value is an edit,
        // unless the values wanted are those of now.
        let record = crate::record::InstallRecord {
            schema_version: crate::record::SCHEMA_VERSION,
            cluster: "https://api.example.com:6443".into(),
            project: "3scale-apim".into(),
            profile: "amp".into(),
            template_file: "amp/amp.yml".into(),
            templates: "file:///t at 2.8.0.GA".into(),
            commit: None,
            wildcard_domain: "apps.given.example.com".into(),
            rwx_storage_class: None,
            registry_server: "registry.redhat.io".into(),
            registry_username: "u".into(),
            display_name: None,
            params: vec![],
            skipped_checks: vec![],
            stage: "installed".into(),
        };
        let given = Values::of(&t, &model, Some(&record), &live, Prefer::Given);
        assert_eq!(given.get("TENANT_NAME"), Some("3scale"));
        assert_eq!(given.get("WILDCARD_DOMAIN"), Some("apps.given.example.com"));
        let now = Values::of(&t, &model, Some(&record), &live, Prefer::Now);
        assert_eq!(
            (now.get("TENANT_NAME"), now.get("WILDCARD_DOMAIN")),
            (Some("acme"), Some("apps.live.example.com"))
        );
    }
}
