//! How a gateway's changes are made: its access token through 3scale's Account Management API,
//! its secrets and objects through oc.

use super::action::{
    EndpointToken, GatewayAction, GatewayObjects, Mint, Minted, PortalEndpoint, Revoke,
};
use super::objects::{self, TokenRecord};
use crate::engine::change::{Change, Ctx, Permission};
use crate::engine::execute::{
    change_failure, create_in_two_waves, create_wave, kept, process_failure, single_change,
};
use crate::failure::{Failure, FailureKind, Outcome};
use crate::oc::{Cause, OcError};
use crate::pull_secret;
use crate::secrets::Secret;
use crate::templates::api_versions;
use crate::templates::kinds::Resource;
use crate::threescale::{Api, ApiError};
use serde_json::Value;
use std::time::{Duration, Instant};

/// How long a new project may take to get its `default` service account.
const SERVICE_ACCOUNT_DEADLINE: Duration = Duration::from_secs(120);

/// A failed request to 3scale: 3scale that does not answer, or refuses, is a failed change.
fn threescale_failure(doing: &str, e: ApiError) -> Failure {
    let help = match &e {
        ApiError::Http(_) => "3scale's admin portal did not answer: check it with `threescale-install verify --project <the install's project>`, then run the same command again",
        ApiError::Refused { status: 403, .. } => "the install's ADMIN_ACCESS_TOKEN (secret system-seed) was refused: it may have been changed in the admin portal; check with `threescale-install verify`",
        _ => "run the same command again: it continues from what exists",
    };
    Failure::new(FailureKind::Cluster, e)
        .context(format!("could not {doing}"))
        .with_help(help)
}

fn api<'a>(ctx: &Ctx<'a>) -> Outcome<Api<'a>> {
    Ok(Api { http: ctx.http()? })
}

/// Mints the gateway's token (deleting earlier ones of its name first), then checks it the way
/// the gateway will use it: `GET /admin/api/services.json`.
pub(crate) fn mint(ctx: &Ctx, m: &Mint) -> Outcome<(Secret, TokenRecord, String)> {
    let api = api(ctx)?;
    for id in &m.orphans {
        match api.delete_access_token(&m.host, &m.admin_token, *id) {
            Ok(()) => {}
            Err(e) if e.status() == Some(404) => {}
            Err(e) => {
                let doing = format!("delete the earlier access token {id} of that name");
                return Err(threescale_failure(&doing, e));
            }
        }
    }
    let scopes = ["account_management"];
    let token = api
        .create_access_token(&m.host, &m.admin_token, &m.name, "ro", &scopes)
        .map_err(|e| threescale_failure("mint the gateway's access token", e))?;
    let Some(value) = token.value else {
        return Err(Failure::internal(format!(
            "3scale minted access token {} but sent no value",
            token.id
        )));
    };
    let products = api.products(&m.host, &value).map_err(|e| {
        threescale_failure("read the products with the new token", e).with_help(format!(
            "the token was minted (id {}) but does not read the configuration: the next run deletes it and mints another",
            token.id
        ))
    })?;
    let detail = format!(
        "token \"{}\" (id {}) minted; with it, GET /admin/api/services.json lists {} product(s)",
        m.name,
        token.id,
        products.len()
    );
    let record = TokenRecord {
        id: Some(token.id),
        name: Some(m.name.clone()),
        minted: true,
    };
    Ok((value, record, detail))
}

pub(crate) fn revoke(ctx: &Ctx, r: &Revoke) -> Outcome<String> {
    match api(ctx)?.delete_access_token(&r.host, &r.admin_token, r.id) {
        Ok(()) => Ok(format!("access token \"{}\" (id {}) revoked", r.name, r.id)),
        // Gone already (revoked by hand, or by a run that stopped after it).
        Err(e) if e.status() == Some(404) => Ok(format!("access token {} was already gone", r.id)),
        Err(e) => Err(threescale_failure(
            &format!("revoke access token {}", r.id),
            e,
        )),
    }
}

pub(crate) fn write_endpoint(
    ctx: &Ctx,
    oc_args: &[String],
    e: &PortalEndpoint,
    minted: &Minted,
) -> Outcome<()> {
    let (value, record) = match (&e.token, &minted.0) {
        (EndpointToken::Known { value, record }, _) => (value, record),
        (EndpointToken::Minted, Some((value, record))) => (value, record),
        (EndpointToken::Minted, None) => {
            return Err(Failure::internal(
                "the plan writes a minted token that no earlier action minted",
            ))
        }
    };
    let url = objects::endpoint_url(value, &e.host);
    ctx.redactor.add_secret("PORTAL_ENDPOINT", &url);
    let manifest = objects::endpoint_secret(&e.gateway, &url, record, &e.portal);
    let name = objects::secret_name(&e.gateway);
    let written = || {
        ctx.oc
            .get_secret::<Value>(&name, ctx.project)
            .ok()
            .flatten()
            .and_then(|s| {
                objects::Observed::of(ctx.project, &e.gateway, &[s], ctx.redactor)
                    .secret
                    .and_then(|s| s.endpoint)
            })
            .is_some_and(|(t, h)| t == *value && h == e.host)
    };
    single_change(ctx.oc, oc_args, Some(manifest.expose().as_bytes()), written)
        .map(|_| ())
        .map_err(|err| change_failure(&format!("write secret {name}"), err, None))
}

fn service_account_pulls(ctx: &Ctx, service_account: &str, linked: bool) -> bool {
    ctx.oc
        .get::<Value>("serviceaccount", service_account, Some(ctx.project))
        .ok()
        .flatten()
        .is_some_and(|sa| objects::pulls_with(&sa) == linked)
}

/// `oc secrets link`; a project made moments ago may not have its `default` service account
/// yet (OpenShift's controller makes it): it is waited for, with a deadline.
pub(crate) fn link(ctx: &Ctx, oc_args: &[String], service_account: &str) -> Outcome<()> {
    let linked = || service_account_pulls(ctx, service_account, true);
    let failed = |e: OcError| {
        let doing = format!(
            "link {} to service account {service_account}",
            pull_secret::NAME
        );
        change_failure(&doing, e, None)
    };
    match single_change(ctx.oc, oc_args, None, linked) {
        Ok(_) => return Ok(()),
        Err(e) if e.cause != Cause::NotFound => return Err(failed(e)),
        Err(_) => {}
    }
    wait_for_service_account(ctx, service_account)
        .map_err(|e| e.unwrap_or_else(|| failed_sa(ctx, service_account)))?;
    single_change(ctx.oc, oc_args, None, linked)
        .map(|_| ())
        .map_err(failed)
}

fn failed_sa(ctx: &Ctx, service_account: &str) -> Failure {
    Failure::new(
        FailureKind::Cluster,
        anyhow::anyhow!(
            "service account {service_account} did not appear in project {} within {}",
            ctx.project,
            crate::duration::describe(SERVICE_ACCOUNT_DEADLINE)
        ),
    )
    .with_help("OpenShift makes it for every project: ask a cluster admin whether the service account controller works, then run the same command again")
}

/// Waits for the service account to appear: `Err(None)` when the deadline passed.
fn wait_for_service_account(ctx: &Ctx, service_account: &str) -> Result<(), Option<Failure>> {
    let deadline = Instant::now() + SERVICE_ACCOUNT_DEADLINE;
    let mut pause = Duration::from_millis(250);
    loop {
        match ctx
            .oc
            .get::<Value>("serviceaccount", service_account, Some(ctx.project))
        {
            Ok(Some(_)) => return Ok(()),
            Ok(None) if Instant::now() < deadline && !crate::interrupt::requested() => {
                ctx.oc.note(&format!(
                    "waiting for service account {service_account} to appear"
                ));
                std::thread::sleep(pause.min(deadline.saturating_duration_since(Instant::now())));
                pause = (pause * 2).min(Duration::from_secs(2));
            }
            Ok(None) => return Err(None),
            Err(e) => {
                let doing = format!(
                    "link {} to service account {service_account}",
                    pull_secret::NAME
                );
                return Err(Some(change_failure(&doing, e, None)));
            }
        }
    }
}

pub(crate) fn unlink(ctx: &Ctx, oc_args: &[String], service_account: &str) -> Outcome<()> {
    let unlinked = || service_account_pulls(ctx, service_account, false);
    single_change(ctx.oc, oc_args, None, unlinked)
        .map(|_| ())
        .map_err(|e| {
            let doing = format!(
                "unlink {} from service account {service_account}",
                pull_secret::NAME
            );
            change_failure(&doing, e, None)
        })
}

/// The gateway template sent to `oc process` on stdin (groupified: OpenShift 4.11 and later
/// refuse its `apiVersion: v1` Template), its planned objects kept, groupified, labelled and
/// created: the service first, then the deployment config.
pub(crate) fn create_objects(ctx: &Ctx, g: &GatewayObjects) -> Outcome<String> {
    let text = std::fs::read_to_string(&g.template)
        .map_err(|e| Failure::preflight(format!("cannot read {}: {e}", g.template.display())))?;
    let mut template: Value = serde_yaml::from_str(&text).map_err(|e| {
        Failure::preflight(format!("{} is not a template: {e}", g.template.display()))
    })?;
    api_versions::groupify(std::slice::from_mut(&mut template));
    let processed = ctx
        .oc
        .process_stdin(template.to_string().as_bytes(), &g.params, ctx.project)
        .map_err(|e| process_failure("the gateway template", e, "the gateway's settings"))?;
    let mut items = kept(&processed, &g.objects);
    if items.len() != g.objects.len() {
        return Err(Failure::internal(format!(
            "the processed gateway template lacks some of {}: the template and our reading of it disagree",
            g.objects.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        )));
    }
    api_versions::groupify(&mut items);
    objects::label_objects(&mut items, &g.gateway, g.environment);
    let created = create_in_two_waves(ctx, items)?;
    Ok(format!("{created} objects created"))
}

pub(crate) fn create_routes(ctx: &Ctx, routes: &[Value]) -> Outcome<String> {
    create_wave(ctx, routes.to_vec())
        .map(|n| format!("{n} route(s) created"))
        .map_err(|f| f.context("could not create the gateway's routes"))
}

/// Deleting is idempotent: a transient failure is simply sent again.
pub(crate) fn delete(ctx: &Ctx, oc_args: &[String]) -> Outcome<()> {
    single_change(ctx.oc, oc_args, None, || false)
        .map(|_| ())
        .map_err(|e| change_failure("delete the gateway's objects", e, None))
}

impl Change for GatewayAction {
    type Memo = Minted;

    fn title(&self) -> String {
        let secret = pull_secret::NAME;
        match self {
            GatewayAction::CreateProject { name, .. } => format!("create project {name}"),
            GatewayAction::WritePullSecret(w) => w.title(),
            GatewayAction::MintAccessToken(_) => "mint the gateway's access token".into(),
            GatewayAction::RevokeAccessToken(r) => format!("revoke access token {}", r.id),
            GatewayAction::WritePortalEndpoint(e) => format!(
                "{} secret {}",
                if e.replace { "update" } else { "create" },
                objects::secret_name(&e.gateway)
            ),
            GatewayAction::LinkPullSecret { service_account } => {
                format!("link pull secret {secret} to {service_account}")
            }
            GatewayAction::UnlinkPullSecret { service_account } => {
                format!("unlink pull secret {secret} from {service_account}")
            }
            GatewayAction::CreateGatewayObjects(g) => format!("create gateway {}", g.gateway),
            GatewayAction::CreateRoutes { routes } => {
                format!("create {} route(s)", routes.len())
            }
            GatewayAction::DeleteObjects(refs) => format!("delete {} object(s)", refs.len()),
            GatewayAction::CreatePodMonitor(_) => "create the gateway's PodMonitor".into(),
        }
    }

    fn permissions(&self) -> Vec<Permission> {
        let secret = Resource::of("Secret", "v1");
        match self {
            GatewayAction::CreateProject { .. } => vec![Permission::on_cluster(
                "create",
                Resource::of("ProjectRequest", "project.openshift.io/v1"),
            )],
            GatewayAction::WritePullSecret(w) => vec![w.permission()],
            GatewayAction::MintAccessToken(_) | GatewayAction::RevokeAccessToken(_) => Vec::new(),
            GatewayAction::WritePortalEndpoint(e) => vec![Permission::in_project(
                if e.replace { "update" } else { "create" },
                secret,
            )],
            GatewayAction::LinkPullSecret { .. } | GatewayAction::UnlinkPullSecret { .. } => {
                vec![Permission::in_project(
                    "update",
                    Resource::of("ServiceAccount", "v1"),
                )]
            }
            GatewayAction::CreateGatewayObjects(g) => Permission::each("create", &g.objects),
            GatewayAction::CreateRoutes { .. } => vec![Permission::in_project(
                "create",
                Resource::of("Route", "route.openshift.io/v1"),
            )],
            GatewayAction::DeleteObjects(refs) => Permission::each("delete", refs),
            // Asked before the plan: the gateway does not depend on it.
            GatewayAction::CreatePodMonitor(_) => Vec::new(),
        }
    }

    fn run(&self, ctx: &Ctx, minted: &mut Minted) -> Outcome<Option<String>> {
        let oc_args = self.oc_args(ctx.project);
        match self {
            GatewayAction::CreateProject { name, .. } => {
                crate::engine::execute::create_project(ctx, name, &oc_args).map(|()| None)
            }
            GatewayAction::WritePullSecret(w) => w.run(ctx),
            GatewayAction::MintAccessToken(m) => {
                let (token, record, detail) = mint(ctx, m)?;
                minted.0 = Some((token, record));
                Ok(Some(detail))
            }
            GatewayAction::RevokeAccessToken(r) => revoke(ctx, r).map(Some),
            GatewayAction::WritePortalEndpoint(e) => {
                write_endpoint(ctx, &oc_args, e, minted).map(|()| None)
            }
            GatewayAction::LinkPullSecret { service_account } => {
                link(ctx, &oc_args, service_account).map(|()| None)
            }
            GatewayAction::UnlinkPullSecret { service_account } => {
                unlink(ctx, &oc_args, service_account).map(|()| None)
            }
            GatewayAction::CreateGatewayObjects(g) => create_objects(ctx, g).map(Some),
            GatewayAction::CreateRoutes { routes } => create_routes(ctx, routes).map(Some),
            GatewayAction::DeleteObjects(_) => delete(ctx, &oc_args).map(|()| None),
            GatewayAction::CreatePodMonitor(monitor) => create_pod_monitor(ctx, &oc_args, monitor),
        }
    }
}

/// The gateway's PodMonitor: made when the user may; a refusal (no right, no monitoring API)
/// leaves the gateway working and says so in the step's detail.
pub(crate) fn create_pod_monitor(
    ctx: &Ctx,
    oc_args: &[String],
    monitor: &serde_json::Value,
) -> Outcome<Option<String>> {
    let body = monitor.to_string();
    match single_change(ctx.oc, oc_args, Some(body.as_bytes()), || false) {
        Ok(_) => Ok(None),
        Err(e)
            if matches!(
                e.cause,
                Cause::Forbidden | Cause::AlreadyExists | Cause::NoSuchResource
            ) =>
        {
            Ok(Some(format!("not created: {}", e.message)))
        }
        Err(e) => Err(change_failure("create the gateway's PodMonitor", e, None)),
    }
}
