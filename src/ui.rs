//! Everything drawn for a person: step lines with their details and warnings, the fetch bar, the
//! wait's board with one line per component, blocks of text. Progress goes to stderr; stdout is
//! for results. In a terminal it is drawn with spinners and marks; otherwise the same content
//! comes as plain, ordered lines, without escape codes.

use crate::engine::readiness::{Component, State};
use crate::templates::repo::Progress;
use console::style;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
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
    /// stay with their last state.
    fn freeze(&mut self) {
        self.frozen = true;
        if let Some(pb) = self.spinner.take() {
            pb.finish_and_clear();
        }
        for bar in self.rows.drain(..) {
            bar.disable_steady_tick();
            bar.set_style(still());
            bar.finish();
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
            crate::interrupt::on_stop_drawing(move || {
                screen.lock().unwrap_or_else(|e| e.into_inner()).freeze();
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
            None => eprintln!("{text}"),
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
                eprintln!("==> {title}");
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
        println!("{}", text.trim_end_matches('\n'));
    }
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
        eprintln!("{} {} {elapsed}", mark(ok), self.title);
        for line in self
            .lines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
        {
            eprintln!("{line}");
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

/// The wait's progress: one live line per component in a terminal, marked ✔/✖ when settled and
/// kept on screen at the end; otherwise a plain line each time a component changes state.
pub(crate) struct Board {
    ui: Ui,
    multi: Option<MultiProgress>,
    rows: Mutex<Vec<Row>>,
}

/// A component's line: its last state and text, and its bar in a terminal.
struct Row {
    name: String,
    state: State,
    text: String,
    bar: Option<ProgressBar>,
}

impl Ui {
    pub(crate) fn board(&self, title: &str) -> Board {
        if !self.quiet && !self.screen().frozen {
            if self.fancy {
                eprintln!("{} {title}", style("⏳").for_stderr());
            } else {
                eprintln!("==> {title}");
            }
        }
        Board {
            ui: self.clone(),
            multi: self
                .fancy
                .then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr())),
            rows: Mutex::new(Vec::new()),
        }
    }
}

fn row_text(c: &Component) -> String {
    format!(
        "{:<20} {:<12} {}",
        c.name,
        c.state.text(),
        style(&c.detail).dim().for_stderr()
    )
}

fn spinning() -> ProgressStyle {
    ProgressStyle::with_template("  {spinner:.cyan} {msg}").expect("valid template")
}

fn still() -> ProgressStyle {
    ProgressStyle::with_template("  {msg}").expect("valid template")
}

/// A row that will not change without a person: ✔ when ready (or scaled down), ✖ when failed.
fn settled_mark(state: State) -> Option<bool> {
    if state == State::Failed {
        Some(false)
    } else {
        state.settled().then_some(true)
    }
}

impl Board {
    pub(crate) fn show(&self, components: &[Component]) {
        if self.ui.quiet {
            return;
        }
        let mut screen = self.ui.screen();
        if screen.frozen {
            return;
        }
        let mut rows = self.rows.lock().unwrap_or_else(|e| e.into_inner());
        for c in components {
            let text = row_text(c);
            let index = match rows.iter().position(|r| r.name == c.name) {
                Some(i) => i,
                None => {
                    let bar = self.multi.as_ref().map(|multi| {
                        let bar = multi.add(ProgressBar::new_spinner());
                        bar.set_style(spinning());
                        screen.rows.push(bar.clone());
                        bar
                    });
                    rows.push(Row {
                        name: c.name.clone(),
                        state: c.state,
                        text: String::new(),
                        bar,
                    });
                    rows.len() - 1
                }
            };
            let row = &mut rows[index];
            let changed = row.text.is_empty() || row.state != c.state;
            match &row.bar {
                Some(bar) => match settled_mark(c.state) {
                    // Settled rows stop spinning and keep their mark.
                    Some(ok) => {
                        bar.disable_steady_tick();
                        bar.set_style(still());
                        bar.set_message(format!("{} {text}", mark(ok)));
                        bar.tick();
                    }
                    None => {
                        bar.set_style(spinning());
                        bar.enable_steady_tick(Duration::from_millis(120));
                        bar.set_message(text.clone());
                    }
                },
                None if changed => {
                    eprintln!("    {}: {} ({})", c.name, c.state.text(), c.detail)
                }
                None => {}
            }
            row.state = c.state;
            row.text = text;
        }
    }

    /// A line above the board (the API unreachable, answering again).
    pub(crate) fn note(&self, text: &str) {
        if self.ui.quiet || self.ui.screen().frozen {
            return;
        }
        match &self.multi {
            Some(multi) => {
                let _ = multi.println(format!("    {text}"));
            }
            None => eprintln!("    {text}"),
        }
    }

    /// Ends the board: every row stays on screen with its last state and a mark (✖ for those
    /// not ready), then the verdict.
    pub(crate) fn finish(&self, ok: bool, text: &str) {
        let mut screen = self.ui.screen();
        if screen.frozen {
            return;
        }
        self.settle_rows(&mut screen);
        if self.ui.quiet {
            return;
        }
        if self.ui.fancy {
            eprintln!("{} {text}", mark(ok));
        } else {
            eprintln!("    {text}");
        }
    }

    /// Marks every row and stops the animation.
    fn settle_rows(&self, screen: &mut Screen) {
        screen.rows.clear();
        let rows: Vec<Row> = self
            .rows
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
            .collect();
        for row in rows {
            if let Some(bar) = row.bar {
                let done = settled_mark(row.state).unwrap_or(false);
                bar.disable_steady_tick();
                bar.set_style(still());
                bar.finish_with_message(format!("{} {}", mark(done), row.text));
            }
        }
    }
}

/// A board left early (an error on the way out) stops spinning and keeps its rows.
impl Drop for Board {
    fn drop(&mut self) {
        let mut screen = self.ui.screen();
        if !screen.frozen {
            self.settle_rows(&mut screen);
        }
    }
}
