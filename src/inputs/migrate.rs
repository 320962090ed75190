//! The answers of the ways off the 2.8 templates: `export apimanager` (the installed project and
//! the operator release to write the APIManager for) and `upgrade plan` (the installed project
//! and the release to plan to). Both read no secret; both values are checked here, before the
//! cluster is asked anything.

use super::declared as d;
use super::project::project_answers_in;
use super::resolve::Resolver;
use super::{Env, Given, ProjectAnswers, ProjectInputs};
use crate::cli::{ExportApimanagerArgs, GlobalArgs, ProjectArgs, UpgradePlanArgs};
use crate::failure::{Failure, Outcome};
use crate::templates::releases::{Release, Target};
use clap::ArgMatches;

pub(crate) struct ExportAnswers {
    pub(crate) project: ProjectAnswers,
    /// The operator release to write for; the installed release when not given.
    pub(crate) operator_version: Option<Given<Release>>,
}

pub(crate) struct UpgradeAnswers {
    pub(crate) project: ProjectAnswers,
    pub(crate) to: Given<Target>,
}

fn project_inputs(project: &ProjectArgs) -> ProjectInputs<'_> {
    ProjectInputs {
        project,
        http: None,
        credentials_file: None,
        show_secrets: false,
        never_ask: true,
    }
}

pub(crate) fn export_answers(
    global: &GlobalArgs,
    args: &ExportApimanagerArgs,
    matches: &ArgMatches,
) -> Outcome<ExportAnswers> {
    let env = Env::default();
    let mut r = Resolver::new(global, matches, &env)?;
    let project = project_answers_in(&mut r, global, project_inputs(&args.project));
    let given = r.text(&d::OPERATOR_VERSION, &args.operator_version);
    r.check(&d::OPERATOR_VERSION, given.as_ref(), |v| {
        crate::operator::parse_version(v).map(drop)
    });
    let operator_version = given.and_then(|g| {
        let release = crate::operator::parse_version(&g.value).ok()?;
        Some(Given::new(release, g.source))
    });
    let mut answers = ExportAnswers {
        project,
        operator_version,
    };
    answers.project.warnings = r.finish()?;
    Ok(answers)
}

pub(crate) fn upgrade_answers(
    global: &GlobalArgs,
    args: &UpgradePlanArgs,
    matches: &ArgMatches,
) -> Outcome<UpgradeAnswers> {
    let env = Env::default();
    let mut r = Resolver::new(global, matches, &env)?;
    let project = project_answers_in(&mut r, global, project_inputs(&args.project));
    let given = r.text(&d::UPGRADE_TO, &args.to);
    r.check(&d::UPGRADE_TO, given.as_ref(), |v| {
        Target::parse(v).map(drop)
    });
    let to = match given {
        Some(g) => Target::parse(&g.value)
            .ok()
            .map(|target| Given::new(target, g.source)),
        None => {
            r.problem(format!(
                "the release to plan the upgrade to is needed: give {} (e.g. 2.9.1.GA) or set {}",
                d::UPGRADE_TO.flag(),
                d::UPGRADE_TO.env
            ));
            None
        }
    };
    let mut project = project;
    project.warnings = r.finish()?;
    let to = to.ok_or_else(|| Failure::internal("no --to and no problem reported"))?;
    Ok(UpgradeAnswers { project, to })
}
