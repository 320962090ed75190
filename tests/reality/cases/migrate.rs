//! The ways off the 2.8 templates on every profile, with the real oc and the real repository
//! (every tag of the bundle): `export apimanager` writes an APIManager the 2.8 CRD accepts (held
//! to the CRD's own untrimmed schema here, by a check of this file's) and names the secrets
//! without a value; `upgrade plan --to 2.9.1.GA` computes the 2.8.0.GA → 2.9.1.GA hop, held to
//! the facts (research 23 §5.2, 3scale-day2-2.8.md §1f): the image defaults, the `latest` tags
//! removed, the trigger changes, `system-master-apicast` losing BASE_URL, and nothing else; an
//! object edited by hand is drift (and not expressible); and the plan works again offline,
//! from the cache, once the repository is gone. Neither command changes the cluster.

use super::common::{self, Installer, PROJECT};
use super::lifecycle;
use crate::process::Run;
use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use base64::Engine as _;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

pub const CASES: &[Case] = &[
    Case {
        name: "migrate_amp",
        needs: Needs::AnyCluster,
        run: |w| migrate(w, "amp"),
    },
    Case {
        name: "migrate_amp_postgresql",
        needs: Needs::AnyCluster,
        run: |w| migrate(w, "amp-postgresql"),
    },
    Case {
        name: "migrate_amp_s3",
        needs: Needs::AnyCluster,
        run: |w| migrate(w, "amp-s3"),
    },
    Case {
        name: "migrate_amp_eval_tech_preview",
        needs: Needs::AnyCluster,
        run: |w| migrate(w, "amp-eval-tech-preview"),
    },
    Case {
        name: "migrate_amp_ha_tech_preview",
        needs: Needs::AnyCluster,
        run: |w| migrate(w, "amp-ha-tech-preview"),
    },
];

/// The image streams whose `latest` tag the 2.9 templates drop (research 23 §5.2: nine in
/// amp.yml; the HA profile has no database or Redis streams).
const STREAMS: &[&str] = &[
    "amp-backend",
    "amp-zync",
    "amp-apicast",
    "amp-system",
    "zync-database-postgresql",
    "system-memcached",
    "system-mysql",
    "backend-redis",
    "system-redis",
];

/// The deployment configs whose image trigger moves from `<stream>:latest` to
/// `<stream>:${AMP_RELEASE}` (15 in amp.yml, 12 in the HA profile).
const TRIGGERED: &[&str] = &[
    "backend-redis",
    "system-redis",
    "backend-cron",
    "backend-listener",
    "backend-worker",
    "system-mysql",
    "system-memcache",
    "system-app",
    "system-sidekiq",
    "system-sphinx",
    "zync",
    "zync-que",
    "zync-database",
    "apicast-staging",
    "apicast-production",
];

/// What the HA profile has not: the databases run elsewhere.
const NOT_IN_HA: &[&str] = &["system-mysql", "backend-redis", "system-redis"];

/// A profile's names: the system database's stream and DC is system-postgresql in its profile.
fn of_profile(names: &[&str], profile: &str) -> BTreeSet<String> {
    names
        .iter()
        .filter(|n| !(profile == "amp-ha-tech-preview" && NOT_IN_HA.contains(n)))
        .map(|n| match (*n, profile) {
            ("system-mysql", "amp-postgresql") => "system-postgresql".to_string(),
            (n, _) => n.to_string(),
        })
        .collect()
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", run.transcript()))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// Whether `doc` passes the APIManager CRD's own schema (types, required fields) with unknown
/// fields refused; the problems found. Written here, apart from the product's check.
fn crd_problems(schema: &Value, doc: &Value, at: &str, out: &mut Vec<String>) {
    let type_ok = match schema["type"].as_str() {
        Some("object") => doc.is_object(),
        Some("string") => doc.is_string(),
        Some("boolean") => doc.is_boolean(),
        Some("integer") => doc.is_u64() || doc.is_i64(),
        Some("array") => doc.is_array(),
        _ => true,
    };
    if !type_ok {
        out.push(format!("{at}: not a {}", schema["type"]));
    }
    for r in schema["required"].as_array().into_iter().flatten() {
        if doc.get(r.as_str().unwrap()).is_none() {
            out.push(format!("{at}: {r} missing"));
        }
    }
    let Some(props) = schema["properties"].as_object() else {
        return;
    };
    for (k, v) in doc.as_object().into_iter().flatten() {
        match props.get(k) {
            Some(sub) => crd_problems(sub, v, &format!("{at}.{k}"), out),
            None => out.push(format!("{at}.{k}: unknown to the CRD")),
        }
    }
}

/// The manual steps of the 3scale 2.8 documentation with the real oc: the project, the pull
/// secret (from a file: no password in argv), the profile's file at `git_ref` with `oc new-app`.
fn install_by_hand(world: &World, repo: &Path, git_ref: &str, profile: &str) {
    let oc = |args: &[&str]| {
        let run = world.run_command(world.oc(args), None);
        run.assert_code(&[0]);
        run
    };
    let console = oc(&["whoami", "--show-console"]);
    let domain = console
        .stdout
        .trim()
        .split_once("console-openshift-console.")
        .map(|(_, d)| d.trim_end_matches('/').to_string())
        .expect("the console's address names the apps domain");
    oc(&["new-project", PROJECT]);
    let (user, password) = common::registry(world);
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    let config = world.work_dir().join("dockerconfig.json");
    std::fs::create_dir_all(world.work_dir()).unwrap();
    std::fs::write(
        &config,
        format!(r#"{{"auths":{{"registry.redhat.io":{{"auth":"{auth}"}}}}}}"#),
    )
    .unwrap();
    oc(&[
        "create",
        "secret",
        "generic",
        "threescale-registry-auth",
        "--type=kubernetes.io/dockerconfigjson",
        &format!("--from-file=.dockerconfigjson={}", config.display()),
        "-n",
        PROJECT,
    ]);
    std::fs::remove_file(&config).unwrap();
    let file = world.work_dir().join(format!("{profile}.yml"));
    let text = super::official::git(repo, &["show", &format!("{git_ref}:amp/{profile}.yml")]);
    std::fs::write(&file, text).unwrap();
    oc(&[
        "new-app",
        "--file",
        file.to_str().unwrap(),
        "--param",
        &format!("WILDCARD_DOMAIN={domain}"),
        "-n",
        PROJECT,
    ]);
}

/// The install the case starts from: the installer's, or for amp-postgresql one made by hand.
/// The secret inputs it was given.
fn install(world: &World, profile: &str, repo: &Path, url: &str) -> Vec<(String, String)> {
    let (plain, secret) = lifecycle::inputs(world, profile);
    let mut extra: Vec<&str> = vec![
        "--template",
        profile,
        "--timeout",
        "20m",
        "--templates-repo",
        url,
    ];
    extra.extend(plain.iter().map(String::as_str));
    if profile == "amp-postgresql" {
        // At 2.8.0.GA this is the 2.7 file, which the installer refuses (issue 20): the installs
        // of it out there were made by hand, as here, and the upgrade plan must take them on.
        install_by_hand(world, repo, "2.8.0.GA", profile);
    } else {
        let mut installer = Installer::new(world, &extra);
        for (k, v) in &secret {
            installer = installer.env(k, v);
        }
        installer.run().assert_code(&[0]);
    }
    secret
}

fn migrate(world: &World, profile: &str) {
    if world.is_simulated() {
        world.start_sim(Scenario::named("happy").speed(60.0));
    }
    // A repository of this case's own (every tag of the bundle): it goes away at the end.
    let source = world
        .templates_url()
        .trim_start_matches("file://")
        .to_string();
    let repo = world.dir().join("templates.git");
    copy_dir(Path::new(&source), &repo);
    let url = format!("file://{}", repo.display());
    let secret = install(world, profile, &repo, &url);
    let secrets: Vec<(&str, &str)> = secret
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let scan = common::secrets_of(world, PROJECT, &secrets);
    let since = world.simulator().map(|s| s.last_seq());

    let export = world.run([
        "export",
        "apimanager",
        "-o",
        "json",
        "--templates-repo",
        &url,
    ]);
    export.assert_code(&[0]);
    let doc = json(&export);
    check_export(world, profile, &doc);
    let yaml = world.run(["export", "apimanager", "--templates-repo", &url]);
    yaml.assert_code(&[0]);
    let cr: Value = serde_yaml::from_str(&yaml.stdout).expect("the YAML is the APIManager");
    assert_eq!(
        cr, doc["apimanager"],
        "YAML and JSON write the same APIManager"
    );

    let plan = world.run([
        "upgrade",
        "plan",
        "--to",
        "2.9.1.GA",
        "-o",
        "json",
        "--templates-repo",
        &url,
    ]);
    plan.assert_code(&[0]);
    let p = json(&plan);
    let hops = p["hops"].as_array().unwrap();
    check_2_9_hop(profile, hops.last().unwrap());
    if profile == "amp-postgresql" {
        check_2_7_hop(&p);
    } else {
        assert_eq!(hops.len(), 1, "{p}");
    }
    assert_eq!(
        p["drift"],
        serde_json::json!([]),
        "an untouched install has no drift"
    );

    assert_no_writes(world, since);
    let mut runs = vec![export, yaml, plan];
    if profile == "amp" {
        runs.extend(drift_and_offline(world, &url, &repo, &p));
    }
    let refs: Vec<&Run> = runs.iter().collect();
    common::assert_no_leak(world, &scan, &refs);
}

/// No request since `since` changed the cluster (simulator only: it keeps the request log),
/// but the case's own `oc set env` (logged once its answer is sent: maybe after `since`).
fn assert_no_writes(world: &World, since: Option<u64>) {
    if let (Some(sim), Some(since)) = (world.simulator(), since) {
        let mut writes = sim.mutating_requests(since);
        writes.retain(|r| !r.query.contains("fieldManager=kubectl-set"));
        assert!(
            writes.is_empty(),
            "export and plan changed the cluster: {writes:?}"
        );
    }
}

/// The secrets the operator adopts are listed by name and keys.
fn check_adopted_secrets(doc: &Value) {
    let names: Vec<&str> = doc["secrets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    for name in [
        "system-seed",
        "system-database",
        "system-master-apicast",
        "zync",
        "backend-redis",
        "system-redis",
    ] {
        assert!(names.contains(&name), "{name} not listed: {names:?}");
    }
    let seed = doc["secrets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "system-seed")
        .unwrap();
    assert!(seed["keys"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("ADMIN_PASSWORD")));
}

/// What each profile puts in the resource, and what must be done before creating it.
fn check_profile_fields(world: &World, profile: &str, doc: &Value) {
    let spec = &doc["apimanager"]["spec"];
    let blocking = doc["before_creating"].to_string();
    match profile {
        "amp-postgresql" => {
            assert_eq!(
                spec["system"]["database"]["postgresql"],
                serde_json::json!({})
            );
            assert!(blocking.contains("ConfigMap/smtp"), "{blocking}");
        }
        "amp-s3" => {
            assert_eq!(
                spec["system"]["fileStorage"]["simpleStorageService"]["configurationSecretRef"]
                    ["name"],
                "aws-auth"
            );
            let aws = doc["secrets"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["name"] == "aws-auth")
                .expect("aws-auth");
            assert_eq!(aws["role"], "read");
        }
        "amp-eval-tech-preview" => assert_eq!(spec["resourceRequirementsEnabled"], false),
        "amp-ha-tech-preview" => {
            assert_eq!(
                (
                    spec["highAvailability"]["enabled"].as_bool(),
                    spec["podDisruptionBudget"]["enabled"].as_bool()
                ),
                (Some(true), Some(true))
            );
            for (component, field) in [
                ("apicast", "productionSpec"),
                ("backend", "cronSpec"),
                ("system", "appSpec"),
                ("zync", "queSpec"),
            ] {
                assert_eq!(
                    spec[component][field]["replicas"], 2,
                    "{component}.{field}: {spec}"
                );
            }
            let bus = common::secret_data(world, PROJECT, "system-redis").unwrap_or_default();
            let empty = bus
                .iter()
                .find(|(k, _)| k == "MESSAGE_BUS_URL")
                .is_none_or(|(_, v)| v.is_empty());
            assert_eq!(empty, blocking.contains("MESSAGE_BUS_URL"), "{blocking}");
        }
        _ => assert_eq!(blocking, "[]"),
    }
}

fn check_export(world: &World, profile: &str, doc: &Value) {
    let full: Value = serde_json::from_str(include_str!(
        "../../support/fixtures/operator/apimanager-3scale-2.8.0-GA.crd-schema.json"
    ))
    .unwrap();
    let cr = &doc["apimanager"];
    let mut problems = Vec::new();
    crd_problems(&full, cr, "", &mut problems);
    assert!(
        problems.is_empty(),
        "the 2.8 CRD refuses it: {problems:?}\n{cr}"
    );
    let spec = &cr["spec"];
    assert_eq!(spec["tenantName"], "3scale");
    assert!(spec["wildcardDomain"]
        .as_str()
        .is_some_and(|d| !d.is_empty()));
    check_adopted_secrets(doc);
    check_profile_fields(world, profile, doc);
    if profile != "amp-s3" {
        assert!(
            spec["system"]["fileStorage"]["persistentVolumeClaim"]["storageClassName"].is_string(),
            "{spec}"
        );
    }
}

/// The objects the hop to 2.9.1.GA changes: the streams lose `latest`, the triggers follow
/// AMP_RELEASE, system-master-apicast loses BASE_URL.
fn check_2_9_objects(profile: &str, hop: &Value) {
    let mut found = BTreeSet::new();
    for o in hop["objects_changed"].as_array().unwrap() {
        let (kind, name) = (o["kind"].as_str().unwrap(), o["name"].as_str().unwrap());
        let fields: Vec<String> = o["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f["path"].as_str().unwrap(),
                    f["change"].as_str().unwrap()
                )
            })
            .collect();
        let expected = match kind {
            "ImageStream" => "spec.tags[name=latest] removed",
            "DeploymentConfig" => {
                let f = &o["fields"][0];
                let stream = f["from"].as_str().unwrap().trim_end_matches(":latest");
                assert_eq!(
                    f["to"].as_str().unwrap(),
                    format!("{stream}:${{AMP_RELEASE}}"),
                    "{o}"
                );
                "spec.triggers[type=ImageChange].imageChangeParams.from.name changed"
            }
            _ => "stringData.BASE_URL removed",
        };
        assert_eq!(fields, [expected], "{kind}/{name}: {o}");
        found.insert(format!("{kind}/{name}"));
    }
    let mut expected: BTreeSet<String> = of_profile(STREAMS, profile)
        .iter()
        .map(|s| format!("ImageStream/{s}"))
        .collect();
    expected.extend(
        of_profile(TRIGGERED, profile)
            .iter()
            .map(|d| format!("DeploymentConfig/{d}")),
    );
    expected.insert("Secret/system-master-apicast".into());
    assert_eq!(found, expected, "the changed objects of {profile}");
}

/// The hop to 2.9.1.GA, held to the facts: six parameter defaults, the `latest` tags, the
/// triggers, BASE_URL; nothing else.
fn check_2_9_hop(profile: &str, hop: &Value) {
    assert_eq!(hop["to_ref"], "2.9.1.GA");
    assert_eq!(
        (hop["params_added"].clone(), hop["params_removed"].clone()),
        (serde_json::json!([]), serde_json::json!([]))
    );
    let params: BTreeSet<String> = hop["params_changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {} {}",
                c["name"].as_str().unwrap(),
                c["what"].as_str().unwrap(),
                c["to"].as_str().unwrap()
            )
        })
        .collect();
    let apicast = "registry.redhat.io/3scale-amp2/apicast-gateway-rhel8:3scale2.9";
    let expected: BTreeSet<String> = [
        "AMP_RELEASE default 2.9".to_string(),
        "AMP_BACKEND_IMAGE default registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.9".into(),
        "AMP_ZYNC_IMAGE default registry.redhat.io/3scale-amp2/zync-rhel7:3scale2.9".into(),
        format!("AMP_APICAST_IMAGE default {apicast}"),
        "AMP_SYSTEM_IMAGE default registry.redhat.io/3scale-amp2/system-rhel7:3scale2.9".into(),
        "MEMCACHED_IMAGE default registry.redhat.io/3scale-amp2/memcached-rhel7:3scale2.9".into(),
    ]
    .into_iter()
    .collect();
    assert_eq!(params, expected);
    assert_eq!(
        (hop["objects_added"].clone(), hop["objects_removed"].clone()),
        (serde_json::json!([]), serde_json::json!([]))
    );
    check_2_9_objects(profile, hop);
    let rollouts: BTreeSet<String> = hop["rollouts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rollouts, of_profile(TRIGGERED, profile));
    assert!(
        hop["images"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i == apicast),
        "{}",
        hop["images"]
    );
    assert_eq!(hop["backup"]["required"], true);
}

/// amp-postgresql at 2.8.0.GA is the 2.7 file (research 23 §6): its first hop is to the 2.8
/// file of 2.8-stable, commit aa43e67.
fn check_2_7_hop(plan: &Value) {
    assert_eq!(plan["installed"], "2.7", "{plan}");
    let hop = &plan["hops"][0];
    assert_eq!(hop["to_ref"], "aa43e670ca27c983682659524a025dba9043932f");
    assert_eq!(
        hop["objects_added"],
        serde_json::json!(["Secret/system-smtp"])
    );
    assert_eq!(
        hop["objects_removed"],
        serde_json::json!(["ConfigMap/smtp"])
    );
    let changed: Vec<&str> = hop["objects_changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(changed, ["system-app", "system-sidekiq"]);
    assert!(
        plan["notes"][0]
            .as_str()
            .unwrap()
            .contains("amp/amp-postgresql.yml there installs 2.7"),
        "{}",
        plan["notes"]
    );
}

/// An object edited with oc is drift and not expressible; then the repository goes, and the
/// plan is made again from the cache.
fn drift_and_offline(world: &World, url: &str, repo: &Path, before: &Value) -> Vec<Run> {
    let edit = world.run_command(
        world.oc([
            "set",
            "env",
            "dc/system-app",
            "-c",
            "system-master",
            "FOO=bar",
            "-n",
            PROJECT,
        ]),
        None,
    );
    edit.assert_code(&[0]);
    let since = world.simulator().map(|s| s.last_seq());
    let plan = world.run([
        "upgrade",
        "plan",
        "--to",
        "2.9.1.GA",
        "-o",
        "json",
        "--templates-repo",
        url,
    ]);
    plan.assert_code(&[0]);
    let p = json(&plan);
    let drift = p["drift"].as_array().unwrap();
    assert_eq!(drift.len(), 1, "{}", p["drift"]);
    assert_eq!(
        (drift[0]["kind"].as_str(), drift[0]["name"].as_str()),
        (Some("DeploymentConfig"), Some("system-app"))
    );
    assert_eq!(
        drift[0]["edits"][0]["path"],
        "spec.template.spec.containers[name=system-master].env[name=FOO]"
    );
    assert_eq!(drift[0]["rewritten_by_hops"], serde_json::json!([1]));
    let export = world.run([
        "export",
        "apimanager",
        "-o",
        "json",
        "--templates-repo",
        url,
    ]);
    export.assert_code(&[0]);
    let items = json(&export)["not_expressible"].to_string();
    assert!(
        items.contains("DeploymentConfig/system-app") && items.contains("env[name=FOO]"),
        "{items}"
    );

    std::fs::remove_dir_all(repo).unwrap();
    let offline = world.run([
        "upgrade",
        "plan",
        "--to",
        "2.9.1.GA",
        "-o",
        "json",
        "--templates-repo",
        url,
    ]);
    offline.assert_code(&[0]);
    assert!(
        !offline.stderr.contains("(fetched)"),
        "{}",
        offline.transcript()
    );
    assert_eq!(
        json(&offline)["hops"],
        before["hops"],
        "the same plan from the cache"
    );
    assert_no_writes(world, since);
    vec![edit, plan, export, offline]
}
