//! Child processes without sleeps: a watchdog that kills at a deadline, and `collect`, which runs a
//! command to its end with its output captured and, optionally, a signal sent when stderr says so.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Kills a process (or a process group) when a deadline passes, unless disarmed first.
///
/// Disarm before reaping the child (see [`wait_unreaped`]): until then its pid cannot be reused,
/// so the watchdog never signals a stranger.
pub struct Watchdog {
    disarm: Option<Sender<()>>,
    thread: Option<JoinHandle<bool>>,
}

impl Watchdog {
    /// `target` is a pid, or minus a process group id; `signal` is e.g. `libc::SIGKILL`.
    pub fn arm(target: i32, deadline: Duration, signal: i32) -> Watchdog {
        let (disarm, armed) = mpsc::channel::<()>();
        let thread = thread::spawn(move || match armed.recv_timeout(deadline) {
            Err(RecvTimeoutError::Timeout) => {
                // SAFETY: kill(2) has no memory effects; the target is not reaped yet (see above).
                unsafe { libc::kill(target, signal) };
                true
            }
            _ => false,
        });
        Watchdog {
            disarm: Some(disarm),
            thread: Some(thread),
        }
    }

    /// Stops the watchdog; true when it had already fired.
    pub fn disarm(mut self) -> bool {
        self.stop()
    }

    fn stop(&mut self) -> bool {
        if let Some(tx) = self.disarm.take() {
            let _ = tx.send(());
        }
        self.thread
            .take()
            .map(|t| t.join().unwrap_or(false))
            .unwrap_or(false)
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Blocks until the child has exited, without reaping it (waitid with WNOWAIT), so that its pid
/// stays reserved until `Child::wait`.
pub fn wait_unreaped(child: &Child) {
    let pid = child.id() as libc::id_t;
    loop {
        // SAFETY: siginfo_t is plain data, and waitid only writes into it.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let rc =
            unsafe { libc::waitid(libc::P_PID, pid, &mut info, libc::WEXITED | libc::WNOWAIT) };
        if rc == 0 || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            return;
        }
    }
}

/// The signal `run_until` sends once stderr shows the awaited text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// SIGINT to the installer alone.
    Int,
    /// SIGTERM to the installer alone.
    Term,
    /// SIGINT to the installer's whole process group (it and its `oc` children), as a
    /// terminal's Ctrl-C does.
    CtrlC,
    /// SIGHUP to the installer alone, as a shell sends it to its job when its terminal closes
    /// (a dropped SSH connection, a closed window).
    HangUp,
}

impl Signal {
    fn send(self, pid: i32) {
        let (target, signal) = match self {
            Signal::Int => (pid, libc::SIGINT),
            Signal::Term => (pid, libc::SIGTERM),
            Signal::CtrlC => (-pid, libc::SIGINT),
            Signal::HangUp => (pid, libc::SIGHUP),
        };
        // SAFETY: kill(2) has no memory effects; the child is not reaped yet.
        unsafe { libc::kill(target, signal) };
    }
}

/// What a finished process left behind.
#[derive(Clone, Debug)]
pub struct Run {
    /// The exit code, or 128 + the signal number when a signal ended it (as a shell reports it).
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// `run_until` saw its text and sent the signal.
    pub signalled: bool,
    /// The deadline passed and the process group was killed.
    pub timed_out: bool,
    /// Processes of its group (e.g. an `oc` it started) outlived it; they were killed so that
    /// nothing touches the case's files afterwards.
    pub strays: bool,
}

impl Run {
    /// stdout and stderr, for assertion messages.
    pub fn transcript(&self) -> String {
        let timed_out = if self.timed_out {
            " (killed at the deadline)"
        } else {
            ""
        };
        let strays = if self.strays {
            " (processes it started outlived it)"
        } else {
            ""
        };
        format!(
            "exit code {}{timed_out}{strays}\n--- stdout\n{}--- stderr\n{}---",
            self.code, self.stdout, self.stderr
        )
    }

    #[track_caller]
    pub fn assert_code(&self, expected: &[i32]) -> &Run {
        assert!(
            expected.contains(&self.code),
            "expected exit code {expected:?}, got:\n{}",
            self.transcript()
        );
        self
    }
}

/// Runs `cmd` to its end in a process group of its own, feeding `stdin` (or nothing), capturing
/// stdout and stderr. With `trigger`, the first stderr line containing the text makes it send the
/// signal. At `deadline` the whole group is killed.
pub fn collect(
    cmd: Command,
    stdin: Option<Vec<u8>>,
    trigger: Option<(&str, Signal)>,
    deadline: Duration,
) -> Run {
    let mut signalled = false;
    let watcher = trigger.map(|(needle, signal)| {
        move |line: &str| {
            (!signalled && line.contains(needle)).then(|| {
                signalled = true;
                signal
            })
        }
    });
    match watcher {
        Some(mut w) => collect_watching(cmd, stdin, &mut w, deadline),
        None => collect_watching(cmd, stdin, &mut |_: &str| None, deadline),
    }
}

/// Like [`collect`], with `watch` called on every stderr line: the signal it returns is sent to
/// the process (and `Run::signalled` set).
pub fn collect_watching(
    mut cmd: Command,
    stdin: Option<Vec<u8>>,
    watch: &mut dyn FnMut(&str) -> Option<Signal>,
    deadline: Duration,
) -> Run {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {:?}: {e}", cmd.get_program()));
    let pid = child.id() as i32;
    let watchdog = Watchdog::arm(-pid, deadline, libc::SIGKILL);

    let feeder = child.stdin.take().map(|mut pipe| {
        let bytes = stdin.unwrap_or_default();
        // A child that does not read its stdin closes the pipe: that is not our failure.
        thread::spawn(move || drop(pipe.write_all(&bytes)))
    });
    let mut out_pipe = child.stdout.take().expect("stdout is piped");
    let stdout = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        String::from_utf8_lossy(&buf).into_owned()
    });

    let mut stderr = String::new();
    let mut signalled = false;
    let mut reader = BufReader::new(child.stderr.take().expect("stderr is piped"));
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let text = String::from_utf8_lossy(&line);
        if let Some(signal) = watch(&text) {
            signal.send(pid);
            signalled = true;
        }
        stderr.push_str(&text);
    }
    let stdout = stdout.join().unwrap_or_default();
    if let Some(feeder) = feeder {
        let _ = feeder.join();
    }
    wait_unreaped(&child);
    let timed_out = watchdog.disarm();
    let status = child.wait().expect("the child can be reaped");
    // With the leader reaped, a signal to the group reaches only what outlived it (the group id
    // stays reserved while it has members).
    // SAFETY: kill(2) has no memory effects.
    let strays = unsafe { libc::kill(-pid, 0) } == 0;
    if strays {
        unsafe { libc::kill(-pid, libc::SIGKILL) };
    }
    Run {
        code: exit_code(status),
        stdout,
        stderr,
        signalled,
        timed_out,
        strays,
    }
}

fn exit_code(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(-1)
}
