//! The local files the inputs name. Those read (the answers file, secret and parameter files,
//! the CA file) are read only when they are regular files and up to a size: a FIFO nobody writes
//! to, `/dev/zero` or a directory is refused at once instead of hanging the run or filling its
//! memory. Those written (the credentials file, the transcript) are checked before anything
//! changes: not a directory, not a symbolic link, and not a file of someone else's.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// The most a secret (a password, a token, a key) file may hold.
pub(crate) const SECRET_LIMIT: u64 = 64 * 1024;
/// The most any other file the inputs read may hold (the answers file, a parameter, a CA).
pub(crate) const TEXT_LIMIT: u64 = 1024 * 1024;

/// The text of the regular file `path`, at most `limit` bytes; the error says why not (without
/// the path: the caller names the file and where it was given).
pub(crate) fn read_text(path: &Path, limit: u64) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(format!("it is {}, not a regular file", kind_of(&meta)));
    }
    // Non-blocking: a FIFO put there since the look above is not waited for.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(format!("it is {}, not a regular file", kind_of(&meta)));
    }
    if meta.len() > limit {
        return Err(too_big(meta.len(), limit));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64, limit));
    }
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

fn too_big(size: u64, limit: u64) -> String {
    format!(
        "it holds {} bytes, more than the {} KiB such a file may hold",
        size,
        limit / 1024
    )
}

/// What a file that is not a regular one is, for messages.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

/// A file this program writes, and how to tell one it wrote before.
pub(crate) struct Output {
    /// What it is called in messages: "credentials file".
    pub(crate) noun: &'static str,
    /// Whether an existing file's text is one this program wrote (and may replace).
    pub(crate) ours: fn(&str) -> bool,
}

/// Whether `path` may be written as `output`: absent (with no file where a folder must be), an
/// empty file, or a regular file this program wrote. A directory, a symbolic link, another kind
/// of file, or someone else's file is refused.
pub(crate) fn check_output(path: &Path, output: &Output) -> Result<(), String> {
    let keep_it = "name another path, or move it away first: it is not replaced";
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = std::fs::read_link(path)
                .map(|t| format!(" (to {})", t.display()))
                .unwrap_or_default();
            Err(format!(
                "it is a symbolic link{target}, which is not followed: name the file itself"
            ))
        }
        Ok(meta) if meta.is_dir() => Err(format!(
            "it is a directory: name a file, e.g. {}",
            path.join("FILE").display()
        )),
        Ok(meta) if !meta.is_file() => Err(format!("it is {}: {keep_it}", kind_of(&meta))),
        Ok(meta) if meta.len() == 0 => Ok(()),
        Ok(_) => match read_text(path, TEXT_LIMIT) {
            Ok(text) if (output.ours)(&text) => Ok(()),
            Ok(_) | Err(_) => Err(format!(
                "it exists and is not a {} this program wrote: {keep_it}",
                output.noun
            )),
        },
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            check_folders(path)
        }
        Err(e) => Err(e.to_string()),
    }
}

/// The folders above a path to be created: each one that exists must be a folder.
fn check_folders(path: &Path) -> Result<(), String> {
    for dir in path.ancestors().skip(1) {
        if dir.as_os_str().is_empty() {
            break;
        }
        match std::fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => return Ok(()),
            Ok(_) => {
                return Err(format!(
                    "{} is not a directory, so no file can be made under it",
                    dir.display()
                ))
            }
            Err(_) => continue,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    }

    #[test]
    fn only_regular_files_are_read_and_only_so_much() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        mkfifo(&fifo);
        // Returns at once: nobody writes to the FIFO.
        let err = read_text(&fifo, SECRET_LIMIT).unwrap_err();
        assert!(err.contains("a FIFO"), "{err}");
        let err = read_text(Path::new("/dev/zero"), SECRET_LIMIT).unwrap_err();
        assert!(err.contains("a character device"), "{err}");
        let err = read_text(dir.path(), SECRET_LIMIT).unwrap_err();
        assert!(err.contains("a directory"), "{err}");
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'x'; SECRET_LIMIT as usize + 1]).unwrap();
        let err = read_text(&big, SECRET_LIMIT).unwrap_err();
        assert!(err.contains("more than the 64 KiB"), "{err}");
        std::fs::write(&big, "pw\n").unwrap();
        assert_eq!(read_text(&big, SECRET_LIMIT).unwrap(), "pw\n");
        // A link to a regular file is read (mounted secrets are links).
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&big, &link).unwrap();
        assert_eq!(read_text(&link, SECRET_LIMIT).unwrap(), "pw\n");
    }

    const OUTPUT: Output = Output {
        noun: "credentials file",
        ours: |text| text.starts_with("# ours"),
    };

    #[test]
    fn an_output_path_is_ours_to_write_or_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/creds.yaml");
        assert_eq!(check_output(&path, &OUTPUT), Ok(()));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "").unwrap();
        assert_eq!(check_output(&path, &OUTPUT), Ok(()), "an empty file");
        std::fs::write(&path, "# ours\nx: 1\n").unwrap();
        assert_eq!(check_output(&path, &OUTPUT), Ok(()));
        std::fs::write(&path, "my notes\n").unwrap();
        let err = check_output(&path, &OUTPUT).unwrap_err();
        assert!(
            err.contains("not a credentials file this program wrote"),
            "{err}"
        );
        let err = check_output(dir.path(), &OUTPUT).unwrap_err();
        assert!(err.contains("is a directory"), "{err}");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        let err = check_output(&link, &OUTPUT).unwrap_err();
        assert!(err.contains("symbolic link"), "{err}");
        let under_a_file = path.join("x.yaml");
        let err = check_output(&under_a_file, &OUTPUT).unwrap_err();
        assert!(err.contains("is not a directory"), "{err}");
    }
}
