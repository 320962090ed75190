//! `fake-3scale [--domain D] [--tenant T] [--master M]`: starts a fake 3scale and a CONNECT
//! proxy, prints how to reach them, and runs until killed.

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
            "-h" | "--help" => {
                println!("usage: fake-3scale [--domain DOMAIN] [--tenant NAME] [--master NAME]");
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
