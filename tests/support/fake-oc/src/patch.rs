//! RFC 6902 JSON patch as the simulated API server applies it (the simulator's
//! `fakeshift/patch.py` `json_patch`): `add` (with `-` to append), `remove`, `replace`, `test`,
//! `move` and `copy`, and its error messages.

use serde_json::Value;

/// `/a/b~1c` → `["a", "b/c"]`.
fn pointer(path: &str) -> Result<Vec<String>, String> {
    if path.is_empty() {
        return Ok(Vec::new());
    }
    let rest = path
        .strip_prefix('/')
        .ok_or_else(|| format!("invalid JSON pointer '{path}'"))?;
    Ok(rest
        .split('/')
        .map(|p| p.replace("~1", "/").replace("~0", "~"))
        .collect())
}

fn rejected(what: &str) -> String {
    format!("the server rejected our request due to an error in our request: {what}")
}

fn walk<'a>(doc: &'a mut Value, parts: &[String]) -> Result<&'a mut Value, String> {
    let mut at = doc;
    for p in parts {
        at = match at {
            Value::Array(items) => {
                let i: usize = p
                    .parse()
                    .map_err(|_| rejected(&format!("invalid index '{p}'")))?;
                items
                    .get_mut(i)
                    .ok_or_else(|| rejected("list index out of range"))?
            }
            Value::Object(map) => map.get_mut(p).ok_or_else(|| rejected(&format!("'{p}'")))?,
            _ => return Err(rejected(&format!("'{p}'"))),
        };
    }
    Ok(at)
}

/// `ops` applied to a copy of `target`.
pub fn json_patch(target: &Value, ops: &[Value]) -> Result<Value, String> {
    let mut doc = target.clone();
    for op in ops {
        let path = op["path"].as_str().unwrap_or_default();
        let parts = pointer(path)?;
        let mut kind = op["op"].as_str().unwrap_or_default().to_string();
        let mut value = op["value"].clone();
        if kind == "test" {
            if *walk(&mut doc, &parts)? != value {
                return Err(format!("testing value {path} failed"));
            }
            continue;
        }
        if kind == "move" || kind == "copy" {
            let from = pointer(op["from"].as_str().unwrap_or_default())?;
            value = walk(&mut doc, &from)?.clone();
            if kind == "move" {
                remove(&mut doc, &from)?;
            }
            kind = "add".into();
        }
        let Some((last, parents)) = parts.split_last() else {
            if kind == "add" || kind == "replace" {
                doc = value;
                continue;
            }
            return Err("cannot remove the document root".into());
        };
        let parent = walk(&mut doc, parents)?;
        match (kind.as_str(), parent) {
            ("add", Value::Array(items)) if last == "-" => items.push(value),
            ("add", Value::Array(items)) => {
                let i: usize = last
                    .parse()
                    .map_err(|_| rejected(&format!("invalid index '{last}'")))?;
                if i > items.len() {
                    return Err(rejected("list index out of range"));
                }
                items.insert(i, value);
            }
            ("add", Value::Object(map)) => {
                map.insert(last.clone(), value);
            }
            ("replace", Value::Array(items)) => {
                let slot = last
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get_mut(i))
                    .ok_or_else(|| rejected("list index out of range"))?;
                *slot = value;
            }
            ("replace", Value::Object(map)) => match map.get_mut(last) {
                Some(slot) => *slot = value,
                None => return Err(rejected(&format!("'{last}'"))),
            },
            ("remove", _) => remove(&mut doc, &parts)?,
            (other, _) if !matches!(other, "add" | "replace" | "remove") => {
                return Err(format!("unknown json patch operation '{other}'"))
            }
            _ => return Err(rejected(&format!("'{last}'"))),
        }
    }
    Ok(doc)
}

fn remove(doc: &mut Value, parts: &[String]) -> Result<(), String> {
    let (last, parents) = parts
        .split_last()
        .ok_or("cannot remove the document root")?;
    match walk(doc, parents)? {
        Value::Array(items) => {
            let i: usize = last
                .parse()
                .map_err(|_| rejected(&format!("invalid index '{last}'")))?;
            if i >= items.len() {
                return Err(rejected("pop index out of range"));
            }
            items.remove(i);
        }
        Value::Object(map) => {
            map.remove(last)
                .ok_or_else(|| rejected(&format!("'{last}'")))?;
        }
        _ => return Err(rejected(&format!("'{last}'"))),
    }
    Ok(())
}
