//! Why an oc call failed, as a type: decided once from what oc printed (its documented error
//! formats, `kubectl/pkg/cmd/util/helpers.go` `StandardErrorMessage`) or from what happened to
//! the process, so that callers match on a cause, never on message text.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cause {
    NotFound,
    Forbidden,
    /// Not logged in, or the session expired.
    Unauthorized,
    AlreadyExists,
    Conflict,
    Invalid,
    /// The server could not be reached: refused, DNS, TLS, EOF.
    Unreachable,
    /// The server answered 5xx or asked us to slow down.
    ServerError,
    /// oc's own request timeout (`--request-timeout`) passed.
    RequestTimeout,
    /// The kubeconfig or context is missing or wrong.
    Config,
    /// oc refused its arguments (an older oc without a flag we use).
    Usage,
    /// The cluster serves no such resource type (an API it does not have).
    NoSuchResource,
    /// oc did not finish before its deadline and was killed.
    Deadline,
    /// oc was ended by a signal that was not ours (out of memory, a killed session): what it
    /// was doing may or may not have happened.
    Killed,
    /// oc could not be started.
    NotStarted,
    Other,
}

impl Cause {
    /// A failure that may pass by itself: worth retrying a read, never a reason to blame input.
    pub(crate) fn is_transient(self) -> bool {
        matches!(
            self,
            Cause::Unreachable
                | Cause::ServerError
                | Cause::RequestTimeout
                | Cause::Deadline
                | Cause::Killed
        )
    }
}

/// A failed oc call: the command (secrets masked), the cause, and what oc said.
#[derive(Debug, Clone)]
pub(crate) struct OcError {
    pub(crate) command: String,
    pub(crate) cause: Cause,
    pub(crate) status: Option<i32>,
    /// What oc printed on stderr (or stdout when stderr was empty), redacted, without klog
    /// noise lines.
    pub(crate) message: String,
    /// Set when the process itself failed (not started, killed at its deadline).
    pub(crate) problem: Option<String>,
}

impl OcError {
    pub(crate) fn is_transient(&self) -> bool {
        self.cause.is_transient()
    }

    /// The failed lines of a call that reports one error per object (`oc create -f -` of a list).
    pub(crate) fn lines(&self) -> Vec<(Cause, &str)> {
        self.message
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| (classify(l), l.trim()))
            .collect()
    }

    /// What went wrong, in oc's words (or the process's), on one line: without the command.
    pub(crate) fn reason(&self) -> String {
        match &self.problem {
            Some(p) => format!("oc {p}"),
            None if self.message.is_empty() => "oc failed and said nothing".into(),
            None => self
                .message
                .lines()
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// A `help:` line for the causes every command shares.
    pub(crate) fn help(&self) -> Option<String> {
        Some(match self.cause {
            Cause::Unauthorized => {
                "your oc session is not logged in or has expired: run `oc login`, then run this again".into()
            }
            Cause::Unreachable | Cause::RequestTimeout => {
                "the API server cannot be reached: check the cluster URL (`oc whoami --show-server`), VPN and proxy, then run again".into()
            }
            Cause::ServerError => {
                "the API server kept failing; this usually passes: run the same command again".into()
            }
            Cause::Deadline => {
                "oc did not finish in time: check the connection to the cluster, or raise --oc-timeout".into()
            }
            Cause::Killed => {
                "oc was killed by a signal (out of memory?): run the same command again".into()
            }
            Cause::Forbidden => {
                "your user lacks a permission: ask a cluster or project admin for it, or run as a user who has it".into()
            }
            Cause::Config => {
                "check --kubeconfig (or KUBECONFIG) and --context: `oc config get-contexts` lists the contexts".into()
            }
            Cause::NotStarted => {
                "install the OpenShift CLI (oc), or pass its path with --oc".into()
            }
            _ => return None,
        })
    }
}

impl fmt::Display for OcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.problem, self.status) {
            (Some(p), _) => write!(f, "`{}` {p}", self.command),
            (None, Some(code)) => write!(f, "`{}` failed (exit status {code})", self.command),
            (None, None) => write!(f, "`{}` was killed by a signal", self.command),
        }?;
        // oc says a refusal once per object sent; the same words twice say nothing more.
        let mut said: Vec<&str> = Vec::new();
        for line in self.message.lines() {
            if !said.contains(&line) {
                write!(f, "\n    {line}")?;
                said.push(line);
            }
        }
        Ok(())
    }
}

impl std::error::Error for OcError {}

/// client-go's klog lines (`E1202 04:01:05.123456   12345 memcache.go:265] ...`): noise
/// before the message that matters.
pub(crate) fn is_klog_line(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(chars.next(), Some('E' | 'W' | 'I' | 'F'))
        && line.len() > 5
        && line[1..5].chars().all(|c| c.is_ascii_digit())
        && line.contains(".go:")
        && line.contains("] ")
}

/// What oc printed, without klog noise: the lines a person should read.
pub(crate) fn meaningful(text: &str) -> String {
    let kept: Vec<&str> = text.lines().filter(|l| !is_klog_line(l)).collect();
    let kept = if kept.iter().all(|l| l.trim().is_empty()) {
        // Only noise: its last line is the best there is.
        text.lines().last().into_iter().collect()
    } else {
        kept
    };
    kept.join("\n").trim().to_string()
}

/// The cause of the last error line oc printed.
pub(crate) fn classify_output(text: &str) -> Cause {
    text.lines()
        .rev()
        .filter(|l| !l.trim().is_empty())
        .map(classify)
        .find(|c| *c != Cause::Other)
        .unwrap_or(Cause::Other)
}

/// The cause of one line, in oc's formats.
pub(crate) fn classify(line: &str) -> Cause {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix("Error from server (") {
        let reason = rest.split_once(')').map(|(r, _)| r).unwrap_or("");
        return match reason {
            "NotFound" => Cause::NotFound,
            "Forbidden" => Cause::Forbidden,
            "AlreadyExists" => Cause::AlreadyExists,
            "Conflict" => Cause::Conflict,
            "Invalid" | "BadRequest" => Cause::Invalid,
            "Unauthorized" => Cause::Unauthorized,
            "InternalError" | "ServiceUnavailable" | "ServerTimeout" | "Timeout"
            | "TooManyRequests" => Cause::ServerError,
            _ => Cause::Other,
        };
    }
    // oc 4.13 also says `error: unable to process template: Unauthorized` and `error: unable to
    // determine console location: Unauthorized` for a rejected token.
    if line.contains("You must be logged in to the server")
        || line.contains("User \"system:anonymous\" cannot")
        || line.contains("Please login or point to an existing, complete config file")
        || line.contains("the server has asked for the client to provide credentials")
        || (line.starts_with("error: ") && line.ends_with(": Unauthorized"))
    {
        return Cause::Unauthorized;
    }
    // `--context nosuch`: `error: context "nosuch" does not exist` (whoami, get with -n), or
    // `context was not found for specified context: nosuch`.
    let missing_context = line
        .strip_prefix("error: context \"")
        .is_some_and(|rest| rest.ends_with("\" does not exist"));
    if line.starts_with("Error in configuration:")
        || missing_context
        || line.contains("context was not found for specified context")
        || (line.starts_with("error: stat ") && line.ends_with("no such file or directory"))
        || line.contains("error loading config file")
    {
        return Cause::Config;
    }
    // Also inside other messages: `error: unable to determine console location: the server is
    // currently unable to handle the request` (oc whoami --show-console on a 503).
    if line.contains("the server is currently unable to handle the request")
        || line.contains("an error on the server")
        || line.contains("the server has received too many requests")
        || line.contains("etcdserver: request timed out")
        || line.contains("etcdserver: leader changed")
    {
        return Cause::ServerError;
    }
    if line.contains("Client.Timeout exceeded") || line.contains("context deadline exceeded") {
        return Cause::RequestTimeout;
    }
    // Also inside the messages of writes and template processing: `error when creating
    // "STDIN": Post "https://…": dial tcp …: connect: connection refused`.
    if line.contains("was refused - did you specify the right host or port")
        || line.starts_with("Unable to connect to the server")
        || line.contains(": connect: connection refused")
        || (line.contains("dial tcp")
            && (line.contains("no such host")
                || line.contains("no route to host")
                || line.contains("network is unreachable")))
        || line.contains("connection reset by peer")
        || line.contains("i/o timeout")
        || line.contains("TLS handshake timeout")
        || line.ends_with(": EOF")
    {
        return Cause::Unreachable;
    }
    if line.contains(" already exists") && line.starts_with("Error from server") {
        return Cause::AlreadyExists;
    }
    if line.contains("is invalid:") {
        return Cause::Invalid;
    }
    // `oc get` of a type the cluster does not serve, or `oc create` of a kind it does not know
    // (kubectl's resource mapping).
    if line.starts_with("error: the server doesn't have a resource type")
        || line.contains("no matches for kind")
    {
        return Cause::NoSuchResource;
    }
    if line.contains("unknown flag") || line.contains("unknown shorthand flag") {
        return Cause::Usage;
    }
    Cause::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_oc_repeats_per_object_is_shown_once() {
        let line = "error: You must be logged in to the server (error when creating \"STDIN\": Unauthorized)";
        let e = OcError {
            command: "oc create -f -".into(),
            cause: Cause::Unauthorized,
            status: Some(1),
            message: format!("{line}\n{line}\nError from server (AlreadyExists): x\n{line}"),
            problem: None,
        };
        let shown = e.to_string();
        assert_eq!(shown.matches("Unauthorized").count(), 1, "{shown}");
        assert!(shown.contains("AlreadyExists"), "{shown}");
    }

    #[test]
    fn causes_follow_oc_formats() {
        let cases = [
            ("Error from server (Forbidden): You may not request a new project via this API.", Cause::Forbidden),
            ("Error from server (NotFound): secrets \"x\" not found", Cause::NotFound),
            ("Error from server (AlreadyExists): error when creating \"STDIN\": serviceaccounts \"amp\" already exists", Cause::AlreadyExists),
            ("Error from server (ServiceUnavailable): the server is currently unable to handle the request", Cause::ServerError),
            ("Error from server (InternalError): an error on the server (\"\") has prevented the request from succeeding", Cause::ServerError),
            ("error: You must be logged in to the server (Unauthorized)", Cause::Unauthorized),
            ("The connection to the server api.x:6443 was refused - did you specify the right host or port?", Cause::Unreachable),
            ("Unable to connect to the server: EOF", Cause::Unreachable),
            ("Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)", Cause::RequestTimeout),
            ("error: stat /nonexistent: no such file or directory", Cause::Config),
            ("Error in configuration: context was not found for specified context: nosuch", Cause::Config),
            ("error: unknown shorthand flag: 'o' in -o", Cause::Usage),
            ("error: the server doesn't have a resource type \"grafanadashboards.integreatly.org\"", Cause::NoSuchResource),
            ("error: resource mapping not found for name: \"x\" namespace: \"\" from \"STDIN\": no matches for kind \"PodMonitor\" in version \"monitoring.coreos.com/v1\"", Cause::NoSuchResource),
            ("error: unable to determine console location: the server is currently unable to handle the request", Cause::ServerError),
            ("error: unable to process template: etcdserver: request timed out", Cause::ServerError),
            // What the real oc 4.13 prints (the reality tier's fake_oc cases record it).
            ("error: context \"nosuch\" does not exist", Cause::Config),
            ("error: unable to process template: Unauthorized", Cause::Unauthorized),
            ("error: unable to determine console location: Unauthorized", Cause::Unauthorized),
            ("error: You must be logged in to the server (the server has asked for the client to provide credentials)", Cause::Unauthorized),
            ("error when creating \"STDIN\": Post \"https://127.0.0.1:6443/api/v1/namespaces/p/secrets?fieldManager=kubectl-create&fieldValidation=Ignore\": dial tcp 127.0.0.1:6443: connect: connection refused", Cause::Unreachable),
            ("error: unable to process template: Post \"https://127.0.0.1:6443/apis/template.openshift.io/v1/namespaces/p/processedtemplates\": dial tcp 127.0.0.1:6443: connect: connection refused", Cause::Unreachable),
            ("error: unable to recognize \"STDIN\": Get \"https://api.example.com:6443/api?timeout=32s\": dial tcp: lookup api.example.com: no such host", Cause::Unreachable),
            ("something else", Cause::Other),
        ];
        for (line, cause) in cases {
            assert_eq!(classify(line), cause, "{line}");
        }
    }

    #[test]
    fn klog_noise_is_dropped_and_the_last_error_decides() {
        let stderr = "E1202 04:01:05.123456   12345 memcache.go:265] couldn't get current server API group list: Get \"https://x/api\": EOF\nThe connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?\n";
        assert!(is_klog_line(stderr.lines().next().unwrap()));
        assert_eq!(
            meaningful(stderr),
            "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?"
        );
        assert_eq!(classify_output(stderr), Cause::Unreachable);
    }
}
