//! Fetches the template repository at a tag, branch or commit with git2, into a per-user cache
//! keyed by URL and ref. The only module that uses git2.
//!
//! A fetch happens in a temporary directory beside the cache entry and is renamed into place only
//! when the checkout is complete, so a failed or interrupted fetch leaves nothing half-made.

use crate::paths;
use git2::{AutotagOption, Direction, FetchOptions, RemoteCallbacks, Repository};
use std::path::{Path, PathBuf};

/// The files an install reads from the checkout.
pub(crate) const REQUIRED_FILES: &[&str] = &["amp/amp.yml", "3scale-image-streams.yml"];

#[derive(Debug, Clone)]
pub struct Checkout {
    pub dir: PathBuf,
    /// The commit checked out, when the directory is a git checkout.
    pub(crate) commit: Option<String>,
    /// Whether this run fetched over the network (false: cache or --templates-dir).
    pub(crate) fetched: bool,
    /// A branch taken from the cache: it may have moved since (`--refresh-templates`).
    pub(crate) cached_branch: bool,
}

/// Transfer progress, for the ui to draw.
pub enum Progress {
    Objects {
        received: usize,
        total: usize,
        bytes: usize,
    },
    Deltas {
        indexed: usize,
        total: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RefKind {
    Tag,
    Branch,
    Commit,
}

/// Uses an existing directory as the checkout: no git at all, beyond reading its HEAD if any.
pub(crate) fn use_dir(dir: &Path) -> Result<Checkout, String> {
    if !dir.is_dir() {
        return Err(format!(
            "--templates-dir {} is not a directory",
            dir.display()
        ));
    }
    let commit = Repository::open(dir).ok().and_then(|r| {
        r.head()
            .ok()
            .and_then(|h| h.peel_to_commit().ok())
            .map(|c| c.id().to_string())
    });
    verify(dir, commit.as_deref())?;
    Ok(Checkout {
        dir: dir.to_path_buf(),
        commit,
        fetched: false,
        cached_branch: false,
    })
}

/// The cache entry of `url` at `git_ref`, fetched if not cached yet; a cached branch is fetched
/// again when `refresh` (tags and commits do not move).
pub fn ensure(
    url: &str,
    git_ref: &str,
    refresh: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Checkout, String> {
    let cache = paths::cache_dir()?.join("templates");
    let repo_dir = cache.join(format!("{}-{}", paths::slug(url), paths::stable_hash(url)));
    let dest = repo_dir.join(format!(
        "{}-{}",
        paths::slug(git_ref),
        paths::stable_hash(git_ref)
    ));
    if dest.is_dir() {
        let branch = is_branch_checkout(&dest, git_ref);
        if let Some(commit) = head_commit(&dest).filter(|_| !(refresh && branch)) {
            verify(&dest, Some(&commit))?;
            return Ok(Checkout {
                dir: dest,
                commit: Some(commit),
                fetched: false,
                cached_branch: branch,
            });
        }
        // A branch to refresh, or not a readable checkout (damaged by hand): fetch it again.
        std::fs::remove_dir_all(&dest)
            .map_err(|e| format!("cannot remove the cache entry {}: {e}", dest.display()))?;
    }
    std::fs::create_dir_all(&repo_dir).map_err(|e| {
        format!(
            "cannot create the cache directory {}: {e}",
            repo_dir.display()
        )
    })?;
    let tmp = repo_dir.join(format!(
        ".partial-{}-{}",
        paths::stable_hash(git_ref),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    crate::interrupt::temp_created(&tmp);
    let result = fetch_into(url, git_ref, &tmp, progress).and_then(|commit| {
        verify(&tmp, Some(&commit))?;
        Ok(commit)
    });
    let outcome = match result {
        Ok(commit) => {
            if let Err(e) = std::fs::rename(&tmp, &dest) {
                let _ = std::fs::remove_dir_all(&tmp);
                if !dest.is_dir() {
                    return Err(format!(
                        "cannot move the checkout into the cache at {}: {e}",
                        dest.display()
                    ));
                }
            }
            Ok(Checkout {
                dir: dest,
                commit: Some(commit),
                fetched: true,
                cached_branch: false,
            })
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            // A failed first fetch leaves no empty folders behind.
            let _ = std::fs::remove_dir(&repo_dir);
            let _ = std::fs::remove_dir(&cache);
            Err(e)
        }
    };
    crate::interrupt::temp_settled(&tmp);
    outcome
}

/// Whether the cached checkout of `git_ref` was fetched as a branch.
fn is_branch_checkout(dir: &Path, git_ref: &str) -> bool {
    Repository::open(dir).ok().is_some_and(|r| {
        r.find_reference(&format!("refs/remotes/origin/{git_ref}"))
            .is_ok()
    })
}

/// The commit checked out in `dir`, when it is a git work tree.
pub(crate) fn head_commit(dir: &Path) -> Option<String> {
    let repo = Repository::open(dir).ok()?;
    let commit = repo.head().ok()?.peel_to_commit().ok()?;
    Some(commit.id().to_string())
}

/// libgit2 refuses `depth` on the local transport: plain paths and file:// URLs.
fn is_local(url: &str) -> bool {
    url.starts_with("file://") || !(url.contains("://") || is_scp_like(url))
}

fn is_scp_like(url: &str) -> bool {
    // user@host:path
    match url.split_once(':') {
        Some((host, _)) => host.contains('@') && !host.contains('/'),
        None => false,
    }
}

fn fetch_into(
    url: &str,
    git_ref: &str,
    dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<String, String> {
    if is_local(url) {
        return copy_tip(url, git_ref, dir);
    }
    let fail = |what: &str, e: git2::Error| format!("{what} {url}: {}", e.message());
    let repo = init_bare_bones(dir).map_err(|e| {
        format!(
            "cannot create a repository in {}: {}",
            dir.display(),
            e.message()
        )
    })?;
    let mut remote = repo
        .remote_anonymous(url)
        .map_err(|e| fail("cannot use the repository", e))?;

    let advertised: Vec<String> = {
        let connection = remote
            .connect_auth(Direction::Fetch, None, None)
            .map_err(|e| fail("cannot reach the repository", e))?;
        connection
            .list()
            .map_err(|e| fail("cannot list the refs of", e))?
            .iter()
            .map(|h| h.name().to_string())
            .collect()
    };
    let kind = if advertised
        .iter()
        .any(|r| r == &format!("refs/tags/{git_ref}"))
    {
        RefKind::Tag
    } else if advertised
        .iter()
        .any(|r| r == &format!("refs/heads/{git_ref}"))
    {
        RefKind::Branch
    } else if git_ref.len() >= 7
        && git_ref.len() <= 40
        && git_ref.chars().all(|c| c.is_ascii_hexdigit())
    {
        RefKind::Commit
    } else {
        return Err(unknown_ref_message(url, git_ref, &advertised));
    };

    let refspecs: Vec<String> = match kind {
        RefKind::Tag => vec![format!("+refs/tags/{git_ref}:refs/tags/{git_ref}")],
        RefKind::Branch => vec![format!(
            "+refs/heads/{git_ref}:refs/remotes/origin/{git_ref}"
        )],
        RefKind::Commit => vec![
            "+refs/heads/*:refs/remotes/origin/*".into(),
            "+refs/tags/*:refs/tags/*".into(),
        ],
    };
    {
        let mut callbacks = RemoteCallbacks::new();
        callbacks.transfer_progress(|p| {
            if p.received_objects() < p.total_objects() {
                progress(Progress::Objects {
                    received: p.received_objects(),
                    total: p.total_objects(),
                    bytes: p.received_bytes(),
                });
            } else {
                progress(Progress::Deltas {
                    indexed: p.indexed_deltas(),
                    total: p.total_deltas(),
                });
            }
            true
        });
        let mut options = FetchOptions::new();
        options
            .remote_callbacks(callbacks)
            .download_tags(AutotagOption::None);
        if kind != RefKind::Commit && !is_local(url) {
            options.depth(1);
        }
        remote
            .fetch(&refspecs, Some(&mut options), None)
            .map_err(|e| fail("cannot fetch from", e))?;
    }

    let spec = match kind {
        RefKind::Tag => format!("refs/tags/{git_ref}"),
        RefKind::Branch => format!("refs/remotes/origin/{git_ref}"),
        RefKind::Commit => git_ref.to_string(),
    };
    let object = repo.revparse_single(&spec).map_err(|e| match kind {
        RefKind::Commit => format!(
            "{git_ref} is neither a tag, a branch nor a commit of {url}: {}",
            e.message()
        ),
        _ => format!(
            "cannot find {spec} after fetching it from {url}: {}",
            e.message()
        ),
    })?;
    let commit = object
        .peel_to_commit()
        .map_err(|e| format!("{git_ref} does not point at a commit: {}", e.message()))?;
    check_out(&repo, &commit, git_ref)
}

/// A new repository without the system's template directory (sample hooks and the like: files
/// nobody reads here, and most of the cost of a small local fetch).
fn init_bare_bones(dir: &Path) -> Result<Repository, git2::Error> {
    let mut options = git2::RepositoryInitOptions::new();
    options.external_template(false);
    Repository::init_opts(dir, &options)
}

/// A local source: libgit2 refuses shallow fetches over the local transport and would copy the
/// whole history, so the tagged commit and its tree are copied from the source's object database
/// instead, and the checkout is recorded as shallow (what `git clone --depth 1` makes).
fn copy_tip(url: &str, git_ref: &str, dir: &Path) -> Result<String, String> {
    let path = url.strip_prefix("file://").unwrap_or(url);
    let src = Repository::open(path)
        .map_err(|e| format!("cannot open the repository {url}: {}", e.message()))?;
    let refs: Vec<String> = src
        .references()
        .map(|r| {
            r.flatten()
                .filter_map(|r| r.name().ok().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let spec = [
        format!("refs/tags/{git_ref}"),
        format!("refs/heads/{git_ref}"),
    ]
    .into_iter()
    .find(|r| refs.contains(r));
    let commit = match spec {
        Some(r) => src.revparse_single(&r),
        None if git_ref.len() >= 7 && git_ref.chars().all(|c| c.is_ascii_hexdigit()) => {
            src.revparse_single(git_ref)
        }
        None => return Err(unknown_ref_message(url, git_ref, &refs)),
    }
    .and_then(|o| o.peel_to_commit())
    .map_err(|e| {
        format!(
            "{git_ref} is neither a tag, a branch nor a commit of {url}: {}",
            e.message()
        )
    })?;

    let repo = init_bare_bones(dir).map_err(|e| {
        format!(
            "cannot create a repository in {}: {}",
            dir.display(),
            e.message()
        )
    })?;
    let copy_err = |e: git2::Error| format!("cannot copy {git_ref} from {url}: {}", e.message());
    // The commit and its whole tree, as one pack, like a depth-1 fetch would send.
    let mut pack = src.packbuilder().map_err(copy_err)?;
    pack.insert_commit(commit.id()).map_err(copy_err)?;
    let odb = repo.odb().map_err(copy_err)?;
    let mut writer = odb.packwriter().map_err(copy_err)?;
    let mut written = Ok(());
    pack.foreach(|bytes| {
        written = std::io::Write::write_all(&mut writer, bytes);
        written.is_ok()
    })
    .map_err(copy_err)?;
    written.map_err(|e| format!("cannot copy {git_ref} from {url}: {e}"))?;
    writer.commit().map_err(copy_err)?;
    // The parents were left out: git reads this file to know the history is cut here.
    std::fs::write(repo.path().join("shallow"), format!("{}\n", commit.id()))
        .map_err(|e| format!("cannot write {}: {e}", repo.path().display()))?;
    let copied = repo.find_commit(commit.id()).map_err(copy_err)?;
    repo.reference(
        &format!("refs/tags/{git_ref}"),
        copied.id(),
        true,
        "threescale-install",
    )
    .map_err(copy_err)?;
    check_out(&repo, &copied, git_ref)
}

/// Checks `commit` out into the work tree and points HEAD at it (detached, like a tag checkout).
fn check_out(repo: &Repository, commit: &git2::Commit, git_ref: &str) -> Result<String, String> {
    let mut checkout = git2::build::CheckoutBuilder::new();
    checkout.force();
    repo.checkout_tree(commit.as_object(), Some(&mut checkout))
        .map_err(|e| format!("cannot check out {git_ref}: {}", e.message()))?;
    repo.set_head_detached(commit.id())
        .map_err(|e| format!("cannot set HEAD to {git_ref}: {}", e.message()))?;
    Ok(commit.id().to_string())
}

fn unknown_ref_message(url: &str, git_ref: &str, advertised: &[String]) -> String {
    let tags: Vec<&str> = advertised
        .iter()
        .filter_map(|r| r.strip_prefix("refs/tags/"))
        .filter(|t| !t.ends_with("^{}"))
        .collect();
    let prefix: String = git_ref.chars().take(3).collect();
    let mut similar: Vec<&str> = tags
        .iter()
        .copied()
        .filter(|t| t.starts_with(&prefix))
        .collect();
    if similar.is_empty() {
        similar = tags.iter().rev().take(8).copied().collect();
    }
    let mut msg = format!("'{git_ref}' is neither a tag nor a branch of {url}");
    if !similar.is_empty() {
        msg.push_str(&format!("; tags there include: {}", similar.join(", ")));
    }
    msg
}

/// The git blob id of `bytes` (what `git hash-object` prints for a file holding them): the
/// identity of a template file, compared with the official files' whatever the checkout.
pub(crate) fn blob_id(bytes: &[u8]) -> Result<String, String> {
    git2::Oid::hash_object(git2::ObjectType::Blob, bytes)
        .map(|oid| oid.to_string())
        .map_err(|e| format!("cannot hash the file: {}", e.message()))
}

/// Checks that the files an install needs are in the checkout.
fn verify(dir: &Path, commit: Option<&str>) -> Result<(), String> {
    let missing: Vec<&str> = REQUIRED_FILES
        .iter()
        .copied()
        .filter(|f| !dir.join(f).is_file())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let at = commit
        .map(|c| format!(" at commit {}", &c[..c.len().min(12)]))
        .unwrap_or_default();
    Err(format!(
        "{}{at} is not a 3scale 2.8 templates checkout: missing {}",
        dir.display(),
        missing.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_transports_are_recognised() {
        assert!(is_local("/srv/mirror/templates.git"));
        assert!(is_local("file:///srv/mirror"));
        assert!(is_local("../relative"));
        assert!(!is_local("https://github.com/3scale/x.git"));
        assert!(!is_local("git://127.0.0.1:9418/x"));
        assert!(!is_local("git@github.com:3scale/x.git"));
    }

    #[test]
    fn blob_ids_are_git_s() {
        // `printf 'hello\n' | git hash-object --stdin`
        assert_eq!(
            blob_id(b"hello\n").unwrap(),
            "ce013625030ba8dba906f756967f9e9ca394464a"
        );
    }

    #[test]
    fn unknown_ref_lists_similar_tags() {
        let refs = vec![
            "refs/tags/2.8.0.GA".to_string(),
            "refs/tags/2.8.1.GA".into(),
            "refs/heads/master".into(),
        ];
        let msg = unknown_ref_message("u", "2.8.9.GA", &refs);
        assert!(msg.contains("2.8.0.GA, 2.8.1.GA"), "{msg}");
    }
}
