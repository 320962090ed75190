//! Self-managed gateways with the real oc, the real templates and the simulator: install, then a
//! gateway in a second project (its token minted by a fake 3scale that answers for the portal
//! hosts zync's routes name, reached through a CONNECT proxy with its CA), a re-run that changes
//! nothing, status, a refused token, the products no host serves, and remove leaving nothing (the
//! token revoked). After each command, no secret in any argv, transcript or record.
//!
//! Also: the default tier's apicast-gateway fixture has the shape of the real template.

use super::common::{self, Installer, PROJECT};
use crate::process::Run;
use crate::runner::{Case, Needs};
use crate::sim::{Scenario, Sim};
use crate::world::World;
use fake_3scale::{Config, Environment, Permission, Product, Proxy, Server};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

pub const CASES: &[Case] = &[
    Case {
        name: "gateway_lifecycle_in_a_second_project",
        needs: Needs::Simulator,
        run: lifecycle,
    },
    Case {
        name: "fixtures_apicast_gateway_has_the_shape_of_the_real_template",
        needs: Needs::AnyCluster,
        run: fixture_shape,
    },
];

const GW: &str = "apicast-eu";
const HOST: &str = "api.eu.example.com";

/// The installer with the HTTPS options that reach the fake 3scale.
struct Portal {
    server: Server,
    proxy: Proxy,
}

impl Portal {
    fn run(&self, world: &World, args: &[&str], env: &[(&str, &str)]) -> Run {
        let ca = self.server.ca_pem_path().display().to_string();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--ca-file", &ca]);
        if args.get(1) == Some(&"add") {
            all.extend(["--poll-interval", "250ms"]);
        }
        let mut cmd = world.installer(&all);
        cmd.env("HTTPS_PROXY", self.proxy.url()).env("NO_PROXY", "");
        for (k, v) in env {
            cmd.env(k, v);
        }
        world.run_command(cmd, None)
    }
}

fn gateway_objects(world: &World, project: &str) -> Vec<Value> {
    common::list(
        world,
        "deploymentconfigs.apps.openshift.io,services,routes.route.openshift.io,secrets",
        project,
    )
    .into_iter()
    .filter(|o| o["metadata"]["labels"]["threescale-install/gateway"] == GW)
    .collect()
}

fn lifecycle(world: &World) {
    let sim = world.start_sim(Scenario::named("happy").speed(60.0));
    let install = Installer::new(world, &["--timeout", "20m"]).run();
    install.assert_code(&[0]);
    let installed = common::installed_portal(world);
    let portal = Portal::start(&installed);
    let (add, token) = add_mints_a_token_and_makes_the_gateway(world, &portal, &installed);
    let rerun = a_rerun_changes_nothing(world, sim, &portal);
    let status = status_says_ready(world, &portal);
    let bad = a_refused_token_stops_another_add(world, sim, &portal);
    let scan = secrets_to_look_for(world, &portal);
    common::assert_no_leak(world, &scan, &[&install, &add, &rerun, &status, &bad]);
    let remove = remove_leaves_nothing(world, &portal, &token);
    common::assert_no_leak(world, &scan, &[&remove]);
}

const ADD: &[&str] = &[
    "gateway", "add", "--name", GW, "--host", HOST, "--yes", "-o", "json",
];

impl Portal {
    /// A fake 3scale holding the install's tokens, with a hosted product and a self-managed one
    /// served on HOST, behind its proxy.
    fn start(installed: &common::InstalledPortal) -> Portal {
        let server = Server::start(
            Config::new(&installed.domain)
                .admin_access_token(&installed.admin_token)
                .master_access_token(&installed.master_token)
                .products(vec![
                    Product::new("API").system_name("api"),
                    Product::new("EU Shop")
                        .system_name("eu_shop")
                        .self_managed(
                            &format!("https://{HOST}:443"),
                            "https://staging.eu.example.com:443",
                        )
                        .promoted(&[Environment::Staging, Environment::Production]),
                ]),
        );
        let proxy = Proxy::start(server.port());
        Portal { server, proxy }
    }

    /// The tokens minted for the gateway.
    fn minted(&self) -> Vec<fake_3scale::AccessToken> {
        self.server
            .tokens()
            .into_iter()
            .filter(|t| {
                t.name
                    .starts_with(&format!("threescale-install gateway {GW} in {GW} on "))
            })
            .collect()
    }
}

fn add_mints_a_token_and_makes_the_gateway(
    world: &World,
    portal: &Portal,
    installed: &common::InstalledPortal,
) -> (Run, fake_3scale::AccessToken) {
    let admin_host = &installed.admin_host;
    // add, in a project of its own: the token minted read-only, the objects of the real template.
    let add = portal.run(world, ADD, &[]);
    add.assert_code(&[0]);
    let doc: Value =
        serde_json::from_str(&add.stdout).unwrap_or_else(|e| panic!("{e}: {}", add.transcript()));
    assert_eq!(doc["state"], "ready", "{}", add.transcript());
    let tokens = portal.minted();
    assert_eq!(tokens.len(), 1, "{:?}", portal.server.tokens());
    assert_eq!(tokens[0].permission, Permission::Ro);
    assert_eq!(tokens[0].scopes, ["account_management"]);
    let objects = gateway_objects(world, GW);
    let kinds: BTreeSet<String> = objects
        .iter()
        .map(|o| {
            format!(
                "{}/{}",
                o["kind"].as_str().unwrap(),
                o["metadata"]["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "DeploymentConfig/apicast-eu",
            "Route/apicast-eu-api-eu-example-com",
            "Secret/apicast-eu-portal-endpoint",
            "Service/apicast-eu"
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        "{}",
        add.transcript()
    );
    let endpoint = common::secret_data(world, GW, "apicast-eu-portal-endpoint").unwrap();
    assert_eq!(
        endpoint
            .iter()
            .find(|(k, _)| k == "password")
            .map(|(_, v)| v.clone()),
        Some(format!("https://{}@{admin_host}", tokens[0].value))
    );
    let sa = common::list(world, "serviceaccounts", GW)
        .into_iter()
        .find(|s| s["metadata"]["name"] == "default")
        .expect("the default service account");
    assert!(
        sa["imagePullSecrets"]
            .to_string()
            .contains("threescale-registry-auth"),
        "linked for pulls: {sa}"
    );
    // The products whose production public base URL is on none of the gateway's hosts.
    let unmatched: Vec<&str> = doc["unmatched_products"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(unmatched, ["API"], "{}", add.transcript());
    (add, tokens[0].clone())
}

fn a_rerun_changes_nothing(world: &World, sim: &Sim, portal: &Portal) -> Run {
    // A re-run without changes: no write to the cluster, no token minted.
    let since = sim.last_seq();
    let rerun = portal.run(world, ADD, &[]);
    rerun.assert_code(&[0]);
    let writes = sim.mutating_requests(since);
    assert!(
        writes.is_empty(),
        "the re-run changed the cluster:\n{}",
        writes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(portal.minted().len(), 1);
    rerun
}

fn status_says_ready(world: &World, portal: &Portal) -> Run {
    // status: ready, routes admitted, the token works.
    let status = portal.run(world, &["gateway", "status", GW, "-o", "json"], &[]);
    status.assert_code(&[0]);
    let doc: Value = serde_json::from_str(&status.stdout).unwrap();
    let gw = &doc["gateways"][0];
    assert_eq!(gw["ready"], true, "{}", status.transcript());
    assert_eq!(gw["token"]["works"], true, "{}", status.transcript());
    assert_eq!(gw["routes"][0]["admitted"], true, "{}", status.transcript());
    status
}

fn a_refused_token_stops_another_add(world: &World, sim: &Sim, portal: &Portal) -> Run {
    // A token 3scale refuses stops another add before any change.
    let since = sim.last_seq();
    let bad = portal.run(
        world,
        &[
            "gateway",
            "add",
            "--name",
            "gw-bad",
            "--host",
            "bad.example.com",
            "--yes",
        ],
        &[(
            "THREESCALE_ACCESS_TOKEN",
            "0000000000000000000000000000000000bad",
        )],
    );
    bad.assert_code(&[2]);
    assert!(
        bad.stderr.contains("is refused by 3scale"),
        "{}",
        bad.transcript()
    );
    assert!(
        sim.mutating_requests(since).is_empty(),
        "{}",
        bad.transcript()
    );
    bad
}

/// The secrets 3scale holds and the refused token, besides the install's.
fn secrets_to_look_for(world: &World, portal: &Portal) -> crate::secrets::SecretScan {
    let mut scan_extra: Vec<(String, String)> = portal
        .server
        .secret_values()
        .into_iter()
        .enumerate()
        .map(|(i, v)| (format!("3scale secret {i}"), v))
        .collect();
    scan_extra.push((
        "refused token".into(),
        "0000000000000000000000000000000000bad".into(),
    ));
    let extra: Vec<(&str, &str)> = scan_extra
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    common::secrets_of(world, PROJECT, &extra)
}

fn remove_leaves_nothing(world: &World, portal: &Portal, token: &fake_3scale::AccessToken) -> Run {
    // remove: nothing of the gateway is left, the pull secret went with it, the token is revoked.
    let remove = portal.run(world, &["gateway", "remove", GW, "--yes"], &[]);
    remove.assert_code(&[0]);
    assert!(
        gateway_objects(world, GW).is_empty(),
        "{}",
        remove.transcript()
    );
    assert!(common::secret_data(world, GW, "threescale-registry-auth").is_none());
    let sa = common::list(world, "serviceaccounts", GW)
        .into_iter()
        .find(|s| s["metadata"]["name"] == "default")
        .unwrap();
    assert!(
        !sa.to_string().contains("threescale-registry-auth"),
        "unlinked: {sa}"
    );
    assert!(portal.minted().is_empty());
    assert!(portal
        .server
        .revoked_tokens()
        .iter()
        .any(|t| t.id == token.id));
    assert!(
        common::secret_data(world, PROJECT, "threescale-registry-auth").is_some(),
        "the install keeps its pull secret"
    );
    remove
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the installer depends on in the gateway template: its parameters (name, default,
/// required), its objects (API version, kind, name) and the container's environment.
fn shape(t: &Value) -> Vec<(&'static str, BTreeSet<String>)> {
    let params = t["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            format!(
                "{} = {:?}{}",
                p["name"].as_str().unwrap_or("?"),
                p["value"].as_str().unwrap_or(""),
                if p["required"] == true {
                    " (required)"
                } else {
                    ""
                }
            )
        })
        .collect();
    let objects: Vec<&Value> = t["objects"].as_array().into_iter().flatten().collect();
    let kinds = objects
        .iter()
        .map(|o| {
            format!(
                "{} {} {}",
                o["apiVersion"].as_str().unwrap_or("?"),
                o["kind"].as_str().unwrap_or("?"),
                o["metadata"]["name"].as_str().unwrap_or("?")
            )
        })
        .collect();
    let env = objects
        .iter()
        .flat_map(|o| {
            o["spec"]["template"]["spec"]["containers"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|c| c["env"].as_array().into_iter().flatten())
        })
        .map(|e| {
            format!(
                "{}={}",
                e["name"].as_str().unwrap_or("?"),
                e.get("value")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| e["valueFrom"].to_string())
            )
        })
        .collect();
    let template = [format!(
        "{} {} {}",
        t["apiVersion"].as_str().unwrap_or("?"),
        t["kind"].as_str().unwrap_or("?"),
        t["metadata"]["name"].as_str().unwrap_or("?")
    )]
    .into_iter()
    .collect();
    vec![
        ("the template itself", template),
        ("parameters", params),
        ("objects", kinds),
        ("the gateway's environment", env),
    ]
}

fn fixture_shape(world: &World) {
    let file = "apicast-gateway/apicast.yml";
    let real = read(&world.templates_dir().join(file));
    let fixture = read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/support/fixtures/templates")
            .join(file),
    );
    let mut differences = Vec::new();
    for ((what, want), (_, have)) in shape(&real).iter().zip(&shape(&fixture)) {
        let missing: Vec<&String> = want.difference(have).collect();
        let extra: Vec<&String> = have.difference(want).collect();
        if !missing.is_empty() {
            differences.push(format!("{file}, {what}: the fixture lacks {missing:?}"));
        }
        if !extra.is_empty() {
            differences.push(format!(
                "{file}, {what}: the fixture has {extra:?}, the real file does not"
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "the gateway fixture drifted from the real template:\n  - {}",
        differences.join("\n  - ")
    );
}
