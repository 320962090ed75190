//! Everything drawn for a person: step lines with their details and warnings, the fetch bar, the
//! wait's board with one line per component, blocks of text. Progress goes to stderr; stdout is
//! for results. In a terminal it is drawn with spinners and marks; otherwise the same content
//! comes as plain, ordered lines, without escape codes.

use crate::install::readiness::{Component, State};
use crate::templates::repo::Progress;
use console::style;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct Ui {
    fancy: bool,
    quiet: bool,
    verbose: bool,
    stdout_terminal: bool,
    /// The spinner on screen, if any: lines printed meanwhile go above it.
    active: Arc<Mutex<Option<ProgressBar>>>,
}

impl Ui {
    pub fn new(quiet: bool, verbose: bool) -> Ui {
        Ui {
            fancy: stderr_is_terminal() && !quiet,
            quiet,
            verbose,
            stdout_terminal: std::io::stdout().is_terminal(),
            active: Arc::new(Mutex::new(None)),
        }
    }

    pub fn stdout_is_terminal(&self) -> bool {
        self.stdout_terminal
    }

    /// Prints a line on stderr without tearing an active spinner.
    fn line(&self, text: &str) {
        let active = self.active.lock().unwrap_or_else(|e| e.into_inner());
        match active.as_ref() {
            Some(pb) => pb.println(text),
            None => eprintln!("{text}"),
        }
    }

    /// A step: a spinner in a terminal (`==> title` otherwise); its details and warnings are
    /// shown under it when it ends.
    pub fn step(&self, title: &str) -> StepLine {
        let spinner = if self.fancy {
            let pb = ProgressBar::new_spinner();
            pb.set_style(
                ProgressStyle::with_template("{spinner:.cyan} {msg}").expect("valid template"),
            );
            pb.set_message(title.to_string());
            pb.enable_steady_tick(Duration::from_millis(100));
            *self.active.lock().unwrap_or_else(|e| e.into_inner()) = Some(pb.clone());
            Some(pb)
        } else {
            if !self.quiet {
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
    pub fn block(&self, text: &str) {
        if !self.quiet {
            self.line(text.trim_end_matches('\n'));
        }
    }

    /// A line of information on stderr.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            self.line(text);
        }
    }

    pub fn warn(&self, text: &str) {
        if self.quiet {
            return;
        }
        let label = style("warning:").yellow().bold().for_stderr();
        self.line(&format!("{label} {text}"));
    }

    /// An oc command line (quoted, secrets masked), shown with -v.
    pub fn command(&self, command: &str) {
        if self.verbose {
            self.line(&format!(
                "    {}",
                style(format!("$ {command}")).dim().for_stderr()
            ));
        }
    }

    /// A bar for the template fetch; draws nothing without a terminal.
    pub fn transfer(&self) -> impl FnMut(Progress) + '_ {
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
    pub fn result(&self, text: &str) {
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

pub struct StepLine {
    ui: Ui,
    title: String,
    started: Instant,
    spinner: Option<ProgressBar>,
    /// Details and warnings, shown under the step line when it ends (in a terminal).
    lines: Mutex<Vec<String>>,
    finished: bool,
}

impl StepLine {
    pub fn detail(&self, text: &str) {
        if self.ui.quiet {
            return;
        }
        self.push(format!("    {text}"));
    }

    pub fn warn(&self, text: &str) {
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
            eprintln!("{line}");
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
        pb.finish_and_clear();
        self.ui
            .active
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
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

    pub fn done(mut self) {
        self.finish(true);
    }

    pub fn failed(mut self) {
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
pub struct Board {
    ui: Ui,
    multi: Option<MultiProgress>,
    rows: Mutex<Vec<(String, ProgressBar)>>,
    last: Mutex<Vec<(String, State)>>,
}

impl Ui {
    pub fn board(&self, title: &str) -> Board {
        if !self.quiet {
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
            last: Mutex::new(Vec::new()),
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

impl Board {
    pub fn show(&self, components: &[Component]) {
        if self.ui.quiet {
            return;
        }
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        match &self.multi {
            Some(multi) => {
                let mut rows = self.rows.lock().unwrap_or_else(|e| e.into_inner());
                for c in components {
                    let bar = match rows.iter().find(|(n, _)| *n == c.name) {
                        Some((_, bar)) => bar.clone(),
                        None => {
                            let bar = multi.add(ProgressBar::new_spinner());
                            bar.set_style(
                                ProgressStyle::with_template("  {spinner:.cyan} {msg}")
                                    .expect("valid template"),
                            );
                            bar.enable_steady_tick(Duration::from_millis(120));
                            rows.push((c.name.clone(), bar.clone()));
                            bar
                        }
                    };
                    if c.state.settled() || c.state == State::Failed {
                        // Settled rows stop spinning and keep their mark.
                        bar.set_style(
                            ProgressStyle::with_template("  {msg}").expect("valid template"),
                        );
                        bar.disable_steady_tick();
                        bar.set_message(format!(
                            "{} {}",
                            mark(c.state != State::Failed),
                            row_text(c)
                        ));
                    } else {
                        bar.set_style(
                            ProgressStyle::with_template("  {spinner:.cyan} {msg}")
                                .expect("valid template"),
                        );
                        if bar.is_finished() {
                            bar.reset();
                        }
                        bar.enable_steady_tick(Duration::from_millis(120));
                        bar.set_message(row_text(c));
                    }
                }
            }
            None => {
                for c in components {
                    let seen = last.iter().find(|(n, _)| *n == c.name).map(|(_, s)| *s);
                    if seen != Some(c.state) {
                        eprintln!("    {}: {} ({})", c.name, c.state.text(), c.detail);
                    }
                }
            }
        }
        *last = components
            .iter()
            .map(|c| (c.name.clone(), c.state))
            .collect();
    }

    /// A line above the board (the API unreachable, answering again).
    pub fn note(&self, text: &str) {
        if self.ui.quiet {
            return;
        }
        match &self.multi {
            Some(multi) => {
                let _ = multi.println(format!("    {text}"));
            }
            None => eprintln!("    {text}"),
        }
    }

    /// Ends the board: the rows stay on screen with their last state.
    pub fn finish(&self, ok: bool, text: &str) {
        let rows: Vec<(String, ProgressBar)> = self
            .rows
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
            .collect();
        let last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        for (name, bar) in rows {
            let state = last.iter().find(|(n, _)| *n == name).map(|(_, s)| *s);
            let settled = state.is_some_and(|s| s.settled());
            let msg = bar.message();
            bar.set_style(ProgressStyle::with_template("  {msg}").expect("valid template"));
            if !msg.starts_with('✔') && !msg.starts_with('✖') && !msg.contains("\u{1b}[32m✔")
            {
                bar.set_message(format!("{} {msg}", mark(settled)));
            }
            bar.finish();
        }
        if self.ui.quiet {
            return;
        }
        if self.ui.fancy {
            eprintln!("{} {text}", mark(ok));
        } else {
            eprintln!("    {text}");
        }
    }
}
