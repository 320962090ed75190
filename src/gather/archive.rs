//! The archive: the bundle's files under one folder, as a gzip-compressed tar, built in memory
//! and written whole (a temporary file renamed into place, mode 0600), so that a gather that
//! stops, fails or is interrupted leaves no archive, not even part of one.

use super::bundle::BundleFile;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::path::Path;

/// The tar.gz of `files`, each under `top/`, with mode 0600 and `mtime`.
pub(crate) fn pack(top: &str, files: &[BundleFile], mtime: u64) -> Result<Vec<u8>, String> {
    let gz = GzEncoder::new(Vec::new(), Compression::default());
    let mut tar = tar::Builder::new(gz);
    tar.mode(tar::HeaderMode::Deterministic);
    for f in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(f.text.len() as u64);
        header.set_mode(0o600);
        header.set_mtime(mtime);
        header.set_entry_type(tar::EntryType::Regular);
        tar.append_data(&mut header, format!("{top}/{}", f.path), f.text.as_bytes())
            .map_err(|e| format!("cannot add {} to the archive: {e}", f.path))?;
    }
    let gz = tar
        .into_inner()
        .map_err(|e| format!("cannot finish the archive: {e}"))?;
    gz.finish()
        .map_err(|e| format!("cannot compress the archive: {e}"))
}

/// Writes the archive at `path` (mode 0600); an existing file is replaced only when `force`.
pub(crate) fn write(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return Err(format!("{} exists", path.display()));
    }
    crate::atomic_file::write(path, bytes, 0o600)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::os::unix::fs::PermissionsExt;

    fn file(path: &str, text: &str) -> BundleFile {
        BundleFile {
            path: path.into(),
            text: text.into(),
            bytes: text.len(),
            masked: 0,
        }
    }

    #[test]
    fn the_archive_holds_every_file_under_its_folder_and_is_private() {
        let files = [file("summary.json", "{}\n"), file("logs/p/c.log", "line\n")];
        let bytes = pack("gather-x", &files, 1_700_000_000).unwrap();
        let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(&bytes[..]));
        let mut seen = Vec::new();
        for entry in tar.entries().unwrap() {
            let mut entry = entry.unwrap();
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            seen.push((entry.path().unwrap().display().to_string(), text));
        }
        assert_eq!(
            seen,
            [
                ("gather-x/summary.json".to_string(), "{}\n".to_string()),
                ("gather-x/logs/p/c.log".to_string(), "line\n".to_string())
            ]
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.tar.gz");
        write(&path, &bytes, false).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(write(&path, b"x", false).unwrap_err().ends_with("exists"));
        write(&path, b"x", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"x");
    }
}
