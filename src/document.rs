//! The JSON document of each command (`-o json`): its keys are defined here once per command,
//! and the same document is printed whether the run succeeds or fails. A run fills what it
//! knows (the command's result, or on a failure the facts gathered on the way: the cluster, the
//! project, the changes made, ...); every other key is `null`. Every document has
//! `schema_version`, `ok` and `error` (`null`, or `{kind, exit_code, meaning, message, help}`).

use crate::failure::Failure;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::cell::RefCell;

/// The version of every document's layout.
const SCHEMA_VERSION: u32 = 1;

/// The keys of one command's document, besides `schema_version`, `ok` and `error`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Shape {
    /// The command as typed: `install`, `gateway add`.
    pub(crate) command: &'static str,
    pub(crate) keys: &'static [&'static str],
}

pub(crate) const INSTALL: Shape = Shape {
    command: "install",
    keys: &[
        "cluster",
        "project",
        "profile",
        "commit",
        "state",
        "changes",
        "decisions",
        "skipped_checks",
        "credentials_file",
        "verify",
        "tenant",
        "admin_portal",
        "developer_portal",
        "master_portal",
        "admin",
        "master",
        "secrets_shown",
    ],
};

/// `plan`, and `install --dry-run` (which prints the plan).
pub(crate) const PLAN: Shape = Shape {
    command: "plan",
    keys: &[
        "cluster",
        "user",
        "answers",
        "decisions",
        "checks",
        "skipped_checks",
        "commands",
        "script",
    ],
};

pub(crate) const PREFLIGHT: Shape = Shape {
    command: "preflight",
    keys: &["passed", "checks"],
};

pub(crate) const STATUS: Shape = Shape {
    command: "status",
    keys: &[
        "cluster",
        "project",
        "profile",
        "commit",
        "recorded_on_this_machine",
        "healthy",
        "missing_objects",
        "components",
        "routes",
        "diagnosis",
        "support",
    ],
};

pub(crate) const CREDENTIALS: Shape = Shape {
    command: "credentials",
    keys: &[
        "cluster",
        "project",
        "state",
        "credentials_file",
        "tenant",
        "admin_portal",
        "developer_portal",
        "master_portal",
        "admin",
        "master",
        "secrets_shown",
    ],
};

pub(crate) const VERIFY: Shape = Shape {
    command: "verify",
    keys: &["cluster", "project", "hosts", "checks"],
};

pub(crate) const UNINSTALL: Shape = Shape {
    command: "uninstall",
    keys: &[
        "dry_run",
        "cluster",
        "project",
        "changes",
        "decisions",
        "deleted_project",
        "deleted",
        "removed_files",
        "credentials_removed",
    ],
};

pub(crate) const GATEWAY_ADD: Shape = Shape {
    command: "gateway add",
    keys: &[
        "dry_run",
        "cluster",
        "project",
        "name",
        "state",
        "environment",
        "configuration_loader",
        "configuration_cache",
        "hosts",
        "portal",
        "secret",
        "access_token",
        "changes",
        "decisions",
        "unmatched_products",
    ],
};

pub(crate) const GATEWAY_LIST: Shape = Shape {
    command: "gateway list",
    keys: &["cluster", "searched", "gateways"],
};

pub(crate) const GATEWAY_STATUS: Shape = Shape {
    command: "gateway status",
    keys: GATEWAY_LIST.keys,
};

pub(crate) const GATEWAY_REMOVE: Shape = Shape {
    command: "gateway remove",
    keys: &[
        "dry_run",
        "cluster",
        "project",
        "name",
        "changes",
        "decisions",
    ],
};

pub(crate) const TENANT_CREATE: Shape = Shape {
    command: "tenant create",
    keys: &[
        "dry_run",
        "cluster",
        "project",
        "created",
        "tenant",
        "admin_portal",
        "developer_portal",
        "admin",
        "routes",
        "verified",
        "credentials_file",
        "secret",
        "warnings",
        "secrets_shown",
        "changes",
        "decisions",
    ],
};

pub(crate) const TENANT_LIST: Shape = Shape {
    command: "tenant list",
    keys: &["cluster", "project", "master_portal", "tenants"],
};

pub(crate) const TENANT_SHOW: Shape = Shape {
    command: "tenant show",
    keys: &[
        "cluster",
        "project",
        "tenant",
        "default",
        "admin_portal",
        "developer_portal",
        "admin_users",
        "routes",
        "login",
        "token",
        "secrets_shown",
    ],
};

pub(crate) const TENANT_REMOVE: Shape = Shape {
    command: "tenant remove",
    keys: &[
        "dry_run",
        "cluster",
        "project",
        "tenant",
        "scheduled_now",
        "deletion_date",
        "login_removed",
        "undo",
        "changes",
        "decisions",
    ],
};

pub(crate) const GATHER: Shape = Shape {
    command: "gather",
    keys: &[
        "cluster",
        "project",
        "logs_since",
        "secrets",
        "checked_absent",
        "install",
        "limits",
        "files",
        "notes",
        "archive",
    ],
};

pub(crate) const MONITORING_PLAN: Shape = Shape {
    command: "monitoring plan",
    keys: &[
        "cluster",
        "project",
        "stack",
        "changes",
        "decisions",
        "problems",
        "checks",
    ],
};

pub(crate) const MONITORING_ENABLE: Shape = Shape {
    command: "monitoring enable",
    keys: &[
        "dry_run",
        "decisions",
        "cluster",
        "project",
        "changes",
        "pod_monitors",
        "prometheus_rules",
        "grafana_dashboards",
        "dashboard_files",
        "rollouts",
        "user_workload_monitoring",
        "admin_change",
    ],
};

pub(crate) const MONITORING_STATUS: Shape = Shape {
    command: "monitoring status",
    keys: &[
        "cluster",
        "project",
        "enabled",
        "stack",
        "objects",
        "objects_error",
        "components",
        "query",
    ],
};

pub(crate) const MONITORING_DISABLE: Shape = Shape {
    command: "monitoring disable",
    keys: &[
        "dry_run",
        "cluster",
        "project",
        "changes",
        "decisions",
        "rollouts",
    ],
};

pub(crate) const SSO_ADD: Shape = Shape {
    command: "sso add",
    keys: &[
        "dry_run",
        "cluster",
        "project",
        "changes",
        "decisions",
        "changed",
        "tenant",
        "admin_portal",
        "integration",
        "redirect_uri",
        "test_redirect_uri",
        "try_url",
        "client",
        "reach",
        "users",
        "enforce_sso",
    ],
};

pub(crate) const SSO_LIST: Shape = Shape {
    command: "sso list",
    keys: &["tenant", "admin_portal", "integrations"],
};

pub(crate) const SSO_SHOW: Shape = Shape {
    command: "sso show",
    keys: &[
        "tenant",
        "admin_portal",
        "integration",
        "redirect_uri",
        "test_redirect_uri",
        "try_url",
        "page",
    ],
};

pub(crate) const SSO_REMOVE: Shape = Shape {
    command: "sso remove",
    keys: &[
        "dry_run",
        "cluster",
        "project",
        "changes",
        "decisions",
        "tenant",
        "integration",
        "deleted",
        "how_to_delete",
    ],
};

pub(crate) const USERS_LIST: Shape = Shape {
    command: "users list",
    keys: &["tenant", "admin_portal", "users"],
};

/// What every `users` command that changes something prints.
const USERS_CHANGED: &[&str] = &[
    "dry_run",
    "cluster",
    "project",
    "decisions",
    "tenant",
    "admin_portal",
    "changed",
    "changes",
    "notes",
];

/// The `users` commands that change users, each with the same document.
pub(crate) const USERS_CHANGES: &[Shape] = &[
    Shape {
        command: "users add",
        keys: USERS_CHANGED,
    },
    Shape {
        command: "users role",
        keys: USERS_CHANGED,
    },
    Shape {
        command: "users grant",
        keys: USERS_CHANGED,
    },
    Shape {
        command: "users suspend",
        keys: USERS_CHANGED,
    },
    Shape {
        command: "users unsuspend",
        keys: USERS_CHANGED,
    },
    Shape {
        command: "users remove",
        keys: USERS_CHANGED,
    },
    Shape {
        command: "users sync",
        keys: USERS_CHANGED,
    },
];

pub(crate) const EXPORT_APIMANAGER: Shape = Shape {
    command: "export apimanager",
    keys: &[
        "project",
        "cluster",
        "installed_release",
        "operator_version",
        "crd",
        "check",
        "apimanager",
        "secrets",
        "how_to_keep_secrets",
        "before_creating",
        "not_expressible",
        "warnings",
        "read_only",
    ],
};

pub(crate) const UPGRADE_PLAN: Shape = Shape {
    command: "upgrade plan",
    keys: &[
        "project",
        "cluster",
        "profile",
        "read_only",
        "installed",
        "installed_ref",
        "installed_commit",
        "target",
        "hops",
        "beyond",
        "last_template_release",
        "drift",
        "notes",
    ],
};

/// Every command's document.
pub(crate) const SHAPES: &[&Shape] = &[
    &INSTALL,
    &PLAN,
    &PREFLIGHT,
    &STATUS,
    &CREDENTIALS,
    &VERIFY,
    &UNINSTALL,
    &GATEWAY_ADD,
    &GATEWAY_LIST,
    &GATEWAY_STATUS,
    &GATEWAY_REMOVE,
    &TENANT_CREATE,
    &TENANT_LIST,
    &TENANT_SHOW,
    &TENANT_REMOVE,
    &GATHER,
    &MONITORING_PLAN,
    &MONITORING_ENABLE,
    &MONITORING_STATUS,
    &MONITORING_DISABLE,
    &SSO_ADD,
    &SSO_LIST,
    &SSO_SHOW,
    &SSO_REMOVE,
    &USERS_LIST,
    &EXPORT_APIMANAGER,
    &UPGRADE_PLAN,
];

/// The document of `command` (`gateway add`); `install --dry-run` prints the plan's. Commands
/// that print no document have none.
pub(crate) fn shape_of(command: &str, dry_run: bool) -> Option<&'static Shape> {
    if command == INSTALL.command && dry_run {
        return Some(&PLAN);
    }
    SHAPES
        .iter()
        .copied()
        .chain(USERS_CHANGES)
        .find(|s| s.command == command)
}

/// The shape of the `users` command `command` (`users add`) that changes users.
pub(crate) fn users_change(command: &str) -> &'static Shape {
    USERS_CHANGES
        .iter()
        .find(|s| s.command == command)
        .unwrap_or(&USERS_CHANGES[0])
}

/// What a run has learnt so far that its document holds: gathered on the way, so that a failure
/// still tells the cluster, the project, the changes made.
#[derive(Default)]
pub(crate) struct Facts(RefCell<Map<String, Value>>);

impl Facts {
    pub(crate) fn set(&self, key: &str, value: impl Serialize) {
        let value = serde_json::to_value(value).unwrap_or(Value::Null);
        self.0.borrow_mut().insert(key.to_string(), value);
    }

    /// Every key of `values` (an object).
    pub(crate) fn merge(&self, values: Value) {
        if let Value::Object(map) = values {
            self.0.borrow_mut().extend(map);
        }
    }

    pub(crate) fn take(&self) -> Map<String, Value> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

/// A successful run's document: `values` (an object of `shape`'s keys; `ok` may say false, as
/// when 3scale is installed but does not answer) with the keys it leaves out as `null`.
pub(crate) fn success(shape: &Shape, values: Value) -> Value {
    let Value::Object(values) = values else {
        return fill(shape, Map::new(), true, None);
    };
    debug_assert!(
        values.keys().all(|k| allowed(shape, k)),
        "{} document with keys outside its shape: {:?}",
        shape.command,
        values
            .keys()
            .filter(|k| !allowed(shape, k))
            .collect::<Vec<_>>()
    );
    let ok = values.get("ok").and_then(Value::as_bool).unwrap_or(true);
    fill(shape, values, ok, None)
}

/// A failed run's document: what it knew (the failure carries it), and the error.
pub(crate) fn failure(shape: &Shape, f: &Failure) -> Value {
    fill(shape, f.known.clone(), false, Some(f))
}

/// A failed run's document: its command's (`failure`), or for a command without one only
/// `schema_version`, `ok` and `error`.
pub(crate) fn failure_of(shape: Option<&Shape>, f: &Failure) -> Value {
    match shape {
        Some(shape) => failure(shape, f),
        None => json!({"schema_version": SCHEMA_VERSION, "ok": false, "error": error(f)}),
    }
}

/// A failure as the `error` of a document.
pub(crate) fn error(f: &Failure) -> Value {
    json!({
        "kind": f.kind.id(),
        "exit_code": f.kind.exit_code(),
        "meaning": f.kind.meaning(),
        "message": f.message(),
        "help": f.help,
    })
}

fn allowed(shape: &Shape, key: &str) -> bool {
    ["schema_version", "ok", "error"].contains(&key) || shape.keys.contains(&key)
}

fn fill(shape: &Shape, mut known: Map<String, Value>, ok: bool, f: Option<&Failure>) -> Value {
    let mut doc = Map::new();
    doc.insert("schema_version".into(), json!(SCHEMA_VERSION));
    doc.insert("ok".into(), json!(ok));
    for key in shape.keys {
        doc.insert(key.to_string(), known.remove(*key).unwrap_or(Value::Null));
    }
    let error = match f {
        Some(f) => error(f),
        None => known.remove("error").unwrap_or(Value::Null),
    };
    doc.insert("error".into(), error);
    Value::Object(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(doc: &Value) -> BTreeSet<String> {
        doc.as_object().unwrap().keys().cloned().collect()
    }

    #[test]
    fn success_and_failure_have_the_same_keys() {
        for shape in SHAPES.iter().copied().chain(USERS_CHANGES) {
            let ok = success(shape, json!({ shape.keys[0]: "a value" }));
            let failed = Failure::input("bad").with_help("do this");
            let bad = failure(shape, &failed);
            assert_eq!(keys(&ok), keys(&bad), "{}", shape.command);
            assert_eq!(bad["ok"], false);
            assert_eq!(bad["error"]["exit_code"], 2);
            assert_eq!(ok["error"], Value::Null);
            assert_eq!(ok["schema_version"], 1);
        }
    }

    #[test]
    fn a_failure_keeps_what_the_run_knew_and_only_the_shapes_keys() {
        let facts = Facts::default();
        facts.set("project", "3scale-apim");
        facts.set("changes", ["create project 3scale-apim"]);
        facts.set("not_a_key_of_install", true);
        let f = Failure::input("refused").with_known(facts.take());
        let doc = failure(&INSTALL, &f);
        assert_eq!(doc["project"], "3scale-apim");
        assert_eq!(doc["changes"][0], "create project 3scale-apim");
        assert!(doc.get("not_a_key_of_install").is_none());
        assert_eq!(doc["profile"], Value::Null);
    }

    #[test]
    fn every_command_has_at_most_one_shape() {
        let all: Vec<&Shape> = SHAPES.iter().copied().chain(USERS_CHANGES).collect();
        let names: BTreeSet<&str> = all.iter().map(|s| s.command).collect();
        assert_eq!(names.len(), all.len());
        assert_eq!(shape_of("install", true), Some(&PLAN));
        assert_eq!(shape_of("gateway add", false), Some(&GATEWAY_ADD));
        assert_eq!(shape_of("man", false), None);
    }
}
