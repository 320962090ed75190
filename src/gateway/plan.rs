//! The plans of `gateway add` and `gateway remove`: pure functions from the answers and what was
//! observed — the gateway's project, the install, 3scale's tokens, how 3scale answered the token
//! the gateway would keep — to the actions, the decisions and the findings. An empty list of
//! actions means "already in place": re-runs change nothing, and a run stopped half-way is
//! continued by the next plan.

use super::action::{
    EndpointToken, GatewayAction as Action, GatewayObjects, Mint, PortalEndpoint, Revoke,
};
use super::objects::{self, Observed, PortalRecord, TokenRecord, SERVICE_ACCOUNT};
use super::settings::{self, Environment, Loader};
use crate::engine::checks::CheckResult;
use crate::engine::observe::ProjectState;
use crate::engine::report::Changes;
use crate::inputs::gateway::{host_ways, AddAnswers};
use crate::inputs::Missing;
use crate::inputs::{Field, Given, Source};
use crate::install::credentials::SEED_SECRET;
use crate::pull_secret;
use crate::secrets::Secret;
use crate::templates::kinds::ObjectRef;
use crate::templates::model::Template;
use crate::templates::profiles::MANAGED_BY;
use crate::templates::render;
use crate::threescale::AccessToken;
use serde_json::Value;
use std::path::Path;

/// What `gateway add` needs of the install.
pub(crate) struct Install<'a> {
    /// The API server of the install's cluster.
    pub(crate) cluster: &'a str,
    pub(crate) project: &'a str,
    /// The tenant's admin portal, where the gateway reads its configuration.
    pub(crate) admin_host: &'a str,
    /// `ADMIN_ACCESS_TOKEN`: it may mint and revoke tokens.
    pub(crate) admin_token: &'a Secret,
    /// What the install's project holds (its pull secret among it).
    pub(crate) objects: &'a [Value],
    /// `AMP_APICAST_IMAGE` as the install was given it.
    pub(crate) image: Option<&'a str>,
    /// The registry server the install's record names.
    pub(crate) registry_server: Option<&'a str>,
}

pub(crate) struct AddRequest<'a> {
    pub(crate) answers: &'a AddAnswers,
    pub(crate) name: &'a str,
    pub(crate) project: &'a Given<String>,
    /// The API server of the gateway's cluster.
    pub(crate) cluster: &'a str,
    pub(crate) state: &'a ProjectState,
    /// What the project holds of the gateway already.
    pub(crate) existing: &'a Observed,
    pub(crate) install: Install<'a>,
    pub(crate) template: &'a Template,
    pub(crate) template_path: &'a Path,
    /// The personal access tokens of the install's admin user.
    pub(crate) tokens: &'a [AccessToken],
    /// How 3scale answered `GET /admin/api/services.json` with the token the gateway would keep
    /// ([`token_to_check`]): the number of products, or the refusal.
    pub(crate) token_check: Option<Result<usize, String>>,
    /// The gateway's PodMonitor to create (the install's monitoring is enabled and the gateway
    /// has none), or why it is not.
    pub(crate) pod_monitor: Option<Result<Value, String>>,
}

/// What the gateway will be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Settled {
    pub(crate) environment: Environment,
    pub(crate) loader: Loader,
    pub(crate) cache: u32,
    pub(crate) hosts: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub(crate) actions: Vec<Action>,
    pub(crate) decisions: Vec<String>,
    pub(crate) checks: Vec<CheckResult>,
    pub(crate) missing: Vec<Missing>,
    pub(crate) problems: Vec<String>,
    pub(crate) settled: Option<Settled>,
}

impl Plan {
    fn new() -> Plan {
        Plan {
            actions: Vec::new(),
            decisions: Vec::new(),
            checks: Vec::new(),
            missing: Vec::new(),
            problems: Vec::new(),
            settled: None,
        }
    }

    /// The plan as `report` shows and judges every plan.
    pub(crate) fn changes(&self) -> Changes<'_, Action> {
        Changes {
            decisions: &self.decisions,
            checks: &self.checks,
            actions: &self.actions,
            missing: &self.missing,
            problems: &self.problems,
        }
    }
}

/// The token the gateway would keep, to be checked before the plan: the one given, else the one
/// its secret holds.
pub(crate) fn token_to_check(answers: &AddAnswers, existing: &Observed) -> Option<Secret> {
    answers
        .access_token
        .as_ref()
        .map(|t| t.value.clone())
        .or_else(|| {
            existing
                .secret
                .as_ref()
                .and_then(|s| s.endpoint.as_ref().map(|(t, _)| t.clone()))
        })
}

/// A value given now, else the existing gateway's, else the default, with where it came from in
/// words; a given value that differs from the existing gateway's is a problem (the gateway is not
/// changed in place).
fn settle<T: Copy + PartialEq + std::fmt::Display>(
    what: &str,
    given: Option<&Given<T>>,
    existing: Option<T>,
    default: (T, &str),
    name: &str,
    problems: &mut Vec<String>,
) -> (T, String) {
    match (given, existing) {
        (Some(g), Some(e)) if g.value != e => {
            problems.push(format!(
                "gateway {name} exists with {what} {e}; {} (from {}) differs: the gateway is not changed in place: leave the value out, or remove the gateway first (`threescale-install gateway remove {name}`)",
                g.value, g.source
            ));
            (e, "(the existing gateway's)".into())
        }
        (Some(g), _) => (g.value, format!("(from {})", g.source)),
        (None, Some(e)) => (e, "(the existing gateway's)".into()),
        (None, None) => (default.0, format!("({})", default.1)),
    }
}

pub(crate) fn plan_add(r: &AddRequest) -> Plan {
    let mut p = Plan::new();
    let name = r.name;
    let objects = r.state.objects();
    p.decisions.push(format!(
        "gateway {name} in project {} (from {})",
        r.project.value,
        match &r.project.source {
            Source::Default => "the gateway's name".to_string(),
            other => other.to_string(),
        }
    ));
    let (environment, loader, cache) = settle_settings(r, &mut p);
    let hosts = settle_hosts(r, &mut p);
    let params = objects::template_params(name, environment, loader, cache, r.install.image);
    let template_refs = template_objects(r, &params, &hosts, &mut p);
    let token = plan_token(r, &mut p);
    let pull_actions = plan_pull_secret(r, objects, &mut p);

    p.actions.extend(token.first);
    // Absent, or not visible (OpenShift answers the same for both): creating it tells.
    if !r.state.exists() {
        p.actions.push(Action::CreateProject {
            name: r.project.value.clone(),
            display_name: format!("APIcast gateway {name}"),
        });
    }
    p.actions.extend(pull_actions);
    p.actions.extend(token.writes);
    let absent: Vec<ObjectRef> = template_refs
        .into_iter()
        .filter(|o| !objects.iter().any(|l| o.matches(l)))
        .collect();
    if !absent.is_empty() {
        p.actions.push(Action::CreateGatewayObjects(GatewayObjects {
            gateway: name.to_string(),
            environment,
            loader,
            cache,
            template: r.template_path.to_path_buf(),
            params,
            objects: absent,
        }));
    }
    let routes: Vec<Value> = hosts
        .iter()
        .filter(|h| !r.existing.hosts().contains(h))
        .map(|h| objects::route(name, h))
        .collect();
    if !routes.is_empty() {
        p.actions.push(Action::CreateRoutes { routes });
    }
    pod_monitor(r, &mut p);
    p.actions.extend(token.last);
    p.settled = Some(Settled {
        environment,
        loader,
        cache,
        hosts,
    });
    p
}

/// The gateway's settings: given, else the existing gateway's, else the environment's.
fn settle_settings(r: &AddRequest, p: &mut Plan) -> (Environment, Loader, u32) {
    let (a, existing, name) = (r.answers, r.existing, r.name);
    let (environment, env_text) = settle(
        "environment",
        a.environment.as_ref(),
        existing.dc.as_ref().and(existing.environment()),
        (Environment::Production, "the default"),
        name,
        &mut p.problems,
    );
    let defaults = format!("{environment}'s default");
    let (loader, loader_text) = settle(
        "configuration loader",
        a.loader.as_ref(),
        existing.dc.as_ref().and(existing.loader()),
        (environment.default_loader(), &defaults),
        name,
        &mut p.problems,
    );
    let (cache, cache_text) = settle(
        "configuration cache",
        a.cache.as_ref(),
        existing.dc.as_ref().and(existing.cache()),
        (environment.default_cache(), &defaults),
        name,
        &mut p.problems,
    );
    if let Err(why) = settings::check(loader, cache) {
        p.problems.push(why);
    }
    p.decisions.push(format!(
        "environment {environment} {env_text}; configuration loader {loader} {loader_text}; cache {cache} s {cache_text}"
    ));
    (environment, loader, cache)
}

/// The hosts: those of the existing routes and those given (a route is never deleted here:
/// `gateway remove`, or `oc delete route`, does that); no other route of the project may serve
/// one.
fn settle_hosts(r: &AddRequest, p: &mut Plan) -> Vec<String> {
    let (name, project, objects) = (r.name, &r.project.value, r.state.objects());
    let mut hosts = r.existing.hosts();
    for h in &r.answers.hosts {
        if !hosts.contains(&h.value) {
            hosts.push(h.value.clone());
        }
    }
    if hosts.is_empty() {
        p.missing.push(Missing {
            what: "a public host of the gateway (one edge route each)".into(),
            ways: host_ways(),
            field: None,
        });
    }
    for host in &hosts {
        if let Some(other) = objects.iter().find(|o| {
            o["kind"] == "Route" && o["spec"]["host"] == host.as_str() && !objects::is_of(o, name)
        }) {
            p.problems.push(format!(
                "host {host} is already served by route {} in project {project}: choose another --host, or remove that route",
                other["metadata"]["name"].as_str().unwrap_or_default()
            ));
        }
    }
    hosts
}

/// The template's objects, named after the gateway (the template must be the 2.8 gateway's);
/// what exists under the names of the gateway's objects must be the gateway's.
fn template_objects(
    r: &AddRequest,
    params: &[(String, String)],
    hosts: &[String],
    p: &mut Plan,
) -> Vec<ObjectRef> {
    let (name, project) = (r.name, &r.project.value);
    for (param, _) in params {
        if r.template.parameter(param).is_none() {
            p.problems.push(format!(
                "{} has no parameter {param}: it is not the 2.8 gateway template (check --templates-repo, --templates-ref or --templates-dir)",
                r.template_path.display()
            ));
        }
    }
    if let Some(image) = r.install.image {
        p.decisions.push(format!(
            "AMP_APICAST_IMAGE={image} (as the install was given it)"
        ));
    }
    let template_refs: Vec<ObjectRef> = render::render(r.template, params)
        .iter()
        .filter_map(ObjectRef::of_json)
        .collect();
    let mut own_names: Vec<ObjectRef> = template_refs.clone();
    own_names.push(ObjectRef::new("Secret", "v1", &objects::secret_name(name)));
    for host in hosts {
        own_names.push(ObjectRef::new(
            "Route",
            "route.openshift.io/v1",
            &objects::route_name(name, host),
        ));
    }
    for o in r.state.objects() {
        if own_names.iter().any(|n| n.matches(o)) && !objects::is_of(o, name) {
            let id = ObjectRef::of_json(o)
                .map(|r| r.to_string())
                .unwrap_or_default();
            p.problems.push(format!(
                "{id} exists in project {project} and is not part of gateway {name}: choose another --name or --project"
            ));
        }
    }
    template_refs
}

/// The access token's changes, in three places of the plan: a token is minted first (the
/// secret written later holds it), the secret is written in the middle, and the tokens no
/// longer used are revoked last.
#[derive(Default)]
struct TokenChanges {
    first: Vec<Action>,
    writes: Vec<Action>,
    last: Vec<Action>,
}

/// The token actions of one gateway, on its install's admin portal.
struct TokenActions<'a> {
    r: &'a AddRequest<'a>,
    /// The name its minted token has in 3scale.
    name: String,
    /// The tokens of that name: minted for the gateway by this tool.
    ours: Vec<&'a AccessToken>,
}

impl TokenActions<'_> {
    fn mint(&self) -> Action {
        Action::MintAccessToken(Mint {
            host: self.r.install.admin_host.to_string(),
            admin_token: self.r.install.admin_token.clone(),
            name: self.name.clone(),
            orphans: self.ours.iter().map(|t| t.id).collect(),
        })
    }

    fn revoke(&self, t: &AccessToken) -> Action {
        Action::RevokeAccessToken(Revoke {
            host: self.r.install.admin_host.to_string(),
            admin_token: self.r.install.admin_token.clone(),
            id: t.id,
            name: t.name.clone(),
        })
    }

    /// Revokes the tokens of the gateway's name but `kept`.
    fn revoke_ours(&self, kept: Option<u64>) -> Vec<Action> {
        self.ours
            .iter()
            .filter(|t| Some(t.id) != kept)
            .map(|t| self.revoke(t))
            .collect()
    }

    fn write(&self, token: EndpointToken) -> Action {
        Action::WritePortalEndpoint(PortalEndpoint {
            gateway: self.r.name.to_string(),
            host: self.r.install.admin_host.to_string(),
            token,
            portal: PortalRecord {
                cluster: self.r.install.cluster.to_string(),
                project: self.r.install.project.to_string(),
            },
            replace: self.r.existing.secret.is_some(),
        })
    }

    fn minted(&self) -> TokenChanges {
        TokenChanges {
            first: vec![self.mint()],
            writes: vec![self.write(EndpointToken::Minted)],
            last: Vec::new(),
        }
    }
}

/// What 3scale's answer to the token says, in words.
fn lists(n: usize) -> String {
    format!("GET /admin/api/services.json with it lists {n} product(s)")
}

/// The access token the gateway reads with: the one given, else the one its secret holds, else
/// one minted for it.
fn plan_token(r: &AddRequest, p: &mut Plan) -> TokenChanges {
    let name = objects::token_name(r.name, &r.project.value, r.cluster);
    let ours = r.tokens.iter().filter(|t| t.name == name).collect();
    let tokens = TokenActions { r, name, ours };
    let current = r.existing.secret.as_ref().and_then(|s| s.endpoint.clone());
    match (&r.answers.access_token, current) {
        (Some(given), current) => given_token(&tokens, given, current, p),
        (None, Some((token, host))) => held_token(&tokens, token, &host, p),
        (None, None) => {
            p.decisions.push(format!(
                "access token: minted for the gateway as \"{}\" (scope account_management, read-only)",
                tokens.name
            ));
            tokens.minted()
        }
    }
}

/// A token given now: written unless the secret holds it for the same portal, and then the
/// tokens this tool minted for the gateway are no longer used.
fn given_token(
    tokens: &TokenActions,
    given: &Given<Secret>,
    current: Option<(Secret, String)>,
    p: &mut Plan,
) -> TokenChanges {
    let admin_host = tokens.r.install.admin_host;
    match &tokens.r.token_check {
        Some(Err(why)) => {
            p.problems.push(format!(
                "the access token (from {}) is refused by 3scale at {admin_host}: {why}; give a token of the tenant's admin with the account_management scope",
                given.source
            ));
            TokenChanges::default()
        }
        check => {
            if let Some(Ok(n)) = check {
                p.decisions.push(format!(
                    "access token: the one from {} ({})",
                    given.source,
                    lists(*n)
                ));
            }
            let same = current
                .as_ref()
                .is_some_and(|(t, h)| *t == given.value && h == admin_host);
            if same {
                return TokenChanges::default();
            }
            let write = tokens.write(EndpointToken::Known {
                value: given.value.clone(),
                record: TokenRecord {
                    id: None,
                    name: None,
                    minted: false,
                },
            });
            TokenChanges {
                first: Vec::new(),
                writes: vec![write],
                last: tokens.revoke_ours(None),
            }
        }
    }
}

/// The token the gateway's secret holds: kept while 3scale takes it (pointed at the install's
/// portal if it moved); one minted earlier and refused now is minted again; tokens of the
/// gateway's name it does not hold were left by a stopped run.
fn held_token(tokens: &TokenActions, token: Secret, host: &str, p: &mut Plan) -> TokenChanges {
    let r = tokens.r;
    let admin_host = r.install.admin_host;
    let record = r
        .existing
        .secret
        .as_ref()
        .map(|s| s.token.clone())
        .unwrap_or(TokenRecord {
            id: None,
            name: None,
            minted: false,
        });
    let secret_name = objects::secret_name(r.name);
    match &r.token_check {
        Some(Err(why)) if record.minted => {
            p.decisions.push(format!(
                "the token minted earlier (secret {secret_name}) is refused ({why}): another is minted"
            ));
            tokens.minted()
        }
        Some(Err(why)) => {
            p.problems.push(format!(
                "the access token of secret {secret_name} (given to an earlier run) is refused by 3scale at {admin_host}: {why}; give a working one with --access-token-file, --access-token-stdin or THREESCALE_ACCESS_TOKEN"
            ));
            TokenChanges::default()
        }
        check => {
            p.decisions.push(format!(
                "access token: the one secret {secret_name} holds{}",
                match check {
                    Some(Ok(n)) => format!(" ({})", lists(*n)),
                    _ => String::new(),
                }
            ));
            let last = tokens.revoke_ours(record.id);
            let writes = if host != admin_host {
                vec![tokens.write(EndpointToken::Known {
                    value: token,
                    record,
                })]
            } else {
                Vec::new()
            };
            TokenChanges {
                first: Vec::new(),
                writes,
                last,
            }
        }
    }
}

/// The pull secret of the gateway's project, linked to the service account the pods run as.
fn plan_pull_secret(r: &AddRequest, objects: &[Value], p: &mut Plan) -> Vec<Action> {
    let mut actions: Vec<Action> = pull_secret_write(r, objects, p)
        .map(Action::WritePullSecret)
        .into_iter()
        .collect();
    let sa = objects
        .iter()
        .find(|o| o["kind"] == "ServiceAccount" && o["metadata"]["name"] == SERVICE_ACCOUNT);
    if !sa.is_some_and(objects::pulls_with) {
        actions.push(Action::LinkPullSecret {
            service_account: SERVICE_ACCOUNT.into(),
        });
    }
    actions
}

/// The registry logins a gateway's project may get.
struct Logins {
    server: String,
    /// What the gateway's project holds under the pull secret's name.
    here: pull_secret::Observed,
    /// The user of the pull secret already in the gateway's project.
    held: Option<String>,
    /// The install's login, from its project's pull secret.
    install: Option<pull_secret::Login>,
}

impl Logins {
    fn of(r: &AddRequest, objects: &[Value]) -> Logins {
        let registry = &r.answers.registry;
        let server = match (&registry.server.source, r.install.registry_server) {
            (Source::Default, Some(s)) => s.to_string(),
            _ => registry.server.value.clone(),
        };
        let here = pull_secret::observe(objects, &server);
        let held = match &here {
            pull_secret::Observed::Present(Some(e)) => e.username.clone(),
            _ => None,
        };
        let install = match pull_secret::observe(r.install.objects, &server) {
            pull_secret::Observed::Present(Some(pull_secret::Existing {
                username: Some(u),
                password: Some(pw),
            })) => Some(pull_secret::Login {
                server: server.clone(),
                username: u,
                password: pw,
            }),
            _ => None,
        };
        Logins {
            server,
            here,
            held,
            install,
        }
    }

    /// The user a password given alone belongs to: the one of the secret already here, or else
    /// of the install's login (the quick start leaves the install's password exported).
    fn owner(&self) -> Option<(String, &'static str)> {
        self.held
            .clone()
            .map(|u| (u, "of the pull secret already in this project"))
            .or_else(|| {
                self.install
                    .as_ref()
                    .map(|l| (l.username.clone(), "of the install's registry login"))
            })
    }
}

/// The gateway's PodMonitor, when the install's monitoring is enabled (or why there is none).
fn pod_monitor(r: &AddRequest, p: &mut Plan) {
    match &r.pod_monitor {
        Some(Ok(monitor)) => p.actions.push(Action::CreatePodMonitor(monitor.clone())),
        Some(Err(why)) => p.decisions.push(why.clone()),
        None => {}
    }
}

/// The pull secret of the gateway's project: the login given, else the one the project's secret
/// holds (kept), else the install's.
fn pull_secret_write(
    r: &AddRequest,
    objects: &[Value],
    p: &mut Plan,
) -> Option<pull_secret::Write> {
    let registry = &r.answers.registry;
    let logins = Logins::of(r, objects);
    let owner = logins.owner();
    let Logins {
        server,
        here,
        held,
        install,
    } = logins;
    let login = |username: String, password: &Given<Secret>| pull_secret::Login {
        server: server.clone(),
        username,
        password: password.value.clone(),
    };
    let given_user = registry.username.as_ref().map(|u| u.value.clone());
    match (&registry.password, given_user) {
        (Some(password), Some(username)) => pull_secret::plan(here, login(username, password)),
        (None, user) if held.is_some() && (user.is_none() || user == held) => {
            p.decisions.push(format!(
                "pull secret {} is kept: it holds {} for {server}",
                pull_secret::NAME,
                held.unwrap_or_default()
            ));
            None
        }
        (Some(password), None) if owner.is_some() => {
            let (username, whose) = owner.expect("checked");
            p.decisions.push(format!(
                "pull secret {}: the given password, for {username} (the user {whose}; \
                 --registry-username names another)",
                pull_secret::NAME
            ));
            pull_secret::plan(here, login(username, password))
        }
        (None, user)
            if install
                .as_ref()
                .is_some_and(|l| user.is_none() || user.as_deref() == Some(&l.username)) =>
        {
            let install = install.expect("checked");
            p.decisions.push(format!(
                "pull secret {}: the registry login of the install's ({} for {server})",
                pull_secret::NAME,
                install.username
            ));
            pull_secret::plan(here, install)
        }
        (password, user) => {
            missing_login(r, &server, user.is_none(), password.is_none(), p);
            None
        }
    }
}

/// The parts of a registry login no one gave and no pull secret holds.
fn missing_login(r: &AddRequest, server: &str, user: bool, password: bool, p: &mut Plan) {
    let why = format!(
        "(project {} has no pull secret {} for {server} to copy)",
        r.install.project,
        pull_secret::NAME
    );
    if user {
        p.missing.push(Missing {
            what: format!("registry username {why}"),
            ways: Field::RegistryUsername.ways(),
            field: None,
        });
    }
    if password {
        p.missing.push(Missing {
            what: format!("registry password {why}"),
            ways: Field::RegistryPassword.ways(),
            field: None,
        });
    }
}

/// What `gateway remove` needs.
pub(crate) struct RemoveRequest<'a> {
    pub(crate) existing: &'a Observed,
    /// What the gateway's project holds.
    pub(crate) objects: &'a [Value],
    /// The name its minted token has in 3scale.
    pub(crate) token_name: String,
    /// The admin portal, its admin token and the tokens of its admin user, when the gateway's
    /// tokens are revoked.
    pub(crate) portal: Option<(&'a str, &'a Secret, &'a [AccessToken])>,
    pub(crate) keep_token: bool,
}

pub(crate) fn plan_remove(r: &RemoveRequest) -> Plan {
    let mut p = Plan::new();
    revoke_tokens(r, &mut p);
    let name = &r.existing.name;
    let mut refs = r.existing.objects.clone();
    // The pull secret goes with the last gateway of a project where nothing else needs it.
    let others = objects::names_in(r.objects)
        .into_iter()
        .filter(|n| n != name)
        .count();
    let install_here = r
        .objects
        .iter()
        .any(|o| o["kind"] == "Secret" && o["metadata"]["name"] == SEED_SECRET);
    let pull = r.objects.iter().find(|o| {
        o["kind"] == "Secret"
            && o["metadata"]["name"] == pull_secret::NAME
            && o["metadata"]["labels"][MANAGED_BY.0] == MANAGED_BY.1
    });
    match pull {
        Some(secret) if others == 0 && !install_here => {
            p.actions.extend(unlink_pull_secret(r.objects));
            refs.extend(ObjectRef::of_json(secret));
        }
        Some(_) => p.decisions.push(format!(
            "pull secret {} is kept: {}",
            pull_secret::NAME,
            if install_here {
                "the install in this project uses it".to_string()
            } else {
                format!("{others} other gateway(s) of this project use it")
            }
        )),
        None => {}
    }
    if !refs.is_empty() {
        p.actions.push(Action::DeleteObjects(refs));
    }
    // The project itself may hold more than the gateway (and `add` cannot mark it as its own:
    // a project admin may not label a namespace): it stays, and the way to remove it is said.
    if others == 0 && !install_here {
        p.decisions.push(format!(
            "project {0} is kept: it may hold more than this gateway; `oc delete project {0}` removes it with everything in it",
            r.existing.project
        ));
    }
    p
}

/// The gateway's tokens in 3scale: the one minted for it and those of its name are revoked,
/// unless kept (`--keep-token`); a token given to it is not the tool's to revoke.
fn revoke_tokens(r: &RemoveRequest, p: &mut Plan) {
    let record = r.existing.secret.as_ref().map(|s| &s.token);
    let (host, admin, tokens) = match (&r.portal, r.keep_token) {
        (_, true) => {
            p.decisions
                .push("the access token is kept in 3scale (--keep-token)".into());
            return;
        }
        (Some(portal), false) => portal,
        (None, false) => {
            p.decisions
                .push("its access token was given, not minted: it is kept in 3scale".into());
            return;
        }
    };
    let minted_id = record.filter(|t| t.minted).and_then(|t| t.id);
    let revoked: Vec<&AccessToken> = tokens
        .iter()
        .filter(|t| Some(t.id) == minted_id || t.name == r.token_name)
        .collect();
    if revoked.is_empty() {
        p.decisions.push(match record {
            Some(t) if !t.minted => {
                "its access token was given, not minted: it is kept in 3scale".to_string()
            }
            _ => "no access token of the gateway is left in 3scale".to_string(),
        });
    }
    for t in revoked {
        p.actions.push(Action::RevokeAccessToken(Revoke {
            host: host.to_string(),
            admin_token: (*admin).clone(),
            id: t.id,
            name: t.name.clone(),
        }));
    }
}

/// Unlinks the pull secret from the service account the pods ran as, when it is linked.
fn unlink_pull_secret(objects: &[Value]) -> Option<Action> {
    let linked = objects.iter().any(|o| {
        o["kind"] == "ServiceAccount"
            && o["metadata"]["name"] == SERVICE_ACCOUNT
            && objects::pulls_with(o)
    });
    linked.then(|| Action::UnlinkPullSecret {
        service_account: SERVICE_ACCOUNT.into(),
    })
}

/// The gateway's hosts that a route of another project holds: a problem naming each claimant
/// (the router would refuse the gateway's route, HostAlreadyClaimed), else a passed check.
pub(crate) fn refuse_held(
    plan: &mut Plan,
    routes: &[crate::engine::kube::Route],
    project: &str,
    hosts: &[&str],
    searched: &str,
) {
    let held: Vec<String> = hosts
        .iter()
        .filter_map(|h| {
            let r = crate::engine::hosts::holder(routes, project, h)?;
            Some(format!(
                "{h} is held by route {} in project {}",
                r.metadata.name,
                r.metadata.namespace.as_deref().unwrap_or("?")
            ))
        })
        .collect();
    if held.is_empty() {
        plan.checks.push(CheckResult::ok(
            "route-hosts",
            format!("no route of {searched} holds {}", hosts.join(", ")),
        ));
        return;
    }
    plan.problems.push(format!(
        "{}: OpenShift's router admits a host for one project only and would refuse the gateway's route (HostAlreadyClaimed); give the gateway another --host",
        held.join("; ")
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Options;
    use crate::inputs::gateway::{GatewayAnswers, Portal};
    use crate::inputs::{Connection, Mode, Registry};
    use crate::secrets::Redactor;
    use serde_json::json;
    use std::time::Duration;

    const TEMPLATE: &str = r#"
metadata: {name: 3scale-gateway}
objects:
- apiVersion: v1
  kind: DeploymentConfig
  metadata: {name: "${APICAST_NAME}"}
  spec:
    template:
      spec:
        containers:
        - env:
          - {name: THREESCALE_DEPLOYMENT_ENV, value: "${DEPLOYMENT_ENVIRONMENT}"}
          - {name: APICAST_CONFIGURATION_LOADER, value: "${CONFIGURATION_LOADER}"}
          - {name: APICAST_CONFIGURATION_CACHE, value: "${CONFIGURATION_CACHE}"}
- apiVersion: v1
  kind: Service
  metadata: {name: "${APICAST_NAME}"}
parameters:
- {name: AMP_APICAST_IMAGE, value: "registry.redhat.io/x"}
- {name: APICAST_NAME, value: apicast}
- {name: DEPLOYMENT_ENVIRONMENT, value: production}
- {name: CONFIGURATION_URL_SECRET, value: apicast-configuration-url-secret}
- {name: CONFIGURATION_LOADER, value: boot}
- {name: CONFIGURATION_CACHE, value: ""}
"#;

    fn answers(hosts: &[&str]) -> AddAnswers {
        let connection = Connection {
            oc: None,
            kubeconfig: None,
            context: None,
            timing: Default::default(),
            log_file: None,
        };
        AddAnswers {
            common: GatewayAnswers {
                mode: Mode {
                    never_ask: true,
                    verbose: false,
                    quiet: false,
                    format: crate::cli::Format::Text,
                    show_secrets: false,
                },
                portal: Portal {
                    project: Given::new("3scale-apim".into(), Source::Default),
                    connection: connection.clone(),
                    named: false,
                },
                connection,
                project: None,
                http: Options::default(),
                warnings: Vec::new(),
            },
            name: Some(Given::new("gw".into(), Source::Flag("--name".into()))),
            environment: None,
            hosts: hosts
                .iter()
                .map(|h| Given::new(h.to_string(), Source::Flag("--host".into())))
                .collect(),
            loader: None,
            cache: None,
            access_token: None,
            registry: Registry {
                server: Given::new("registry.redhat.io".into(), Source::Default),
                username: None,
                password: None,
                confirm: false,
            },
            templates: None,
            refresh_templates: false,
            wait: Some(Duration::from_secs(600)),
            poll_interval: Duration::from_secs(1),
            verify: true,
            dry_run: false,
        }
    }

    fn install_pull_secret() -> Value {
        let m = pull_secret::manifest(&pull_secret::Login {
            server: "registry.redhat.io".into(),
            username: "12345|u".into(),
            password: Secret::new("registry-pw-1"),
        });
        serde_json::from_str(m.expose()).unwrap()
    }

    struct World {
        template: Template,
        install: Vec<Value>,
        admin: Secret,
    }

    fn world() -> World {
        World {
            template: Template::parse(TEMPLATE).unwrap(),
            install: vec![install_pull_secret()],
            admin: Secret::new("admin-token-1"),
        }
    }

    fn plan(
        w: &World,
        a: &AddAnswers,
        state: &ProjectState,
        tokens: &[AccessToken],
        check: Option<Result<usize, String>>,
    ) -> Plan {
        let project = Given::new("gw".to_string(), Source::Default);
        let existing = Observed::of("gw", "gw", state.objects(), &Redactor::default());
        plan_add(&AddRequest {
            pod_monitor: None,
            answers: a,
            name: "gw",
            project: &project,
            cluster: "https://api.x:6443",
            state,
            existing: &existing,
            install: Install {
                cluster: "https://api.x:6443",
                project: "3scale-apim",
                admin_host: "3scale-admin.apps.x",
                admin_token: &w.admin,
                objects: &w.install,
                image: None,
                registry_server: None,
            },
            template: &w.template,
            template_path: Path::new("apicast-gateway/apicast.yml"),
            tokens,
            token_check: check,
        })
    }

    fn shown(p: &Plan) -> Vec<String> {
        p.actions.iter().map(ToString::to_string).collect()
    }

    /// The objects a plan's actions would leave in the project (what the executor does).
    fn applied(p: &Plan, w: &World) -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        for a in &p.actions {
            match a {
                Action::WritePullSecret(w) => {
                    out.push(serde_json::from_str(pull_secret::manifest(w.login()).expose()).unwrap())
                }
                Action::WritePortalEndpoint(e) => {
                    let url = objects::endpoint_url(&Secret::new("minted-token-1"), &e.host);
                    let record = TokenRecord {
                        id: Some(9),
                        name: Some("n".into()),
                        minted: true,
                    };
                    out.push(
                        serde_json::from_str(
                            objects::endpoint_secret(&e.gateway, &url, &record, &e.portal)
                                .expose(),
                        )
                        .unwrap(),
                    );
                }
                Action::LinkPullSecret { .. } => out.push(json!({"kind": "ServiceAccount",
                    "metadata": {"name": "default"}, "imagePullSecrets": [{"name": pull_secret::NAME}]})),
                Action::CreateGatewayObjects(g) => {
                    let mut items = render::render(&w.template, &g.params);
                    objects::label_objects(&mut items, &g.gateway, g.environment);
                    out.extend(items);
                }
                Action::CreateRoutes { routes } => out.extend(routes.iter().cloned()),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn a_new_gateway_mints_then_creates_everything_in_order_and_a_rerun_changes_nothing() {
        let w = world();
        let a = answers(&["api.eu.example.com"]);
        let p = plan(&w, &a, &ProjectState::Absent, &[], None);
        assert!(p.problems.is_empty() && p.missing.is_empty(), "{p:?}");
        assert_eq!(
            shown(&p),
            [
                "mint access token \"threescale-install gateway gw in gw on api.x:6443\" (scope account_management, read-only) on 3scale-admin.apps.x",
                "create project gw (display name \"APIcast gateway gw\")",
                "create secret threescale-registry-auth for registry.redhat.io as 12345|u",
                "link secret threescale-registry-auth to service account default for pulls",
                "create secret gw-portal-endpoint (THREESCALE_PORTAL_ENDPOINT: https://••••••@3scale-admin.apps.x with the token minted above)",
                "create deploymentconfig/gw, service/gw of apicast-gateway/apicast.yml (production: loader boot, cache 300 s)",
                "create edge route gw-api-eu-example-com for https://api.eu.example.com",
            ]
        );
        assert!(p
            .decisions
            .iter()
            .any(|d| d.contains("registry login of the install's")));
        // Applied, then planned again with the token working: nothing to do.
        let state = ProjectState::Present(applied(&p, &w));
        let tokens = [AccessToken {
            id: 9,
            name: "threescale-install gateway gw in gw on api.x:6443".into(),
            value: None,
        }];
        let again = plan(&w, &answers(&[]), &state, &tokens, Some(Ok(1)));
        assert!(again.actions.is_empty(), "{:?}", shown(&again));
        assert_eq!(again.settled.unwrap().hosts, ["api.eu.example.com"]);
    }

    #[test]
    fn staging_gets_lazy_and_no_cache_and_settings_differing_from_the_gateway_are_refused() {
        let w = world();
        let mut a = answers(&["s.example.com"]);
        a.environment = Some(Given::new(
            Environment::Staging,
            Source::Flag("--environment".into()),
        ));
        let p = plan(&w, &a, &ProjectState::Absent, &[], None);
        assert!(
            shown(&p)
                .iter()
                .any(|s| s.contains("(staging: loader lazy, cache 0 s)")),
            "{:?}",
            shown(&p)
        );
        let state = ProjectState::Present(applied(&p, &w));
        let mut b = answers(&[]);
        b.environment = Some(Given::new(
            Environment::Production,
            Source::Flag("--environment".into()),
        ));
        let p = plan(&w, &b, &state, &[], Some(Ok(1)));
        assert!(
            p.problems
                .iter()
                .any(|x| x.contains("exists with environment staging")),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn a_refused_token_is_a_problem_when_given_and_reminted_when_minted() {
        let w = world();
        let mut a = answers(&["h.example.com"]);
        a.access_token = Some(Given::new(
            Secret::new("given-token-1"),
            Source::Env("T".into()),
        ));
        let p = plan(
            &w,
            &a,
            &ProjectState::Absent,
            &[],
            Some(Err("403: Access denied".into())),
        );
        assert!(
            p.problems[0].contains("refused by 3scale") && p.problems[0].contains("Access denied")
        );

        let fresh = plan(
            &w,
            &answers(&["h.example.com"]),
            &ProjectState::Absent,
            &[],
            None,
        );
        let state = ProjectState::Present(applied(&fresh, &w));
        let p = plan(
            &w,
            &answers(&[]),
            &state,
            &[],
            Some(Err("403: Access denied".into())),
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let s = shown(&p);
        assert!(
            s[0].starts_with("mint access token")
                && s[1].starts_with("update secret gw-portal-endpoint"),
            "{s:?}"
        );
    }

    #[test]
    fn a_host_added_later_gets_its_route_and_no_route_is_ever_deleted() {
        let w = world();
        let first = plan(
            &w,
            &answers(&["a.example.com"]),
            &ProjectState::Absent,
            &[],
            None,
        );
        let state = ProjectState::Present(applied(&first, &w));
        let p = plan(&w, &answers(&["b.example.com"]), &state, &[], Some(Ok(1)));
        assert_eq!(
            shown(&p),
            ["create edge route gw-b-example-com for https://b.example.com"]
        );
        assert_eq!(p.settled.unwrap().hosts, ["a.example.com", "b.example.com"]);
    }

    #[test]
    fn a_token_left_by_a_stopped_run_is_deleted_before_minting() {
        let w = world();
        let orphan = AccessToken {
            id: 4,
            name: "threescale-install gateway gw in gw on api.x:6443".into(),
            value: None,
        };
        let p = plan(
            &w,
            &answers(&["h.example.com"]),
            &ProjectState::Absent,
            &[orphan],
            None,
        );
        match &p.actions[0] {
            Action::MintAccessToken(m) => assert_eq!(m.orphans, [4]),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn objects_of_the_gateways_names_that_are_not_its_own_are_refused() {
        let w = world();
        let state = ProjectState::Present(vec![
            json!({"kind": "DeploymentConfig", "apiVersion": "apps.openshift.io/v1", "metadata": {"name": "gw"}}),
            json!({"kind": "Route", "metadata": {"name": "other"}, "spec": {"host": "h.example.com"}}),
        ]);
        let p = plan(&w, &answers(&["h.example.com"]), &state, &[], None);
        assert!(
            p.problems
                .iter()
                .any(|x| x.contains("deploymentconfig/gw exists")),
            "{:?}",
            p.problems
        );
        assert!(
            p.problems
                .iter()
                .any(|x| x.contains("already served by route other")),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn without_a_login_or_an_install_pull_secret_the_registry_login_is_missing() {
        let mut w = world();
        w.install.clear();
        let p = plan(&w, &answers(&[]), &ProjectState::Absent, &[], None);
        let missing: Vec<&str> = p.missing.iter().map(|m| m.what.as_str()).collect();
        assert_eq!(missing.len(), 3, "{missing:?}");
        assert!(missing[0].contains("public host") && missing[1].contains("registry username"));
    }

    #[test]
    fn remove_revokes_the_minted_token_and_takes_the_pull_secret_with_the_last_gateway() {
        let w = world();
        let fresh = plan(
            &w,
            &answers(&["h.example.com"]),
            &ProjectState::Absent,
            &[],
            None,
        );
        let objects = applied(&fresh, &w);
        let existing = Observed::of("gw", "gw", &objects, &Redactor::default());
        let admin = Secret::new("admin-token-1");
        let tokens = [
            AccessToken {
                id: 9,
                name: "x".into(),
                value: None,
            },
            AccessToken {
                id: 3,
                name: "unrelated".into(),
                value: None,
            },
        ];
        let p = plan_remove(&RemoveRequest {
            existing: &existing,
            objects: &objects,
            token_name: "threescale-install gateway gw in gw on api.x:6443".into(),
            portal: Some(("3scale-admin.apps.x", &admin, &tokens)),
            keep_token: false,
        });
        assert_eq!(
            shown(&p),
            [
                "revoke access token \"x\" (id 9) on 3scale-admin.apps.x",
                "unlink secret threescale-registry-auth from service account default",
                "delete secret/gw-portal-endpoint, deploymentconfig/gw, service/gw, route/gw-h-example-com, secret/threescale-registry-auth",
            ]
        );
        // With another gateway in the project, the pull secret stays.
        let mut more = objects.clone();
        more.push(json!({"kind": "Route", "metadata": {"name": "b", "labels": {objects::GATEWAY_LABEL: "other"}}}));
        let p = plan_remove(&RemoveRequest {
            existing: &existing,
            objects: &more,
            token_name: String::new(),
            portal: None,
            keep_token: true,
        });
        assert_eq!(shown(&p).len(), 1);
        assert!(
            p.decisions.iter().any(|d| d.contains("1 other gateway")),
            "{:?}",
            p.decisions
        );
    }
}
