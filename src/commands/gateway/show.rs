//! `gateway list` and `gateway status`: the gateways this tool made (found by their label), each
//! with its environment, hosts and whether a router admitted their routes, its readiness (the
//! wait's model; `status` adds the root cause), and whether 3scale still takes its token.

use crate::engine::observe::{read_failure, Observer};
use crate::engine::report;
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::gateway::objects::{self, Observed};
use crate::gateway::portal;
use crate::gateway::search::{self, Found, Searched};
use crate::gateway::view::{self, GatewayView};
use crate::gateway::watch;
use crate::inputs::gateway::GatewayAnswers;
use crate::threescale::Api;
use serde_json::Value;

pub(crate) fn run(answers: GatewayAnswers, name: Option<String>, detailed: bool) -> Outcome<()> {
    let session = Session::open(&answers.connection, &answers.mode)?;
    let result = show(&session, &answers, name.as_deref(), detailed);
    session.finish(result)
}

fn show(
    session: &Session,
    answers: &GatewayAnswers,
    name: Option<&str>,
    detailed: bool,
) -> Outcome<()> {
    let ui = &session.ui;
    for w in &answers.warnings {
        ui.warn(w);
    }
    let observer = Observer::new(&session.oc);
    let cluster = report::cluster(ui, &observer)?;
    let transcript_project = answers
        .project
        .as_ref()
        .map(|p| p.value.clone())
        .unwrap_or_else(|| answers.portal.project.value.clone());
    session.attach_transcript(&cluster.server, &transcript_project)?;
    let (found, searched) = find(session, answers, name)?;
    let http = session.http(&answers.http)?;
    let api = Api { http: &http };
    let mut views = Vec::new();
    for f in &found {
        views.extend(views_in(session, &api, f, detailed)?);
    }
    let format = answers.mode.format;
    ui.result(&view::listing(
        &views,
        &cluster.server,
        &searched,
        format,
        detailed,
    ));
    Ok(())
}

/// The gateways (of `name`, when given) in the project named, else in every project, on a step
/// line; a gateway named and not found is an input error.
fn find(
    session: &Session,
    answers: &GatewayAnswers,
    name: Option<&str>,
) -> Outcome<(Vec<Found>, Searched)> {
    let line = session.ui.step("gateways");
    let project = answers.project.as_ref().map(|p| p.value.as_str());
    let (found, searched) = match search::find(&session.oc, project, name) {
        Ok(f) => f,
        Err(e) => {
            line.failed();
            return Err(e);
        }
    };
    line.detail(&format!("looked in {}", searched.text()));
    line.done();
    if let (Some(n), true) = (name, found.is_empty()) {
        return Err(Failure::input(format!(
            "no gateway {n} in {}",
            searched.text()
        ))
        .with_help("`threescale-install gateway list` lists the gateways; name the gateway's project with --project"));
    }
    Ok((found, searched))
}

/// The gateways of one project, each with whether 3scale takes its token; `status` looks at the
/// pods and events too, for the root cause.
fn views_in(
    session: &Session,
    api: &Api,
    found: &Found,
    detailed: bool,
) -> Outcome<Vec<GatewayView>> {
    let Found { project, objects } = found;
    let extra = if detailed {
        session
            .oc
            .poll::<Value>(&["pods", "events"], project)
            .map_err(|e| read_failure(&format!("look at project {project}"), e))?
    } else {
        Vec::new()
    };
    let mut views = Vec::new();
    for gw in objects::names_in(objects) {
        let g = Observed::of(project, &gw, objects, &session.redactor);
        let check = g
            .secret
            .as_ref()
            .and_then(|s| s.endpoint.as_ref())
            .map(|(token, host)| portal::check_token(api, host, token));
        let mut items = objects.clone();
        items.extend(extra.iter().cloned());
        let snapshot = watch::snapshot(items, &gw);
        let finding = detailed
            .then(|| watch::diagnose(&snapshot, project))
            .flatten();
        views.push(view::view(&g, check, &snapshot, finding));
    }
    Ok(views)
}
