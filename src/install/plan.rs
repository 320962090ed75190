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
use crate::inputs::{Answers, Field, Given, Missing, Source, Ways};
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

pub(crate) fn plan(r: &Request) -> Plan {
    let answers = r.answers;
    let template = &r.profile.template;
    let model = &r.profile.model;
    let objects = r.project.objects();
    let mut decisions = Vec::new();
    let mut checks = Vec::new();
    let mut missing = Vec::new();
    let mut problems = Vec::new();

    // Which objects of the install exist, and what they hold.
    let given: Vec<(String, String)> = answers
        .effective_params()
        .iter()
        .map(|p| (p.name.clone(), p.value.expose().to_string()))
        .collect();
    let identity = Identity::of(template, &given, r.image_streams);
    let absent = identity.missing(objects);
    let present = identity.present(objects);
    let existing_objects: Vec<Value> = present.iter().map(|o| (*o).clone()).collect();
    let recovered = recover::recover(template, &existing_objects);
    let creating = !absent.is_empty();
    let needed_by_absent = |name: &str| uses(template, &identity, name, &absent);

    match r.project {
        ProjectState::Present(_) if absent.is_empty() && !present.is_empty() => {
            decisions.push(format!(
                "3scale is installed in project {}: every object of profile {} exists",
                answers.project.value, r.profile.name
            ));
        }
        ProjectState::Present(_) if !present.is_empty() => decisions.push(format!(
            "project {} holds {} of the {} objects of profile {}: the {} missing ones will be created with the values the existing ones hold",
            answers.project.value,
            present.len(),
            identity.template.len(),
            r.profile.name,
            absent.len()
        )),
        ProjectState::Present(_) => decisions.push(format!("project {} exists", answers.project.value)),
        ProjectState::Hidden => decisions.push(format!(
            "project {} does not exist (or {} may not see it): it will be requested",
            answers.project.value, r.cluster.user
        )),
        ProjectState::Absent => {}
    }

    // The values of the template's parameters.
    let mut values: Vec<ParamValue> = Vec::new();
    for (p, class) in model.all() {
        let name = p.name.as_str();
        if name == WILDCARD_DOMAIN || name == RWX_STORAGE_CLASS {
            continue;
        }
        let secret = class != Class::Plain;
        let input = answers.param(name);
        let held = recovered.values.get(name);
        if let (Some(i), Some((value, holder))) = (input, held) {
            if i.value.expose() != value {
                let shown = if model.masks(name, value) {
                    "another value".to_string()
                } else {
                    format!("'{value}'")
                };
                problems.push(format!(
                    "{name} (from {}) differs from {shown}, which {holder} of the existing install holds; the installer does not change existing objects: leave {name} out to keep the existing value, or uninstall first",
                    i.source
                ));
            }
        }
        if needed_by_absent(name) {
            if let Some(conflict) = recovered.conflicts.get(name) {
                let holders: Vec<String> = conflict.iter().map(|(_, o)| o.to_string()).collect();
                problems.push(format!(
                    "the existing objects {} hold different values of {name}: creating the missing objects would add a third; make them agree by hand, or uninstall and install again",
                    holders.join(" and ")
                ));
            }
            if let (Some(holders), None) = (recovered.unreadable.get(name), input) {
                if class == Class::Generated {
                    let holders: Vec<String> = holders.iter().map(ToString::to_string).collect();
                    problems.push(format!(
                        "{name} cannot be read back from {}, which exists: a new value would not match it; give the value it holds (THREESCALE_PARAM_{name}), or uninstall and install again",
                        holders.join(", ")
                    ));
                }
            }
        }
        if class == Class::Generated && input.is_none() && held.is_none() && needed_by_absent(name)
        {
            if let Some(users) = in_use(template, &identity, name, &absent, objects) {
                problems.push(format!(
                    "{name} is held only by {}, which is gone, and {users} already rolled out with it: a new value would not match what they hold (a database initialised with it); restore the object from a backup, give the value it held (THREESCALE_PARAM_{name}), or uninstall and install again",
                    holders_of(template, &identity, name)
                        .iter()
                        .filter(|o| absent.contains(o))
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
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
                secret: secret || model.masks(name, value.expose()),
                value,
                origin,
            });
        }
    }
    let kept = values
        .iter()
        .filter(|v| matches!(v.origin, Origin::Existing(_)) && v.secret)
        .count();
    if creating && kept > 0 {
        decisions.push(format!(
            "{kept} secret values are read back from the existing objects, so that what is created matches them"
        ));
    }
    // A generated value no existing object holds is drawn anew for the missing objects: said,
    // since what exists may have been made with the one that was lost.
    let drawn: Vec<&str> = values
        .iter()
        .filter(|v| v.origin == Origin::Generated && needed_by_absent(&v.name))
        .map(|v| v.name.as_str())
        .collect();
    if creating && !present.is_empty() && !drawn.is_empty() {
        decisions.push(format!(
            "no existing object holds {}: new values are generated for the missing objects",
            drawn.join(", ")
        ));
    }

    // The wildcard domain: given, held by the install, or the cluster's.
    let domain = if template.parameter(WILDCARD_DOMAIN).is_some() {
        decide_domain(r, &recovered, &mut decisions, &mut problems, &mut missing)
    } else {
        None
    };
    if let Some(d) = &domain {
        values.push(ParamValue {
            name: WILDCARD_DOMAIN.into(),
            value: Secret::new(d.value.clone()),
            secret: false,
            origin: Origin::Decided(d.source.to_string()),
        });
    }

    // The RWX storage class, when a claim to create uses it.
    let rwx_class =
        if template.parameter(RWX_STORAGE_CLASS).is_some() && needed_by_absent(RWX_STORAGE_CLASS) {
            decide_class(r, &mut decisions, &mut checks, &mut problems, &mut missing)
        } else {
            None
        };
    if let Some(c) = &rwx_class {
        values.push(ParamValue {
            name: RWX_STORAGE_CLASS.into(),
            value: Secret::new(c.value.clone()),
            secret: false,
            origin: Origin::Decided(c.source.to_string()),
        });
    }

    // Required values nobody gave and no object holds.
    if creating {
        let known = |name: &str| {
            values
                .iter()
                .any(|v| v.name == name && !v.value.expose().is_empty())
        };
        for p in params::needed(template, known) {
            let ways = if p.name == crate::inputs::AWS_SECRET_ENV {
                Ways {
                    flag: "--aws-secret-access-key-file or --aws-secret-access-key-stdin".into(),
                    env: p.name.clone(),
                    key: "aws_secret_access_key_file".into(),
                }
            } else if model.is_secret(&p.name) {
                Ways {
                    flag: format!("--param-from-file {}=PATH", p.name),
                    env: format!("THREESCALE_PARAM_{}", p.name),
                    key: format!("param_files.{}", p.name),
                }
            } else {
                Ways {
                    flag: format!("--param {}=VALUE", p.name),
                    env: "THREESCALE_PARAMS".into(),
                    key: format!("params.{}", p.name),
                }
            };
            missing.push(Missing {
                what: format!(
                    "template parameter {}{}",
                    p.name,
                    p.description
                        .as_deref()
                        .map(|d| format!(" ({})", d.trim().trim_end_matches('.')))
                        .unwrap_or_default()
                ),
                ways,
                field: Some(Field::Params),
            });
        }
    }

    // The actions, in the order they run.
    let mut actions = Vec::new();
    if !r.project.exists() {
        actions.push(Action::CreateProject {
            name: answers.project.value.clone(),
            display_name: answers.display_name.value.clone(),
        });
    }
    plan_pull_secret(r, objects, &mut actions, &mut decisions, &mut missing);
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
    plan_registry(r, objects, &mut actions, &mut decisions);
    if !wanted_streams.is_empty() {
        actions.push(Action::CreateImageStreams {
            names: wanted_streams
                .iter()
                .filter_map(|s| s["metadata"]["name"].as_str().map(str::to_string))
                .collect(),
            manifest: profiles::image_stream_list(&wanted_streams),
        });
    }

    // The objects to create, with what the cluster must serve for them.
    let mut rewrites = Vec::new();
    if creating {
        let pairs: Vec<(String, String)> = values
            .iter()
            .map(|v| (v.name.clone(), v.value.expose().to_string()))
            .collect();
        let rendered: Vec<Value> = render::render(template, &pairs)
            .into_iter()
            .filter(|o| absent.iter().any(|a| a.matches(o)))
            .collect();
        match r.cluster.kube_minor {
            Some(minor) => {
                let (found, refused) = api_versions::assess(&rendered, minor);
                for rw in &found {
                    decisions.push(rw.to_string());
                }
                checks.push(if refused.is_empty() {
                    CheckResult::ok("api-versions", match found.is_empty() {
                        true => format!("every object's API version is served by Kubernetes 1.{minor}"),
                        false => format!("served by Kubernetes 1.{minor} once rewritten: {}", found.iter().map(|f| format!("{} {} → {}", f.kind, f.from, f.to)).collect::<Vec<_>>().join(", ")),
                    })
                } else {
                    CheckResult::fail(
                        "api-versions",
                        format!("this cluster (Kubernetes 1.{minor}) no longer serves: {}", refused.join(", ")),
                    )
                    .with_help("this profile cannot be installed on this cluster as it is: choose another profile, or install on an older cluster")
                });
                rewrites = found;
            }
            None => checks.push(CheckResult::ok("api-versions", "the cluster's Kubernetes version is unknown: objects are sent as the template writes them")),
        }
        match param_file::encode_all(&pairs) {
            Ok(text) => actions.push(Action::CreateObjects(CreateObjects {
                template: r.profile.path.clone(),
                param_file: Secret::new(text),
                objects: absent.clone(),
                all: present.is_empty(),
                rewrites: rewrites.clone(),
            })),
            Err(names) => problems.push(format!(
                "the value of {} holds '#' together with a quote character and a line break, which oc's --param-file syntax cannot carry exactly: choose a value without '#', without quotes, or on one line",
                names.join(", ")
            )),
        }
        if let Some(offer) = &r.offer {
            let overrides: Vec<String> = values
                .iter()
                .filter(|v| v.name.ends_with("_IMAGE") && matches!(v.origin, Origin::Input(_)))
                .map(|v| v.name.clone())
                .collect();
            checks.extend(
                sizing::assess(
                    &rendered,
                    rwx_class.as_ref().map(|c| c.value.as_str()),
                    &overrides,
                    offer,
                    answers.checks.strict,
                )
                .into_iter()
                .map(|c| c.skip_if_asked(&answers.checks.skip)),
            );
        }
    }

    if let Some(w) = support_warning(r.cluster) {
        checks.push(
            CheckResult::warn("openshift-version", w)
                .with_help("for a supported install on OpenShift 4, use the 3scale operator"),
        );
    } else {
        checks.push(CheckResult::ok(
            "openshift-version",
            format!("OpenShift {}", r.cluster.version),
        ));
    }
    if r.profile.name.contains("tech-preview") {
        decisions.push(format!(
            "profile {} is a technology preview: Red Hat does not support it in production",
            r.profile.name
        ));
    }

    Plan {
        actions,
        identity,
        values,
        domain,
        rwx_class,
        decisions,
        checks,
        missing,
        problems,
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

fn decide_domain(
    r: &Request,
    recovered: &Recovered,
    decisions: &mut Vec<String>,
    problems: &mut Vec<String>,
    missing: &mut Vec<Missing>,
) -> Option<Given<String>> {
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

fn decide_class(
    r: &Request,
    decisions: &mut Vec<String>,
    checks: &mut Vec<CheckResult>,
    problems: &mut Vec<String>,
    missing: &mut Vec<Missing>,
) -> Option<Given<String>> {
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
