//! An installed project, for the commands that work on one (`status`, `credentials`,
//! `uninstall`): the cluster, the local record when this machine made the install, the profile
//! (from the record, or the one whose objects the project holds), the install's identity and
//! what the project holds of it.

use crate::engine::cluster::Cluster;
use crate::engine::observe::{Observer, ProjectState};
use crate::engine::session::Session;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::inputs::{ProjectAnswers, TemplatesSource};
use crate::install::credentials::{self, Credentials};
use crate::install::identity::Identity;
use crate::install::recover;
use crate::record::InstallRecord;
use crate::secrets::Redactor;
use crate::templates::kinds::Resource;
use crate::templates::profiles::{self, Loaded};
use serde_json::Value;

pub(crate) struct Installed {
    pub(crate) cluster: Cluster,
    pub(crate) project: String,
    pub(crate) record: Option<InstallRecord>,
    pub(crate) profile: Loaded,
    pub(crate) commit: Option<String>,
    pub(crate) identity: Identity,
    /// What the project holds of the install's resources (secrets with their data).
    pub(crate) objects: Vec<Value>,
    /// The wildcard domain: recorded, or read back from the install's objects.
    pub(crate) domain: Option<String>,
    /// The templates checkout the install was read with (a gateway's template comes from it).
    pub(crate) templates_dir: std::path::PathBuf,
}

impl Installed {
    /// The install's logins and API tokens, from its `system-seed` secret (each secret registered
    /// with the redactor as it is read).
    pub(crate) fn credentials(&self, redactor: &Redactor) -> Outcome<Credentials> {
        let seed = self
            .objects
            .iter()
            .find(|o| o["kind"] == "Secret" && o["metadata"]["name"] == credentials::SEED_SECRET)
            .ok_or_else(|| {
                Failure::new(
                    FailureKind::Cluster,
                    anyhow::anyhow!(
                        "project {} has no secret {}: the install is incomplete",
                        self.project,
                        credentials::SEED_SECRET
                    ),
                )
                .with_help("run the install again to create what is missing")
            })?;
        credentials::from_object(seed, redactor).map_err(|e| {
            Failure::new(
                FailureKind::Cluster,
                anyhow::anyhow!("secret {}: {e}", credentials::SEED_SECRET),
            )
        })
    }
}

pub(crate) fn open(
    session: &Session,
    observer: &Observer,
    answers: &ProjectAnswers,
) -> Outcome<Installed> {
    let cluster = crate::engine::report::cluster(&session.ui, observer)?;
    open_on(session, observer, cluster, answers)
}

/// `open` on a cluster already looked at.
pub(crate) fn open_on(
    session: &Session,
    observer: &Observer,
    cluster: Cluster,
    answers: &ProjectAnswers,
) -> Outcome<Installed> {
    let project = answers.project.value.clone();
    let none_here = |f: Failure| {
        session.no_install_in(&project);
        f
    };
    // Before the templates: a project that is not there needs none to say so.
    if !observer.project_exists(&project)? {
        return Err(none_here(not_there(&project, &cluster)));
    }
    let record = InstallRecord::load(&cluster.server, &project);
    // Nor does a project that holds no trace of 3scale: no record of an install made here and
    // no `system-seed` (every profile has it) means no install, before any template is fetched
    // (the default repository may be out of reach). Given templates look for every object.
    if record.is_none()
        && answers.templates.is_none()
        && !observer.holds_secret(&project, credentials::SEED_SECRET)?
    {
        return Err(none_here(Failure::input(format!(
            "project {project} holds no 3scale install: it has no secret {}, and this machine has no record of an install there",
            credentials::SEED_SECRET
        ))
        .with_help("name the project of the install with --project; for an install from another machine that stopped before creating its secrets, give its templates (--templates-repo or --templates-dir) to look for every object of it")));
    }
    let checkout = session.checkout(
        &source_of(answers, record.as_ref()),
        answers.refresh_templates,
    )?;
    let candidates = candidates(&checkout, record.as_ref())?;
    let mut resources: Vec<Resource> = Vec::new();
    for r in candidates.iter().flat_map(|(_, id)| id.resources()) {
        if !resources.contains(&r) {
            resources.push(r);
        }
    }
    let objects = match observer.project(&project, &resources)? {
        ProjectState::Present(o) => o,
        ProjectState::Absent | ProjectState::Hidden => {
            return Err(none_here(not_there(&project, &cluster)))
        }
    };
    let Some((profile, identity)) = best(candidates, &objects) else {
        return Err(none_here(Failure::input(format!(
            "project {project} holds no 3scale install: none of the objects of the templates' profiles is there"
        ))
        .with_help("name the project of the install with --project")));
    };
    let domain = domain_of(record.as_ref(), &profile, &identity, &objects);
    Ok(Installed {
        cluster,
        project,
        commit: record
            .as_ref()
            .and_then(|r| r.commit.clone())
            .or(checkout.commit),
        record,
        profile,
        identity,
        objects,
        domain,
        templates_dir: checkout.dir.clone(),
    })
}

fn not_there(project: &str, cluster: &Cluster) -> Failure {
    Failure::input(format!(
        "project {project} does not exist, or {} may not see it",
        cluster.user
    ))
    .with_help("name the project of the install with --project")
}

/// The templates given now, else those the record names, else the default repository.
fn source_of(answers: &ProjectAnswers, record: Option<&InstallRecord>) -> TemplatesSource {
    answers
        .templates
        .as_ref()
        .map(|t| t.value.clone())
        .or_else(|| record.map(|r| TemplatesSource::parse(&r.templates)))
        .unwrap_or_else(|| TemplatesSource::Git {
            repo: crate::cli::DEFAULT_TEMPLATES_REPO.into(),
            git_ref: crate::cli::DEFAULT_TEMPLATES_REF.into(),
        })
}

/// The profiles the install may be of, with their identities: the recorded one, or every
/// profile of the checkout.
fn candidates(
    checkout: &crate::templates::repo::Checkout,
    record: Option<&InstallRecord>,
) -> Outcome<Vec<(Loaded, Identity)>> {
    let list = profiles::list(&checkout.dir);
    let image_streams = profiles::image_streams(&checkout.dir).unwrap_or_default();
    let recorded_params: Vec<(String, String)> = record
        .map(|r| {
            r.plain_params()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    let loaded: Vec<Loaded> = match record {
        Some(r) => vec![profiles::load(&list, &r.profile)
            .or_else(|_| profiles::load(&list, &r.template_file))
            .map_err(|(e, help)| {
                Failure::preflight(format!("the recorded profile: {e}")).with_help(help)
            })?],
        None => list
            .iter()
            .filter_map(|p| profiles::load(&list, &p.name).ok())
            .collect(),
    };
    Ok(loaded
        .into_iter()
        .map(|l| {
            let id = Identity::of(&l.template, &recorded_params, &image_streams);
            (l, id)
        })
        .collect())
}

/// The profile whose objects the project holds most of (fewest missing on a tie).
fn best(candidates: Vec<(Loaded, Identity)>, objects: &[Value]) -> Option<(Loaded, Identity)> {
    candidates
        .into_iter()
        .filter(|(_, id)| !id.present(objects).is_empty())
        .max_by_key(|(_, id)| {
            let present = id.present(objects).len();
            (present, usize::MAX - id.missing(objects).len())
        })
}

/// The wildcard domain: recorded, or read back from the install's objects.
fn domain_of(
    record: Option<&InstallRecord>,
    profile: &Loaded,
    identity: &Identity,
    objects: &[Value],
) -> Option<String> {
    record
        .map(|r| r.wildcard_domain.clone())
        .filter(|d| !d.is_empty())
        .or_else(|| {
            let present: Vec<Value> = identity.present(objects).into_iter().cloned().collect();
            recover::recover(&profile.template, &present)
                .values
                .get("WILDCARD_DOMAIN")
                .map(|(v, _)| v.clone())
        })
}
