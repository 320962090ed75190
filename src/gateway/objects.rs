//! What `gateway add` puts in a project, and how it is found again: every object carries the
//! label `threescale-install/gateway=NAME`; the portal-endpoint secret holds
//! `THREESCALE_PORTAL_ENDPOINT` (`https://TOKEN@ADMIN-HOST`) and, in annotations, which token it is
//! (id, name, whether this tool minted it) and where the install is. Manifests are built as JSON
//! values; the secret's goes to oc on stdin only.

use super::settings::{Environment, Loader};
use crate::engine::kube::{self, SecretObject};
use crate::pull_secret;
use crate::secrets::{Redactor, Secret};
use crate::templates::kinds::ObjectRef;
use crate::templates::profiles::MANAGED_BY;
use base64::Engine;
use serde_json::{json, Map, Value};

/// The label on everything a gateway is made of: its name.
pub(crate) const GATEWAY_LABEL: &str = "threescale-install/gateway";
/// The label of the deployment config: the environment it serves.
pub(crate) const ENVIRONMENT_LABEL: &str = "threescale-install/environment";
/// Annotations of the portal-endpoint secret.
pub(crate) const TOKEN_ID: &str = "threescale-install/access-token-id";
pub(crate) const TOKEN_NAME: &str = "threescale-install/access-token-name";
pub(crate) const TOKEN_MINTED: &str = "threescale-install/access-token-minted";
pub(crate) const PORTAL_CLUSTER: &str = "threescale-install/portal-cluster";
pub(crate) const PORTAL_PROJECT: &str = "threescale-install/portal-project";

/// The gateway template of the checkout.
pub(crate) const TEMPLATE: &str = "apicast-gateway/apicast.yml";
/// The service account the template's pods run as: it must list the pull secret.
pub(crate) const SERVICE_ACCOUNT: &str = "default";
/// The secret key the template reads `THREESCALE_PORTAL_ENDPOINT` from.
const ENDPOINT_KEY: &str = "password";

/// What a project is read for to see its gateways: every kind a gateway is made of, and the
/// service account the pods pull with.
pub(crate) fn resources() -> Vec<crate::templates::kinds::Resource> {
    use crate::templates::kinds::Resource;
    vec![
        Resource::of("DeploymentConfig", "apps.openshift.io/v1"),
        Resource::of("Service", "v1"),
        Resource::of("Route", "route.openshift.io/v1"),
        Resource::of("Secret", "v1"),
        Resource::of("ServiceAccount", "v1"),
    ]
}

/// The kinds a gateway is searched by (its label).
pub(crate) const LABELLED: &[&str] = &[
    "deploymentconfigs.apps.openshift.io",
    "services",
    "routes.route.openshift.io",
    "secrets",
];

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// `NAME-portal-endpoint`: the template's `CONFIGURATION_URL_SECRET`.
pub(crate) fn secret_name(gateway: &str) -> String {
    format!("{gateway}-portal-endpoint")
}

/// The route of a host: `GATEWAY-HOST-WITH-DASHES`, or a hash of the host when that is longer
/// than a DNS label.
pub(crate) fn route_name(gateway: &str, host: &str) -> String {
    let name = format!("{gateway}-{}", host.replace('.', "-"));
    if name.len() <= 63 {
        return name;
    }
    let hash = crate::paths::stable_hash(host);
    format!("{}-{hash}", &gateway[..gateway.len().min(62 - hash.len())])
}

/// The access token's name in 3scale: where the gateway is, so that a re-run finds it.
pub(crate) fn token_name(gateway: &str, project: &str, cluster: &str) -> String {
    let cluster = cluster.split_once("://").map_or(cluster, |(_, rest)| rest);
    let name = format!("threescale-install gateway {gateway} in {project} on {cluster}");
    name.chars().take(255).collect()
}

/// The labels of every object of the gateway.
pub(crate) fn labels(gateway: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert(MANAGED_BY.0.into(), json!(MANAGED_BY.1));
    m.insert(GATEWAY_LABEL.into(), json!(gateway));
    m
}

/// `THREESCALE_PORTAL_ENDPOINT`: the admin portal with the token as its user.
pub(crate) fn endpoint_url(token: &Secret, host: &str) -> Secret {
    Secret::new(format!("https://{}@{host}", token.expose()))
}

/// The token and the host of a `THREESCALE_PORTAL_ENDPOINT`.
pub(crate) fn parse_endpoint(url: &str) -> Option<(Secret, String)> {
    let rest = url.trim().strip_prefix("https://")?;
    let (token, host) = rest.split_once('@')?;
    let host = host.trim_end_matches('/');
    (!token.is_empty() && !host.is_empty() && !host.contains('/'))
        .then(|| (Secret::new(token), host.to_string()))
}

/// Which token a gateway was given, as its secret records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TokenRecord {
    pub(crate) id: Option<u64>,
    pub(crate) name: Option<String>,
    /// This tool minted it (and `gateway remove` revokes it).
    pub(crate) minted: bool,
}

/// Where the install is whose admin portal the gateway reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PortalRecord {
    /// The API server of the install's cluster.
    pub(crate) cluster: String,
    pub(crate) project: String,
}

/// The portal-endpoint secret's manifest (JSON), holding the token: for oc's stdin only.
pub(crate) fn endpoint_secret(
    gateway: &str,
    url: &Secret,
    token: &TokenRecord,
    portal: &PortalRecord,
) -> Secret {
    let mut annotations = Map::new();
    if let Some(id) = token.id {
        annotations.insert(TOKEN_ID.into(), json!(id.to_string()));
    }
    if let Some(n) = &token.name {
        annotations.insert(TOKEN_NAME.into(), json!(n));
    }
    annotations.insert(TOKEN_MINTED.into(), json!(token.minted.to_string()));
    annotations.insert(PORTAL_CLUSTER.into(), json!(portal.cluster));
    annotations.insert(PORTAL_PROJECT.into(), json!(portal.project));
    let secret = json!({
        "apiVersion": "v1",
        "kind": "Secret",
        // Red Hat's procedure creates it with --type=kubernetes.io/basic-auth.
        "type": "kubernetes.io/basic-auth",
        "metadata": {"name": secret_name(gateway), "labels": labels(gateway), "annotations": annotations},
        "data": {ENDPOINT_KEY: B64.encode(url.expose())},
    });
    Secret::new(secret.to_string())
}

/// An edge route for `host` to the gateway's proxy port.
pub(crate) fn route(gateway: &str, host: &str) -> Value {
    json!({
        "apiVersion": "route.openshift.io/v1",
        "kind": "Route",
        "metadata": {"name": route_name(gateway, host), "labels": labels(gateway)},
        "spec": {
            "host": host,
            "to": {"kind": "Service", "name": gateway, "weight": 100},
            "port": {"targetPort": "proxy"},
            "tls": {"termination": "edge", "insecureEdgeTerminationPolicy": "Redirect"},
            "wildcardPolicy": "None"
        }
    })
}

/// The parameters of the gateway template.
pub(crate) fn template_params(
    gateway: &str,
    environment: Environment,
    loader: Loader,
    cache: u32,
    image: Option<&str>,
) -> Vec<(String, String)> {
    let mut params = vec![
        ("APICAST_NAME".to_string(), gateway.to_string()),
        ("DEPLOYMENT_ENVIRONMENT".into(), environment.as_str().into()),
        ("CONFIGURATION_URL_SECRET".into(), secret_name(gateway)),
        ("CONFIGURATION_LOADER".into(), loader.as_str().into()),
        ("CONFIGURATION_CACHE".into(), cache.to_string()),
    ];
    if let Some(i) = image {
        params.push(("AMP_APICAST_IMAGE".into(), i.to_string()));
    }
    params
}

/// Labels the processed objects of the template as the gateway's (the deployment config also
/// with its environment).
pub(crate) fn label_objects(objects: &mut [Value], gateway: &str, environment: Environment) {
    for o in objects.iter_mut() {
        let labels = o["metadata"]["labels"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut merged = labels;
        merged.extend(labels_of_kind(gateway, o["kind"].as_str(), environment));
        o["metadata"]["labels"] = Value::Object(merged);
    }
}

fn labels_of_kind(
    gateway: &str,
    kind: Option<&str>,
    environment: Environment,
) -> Map<String, Value> {
    let mut l = labels(gateway);
    if kind == Some("DeploymentConfig") {
        l.insert(ENVIRONMENT_LABEL.into(), json!(environment.as_str()));
    }
    l
}

/// Whether an object carries the gateway's label.
pub(crate) fn is_of(o: &Value, gateway: &str) -> bool {
    o["metadata"]["labels"][GATEWAY_LABEL] == gateway
}

/// The gateway an object belongs to, by its label.
pub(crate) fn gateway_of(o: &Value) -> Option<&str> {
    o["metadata"]["labels"][GATEWAY_LABEL].as_str()
}

/// The names of the gateways among `objects`, in order of appearance.
pub(crate) fn names_in(objects: &[Value]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for n in objects.iter().filter_map(gateway_of) {
        if !names.iter().any(|m| m == n) {
            names.push(n.to_string());
        }
    }
    names
}

/// The portal-endpoint secret read back.
#[derive(Debug, Clone)]
pub(crate) struct EndpointSecret {
    pub(crate) name: String,
    /// The token and the admin host, when the secret holds a URL of that shape.
    pub(crate) endpoint: Option<(Secret, String)>,
    pub(crate) token: TokenRecord,
    pub(crate) portal: Option<PortalRecord>,
}

/// A gateway read back from its project.
#[derive(Debug, Clone)]
pub(crate) struct Observed {
    pub(crate) name: String,
    pub(crate) project: String,
    pub(crate) dc: Option<Value>,
    pub(crate) routes: Vec<Value>,
    pub(crate) secret: Option<EndpointSecret>,
    /// Every object carrying the gateway's label.
    pub(crate) objects: Vec<ObjectRef>,
}

impl Observed {
    /// Gateway `name` among a project's `objects`; the token of its secret is registered with
    /// the redactor as it is read.
    pub(crate) fn of(
        project: &str,
        name: &str,
        objects: &[Value],
        redactor: &Redactor,
    ) -> Observed {
        let ours = |kind: &'static str| {
            objects
                .iter()
                .filter(move |o| o["kind"] == kind && is_of(o, name))
        };
        let secret = ours("Secret")
            .find(|s| s["metadata"]["name"] == secret_name(name).as_str())
            .map(|s| read_secret(s, redactor));
        Observed {
            name: name.to_string(),
            project: project.to_string(),
            dc: ours("DeploymentConfig")
                .find(|d| d["metadata"]["name"] == name)
                .cloned(),
            routes: ours("Route").cloned().collect(),
            secret,
            objects: objects
                .iter()
                .filter(|o| is_of(o, name))
                .filter_map(ObjectRef::of_json)
                .collect(),
        }
    }

    fn env(&self, var: &str) -> Option<String> {
        let dc = self.dc.as_ref()?;
        dc["spec"]["template"]["spec"]["containers"]
            .as_array()?
            .iter()
            .flat_map(|c| c["env"].as_array().into_iter().flatten())
            .find(|e| e["name"] == var)
            .and_then(|e| e["value"].as_str())
            .map(str::to_string)
    }

    pub(crate) fn environment(&self) -> Option<Environment> {
        self.env("THREESCALE_DEPLOYMENT_ENV")
            .as_deref()
            .and_then(Environment::parse)
            .or_else(|| {
                self.dc.as_ref().and_then(|d| {
                    d["metadata"]["labels"][ENVIRONMENT_LABEL]
                        .as_str()
                        .and_then(Environment::parse)
                })
            })
    }

    pub(crate) fn loader(&self) -> Option<Loader> {
        self.env("APICAST_CONFIGURATION_LOADER")
            .as_deref()
            .and_then(Loader::parse)
    }

    pub(crate) fn cache(&self) -> Option<u32> {
        self.env("APICAST_CONFIGURATION_CACHE")
            .and_then(|c| c.trim().parse().ok())
    }

    /// The hosts of its routes, sorted.
    pub(crate) fn hosts(&self) -> Vec<String> {
        let mut hosts: Vec<String> = self
            .routes
            .iter()
            .filter_map(|r| r["spec"]["host"].as_str().map(str::to_string))
            .collect();
        hosts.sort();
        hosts.dedup();
        hosts
    }
}

fn read_secret(s: &Value, redactor: &Redactor) -> EndpointSecret {
    let annotation = |k: &str| s["metadata"]["annotations"][k].as_str().map(str::to_string);
    let endpoint = kube::parse::<SecretObject>(s)
        .value(ENDPOINT_KEY)
        .and_then(Result::ok)
        .and_then(|url| {
            redactor.add("PORTAL_ENDPOINT", &url);
            parse_endpoint(&url)
        });
    if let Some((token, _)) = &endpoint {
        redactor.add_secret("GATEWAY_ACCESS_TOKEN", token);
    }
    let portal = match (annotation(PORTAL_CLUSTER), annotation(PORTAL_PROJECT)) {
        (Some(cluster), Some(project)) => Some(PortalRecord { cluster, project }),
        _ => None,
    };
    EndpointSecret {
        name: s["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        endpoint,
        token: TokenRecord {
            id: annotation(TOKEN_ID).and_then(|i| i.parse().ok()),
            name: annotation(TOKEN_NAME),
            minted: annotation(TOKEN_MINTED).as_deref() == Some("true"),
        },
        portal,
    }
}

/// Whether the service account lists the pull secret for pulls.
pub(crate) fn pulls_with(service_account: &Value) -> bool {
    service_account["imagePullSecrets"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|s| s["name"] == pull_secret::NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_url_round_trips_and_is_refused_when_malformed() {
        let url = endpoint_url(&Secret::new("abc123abc123"), "3scale-admin.apps.x");
        assert_eq!(url.expose(), "https://abc123abc123@3scale-admin.apps.x");
        let (t, h) = parse_endpoint(url.expose()).unwrap();
        assert_eq!(
            (t.expose(), h.as_str()),
            ("abc123abc123", "3scale-admin.apps.x")
        );
        assert!(parse_endpoint("http://t@h").is_none());
        assert!(parse_endpoint("https://h/path").is_none());
    }

    #[test]
    fn names_fit_dns_labels() {
        assert_eq!(
            route_name("gw", "api.eu.example.com"),
            "gw-api-eu-example-com"
        );
        let long = route_name(&"g".repeat(63), &format!("{}.example.com", "h".repeat(50)));
        assert!(long.len() <= 63 && !long.ends_with('-'), "{long}");
        assert!(token_name("gw", "p", "https://api.x:6443").ends_with("gw in p on api.x:6443"));
    }

    #[test]
    fn a_secret_written_reads_back_with_its_token_registered() {
        let url = endpoint_url(&Secret::new("tok123tok123"), "admin.x");
        let m = endpoint_secret(
            "gw",
            &url,
            &TokenRecord {
                id: Some(7),
                name: Some("n".into()),
                minted: true,
            },
            &PortalRecord {
                cluster: "https://api.x:6443".into(),
                project: "3scale-apim".into(),
            },
        );
        assert!(!m.to_string().contains("tok123"));
        let value: Value = serde_json::from_str(m.expose()).unwrap();
        let r = Redactor::default();
        let o = Observed::of("p", "gw", &[value], &r);
        let s = o.secret.unwrap();
        assert_eq!(s.token.id, Some(7));
        assert!(s.token.minted);
        assert_eq!(s.endpoint.unwrap().1, "admin.x");
        assert_eq!(
            r.redact("x tok123tok123"),
            format!("x {}", crate::secrets::MASK)
        );
        assert_eq!(o.objects.len(), 1);
    }
}
