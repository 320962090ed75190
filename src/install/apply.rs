//! Apply: the one executor. It runs the planned actions in order through oc, each on a step line,
//! and stops at the first that fails, saying what was being done, which command ran and what to
//! try. A run stopped half-way is continued by running the same command again: the next plan
//! sees what exists.

use super::action::{Action, CreateObjects, EndpointToken, GatewayObjects, Mint, PortalEndpoint};
use super::api_versions;
use super::pull_secret;
use super::Ctx;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::gateway::objects::{self, TokenRecord};
use crate::oc::{args, Cause, Oc, OcError};
use crate::secrets::Secret;
use crate::templates::kinds::ObjectRef;
use crate::threescale::{Api, ApiError};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// How many `oc create` run at once: oc limits itself to 5 requests a second after a burst of
/// 10 (client-go's defaults), so the 66 objects of amp.yml take 12 s through one oc.
const PARALLEL_CREATES: usize = 4;

/// Rounds of a change that failed transiently: each round first looks at what exists now, so
/// that nothing is sent twice.
const CHANGE_ROUNDS: usize = 6;

/// A failed change: an unreachable or failing API is `Unavailable` (run again), anything else a
/// failed change.
pub fn change_failure(doing: &str, e: OcError, help: Option<String>) -> Failure {
    let kind = if e.is_transient() {
        FailureKind::Unavailable
    } else {
        FailureKind::Cluster
    };
    let common = e.help();
    let mut f = Failure::new(kind, e).context(format!("could not {doing}"));
    for h in help.into_iter().chain(common) {
        f = f.with_help(h);
    }
    f.with_help("run the same command again: it continues from what exists")
}

/// A token minted by this run: later actions write it (its value is shown only once).
struct Minted {
    value: Secret,
    record: TokenRecord,
}

/// How long a new project may take to get its `default` service account.
const SERVICE_ACCOUNT_DEADLINE: Duration = Duration::from_secs(120);

pub fn apply(ctx: &Ctx, project: &str, actions: &[Action]) -> Outcome<()> {
    let mut minted: Option<Minted> = None;
    for action in actions {
        let line = ctx.ui.step(&step_title(action));
        match run(ctx, project, action, &mut minted) {
            Ok(detail) => {
                if let Some(d) = detail {
                    line.detail(&d);
                }
                line.done();
            }
            Err(f) => {
                line.failed();
                return Err(f);
            }
        }
    }
    Ok(())
}

fn step_title(action: &Action) -> String {
    match action {
        Action::CreateProject { name, .. } => format!("create project {name}"),
        Action::CreatePullSecret(_) => format!("create pull secret {}", pull_secret::NAME),
        Action::UpdatePullSecret { .. } => format!("update pull secret {}", pull_secret::NAME),
        Action::CreateImageStreams { names, .. } => {
            format!("create image streams {}", names.join(", "))
        }
        Action::CheckRegistryLogin { server, .. } => format!("check the login to {server}"),
        Action::ReimportImages { stream, .. } => format!("import image stream {stream} again"),
        Action::CreateObjects(c) if c.all => {
            format!("create the {} objects of the template", c.objects.len())
        }
        Action::CreateObjects(c) => format!("create the {} missing objects", c.objects.len()),
        Action::MintAccessToken(_) => "mint the gateway's access token".into(),
        Action::RevokeAccessToken(r) => format!("revoke access token {}", r.id),
        Action::WritePortalEndpoint(e) => format!(
            "{} secret {}",
            if e.replace { "update" } else { "create" },
            objects::secret_name(&e.gateway)
        ),
        Action::LinkPullSecret { service_account } => {
            format!(
                "link pull secret {} to {service_account}",
                pull_secret::NAME
            )
        }
        Action::UnlinkPullSecret { service_account } => {
            format!(
                "unlink pull secret {} from {service_account}",
                pull_secret::NAME
            )
        }
        Action::CreateGatewayObjects(g) => format!("create gateway {}", g.gateway),
        Action::CreateRoutes { routes, .. } => format!("create {} route(s)", routes.len()),
        Action::DeleteObjects(refs) => format!("delete {} object(s)", refs.len()),
    }
}

fn run(
    ctx: &Ctx,
    project: &str,
    action: &Action,
    minted: &mut Option<Minted>,
) -> Outcome<Option<String>> {
    let oc = ctx.oc;
    match action {
        Action::CreateProject { name, .. } => {
            let exists = || {
                oc.get::<Value>("project", name, None)
                    .map(|p| p.is_some())
                    .unwrap_or(false)
            };
            single_change(oc, &action.oc_args(project), None, exists).map(|_| None).map_err(|e| {
                let help = match e.cause {
                    Cause::AlreadyExists => Some(format!(
                        "project {name} exists but you cannot see it: ask its admin for access, or choose another name with --project"
                    )),
                    Cause::Forbidden => Some(format!(
                        "you may not create projects: ask a cluster admin to create project {name} for you (`oc adm new-project {name} --admin={}`), then run again",
                        ctx.user
                    )),
                    _ => None,
                };
                change_failure(&format!("create project {name}"), e, help)
            })
        }
        Action::CreatePullSecret(login) | Action::UpdatePullSecret { login, .. } => {
            let manifest = pull_secret::manifest(login);
            let written = || {
                oc.get_secret::<Value>(pull_secret::NAME, project)
                    .ok()
                    .flatten()
                    .is_some_and(|s| pull_secret::holds(&s, login))
            };
            single_change(
                oc,
                &action.oc_args(project),
                Some(manifest.expose().as_bytes()),
                written,
            )
            .map(|_| None)
            .map_err(|e| change_failure(&format!("write secret {}", pull_secret::NAME), e, None))
        }
        Action::CreateImageStreams { manifest, .. } => {
            let list: Value = serde_json::from_str(manifest).unwrap_or_default();
            let items = list["items"].as_array().cloned().unwrap_or_default();
            create_wave(ctx, project, items)
                .map(|_| None)
                .map_err(|e| e.context("could not create the image streams"))
        }
        Action::CheckRegistryLogin {
            image,
            server,
            username,
        } => match oc.import_image(&action.oc_args(project)) {
            Ok(refused) if refused.is_empty() => Ok(Some(format!(
                "{server} lets {username} in ({image} can be fetched)"
            ))),
            // The check's one tag is made up (`latest`): only the registry's words count.
            Ok(refused) => Err(Failure::input(format!(
                "{server} refused the login of {username} (pull secret {}): {}",
                pull_secret::NAME,
                refused
                    .iter()
                    .map(|r| r.split_once(": ").map_or(r.as_str(), |(_, message)| message))
                    .collect::<Vec<_>>()
                    .join("; ")
            ))
            .context("the registry login was checked before the install's objects were created")
            .with_help(format!(
                "run again with the right --registry-username and password (a Registry Service Account token from https://access.redhat.com/terms-based-registry/): the secret is updated and checked again. If this cluster pulls {server}'s images through a mirror, --skip-check {} goes on without this check",
                crate::install::plan::REGISTRY_CHECK
            ))),
            Err(e) => Err(change_failure(
                &format!("check the login to {server}"),
                e,
                None,
            )),
        },
        Action::ReimportImages { stream, .. } => {
            match oc.import_image(&action.oc_args(project)) {
                Ok(refused) if refused.is_empty() => Ok(None),
                Ok(refused) => Err(Failure::new(
                    FailureKind::Cluster,
                    anyhow::anyhow!("{}", refused.join("; ")),
                )
                .context(format!("image stream {stream} could not be imported"))
                .with_help(format!(
                    "the registry refused an image the login check could fetch: check that the subscription of the registry account covers {stream}'s images, then run the same command again"
                ))),
                Err(e) => Err(change_failure(
                    &format!("import image stream {stream} again"),
                    e,
                    None,
                )),
            }
        }
        Action::CreateObjects(c) => create_objects(ctx, project, c).map(Some),
        Action::MintAccessToken(m) => {
            let (token, detail) = mint(ctx, m)?;
            *minted = Some(token);
            Ok(Some(detail))
        }
        Action::RevokeAccessToken(r) => {
            let api = api(ctx)?;
            match api.delete_access_token(&r.host, &r.admin_token, r.id) {
                Ok(()) => Ok(Some(format!(
                    "access token \"{}\" (id {}) revoked",
                    r.name, r.id
                ))),
                // Gone already (revoked by hand, or by a run that stopped after it).
                Err(e) if e.status() == Some(404) => {
                    Ok(Some(format!("access token {} was already gone", r.id)))
                }
                Err(e) => Err(threescale_failure(
                    &format!("revoke access token {}", r.id),
                    e,
                )),
            }
        }
        Action::WritePortalEndpoint(e) => write_endpoint(ctx, project, action, e, minted.as_ref()),
        Action::LinkPullSecret { service_account } => {
            link(ctx, project, action, service_account).map(|_| None)
        }
        Action::UnlinkPullSecret { service_account } => {
            let linked = || {
                oc.get::<Value>("serviceaccount", service_account, Some(project))
                    .ok()
                    .flatten()
                    .is_some_and(|sa| !objects::pulls_with(&sa))
            };
            single_change(oc, &action.oc_args(project), None, linked)
                .map(|_| None)
                .map_err(|e| {
                    change_failure(
                        &format!(
                            "unlink {} from service account {service_account}",
                            pull_secret::NAME
                        ),
                        e,
                        None,
                    )
                })
        }
        Action::CreateGatewayObjects(g) => create_gateway_objects(ctx, project, g).map(Some),
        Action::CreateRoutes { routes, .. } => create_wave(ctx, project, routes.clone())
            .map(|n| Some(format!("{n} route(s) created")))
            .map_err(|f| f.context("could not create the gateway's routes")),
        Action::DeleteObjects(_) => single_change(oc, &action.oc_args(project), None, || false)
            .map(|_| None)
            .map_err(|e| change_failure("delete the gateway's objects", e, None)),
    }
}

fn api<'a>(ctx: &Ctx<'a>) -> Outcome<Api<'a>> {
    ctx.http
        .map(|http| Api { http })
        .ok_or_else(|| Failure::internal("a request to 3scale was planned without an HTTP client"))
}

/// A failed request to 3scale: no answer is `Unavailable`... for the cluster's API only; 3scale
/// that does not answer, or refuses, is a failed change.
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

/// Mints the gateway's token (deleting earlier ones of its name first), then checks it the way
/// the gateway will use it: `GET /admin/api/services.json`.
fn mint(ctx: &Ctx, m: &Mint) -> Outcome<(Minted, String)> {
    let api = api(ctx)?;
    for id in &m.orphans {
        match api.delete_access_token(&m.host, &m.admin_token, *id) {
            Ok(()) => {}
            Err(e) if e.status() == Some(404) => {}
            Err(e) => {
                return Err(threescale_failure(
                    &format!("delete the earlier access token {id} of that name"),
                    e,
                ))
            }
        }
    }
    let token = api
        .create_access_token(
            &m.host,
            &m.admin_token,
            &m.name,
            "ro",
            &["account_management"],
        )
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
    Ok((
        Minted {
            value,
            record: TokenRecord {
                id: Some(token.id),
                name: Some(m.name.clone()),
                minted: true,
            },
        },
        detail,
    ))
}

fn write_endpoint(
    ctx: &Ctx,
    project: &str,
    action: &Action,
    e: &PortalEndpoint,
    minted: Option<&Minted>,
) -> Outcome<Option<String>> {
    let (value, record) = match (&e.token, minted) {
        (EndpointToken::Known { value, record }, _) => (value, record),
        (EndpointToken::Minted, Some(m)) => (&m.value, &m.record),
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
            .get_secret::<Value>(&name, project)
            .ok()
            .flatten()
            .and_then(|s| {
                objects::Observed::of(project, &e.gateway, &[s], ctx.redactor)
                    .secret
                    .and_then(|s| s.endpoint)
            })
            .is_some_and(|(t, h)| t == *value && h == e.host)
    };
    single_change(
        ctx.oc,
        &action.oc_args(project),
        Some(manifest.expose().as_bytes()),
        written,
    )
    .map(|_| None)
    .map_err(|err| change_failure(&format!("write secret {name}"), err, None))
}

/// `oc secrets link`; a project made moments ago may not have its `default` service account
/// yet (OpenShift's controller makes it): it is waited for, with a deadline.
fn link(ctx: &Ctx, project: &str, action: &Action, service_account: &str) -> Outcome<()> {
    let oc = ctx.oc;
    let linked = || {
        oc.get::<Value>("serviceaccount", service_account, Some(project))
            .ok()
            .flatten()
            .is_some_and(|sa| objects::pulls_with(&sa))
    };
    let failed = |e: OcError| {
        change_failure(
            &format!(
                "link {} to service account {service_account}",
                pull_secret::NAME
            ),
            e,
            None,
        )
    };
    match single_change(oc, &action.oc_args(project), None, linked) {
        Ok(_) => return Ok(()),
        Err(e) if e.cause != Cause::NotFound => return Err(failed(e)),
        Err(_) => {}
    }
    let deadline = Instant::now() + SERVICE_ACCOUNT_DEADLINE;
    let mut pause = Duration::from_millis(250);
    loop {
        match oc.get::<Value>("serviceaccount", service_account, Some(project)) {
            Ok(Some(_)) => break,
            Ok(None) if Instant::now() < deadline && !crate::interrupt::requested() => {
                oc.note(&format!("waiting for service account {service_account} to appear"));
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_secs(2));
            }
            Ok(None) => {
                return Err(Failure::new(
                    FailureKind::Cluster,
                    anyhow::anyhow!(
                        "service account {service_account} did not appear in project {project} within {}",
                        crate::duration::describe(SERVICE_ACCOUNT_DEADLINE)
                    ),
                )
                .with_help("OpenShift makes it for every project: ask a cluster admin whether the service account controller works, then run the same command again"))
            }
            Err(e) => return Err(failed(e)),
        }
    }
    single_change(oc, &action.oc_args(project), None, linked)
        .map(|_| ())
        .map_err(failed)
}

/// The gateway template sent to `oc process` on stdin (groupified: OpenShift 4.11 and later
/// refuse its `apiVersion: v1` Template), its planned objects kept, groupified, labelled and
/// created: the service first, then the deployment config.
fn create_gateway_objects(ctx: &Ctx, project: &str, g: &GatewayObjects) -> Outcome<String> {
    let text = std::fs::read_to_string(&g.template)
        .map_err(|e| Failure::preflight(format!("cannot read {}: {e}", g.template.display())))?;
    let mut template: Value = serde_yaml::from_str(&text).map_err(|e| {
        Failure::preflight(format!("{} is not a template: {e}", g.template.display()))
    })?;
    api_versions::groupify(std::slice::from_mut(&mut template));
    let processed = ctx
        .oc
        .process_stdin(template.to_string().as_bytes(), &g.params, project)
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
    let (first, last): (Vec<Value>, Vec<Value>) = items
        .into_iter()
        .partition(|o| o["kind"] != "DeploymentConfig");
    let mut created = 0;
    for wave in [first, last] {
        if !wave.is_empty() {
            created += create_wave(ctx, project, wave)?;
        }
    }
    Ok(format!("{created} objects created"))
}

/// One change, sent again while it fails transiently and `done` says it did not happen.
pub fn single_change(
    oc: &Oc,
    args: &[String],
    stdin: Option<&[u8]>,
    done: impl Fn() -> bool,
) -> Result<String, OcError> {
    let mut round = 0;
    loop {
        match oc.change(args, stdin) {
            Ok(out) => return Ok(out),
            Err(e)
                if e.is_transient()
                    && round + 1 < CHANGE_ROUNDS
                    && !crate::interrupt::requested() =>
            {
                oc.note("the change failed transiently: looking whether it happened");
                if done() {
                    return Ok(String::new());
                }
                round += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Processes the template with the planned values, keeps the planned objects, sends them with
/// the API versions the cluster serves, and creates them a few `oc` at a time: everything but
/// the deployment configs first (the service accounts, secrets and claims their pods need),
/// then the deployment configs.
fn create_objects(ctx: &Ctx, project: &str, c: &CreateObjects) -> Outcome<String> {
    let processed = ctx
        .oc
        .process(&c.template, c.param_file.expose().as_bytes(), project)
        .map_err(|e| process_failure("the template", e, "the parameters named above"))?;
    let mut items = kept(&processed, &c.objects);
    let absent: Vec<&ObjectRef> = c
        .objects
        .iter()
        .filter(|r| !items.iter().any(|o| r.matches(o)))
        .collect();
    if !absent.is_empty() {
        return Err(Failure::internal(format!(
            "the processed template lacks {}, which the plan expected: the template and our reading of it disagree",
            absent.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        )));
    }
    api_versions::apply(&mut items, &c.rewrites);
    let (first, last): (Vec<Value>, Vec<Value>) = items
        .into_iter()
        .partition(|o| o["kind"] != "DeploymentConfig");
    let mut created = 0;
    for wave in [first, last] {
        created += create_wave(ctx, project, wave)?;
    }
    Ok(format!("{created} objects created"))
}

/// A template the server did not process: the values it refused are `values`.
fn process_failure(template: &str, e: OcError, values: &str) -> Failure {
    let help = (e.cause == Cause::Invalid)
        .then(|| format!("the template refused the values: check {values}"));
    change_failure(&format!("process {template}"), e, help)
}

/// The processed objects that are among `wanted`.
fn kept(processed: &Value, wanted: &[ObjectRef]) -> Vec<Value> {
    processed["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|o| wanted.iter().any(|r| r.matches(o)))
        .cloned()
        .collect()
}

/// Creates `objects`; when some fail transiently (a flaky API), looks at what exists and sends
/// the rest again, for a few rounds.
fn create_wave(ctx: &Ctx, project: &str, objects: Vec<Value>) -> Outcome<usize> {
    let count = objects.len();
    let mut pending = objects;
    let mut round = 0;
    while !pending.is_empty() {
        let failures = create_at_once(ctx, project, &pending);
        if failures.is_empty() {
            break;
        }
        let transient = failures.iter().all(|f| {
            f.is_transient()
                || f.lines()
                    .iter()
                    .all(|(c, _)| c.is_transient() || *c == Cause::AlreadyExists)
        });
        round += 1;
        if !transient || round >= CHANGE_ROUNDS || crate::interrupt::requested() {
            return Err(refused(failures, round > 1));
        }
        ctx.transcript.note(&format!(
            "{} creates failed transiently: looking at what exists, then sending the rest (round {} of {CHANGE_ROUNDS})",
            failures.len(),
            round + 1
        ));
        let resources: Vec<String> = pending
            .iter()
            .filter_map(ObjectRef::of_json)
            .map(|o| o.resource.to_string())
            .fold(Vec::new(), |mut v, r| {
                if !v.contains(&r) {
                    v.push(r);
                }
                v
            });
        let types: Vec<&str> = resources.iter().map(String::as_str).collect();
        let existing: Vec<Value> = ctx
            .oc
            .list(&types, Some(project), None)
            .map_err(|e| change_failure("look at what was created", e, None))?;
        pending.retain(|o| {
            let id = ObjectRef::of_json(o);
            !existing
                .iter()
                .any(|e| id.as_ref().is_some_and(|i| i.matches(e)))
        });
    }
    Ok(count)
}

/// Sends `objects` through a few `oc create` at once; returns the failures.
fn create_at_once(ctx: &Ctx, project: &str, objects: &[Value]) -> Vec<OcError> {
    let per_call = objects.len().div_ceil(PARALLEL_CREATES).max(1);
    let batches: Vec<Vec<u8>> = objects
        .chunks(per_call)
        .map(|chunk| {
            json!({"apiVersion": "v1", "kind": "List", "items": chunk})
                .to_string()
                .into_bytes()
        })
        .collect();
    let create = args::create(project);
    let results: Vec<Result<String, OcError>> = std::thread::scope(|s| {
        let handles: Vec<_> = batches
            .iter()
            .map(|b| {
                let create = &create;
                s.spawn(move || ctx.oc.change(create, Some(b)))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an oc call does not panic"))
            .collect()
    });
    results.into_iter().filter_map(Result::err).collect()
}

/// The failure of a create: every refused object, and what to try.
fn refused(failures: Vec<OcError>, retried: bool) -> Failure {
    let lines: Vec<String> = failures
        .iter()
        .flat_map(|f| f.lines().into_iter().map(|(_, l)| l.to_string()))
        .collect();
    let exists = failures
        .iter()
        .all(|f| f.lines().iter().all(|(c, _)| *c == Cause::AlreadyExists));
    let help = (exists && !retried).then(|| {
        "objects appeared while this run was creating them: another run or a person works on the same project".to_string()
    });
    let first = failures.into_iter().next().expect("at least one failure");
    let mut failure = change_failure("create the objects", first, help);
    if lines.len() > 1 {
        failure = failure.context(format!(
            "{} objects were refused:\n    {}",
            lines.len(),
            lines.join("\n    ")
        ));
    }
    failure
}
