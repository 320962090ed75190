//! Everything drawn on the terminal: step lines, spinners, the fetch bar, warnings. Progress goes
//! to stderr; stdout is for results. Without a terminal, plain `==>` lines replace the spinners.

use crate::templates_repo::Progress;
use console::style;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct Ui {
    fancy: bool,
    quiet: bool,
    verbose: bool,
    stdout_terminal: bool,
    active: Arc<Mutex<Option<ProgressBar>>>,
}

pub struct StepLine {
    ui: Ui,
    title: String,
    started: Instant,
    /// With a spinner, details wait to be printed under the finished step line.
    pending: Mutex<Vec<String>>,
}

impl Ui {
    pub fn new(quiet: bool, verbose: bool) -> Ui {
        Ui {
            fancy: std::io::stderr().is_terminal() && !quiet,
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

    pub fn step(&self, title: &str) -> StepLine {
        if self.fancy {
            let pb = ProgressBar::new_spinner();
            pb.set_style(
                ProgressStyle::with_template("{spinner:.cyan} {msg}").expect("valid template"),
            );
            pb.set_message(title.to_string());
            pb.enable_steady_tick(Duration::from_millis(100));
            *self.active.lock().unwrap_or_else(|e| e.into_inner()) = Some(pb);
        } else if !self.quiet {
            eprintln!("==> {title}");
        }
        StepLine {
            ui: self.clone(),
            title: title.to_string(),
            started: Instant::now(),
            pending: Mutex::new(Vec::new()),
        }
    }

    /// A block of text on stderr (the wizard's cluster panel and summary).
    pub fn block(&self, text: &str) {
        self.line(text);
    }

    pub fn warn(&self, text: &str) {
        if self.quiet {
            return;
        }
        let label = style("warning:").yellow().bold().for_stderr();
        self.line(&format!("{label} {text}"));
    }

    /// An oc command line (already redacted), shown with -v.
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

    /// Ask-free confirmation text and results go to stdout.
    pub fn result(&self, text: &str) {
        println!("{text}");
    }
}

/// The wait's progress: one line per component in a terminal; otherwise a plain line each time
/// a component changes state.
pub struct Board {
    ui: Ui,
    bars: Mutex<Vec<(String, ProgressBar)>>,
    multi: Option<indicatif::MultiProgress>,
    last: Mutex<Vec<(String, String)>>,
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
            bars: Mutex::new(Vec::new()),
            multi: self.fancy.then(indicatif::MultiProgress::new),
            last: Mutex::new(Vec::new()),
        }
    }
}

impl Board {
    /// (component, state, detail) rows.
    pub fn show(&self, rows: &[(String, &str, String)]) {
        if self.ui.quiet {
            return;
        }
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        match &self.multi {
            Some(multi) => {
                let mut bars = self.bars.lock().unwrap_or_else(|e| e.into_inner());
                for (name, state, detail) in rows {
                    let text = format!(
                        "{name:<20} {state:<12} {}",
                        style(detail).dim().for_stderr()
                    );
                    match bars.iter().find(|(n, _)| n == name) {
                        Some((_, bar)) => bar.set_message(text),
                        None => {
                            let bar = multi.add(ProgressBar::new_spinner());
                            bar.set_style(
                                ProgressStyle::with_template("  {spinner:.cyan} {msg}")
                                    .expect("valid template"),
                            );
                            bar.enable_steady_tick(Duration::from_millis(120));
                            bar.set_message(text);
                            bars.push((name.clone(), bar));
                        }
                    }
                }
            }
            None => {
                for (name, state, detail) in rows {
                    let seen = last
                        .iter()
                        .find(|(n, _)| n == name)
                        .map(|(_, s)| s.as_str());
                    if seen != Some(*state) {
                        eprintln!("    {name}: {state} ({detail})");
                    }
                }
            }
        }
        *last = rows
            .iter()
            .map(|(n, s, _)| (n.clone(), s.to_string()))
            .collect();
    }

    pub fn finish(&self, ok: bool, text: &str) {
        for (_, bar) in self
            .bars
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
        {
            bar.finish_and_clear();
        }
        if self.ui.quiet {
            return;
        }
        if self.ui.fancy {
            let mark = if ok {
                style("✔").green().for_stderr()
            } else {
                style("✖").red().for_stderr()
            };
            eprintln!("{mark} {text}");
        } else {
            eprintln!("    {text}");
        }
    }
}

impl StepLine {
    pub fn detail(&self, text: &str) {
        if self.ui.quiet {
            return;
        }
        let text = format!("    {text}");
        if self.ui.fancy {
            self.pending
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(text);
        } else {
            self.ui.line(&text);
        }
    }

    pub fn warn(&self, text: &str) {
        if self.ui.fancy {
            let label = style("warning:").yellow().bold().for_stderr();
            self.pending
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(format!("{label} {text}"));
        } else {
            self.ui.warn(text);
        }
    }

    fn finish(self, ok: bool) {
        let elapsed = self.started.elapsed().as_secs_f32();
        let pb = self
            .ui
            .active
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(pb) = pb {
            pb.finish_and_clear();
        }
        if self.ui.fancy {
            let mark = if ok {
                style("✔").green().for_stderr()
            } else {
                style("✖").red().for_stderr()
            };
            if ok {
                eprintln!(
                    "{mark} {} {}",
                    self.title,
                    style(format!("({elapsed:.1}s)")).dim().for_stderr()
                );
            } else {
                eprintln!("{mark} {}", self.title);
            }
        }
    }

    pub fn done(self) {
        self.finish(true);
    }

    pub fn failed(self) {
        self.finish(false);
    }
}
