//! The APIManager of an install, from what was observed: the install's profile (what its
//! template makes: the system database, external databases, S3, disruption budgets, resource
//! requirements), its values (domain, tenant, labels, APIcast settings, the images given at
//! install), its claims' storage classes and its deployment configs' replicas. Each setting is
//! written where the CRD of the release has the field for it, and named as not expressible where
//! it has none; so is every edit made by hand since the install (drift), and each gateway
//! `gateway add` made for it. Pure. Mapping: research 23 §3 (`param-to-apimanager.tsv`).

use crate::install::drift::Drifted;
use crate::install::values::{Origin, Values};
use crate::operator::schema::Schema;
use crate::operator::{API_VERSION, KIND};
use crate::templates::model::Template;
use crate::templates::releases::Release;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// What the install's template makes, as far as the APIManager tells profiles apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Features {
    /// `mysql` or `postgresql`: the system database the template runs; none when external.
    pub(crate) database: Option<&'static str>,
    /// The databases are outside the project (the HA profile): no database, no Redis.
    pub(crate) external_databases: bool,
    /// The secret of the S3 bucket (amp-s3: `aws-auth`).
    pub(crate) s3_secret: Option<String>,
    pub(crate) disruption_budgets: bool,
    /// Whether the containers have resource requests and limits (not the eval profile).
    pub(crate) resources: bool,
}

impl Features {
    pub(crate) fn of(template: &Template) -> Features {
        let objects: Vec<Value> = template.objects.iter().map(|o| o.to_json()).collect();
        let has = |kind: &str, name: &str| {
            objects
                .iter()
                .any(|o| o["kind"] == kind && o["metadata"]["name"] == name)
        };
        let database = if has("DeploymentConfig", "system-mysql") {
            Some("mysql")
        } else if has("DeploymentConfig", "system-postgresql") {
            Some("postgresql")
        } else {
            None
        };
        let containers = objects
            .iter()
            .filter(|o| o["kind"] == "DeploymentConfig")
            .flat_map(|o| {
                o["spec"]["template"]["spec"]["containers"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            });
        Features {
            database,
            external_databases: database.is_none() && !has("DeploymentConfig", "backend-redis"),
            s3_secret: objects
                .iter()
                .find(|o| o["kind"] == "Secret" && !o["stringData"]["AWS_BUCKET"].is_null())
                .and_then(|o| o["metadata"]["name"].as_str().map(str::to_string)),
            disruption_budgets: objects.iter().any(|o| o["kind"] == "PodDisruptionBudget"),
            resources: containers
                .into_iter()
                .any(|c| c["resources"].as_object().is_some_and(|r| !r.is_empty())),
        }
    }
}

/// Everything the export is made from.
pub(crate) struct Facts<'a> {
    pub(crate) template: &'a Template,
    pub(crate) values: &'a Values,
    /// The project's objects.
    pub(crate) objects: &'a [Value],
    /// The cluster's default storage class, or why it is not known.
    pub(crate) default_class: Result<Option<String>, String>,
    pub(crate) drift: &'a [Drifted],
    /// (name, project) of each gateway `gateway add` made for this install.
    pub(crate) gateways: &'a [(String, String)],
    pub(crate) installed: Release,
    pub(crate) target: Release,
}

/// Something of the install the APIManager does not carry, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Item {
    pub(crate) subject: String,
    pub(crate) what: String,
    pub(crate) why: String,
}

/// A setting of the install, and where the APIManager writes it.
struct Setting {
    path: Vec<String>,
    value: Value,
    /// What it is, for the list of what cannot be written.
    what: String,
    /// Nothing is lost when the field is missing (the operator's default does the same).
    optional: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Built {
    pub(crate) cr: Value,
    pub(crate) not_expressible: Vec<Item>,
    pub(crate) warnings: Vec<String>,
}

/// The deployment configs whose replicas the operator sets (and keeps: `oc scale` is undone),
/// with the field.
const REPLICAS: &[(&str, [&str; 3])] = &[
    (
        "apicast-production",
        ["apicast", "productionSpec", "replicas"],
    ),
    ("apicast-staging", ["apicast", "stagingSpec", "replicas"]),
    ("backend-listener", ["backend", "listenerSpec", "replicas"]),
    ("backend-worker", ["backend", "workerSpec", "replicas"]),
    ("backend-cron", ["backend", "cronSpec", "replicas"]),
    ("system-app", ["system", "appSpec", "replicas"]),
    ("system-sidekiq", ["system", "sidekiqSpec", "replicas"]),
    ("zync", ["zync", "appSpec", "replicas"]),
    ("zync-que", ["zync", "queSpec", "replicas"]),
];

/// The image parameters and their fields (one parameter, two fields for Redis).
const IMAGES: &[(&str, &[&[&str]])] = &[
    ("AMP_APICAST_IMAGE", &[&["apicast", "image"]]),
    ("AMP_BACKEND_IMAGE", &[&["backend", "image"]]),
    ("AMP_SYSTEM_IMAGE", &[&["system", "image"]]),
    ("AMP_ZYNC_IMAGE", &[&["zync", "image"]]),
    ("ZYNC_DATABASE_IMAGE", &[&["zync", "postgreSQLImage"]]),
    ("MEMCACHED_IMAGE", &[&["system", "memcachedImage"]]),
    (
        "REDIS_IMAGE",
        &[&["backend", "redisImage"], &["system", "redisImage"]],
    ),
];

/// The claims whose storage class a field can name; the RWO ones only from 2.9.
const CLAIMS: &[(&str, &[&str])] = &[
    (
        "system-storage",
        &[
            "system",
            "fileStorage",
            "persistentVolumeClaim",
            "storageClassName",
        ],
    ),
    (
        "backend-redis-storage",
        &["backend", "redisPersistentVolumeClaim", "storageClassName"],
    ),
    (
        "system-redis-storage",
        &["system", "redisPersistentVolumeClaim", "storageClassName"],
    ),
    (
        "mysql-storage",
        &[
            "system",
            "database",
            "mysql",
            "persistentVolumeClaim",
            "storageClassName",
        ],
    ),
    (
        "postgresql-data",
        &[
            "system",
            "database",
            "postgresql",
            "persistentVolumeClaim",
            "storageClassName",
        ],
    ),
];

/// APIcast's settings: parameter, field, the operator's default (research 23 §1.2).
const APICAST: &[(&str, &str, &str)] = &[
    ("APICAST_MANAGEMENT_API", "managementAPI", "status"),
    ("APICAST_OPENSSL_VERIFY", "openSSLVerify", "false"),
    ("APICAST_RESPONSE_CODES", "responseCodes", "true"),
    (
        "APICAST_REGISTRY_URL",
        "registryURL",
        "http://apicast-staging:8090/policies",
    ),
];

pub(crate) fn build(facts: &Facts, schema: &Schema) -> Result<Built, String> {
    let domain = facts
        .values
        .get("WILDCARD_DOMAIN")
        .filter(|d| !d.is_empty())
        .ok_or(
            "the install's wildcard domain cannot be told: its record and its objects name none",
        )?;
    let mut warnings = Vec::new();
    let mut settings = vec![
        setting(&["wildcardDomain"], json!(domain), "the wildcard domain"),
        setting(
            &["tenantName"],
            json!(facts.values.get("TENANT_NAME").unwrap_or("3scale")),
            "the tenant name",
        ),
    ];
    settings.extend(value_settings(facts.values));
    settings.extend(profile_settings(&Features::of(facts.template)));
    settings.extend(image_settings(facts, &mut warnings));
    settings.extend(claim_settings(facts));
    settings.extend(replica_settings(facts.objects));
    let mut spec = Map::new();
    let mut not_expressible = Vec::new();
    for s in settings {
        let mut full = vec!["spec"];
        full.extend(s.path.iter().map(String::as_str));
        if schema.has(&full) {
            set(&mut spec, &s.path, s.value);
        } else if !s.optional {
            not_expressible.push(Item {
                subject: format!("spec.{}", s.path.join(".")),
                what: s.what,
                why: format!(
                    "the APIManager of operator {} has no such field",
                    facts.target
                ),
            });
        }
    }
    not_expressible.extend(drift_items(facts.drift));
    not_expressible.extend(facts.gateways.iter().map(|(name, project)| Item {
        subject: format!("gateway {name} (project {project})"),
        what: "a self-managed APIcast made by `gateway add`".into(),
        why: "an APIManager makes no self-managed gateways: the gateway stays as it is, and keeps working while the admin portal keeps its address and 3scale its token".into(),
    }));
    let cr = json!({"apiVersion": API_VERSION, "kind": KIND, "metadata": {"name": "apimanager"}, "spec": spec});
    Ok(Built {
        cr,
        not_expressible,
        warnings,
    })
}

fn setting(path: &[&str], value: Value, what: &str) -> Setting {
    Setting {
        path: path.iter().map(|p| p.to_string()).collect(),
        value,
        what: what.to_string(),
        optional: false,
    }
}

fn set(spec: &mut Map<String, Value>, path: &[String], value: Value) {
    let (last, parents) = path.split_last().expect("a field has a name");
    let mut node = spec;
    for p in parents {
        node = node
            .entry(p.clone())
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .expect("a parent of a field is an object");
    }
    node.insert(last.to_string(), value);
}

/// The plain values that differ from the operator's defaults.
fn value_settings(values: &Values) -> Vec<Setting> {
    let mut out = Vec::new();
    if let Some(label) = values
        .get("APP_LABEL")
        .filter(|l| *l != "3scale-api-management")
    {
        out.push(setting(
            &["appLabel"],
            json!(label),
            &format!("APP_LABEL={label}"),
        ));
    }
    if values.get("IMAGESTREAM_TAG_IMPORT_INSECURE") == Some("true") {
        out.push(setting(
            &["imageStreamTagImportInsecure"],
            json!(true),
            "IMAGESTREAM_TAG_IMPORT_INSECURE=true",
        ));
    }
    for (param, field, default) in APICAST {
        let Some(v) = values.get(param).filter(|v| v != default) else {
            continue;
        };
        let value = match *default {
            "true" | "false" => json!(v == "true"),
            _ => json!(v),
        };
        out.push(setting(&["apicast", field], value, &format!("{param}={v}")));
    }
    out
}

/// What the profile asks of the operator (research 23 §3.3).
fn profile_settings(f: &Features) -> Vec<Setting> {
    let mut out = Vec::new();
    if f.external_databases {
        out.push(setting(
            &["highAvailability", "enabled"],
            json!(true),
            "external databases (the HA profile)",
        ));
    }
    if f.disruption_budgets {
        out.push(setting(
            &["podDisruptionBudget", "enabled"],
            json!(true),
            "pod disruption budgets",
        ));
    }
    if !f.resources {
        out.push(setting(
            &["resourceRequirementsEnabled"],
            json!(false),
            "no resource requirements (the eval profile)",
        ));
    }
    if f.database == Some("postgresql") {
        out.push(setting(
            &["system", "database", "postgresql"],
            json!({}),
            "PostgreSQL as the system database",
        ));
    }
    if let Some(secret) = &f.s3_secret {
        out.push(setting(
            &[
                "system",
                "fileStorage",
                "simpleStorageService",
                "configurationSecretRef",
                "name",
            ],
            json!(secret),
            "files in S3",
        ));
    }
    out
}

/// Images given at install (another value than the template's default): the APIManager pins
/// them; those left at their default are left to the operator, whose defaults follow its release.
fn image_settings(facts: &Facts, warnings: &mut Vec<String>) -> Vec<Setting> {
    let database: &[&[&str]] = match Features::of(facts.template).database {
        Some("postgresql") => &[&["system", "database", "postgresql", "image"]],
        _ => &[&["system", "database", "mysql", "image"]],
    };
    let mut out = Vec::new();
    for (param, paths) in IMAGES
        .iter()
        .copied()
        .chain(std::iter::once(("SYSTEM_DATABASE_IMAGE", database)))
    {
        let Some(known) = facts.values.known(param) else {
            continue;
        };
        let default = facts
            .template
            .parameter(param)
            .and_then(|p| p.value.as_deref());
        if known.origin == Origin::Default || Some(known.value.as_str()) == default {
            continue;
        }
        if facts.target != facts.installed {
            warnings.push(format!(
                "{param}={} was given at install ({}); the APIManager pins it for operator {}: give that release's image instead",
                known.value, facts.installed, facts.target
            ));
        }
        for path in paths {
            out.push(setting(
                path,
                json!(known.value),
                &format!("{param}={}", known.value),
            ));
        }
    }
    out
}

/// The storage classes of the claims: system storage's (RWX) always written; a RWO one is
/// optional when it is the cluster's default (the operator's claim gets it too).
fn claim_settings(facts: &Facts) -> Vec<Setting> {
    let mut out = Vec::new();
    for (claim, path) in CLAIMS {
        let class = facts
            .objects
            .iter()
            .find(|o| o["kind"] == "PersistentVolumeClaim" && o["metadata"]["name"] == *claim)
            .and_then(|o| o["spec"]["storageClassName"].as_str());
        let Some(class) = class else {
            continue;
        };
        let default = matches!(&facts.default_class, Ok(Some(d)) if d == class);
        let mut s = setting(
            path,
            json!(class),
            &format!("claim {claim}'s storage class {class}"),
        );
        s.optional = *claim != "system-storage" && default;
        out.push(s);
    }
    out
}

/// The replicas the operator keeps, where they differ from its default (1).
fn replica_settings(objects: &[Value]) -> Vec<Setting> {
    REPLICAS
        .iter()
        .filter_map(|(dc, path)| {
            let live = objects
                .iter()
                .find(|o| o["kind"] == "DeploymentConfig" && o["metadata"]["name"] == *dc)?;
            let replicas = live["spec"]["replicas"].as_u64()?;
            (replicas != 1).then(|| {
                setting(
                    path,
                    json!(replicas),
                    &format!("{replicas} replicas of {dc}"),
                )
            })
        })
        .collect()
}

/// Edits by hand since the install, but those the APIManager carries: secrets (adopted as they
/// are) and the replicas the operator keeps.
fn drift_items(drift: &[Drifted]) -> Vec<Item> {
    let mut out = Vec::new();
    for d in drift.iter().filter(|d| d.kind != "Secret") {
        if d.deleted {
            out.push(Item {
                subject: d.subject(),
                what: "deleted since the install".into(),
                why: "the operator makes it again".into(),
            });
            continue;
        }
        let reconciled = d.kind == "DeploymentConfig" && REPLICAS.iter().any(|(n, _)| *n == d.name);
        for e in d
            .edits
            .iter()
            .filter(|e| !(reconciled && e.path == "spec.replicas"))
        {
            out.push(Item {
                subject: d.subject(),
                what: format!("edited by hand since the install: {e}"),
                why:
                    "the operator makes its objects from the APIManager alone: the edit is not kept"
                        .into(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::install::drift::{Edit, Found};
    use crate::operator;

    const T: &str = r#"
metadata: {name: t}
objects:
- apiVersion: apps.openshift.io/v1
  kind: DeploymentConfig
  metadata: {name: system-mysql}
  spec: {template: {spec: {containers: [{name: system-mysql, resources: {limits: {memory: 2Gi}}}]}}}
- apiVersion: apps.openshift.io/v1
  kind: DeploymentConfig
  metadata: {name: backend-redis}
- apiVersion: apps.openshift.io/v1
  kind: DeploymentConfig
  metadata: {name: apicast-production}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: system-storage}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: backend-redis-storage}
parameters:
- {name: WILDCARD_DOMAIN, required: true}
- {name: TENANT_NAME, value: "3scale"}
- {name: AMP_BACKEND_IMAGE, value: "registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.8"}
- {name: APICAST_MANAGEMENT_API, value: status}
"#;

    fn objects() -> Vec<Value> {
        vec![
            json!({"kind": "PersistentVolumeClaim", "metadata": {"name": "system-storage"}, "spec": {"storageClassName": "cephfs"}}),
            json!({"kind": "PersistentVolumeClaim", "metadata": {"name": "backend-redis-storage"}, "spec": {"storageClassName": "gp2"}}),
            json!({"kind": "DeploymentConfig", "metadata": {"name": "apicast-production"}, "spec": {"replicas": 2}}),
            json!({"kind": "DeploymentConfig", "metadata": {"name": "system-mysql"}, "spec": {"replicas": 1}}),
        ]
    }

    fn edit(path: &str, found: Found) -> Edit {
        Edit {
            path: path.into(),
            found,
        }
    }

    fn drift() -> Vec<Drifted> {
        let drifted = |kind: &str, name: &str, edits| Drifted {
            kind: kind.into(),
            name: name.into(),
            deleted: false,
            edits,
        };
        vec![
            drifted(
                "DeploymentConfig",
                "apicast-production",
                vec![
                    edit(
                        "spec.replicas",
                        Found::Edited {
                            expected: Some("1".into()),
                            found: Some("2".into()),
                        },
                    ),
                    edit(
                        "spec.template.spec.containers[name=apicast-production].env[name=FOO]",
                        Found::Added,
                    ),
                ],
            ),
            drifted(
                "Secret",
                "system-seed",
                vec![edit(
                    "data.ADMIN_PASSWORD",
                    Found::Edited {
                        expected: None,
                        found: None,
                    },
                )],
            ),
            Drifted {
                kind: "ConfigMap".into(),
                name: "redis-config".into(),
                deleted: true,
                edits: vec![],
            },
        ]
    }

    fn build_for(minor: u32) -> Built {
        let template = Template::parse(T).unwrap();
        let values = Values::from_pairs(&[
            ("WILDCARD_DOMAIN", "apps.example.com", Origin::Record),
            ("TENANT_NAME", "3scale", Origin::Default),
            (
                "AMP_BACKEND_IMAGE",
                "mirror.example.com/backend:3scale2.8",
                Origin::Record,
            ),
            ("APICAST_MANAGEMENT_API", "debug", Origin::Objects),
        ]);
        let (objects, drift) = (objects(), drift());
        let gateways = [("gw".to_string(), "gw-project".to_string())];
        let facts = Facts {
            template: &template,
            values: &values,
            objects: &objects,
            default_class: Ok(Some("gp3".into())),
            drift: &drift,
            gateways: &gateways,
            installed: Release::new(2, 8),
            target: Release::new(2, minor),
        };
        let schema = operator::release(Release::new(2, minor))
            .unwrap()
            .crd()
            .unwrap()
            .schema;
        let built = build(&facts, &schema).unwrap();
        assert_eq!(
            schema.check(&built.cr),
            Vec::<String>::new(),
            "{}",
            built.cr
        );
        built
    }

    #[test]
    fn the_install_s_settings_become_fields_where_the_release_has_them() {
        let b = build_for(8);
        assert_eq!(
            b.cr["spec"],
            json!({"wildcardDomain": "apps.example.com", "tenantName": "3scale",
                "apicast": {"managementAPI": "debug", "productionSpec": {"replicas": 2}},
                "backend": {"image": "mirror.example.com/backend:3scale2.8"},
                "system": {"fileStorage": {"persistentVolumeClaim": {"storageClassName": "cephfs"}}}})
        );
        let items: Vec<String> = b
            .not_expressible
            .iter()
            .map(|i| format!("{}: {}", i.subject, i.what))
            .collect();
        assert_eq!(
            items,
            [
                "spec.backend.redisPersistentVolumeClaim.storageClassName: claim backend-redis-storage's storage class gp2",
                "DeploymentConfig/apicast-production: edited by hand since the install: spec.template.spec.containers[name=apicast-production].env[name=FOO]  added",
                "ConfigMap/redis-config: deleted since the install",
                "gateway gw (project gw-project): a self-managed APIcast made by `gateway add`",
            ]
        );
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    }

    #[test]
    fn a_later_release_takes_the_rwo_class_and_warns_of_the_pinned_image() {
        let b = build_for(9);
        assert_eq!(
            b.cr["spec"]["backend"]["redisPersistentVolumeClaim"]["storageClassName"],
            "gp2"
        );
        assert!(
            !b.not_expressible
                .iter()
                .any(|i| i.subject.starts_with("spec.")),
            "{:?}",
            b.not_expressible
        );
        assert_eq!(b.warnings.len(), 1);
        assert!(
            b.warnings[0].starts_with(
                "AMP_BACKEND_IMAGE=mirror.example.com/backend:3scale2.8 was given at install (2.8)"
            ),
            "{:?}",
            b.warnings
        );
    }

    #[test]
    fn profiles_are_told_by_what_their_template_makes() {
        let ha = Template::parse(
            r#"
metadata: {name: ha}
objects:
- {apiVersion: policy/v1beta1, kind: PodDisruptionBudget, metadata: {name: system-app}}
- {apiVersion: v1, kind: Secret, metadata: {name: system-database}, stringData: {URL: "${SYSTEM_DATABASE_URL}"}}
- {apiVersion: v1, kind: Secret, metadata: {name: aws-auth}, stringData: {AWS_BUCKET: "${AWS_BUCKET}"}}
"#,
        )
        .unwrap();
        let f = Features::of(&ha);
        assert_eq!(
            f,
            Features {
                database: None,
                external_databases: true,
                s3_secret: Some("aws-auth".into()),
                disruption_budgets: true,
                resources: false
            }
        );
        let names: Vec<String> = profile_settings(&f)
            .iter()
            .map(|s| s.path.join("."))
            .collect();
        assert_eq!(
            names,
            [
                "highAvailability.enabled",
                "podDisruptionBudget.enabled",
                "resourceRequirementsEnabled",
                "system.fileStorage.simpleStorageService.configurationSecretRef.name"
            ]
        );
    }
}
