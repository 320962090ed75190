//! The secrets the 3scale operator adopts: it reads secrets of these names in its project and
//! takes every key as it is, adding only the keys missing (a password missing gets a new random
//! value), and puts its labels and its owner reference on them (research 23 §2: the
//! "defaults only" reconcile of op 3scale-2.8.0-GA and 3scale-2.9.0-GA). The S3 secret is read,
//! never adopted. Names and keys only: a value is read for one thing, whether a key the operator
//! needs is empty, and never printed.

use super::apimanager::Features;
use crate::engine::kube::{self, SecretObject};
use crate::templates::releases::Release;
use serde::Serialize;
use serde_json::Value;

/// The operator's secrets and the keys it reads (op 3scale-2.8.0-GA; the templates of a release
/// are the operator's output, so their keys are the same).
const SECRETS: &[(&str, &[&str])] = &[
    (
        "system-seed",
        &[
            "ADMIN_ACCESS_TOKEN",
            "ADMIN_EMAIL",
            "ADMIN_PASSWORD",
            "ADMIN_USER",
            "MASTER_ACCESS_TOKEN",
            "MASTER_DOMAIN",
            "MASTER_PASSWORD",
            "MASTER_USER",
            "TENANT_NAME",
        ],
    ),
    ("system-database", &["DB_PASSWORD", "DB_USER", "URL"]),
    (
        "backend-redis",
        &[
            "REDIS_QUEUES_SENTINEL_HOSTS",
            "REDIS_QUEUES_SENTINEL_ROLE",
            "REDIS_QUEUES_URL",
            "REDIS_STORAGE_SENTINEL_HOSTS",
            "REDIS_STORAGE_SENTINEL_ROLE",
            "REDIS_STORAGE_URL",
        ],
    ),
    (
        "system-redis",
        &[
            "MESSAGE_BUS_NAMESPACE",
            "MESSAGE_BUS_SENTINEL_HOSTS",
            "MESSAGE_BUS_SENTINEL_ROLE",
            "MESSAGE_BUS_URL",
            "NAMESPACE",
            "SENTINEL_HOSTS",
            "SENTINEL_ROLE",
            "URL",
        ],
    ),
    ("system-app", &["SECRET_KEY_BASE"]),
    ("system-events-hook", &["PASSWORD", "URL"]),
    (
        "system-master-apicast",
        &["ACCESS_TOKEN", "BASE_URL", "PROXY_CONFIGS_ENDPOINT"],
    ),
    ("system-memcache", &["SERVERS"]),
    ("system-recaptcha", &["PRIVATE_KEY", "PUBLIC_KEY"]),
    (
        "system-smtp",
        &[
            "address",
            "authentication",
            "domain",
            "openssl.verify.mode",
            "password",
            "port",
            "username",
        ],
    ),
    (
        "zync",
        &[
            "DATABASE_URL",
            "SECRET_KEY_BASE",
            "ZYNC_AUTHENTICATION_TOKEN",
            "ZYNC_DATABASE_PASSWORD",
        ],
    ),
    ("backend-internal-api", &["password", "username"]),
    ("backend-listener", &["route_endpoint", "service_endpoint"]),
];

/// Keys a later release drops (-) or adds (+): 2.9 drops `system-master-apicast.BASE_URL` (its
/// upgrade removes it); the 2.11 templates add `system-app.USER_SESSION_TTL`; the 2.12 ones drop
/// system-redis' message bus.
const KEY_CHANGES: &[(Release, &str, char, &str)] = &[
    (Release::new(2, 9), "system-master-apicast", '-', "BASE_URL"),
    (Release::new(2, 11), "system-app", '+', "USER_SESSION_TTL"),
    (Release::new(2, 12), "system-redis", '-', "MESSAGE_BUS_URL"),
    (
        Release::new(2, 12),
        "system-redis",
        '-',
        "MESSAGE_BUS_NAMESPACE",
    ),
    (
        Release::new(2, 12),
        "system-redis",
        '-',
        "MESSAGE_BUS_SENTINEL_HOSTS",
    ),
    (
        Release::new(2, 12),
        "system-redis",
        '-',
        "MESSAGE_BUS_SENTINEL_ROLE",
    ),
];

/// What the HA profile's operator needs filled in before it starts (research 23 §2.2): the
/// external databases' URLs.
const HA_REQUIRED: &[(&str, &str)] = &[
    ("system-database", "URL"),
    ("backend-redis", "REDIS_STORAGE_URL"),
    ("backend-redis", "REDIS_QUEUES_URL"),
    ("system-redis", "URL"),
    ("system-redis", "MESSAGE_BUS_URL"),
];

/// The S3 secret's keys the operator needs, and those it reads when present.
const S3_REQUIRED: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AWS_BUCKET",
    "AWS_REGION",
    "AWS_SECRET_ACCESS_KEY",
];
const S3_OPTIONAL: &[&str] = &["AWS_HOSTNAME", "AWS_PATH_STYLE", "AWS_PROTOCOL"];

/// The pull secret the installer made.
const PULL_SECRET: &str = crate::pull_secret::NAME;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct SecretEntry {
    pub(crate) name: String,
    /// `adopted` (as it is), `read` (never owned: the S3 secret), `not the operator's`.
    pub(crate) role: &'static str,
    pub(crate) present: bool,
    /// Its keys (names only).
    pub(crate) keys: Vec<String>,
    /// Keys the operator reads that it lacks: the operator adds them (a password: a new random one).
    pub(crate) missing: Vec<String>,
    /// Keys this operator release does not read.
    pub(crate) unread: Vec<String>,
    /// Keys the operator needs filled in that are empty or missing: it will not start.
    pub(crate) needed: Vec<String>,
}

/// The keys release `release`'s operator reads from `name`.
fn keys_at(release: Release, name: &str, features: &Features) -> Vec<String> {
    if features.external_databases && name == "system-database" {
        return vec!["URL".into()];
    }
    let mut keys: Vec<String> = SECRETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, k)| k.iter().map(|k| k.to_string()).collect())
        .unwrap_or_default();
    for (_, _, change, key) in KEY_CHANGES
        .iter()
        .filter(|(at, n, ..)| *n == name && *at <= release)
    {
        match change {
            '+' => keys.push(key.to_string()),
            _ => keys.retain(|k| k != key),
        }
    }
    keys.sort();
    keys
}

fn live(objects: &[Value], name: &str) -> Option<SecretObject> {
    objects
        .iter()
        .find(|o| o["kind"] == "Secret" && o["metadata"]["name"] == name)
        .map(kube::parse)
}

/// Required keys of `secret` that are missing or empty.
fn unfilled(secret: Option<&SecretObject>, required: &[&str]) -> Vec<String> {
    required
        .iter()
        .filter(|k| !matches!(secret.and_then(|s| s.value(k)), Some(Ok(v)) if !v.trim().is_empty()))
        .map(|k| k.to_string())
        .collect()
}

/// The secrets release `release`'s operator adopts or reads for an install of `features`
/// whose objects are `objects`: the operator's own (those the install's template makes), the
/// S3 one, and the installer's pull secret.
pub(crate) fn secrets(
    release: Release,
    features: &Features,
    objects: &[Value],
    made: &[String],
) -> Vec<SecretEntry> {
    let mut out = Vec::new();
    for (name, _) in SECRETS.iter().filter(|(n, _)| made.iter().any(|m| m == n)) {
        let found = live(objects, name);
        let keys: Vec<String> = found
            .as_ref()
            .map(|s| s.keys().cloned().collect())
            .unwrap_or_default();
        let wanted = keys_at(release, name, features);
        let mut needed = Vec::new();
        if features.external_databases {
            let required: Vec<&str> = HA_REQUIRED
                .iter()
                .filter(|(s, k)| s == name && wanted.iter().any(|w| w == k))
                .map(|(_, k)| *k)
                .collect();
            needed = unfilled(found.as_ref(), &required);
        }
        out.push(SecretEntry {
            name: name.to_string(),
            role: "adopted",
            present: found.is_some(),
            missing: wanted
                .iter()
                .filter(|k| !keys.contains(k))
                .cloned()
                .collect(),
            unread: keys
                .iter()
                .filter(|k| !wanted.contains(k))
                .cloned()
                .collect(),
            needed,
            keys,
        });
    }
    if let Some(s3) = &features.s3_secret {
        let found = live(objects, s3);
        let keys: Vec<String> = found
            .as_ref()
            .map(|s| s.keys().cloned().collect())
            .unwrap_or_default();
        out.push(SecretEntry {
            name: s3.clone(),
            role: "read",
            present: found.is_some(),
            missing: Vec::new(),
            unread: keys
                .iter()
                .filter(|k| {
                    !S3_REQUIRED.contains(&k.as_str()) && !S3_OPTIONAL.contains(&k.as_str())
                })
                .cloned()
                .collect(),
            needed: unfilled(found.as_ref(), S3_REQUIRED),
            keys,
        });
    }
    if let Some(pull) = live(objects, PULL_SECRET) {
        out.push(SecretEntry {
            name: PULL_SECRET.to_string(),
            role: "not the operator's",
            present: true,
            keys: pull.keys().cloned().collect(),
            missing: Vec::new(),
            unread: Vec::new(),
            needed: Vec::new(),
        });
    }
    out
}

/// How to keep them, in words.
pub(crate) const HOW_TO_KEEP: &str = "In the same project: leave them in place and create the APIManager there; the operator takes each as it is (it adds only the keys it lacks) and puts its labels and owner reference on it, so deleting the APIManager may delete them: keep a copy. In another project or cluster: copy each before creating the APIManager, every key as it is: `oc extract secret/NAME -n PROJECT --to=DIR/NAME`, then `oc create secret generic NAME -n NEW-PROJECT --from-file=DIR/NAME`. A key the operator reads and the secret lacks is created by the operator, a password with a new random value.";
