//! What a bundle holds before it is written: text files and notes, each masked on its way in.
//! There is no other way in, so nothing reaches the archive without passing the redactor.

use super::redact::Masker;
use serde::Serialize;

/// One file of the bundle, already masked.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BundleFile {
    pub(crate) path: String,
    #[serde(skip)]
    pub(crate) text: String,
    pub(crate) bytes: usize,
    /// Secrets masked in it.
    pub(crate) masked: usize,
}

pub(crate) struct Bundle<'a> {
    masker: Masker<'a>,
    files: Vec<BundleFile>,
    /// Reads that failed and what was left out, masked too (oc's messages quote the cluster).
    notes: Vec<String>,
}

impl<'a> Bundle<'a> {
    pub(crate) fn new(masker: Masker<'a>) -> Bundle<'a> {
        Bundle {
            masker,
            files: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Adds a file (replacing one of the same path), masked.
    pub(crate) fn add(&mut self, path: &str, raw: &str) {
        let (text, masked) = self.masker.mask(raw);
        self.files.retain(|f| f.path != path);
        self.files.push(BundleFile {
            path: path.to_string(),
            bytes: text.len(),
            text,
            masked,
        });
    }

    pub(crate) fn note(&mut self, raw: &str) {
        let (text, _) = self.masker.mask(raw);
        self.notes.push(text);
    }

    pub(crate) fn files(&self) -> &[BundleFile] {
        &self.files
    }

    pub(crate) fn notes(&self) -> &[String] {
        &self.notes
    }

    pub(crate) fn masked(&self) -> usize {
        self.files.iter().map(|f| f.masked).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::{Redactor, MASK};

    #[test]
    fn files_and_notes_are_masked_on_their_way_in() {
        let r = Redactor::default();
        r.add("P", "hunter2-hunter2");
        let mut b = Bundle::new(Masker::new(&r, &[]));
        b.add("a.txt", "x hunter2-hunter2");
        b.add("a.txt", "y hunter2-hunter2 hunter2-hunter2");
        b.note("oc said hunter2-hunter2");
        assert_eq!(b.files().len(), 1);
        assert_eq!(b.files()[0].text, format!("y {MASK} {MASK}"));
        assert_eq!(
            (b.masked(), b.notes()[0].as_str()),
            (2, &*format!("oc said {MASK}"))
        );
    }
}
