//! Ctrl-C and SIGTERM: stop the oc children we started, remove the temporary files we were
//! writing, give the terminal its cursor back, and exit 130.
//!
//! The signal handler runs on its own thread, so what it must clean up is registered here, in
//! process-wide lists: the one place where the installer keeps global state, because a signal
//! has no other way to reach it.

use crate::failure::FailureKind;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

static CHILDREN: Mutex<Vec<u32>> = Mutex::new(Vec::new());
static TEMP_PATHS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

pub fn install_handler() {
    let _ = ctrlc::set_handler(|| {
        stop_everything();
        let _ = console::Term::stderr().show_cursor();
        std::process::exit(i32::from(FailureKind::Interrupted.exit_code()));
    });
}

fn stop_everything() {
    for pid in CHILDREN.lock().unwrap_or_else(|e| e.into_inner()).drain(..) {
        // SAFETY: kill(2) with a pid we spawned and have not reaped yet.
        unsafe { libc::kill(pid as i32, libc::SIGTERM) };
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

pub fn child_started(pid: u32) {
    CHILDREN.lock().unwrap_or_else(|e| e.into_inner()).push(pid);
}

pub fn child_finished(pid: u32) {
    CHILDREN
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| *p != pid);
}

/// A temporary file or directory that an interruption must not leave behind.
pub fn temp_created(path: &Path) {
    TEMP_PATHS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(path.to_path_buf());
}

pub fn temp_settled(path: &Path) {
    TEMP_PATHS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| p != path);
}
