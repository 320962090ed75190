//! Waiting in tests without the clock: a wait wakes on what changes (a file written, renamed or
//! appended to, through inotify), and the deadline only bounds a test that is already failing.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a test waits for something that should happen at once before calling it failed.
pub const FAILING_AFTER: Duration = Duration::from_secs(30);

/// Blocks until `ready()` holds, checking again each time something in `dir` changes.
#[track_caller]
pub fn await_change(dir: &Path, what: &str, mut ready: impl FnMut() -> bool) {
    // SAFETY: inotify on a descriptor of our own, closed below; the buffer outlives each read.
    let fd = unsafe { libc::inotify_init1(libc::IN_CLOEXEC | libc::IN_NONBLOCK) };
    assert!(fd >= 0, "inotify: {}", std::io::Error::last_os_error());
    let path = CString::new(dir.as_os_str().as_bytes()).unwrap();
    let mask = libc::IN_CREATE | libc::IN_MOVED_TO | libc::IN_MODIFY | libc::IN_CLOSE_WRITE;
    // Watch first, then look: a change between the two still wakes the wait.
    let watched = unsafe { libc::inotify_add_watch(fd, path.as_ptr(), mask) };
    assert!(
        watched >= 0,
        "watch {}: {}",
        dir.display(),
        std::io::Error::last_os_error()
    );
    let deadline = Instant::now() + FAILING_AFTER;
    let mut buf = [0u8; 4096];
    while !ready() {
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(!left.is_zero(), "{what}: nothing after {FAILING_AFTER:?}");
        let mut poll = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        unsafe { libc::poll(&mut poll, 1, left.as_millis().min(i32::MAX as u128) as i32) };
        // Drain what woke us; the next look decides.
        while unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) } > 0 {}
    }
    unsafe { libc::close(fd) };
}
