//! Paths to the fields of an object as people read them:
//! `spec.triggers[type=ImageChange].imageChangeParams.from.name`,
//! `spec.template.spec.containers[name=system-master].env[name=FOO]`. An item of a list is named
//! by its `name`, else by its `type` when no sibling shares it, else by its position: the same
//! item is found on both sides of a comparison even when a list gains or loses items.

use serde_json::Value;
use std::fmt;

/// How an item of a list is told apart from its siblings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ItemKey {
    Name(String),
    Type(String),
    Index(usize),
}

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemKey::Name(n) => write!(f, "[name={n}]"),
            ItemKey::Type(t) => write!(f, "[type={t}]"),
            ItemKey::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// Whether a list holds objects (matched item by item) rather than plain values (compared
/// whole: a command, the names of a trigger's containers).
pub(crate) fn holds_objects(items: &[Value]) -> bool {
    !items.is_empty() && items.iter().all(Value::is_object)
}

/// The key of each item of `items`.
pub(crate) fn item_keys(items: &[Value]) -> Vec<ItemKey> {
    let unique = |field: &str, value: &str| {
        items
            .iter()
            .filter(|i| i[field].as_str() == Some(value))
            .count()
            == 1
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            if let Some(n) = item["name"].as_str().filter(|n| unique("name", n)) {
                ItemKey::Name(n.to_string())
            } else if let Some(t) = item["type"].as_str().filter(|t| unique("type", t)) {
                ItemKey::Type(t.to_string())
            } else {
                ItemKey::Index(index)
            }
        })
        .collect()
}

/// The item of `items` with `key`.
pub(crate) fn find<'a>(items: &'a [Value], key: &ItemKey) -> Option<&'a Value> {
    let keys = item_keys(items);
    keys.iter()
        .position(|k| k == key)
        .and_then(|i| items.get(i))
}

/// A path being walked: `spec`, `.template`, `[name=x]`, …
#[derive(Debug, Clone, Default)]
pub(crate) struct Path(String);

impl Path {
    pub(crate) fn key(&self, key: &str) -> Path {
        if self.0.is_empty() {
            Path(key.to_string())
        } else {
            Path(format!("{}.{key}", self.0))
        }
    }

    pub(crate) fn item(&self, key: &ItemKey) -> Path {
        Path(format!("{}{key}", self.0))
    }

    pub(crate) fn text(&self) -> &str {
        &self.0
    }
}

/// A value as one short line: strings bare (quoted as JSON when they hold a line break or
/// another control character), anything else as compact JSON, cut at 120 characters.
pub(crate) fn show(value: &Value) -> String {
    let text = match value {
        Value::String(s) if !s.chars().any(char::is_control) => s.clone(),
        other => other.to_string(),
    };
    if text.chars().count() > 120 {
        let cut: String = text.chars().take(117).collect();
        format!("{cut}...")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn items_are_named_by_name_then_unique_type_then_position() {
        let triggers = [
            json!({"type": "ConfigChange"}),
            json!({"type": "ImageChange"}),
        ];
        let keys: Vec<String> = item_keys(&triggers)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(keys, ["[type=ConfigChange]", "[type=ImageChange]"]);
        let twice = [
            json!({"type": "ImageChange"}),
            json!({"type": "ImageChange"}),
        ];
        assert_eq!(item_keys(&twice), [ItemKey::Index(0), ItemKey::Index(1)]);
        let env = [json!({"name": "A", "type": "x"}), json!({"name": "B"})];
        assert_eq!(find(&env, &ItemKey::Name("B".into())), Some(&env[1]));
        let path = Path::default()
            .key("spec")
            .key("env")
            .item(&ItemKey::Name("A".into()));
        assert_eq!(path.text(), "spec.env[name=A]");
        assert!(holds_objects(&env) && !holds_objects(&[json!("a")]));
        assert_eq!(show(&json!({"a": 1})), r#"{"a":1}"#);
        assert_eq!(show(&json!("[mysqld]\nx=1\n")), r#""[mysqld]\nx=1\n""#);
        assert_eq!(show(&json!("x".repeat(200))).chars().count(), 120);
    }
}
