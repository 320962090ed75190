//! The fake's state: porta's accounts (master, providers = tenants, buyers), users, personal
//! access tokens, services with their proxy settings and configurations. Each table has its own
//! id sequence, as in porta's database.

use crate::config::{Config, DeploymentOption, Environment, Product};
use crate::sso::AuthProvider;
use crate::time;
use serde::Serialize;
use serde_json::{json, Map, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    Master,
    /// A tenant.
    Provider,
    /// A developer account of a provider (or a tenant, seen from master).
    Buyer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountState {
    Created,
    Pending,
    Approved,
    Rejected,
    Suspended,
    ScheduledForDeletion,
}

impl AccountState {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountState::Created => "created",
            AccountState::Pending => "pending",
            AccountState::Approved => "approved",
            AccountState::Rejected => "rejected",
            AccountState::Suspended => "suspended",
            AccountState::ScheduledForDeletion => "scheduled_for_deletion",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Account {
    pub id: u64,
    pub org_name: String,
    pub kind: AccountKind,
    /// Master's own id for master and tenants; the tenant's id for its buyers.
    pub provider_account_id: u64,
    pub state: AccountState,
    /// The developer portal host (`domain` in porta).
    pub domain: Option<String>,
    /// The admin portal host (`self_domain`, shown as `admin_domain`).
    pub admin_domain: Option<String>,
    pub site_access_code: Option<String>,
    pub from_email: Option<String>,
    pub support_email: Option<String>,
    pub finance_support_email: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deletion_date: Option<String>,
}

impl Account {
    pub fn is_provider(&self) -> bool {
        matches!(self.kind, AccountKind::Master | AccountKind::Provider)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Member,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }
}

/// `AdminSection::PERMISSIONS` on a tenant's admin portal (`finance` goes only on master on
/// premises).
pub const SECTIONS: [&str; 7] = [
    "portal",
    "finance",
    "settings",
    "partners",
    "monitoring",
    "plans",
    "policy_registry",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UserState {
    Pending,
    Active,
    Suspended,
}

impl UserState {
    pub fn as_str(self) -> &'static str {
        match self {
            UserState::Pending => "pending",
            UserState::Active => "active",
            UserState::Suspended => "suspended",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct User {
    pub id: u64,
    pub account_id: u64,
    pub username: String,
    pub email: String,
    pub role: Role,
    pub state: UserState,
    /// What was given at signup (the fake keeps it so tests can check what the client sent).
    pub password: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// A member's admin-portal sections (`allowed_sections`); an admin has them all.
    pub sections: Vec<String>,
    /// A member's products (`allowed_service_ids`); `None`: every product, now and later.
    pub services: Option<Vec<u64>>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    Ro,
    Rw,
}

impl Permission {
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::Ro => "ro",
            Permission::Rw => "rw",
        }
    }

    pub fn parse(s: &str) -> Option<Permission> {
        match s {
            "ro" => Some(Permission::Ro),
            "rw" => Some(Permission::Rw),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct AccessToken {
    pub id: u64,
    /// The user who owns it.
    pub owner_id: u64,
    pub name: String,
    pub scopes: Vec<String>,
    pub permission: Permission,
    pub value: String,
    pub created_at: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ProxySettings {
    pub endpoint: String,
    pub sandbox_endpoint: String,
    pub api_backend: String,
    pub credentials_location: String,
    pub auth_user_key: String,
    pub lock_version: u64,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ProxyConfig {
    pub id: u64,
    pub version: u64,
    pub environment: Environment,
    pub content: Value,
}

#[derive(Clone, Debug, Serialize)]
pub struct Service {
    pub id: u64,
    pub account_id: u64,
    pub name: String,
    pub system_name: String,
    pub description: Option<String>,
    pub state: String,
    pub deployment_option: DeploymentOption,
    pub backend_version: String,
    pub proxy: ProxySettings,
    pub configs: Vec<ProxyConfig>,
    pub created_at: String,
    pub updated_at: String,
}

impl Service {
    /// The newest configuration of an environment.
    pub fn latest(&self, environment: Environment) -> Option<&ProxyConfig> {
        self.configs
            .iter()
            .filter(|c| c.environment == environment)
            .max_by_key(|c| c.version)
    }
}

#[derive(Clone, Debug, Default, Serialize)]
struct Sequences {
    accounts: u64,
    users: u64,
    tokens: u64,
    services: u64,
    proxy_configs: u64,
    authentication_providers: u64,
}

/// Where a request's Host header lands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    Master,
    /// A tenant's admin portal (also while scheduled for deletion).
    Admin(u64),
    /// A tenant's developer portal.
    Developer(u64),
    /// No route: the OpenShift router answers.
    Unknown,
}

/// Everything the fake knows. Tests read a clone through `Server::state()`.
#[derive(Clone, Debug, Serialize)]
pub struct State {
    pub domain: String,
    pub master_id: u64,
    /// The default tenant of the install.
    pub default_tenant_id: u64,
    pub accounts: Vec<Account>,
    pub users: Vec<User>,
    pub tokens: Vec<AccessToken>,
    /// Tokens deleted through the API (kept so tests can tell revoked from never issued).
    pub revoked_tokens: Vec<AccessToken>,
    pub services: Vec<Service>,
    /// Admin-portal SSO integrations (`self_authentication_providers`), every account's.
    pub authentication_providers: Vec<AuthProvider>,
    /// Accounts whose admin portal enforces SSO (`settings.enforce_sso`, set in the UI only).
    pub sso_enforced: Vec<u64>,
    /// Accounts on a plan without `provider_sso` (`provider_can_use!` answers 404).
    pub sso_unavailable: Vec<u64>,
    /// Accounts whose `multiple_users` switch is denied (403 on listing and creating users).
    pub single_user: Vec<u64>,
    seq: Sequences,
}

/// Field errors of a signup, as porta's `Signup::Result#errors` (full messages).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignupErrors {
    pub account: Vec<String>,
    pub user: Vec<String>,
}

/// A signup that passed validation, ready to be stored.
#[derive(Clone, Debug)]
pub struct PlannedSignup {
    pub org_name: String,
    pub subdomain: String,
    pub username: String,
    pub email: String,
    pub password: Option<String>,
}

/// What a signup created.
#[derive(Clone, Copy, Debug)]
pub struct Signup {
    pub account_id: u64,
    pub user_id: u64,
    pub token_id: u64,
}

/// Token scopes porta knows (`AccessToken::SCOPES`).
pub const SCOPES: [&str; 5] = [
    "cms",
    "finance",
    "account_management",
    "stats",
    "policy_registry",
];

pub const IMPERSONATION_ADMIN: &str = "3scaleadmin";

impl State {
    pub fn new(config: &Config) -> State {
        let now = time::rfc3339(time::now());
        let mut state = State {
            domain: config.domain.clone(),
            master_id: 0,
            default_tenant_id: 0,
            accounts: Vec::new(),
            users: Vec::new(),
            tokens: Vec::new(),
            revoked_tokens: Vec::new(),
            services: Vec::new(),
            authentication_providers: Vec::new(),
            sso_enforced: Vec::new(),
            sso_unavailable: Vec::new(),
            single_user: Vec::new(),
            seq: Sequences::default(),
        };
        // db/seeds.rb: master, its admin, its service and tokens.
        let master_host = config.master_host();
        let master_id = state.insert_account(Account {
            id: 0,
            org_name: "Master Account".into(),
            kind: AccountKind::Master,
            provider_account_id: 0,
            state: AccountState::Approved,
            domain: Some(master_host.clone()),
            admin_domain: Some(master_host),
            site_access_code: None,
            from_email: None,
            support_email: None,
            finance_support_email: None,
            created_at: now.clone(),
            updated_at: now.clone(),
            deletion_date: None,
        });
        state.master_id = master_id;
        state.accounts[0].provider_account_id = master_id;
        let master_user = state.insert_user(
            master_id,
            &config.master_username,
            &format!("{}@{}", config.master_username, config.master_host()),
            UserState::Active,
            Some(config.master_password.clone()),
        );
        state.insert_service(master_id, &Product::new("Master Service"), "master");
        state.insert_token(
            master_user,
            "APIcast",
            &["account_management"],
            Permission::Ro,
            &config.apicast_access_token,
        );
        state.insert_token(
            master_user,
            "Master Token",
            &["account_management"],
            Permission::Rw,
            &config.master_access_token,
        );
        // The default tenant (TENANT_NAME), its admin (active), the impersonation admin.
        let tenant_id = state.insert_provider(&config.tenant_name, &config.tenant_name);
        state.default_tenant_id = tenant_id;
        let email = if config.admin_email.is_empty() {
            format!("{}@{}", config.admin_username, config.developer_host())
        } else {
            config.admin_email.clone()
        };
        let admin = state.insert_user(
            tenant_id,
            &config.admin_username,
            &email,
            UserState::Active,
            Some(config.admin_password.clone()),
        );
        state.insert_impersonation_admin(tenant_id);
        state.insert_token(
            admin,
            "Administration",
            &SCOPES,
            Permission::Rw,
            &config.admin_access_token,
        );
        for product in &config.products {
            state.insert_service(tenant_id, product, &config.tenant_name);
        }
        if config.sample_data {
            state.insert_sample_developer(tenant_id);
        }
        state
    }

    // ---- reading -------------------------------------------------------------------------

    pub fn account(&self, id: u64) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// Tenants (providers other than master), in id order.
    pub fn tenants(&self) -> Vec<&Account> {
        self.accounts
            .iter()
            .filter(|a| a.kind == AccountKind::Provider)
            .collect()
    }

    /// A tenant by id, org name, subdomain or admin host.
    pub fn tenant(&self, key: &str) -> Option<&Account> {
        self.tenants().into_iter().find(|a| {
            a.id.to_string() == key
                || a.org_name == key
                || a.admin_domain.as_deref() == Some(key)
                || a.domain.as_deref() == Some(key)
                || a.domain.as_deref() == Some(&format!("{key}.{}", self.domain))
        })
    }

    pub fn user(&self, id: u64) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    pub fn users_of(&self, account_id: u64) -> Vec<&User> {
        self.users
            .iter()
            .filter(|u| u.account_id == account_id)
            .collect()
    }

    pub fn user_by_username(&self, account_id: u64, username: &str) -> Option<&User> {
        self.users
            .iter()
            .find(|u| u.account_id == account_id && u.username == username)
    }

    pub fn token(&self, id: u64) -> Option<&AccessToken> {
        self.tokens.iter().find(|t| t.id == id)
    }

    pub fn token_by_value(&self, value: &str) -> Option<&AccessToken> {
        self.tokens.iter().find(|t| t.value == value)
    }

    /// porta's `domain_account.access_tokens.find_from_value`: only the host's account's tokens.
    pub fn token_of_account(&self, account_id: u64, value: &str) -> Option<&AccessToken> {
        self.tokens.iter().find(|t| {
            t.value == value && self.user(t.owner_id).map(|u| u.account_id) == Some(account_id)
        })
    }

    pub fn tokens_of_user(&self, user_id: u64) -> Vec<&AccessToken> {
        self.tokens
            .iter()
            .filter(|t| t.owner_id == user_id)
            .collect()
    }

    pub fn tokens_of_account(&self, account_id: u64) -> Vec<&AccessToken> {
        self.tokens
            .iter()
            .filter(|t| self.user(t.owner_id).map(|u| u.account_id) == Some(account_id))
            .collect()
    }

    /// Every token value ever issued (live and revoked), to look for in URLs and logs.
    pub fn all_token_values(&self) -> Vec<String> {
        self.tokens
            .iter()
            .chain(self.revoked_tokens.iter())
            .map(|t| t.value.clone())
            .collect()
    }

    /// Every token value (live and revoked) and every password the state holds.
    pub fn secret_values(&self) -> Vec<String> {
        let mut secrets = self.all_token_values();
        secrets.extend(self.users.iter().filter_map(|u| u.password.clone()));
        secrets.extend(
            self.authentication_providers
                .iter()
                .map(|p| p.client_secret.clone()),
        );
        secrets.retain(|s| !s.is_empty());
        secrets
    }

    pub fn service(&self, id: u64) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn services_of(&self, account_id: u64) -> Vec<&Service> {
        self.services
            .iter()
            .filter(|s| s.account_id == account_id)
            .collect()
    }

    /// The accounts a provider manages (`current_account.buyers`): for master, itself and
    /// the tenants; for a tenant, its developer accounts.
    pub fn buyers_of(&self, provider_id: u64) -> Vec<&Account> {
        self.accounts
            .iter()
            .filter(|a| a.provider_account_id == provider_id)
            .collect()
    }

    /// Which portal a Host header names.
    pub fn site(&self, host: &str) -> Site {
        let master = self.account(self.master_id).expect("master");
        if master.domain.as_deref() == Some(host) || master.admin_domain.as_deref() == Some(host) {
            return Site::Master;
        }
        for a in self
            .accounts
            .iter()
            .filter(|a| a.kind == AccountKind::Provider)
        {
            if a.admin_domain.as_deref() == Some(host) {
                return Site::Admin(a.id);
            }
            if a.domain.as_deref() == Some(host) {
                return Site::Developer(a.id);
            }
        }
        Site::Unknown
    }

    /// Every portal host the fake answers for (master, then each tenant's admin and developer
    /// portal).
    pub fn hosts(&self) -> Vec<String> {
        let mut hosts = Vec::new();
        for a in self.accounts.iter().filter(|a| a.is_provider()) {
            for h in [&a.admin_domain, &a.domain].into_iter().flatten() {
                if !hosts.contains(h) {
                    hosts.push(h.clone());
                }
            }
        }
        hosts
    }

    // ---- changing --------------------------------------------------------------------------

    fn now(&self) -> String {
        time::rfc3339(time::now())
    }

    fn insert_account(&mut self, mut account: Account) -> u64 {
        self.seq.accounts += 1;
        account.id = self.seq.accounts;
        let id = account.id;
        self.accounts.push(account);
        id
    }

    fn insert_provider(&mut self, org_name: &str, subdomain: &str) -> u64 {
        let now = self.now();
        self.insert_account(Account {
            id: 0,
            org_name: org_name.to_string(),
            kind: AccountKind::Provider,
            provider_account_id: self.master_id,
            state: AccountState::Approved,
            domain: Some(format!("{subdomain}.{}", self.domain)),
            admin_domain: Some(format!("{subdomain}-admin.{}", self.domain)),
            site_access_code: Some(random_hex(5)),
            from_email: Some(format!("no-reply@{}", self.domain)),
            support_email: None,
            finance_support_email: None,
            created_at: now.clone(),
            updated_at: now,
            deletion_date: None,
        })
    }

    fn insert_user(
        &mut self,
        account_id: u64,
        username: &str,
        email: &str,
        state: UserState,
        password: Option<String>,
    ) -> u64 {
        self.seq.users += 1;
        let now = self.now();
        self.users.push(User {
            id: self.seq.users,
            account_id,
            username: username.to_string(),
            email: email.to_string(),
            role: Role::Admin,
            state,
            password,
            first_name: None,
            last_name: None,
            sections: Vec::new(),
            services: None,
            created_at: now.clone(),
            updated_at: now,
        });
        self.seq.users
    }

    /// `Signup::ImpersonationAdminBuilder`: `3scaleadmin`, active, admin.
    fn insert_impersonation_admin(&mut self, account_id: u64) -> u64 {
        let admin_domain = self
            .account(account_id)
            .and_then(|a| a.admin_domain.clone())
            .unwrap_or_default();
        let id = self.insert_user(
            account_id,
            IMPERSONATION_ADMIN,
            &format!("{IMPERSONATION_ADMIN}+{admin_domain}@3scale.net"),
            UserState::Active,
            None,
        );
        let user = self.users.last_mut().expect("just inserted");
        user.first_name = Some("3scale".into());
        user.last_name = Some("Admin".into());
        id
    }

    /// `SignupWorker::SampleDataWorker`: a `Developer` buyer with the user `john`.
    fn insert_sample_developer(&mut self, provider_id: u64) -> u64 {
        let now = self.now();
        let id = self.insert_account(Account {
            id: 0,
            org_name: "Developer".into(),
            kind: AccountKind::Buyer,
            provider_account_id: provider_id,
            state: AccountState::Approved,
            domain: None,
            admin_domain: None,
            site_access_code: None,
            from_email: None,
            support_email: None,
            finance_support_email: None,
            created_at: now.clone(),
            updated_at: now,
            deletion_date: None,
        });
        self.insert_user(id, "john", "john@example.com", UserState::Active, None);
        id
    }

    fn insert_token(
        &mut self,
        owner_id: u64,
        name: &str,
        scopes: &[&str],
        permission: Permission,
        value: &str,
    ) -> u64 {
        self.seq.tokens += 1;
        self.tokens.push(AccessToken {
            id: self.seq.tokens,
            owner_id,
            name: name.to_string(),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
            permission,
            value: value.to_string(),
            created_at: self.now(),
        });
        self.seq.tokens
    }

    fn insert_service(&mut self, account_id: u64, product: &Product, tenant: &str) -> u64 {
        self.seq.services += 1;
        let id = self.seq.services;
        let now = self.now();
        let host_name = product.system_name.replace('_', "-");
        let default = |env: &str| {
            format!(
                "https://{host_name}-{tenant}-apicast-{env}.{}:443",
                self.domain
            )
        };
        let service = Service {
            id,
            account_id,
            name: product.name.clone(),
            system_name: product.system_name.clone(),
            description: None,
            state: "incomplete".into(),
            deployment_option: product.deployment_option,
            backend_version: "1".into(),
            proxy: ProxySettings {
                endpoint: product
                    .endpoint
                    .clone()
                    .unwrap_or_else(|| default("production")),
                sandbox_endpoint: product
                    .sandbox_endpoint
                    .clone()
                    .unwrap_or_else(|| default("staging")),
                api_backend: product.api_backend.clone(),
                credentials_location: "query".into(),
                auth_user_key: "user_key".into(),
                lock_version: 1,
                created_at: now.clone(),
                updated_at: now.clone(),
            },
            configs: Vec::new(),
            created_at: now.clone(),
            updated_at: now,
        };
        self.services.push(service);
        for env in &product.promoted {
            self.promote(id, *env);
        }
        id
    }

    /// Adds a product to a tenant (porta's default endpoints unless the product names them).
    pub fn add_service(&mut self, account_id: u64, product: &Product) -> u64 {
        let tenant = self
            .account(account_id)
            .and_then(|a| a.domain.clone())
            .map(|d| d.trim_end_matches(&format!(".{}", self.domain)).to_string())
            .unwrap_or_else(|| "tenant".into());
        self.insert_service(account_id, product, &tenant)
    }

    /// Makes a new configuration version for an environment from the current proxy settings
    /// (what "Promote" does in the admin portal).
    pub fn promote(&mut self, service_id: u64, environment: Environment) -> Option<ProxyConfig> {
        let version = self
            .service(service_id)?
            .latest(environment)
            .map(|c| c.version + 1)
            .unwrap_or(1);
        self.seq.proxy_configs += 1;
        let id = self.seq.proxy_configs;
        let content = self.config_content(service_id, environment);
        let config = ProxyConfig {
            id,
            version,
            environment,
            content,
        };
        let service = self.services.iter_mut().find(|s| s.id == service_id)?;
        service.configs.push(config.clone());
        Some(config)
    }

    fn config_content(&self, service_id: u64, environment: Environment) -> Value {
        let s = self.service(service_id).expect("service");
        let endpoint = match environment {
            Environment::Staging => &s.proxy.sandbox_endpoint,
            Environment::Production => &s.proxy.endpoint,
        };
        let host = endpoint
            .split("://")
            .nth(1)
            .unwrap_or(endpoint)
            .split(['/', ':'])
            .next()
            .unwrap_or("")
            .to_string();
        json!({
            "id": s.id,
            "account_id": s.account_id,
            "name": s.name,
            "system_name": s.system_name,
            "backend_version": s.backend_version,
            "deployment_option": s.deployment_option.as_str(),
            "backend_authentication_type": "service_token",
            "backend_authentication_value": format!("{:064x}", s.id),
            "proxy": {
                "id": s.id,
                "service_id": s.id,
                "endpoint": s.proxy.endpoint,
                "sandbox_endpoint": s.proxy.sandbox_endpoint,
                "api_backend": s.proxy.api_backend,
                "credentials_location": s.proxy.credentials_location,
                "auth_user_key": s.proxy.auth_user_key,
                "hosts": [host],
                "policy_chain": [{"name": "apicast", "version": "builtin", "configuration": {}}],
                "proxy_rules": [{"pattern": "/", "http_method": "GET", "metric_system_name": "hits", "delta": 1}],
            }
        })
    }

    pub fn service_mut(&mut self, id: u64) -> Option<&mut Service> {
        self.services.iter_mut().find(|s| s.id == id)
    }

    pub fn account_mut(&mut self, id: u64) -> Option<&mut Account> {
        self.accounts.iter_mut().find(|a| a.id == id)
    }

    /// Is a subdomain taken (porta's `subdomain_exists?`: `<s>.<domain>` or `<s>-admin.<domain>`
    /// is any account's domain or admin domain, deleted ones included)?
    pub fn subdomain_taken(&self, subdomain: &str) -> bool {
        let wanted = [
            format!("{subdomain}.{}", self.domain),
            format!("{subdomain}-admin.{}", self.domain),
        ];
        self.accounts.iter().any(|a| {
            wanted
                .iter()
                .any(|w| a.domain.as_deref() == Some(w) || a.admin_domain.as_deref() == Some(w))
        })
    }

    /// porta's `Signup::DomainsBuilder#generate_subdomain`.
    pub fn next_subdomain(&self, org_name: &str) -> String {
        let mut result = parameterize(org_name, '-');
        while !result.is_empty() && self.subdomain_taken(&result) {
            let (base, sequence) = split_sequence(&result);
            result = format!("{base}-{}", sequence.unwrap_or(1) + 1);
        }
        result
    }

    /// Validates a Master API signup as porta does (account, then user errors).
    pub fn plan_signup(
        &self,
        org_name: &str,
        username: &str,
        email: &str,
        password: Option<&str>,
    ) -> Result<PlannedSignup, SignupErrors> {
        let mut errors = SignupErrors::default();
        let subdomain = if org_name.trim().is_empty() {
            None
        } else {
            Some(self.next_subdomain(org_name))
        };
        match subdomain.as_deref() {
            None => {
                errors.account.push("Domain can't be blank".into());
                errors.account.push("Admin domain can't be blank".into());
            }
            Some("") => errors.account.push("Domain can't be blank".into()),
            Some(s) => {
                let valid = s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && !s.starts_with('-')
                    && !s.ends_with('-');
                if !valid {
                    errors
                        .account
                        .push("Developer Portal must be a valid domain name".into());
                }
            }
        }
        if org_name.trim().is_empty() {
            errors
                .account
                .push("Organization/Group Name can't be blank".into());
        } else if org_name.chars().count() > 255 {
            errors
                .account
                .push("Organization/Group Name is too long (maximum is 255 characters)".into());
        }
        let username = username.trim();
        let length = username.chars().count();
        if length < 3 {
            errors
                .user
                .push("Username is too short (minimum is 3 characters)".into());
        } else if length > 40 {
            errors
                .user
                .push("Username is too long (maximum is 40 characters)".into());
        }
        if !username.is_empty() && !login_ok(username) {
            errors
                .user
                .push("Username use only letters, numbers, and .-_@+ please.".into());
        }
        let email_length = email.chars().count();
        if !email.is_empty() && email_length < 6 {
            errors
                .user
                .push("Email is too short (minimum is 6 characters)".into());
        } else if email_length > 255 {
            errors
                .user
                .push("Email is too long (maximum is 255 characters)".into());
        }
        if !email_ok(email) {
            errors
                .user
                .push("Email should look like an email address".into());
        }
        if errors != SignupErrors::default() {
            return Err(errors);
        }
        Ok(PlannedSignup {
            org_name: org_name.to_string(),
            subdomain: subdomain.unwrap_or_default(),
            username: username.to_string(),
            email: email.to_string(),
            password: password.map(str::to_string),
        })
    }

    /// Stores a planned signup: the tenant (approved), its admin (pending), `3scaleadmin`, the
    /// `API` product, the signup's token, and the sample `Developer` account.
    pub fn apply_signup(&mut self, planned: PlannedSignup) -> Signup {
        let account_id = self.insert_provider(&planned.org_name, &planned.subdomain);
        let user_id = self.insert_user(
            account_id,
            &planned.username,
            &planned.email,
            UserState::Pending,
            planned.password.clone(),
        );
        self.insert_impersonation_admin(account_id);
        self.insert_service(
            account_id,
            &Product::new("API").system_name("api").promoted(&[]),
            &planned.subdomain,
        );
        let value = random_hex(32);
        let token_id = self.insert_token(
            user_id,
            "account management rw",
            &["account_management"],
            Permission::Rw,
            &value,
        );
        self.insert_sample_developer(account_id);
        Signup {
            account_id,
            user_id,
            token_id,
        }
    }

    /// Validates a personal access token (porta's `AccessToken` validations); errors per field.
    pub fn validate_token(
        name: Option<&str>,
        permission: Option<&str>,
        scopes: &[String],
        master: bool,
    ) -> Result<(String, Permission, Vec<String>), Map<String, Value>> {
        let mut errors = Map::new();
        let mut add = |field: &str, message: &str| {
            let entry = errors
                .entry(field.to_string())
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = entry {
                items.push(Value::String(message.into()));
            }
        };
        let name = name.unwrap_or("");
        if name.trim().is_empty() {
            add("name", "can't be blank");
        } else if name.chars().count() > 255 {
            add("name", "is too long (maximum is 255 characters)");
        }
        let permission_value = permission.unwrap_or("");
        if permission_value.trim().is_empty() {
            add("permission", "can't be blank");
        }
        let parsed = Permission::parse(permission_value);
        if parsed.is_none() {
            add("permission", "is not included in the list");
        }
        let scopes: Vec<String> = scopes.iter().filter(|s| !s.is_empty()).cloned().collect();
        if scopes.is_empty() {
            add("scopes", "is too short (minimum is 1 character)");
        }
        let allowed: Vec<&str> = if master {
            // AccessToken.allowed_scopes for master on premises: no finance, no cms
            vec!["account_management", "stats", "policy_registry"]
        } else {
            SCOPES.to_vec()
        };
        if !scopes.iter().all(|s| allowed.contains(&s.as_str())) {
            add("scopes", "invalid");
        }
        match parsed {
            Some(p) if errors.is_empty() => Ok((name.to_string(), p, scopes)),
            _ => Err(errors),
        }
    }

    /// Mints a token for a user (the value is random, 64 hex digits).
    pub fn create_token(
        &mut self,
        owner_id: u64,
        name: &str,
        permission: Permission,
        scopes: &[String],
    ) -> &AccessToken {
        let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
        let id = self.insert_token(owner_id, name, &scopes, permission, &random_hex(32));
        self.token(id).expect("just inserted")
    }

    /// Deletes a token; it is kept in `revoked_tokens`.
    pub fn revoke_token(&mut self, id: u64) -> Option<AccessToken> {
        let index = self.tokens.iter().position(|t| t.id == id)?;
        let token = self.tokens.remove(index);
        self.revoked_tokens.push(token.clone());
        Some(token)
    }

    /// A state machine event on a tenant (`Account::States`); `Err` with porta's message.
    pub fn fire_account_event(&mut self, account_id: u64, event: &str) -> Result<(), String> {
        use AccountState::*;
        let now_secs = time::now();
        let account = self.account_mut(account_id).ok_or("no such account")?;
        let from = account.state;
        let to = match (event, from) {
            ("make_pending", Created | Approved | Rejected) => Pending,
            ("approve", Created | Pending | Rejected) => Approved,
            ("reject", Created | Pending | Approved) => Rejected,
            ("suspend", _) => Suspended,
            ("resume", Suspended | ScheduledForDeletion) => Approved,
            ("schedule_for_deletion", _) if account.kind != AccountKind::Master => {
                ScheduledForDeletion
            }
            ("make_pending" | "approve" | "reject" | "resume" | "schedule_for_deletion", _) => {
                return Err(format!("State cannot transition via \"{event}\""))
            }
            _ => return Err("State event is invalid".into()),
        };
        account.state = to;
        account.updated_at = time::rfc3339(now_secs);
        account.deletion_date = if to == ScheduledForDeletion {
            Some(time::rfc3339(now_secs + 15 * 86_400))
        } else {
            None
        };
        Ok(())
    }

    /// A member of an account's admin portal, as `POST /admin/api/users.json` makes one
    /// (pending) or a first SSO login does (active when the e-mail is verified): no sections,
    /// and no services permission, which means every product.
    pub fn insert_member(
        &mut self,
        account_id: u64,
        username: &str,
        email: &str,
        state: UserState,
        password: Option<String>,
    ) -> u64 {
        let id = self.insert_user(account_id, username, email, state, password);
        if let Some(u) = self.users.last_mut() {
            u.role = Role::Member;
        }
        id
    }

    /// A member of a tenant (by id, org name, subdomain or host), for tests: what a first SSO
    /// login or a person in the admin portal makes.
    pub fn add_member(
        &mut self,
        tenant: &str,
        username: &str,
        email: &str,
        state: UserState,
    ) -> u64 {
        let account = self
            .tenant(tenant)
            .map(|a| a.id)
            .unwrap_or_else(|| panic!("fake-3scale: no tenant {tenant:?}"));
        self.insert_member(account, username, email, state, None)
    }

    pub fn user_mut(&mut self, id: u64) -> Option<&mut User> {
        let now = self.now();
        let user = self.users.iter_mut().find(|u| u.id == id)?;
        user.updated_at = now;
        Some(user)
    }

    /// `user.destroy`: the user and its tokens (`has_many :access_tokens, dependent: :destroy`).
    pub fn delete_user(&mut self, id: u64) -> Option<User> {
        let index = self.users.iter().position(|u| u.id == id)?;
        let user = self.users.remove(index);
        let (gone, kept): (Vec<AccessToken>, Vec<AccessToken>) = std::mem::take(&mut self.tokens)
            .into_iter()
            .partition(|t| t.owner_id == id);
        self.tokens = kept;
        self.revoked_tokens.extend(gone);
        Some(user)
    }

    /// The next id of the `authentication_providers` table.
    pub(crate) fn next_auth_provider_id(&mut self) -> u64 {
        self.seq.authentication_providers += 1;
        self.seq.authentication_providers
    }

    /// `PUT .../users/{id}/activate.json`: pending → active.
    pub fn activate_user(&mut self, user_id: u64) -> bool {
        let now = self.now();
        match self.users.iter_mut().find(|u| u.id == user_id) {
            Some(u) if u.state != UserState::Active => {
                u.state = UserState::Active;
                u.updated_at = now;
                true
            }
            _ => false,
        }
    }
}

/// `\A\w[\w\.\-_@\+]+\z` (Ruby's `\w` is ASCII here).
pub(crate) fn login_ok(s: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if word(c) => {}
        _ => return false,
    }
    let rest: Vec<char> = chars.collect();
    !rest.is_empty() && rest.iter().all(|&c| word(c) || ".-_@+".contains(c))
}

/// `\A['\w\.%\+\-]+@(?:[A-Z0-9\-]+\.)+(?:[A-Za-z]{2,63})\z`i
pub(crate) fn email_ok(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "'_.%+-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let (tld, heads) = labels.split_last().expect("two labels");
    let heads_ok = heads
        .iter()
        .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let tld_ok = (2..=63).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic());
    local_ok && heads_ok && tld_ok
}

/// `"acme-12"` → `("acme", Some(12))`, as `/\A(.*?)(?:\-(\d+))?\z/`.
fn split_sequence(s: &str) -> (&str, Option<u64>) {
    if let Some((base, digits)) = s.rsplit_once('-') {
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(n) = digits.parse() {
                return (base, Some(n));
            }
        }
    }
    (s, None)
}

/// ActiveSupport's `parameterize`: transliterate to ASCII, runs of other characters become one
/// separator, no separator at either end, lower case.
pub fn parameterize(s: &str, separator: char) -> String {
    let mut ascii = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            ascii.push_str(transliterate(c));
        }
    }
    let mut out = String::new();
    let mut pending_sep = false;
    for c in ascii.chars() {
        let keep = c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if keep && c != separator {
            if pending_sep && !out.is_empty() {
                out.push(separator);
            }
            pending_sep = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_sep = true;
        }
    }
    out
}

fn transliterate(c: char) -> &'static str {
    match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "A",
        'Æ' => "AE",
        'Ç' => "C",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'Ð' => "D",
        'Ñ' => "N",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "O",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'Ý' => "Y",
        'Þ' => "Th",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'þ' => "th",
        _ => "?",
    }
}

/// `SecureRandom.hex(n)`.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    openssl::rand::rand_bytes(&mut buf).expect("random bytes");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the templates generate for secrets: `[a-z0-9]{n}`.
pub fn template_secret(len: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut buf = vec![0u8; len];
    openssl::rand::rand_bytes(&mut buf).expect("random bytes");
    buf.iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameterize_like_rails() {
        assert_eq!(parameterize("ACME Corp", '-'), "acme-corp");
        assert_eq!(parameterize("  Café  & Bar!! ", '-'), "cafe-bar");
        assert_eq!(parameterize("a--b", '-'), "a-b");
        assert_eq!(parameterize("under_score", '-'), "under_score");
        assert_eq!(parameterize("!!!", '-'), "");
        assert_eq!(parameterize("My API", '_'), "my_api");
    }

    #[test]
    fn seeds_ids_as_porta_does() {
        let config = Config::new("apps.example.com");
        let state = State::new(&config);
        assert_eq!(state.master_id, 1);
        assert_eq!(state.default_tenant_id, 2);
        assert_eq!(state.site("3scale-admin.apps.example.com"), Site::Admin(2));
        assert_eq!(state.site("3scale.apps.example.com"), Site::Developer(2));
        assert_eq!(state.site("master.apps.example.com"), Site::Master);
        assert_eq!(state.site("nope.apps.example.com"), Site::Unknown);
        let master_buyers: Vec<u64> = state.buyers_of(1).iter().map(|a| a.id).collect();
        assert_eq!(master_buyers, vec![1, 2]);
    }

    #[test]
    fn subdomains_count_up_on_collision() {
        let mut state = State::new(&Config::new("d.test"));
        let first = state
            .plan_signup("ACME Corp", "acme", "a@acme.test", None)
            .unwrap();
        assert_eq!(first.subdomain, "acme-corp");
        state.apply_signup(first);
        let second = state
            .plan_signup("ACME Corp", "acme", "a@acme.test", None)
            .unwrap();
        assert_eq!(second.subdomain, "acme-corp-2");
        state.apply_signup(second);
        assert_eq!(state.next_subdomain("acme corp"), "acme-corp-3");
        assert_eq!(state.next_subdomain("3scale"), "3scale-2");
        assert_eq!(state.next_subdomain("master"), "master-2");
    }

    #[test]
    fn signup_errors_as_porta_words_them() {
        let state = State::new(&Config::new("d.test"));
        let errors = state
            .plan_signup("", "ab", "not-an-email", None)
            .unwrap_err();
        assert_eq!(
            errors.account,
            vec![
                "Domain can't be blank",
                "Admin domain can't be blank",
                "Organization/Group Name can't be blank"
            ]
        );
        assert_eq!(
            errors.user,
            vec![
                "Username is too short (minimum is 3 characters)",
                "Email should look like an email address"
            ]
        );
        assert!(email_ok("ops@acme.example"));
        assert!(!email_ok("ops@acme"));
        assert!(login_ok("acme-admin"));
        assert!(!login_ok("-acme"));
    }
}
