//! What a fake 3scale starts with: the install's names and tokens, and its products.

use std::path::PathBuf;

/// The seed of a fake install, as `system-seed` and the templates' parameters describe a real one.
#[derive(Clone, Debug)]
pub struct Config {
    /// `WILDCARD_DOMAIN`: every portal host is `<something>.<domain>`.
    pub domain: String,
    /// `TENANT_NAME`: the default tenant's subdomain (admin portal `<tenant>-admin.<domain>`).
    pub tenant_name: String,
    /// `MASTER_NAME`: the master portal is `<master>.<domain>`.
    pub master_name: String,
    /// `ADMIN_ACCESS_TOKEN`: the default tenant admin's token, every scope, read-write.
    pub admin_access_token: String,
    /// `MASTER_ACCESS_TOKEN`: the master admin's token, `account_management`, read-write.
    pub master_access_token: String,
    /// `APICAST_ACCESS_TOKEN`: the master admin's `APIcast` token, `account_management`, read-only.
    pub apicast_access_token: String,
    /// `ADMIN_USER` / `ADMIN_PASSWORD` / `ADMIN_EMAIL` of the default tenant.
    pub admin_username: String,
    pub admin_password: String,
    pub admin_email: String,
    /// `MASTER_USER` / `MASTER_PASSWORD`.
    pub master_username: String,
    pub master_password: String,
    /// The default tenant's products (a new install has one, `API`).
    pub products: Vec<Product>,
    /// What the developer portal's `/` answers.
    pub developer_portal: DeveloperPortal,
    /// `SAMPLE_DATA`: the default tenant gets a `Developer` buyer account (it takes an id).
    pub sample_data: bool,
    /// Names in the server certificate. `None`: `*.<domain>`, `<domain>`, `localhost`, `127.0.0.1`.
    /// Give other names to test a certificate that does not match.
    pub cert_names: Option<Vec<String>>,
    /// The port to listen on (127.0.0.1); 0: any free port. 443 lets a client use
    /// `--resolve HOST:127.0.0.1` unchanged, where the test may bind it.
    pub port: u16,
    /// Where to write `ca.pem`; `None`: a fresh directory under the system's temp dir, removed
    /// when the server is dropped.
    pub ca_dir: Option<PathBuf>,
}

/// The developer portal's home page. A new tenant has a site access code, so porta renders the
/// access-code page (200); a portal without one, open to anyone, is 200 too; one that requires
/// login redirects to `/login`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeveloperPortal {
    AccessCode,
    Open,
    RedirectToLogin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeploymentOption {
    Hosted,
    SelfManaged,
}

impl DeploymentOption {
    pub fn as_str(self) -> &'static str {
        match self {
            DeploymentOption::Hosted => "hosted",
            DeploymentOption::SelfManaged => "self_managed",
        }
    }

    pub fn parse(s: &str) -> Option<DeploymentOption> {
        match s {
            "hosted" => Some(DeploymentOption::Hosted),
            "self_managed" => Some(DeploymentOption::SelfManaged),
            _ => None,
        }
    }
}

/// An APIcast environment. porta stores `sandbox` and `production`; URLs may say `staging`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Environment {
    Staging,
    Production,
}

impl Environment {
    /// The name porta stores and answers (`sandbox` for staging).
    pub fn porta_name(self) -> &'static str {
        match self {
            Environment::Staging => "sandbox",
            Environment::Production => "production",
        }
    }

    /// `staging`, `sandbox` or `production`, as porta's `ProxyConfig::VALID_ENVIRONMENTS`.
    pub fn from_url(s: &str) -> Option<Environment> {
        match s {
            "staging" | "sandbox" => Some(Environment::Staging),
            "production" => Some(Environment::Production),
            _ => None,
        }
    }
}

/// A product (a porta `Service`) to seed or add.
#[derive(Clone, Debug)]
pub struct Product {
    pub name: String,
    pub system_name: String,
    pub deployment_option: DeploymentOption,
    /// The production Public Base URL; `None`: porta's default
    /// `https://<system_name>-<tenant>-apicast-production.<domain>:443`.
    pub endpoint: Option<String>,
    /// The staging Public Base URL; `None`: the `-apicast-staging` default.
    pub sandbox_endpoint: Option<String>,
    pub api_backend: String,
    /// Environments with a configuration (version 1) already; others answer 404 on `latest`.
    pub promoted: Vec<Environment>,
}

impl Product {
    /// A hosted product with the default endpoints, promoted to staging only.
    pub fn new(name: &str) -> Product {
        Product {
            name: name.to_string(),
            system_name: crate::model::parameterize(name, '_'),
            deployment_option: DeploymentOption::Hosted,
            endpoint: None,
            sandbox_endpoint: None,
            api_backend: "https://echo-api.3scale.net:443".to_string(),
            promoted: vec![Environment::Staging],
        }
    }

    pub fn system_name(mut self, system_name: &str) -> Product {
        self.system_name = system_name.to_string();
        self
    }

    /// Self-managed, with these public base URLs.
    pub fn self_managed(mut self, production: &str, staging: &str) -> Product {
        self.deployment_option = DeploymentOption::SelfManaged;
        self.endpoint = Some(production.to_string());
        self.sandbox_endpoint = Some(staging.to_string());
        self
    }

    pub fn promoted(mut self, environments: &[Environment]) -> Product {
        self.promoted = environments.to_vec();
        self
    }
}

impl Default for Config {
    fn default() -> Config {
        Config::new("apps.example.com")
    }
}

impl Config {
    /// The defaults of the templates (`3scale` tenant, `master`), fresh random tokens.
    pub fn new(domain: &str) -> Config {
        Config {
            domain: domain.to_ascii_lowercase(),
            tenant_name: "3scale".into(),
            master_name: "master".into(),
            admin_access_token: crate::model::template_secret(16),
            master_access_token: crate::model::template_secret(8),
            apicast_access_token: crate::model::template_secret(8),
            admin_username: "admin".into(),
            admin_password: crate::model::template_secret(8),
            admin_email: String::new(),
            master_username: "master".into(),
            master_password: crate::model::template_secret(8),
            products: vec![Product::new("API").system_name("api")],
            developer_portal: DeveloperPortal::AccessCode,
            sample_data: true,
            cert_names: None,
            port: 0,
            ca_dir: None,
        }
    }

    pub fn tenant_name(mut self, name: &str) -> Config {
        self.tenant_name = name.to_string();
        self
    }

    pub fn master_name(mut self, name: &str) -> Config {
        self.master_name = name.to_string();
        self
    }

    pub fn admin_access_token(mut self, token: &str) -> Config {
        self.admin_access_token = token.to_string();
        self
    }

    pub fn master_access_token(mut self, token: &str) -> Config {
        self.master_access_token = token.to_string();
        self
    }

    pub fn products(mut self, products: Vec<Product>) -> Config {
        self.products = products;
        self
    }

    pub fn developer_portal(mut self, mode: DeveloperPortal) -> Config {
        self.developer_portal = mode;
        self
    }

    pub fn cert_names(mut self, names: &[&str]) -> Config {
        self.cert_names = Some(names.iter().map(|s| s.to_string()).collect());
        self
    }

    /// `<tenant>-admin.<domain>`
    pub fn admin_host(&self) -> String {
        format!("{}-admin.{}", self.tenant_name, self.domain)
    }

    /// `<tenant>.<domain>`
    pub fn developer_host(&self) -> String {
        format!("{}.{}", self.tenant_name, self.domain)
    }

    /// `<master>.<domain>`
    pub fn master_host(&self) -> String {
        format!("{}.{}", self.master_name, self.domain)
    }

    pub(crate) fn certificate_names(&self) -> Vec<String> {
        self.cert_names.clone().unwrap_or_else(|| {
            vec![
                format!("*.{}", self.domain),
                self.domain.clone(),
                "localhost".into(),
                "127.0.0.1".into(),
            ]
        })
    }
}
