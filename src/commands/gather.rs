//! `gather`: a support bundle of a project that holds no secret (`crate::gather` says how):
//! who and where, the project's secrets (known before anything is read), its objects and
//! overview, the logs, the install's documents and transcripts, the scan, the archive. Read-only
//! on the cluster; the one thing it writes is the archive, whole or not at all.

use crate::cli::Format;
use crate::engine::cluster::Cluster;
use crate::engine::kube::{self, Pod, SecretObject};
use crate::engine::observe::{read_failure, Observer};
use crate::engine::session::Session;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::gather::bundle::Bundle;
use crate::gather::install::{Opened, Verdicts};
use crate::gather::known::Known;
use crate::gather::redact::Masker;
use crate::gather::scan::Scan;
use crate::gather::summary::Summary;
use crate::gather::{archive, cluster, collect, install, local, logs, overview};
use crate::inputs::GatherAnswers;
use crate::oc::Cause;
use crate::record;
use crate::ui::StepLine;
use serde_json::Value;

pub(crate) fn run(answers: GatherAnswers) -> Outcome<()> {
    let session = Session::open(&answers.project.connection, &answers.project.mode)?;
    session.works_on(&answers.project.project.value);
    let result = gather(&session, &answers);
    session.finish(result)
}

fn gather(session: &Session, a: &GatherAnswers) -> Outcome<()> {
    for w in &a.project.warnings {
        session.ui.warn(w);
    }
    let observer = Observer::new(&session.oc);
    let project = a.project.project.value.as_str();
    let mut early = Vec::new();
    let (server, cluster) = who(session, &observer, &mut early)?;
    session.attach_transcript(&server, project)?;
    look_up(&observer, project, cluster.as_ref(), &mut early)?;
    let (secrets, known) = read_secrets(session, a, &server)?;
    let mut bundle = Bundle::new(Masker::new(&session.redactor, known.short()));
    for note in &early {
        bundle.note(note);
    }
    let items = read_project(session, project, &secrets, &mut bundle)?;
    read_logs(session, a, &items, &mut bundle);
    let (mut verdicts, opened) =
        read_install(session, &observer, cluster.clone(), a, &items, &mut bundle);
    verdicts.answers = run_verify(session, a, opened.as_ref(), &mut bundle);
    let mut transcripts: Vec<_> = session.transcript.location().into_iter().collect();
    if let Ok(p) = record::default_transcript_path(&server, project) {
        if !transcripts.contains(&p) {
            transcripts.push(p);
        }
    }
    local::transcripts(&transcripts, &mut bundle);
    let mut summary = Summary {
        cluster: server,
        user: cluster.as_ref().map(|c| c.user.clone()),
        openshift: cluster.as_ref().map(|c| c.version.clone()),
        project: project.to_string(),
        since: a.since.map(crate::duration::describe),
        secrets: known.secrets,
        masked_values: known.values().len(),
        short_values: known.short().len(),
        public_values: known.public,
        masked: bundle.masked(),
        diagnosis: None,
        healthy: None,
        answers: None,
        notes: bundle.notes().to_vec(),
    };
    summary.verdicts(&verdicts);
    let inside =
        serde_json::to_string_pretty(&summary.json(bundle.files(), None)).unwrap_or_default();
    bundle.add("summary.json", &(inside + "\n"));
    scan(session, &known, &bundle)?;
    let bytes = write(session, a, &bundle)?;
    let path = a.archive.display().to_string();
    session.ui.result(&match a.project.mode.format {
        Format::Json => {
            serde_json::to_string_pretty(&summary.json(bundle.files(), Some((&path, bytes))))
                .unwrap_or_default()
        }
        Format::Text => summary.text(bundle.files(), &path, bytes),
    });
    Ok(())
}

/// The cluster's address (oc knows it without asking), and who is logged in on which
/// OpenShift: unknown when the API keeps failing (the gather goes on), a failure when nobody is
/// logged in.
fn who(
    session: &Session,
    observer: &Observer,
    notes: &mut Vec<String>,
) -> Outcome<(String, Option<Cluster>)> {
    let line = session.ui.step("cluster");
    let server = session
        .oc
        .server_url()
        .map_err(|e| read_failure("tell which cluster you are logged in to", e))?;
    match observer.cluster() {
        Ok(c) => {
            line.detail(&format!("logged in as {} on {}", c.user, c.server));
            line.detail(&format!("OpenShift {}", c.version));
            line.done();
            Ok((server, Some(c)))
        }
        Err(f) if f.kind == FailureKind::Unavailable => {
            let note = format!("who is logged in is not known: {}", f.message());
            line.warn(&note);
            line.done();
            notes.push(note);
            Ok((server, None))
        }
        Err(f) => {
            line.failed();
            Err(f)
        }
    }
}

/// The project must be there (a failing API is not a no).
fn look_up(
    observer: &Observer,
    project: &str,
    cluster: Option<&Cluster>,
    notes: &mut Vec<String>,
) -> Outcome<()> {
    match observer.project_exists(project) {
        Ok(true) => Ok(()),
        Ok(false) => Err(Failure::input(format!(
            "project {project} does not exist, or {} may not see it",
            cluster.map_or("you", |c| c.user.as_str())
        ))
        .with_help("name the project of the install with --project")),
        Err(f) if f.kind == FailureKind::Unavailable => {
            notes.push(format!("project {project}: {}", f.message()));
            Ok(())
        }
        Err(f) => Err(f),
    }
}

/// Every Secret of the project and the credentials files' secrets, registered with the
/// redactor before anything else is read; without them nothing can be masked, so a failure
/// here ends the gather.
fn read_secrets(
    session: &Session,
    a: &GatherAnswers,
    server: &str,
) -> Outcome<(Vec<SecretObject>, Known)> {
    let project = a.project.project.value.as_str();
    let line = session.ui.step("secrets");
    let secrets = match session
        .oc
        .list_private::<SecretObject>(&["secrets"], project)
    {
        Ok(s) => s,
        Err(e) if e.cause == Cause::Forbidden => {
            line.failed();
            return Err(Failure::preflight(format!(
                "you may not read the secrets of project {project}: {}", e.message
            ))
            .with_help("gather reads every secret of the project first, only to keep its values out of the bundle: it needs a project admin's rights (`oc adm policy add-role-to-user admin USER -n PROJECT`)"));
        }
        Err(e) => {
            line.failed();
            return Err(read_failure("read the project's secrets", e).with_help(
                "gather reads every secret first, to keep its values out of the bundle: nothing was written; run it again",
            ));
        }
    };
    let mut known = Known::new(project);
    for s in &secrets {
        known.add_secret(s);
    }
    let credentials = a
        .project
        .credentials_file
        .clone()
        .or_else(|| record::default_credentials_path(server, project).ok());
    if let Some(path) = credentials {
        local::credentials(&path, server, project, &mut known, &session.redactor).map_err(|e| {
            Failure::input(e).with_help("gather reads the credentials file only to keep its secrets out of the bundle: name the install's with --credentials-file, or move an unreadable one away")
        })?;
    }
    known.register(&session.redactor);
    line.detail(&format!(
        "{} Secrets: {} values to mask, {} short ones after their key, {} public ones kept (certificates, names)",
        known.secrets,
        known.values().len(),
        known.short().len(),
        known.public
    ));
    line.done();
    Ok((secrets, known))
}

/// Shows the notes added since `since` under a step.
fn warn_new(line: &StepLine, bundle: &Bundle, since: usize) {
    for note in &bundle.notes()[since..] {
        line.warn(note);
    }
}

/// The project's objects, the overview and the cluster's files; a failure when nothing of the
/// project could be read.
fn read_project(
    session: &Session,
    project: &str,
    secrets: &[SecretObject],
    bundle: &mut Bundle,
) -> Outcome<Vec<Value>> {
    let line = session.ui.step("objects");
    let since = bundle.notes().len();
    let objects = collect::objects(&session.oc, project, bundle);
    collect::secrets(secrets, bundle);
    overview::write(&objects.items, secrets, bundle);
    cluster::write(&session.oc, project, bundle);
    warn_new(&line, bundle, since);
    if objects.types_read == 0 {
        line.failed();
        return Err(Failure::new(
            FailureKind::Unavailable,
            anyhow::anyhow!(
                "nothing of project {project} could be read: every list failed ({})",
                bundle.notes().get(since).map_or("", String::as_str)
            ),
        )
        .with_help("nothing was written; run gather again when the cluster's API answers"));
    }
    line.detail(&format!(
        "{} objects of {} of {} types, {} Secrets (keys and lengths only)",
        objects.items.len(),
        objects.types_read,
        collect::TYPES.len(),
        secrets.len()
    ));
    line.done();
    Ok(objects.items)
}

fn read_logs(session: &Session, a: &GatherAnswers, items: &[Value], bundle: &mut Bundle) {
    let line = session.ui.step("logs");
    let since = bundle.notes().len();
    let pods: Vec<Pod> = items
        .iter()
        .filter(|i| kube::kind_of(i) == "Pod")
        .map(kube::parse)
        .collect();
    let project = a.project.project.value.as_str();
    let count = logs::read(&session.oc, project, &pods, a.since, bundle);
    warn_new(&line, bundle, since);
    let window = match a.since {
        Some(d) => format!(", of the last {}", crate::duration::describe(d)),
        None => String::new(),
    };
    line.detail(&format!(
        "{} containers' logs and {} of their previous runs (the last {} lines, {} KiB at most each{window})",
        count.current,
        count.previous,
        logs::TAIL_LINES,
        logs::MAX_LOG_BYTES / 1024
    ));
    line.done();
}

/// The install record, the diagnosis and `status`.
fn read_install(
    session: &Session,
    observer: &Observer,
    cluster: Option<Cluster>,
    a: &GatherAnswers,
    items: &[Value],
    bundle: &mut Bundle,
) -> (Verdicts, Option<Opened>) {
    let project = a.project.project.value.as_str();
    let line = session.ui.step("diagnosis");
    if let Some(c) = &cluster {
        local::install_record(&c.server, project, bundle);
    }
    let diagnosis = install::diagnosis(items, bundle);
    line.detail(&format!(
        "root cause: {}",
        diagnosis.unwrap_or("none found")
    ));
    line.done();
    let opened = match cluster {
        Some(c) => install::status(session, observer, c, &a.project, bundle),
        None => {
            bundle.note("status: left out, who is logged in is not known");
            None
        }
    };
    let verdicts = Verdicts {
        diagnosis,
        healthy: opened.as_ref().map(|o| o.healthy),
        answers: None,
    };
    (verdicts, opened)
}

/// `verify`, when asked and the install could be opened.
fn run_verify(
    session: &Session,
    a: &GatherAnswers,
    opened: Option<&Opened>,
    bundle: &mut Bundle,
) -> Option<bool> {
    if !a.verify {
        bundle.note("verify: left out (--no-verify)");
        return None;
    }
    let opened = opened?;
    let line = session.ui.step("verify");
    let answers = install::verify(session, opened, &a.project.http, bundle);
    line.detail(match answers {
        Some(true) => "3scale answers",
        Some(false) => "3scale does not answer: see install/verify.json",
        None => "not run: see the notes",
    });
    line.done();
    answers
}

/// Every file searched for every known secret in every encoding; a hit ends the gather.
fn scan(session: &Session, known: &Known, bundle: &Bundle) -> Outcome<()> {
    let line = session.ui.step("scan");
    let files = bundle
        .files()
        .iter()
        .map(|f| (f.path.as_str(), f.text.as_str()));
    if let Some(hit) = Scan::of(known).find(files) {
        line.failed();
        return Err(Failure::preflight(format!(
            "a secret of the project is in the bundle: {hit}; nothing was written"
        ))
        .with_help("the masking does not know that form: remove the value from that object or log (or the object from the project), then gather again"));
    }
    line.detail(&format!(
        "no secret value in any of the {} files, in any encoding",
        bundle.files().len()
    ));
    line.done();
    Ok(())
}

/// The archive, written whole; its size.
fn write(session: &Session, a: &GatherAnswers, bundle: &Bundle) -> Outcome<usize> {
    let line = session.ui.step("archive");
    let name = a
        .archive
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let top = name
        .strip_suffix(".tar.gz")
        .or_else(|| name.strip_suffix(".tgz"))
        .filter(|t| !t.is_empty())
        .unwrap_or("gather");
    let mtime = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let bytes = archive::pack(top, bundle.files(), mtime).map_err(Failure::internal)?;
    if let Err(e) = archive::write(&a.archive, &bytes, a.force) {
        line.failed();
        return Err(Failure::input(format!("cannot write the archive: {e}"))
            .with_help("name another file with --archive (or add --force to replace it)"));
    }
    line.detail(&format!("{} (mode 0600)", a.archive.display()));
    line.done();
    Ok(bytes.len())
}
