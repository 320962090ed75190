//! The plans of `monitoring enable` and `disable`: pure functions from what was observed to the
//! changes, the decisions and the checks. An empty list of changes means "already in place":
//! a re-run changes nothing, and a run stopped half-way is finished by the next one.

use super::action::MonitoringAction as Action;
use super::components::{COMPONENTS, DC_LABEL, NOT_MONITORED};
use super::dashboards::DASHBOARDS;
use super::objects::{self, GrafanaApi};
use super::observe::{Grafana, Observed, UserWorkload, CONFIG_KEY, CONFIG_MAP, CONFIG_NAMESPACE};
use super::patch;
use crate::engine::change::Change;
use crate::engine::checks::CheckResult;
use crate::engine::kube;
use crate::engine::report::Changes;
use crate::inputs::Missing;
use crate::oc::args::shell_quote;
use crate::templates::kinds::ObjectRef;
use serde_json::{json, Value};

#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub(crate) actions: Vec<Action>,
    pub(crate) decisions: Vec<String>,
    pub(crate) checks: Vec<CheckResult>,
    pub(crate) missing: Vec<Missing>,
    pub(crate) problems: Vec<String>,
}

impl Plan {
    fn new() -> Plan {
        Plan {
            actions: Vec::new(),
            decisions: Vec::new(),
            checks: Vec::new(),
            missing: Vec::new(),
            problems: Vec::new(),
        }
    }

    pub(crate) fn changes(&self) -> Changes<'_, Action> {
        Changes {
            decisions: &self.decisions,
            checks: &self.checks,
            actions: &self.actions,
            missing: &self.missing,
            problems: &self.problems,
        }
    }
}

/// The change a cluster admin makes to turn user-workload monitoring on, as a command; `None`
/// when it is on.
pub(crate) fn admin_change(uw: &UserWorkload) -> Option<String> {
    let create = format!(
        "oc -n {CONFIG_NAMESPACE} create configmap {CONFIG_MAP} --from-literal={CONFIG_KEY}='enableUserWorkload: true'"
    );
    match uw {
        UserWorkload::On => None,
        UserWorkload::Off { config: None } => Some(create),
        UserWorkload::Off {
            config: Some(config),
        } => {
            let mut doc: serde_yaml::Mapping = serde_yaml::from_str(config).unwrap_or_default();
            doc.insert("enableUserWorkload".into(), true.into());
            let merged = serde_yaml::to_string(&doc).unwrap_or_default();
            let patch = json!({"data": {CONFIG_KEY: merged}}).to_string();
            Some(format!(
                "oc -n {CONFIG_NAMESPACE} patch configmap {CONFIG_MAP} --type=merge -p {}",
                shell_quote(&patch)
            ))
        }
        UserWorkload::Unknown(_) => Some(format!(
            "set `enableUserWorkload: true` in key {CONFIG_KEY} of config map {CONFIG_MAP} in project {CONFIG_NAMESPACE} (`oc -n {CONFIG_NAMESPACE} edit configmap {CONFIG_MAP}`), or where there is none: `{create}`"
        )),
    }
}

/// User-workload monitoring, as a check: a warning unless it is on (the objects are made all
/// the same; nothing scrapes them until it is).
fn user_workload_check(uw: &UserWorkload) -> CheckResult {
    let id = "user-workload-monitoring";
    let help = admin_change(uw)
        .map(|c| format!("only a cluster admin can turn it on, once for the cluster: {c}"));
    let check = match uw {
        UserWorkload::On => return CheckResult::ok(id, "on"),
        UserWorkload::Off { .. } => CheckResult::warn(
            id,
            "off: nothing scrapes the PodMonitors and no rule is evaluated until a cluster admin turns it on",
        ),
        UserWorkload::Unknown(why) => CheckResult::warn(id, why.clone()),
    };
    match help {
        Some(h) => check.with_help(h),
        None => check,
    }
}

/// The checks every plan has: the API, the objects listed.
fn common_checks(o: &Observed, p: &mut Plan) {
    if let Err(why) = &o.crds {
        p.checks.push(
            CheckResult::fail("monitoring-api", why.clone())
                .with_help("monitoring needs OpenShift 4.6 or later (user-workload monitoring)"),
        );
    } else if let Err(why) = &o.objects {
        p.checks.push(
            CheckResult::fail("monitoring-objects", why.clone()).with_help(monitoring_edit(o)),
        );
    }
    p.checks.push(user_workload_check(&o.user_workload));
}

fn monitoring_edit(o: &Observed) -> String {
    format!(
        "ask a cluster admin for the monitoring-edit role in project {0}: `oc adm policy add-role-to-user monitoring-edit {1} -n {0}`",
        o.project, o.user
    )
}

/// The permission check of the plan's changes, with the roles that give what is missing.
fn permissions(o: &Observed, p: &mut Plan) {
    let mut denied: Vec<String> = Vec::new();
    for perm in p.actions.iter().flat_map(Change::permissions) {
        let resource = perm.resource.to_string();
        let line = format!("{} {resource} in project {}", perm.verb, o.project);
        if !o.may(perm.verb, &resource) && !denied.contains(&line) {
            denied.push(line);
        }
    }
    if denied.is_empty() {
        // Asked already: the driver does not ask again.
        p.checks.push(CheckResult::ok(
            "permissions",
            "every planned change is allowed",
        ));
        return;
    }
    let mut helps = Vec::new();
    if denied.iter().any(|d| d.contains("monitoring.coreos.com")) {
        helps.push(monitoring_edit(o));
    }
    if denied.iter().any(|d| d.contains("deploymentconfigs")) {
        helps.push(format!(
            "ask for the edit role in project {0}: `oc adm policy add-role-to-user edit {1} -n {0}`",
            o.project, o.user
        ));
    }
    if denied.iter().any(|d| d.contains("grafanadashboards")) {
        helps.push(format!(
            "ask for the right to make GrafanaDashboards in project {}",
            o.project
        ));
    }
    p.checks.push(
        CheckResult::fail(
            "permissions",
            format!(
                "you may not make every planned change; denied:\n{}",
                denied.join("\n")
            ),
        )
        .with_help(helps.join("; ")),
    );
}

/// The plan of `monitoring enable`.
pub(crate) fn enable(o: &Observed) -> Plan {
    let mut p = Plan::new();
    common_checks(o, &mut p);
    let mut desired = components(o, &mut p);
    desired.push(objects::prometheus_rule(&o.project));
    desired.extend(grafana_objects(o, &mut p));
    if o.objects.is_ok() && o.crds.is_ok() {
        objects_to_make(o, &desired, &mut p);
    }
    dashboard_files(o, &mut p);
    permissions(o, &mut p);
    p
}

/// The patches and PodMonitors of the components the project holds.
fn components(o: &Observed, p: &mut Plan) -> Vec<Value> {
    let mut monitors = Vec::new();
    let mut absent = Vec::new();
    for c in COMPONENTS {
        let Some(dc) = o.dc(c.dc) else {
            absent.push(c.dc);
            continue;
        };
        match patch::enable(c, dc) {
            Ok(Some(patch)) => {
                p.decisions.push(format!("dc/{}: {}", c.dc, c.why));
                p.actions.push(Action::Patch(patch));
            }
            Ok(None) => {}
            Err(why) => p.problems.push(why),
        }
        if dc.pod_template().metadata.label(DC_LABEL) != Some(c.dc) {
            p.checks.push(CheckResult::warn(
                "pod-labels",
                format!(
                    "the pods of dc/{0} do not carry the label {DC_LABEL}={0} of the 2.8 templates: its PodMonitor selects none of them",
                    c.dc
                ),
            ));
        }
        monitors.push(objects::pod_monitor(c));
    }
    if absent.len() == COMPONENTS.len() {
        p.problems.push(format!(
            "project {} holds none of 3scale's deployment configs ({}): name the project of the install with --project",
            o.project,
            COMPONENTS.iter().map(|c| c.dc).collect::<Vec<_>>().join(", ")
        ));
    } else if !absent.is_empty() {
        p.decisions.push(format!(
            "no PodMonitor for {}: project {} has no such deployment config",
            absent.join(", "),
            o.project
        ));
    }
    p.decisions.push(format!(
        "{} is not scraped: {}",
        NOT_MONITORED.0, NOT_MONITORED.1
    ));
    monitors
}

/// The Grafana operator's dashboards, when the cluster has its API and (v5) a Grafana to name.
fn grafana_objects(o: &Observed, p: &mut Plan) -> Vec<Value> {
    let api = match &o.grafana {
        None => {
            p.decisions.push(format!(
                "no Grafana operator on the cluster (neither grafana.integreatly.org nor integreatly.org): the dashboards are written as files into {}, for any Grafana",
                o.files.dir.display()
            ));
            return Vec::new();
        }
        Some(Grafana::V4) => GrafanaApi::V4,
        Some(Grafana::V5 { instances }) => match instances.first() {
            Some((name, labels)) if !labels.is_empty() => {
                p.decisions.push(format!(
                    "the GrafanaDashboards select Grafana {name} of project {} by its labels",
                    o.project
                ));
                GrafanaApi::V5 {
                    instance: labels.clone(),
                }
            }
            _ => {
                p.decisions.push(format!(
                    "the Grafana operator (v5) is installed but project {} has no labelled Grafana for a dashboard to name: no GrafanaDashboard objects; the files in {} import into any Grafana",
                    o.project,
                    o.files.dir.display()
                ));
                return Vec::new();
            }
        },
    };
    DASHBOARDS
        .iter()
        .map(|d| objects::grafana_dashboard(d, &o.project, &api))
        .collect()
}

/// Creates what is absent, replaces what this tool made whose content changed, keeps objects of
/// the same names that others made.
fn objects_to_make(o: &Observed, desired: &[Value], p: &mut Plan) {
    let existing = o.objects.as_deref().unwrap_or_default();
    let (mut create, mut replace) = (Vec::new(), Vec::new());
    for want in desired {
        let Some(id) = ObjectRef::of_json(want) else {
            continue;
        };
        match existing.iter().find(|e| id.matches(e)) {
            None => create.push(want.clone()),
            Some(found) if !objects::is_ours(found) => p.decisions.push(format!(
                "{id} exists and was not made by threescale-install: it is kept as it is"
            )),
            Some(found) if found.get("spec") != want.get("spec") => replace.push(want.clone()),
            Some(_) => {}
        }
    }
    if !create.is_empty() {
        p.actions.push(Action::Create(create));
    }
    if !replace.is_empty() {
        p.actions.push(Action::Replace(replace));
    }
}

fn dashboard_files(o: &Observed, p: &mut Plan) {
    let files: Vec<(String, String)> = DASHBOARDS
        .iter()
        .map(|d| (format!("{}.json", d.id()), d.file_text(&o.project)))
        .filter(|(name, text)| !o.files.present.iter().any(|(n, t)| n == name && t == text))
        .collect();
    if !files.is_empty() {
        p.actions.push(Action::WriteDashboards {
            dir: o.files.dir.clone(),
            files,
        });
    }
}

/// The plan of `monitoring disable`: what `enable` made deleted, its patches taken back, the
/// dashboard files removed.
pub(crate) fn disable(o: &Observed) -> Plan {
    let mut p = Plan::new();
    common_checks(o, &mut p);
    for dc in &o.dcs {
        if let Some(revert) = patch::revert(dc) {
            p.actions.push(Action::Patch(revert));
        }
    }
    let existing = o.objects.as_deref().unwrap_or_default();
    let ours: Vec<ObjectRef> = existing
        .iter()
        .filter(|e| objects::is_ours(e))
        .filter_map(ObjectRef::of_json)
        .collect();
    if !ours.is_empty() {
        p.actions.push(Action::Delete(ours));
    }
    let gateways = existing
        .iter()
        .filter(|e| {
            let meta = kube::parse::<kube::Object>(e).metadata;
            meta.label(objects::LABEL) == Some(objects::OF_GATEWAY)
        })
        .count();
    if gateways > 0 {
        p.decisions.push(format!(
            "{gateways} PodMonitor(s) of gateways are kept: `gateway remove` removes each with its gateway"
        ));
    }
    let files: Vec<_> = o
        .files
        .present
        .iter()
        .map(|(name, _)| o.files.dir.join(name))
        .collect();
    if !files.is_empty() {
        p.actions.push(Action::RemoveDashboards(files));
    }
    permissions(o, &mut p);
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::checks::Verdict;
    use crate::monitoring::observe::Files;

    fn dc(name: &str, container: &str, ports: Value) -> kube::DeploymentConfig {
        kube::parse(&json!({
            "metadata": {"name": name},
            "spec": {"triggers": [{"type": "ConfigChange"}], "template": {
                "metadata": {"labels": {"deploymentConfig": name}},
                "spec": {"containers": [{"name": container, "ports": ports}]}}}
        }))
    }

    /// A 2.8 install as the template makes it.
    fn observed() -> Observed {
        let metrics = |n: u16| json!([{"name": "metrics", "containerPort": n}]);
        Observed {
            project: "3scale".into(),
            user: "dev".into(),
            server: "https://api.x:6443".into(),
            user_workload: UserWorkload::Off { config: None },
            objects: Ok(Vec::new()),
            crds: Ok(()),
            grafana: None,
            dcs: vec![
                dc("apicast-production", "apicast-production", metrics(9421)),
                dc("apicast-staging", "apicast-staging", metrics(9421)),
                dc("zync", "zync", json!([{"containerPort": 8080}])),
                dc("zync-que", "que", metrics(9394)),
                dc("system-sidekiq", "system-sidekiq", json!(null)),
                dc("backend-worker", "backend-worker", json!(null)),
                dc("backend-listener", "backend-listener", json!(null)),
            ],
            rights: Vec::new(),
            files: Files {
                dir: "/state/dashboards".into(),
                present: Vec::new(),
            },
        }
    }

    fn shown(p: &Plan) -> Vec<String> {
        p.actions.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn enable_patches_five_and_monitors_six_and_says_what_an_admin_does() {
        let p = enable(&observed());
        let s = shown(&p);
        let patched: Vec<&String> = s.iter().filter(|a| a.starts_with("patch dc/")).collect();
        assert_eq!(patched.len(), 5, "{s:#?}");
        assert!(!s.iter().any(|a| a.contains("backend-listener")), "{s:#?}");
        assert!(!s.iter().any(|a| a.contains("dc/zync-que")), "{s:#?}");
        let create = s.iter().find(|a| a.starts_with("create ")).unwrap();
        for name in [
            "podmonitor/apicast-production",
            "podmonitor/apicast-staging",
            "podmonitor/zync,",
            "podmonitor/zync-que",
            "podmonitor/system-sidekiq",
            "podmonitor/backend-worker",
            "prometheusrule/threescale-2.8",
        ] {
            assert!(create.contains(name), "{name}: {create}");
        }
        assert!(s
            .last()
            .unwrap()
            .starts_with("write the Grafana dashboard file(s)"));
        let uwm = p
            .checks
            .iter()
            .find(|c| c.id == "user-workload-monitoring")
            .unwrap();
        assert_eq!(uwm.result, Verdict::Warn);
        assert!(uwm
            .help
            .as_deref()
            .unwrap()
            .contains("oc -n openshift-monitoring create configmap cluster-monitoring-config --from-literal=config.yaml='enableUserWorkload: true'"));
        assert!(p
            .decisions
            .iter()
            .any(|d| d.starts_with("backend-listener is not scraped")));
        assert!(p.problems.is_empty() && !p.changes().refused());
    }

    #[test]
    fn a_second_enable_changes_nothing() {
        let first = enable(&observed());
        // What the first made: the patched configs, its objects, its files.
        let mut o = observed();
        for a in &first.actions {
            match a {
                Action::Patch(pt) => {
                    let i = o.dcs.iter().position(|d| d.metadata.name == pt.dc).unwrap();
                    let mut raw = json!({"metadata": {"name": pt.dc}, "spec": {"triggers": [{"type": "ConfigChange"}], "template": o.dcs[i].spec.template}});
                    raw = apply_json_patch(raw, &pt.ops);
                    o.dcs[i] = kube::parse(&raw);
                }
                Action::Create(objects) => o.objects.as_mut().unwrap().extend(objects.clone()),
                Action::WriteDashboards { files, .. } => o.files.present = files.clone(),
                other => panic!("{other}"),
            }
        }
        o.user_workload = UserWorkload::On;
        let again = enable(&o);
        assert_eq!(shown(&again), Vec::<String>::new());
        // And disable takes back exactly the first run's.
        let off = disable(&o);
        let s = shown(&off);
        assert_eq!(
            s.iter().filter(|a| a.starts_with("patch dc/")).count(),
            5,
            "{s:#?}"
        );
        assert!(s
            .iter()
            .any(|a| a.starts_with("delete podmonitor/apicast-production")));
        assert!(s
            .last()
            .unwrap()
            .starts_with("remove the dashboard file(s)"));
    }

    /// A minimal RFC 6902 apply for the ops this module makes (add, remove, test).
    fn apply_json_patch(mut doc: Value, ops: &[Value]) -> Value {
        for op in ops {
            let path = op["path"].as_str().unwrap();
            let parts: Vec<String> = path[1..]
                .split('/')
                .map(|p| p.replace("~1", "/").replace("~0", "~"))
                .collect();
            let (last, parents) = parts.split_last().unwrap();
            let mut at = &mut doc;
            for p in parents {
                at = match at {
                    Value::Array(a) => &mut a[p.parse::<usize>().unwrap()],
                    other => &mut other[p.as_str()],
                };
            }
            match (op["op"].as_str().unwrap(), at) {
                ("add", Value::Array(a)) if last == "-" => a.push(op["value"].clone()),
                ("add", target) => target[last.as_str()] = op["value"].clone(),
                ("test", _) => {}
                (o, t) => panic!("{o} on {t}"),
            }
        }
        doc
    }

    #[test]
    fn objects_of_others_are_kept_and_changed_ones_replaced() {
        let mut o = observed();
        let mut foreign =
            objects::pod_monitor(crate::monitoring::components::component("zync").unwrap());
        foreign["metadata"]["labels"] = json!({"app": "3scale-api-management"});
        let mut stale = objects::prometheus_rule("3scale");
        stale["spec"]["groups"] = json!([]);
        o.objects = Ok(vec![foreign, stale]);
        let p = enable(&o);
        assert!(p.decisions.iter().any(
            |d| d.starts_with("podmonitor/zync exists and was not made by threescale-install")
        ));
        assert!(shown(&p)
            .iter()
            .any(|a| a.starts_with("replace prometheusrule/threescale-2.8")));
    }

    #[test]
    fn denied_rights_name_the_monitoring_edit_role_and_no_api_fails() {
        let mut o = observed();
        o.rights = vec![("create", "podmonitors.monitoring.coreos.com", true, false)];
        let p = enable(&o);
        let c = p.checks.iter().find(|c| c.id == "permissions").unwrap();
        assert_eq!(c.result, Verdict::Fail);
        assert!(c
            .detail
            .contains("create podmonitors.monitoring.coreos.com in project 3scale"));
        assert!(c
            .help
            .as_deref()
            .unwrap()
            .contains("oc adm policy add-role-to-user monitoring-edit dev -n 3scale"));
        let mut o = observed();
        o.crds = Err("no API".into());
        o.objects = Err("no API".into());
        let p = enable(&o);
        assert!(p.changes().refused());
        assert!(!shown(&p).iter().any(|a| a.starts_with("create")));
    }

    #[test]
    fn the_admin_change_keeps_the_other_settings() {
        let change = admin_change(&UserWorkload::Off {
            config: Some("prometheusK8s:\n  retention: 24h\n".into()),
        })
        .unwrap();
        assert!(change.starts_with("oc -n openshift-monitoring patch configmap cluster-monitoring-config --type=merge -p '"), "{change}");
        assert!(
            change.contains("retention: 24h") && change.contains("enableUserWorkload: true"),
            "{change}"
        );
        assert!(admin_change(&UserWorkload::On).is_none());
        assert!(admin_change(&UserWorkload::Unknown("x".into()))
            .unwrap()
            .contains("edit configmap cluster-monitoring-config"));
    }

    #[test]
    fn no_3scale_in_the_project_is_a_problem() {
        let mut o = observed();
        o.dcs.clear();
        let p = enable(&o);
        assert!(
            p.problems[0].contains("holds none of 3scale's deployment configs"),
            "{:?}",
            p.problems
        );
    }
}
