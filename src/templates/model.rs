//! The OpenShift template model (parameters and objects), read with serde_yaml.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct Template {
    pub metadata: Metadata,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    #[serde(default)]
    pub objects: Vec<TemplateObject>,
}

#[derive(Debug, Deserialize)]
pub struct Metadata {
    pub name: String,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Parameter {
    pub name: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub generate: Option<String>,
    #[serde(default)]
    pub from: Option<String>,
}

/// An object of the template, parameters not yet substituted.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateObject {
    pub api_version: String,
    pub kind: String,
    #[serde(flatten)]
    pub rest: serde_json::Map<String, serde_json::Value>,
}

impl TemplateObject {
    /// The whole object as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        let mut map = self.rest.clone();
        map.insert("apiVersion".into(), self.api_version.clone().into());
        map.insert("kind".into(), self.kind.clone().into());
        serde_json::Value::Object(map)
    }
}

impl Template {
    pub fn load(path: &Path) -> Result<Template, String> {
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
    pub fn empty() -> Template {
        Template {
            metadata: Metadata {
                name: String::new(),
                annotations: BTreeMap::new(),
            },
            message: None,
            parameters: Vec::new(),
            objects: Vec::new(),
        }
    }

    pub fn parse(text: &str) -> Result<Template, String> {
        serde_yaml::from_str(text).map_err(|e| e.to_string())
    }

    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.name == name)
    }

    /// The default of a parameter (its `value`), when the template sets one.
    pub fn default_of(&self, name: &str) -> Option<&str> {
        self.parameter(name).and_then(|p| p.value.as_deref())
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
        assert_eq!(t.default_of("TENANT_NAME"), Some("3scale"));
        assert_eq!(
            t.parameter("ADMIN_PASSWORD").unwrap().generate.as_deref(),
            Some("expression")
        );
        assert_eq!(
            t.parameter("SYSTEM_DATABASE_USER")
                .unwrap()
                .display_name
                .as_deref(),
            Some("System MySQL User")
        );
    }
}
