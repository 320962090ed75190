//! `gateway add`: the inputs (the questions a terminal can answer), the install read on its
//! cluster, the gateway's project and 3scale's tokens observed, the plan, the engine's driver
//! (`--dry-run`, a confirmation, the lock, the changes, the wait), and the summary with the next
//! step and the products that no host of the gateway serves yet.

use super::{no_install_here, portal_cluster, portal_oc};
use crate::cli::Format;
use crate::engine::cluster::Cluster;
use crate::engine::driver::{Confirm, Driver, Go};
use crate::engine::observe::{read_failure, Observer, ProjectState};
use crate::engine::report;
use crate::engine::session::Session;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::gateway::objects::{self, Observed};
use crate::gateway::plan::{self, AddRequest, Install, Plan};
use crate::gateway::portal::{self, TokenCheck, Unmatched};
use crate::gateway::summary::Summary;
use crate::gateway::watch;
use crate::http::Http;
use crate::inputs::gateway::{host_ways, name_ways, AddAnswers};
use crate::inputs::{Given, Missing, ProjectAnswers, Source};
use crate::install::credentials::Credentials;
use crate::install::installed::Installed;
use crate::monitoring;
use crate::prompt::Prompter;
use crate::templates::model::Template;
use crate::threescale::{AccessToken, Api};
use crate::wizard::Wizard;

pub(crate) fn run(answers: AddAnswers) -> Outcome<()> {
    let session =
        Session::open(&answers.common.connection, &answers.common.mode)?.dry_run(answers.dry_run);
    let result = add(&session, answers);
    session.finish(result)
}

/// The install the gateway reads its configuration from, on its cluster.
struct Portal {
    cluster: Cluster,
    install: Installed,
    creds: Credentials,
    admin_host: String,
    template: Template,
    template_path: std::path::PathBuf,
    /// Whether `monitoring enable` made its objects in the install's project.
    monitored: bool,
}

fn add(session: &Session, mut answers: AddAnswers) -> Outcome<()> {
    let ui = &session.ui;
    for w in &answers.common.warnings {
        ui.warn(w);
    }
    register(session, &answers);
    let prompter = Prompter::new(answers.common.mode.never_ask);
    let wizard = prompter
        .can_ask()
        .then(|| Wizard::new(&prompter, ui, &session.redactor));
    let (name, project) = name_and_project(&answers, wizard.as_ref())?;
    session.works_on(&project.value);
    session.facts.set("name", &name.value);
    let observer = Observer::new(&session.oc);
    let cluster = report::cluster(ui, &observer)?;
    let portal = portal(session, &answers, &cluster)?;
    let state = observer.project(&project.value, &objects::resources())?;
    let existing = Observed::of(
        &project.value,
        &name.value,
        state.objects(),
        &session.redactor,
    );
    let http = session.http(&answers.common.http)?;
    let (tokens, check) = tokens(session, &http, &answers, &portal, &existing)?;
    let monitor = pod_monitor(session, &observer, &portal, &name, &project, &state)?;
    if let Some(w) = &wizard {
        ask_open(w, &mut answers, &existing)?;
    }
    let mut plan = plan_of(
        &answers,
        &name.value,
        &project,
        &cluster,
        &state,
        &existing,
        &portal,
        &tokens,
        check.as_ref(),
        monitor,
    );
    held_hosts(session, &project.value, &answers, &mut plan)?;
    let driver = Driver {
        session,
        observer: &observer,
        cluster: &cluster,
        project: &project.value,
        skips: &[],
        what: format!("gateway add {}", name.value),
        command: "gateway add",
        dry_run: answers.dry_run,
        format: answers.common.mode.format,
        http: Some(&http),
    };
    if !proceed(&driver, &plan, state.exists(), wizard.as_ref())? {
        return Ok(());
    }
    let ready = make(&driver, &answers, &name.value, &plan)?;
    finish(
        session,
        &answers,
        &driver,
        &name.value,
        &portal,
        &existing,
        &plan,
        ready,
    )
}

/// The plan shown and judged, then the person's (or the flags') decision: whether to make the
/// changes (a dry run prints them, a cancel says nothing changed).
fn proceed(
    driver: &Driver,
    plan: &Plan,
    project_exists: bool,
    wizard: Option<&Wizard>,
) -> Outcome<bool> {
    driver.review(&plan.changes(), project_exists)?;
    let ask = |_: &[crate::gateway::action::GatewayAction]| -> Outcome<Go> {
        let w = wizard.expect("asked only with a wizard");
        Ok(match w.confirm_changes("Make these changes?")? {
            true => Go::Proceed,
            false => Go::Cancel,
        })
    };
    let confirm = match wizard {
        Some(_) => Confirm::Custom(&ask),
        None => Confirm::Never,
    };
    match driver.decide(&plan.actions, confirm)? {
        Go::DryRun => {
            driver.print_dry_run(&plan.actions, &plan.decisions);
            Ok(false)
        }
        Go::Cancel | Go::Revise => {
            driver.session.ui.note("cancelled; nothing was changed");
            Ok(false)
        }
        Go::Proceed => Ok(true),
    }
}

fn register(session: &Session, answers: &AddAnswers) {
    if let Some(t) = &answers.access_token {
        session
            .redactor
            .add_secret("GATEWAY_ACCESS_TOKEN", &t.value);
    }
    if let Some(p) = &answers.registry.password {
        session.redactor.add_secret("REGISTRY_PASSWORD", &p.value);
    }
}

/// The values no one gave, as one input error naming how to give each.
fn missing_error(missing: &[Missing]) -> Failure {
    Failure::input(format!(
        "the input has {} problem(s):\n  - {}",
        missing.len(),
        missing
            .iter()
            .map(|m| format!("needed and not given: {m}"))
            .collect::<Vec<_>>()
            .join("\n  - ")
    ))
    .with_help("give each value with its flag, environment variable or answers-file key (--config FILE), or run in a terminal without --yes (or --no-input) to be asked")
}

/// The hosts given that another project's route holds: refused before any change.
fn held_hosts(
    session: &Session,
    project: &str,
    answers: &AddAnswers,
    plan: &mut Plan,
) -> Outcome<()> {
    let hosts: Vec<&str> = answers.hosts.iter().map(|h| h.value.as_str()).collect();
    if hosts.is_empty() {
        return Ok(());
    }
    match crate::engine::hosts::routes_elsewhere(&session.oc, project)? {
        Ok((routes, searched)) => {
            crate::gateway::plan::refuse_held(plan, &routes, project, &hosts, &searched);
        }
        Err(why) => plan.checks.push(crate::engine::checks::CheckResult::warn(
            "route-hosts",
            format!("whether another project holds the gateway's hosts is unknown: {why}"),
        )),
    }
    Ok(())
}

/// In a terminal: what a new gateway still needs (its environment, its hosts).
fn ask_open(w: &Wizard, answers: &mut AddAnswers, existing: &Observed) -> Outcome<()> {
    if existing.dc.is_none() && answers.environment.is_none() {
        answers.environment = Some(w.ask_gateway_environment()?);
    }
    if answers.hosts.is_empty() && existing.hosts().is_empty() {
        answers.hosts = w.ask_gateway_hosts()?;
    }
    Ok(())
}

/// The name first: the project and the token are named after it.
fn name_and_project(
    answers: &AddAnswers,
    wizard: Option<&Wizard>,
) -> Outcome<(Given<String>, Given<String>)> {
    let name = match (answers.name.clone(), wizard) {
        (Some(n), _) => n,
        (None, Some(w)) => w.ask_gateway_name()?,
        (None, None) => {
            let mut missing = vec![Missing {
                what: "the gateway's name".into(),
                ways: name_ways(),
                field: None,
            }];
            if answers.hosts.is_empty() {
                missing.push(Missing {
                    what: "a public host of the gateway (one edge route each)".into(),
                    ways: host_ways(),
                    field: None,
                });
            }
            return Err(missing_error(&missing));
        }
    };
    let project = answers
        .common
        .project
        .clone()
        .unwrap_or_else(|| Given::new(name.value.clone(), Source::Default));
    if let Err(why) = crate::inputs::check_project(&project.value) {
        return Err(Failure::input(format!(
            "gateway {} would go to project {} (named after it), which is invalid: {why}",
            name.value, project.value
        ))
        .with_help("name the gateway's project with --project"));
    }
    Ok((name, project))
}

/// The install, on its cluster: its logins, its admin portal, the gateway template it was
/// installed from.
fn portal(session: &Session, answers: &AddAnswers, cluster: &Cluster) -> Outcome<Portal> {
    let other_oc = portal_oc(session, &answers.common.portal)?;
    let other_observer = other_oc.as_ref().map(Observer::new);
    let install_cluster = portal_cluster(session, other_observer.as_ref(), cluster)?;
    let own_observer;
    let install_observer = match &other_observer {
        Some(o) => o,
        None => {
            own_observer = Observer::new(&session.oc);
            &own_observer
        }
    };
    let install = crate::install::installed::open_on(
        session,
        install_observer,
        install_cluster.clone(),
        &ProjectAnswers {
            mode: answers.common.mode.clone(),
            connection: answers.common.portal.connection.clone(),
            project: answers.common.portal.project.clone(),
            templates: answers.templates.clone(),
            refresh_templates: answers.refresh_templates,
            http: answers.common.http.clone(),
            credentials_file: None,
            warnings: Vec::new(),
        },
    )
    .map_err(no_install_here)?;
    let creds = install.credentials(&session.redactor)?;
    let install_oc = other_oc.as_ref().unwrap_or(&session.oc);
    let monitored = !monitoring::observe::made_by_enable(install_oc, &install.project)?.is_empty();
    let domain = install.domain.clone().unwrap_or_default();
    let admin_host = portal::admin_host(&install.objects, &creds, &domain).ok_or_else(|| {
        Failure::preflight(format!(
            "the admin portal of the install in project {} is unknown: zync made no route for system-provider, and the install's domain is not recorded",
            install.project
        ))
        .with_help(format!(
            "check the install with `threescale-install status --project {}`",
            install.project
        ))
    })?;
    let template_path = install.templates_dir.join(objects::TEMPLATE);
    let template = Template::load(&template_path).map_err(|e| {
        Failure::preflight(format!("the gateway template: {e}")).with_help(
            "point --templates-dir or --templates-repo at the 3scale 2.8 templates (they hold apicast-gateway/apicast.yml)",
        )
    })?;
    if let Some(why) =
        crate::templates::release::gateway_mismatch(&template, &install.profile.template)
    {
        return Err(Failure::input(format!("the gateway template {}: {why}", template_path.display()))
            .with_help("use the templates the install was made from (--templates-repo and --templates-ref, or --templates-dir)"));
    }
    Ok(Portal {
        cluster: install_cluster,
        install,
        creds,
        admin_host,
        template,
        template_path,
        monitored,
    })
}

/// The gateway's PodMonitor, when the install's monitoring is enabled and the gateway's project
/// has none: made when the user may (asked where the project exists), else why not.
fn pod_monitor(
    session: &Session,
    observer: &Observer,
    portal: &Portal,
    name: &Given<String>,
    project: &Given<String>,
    state: &ProjectState,
) -> Outcome<Option<Result<serde_json::Value, String>>> {
    if !portal.monitored {
        return Ok(None);
    }
    let (name, project) = (name.value.as_str(), project.value.as_str());
    let pod_monitors = monitoring::objects::POD_MONITORS;
    if state.exists() {
        let selector = format!("{}={name}", objects::GATEWAY_LABEL);
        if !monitoring::observe::labelled(&session.oc, project, &[pod_monitors], &selector)?
            .is_empty()
        {
            return Ok(None);
        }
        let asked = [(
            "create",
            pod_monitors.to_string(),
            Some(project.to_string()),
        )];
        if !observer.permissions(&asked)?.iter().all(|ok| *ok) {
            return Ok(Some(Err(format!(
                "no PodMonitor for the gateway, though the install's monitoring is enabled: you may not create PodMonitors in project {project} (role monitoring-edit); with it, `gateway add` again makes one"
            ))));
        }
    }
    Ok(Some(Ok(monitoring::objects::gateway_pod_monitor(
        name,
        objects::labels(name),
    ))))
}

/// 3scale: the admin user's tokens, and how the token the gateway would keep is answered.
fn tokens(
    session: &Session,
    http: &Http,
    answers: &AddAnswers,
    portal: &Portal,
    existing: &Observed,
) -> Outcome<(Vec<AccessToken>, Option<TokenCheck>)> {
    let api = Api { http };
    let host = &portal.admin_host;
    let line = session.ui.step("3scale");
    let tokens = match api.access_tokens(host, &portal.creds.admin_access_token) {
        Ok(t) => t,
        Err(e) => {
            line.failed();
            return Err(unreachable_portal(e, host));
        }
    };
    line.detail(&format!(
        "admin portal {host} answers with the install's ADMIN_ACCESS_TOKEN"
    ));
    let check =
        plan::token_to_check(answers, existing).map(|t| portal::check_token(&api, host, &t));
    if let Some(TokenCheck::Unreachable(why)) = &check {
        line.failed();
        return Err(Failure::preflight(format!(
            "could not check the gateway's access token: {why}"
        ))
        .with_help(PORTAL_HELP));
    }
    line.done();
    Ok((tokens, check))
}

#[allow(clippy::too_many_arguments)]
fn plan_of(
    answers: &AddAnswers,
    name: &str,
    project: &Given<String>,
    cluster: &Cluster,
    state: &ProjectState,
    existing: &Observed,
    portal: &Portal,
    tokens: &[AccessToken],
    check: Option<&TokenCheck>,
    pod_monitor: Option<Result<serde_json::Value, String>>,
) -> Plan {
    let record = portal.install.record.as_ref();
    let record_image = record.and_then(|r| {
        r.plain_params()
            .find(|(k, _)| *k == "AMP_APICAST_IMAGE")
            .map(|(_, v)| v.clone())
    });
    plan::plan_add(&AddRequest {
        answers,
        name,
        project,
        cluster: &cluster.server,
        state,
        existing,
        install: Install {
            cluster: &portal.cluster.server,
            project: &portal.install.project,
            admin_host: &portal.admin_host,
            admin_token: &portal.creds.admin_access_token,
            objects: &portal.install.objects,
            image: record_image.as_deref(),
            registry_server: record.map(|r| r.registry_server.as_str()),
        },
        template: &portal.template,
        template_path: &portal.template_path,
        tokens,
        token_check: check.and_then(TokenCheck::verdict),
        pod_monitor,
    })
}

/// The changes and the wait, under the project's lock: whether the gateway was waited for.
fn make(driver: &Driver, answers: &AddAnswers, name: &str, plan: &Plan) -> Outcome<bool> {
    let settled = plan
        .settled
        .as_ref()
        .expect("a plan that passed has its settings");
    let held = driver.lock()?;
    driver.apply(
        &held,
        &plan.actions,
        "gateway add stopped part-way: run the same command again to resume (nothing is made twice)",
    )?;
    let Some(timeout) = answers.wait else {
        return Ok(false);
    };
    crate::interrupt::set_message(
        "the gateway is in place and was being waited for: run the same command again to keep waiting",
    );
    let watched = watch::Gateway {
        name,
        project: driver.project,
        hosts: &settled.hosts,
    };
    driver.wait(&held, &watched, timeout, answers.poll_interval)?;
    Ok(true)
}

#[allow(clippy::too_many_arguments)]
fn finish(
    session: &Session,
    answers: &AddAnswers,
    driver: &Driver,
    name: &str,
    portal: &Portal,
    existing: &Observed,
    plan: &Plan,
    ready: bool,
) -> Outcome<()> {
    let project = driver.project;
    let settled = plan
        .settled
        .as_ref()
        .expect("a plan that passed has its settings");
    // The secret as it is now: the token the gateway reads with (minted by this run, maybe).
    let secret = if plan.actions.is_empty() {
        existing.secret.clone()
    } else {
        session
            .oc
            .get_secret::<serde_json::Value>(&objects::secret_name(name), project)
            .map_err(|e| read_failure("read the gateway's secret back", e))?
            .and_then(|s| Observed::of(project, name, &[s], &session.redactor).secret)
    };
    let unmatched = match (
        answers.verify,
        secret.as_ref().and_then(|s| s.endpoint.as_ref()),
    ) {
        (true, Some((token, host))) => products(session, driver, settled, token, host),
        _ => None,
    };
    let summary = Summary {
        cluster: &driver.cluster.server,
        project,
        name,
        settled,
        admin_host: &portal.admin_host,
        install_project: &portal.install.project,
        token: secret.as_ref().map(|s| &s.token),
        ready,
        plan,
        unmatched: unmatched.as_deref(),
    };
    let text = match answers.common.mode.format {
        Format::Text => summary.text(),
        Format::Json => serde_json::to_string_pretty(&summary.json()).unwrap_or_default(),
    };
    session.ui.result(&text);
    Ok(())
}

/// The products whose public base URL for the gateway's environment is on none of its hosts.
fn products(
    session: &Session,
    driver: &Driver,
    settled: &crate::gateway::plan::Settled,
    token: &crate::secrets::Secret,
    host: &str,
) -> Option<Vec<Unmatched>> {
    let api = Api { http: driver.http? };
    let line = session.ui.step("products");
    match portal::unmatched(&api, host, token, settled.environment, &settled.hosts) {
        Ok(u) => {
            line.detail(&format!(
                "{} product(s) with a {} public base URL on none of the gateway's hosts",
                u.len(),
                settled.environment
            ));
            line.done();
            Some(u)
        }
        Err(e) => {
            line.warn(&format!("the products could not be read: {e}"));
            line.failed();
            None
        }
    }
}

const PORTAL_HELP: &str = "the gateway reads its configuration from the install's admin portal: check it with `threescale-install verify --project <the install's project>`; --ca-file, --insecure-skip-tls-verify, HTTPS_PROXY or --resolve reach it as verify does";

/// The admin portal refused the install's token, or did not answer: nothing was changed.
fn unreachable_portal(e: crate::threescale::ApiError, host: &str) -> Failure {
    let refused = e.status().is_some();
    let mut f = Failure::new(FailureKind::Preflight, e)
        .context(format!("could not list the access tokens on {host}"));
    if refused {
        f = f.with_help("the install's ADMIN_ACCESS_TOKEN (secret system-seed) was refused: it may have been changed in the admin portal");
    }
    f.with_help(PORTAL_HELP)
}
