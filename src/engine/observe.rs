//! Observe: what the cluster says, read-only, each fact asked once and only when a decision needs
//! it. Facts the user may not see are `Unknown` with the reason, never errors; a cluster that
//! cannot be reached is an error of its own kind (`Unavailable`), never a failed check.

use super::cluster::Cluster;
use super::kube::{Node, Quota, StorageClass};
use crate::failure::{Failure, FailureKind, Outcome};
use crate::oc::{Cause, Oc, OcError};
use crate::templates::kinds::Resource;
use serde_json::Value;
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;

/// A fact, or why it cannot be known.
pub(crate) type Fact<T> = Result<T, String>;

/// What a project holds, as far as the user may see.
#[derive(Debug, Clone)]
pub(crate) enum ProjectState {
    Absent,
    /// It exists, or not: OpenShift answers Forbidden for both when the user is no member.
    Hidden,
    /// Every object of the listed resources (secrets with their data: never logged).
    Present(Vec<Value>),
}

impl ProjectState {
    pub(crate) fn exists(&self) -> bool {
        matches!(self, ProjectState::Present(_))
    }

    pub(crate) fn objects(&self) -> &[Value] {
        match self {
            ProjectState::Present(o) => o,
            _ => &[],
        }
    }
}

/// The apps domain of the cluster and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Discovered {
    pub(crate) value: String,
    pub(crate) how: String,
}

/// A failed read: unreachable or failing servers are `Unavailable`; everything else means the
/// run cannot go on (not logged in, a wrong kubeconfig): `Preflight`.
pub(crate) fn read_failure(doing: &str, e: OcError) -> Failure {
    let kind = if e.is_transient() {
        FailureKind::Unavailable
    } else {
        FailureKind::Preflight
    };
    let help = e.help();
    let mut f = Failure::new(kind, e).context(format!("could not {doing}"));
    if let Some(h) = help {
        f = f.with_help(h);
    }
    f
}

/// A permission question: (verb, resource, namespace).
type Question = (String, String, Option<String>);

/// Remembers every fact it was asked for.
pub(crate) struct Observer<'a> {
    oc: &'a Oc,
    cluster: OnceCell<Cluster>,
    classes: OnceCell<Fact<Vec<StorageClass>>>,
    domain: OnceCell<Fact<Discovered>>,
    nodes: OnceCell<Fact<Vec<Node>>>,
    projects: RefCell<BTreeMap<String, ProjectState>>,
    /// Projects looked up (`oc get project`) but not listed yet.
    looked_up: RefCell<BTreeMap<String, ProjectState>>,
    quotas: RefCell<BTreeMap<String, Vec<Quota>>>,
    permissions: RefCell<BTreeMap<Question, bool>>,
}

impl<'a> Observer<'a> {
    pub(crate) fn new(oc: &'a Oc) -> Observer<'a> {
        Observer {
            oc,
            cluster: OnceCell::new(),
            classes: OnceCell::new(),
            domain: OnceCell::new(),
            nodes: OnceCell::new(),
            projects: RefCell::new(BTreeMap::new()),
            looked_up: RefCell::new(BTreeMap::new()),
            quotas: RefCell::new(BTreeMap::new()),
            permissions: RefCell::new(BTreeMap::new()),
        }
    }

    /// Who is logged in, where, which OpenShift.
    pub(crate) fn cluster(&self) -> Outcome<Cluster> {
        if let Some(c) = self.cluster.get() {
            return Ok(c.clone());
        }
        let login = |e: OcError| {
            let mut f = read_failure("tell who is logged in", e.clone());
            if matches!(e.cause, Cause::Other | Cause::Forbidden) {
                f = f.with_help("run `oc login` first");
            }
            f
        };
        let server = self.oc.server_url().map_err(login)?;
        let user = self.oc.whoami().map_err(login)?;
        let version = self
            .oc
            .version()
            .map_err(|e| read_failure("read the cluster version", e))?;
        let c = Cluster::new(user, server, &version);
        Ok(self.cluster.get_or_init(|| c).clone())
    }

    pub(crate) fn storage_classes(&self) -> Outcome<Fact<Vec<StorageClass>>> {
        if let Some(f) = self.classes.get() {
            return Ok(f.clone());
        }
        let fact = match self
            .oc
            .list::<StorageClass>(&["storageclasses"], None, None)
        {
            Ok(c) => Ok(c),
            Err(e) if e.cause == Cause::Forbidden => Err("you may not list storage classes".into()),
            Err(e) => return Err(read_failure("list the storage classes", e)),
        };
        Ok(self.classes.get_or_init(|| fact).clone())
    }

    /// The cluster's apps domain: the ingress config (readable by admins), else the console's
    /// host (`console-openshift-console.<domain>`).
    pub(crate) fn apps_domain(&self) -> Outcome<Fact<Discovered>> {
        if let Some(f) = self.domain.get() {
            return Ok(f.clone());
        }
        let mut reasons = Vec::new();
        let fact =
            match self
                .oc
                .jsonpath("ingresses.config.openshift.io", "cluster", "{.spec.domain}")
            {
                Ok(d) if !d.is_empty() => Ok(Discovered {
                    value: d,
                    how: "the cluster ingress config".into(),
                }),
                Ok(_) => Err("the cluster ingress config names no domain".to_string()),
                Err(e) if e.is_transient() => {
                    return Err(read_failure("read the cluster ingress config", e))
                }
                Err(e) => Err(match e.cause {
                    Cause::Forbidden => "you may not read the cluster ingress config".to_string(),
                    Cause::NotFound | Cause::Other | Cause::NoSuchResource => {
                        "the cluster has no ingress config (OpenShift 3.11?)".to_string()
                    }
                    _ => e.message.clone(),
                }),
            };
        let fact = match fact {
            Ok(d) => Ok(d),
            Err(why) => {
                reasons.push(why);
                match self.oc.console_url() {
                    Ok(url) => match console_domain(&url) {
                        Some(d) => Ok(Discovered {
                            value: d,
                            how: format!("the web console's address {url}"),
                        }),
                        None => {
                            reasons.push(format!("the console address '{url}' does not show it"));
                            Err(reasons.join("; "))
                        }
                    },
                    Err(e) if e.is_transient() => {
                        return Err(read_failure("read the console address", e))
                    }
                    Err(_) => {
                        reasons.push("the cluster publishes no console address".into());
                        Err(reasons.join("; "))
                    }
                }
            }
        };
        Ok(self.domain.get_or_init(|| fact).clone())
    }

    /// Whether project `name` exists and the user may see it, without listing what it holds
    /// (a project that is not there needs no templates to say so).
    pub(crate) fn project_exists(&self, name: &str) -> Outcome<bool> {
        if let Some(p) = self.projects.borrow().get(name) {
            return Ok(p.exists());
        }
        Ok(self.look_up(name)?.exists())
    }

    /// Whether the project holds secret `name` (when the user may not read secrets there, it
    /// cannot be told: taken as yes).
    pub(crate) fn holds_secret(&self, project: &str, name: &str) -> Outcome<bool> {
        match self.oc.get_secret::<Value>(name, project) {
            Ok(found) => Ok(found.is_some()),
            Err(e) if e.cause == Cause::Forbidden => Ok(true),
            Err(e) => Err(read_failure(
                &format!("look for secret {name} in project {project}"),
                e,
            )),
        }
    }

    /// `oc get project`, once: `Present` (with nothing listed yet), `Absent` or `Hidden`.
    fn look_up(&self, name: &str) -> Outcome<ProjectState> {
        if let Some(p) = self.looked_up.borrow().get(name) {
            return Ok(p.clone());
        }
        #[derive(serde::Deserialize)]
        struct Project {}
        let state = match self.oc.get::<Project>("project", name, None) {
            Ok(Some(_)) => ProjectState::Present(Vec::new()),
            Ok(None) => ProjectState::Absent,
            Err(e) if e.cause == Cause::Forbidden => ProjectState::Hidden,
            Err(e) => return Err(read_failure(&format!("look up project {name}"), e)),
        };
        self.looked_up
            .borrow_mut()
            .insert(name.to_string(), state.clone());
        Ok(state)
    }

    /// What a project holds of `resources`.
    pub(crate) fn project(&self, name: &str, resources: &[Resource]) -> Outcome<ProjectState> {
        if let Some(p) = self.projects.borrow().get(name) {
            return Ok(p.clone());
        }
        let state = match self.look_up(name)? {
            ProjectState::Present(_) => {
                let types: Vec<String> = resources.iter().map(ToString::to_string).collect();
                let types: Vec<&str> = types.iter().map(String::as_str).collect();
                match self.oc.list_private::<Value>(&types, name) {
                    Ok(objects) => ProjectState::Present(objects),
                    Err(e) if e.cause == Cause::Forbidden => ProjectState::Hidden,
                    Err(e) => {
                        return Err(read_failure(&format!("list what project {name} holds"), e))
                    }
                }
            }
            other => other,
        };
        self.projects
            .borrow_mut()
            .insert(name.to_string(), state.clone());
        Ok(state)
    }

    /// The cluster's nodes, when the user may list them.
    pub(crate) fn nodes(&self) -> Outcome<Fact<Vec<Node>>> {
        if let Some(f) = self.nodes.get() {
            return Ok(f.clone());
        }
        let fact = match self.oc.list::<Node>(&["nodes"], None, None) {
            Ok(n) => Ok(n),
            Err(e) if e.cause == Cause::Forbidden => Err("skipped: you may not list nodes".into()),
            Err(e) => return Err(read_failure("list the nodes", e)),
        };
        Ok(self.nodes.get_or_init(|| fact).clone())
    }

    pub(crate) fn quotas(&self, project: &str) -> Outcome<Vec<Quota>> {
        if let Some(q) = self.quotas.borrow().get(project) {
            return Ok(q.clone());
        }
        let q = match self
            .oc
            .list::<Quota>(&["resourcequotas"], Some(project), None)
        {
            Ok(q) => q,
            Err(e) if e.cause == Cause::Forbidden => Vec::new(),
            Err(e) => return Err(read_failure("list the project's quotas", e)),
        };
        self.quotas
            .borrow_mut()
            .insert(project.to_string(), q.clone());
        Ok(q)
    }

    /// Whether every (verb, resource, namespace) is allowed: `Ok` with what was asked, as "may
    /// VERB RESOURCE, ...", or `Err` with each denial ("VERB RESOURCE in project P").
    pub(crate) fn may(
        &self,
        asked: &[(&str, String, Option<String>)],
    ) -> Outcome<Result<String, Vec<String>>> {
        let allowed = self.permissions(asked)?;
        let denied: Vec<String> = asked
            .iter()
            .zip(&allowed)
            .filter(|(_, ok)| !**ok)
            .map(|((verb, resource, ns), _)| match ns {
                Some(ns) => format!("{verb} {resource} in project {ns}"),
                None => format!("{verb} {resource}"),
            })
            .collect();
        if !denied.is_empty() {
            return Ok(Err(denied));
        }
        let what: Vec<String> = asked.iter().map(|(v, r, _)| format!("{v} {r}")).collect();
        Ok(Ok(format!("may {}", what.join(", "))))
    }

    /// `oc auth can-i` for each (verb, resource, namespace), asked at once.
    pub(crate) fn permissions(
        &self,
        asked: &[(&str, String, Option<String>)],
    ) -> Outcome<Vec<bool>> {
        let todo: Vec<&(&str, String, Option<String>)> = asked
            .iter()
            .filter(|(v, r, n)| {
                !self
                    .permissions
                    .borrow()
                    .contains_key(&(v.to_string(), r.clone(), n.clone()))
            })
            .collect();
        // Independent questions: asked side by side, so a dozen take the time of a few.
        let oc = self.oc;
        let answers: Vec<Result<bool, OcError>> = std::thread::scope(|s| {
            let handles: Vec<_> = todo
                .iter()
                .map(|(verb, resource, ns)| {
                    s.spawn(move || oc.can_i(verb, resource, ns.as_deref()))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or(Ok(false)))
                .collect()
        });
        for ((verb, resource, ns), answer) in todo.into_iter().zip(answers) {
            let allowed = answer.map_err(|e| read_failure("check permissions", e))?;
            self.permissions
                .borrow_mut()
                .insert((verb.to_string(), resource.clone(), ns.clone()), allowed);
        }
        let known = self.permissions.borrow();
        Ok(asked
            .iter()
            .map(|(v, r, n)| known[&(v.to_string(), r.clone(), n.clone())])
            .collect())
    }
}

/// `https://console-openshift-console.apps.x.example.com` → `apps.x.example.com`.
fn console_domain(url: &str) -> Option<String> {
    let host = url.split_once("://")?.1.split(['/', ':']).next()?;
    let (first, rest) = host.split_once('.')?;
    (first.starts_with("console") && rest.contains('.')).then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_console_address_tells_the_apps_domain() {
        assert_eq!(
            console_domain("https://console-openshift-console.apps.ocp4.example.com"),
            Some("apps.ocp4.example.com".into())
        );
        assert_eq!(console_domain("https://api.x:6443"), None);
    }
}
