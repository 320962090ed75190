//! Everything drawn for a person: step lines with their details and warnings, the fetch bar, the
//! wait's board with one line per component, blocks of text. Progress goes to stderr; stdout is
//! for results. In a terminal it is drawn with spinners and marks; otherwise the same content
//! comes as plain, ordered lines, without escape codes.

mod board;

pub(crate) use board::Board;

use crate::templates::repo::Progress;
use console::style;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub(crate) struct Ui {
    fancy: bool,
    quiet: bool,
    verbose: bool,
    /// What is on screen; every line drawn takes it, so that after an interruption froze it
    /// nothing more is drawn.
    screen: Arc<Mutex<Screen>>,
}

#[derive(Default)]
struct Screen {
    /// Interrupted: nothing more is drawn.
    frozen: bool,
    /// The step's spinner, if any: lines printed meanwhile go above it.
    spinner: Option<ProgressBar>,
    /// The rows of the wait's board, if any.
    rows: Vec<ProgressBar>,
}

impl Screen {
    /// Stops every animation and draws nothing more: the spinner line goes, the board's rows
    /// stay with their last state. On a terminal that is gone (`draw` false) nothing at all is
    /// drawn: the animations only stop.
    fn freeze(&mut self, draw: bool) {
        self.frozen = true;
        if let Some(pb) = self.spinner.take() {
            pb.disable_steady_tick();
            if draw {
                pb.finish_and_clear();
            }
        }
        for bar in self.rows.drain(..) {
            bar.disable_steady_tick();
            if draw {
                // As it was, the spinner's frame blank.
                bar.finish();
            }
        }
    }
}

impl Ui {
    pub(crate) fn new(quiet: bool, verbose: bool) -> Ui {
        let ui = Ui {
            fancy: stderr_is_terminal() && !quiet,
            quiet,
            verbose,
            screen: Arc::new(Mutex::new(Screen::default())),
        };
        if ui.fancy {
            // Interrupted: nothing is drawn over the line that says what happened.
            let screen = ui.screen.clone();
            crate::interrupt::on_stop_drawing(move |draw| {
                screen
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .freeze(draw);
            });
        }
        ui
    }

    /// The screen, to draw on while holding it.
    fn screen(&self) -> std::sync::MutexGuard<'_, Screen> {
        self.screen.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Prints a line on stderr without tearing an active spinner.
    fn line(&self, text: &str) {
        let screen = self.screen();
        if screen.frozen {
            return;
        }
        match screen.spinner.as_ref() {
            Some(pb) => pb.println(text),
            None => err_line(text),
        }
    }

    /// A step: a spinner in a terminal (`==> title` otherwise); its details and warnings are
    /// shown under it when it ends.
    pub(crate) fn step(&self, title: &str) -> StepLine {
        let spinner = if self.fancy {
            let pb = ProgressBar::new_spinner();
            pb.set_style(
                ProgressStyle::with_template("{spinner:.cyan} {msg}").expect("valid template"),
            );
            pb.set_message(title.to_string());
            pb.enable_steady_tick(Duration::from_millis(100));
            let mut screen = self.screen();
            if screen.frozen {
                pb.finish_and_clear();
                None
            } else {
                screen.spinner = Some(pb.clone());
                Some(pb)
            }
        } else {
            if !self.quiet && !self.screen().frozen {
                err_line(&format!("==> {title}"));
            }
            None
        };
        StepLine {
            ui: self.clone(),
            title: title.to_string(),
            started: Instant::now(),
            spinner,
            lines: Mutex::new(Vec::new()),
            finished: false,
        }
    }

    /// A block of text on stderr (the cluster panel, the summary, the plan's changes).
    pub(crate) fn block(&self, text: &str) {
        if !self.quiet {
            self.line(text.trim_end_matches('\n'));
        }
    }

    /// A line of information on stderr.
    pub(crate) fn note(&self, text: &str) {
        if !self.quiet {
            self.line(text);
        }
    }

    pub(crate) fn warn(&self, text: &str) {
        if self.quiet {
            return;
        }
        let label = style("warning:").yellow().bold().for_stderr();
        self.line(&format!("{label} {text}"));
    }

    /// An oc command line (quoted, secrets masked), shown with -v.
    pub(crate) fn command(&self, command: &str) {
        if self.verbose {
            self.line(&format!(
                "    {}",
                style(format!("$ {command}")).dim().for_stderr()
            ));
        }
    }

    /// A bar for the template fetch; draws nothing without a terminal.
    pub(crate) fn transfer(&self) -> impl FnMut(Progress) + '_ {
        let bar = self.fancy.then(|| {
            let pb = ProgressBar::new(0);
            pb.set_style(
                ProgressStyle::with_template("    {bar:30.cyan/blue} {pos}/{len} {msg}")
                    .expect("valid template")
                    .progress_chars("=> "),
            );
            pb
        });
        move |p| {
            if let Some(pb) = &bar {
                match p {
                    Progress::Objects {
                        received,
                        total,
                        bytes,
                    } => {
                        pb.set_length(total as u64);
                        pb.set_position(received as u64);
                        pb.set_message(format!("objects, {}", indicatif::HumanBytes(bytes as u64)));
                    }
                    Progress::Deltas { indexed, total } => {
                        pb.set_length(total as u64);
                        pb.set_position(indexed as u64);
                        pb.set_message("deltas resolved");
                        if indexed == total {
                            pb.finish_and_clear();
                        }
                    }
                }
            }
        }
    }

    /// Results go to stdout.
    pub(crate) fn result(&self, text: &str) {
        if self.screen().frozen {
            return;
        }
        let _ = writeln!(std::io::stdout().lock(), "{}", text.trim_end_matches('\n'));
    }
}

/// A line on stderr. A write that fails (the terminal closed under the run) is dropped, never a
/// panic: the run then ends as an interruption does.
fn err_line(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal() && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

fn mark(ok: bool) -> console::StyledObject<&'static str> {
    if ok {
        style("✔").green().for_stderr()
    } else {
        style("✖").red().for_stderr()
    }
}

pub(crate) struct StepLine {
    ui: Ui,
    title: String,
    started: Instant,
    spinner: Option<ProgressBar>,
    /// Details and warnings, shown under the step line when it ends (in a terminal).
    lines: Mutex<Vec<String>>,
    finished: bool,
}

impl StepLine {
    pub(crate) fn detail(&self, text: &str) {
        if self.ui.quiet {
            return;
        }
        self.push(format!("    {text}"));
    }

    pub(crate) fn warn(&self, text: &str) {
        if self.ui.quiet {
            return;
        }
        let label = style("warning:").yellow().bold().for_stderr();
        self.push(format!("    {label} {text}"));
    }

    fn push(&self, line: String) {
        if self.spinner.is_some() {
            self.lines
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(line);
        } else {
            self.ui.line(&line);
        }
    }

    fn finish(&mut self, ok: bool) {
        if self.finished {
            return;
        }
        self.finished = true;
        let Some(pb) = self.spinner.take() else {
            return;
        };
        let mut screen = self.ui.screen();
        if screen.frozen {
            return;
        }
        pb.finish_and_clear();
        screen.spinner = None;
        let elapsed = style(format!("({:.1}s)", self.started.elapsed().as_secs_f32()))
            .dim()
            .for_stderr();
        err_line(&format!("{} {} {elapsed}", mark(ok), self.title));
        for line in self
            .lines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
        {
            err_line(&line);
        }
    }

    pub(crate) fn done(mut self) {
        self.finish(true);
    }

    pub(crate) fn failed(mut self) {
        self.finish(false);
    }
}

/// A step dropped unfinished (an early return) leaves no spinner frame behind.
impl Drop for StepLine {
    fn drop(&mut self) {
        self.finish(false);
    }
}
