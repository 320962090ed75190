//! Ctrl-C and SIGTERM: stop the oc children we started, remove the temporary files we were
//! writing, give the terminal back as it was (echo, cursor), say what to do next, and exit 130.
//! A closed terminal (SIGHUP: a dropped SSH connection, a closed window, `tmux kill-session`)
//! ends the run the same way, without writing to the terminal that is gone, and exits 129.
//!
//! The signal handler runs on its own thread, so what it must clean up is registered here, in
//! process-wide lists: the one place where the installer keeps global state, because a signal
//! has no other way to reach it.

use crate::failure::FailureKind;
use std::cell::Cell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, RwLock, RwLockReadGuard, TryLockError};
use std::time::{Duration, Instant};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// The terminal hung up (SIGHUP, or a read that found it closed).
static HUNG_UP: AtomicBool = AtomicBool::new(false);
/// The handler ctrlc installed for SIGHUP, which ours hands the signal on to.
static CTRLC_ON_HANGUP: AtomicUsize = AtomicUsize::new(0);
/// The exit code of a run whose terminal closed: 128 + SIGHUP, as shells report it.
pub(crate) const HANGUP_EXIT: i32 = 129;
/// Held while cleaning up, so that whichever thread notices the interruption second waits for
/// the first to finish before the process exits.
static STOPPING: Mutex<()> = Mutex::new(());
static CHILDREN: Mutex<Vec<u32>> = Mutex::new(Vec::new());
static TEMP_PATHS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// The terminal (a descriptor on it) and its modes at start (a prompt turns echo off), restored
/// on the way out.
static TERMINAL: Mutex<Option<(i32, libc::termios)>> = Mutex::new(None);
/// What to tell the person when interrupted now.
static MESSAGE: Mutex<Option<String>> = Mutex::new(None);
/// What draws on the terminal by itself (spinners tick on their own threads): stopped before the
/// last line is printed, or a next frame would draw over it.
/// Told whether the terminal is still there to draw on.
type Freeze = Box<dyn Fn(bool) + Send>;
static DRAWING: Mutex<Vec<Freeze>> = Mutex::new(Vec::new());
/// Held (shared) around a change whose answer must not be lost; an interruption takes it
/// exclusively, so it waits for the change to end. Says what the change is.
static CRITICAL: RwLock<Option<String>> = RwLock::new(None);

thread_local! {
    /// How many critical sections this thread is in: it must not wait for itself.
    static HOLDING: Cell<u32> = const { Cell::new(0) };
}

pub(crate) fn install_handler() {
    // SAFETY: isatty/tcgetattr/tcsetattr on our standard descriptors, with termios of our own;
    // they fail harmlessly when neither is a terminal.
    unsafe {
        for fd in [0, 2] {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::isatty(fd) == 1 && libc::tcgetattr(fd, &mut t) == 0 {
                *TERMINAL.lock().unwrap_or_else(|e| e.into_inner()) = Some((fd, t));
                // The terminal would echo Ctrl-C as `^C` at the cursor, which sits at the
                // right edge of a spinner's line: the echo wraps, and the line can no longer be
                // cleared. Not echoing control characters while we run avoids that; the modes
                // are restored on every way out.
                let mut quiet = t;
                quiet.c_lflag &= !libc::ECHOCTL;
                libc::tcsetattr(fd, libc::TCSANOW, &quiet);
                break;
            }
        }
    }
    let _ = ctrlc::set_handler(|| {
        INTERRUPTED.store(true, Ordering::SeqCst);
        finish();
    });
    mark_hangups();
}

/// SIGHUP is ctrlc's too (its "termination" feature): ours notes that the terminal closed,
/// then hands the signal on to ctrlc's, whose thread ends the run.
fn mark_hangups() {
    // SAFETY: sigaction(2) with a handler that only stores an atomic and calls ctrlc's
    // handler (which writes to its pipe): both async-signal-safe.
    unsafe {
        let mut ours: libc::sigaction = std::mem::zeroed();
        ours.sa_sigaction = on_hangup as *const () as usize;
        ours.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut ours.sa_mask);
        let mut theirs: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGHUP, &ours, &mut theirs) == 0 {
            CTRLC_ON_HANGUP.store(theirs.sa_sigaction, Ordering::SeqCst);
        }
    }
}

extern "C" fn on_hangup(signal: libc::c_int) {
    HUNG_UP.store(true, Ordering::SeqCst);
    let theirs = CTRLC_ON_HANGUP.load(Ordering::SeqCst);
    if theirs != libc::SIG_DFL && theirs != libc::SIG_IGN && theirs != libc::SIG_ERR {
        // SAFETY: the plain handler ctrlc installed (no SA_SIGINFO), as sigaction returned it.
        let handler: extern "C" fn(libc::c_int) = unsafe { std::mem::transmute(theirs) };
        handler(signal);
    }
}

/// Whether the terminal that stderr is on has been hung up: it answers every request with EIO.
/// Nothing is written to it any more (a write would fail, or block a line discipline gone).
pub(crate) fn terminal_gone() -> bool {
    // SAFETY: tcgetattr on our own stderr, into a termios of our own.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        libc::tcgetattr(2, &mut t) != 0
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::EIO)
    }
}

/// Ends the run when the terminal it was asked in closed (a read found it gone before SIGHUP
/// was handled, or instead of it): as an interruption, with the hang-up's exit code.
pub(crate) fn stop_if_hung_up() {
    if HUNG_UP.load(Ordering::SeqCst) || terminal_gone() {
        HUNG_UP.store(true, Ordering::SeqCst);
        finish();
    }
}

/// Gives the terminal back with the modes it had at start.
pub(crate) fn restore_terminal() {
    if let Some((fd, t)) = *TERMINAL.lock().unwrap_or_else(|e| e.into_inner()) {
        // SAFETY: restores the modes read at start on the same descriptor.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &t) };
    }
}

/// Restores the terminal when dropped: at the end of `main`, also when unwinding from a panic.
pub(crate) struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// What an interruption from now on should say (e.g. "run the same command again to resume").
pub(crate) fn set_message(text: &str) {
    *MESSAGE.lock().unwrap_or_else(|e| e.into_inner()) = Some(text.to_string());
}

/// Registers how to stop what draws by itself, should the run be interrupted.
pub(crate) fn on_stop_drawing(freeze: impl Fn(bool) + Send + 'static) {
    DRAWING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Box::new(freeze));
}

/// Whether Ctrl-C, SIGTERM or SIGHUP arrived: an oc that failed then was stopped by us, not
/// broken.
pub(crate) fn requested() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Ends the run here when it was interrupted: whatever just failed, failed because of that, and
/// the thread handling the interruption says so (this one waits for it to exit).
pub(crate) fn stop_if_requested() {
    // Inside a critical section the thread handling the interruption waits for this one to
    // leave it: the answer just received is kept first.
    if requested() && HOLDING.with(Cell::get) == 0 {
        finish();
    }
}

/// A change whose answer is given only once (a tenant's signup and its token). While the
/// section lives, an interruption waits for it, so that what came back is kept before the run
/// stops. `what` is said to the person if they interrupt meanwhile.
pub(crate) struct Critical {
    shared: Option<RwLockReadGuard<'static, Option<String>>>,
}

pub(crate) fn critical(what: &str) -> Critical {
    if let Ok(mut w) = CRITICAL.try_write() {
        *w = Some(what.to_string());
    }
    let shared = CRITICAL.read().unwrap_or_else(|e| e.into_inner());
    HOLDING.with(|h| h.set(h.get() + 1));
    Critical {
        shared: Some(shared),
    }
}

impl Drop for Critical {
    fn drop(&mut self) {
        drop(self.shared.take());
        HOLDING.with(|h| h.set(h.get().saturating_sub(1)));
        // No section left: nothing to name to a person who interrupts.
        if let Ok(mut w) = CRITICAL.try_write() {
            *w = None;
        }
    }
}

/// Stops what runs, removes temporary files, restores the terminal, says so, exits 130 (129
/// when the terminal closed, and then says nothing: there is nobody to tell).
pub(crate) fn finish() -> ! {
    INTERRUPTED.store(true, Ordering::SeqCst);
    // Wait for a critical section on another thread to end (never for one of our own).
    let _critical = (HOLDING.with(Cell::get) == 0).then(wait_for_critical);
    let _guard = STOPPING.lock().unwrap_or_else(|e| e.into_inner());
    let hung_up = HUNG_UP.load(Ordering::SeqCst) || terminal_gone();
    stop_everything();
    for freeze in DRAWING.lock().unwrap_or_else(|e| e.into_inner()).iter() {
        freeze(!hung_up);
    }
    restore_terminal();
    let message = MESSAGE
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .unwrap_or_else(|| "nothing was changed".into());
    if !terminal_gone() {
        let stderr = console::Term::stderr();
        if stderr.is_term() {
            let _ = stderr.show_cursor();
            // A prompt or spinner may have left the cursor mid-line.
            say("");
        }
        let why = if hung_up {
            "interrupted (hung up)"
        } else {
            "interrupted"
        };
        say(&format!("{why}; {message}"));
    }
    // Again, last: the main thread may have been entering a prompt (raw mode, echo off) while
    // this one restored the modes; it cannot change them after the process exits.
    restore_terminal();
    std::process::exit(if hung_up {
        HANGUP_EXIT
    } else {
        i32::from(FailureKind::Interrupted.exit_code())
    });
}

/// The exclusive hold on `CRITICAL`: at once, or once the section another thread is in ends.
/// A thread that failed while finishing (its hold poisoned) holds nothing any more.
fn wait_for_critical() -> std::sync::RwLockWriteGuard<'static, Option<String>> {
    match CRITICAL.try_write() {
        Ok(w) => w,
        Err(TryLockError::Poisoned(p)) => p.into_inner(),
        Err(TryLockError::WouldBlock) => {
            // Held shared by a section (named), or exclusively by another thread finishing
            // already (then this one waits for the exit).
            if let Some(what) = CRITICAL.try_read().ok().and_then(|r| r.clone()) {
                say(&format!("\ninterrupted: waiting for {what} to end first"));
            }
            CRITICAL.write().unwrap_or_else(|e| e.into_inner())
        }
    }
}

/// A line on stderr; nothing when it cannot be written (never a panic on the way out).
fn say(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// How long a stopped oc gets to exit on SIGTERM before SIGKILL.
const STOP_GRACE: Duration = Duration::from_secs(2);
const STOP_POLL: Duration = Duration::from_millis(5);

fn stop_everything() {
    let children: Vec<u32> = CHILDREN
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .drain(..)
        .collect();
    for pid in &children {
        // SAFETY: kill(2) on the process group of a child we spawned (it leads its own group);
        // at worst it has exited already (ESRCH).
        unsafe { libc::kill(-(*pid as i32), libc::SIGTERM) };
    }
    for pid in children {
        stop_child(pid as i32);
    }
    for path in TEMP_PATHS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .drain(..)
    {
        if path.is_dir() {
            let _ = std::fs::remove_dir_all(&path);
        } else {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Waits until the child has exited (reaping it), with SIGKILL after the grace period.
fn stop_child(pid: i32) {
    let exited = |deadline: Instant| {
        while Instant::now() < deadline {
            let mut status = 0;
            // SAFETY: waitpid on our own child; WNOHANG never blocks. 0 means still running;
            // -1 (ECHILD) means the thread that waits for it reaped it first.
            match unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) } {
                0 => std::thread::sleep(STOP_POLL),
                _ => return true,
            }
        }
        false
    };
    if !exited(Instant::now() + STOP_GRACE) {
        // SAFETY: as above.
        unsafe { libc::kill(pid, libc::SIGKILL) };
        exited(Instant::now() + STOP_GRACE);
    }
}

/// Held while a child is started and registered (`child_started`): an interruption then waits
/// for the registration and stops that child too, instead of exiting while it runs on unseen.
pub(crate) fn starting() -> std::sync::MutexGuard<'static, ()> {
    STOPPING.lock().unwrap_or_else(|e| e.into_inner())
}

pub(crate) fn child_started(pid: u32) {
    CHILDREN.lock().unwrap_or_else(|e| e.into_inner()).push(pid);
    if requested() {
        // Started while the run was being stopped: it must not outlive us.
        // SAFETY: as in stop_everything.
        unsafe { libc::kill(-(pid as i32), libc::SIGKILL) };
    }
}

pub(crate) fn child_finished(pid: u32) {
    CHILDREN
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| *p != pid);
}

/// A temporary file or directory that an interruption must not leave behind.
pub(crate) fn temp_created(path: &Path) {
    TEMP_PATHS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(path.to_path_buf());
}

pub(crate) fn temp_settled(path: &Path) {
    TEMP_PATHS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| p != path);
}
