//! One hop of an upgrade, from one minor release's template to the next, for one install: what
//! the templates change ([`super::diff`]), which of this install's values change with them (a
//! value left at its default follows the new default; one given at install is kept, with a
//! warning when the default it replaced moved), the images to pull, the deployment configs that
//! roll out, and why a backup comes first. Pure: two parsed templates and the install's values.

use super::diff::{self, TemplateDiff};
use crate::install::values::{Origin, Values};
use crate::templates::fields;
use crate::templates::model::Template;
use crate::templates::params::ParamModel;
use crate::templates::render;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A value of this install that changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ValueChange {
    pub(crate) name: String,
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    /// The objects whose text holds the parameter.
    pub(crate) used_by: Vec<String>,
}

/// A deployment config that rolls out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Rollout {
    pub(crate) name: String,
    pub(crate) why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Backup {
    pub(crate) required: bool,
    pub(crate) why: Vec<String>,
    pub(crate) what: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Hop {
    #[serde(flatten)]
    pub(crate) diff: TemplateDiff,
    pub(crate) values: Vec<ValueChange>,
    pub(crate) images: Vec<String>,
    pub(crate) rollouts: Vec<Rollout>,
    pub(crate) backup: Backup,
    pub(crate) warnings: Vec<String>,
}

impl Hop {
    /// Whether the hop changes nothing at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.diff == TemplateDiff::default() && self.values.is_empty() && self.rollouts.is_empty()
    }
}

/// The hop from `from` to `to` of an install whose plain values are `values`; and the values
/// the install has after it.
pub(crate) fn plan(from: &Template, to: &Template, values: &Values) -> (Hop, Values) {
    let mut warnings = Vec::new();
    let next = carry(from, to, values, &mut warnings);
    let mut diff = diff::diff(from, to);
    for change in &mut diff.objects_changed {
        for f in &mut change.fields {
            f.here = f
                .to
                .as_ref()
                .and_then(Value::as_str)
                .filter(|t| t.contains("${"))
                .map(|t| fill(t, &next))
                .filter(|filled| Some(filled.as_str()) != f.to.as_ref().and_then(Value::as_str));
        }
    }
    let old = render::render(from, &values.pairs());
    let new = render::render(to, &next.pairs());
    let changes = value_changes(to, values, &next);
    warnings.extend(registry_typos(&next));
    let rollouts = rollouts(&old, &new);
    let backup = backup(from, &changes, &rollouts, &diff);
    let hop = Hop {
        images: new_images(&old, &new),
        values: changes,
        rollouts,
        backup,
        warnings,
        diff,
    };
    (hop, next)
}

/// `text` with the known values in place of their `${NAME}`.
fn fill(text: &str, values: &Values) -> String {
    let mut out = text.to_string();
    for (name, value) in values.pairs() {
        out = out.replace(&format!("${{{name}}}"), &value);
    }
    out
}

/// The values after the hop: a value left at `from`'s default takes `to`'s; one given at
/// install is kept (warned about when the default it replaced moved, or is gone).
fn carry(from: &Template, to: &Template, values: &Values, warnings: &mut Vec<String>) -> Values {
    let model = ParamModel::of(to);
    let mut next = Values::default();
    for p in &to.parameters {
        if model.is_secret(&p.name) {
            continue;
        }
        let old_default = from.parameter(&p.name).and_then(|o| o.value.clone());
        let given = values.known(&p.name).filter(|k| {
            k.origin != Origin::Default
                && !k.value.is_empty()
                && Some(&k.value) != old_default.as_ref()
        });
        match (given, &p.value) {
            (Some(k), new_default) => {
                if new_default != &old_default && old_default.is_some() {
                    warnings.push(format!(
                        "{} was given at install ({}) and is kept; the new default is {}: check that it suits the new release",
                        p.name,
                        k.value,
                        new_default.as_deref().unwrap_or("(none)")
                    ));
                }
                next.insert(&p.name, k.value.clone(), k.origin);
            }
            (None, Some(default)) => next.insert(&p.name, default.clone(), Origin::Default),
            (None, None) if p.required && from.parameter(&p.name).is_none() => {
                warnings.push(format!(
                    "{} is a new required parameter without a default: it needs a value",
                    p.name
                ))
            }
            (None, None) => {}
        }
    }
    for name in values.names() {
        let given = values
            .known(name)
            .is_some_and(|k| k.origin != Origin::Default);
        if given && to.parameter(name).is_none() {
            warnings.push(format!(
                "{name} was given at install; the new templates have no such parameter: its setting is dropped"
            ));
        }
    }
    next
}

/// Where each parameter is used: the objects whose text holds `${NAME}` or `${{NAME}}`.
fn used_by(template: &Template) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for o in &template.objects {
        let json = o.to_json();
        let text = json.to_string();
        for p in &template.parameters {
            if text.contains(&format!("${{{}}}", p.name))
                || text.contains(&format!("${{{{{}}}}}", p.name))
            {
                out.entry(p.name.clone())
                    .or_default()
                    .push(diff::subject(&json));
            }
        }
    }
    out
}

fn value_changes(to: &Template, old: &Values, new: &Values) -> Vec<ValueChange> {
    let used = used_by(to);
    let mut names: Vec<&String> = old.names().chain(new.names()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|n| old.get(n).unwrap_or_default() != new.get(n).unwrap_or_default())
        .map(|n| ValueChange {
            name: n.clone(),
            from: old.get(n).map(str::to_string),
            to: new.get(n).map(str::to_string),
            used_by: used.get(n.as_str()).cloned().unwrap_or_default(),
        })
        .collect()
}

/// The registry of each 3scale image; one that differs from the others' is most likely a typo
/// (the 2.12 templates name `registry.redhat.com` for the backend image, research 20 §1.2).
fn registry_typos(values: &Values) -> Vec<String> {
    const IMAGES: &[&str] = &[
        "AMP_BACKEND_IMAGE",
        "AMP_ZYNC_IMAGE",
        "AMP_APICAST_IMAGE",
        "AMP_SYSTEM_IMAGE",
        "MEMCACHED_IMAGE",
    ];
    let hosts: Vec<(&str, &str)> = IMAGES
        .iter()
        .filter_map(|n| Some((*n, values.get(n)?.split('/').next()?)))
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, h) in &hosts {
        *counts.entry(h).or_default() += 1;
    }
    let Some((common, n)) = counts.iter().max_by_key(|(_, n)| **n) else {
        return Vec::new();
    };
    if *n < 2 {
        return Vec::new();
    }
    hosts
        .iter()
        .filter(|(_, h)| h != common)
        .map(|(name, h)| format!(
            "{name} pulls from {h}, the other 3scale images from {common}: most likely a typo of the templates; give -p {name}=<the image on {common}>"
        ))
        .collect()
}

/// The images the image streams import (`DockerImage` tags), new with the hop.
fn new_images(old: &[Value], new: &[Value]) -> Vec<String> {
    let images = |objects: &[Value]| -> Vec<String> {
        objects
            .iter()
            .filter(|o| o["kind"] == "ImageStream")
            .flat_map(|o| o["spec"]["tags"].as_array().cloned().unwrap_or_default())
            .filter(|t| t["from"]["kind"] == "DockerImage")
            .filter_map(|t| t["from"]["name"].as_str().map(str::to_string))
            .collect()
    };
    let before = images(old);
    let mut out: Vec<String> = images(new)
        .into_iter()
        .filter(|i| !before.contains(i))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The image a stream tag (`amp-backend:2.8`) imports, following tags that point at tags.
fn resolve(objects: &[Value], stream_tag: &str) -> Option<String> {
    let (mut stream, mut tag) = stream_tag
        .split_once(':')
        .map(|(s, t)| (s.to_string(), t.to_string()))?;
    for _ in 0..5 {
        let is = objects
            .iter()
            .find(|o| o["kind"] == "ImageStream" && o["metadata"]["name"] == stream.as_str())?;
        let t = is["spec"]["tags"]
            .as_array()?
            .iter()
            .find(|t| t["name"] == tag.as_str())?;
        let from = t["from"]["name"].as_str()?;
        match t["from"]["kind"].as_str()? {
            "DockerImage" => return Some(from.to_string()),
            _ => match from.split_once(':') {
                Some((s, t)) => (stream, tag) = (s.to_string(), t.to_string()),
                None => tag = from.to_string(),
            },
        }
    }
    None
}

/// What a deployment config runs: its image triggers' resolved images.
fn trigger_images(objects: &[Value], dc: &Value) -> Vec<Option<String>> {
    dc["spec"]["triggers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["type"] == "ImageChange")
        .map(|t| {
            resolve(
                objects,
                t["imageChangeParams"]["from"]["name"]
                    .as_str()
                    .unwrap_or_default(),
            )
        })
        .collect()
}

/// The deployment configs that roll out: new ones, those whose pod template or triggers change,
/// and those whose trigger's image changes.
fn rollouts(old: &[Value], new: &[Value]) -> Vec<Rollout> {
    let mut out = Vec::new();
    for dc in new.iter().filter(|o| o["kind"] == "DeploymentConfig") {
        let name = dc["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let Some(before) = old
            .iter()
            .find(|o| o["kind"] == "DeploymentConfig" && o["metadata"]["name"] == name.as_str())
        else {
            out.push(Rollout {
                name,
                why: "new".into(),
            });
            continue;
        };
        let part =
            |o: &Value, key: &str| serde_json::json!({"spec": {key: o["spec"][key].clone()}});
        let (images_before, images_after) = (trigger_images(old, before), trigger_images(new, dc));
        let why = if !diff::fields_of(&part(before, "triggers"), &part(dc, "triggers")).is_empty() {
            let to: Vec<String> = triggers_from(dc);
            format!("its image trigger follows {}", to.join(", "))
        } else if images_before != images_after {
            let shown: Vec<String> = images_after
                .iter()
                .map(|i| i.clone().unwrap_or_else(|| "?".into()))
                .collect();
            format!("its image changes to {}", shown.join(", "))
        } else if !diff::fields_of(&part(before, "template"), &part(dc, "template")).is_empty() {
            "its pod template changes".into()
        } else {
            continue;
        };
        out.push(Rollout { name, why });
    }
    out
}

fn triggers_from(dc: &Value) -> Vec<String> {
    dc["spec"]["triggers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| {
            t["imageChangeParams"]["from"]["name"]
                .as_str()
                .map(str::to_string)
        })
        .collect()
}

/// Database images: their change opens the data with another version.
const DATA_IMAGES: &[&str] = &[
    "SYSTEM_DATABASE_IMAGE",
    "REDIS_IMAGE",
    "ZYNC_DATABASE_IMAGE",
];

fn backup(
    from: &Template,
    values: &[ValueChange],
    rollouts: &[Rollout],
    diff: &TemplateDiff,
) -> Backup {
    let mut why = Vec::new();
    if rollouts.iter().any(|r| r.name == "system-app") {
        why.push("system-app rolls out: its pre-hook (rake openshift:deploy) brings the system database to the new release, with no way back but a backup".to_string());
    }
    for v in values
        .iter()
        .filter(|v| DATA_IMAGES.contains(&v.name.as_str()))
    {
        why.push(format!(
            "{} changes ({} → {}): the data is opened by another version of the database",
            v.name,
            v.from.as_deref().unwrap_or("-"),
            v.to.as_deref().unwrap_or("-")
        ));
    }
    let changes = !rollouts.is_empty() || *diff != TemplateDiff::default();
    if changes {
        why.push(
            "Red Hat's template upgrade procedure starts with a backup and a maintenance window"
                .into(),
        );
    }
    let mut what: Vec<String> = from
        .objects
        .iter()
        .filter(|o| o.kind == "PersistentVolumeClaim")
        .map(|o| {
            format!(
                "the volume of claim {}",
                fields::show(&o.to_json()["metadata"]["name"])
            )
        })
        .collect();
    if !from.objects.iter().any(|o| {
        o.kind == "DeploymentConfig"
            && o.to_json()["metadata"]["name"]
                .as_str()
                .is_some_and(|n| n == "system-mysql" || n == "system-postgresql")
    }) {
        what.push("the external databases that secrets system-database, backend-redis and system-redis name".into());
    }
    what.push("the project's secrets (the install's passwords and tokens)".into());
    Backup {
        required: changes,
        why,
        what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FROM: &str = r#"
metadata: {name: t}
objects:
- apiVersion: image.openshift.io/v1
  kind: ImageStream
  metadata: {name: amp-backend}
  spec:
    tags:
    - {name: latest, from: {kind: ImageStreamTag, name: "${AMP_RELEASE}"}}
    - {name: "${AMP_RELEASE}", from: {kind: DockerImage, name: "${AMP_BACKEND_IMAGE}"}}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: system-environment}
  data: {AMP_RELEASE: "${AMP_RELEASE}", THREESCALE_SUPERDOMAIN: "${WILDCARD_DOMAIN}"}
- apiVersion: apps.openshift.io/v1
  kind: DeploymentConfig
  metadata: {name: backend-cron}
  spec:
    template: {spec: {containers: [{name: backend-cron, image: "amp-backend:latest"}]}}
    triggers:
    - {type: ConfigChange}
    - {type: ImageChange, imageChangeParams: {containerNames: [backend-cron], from: {kind: ImageStreamTag, name: "amp-backend:latest"}}}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: mysql-storage}
parameters:
- {name: AMP_RELEASE, value: "2.8"}
- {name: AMP_BACKEND_IMAGE, value: "registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.8"}
- {name: AMP_SYSTEM_IMAGE, value: "registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8"}
- {name: WILDCARD_DOMAIN}
- {name: ADMIN_PASSWORD, generate: expression, from: "[a-z0-9]{8}"}
"#;

    fn to() -> String {
        FROM.replace(
            "    - {name: latest, from: {kind: ImageStreamTag, name: \"${AMP_RELEASE}\"}}\n",
            "",
        )
        .replace("amp-backend:latest\"}}", "amp-backend:${AMP_RELEASE}\"}}")
        .replace("3scale2.8", "3scale2.9")
        .replace("value: \"2.8\"", "value: \"2.9\"")
    }

    fn values(backend: Option<&str>) -> Values {
        let mut v = Values::from_pairs(&[
            ("AMP_RELEASE", "2.8", Origin::Default),
            (
                "AMP_SYSTEM_IMAGE",
                "registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8",
                Origin::Default,
            ),
            ("WILDCARD_DOMAIN", "apps.example.com", Origin::Record),
        ]);
        let backend = backend.unwrap_or("registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.8");
        let origin = if backend.contains("mirror") {
            Origin::Record
        } else {
            Origin::Default
        };
        v.insert("AMP_BACKEND_IMAGE", backend.into(), origin);
        v
    }

    #[test]
    fn a_hop_of_default_values_follows_the_new_defaults() {
        let (from, to) = (
            Template::parse(FROM).unwrap(),
            Template::parse(&to()).unwrap(),
        );
        let (hop, next) = plan(&from, &to, &values(None));
        assert_eq!(next.get("AMP_RELEASE"), Some("2.9"));
        assert_eq!(next.get("WILDCARD_DOMAIN"), Some("apps.example.com"));
        let changed: Vec<&str> = hop.values.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(
            changed,
            ["AMP_BACKEND_IMAGE", "AMP_RELEASE", "AMP_SYSTEM_IMAGE"]
        );
        assert_eq!(
            hop.values[1].used_by,
            [
                "ImageStream/amp-backend",
                "ConfigMap/system-environment",
                "DeploymentConfig/backend-cron"
            ]
        );
        let dc = hop
            .diff
            .objects_changed
            .iter()
            .find(|c| c.name == "backend-cron")
            .unwrap();
        assert_eq!(
            dc.fields[0].path,
            "spec.triggers[type=ImageChange].imageChangeParams.from.name"
        );
        assert_eq!(dc.fields[0].here.as_deref(), Some("amp-backend:2.9"));
        assert_eq!(
            hop.images,
            ["registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.9"]
        );
        assert_eq!(
            hop.rollouts,
            [Rollout {
                name: "backend-cron".into(),
                why: "its image trigger follows amp-backend:${AMP_RELEASE}"
                    .replace("${AMP_RELEASE}", "2.9")
            }]
        );
        assert!(hop.backup.required && hop.backup.what[0] == "the volume of claim mysql-storage");
        assert!(hop.warnings.is_empty(), "{:?}", hop.warnings);
    }

    #[test]
    fn a_value_given_at_install_is_kept_and_warned_about() {
        let (from, to) = (
            Template::parse(FROM).unwrap(),
            Template::parse(&to()).unwrap(),
        );
        let mirror = "mirror.example.com/3scale-amp2/backend-rhel7:3scale2.8";
        let (hop, next) = plan(&from, &to, &values(Some(mirror)));
        assert_eq!(next.get("AMP_BACKEND_IMAGE"), Some(mirror));
        assert_eq!(hop.warnings.len(), 1, "{:?}", hop.warnings);
        assert!(
            hop.warnings[0]
                .starts_with("AMP_BACKEND_IMAGE was given at install (mirror.example.com/"),
            "{:?}",
            hop.warnings
        );
    }

    #[test]
    fn a_registry_unlike_the_others_is_named() {
        let mut v = Values::default();
        for (name, host) in [
            ("AMP_BACKEND_IMAGE", "registry.redhat.com"),
            ("AMP_ZYNC_IMAGE", "registry.redhat.io"),
            ("AMP_SYSTEM_IMAGE", "registry.redhat.io"),
        ] {
            v.insert(
                name,
                format!("{host}/3scale-amp2/x:3scale2.12"),
                Origin::Default,
            );
        }
        let warnings = registry_typos(&v);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("AMP_BACKEND_IMAGE pulls from registry.redhat.com, the other 3scale images from registry.redhat.io"), "{warnings:?}");
    }

    #[test]
    fn the_same_template_is_an_empty_hop() {
        let from = Template::parse(FROM).unwrap();
        let (hop, _) = plan(&from, &Template::parse(FROM).unwrap(), &values(None));
        assert!(hop.is_empty() && !hop.backup.required, "{hop:?}");
    }
}
