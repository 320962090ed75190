//! Our own rendering of a template with the answers (no cluster needed), for what must be known
//! before anything is sent: object names and what the objects ask of the cluster. Parameters are
//! substituted the way OpenShift does (`${NAME}` in text, `${{NAME}}` as a JSON value). The objects
//! the cluster gets are processed by the server (`oc process`), never by this.

use super::model::Template;
use serde_json::Value;
use std::collections::BTreeMap;

/// The template's objects with `values` substituted; generated parameters stay as `${NAME}`.
pub(crate) fn render(template: &Template, given: &[(String, String)]) -> Vec<Value> {
    let mut values: BTreeMap<&str, String> = BTreeMap::new();
    for p in &template.parameters {
        if let Some(v) = &p.value {
            values.insert(&p.name, v.clone());
        }
    }
    for (k, v) in given {
        values.insert(k, v.clone());
    }
    template
        .objects
        .iter()
        .map(|o| {
            let mut v = o.to_json();
            substitute(&mut v, &values);
            v
        })
        .collect()
}

fn substitute(value: &mut Value, values: &BTreeMap<&str, String>) {
    match value {
        Value::String(s) => {
            if let Some(name) = s
                .trim()
                .strip_prefix("${{")
                .and_then(|r| r.strip_suffix("}}"))
            {
                if let Some(v) = values.get(name) {
                    *value = serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()));
                    return;
                }
            }
            for (name, v) in values {
                if s.contains('$') {
                    *s = s
                        .replace(&format!("${{{{{name}}}}}"), v)
                        .replace(&format!("${{{name}}}"), v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| substitute(v, values)),
        Value::Object(map) => map.values_mut().for_each(|v| substitute(v, values)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = r#"
metadata: {name: t}
objects:
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: "c-${SUFFIX}"}
  spec: {storageClassName: "${{RWX}}", note: "${{RWX}} as text"}
parameters:
- {name: SUFFIX, value: one}
- {name: RWX, value: "null"}
"#;

    #[test]
    fn text_and_json_placeholders_are_substituted() {
        let t = Template::parse(T).unwrap();
        let o = &render(&t, &[("RWX".into(), "cephfs".into())])[0];
        assert_eq!(o["metadata"]["name"], "c-one");
        assert_eq!(o["spec"]["storageClassName"], "cephfs");
        assert_eq!(o["spec"]["note"], "cephfs as text");
        let defaulted = &render(&t, &[])[0];
        assert!(
            defaulted["spec"]["storageClassName"].is_null(),
            "${{RWX}} = null: the default class"
        );
    }
}
