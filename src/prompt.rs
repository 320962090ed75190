//! The only user of dialoguer. Decides once whether someone can answer; never prompts otherwise.

use crate::failure::{Failure, FailureKind, Outcome};
use crate::secrets::Secret;
use dialoguer::theme::{ColorfulTheme, Theme};
use std::io::IsTerminal;

/// Long lists scroll instead of pushing the question off the screen.
const VISIBLE_ROWS: usize = 12;

/// An entry of a menu: its label, which the answered question reports whole, then columns
/// shown after it (a value, a description).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    label: String,
    columns: Vec<String>,
}

impl Entry {
    pub(crate) fn new(label: impl Into<String>) -> Entry {
        Entry {
            label: label.into(),
            columns: Vec::new(),
        }
    }

    /// A column after the label (and after the columns given before).
    pub(crate) fn column(mut self, text: impl Into<String>) -> Entry {
        self.columns.push(text.into());
        self
    }
}

/// The widest a column between the label and the last gets: its longer cells are cut.
const COLUMN_CAP: usize = 36;

/// The entries as lines with their columns aligned, two spaces apart: the labels whole, as wide
/// as the widest; each column after them as wide as its widest cell (at most `COLUMN_CAP`); the
/// last column as it is (the line is cut to the terminal's width when shown).
fn lay_out(entries: &[Entry]) -> Vec<String> {
    let count = entries.iter().map(|e| e.columns.len()).max().unwrap_or(0);
    let widest = |cells: &mut dyn Iterator<Item = &String>| {
        cells
            .map(|c| console::measure_text_width(c))
            .max()
            .unwrap_or(0)
    };
    let label_width = widest(&mut entries.iter().map(|e| &e.label));
    let widths: Vec<usize> = (0..count.saturating_sub(1))
        .map(|i| widest(&mut entries.iter().filter_map(|e| e.columns.get(i))).min(COLUMN_CAP))
        .collect();
    entries
        .iter()
        .map(|e| {
            let mut line = pad(&e.label, label_width);
            for (i, cell) in e.columns.iter().enumerate() {
                line.push_str("  ");
                match widths.get(i) {
                    Some(w) => {
                        line.push_str(&pad(&console::truncate_str(cell, *w, "…"), *w));
                    }
                    None => line.push_str(cell),
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

fn pad(text: &str, width: usize) -> String {
    let room = width.saturating_sub(console::measure_text_width(text));
    format!("{text}{}", " ".repeat(room))
}

/// Items cut to the terminal's width, so that none wraps and breaks the list's redrawing.
fn fit(items: &[String]) -> Vec<String> {
    let width = console::Term::stderr().size().1.max(40) as usize - 6;
    items
        .iter()
        .map(|i| {
            if console::measure_text_width(i) <= width {
                i.clone()
            } else {
                console::truncate_str(i, width, "…").into_owned()
            }
        })
        .collect()
}

/// The theme, with the multi-select's cursor drawn as the select's is: ColorfulTheme shows the
/// active entry of a multi-select by its colour alone, which `NO_COLOR` takes away.
struct WithCursor<'a>(&'a ColorfulTheme);

impl Theme for WithCursor<'_> {
    fn format_multi_select_prompt(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
    ) -> std::fmt::Result {
        self.0.format_multi_select_prompt(f, prompt)
    }

    fn format_multi_select_prompt_item(
        &self,
        f: &mut dyn std::fmt::Write,
        text: &str,
        checked: bool,
        active: bool,
    ) -> std::fmt::Result {
        let cursor = if active {
            &self.0.active_item_prefix
        } else {
            &self.0.inactive_item_prefix
        };
        write!(f, "{cursor} ")?;
        self.0
            .format_multi_select_prompt_item(f, text, checked, active)
    }
}

pub(crate) struct Prompter {
    can_ask: bool,
    theme: ColorfulTheme,
}

fn failed(e: dialoguer::Error) -> Failure {
    let dialoguer::Error::IO(io) = e;
    unreadable(io)
}

fn unreadable(io: std::io::Error) -> Failure {
    if io.kind() == std::io::ErrorKind::Interrupted {
        // Ctrl-C at a prompt: console raised SIGINT itself; stop the same way the handler does.
        crate::interrupt::finish();
    }
    // The terminal closed under the question (read before SIGHUP was handled): nobody is left
    // to answer, and the run ends as the hang-up's handler ends it.
    crate::interrupt::stop_if_hung_up();
    Failure::new(FailureKind::Internal, io).context("could not read the answer")
}

/// Reads a secret given with `--...-stdin`: hidden at a terminal, the whole stream otherwise.
pub(crate) struct StdinSecrets;

impl crate::inputs::SecretReader for StdinSecrets {
    fn read_secret(&mut self, what: &str) -> Result<String, String> {
        if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
            let question = format!(
                "{} (read from standard input; typing is hidden)",
                capitalized(what)
            );
            return hidden(&ColorfulTheme::default(), &question, false, false)
                .map(Option::unwrap_or_default)
                .map_err(|e| unreadable(e).to_string());
        }
        read_bounded(std::io::stdin().lock(), what)
    }
}

/// The most a secret on standard input may be, as in a file: a password or token is far
/// shorter, and a stream with no end (`< /dev/zero`, a pipe left open by mistake) must not fill
/// the memory.
const STDIN_SECRET_LIMIT: u64 = crate::inputs::local::SECRET_LIMIT;

/// The whole of `input`, refused past [`STDIN_SECRET_LIMIT`] bytes or when it is not UTF-8.
fn read_bounded(input: impl std::io::Read, what: &str) -> Result<String, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    input
        .take(STDIN_SECRET_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > STDIN_SECRET_LIMIT {
        return Err(format!(
            "standard input holds more than {} KiB: it is not a {what}; pipe only the secret, e.g. `printf %s \"$PASSWORD\" | threescale-install ...`",
            STDIN_SECRET_LIMIT / 1024
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| format!("standard input is not UTF-8 text: it is not a {what}"))
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Prompter {
    /// Someone can answer when stdin and stderr are terminals and neither `--yes` nor
    /// `--no-input` was given.
    pub(crate) fn new(never_ask: bool) -> Prompter {
        let can_ask =
            !never_ask && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        Prompter {
            can_ask,
            theme: ColorfulTheme::default(),
        }
    }

    pub(crate) fn can_ask(&self) -> bool {
        self.can_ask
    }

    /// Drops keys typed before the question that decides whether the cluster changes is shown:
    /// a double Enter at the question before must not answer it unseen.
    pub(crate) fn discard_typeahead(&self) {
        if !self.can_ask {
            return;
        }
        if let Ok(tty) = std::fs::File::open("/dev/tty") {
            use std::os::fd::AsRawFd;
            // SAFETY: tcflush(3) on a descriptor we own; it only drops pending input.
            unsafe { libc::tcflush(tty.as_raw_fd(), libc::TCIFLUSH) };
        }
    }

    /// A yes/no question; without anyone to ask, `default`.
    pub(crate) fn confirm(&self, question: &str, default: bool) -> Outcome<bool> {
        if !self.can_ask {
            return Ok(default);
        }
        // y and n wait for Enter: a key pressed once never answers two questions.
        dialoguer::Confirm::with_theme(&self.theme)
            .with_prompt(question)
            .default(default)
            .wait_for_newline(true)
            .interact()
            .map_err(failed)
    }

    /// A line of text, re-asked with the reason while `check` refuses it.
    pub(crate) fn text(
        &self,
        question: &str,
        default: Option<&str>,
        check: impl Fn(&str) -> Result<(), String>,
    ) -> Outcome<String> {
        let mut input = dialoguer::Input::<String>::with_theme(&self.theme).with_prompt(question);
        if let Some(d) = default {
            input = input.default(d.to_string());
        }
        input
            .validate_with(|v: &String| check(v.trim()))
            .interact_text()
            .map(|v| v.trim().to_string())
            .map_err(failed)
    }

    /// Hidden input, never echoed; typed twice when `twice`.
    pub(crate) fn secret(&self, question: &str, twice: bool) -> Outcome<Secret> {
        hidden(&self.theme, question, twice, false)
            .map(|v| Secret::new(v.unwrap_or_default()))
            .map_err(unreadable)
    }

    /// Hidden input that may be left empty (a generated value stays generated).
    pub(crate) fn optional_secret(&self, question: &str) -> Outcome<Option<Secret>> {
        hidden(&self.theme, question, false, true)
            .map(|v| v.map(Secret::new))
            .map_err(unreadable)
    }

    /// One of `entries`; the answer is reported as the entry's label.
    pub(crate) fn select(
        &self,
        question: &str,
        entries: &[Entry],
        default: usize,
    ) -> Outcome<usize> {
        let shown = fit(&lay_out(entries));
        let chosen = dialoguer::Select::with_theme(&self.theme)
            .with_prompt(question)
            .items(&shown)
            .default(default)
            .max_length(VISIBLE_ROWS)
            .report(false)
            .interact()
            .map_err(failed)?;
        self.report(question, &entries[chosen].label);
        Ok(chosen)
    }

    /// Any of `entries` (space selects, enter confirms); the answer reports their labels.
    pub(crate) fn multi_select(&self, question: &str, entries: &[Entry]) -> Outcome<Vec<usize>> {
        let shown = fit(&lay_out(entries));
        let chosen = dialoguer::MultiSelect::with_theme(&WithCursor(&self.theme))
            .with_prompt(question)
            .items(&shown)
            .max_length(VISIBLE_ROWS)
            .report(false)
            .interact()
            .map_err(failed)?;
        let labels: Vec<&str> = chosen.iter().map(|i| entries[*i].label.as_str()).collect();
        self.report(question, &labels.join(", "));
        Ok(chosen)
    }

    /// The answered-question line, in the theme's own style.
    fn report(&self, question: &str, answer: &str) {
        let mut line = String::new();
        if self
            .theme
            .format_input_prompt_selection(&mut line, question, answer)
            .is_ok()
        {
            let _ = console::Term::stderr().write_line(&line);
        }
    }
}

/// Asks for hidden input until it is acceptable (not empty unless `allow_empty`; the same twice
/// when `twice`), then leaves one answered line with the value masked. `None` is an empty answer.
fn hidden(
    theme: &dyn Theme,
    question: &str,
    twice: bool,
    allow_empty: bool,
) -> std::io::Result<Option<String>> {
    let term = console::Term::stderr();
    let mut lines = 0;
    let ask = |text: &str, lines: &mut usize| -> std::io::Result<String> {
        let mut shown = String::new();
        let _ = theme.format_password_prompt(&mut shown, text);
        // Echo goes off before the question shows: whatever is typed once it is visible is
        // taken, and never shown.
        let mut entry = HiddenEntry::begin()?;
        term.write_str(&shown)?;
        term.flush()?;
        let typed = entry.line();
        drop(entry);
        *lines += 1;
        typed
    };
    let complain = |text: &str, lines: &mut usize| -> std::io::Result<()> {
        let mut shown = String::new();
        let _ = theme.format_error(&mut shown, text);
        term.write_line(&shown)?;
        *lines += 1;
        Ok(())
    };
    let answer = loop {
        let first = ask(question, &mut lines)?;
        if first.is_empty() {
            if allow_empty {
                break None;
            }
            complain("it cannot be empty", &mut lines)?;
            continue;
        }
        if twice && ask("Repeat it", &mut lines)? != first {
            complain("the two entries differ; type them again", &mut lines)?;
            continue;
        }
        break Some(first);
    };
    term.clear_last_lines(lines)?;
    let mut done = String::new();
    let _ = theme.format_password_prompt_selection(&mut done, question);
    term.write_line(&done)?;
    Ok(answer)
}

/// The terminal with echo off (Enter still moves to the next line) until dropped.
///
/// Not console's `read_secure_line`: it switches echo off after the question is drawn, with
/// TCSAFLUSH, which discards whatever was typed (or pasted) in between. Here echo goes off with
/// TCSANOW before the question is drawn, and nothing typed is lost. An interrupt meanwhile
/// restores the modes in `interrupt`.
struct HiddenEntry {
    tty: std::fs::File,
    saved: libc::termios,
}

impl HiddenEntry {
    fn begin() -> std::io::Result<HiddenEntry> {
        use std::os::fd::AsRawFd;
        let tty = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")?;
        let fd = tty.as_raw_fd();
        // SAFETY: tcgetattr and tcsetattr on a descriptor we own, with a termios of our own.
        unsafe {
            let mut saved: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut saved) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            let mut quiet = saved;
            quiet.c_lflag &= !libc::ECHO;
            quiet.c_lflag |= libc::ECHONL;
            if libc::tcsetattr(fd, libc::TCSANOW, &quiet) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(HiddenEntry { tty, saved })
        }
    }

    /// One line, without its line ending. In canonical mode a read returns at most one line, so
    /// what is typed ahead for the next question stays for it.
    fn line(&mut self) -> std::io::Result<String> {
        use std::io::BufRead;
        let mut text = String::new();
        loop {
            match std::io::BufReader::new(&self.tty).read_line(&mut text) {
                Ok(0) if text.is_empty() => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::UnexpectedEof,
                        "the terminal closed",
                    ))
                }
                Ok(_) => break,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                    if crate::interrupt::requested() {
                        return Err(e);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        let trimmed = text.trim_end_matches(['\r', '\n']).len();
        text.truncate(trimmed);
        Ok(text)
    }
}

impl Drop for HiddenEntry {
    fn drop(&mut self) {
        use std::os::fd::AsRawFd;
        // SAFETY: restores the modes read in `begin` on the same descriptor.
        unsafe { libc::tcsetattr(self.tty.as_raw_fd(), libc::TCSANOW, &self.saved) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_on_stdin_is_read_whole_and_an_endless_stream_is_refused() {
        let read = read_bounded(&b"pa ss\n"[..], "registry password").unwrap();
        assert_eq!(read, "pa ss\n");
        let endless = std::io::repeat(0);
        let err = read_bounded(endless, "registry password").unwrap_err();
        assert!(
            err.contains("more than 64 KiB: it is not a registry password"),
            "{err}"
        );
        let err = read_bounded(&[0xff, 0xfe][..], "registry password").unwrap_err();
        assert!(err.contains("not UTF-8"), "{err}");
    }

    #[test]
    fn columns_line_up_whatever_the_lengths_and_long_cells_are_cut() {
        let long_value = "registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.8";
        let entries = [
            Entry::new("TENANT_NAME")
                .column("= 3scale")
                .column("Tenant name"),
            Entry::new("AMP_BACKEND_IMAGE")
                .column(format!("= {long_value}"))
                .column("Backend image"),
            Entry::new("A_PARAMETER_WITH_A_NAME_LONGER_THAN_THE_OLD_COLUMN")
                .column("= x")
                .column("Long name"),
        ];
        let lines = lay_out(&entries);
        // In columns (characters), not bytes: the ellipsis is one column of three bytes.
        let at = |line: &str, text: &str| line[..line.find(text).unwrap()].chars().count();
        let descriptions: Vec<usize> = ["Tenant name", "Backend image", "Long name"]
            .iter()
            .zip(&lines)
            .map(|(d, l)| at(l, d))
            .collect();
        assert!(
            descriptions.iter().all(|c| *c == descriptions[0]),
            "{lines:#?}"
        );
        assert!(lines[1].contains('…'), "the long value is cut: {lines:#?}");
        assert!(lines[2].starts_with("A_PARAMETER_WITH_A_NAME_LONGER_THAN_THE_OLD_COLUMN  = x"));
    }

    #[test]
    fn a_label_alone_is_its_line() {
        assert_eq!(
            lay_out(&[Entry::new("Change a value"), Entry::new("Cancel")]),
            ["Change a value", "Cancel"]
        );
    }
}
