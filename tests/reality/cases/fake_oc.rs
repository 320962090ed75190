//! The default tier's fake oc (tests/support/fake-oc) checked against the real oc 4.13: every
//! command the installer runs (src/oc/args.rs and mod.rs, src/install/observe.rs and apply.rs),
//! with the flags it adds, through both, on equivalent clusters: the case's simulator (scenario
//! happy, user developer, its clock stopped so that nothing happens between the two runs of an
//! exchange) and a fake state.json with the same server, user, versions, domain, storage classes
//! and nodes. Each side's stdout, stderr and exit code are compared after normalising what each
//! cluster draws anew (see `fake_oc/normalise.rs`); every difference is listed at the end.
//!
//! Where they differ, the fake is wrong: the real oc wins. A case passes when the fake prints,
//! byte for byte, what the real oc prints.

mod monitoring;
mod normalise;
mod twin;

use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use twin::Twin;

pub const CASES: &[Case] = &[
    Case {
        name: "fake_oc_answers_about_the_cluster_like_the_real_oc",
        needs: Needs::Simulator,
        run: cluster,
    },
    Case {
        name: "fake_oc_installs_into_a_project_like_the_real_oc",
        needs: Needs::Simulator,
        run: project,
    },
    Case {
        name: "fake_oc_creates_the_real_templates_objects_like_the_real_oc",
        needs: Needs::Simulator,
        run: real_objects,
    },
    Case {
        name: "fake_oc_processes_templates_like_the_real_oc",
        needs: Needs::Simulator,
        run: process,
    },
    Case {
        name: "fake_oc_fails_like_the_real_oc",
        needs: Needs::Simulator,
        run: failures,
    },
    Case {
        name: "fake_oc_monitors_like_the_real_oc",
        needs: Needs::Simulator,
        run: monitoring::run,
    },
];

/// The project the cases create (each case has a cluster of its own).
const PROJECT: &str = "3scale-twin";
/// A namespace that exists and that the user may not see.
const FOREIGN: &str = "default";
/// The registry login of the happy scenario.
const REGISTRY: (&str, &str) = (
    "12345678|threescale-installer",
    "valid-registry-token-happy",
);

/// A twin on the happy scenario with its clock stopped: controllers still act on what changes
/// (service accounts get their secrets, rollouts are started), but nothing that takes simulated
/// time happens until the case moves the clock.
fn twin(world: &World) -> Twin<'_> {
    world.start_sim(Scenario::named("happy").speed(0.0));
    Twin::new(world)
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fixtures/templates")
}

/// Pods and events are left out of the wait's look: both clusters invent them (no container
/// runs in either), the simulator a whole rollout's worth, the fake only those that explain a
/// failure. The installer reads pods and events only to explain a failure.
fn without_pods(item: &mut Value) -> bool {
    item["kind"] != "Pod" && item["kind"] != "Event" && zync_route_as_installer_reads_it(item)
}
const WITHOUT_PODS: &str = "pods and events left out (each simulation makes its own); zync's routes by what the installer reads of them";

/// The routes zync makes are compared on what the installer reads (names, the labels
/// `3scale.net/created-by`, `3scale.net/tenant_id`, `zync.3scale.net/ingress`,
/// `zync.3scale.net/route-to`, the ids, spec and status), not on the rest of their metadata: the
/// fake makes them as zync 2.8.0-GA does (`app/services/integration/kubernetes_service.rb`: the
/// labels of zync-que's deployment config, an owner reference to it, the annotations
/// `3scale.net/gid`, `zync.3scale.net/gid` and `zync.3scale.net/host`, records of app `zync`),
/// the simulator otherwise (system-app's `app` label, no owner, `gid://system/...`). Reported.
fn zync_route_as_installer_reads_it(item: &mut Value) -> bool {
    if item["metadata"]["labels"]["3scale.net/created-by"] != "zync" {
        return true;
    }
    let md = &mut item["metadata"];
    if let Some(m) = md.as_object_mut() {
        m.remove("annotations");
        m.remove("ownerReferences");
    }
    if let Some(labels) = md["labels"].as_object_mut() {
        labels.retain(|k, _| {
            k.starts_with("3scale.net/")
                || k == "zync.3scale.net/ingress"
                || k == "zync.3scale.net/route-to"
        });
    }
    true
}
const ZYNC_AS_READ: &str = "zync's routes by what the installer reads of them";

fn cluster(world: &World) {
    let twin = twin(world);
    who_and_what_the_cluster_is(&twin);
    what_the_user_may_do(&twin);
    someone_elses_project(&twin);
    what_a_cluster_admin_sees(&twin);
    a_project_of_ones_own(&twin);
    twin.assert_alike();
}

/// Who is logged in, the versions, projects, storage classes, and what a user may not read.
fn who_and_what_the_cluster_is(twin: &Twin) {
    for (what, args) in [
        ("who is logged in", &["whoami"][..]),
        ("the API server", &["whoami", "--show-server"]),
        ("the web console", &["whoami", "--show-console"]),
        ("the versions", &["version", "-o", "json"]),
        (
            "a project that is not there",
            &["get", "project", "nope", "-o", "json", "--ignore-not-found"],
        ),
        (
            "a project of someone else",
            &[
                "get",
                "project",
                FOREIGN,
                "-o",
                "json",
                "--ignore-not-found",
            ],
        ),
        (
            "the storage classes",
            &["get", "storageclasses", "-o", "json"],
        ),
        ("the nodes, forbidden", &["get", "nodes", "-o", "json"]),
        (
            "the ingress config, forbidden",
            &[
                "get",
                "ingresses.config.openshift.io",
                "cluster",
                "-o",
                "jsonpath={.spec.domain}",
            ],
        ),
    ] {
        twin.exchange(what, args).run();
    }
}

/// `oc auth can-i`, as the installer asks before it acts.
fn what_the_user_may_do(twin: &Twin) {
    for (what, args) in [
        (
            "may create projects: yes",
            &[
                "auth",
                "can-i",
                "create",
                "projectrequests.project.openshift.io",
            ][..],
        ),
        ("may list nodes: no", &["auth", "can-i", "list", "nodes"]),
        (
            "may read the ingress config: no",
            &["auth", "can-i", "get", "ingresses.config.openshift.io"],
        ),
        (
            "may list storage classes: yes",
            &["auth", "can-i", "list", "storageclasses.storage.k8s.io"],
        ),
        (
            "may create secrets in a project that is not there: no",
            &["auth", "can-i", "create", "secrets", "-n", "nope"],
        ),
        (
            "a resource type the server does not have",
            &[
                "auth",
                "can-i",
                "create",
                "widgets.example.com",
                "-n",
                "nope",
            ],
        ),
    ] {
        twin.exchange(what, args).run();
    }
}

/// A project the user may not see: reads, writes and deletes refused.
fn someone_elses_project(twin: &Twin) {
    for (what, args) in [
        (
            "secrets of someone else's project",
            &["get", "secrets", "-o", "json", "-n", FOREIGN][..],
        ),
        (
            "a secret of someone else's project",
            &[
                "get",
                "secret",
                "x",
                "-o",
                "json",
                "--ignore-not-found",
                "-n",
                FOREIGN,
            ],
        ),
        (
            "a pod's log in someone else's project",
            &["logs", "x", "--tail=20", "-n", FOREIGN],
        ),
        (
            "a delete in someone else's project",
            &[
                "delete",
                "secret/x",
                "--ignore-not-found",
                "--wait=true",
                "-n",
                FOREIGN,
            ],
        ),
        (
            "someone else's project deleted",
            &["delete", "project", FOREIGN],
        ),
    ] {
        twin.exchange(what, args).run();
    }
    twin.exchange(
        "a create in someone else's project",
        &["create", "-f", "-", "-n", FOREIGN],
    )
    .stdin(list(&[config_map("a"), config_map("b")]))
    .run();

    twin.exchange(
        "a new project named like someone else's",
        &["new-project", FOREIGN, "--skip-config-write"],
    )
    .run();
}

/// A cluster admin sees more: the nodes (capacity), the ingress config (the apps domain), the
/// OpenShift version, and a missing project as missing.
fn what_a_cluster_admin_sees(twin: &Twin) {
    let admin = twin.world.sim().kubeconfig_for("kube:admin");
    let saved = twin.fake_state();
    twin.edit_fake_state(|s| {
        s["user"] = json!("kube:admin");
        s["cluster_admin"] = json!(true);
    });
    for (what, args) in [
        ("who is logged in, as admin", &["whoami"][..]),
        ("the versions, as admin", &["version", "-o", "json"]),
        ("the nodes, as admin", &["get", "nodes", "-o", "json"]),
        (
            "the ingress config, as admin",
            &[
                "get",
                "ingresses.config.openshift.io",
                "cluster",
                "-o",
                "jsonpath={.spec.domain}",
            ],
        ),
        (
            "may list nodes, as admin: yes",
            &["auth", "can-i", "list", "nodes"],
        ),
        (
            "a project that is not there, as admin",
            &["get", "project", "nope", "-o", "json", "--ignore-not-found"],
        ),
        (
            "a project that is not there, as admin, without --ignore-not-found",
            &["get", "project", "nope", "-o", "json"],
        ),
    ] {
        twin.exchange(what, args).real_kubeconfig(&admin).run();
    }
    twin.write_fake_state(saved);
}

/// What the installer (and `gather`) read in a project of one's own: (what, oc's arguments).
const PROJECT_READS: &[(&str, &[&str])] = &[
    (
        "the new project",
        &[
            "get",
            "project",
            PROJECT,
            "-o",
            "json",
            "--ignore-not-found",
        ],
    ),
    (
        "what a new project holds",
        &[
            "get",
            "secrets,serviceaccounts,rolebindings.rbac.authorization.k8s.io,configmaps",
            "-o",
            "json",
            "-n",
            PROJECT,
        ],
    ),
    (
        "the project's quotas",
        &["get", "resourcequotas", "-o", "json", "-n", PROJECT],
    ),
    (
        "may create secrets in the project: yes",
        &["auth", "can-i", "create", "secrets", "-n", PROJECT],
    ),
    (
        "may create deployment configs: yes",
        &[
            "auth",
            "can-i",
            "create",
            "deploymentconfigs.apps.openshift.io",
            "-n",
            PROJECT,
        ],
    ),
    (
        "may create disruption budgets: yes",
        &[
            "auth",
            "can-i",
            "create",
            "poddisruptionbudgets.policy",
            "-n",
            PROJECT,
        ],
    ),
    (
        "a pod that is not there",
        &["logs", "nopod", "--tail=20", "-n", PROJECT],
    ),
    // What `gather` reads (src/oc/mod.rs `rights_text`, `list_items`, `container_log`).
    (
        "what the user may do in the project",
        &["auth", "can-i", "--list", "-n", PROJECT],
    ),
    (
        "what the user may do in someone else's project",
        &["auth", "can-i", "--list", "-n", FOREIGN],
    ),
    (
        "a container's log of a pod that is not there",
        &[
            "logs",
            "nopod",
            "-c",
            "c",
            "--tail=500",
            "--limit-bytes=262144",
            "--since=3600s",
            "-n",
            PROJECT,
        ],
    ),
    (
        "the storage classes, by their full name",
        &["get", "storageclasses.storage.k8s.io", "-o", "json"],
    ),
    (
        "replication controllers",
        &["get", "replicationcontrollers", "-o", "json", "-n", PROJECT],
    ),
    (
        "endpoints",
        &["get", "endpoints", "-o", "json", "-n", PROJECT],
    ),
    (
        "limit ranges",
        &["get", "limitranges", "-o", "json", "-n", PROJECT],
    ),
    (
        "deployments",
        &["get", "deployments.apps", "-o", "json", "-n", PROJECT],
    ),
    (
        "stateful sets",
        &["get", "statefulsets.apps", "-o", "json", "-n", PROJECT],
    ),
    (
        "network policies",
        &[
            "get",
            "networkpolicies.networking.k8s.io",
            "-o",
            "json",
            "-n",
            PROJECT,
        ],
    ),
    (
        "replication controllers of someone else's project",
        &["get", "replicationcontrollers", "-o", "json", "-n", FOREIGN],
    ),
];

/// A project of one's own, as the installer asks for it, read, and deleted.
fn a_project_of_ones_own(twin: &Twin) {
    let new_project = [
        "new-project",
        PROJECT,
        "--display-name=3Scale API Management",
        "--skip-config-write",
    ];
    twin.exchange("a new project", &new_project).run();
    twin.world.sim().settle();
    twin.exchange("the same project again", &new_project).run();
    for (what, args) in PROJECT_READS {
        twin.exchange(what, args).run();
    }
    // Deleting a project waits until it is gone: the simulator needs its clock for that.
    twin.world.sim().speed(50.0);
    twin.exchange("the project deleted", &["delete", "project", PROJECT])
        .run();
    twin.world.sim().speed(0.0);
    twin.exchange(
        "a project that is not there deleted",
        &["delete", "project", "nope"],
    )
    .run();
}

fn project(world: &World) {
    let twin = twin(world);
    twin.exchange(
        "a new project",
        &[
            "new-project",
            PROJECT,
            "--display-name=3Scale API Management",
            "--skip-config-write",
        ],
    )
    .run();
    world.sim().settle();

    the_pull_secret_and_the_registry_check(&twin);
    the_image_streams_and_the_template_objects(&twin);
    what_the_installed_project_holds(&twin);
    the_objects_deleted(&twin);
    world.sim().speed(50.0);
    twin.exchange("the project deleted", &["delete", "project", PROJECT])
        .run();
    twin.assert_alike();
}

/// The pull secret written, checked against the registry (refused, then let in) and replaced.
fn the_pull_secret_and_the_registry_check(twin: &Twin) {
    // The pull secret, as src/install/pull_secret.rs writes and re-writes it.
    let get_pull = [
        "get",
        "secret",
        "threescale-registry-auth",
        "-o",
        "json",
        "--ignore-not-found",
        "-n",
        PROJECT,
    ];
    twin.exchange("no pull secret yet", &get_pull).run();
    twin.exchange(
        "the pull secret created",
        &["create", "-f", "-", "-n", PROJECT],
    )
    .stdin(pull_secret(REGISTRY.0, "a-wrong-password"))
    .run();
    twin.exchange("the pull secret", &get_pull).run();
    // The registry login check, as src/oc/args.rs builds it: refused with the wrong password.
    twin.edit_fake_state(|s| {
        s["registry_login"] =
            json!({"host": "registry.redhat.io", "username": REGISTRY.0, "password": REGISTRY.1})
    });
    let check = [
        "import-image",
        "threescale-install-registry-check",
        "--from=registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8",
        "--confirm",
        "--dry-run",
        "-n",
        PROJECT,
    ];
    twin.exchange("the registry check, refused", &check).run();
    twin.exchange(
        "the pull secret replaced",
        &["replace", "-f", "-", "-n", PROJECT],
    )
    .stdin(pull_secret(REGISTRY.0, REGISTRY.1))
    .run();
    twin.world.sim().settle();
    twin.exchange("the replaced pull secret", &get_pull).run();
    twin.exchange("the registry check, let in", &check)
        .head(1, "the rest describes the image the registry sent")
        .run();
}

/// The image streams, then the fixture template processed and its objects created in batches.
fn the_image_streams_and_the_template_objects(twin: &Twin) {
    // The image streams, groupified as src/install/api_versions.rs sends them.
    twin.exchange(
        "the image streams created",
        &["create", "-f", "-", "-n", PROJECT],
    )
    .stdin(image_streams())
    .run();

    // The template processed with every value given (the installer generates its own), then
    // created a few objects per call, deployment configs last, as src/install/apply.rs does.
    let template = fixtures().join("amp/amp.yml");
    let processed = twin
        .exchange(
            "the fixture template processed",
            &[
                "process",
                "-f",
                &template.to_string_lossy(),
                "--param-file=-",
                "-o",
                "json",
                "-n",
                PROJECT,
            ],
        )
        .stdin(FIXTURE_VALUES)
        .run();
    processed.real.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&processed.real.stdout).expect("oc process prints JSON");
    let items = doc["items"].as_array().cloned().unwrap_or_default();
    let (others, dcs): (Vec<Value>, Vec<Value>) = items
        .into_iter()
        .partition(|o| o["kind"] != "DeploymentConfig");
    let half = others.len() / 2;
    let create = ["create", "-f", "-", "-n", PROJECT];
    twin.exchange("half of the objects created", &create)
        .stdin(list(&others[..half]))
        .run();
    twin.world.sim().settle();
    twin.exchange("all of them again: some exist already", &create)
        .stdin(list(&others))
        .run();
    twin.exchange("the deployment configs created", &create)
        .stdin(list(&dcs))
        .run();
}

/// What the installer reads of a settled install, and the replace and log of what is not there.
fn what_the_installed_project_holds(twin: &Twin) {
    // Everything settles: images import, claims bind, rollouts finish, zync makes its routes.
    twin.world.sim().advance(900.0);
    let identity = "serviceaccounts,secrets,deploymentconfigs.apps.openshift.io,persistentvolumeclaims,services,configmaps,routes.route.openshift.io,roles.rbac.authorization.k8s.io,rolebindings.rbac.authorization.k8s.io,imagestreams.image.openshift.io";
    twin.exchange(
        "what the project holds of the install",
        &["get", identity, "-o", "json", "-n", PROJECT],
    )
    .items(zync_route_as_installer_reads_it, ZYNC_AS_READ)
    .run();
    twin.exchange(
        "the wait's look at the project",
        &[
            "get",
            "imagestreams.image.openshift.io,persistentvolumeclaims,deploymentconfigs.apps.openshift.io,routes.route.openshift.io,pods,events",
            "-o",
            "json",
            "-n",
            PROJECT,
        ],
    )
    .items(without_pods, WITHOUT_PODS)
    .run();
    twin.exchange(
        "the seed secret",
        &[
            "get",
            "secret",
            "system-seed",
            "-o",
            "json",
            "--ignore-not-found",
            "-n",
            PROJECT,
        ],
    )
    .run();
    twin.exchange(
        "a replace of an object that is not there",
        &["replace", "-f", "-", "-n", PROJECT],
    )
    .stdin(list(&[
        config_map("not-there"),
        config_map("system-environment"),
    ]))
    .run();
    twin.exchange(
        "a pod that is not there",
        &["logs", "nopod", "--tail=20", "-n", PROJECT],
    )
    .run();
}

/// Uninstall: every object by name, some gone already.
fn the_objects_deleted(twin: &Twin) {
    // Uninstall: every object by name, some gone already.
    let delete = [
        "delete",
        "secret/system-seed",
        "configmap/system-environment",
        "deploymentconfig.apps.openshift.io/system-app",
        "route.route.openshift.io/backend",
        "secret/not-there",
        "rolebinding.rbac.authorization.k8s.io/zync-que-rolebinding",
        "--ignore-not-found",
        "--wait=true",
        "-n",
        PROJECT,
    ];
    twin.exchange("objects deleted by name", &delete).run();
    twin.exchange("the same objects deleted again", &delete)
        .run();
    twin.exchange(
        "objects deleted by name without --ignore-not-found",
        &[
            "delete",
            "secret/system-seed",
            "configmap/zync-gone",
            "--wait=true",
            "-n",
            PROJECT,
        ],
    )
    .run();
}

/// The 66 objects of the real amp.yml, created and read back: what the API server fills in for
/// every kind and shape the real template has (services with named ports, routes with TLS,
/// deployment configs with hooks and image triggers, claims, config maps of several files).
/// The simulator's clock stays stopped, so no image is imported and nothing rolls out: the
/// fake's switch for that world is `rollout: pending`; the image streams, whose import the fake
/// does at once, are compared in the project case, after the clock moved.
fn real_objects(world: &World) {
    let twin = twin(world);
    twin.edit_fake_state(|s| s["rollout"] = json!("pending"));
    twin.exchange(
        "a new project",
        &["new-project", PROJECT, "--skip-config-write"],
    )
    .run();
    world.sim().settle();
    let amp = world.templates_dir().join("amp/amp.yml");
    let values = FIXTURE_VALUES.replace(
        "RWX_STORAGE_CLASS=\"ocs-storagecluster-cephfs\"",
        "RWX_STORAGE_CLASS=null",
    );
    let processed = twin
        .exchange(
            "the real amp.yml processed",
            &[
                "process",
                "-f",
                &amp.to_string_lossy(),
                "--param-file=-",
                "-o",
                "json",
                "-n",
                PROJECT,
            ],
        )
        .stdin(values)
        .run();
    processed.real.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&processed.real.stdout).expect("oc process prints JSON");
    let items = doc["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 66, "the real amp.yml has 66 objects");
    let (others, dcs): (Vec<Value>, Vec<Value>) = items
        .into_iter()
        .partition(|o| o["kind"] != "DeploymentConfig");
    let create = ["create", "-f", "-", "-n", PROJECT];
    twin.exchange("the objects created", &create)
        .stdin(list(&others))
        .run();
    twin.exchange("the deployment configs created", &create)
        .stdin(list(&dcs))
        .run();
    world.sim().settle();
    twin.exchange(
        "what the project holds",
        &[
            "get",
            "serviceaccounts,secrets,deploymentconfigs.apps.openshift.io,persistentvolumeclaims,services,configmaps,routes.route.openshift.io,roles.rbac.authorization.k8s.io,rolebindings.rbac.authorization.k8s.io",
            "-o",
            "json",
            "-n",
            PROJECT,
        ],
    )
    .items(route_weight_defaulted, ROUTE_WEIGHT)
    .run();
    twin.assert_alike();
}

/// amp.yml's backend route says `weight: null`. OpenShift defaults a missing weight, null
/// included, to 100 (library-go `pkg/route/defaulting/defaults.go`, `SetDefaults_
/// RouteTargetReference`: `if obj.Weight == nil`), as the fake does; the simulator keeps the
/// null (Python's `setdefault` sees the key). Reported as the simulator's; compared as OpenShift
/// has it.
fn route_weight_defaulted(item: &mut Value) -> bool {
    if item["kind"] == "Route" && item["spec"]["to"]["weight"].is_null() {
        item["spec"]["to"]["weight"] = json!(100);
    }
    true
}
const ROUTE_WEIGHT: &str = "a route's null weight read as OpenShift defaults it (100)";

/// Every value of the fixture's amp.yml, generated ones included: the installer draws its own.
const FIXTURE_VALUES: &str = "WILDCARD_DOMAIN=\"apps.ocp4.example.com\"
RWX_STORAGE_CLASS=\"ocs-storagecluster-cephfs\"
SYSTEM_DATABASE_PASSWORD=\"dbpw0001\"
SYSTEM_DATABASE_ROOT_PASSWORD=\"rootpw01\"
SYSTEM_BACKEND_PASSWORD=\"bepw0001\"
SYSTEM_BACKEND_SHARED_SECRET=\"shared01\"
SYSTEM_APP_SECRET_KEY_BASE=\"0123456789abcdef\"
ADMIN_PASSWORD=\"adminpw1\"
ADMIN_ACCESS_TOKEN=\"admintoken000001\"
MASTER_PASSWORD=\"masterp1\"
MASTER_ACCESS_TOKEN=\"mastert1\"
ZYNC_DATABASE_PASSWORD=\"zyncdbpassword01\"
ZYNC_SECRET_KEY_BASE=\"zyncsecretkey001\"
ZYNC_AUTHENTICATION_TOKEN=\"zyncauthtoken001\"
APICAST_ACCESS_TOKEN=\"apicast1\"
";

fn process(world: &World) {
    let twin = twin(world);
    twin.exchange(
        "a project",
        &["new-project", PROJECT, "--skip-config-write"],
    )
    .run();
    let real_amp = world.templates_dir().join("amp/amp.yml");
    generated_values_as_their_expressions_allow(&twin, &real_amp);
    values_as_the_param_file_parser_reads_them(&twin, &real_amp.to_string_lossy());
    twin.assert_alike();
}

/// The real amp.yml processed with only the domain given: every generated value matches its
/// expression (then it is masked, each side drawing its own).
fn generated_values_as_their_expressions_allow(twin: &Twin, real_amp: &Path) {
    let amp = real_amp.to_string_lossy().into_owned();
    // Generated values: each side draws its own; they are checked against the expression as
    // OpenShift's generator reads it, then masked.
    let template: Value =
        serde_yaml::from_str(&std::fs::read_to_string(real_amp).expect("the real amp.yml"))
            .expect("amp.yml is YAML");
    let only_domain = "WILDCARD_DOMAIN=apps.ocp4.example.com\n";
    let exchange = twin
        .exchange(
            "the real amp.yml with generated values",
            &[
                "process",
                "-f",
                &amp,
                "--param-file=-",
                "-o",
                "json",
                "-n",
                PROJECT,
            ],
        )
        .stdin(only_domain);
    let both = exchange.collect();
    let mut masks = Vec::new();
    for (side, run) in [("real", &both.real), ("fake", &both.fake)] {
        run.assert_code(&[0]);
        let generated = generated_values(&template, &run.stdout);
        for (name, value, expression) in &generated {
            assert!(
                matches_expression(value, expression),
                "the {side} oc generated {name}={value:?}, which {expression} cannot give"
            );
            masks.push((value.clone(), format!("<generated {name}>")));
        }
        assert!(
            generated.len() >= 10,
            "the {side} oc generated only {generated:?}:\n{}",
            run.transcript()
        );
    }
    exchange.mask(masks).judge(&both);
}

/// Values as oc's param-file parser reads them, and the param file's errors.
fn values_as_the_param_file_parser_reads_them(twin: &Twin, amp: &str) {
    let process = |what: &str, extra: &[&str], param_file: &str| {
        let mut args = vec!["process", "-f", amp];
        args.extend_from_slice(extra);
        args.extend(["--param-file=-", "-o", "json", "-n", PROJECT]);
        twin.exchange(what, &args).stdin(param_file).run();
    };

    // Values as oc's param-file parser (a fork of godotenv) reads them, substituted as the
    // server's template processor does; each lands in a secret or a route of the output.
    process(
        "tricky values in the param file",
        &[],
        concat!(
            "WILDCARD_DOMAIN=apps.ocp4.example.com\n",
            "# a comment line\n",
            "   \n",
            "TENANT_NAME = spaced  \n",
            "ADMIN_USERNAME=\"say \\\"hi\\\" \\\\ back\\\\slash\"\n",
            "ADMIN_EMAIL='single # hash' # and a comment\n",
            "MASTER_USER=plain # trailing comment\n",
            "MASTER_NAME=\"a#\"b\n",
            "SYSTEM_DATABASE_USER=dollar$sign${NOT_A_PARAM}\n",
            "SYSTEM_DATABASE=db${WILDCARD_DOMAIN}-${TENANT_NAME}\n",
            "SYSTEM_BACKEND_USERNAME=\"line\\nbreak\"\n",
            "export RECAPTCHA_PUBLIC_KEY=exported\n",
            "RECAPTCHA_PRIVATE_KEY: yaml-style\n",
            "SYSTEM_REDIS_NAMESPACE=\n",
            "APICAST_MANAGEMENT_API=first\n",
            "APICAST_MANAGEMENT_API=second\n",
            "ADMIN_PASSWORD=adminpw1\n",
            "ADMIN_ACCESS_TOKEN=admintoken000001\n",
            "MASTER_PASSWORD=masterp1\n",
            "MASTER_ACCESS_TOKEN=mastert1\n",
            "SYSTEM_DATABASE_PASSWORD=dbpw0001\n",
            "SYSTEM_DATABASE_ROOT_PASSWORD=rootpw01\n",
            "SYSTEM_BACKEND_PASSWORD=bepw0001\n",
            "SYSTEM_BACKEND_SHARED_SECRET=shared01\n",
            "SYSTEM_APP_SECRET_KEY_BASE=0123456789abcdef\n",
            "ZYNC_DATABASE_PASSWORD=zyncdbpassword01\n",
            "ZYNC_SECRET_KEY_BASE=zyncsecretkey001\n",
            "ZYNC_AUTHENTICATION_TOKEN=zyncauthtoken001\n",
            "APICAST_ACCESS_TOKEN=apicast1\n",
            "RWX_STORAGE_CLASS=null\n",
            "IMAGESTREAM_TAG_IMPORT_INSECURE=true\n",
        ),
    );
    process(
        "a value on the command line and in the file",
        &["--param", "TENANT_NAME=from-argv"],
        "WILDCARD_DOMAIN=apps.ocp4.example.com\nTENANT_NAME=from-file\nADMIN_PASSWORD=adminpw1\nADMIN_ACCESS_TOKEN=admintoken000001\nMASTER_PASSWORD=masterp1\nMASTER_ACCESS_TOKEN=mastert1\nSYSTEM_DATABASE_PASSWORD=dbpw0001\nSYSTEM_DATABASE_ROOT_PASSWORD=rootpw01\nSYSTEM_BACKEND_PASSWORD=bepw0001\nSYSTEM_BACKEND_SHARED_SECRET=shared01\nSYSTEM_APP_SECRET_KEY_BASE=0123456789abcdef\nZYNC_DATABASE_PASSWORD=zyncdbpassword01\nZYNC_SECRET_KEY_BASE=zyncsecretkey001\nZYNC_AUTHENTICATION_TOKEN=zyncauthtoken001\nAPICAST_ACCESS_TOKEN=apicast1\n",
    );
    process(
        "an unknown parameter",
        &[],
        "WILDCARD_DOMAIN=apps.ocp4.example.com\nNO_SUCH_PARAMETER=x\n",
    );
    process("a required parameter missing", &[], "TENANT_NAME=t\n");
    process(
        "a generated and required parameter given empty",
        &[],
        "WILDCARD_DOMAIN=apps.ocp4.example.com\nADMIN_PASSWORD=\n",
    );
    process(
        "a line without a value",
        &[],
        "WILDCARD_DOMAIN=apps.ocp4.example.com\nJUST_A_WORD\n",
    );
    process(
        "a name oc refuses",
        &[],
        "WILDCARD_DOMAIN=apps.ocp4.example.com\n1BAD=x\n",
    );
    process(
        "a parameter given twice on the command line",
        &["--param", "TENANT_NAME=a", "--param", "TENANT_NAME=b"],
        "WILDCARD_DOMAIN=apps.ocp4.example.com\n",
    );
}

fn failures(world: &World) {
    let twin = twin(world);
    let mut probes = reads();
    probes.extend(changes());
    let fixture = fixtures()
        .join("amp/amp.yml")
        .to_string_lossy()
        .into_owned();
    with_a_broken_server(&twin, &probes, &fixture);
    with_flags_naming_what_is_not_there(&twin, &probes, &fixture);
    twin.assert_alike();
}

/// A command of the installer, with what it sends on stdin; `FIXTURE` stands for the fixture
/// template's path.
type Probe = (&'static str, Vec<&'static str>, Option<String>);

/// The reads of the installer, each tried against a broken cluster.
fn reads() -> Vec<Probe> {
    vec![
        ("whoami", vec!["whoami"], None),
        ("the console", vec!["whoami", "--show-console"], None),
        ("the versions", vec!["version", "-o", "json"], None),
        (
            "a project",
            vec![
                "get",
                "project",
                PROJECT,
                "-o",
                "json",
                "--ignore-not-found",
            ],
            None,
        ),
        (
            "the storage classes",
            vec!["get", "storageclasses", "-o", "json"],
            None,
        ),
        (
            "two types in a project",
            vec!["get", "secrets,configmaps", "-o", "json", "-n", PROJECT],
            None,
        ),
        (
            "a secret",
            vec![
                "get",
                "secret",
                "x",
                "-o",
                "json",
                "--ignore-not-found",
                "-n",
                PROJECT,
            ],
            None,
        ),
        (
            "may create secrets",
            vec!["auth", "can-i", "create", "secrets", "-n", PROJECT],
            None,
        ),
    ]
}

/// The changes (and the log) of the installer, each tried against a broken cluster.
fn changes() -> Vec<Probe> {
    vec![
        (
            "a new project",
            vec![
                "new-project",
                "another",
                "--display-name=x",
                "--skip-config-write",
            ],
            None,
        ),
        (
            "a create",
            vec!["create", "-f", "-", "-n", PROJECT],
            Some(list(&[config_map("a"), config_map("b")])),
        ),
        (
            "a replace",
            vec!["replace", "-f", "-", "-n", PROJECT],
            Some(list(&[config_map("a")])),
        ),
        (
            "a process",
            vec![
                "process",
                "-f",
                "FIXTURE",
                "--param-file=-",
                "-o",
                "json",
                "-n",
                PROJECT,
            ],
            Some("WILDCARD_DOMAIN=x\n".into()),
        ),
        (
            "a delete",
            vec![
                "delete",
                "secret/a",
                "configmap/b",
                "--ignore-not-found",
                "--wait=true",
                "-n",
                PROJECT,
            ],
            None,
        ),
        (
            "a project deleted",
            vec!["delete", "project", PROJECT],
            None,
        ),
        ("a log", vec!["logs", "x", "--tail=20", "-n", PROJECT], None),
    ]
}

/// A token the server does not accept, and an API server that refuses connections, with and
/// without a discovery cache.
fn with_a_broken_server(twin: &Twin, probes: &[Probe], fixture: &str) {
    let world = twin.world;
    let sim = world.sim();
    let dir = world.dir();
    // A token the server does not accept, and an API server that refuses connections (a free
    // port nothing listens on): the same kubeconfig otherwise.
    let kubeconfig = std::fs::read_to_string(world.kubeconfig()).expect("the kubeconfig");
    let token = kubeconfig
        .lines()
        .find_map(|l| l.trim().strip_prefix("token: "))
        .map(|t| t.trim_matches('"').to_string())
        .expect("the kubeconfig has a token");
    let bad_token = dir.join("kubeconfig-bad-token");
    std::fs::write(
        &bad_token,
        kubeconfig.replace(&token, "sha256~not-a-valid-token"),
    )
    .unwrap();
    let down_url = format!("https://127.0.0.1:{}", free_port());
    let down = dir.join("kubeconfig-down");
    std::fs::write(&down, kubeconfig.replace(sim.url(), &down_url)).unwrap();

    // A discovery cache (~/.kube/cache) changes what oc prints when the server fails: without
    // one, client-go's discovery fails first. Each side gets an empty HOME, then one warmed by a
    // successful call, as a user who ran oc before has.
    for (cache, warm) in [("no discovery cache", false), ("a discovery cache", true)] {
        let tag = if warm { "warm" } else { "cold" };
        let (real_home, fake_home) = (
            dir.join(format!("real-{tag}")),
            dir.join(format!("fake-{tag}")),
        );
        for h in [&real_home, &fake_home] {
            std::fs::create_dir_all(h).unwrap();
        }
        if warm {
            twin.exchange(
                "warming the discovery cache",
                &["get", "storageclasses", "-o", "name"],
            )
            .env_both("HOME", &real_home, &fake_home)
            .run();
        }
        for (kubeconfig, broken, fake_state) in [
            (
                &bad_token,
                "a token the server does not accept",
                json!({"token_rejected": true}),
            ),
            (
                &down,
                "an API server that refuses connections",
                json!({"unreachable": true, "server": down_url}),
            ),
        ] {
            let saved = twin.fake_state();
            twin.edit_fake_state(|s| {
                for (k, v) in fake_state.as_object().unwrap() {
                    s[k] = v.clone();
                }
            });
            for (what, args, stdin) in probes {
                let args: Vec<&str> = args
                    .iter()
                    .map(|a| if *a == "FIXTURE" { fixture } else { a })
                    .collect();
                let mut e = twin
                    .exchange(&format!("{broken}, {cache}: {what}"), &args)
                    .env_both("HOME", &real_home, &fake_home)
                    .real_kubeconfig(kubeconfig);
                if let Some(input) = stdin {
                    e = e.stdin(input.as_bytes());
                }
                e.run();
            }
            twin.write_fake_state(saved);
        }
    }
}

fn with_flags_naming_what_is_not_there(twin: &Twin, probes: &[Probe], fixture: &str) {
    // Flags that name what is not there, as `oc --kubeconfig=... --context=...` runs.
    for (flag, broken) in [
        (
            "--kubeconfig=/nonexistent",
            "a kubeconfig that is not there",
        ),
        ("--context=nosuch", "a context that is not there"),
    ] {
        for (what, args, stdin) in probes {
            let mut args: Vec<&str> = args
                .iter()
                .map(|a| if *a == "FIXTURE" { fixture } else { a })
                .collect();
            args.push(flag);
            let mut e = twin.exchange(&format!("{broken}: {what}"), &args);
            if let Some(input) = stdin {
                e = e.stdin(input.as_bytes());
            }
            e.run();
        }
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on (bound, then released).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

fn config_map(name: &str) -> Value {
    json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name}, "data": {"k": "v"}})
}

/// A List of `items`, as the installer sends a batch.
fn list(items: &[Value]) -> String {
    json!({"apiVersion": "v1", "kind": "List", "items": items}).to_string()
}

/// The pull secret as src/install/pull_secret.rs builds it.
fn pull_secret(username: &str, password: &str) -> String {
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let auth = b64(&format!("{username}:{password}"));
    let config = json!({"auths": {"registry.redhat.io": {"username": username, "password": password, "auth": auth}}});
    json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": {"name": "threescale-registry-auth", "labels": {"app.kubernetes.io/managed-by": "threescale-install"}},
        "type": "kubernetes.io/dockerconfigjson",
        "data": {".dockerconfigjson": b64(&config.to_string())},
    })
    .to_string()
}

/// The fixture's image streams, groupified and labelled as the installer sends them.
fn image_streams() -> String {
    let text = std::fs::read_to_string(fixtures().join("3scale-image-streams.yml"))
        .expect("the image streams fixture");
    let doc: Value = serde_yaml::from_str(&text).expect("YAML");
    let items: Vec<Value> = doc["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            let mut i = i.clone();
            i["apiVersion"] = json!("image.openshift.io/v1");
            i["metadata"]["labels"]["app.kubernetes.io/managed-by"] = json!("threescale-install");
            i
        })
        .collect();
    list(&items)
}

/// (parameter, value, expression) of every generated parameter whose value the processed
/// output shows: read where the template has exactly `${NAME}` as a whole string.
fn generated_values(template: &Value, stdout: &str) -> Vec<(String, String, String)> {
    let Ok(out) = serde_json::from_str::<Value>(stdout) else {
        return Vec::new();
    };
    let generated: Vec<(String, String)> = template["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["generate"] == "expression")
        .filter_map(|p| {
            Some((
                p["name"].as_str()?.to_string(),
                p["from"].as_str()?.to_string(),
            ))
        })
        .collect();
    let mut found: Vec<(String, String, String)> = Vec::new();
    let objects = template["objects"].as_array().cloned().unwrap_or_default();
    let items = out["items"].as_array().cloned().unwrap_or_default();
    for (t, o) in objects.iter().zip(&items) {
        let mut leaves = Vec::new();
        string_leaves(t, &mut Vec::new(), &mut leaves);
        for (path, text) in leaves {
            let Some((name, expression)) =
                generated.iter().find(|(n, _)| text == format!("${{{n}}}"))
            else {
                continue;
            };
            let Some(value) = at(o, &path).and_then(Value::as_str) else {
                continue;
            };
            if !found.iter().any(|(n, _, _)| n == name) {
                found.push((name.clone(), value.to_string(), expression.clone()));
            }
        }
    }
    found
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn string_leaves(v: &Value, path: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, String)>) {
    match v {
        Value::String(s) => out.push((path.clone(), s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                string_leaves(item, path, out);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                path.push(Step::Key(k.clone()));
                string_leaves(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'v>(v: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.get(k),
        Step::Index(i) => v.get(i),
    })
}

/// Whether `value` can come out of `expression` (`[ranges]{n}`, what the 3scale templates use)
/// as OpenShift's generator reads it (library-go `pkg/template/generator/expressionvalue.go`):
/// a range `a-z` takes the characters of `ASCII` from `a` up to, not including, `z`.
fn matches_expression(value: &str, expression: &str) -> bool {
    const ASCII: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789~!@#$%^&*()-_+={}[]\\|<,>.?/\"';:`";
    let Some(inner) = expression
        .strip_prefix('[')
        .and_then(|r| r.split_once("]{"))
    else {
        return false;
    };
    let (class, count) = inner;
    let Ok(length) = count.trim_end_matches('}').parse::<usize>() else {
        return false;
    };
    let chars: Vec<char> = class.chars().collect();
    let mut alphabet = String::new();
    let mut i = 0;
    while i < chars.len() {
        if i + 2 < chars.len() && chars[i + 1] == '-' {
            let (from, to) = (chars[i], chars[i + 2]);
            let (Some(l), Some(r)) = (ASCII.find(from), ASCII.rfind(to)) else {
                return false;
            };
            alphabet.push_str(&ASCII[l..r]);
            i += 3;
        } else {
            alphabet.push(chars[i]);
            i += 1;
        }
    }
    value.chars().count() == length && value.chars().all(|c| alphabet.contains(c))
}
