//! How oc 4.13 fails when the API server refuses connections (`unreachable`) or turns the token
//! away (401, `token_rejected` or no user), as the real client prints it: what it says depends on
//! the command and on client-go's discovery cache (`~/.kube/cache/discovery/HOST_PORT`). Without
//! a cache, or for a resource named `plural.group.with.dots` (which client-go first reads as
//! `resource.version.group`, misses, and rediscovers), discovery itself fails first and its
//! memory cache logs `memcache.go:238` lines; with one, the request fails on its own. Checked
//! against the real oc by the reality tier (tests/reality/cases/fake_oc.rs).

use crate::state::State;
use crate::{Args, Outcome};
use serde_json::Value;
use std::path::PathBuf;

/// What a command asks the server, as far as its failures differ.
pub enum Call<'a> {
    Whoami,
    Console,
    Version,
    NewProject,
    /// `oc get TYPES [NAME]`.
    Get {
        types: Vec<&'a str>,
        named: bool,
    },
    CanI {
        resource: &'a str,
    },
    /// `oc create|replace -f -` of these objects.
    Write {
        items: &'a [Value],
        namespace: &'a str,
        replace: bool,
    },
    Process {
        file: &'a str,
        namespace: &'a str,
    },
    /// `oc delete TYPE/NAME...` (how many).
    DeleteNamed {
        count: usize,
        qualified: bool,
    },
    DeleteProject,
    Logs,
}

impl Call<'_> {
    /// Whether the command resolves resource names through discovery.
    fn discovers(&self) -> bool {
        !matches!(
            self,
            Call::Whoami | Call::Console | Call::Version | Call::NewProject
        )
    }

    /// Whether it names a resource as `plural.group.with.dots`.
    fn qualified(&self) -> bool {
        let dotted = |r: &str| r.matches('.').count() >= 2;
        match self {
            Call::Get { types, .. } => types.iter().any(|t| dotted(t)),
            Call::CanI { resource } => dotted(resource),
            Call::DeleteNamed { qualified, .. } => *qualified,
            _ => false,
        }
    }
}

/// `127.0.0.1:6443` of `https://127.0.0.1:6443`.
fn host(st: &State) -> &str {
    st.server
        .trim_start_matches("https://")
        .trim_start_matches("http://")
}

/// The discovery cache directory client-go keeps for this server under HOME.
fn cache_dir(st: &State) -> Option<PathBuf> {
    let home = std::env::var_os("HOME")?;
    let safe: String = host(st)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "_/.()".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Some(PathBuf::from(home).join(".kube/cache/discovery").join(safe))
}

fn cache_is_warm(st: &State) -> bool {
    cache_dir(st).is_some_and(|d| {
        d.join("servergroups.json").is_file() || d.join("fake-oc-discovery").is_file()
    })
}

/// Notes that discovery succeeded (a command that discovers reached the server and was let in).
pub fn discovered(st: &State) {
    if let Some(dir) = cache_dir(st) {
        if std::fs::create_dir_all(&dir).is_ok() {
            let _ = std::fs::write(dir.join("fake-oc-discovery"), "");
        }
    }
}

/// `--request-timeout` as Go prints a duration (`60s` → `1m0s`); client-go's discovery asks
/// with 32s when none is given.
fn timeout(args: &Args) -> Option<String> {
    let raw = args.flag("--request-timeout")?;
    let (digits, unit) = raw.split_at(raw.find(|c: char| !c.is_ascii_digit())?);
    let n: u64 = digits.parse().ok()?;
    let secs = match unit {
        "s" | "" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => return None,
    };
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    Some(if h > 0 {
        format!("{h}h{m}m{s}s")
    } else if m > 0 {
        format!("{m}m{s}s")
    } else {
        format!("{s}s")
    })
}

/// The failure of `call`, when the cluster cannot answer it; None when it can.
pub fn failure(st: &State, args: &Args, call: Call) -> Option<Outcome> {
    let refused = st.unreachable;
    if !refused && !st.unauthorized() {
        if call.discovers() {
            discovered(st);
        }
        return None;
    }
    let h = host(st).to_string();
    let t = timeout(args);
    let query = |first: bool| match &t {
        Some(t) if first => format!("?timeout={t}"),
        Some(t) => format!("&timeout={t}"),
        None => String::new(),
    };
    let dial = format!("dial tcp {h}: connect: connection refused");
    let refused_line = format!(
        "The connection to the server {h} was refused - did you specify the right host or port?\n"
    );
    let logged_out = "error: You must be logged in to the server (Unauthorized)\n".to_string();
    let cause = if refused {
        format!(
            "Get \"https://{h}/api?timeout={}\": {dial}",
            t.as_deref().unwrap_or("32s")
        )
    } else {
        "the server has asked for the client to provide credentials".to_string()
    };
    let memcache = |n: usize| {
        (0..n)
            .map(|_| {
                format!(
                    "{}memcache.go:238] couldn't get current server API group list: {cause}\n",
                    crate::clock::klog_header('E')
                )
            })
            .collect::<String>()
    };
    // What the request itself says once it is sent.
    let request_failed = if refused {
        refused_line.clone()
    } else {
        logged_out.clone()
    };
    let cold = call.discovers() && (!cache_is_warm(st) || call.qualified());
    let err = |stderr: String| Outcome {
        stdout: String::new(),
        stderr,
        code: 1,
    };
    let no_credentials =
        "error: You must be logged in to the server (the server has asked for the client to provide credentials)\n";
    let after_discovery = if refused {
        refused_line.clone()
    } else {
        no_credentials.to_string()
    };
    Some(match call {
        Call::Whoami | Call::NewProject => err(request_failed),
        Call::Console => err(if refused {
            format!(
                "error: unable to determine console location: Get \"https://{h}/api/v1/namespaces/openshift-config-managed/configmaps/console-public{}\": {dial}\n",
                query(true)
            )
        } else {
            "error: unable to determine console location: Unauthorized\n".to_string()
        }),
        Call::Version => Outcome {
            stdout: crate::commands::client_version_json(false),
            stderr: request_failed,
            code: 1,
        },
        Call::Get { types, .. } if cold => err(memcache(4 + types.len()) + &after_discovery),
        Call::Get { types, named } => Outcome {
            stdout: if named || args.flag("--output") != Some("json") {
                String::new()
            } else {
                crate::commands::empty_list_json()
            },
            stderr: request_failed.repeat(if named { 1 } else { types.len() }),
            code: 1,
        },
        Call::CanI { resource } if cold => {
            let (plural, group) = resource.split_once('.').unwrap_or((resource, ""));
            let warning = if group.is_empty() {
                format!("Warning: the server doesn't have a resource type '{plural}'\n\n")
            } else {
                format!(
                    "Warning: the server doesn't have a resource type '{plural}' in group '{group}'\n\n"
                )
            };
            let lines = if group.contains('.') { 4 } else { 2 };
            err(memcache(lines) + &warning + &request_failed)
        }
        Call::CanI { .. } => err(request_failed),
        Call::Write { .. } | Call::Process { .. } if cold => {
            let what = match &call {
                Call::Process { file, .. } => {
                    format!("error: failed to read input object (not a Template?): unable to recognize \"{file}\"")
                }
                _ => "error: unable to recognize \"STDIN\"".to_string(),
            };
            err(memcache(1) + &format!("{what}: {cause}\n"))
        }
        Call::Write {
            items,
            namespace,
            replace,
        } => {
            let (verb, method, manager) = if replace {
                ("replacing", "Put", "kubectl-replace")
            } else {
                ("creating", "Post", "kubectl-create")
            };
            let mut stderr = String::new();
            for item in items {
                if refused {
                    let rt = crate::resources::by_kind(item["kind"].as_str().unwrap_or_default());
                    let base = match rt {
                        Some(rt) if rt.group.is_empty() => "/api/v1".to_string(),
                        Some(rt) => format!("/apis/{}", rt.api_version),
                        None => "/api/v1".to_string(),
                    };
                    let plural = rt.map(|r| r.plural).unwrap_or("objects");
                    let name = if replace {
                        format!("/{}", item["metadata"]["name"].as_str().unwrap_or_default())
                    } else {
                        String::new()
                    };
                    stderr.push_str(&format!(
                        "error when {verb} \"STDIN\": {method} \"https://{h}{base}/namespaces/{namespace}/{plural}{name}?fieldManager={manager}&fieldValidation=Ignore{}\": {dial}\n",
                        query(false)
                    ));
                } else {
                    stderr.push_str(&format!(
                        "error: You must be logged in to the server (error when {verb} \"STDIN\": Unauthorized)\n"
                    ));
                }
            }
            err(stderr)
        }
        Call::Process { namespace, .. } => err(if refused {
            format!(
                "error: unable to process template: Post \"https://{h}/apis/template.openshift.io/v1/namespaces/{namespace}/processedtemplates{}\": {dial}\n",
                query(true)
            )
        } else {
            "error: unable to process template: Unauthorized\n".to_string()
        }),
        Call::DeleteNamed { .. } | Call::DeleteProject | Call::Logs if cold => {
            let lines = match call {
                Call::DeleteProject => 5,
                _ => 4,
            };
            err(memcache(lines) + &after_discovery)
        }
        Call::DeleteNamed { count, .. } => err(request_failed.repeat(count)),
        Call::DeleteProject | Call::Logs => err(request_failed),
    })
}
