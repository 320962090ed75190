//! The one pseudo-terminal driver of the tests: a run started as in a person's terminal, typed
//! at, and read back as the terminal shows it.
//!
//! expectrl's pseudo-terminal starts with echo off (ptyprocess turns it off for its own use); a
//! shell's terminal has echo and line editing on, and that is what a run must find and leave.
//! So every run starts through `stty sane`, which also sets the window size before the program
//! starts; the size is set from this side too, after ptyprocess's own 80x24 (no race with a
//! program that reads its size at once). Every byte the run writes is
//! kept: `output` is that text, escape codes included (what a secret must never be in), and
//! `screen` renders it with vt100 as a terminal would show it after redraws and cursor moves.
//! Waits end on the run's own output or its exit; the deadline (`events::FAILING_AFTER`) only
//! bounds a test that is already failing.

use super::events::FAILING_AFTER;
use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};
use std::num::NonZeroU16;
use std::os::fd::AsRawFd;
use std::process::Command;

/// The terminal's size in characters.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub cols: u16,
    pub rows: u16,
}

impl Size {
    /// A usual window: long runs scroll, as they would for a person.
    pub const WINDOW: Size = Size {
        cols: 160,
        rows: 50,
    };
    /// Tall enough to keep a whole install on screen, for assertions on the rendered rows.
    pub const TALL: Size = Size {
        cols: 140,
        rows: 200,
    };
}

/// The terminal's local modes that a run changes and must give back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Modes {
    /// `ECHO`: typed characters are shown.
    pub echo: bool,
    /// `ICANON`: line editing (canonical mode).
    pub icanon: bool,
    /// `ECHOCTL`: control characters are echoed as `^C`.
    pub echoctl: bool,
}

/// The arrow key down, as a terminal sends it.
pub const DOWN: &str = "\x1b[B";
/// Ctrl-C, as a terminal sends it (the line discipline turns it into SIGINT).
pub const CTRL_C: &str = "\x03";

/// The number of the pseudo-terminal whose master `fd` is (`None` for another descriptor).
fn pty_number(fd: i32) -> Option<u32> {
    let mut n: libc::c_uint = 0;
    // SAFETY: TIOCGPTN writes one unsigned int; it fails harmlessly on other descriptors.
    (unsafe { libc::ioctl(fd, libc::TIOCGPTN, &mut n) } == 0).then_some(n)
}

/// A run whose terminal was closed: its exit can be waited for, and what it wrote before read.
pub struct HungUp {
    pid: i32,
    written: Vec<u8>,
    size: Size,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    Exited(i32),
    Signalled(i32),
}

impl HungUp {
    /// Waits for the run to end (woken by its exit, through a pidfd), failing the test when it
    /// is still alive after `events::FAILING_AFTER`.
    #[track_caller]
    pub fn ended(&self) -> Ended {
        // SAFETY: pidfd_open(2) on our own child, not yet reaped; poll and waitpid on it.
        let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, self.pid, 0) } as i32;
        assert!(
            pidfd >= 0,
            "pidfd_open: {}",
            std::io::Error::last_os_error()
        );
        let mut poll = libc::pollfd {
            fd: pidfd,
            events: libc::POLLIN,
            revents: 0,
        };
        let ready = unsafe { libc::poll(&mut poll, 1, FAILING_AFTER.as_millis() as i32) };
        unsafe { libc::close(pidfd) };
        if ready != 1 {
            let threads = std::fs::read_dir(format!("/proc/{}/task", self.pid))
                .map(|d| d.count())
                .unwrap_or(0);
            let wchan =
                std::fs::read_to_string(format!("/proc/{}/wchan", self.pid)).unwrap_or_default();
            // SAFETY: kill(2) on our own child, so that the failing test leaves nothing behind.
            unsafe { libc::kill(self.pid, libc::SIGKILL) };
            panic!(
                "the run is still alive {FAILING_AFTER:?} after its terminal closed ({threads} thread(s), waiting in {wchan})\n--- screen before:\n{}",
                self.contents()
            );
        }
        let mut status = 0;
        assert_eq!(unsafe { libc::waitpid(self.pid, &mut status, 0) }, self.pid);
        if libc::WIFEXITED(status) {
            Ended::Exited(libc::WEXITSTATUS(status))
        } else {
            Ended::Signalled(libc::WTERMSIG(status))
        }
    }

    /// The screen as it was when the terminal closed.
    pub fn contents(&self) -> String {
        let mut parser = vt100::Parser::new(
            NonZeroU16::new(self.size.rows).unwrap(),
            NonZeroU16::new(self.size.cols).unwrap(),
            0,
        );
        parser.process(&self.written);
        parser.screen().contents()
    }
}

/// A run in a pseudo-terminal, with every byte it wrote kept.
pub struct Pty {
    session: expectrl::session::OsSession,
    size: Size,
    written: Vec<u8>,
}

impl Pty {
    /// Starts `cmd` in a terminal of `size` (TERM=xterm-256color), as a shell would.
    pub fn start(cmd: &Command, size: Size) -> Pty {
        let mut shell = Command::new("/bin/sh");
        shell
            .arg("-c")
            .arg(format!(
                "stty sane rows {} cols {} && exec \"$0\" \"$@\"",
                size.rows, size.cols
            ))
            .arg(cmd.get_program())
            .args(cmd.get_args())
            .env_clear();
        for (k, v) in cmd.get_envs() {
            if let Some(v) = v {
                shell.env(k, v);
            }
        }
        shell.env("TERM", "xterm-256color");
        if let Some(dir) = cmd.get_current_dir() {
            shell.current_dir(dir);
        }
        let mut session = Session::spawn(shell).expect("spawn in a pseudo-terminal");
        // The spawn sets a default size (80x24) once the shell runs, which may come after its
        // `stty`: set again from here, last, before the program can ask (it asks late).
        session
            .get_process_mut()
            .set_window_size(size.cols, size.rows)
            .expect("the terminal's size");
        session.set_expect_timeout(Some(FAILING_AFTER));
        Pty {
            session,
            size,
            written: Vec::new(),
        }
    }

    /// Waits up to `deadline` (instead of `events::FAILING_AFTER`) for what a run writes: for
    /// steps that take real time (a real `oc` against a simulated cluster).
    pub fn with_deadline(mut self, deadline: std::time::Duration) -> Pty {
        self.session.set_expect_timeout(Some(deadline));
        self
    }

    /// Reads until the run writes `text`.
    #[track_caller]
    pub fn wait_for(&mut self, text: &str) {
        match self.session.expect(text) {
            Ok(found) => {
                self.written.extend_from_slice(found.before());
                self.written.extend_from_slice(text.as_bytes());
            }
            Err(e) => {
                let mut rest = [0u8; 65536];
                if let Ok(n) = self.session.try_read(&mut rest) {
                    self.written.extend_from_slice(&rest[..n]);
                }
                panic!(
                    "waiting for {text:?}: {e}\n--- screen:\n{}",
                    self.contents()
                )
            }
        }
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        self.session
            .send(keys)
            .unwrap_or_else(|e| panic!("typing {keys:?}: {e}"));
    }

    /// Types `keys` once `question` shows.
    #[track_caller]
    pub fn answer(&mut self, question: &str, keys: &str) {
        self.wait_for(question);
        self.send(keys);
    }

    /// Types a hidden entry at the question on screen now, then waits for `next`: echo is off
    /// while it is typed, and the entry is never written back.
    #[track_caller]
    pub fn type_hidden(&mut self, question: &str, secret: &str, next: &str) {
        assert!(!self.modes().echo, "echo is off once {question:?} shows");
        self.send(&format!("{secret}\r"));
        self.wait_for(next);
        assert!(
            !self.output().contains(secret),
            "the hidden entry was written:\n{}",
            self.output()
        );
    }

    /// Types a hidden entry once `question` shows (the prompt turns echo off before drawing
    /// it), then waits for `next`.
    #[track_caller]
    pub fn type_secret(&mut self, question: &str, secret: &str, next: &str) {
        self.wait_for(question);
        self.type_hidden(question, secret, next);
    }

    /// Sends `signal` to the run (the program itself: the shell `exec`ed it).
    pub fn signal(&self, signal: libc::c_int) {
        let pid = self.session.get_process().pid().as_raw();
        // SAFETY: kill(2) on the pid of our own child, which has not been reaped yet.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0, "signal {signal}");
    }

    /// Closes the terminal, as a dropped SSH connection, a closed window or `tmux kill-session`
    /// does: every descriptor of its master side goes, the kernel hangs up the terminal and
    /// sends SIGHUP to the run (the session's leader). What it wrote until then is kept; the
    /// returned run can only be waited for.
    pub fn hang_up(mut self) -> HungUp {
        let mut rest = [0u8; 65536];
        while let Ok(n) = self.session.try_read(&mut rest) {
            if n == 0 {
                break;
            }
            self.written.extend_from_slice(&rest[..n]);
        }
        let pid = self.session.get_process().pid().as_raw();
        let ours = pty_number(self.session.get_stream().as_raw_fd());
        // The master is open twice (the process's handle and the stream's duplicate): both are
        // found by the terminal they lead to, among this test process's descriptors (other
        // tests' terminals are open here too).
        let masters: Vec<i32> = std::fs::read_dir("/proc/self/fd")
            .expect("/proc/self/fd")
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
            .filter(|fd| {
                std::fs::read_link(format!("/proc/self/fd/{fd}"))
                    .is_ok_and(|l| l.to_string_lossy().ends_with("ptmx"))
            })
            .filter(|fd| pty_number(*fd) == ours)
            .collect();
        assert!(masters.len() >= 2, "the master's descriptors: {masters:?}");
        // The session must not close them again (nor kill the run on drop).
        std::mem::forget(self.session);
        for fd in masters {
            // SAFETY: descriptors the forgotten session owned; nothing else uses them.
            unsafe { libc::close(fd) };
        }
        HungUp {
            pid,
            written: self.written,
            size: self.size,
        }
    }

    /// Reads to the end of the run's output; its exit code. A run killed by a signal fails.
    #[track_caller]
    pub fn finish(&mut self) -> i32 {
        match self.session.expect(Eof) {
            Ok(found) => self
                .written
                .extend_from_slice(found.get(0).unwrap_or_default()),
            Err(e) => panic!("waiting for the end: {e}\n--- screen:\n{}", self.contents()),
        }
        match self.session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!(
                "unexpected end: {other:?}\n--- screen:\n{}",
                self.contents()
            ),
        }
    }

    /// Everything the run wrote so far, escape codes included.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.written).into_owned()
    }

    /// The screen as the terminal shows it now.
    pub fn screen(&self) -> vt100::Screen {
        let mut parser = vt100::Parser::new(
            NonZeroU16::new(self.size.rows).unwrap(),
            NonZeroU16::new(self.size.cols).unwrap(),
            0,
        );
        parser.process(&self.written);
        parser.screen().clone()
    }

    /// The text of the screen now.
    pub fn contents(&self) -> String {
        self.screen().contents()
    }

    /// The rows of the screen, as a person reads them (trailing blanks dropped).
    pub fn rows(&self) -> Vec<String> {
        self.screen()
            .rows(0, self.size.cols)
            .map(|r| r.trim_end().to_string())
            .collect()
    }

    /// The row that starts with `start` (after indentation).
    #[track_caller]
    pub fn row(&self, start: &str) -> String {
        self.rows()
            .into_iter()
            .find(|r| r.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no row starting {start:?}:\n{}", self.contents()))
    }

    /// The terminal's local modes now (as the run left them: the terminal outlives it).
    pub fn modes(&self) -> Modes {
        let fd = self.session.get_stream().as_raw_fd();
        // SAFETY: tcgetattr on the open master of the pseudo-terminal, into a termios of ours.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(
            unsafe { libc::tcgetattr(fd, &mut t) },
            0,
            "tcgetattr: {}",
            std::io::Error::last_os_error()
        );
        Modes {
            echo: t.c_lflag & libc::ECHO != 0,
            icanon: t.c_lflag & libc::ICANON != 0,
            echoctl: t.c_lflag & libc::ECHOCTL != 0,
        }
    }

    /// The terminal is as the run found it: echo and line editing on, control characters
    /// echoed, the cursor shown.
    #[track_caller]
    pub fn assert_terminal_restored(&self) {
        let modes = self.modes();
        assert!(modes.echo, "echo is on again");
        assert!(modes.icanon, "line editing (canonical mode) is on again");
        assert!(modes.echoctl, "control characters are echoed again (^C)");
        assert!(
            !self.screen().hide_cursor(),
            "the cursor is shown again:\n{}",
            self.contents()
        );
    }
}
