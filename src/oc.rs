//! The only place that spawns `oc`. Typed calls, separate stdout/stderr, a deadline per call, and
//! errors that carry the (redacted) command and what oc printed.

use crate::secrets::Redactor;
use crate::transcript::Transcript;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// oc's own per-request timeout; a request slower than this fails instead of hanging.
const REQUEST_TIMEOUT: &str = "--request-timeout=60s";
/// Retries of a read-only call that failed transiently (connection refused, 5xx, timeout).
const READ_RETRIES: u32 = 3;

pub type CommandLog = Arc<dyn Fn(&str) + Send + Sync>;

/// How long calls may take and how retries wait.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Process deadline of one call (`--oc-timeout`); `new-app` creates ~66 objects.
    pub call_deadline: Duration,
    /// First wait before retrying a transient read failure; doubles each time, at most 2 s.
    pub retry_backoff: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            call_deadline: Duration::from_secs(600),
            retry_backoff: Duration::from_millis(500),
        }
    }
}

/// What a call does, which decides whether a transient failure may be retried and whether its
/// output may be logged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Call {
    Read,
    /// A read whose stdout holds secret data: never logged.
    ReadSecret,
    /// A change: never retried blindly; the caller re-observes.
    Write,
}

pub struct Oc {
    program: PathBuf,
    global_args: Vec<String>,
    redactor: Redactor,
    on_command: Option<CommandLog>,
    timing: Timing,
    transcript: Option<Arc<Transcript>>,
}

/// Why an oc call failed.
#[derive(Debug)]
pub struct OcError {
    /// The command line, secrets masked.
    pub command: String,
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// Set when oc could not be started or was killed at its deadline.
    pub problem: Option<String>,
}

impl OcError {
    /// The reason of oc's `Error from server (<Reason>): ...` line, e.g. `Forbidden`, `NotFound`.
    pub fn reason(&self) -> Option<&str> {
        self.stderr.lines().rev().find_map(|line| {
            let rest = line.trim().strip_prefix("Error from server (")?;
            rest.split_once(')').map(|(reason, _)| reason)
        })
    }

    /// The last meaningful line oc printed: newer oc prints klog noise before the message.
    pub fn message(&self) -> String {
        let text = if self.stderr.trim().is_empty() {
            &self.stdout
        } else {
            &self.stderr
        };
        text.trim().to_string()
    }

    /// A failure worth retrying a read for: the API server refused, timed out, or failed (5xx).
    pub fn is_transient(&self) -> bool {
        let msg = self.message();
        let last = msg.lines().last().unwrap_or("");
        matches!(
            self.reason(),
            Some(
                "InternalError"
                    | "ServiceUnavailable"
                    | "Timeout"
                    | "ServerTimeout"
                    | "TooManyRequests"
            )
        ) || last.contains("was refused")
            || last.contains("i/o timeout")
            || last.contains("TLS handshake timeout")
            || last.contains("Client.Timeout exceeded")
            || last.contains("connection reset by peer")
    }

    /// A `help:` line for the failures every command shares (login, connection).
    pub fn common_help(&self) -> Option<String> {
        let msg = self.message();
        if msg.contains("You must be logged in") || msg.contains("system:anonymous") {
            Some("your oc session is not logged in or has expired: run `oc login` first".into())
        } else if msg.contains("was refused") || msg.contains("Unable to connect to the server") {
            Some("the API server cannot be reached: check the cluster URL (`oc whoami --show-server`), VPN and proxy".into())
        } else if self.reason() == Some("Forbidden") {
            Some("your user lacks a permission: ask a cluster or project admin for it, or run as a user who has it".into())
        } else {
            None
        }
    }
}

impl fmt::Display for OcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.problem, self.status) {
            (Some(p), _) => write!(f, "`{}` {p}", self.command),
            (None, Some(code)) => write!(f, "`{}` failed (exit status {code})", self.command),
            (None, None) => write!(f, "`{}` was killed by a signal", self.command),
        }?;
        let msg = self.message();
        if !msg.is_empty() {
            write!(f, ":\n{}", indent(&msg))?;
        }
        Ok(())
    }
}

impl std::error::Error for OcError {}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The parts of `oc version -o json` we use.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    #[serde(default)]
    pub openshift_version: Option<String>,
    #[serde(default)]
    pub server_version: Option<KubeVersion>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KubeVersion {
    #[serde(default)]
    pub git_version: String,
    #[serde(default)]
    pub minor: String,
}

/// A Kubernetes `List` as `oc get -o json` prints it.
#[derive(Debug, Deserialize)]
pub struct List<T> {
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
}

impl Oc {
    /// Finds oc: the explicit path if given (must exist), else `oc` on PATH.
    pub fn locate(explicit: Option<&Path>) -> Result<PathBuf, String> {
        match explicit {
            Some(path) if path.is_file() => Ok(path.to_path_buf()),
            Some(path) if path.components().count() == 1 => {
                which::which(path).map_err(|_| format!("{} was not found on PATH", path.display()))
            }
            Some(path) => Err(format!(
                "{} does not exist or is not a file",
                path.display()
            )),
            None => which::which("oc").map_err(|_| "oc was not found on PATH".to_string()),
        }
    }

    pub fn new(
        program: PathBuf,
        kubeconfig: Option<&Path>,
        context: Option<&str>,
        redactor: Redactor,
    ) -> Self {
        let mut global_args = Vec::new();
        if let Some(k) = kubeconfig {
            global_args.push(format!("--kubeconfig={}", k.display()));
        }
        if let Some(c) = context {
            global_args.push(format!("--context={c}"));
        }
        Oc {
            program,
            global_args,
            redactor,
            on_command: None,
            timing: Timing::default(),
            transcript: None,
        }
    }

    pub fn set_timing(&mut self, timing: Timing) {
        self.timing = timing;
    }

    /// Every call is also written to the transcript.
    pub fn set_transcript(&mut self, transcript: Arc<Transcript>) {
        self.transcript = Some(transcript);
    }

    pub fn program(&self) -> &Path {
        &self.program
    }

    /// Called with each command line (redacted) before it runs: verbose output.
    pub fn set_command_log(&mut self, log: CommandLog) {
        self.on_command = Some(log);
    }

    fn command_line(&self, args: &[String]) -> String {
        self.redactor.redact(&format!("oc {}", args.join(" ")))
    }

    /// Runs a change: oc with `args` (after the global flags) and optional stdin; Ok only for exit
    /// 0. Never retried.
    pub fn run(&self, args: &[&str], stdin: Option<&[u8]>) -> Result<String, OcError> {
        self.checked(args, stdin, Call::Write)
    }

    /// Runs a read-only call, retrying transient failures with backoff.
    fn read(&self, args: &[&str]) -> Result<String, OcError> {
        self.checked(args, None, Call::Read)
    }

    fn checked(&self, args: &[&str], stdin: Option<&[u8]>, call: Call) -> Result<String, OcError> {
        let out = self.run_unchecked(args, stdin, call)?;
        if out.status == Some(0) {
            Ok(out.stdout)
        } else {
            Err(out)
        }
    }

    /// Runs oc and returns whatever happened as an `OcError`-shaped record (status may be 0).
    fn run_unchecked(
        &self,
        args: &[&str],
        stdin: Option<&[u8]>,
        call: Call,
    ) -> Result<OcError, OcError> {
        let (mut record, stdout) = self.exec(args, stdin, call)?;
        record.stdout = self.redactor.redact(&String::from_utf8_lossy(&stdout));
        Ok(record)
    }

    /// Runs oc under the call deadline; read-only calls that fail transiently are run again after
    /// a backoff. The record has stderr redacted and stdout empty; stdout comes back raw beside
    /// it, for the callers that read secrets.
    fn exec(
        &self,
        args: &[&str],
        stdin: Option<&[u8]>,
        call: Call,
    ) -> Result<(OcError, Vec<u8>), OcError> {
        let mut attempt = 0;
        loop {
            let result = self.exec_once(args, stdin, call);
            let transient = match &result {
                Ok((record, _)) => record.status != Some(0) && record.is_transient(),
                Err(record) => record
                    .problem
                    .as_deref()
                    .is_some_and(|p| p.contains("did not finish")),
            };
            if call == Call::Write || !transient || attempt >= READ_RETRIES {
                return result;
            }
            let wait = (self.timing.retry_backoff * 2u32.pow(attempt)).min(Duration::from_secs(2));
            if let Some(t) = &self.transcript {
                t.note(&format!(
                    "transient failure; retry {} of {READ_RETRIES} in {} ms",
                    attempt + 1,
                    wait.as_millis()
                ));
            }
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn exec_once(
        &self,
        args: &[&str],
        stdin: Option<&[u8]>,
        call: Call,
    ) -> Result<(OcError, Vec<u8>), OcError> {
        let mut full: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        full.extend(self.global_args.iter().cloned());
        full.push(REQUEST_TIMEOUT.to_string());
        let command = self.command_line(&full);
        if let Some(log) = &self.on_command {
            log(&command);
        }
        let started = Instant::now();
        let mut record = OcError {
            command,
            status: None,
            stdout: String::new(),
            stderr: String::new(),
            problem: None,
        };
        // oc has no use for the secrets of our own environment; keep them out of its.
        let mut expr = duct::cmd(&self.program, &full)
            .env_remove(crate::answers::PASSWORD_ENV)
            .env_remove(crate::answers::AWS_SECRET_ENV)
            .stdout_capture()
            .stderr_capture()
            .unchecked();
        expr = match stdin {
            Some(bytes) => expr.stdin_bytes(bytes.to_vec()),
            None => expr.stdin_null(),
        };
        let finish = |record: &OcError, stdout: Option<&str>, raw_stderr: &str| {
            if let Some(t) = &self.transcript {
                let status = match (&record.problem, record.status) {
                    (Some(p), _) => p.clone(),
                    (None, Some(code)) => format!("exit {code}"),
                    (None, None) => "killed by a signal".into(),
                };
                let argv = format!("oc {}", full.join(" "));
                t.call(
                    &argv,
                    &status,
                    started.elapsed(),
                    if call == Call::ReadSecret {
                        None
                    } else {
                        stdout
                    },
                    raw_stderr,
                );
            }
        };
        let handle = match expr.start() {
            Ok(h) => h,
            Err(e) => {
                record.problem = Some(format!("could not be started: {e}"));
                finish(&record, Some(""), "");
                return Err(record);
            }
        };
        let pids = handle.pids();
        pids.iter()
            .for_each(|p| crate::interrupt::child_started(*p));
        let waited = handle.wait_timeout(self.timing.call_deadline);
        if matches!(waited, Ok(None)) {
            let _ = handle.kill();
        }
        pids.iter()
            .for_each(|p| crate::interrupt::child_finished(*p));
        let output = match waited {
            Ok(Some(output)) => output.clone(),
            Ok(None) => {
                record.problem = Some(format!(
                    "did not finish within {} and was stopped",
                    describe(self.timing.call_deadline)
                ));
                finish(&record, Some(""), "");
                return Err(record);
            }
            Err(e) => {
                record.problem = Some(format!("could not be waited for: {e}"));
                finish(&record, Some(""), "");
                return Err(record);
            }
        };
        let stdout_text = String::from_utf8_lossy(&output.stdout);
        // new-app prints the values it generated: they are secrets from now on.
        for (label, value) in generated_values(&stdout_text) {
            self.redactor.add_named(&label, &value);
        }
        record.status = output.status.code();
        let raw_stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        record.stderr = self.redactor.redact(&raw_stderr);
        finish(&record, Some(&stdout_text), &raw_stderr);
        Ok((record, output.stdout))
    }

    pub fn whoami(&self) -> Result<String, OcError> {
        Ok(self.read(&["whoami"])?.trim().to_string())
    }

    /// The API server URL of the current context (oc does not contact the server for this).
    pub fn server_url(&self) -> Result<String, OcError> {
        Ok(self
            .run(&["whoami", "--show-server"], None)?
            .trim()
            .to_string())
    }

    /// `oc version -o json`; on a 3.11 client (no `-o`), the plain text is parsed instead.
    pub fn version(&self) -> Result<VersionInfo, OcError> {
        match self.read(&["version", "-o", "json"]) {
            Ok(json) => {
                serde_json::from_str(&json).map_err(|e| self.parse_error("oc version -o json", e))
            }
            Err(e) if e.message().contains("unknown shorthand flag") => {
                let text = self.read(&["version"])?;
                Ok(parse_plain_version(&text))
            }
            Err(e) => Err(e),
        }
    }

    fn parse_error(&self, what: &str, e: impl fmt::Display) -> OcError {
        OcError {
            command: what.to_string(),
            status: Some(0),
            stdout: String::new(),
            stderr: String::new(),
            problem: Some(format!("printed JSON we could not read: {e}")),
        }
    }

    fn ns_args<'a>(args: &mut Vec<&'a str>, namespace: Option<&'a str>) {
        if let Some(ns) = namespace {
            args.push("-n");
            args.push(ns);
        }
    }

    /// One object as JSON, or `None` when it does not exist.
    pub fn get<T: DeserializeOwned>(
        &self,
        resource: &str,
        name: &str,
        namespace: Option<&str>,
    ) -> Result<Option<T>, OcError> {
        let mut args = vec!["get", resource, name, "-o", "json", "--ignore-not-found"];
        Self::ns_args(&mut args, namespace);
        let out = self.read(&args)?;
        if out.trim().is_empty() {
            return Ok(None);
        }
        serde_json::from_str(&out)
            .map(Some)
            .map_err(|e| self.parse_error(&format!("oc get {resource} {name}"), e))
    }

    /// A secret read without redaction, for the values the installer must show or store.
    pub fn get_secret_raw<T: DeserializeOwned>(
        &self,
        name: &str,
        namespace: &str,
    ) -> Result<Option<T>, OcError> {
        let (record, out) = self.exec(
            &[
                "get",
                "secret",
                name,
                "-o",
                "json",
                "--ignore-not-found",
                "-n",
                namespace,
            ],
            None,
            Call::ReadSecret,
        )?;
        if record.status != Some(0) {
            return Err(record);
        }
        if out.iter().all(|b| b.is_ascii_whitespace()) {
            return Ok(None);
        }
        serde_json::from_slice(&out)
            .map(Some)
            .map_err(|e| self.parse_error(&format!("oc get secret {name}"), e))
    }

    /// Every object of the comma-separated `types`, optionally filtered by a label selector.
    pub fn list<T: DeserializeOwned>(
        &self,
        types: &str,
        namespace: Option<&str>,
        selector: Option<&str>,
    ) -> Result<Vec<T>, OcError> {
        let mut args = vec!["get", types, "-o", "json"];
        if let Some(s) = selector {
            args.push("-l");
            args.push(s);
        }
        Self::ns_args(&mut args, namespace);
        let out = self.read(&args)?;
        serde_json::from_str::<List<T>>(&out)
            .map(|l| l.items)
            .map_err(|e| self.parse_error(&format!("oc get {types}"), e))
    }

    /// Like `list`, for lists that hold secret data (never logged, never redacted).
    pub fn list_private<T: DeserializeOwned>(
        &self,
        types: &str,
        namespace: &str,
    ) -> Result<Vec<T>, OcError> {
        let (record, out) = self.exec(
            &["get", types, "-o", "json", "-n", namespace],
            None,
            Call::ReadSecret,
        )?;
        if record.status != Some(0) {
            return Err(record);
        }
        serde_json::from_slice::<List<T>>(&out)
            .map(|l| l.items)
            .map_err(|e| self.parse_error(&format!("oc get {types}"), e))
    }

    /// A single field with jsonpath (no trailing newline in oc's output).
    pub fn jsonpath(&self, resource: &str, name: &str, path: &str) -> Result<String, OcError> {
        let expr = format!("jsonpath={path}");
        Ok(self
            .read(&["get", resource, name, "-o", &expr])?
            .trim()
            .to_string())
    }

    /// `oc auth can-i`: yes → true; no (exit 1 with `no` on stdout) → false.
    pub fn can_i(
        &self,
        verb: &str,
        resource: &str,
        namespace: Option<&str>,
    ) -> Result<bool, OcError> {
        let mut args = vec!["auth", "can-i", verb, resource];
        Self::ns_args(&mut args, namespace);
        let out = self.run_unchecked(&args, None, Call::Read)?;
        match (
            out.status,
            out.stdout.trim_start().starts_with("yes"),
            out.stdout.trim_start().starts_with("no"),
        ) {
            (Some(0), true, _) => Ok(true),
            (Some(1), _, true) => Ok(false),
            _ => Err(out),
        }
    }

    /// Creates a project without switching the user's current project in their kubeconfig.
    pub fn new_project(&self, name: &str, display_name: &str) -> Result<String, OcError> {
        self.run_args(&new_project_args(name, display_name), None)
    }

    /// `oc create -f -` with the manifest on stdin.
    pub fn create(&self, manifest: &[u8], namespace: &str) -> Result<String, OcError> {
        self.run_args(&create_args(namespace), Some(manifest))
    }

    /// `oc replace -f -` with the manifest on stdin.
    pub fn replace(&self, manifest: &[u8], namespace: &str) -> Result<String, OcError> {
        self.run_args(&replace_args(namespace), Some(manifest))
    }

    /// `oc new-app --file F --param-file=-`: parameters travel on stdin; `argv_params` are the
    /// non-secret ones oc's param-file syntax cannot carry exactly.
    pub fn new_app(
        &self,
        template: &Path,
        param_file: &[u8],
        argv_params: &[String],
        namespace: &str,
    ) -> Result<String, OcError> {
        self.run_args(
            &new_app_args(template, argv_params, namespace),
            Some(param_file),
        )
    }

    /// `oc process -f TEMPLATE --param-file=- -o json`: the objects a template makes, with secrets
    /// in them; read-only, never logged, returned raw.
    pub fn process(
        &self,
        template: &Path,
        param_file: &[u8],
        argv_params: &[String],
        namespace: &str,
    ) -> Result<Vec<u8>, OcError> {
        let args = process_args(template, argv_params, namespace);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (record, out) = self.exec(&args, Some(param_file), Call::ReadSecret)?;
        if record.status == Some(0) {
            Ok(out)
        } else {
            Err(record)
        }
    }

    /// `oc delete TYPES -l SELECTOR -n NS`.
    pub fn delete_selected(
        &self,
        types: &str,
        selector: &str,
        namespace: &str,
    ) -> Result<String, OcError> {
        self.run(&["delete", types, "-l", selector, "-n", namespace], None)
    }

    /// The last `tail` lines of a pod's log.
    pub fn logs(&self, pod: &str, namespace: &str, tail: u32) -> Result<String, OcError> {
        let tail = format!("--tail={tail}");
        self.read(&["logs", pod, &tail, "-n", namespace])
    }

    /// `oc delete project NAME`.
    pub fn delete_project(&self, name: &str) -> Result<String, OcError> {
        self.run(&["delete", "project", name], None)
    }

    fn run_args(&self, args: &[String], stdin: Option<&[u8]>) -> Result<String, OcError> {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.run(&args, stdin)
    }

    /// The full argv oc gets for `args` (global flags and the request timeout added), unredacted:
    /// for the plan script, which never holds a secret in argv.
    pub fn full_args(&self, args: &[String]) -> Vec<String> {
        let mut full = args.to_vec();
        full.extend(self.global_args.iter().cloned());
        full.push(REQUEST_TIMEOUT.to_string());
        full
    }
}

pub fn new_project_args(name: &str, display_name: &str) -> Vec<String> {
    vec![
        "new-project".into(),
        name.into(),
        format!("--display-name={display_name}"),
        "--skip-config-write".into(),
    ]
}

pub fn create_args(namespace: &str) -> Vec<String> {
    vec![
        "create".into(),
        "-f".into(),
        "-".into(),
        "-n".into(),
        namespace.into(),
    ]
}

pub fn replace_args(namespace: &str) -> Vec<String> {
    vec![
        "replace".into(),
        "-f".into(),
        "-".into(),
        "-n".into(),
        namespace.into(),
    ]
}

pub fn process_args(template: &Path, argv_params: &[String], namespace: &str) -> Vec<String> {
    let mut args = vec![
        "process".into(),
        "-f".into(),
        template.display().to_string(),
        "--param-file=-".into(),
        "-o".into(),
        "json".into(),
    ];
    for p in argv_params {
        args.push("--param".into());
        args.push(p.clone());
    }
    args.extend(["-n".into(), namespace.into()]);
    args
}

pub fn new_app_args(template: &Path, argv_params: &[String], namespace: &str) -> Vec<String> {
    let mut args = vec![
        "new-app".into(),
        "--file".into(),
        template.display().to_string(),
        "--param-file=-".into(),
    ];
    for p in argv_params {
        args.push("--param".into());
        args.push(p.clone());
    }
    args.extend(["-n".into(), namespace.into()]);
    args
}

/// `2s`, `1m30s`-style text of a duration.
fn describe(d: Duration) -> String {
    if d.as_millis() < 1000 {
        format!("{} ms", d.as_millis())
    } else {
        format!("{} s", d.as_secs())
    }
}

/// The `(label, value)` pairs `oc new-app` printed with ` # generated`; the label is the
/// parameter's display name or name.
pub fn generated_values(new_app_stdout: &str) -> Vec<(String, String)> {
    new_app_stdout
        .lines()
        .filter_map(|l| {
            l.trim_start()
                .strip_prefix("* ")?
                .strip_suffix(" # generated")
        })
        .filter_map(|l| {
            l.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect()
}

/// 3.11's `oc version` text: `openshift v3.11.x` and `kubernetes v1.11.0+...` after `Server`.
fn parse_plain_version(text: &str) -> VersionInfo {
    let server_part = text.split_once("\nServer ").map(|(_, s)| s).unwrap_or("");
    let mut info = VersionInfo::default();
    for line in server_part.lines() {
        if let Some(v) = line.strip_prefix("openshift v") {
            info.openshift_version = Some(v.trim().to_string());
        }
        if let Some(v) = line.strip_prefix("kubernetes ") {
            let minor = v
                .trim_start_matches('v')
                .split('.')
                .nth(1)
                .unwrap_or("")
                .to_string();
            info.server_version = Some(KubeVersion {
                git_version: v.trim().to_string(),
                minor,
            });
        }
    }
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(stderr: &str) -> OcError {
        OcError {
            command: "oc x".into(),
            status: Some(1),
            stdout: String::new(),
            stderr: stderr.into(),
            problem: None,
        }
    }

    #[test]
    fn reason_reads_the_last_server_error_line() {
        let e = err("E0523 memcache.go:265] couldn't get current server API group list\nError from server (Forbidden): You may not request a new project via this API.\n");
        assert_eq!(e.reason(), Some("Forbidden"));
        assert_eq!(
            err("error: You must be logged in to the server (Unauthorized)").reason(),
            None
        );
    }

    #[test]
    fn generated_values_are_found_whatever_the_label() {
        let out = "     * With parameters:\n        * TENANT_NAME=3scale\n        * System MySQL Password=ujzde8gx # generated\n        * ADMIN_PASSWORD=a=b # generated\n        * ADMIN_EMAIL=\n";
        let found = generated_values(out);
        assert_eq!(
            found,
            [
                ("System MySQL Password".to_string(), "ujzde8gx".to_string()),
                ("ADMIN_PASSWORD".into(), "a=b".into())
            ]
        );
    }

    #[test]
    fn transient_failures_are_recognised() {
        assert!(err("Error from server (InternalError): an error on the server (\"\") has prevented the request from succeeding").is_transient());
        assert!(err("The connection to the server api.x:6443 was refused - did you specify the right host or port?").is_transient());
        assert!(!err("Error from server (Forbidden): secrets is forbidden").is_transient());
        assert!(!err("Error from server (NotFound): secrets \"x\" not found").is_transient());
    }

    #[test]
    fn plain_3_11_version_is_understood() {
        let text = "oc v3.11.0+0cbc58b\nkubernetes v1.11.0+d4cacc0\nfeatures: Basic-Auth GSSAPI Kerberos SPNEGO\n\nServer https://master.example.com:8443\nopenshift v3.11.154\nkubernetes v1.11.0+d4cacc0\n";
        let v = parse_plain_version(text);
        assert_eq!(v.openshift_version.as_deref(), Some("3.11.154"));
        assert_eq!(v.server_version.unwrap().minor, "11");
    }

    #[test]
    fn version_json_without_openshift_version_parses() {
        let json = r#"{"clientVersion": {"gitVersion": "v4.14.0"}, "serverVersion": {"major": "1", "minor": "27+", "gitVersion": "v1.27.8+4fab27b"}, "releaseClientVersion": "4.14.8"}"#;
        let v: VersionInfo = serde_json::from_str(json).unwrap();
        assert!(v.openshift_version.is_none());
        assert_eq!(v.server_version.unwrap().minor, "27+");
    }
}
