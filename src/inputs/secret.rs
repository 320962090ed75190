//! Secrets: read from standard input, a file or their own environment variable, never from the
//! command line or inline in the answers file; where to read one is decided by the one
//! precedence rule, and only that place is read.

use super::declared::SecretDecl;
use super::local::{read_text, SECRET_LIMIT};
use super::resolve::Resolver;
use super::source::highest;
use super::{Given, Source};
use crate::secrets::Secret;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Reads a secret from standard input: hidden at a terminal, the whole stream otherwise.
pub(crate) trait SecretReader {
    fn read_secret(&mut self, what: &str) -> Result<String, String>;
}

/// Where a secret can be read.
enum Place {
    Stdin,
    File(PathBuf),
    Value(String),
}

/// What a command's flags say about one secret.
pub(crate) struct SecretFlags<'a> {
    pub(crate) stdin: bool,
    pub(crate) file: Option<&'a Path>,
}

impl Resolver<'_> {
    /// The secret from the highest place that gives it: standard input or a file (flags), its
    /// variable, or the file the answers file names. A file others can read is warned about.
    pub(crate) fn secret(
        &mut self,
        s: &SecretDecl,
        flags: SecretFlags,
        stdin: &mut dyn SecretReader,
    ) -> Option<Given<Secret>> {
        let place = highest([
            flags.stdin.then(|| Given::new(Place::Stdin, Source::Stdin)),
            flags
                .file
                .map(|p| Given::new(Place::File(p.into()), Source::File(p.into()))),
            self.env
                .get(s.env)
                .map(|v| Given::new(Place::Value(v.into()), Source::Env(s.env.into()))),
            self.path(&s.file, &None)
                .map(|g| Given::new(Place::File(g.value), g.source)),
        ])?;
        let value = match place.value {
            Place::Stdin => stdin
                .read_secret(s.label)
                .map(|text| trim_line_end(&text))
                .map_err(|e| format!("cannot read the {} from standard input: {e}", s.label)),
            Place::File(path) => {
                self.warn_if_readable(s.file.label, &path);
                // The flag or variable that named the file, else the answers file's key.
                let named_by = self
                    .clap_source(&s.file)
                    .unwrap_or_else(|| place.source.clone());
                read_text(&path, SECRET_LIMIT)
                    .map(|text| trim_line_end(&text))
                    .map_err(|e| {
                        // A pipe is read with the flag made for it.
                        let pipe = if path.exists() && !path.is_file() {
                            format!(
                                ": give a regular file, or the {} on standard input with {}",
                                s.label,
                                s.stdin.flag()
                            )
                        } else {
                            String::new()
                        };
                        format!(
                            "cannot read the {} file {} (from {}): {e}{pipe}",
                            s.label,
                            path.display(),
                            named_by,
                        )
                    })
            }
            Place::Value(v) => Ok(v),
        };
        match value {
            Ok(v) if v.is_empty() => {
                self.problem(format!("the {} (from {}) is empty", s.label, place.source));
                None
            }
            Ok(v) => Some(Given::new(Secret::new(v), place.source)),
            Err(e) => {
                self.problem(e);
                None
            }
        }
    }

    /// Warns when a file holding a secret can be read by other users.
    pub(crate) fn warn_if_readable(&mut self, what: &str, path: &Path) {
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            self.warning(format!(
                "the {what} {} can be read by other users (mode {mode:o}): `chmod 600 {}`",
                path.display(),
                path.display()
            ));
        }
    }
}

/// The text of a secret file or stream without its line end.
pub(crate) fn trim_line_end(text: &str) -> String {
    text.strip_suffix('\n')
        .map(|t| t.strip_suffix('\r').unwrap_or(t))
        .unwrap_or(text)
        .to_string()
}
