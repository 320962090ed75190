//! An installed project, for the commands that work on one (`status`, `credentials`,
//! `uninstall`): the cluster, the local record when this machine made the install, the profile
//! (from the record, or the one whose objects the project holds), the install's identity and
//! what the project holds of it.

use crate::engine::cluster::Cluster;
use crate::engine::kube::{self, SecretObject};
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
use crate::templates::model::Template;
use crate::templates::params;
use crate::templates::profiles::{self, Loaded};
use crate::templates::releases::{self, Release};
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
    /// Objects of the templates' other profiles the project holds and the install's profile has
    /// not (a run with another profile over the install left them): uninstall deletes them too.
    pub(crate) strays: Vec<crate::templates::kinds::ObjectRef>,
}

impl Installed {
    /// The release the project runs: the `AMP_RELEASE` its ConfigMap `system-environment` holds
    /// (the 2.7 to 2.11 templates write it), else its template's.
    pub(crate) fn running_release(&self) -> Option<Release> {
        self.objects
            .iter()
            .find(|o| o["kind"] == "ConfigMap" && o["metadata"]["name"] == "system-environment")
            .and_then(|c| c["data"]["AMP_RELEASE"].as_str())
            .and_then(Release::of_version)
            .or_else(|| releases::of_template(&self.profile.template))
    }

    /// Registers with the redactor every value of the install's secrets that is one: keys named
    /// as secrets (passwords, tokens, keys), URLs with credentials, and a pull secret's
    /// passwords. Whatever reads them afterwards cannot print one by accident.
    pub(crate) fn register_secrets(&self, redactor: &Redactor) {
        for s in self.objects.iter().filter(|o| o["kind"] == "Secret") {
            let secret: SecretObject = kube::parse(s);
            let name = &secret.metadata.name;
            for key in secret.keys() {
                let Some(Ok(value)) = secret.value(key) else {
                    continue;
                };
                let label = format!("{name}.{key}");
                if params::secret_by_name(&key.to_uppercase())
                    || params::url_with_credentials(&value)
                {
                    redactor.add(&label, &value);
                }
                if key == ".dockerconfigjson" {
                    register_logins(redactor, &label, &value);
                }
            }
        }
    }

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

/// The passwords and auth strings of a `.dockerconfigjson`.
fn register_logins(redactor: &Redactor, label: &str, config: &str) {
    let Ok(doc) = serde_json::from_str::<Value>(config) else {
        return;
    };
    for login in doc["auths"]
        .as_object()
        .into_iter()
        .flat_map(|a| a.values())
    {
        for field in ["password", "auth"] {
            if let Some(v) = login[field].as_str() {
                redactor.add(label, v);
            }
        }
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
    let strays = strays(&candidates, &objects);
    let Some((profile, identity)) = best(candidates, &objects, record.is_some()) else {
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
        strays,
    })
}

fn not_there(project: &str, cluster: &Cluster) -> Failure {
    Failure::input(format!(
        "project {project} does not exist, or {} may not see it",
        cluster.user
    ))
    .with_help("name the project of the install with --project")
}

/// The templates given now, else those the record names, else the default repository. A
/// repository given without a ref (`THREESCALE_TEMPLATES_REPO` alone: the default ref) that is
/// the recorded one is read at the recorded ref: an install from `2.8-stable` is not compared
/// with the files of `2.8.0.GA`.
fn source_of(answers: &ProjectAnswers, record: Option<&InstallRecord>) -> TemplatesSource {
    let recorded = record.map(|r| TemplatesSource::parse(&r.templates));
    let given = answers.templates.as_ref().map(|t| t.value.clone());
    let recorded_ref = matches!(
        (&given, &recorded),
        (
            Some(TemplatesSource::Git { repo, git_ref }),
            Some(TemplatesSource::Git { repo: at, .. }),
        ) if repo == at && git_ref == crate::cli::DEFAULT_TEMPLATES_REF
    );
    let chosen = if recorded_ref {
        recorded
    } else {
        given.or(recorded)
    };
    chosen.unwrap_or_else(|| TemplatesSource::Git {
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
    // The recorded profile first, then every other: a record can be wrong (a run with another
    // profile over an install), the objects are what there is.
    let mut loaded: Vec<Loaded> = match record {
        Some(r) => vec![profiles::load(&list, &r.profile)
            .or_else(|_| profiles::load(&list, &r.template_file))
            .map_err(|(e, help)| {
                Failure::preflight(format!("the recorded profile: {e}")).with_help(help)
            })?],
        None => Vec::new(),
    };
    for p in &list {
        if loaded.iter().all(|l| l.name != p.name) {
            loaded.extend(profiles::load(&list, &p.name).ok());
        }
    }
    Ok(loaded
        .into_iter()
        .map(|l| {
            let id = Identity::of(&l.template, &recorded_params, &image_streams);
            (l, id)
        })
        .collect())
}

/// The profile whose objects the project holds most of (fewest missing on a tie); profiles with
/// the same objects (`amp` and `amp-eval-tech-preview`) are told apart by what the deployment
/// configs hold: the containers' resource requests of each.
fn best(
    candidates: Vec<(Loaded, Identity)>,
    objects: &[Value],
    recorded: bool,
) -> Option<(Loaded, Identity)> {
    let of: Vec<(&Template, &Identity)> =
        candidates.iter().map(|(l, i)| (&l.template, i)).collect();
    let chosen = best_index(&of, objects).or_else(|| {
        // A run of this machine that stopped before the template's objects (a registry login
        // refused) left only what the installer makes first: the recorded profile's, so that
        // status shows it and uninstall deletes it.
        let (_, first) = candidates.first()?;
        (recorded && !first.all_present(objects).is_empty()).then_some(0)
    })?;
    candidates.into_iter().nth(chosen)
}

/// The objects of every candidate but `best`'s that the project holds and `best`'s profile has
/// not.
fn strays(
    candidates: &[(Loaded, Identity)],
    objects: &[Value],
) -> Vec<crate::templates::kinds::ObjectRef> {
    let of: Vec<(&Template, &Identity)> =
        candidates.iter().map(|(l, i)| (&l.template, i)).collect();
    let Some(chosen) = best_index(&of, objects) else {
        return Vec::new();
    };
    let ours = candidates[chosen].1.all_present(objects);
    let mut out = Vec::new();
    for (_, id) in candidates
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != chosen)
        .map(|(_, c)| c)
    {
        for o in id.all_present(objects) {
            if !ours.contains(&o) && !out.contains(&o) {
                out.push(o);
            }
        }
    }
    out
}

/// The index of the candidate `best` chooses; on a full tie, the first.
fn best_index(candidates: &[(&Template, &Identity)], objects: &[Value]) -> Option<usize> {
    candidates
        .iter()
        .enumerate()
        .filter(|(_, (_, id))| !id.present(objects).is_empty())
        .max_by_key(|(i, (template, id))| {
            (
                id.present(objects).len(),
                usize::MAX - id.missing(objects).len(),
                resemblance(template, objects),
                usize::MAX - i,
            )
        })
        .map(|(i, _)| i)
}

/// Another profile than the one asked for, when the project holds an install of it: its name,
/// how many of its objects the project holds and how many it has. `None` when the project holds
/// no install, or one the asked profile explains as well as any other.
pub(crate) fn other_profile_held(
    asked: (&Template, &Identity),
    others: &[(String, Template, Identity)],
    objects: &[Value],
) -> Option<(String, usize, usize)> {
    let mut candidates = vec![asked];
    candidates.extend(others.iter().map(|(_, t, id)| (t, id)));
    let chosen = best_index(&candidates, objects)?;
    let (name, _, id) = others.get(chosen.checked_sub(1)?)?;
    let present = id.present(objects).len();
    Some((name.clone(), present, present + id.missing(objects).len()))
}

/// How many of the project's deployment configs have the containers' resources the template
/// gives them.
fn resemblance(template: &Template, objects: &[Value]) -> usize {
    let resources = |dc: &Value| {
        dc["spec"]["template"]["spec"]["containers"]
            .as_array()
            .map(|cs| {
                cs.iter()
                    .map(|c| c["resources"].clone())
                    .collect::<Vec<_>>()
            })
    };
    let rendered = crate::templates::render::render(template, &[]);
    objects
        .iter()
        .filter(|o| o["kind"] == "DeploymentConfig")
        .filter(|dc| {
            rendered.iter().any(|r| {
                r["kind"] == "DeploymentConfig"
                    && r["metadata"]["name"] == dc["metadata"]["name"]
                    && same_resources(resources(r), resources(dc))
            })
        })
        .count()
}

/// `{}` and no `resources` at all mean the same: no requests.
fn same_resources(a: Option<Vec<Value>>, b: Option<Vec<Value>>) -> bool {
    let norm = |v: Option<Vec<Value>>| {
        v.unwrap_or_default()
            .into_iter()
            .map(|r| {
                if r.is_null() {
                    serde_json::json!({})
                } else {
                    r
                }
            })
            .collect::<Vec<_>>()
    };
    norm(a) == norm(b)
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
