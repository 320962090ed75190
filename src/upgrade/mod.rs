//! `upgrade plan`: the exact, ordered changes from the installed release to a later template
//! release, one minor release at a time ([`chain`]): per hop ([`hop`]) the parameters and
//! objects that change ([`diff`]), this install's values, the images to pull, the deployment
//! configs that roll out and why a backup comes first; the drift of the install (edits by hand
//! that the upgrade rewrites); and, past 2.12, what remains for the operator ([`plan`]). The
//! templates of each hop are read from the install's repository ([`observe`]). Read-only.

pub(crate) mod chain;
pub(crate) mod diff;
pub(crate) mod hop;
pub(crate) mod observe;
pub(crate) mod plan;
pub(crate) mod summary;

use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::inputs::migrate::UpgradeAnswers;
use crate::inputs::ProjectAnswers;
use crate::install::drift;
use crate::install::installed::Installed;
use crate::install::values::{Prefer, Values};
use crate::templates::model::Template;
use crate::templates::params::ParamModel;
use crate::templates::releases::{self, Release, Target};
use crate::templates::render;
use plan::{Plan, Start};

/// The plan of `install` to the release `answers` name.
pub(crate) fn prepare(
    session: &Session,
    install: &Installed,
    answers: &UpgradeAnswers,
) -> Outcome<Plan> {
    let a = &answers.project;
    let repo = observe::repository(a, install.record.as_ref());
    let profile = profile_of(install)?;
    let running = install.running_release().ok_or_else(|| {
        Failure::input(format!(
            "which release project {} runs cannot be told: its ConfigMap system-environment names no AMP_RELEASE, nor does its template",
            install.project
        ))
    })?;
    let mut notes = Vec::new();
    let (fetched, git_ref, commit) =
        starting_point(session, install, a, &repo, running, &mut notes)?;
    let template = fetched.as_ref().unwrap_or(&install.profile.template);
    let present: Vec<serde_json::Value> = install
        .identity
        .present(&install.objects)
        .into_iter()
        .cloned()
        .collect();
    let model = ParamModel::of(template);
    let values = Values::of(
        template,
        &model,
        install.record.as_ref(),
        &present,
        Prefer::Given,
    );
    let drift = drift::drift(&render::render(template, &values.pairs()), &install.objects);
    let refresh = a.refresh_templates;
    let (target, tag) =
        observe::target_release(session, &repo, &answers.to.value, profile, refresh)?;
    let chain = chain::chain(running, target, tag.as_deref(), profile).map_err(|e| {
        Failure::input(e).with_help("name a later release with --to (e.g. the next one)")
    })?;
    let reached = observe::reach(session, &repo, &chain, profile, refresh, &mut notes)?;
    let start = Start {
        release: running,
        git_ref,
        commit,
        template,
        values,
    };
    let target = target_text(&answers.to.value, target);
    Ok(plan::plan(
        start,
        &target,
        &reached,
        chain.beyond,
        drift,
        notes,
    ))
}

/// Where the plan starts: the install's own template when it installs the release the project
/// runs, else that release's template from the repository (fetched: returned); its ref and
/// commit.
fn starting_point(
    session: &Session,
    install: &Installed,
    a: &ProjectAnswers,
    repo: &str,
    running: Release,
    notes: &mut Vec<String>,
) -> Outcome<(Option<Template>, String, Option<String>)> {
    let profile = install.profile.name.as_str();
    let install_ref = observe::install_ref(a, install.record.as_ref());
    if let Ok(Target::Release { release, .. }) = Target::parse(&install_ref) {
        if release != running {
            notes.push(format!(
                "the install's templates are {install_ref}, but amp/{profile}.yml there installs {running}, which the project runs: the plan starts from {running}"
            ));
        }
    }
    if releases::of_template(&install.profile.template) == Some(running) {
        return Ok((None, install_ref, install.commit.clone()));
    }
    let git_ref = releases::ref_of(running, profile).ok_or_else(|| {
        Failure::input(format!(
            "the templates repository has no release {running} to start from"
        ))
    })?;
    notes.push(format!(
        "the project runs {running} but its templates ({install_ref}) install another release: the plan starts from {git_ref}"
    ));
    let (template, commit) =
        observe::template_at(session, repo, git_ref, profile, a.refresh_templates)?;
    Ok((Some(template), git_ref.to_string(), commit))
}

/// The install's profile: one of the repository's, whose file each hop reads again.
fn profile_of(install: &Installed) -> Outcome<&str> {
    let name = install.profile.name.as_str();
    if name.contains('/') || name.ends_with(".yml") || name.ends_with(".yaml") {
        return Err(Failure::input(format!(
            "the install's template is the file {name}, not a profile of the templates repository: an upgrade follows the repository's amp/*.yml"
        ))
        .with_help("plan the upgrade of a template file by comparing it with the repository's files"));
    }
    Ok(name)
}

fn target_text(target: &Target, release: Release) -> String {
    match target {
        Target::Release { tag: Some(t), .. } => format!("{release} ({t})"),
        Target::Release { tag: None, .. } => release.to_string(),
        Target::Ref(r) => format!("{release} ({r})"),
    }
}
