//! `fake-3scale [--domain D] [--tenant T] [--master M] [--tokens-from-seed FILE]`: starts a fake
//! 3scale and a CONNECT proxy, prints how to reach them, and runs until killed. With
//! `--tokens-from-seed`, the admin and master tokens are those of an install's `system-seed`
//! secret (`oc get secret system-seed -o json > FILE`), so that the installer's own checks pass.

use fake_3scale::{Config, Proxy, Server};

fn main() {
    let mut config = Config::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next().unwrap_or_else(|| {
                eprintln!("fake-3scale: {name} needs a value");
                std::process::exit(2)
            })
        };
        match arg.as_str() {
            "--domain" => config.domain = value("--domain"),
            "--tenant" => config.tenant_name = value("--tenant"),
            "--master" => config.master_name = value("--master"),
            "--tokens-from-seed" => {
                let path = value("--tokens-from-seed");
                let seed: serde_json::Value = std::fs::read(&path)
                    .ok()
                    .and_then(|b| serde_json::from_slice(&b).ok())
                    .unwrap_or_else(|| {
                        eprintln!("fake-3scale: {path} is not a secret as JSON");
                        std::process::exit(2)
                    });
                let field = |key: &str| {
                    use base64::Engine;
                    seed["data"][key]
                        .as_str()
                        .and_then(|v| base64::engine::general_purpose::STANDARD.decode(v).ok())
                        .map(|v| String::from_utf8_lossy(&v).into_owned())
                        .unwrap_or_else(|| {
                            eprintln!("fake-3scale: {path} has no data.{key}");
                            std::process::exit(2)
                        })
                };
                config.admin_access_token = field("ADMIN_ACCESS_TOKEN");
                config.master_access_token = field("MASTER_ACCESS_TOKEN");
            }
            "-h" | "--help" => {
                println!("usage: fake-3scale [--domain DOMAIN] [--tenant NAME] [--master NAME] [--tokens-from-seed FILE]");
                return;
            }
            other => {
                eprintln!("fake-3scale: unknown argument {other:?} (try --help)");
                std::process::exit(2)
            }
        }
    }
    let server = Server::start(config);
    let proxy = Proxy::start(server.port());
    let hosts = server.hosts();
    let c = server.config();
    println!("port: {}", server.port());
    println!("ca file: {}", server.ca_pem_path().display());
    println!("proxy: {}", proxy.url());
    println!("admin portal: https://{}", hosts.admin);
    println!("developer portal: https://{}", hosts.developer);
    println!("master portal: https://{}", hosts.master);
    println!("ADMIN_ACCESS_TOKEN: {}", c.admin_access_token);
    println!("MASTER_ACCESS_TOKEN: {}", c.master_access_token);
    println!(
        "try: HTTPS_PROXY={} curl --cacert {} -u {}: https://{}/admin/api/services.json",
        proxy.url(),
        server.ca_pem_path().display(),
        c.admin_access_token,
        hosts.admin
    );
    use std::io::Write;
    let _ = std::io::stdout().flush();
    // Run until killed: park forever (a park may wake spuriously, hence the loop).
    loop {
        std::thread::park();
    }
}
