//! The cluster's monitoring API (Thanos Querier, the Prometheus HTTP API:
//! `prometheus/docs/querying/api.md`), asked with the user's bearer token in a header: the health
//! of each target of the project, which of the metrics the rules and dashboards read have series
//! there, and what each rule's expression returns now. Every request carries `namespace=` (what
//! the project-scoped port 9092 requires, and the route's port 9091 ignores); GET only (9092
//! checks a POST as `create pods`).

use super::components::COMPONENTS;
use super::observe::CONFIG_NAMESPACE;
use super::{dashboards, promql, rules};
use crate::engine::kube;
use crate::engine::observe::{read_failure, Observer};
use crate::engine::session::Session;
use crate::failure::Outcome;
use crate::http::{query_escape, Http, Request};
use crate::inputs::monitoring::ApiUrl;
use crate::oc::Oc;
use crate::secrets::Secret;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Where the API is and how to ask it.
pub(crate) struct Api<'a> {
    pub(crate) http: &'a Http,
    /// `host[:port]`.
    pub(crate) host: &'a str,
    /// The path the API's own paths go under (`""` for the route).
    pub(crate) prefix: &'a str,
    pub(crate) token: &'a Secret,
    pub(crate) project: &'a str,
}

/// Why an answer could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum QueryError {
    /// The API answered with this status (401, 403: the token or its rights; 404: no such path).
    Refused(u16, String),
    /// No answer, or one that is not the API's.
    Failed(String),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::Refused(status, body) => write!(f, "HTTP {status}: {body}"),
            QueryError::Failed(why) => write!(f, "{why}"),
        }
    }
}

#[derive(Deserialize)]
struct Envelope<T> {
    status: String,
    data: Option<T>,
    #[serde(default)]
    error: Option<String>,
}

#[derive(Deserialize)]
struct Vector {
    result: Vec<Sample>,
}

/// One series of a query's answer; its value is a string (`"1"`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct Sample {
    #[serde(default)]
    pub(crate) metric: BTreeMap<String, String>,
    pub(crate) value: (f64, String),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Targets {
    active_targets: Vec<Target>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Target {
    #[serde(default)]
    pub(crate) labels: BTreeMap<String, String>,
    #[serde(default)]
    pub(crate) health: String,
    #[serde(default)]
    pub(crate) last_error: String,
}

impl Api<'_> {
    fn get<T: for<'de> Deserialize<'de>>(&self, path: &str) -> Result<T, QueryError> {
        let full = format!("{}{path}", self.prefix);
        let request = Request::get(self.host, &full).bearer(self.token);
        let answer = self
            .http
            .send(&request)
            .map_err(|e| QueryError::Failed(e.to_string()))?;
        let text = crate::http::first_bytes(&answer.body);
        if answer.status != 200 && answer.status != 400 && answer.status != 422 {
            return Err(QueryError::Refused(answer.status, text));
        }
        let envelope: Envelope<T> = serde_json::from_slice(&answer.body).map_err(|e| {
            QueryError::Failed(format!(
                "HTTP {}: not the Prometheus API's answer ({e}): {text}",
                answer.status
            ))
        })?;
        match (envelope.status.as_str(), envelope.data) {
            ("success", Some(data)) => Ok(data),
            _ => Err(QueryError::Failed(format!(
                "the API refused the request: {}",
                envelope.error.unwrap_or(text)
            ))),
        }
    }

    /// `GET /api/v1/query`: the series of an instant query.
    pub(crate) fn query(&self, promql: &str) -> Result<Vec<Sample>, QueryError> {
        let path = format!(
            "/api/v1/query?query={}&namespace={}",
            query_escape(promql),
            query_escape(self.project)
        );
        self.get::<Vector>(&path).map(|v| v.result)
    }

    /// `GET /api/v1/targets?state=active`: the project's targets (the route's port only).
    pub(crate) fn targets(&self) -> Result<Vec<Target>, QueryError> {
        let path = format!(
            "/api/v1/targets?state=active&namespace={}",
            query_escape(self.project)
        );
        let all = self.get::<Targets>(&path)?.active_targets;
        Ok(all
            .into_iter()
            .filter(|t| t.labels.get("namespace").map(String::as_str) == Some(self.project))
            .collect())
    }
}

/// One target's health.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TargetHealth {
    pub(crate) job: String,
    pub(crate) pod: String,
    pub(crate) up: bool,
    pub(crate) error: String,
}

/// What a rule's expression gives now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RuleHealth {
    pub(crate) alert: &'static str,
    /// The metrics it reads that have no series in the project.
    pub(crate) no_data: Vec<String>,
    /// How many series the expression returns now (firing), or why it could not be evaluated.
    pub(crate) returns: Result<usize, String>,
}

/// What the monitoring API says of the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Health {
    pub(crate) targets: Vec<TargetHealth>,
    /// Where the targets came from: `/api/v1/targets`, or `up` (when that path is refused).
    pub(crate) targets_from: &'static str,
    /// The PodMonitors' jobs (`<project>/<name>`) with no target.
    pub(crate) jobs_without_target: Vec<String>,
    /// Every metric the rules and dashboards read, and whether it has series in the project.
    pub(crate) metrics: Vec<(String, bool)>,
    pub(crate) rules: Vec<RuleHealth>,
}

/// The targets: from `/api/v1/targets`, else (a port that does not serve it) from `up`.
fn targets(api: &Api) -> Result<(Vec<TargetHealth>, &'static str), QueryError> {
    match api.targets() {
        Ok(list) => Ok((
            list.into_iter()
                .map(|t| TargetHealth {
                    job: t.labels.get("job").cloned().unwrap_or_default(),
                    pod: t.labels.get("pod").cloned().unwrap_or_default(),
                    up: t.health == "up",
                    error: t.last_error,
                })
                .collect(),
            "/api/v1/targets",
        )),
        Err(QueryError::Refused(403 | 404, _)) => {
            let up = api.query(&format!("up{{namespace=\"{}\"}}", api.project))?;
            Ok((
                up.into_iter()
                    .map(|s| TargetHealth {
                        job: s.metric.get("job").cloned().unwrap_or_default(),
                        pod: s.metric.get("pod").cloned().unwrap_or_default(),
                        up: s.value.1 == "1",
                        error: String::new(),
                    })
                    .collect(),
                "up",
            ))
        }
        Err(e) => Err(e),
    }
}

/// Every series name the rules and the dashboards read.
pub(crate) fn series_read() -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let exprs = rules::all()
        .map(|(_, r)| r.expr)
        .chain(dashboards::queries().map(|(_, e)| e));
    for expr in exprs {
        for n in promql::series_names(expr) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names
}

/// Asks the API about the project: targets, metrics, rules. The first refusal ends it (a token
/// refused once is refused every time).
pub(crate) fn health(api: &Api) -> Result<Health, QueryError> {
    let (targets, targets_from) = targets(api)?;
    let jobs_without_target = COMPONENTS
        .iter()
        .map(|c| format!("{}/{}", api.project, c.dc))
        .filter(|job| !targets.iter().any(|t| &t.job == job))
        .collect();
    let names = series_read();
    let present = api.query(&format!(
        "count by (__name__) ({{namespace=\"{}\",__name__=~\"{}\"}})",
        api.project,
        names.join("|")
    ))?;
    let has = |n: &str| {
        present
            .iter()
            .any(|s| s.metric.get("__name__").map(String::as_str) == Some(n))
    };
    let metrics: Vec<(String, bool)> = names.iter().map(|n| (n.clone(), has(n))).collect();
    let mut out = Vec::new();
    for (_, r) in rules::all() {
        let expr = rules::in_project(r.expr, api.project);
        let no_data = promql::series_names(&expr)
            .into_iter()
            .filter(|n| !has(n))
            .collect();
        let returns = match api.query(&expr) {
            Ok(series) => Ok(series.len()),
            Err(e @ QueryError::Refused(..)) => return Err(e),
            Err(e) => Err(e.to_string()),
        };
        out.push(RuleHealth {
            alert: r.alert,
            no_data,
            returns,
        });
    }
    Ok(Health {
        targets,
        targets_from,
        jobs_without_target,
        metrics,
        rules: out,
    })
}

/// What the monitoring API said, or why it was not asked.
#[derive(Debug, Clone)]
pub(crate) enum Query {
    NotAsked {
        why: String,
        instead: String,
    },
    Failed {
        url: String,
        error: String,
        help: String,
    },
    Answered {
        url: String,
        health: Health,
    },
}

/// Thanos Querier's route in openshift-monitoring.
const ROUTE: &str = "thanos-querier";

/// The monitoring API's address: the route's host when the user may read it, else the default
/// host of that route on the cluster's apps domain.
fn default_url(oc: &Oc, observer: &Observer) -> Outcome<Result<ApiUrl, String>> {
    if let Ok(Some(route)) = oc.get::<serde_json::Value>("route", ROUTE, Some(CONFIG_NAMESPACE)) {
        let route: kube::Route = kube::parse(&route);
        if !route.spec.host.is_empty() {
            return Ok(Ok(ApiUrl {
                host: route.spec.host,
                prefix: String::new(),
            }));
        }
    }
    Ok(match observer.apps_domain()? {
        Ok(domain) => Ok(ApiUrl {
            host: format!("{ROUTE}-{CONFIG_NAMESPACE}.{}", domain.value),
            prefix: String::new(),
        }),
        Err(why) => Err(format!("the monitoring API's address is not known: {why}")),
    })
}

/// Asks the monitoring API about `project` when the user may (`cluster-monitoring-view`, or an
/// address given with `--monitoring-url`), with the session's bearer token (registered with the
/// redactor at once); otherwise says which role is missing and what a project's member can do.
pub(crate) fn ask(
    session: &Session,
    observer: &Observer,
    given: Option<&ApiUrl>,
    options: &crate::http::Options,
    project: &str,
) -> Outcome<Query> {
    let user = observer.cluster()?.user;
    let role = format!(
        "a cluster admin grants it: `oc adm policy add-cluster-role-to-user cluster-monitoring-view {user}`"
    );
    if given.is_none() && !super::observe::may_view_cluster_metrics(observer)? {
        return Ok(Query::NotAsked {
            why: format!("{user} lacks the cluster-monitoring-view role (`get namespaces` on the cluster), which the monitoring API's route (Thanos Querier, port 9091) requires"),
            instead: format!("{role}; without it, members of project {project} see its metrics in the web console (Developer perspective, Observe), or query port 9092 of https://thanos-querier.openshift-monitoring.svc from a pod of the project (role view, `namespace={project}`); --monitoring-url names another address of the API"),
        });
    }
    let token = match session.oc.token() {
        Ok(Some(t)) => t,
        Ok(None) => {
            return Ok(Query::NotAsked {
                why: "this oc session has no bearer token (a client certificate login?)".into(),
                instead: "log in with a token (`oc login --token=...`) to query the monitoring API"
                    .into(),
            })
        }
        Err(e) => return Err(read_failure("read the session's token (oc whoami -t)", e)),
    };
    session.redactor.add_secret("OC_TOKEN", &token);
    let url = match given {
        Some(u) => u.clone(),
        None => match default_url(&session.oc, observer)? {
            Ok(u) => u,
            Err(why) => {
                return Ok(Query::NotAsked {
                    why,
                    instead: "give the address with --monitoring-url".into(),
                })
            }
        },
    };
    if options.insecure {
        session.ui.warn("--insecure-skip-tls-verify: the monitoring API's certificate is not checked, and the session's token goes to whoever answers");
    }
    let http = session.http(options)?;
    let api = Api {
        http: &http,
        host: &url.host,
        prefix: &url.prefix,
        token: &token,
        project,
    };
    Ok(match health(&api) {
        Ok(health) => Query::Answered {
            url: url.to_string(),
            health,
        },
        Err(e) => Query::Failed {
            url: url.to_string(),
            help: match &e {
                QueryError::Refused(401 | 403, _) => format!(
                    "the API refused the token of {user}: the route's port needs the cluster-monitoring-view role ({role}); the project port 9092 needs the view role in project {project}"
                ),
                _ => "check the address (--monitoring-url) and its certificate (--ca-file, or --insecure-skip-tls-verify)".into(),
            },
            error: e.to_string(),
        },
    })
}
