//! One run at a time per cluster and project: a lock file in the project's state dir. Holding
//! it means holding the kernel's lock on it (`flock`), so a run that died — killed, crashed, its
//! machine rebooted — holds nothing any more, whatever its file says: such a lock is stale and is
//! taken over with one warning line. The file names the holder (pid, host, command, since when)
//! for the message that refuses a second run; a holder that could not write it (a full disk)
//! still holds the lock, and a file left empty never blocks anyone.

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The lock of a project, held until dropped.
pub(crate) struct Lock {
    path: PathBuf,
    file: File,
}

/// Who holds a lock, as its file says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Holder {
    pub(crate) pid: String,
    pub(crate) host: String,
    pub(crate) command: String,
    pub(crate) started: String,
}

impl Holder {
    fn me(command: &str) -> Holder {
        Holder {
            pid: std::process::id().to_string(),
            host: hostname(),
            command: command.to_string(),
            started: crate::transcript::utc_timestamp(std::time::SystemTime::now()),
        }
    }

    fn text(&self) -> String {
        format!(
            "pid={}\nhost={}\ncommand={}\nstarted={}\n",
            self.pid, self.host, self.command, self.started
        )
    }

    /// The holder a lock file names; `None` when it is empty or unreadable.
    fn parse(text: &str) -> Option<Holder> {
        let field = |k: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("{k}=")))
                .map(str::to_string)
        };
        let h = Holder {
            pid: field("pid")?,
            host: field("host").unwrap_or_default(),
            command: field("command").unwrap_or_default(),
            started: field("started").unwrap_or_default(),
        };
        (!h.pid.is_empty()).then_some(h)
    }

    /// `pid 123 on host, `install`, since 2026-…`.
    pub(crate) fn describe(&self) -> String {
        let command = if self.command.is_empty() {
            String::new()
        } else {
            format!(", `{}`", self.command)
        };
        format!(
            "pid {} on {}{command}, since {}",
            self.pid,
            if self.host.is_empty() {
                "an unknown host"
            } else {
                &self.host
            },
            if self.started.is_empty() {
                "an unknown time"
            } else {
                &self.started
            }
        )
    }
}

/// Why the lock was not taken.
#[derive(Debug)]
pub(crate) enum Refused {
    /// Another run holds it.
    Held { holder: Option<Holder> },
    /// The state directory or the file cannot be used.
    Io(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Held { holder, .. } => write!(
                f,
                "another threescale-install ({}) is working on this project",
                holder
                    .as_ref()
                    .map(Holder::describe)
                    .unwrap_or_else(|| "whose details could not be read".into())
            ),
            Refused::Io(e) => write!(f, "{e}"),
        }
    }
}

/// What taking the lock found: nothing, or a stale lock taken over (its holder, as its file
/// said).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Taken {
    Fresh,
    TakenOver(Option<Holder>),
}

fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most buf.len() bytes into buf.
    let ok = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0;
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    if ok {
        String::from_utf8_lossy(&buf[..end]).into_owned()
    } else {
        "unknown".into()
    }
}

/// The kernel's exclusive lock on `file`, without waiting: false when another holds it.
fn try_flock(file: &File) -> Result<bool, String> {
    // SAFETY: flock on a descriptor we own.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let e = std::io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Ok(false)
    } else {
        Err(format!("cannot lock: {e}"))
    }
}

/// The lock file, and whether it was there already (left by another run).
fn open(path: &Path) -> Result<(File, bool), String> {
    let new = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path);
    let opened = match new {
        Ok(f) => Ok((f, false)),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map(|f| (f, true)),
        Err(e) => Err(e),
    };
    opened.map_err(|e| format!("cannot open {}: {e}", path.display()))
}

fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(4096).read_to_string(&mut text).ok()?;
    Holder::parse(&text)
}

/// The holder of the lock in `dir`, when a live run holds it (checked without taking it).
pub(crate) fn holder(dir: &Path) -> Option<Option<Holder>> {
    let path = dir.join("lock");
    let mut file = std::fs::OpenOptions::new().read(true).open(&path).ok()?;
    match try_flock(&file) {
        // Free: nobody holds it (released at once by dropping the file).
        Ok(true) => None,
        Ok(false) => Some(read_holder(&mut file)),
        Err(_) => None,
    }
}

impl Lock {
    /// Takes the lock of `dir` for `command`, or says who holds it.
    pub(crate) fn acquire(dir: &Path, command: &str) -> Result<(Lock, Taken), Refused> {
        // The project's state directory holds credentials and transcripts: private, like the
        // directories the other writers make.
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| Refused::Io(format!("cannot create {}: {e}", dir.display())))?;
        let path = dir.join("lock");
        // A holder that releases removes the file: a lock taken on a file removed meanwhile is
        // no lock, so the file is opened again until the one locked is the one at the path.
        for _ in 0..8 {
            let (mut file, existed) = match open(&path) {
                Ok(opened) => opened,
                // Removed between the two opens by a holder that released it.
                Err(_) if !path.exists() => continue,
                Err(e) => return Err(Refused::Io(e)),
            };
            if !try_flock(&file).map_err(Refused::Io)? {
                let holder = read_holder(&mut file);
                return Err(Refused::Held { holder });
            }
            if !same_file(&file, &path) {
                continue;
            }
            let left = existed.then(|| read_holder(&mut file));
            crate::interrupt::temp_created(&path);
            let lock = Lock { path, file };
            lock.write(&Holder::me(command));
            let taken = match left {
                Some(h) => Taken::TakenOver(h),
                None => Taken::Fresh,
            };
            return Ok((lock, taken));
        }
        Err(Refused::Io(format!(
            "cannot take the lock {}: it keeps changing",
            path.display()
        )))
    }

    /// Names the holder in the file; a failed write (a full disk) leaves the lock held and the
    /// file unreadable, which never blocks a later run.
    fn write(&self, holder: &Holder) {
        let mut f = &self.file;
        let _ = f
            .set_len(0)
            .and_then(|()| f.rewind())
            .and_then(|()| f.write_all(holder.text().as_bytes()))
            .and_then(|()| f.sync_data());
    }
}

fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
        _ => false,
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, so that nobody takes a lock on a file about to go.
        let _ = std::fs::remove_file(&self.path);
        crate::interrupt::temp_settled(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_directory_a_lock_makes_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("server/project");
        let (lock, _) = Lock::acquire(&state, "install").unwrap();
        let mode = std::fs::metadata(&state).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{mode:o}");
        drop(lock);
    }

    #[test]
    fn a_second_holder_is_refused_with_the_first_named() {
        let dir = tempfile::tempdir().unwrap();
        let (first, taken) = Lock::acquire(dir.path(), "install").unwrap();
        assert_eq!(taken, Taken::Fresh);
        let Err(Refused::Held { holder }) = Lock::acquire(dir.path(), "uninstall") else {
            panic!("a second holder was let in");
        };
        let holder = holder.expect("the holder is named");
        assert_eq!(holder.pid, std::process::id().to_string());
        assert_eq!(holder.command, "install");
        assert!(super::holder(dir.path()).is_some());
        drop(first);
        assert!(!dir.path().join("lock").exists());
        assert!(super::holder(dir.path()).is_none());
    }

    #[test]
    fn a_lock_nobody_holds_is_taken_over_whatever_it_says() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lock");
        // What a run that died leaves: its details, or nothing at all (a full disk).
        std::fs::write(
            &path,
            "pid=999999999\nhost=elsewhere\ncommand=install\nstarted=x\n",
        )
        .unwrap();
        let (lock, taken) = Lock::acquire(dir.path(), "uninstall").unwrap();
        let Taken::TakenOver(Some(h)) = taken else {
            panic!("not taken over: {taken:?}");
        };
        assert_eq!(
            (h.pid.as_str(), h.host.as_str()),
            ("999999999", "elsewhere")
        );
        drop(lock);
        std::fs::write(&path, "").unwrap();
        let (_lock, taken) = Lock::acquire(dir.path(), "uninstall").unwrap();
        assert_eq!(taken, Taken::TakenOver(None));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("command=uninstall"), "{text}");
    }
}
