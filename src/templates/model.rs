//! The OpenShift template model (parameters and objects), read with serde_yaml.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub(crate) struct Template {
    pub(crate) metadata: Metadata,
    #[serde(default)]
    pub(crate) parameters: Vec<Parameter>,
    #[serde(default)]
    pub(crate) objects: Vec<TemplateObject>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Metadata {
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) annotations: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Parameter {
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) description: Option<String>,
    #[serde(default)]
    pub(crate) value: Option<String>,
    #[serde(default)]
    pub(crate) required: bool,
    #[serde(default)]
    pub(crate) generate: Option<String>,
    #[serde(default)]
    pub(crate) from: Option<String>,
}

/// An object of the template, parameters not yet substituted.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TemplateObject {
    pub(crate) api_version: String,
    pub(crate) kind: String,
    #[serde(flatten)]
    pub(crate) rest: serde_json::Map<String, serde_json::Value>,
}

impl TemplateObject {
    /// The whole object as JSON.
    pub(crate) fn to_json(&self) -> serde_json::Value {
        let mut map = self.rest.clone();
        map.insert("apiVersion".into(), self.api_version.clone().into());
        map.insert("kind".into(), self.kind.clone().into());
        serde_json::Value::Object(map)
    }
}

impl Template {
    pub(crate) fn load(path: &Path) -> Result<Template, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Template::parse(&text).map_err(|e| {
            format!(
                "{} is not a readable OpenShift template: {e}",
                path.display()
            )
        })
    }

    /// A template with nothing in it: what the rules of names say before a template is read.
    pub(crate) fn empty() -> Template {
        Template {
            metadata: Metadata {
                name: String::new(),
                annotations: BTreeMap::new(),
            },
            parameters: Vec::new(),
            objects: Vec::new(),
        }
    }

    pub(crate) fn parse(text: &str) -> Result<Template, String> {
        serde_yaml::from_str(text).map_err(|e| e.to_string())
    }

    pub(crate) fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
apiVersion: template.openshift.io/v1
kind: Template
message: Login on https://${TENANT_NAME}-admin.${WILDCARD_DOMAIN}
metadata:
  name: demo
  annotations:
    description: demo system
objects:
- apiVersion: apps.openshift.io/v1
  kind: DeploymentConfig
  metadata: {name: a}
- apiVersion: v1
  kind: Secret
  metadata: {name: s}
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: p}
parameters:
- name: TENANT_NAME
  value: "3scale"
  required: true
- name: ADMIN_PASSWORD
  generate: expression
  from: "[a-z0-9]{8}"
  required: true
- displayName: System MySQL User
  name: SYSTEM_DATABASE_USER
  value: mysql
"#;

    #[test]
    fn parameters_and_types_are_read() {
        let t = Template::parse(SMALL).unwrap();
        assert_eq!(
            t.parameter("TENANT_NAME").and_then(|p| p.value.as_deref()),
            Some("3scale")
        );
        assert_eq!(
            t.parameter("ADMIN_PASSWORD").unwrap().generate.as_deref(),
            Some("expression")
        );
        assert_eq!(
            t.parameter("SYSTEM_DATABASE_USER")
                .unwrap()
                .value
                .as_deref(),
            Some("mysql")
        );
    }
}
