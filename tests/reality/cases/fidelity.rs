//! Issue 20 against the real oc, the simulator and the real repository: the release of every
//! profile at every ref, amp-postgresql at 2.8.0.GA refused with its fix and installed from
//! 2.8-stable, a repository whose amp.yml binds cluster-admin to everyone refused before any
//! change (an identical mirror installs silently, a harmless change installs named "modified"),
//! the values the cluster and 3scale refuse, a second install on the hosts of a first, the
//! external databases' rules, and verify trusting the cluster's published ingress CA.

use super::common::{self, Installer, PROJECT};
use super::official::{git, repo};
use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const CASES: &[Case] = &[
    Case {
        name: "release_of_every_profile_at_every_ref",
        needs: Needs::AnyCluster,
        run: release_of_every_ref,
    },
    Case {
        name: "postgresql_at_the_tag_is_refused_and_2_8_stable_installs_2_8",
        needs: Needs::AnyCluster,
        run: postgresql_at_the_tag,
    },
    Case {
        name: "the_wizard_offers_2_8_stable_and_refuses_localhost",
        needs: Needs::Simulator,
        run: wizard_offers_the_fix,
    },
    Case {
        name: "a_repository_binding_cluster_admin_is_refused_a_mirror_installs",
        needs: Needs::Simulator,
        run: modified_repositories,
    },
    Case {
        name: "values_the_cluster_and_3scale_refuse_are_refused",
        needs: Needs::AnyCluster,
        run: bad_values,
    },
    Case {
        name: "a_second_install_on_the_hosts_of_a_first_is_refused",
        needs: Needs::AnyCluster,
        run: claimed_hosts,
    },
    Case {
        name: "external_databases_follow_3scale_2_8_s_rules",
        needs: Needs::Simulator,
        run: external_databases,
    },
    Case {
        name: "verify_trusts_the_cluster_s_ingress_ca_when_readable",
        needs: Needs::Simulator,
        run: verify_with_the_cluster_ca,
    },
];

/// No change reached the cluster since `since` (the simulator's log), and no mutating oc ran.
#[track_caller]
fn unchanged(world: &World, since: u64, argv_before: usize) {
    if let Some(sim) = world.simulator() {
        let writes = sim.mutating_requests(since);
        assert!(
            writes.is_empty(),
            "the cluster changed:\n{}",
            writes
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    let mutating = [
        "new-project",
        "create",
        "apply",
        "replace",
        "delete",
        "new-app",
    ];
    let ran: Vec<Vec<String>> = common::calls_since(world, argv_before)
        .into_iter()
        .filter(|argv| argv.first().is_some_and(|v| mutating.contains(&v.as_str())))
        .collect();
    assert!(ran.is_empty(), "mutating oc commands ran: {ran:?}");
}

fn since(world: &World) -> (u64, usize) {
    (
        world.simulator().map(|s| s.last_seq()).unwrap_or(0),
        world.argv_log().len(),
    )
}

/// `threescale-install render release DIR --ref REF` for every tag and branch of the
/// repository: only the files the research names install another release than their ref's, and
/// the blob ids the installer computes are git's.
fn release_of_every_ref(world: &World) {
    let repo = repo(world);
    let refs: Vec<String> = git(
        &repo,
        &[
            "for-each-ref",
            "--format=%(refname:short)",
            "refs/tags",
            "refs/heads",
        ],
    )
    .lines()
    .map(str::to_string)
    .collect();
    assert!(refs.len() > 20, "{refs:?}");
    let mut wrong = Vec::new();
    for r in &refs {
        let dir = world.work_dir().join("refs").join(r.replace('/', "_"));
        extract(&repo, r, &dir);
        let run = world.run(["render", "release", dir.to_str().unwrap(), "--ref", r]);
        run.assert_code(&[0]);
        let doc: Value = serde_json::from_str(&run.stdout).expect("render release prints JSON");
        let blobs: Vec<(String, String)> = git(&repo, &["ls-tree", "-r", r])
            .lines()
            .filter_map(|l| {
                let (meta, path) = l.split_once('\t')?;
                Some((
                    path.to_string(),
                    meta.split_whitespace().nth(2)?.to_string(),
                ))
            })
            .collect();
        for f in doc["files"].as_array().unwrap() {
            let path = f["path"].as_str().unwrap();
            let git_blob = blobs
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, b)| b.as_str());
            assert_eq!(f["blob"].as_str(), git_blob, "{r} {path}");
            if !f["mismatches"].as_array().unwrap().is_empty() {
                wrong.push(format!(
                    "{r} {path} {} fix {}",
                    f["installs"], f["fix"]["ref"]
                ));
            }
        }
        if ["2.8.0.GA", "2.8.1.GA", "2.8-stable"].contains(&r.as_str()) {
            for f in doc["files"].as_array().unwrap() {
                assert!(f["identity"]["official"].is_array(), "{r}: {f}");
            }
        }
    }
    wrong.sort();
    assert_eq!(
        wrong,
        [
            // The research (20-fidelity §1.2): the image streams' latest still followed 2.2.0.GA.
            "2.3.0.GA 3scale-image-streams.yml [\"2.2\"] fix null",
            // The 2.7 postgresql file; 2.8.1.GA is the same commit.
            "2.8.0.GA amp/amp-postgresql.yml [\"2.7\"] fix \"2.8-stable\"",
            "2.8.1.GA amp/amp-postgresql.yml [\"2.7\"] fix \"2.8-stable\"",
            // A branch off 2.8.0.GA (its amp.yml says 2.8): the same postgresql file.
            "Fix-THREESCALE-3847 amp/amp-postgresql.yml [\"2.7\"] fix \"2.8-stable\"",
            // A branch named for 2.8 that only bumped the Oracle notes on top of 2.7.0.GA:
            // every file there installs 2.7.
            "oracle-2.8 3scale-image-streams.yml [\"2.7\"] fix null",
            "oracle-2.8 amp/amp-eval-tech-preview.yml [\"2.7\"] fix null",
            "oracle-2.8 amp/amp-ha-tech-preview.yml [\"2.7\"] fix null",
            "oracle-2.8 amp/amp-postgresql.yml [\"2.7\"] fix \"2.8-stable\"",
            "oracle-2.8 amp/amp-s3.yml [\"2.7\"] fix null",
            "oracle-2.8 amp/amp.yml [\"2.7\"] fix null",
            "oracle-2.8 apicast-gateway/apicast.yml [\"2.7\"] fix null",
            "oracle-2.8 apicast-gateway/library/apicast.yml [\"2.7\"] fix null",
        ]
    );
}

fn extract(repo: &Path, r: &str, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let archive = Command::new("git")
        .arg("--git-dir")
        .arg(repo)
        .args(["archive", "--format=tar", r])
        .output()
        .unwrap();
    assert!(archive.status.success(), "git archive {r}");
    let mut tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(dir)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    tar.stdin
        .take()
        .unwrap()
        .write_all(&archive.stdout)
        .unwrap();
    assert!(tar.wait().unwrap().success());
}

/// The 3scale images the template's image streams import (the installer's own
/// `apicast-gateway` stream, of every release since 2.1, left out).
fn imported_images(world: &World) -> Vec<String> {
    common::list(world, "imagestreams.image.openshift.io", PROJECT)
        .iter()
        .filter(|s| s["metadata"]["name"] != "apicast-gateway")
        .flat_map(|s| s["spec"]["tags"].as_array().cloned().unwrap_or_default())
        .filter(|t| t["from"]["kind"] == "DockerImage")
        .filter_map(|t| t["from"]["name"].as_str().map(str::to_string))
        .filter(|i| i.contains("3scale-amp2/"))
        .collect()
}

fn postgresql_at_the_tag(world: &World) {
    let (seq, argv) = since(world);
    let run = Installer::new(world, &["--template", "amp-postgresql", "--no-wait"]).run();
    run.assert_code(&[2]);
    for e in [
        "profile amp-postgresql (amp/amp-postgresql.yml) installs 3scale 2.7, not 2.8 as the ref 2.8.0.GA names",
        "AMP_SYSTEM_IMAGE=registry.redhat.io/3scale-amp2/system-rhel7:3scale2.7",
        "this file is the one of 2.7.0.GA, 2.7.1.GA",
        "pass --templates-ref 2.8-stable",
    ] {
        assert!(run.stderr.contains(e), "{e:?} missing:\n{}", run.transcript());
    }
    unchanged(world, seq, argv);
    // The fix taken: 3scale 2.8's images, the official 2.8-stable file, nothing "modified".
    let run = Installer::new(
        world,
        &[
            "--template",
            "amp-postgresql",
            "--templates-ref",
            "2.8-stable",
            "--no-wait",
        ],
    )
    .run();
    run.assert_code(&[0]);
    assert!(!run.stderr.contains("modified"), "{}", run.transcript());
    let images = imported_images(world);
    assert!(!images.is_empty(), "{}", run.transcript());
    for image in &images {
        assert!(image.ends_with(":3scale2.8"), "{image} in {images:?}");
    }
    assert!(
        images.iter().any(|i| i.contains("apicast-gateway-rhel8")),
        "{images:?}"
    );
}

fn wizard_offers_the_fix(world: &World) {
    use crate::pty::{Pty, Size, DOWN};
    world.start_sim(Scenario::named("happy").speed(60.0));
    let (seq, argv) = since(world);
    let (user, password) = common::registry(world);
    let mut cmd = world.installer([
        "--template",
        "amp-postgresql",
        "--templates-ref",
        "2.8.0.GA",
        "--project",
        PROJECT,
        "--display-name",
        "3scale",
        "--rwx-storage-class",
        "ocs-storagecluster-cephfs",
        "--registry-server",
        "registry.redhat.io",
        "--registry-username",
        &user,
        "--no-wait",
    ]);
    cmd.env("THREESCALE_REGISTRY_PASSWORD", &password)
        .env("THREESCALE_NO_VERIFY", "1");
    let mut t = Pty::start(&cmd, Size::WINDOW);
    t.answer("Install on this cluster?", "y\r");
    t.wait_for("does not install 3scale 2.8");
    t.answer("Use the templates of 2.8-stable instead?", "\r");
    t.answer("Customize template parameters?", "n\r");
    t.wait_for("What now?");
    let screen = t.contents();
    assert!(screen.contains("at 2.8-stable"), "{screen}");
    // The cluster's apps domain is known; changed at the summary, a single label is refused.
    t.send(&format!("{DOWN}\r")); // Change a value
                                  // Templates, Install profile, Project, Display name, Storage class, Wildcard domain
    t.answer("Change which value?", &format!("{}\r", DOWN.repeat(5)));
    t.answer("Wildcard domain of the routes", "localhost\r");
    t.wait_for("single label");
    t.send("apps.ocp4.example.com\r");
    // Cancel: the summary was of the 2.8-stable templates, and nothing changed.
    t.answer("What now?", &format!("{DOWN}{DOWN}\r"));
    let code = t.finish();
    assert_eq!(code, 0, "{}", t.contents());
    unchanged(world, seq, argv);
}

/// A working clone of the repository at 2.8.0.GA, changed by `edit` in amp/amp.yml, committed
/// and tagged `tag`: its `file://` URL.
fn changed_repository(
    world: &World,
    name: &str,
    tag: &str,
    edit: impl FnOnce(String) -> String,
) -> String {
    let dir = world.work_dir().join(name);
    let run = |args: &[&str]| {
        let out = Command::new("git")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@localhost",
                "-c",
                "commit.gpgSign=false",
            ])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["clone", "-q", world.templates_url(), dir.to_str().unwrap()]);
    let d = dir.to_str().unwrap();
    run(&["-C", d, "checkout", "-q", "2.8.0.GA"]);
    let file = dir.join("amp/amp.yml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, edit(text)).unwrap();
    run(&["-C", d, "commit", "-qam", "changed amp.yml"]);
    run(&["-C", d, "tag", tag]);
    format!("file://{}", dir.display())
}

const BINDING: &str = "- apiVersion: API
  kind: ClusterRoleBinding
  metadata:
    name: everyone-admin
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: cluster-admin
  subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:authenticated
";

fn with_binding(api: &str) -> impl FnOnce(String) -> String + '_ {
    move |t| {
        t.replacen(
            "objects:\n",
            &format!("objects:\n{}", BINDING.replace("API", api)),
            1,
        )
    }
}

fn install_from(world: &World, url: &str, tag: &str, extra: &[&str]) -> crate::process::Run {
    let mut args = vec!["--templates-repo", url, "--templates-ref", tag, "--no-wait"];
    args.extend(extra);
    Installer::new(world, &args).run()
}

fn modified_repositories(world: &World) {
    world.start_sim(Scenario::named("happy").speed(60.0));
    // A ClusterRoleBinding to cluster-admin for every authenticated user: refused, named.
    let evil = changed_repository(
        world,
        "evil",
        "2.8.0-evil",
        with_binding("rbac.authorization.k8s.io/v1"),
    );
    let (seq, argv) = since(world);
    let run = install_from(world, &evil, "2.8.0-evil", &[]);
    run.assert_code(&[2]);
    for e in [
        "clusterrolebinding/everyone-admin (a cluster-scoped ClusterRoleBinding: it lives outside any project; binds ClusterRole cluster-admin; to group system:authenticated)",
        "--allow-outside-project",
        "amp/amp.yml is modified",
        "objects added: clusterrolebinding/everyone-admin",
    ] {
        assert!(run.stderr.contains(e), "{e:?} missing:\n{}", run.transcript());
    }
    unchanged(world, seq, argv);
    // The same under OpenShift's own RBAC group, allowed: the permission preflight now asks
    // for it (it was taken for a namespaced kind and never asked), and the developer may not.
    let legacy = changed_repository(
        world,
        "legacy",
        "2.8.0-legacy",
        with_binding("authorization.openshift.io/v1"),
    );
    let (seq, argv) = since(world);
    let run = install_from(world, &legacy, "2.8.0-legacy", &["--allow-outside-project"]);
    run.assert_code(&[3]);
    assert!(
        run.stderr
            .contains("create clusterrolebindings.rbac.authorization.k8s.io")
            && run
                .stderr
                .contains("bind clusterroles.rbac.authorization.k8s.io/cluster-admin"),
        "{}",
        run.transcript()
    );
    unchanged(world, seq, argv);
    // An identical mirror (another URL, the same bytes) installs silently.
    let mirror = world.work_dir().join("mirror.git");
    let out = Command::new("git")
        .args([
            "clone",
            "-q",
            "--bare",
            world.templates_url(),
            mirror.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let run = install_from(
        world,
        &format!("file://{}", mirror.display()),
        "2.8.0.GA",
        &[],
    );
    run.assert_code(&[0]);
    assert!(
        !run.stderr.contains("template-files") && !run.stderr.contains("modified"),
        "{}",
        run.transcript()
    );
    // A harmless change installs, named "modified" in the plan.
    common::command(world, &["uninstall", "--yes", "--delete-project"]).assert_code(&[0]);
    let harmless = changed_repository(world, "harmless", "2.8.0-notes", |t| {
        t.replacen("objects:\n", "objects:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: site-notes\n  data:\n    owner: platform-team\n", 1)
    });
    let run = install_from(
        world,
        &harmless,
        "2.8.0-notes",
        &["--project", "3scale-notes"],
    );
    run.assert_code(&[0]);
    assert!(
        run.stderr.contains("warning: template-files: amp/amp.yml is modified: it is not the official file of 2.8.0.GA, 2.8.1.GA, 2.8-stable")
            && run.stderr.contains("objects added: configmap/site-notes"),
        "{}",
        run.transcript()
    );
}

fn bad_values(world: &World) {
    for (args, expected) in [
        (
            &["--param", "TENANT_NAME=Bad_Name!"][..],
            "TENANT_NAME 'Bad_Name!' cannot be part of a host name",
        ),
        (
            &["--param", "ADMIN_EMAIL=not-an-email"][..],
            "ADMIN_EMAIL 'not-an-email' is not an e-mail address 3scale accepts",
        ),
        (
            &["--wildcard-domain", "10.1.2.3"][..],
            "it is an IP address",
        ),
        (&["--wildcard-domain", "com"][..], "'com' is a single label"),
    ] {
        let (seq, argv) = since(world);
        let run = Installer::new(world, args).run();
        run.assert_code(&[2]);
        assert!(
            run.stderr.contains(expected),
            "{expected:?} missing:\n{}",
            run.transcript()
        );
        unchanged(world, seq, argv);
    }
}

fn claimed_hosts(world: &World) {
    Installer::new(world, &["--no-wait"])
        .run()
        .assert_code(&[0]);
    let (seq, argv) = since(world);
    let run = Installer::new(world, &["--no-wait", "--project", "3scale-second"]).run();
    run.assert_code(&[2]);
    let domain = common::list(world, "routes.route.openshift.io", PROJECT)
        .iter()
        .find(|r| r["metadata"]["name"] == "backend")
        .and_then(|r| r["spec"]["host"].as_str().map(str::to_string))
        .expect("the first install's backend route");
    assert!(
        run.stderr.contains(&format!(
            "{domain} (route backend) is held by route backend in project {PROJECT}"
        )),
        "{}",
        run.transcript()
    );
    unchanged(world, seq, argv);
}

fn external_databases(world: &World) {
    world.start_sim(Scenario::named("happy").speed(60.0));
    bad_redis_urls_are_refused(world);
    // The system database's TLS options reach its secret untouched; the plan shows the URL
    // with only its password masked.
    let (installer, urls) = ha(world, &[]);
    let (user, _) = common::registry(world);
    let mut plan = world.installer([
        "plan",
        "--template",
        "amp-ha-tech-preview",
        "--registry-username",
        &user,
    ]);
    for (k, v) in &installer.env {
        plan.env(k, v);
    }
    let shown = world.run_command(plan, None);
    shown.assert_code(&[0]);
    assert!(
        shown.stdout.contains("# Parameter SYSTEM_DATABASE_URL=postgresql://system:••••••@pg.example.internal:5432/system?sslmode=verify-full&sslrootcert=/etc/pki/db-ca.pem"),
        "{}",
        shown.transcript()
    );
    installer.run().assert_code(&[0]);
    let secret = common::secret_data(world, PROJECT, "system-database").expect("system-database");
    let url = secret
        .iter()
        .find(|(k, _)| k == "URL")
        .map(|(_, v)| v.clone());
    assert_eq!(url.as_deref(), Some(urls[0].1.as_str()));
    let secrets: Vec<(&str, &str)> = urls.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let scan = common::secrets_of(world, PROJECT, &secrets);
    common::assert_no_leak(world, &scan, &[&shown]);
}

/// Each Redis URL 3scale 2.8 cannot use is refused before any change, its password unshown.
fn bad_redis_urls_are_refused(world: &World) {
    for (extra, expected) in [
        (
            (
                "SYSTEM_REDIS_URL",
                "rediss://:sysRedisPassw0rd@cache-3scale.redis.cache.windows.net:6380/1",
            ),
            "non-TLS port 6379",
        ),
        (
            (
                "BACKEND_REDIS_STORAGE_ENDPOINT",
                "redis://:sysRedisPassw0rd@system-redis.example.internal:6379/2",
            ),
            "are the same Redis instance",
        ),
        (
            (
                "BACKEND_REDIS_QUEUES_ENDPOINT",
                "redis://:beRedisPassw0rd@backend-redis.example.internal:6379/0",
            ),
            "must be distinct databases",
        ),
        (
            (
                "BACKEND_REDIS_STORAGE_ENDPOINT",
                "redis://clustercfg.be.abc123.use1.cache.amazonaws.com:6379/0",
            ),
            "does not support Redis Cluster mode",
        ),
    ] {
        let (seq, argv) = since(world);
        let (installer, _) = ha(world, &[extra]);
        let run = installer.run();
        run.assert_code(&[2]);
        assert!(
            run.stderr.contains(expected),
            "{expected:?} missing:\n{}",
            run.transcript()
        );
        assert!(
            !run.stderr.contains("sysRedisPassw0rd"),
            "{}",
            run.transcript()
        );
        unchanged(world, seq, argv);
    }
}

/// An HA install with external databases: these URLs, `extra` replacing any of the same name.
fn ha<'w>(world: &'w World, extra: &[(&str, &str)]) -> (Installer<'w>, Vec<(String, String)>) {
    let mut urls: Vec<(String, String)> = [
        ("SYSTEM_DATABASE_URL", "postgresql://system:db-Passw0rd-x@pg.example.internal:5432/system?sslmode=verify-full&sslrootcert=/etc/pki/db-ca.pem"),
        ("SYSTEM_REDIS_URL", "redis://:sysRedisPassw0rd@system-redis.example.internal:6379/1"),
        ("BACKEND_REDIS_STORAGE_ENDPOINT", "redis://:beRedisPassw0rd@backend-redis.example.internal:6379/0"),
        ("BACKEND_REDIS_QUEUES_ENDPOINT", "redis://:beRedisPassw0rd@backend-redis.example.internal:6379/1"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in extra {
        urls.retain(|(n, _)| n != k);
        urls.push((k.to_string(), v.to_string()));
    }
    let mut i = Installer::new(world, &["--template", "amp-ha-tech-preview", "--no-wait"]);
    for (k, v) in &urls {
        i = i.env(&format!("THREESCALE_PARAM_{k}"), v);
    }
    (i, urls)
}

/// The happy scenario, the cluster's ingress CA being the fake 3scale's, readable by all or not.
fn scenario_with_ca(ca: &Path) -> Scenario {
    let server =
        PathBuf::from(std::env::var("THREESCALE_REALITY_SIMULATOR").expect("simulator mode"));
    let file = server.parent().unwrap().join("scenarios/happy.json");
    let mut scenario: Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    scenario["name"] = json!("ingress-ca");
    scenario["cluster"]["ingress_ca_file"] = json!(ca);
    Scenario::json(scenario).speed(60.0)
}

fn verify_with_the_cluster_ca(world: &World) {
    use fake_3scale::{Config, Proxy, Server};
    let (admin_token, master_token) = ("adminTokenForVerify0001", "masterTokenForVerify0001");
    let server = Server::start(
        Config::new("apps.ocp4.example.com")
            .admin_access_token(admin_token)
            .master_access_token(master_token),
    );
    let proxy = Proxy::start(server.port());
    let sim = world.start_sim(scenario_with_ca(server.ca_pem_path()));
    // A cluster admin may read default-ingress-cert: the install ends with verify passing, and
    // no --ca-file was given.
    let mut install = Installer::new(world, &["--timeout", "20m"])
        .env("THREESCALE_PARAM_ADMIN_ACCESS_TOKEN", admin_token)
        .env("THREESCALE_PARAM_MASTER_ACCESS_TOKEN", master_token)
        .env("HTTPS_PROXY", &proxy.url())
        .env("NO_PROXY", "")
        .env(
            "KUBECONFIG",
            sim.kubeconfig_for("kube:admin").to_str().unwrap(),
        );
    install.env.retain(|(k, _)| k != "THREESCALE_NO_VERIFY");
    let run = install.run();
    run.assert_code(&[0]);
    assert!(
        run.stderr.contains("the certificate is trusted (with the cluster's ingress CA from openshift-config-managed/default-ingress-cert, trusted for the hosts under apps.ocp4.example.com)"),
        "{}",
        run.transcript()
    );
    // The developer, made admin of the project, may not read it (real OpenShift: cluster
    // admins only): today's hint, and why the cluster's CA was not used.
    let mut grant = world.oc([
        "create",
        "rolebinding",
        "developer-admin",
        "--clusterrole=admin",
        "--user=developer",
        "-n",
        PROJECT,
    ]);
    grant.env("KUBECONFIG", sim.kubeconfig_for("kube:admin"));
    world.run_command(grant, None).assert_code(&[0]);
    let mut cmd = world.installer(["verify", "-o", "json"]);
    cmd.env("HTTPS_PROXY", proxy.url()).env("NO_PROXY", "");
    let verify = world.run_command(cmd, None);
    verify.assert_code(&[6]);
    let doc: Value = serde_json::from_str(&verify.stdout).expect("verify JSON");
    let tls = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "tls")
        .unwrap();
    let detail = tls["detail"].as_str().unwrap();
    assert!(
        detail.contains("the cluster's ingress CA was not used: you may not read openshift-config-managed/default-ingress-cert")
            && tls["help"].as_str().unwrap().contains("--ca-file"),
        "{tls}"
    );
    // --ca-file keeps its meaning.
    let ca = server.ca_pem_path().display().to_string();
    let mut cmd = world.installer(["verify", "--ca-file", &ca]);
    cmd.env("HTTPS_PROXY", proxy.url()).env("NO_PROXY", "");
    world.run_command(cmd, None).assert_code(&[0]);
    let scan = common::secrets_of(world, PROJECT, &[]);
    common::assert_no_leak(world, &scan, &[&run, &verify]);
}
