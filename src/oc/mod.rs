//! The only owner of `oc`: typed calls over [`process::run`], retries of reads that failed
//! transiently, typed failures ([`error::OcError`]), and every call written to the transcript
//! with secrets masked. Argument lists of changes come from [`args`].

pub(crate) mod args;
pub(crate) mod error;
pub(crate) mod process;

pub(crate) use error::{Cause, OcError};

use crate::secrets::Redactor;
use crate::transcript::{Output, Transcript};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Retries of a read-only call that failed transiently (connection, 5xx, timeout).
const READ_RETRIES: u32 = 3;
/// The longest pause between two retries.
const MAX_BACKOFF: Duration = Duration::from_secs(2);

pub(crate) type CommandLog = Arc<dyn Fn(&str) + Send + Sync>;

/// How long calls may take and how retries wait.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timing {
    /// Process deadline of one call (`--oc-timeout`).
    pub(crate) call_deadline: Duration,
    /// First wait before retrying a transient read failure; doubles each time, at most 2 s.
    pub(crate) retry_backoff: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            call_deadline: Duration::from_secs(600),
            retry_backoff: Duration::from_millis(500),
        }
    }
}

/// What a call does: decides retries and what the transcript keeps of its output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Call {
    /// A read: retried when it fails transiently; its output logged when it changed.
    Read,
    /// A read polled again and again: only its status is logged.
    Poll,
    /// A read whose output holds secret data: never logged, never redacted (callers need it).
    ReadSecret,
    /// A read whose output goes whole to a file of its own (a support bundle's objects and
    /// logs): only its status is logged.
    Bulk,
    /// A change: never retried blindly; the caller observes again.
    Write,
}

pub(crate) struct Oc {
    program: PathBuf,
    globals: args::Globals,
    redactor: Redactor,
    timing: Timing,
    transcript: Arc<Transcript>,
    on_command: Option<CommandLog>,
    /// The API server, once `server_url` told it.
    server: std::sync::OnceLock<String>,
}

/// The parts of `oc version -o json` we use.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct VersionInfo {
    #[serde(default)]
    pub(crate) openshift_version: Option<String>,
    #[serde(default)]
    pub(crate) server_version: Option<KubeVersion>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct KubeVersion {
    #[serde(default)]
    pub(crate) git_version: String,
    #[serde(default)]
    pub(crate) minor: String,
}

impl VersionInfo {
    /// Kubernetes `1.<minor>` of the API server, when known.
    pub(crate) fn kube_minor(&self) -> Option<u32> {
        self.server_version
            .as_ref()
            .and_then(|k| k.minor.trim_end_matches('+').parse().ok())
    }
}

/// Where a listing looks.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope<'a> {
    Project(&'a str),
    /// `--all-namespaces` (cluster readers only).
    AllProjects,
}

#[derive(Deserialize)]
struct List<T> {
    #[serde(default = "Vec::new")]
    items: Vec<T>,
}

impl Oc {
    /// Finds oc: the explicit path if given (must exist), else `oc` on PATH.
    pub(crate) fn locate(explicit: Option<&Path>) -> Result<PathBuf, String> {
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

    pub(crate) fn new(
        program: PathBuf,
        globals: args::Globals,
        redactor: Redactor,
        timing: Timing,
        transcript: Arc<Transcript>,
    ) -> Self {
        Oc {
            program,
            globals,
            redactor,
            timing,
            transcript,
            on_command: None,
            server: std::sync::OnceLock::new(),
        }
    }

    pub(crate) fn program(&self) -> &Path {
        &self.program
    }

    /// Called with each command line (quoted, redacted) before it runs: verbose output.
    pub(crate) fn set_command_log(&mut self, log: CommandLog) {
        self.on_command = Some(log);
    }

    /// A line in the transcript about what the run does with oc (retries, waits).
    pub(crate) fn note(&self, text: &str) {
        self.transcript.note(text);
    }

    /// The full argument list of a call: its own arguments, then the run's global flags.
    pub(crate) fn full_args(&self, args: &[String]) -> Vec<String> {
        let mut full = args.to_vec();
        full.extend(self.globals.flags());
        full
    }

    /// Runs oc once; Ok carries what it printed whatever its exit status.
    fn exec(&self, args: &[String], stdin: Option<&[u8]>, call: Call) -> Result<Exec, OcError> {
        // Whoever asks, a read of secrets keeps its output out of the transcript: a look at
        // what a failed create made, say, lists them with the rest.
        let call = match call {
            Call::Read | Call::Bulk if reads_secrets(args) => Call::ReadSecret,
            other => other,
        };
        let full = self.full_args(args);
        let command = self.redactor.redact(&args::shell_line("oc", &full));
        if let Some(log) = &self.on_command {
            log(&command);
        }
        let removed = process::variables_to_remove(|v| self.redactor.reveals(v));
        let failed = |cause: Cause, problem: String| OcError {
            command: command.clone(),
            cause,
            status: None,
            message: String::new(),
            problem: Some(problem),
        };
        let ran = process::run(
            &self.program,
            &full,
            stdin,
            &removed,
            self.timing.call_deadline,
        );
        // An oc stopped by an interruption failed because of it: the interruption has the
        // last word, not an error about that oc.
        crate::interrupt::stop_if_requested();
        match ran {
            Ok(done) => {
                let stderr = String::from_utf8_lossy(&done.stderr).into_owned();
                let output = match call {
                    Call::ReadSecret => Output::Secret,
                    Call::Poll | Call::Bulk => Output::Omitted,
                    Call::Read | Call::Write => {
                        Output::Text(&String::from_utf8_lossy(&done.stdout))
                    }
                };
                let status = match done.status {
                    Some(code) => format!("exit {code}"),
                    None => "killed by a signal".into(),
                };
                self.transcript
                    .call(&command, &status, done.took, output, &stderr);
                Ok(Exec {
                    command,
                    status: done.status,
                    stdout: done.stdout,
                    stderr,
                })
            }
            Err(process::NotFinished::NotStarted(e)) => {
                let f = failed(Cause::NotStarted, format!("could not be started: {e}"));
                self.transcript
                    .note(&format!("{command}\n    -> not started: {e}"));
                Err(f)
            }
            Err(process::NotFinished::Deadline(d)) => {
                let f = failed(
                    Cause::Deadline,
                    format!(
                        "did not finish within {} and was stopped (--oc-timeout)",
                        crate::duration::describe(d)
                    ),
                );
                self.transcript
                    .note(&format!("{command}\n    -> stopped at its deadline"));
                Err(f)
            }
            Err(process::NotFinished::WaitFailed(e)) => Err(failed(
                Cause::Other,
                format!("could not be waited for: {e}"),
            )),
        }
    }

    /// How long to wait before retry `attempt` (from 0) of a transient failure.
    fn retry_wait(&self, attempt: u32) -> Duration {
        (self.timing.retry_backoff * 2u32.pow(attempt)).min(MAX_BACKOFF)
    }

    /// Runs a call; Err unless oc exited 0. Reads are retried while they fail transiently.
    fn call(&self, args: &[String], stdin: Option<&[u8]>, call: Call) -> Result<Vec<u8>, OcError> {
        let mut attempt = 0;
        loop {
            let result = self
                .exec(args, stdin, call)
                .and_then(|e| e.into_result(&self.redactor));
            // oc itself retries a connection for about ten seconds before it gives up: one more
            // try is enough then; a server that answered 5xx is asked a few times.
            let budget = match &result {
                Err(e)
                    if matches!(
                        e.cause,
                        Cause::Unreachable | Cause::Deadline | Cause::Killed
                    ) =>
                {
                    1
                }
                _ => READ_RETRIES,
            };
            let retry = matches!(&result, Err(e) if e.is_transient())
                && call != Call::Write
                && attempt < budget
                && !crate::interrupt::requested();
            if !retry {
                return result;
            }
            let wait = self.retry_wait(attempt);
            self.transcript.note(&format!(
                "transient failure; retry {} of {READ_RETRIES} in {} ms",
                attempt + 1,
                wait.as_millis()
            ));
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn text(&self, args: &[String], call: Call) -> Result<String, OcError> {
        self.call(args, None, call)
            .map(|out| String::from_utf8_lossy(&out).into_owned())
    }

    fn parse<T: DeserializeOwned>(&self, args: &[String], bytes: &[u8]) -> Result<T, OcError> {
        serde_json::from_slice(bytes).map_err(|e| OcError {
            command: args::shell_line("oc", args),
            cause: Cause::Other,
            status: Some(0),
            message: String::new(),
            problem: Some(format!("printed JSON we could not read: {e}")),
        })
    }

    pub(crate) fn whoami(&self) -> Result<String, OcError> {
        Ok(self
            .text(&words(&["whoami"]), Call::Read)?
            .trim()
            .to_string())
    }

    /// The bearer token of the session (`oc whoami -t`): never logged; the caller registers it
    /// with the redactor at once. `None` when the session has none (a client certificate).
    pub(crate) fn token(&self) -> Result<Option<crate::secrets::Secret>, OcError> {
        match self.call(&words(&["whoami", "-t"]), None, Call::ReadSecret) {
            Ok(out) => {
                let token = String::from_utf8_lossy(&out).trim().to_string();
                Ok((!token.is_empty()).then(|| crate::secrets::Secret::new(token)))
            }
            Err(e) if e.message.contains("no token is currently in use") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The API server URL of the current context (oc does not contact the server for this).
    pub(crate) fn server_url(&self) -> Result<String, OcError> {
        let url = self
            .text(&words(&["whoami", "--show-server"]), Call::Read)?
            .trim()
            .to_string();
        Ok(self.server.get_or_init(|| url).clone())
    }

    /// The API server, when this oc has told it already (a failure after that point knows
    /// which cluster it was on, even if the cluster never answered).
    pub(crate) fn known_server(&self) -> Option<&str> {
        self.server.get().map(String::as_str)
    }

    /// The web console's URL, when the cluster publishes it (`openshift-config-managed`).
    pub(crate) fn console_url(&self) -> Result<String, OcError> {
        Ok(self
            .text(&words(&["whoami", "--show-console"]), Call::Read)?
            .trim()
            .to_string())
    }

    /// `oc version -o json`; on a 3.11 client (no `-o`), the plain text is read instead.
    pub(crate) fn version(&self) -> Result<VersionInfo, OcError> {
        let args = words(&["version", "-o", "json"]);
        match self.call(&args, None, Call::Read) {
            Ok(json) => self.parse(&args, &json),
            Err(e) if e.cause == Cause::Usage => {
                let text = self.text(&words(&["version"]), Call::Read)?;
                Ok(parse_plain_version(&text))
            }
            Err(e) => Err(e),
        }
    }

    /// One object as JSON, or `None` when it does not exist.
    pub(crate) fn get<T: DeserializeOwned>(
        &self,
        resource: &str,
        name: &str,
        namespace: Option<&str>,
    ) -> Result<Option<T>, OcError> {
        let mut args = words(&["get", resource, name, "-o", "json", "--ignore-not-found"]);
        push_namespace(&mut args, namespace);
        let out = self.call(&args, None, Call::Read)?;
        if out.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        self.parse(&args, &out).map(Some)
    }

    /// A secret, never logged: for the values the installer must show or store.
    pub(crate) fn get_secret<T: DeserializeOwned>(
        &self,
        name: &str,
        namespace: &str,
    ) -> Result<Option<T>, OcError> {
        let args = words(&[
            "get",
            "secret",
            name,
            "-o",
            "json",
            "--ignore-not-found",
            "-n",
            namespace,
        ]);
        let out = self.call(&args, None, Call::ReadSecret)?;
        if out.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        self.parse(&args, &out).map(Some)
    }

    /// Every object of `types`, optionally filtered by a label selector.
    pub(crate) fn list<T: DeserializeOwned>(
        &self,
        types: &[&str],
        namespace: Option<&str>,
        selector: Option<&str>,
    ) -> Result<Vec<T>, OcError> {
        self.list_as(types, namespace, selector, Call::Read)
    }

    /// Every object of `types` in every project (`--all-namespaces`: cluster readers only).
    pub(crate) fn list_everywhere<T: DeserializeOwned>(
        &self,
        types: &[&str],
    ) -> Result<Vec<T>, OcError> {
        let mut args = words(&["get", &types.join(","), "-o", "json"]);
        args.push("--all-namespaces".into());
        let out = self.call(&args, None, Call::Read)?;
        self.parse::<List<T>>(&args, &out).map(|l| l.items)
    }

    /// Like `list`, for lists that hold secret data (never logged).
    pub(crate) fn list_private<T: DeserializeOwned>(
        &self,
        types: &[&str],
        namespace: &str,
    ) -> Result<Vec<T>, OcError> {
        self.list_as(types, Some(namespace), None, Call::ReadSecret)
    }

    /// Like `list`, for the wait's repeated looks: only the call and its status are logged.
    pub(crate) fn poll<T: DeserializeOwned>(
        &self,
        types: &[&str],
        namespace: &str,
    ) -> Result<Vec<T>, OcError> {
        self.list_as(types, Some(namespace), None, Call::Poll)
    }

    /// One call for all types; when it fails transiently, one call per type, each retried on its
    /// own: a batch of ten types makes ten requests, and a flaky API fails one of them far more
    /// often than it fails a single request.
    fn list_as<T: DeserializeOwned>(
        &self,
        types: &[&str],
        namespace: Option<&str>,
        selector: Option<&str>,
        call: Call,
    ) -> Result<Vec<T>, OcError> {
        let one = |types: &[&str]| -> Result<Vec<T>, OcError> {
            let mut args = words(&["get", &types.join(","), "-o", "json"]);
            if let Some(s) = selector {
                args.extend(words(&["-l", s]));
            }
            push_namespace(&mut args, namespace);
            let out = self.call(&args, None, call)?;
            self.parse::<List<T>>(&args, &out).map(|l| l.items)
        };
        match one(types) {
            Err(e) if e.cause == Cause::ServerError && types.len() > 1 => {
                self.transcript
                    .note("the batched read failed transiently: reading each type on its own");
                let mut all = Vec::new();
                for t in types {
                    all.extend(one(&[t])?);
                }
                Ok(all)
            }
            other => other,
        }
    }

    /// `oc auth can-i`: yes → true; no (exit 1 with `no` on stdout) → false.
    pub(crate) fn can_i(
        &self,
        verb: &str,
        resource: &str,
        namespace: Option<&str>,
    ) -> Result<bool, OcError> {
        let mut args = words(&["auth", "can-i", verb, resource]);
        push_namespace(&mut args, namespace);
        let mut attempt = 0;
        loop {
            let exec = self.exec(&args, None, Call::Read)?;
            let stdout = String::from_utf8_lossy(&exec.stdout).into_owned();
            match (exec.status, stdout.trim()) {
                (Some(0), answer) if answer.starts_with("yes") => return Ok(true),
                (Some(1), answer) if answer.starts_with("no") => return Ok(false),
                _ => {
                    let e = exec
                        .into_result(&self.redactor)
                        .err()
                        .unwrap_or_else(|| OcError {
                            command: args::shell_line("oc", &args),
                            cause: Cause::Other,
                            status: Some(0),
                            message: stdout.trim().to_string(),
                            problem: Some("answered neither yes nor no".into()),
                        });
                    if !e.is_transient() || attempt >= READ_RETRIES {
                        return Err(e);
                    }
                    std::thread::sleep(self.retry_wait(attempt));
                    attempt += 1;
                }
            }
        }
    }

    /// A single field with jsonpath (no trailing newline in oc's output).
    pub(crate) fn jsonpath(
        &self,
        resource: &str,
        name: &str,
        path: &str,
    ) -> Result<String, OcError> {
        let expr = format!("jsonpath={path}");
        Ok(self
            .text(&words(&["get", resource, name, "-o", &expr]), Call::Read)?
            .trim()
            .to_string())
    }

    /// `oc process`: the template's objects, with secrets in them; read-only, never logged.
    pub(crate) fn process(
        &self,
        template: &Path,
        param_file: &[u8],
        namespace: &str,
    ) -> Result<serde_json::Value, OcError> {
        let args = args::process(template, namespace);
        let out = self.call(&args, Some(param_file), Call::ReadSecret)?;
        self.parse(&args, &out)
    }

    /// `oc process -f -`: a template sent on stdin, processed by the server with `params` (not
    /// secret: they are on the command line).
    pub(crate) fn process_stdin(
        &self,
        template: &[u8],
        params: &[(String, String)],
        namespace: &str,
    ) -> Result<serde_json::Value, OcError> {
        let args = args::process_stdin(params, namespace);
        let out = self.call(&args, Some(template), Call::Read)?;
        self.parse(&args, &out)
    }

    /// Every object of `types` carrying the label `selector`, in one project or in all; secrets
    /// with their data (never logged).
    pub(crate) fn labelled(
        &self,
        types: &[&str],
        scope: Scope,
        selector: &str,
    ) -> Result<Vec<serde_json::Value>, OcError> {
        let mut args = words(&["get", &types.join(","), "-o", "json", "-l", selector]);
        match scope {
            Scope::Project(ns) => push_namespace(&mut args, Some(ns)),
            Scope::AllProjects => args.push("--all-namespaces".into()),
        }
        let out = self.call(&args, None, Call::ReadSecret)?;
        self.parse::<List<serde_json::Value>>(&args, &out)
            .map(|l| l.items)
    }

    /// Runs a change built by [`args`]; Ok with its stdout for exit 0. Never retried.
    pub(crate) fn change(&self, args: &[String], stdin: Option<&[u8]>) -> Result<String, OcError> {
        self.call(args, stdin, Call::Write)
            .map(|out| self.redactor.redact(&String::from_utf8_lossy(&out)))
    }

    /// `oc import-image` (the registry check, or a re-import): the tags the registry refused,
    /// each as `TAG: MESSAGE` (oc exits 1 and prints `error: tag TAG failed: MESSAGE` for each),
    /// none when every tag was imported. An import changes nothing but the stream's own status,
    /// so a transient failure is tried again like a read.
    pub(crate) fn import_image(&self, args: &[String]) -> Result<Vec<String>, OcError> {
        let mut attempt = 0;
        loop {
            let exec = self.exec(args, None, Call::Read)?;
            let refused = refused_tags(&exec.stderr);
            match exec.status {
                Some(0) => return Ok(Vec::new()),
                Some(1) if !refused.is_empty() => {
                    return Ok(refused.iter().map(|r| self.redactor.redact(r)).collect())
                }
                _ => {}
            }
            let e = match exec.into_result(&self.redactor) {
                Err(e) => e,
                Ok(_) => return Ok(Vec::new()),
            };
            if !e.is_transient() || attempt >= READ_RETRIES || crate::interrupt::requested() {
                return Err(e);
            }
            std::thread::sleep(self.retry_wait(attempt));
            attempt += 1;
        }
    }

    /// Every object of one resource type (in a project, or cluster-wide), as JSON; only the
    /// call's status is logged (a support bundle keeps the objects in files of their own).
    pub(crate) fn list_items(
        &self,
        resource: &str,
        namespace: Option<&str>,
    ) -> Result<Vec<serde_json::Value>, OcError> {
        let mut args = words(&["get", resource, "-o", "json"]);
        push_namespace(&mut args, namespace);
        let out = self.call(&args, None, Call::Bulk)?;
        self.parse::<List<serde_json::Value>>(&args, &out)
            .map(|l| l.items)
    }

    /// What `oc version -o json` prints, as it prints it.
    pub(crate) fn version_text(&self) -> Result<String, OcError> {
        self.text(&words(&["version", "-o", "json"]), Call::Bulk)
    }

    /// `oc auth can-i --list`: what the user may do in `namespace`, as oc prints it (a table
    /// kept as text, never read).
    pub(crate) fn rights_text(&self, namespace: &str) -> Result<String, OcError> {
        self.text(
            &words(&["auth", "can-i", "--list", "-n", namespace]),
            Call::Bulk,
        )
    }

    /// One container's log, bounded as `query` says; not redacted here (a support bundle passes
    /// everything through its own masking) and not logged.
    pub(crate) fn container_log(
        &self,
        query: &LogQuery,
        namespace: &str,
    ) -> Result<String, OcError> {
        let mut args = words(&[
            "logs",
            query.pod,
            "-c",
            query.container,
            &format!("--tail={}", query.tail),
            &format!("--limit-bytes={}", query.limit_bytes),
        ]);
        if query.previous {
            args.push("--previous".into());
        }
        if let Some(since) = query.since {
            args.push(format!("--since={}s", since.as_secs().max(1)));
        }
        push_namespace(&mut args, Some(namespace));
        self.text(&args, Call::Bulk)
    }

    /// The last `tail` lines of a pod's log.
    pub(crate) fn logs(&self, pod: &str, namespace: &str, tail: u32) -> Result<String, OcError> {
        let tail = format!("--tail={tail}");
        self.text(&words(&["logs", pod, &tail, "-n", namespace]), Call::Read)
            .map(|t| self.redactor.redact(&t))
    }
}

/// Which log of which container, and how much of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LogQuery<'a> {
    pub(crate) pod: &'a str,
    pub(crate) container: &'a str,
    /// The log of the container's previous run (`--previous`).
    pub(crate) previous: bool,
    /// Only lines newer than this (`--since`).
    pub(crate) since: Option<Duration>,
    /// The last lines (`--tail`).
    pub(crate) tail: u32,
    /// At most this many bytes (`--limit-bytes`).
    pub(crate) limit_bytes: u64,
}

/// What one run of oc printed.
struct Exec {
    command: String,
    status: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

impl Exec {
    fn into_result(self, redactor: &Redactor) -> Result<Vec<u8>, OcError> {
        if self.status == Some(0) {
            return Ok(self.stdout);
        }
        let text = if self.stderr.trim().is_empty() {
            String::from_utf8_lossy(&self.stdout).into_owned()
        } else {
            self.stderr
        };
        Err(OcError {
            command: self.command,
            cause: match self.status {
                Some(_) => error::classify_output(&text),
                None => Cause::Killed,
            },
            status: self.status,
            message: redactor.redact(&error::meaningful(&text)),
            problem: None,
        })
    }
}

fn words(w: &[&str]) -> Vec<String> {
    w.iter().map(|s| s.to_string()).collect()
}

/// Whether `oc get` is asked for secrets (`secrets`, `secret/NAME`, `secrets.v1`, in a list of
/// types or alone).
fn reads_secrets(args: &[String]) -> bool {
    match args {
        [verb, types, ..] if verb == "get" => types.split(',').any(|t| {
            let resource = t.split('/').next().unwrap_or_default();
            let resource = resource.split('.').next().unwrap_or_default();
            resource.eq_ignore_ascii_case("secret") || resource.eq_ignore_ascii_case("secrets")
        }),
        _ => false,
    }
}

/// `TAG: MESSAGE` for each `error: tag TAG failed: MESSAGE` (or `error: repository tag ...`)
/// line `oc import-image` printed.
fn refused_tags(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|line| {
            let rest = line
                .strip_prefix("error: tag ")
                .or_else(|| line.strip_prefix("error: repository tag "))?;
            let (tag, message) = rest.split_once(" failed: ")?;
            Some(format!("{tag}: {}", message.trim()))
        })
        .collect()
}

fn push_namespace(args: &mut Vec<String>, namespace: Option<&str>) {
    if let Some(ns) = namespace {
        args.push("-n".into());
        args.push(ns.into());
    }
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

    #[test]
    fn refused_tags_are_read_from_what_oc_import_image_prints() {
        // As oc 4.13 prints them (pkg/cli/importimage/importimage.go), against the simulator.
        let stderr = "error: tag latest failed: you may not have access to the container image \"registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8\"\nerror: imported completed with errors\n";
        assert_eq!(
            refused_tags(stderr),
            ["latest: you may not have access to the container image \"registry.redhat.io/3scale-amp2/system-rhel7:3scale2.8\""]
        );
        assert!(refused_tags("error: imported completed with errors\n").is_empty());
        assert!(
            refused_tags("Error from server (Forbidden): imagestreamimports is forbidden")
                .is_empty()
        );
    }

    #[test]
    fn reads_of_secrets_are_recognised_in_every_spelling() {
        for types in [
            "secrets",
            "secret",
            "secret/system-seed",
            "deploymentconfigs.apps.openshift.io,secrets,routes",
            "Secrets.v1",
        ] {
            assert!(
                reads_secrets(&words(&["get", types, "-o", "json"])),
                "{types}"
            );
        }
        for args in [
            &["get", "routes,services", "-o", "json"][..],
            &["get", "secretstores", "-o", "json"][..],
            &["create", "secret", "generic", "x"][..],
            &["delete", "secrets", "x"][..],
        ] {
            assert!(!reads_secrets(&words(args)), "{args:?}");
        }
    }

    #[test]
    fn plain_3_11_version_is_understood() {
        let text = "oc v3.11.0+0cbc58b\nkubernetes v1.11.0+d4cacc0\nfeatures: Basic-Auth GSSAPI Kerberos SPNEGO\n\nServer https://master.example.com:8443\nopenshift v3.11.154\nkubernetes v1.11.0+d4cacc0\n";
        let v = parse_plain_version(text);
        assert_eq!(v.openshift_version.as_deref(), Some("3.11.154"));
        assert_eq!(v.kube_minor(), Some(11));
    }

    #[test]
    fn version_json_without_openshift_version_parses() {
        let json = r#"{"clientVersion": {"gitVersion": "v4.14.0"}, "serverVersion": {"major": "1", "minor": "27+", "gitVersion": "v1.27.8+4fab27b"}, "releaseClientVersion": "4.14.8"}"#;
        let v: VersionInfo = serde_json::from_str(json).unwrap();
        assert!(v.openshift_version.is_none());
        assert_eq!(v.kube_minor(), Some(27));
    }
}
