//! Running one oc process: arguments, stdin bytes, stdout and stderr captured apart, an
//! environment without our secrets, and a deadline after which the whole process group is
//! killed. The only place that spawns a process.

use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::time::{Duration, Instant};

/// What a finished process left behind.
#[derive(Debug)]
pub(crate) struct Finished {
    /// `None` when a signal ended it.
    pub(crate) status: Option<i32>,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: Vec<u8>,
    pub(crate) took: Duration,
}

/// Why a process did not finish on its own.
#[derive(Debug)]
pub(crate) enum NotFinished {
    NotStarted(std::io::Error),
    /// Killed at its deadline.
    Deadline(Duration),
    WaitFailed(std::io::Error),
}

/// Environment variables a child must not inherit: every variable of ours (`THREESCALE_*`: they
/// may carry parameters and passwords) and any other whose value holds a secret of the run.
pub(crate) fn variables_to_remove(reveals: impl Fn(&str) -> bool) -> Vec<OsString> {
    std::env::vars_os()
        .filter(|(name, value)| {
            name.to_string_lossy().starts_with("THREESCALE_")
                || value.to_str().is_some_and(&reveals)
        })
        .map(|(name, _)| name)
        .collect()
}

/// Runs `program args`, feeding `stdin`, until it exits or `deadline` passes.
pub(crate) fn run(
    program: &Path,
    args: &[String],
    stdin: Option<&[u8]>,
    removed_env: &[OsString],
    deadline: Duration,
) -> Result<Finished, NotFinished> {
    let started = Instant::now();
    let mut expr = duct::cmd(program, args)
        .stdout_capture()
        .stderr_capture()
        .unchecked()
        // Its own process group: a deadline kills oc and anything it started, and a Ctrl-C
        // typed at the terminal reaches us, who stop it in order.
        .before_spawn(|c| {
            c.process_group(0);
            Ok(())
        });
    for name in removed_env {
        expr = expr.env_remove(name);
    }
    expr = match stdin {
        Some(bytes) => expr.stdin_bytes(bytes.to_vec()),
        None => expr.stdin_null(),
    };
    // Started and registered at once: an interruption in between would exit without it.
    let (handle, pids) = {
        let _starting = crate::interrupt::starting();
        let handle = expr.start().map_err(NotFinished::NotStarted)?;
        let pids = handle.pids();
        pids.iter()
            .for_each(|p| crate::interrupt::child_started(*p));
        (handle, pids)
    };
    let waited = handle.wait_timeout(deadline);
    if matches!(waited, Ok(None)) {
        for pid in &pids {
            // SAFETY: kill(2) on the process group of a child we spawned (its pid is the group).
            unsafe { libc::kill(-(*pid as i32), libc::SIGKILL) };
        }
        let _ = handle.wait();
    }
    pids.iter()
        .for_each(|p| crate::interrupt::child_finished(*p));
    match waited {
        Ok(Some(output)) => Ok(Finished {
            status: output.status.code(),
            stdout: output.stdout.clone(),
            stderr: output.stderr.clone(),
            took: started.elapsed(),
        }),
        Ok(None) => Err(NotFinished::Deadline(deadline)),
        Err(e) => Err(NotFinished::WaitFailed(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, deadline: Duration) -> Result<Finished, NotFinished> {
        run(
            Path::new("/bin/sh"),
            &["-c".to_string(), script.to_string()],
            Some(b"in"),
            &[],
            deadline,
        )
    }

    #[test]
    fn stdout_stderr_and_status_are_kept_apart() {
        let f = sh("cat; echo err >&2; exit 3", Duration::from_secs(30)).unwrap();
        assert_eq!(
            (f.status, f.stdout.as_slice(), f.stderr.as_slice()),
            (Some(3), &b"in"[..], &b"err\n"[..])
        );
    }

    #[test]
    fn a_deadline_kills_the_whole_group() {
        // The grandchild holds the pipes open: only killing the group ends the wait.
        let r = sh(
            "sh -c 'exec cat /dev/zero > /dev/null' & wait",
            Duration::ZERO,
        );
        assert!(matches!(r, Err(NotFinished::Deadline(_))), "{r:?}");
    }
}
