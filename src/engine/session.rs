//! The opening every command shares: the redactor, the transcript (held in memory until the
//! cluster and project are known), oc located and wired to both, the ui; and the templates
//! checkout, fetched at most once per source.

use crate::document::Facts;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::inputs::{Connection, Mode, TemplatesSource};
use crate::oc::{args::Globals, Oc};
use crate::record;
use crate::secrets::Redactor;
use crate::templates::repo::{self, Checkout};
use crate::transcript::Transcript;
use crate::ui::Ui;
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;

pub(crate) struct Session {
    pub(crate) ui: Ui,
    /// What the run's JSON document holds so far: a failure still tells it.
    pub(crate) facts: Facts,
    pub(crate) redactor: Redactor,
    pub(crate) transcript: Arc<Transcript>,
    pub(crate) oc: Oc,
    log_file: Option<PathBuf>,
    checkouts: RefCell<Vec<(TemplatesSource, Checkout)>>,
    /// The project the run works on, once known: where its transcript goes.
    project: RefCell<Option<String>>,
    /// A dry run writes no local file, its transcript included.
    dry_run: bool,
}

impl Session {
    pub(crate) fn open(connection: &Connection, mode: &Mode) -> Outcome<Session> {
        let ui = Ui::new(mode.quiet, mode.verbose);
        let redactor = Redactor::default();
        let transcript = Arc::new(Transcript::new(redactor.clone()));
        let args: Vec<String> = std::env::args().skip(1).collect();
        transcript.note(&header(&args));
        let program = Oc::locate(connection.oc.as_deref()).map_err(|e| {
            Failure::preflight(format!("oc: {e}")).with_help(
                "install the OpenShift CLI (oc) and put it on PATH, or pass --oc PATH (THREESCALE_OC)",
            )
        })?;
        let oc = oc_of(program, connection, &redactor, &transcript, &ui)?;
        Ok(Session {
            ui,
            facts: Facts::default(),
            redactor,
            transcript,
            oc,
            log_file: connection.log_file.clone(),
            checkouts: RefCell::new(Vec::new()),
            project: RefCell::new(None),
            dry_run: false,
        })
    }

    /// The run is a dry run (`--dry-run`, `plan`): it writes no file, its transcript included.
    pub(crate) fn dry_run(mut self, dry_run: bool) -> Session {
        self.dry_run = dry_run;
        self
    }

    /// The run works on `project` (the last one named wins, as the wizard may change it): where
    /// its transcript goes, with the cluster oc points at, once it changes something or fails.
    pub(crate) fn works_on(&self, project: &str) {
        *self.project.borrow_mut() = Some(project.to_string());
        self.facts.set("project", project);
    }

    /// `project` turned out to hold no install (or not to exist): a run on it keeps no file
    /// there, its transcript included.
    pub(crate) fn no_install_in(&self, project: &str) {
        let mut named = self.project.borrow_mut();
        if named.as_deref() == Some(project) {
            *named = None;
        }
    }

    /// oc for another cluster or context (a gateway's install elsewhere): the same program,
    /// redactor, transcript and command log, with `connection`'s kubeconfig and context.
    pub(crate) fn oc_for(&self, connection: &Connection) -> Outcome<Oc> {
        oc_of(
            self.oc.program().to_path_buf(),
            connection,
            &self.redactor,
            &self.transcript,
            &self.ui,
        )
    }

    /// The HTTP client for 3scale's portals and APIs, with this run's redactor and transcript.
    pub(crate) fn http(&self, options: &crate::http::Options) -> Outcome<crate::http::Http> {
        crate::http::Http::new(
            options.clone(),
            self.redactor.clone(),
            self.transcript.clone(),
        )
        .map_err(Failure::input)
    }

    /// From now on the transcript goes to `--log-file`, or to the project's file on this cluster.
    /// A run keeps the first it attached (a gateway's, before its install is read).
    pub(crate) fn attach_transcript(&self, server: &str, project: &str) -> Outcome<()> {
        if self.transcript.location().is_some() {
            return Ok(());
        }
        let path = match &self.log_file {
            Some(p) => p.clone(),
            None => record::default_transcript_path(server, project).map_err(Failure::input)?,
        };
        self.transcript
            .attach(&path)
            .map_err(|e| Failure::input(e).with_help("choose another --log-file"))
    }

    /// How every command's run ends: a failure is pointed at the transcript of the run (written
    /// now if it was still held, once the cluster and the project are known; a dry run writes
    /// none, and says so), and carries what the run knew for its JSON document.
    pub(crate) fn finish<T>(&self, result: Outcome<T>) -> Outcome<T> {
        result.map_err(|f| {
            let f = self.transcript_of(f).with_known(self.facts.take());
            // Where the run was, as far as it got: known before the cluster ever answered.
            let mut place = serde_json::Map::new();
            place.insert("dry_run".into(), self.dry_run.into());
            if let Some(server) = self.oc.known_server() {
                place.insert("cluster".into(), server.into());
            }
            f.with_known(place)
        })
    }

    fn transcript_of(&self, f: Failure) -> Failure {
        if self.dry_run {
            return f.with_help(
                "a dry run writes no file, so no transcript was kept: -v shows each oc command as it runs",
            );
        }
        let project = self.project.borrow().clone();
        if let (None, Some(server), Some(project)) =
            (self.transcript.location(), self.oc.known_server(), project)
        {
            if let Err(e) = self.attach_transcript(server, &project) {
                return f.with_help(format!("no transcript was written: {}", e.message()));
            }
        }
        match self.transcript.location().filter(|p| p.is_file()) {
            Some(p) => f.with_help(format!("the transcript of this run is in {}", p.display())),
            None => f,
        }
    }

    /// The checkout of `source`: fetched (or taken from the cache) once per run.
    pub(crate) fn checkout(&self, source: &TemplatesSource, refresh: bool) -> Outcome<Checkout> {
        if let Some((_, c)) = self.checkouts.borrow().iter().find(|(s, _)| s == source) {
            return Ok(c.clone());
        }
        let line = self.ui.step("templates");
        let result = match source {
            TemplatesSource::Dir(dir) => repo::use_dir(dir),
            TemplatesSource::Git { repo: url, git_ref } => {
                line.detail(&format!("{url} at {git_ref}"));
                let mut bar = self.ui.transfer();
                repo::ensure(url, git_ref, refresh, &mut bar)
            }
        };
        match result {
            Ok(c) => {
                let how = match (source, c.fetched) {
                    (TemplatesSource::Dir(_), _) => "directory",
                    (_, true) => "fetched",
                    (_, false) => "cached",
                };
                line.detail(&format!(
                    "{} ({how}), commit {}",
                    c.dir.display(),
                    c.commit.as_deref().unwrap_or("unknown: not a git checkout")
                ));
                if c.cached_branch {
                    line.warn("this branch was taken from the cache and may have moved since: --refresh-templates fetches it again");
                }
                line.done();
                self.checkouts
                    .borrow_mut()
                    .push((source.clone(), c.clone()));
                Ok(c)
            }
            Err(e) => {
                line.failed();
                Err(Failure::new(FailureKind::Preflight, anyhow::anyhow!("templates: {e}"))
                    .with_help("check --templates-repo and --templates-ref, or point --templates-dir at a checkout of the 2.8.0.GA tag"))
            }
        }
    }
}

/// The first line of a run in the transcript: the version, the process and the command line.
fn header(args: &[String]) -> String {
    format!(
        "{}{} (pid {}): {}",
        crate::transcript::RUN_MARK,
        env!("CARGO_PKG_VERSION"),
        std::process::id(),
        crate::oc::args::shell_line("threescale-install", &masked(args))
    )
}

/// The command line with what may be a secret masked: refused values too (`--param
/// ADMIN_PASSWORD=...` is refused, and must not be kept by the transcript that says so).
fn masked(args: &[String]) -> Vec<String> {
    use crate::secrets::MASK;
    let mut out = Vec::with_capacity(args.len());
    let mut next = Next::Plain;
    for arg in args {
        let shown = match next {
            Next::Param => masked_param(arg),
            Next::Secret => MASK.to_string(),
            Next::Plain => masked_arg(arg),
        };
        next = match arg.as_str() {
            "--param" | "-p" => Next::Param,
            a if a.starts_with("--") && !a.contains('=') && secret_flag(a) => Next::Secret,
            _ => Next::Plain,
        };
        out.push(shown);
    }
    out
}

/// What the argument after one is.
#[derive(Clone, Copy)]
enum Next {
    Plain,
    /// `NAME=VALUE` of `--param`.
    Param,
    /// The value of a flag whose name says it is a secret.
    Secret,
}

/// One argument on its own: `--param=NAME=VALUE`, `-pNAME=VALUE`, `--flag=VALUE`, a URL.
fn masked_arg(arg: &str) -> String {
    if let Some(rest) = arg.strip_prefix("--param=") {
        return format!("--param={}", masked_param(rest));
    }
    if let Some(rest) = arg.strip_prefix("-p").filter(|r| r.contains('=')) {
        return format!("-p{}", masked_param(rest));
    }
    if let Some((flag, _)) = arg.split_once('=').filter(|(f, _)| f.starts_with("--")) {
        if secret_flag(flag) {
            return format!("{flag}={}", crate::secrets::MASK);
        }
    }
    if crate::templates::params::url_with_credentials(arg) {
        return crate::secrets::MASK.to_string();
    }
    arg.to_string()
}

/// `NAME=VALUE` with the value masked when the name or the value says it is a secret.
fn masked_param(text: &str) -> String {
    match text.split_once('=') {
        Some((name, value))
            if crate::templates::params::secret_by_name(&name.to_ascii_uppercase())
                || crate::templates::params::url_with_credentials(value) =>
        {
            format!("{name}={}", crate::secrets::MASK)
        }
        _ => text.to_string(),
    }
}

/// A flag whose value would be a secret (`--registry-password`, `--access-token`); those that
/// name where one is read (`-file`, `-stdin`) are not.
fn secret_flag(flag: &str) -> bool {
    let flag = flag.to_ascii_lowercase();
    ["password", "token", "secret"]
        .iter()
        .any(|w| flag.contains(w))
        && !flag.ends_with("-file")
        && !flag.ends_with("-stdin")
}

/// oc with the connection's kubeconfig and context, wired to the run's redactor, transcript and
/// verbose output.
fn oc_of(
    program: PathBuf,
    connection: &Connection,
    redactor: &Redactor,
    transcript: &Arc<Transcript>,
    ui: &Ui,
) -> Outcome<Oc> {
    if let Some(k) = &connection.kubeconfig {
        if !k.is_file() {
            return Err(Failure::input(format!(
                "the kubeconfig {} does not exist",
                k.display()
            ))
            .with_help("name an existing kubeconfig (--kubeconfig, --portal-kubeconfig), or leave it out to use KUBECONFIG or ~/.kube/config"));
        }
    }
    let globals = Globals {
        kubeconfig: connection
            .kubeconfig
            .as_ref()
            .map(|k| k.display().to_string()),
        context: connection.context.clone(),
    };
    let mut oc = Oc::new(
        program,
        globals,
        redactor.clone(),
        connection.timing,
        transcript.clone(),
    );
    let log_ui = ui.clone();
    oc.set_command_log(Arc::new(move |command| log_ui.command(command)));
    Ok(oc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_masks_what_may_be_a_secret_even_when_it_is_refused() {
        let args: Vec<String> = [
            "--param",
            "ADMIN_PASSWORD=leaky-1",
            "--param=MASTER_ACCESS_TOKEN=leaky-2",
            "-pSYSTEM_DATABASE_URL=mysql2://u:leaky-3@db/x",
            "-p",
            "TENANT_NAME=acme",
            "--access-token",
            "leaky-4",
            "--registry-password=leaky-5",
            "--registry-password-file",
            "/run/pw",
            "https://user:leaky-6@example.com/",
            "--project",
            "p1",
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        let line = header(&args);
        for leak in [
            "leaky-1", "leaky-2", "leaky-3", "leaky-4", "leaky-5", "leaky-6",
        ] {
            assert!(!line.contains(leak), "{leak}: {line}");
        }
        for kept in [
            "TENANT_NAME=acme",
            "/run/pw",
            "--project p1",
            "ADMIN_PASSWORD=",
        ] {
            assert!(line.contains(kept), "{kept}: {line}");
        }
    }
}
