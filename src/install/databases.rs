//! The rules of 3scale 2.8 for external databases (the HA profile), each a problem before any
//! change with the reason and the fix (3scale-Operations `docs/ha_dbs.adoc`): Backend and System
//! on distinct Redis instances, Backend's storage and queues in distinct databases, no Redis
//! Cluster mode, System's database not zync's. The schemes (`mysql2://`, `postgresql://`,
//! `redis://`) are checked with each value (`templates::params`); options such as `sslmode` or
//! `sslca` go to the cluster as given.

use super::plan::{Origin, Plan};
use crate::inputs::Source;
use crate::templates::model::Template;
use crate::templates::params;

const SYSTEM_REDIS: &[(&str, &str)] = &[
    ("SYSTEM_REDIS_URL", "SYSTEM_REDIS_SENTINEL_HOSTS"),
    (
        "SYSTEM_MESSAGE_BUS_REDIS_URL",
        "SYSTEM_MESSAGE_BUS_REDIS_SENTINEL_HOSTS",
    ),
];
const STORAGE: (&str, &str) = (
    "BACKEND_REDIS_STORAGE_ENDPOINT",
    "BACKEND_REDIS_STORAGE_SENTINEL_HOSTS",
);
const QUEUES: (&str, &str) = (
    "BACKEND_REDIS_QUEUES_ENDPOINT",
    "BACKEND_REDIS_QUEUE_SENTINEL_HOSTS",
);
/// Azure Cache for Redis's TLS port, and its host names.
const AZURE_TLS_PORT: u16 = 6380;
const AZURE_REDIS: &str = ".redis.cache.windows.net";

/// One Redis database as a URL (and its sentinels) names it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Redis {
    /// `host:port`, or `sentinels H1,H2 master NAME`: what tells one instance from another.
    instance: String,
    host: String,
    port: u16,
    db: u32,
    /// The URL with only its password masked, to name it.
    shown: String,
}

fn redis(url: &str, sentinels: Option<&str>) -> Option<Redis> {
    let rest = url.strip_prefix("redis://")?;
    let before_path = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = before_path.rsplit('@').next().unwrap_or_default();
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, p.parse().ok()?),
        None => (authority, 6379),
    };
    let host = host.to_ascii_lowercase();
    let db = rest[before_path.len()..]
        .trim_start_matches('/')
        .split(['?', '#', '/'])
        .next()
        .and_then(|d| d.parse().ok())
        .unwrap_or(0);
    let instance = match sentinels.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => {
            let mut hosts: Vec<String> = s
                .split(',')
                .map(|h| h.trim().to_ascii_lowercase())
                .collect();
            hosts.sort();
            format!("sentinels {} master {host}", hosts.join(","))
        }
        None => format!("{host}:{port}"),
    };
    Some(Redis {
        instance,
        host,
        port,
        db,
        shown: params::url_masked(url).unwrap_or_else(|| crate::secrets::MASK.to_string()),
    })
}

pub(crate) fn check(template: &Template, values: &[(String, String)], plan: &mut Plan) {
    if template.parameter(STORAGE.0).is_none() {
        return;
    }
    let value = |n: &str| {
        values
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    let parse = |(url, sentinels): (&'static str, &'static str)| {
        Some((url, redis(value(url)?, value(sentinels))?))
    };
    let system: Vec<(&str, Redis)> = SYSTEM_REDIS.iter().filter_map(|p| parse(*p)).collect();
    let backend: Vec<(&str, Redis)> = [STORAGE, QUEUES].into_iter().filter_map(parse).collect();
    for (b, br) in &backend {
        if let Some((s, sr)) = system.iter().find(|(_, sr)| sr.instance == br.instance) {
            plan.problems.push(format!(
                "{b} ({}) and {s} ({}) are the same Redis instance ({}): 3scale 2.8 does not support Backend and System on one Redis instance; give Backend and System Redis instances of their own",
                br.shown, sr.shown, br.instance
            ));
        }
    }
    if let [(s, sr), (q, qr)] = backend.as_slice() {
        if sr.instance == qr.instance && sr.db == qr.db {
            plan.problems.push(format!(
                "{s} ({}) and {q} ({}) are the same database ({} db {}): Backend's storage and queues must be distinct databases; use another instance for the queues, or another database number on this one (e.g. /0 for storage and /1 for queues)",
                sr.shown, qr.shown, sr.instance, sr.db
            ));
        }
    }
    for (name, r) in system.iter().chain(&backend) {
        redis_problems(name, r, plan);
    }
    if !backend.is_empty() {
        plan.decisions.push("external Redis: 3scale 2.8 does not support Redis Cluster mode; the installer cannot tell it from a URL: `redis-cli -h HOST INFO cluster` must say cluster_enabled:0".into());
    }
    if let Some(url) = value("SYSTEM_DATABASE_URL") {
        database_problems(url, plan);
    }
}

fn redis_problems(name: &str, r: &Redis, plan: &mut Plan) {
    if r.host.contains(',') {
        plan.problems.push(format!(
            "{name} ({}) names several hosts: that is a Redis Cluster's seed list, and 3scale 2.8 does not support Redis Cluster mode; give one Redis server (or its sentinels with the *_SENTINEL_HOSTS parameters)",
            r.shown
        ));
    } else if r.host.starts_with("clustercfg.") {
        plan.problems.push(format!(
            "{name} ({}) is the configuration endpoint of an ElastiCache cluster with cluster mode enabled: 3scale 2.8 does not support Redis Cluster mode; use a replication group with cluster mode disabled and its primary endpoint",
            r.shown
        ));
    }
    if r.host.ends_with(AZURE_REDIS) {
        if r.port == AZURE_TLS_PORT {
            plan.problems.push(format!(
                "{name} ({}) is Azure Cache for Redis's TLS port {AZURE_TLS_PORT}: 3scale 2.8 cannot reach Redis over TLS (TLS to Redis came with 3scale 2.15.1); enable the cache's non-TLS port and use port 6379",
                r.shown
            ));
        }
        let note = "Azure Cache for Redis: its non-TLS port 6379 must stay enabled for 3scale 2.8; the Azure Policy \"Azure Cache for Redis should not enable non-SSL ports\" (effect Modify) switches it off again, which breaks a running 3scale".to_string();
        if !plan.decisions.contains(&note) {
            plan.decisions.push(note);
        }
    }
}

/// System's database: not zync's own (an in-cluster PostgreSQL on an emptyDir volume).
fn database_problems(url: &str, plan: &mut Plan) {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or_default();
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if host == "zync-database" || host.starts_with("zync-database.") {
        plan.problems.push(format!(
            "SYSTEM_DATABASE_URL ({}) is zync's database (service zync-database): 3scale 2.8 needs System and Zync in separate databases, and zync's is an in-cluster PostgreSQL on an emptyDir volume; give System a database server of its own",
            params::url_masked(url).unwrap_or_else(|| crate::secrets::MASK.to_string())
        ));
    }
}

impl Plan {
    /// The parameters the person gave (or an earlier run recorded), as the summary and the plan
    /// show them: secrets masked whole, except a URL, whose password only is masked (the host
    /// and options typed are for the person to check). `mask` stands for a secret.
    pub(crate) fn shown_params(&self, mask: &str) -> Vec<(String, String)> {
        self.values
            .iter()
            .filter(
                |v| matches!(&v.origin, Origin::Input(s) if s.is_given() || *s == Source::Record),
            )
            .map(|v| {
                let value = v.value.expose();
                let shown = match (v.secret, params::url_masked(value)) {
                    (false, _) => value.to_string(),
                    (true, Some(masked)) => masked,
                    (true, None) => mask.to_string(),
                };
                (v.name.clone(), shown)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redis_urls_name_their_instance_and_database() {
        let r = redis("redis://:pw@Redis.Example.com:6380/2?x=1", None).unwrap();
        assert_eq!((r.instance.as_str(), r.db), ("redis.example.com:6380", 2));
        assert!(!r.shown.contains("pw"));
        let r = redis("redis://mymaster/1", Some("s2:26379, s1:26379")).unwrap();
        assert_eq!(r.instance, "sentinels s1:26379,s2:26379 master mymaster");
        assert_eq!(redis("redis://h", None).unwrap().instance, "h:6379");
        assert!(redis("rediss://h", None).is_none());
    }
}
