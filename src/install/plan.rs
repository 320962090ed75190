//! Plan: a pure function from the answers and what was observed to the actions, the decisions
//! and the findings. The same plan serves the summary, `plan`, `preflight`, resume and the
//! executor; an empty list of actions means "already in place".

use super::action::{CreateObjects, InstallAction as Action};
use super::identity::Identity;
use super::recover::{self, Recovered};
use super::sizing::{self, Offer};
use super::storage::{self, RefusalKind, StorageClass};
use crate::engine::checks::{CheckResult, Verdict};
use crate::engine::cluster::Cluster;
use crate::engine::kube;
use crate::engine::observe::{Discovered, Fact, ProjectState};
use crate::engine::report::Changes;
use crate::inputs::{Answers, Field, Given, Missing, ParamInput, Source, Ways};
use crate::pull_secret;
use crate::secrets::Secret;
use crate::templates::api_versions;
use crate::templates::kinds::ObjectRef;
use crate::templates::param_file;
use crate::templates::params::{self, Class};
use crate::templates::profiles::{self, Loaded};
use crate::templates::render;
use serde_json::Value;
use std::collections::BTreeMap;

/// Everything the plan is made from.
pub(crate) struct Request<'a> {
    pub(crate) answers: &'a Answers,
    pub(crate) profile: &'a Loaded,
    /// The image streams of `3scale-image-streams.yml`, groupified.
    pub(crate) image_streams: &'a [Value],
    pub(crate) cluster: &'a Cluster,
    pub(crate) project: &'a ProjectState,
    /// `None`: not asked (no decision needed it).
    pub(crate) classes: Option<Fact<Vec<StorageClass>>>,
    pub(crate) apps_domain: Option<Fact<Discovered>>,
    /// What the cluster offers for the objects to create; `None` when nothing is created.
    pub(crate) offer: Option<Offer>,
    /// A fresh value for each generated parameter, used where no existing object holds one.
    pub(crate) fresh: &'a BTreeMap<String, String>,
}

/// Where a parameter's value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    Input(Source),
    /// Read back from an existing object.
    Existing(ObjectRef),
    /// Drawn for this install.
    Generated,
    /// Decided by the installer (the domain, the storage class).
    Decided(String),
}

/// One value sent to the template.
#[derive(Debug, Clone)]
pub(crate) struct ParamValue {
    pub(crate) name: String,
    pub(crate) value: Secret,
    pub(crate) secret: bool,
    pub(crate) origin: Origin,
}

#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub(crate) actions: Vec<Action>,
    pub(crate) identity: Identity,
    /// Every parameter value the install sends (or would send).
    pub(crate) values: Vec<ParamValue>,
    pub(crate) domain: Option<Given<String>>,
    pub(crate) rwx_class: Option<Given<String>>,
    /// What the installer decided, in words.
    pub(crate) decisions: Vec<String>,
    /// Preflight checks: ok, warnings, failures.
    pub(crate) checks: Vec<CheckResult>,
    pub(crate) missing: Vec<Missing>,
    /// Inputs the cluster shows to be wrong (a value that differs from the existing install's).
    pub(crate) problems: Vec<String>,
}

impl Plan {
    /// The plan as the engine shows and judges every plan.
    pub(crate) fn changes(&self) -> Changes<'_, Action> {
        Changes {
            decisions: &self.decisions,
            checks: &self.checks,
            actions: &self.actions,
            missing: &self.missing,
            problems: &self.problems,
        }
    }

    /// The parameters the person gave (or an earlier run recorded), with secret values left out
    /// (`None`).
    pub(crate) fn given_params(&self) -> Vec<(String, Option<String>)> {
        self.values
            .iter()
            .filter(
                |v| matches!(&v.origin, Origin::Input(s) if s.is_given() || *s == Source::Record),
            )
            .map(|v| {
                (
                    v.name.clone(),
                    (!v.secret).then(|| v.value.expose().to_string()),
                )
            })
            .collect()
    }

    pub(crate) fn failed_checks(&self) -> Vec<&CheckResult> {
        self.checks
            .iter()
            .filter(|c| c.result == Verdict::Fail)
            .collect()
    }
}

/// Red Hat supports the 2.8 templates on OpenShift 3.11 only.
pub(crate) fn support_warning(cluster: &Cluster) -> Option<&'static str> {
    cluster.openshift_major.is_some_and(|m| m >= 4).then_some(
        "Red Hat supports the 3scale 2.8 templates on OpenShift 3.11; on OpenShift 4 the supported way is the 3scale operator. Continuing anyway.",
    )
}

/// The parameters set by the installer's own inputs.
const WILDCARD_DOMAIN: &str = "WILDCARD_DOMAIN";
const RWX_STORAGE_CLASS: &str = "RWX_STORAGE_CLASS";

/// What a plan says besides its actions, in the order it finds it.
#[derive(Default)]
struct Findings {
    decisions: Vec<String>,
    checks: Vec<CheckResult>,
    missing: Vec<Missing>,
    problems: Vec<String>,
}

/// What exists of the install in the project, and what its objects hold.
struct Existing {
    identity: Identity,
    /// The install's objects the project lacks: those to create.
    absent: Vec<ObjectRef>,
    /// How many of the template's objects the project holds.
    present: usize,
    recovered: Recovered,
}

impl Existing {
    fn of(r: &Request) -> Existing {
        let template = &r.profile.template;
        let objects = r.project.objects();
        let given: Vec<(String, String)> = r
            .answers
            .effective_params()
            .iter()
            .map(|p| (p.name.clone(), p.value.expose().to_string()))
            .collect();
        let identity = Identity::of(template, &given, r.image_streams);
        let absent = identity.missing(objects);
        let present: Vec<Value> = identity.present(objects).into_iter().cloned().collect();
        let recovered = recover::recover(template, &present);
        Existing {
            identity,
            absent,
            present: present.len(),
            recovered,
        }
    }

    fn creating(&self) -> bool {
        !self.absent.is_empty()
    }

    /// Whether an object to create uses parameter `name`.
    fn needed_by_absent(&self, r: &Request, name: &str) -> bool {
        uses(&r.profile.template, &self.identity, name, &self.absent)
    }
}

pub(crate) fn plan(r: &Request) -> Plan {
    let existing = Existing::of(r);
    let mut found = Findings::default();
    found.decisions.extend(project_decision(r, &existing));
    let mut values = param_values(r, &existing, &mut found.problems);
    found
        .decisions
        .extend(read_back_decisions(r, &existing, &values));
    let template = &r.profile.template;
    let domain = match template.parameter(WILDCARD_DOMAIN) {
        Some(_) => decide_domain(r, &existing.recovered, &mut found),
        None => None,
    };
    values.extend(domain.as_ref().map(|d| decided(WILDCARD_DOMAIN, d)));
    // The RWX storage class, when a claim to create uses it.
    let rwx_class = match template.parameter(RWX_STORAGE_CLASS) {
        Some(_) if existing.needed_by_absent(r, RWX_STORAGE_CLASS) => decide_class(r, &mut found),
        _ => None,
    };
    values.extend(rwx_class.as_ref().map(|c| decided(RWX_STORAGE_CLASS, c)));
    if existing.creating() {
        missing_required(r, &values, &mut found.missing);
    }
    let mut actions = actions_before_objects(r, &mut found);
    if existing.creating() {
        actions.extend(create_objects(
            r,
            &existing,
            &values,
            rwx_class.as_ref(),
            &mut found,
        ));
    }
    cluster_checks(r, &mut found);
    Plan {
        actions,
        identity: existing.identity,
        values,
        domain,
        rwx_class,
        decisions: found.decisions,
        checks: found.checks,
        missing: found.missing,
        problems: found.problems,
    }
}

/// What the project holds of the install, in words.
fn project_decision(r: &Request, existing: &Existing) -> Option<String> {
    let project = &r.answers.project.value;
    let profile = &r.profile.name;
    let present = existing.present;
    match r.project {
        ProjectState::Present(_) if !existing.creating() && present > 0 => Some(format!(
            "3scale is installed in project {project}: every object of profile {profile} exists"
        )),
        ProjectState::Present(_) if present > 0 => Some(format!(
            "project {project} holds {present} of the {} objects of profile {profile}: the {} missing ones will be created with the values the existing ones hold",
            existing.identity.template.len(),
            existing.absent.len()
        )),
        ProjectState::Present(_) => Some(format!("project {project} exists")),
        ProjectState::Hidden => Some(format!(
            "project {project} does not exist (or {} may not see it): it will be requested",
            r.cluster.user
        )),
        ProjectState::Absent => None,
    }
}

/// The value of each template parameter but the two the installer decides (the domain, the
/// storage class): given, else held by an existing object, else drawn for a generated one; with
/// the problems each shows.
fn param_values(r: &Request, existing: &Existing, problems: &mut Vec<String>) -> Vec<ParamValue> {
    let model = &r.profile.model;
    let mut values = Vec::new();
    for (p, class) in model.all() {
        let name = p.name.as_str();
        if name == WILDCARD_DOMAIN || name == RWX_STORAGE_CLASS {
            continue;
        }
        let input = r.answers.param(name);
        let held = existing.recovered.values.get(name);
        if let (Some(i), Some((value, holder))) = (input, held) {
            problems.extend(differs(r, name, i, value, holder));
        }
        if existing.needed_by_absent(r, name) {
            problems.extend(holder_problems(r, existing, name, class, input));
        }
        let chosen = match (input, held) {
            (Some(i), _) => Some((i.value.clone(), Origin::Input(i.source.clone()))),
            (None, Some((v, holder))) => {
                Some((Secret::new(v.clone()), Origin::Existing(holder.clone())))
            }
            (None, None) if class == Class::Generated => r
                .fresh
                .get(name)
                .map(|v| (Secret::new(v.clone()), Origin::Generated)),
            (None, None) => None,
        };
        if let Some((value, origin)) = chosen {
            values.push(ParamValue {
                name: name.to_string(),
                secret: class != Class::Plain || model.masks(name, value.expose()),
                value,
                origin,
            });
        }
    }
    values
}

/// A given value that differs from the one an existing object holds: the installer does not
/// change existing objects.
fn differs(
    r: &Request,
    name: &str,
    input: &ParamInput,
    value: &str,
    holder: &ObjectRef,
) -> Option<String> {
    if input.value.expose() == value {
        return None;
    }
    let shown = if r.profile.model.masks(name, value) {
        "another value".to_string()
    } else {
        format!("'{value}'")
    };
    Some(format!(
        "{name} (from {}) differs from {shown}, which {holder} of the existing install holds; the installer does not change existing objects: leave {name} out to keep the existing value, or uninstall first",
        input.source
    ))
}

/// Why the objects to create could not get the value of `name` that the existing ones hold:
/// the holders disagree, a generated value cannot be read back, or it was lost with its only
/// holder while deployments that rolled out with it remain.
fn holder_problems(
    r: &Request,
    existing: &Existing,
    name: &str,
    class: Class,
    input: Option<&ParamInput>,
) -> Vec<String> {
    let template = &r.profile.template;
    let recovered = &existing.recovered;
    let mut problems = Vec::new();
    if let Some(conflict) = recovered.conflicts.get(name) {
        let holders: Vec<String> = conflict.iter().map(|(_, o)| o.to_string()).collect();
        problems.push(format!(
            "the existing objects {} hold different values of {name}: creating the missing objects would add a third; make them agree by hand, or uninstall and install again",
            holders.join(" and ")
        ));
    }
    if class != Class::Generated || input.is_some() {
        return problems;
    }
    if let Some(holders) = recovered.unreadable.get(name) {
        let holders: Vec<String> = holders.iter().map(ToString::to_string).collect();
        problems.push(format!(
            "{name} cannot be read back from {}, which exists: a new value would not match it; give the value it holds (THREESCALE_PARAM_{name}), or uninstall and install again",
            holders.join(", ")
        ));
    }
    if recovered.values.contains_key(name) {
        return problems;
    }
    let (identity, absent) = (&existing.identity, &existing.absent);
    if let Some(users) = in_use(template, identity, name, absent, r.project.objects()) {
        problems.push(format!(
            "{name} is held only by {}, which is gone, and {users} already rolled out with it: a new value would not match what they hold (a database initialised with it); restore the object from a backup, give the value it held (THREESCALE_PARAM_{name}), or uninstall and install again",
            holders_of(template, identity, name)
                .iter()
                .filter(|o| absent.contains(o))
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    problems
}

/// The missing objects get the secret values the existing ones hold; a generated value no
/// existing object holds is drawn anew, which is said, since what exists may have been made
/// with the one that was lost.
fn read_back_decisions(r: &Request, existing: &Existing, values: &[ParamValue]) -> Vec<String> {
    let mut decisions = Vec::new();
    if !existing.creating() {
        return decisions;
    }
    let kept = values
        .iter()
        .filter(|v| matches!(v.origin, Origin::Existing(_)) && v.secret)
        .count();
    if kept > 0 {
        decisions.push(format!(
            "{kept} secret values are read back from the existing objects, so that what is created matches them"
        ));
    }
    let drawn: Vec<&str> = values
        .iter()
        .filter(|v| v.origin == Origin::Generated && existing.needed_by_absent(r, &v.name))
        .map(|v| v.name.as_str())
        .collect();
    if existing.present > 0 && !drawn.is_empty() {
        decisions.push(format!(
            "no existing object holds {}: new values are generated for the missing objects",
            drawn.join(", ")
        ));
    }
    decisions
}

/// A value the installer decided (the domain, the storage class), as sent to the template.
fn decided(name: &str, given: &Given<String>) -> ParamValue {
    ParamValue {
        name: name.into(),
        value: Secret::new(given.value.clone()),
        secret: false,
        origin: Origin::Decided(given.source.to_string()),
    }
}

/// Required values nobody gave and no object holds.
fn missing_required(r: &Request, values: &[ParamValue], missing: &mut Vec<Missing>) {
    let known = |name: &str| {
        values
            .iter()
            .any(|v| v.name == name && !v.value.expose().is_empty())
    };
    for p in params::needed(&r.profile.template, known) {
        missing.push(Missing {
            what: format!(
                "template parameter {}{}",
                p.name,
                p.description
                    .as_deref()
                    .map(|d| format!(" ({})", d.trim().trim_end_matches('.')))
                    .unwrap_or_default()
            ),
            ways: ways_to_give(&r.profile.model, &p.name),
            field: Some(Field::Params),
        });
    }
}

/// How a template parameter is given: the AWS secret and secret parameters from files, the
/// others as values.
fn ways_to_give(model: &params::ParamModel, name: &str) -> Ways {
    if name == crate::inputs::AWS_SECRET_ENV {
        Ways {
            flag: "--aws-secret-access-key-file or --aws-secret-access-key-stdin".into(),
            env: name.to_string(),
            key: "aws_secret_access_key_file".into(),
        }
    } else if model.is_secret(name) {
        Ways {
            flag: format!("--param-from-file {name}=PATH"),
            env: format!("THREESCALE_PARAM_{name}"),
            key: format!("param_files.{name}"),
        }
    } else {
        Ways {
            flag: format!("--param {name}=VALUE"),
            env: "THREESCALE_PARAMS".into(),
            key: format!("params.{name}"),
        }
    }
}

/// What comes before the template's objects, in the order it runs: the project, the pull
/// secret, the registry login check and the image streams.
fn actions_before_objects(r: &Request, found: &mut Findings) -> Vec<Action> {
    let objects = r.project.objects();
    let mut actions = Vec::new();
    if !r.project.exists() {
        actions.push(Action::CreateProject {
            name: r.answers.project.value.clone(),
            display_name: r.answers.display_name.value.clone(),
        });
    }
    plan_pull_secret(
        r,
        objects,
        &mut actions,
        &mut found.decisions,
        &mut found.missing,
    );
    plan_registry(r, objects, &mut actions, &mut found.decisions);
    actions.extend(create_image_streams(r, objects));
    actions
}

/// The image streams of the install the project lacks.
fn create_image_streams(r: &Request, objects: &[Value]) -> Option<Action> {
    let existing_streams: Vec<&str> = objects
        .iter()
        .filter(|o| o["kind"] == "ImageStream")
        .filter_map(|o| o["metadata"]["name"].as_str())
        .collect();
    let wanted_streams: Vec<Value> = r
        .image_streams
        .iter()
        .filter(|s| !existing_streams.iter().any(|e| s["metadata"]["name"] == *e))
        .cloned()
        .collect();
    (!wanted_streams.is_empty()).then(|| Action::CreateImageStreams {
        names: wanted_streams
            .iter()
            .filter_map(|s| s["metadata"]["name"].as_str().map(str::to_string))
            .collect(),
        manifest: profiles::image_stream_list(&wanted_streams),
    })
}

/// The template's objects to create, with what the cluster must serve for them: their API
/// versions, the values oc's param file can carry, the capacity they ask for.
fn create_objects(
    r: &Request,
    existing: &Existing,
    values: &[ParamValue],
    rwx_class: Option<&Given<String>>,
    found: &mut Findings,
) -> Option<Action> {
    let pairs: Vec<(String, String)> = values
        .iter()
        .map(|v| (v.name.clone(), v.value.expose().to_string()))
        .collect();
    let rendered: Vec<Value> = render::render(&r.profile.template, &pairs)
        .into_iter()
        .filter(|o| existing.absent.iter().any(|a| a.matches(o)))
        .collect();
    let rewrites = api_versions_check(r.cluster, &rendered, found);
    let action = match param_file::encode_all(&pairs) {
        Ok(text) => Some(Action::CreateObjects(CreateObjects {
            template: r.profile.path.clone(),
            param_file: Secret::new(text),
            objects: existing.absent.clone(),
            all: existing.present == 0,
            rewrites,
        })),
        Err(names) => {
            found.problems.push(format!(
                "the value of {} holds '#' together with a quote character and a line break, which oc's --param-file syntax cannot carry exactly: choose a value without '#', without quotes, or on one line",
                names.join(", ")
            ));
            None
        }
    };
    if let Some(offer) = &r.offer {
        let overrides: Vec<String> = values
            .iter()
            .filter(|v| v.name.ends_with("_IMAGE") && matches!(v.origin, Origin::Input(_)))
            .map(|v| v.name.clone())
            .collect();
        let answers = r.answers;
        found.checks.extend(
            sizing::assess(
                &rendered,
                rwx_class.map(|c| c.value.as_str()),
                &overrides,
                offer,
                answers.checks.strict,
            )
            .into_iter()
            .map(|c| c.skip_if_asked(&answers.checks.skip)),
        );
    }
    action
}

/// Whether the cluster serves the API versions of the objects to create, and the rewrites
/// (each a decision) that make it serve them.
fn api_versions_check(
    cluster: &Cluster,
    rendered: &[Value],
    found: &mut Findings,
) -> Vec<api_versions::Rewrite> {
    let Some(minor) = cluster.kube_minor else {
        found.checks.push(CheckResult::ok("api-versions", "the cluster's Kubernetes version is unknown: objects are sent as the template writes them"));
        return Vec::new();
    };
    let (rewrites, refused) = api_versions::assess(rendered, minor);
    found
        .decisions
        .extend(rewrites.iter().map(ToString::to_string));
    found.checks.push(if !refused.is_empty() {
        CheckResult::fail(
            "api-versions",
            format!("this cluster (Kubernetes 1.{minor}) no longer serves: {}", refused.join(", ")),
        )
        .with_help("this profile cannot be installed on this cluster as it is: choose another profile, or install on an older cluster")
    } else if rewrites.is_empty() {
        CheckResult::ok(
            "api-versions",
            format!("every object's API version is served by Kubernetes 1.{minor}"),
        )
    } else {
        let shown: Vec<String> = rewrites
            .iter()
            .map(|f| format!("{} {} → {}", f.kind, f.from, f.to))
            .collect();
        CheckResult::ok(
            "api-versions",
            format!("served by Kubernetes 1.{minor} once rewritten: {}", shown.join(", ")),
        )
    });
    rewrites
}

/// What Red Hat supports: the OpenShift version, the profile.
fn cluster_checks(r: &Request, found: &mut Findings) {
    if let Some(w) = support_warning(r.cluster) {
        found.checks.push(
            CheckResult::warn("openshift-version", w)
                .with_help("for a supported install on OpenShift 4, use the 3scale operator"),
        );
    } else {
        found.checks.push(CheckResult::ok(
            "openshift-version",
            format!("OpenShift {}", r.cluster.version),
        ));
    }
    if r.profile.name.contains("tech-preview") {
        found.decisions.push(format!(
            "profile {} is a technology preview: Red Hat does not support it in production",
            r.profile.name
        ));
    }
}

/// The template's objects that write parameter `name`.
fn holders_of(
    template: &crate::templates::model::Template,
    identity: &Identity,
    name: &str,
) -> Vec<ObjectRef> {
    let plain = format!("${{{name}}}");
    template
        .objects
        .iter()
        .zip(&identity.template)
        .filter(|(o, _)| o.to_json().to_string().contains(&plain))
        .map(|(_, id)| id.clone())
        .collect()
}

/// When the absent holders of a generated parameter are used by deployment configs that exist
/// and have rolled out (their pods, and the databases they initialised, hold the old value):
/// those deployment configs, in words.
fn in_use(
    template: &crate::templates::model::Template,
    identity: &Identity,
    name: &str,
    absent: &[ObjectRef],
    listed: &[Value],
) -> Option<String> {
    let lost: Vec<ObjectRef> = holders_of(template, identity, name)
        .into_iter()
        .filter(|h| absent.contains(h))
        .collect();
    let users: Vec<String> = listed
        .iter()
        .filter(|o| {
            o["kind"] == "DeploymentConfig"
                && o["status"]["latestVersion"].as_u64().unwrap_or(0) >= 1
        })
        .filter(|dc| {
            let text = dc["spec"].to_string();
            lost.iter().any(|l| {
                l.kind == "Secret" && text.contains(&format!("\"name\":\"{}\"", l.name))
                    || l.kind == "ConfigMap" && text.contains(&format!("\"name\":\"{}\"", l.name))
            })
        })
        .filter_map(|dc| {
            dc["metadata"]["name"]
                .as_str()
                .map(|n| format!("deploymentconfig/{n}"))
        })
        .collect();
    (!users.is_empty()).then(|| users.join(", "))
}

/// Whether any of `objects` uses parameter `name` in the template.
pub(crate) fn uses(
    template: &crate::templates::model::Template,
    identity: &Identity,
    name: &str,
    objects: &[ObjectRef],
) -> bool {
    let (plain, json) = (format!("${{{name}}}"), format!("${{{{{name}}}}}"));
    // The identity lists the template's objects in template order.
    template
        .objects
        .iter()
        .zip(&identity.template)
        .filter(|(_, id)| objects.contains(id))
        .any(|(o, _)| {
            let text = o.to_json().to_string();
            text.contains(&plain) || text.contains(&json)
        })
}

/// The wildcard domain: given, held by the install, or the cluster's.
fn decide_domain(
    r: &Request,
    recovered: &Recovered,
    found: &mut Findings,
) -> Option<Given<String>> {
    let Findings {
        decisions,
        problems,
        missing,
        ..
    } = found;
    let held = recovered.values.get(WILDCARD_DOMAIN);
    match (&r.answers.wildcard_domain, held) {
        (Some(given), Some((value, holder))) if given.value != *value => {
            if given.source.is_given() {
                problems.push(format!(
                    "wildcard domain '{}' (from {}) differs from '{value}', which {holder} of the existing install uses; the installer does not change existing objects: leave it out, or uninstall first",
                    given.value, given.source
                ));
                Some(given.clone())
            } else {
                decisions.push(format!(
                    "WILDCARD_DOMAIN={value} (held by {holder}; {} said {})",
                    given.source, given.value
                ));
                Some(Given::new(
                    value.clone(),
                    Source::Cluster(format!("{holder} of the existing install")),
                ))
            }
        }
        (Some(given), _) => {
            decisions.push(format!(
                "WILDCARD_DOMAIN={} (from {})",
                given.value, given.source
            ));
            Some(given.clone())
        }
        (None, Some((value, holder))) => {
            decisions.push(format!("WILDCARD_DOMAIN={value} (held by {holder})"));
            Some(Given::new(
                value.clone(),
                Source::Cluster(format!("{holder} of the existing install")),
            ))
        }
        (None, None) => match &r.apps_domain {
            Some(Ok(d)) => match crate::inputs::check_domain(&d.value) {
                Ok(()) => {
                    decisions.push(format!("WILDCARD_DOMAIN={} (from {})", d.value, d.how));
                    Some(Given::new(d.value.clone(), Source::Cluster(d.how.clone())))
                }
                Err(why) => {
                    problems.push(format!("the cluster's apps domain '{}' (from {}) cannot be used: {why}; pass --wildcard-domain", d.value, d.how));
                    None
                }
            },
            Some(Err(why)) => {
                missing.push(Missing {
                    what: format!("wildcard domain (it could not be told from the cluster: {why})"),
                    ways: Field::WildcardDomain.ways(),
                    field: Some(Field::WildcardDomain),
                });
                None
            }
            None => None,
        },
    }
}

fn decide_class(r: &Request, found: &mut Findings) -> Option<Given<String>> {
    let Findings {
        decisions,
        checks,
        problems,
        missing,
    } = found;
    let wanted = r.answers.rwx_storage_class.as_ref();
    let skipped = r.answers.checks.skips("storage");
    let classes = match &r.classes {
        Some(Ok(c)) => Ok(c.as_slice()),
        Some(Err(why)) => Err(why.as_str()),
        None => return wanted.cloned(),
    };
    match storage::choose(classes, wanted.map(|w| w.value.as_str())) {
        Ok(choice) => {
            let check = CheckResult::ok(
                "storage",
                format!("RWX_STORAGE_CLASS={} ({})", choice.class, choice.why),
            );
            checks.push(match &choice.warning {
                Some(w) => CheckResult::warn(
                    "storage",
                    format!("RWX_STORAGE_CLASS={}: {w}", choice.class),
                ),
                None => check,
            });
            decisions.push(format!(
                "RWX_STORAGE_CLASS={} ({})",
                choice.class, choice.why
            ));
            Some(match wanted {
                Some(w) => w.clone(),
                None => Given::new(choice.class, Source::Cluster(choice.why)),
            })
        }
        Err(refusal) if skipped => {
            checks.push(
                CheckResult::fail("storage", refusal.message)
                    .with_help(refusal.help)
                    .skip_if_asked(&r.answers.checks.skip),
            );
            wanted.cloned()
        }
        Err(refusal) => {
            match refusal.kind {
                RefusalKind::BadInput => {
                    // Where the name came from goes beside the name, before any list of classes.
                    let message = match wanted {
                        Some(w) => refusal.message.replacen(
                            &format!("'{}'", w.value),
                            &format!("'{}' (from {})", w.value, w.source),
                            1,
                        ),
                        None => refusal.message.clone(),
                    };
                    problems.push(format!("{message}; {}", refusal.help))
                }
                RefusalKind::Ambiguous => missing.push(Missing {
                    what: format!("RWX storage class: {}", refusal.message),
                    ways: Field::StorageClass.ways(),
                    field: Some(Field::StorageClass),
                }),
                RefusalKind::Unavailable => {}
            }
            checks.push(CheckResult::fail("storage", refusal.message).with_help(refusal.help));
            None
        }
    }
}

/// The registry login is checked whenever it is written or images failed to import, before the
/// template's objects exist; image streams whose import failed are imported again (the cluster
/// never retries a failed import on its own).
fn plan_registry(
    r: &Request,
    objects: &[Value],
    actions: &mut Vec<Action>,
    decisions: &mut Vec<String>,
) {
    let login = actions.iter().find_map(|a| match a {
        Action::WritePullSecret(w) => Some(w.login().username.clone()),
        _ => None,
    });
    let failed = failed_imports(objects);
    if login.is_none() && failed.is_empty() {
        return;
    }
    let server = &r.answers.registry.server.value;
    let username = login.or_else(|| match pull_secret::observe(objects, server) {
        pull_secret::Observed::Present(Some(e)) => e.username,
        _ => None,
    });
    let image = registry_image(r, server);
    match (image, username) {
        _ if r.answers.checks.skips(REGISTRY_CHECK) => decisions.push(format!(
            "the registry login is not checked (--skip-check {REGISTRY_CHECK})"
        )),
        (Some(image), Some(username)) => actions.push(Action::CheckRegistryLogin {
            image,
            server: server.clone(),
            username,
        }),
        (None, _) => decisions.push(format!(
            "the registry login is not checked: no image of the template comes from {server}"
        )),
        (_, None) => decisions.push(format!(
            "the registry login is not checked: no pull secret for {server} is in the project"
        )),
    }
    for (stream, tags) in failed {
        actions.push(Action::ReimportImages { stream, tags });
    }
}

/// The `--skip-check` id of the registry login check.
pub(crate) const REGISTRY_CHECK: &str = "registry-login";

/// An image of the template from `server` (as given, or the template's default): the one the
/// registry check asks the cluster to fetch.
fn registry_image(r: &Request, server: &str) -> Option<String> {
    r.profile
        .template
        .parameters
        .iter()
        .filter(|p| p.name.ends_with("_IMAGE"))
        .filter_map(|p| {
            r.answers
                .param(&p.name)
                .map(|given| given.value.expose().to_string())
                .or_else(|| p.value.clone())
        })
        .find(|image| image.split('/').next() == Some(server))
}

/// Image streams with tags whose import failed: (stream, [TAG: the registry's message]).
pub(crate) fn failed_imports(objects: &[Value]) -> Vec<(String, Vec<String>)> {
    objects
        .iter()
        .filter(|o| o["kind"] == "ImageStream")
        .map(kube::parse::<kube::ImageStream>)
        .filter_map(|is| {
            let tags = is.refused_tags();
            (!tags.is_empty()).then_some((is.metadata.name, tags))
        })
        .collect()
}

fn plan_pull_secret(
    r: &Request,
    objects: &[Value],
    actions: &mut Vec<Action>,
    decisions: &mut Vec<String>,
    missing: &mut Vec<Missing>,
) {
    let registry = &r.answers.registry;
    let observed = pull_secret::observe(objects, &registry.server.value);
    let existing_user = match &observed {
        pull_secret::Observed::Present(Some(e)) => e.username.clone(),
        _ => None,
    };
    let username = registry
        .username
        .as_ref()
        .map(|u| u.value.clone())
        .or_else(|| existing_user.clone());
    match (&registry.password, username) {
        (Some(password), Some(username)) => {
            let login = pull_secret::Login {
                server: registry.server.value.clone(),
                username,
                password: password.value.clone(),
            };
            actions.extend(pull_secret::plan(observed, login).map(Action::WritePullSecret));
        }
        (None, Some(username)) if existing_user.as_deref() == Some(username.as_str()) => {
            decisions.push(format!(
                "pull secret {} is kept: it holds {username} for {}, and no registry password was given",
                pull_secret::NAME,
                registry.server.value
            ));
        }
        (password, username) => {
            if username.is_none() {
                missing.push(Missing {
                    what: "registry username".into(),
                    ways: Field::RegistryUsername.ways(),
                    field: Some(Field::RegistryUsername),
                });
            }
            if password.is_none() {
                missing.push(Missing {
                    what: "registry password".into(),
                    ways: Field::RegistryPassword.ways(),
                    field: Some(Field::RegistryPassword),
                });
            }
        }
    }
}
