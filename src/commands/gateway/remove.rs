//! `gateway remove NAME`: exactly what `gateway add` made — every object labelled as the
//! gateway's, and the pull secret with the last gateway of a project that needs it for nothing
//! else — and the tokens it minted for the gateway, revoked with the install's admin token (on
//! the install's cluster, as the gateway's secret records it). The plan is shown and confirmed.

use super::{no_install_here, portal_oc};
use crate::cli::Format;
use crate::engine::driver::{Confirm, Driver, Go};
use crate::engine::observe::{read_failure, Observer};
use crate::engine::report;
use crate::engine::session::Session;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::gateway::objects::{self, Observed};
use crate::gateway::plan::{self, Plan, RemoveRequest};
use crate::gateway::search;
use crate::inputs::gateway::RemoveAnswers;
use crate::inputs::Source;
use crate::install::credentials;
use crate::prompt::Prompter;
use crate::secrets::Secret;
use crate::threescale::{AccessToken, Api};
use serde_json::json;

pub(crate) fn run(answers: RemoveAnswers) -> Outcome<()> {
    let session =
        Session::open(&answers.common.connection, &answers.common.mode)?.dry_run(answers.dry_run);
    let result = remove(&session, &answers);
    session.finish(result)
}

/// What revoking the gateway's tokens takes: the admin portal, the admin token, its tokens.
struct Portal {
    host: String,
    admin_token: Secret,
    tokens: Vec<AccessToken>,
}

/// The gateway's PodMonitor (made when the install's monitoring was enabled) goes with it.
fn with_pod_monitor(session: &Session, project: &str, existing: &mut Observed) -> Outcome<()> {
    let selector = format!("{}={}", objects::GATEWAY_LABEL, existing.name);
    let pod_monitors = [crate::monitoring::objects::POD_MONITORS];
    let monitor =
        crate::monitoring::observe::labelled(&session.oc, project, &pod_monitors, &selector)?;
    existing.objects.extend(
        monitor
            .iter()
            .filter_map(crate::templates::kinds::ObjectRef::of_json),
    );
    Ok(())
}

fn remove(session: &Session, answers: &RemoveAnswers) -> Outcome<()> {
    let ui = &session.ui;
    for w in &answers.common.warnings {
        ui.warn(w);
    }
    let name = &answers.name.value;
    session.facts.set("name", name);
    let observer = Observer::new(&session.oc);
    let cluster = report::cluster(ui, &observer)?;
    let project = locate(session, answers)?;
    session.works_on(&project);
    let state = observer.project(&project, &objects::resources())?;
    let mut existing = Observed::of(&project, name, state.objects(), &session.redactor);
    with_pod_monitor(session, &project, &mut existing)?;

    // The tokens to revoke: those this tool minted, found on the install's cluster.
    let record = existing.secret.as_ref().map(|s| s.token.clone());
    let given = record.as_ref().is_some_and(|t| !t.minted);
    let token_name = objects::token_name(name, &project, &cluster.server);
    let http = session.http(&answers.common.http)?;
    let portal = if answers.keep_token || given {
        None
    } else {
        Some(portal(session, answers, &existing, &cluster, &http)?)
    };
    let plan = plan::plan_remove(&RemoveRequest {
        existing: &existing,
        objects: state.objects(),
        token_name,
        portal: portal
            .as_ref()
            .map(|p| (p.host.as_str(), &p.admin_token, p.tokens.as_slice())),
        keep_token: answers.keep_token,
    });
    let driver = Driver {
        session,
        observer: &observer,
        cluster: &cluster,
        project: &project,
        skips: &[],
        what: format!("gateway remove {name}"),
        command: "gateway remove",
        dry_run: answers.dry_run,
        format: answers.common.mode.format,
        http: Some(&http),
    };
    driver.review(&plan.changes(), true)?;
    let prompter = Prompter::new(answers.common.mode.never_ask || answers.yes);
    let question = format!("Remove gateway {name} from {}?", cluster.server);
    let confirm = match answers.yes {
        true => Confirm::Never,
        false => Confirm::Required(
            &prompter,
            "pass --yes to remove without a question",
            &question,
        ),
    };
    match driver.decide(&plan.actions, confirm)? {
        Go::DryRun => {
            driver.print_dry_run(&plan.actions, &plan.decisions);
            return Ok(());
        }
        Go::Cancel | Go::Revise => {
            ui.note("cancelled; nothing was removed");
            return Ok(());
        }
        Go::Proceed => {}
    }
    let held = driver.lock()?;
    driver.apply(
        &held,
        &plan.actions,
        "gateway remove stopped part-way: run it again to remove what is left",
    )?;
    drop(held);
    print(session, answers, &cluster.server, &project, &plan);
    Ok(())
}

/// The project of the gateway: `--project`, else the one project of the cluster that has it.
fn locate(session: &Session, answers: &RemoveAnswers) -> Outcome<String> {
    let name = &answers.name.value;
    let line = session.ui.step(&format!("gateway {name}"));
    let given = answers.common.project.as_ref().map(|p| p.value.as_str());
    let found = search::find(&session.oc, given, Some(name)).and_then(|(found, searched)| {
        match found.as_slice() {
            [one] => Ok(one.project.clone()),
            [] => Err(Failure::input(format!("no gateway {name} in {}", searched.text()))
                .with_help("`threescale-install gateway list` lists the gateways; name the gateway's project with --project")),
            several => {
                let projects: Vec<&str> = several.iter().map(|f| f.project.as_str()).collect();
                Err(Failure::input(format!(
                    "gateway {name} is in {} projects: {}",
                    projects.len(),
                    projects.join(", ")
                ))
                .with_help("name the one to remove with --project"))
            }
        }
    });
    match found {
        Ok(project) => {
            line.detail(&format!("in project {project}"));
            line.done();
            Ok(project)
        }
        Err(f) => {
            line.failed();
            Err(f)
        }
    }
}

fn print(session: &Session, answers: &RemoveAnswers, server: &str, project: &str, plan: &Plan) {
    let name = &answers.name.value;
    let changes: Vec<String> = plan.actions.iter().map(ToString::to_string).collect();
    let text = match answers.common.mode.format {
        Format::Json => serde_json::to_string_pretty(&crate::document::success(
            &crate::document::GATEWAY_REMOVE,
            json!({
                "dry_run": false,
                "cluster": server,
                "project": project,
                "name": name,
                "changes": changes,
                "decisions": plan.decisions,
            }),
        ))
        .unwrap_or_default(),
        Format::Text => format!(
            "Gateway {name} was removed from project {project}.{}",
            if plan.decisions.is_empty() {
                String::new()
            } else {
                format!("\n  {}", plan.decisions.join("\n  "))
            }
        ),
    };
    session.ui.result(&text);
}

/// The install's admin portal and token, on the cluster the gateway's secret names (the
/// install's cluster named with --portal-context / --portal-kubeconfig, or the gateway's).
fn portal(
    session: &Session,
    answers: &RemoveAnswers,
    existing: &Observed,
    cluster: &crate::engine::cluster::Cluster,
    http: &crate::http::Http,
) -> Outcome<Portal> {
    let ui = &session.ui;
    let recorded = existing.secret.as_ref().and_then(|s| s.portal.clone());
    let other = portal_oc(session, &answers.common.portal)?;
    let oc = other.as_ref().unwrap_or(&session.oc);
    let server = match &other {
        Some(o) => {
            let observer = Observer::new(o);
            report::cluster_step(ui, &observer, "the install's cluster")?.server
        }
        None => cluster.server.clone(),
    };
    let keep = "or pass --keep-token to remove the gateway and leave its token in 3scale";
    if let Some(r) = recorded.as_ref().filter(|r| r.cluster != server) {
        return Err(Failure::input(format!(
            "gateway {}'s token was minted by the install on {} (project {}); this run reaches {server}",
            existing.name, r.cluster, r.project
        ))
        .with_help(format!(
            "name a kubeconfig context of {} with --portal-context (or --portal-kubeconfig), {keep}",
            r.cluster
        )));
    }
    let project = match (&answers.common.portal.project.source, &recorded) {
        (Source::Default, Some(r)) => r.project.clone(),
        _ => answers.common.portal.project.value.clone(),
    };
    let line = ui.step("3scale");
    let creds = match credentials::read(oc, &project, &session.redactor) {
        Ok(c) => c,
        Err(f) if f.kind == FailureKind::Cluster => {
            line.failed();
            return Err(no_install_here(Failure::input(format!(
                "no 3scale install in project {project} on {server} to revoke the gateway's token with: {}",
                f.message()
            )))
            .with_help(keep));
        }
        Err(f) => {
            line.failed();
            return Err(f.with_help(keep));
        }
    };
    let host = match existing.secret.as_ref().and_then(|s| s.endpoint.as_ref()) {
        Some((_, h)) => h.clone(),
        None => match admin_route(oc, &project)? {
            Some(h) => h,
            None => {
                line.failed();
                return Err(Failure::input(format!(
                    "the admin portal of the install in project {project} is unknown: the gateway has no secret, and zync made no route for system-provider"
                ))
                .with_help(format!("check the install with `threescale-install status --project {project}`, {keep}")));
            }
        },
    };
    let api = Api { http };
    let tokens = match api.access_tokens(&host, &creds.admin_access_token) {
        Ok(t) => t,
        Err(e) => {
            line.failed();
            return Err(Failure::preflight(e)
                .context(format!("could not list the access tokens on {host}"))
                .with_help(format!("check the admin portal with `threescale-install verify --project {project}` (--ca-file, --resolve and HTTPS_PROXY reach it as there), {keep}")));
        }
    };
    line.detail(&format!(
        "admin portal {host} of the install in project {project}"
    ));
    line.done();
    Ok(Portal {
        host,
        admin_token: creds.admin_access_token,
        tokens,
    })
}

/// The admin portal's host, from zync's route in the install's project.
fn admin_route(oc: &crate::oc::Oc, project: &str) -> Outcome<Option<String>> {
    let routes: Vec<crate::engine::kube::Route> = oc
        .list(
            &["routes.route.openshift.io"],
            Some(project),
            Some("zync.3scale.net/route-to=system-provider"),
        )
        .map_err(|e| read_failure("list the install's routes", e))?;
    Ok(routes.into_iter().next().map(|r| r.spec.host))
}
