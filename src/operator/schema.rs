//! A check of a document against an OpenAPI v3 schema, for the subset the APIManager CRDs use
//! (`type`, `properties`, `required`, `items`, `enum`, `minimum`), stricter than the API server
//! in one way: an object whose schema lists its `properties` takes no other field (the server
//! keeps or drops unknown fields silently, so a misspelt one would be lost without a word). A
//! schema with any other keyword is refused when it is read, so that a rule is never skipped
//! unseen.

use serde_json::Value;

/// The keywords this check knows.
const KEYWORDS: &[&str] = &["type", "properties", "required", "items", "enum", "minimum"];

#[derive(Debug, Clone)]
pub(crate) struct Schema {
    root: Value,
}

impl Schema {
    pub(crate) fn parse(root: Value) -> Result<Schema, String> {
        check_keywords(&root, "")?;
        Ok(Schema { root })
    }

    /// Every way `doc` breaks the schema, as `path: what is wrong` (none: it passes).
    pub(crate) fn check(&self, doc: &Value) -> Vec<String> {
        let mut problems = Vec::new();
        check_node(&self.root, doc, "", &mut problems);
        problems
    }

    /// Whether the field at `path` (`["spec", "system", "redisPersistentVolumeClaim"]`) exists.
    pub(crate) fn has(&self, path: &[&str]) -> bool {
        let mut node = &self.root;
        for key in path {
            match node["properties"].get(*key) {
                Some(n) => node = n,
                None => return false,
            }
        }
        true
    }
}

fn check_keywords(node: &Value, at: &str) -> Result<(), String> {
    let Some(map) = node.as_object() else {
        return Err(format!("{at}: a schema must be an object"));
    };
    if let Some(unknown) = map.keys().find(|k| !KEYWORDS.contains(&k.as_str())) {
        return Err(format!(
            "{}: keyword `{unknown}` is not one this check knows ({})",
            if at.is_empty() { "(root)" } else { at },
            KEYWORDS.join(", ")
        ));
    }
    for (name, sub) in map
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        check_keywords(sub, &join(at, name))?;
    }
    if let Some(items) = map.get("items") {
        check_keywords(items, &format!("{at}[]"))?;
    }
    Ok(())
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn check_node(schema: &Value, doc: &Value, at: &str, problems: &mut Vec<String>) {
    let here = if at.is_empty() { "(root)" } else { at };
    if let Some(wanted) = schema["type"].as_str() {
        let found = type_of(doc);
        let fits = found == wanted || (wanted == "number" && found == "integer");
        if !fits {
            problems.push(format!(
                "{here}: must be {} {wanted}, not {found} {}",
                article(wanted),
                crate::templates::fields::show(doc)
            ));
            return;
        }
    }
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(doc) {
            let list: Vec<String> = allowed.iter().map(crate::templates::fields::show).collect();
            problems.push(format!("{here}: must be one of {}", list.join(", ")));
        }
    }
    if let (Some(min), Some(n)) = (schema["minimum"].as_f64(), doc.as_f64()) {
        if n < min {
            problems.push(format!("{here}: must be at least {min}"));
        }
    }
    if let (Some(props), Some(map)) = (schema["properties"].as_object(), doc.as_object()) {
        for (key, value) in map {
            match props.get(key) {
                Some(sub) => check_node(sub, value, &join(at, key), problems),
                None => problems.push(format!(
                    "{}: not a field of this release's APIManager",
                    join(at, key)
                )),
            }
        }
    }
    if let (Some(required), Some(map)) = (schema["required"].as_array(), doc.as_object()) {
        for name in required.iter().filter_map(Value::as_str) {
            if !map.contains_key(name) {
                problems.push(format!("{here}: {name} is required"));
            }
        }
    }
    if let (Some(items), Some(list)) = (schema.get("items"), doc.as_array()) {
        for (i, item) in list.iter().enumerate() {
            check_node(items, item, &format!("{at}[{i}]"), problems);
        }
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Schema {
        Schema::parse(json!({"properties": {
            "spec": {"type": "object", "required": ["wildcardDomain"], "properties": {
                "wildcardDomain": {"type": "string"},
                "apicast": {"type": "object", "properties": {"productionSpec": {"type": "object", "properties": {
                    "replicas": {"type": "integer"},
                    "workers": {"type": "integer", "minimum": 1},
                    "logLevel": {"type": "string", "enum": ["debug", "info"]},
                    "affinity": {"type": "object"}}}}},
                "imagePullSecrets": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}}},
            "metadata": {"type": "object"}}}))
        .unwrap()
    }

    #[test]
    fn a_good_document_passes_and_open_objects_take_anything() {
        let doc = json!({"metadata": {"name": "x", "labels": {"a": "b"}}, "spec": {"wildcardDomain": "d",
            "apicast": {"productionSpec": {"replicas": 2, "affinity": {"nodeAffinity": {}}}}}});
        assert_eq!(schema().check(&doc), Vec::<String>::new());
        assert!(schema().has(&["spec", "apicast", "productionSpec", "replicas"]));
        assert!(!schema().has(&["spec", "apicast", "stagingSpec"]));
    }

    #[test]
    fn each_rule_refuses_what_it_should() {
        let doc = json!({"spec": {"tenantname": "x", "apicast": {"productionSpec": {
            "replicas": "2", "workers": 0, "logLevel": "verbose"}},
            "imagePullSecrets": [{"nam": "pull"}]}});
        assert_eq!(
            schema().check(&doc),
            [
                "spec.apicast.productionSpec.logLevel: must be one of debug, info",
                "spec.apicast.productionSpec.replicas: must be an integer, not string 2",
                "spec.apicast.productionSpec.workers: must be at least 1",
                "spec.imagePullSecrets[0].nam: not a field of this release's APIManager",
                "spec.tenantname: not a field of this release's APIManager",
                "spec: wildcardDomain is required",
            ]
        );
    }

    #[test]
    fn an_unknown_keyword_is_refused_when_read() {
        let err = Schema::parse(json!({"properties": {"a": {"type": "string", "pattern": "^x"}}}))
            .unwrap_err();
        assert!(err.contains("a: keyword `pattern`"), "{err}");
    }
}
