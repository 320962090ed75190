//! `install` then `verify` against the simulator, with a fake 3scale on loopback answering for the
//! portal hosts that zync's routes name, reached through a CONNECT proxy (HTTPS_PROXY) with the
//! fake's CA (--ca-file): the way a user with a proxy and a private CA reaches 3scale.

use super::common::{self, Installer, PROJECT};
use crate::runner::{Case, Needs};
use crate::sim::Scenario;
use crate::world::World;
use fake_3scale::{Config, Proxy, Server};

pub const CASES: &[Case] = &[Case {
    name: "install_then_verify_through_a_proxy",
    needs: Needs::Simulator,
    run: install_then_verify,
}];

fn install_then_verify(world: &World) {
    world.start_sim(Scenario::named("happy").speed(60.0));
    let install = Installer::new(world, &["--timeout", "20m"]).run();
    install.assert_code(&[0]);
    let portal = common::installed_portal(world);
    let admin_host = portal.admin_host.clone();
    let server = Server::start(
        Config::new(&portal.domain)
            .admin_access_token(&portal.admin_token)
            .master_access_token(&portal.master_token),
    );
    let proxy = Proxy::start(server.port());
    let ca = server.ca_pem_path().display().to_string();
    let mut cmd = world.installer(["verify", "-o", "json", "--ca-file", &ca]);
    cmd.env("HTTPS_PROXY", proxy.url()).env("NO_PROXY", "");
    let verify = world.run_command(cmd, None);
    verify.assert_code(&[0]);
    let doc: serde_json::Value = serde_json::from_str(&verify.stdout).expect("verify JSON");
    assert_eq!(doc["ok"], true, "{}", verify.transcript());
    assert_eq!(doc["hosts"]["admin"], admin_host.as_str());
    assert!(
        server.requests_with_credentials_in_url().is_empty(),
        "no token in a URL"
    );
    assert!(proxy
        .connect_targets()
        .contains(&format!("{admin_host}:443")));
    let scan = common::secrets_of(world, PROJECT, &[]);
    common::assert_no_leak(world, &scan, &[&install, &verify]);
}
