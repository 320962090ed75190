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
    let mut actions = actions_before_objects(r, existing.creating(), &mut found);
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
fn actions_before_objects(r: &Request, creating: bool, found: &mut Findings) -> Vec<Action> {
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
    plan_registry(r, objects, creating, &mut actions, &mut found.decisions);
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
    creating: bool,
    actions: &mut Vec<Action>,
    decisions: &mut Vec<String>,
) {
    let login = actions.iter().find_map(|a| match a {
        Action::WritePullSecret(w) => Some(w.login().username.clone()),
        _ => None,
    });
    let failed = failed_imports(objects);
    // A pull secret kept as it is was not necessarily ever let in (a run refused at the check
    // stops before the objects): while objects are still to be created it is checked again.
    if login.is_none() && failed.is_empty() && !creating {
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

#[cfg(test)]
mod tests {
    //! Table tests of the plan over hand-built observations: what the project holds, what the
    //! cluster offers and what was given, against the actions (as shown), the decisions and the
    //! problems.

    use super::*;
    use crate::install::testing::answers;
    use crate::templates::model::Template;
    use crate::templates::params::ParamModel;
    use base64::Engine;
    use serde_json::json;
    use std::path::{Path, PathBuf};

    /// A profile of the template's shape: a generated admin password in the seed, a generated
    /// database password in its own secret that the database's deployment reads, the RWX claim
    /// and a route on the wildcard domain.
    const TEMPLATE: &str = r#"
metadata: {name: 3scale-api-management}
objects:
- apiVersion: v1
  kind: Secret
  metadata: {name: system-seed, labels: {app: "${APP_LABEL}"}}
  stringData:
    TENANT_NAME: "${TENANT_NAME}"
    ADMIN_PASSWORD: "${ADMIN_PASSWORD}"
- apiVersion: v1
  kind: Secret
  metadata: {name: system-database, labels: {app: "${APP_LABEL}"}}
  stringData:
    DB_PASSWORD: "${SYSTEM_DATABASE_PASSWORD}"
- apiVersion: apps.openshift.io/v1
  kind: DeploymentConfig
  metadata: {name: system-mysql, labels: {app: "${APP_LABEL}"}}
  spec:
    template:
      spec:
        containers:
        - name: system-mysql
          image: "${AMP_SYSTEM_IMAGE}"
          env:
          - name: MYSQL_PASSWORD
            valueFrom: {secretKeyRef: {name: system-database, key: DB_PASSWORD}}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: system-storage, labels: {app: "${APP_LABEL}"}}
  spec:
    accessModes: [ReadWriteMany]
    storageClassName: "${RWX_STORAGE_CLASS}"
    resources: {requests: {storage: 100Mi}}
- apiVersion: route.openshift.io/v1
  kind: Route
  metadata: {name: system-master, labels: {app: "${APP_LABEL}"}}
  spec: {host: "master.${WILDCARD_DOMAIN}"}
parameters:
- {name: APP_LABEL, value: 3scale-api-management}
- {name: TENANT_NAME, value: "3scale"}
- {name: AMP_SYSTEM_IMAGE, value: "registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8"}
- {name: WILDCARD_DOMAIN, required: true}
- {name: RWX_STORAGE_CLASS}
- {name: ADMIN_PASSWORD, generate: expression, from: "[a-z0-9]{8}"}
- {name: SYSTEM_DATABASE_PASSWORD, generate: expression, from: "[a-z0-9]{8}"}
"#;

    const DOMAIN: &str = "apps.example.com";

    fn profile() -> Loaded {
        let template = Template::parse(TEMPLATE).unwrap();
        Loaded {
            name: "amp".into(),
            path: PathBuf::from("/checkout/amp/amp.yml"),
            model: ParamModel::of(&template),
            template,
        }
    }

    /// A profile of the fixture templates, read as a run reads a checkout.
    fn fixture_profile(name: &str) -> Loaded {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fixtures/templates");
        profiles::load(&profiles::list(&dir), name).unwrap()
    }

    fn streams() -> Vec<Value> {
        vec![
            json!({"apiVersion": "image.openshift.io/v1", "kind": "ImageStream",
            "metadata": {"name": "amp-system"},
            "spec": {"tags": [{"name": "2.8", "from": {"kind": "DockerImage",
                "name": "registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8"}}]}}),
        ]
    }

    fn cluster(kube_minor: u32) -> Cluster {
        Cluster {
            user: "developer".into(),
            server: "https://api.example.com:6443".into(),
            version: format!("4.x (Kubernetes 1.{kube_minor})"),
            openshift_major: Some(4),
            kube_minor: Some(kube_minor),
        }
    }

    fn class(name: &str, provisioner: &str) -> StorageClass {
        kube::parse(&json!({"metadata": {"name": name}, "provisioner": provisioner}))
    }

    fn b64(text: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(text)
    }

    /// The objects of an install as the cluster holds them (a secret's values base64 under
    /// `data`, a deployment config that rolled out), each written out here, not rendered.
    fn seed(tenant: &str, admin_password: &str) -> Value {
        json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "system-seed", "labels": {"app": "3scale-api-management"}},
            "data": {"TENANT_NAME": b64(tenant), "ADMIN_PASSWORD": b64(admin_password)}})
    }

    fn database_secret(password: &str) -> Value {
        json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "system-database", "labels": {"app": "3scale-api-management"}},
            "data": {"DB_PASSWORD": b64(password)}})
    }

    fn mysql(latest_version: u64) -> Value {
        json!({"apiVersion": "apps.openshift.io/v1", "kind": "DeploymentConfig",
            "metadata": {"name": "system-mysql", "labels": {"app": "3scale-api-management"}},
            "spec": {"template": {"spec": {"containers": [{"name": "system-mysql",
                "image": "image-registry.openshift-image-registry.svc:5000/3scale-apim/amp-system@sha256:0",
                "env": [{"name": "MYSQL_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "system-database", "key": "DB_PASSWORD"}}}]}]}}},
            "status": {"latestVersion": latest_version}})
    }

    fn claim() -> Value {
        json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
            "metadata": {"name": "system-storage", "labels": {"app": "3scale-api-management"}},
            "spec": {"accessModes": ["ReadWriteMany"], "storageClassName": "efs",
                "resources": {"requests": {"storage": "100Mi"}}}})
    }

    fn route() -> Value {
        json!({"apiVersion": "route.openshift.io/v1", "kind": "Route",
            "metadata": {"name": "system-master", "labels": {"app": "3scale-api-management"}},
            "spec": {"host": format!("master.{DOMAIN}")}})
    }

    fn pull_secret() -> Value {
        let config = json!({"auths": {"registry.redhat.io": {"username": "12345|u",
            "password": "registry-pw-1", "auth": b64("12345|u:registry-pw-1")}}});
        json!({"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/dockerconfigjson",
            "metadata": {"name": pull_secret::NAME, "labels": {"app.kubernetes.io/managed-by": "threescale-install"}},
            "data": {".dockerconfigjson": b64(&config.to_string())}})
    }

    fn image_stream() -> Value {
        let mut s = streams().remove(0);
        s["status"] = json!({"tags": [{"tag": "2.8", "items": [{"image": "sha256:0"}]}]});
        s
    }

    /// Every object of a finished install.
    fn installed() -> Vec<Value> {
        vec![
            seed("3scale", "admin-pw-1"),
            database_secret("db-pw-1"),
            mysql(1),
            claim(),
            route(),
            pull_secret(),
            image_stream(),
        ]
    }

    /// What a plan is made from; each test changes what it is about.
    struct Case {
        args: Vec<&'static str>,
        profile: Loaded,
        project: ProjectState,
        classes: Vec<StorageClass>,
        kube_minor: u32,
    }

    impl Case {
        fn new(project: ProjectState) -> Case {
            Case {
                args: vec!["--registry-username", "12345|u"],
                profile: profile(),
                project,
                classes: vec![
                    class("gp2", "kubernetes.io/aws-ebs"),
                    class("efs", "efs.csi.aws.com"),
                ],
                kube_minor: 25,
            }
        }

        fn plan(&self) -> Plan {
            let answers = answers(&self.args);
            // A fresh value for each generated parameter: `fresh-admin-password`, ...
            let fresh: BTreeMap<String, String> = self
                .profile
                .model
                .generated()
                .map(|p| {
                    let value = format!("fresh-{}", p.name.to_lowercase().replace('_', "-"));
                    (p.name.clone(), value)
                })
                .collect();
            plan(&Request {
                answers: &answers,
                profile: &self.profile,
                image_streams: &streams(),
                cluster: &cluster(self.kube_minor),
                project: &self.project,
                classes: Some(Ok(self.classes.clone())),
                apps_domain: Some(Ok(Discovered {
                    value: DOMAIN.into(),
                    how: "the cluster's ingress config".into(),
                })),
                offer: None,
                fresh: &fresh,
            })
        }
    }

    /// The actions of an install in a new project, in the order they run.
    const FRESH: [&str; 5] = [
        "create project 3scale-apim (display name \"3Scale API Management\")",
        "create secret threescale-registry-auth for registry.redhat.io as 12345|u",
        "check that registry.redhat.io lets 12345|u in: the cluster fetches registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8 with pull secret threescale-registry-auth (an import in dry-run mode: no image is imported)",
        "create image streams amp-system",
        "create the 5 objects of amp.yml",
    ];

    fn shown(p: &Plan) -> Vec<String> {
        p.actions.iter().map(ToString::to_string).collect()
    }

    fn check(p: &Plan, id: &str) -> (Verdict, String) {
        let c = p.checks.iter().find(|c| c.id == id).unwrap();
        (c.result, c.detail.clone())
    }

    fn value<'a>(p: &'a Plan, name: &str) -> &'a ParamValue {
        p.values.iter().find(|v| v.name == name).unwrap()
    }

    #[test]
    fn a_fresh_cluster_gets_everything_in_order_with_fresh_values() {
        let p = Case::new(ProjectState::Absent).plan();
        assert!(p.problems.is_empty() && p.missing.is_empty(), "{p:?}");
        assert_eq!(shown(&p), FRESH);
        assert_eq!(
            p.decisions,
            [
                "WILDCARD_DOMAIN=apps.example.com (from the cluster's ingress config)",
                "RWX_STORAGE_CLASS=efs (the only class whose provisioner (efs.csi.aws.com) binds ReadWriteMany)",
            ]
        );
        assert_eq!(value(&p, "ADMIN_PASSWORD").origin, Origin::Generated);
        assert_eq!(
            value(&p, "ADMIN_PASSWORD").value.expose(),
            "fresh-admin-password"
        );
        assert!(value(&p, "ADMIN_PASSWORD").secret);
        assert_eq!(
            check(&p, "api-versions"),
            (
                Verdict::Ok,
                "every object's API version is served by Kubernetes 1.25".into()
            )
        );
        assert_eq!(check(&p, "storage").0, Verdict::Ok);
        assert_eq!(check(&p, "openshift-version").0, Verdict::Warn);
    }

    #[test]
    fn a_rerun_over_a_finished_install_plans_nothing() {
        let p = Case::new(ProjectState::Present(installed())).plan();
        assert_eq!(shown(&p), Vec::<String>::new());
        assert!(p.problems.is_empty() && p.missing.is_empty(), "{p:?}");
        assert_eq!(
            p.decisions,
            [
                "3scale is installed in project 3scale-apim: every object of profile amp exists",
                "WILDCARD_DOMAIN=apps.example.com (held by route/system-master)",
            ]
        );
        // What exists is what the plan holds: nothing is drawn anew.
        let admin = value(&p, "ADMIN_PASSWORD");
        assert_eq!(admin.value.expose(), "admin-pw-1");
        assert_eq!(
            admin.origin,
            Origin::Existing(ObjectRef::new("Secret", "v1", "system-seed"))
        );
        assert!(p.checks.iter().all(|c| c.id != "api-versions"));
    }

    const REGISTRY_CHECK: &str = "check that registry.redhat.io lets 12345|u in: the cluster fetches registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8 with pull secret threescale-registry-auth (an import in dry-run mode: no image is imported)";

    #[test]
    fn a_lost_generated_secret_is_refused_while_the_database_made_with_it_runs() {
        let mut objects = installed();
        objects.retain(|o| o["metadata"]["name"] != "system-database");
        let p = Case::new(ProjectState::Present(objects)).plan();
        // The kept pull secret is checked again: objects are to be created with it.
        assert_eq!(
            shown(&p),
            [
                REGISTRY_CHECK,
                "create the 1 missing objects: secret/system-database"
            ]
        );
        assert_eq!(
            p.problems,
            ["SYSTEM_DATABASE_PASSWORD is held only by secret/system-database, which is gone, and deploymentconfig/system-mysql already rolled out with it: a new value would not match what they hold (a database initialised with it); restore the object from a backup, give the value it held (THREESCALE_PARAM_SYSTEM_DATABASE_PASSWORD), or uninstall and install again"]
        );
        assert_eq!(
            p.decisions,
            [
                "project 3scale-apim holds 4 of the 5 objects of profile amp: the 1 missing ones will be created with the values the existing ones hold",
                "1 secret values are read back from the existing objects, so that what is created matches them",
                "no existing object holds SYSTEM_DATABASE_PASSWORD: new values are generated for the missing objects",
                "WILDCARD_DOMAIN=apps.example.com (held by route/system-master)",
            ]
        );
    }

    #[test]
    fn a_lost_generated_secret_nothing_used_yet_is_drawn_anew_and_said() {
        let mut objects = installed();
        objects.retain(|o| o["metadata"]["name"] != "system-database");
        objects[1] = mysql(0);
        let p = Case::new(ProjectState::Present(objects)).plan();
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        // The kept pull secret is checked again: objects are to be created with it.
        assert_eq!(
            shown(&p),
            [
                REGISTRY_CHECK,
                "create the 1 missing objects: secret/system-database"
            ]
        );
        assert!(p.decisions.contains(
            &"no existing object holds SYSTEM_DATABASE_PASSWORD: new values are generated for the missing objects".to_string()
        ));
        assert_eq!(
            value(&p, "SYSTEM_DATABASE_PASSWORD").value.expose(),
            "fresh-system-database-password"
        );
        // The seed's password is read back, not drawn: the missing objects match what exists.
        assert_eq!(value(&p, "ADMIN_PASSWORD").value.expose(), "admin-pw-1");
    }

    #[test]
    fn given_values_that_differ_from_the_existing_objects_are_problems() {
        let mut case = Case::new(ProjectState::Present(installed()));
        case.args.extend([
            "--param",
            "TENANT_NAME=acme",
            "--wildcard-domain",
            "apps.other.com",
        ]);
        let p = case.plan();
        assert_eq!(
            p.problems,
            [
                "TENANT_NAME (from --param) differs from '3scale', which secret/system-seed of the existing install holds; the installer does not change existing objects: leave TENANT_NAME out to keep the existing value, or uninstall first",
                "wildcard domain 'apps.other.com' (from --wildcard-domain) differs from 'apps.example.com', which route/system-master of the existing install uses; the installer does not change existing objects: leave it out, or uninstall first",
            ]
        );
        assert_eq!(shown(&p), Vec::<String>::new());
    }

    #[test]
    fn without_a_read_write_many_class_the_storage_check_fails_unless_skipped() {
        let mut case = Case::new(ProjectState::Absent);
        case.classes = vec![class("gp2", "kubernetes.io/aws-ebs")];
        let p = case.plan();
        assert!(p.problems.is_empty() && p.missing.is_empty(), "{p:?}");
        assert_eq!(
            check(&p, "storage"),
            (
                Verdict::Fail,
                "no storage class is known to bind ReadWriteMany claims, which system-storage needs; the cluster has:\n  - gp2 (provisioner kubernetes.io/aws-ebs, ReadWriteOnce only)".into()
            )
        );
        assert_eq!(p.failed_checks().len(), 1);
        assert!(p.rwx_class.is_none());
        assert!(p.values.iter().all(|v| v.name != RWX_STORAGE_CLASS));

        case.args.extend(["--skip-check", "storage"]);
        let skipped = case.plan();
        let storage = skipped.checks.iter().find(|c| c.id == "storage").unwrap();
        assert_eq!((storage.result, storage.skipped), (Verdict::Warn, true));
        assert!(skipped.failed_checks().is_empty());
    }

    #[test]
    fn a_project_the_user_may_not_see_is_requested() {
        let p = Case::new(ProjectState::Hidden).plan();
        assert!(p.problems.is_empty() && p.missing.is_empty(), "{p:?}");
        assert_eq!(
            p.decisions,
            [
                "project 3scale-apim does not exist (or developer may not see it): it will be requested",
                "WILDCARD_DOMAIN=apps.example.com (from the cluster's ingress config)",
                "RWX_STORAGE_CLASS=efs (the only class whose provisioner (efs.csi.aws.com) binds ReadWriteMany)",
            ]
        );
        // `oc new-project` tells: it makes the project, or says it exists and is not ours.
        assert_eq!(shown(&p), FRESH);
    }

    #[test]
    fn the_ha_profile_on_kubernetes_1_25_sends_its_disruption_budgets_as_policy_v1() {
        let mut case = Case::new(ProjectState::Absent);
        case.profile = fixture_profile("amp-ha-tech-preview");
        // The HA profile keeps its databases outside the project.
        case.args.extend([
            "--param",
            "SYSTEM_DATABASE_URL=mysql2://root:pw@db.example.com/system",
            "--param",
            "SYSTEM_REDIS_URL=redis://redis.example.com:6379/1",
            "--param",
            "BACKEND_REDIS_STORAGE_ENDPOINT=redis://redis.example.com:6379/0",
            "--param",
            "BACKEND_REDIS_QUEUES_ENDPOINT=redis://redis.example.com:6379/2",
        ]);
        let p = case.plan();
        assert!(p.problems.is_empty() && p.missing.is_empty(), "{p:?}");
        let rewrite = "PodDisruptionBudgets are sent as policy/v1 (the cluster no longer serves policy/v1beta1, removed in Kubernetes 1.25; the fields are the same)";
        assert_eq!(
            p.decisions,
            [
                "WILDCARD_DOMAIN=apps.example.com (from the cluster's ingress config)",
                "RWX_STORAGE_CLASS=efs (the only class whose provisioner (efs.csi.aws.com) binds ReadWriteMany)",
                rewrite,
                "profile amp-ha-tech-preview is a technology preview: Red Hat does not support it in production",
            ]
        );
        assert_eq!(
            shown(&p)[FRESH.len() - 1..],
            ["create the 19 objects of amp-ha-tech-preview.yml"]
        );
        assert_eq!(shown(&p)[..FRESH.len() - 1], FRESH[..FRESH.len() - 1]);
        assert_eq!(
            check(&p, "api-versions"),
            (
                Verdict::Ok,
                "served by Kubernetes 1.25 once rewritten: PodDisruptionBudget policy/v1beta1 → policy/v1".into()
            )
        );
        let Some(Action::CreateObjects(create)) = p.actions.last() else {
            panic!("{:?}", shown(&p));
        };
        assert_eq!(create.rewrites.len(), 1);
        assert_eq!(create.rewrites[0].to, "policy/v1");

        // Kubernetes 1.24 still serves policy/v1beta1: sent as written.
        case.kube_minor = 24;
        let older = case.plan();
        assert!(!older.decisions.contains(&rewrite.to_string()));
        let Some(Action::CreateObjects(create)) = older.actions.last() else {
            panic!("{:?}", shown(&older));
        };
        assert!(create.rewrites.is_empty());
    }
}
