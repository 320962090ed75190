//! Everything before a change, shared by `install`, `plan` and `preflight`: the templates, the
//! observations the decisions need (each asked once), the plan, and the permission checks of
//! what the plan would do.

use super::identity::Identity;
use super::installed;
use super::plan::{self, Plan, Request};
use super::sizing::{self, Offer};
use crate::engine::cluster::Cluster;
use crate::engine::observe::{Observer, ProjectState};
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::inputs::{self, Answers};
use crate::templates::generate;
use crate::templates::model::Template;
use crate::templates::profiles::{self, Loaded};
use crate::templates::repo::Checkout;
use serde_json::Value;
use std::collections::BTreeMap;

pub(crate) struct Prepared {
    pub(crate) checkout: Checkout,
    pub(crate) profile: Loaded,
    pub(crate) cluster: Cluster,
    pub(crate) project: ProjectState,
    pub(crate) plan: Plan,
    /// A release mismatch's fix a person may take: the templates of another ref.
    pub(crate) fix: Option<crate::templates::release::Fix>,
}

/// The template of the answers' profile, from the (memoized) checkout.
pub(crate) fn template(
    session: &Session,
    answers: &Answers,
) -> Outcome<(Checkout, Vec<profiles::Profile>, Loaded)> {
    let checkout = session.checkout(&answers.templates.value, answers.refresh_templates)?;
    let list = profiles::list(&checkout.dir);
    let loaded = profiles::load(&list, &answers.profile.value).map_err(|(e, help)| {
        Failure::input(format!("{e} (from {})", answers.profile.source)).with_help(help)
    })?;
    Ok((checkout, list, loaded))
}

/// Observes what the answers' install needs to know and plans it. Input problems the template
/// shows (an unknown parameter, a secret on the command line) are the plan's problems.
pub(crate) fn prepare(
    session: &Session,
    observer: &Observer,
    answers: &Answers,
) -> Outcome<Prepared> {
    let cluster = observer.cluster()?;
    let (checkout, list, profile) = template(session, answers)?;
    let image_streams: Vec<Value> = profiles::image_streams(&checkout.dir)
        .map_err(|e| Failure::preflight(format!("templates: {e}")))?;
    let others = profiles::others(&list, &profile.name);
    let input_problems = inputs::check_against(answers, &profile.template, &others);

    let given: Vec<(String, String)> = answers
        .effective_params()
        .iter()
        .map(|p| (p.name.clone(), p.value.expose().to_string()))
        .collect();
    let identity = Identity::of(&profile.template, &given, &image_streams);
    let others = identities(others, &given, &image_streams);
    let project = observe_project(observer, &answers.project.value, &identity, &others)?;
    let held =
        installed::other_profile_held((&profile.template, &identity), &others, project.objects());
    let absent = identity.missing(project.objects());

    let rwx_needed = profile.template.parameter("RWX_STORAGE_CLASS").is_some()
        && plan::uses(&profile.template, &identity, "RWX_STORAGE_CLASS", &absent);
    let classes = if rwx_needed {
        Some(observer.storage_classes()?)
    } else {
        None
    };
    let apps_domain = if answers.wildcard_domain.is_none() && !absent.is_empty() {
        Some(observer.apps_domain()?)
    } else {
        None
    };
    let offer = if absent.is_empty() {
        None
    } else {
        Some(Offer {
            classes: classes.clone().and_then(Result::ok),
            nodes: observer.nodes()?.map(|n| sizing::capacity(&n)),
            quotas: if project.exists() {
                observer.quotas(&answers.project.value)?
            } else {
                Vec::new()
            },
        })
    };
    let fresh = fresh_values(&profile);
    let mut plan = plan::plan(&Request {
        answers,
        profile: &profile,
        image_streams: &image_streams,
        cluster: &cluster,
        project: &project,
        classes,
        apps_domain,
        offer,
        fresh: &fresh,
    });
    plan.problems.splice(0..0, input_problems);
    if let Some(held) = held {
        // The objects it found are the other profile's: the plan's "installed" line would say
        // the contrary of the refusal.
        plan.decisions
            .retain(|d| !d.starts_with("3scale is installed in project"));
        plan.problems
            .insert(0, other_profile_problem(answers, &profile.name, held));
    }
    let mut prepared = Prepared {
        checkout,
        profile,
        cluster,
        project,
        plan,
        fix: None,
    };
    review(session, observer, answers, &image_streams, &mut prepared)?;
    Ok(prepared)
}

/// What the plan is judged by before anyone sees it: the secrets it holds registered, whether
/// it installs what was asked from templates that can be trusted ([`super::fidelity`]), and
/// the permissions of its changes.
fn review(
    session: &Session,
    observer: &Observer,
    answers: &Answers,
    image_streams: &[Value],
    p: &mut Prepared,
) -> Outcome<()> {
    register_secrets(session, &p.plan);
    let inspected = super::inspected::Inspected {
        answers,
        checkout: &p.checkout,
        profile: &p.profile,
        image_streams,
        project_exists: p.project.exists(),
        oc: &session.oc,
    };
    p.fix = super::fidelity::check(observer, &inspected, &mut p.plan)?;
    if let Some(check) = crate::engine::driver::permissions(
        observer,
        &p.plan.actions,
        &answers.project.value,
        p.project.exists(),
    )? {
        p.plan
            .checks
            .push(check.skip_if_asked(&answers.checks.skip));
    }
    super::outside::merge_permissions(&mut p.plan.checks);
    Ok(())
}

/// Every secret value of the plan, and the password of each URL among them (the summary shows
/// a URL with only its password masked), registered with the redactor.
fn register_secrets(session: &Session, plan: &Plan) {
    for v in plan.values.iter().filter(|v| v.secret) {
        session.redactor.add_secret(&v.name, &v.value);
        if let Some(password) = crate::templates::params::url_password(v.value.expose()) {
            session
                .redactor
                .add(&format!("{}_PASSWORD", v.name), password);
        }
    }
}

/// A new value of every generated parameter, drawn from the kernel's random source.
fn fresh_values(profile: &Loaded) -> BTreeMap<String, String> {
    profile
        .model
        .generated()
        .filter_map(|p| {
            let value = generate::value(p.from.as_deref()?, &mut generate::os_random)?;
            Some((p.name.clone(), value))
        })
        .collect()
}

/// The identity of each of the other profiles.
fn identities(
    others: Vec<(String, Template)>,
    given: &[(String, String)],
    image_streams: &[Value],
) -> Vec<(String, Template, Identity)> {
    others
        .into_iter()
        .map(|(name, template)| {
            let id = Identity::of(&template, given, image_streams);
            (name, template, id)
        })
        .collect()
}

/// The project, with the objects of every profile: an install of another one is told apart.
fn observe_project(
    observer: &Observer,
    project: &str,
    identity: &Identity,
    others: &[(String, Template, Identity)],
) -> Outcome<ProjectState> {
    let mut resources = identity.resources();
    for r in others.iter().flat_map(|(_, _, id)| id.resources()) {
        if !resources.contains(&r) {
            resources.push(r);
        }
    }
    observer.project(project, &resources)
}

/// A second profile over an install would mix their objects (amp-s3's deployment configs over
/// amp's claim, say): the install there is continued with its own profile, or removed first.
fn other_profile_problem(
    answers: &Answers,
    asked: &str,
    (held, present, total): (String, usize, usize),
) -> String {
    let project = &answers.project.value;
    format!(
        "project {project} holds an install of profile {held} ({present} of its {total} objects), not of {asked} (from {}): installing {asked} over it would mix the objects of two profiles; continue that install with --template {held}, or uninstall first (`threescale-install uninstall --project {project}`) and install {asked} then",
        answers.profile.source
    )
}
