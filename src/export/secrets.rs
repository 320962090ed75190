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
            .map(|s| s.keys().into_iter().map(str::to_string).collect())
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
            .map(|s| s.keys().into_iter().map(str::to_string).collect())
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
            keys: pull.keys().into_iter().map(str::to_string).collect(),
            missing: Vec::new(),
            unread: Vec::new(),
            needed: Vec::new(),
        });
    }
    out
}

/// What is wrong with the system database's URL for the operator, which reads the database's
/// user, password, host and name from it (research 23 §2.2): `mysql2://root:PASSWORD@HOST/DB`
/// (MySQL's root, whose password it gives the database), `postgresql://USER:PASSWORD@HOST/DB`.
/// The value itself is never part of the answer.
pub(crate) fn database_url_problem(features: &Features, objects: &[Value]) -> Option<String> {
    let (scheme, user) = match features.database? {
        "mysql" => ("mysql2", Some("root")),
        _ => ("postgresql", None),
    };
    let url = live(objects, "system-database")?.value("URL")?.ok()?;
    let shape = format!(
        "{scheme}://{}:PASSWORD@HOST/DATABASE",
        user.unwrap_or("USER")
    );
    let rest = url.strip_prefix(&format!("{scheme}://"));
    let fits = rest
        .and_then(|r| r.split_once('@'))
        .is_some_and(|(login, place)| {
            let (u, password) = login.split_once(':').unwrap_or((login, ""));
            let (host, database) = place.split_once('/').unwrap_or((place, ""));
            let user_ok = user.map_or(!u.is_empty(), |wanted| u == wanted);
            user_ok && !password.is_empty() && !host.is_empty() && !database.is_empty()
        });
    (!fits).then(|| format!("URL is not of the shape {shape}"))
}

/// How to keep them, in words.
pub(crate) const HOW_TO_KEEP: &str = "In the same project: leave them in place and create the APIManager there; the operator takes each as it is (it adds only the keys it lacks) and puts its labels and owner reference on it, so deleting the APIManager may delete them: keep a copy. In another project or cluster: copy each before creating the APIManager, every key as it is: `oc extract secret/NAME -n PROJECT --to=DIR/NAME`, then `oc create secret generic NAME -n NEW-PROJECT --from-file=DIR/NAME`. A key the operator reads and the secret lacks is created by the operator, a password with a new random value.";

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use serde_json::json;

    fn secret(name: &str, data: &[(&str, &str)]) -> Value {
        let b64 = |v: &str| base64::engine::general_purpose::STANDARD.encode(v);
        let data: serde_json::Map<String, Value> = data
            .iter()
            .map(|(k, v)| (k.to_string(), json!(b64(v))))
            .collect();
        json!({"kind": "Secret", "apiVersion": "v1", "metadata": {"name": name}, "data": data})
    }

    fn made(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn keys_a_release_reads_no_more_or_reads_newly_are_named() {
        let mysql = Features {
            database: Some("mysql"),
            resources: true,
            ..Features::default()
        };
        let objects = [
            secret(
                "system-master-apicast",
                &[
                    ("ACCESS_TOKEN", "t0ken123"),
                    ("BASE_URL", "u"),
                    ("PROXY_CONFIGS_ENDPOINT", "p"),
                ],
            ),
            secret("system-app", &[("SECRET_KEY_BASE", "k3y")]),
        ];
        let names = made(&["system-master-apicast", "system-app", "system-seed"]);
        let at = |minor| secrets(Release::new(2, minor), &mysql, &objects, &names);
        let apicast = |list: &[SecretEntry]| {
            list.iter()
                .find(|s| s.name == "system-master-apicast")
                .cloned()
                .unwrap()
        };
        assert!(apicast(&at(8)).unread.is_empty());
        assert_eq!(apicast(&at(9)).unread, ["BASE_URL"]);
        let app = at(11).into_iter().find(|s| s.name == "system-app").unwrap();
        assert_eq!(app.missing, ["USER_SESSION_TTL"]);
        let seed = at(8).into_iter().find(|s| s.name == "system-seed").unwrap();
        assert!(!seed.present && seed.missing.len() == 9, "{seed:?}");
        assert!(
            !format!("{:?}", at(9)).contains("t0ken123"),
            "names and keys only"
        );
    }

    #[test]
    fn external_databases_and_s3_need_their_keys_filled_in() {
        let ha = Features {
            external_databases: true,
            resources: true,
            ..Features::default()
        };
        let objects = [
            secret(
                "system-redis",
                &[("URL", "redis://r:6379/1"), ("MESSAGE_BUS_URL", "")],
            ),
            secret("system-database", &[("URL", "mysql2://root:pw@db/system")]),
        ];
        let names = made(&["system-redis", "system-database", "backend-redis"]);
        let needed = |minor| -> Vec<(String, Vec<String>)> {
            secrets(Release::new(2, minor), &ha, &objects, &names)
                .into_iter()
                .filter(|s| !s.needed.is_empty())
                .map(|s| (s.name, s.needed))
                .collect()
        };
        let pair = |name: &str, keys: &[&str]| {
            (
                name.to_string(),
                keys.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            needed(8),
            [
                pair("backend-redis", &["REDIS_STORAGE_URL", "REDIS_QUEUES_URL"]),
                pair("system-redis", &["MESSAGE_BUS_URL"]),
            ]
        );
        assert_eq!(
            needed(12).len(),
            1,
            "2.12 has no message bus: only backend-redis is left"
        );
        let s3 = Features {
            s3_secret: Some("aws-auth".into()),
            resources: true,
            database: Some("mysql"),
            ..Features::default()
        };
        let aws = [secret(
            "aws-auth",
            &[
                ("AWS_ACCESS_KEY_ID", "AKIA0000"),
                ("AWS_SECRET_ACCESS_KEY", "s3cr3t00"),
                ("AWS_BUCKET", "b"),
                ("AWS_REGION", ""),
            ],
        )];
        let list = secrets(Release::new(2, 8), &s3, &aws, &[]);
        assert_eq!(
            (list[0].role, list[0].needed.clone()),
            ("read", vec!["AWS_REGION".to_string()])
        );
    }

    #[test]
    fn the_database_url_must_have_the_operators_shape() {
        let mysql = Features {
            database: Some("mysql"),
            ..Features::default()
        };
        let with = |url: &str| vec![secret("system-database", &[("URL", url)])];
        assert_eq!(
            database_url_problem(&mysql, &with("mysql2://root:pw99@system-mysql/system")),
            None
        );
        let problem =
            database_url_problem(&mysql, &with("mysql2://app:pw99@system-mysql/system")).unwrap();
        assert_eq!(
            problem,
            "URL is not of the shape mysql2://root:PASSWORD@HOST/DATABASE"
        );
        assert!(!problem.contains("pw99"));
        let pg = Features {
            database: Some("postgresql"),
            ..Features::default()
        };
        assert_eq!(
            database_url_problem(
                &pg,
                &with("postgresql://system:pw@system-postgresql/system")
            ),
            None
        );
        assert!(
            database_url_problem(&pg, &with("postgresql://system@system-postgresql/system"))
                .is_some()
        );
        assert_eq!(
            database_url_problem(&Features::default(), &with("x")),
            None,
            "external: not checked"
        );
    }
}
