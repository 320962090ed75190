//! `export apimanager`: an installed project as the 3scale operator's APIManager, for the
//! operator release asked for. The custom resource ([`apimanager`], checked against that
//! release's CRD), the secrets the operator adopts as they are ([`secrets`]: names and keys,
//! never values), what must be done before the operator can start, and what the resource cannot
//! express (edits by hand, storage the CRD of the release has no field for, gateways); written as
//! YAML or JSON ([`document`]). Read-only.

pub(crate) mod apimanager;
pub(crate) mod document;
pub(crate) mod secrets;

use crate::engine::kube::StorageClass;
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::gateway::{objects, search};
use crate::inputs::migrate::ExportAnswers;
use crate::install::drift;
use crate::install::installed::Installed;
use crate::install::values::{Prefer, Values};
use crate::operator::{self, Source};
use crate::templates::params::ParamModel;
use crate::templates::releases::Release;
use crate::templates::render;
use apimanager::{Facts, Features, Item};
use secrets::SecretEntry;
use serde_json::Value;

pub(crate) struct Export {
    pub(crate) release: Release,
    pub(crate) installed: Release,
    pub(crate) crd: Source,
    pub(crate) cr: Value,
    pub(crate) secrets: Vec<SecretEntry>,
    /// What must be done before the operator can start.
    pub(crate) blocking: Vec<Item>,
    pub(crate) not_expressible: Vec<Item>,
    pub(crate) warnings: Vec<String>,
}

/// The first operator release an APIManager is written for.
const FIRST: Release = Release::new(2, 8);

/// The operator release to write for: the one asked for, else the one the install runs.
fn target(
    answers: &ExportAnswers,
    installed: Release,
    warnings: &mut Vec<String>,
) -> Outcome<Release> {
    let target = match &answers.operator_version {
        Some(given) => given.value,
        None if operator::release(installed).is_some() => installed,
        None if installed < FIRST => FIRST,
        None => {
            return Err(Failure::input(format!(
                "the install runs {installed}, for which no APIManager schema is here (the releases are {})",
                operator::supported()
            )))
        }
    };
    if target < installed {
        return Err(Failure::input(format!(
            "the install runs {installed}, later than operator {target}: an operator does not take an install back"
        ))
        .with_help(format!("write it for {installed} or later: --operator-version {installed}")));
    }
    if target > installed {
        let how = if operator::release(installed).is_some() {
            format!("--operator-version {installed}")
        } else {
            format!("{FIRST} is the first here; this is also the {installed} → {FIRST} upgrade")
        };
        warnings.push(format!(
            "the install runs {installed}, this APIManager is for operator {target}: the operator would run {target} on {installed}'s data at once. Migrate at the release the install runs ({how}), then upgrade the operator one minor release at a time"
        ));
    }
    Ok(target)
}

pub(crate) fn prepare(
    session: &Session,
    observer: &Observer,
    install: &Installed,
    answers: &ExportAnswers,
) -> Outcome<Export> {
    let installed = install.running_release().ok_or_else(|| {
        Failure::input(format!(
            "which release project {} runs cannot be told",
            install.project
        ))
    })?;
    let mut warnings = Vec::new();
    let release = target(answers, installed, &mut warnings)?;
    let crd = operator::release(release)
        .ok_or_else(|| Failure::internal(format!("no schema for operator {release}")))?
        .crd()
        .map_err(Failure::internal)?;
    let template = &install.profile.template;
    let present: Vec<Value> = install
        .identity
        .present(&install.objects)
        .into_iter()
        .cloned()
        .collect();
    let values = Values::of(
        template,
        &ParamModel::of(template),
        install.record.as_ref(),
        &present,
        Prefer::Now,
    );
    let drift = drift::drift(&render::render(template, &values.pairs()), &install.objects);
    let gateways = gateways(session, install)?;
    let facts = Facts {
        template,
        values: &values,
        objects: &install.objects,
        default_class: default_class(observer)?,
        drift: &drift,
        gateways: &gateways,
        installed,
        target: release,
    };
    let built = apimanager::build(&facts, &crd.schema).map_err(Failure::input)?;
    let problems = crd.schema.check(&built.cr);
    if !problems.is_empty() {
        return Err(Failure::internal(format!(
            "the APIManager written does not pass the CRD of operator {release}:\n  {}",
            problems.join("\n  ")
        )));
    }
    let features = Features::of(template);
    let made: Vec<String> = template
        .objects
        .iter()
        .filter(|o| o.kind == "Secret")
        .filter_map(|o| o.to_json()["metadata"]["name"].as_str().map(str::to_string))
        .collect();
    let secrets = secrets::secrets(release, &features, &install.objects, &made);
    warnings.extend(built.warnings);
    warnings.extend(secrets.iter().filter(|s| !s.present && s.role == "adopted").map(|s| {
        format!("secret {} is missing: the operator makes a new one (new random passwords where it holds any)", s.name)
    }));
    Ok(Export {
        release,
        installed,
        crd: crd.source,
        cr: built.cr,
        blocking: blocking(&secrets, &features, install),
        secrets,
        not_expressible: built.not_expressible,
        warnings,
    })
}

/// What the operator needs before it starts: required keys filled in, a database URL of its
/// shape, and the SMTP settings of the 2.7 template (ConfigMap `smtp`) as the Secret it reads.
fn blocking(secrets: &[SecretEntry], features: &Features, install: &Installed) -> Vec<Item> {
    let project = &install.project;
    let mut out: Vec<Item> = secrets
        .iter()
        .filter(|s| !s.needed.is_empty())
        .map(|s| Item {
            subject: format!("Secret/{}", s.name),
            what: format!("{} empty or missing", s.needed.join(", ")),
            why: "the operator of this release needs them filled in and stops otherwise: fill them in before creating the APIManager".into(),
        })
        .collect();
    if let Some(problem) = secrets::database_url_problem(features, &install.objects) {
        out.push(Item {
            subject: "Secret/system-database".into(),
            what: problem,
            why: "the operator reads the database's user, password, host and name from it, and stops on any other shape".into(),
        });
    }
    let has = |kind: &str, name: &str| {
        install
            .objects
            .iter()
            .any(|o| o["kind"] == kind && o["metadata"]["name"] == name)
    };
    if has("ConfigMap", "smtp") && !has("Secret", "system-smtp") {
        out.push(Item {
            subject: "ConfigMap/smtp".into(),
            what: "the SMTP settings are in ConfigMap smtp (the 2.7 template)".into(),
            why: format!(
                "the operator reads Secret system-smtp: make it from the ConfigMap first: `oc extract configmap/smtp -n {project} --to=DIR && oc create secret generic system-smtp -n {project} --from-file=DIR`"
            ),
        });
    }
    out
}

/// The cluster's default storage class, or why it is not known.
fn default_class(observer: &Observer) -> Outcome<Result<Option<String>, String>> {
    let is_default = |c: &StorageClass| {
        [
            "storageclass.kubernetes.io/is-default-class",
            "storageclass.beta.kubernetes.io/is-default-class",
        ]
        .iter()
        .any(|a| c.metadata.annotations.get(*a).is_some_and(|v| v == "true"))
    };
    Ok(observer.storage_classes()?.map(|classes| {
        classes
            .iter()
            .find(|c| is_default(c))
            .map(|c| c.metadata.name.clone())
    }))
}

/// The gateways `gateway add` made whose portal is this install: (name, project).
fn gateways(session: &Session, install: &Installed) -> Outcome<Vec<(String, String)>> {
    let (found, _) = search::find(&session.oc, None, None)?;
    let mut out = Vec::new();
    for f in &found {
        for name in objects::names_in(&f.objects) {
            let g = objects::Observed::of(&f.project, &name, &f.objects, &session.redactor);
            let portal = g.secret.and_then(|s| s.portal);
            if portal.is_some_and(|p| {
                p.project == install.project && p.cluster == install.cluster.server
            }) {
                out.push((name, f.project.clone()));
            }
        }
    }
    Ok(out)
}
