//! `monitoring plan | enable | status | disable`: the project's monitoring observed, the pure
//! plan, and for `enable` and `disable` the engine's driver (`--dry-run`, a confirmation, the
//! lock, the changes); `status` also asks the cluster's monitoring API when the user may.

use crate::cli::{Format, GlobalArgs, MonitoringCommand};
use crate::engine::cluster::Cluster;
use crate::engine::driver::{Confirm, Driver, Go};
use crate::engine::observe::Observer;
use crate::engine::report;
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::inputs::monitoring::{monitoring_answers, MonitoringAnswers, MonitoringInputs};
use crate::monitoring::observe::{self, Observed};
use crate::monitoring::{plan, query, report as out, summary};
use crate::prompt::Prompter;
use clap::ArgMatches;

pub(crate) fn run(
    global: &GlobalArgs,
    command: MonitoringCommand,
    matches: &ArgMatches,
) -> Outcome<()> {
    let (common, url, http, yes, dry_run) = match &command {
        MonitoringCommand::Plan(a) => (a, None, None, false, false),
        MonitoringCommand::Enable(a) | MonitoringCommand::Disable(a) => {
            (&a.common, None, None, a.yes, a.dry_run)
        }
        MonitoringCommand::Status(a) => (
            &a.common,
            Some(&a.monitoring_url),
            Some(&a.http),
            false,
            false,
        ),
    };
    let inputs = MonitoringInputs {
        common,
        url,
        http,
        yes,
        dry_run,
    };
    let answers = monitoring_answers(global, inputs, matches)?;
    let session = Session::open(&answers.connection, &answers.mode)?.dry_run(answers.dry_run);
    session.works_on(&answers.project.value);
    for w in &answers.warnings {
        session.ui.warn(w);
    }
    let result = match command {
        MonitoringCommand::Plan(_) => show_plan(&session, &answers),
        MonitoringCommand::Enable(_) => change(&session, &answers, true),
        MonitoringCommand::Disable(_) => change(&session, &answers, false),
        MonitoringCommand::Status(_) => status(&session, &answers),
    };
    session.finish(result)
}

/// The cluster step, then what the project shows of monitoring.
fn look(
    session: &Session,
    observer: &Observer,
    answers: &MonitoringAnswers,
) -> Outcome<(Cluster, Observed)> {
    let cluster = report::cluster(&session.ui, observer)?;
    let project = &answers.project.value;
    let dir = match &answers.dashboards_dir {
        Some(d) => d.clone(),
        None => crate::paths::project_state_dir(&cluster.server, project)
            .map_err(Failure::input)?
            .join("dashboards"),
    };
    let line = session.ui.step("monitoring");
    match observe::observe(&session.oc, observer, project, &dir) {
        Ok(o) => {
            line.done();
            Ok((cluster, o))
        }
        Err(f) => {
            line.failed();
            Err(f)
        }
    }
}

fn print(session: &Session, answers: &MonitoringAnswers, json: serde_json::Value, text: String) {
    let shown = match answers.mode.format {
        Format::Json => serde_json::to_string_pretty(&json).unwrap_or_default(),
        Format::Text => text,
    };
    session.ui.result(&shown);
}

/// `monitoring plan`: read-only, like `plan`.
fn show_plan(session: &Session, answers: &MonitoringAnswers) -> Outcome<()> {
    let observer = Observer::new(&session.oc);
    let (cluster, o) = look(session, &observer, answers)?;
    session.attach_transcript(&cluster.server, &o.project)?;
    let p = plan::enable(&o);
    print(
        session,
        answers,
        out::plan_json(&o, &p),
        out::plan_text(&o, &p),
    );
    match p.problems.is_empty() {
        true => Ok(()),
        false => Err(Failure::input(p.problems.join("\n"))),
    }
}

/// `monitoring enable` and `monitoring disable`, through the driver.
fn change(session: &Session, answers: &MonitoringAnswers, enable: bool) -> Outcome<()> {
    let observer = Observer::new(&session.oc);
    let (cluster, o) = look(session, &observer, answers)?;
    let (p, command) = match enable {
        true => (plan::enable(&o), "monitoring enable"),
        false => (plan::disable(&o), "monitoring disable"),
    };
    let driver = Driver {
        session,
        observer: &observer,
        cluster: &cluster,
        project: &o.project,
        skips: &[],
        what: command.into(),
        command,
        dry_run: answers.dry_run,
        format: answers.mode.format,
        http: None,
    };
    driver.review(&p.changes(), true)?;
    let prompter = Prompter::new(answers.mode.never_ask);
    let question = format!("Make these changes to project {}?", o.project);
    let confirm = match answers.yes {
        true => Confirm::Never,
        false => Confirm::Required(
            &prompter,
            "pass --yes to make these changes without a question",
            &question,
        ),
    };
    match driver.decide(&p.actions, confirm)? {
        Go::DryRun => {
            driver.print_dry_run(&p.actions, &p.decisions);
            return Ok(());
        }
        Go::Cancel | Go::Revise => {
            session.ui.note("cancelled; nothing was changed");
            return Ok(());
        }
        Go::Proceed => {}
    }
    let held = driver.lock()?;
    let stopped = format!("{command} stopped part-way: run it again to finish");
    driver.apply(&held, &p.actions, &stopped)?;
    drop(held);
    match enable {
        true => print(
            session,
            answers,
            summary::enabled_json(&o, &p),
            summary::enabled_text(&o, &p),
        ),
        false => print(
            session,
            answers,
            summary::disabled_json(&o, &p),
            summary::disabled_text(&o, &p),
        ),
    }
    Ok(())
}

/// `monitoring status`.
fn status(session: &Session, answers: &MonitoringAnswers) -> Outcome<()> {
    let observer = Observer::new(&session.oc);
    let (cluster, o) = look(session, &observer, answers)?;
    session.attach_transcript(&cluster.server, &o.project)?;
    let line = session.ui.step("monitoring API");
    let q = query::ask(
        session,
        &observer,
        answers.url.as_ref().map(|g| &g.value),
        &answers.http,
        &o.project,
    );
    match &q {
        Ok(_) => line.done(),
        Err(_) => line.failed(),
    }
    let q = q?;
    print(
        session,
        answers,
        out::status_json(&o, &q),
        out::status_text(&o, &q),
    );
    Ok(())
}
