//! `Templates`: the real 3scale templates, prepared once per test process from whatever
//! `THREESCALE_REALITY_TEMPLATES` names: a git bundle, a git repository (bare or not), or a plain
//! directory of template files.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The tag the installer installs by default.
pub const TAG: &str = "2.8.0.GA";

/// A repository to fetch from (`file://`) and a plain directory of the files at [`TAG`].
pub struct Templates {
    url: String,
    dir: PathBuf,
    /// Holds the bare clone and the extraction until the process ends.
    _scratch: tempfile::TempDir,
}

impl Templates {
    pub fn prepare(source: &Path) -> Result<Templates, String> {
        let scratch = tempfile::Builder::new()
            .prefix("threescale-reality-templates.")
            .tempdir()
            .map_err(|e| format!("cannot make a temp dir: {e}"))?;
        let source = source
            .canonicalize()
            .map_err(|e| format!("{}: {e}", source.display()))?;
        let bare = scratch.path().join("templates.git");
        let extracted = scratch.path().join(TAG);
        let (repo, dir) = if source.is_file() {
            // A bundle: one bare clone per process.
            git(None, &["clone", "-q", "--bare"], &[&source, &bare])?;
            extract(&bare, &extracted)?;
            (bare, extracted)
        } else if is_git_repository(&source) {
            extract(&source, &extracted)?;
            (source, extracted)
        } else if source.is_dir() {
            // Plain files: a repository of them with an annotated tag, as the real one has.
            commit_tree(&source, &bare)?;
            (bare, source)
        } else {
            return Err(format!(
                "{} is neither a git bundle, a git repository nor a directory",
                source.display()
            ));
        };
        Ok(Templates {
            url: format!("file://{}", repo.display()),
            dir,
            _scratch: scratch,
        })
    }

    /// `file://` URL of a repository with the tag [`TAG`], for `--templates-repo`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The template files at [`TAG`], for `--templates-dir`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

fn is_git_repository(dir: &Path) -> bool {
    dir.join(".git").exists() || (dir.join("HEAD").is_file() && dir.join("objects").is_dir())
}

/// `git archive TAG | tar -x -C DIR`.
fn extract(repo: &Path, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut archive = git_command(Some(repo))
        .args(["archive", "--format=tar", TAG])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(dir)
        .stdin(archive.stdout.take().expect("stdout is piped"))
        .output()
        .map_err(|e| format!("cannot run tar: {e}"))?;
    let git = archive
        .wait_with_output()
        .map_err(|e| format!("git archive: {e}"))?;
    if !git.status.success() {
        return Err(format!(
            "git archive {TAG} in {} failed ({}): {}",
            repo.display(),
            git.status,
            String::from_utf8_lossy(&git.stderr).trim()
        ));
    }
    if !tar.status.success() {
        return Err(format!(
            "tar -x -C {} failed ({}): {}",
            dir.display(),
            tar.status,
            String::from_utf8_lossy(&tar.stderr).trim()
        ));
    }
    Ok(())
}

/// Commits the files of `tree` into a new bare repository and tags the commit [`TAG`]; the
/// directory itself is left untouched (the index lives in the repository).
fn commit_tree(tree: &Path, bare: &Path) -> Result<(), String> {
    git(None, &["init", "-q", "--bare"], &[bare])?;
    let in_repo = |args: &[&str]| -> Result<(), String> {
        let mut cmd = git_command(Some(bare));
        cmd.arg("--work-tree").arg(tree).args(args);
        run(cmd)
    };
    in_repo(&["add", "-A", "."])?;
    in_repo(&["commit", "-q", "-m", "3scale templates (reality tier)"])?;
    in_repo(&["tag", "-a", TAG, "-m", TAG])
}

fn git(repo: Option<&Path>, args: &[&str], paths: &[&Path]) -> Result<(), String> {
    let mut cmd = git_command(repo);
    cmd.args(args).args(paths);
    run(cmd)
}

/// git with no user or system configuration in the way, and an identity for commits and tags.
fn git_command(repo: Option<&Path>) -> Command {
    let mut cmd = Command::new("git");
    cmd.env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_TERMINAL_PROMPT", "0")
        .args(["-c", "init.defaultBranch=main"])
        .args(["-c", "user.name=reality tier"])
        .args(["-c", "user.email=reality@localhost"])
        .args(["-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false"]);
    if let Some(repo) = repo {
        let work_tree_git = repo.join(".git");
        cmd.arg("--git-dir").arg(if work_tree_git.exists() {
            work_tree_git
        } else {
            repo.to_path_buf()
        });
    }
    cmd
}

fn run(mut cmd: Command) -> Result<(), String> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{cmd:?} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}
