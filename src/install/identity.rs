//! What belongs to an install, decided by the template and never by a label guess: the (kind,
//! name) of every object the rendered profile makes, what the installer itself creates (the pull
//! secret, the image streams of `3scale-image-streams.yml`), and the routes zync creates (their
//! names are generated; zync labels them `3scale.net/created-by=zync`). One definition serves
//! observe, resume, `status`, `uninstall` and the plan.

use crate::engine::kube;
use crate::pull_secret;
use crate::templates::kinds::{ObjectRef, Resource};
use crate::templates::model::Template;
use crate::templates::render;
use serde_json::Value;

/// zync's own label on the routes it creates (`app/services/integration/kubernetes_service.rb`).
pub(crate) const ZYNC_LABEL: (&str, &str) = ("3scale.net/created-by", "zync");

#[derive(Debug, Clone)]
pub(crate) struct Identity {
    /// The objects of the rendered profile, in template order.
    pub(crate) template: Vec<ObjectRef>,
    /// The pull secret and the image streams the installer creates.
    pub(crate) installer: Vec<ObjectRef>,
}

impl Identity {
    /// The install of `template` rendered with `params` (object names may use parameters), plus
    /// the installer's pull secret and `image_streams`.
    pub(crate) fn of(
        template: &Template,
        params: &[(String, String)],
        image_streams: &[Value],
    ) -> Identity {
        let template_objects = render::render(template, params)
            .iter()
            .filter_map(ObjectRef::of_json)
            .collect();
        let mut installer = vec![ObjectRef::new("Secret", "v1", pull_secret::NAME)];
        installer.extend(image_streams.iter().filter_map(ObjectRef::of_json));
        Identity {
            template: template_objects,
            installer,
        }
    }

    /// The resources to list in the project to see every object of the install (routes
    /// included, for zync's).
    pub(crate) fn resources(&self) -> Vec<Resource> {
        let mut out: Vec<Resource> = Vec::new();
        let route = Resource::of("Route", "route.openshift.io/v1");
        for r in self
            .template
            .iter()
            .chain(&self.installer)
            .map(|o| o.resource.clone())
            .chain(std::iter::once(route))
            // What lives outside the project is not listed in it (a modified template's; the
            // plan refuses it unless allowed).
            .filter(|r| !r.is_cluster_scoped())
        {
            if !out.contains(&r) {
                out.push(r);
            }
        }
        out
    }

    /// The template's objects absent from `listed`.
    pub(crate) fn missing(&self, listed: &[Value]) -> Vec<ObjectRef> {
        self.template
            .iter()
            .filter(|o| !listed.iter().any(|l| o.matches(l)))
            .cloned()
            .collect()
    }

    /// The template's objects present in `listed`.
    pub(crate) fn present<'a>(&self, listed: &'a [Value]) -> Vec<&'a Value> {
        listed
            .iter()
            .filter(|l| self.template.iter().any(|o| o.matches(l)))
            .collect()
    }

    /// Every object of the install present in `listed`: the template's, the installer's and
    /// zync's routes.
    pub(crate) fn all_present(&self, listed: &[Value]) -> Vec<ObjectRef> {
        let mut out: Vec<ObjectRef> = Vec::new();
        for o in self.template.iter().chain(&self.installer) {
            if listed.iter().any(|l| o.matches(l)) {
                out.push(o.clone());
            }
        }
        out.extend(zync_routes(listed));
        out
    }
}

/// The routes zync created among `listed`.
pub(crate) fn zync_routes(listed: &[Value]) -> Vec<ObjectRef> {
    listed
        .iter()
        .filter(|o| o["kind"] == "Route" && made_by_zync(&kube::parse::<kube::Route>(o)))
        .filter_map(ObjectRef::of_json)
        .collect()
}

/// Whether zync made the route: its label, and the marks a person labelling a route of their own
/// the same way would not write — the record label and the gid annotation of the 3scale object
/// it serves (zync's `kubernetes_service.rb`), and, when the route has an owner, zync-que as that
/// owner (real zync sets it; the simulator does not).
pub(crate) fn made_by_zync(route: &kube::Route) -> bool {
    let m = &route.metadata;
    let owned_by_zync = m.owner_references.is_empty()
        || m.owner_references
            .iter()
            .any(|o| o.kind == "DeploymentConfig" && o.name == "zync-que");
    m.label(ZYNC_LABEL.0) == Some(ZYNC_LABEL.1)
        && m.labels.contains_key("zync.3scale.net/record")
        && m.annotations.contains_key("zync.3scale.net/gid")
        && owned_by_zync
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const T: &str = r#"
metadata: {name: t}
objects:
- {apiVersion: v1, kind: ServiceAccount, metadata: {name: amp}}
- {apiVersion: v1, kind: Secret, metadata: {name: system-seed, labels: {app: "${APP_LABEL}"}}}
- {apiVersion: apps.openshift.io/v1, kind: DeploymentConfig, metadata: {name: "${NAME}"}}
parameters:
- {name: APP_LABEL, value: a}
- {name: NAME, value: apicast}
"#;

    #[test]
    fn unlabelled_objects_belong_to_the_install_by_name() {
        let t = Template::parse(T).unwrap();
        let streams = [
            json!({"kind": "ImageStream", "apiVersion": "image.openshift.io/v1", "metadata": {"name": "apicast-gateway"}}),
        ];
        let id = Identity::of(&t, &[], &streams);
        let names: Vec<String> = id.template.iter().map(ToString::to_string).collect();
        assert_eq!(
            names,
            [
                "serviceaccount/amp",
                "secret/system-seed",
                "deploymentconfig/apicast"
            ]
        );
        let listed = vec![
            json!({"kind": "ServiceAccount", "metadata": {"name": "amp"}}),
            json!({"kind": "ServiceAccount", "metadata": {"name": "default"}}),
            json!({"kind": "Route", "metadata": {"name": "zync-3scale-api-x",
                "labels": {"3scale.net/created-by": "zync", "zync.3scale.net/record": "Z2lk"},
                "annotations": {"zync.3scale.net/gid": "gid://system/Proxy/2"}}}),
            json!({"kind": "Route", "metadata": {"name": "other"}}),
            // A route of someone's own, labelled like zync's: not the install's.
            json!({"kind": "Route", "metadata": {"name": "mine",
                "labels": {"3scale.net/created-by": "zync", "app": "3scale-api-management"}}}),
            json!({"kind": "Route", "metadata": {"name": "owned-elsewhere",
                "labels": {"3scale.net/created-by": "zync", "zync.3scale.net/record": "Z2lk"},
                "annotations": {"zync.3scale.net/gid": "gid://system/Proxy/2"},
                "ownerReferences": [{"kind": "DeploymentConfig", "name": "my-app"}]}}),
        ];
        let missing: Vec<String> = id
            .missing(&listed)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(missing, ["secret/system-seed", "deploymentconfig/apicast"]);
        let all: Vec<String> = id
            .all_present(&listed)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(all, ["serviceaccount/amp", "route/zync-3scale-api-x"]);
        let resources: Vec<String> = id.resources().iter().map(ToString::to_string).collect();
        assert_eq!(
            resources,
            [
                "serviceaccounts",
                "secrets",
                "deploymentconfigs.apps.openshift.io",
                "imagestreams.image.openshift.io",
                "routes.route.openshift.io"
            ]
        );
    }
}
