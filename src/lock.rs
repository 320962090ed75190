//! One install at a time per cluster and project: a lock file in the project's state dir,
//! created exclusively, naming the holder. A lock whose holder died (same host, no such process)
//! is stale and taken over.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

pub struct Lock {
    path: PathBuf,
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

fn alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    let signalled = unsafe { libc::kill(pid, 0) } == 0;
    signalled || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

impl Lock {
    /// Takes the lock of `dir`, or says who holds it.
    pub fn acquire(dir: &Path, what: &str) -> Result<Lock, String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let path = dir.join("lock");
        let me = format!(
            "pid={}\nhost={}\nstarted={}\n",
            std::process::id(),
            hostname(),
            crate::transcript::utc_timestamp(std::time::SystemTime::now())
        );
        for _ in 0..2 {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
            {
                Ok(mut f) => {
                    f.write_all(me.as_bytes())
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    crate::interrupt::temp_created(&path);
                    return Ok(Lock { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let holder = std::fs::read_to_string(&path).unwrap_or_default();
                    let field = |k: &str| {
                        holder
                            .lines()
                            .find_map(|l| l.strip_prefix(&format!("{k}=")))
                            .unwrap_or("")
                            .to_string()
                    };
                    let pid: i32 = field("pid").parse().unwrap_or(0);
                    let stale = field("host") == hostname() && pid > 0 && !alive(pid);
                    if !stale {
                        return Err(format!(
                            "another threescale-install (pid {pid} on {}, started {}) is working on {what}; wait for it to finish, or remove {} if you know it is gone",
                            field("host"),
                            field("started"),
                            path.display()
                        ));
                    }
                    // The holder died without cleaning up: take its lock over.
                    let _ = std::fs::remove_file(&path);
                }
                Err(e) => return Err(format!("cannot create {}: {e}", path.display())),
            }
        }
        Err(format!("cannot take the lock {}", path.display()))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        crate::interrupt::temp_settled(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_and_a_dead_ones_lock_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let first = Lock::acquire(dir.path(), "p").unwrap();
        let err = Lock::acquire(dir.path(), "p").err().unwrap();
        assert!(
            err.contains(&format!("pid {}", std::process::id())),
            "{err}"
        );
        drop(first);
        assert!(!dir.path().join("lock").exists());

        // A holder that no longer runs: a pid that cannot exist.
        std::fs::write(
            dir.path().join("lock"),
            format!("pid=999999999\nhost={}\nstarted=x\n", hostname()),
        )
        .unwrap();
        assert!(Lock::acquire(dir.path(), "p").is_ok());
    }
}
