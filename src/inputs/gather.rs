//! The answers of `gather`: the project's (connection, project, templates, HTTPS to 3scale,
//! credentials file), the archive to write, how far back the logs go, and whether `verify`
//! runs.

use super::declared as d;
use super::project::project_answers_in;
use super::resolve::Resolver;
use super::{Env, ProjectAnswers, ProjectInputs};
use crate::cli::{GatherArgs, GlobalArgs};
use crate::failure::Outcome;
use clap::ArgMatches;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

pub(crate) struct GatherAnswers {
    pub(crate) project: ProjectAnswers,
    pub(crate) archive: PathBuf,
    /// Replace an existing archive.
    pub(crate) force: bool,
    /// Only log lines newer than this.
    pub(crate) since: Option<Duration>,
    pub(crate) verify: bool,
}

pub(crate) fn gather_answers(
    global: &GlobalArgs,
    args: &GatherArgs,
    matches: &ArgMatches,
) -> Outcome<GatherAnswers> {
    // gather reads no secret, hence no variable of its own.
    let env = Env::default();
    let mut r = Resolver::new(global, matches, &env)?;
    let inputs = ProjectInputs {
        project: &args.project,
        http: Some(&args.http),
        credentials_file: args.credentials_file.clone(),
        show_secrets: false,
        never_ask: true,
    };
    let mut project = project_answers_in(&mut r, global, inputs);
    let force = r.switch(&d::FORCE, args.force);
    let since = r.duration(&d::SINCE, args.since);
    if since == Some(Duration::ZERO) {
        r.problem(format!(
            "{} must be longer than 0s (e.g. 1h): it keeps the log lines of that last stretch of time",
            d::SINCE.flag()
        ));
    }
    let verify = !r.switch(&d::NO_VERIFY, args.no_verify);
    let archive = r
        .path(&d::ARCHIVE, &args.archive)
        .map(|g| g.value)
        .unwrap_or_else(|| default_archive(&project.project.value, SystemTime::now()));
    if let Some(problem) = archive_problem(&archive, force) {
        r.problem(problem);
    }
    project.warnings = r.finish()?;
    Ok(GatherAnswers {
        project,
        archive,
        force,
        since,
        verify,
    })
}

/// `3scale-gather-PROJECT-20261127T091000Z.tar.gz` in the current directory.
fn default_archive(project: &str, now: SystemTime) -> PathBuf {
    let stamp: String = crate::transcript::utc_timestamp(now)
        .chars()
        .filter(|c| !matches!(c, '-' | ':'))
        .collect();
    PathBuf::from(format!("3scale-gather-{project}-{stamp}.tar.gz"))
}

/// Why the archive cannot be written there, before anything is read.
fn archive_problem(path: &Path, force: bool) -> Option<String> {
    let flag = d::ARCHIVE.flag();
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => Some(format!(
            "{flag} {} is a directory: name the file to write (e.g. {}/bundle.tar.gz)",
            path.display(),
            path.display()
        )),
        Ok(_) if !force => Some(format!(
            "the archive {} exists: name another with {flag}, or add {} to replace it",
            path.display(),
            d::FORCE.flag()
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn the_default_archive_is_named_by_project_and_time() {
        let t = UNIX_EPOCH + Duration::from_secs(1_795_767_000);
        assert_eq!(
            default_archive("3scale-apim", t),
            PathBuf::from("3scale-gather-3scale-apim-20261127T081000Z.tar.gz")
        );
    }

    #[test]
    fn an_existing_archive_is_kept_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.tar.gz");
        assert_eq!(archive_problem(&path, false), None);
        std::fs::write(&path, "x").unwrap();
        let why = archive_problem(&path, false).unwrap();
        assert!(why.contains("exists") && why.contains("--force"), "{why}");
        assert_eq!(archive_problem(&path, true), None);
        assert!(archive_problem(dir.path(), true)
            .unwrap()
            .contains("is a directory"));
    }
}
