//! The wait's board: one line per component with the time waited for it, and the time waited
//! overall. In a terminal the lines are live (a spinner and a ticking time while a component is
//! unsettled; ✔ and the time it took once settled) under a title that counts the whole wait;
//! when the wait fails, only the root cause (and what itself failed) is marked ✖, what was still
//! under way says "stopped while …". Otherwise a plain line, stamped with the time waited, each
//! time a component changes state.

use super::{err_line, mark, Screen, Ui};
use crate::duration;
use crate::engine::readiness::{Component, State};
use console::style;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub(crate) struct Board {
    ui: Ui,
    multi: Option<MultiProgress>,
    /// The line under the rows in a terminal, with the time waited so far.
    total: Option<ProgressBar>,
    started: Instant,
    rows: Mutex<Vec<Row>>,
}

/// A component's line: its last state, when it settled, and its bar in a terminal.
struct Row {
    name: String,
    state: State,
    detail: String,
    /// The time waited until it settled or failed; `None` while it is under way.
    took: Option<Duration>,
    bar: Option<ProgressBar>,
}

/// What the rows not settled become when the wait ends without success.
#[derive(Clone, Copy)]
enum Ending<'a> {
    Ready,
    /// The root cause's component, when the failure names one.
    Failed(Option<&'a str>),
}

impl Ui {
    pub(crate) fn board(&self, title: &str) -> Board {
        let started = Instant::now();
        let shown = !self.quiet && !self.screen().frozen;
        let multi = self
            .fancy
            .then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()));
        if shown {
            if self.fancy {
                err_line(&format!("{} {title}", style("⏳").for_stderr()));
            } else {
                err_line(&format!("==> {title}"));
            }
        }
        // The whole wait's time, under the rows (inserted above it).
        let total = multi.as_ref().filter(|_| shown).map(|multi| {
            let bar = multi.add(ProgressBar::new_spinner());
            bar.set_style(total_style(started));
            bar.set_message(format!("waited {}", since(started)));
            bar.enable_steady_tick(Duration::from_millis(120));
            self.screen().rows.push(bar.clone());
            bar
        });
        Board {
            ui: self.clone(),
            multi,
            total,
            started,
            rows: Mutex::new(Vec::new()),
        }
    }
}

/// The time waited since `started`, in whole seconds, as durations are written (`1m12s`).
fn since(started: Instant) -> String {
    whole(started.elapsed())
}

fn whole(d: Duration) -> String {
    duration::describe(Duration::from_secs(d.as_secs()))
}

/// A template key that shows the time waited since `started`, redrawn at each tick.
fn waited(started: Instant) -> impl Fn(&ProgressState, &mut dyn std::fmt::Write) + Clone {
    move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = w.write_str(&since(started));
    }
}

/// The line of the whole wait: its spinner and the time waited. Its message says the same,
/// as of the last look: what stays when the board is frozen by an interruption.
fn total_style(started: Instant) -> ProgressStyle {
    ProgressStyle::with_template("  {spinner:.cyan} waited {waited}")
        .expect("valid template")
        .with_key("waited", waited(started))
}

/// An unsettled row: its spinner, its name and state, the time waited, its detail.
fn live_style(started: Instant) -> ProgressStyle {
    ProgressStyle::with_template("  {spinner:.cyan} {prefix} {waited:>6}  {msg}")
        .expect("valid template")
        .with_key("waited", waited(started))
}

/// A row that will not change any more: its text as it is.
fn still() -> ProgressStyle {
    ProgressStyle::with_template("  {msg}").expect("valid template")
}

/// The name and state columns.
fn columns(name: &str, state: &str) -> String {
    format!("{name:<20} {state:<12}")
}

/// A row that ended: its mark, name, state, the time it took, its detail (cut to the line).
fn ended_text(mark: &str, name: &str, state: &str, took: &str, detail: &str) -> String {
    let head = format!("{mark} {} {took:>6}  ", columns(name, state));
    let room = line_width().saturating_sub(2 + console::measure_text_width(&head));
    format!("{head}{}", style(cut(detail, room)).dim().for_stderr())
}

/// The room on a line of the terminal, one column short of its width: a line that fills the
/// last column leaves the cursor waiting to wrap, which the board's redraw miscounts.
fn line_width() -> usize {
    usize::from(console::Term::stderr().size().1).saturating_sub(1)
}

/// `text` cut to `room` columns, with an ellipsis when cut.
fn cut(text: &str, room: usize) -> String {
    console::truncate_str(text, room, "…").into_owned()
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
        if let Some(total) = &self.total {
            total.set_message(format!("waited {}", since(self.started)));
        }
        let mut rows = self.rows.lock().unwrap_or_else(|e| e.into_inner());
        for c in components {
            let index = match rows.iter().position(|r| r.name == c.name) {
                Some(i) => i,
                None => {
                    rows.push(self.new_row(c, &mut screen));
                    rows.len() - 1
                }
            };
            let row = &mut rows[index];
            let changed = row.detail.is_empty() || row.state != c.state;
            row.state = c.state;
            row.detail = c.detail.clone();
            row.took = match settled_mark(c.state) {
                Some(_) => row.took.or_else(|| Some(self.started.elapsed())),
                None => None,
            };
            match &row.bar {
                Some(bar) => self.draw(row, bar),
                None if changed => err_line(&format!(
                    "    [{}] {}: {} ({})",
                    since(self.started),
                    c.name,
                    c.state.text(),
                    c.detail
                )),
                None => {}
            }
        }
    }

    fn new_row(&self, c: &Component, screen: &mut Screen) -> Row {
        let bar = self.multi.as_ref().map(|multi| {
            let bar = match &self.total {
                Some(total) => multi.insert_before(total, ProgressBar::new_spinner()),
                None => multi.add(ProgressBar::new_spinner()),
            };
            bar.set_style(live_style(self.started));
            screen.rows.push(bar.clone());
            bar
        });
        Row {
            name: c.name.clone(),
            state: c.state,
            detail: String::new(),
            took: None,
            bar,
        }
    }

    /// A row as its state says: spinning with the time ticking, or marked with the time it took.
    fn draw(&self, row: &Row, bar: &ProgressBar) {
        match (settled_mark(row.state), row.took) {
            (Some(ok), Some(took)) => {
                bar.disable_steady_tick();
                bar.set_style(still());
                let text = ended_text(
                    &mark(ok).to_string(),
                    &row.name,
                    row.state.text(),
                    &whole(took),
                    &row.detail,
                );
                bar.set_message(text);
                bar.tick();
            }
            _ => {
                bar.set_style(live_style(self.started));
                let head = columns(&row.name, row.state.text());
                // Spinner, columns, time: as `live_style` lays them out.
                let room = line_width().saturating_sub(4 + head.len() + 1 + 6 + 2);
                bar.set_prefix(head);
                bar.set_message(style(cut(&row.detail, room)).dim().for_stderr().to_string());
                bar.enable_steady_tick(Duration::from_millis(120));
            }
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
            None => err_line(&format!("    {text}")),
        }
    }

    /// Ends a wait in which every component became ready: `text` with the time waited.
    pub(crate) fn ready(&self, text: &str) {
        self.finish(Ending::Ready, true, text);
    }

    /// Ends a wait that failed: the root cause's component (`culprit`) and any that failed
    /// itself are marked ✖; those still under way are marked as stopped, not failed.
    pub(crate) fn failed(&self, text: &str, culprit: Option<&str>) {
        self.finish(Ending::Failed(culprit), false, text);
    }

    fn finish(&self, ending: Ending, ok: bool, text: &str) {
        let mut screen = self.ui.screen();
        if screen.frozen {
            return;
        }
        self.settle_rows(&mut screen, ending);
        if self.ui.quiet {
            return;
        }
        let took = whole(self.started.elapsed());
        if self.ui.fancy {
            err_line(&format!("{} {text} ({took})", mark(ok)));
        } else {
            err_line(&format!("    {text} ({took})"));
        }
    }

    /// Every row keeps its last state with its mark; the animation stops.
    fn settle_rows(&self, screen: &mut Screen, ending: Ending) {
        screen.rows.clear();
        if let Some(total) = &self.total {
            // The verdict's line says how long the wait took.
            total.disable_steady_tick();
            total.finish_and_clear();
        }
        let rows: Vec<Row> = self
            .rows
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
            .collect();
        let now = self.started.elapsed();
        for row in rows {
            let Some(bar) = &row.bar else { continue };
            bar.disable_steady_tick();
            bar.set_style(still());
            let culprit = matches!(ending, Ending::Failed(Some(c)) if c == row.name);
            let (mark, state, took, detail) = match (settled_mark(row.state), row.took) {
                (Some(ok), Some(took)) => (mark(ok), row.state.text(), took, row.detail),
                _ if culprit => (mark(false), row.state.text(), now, row.detail),
                _ => (
                    style("·").dim().for_stderr(),
                    "stopped",
                    now,
                    format!("while {} ({})", row.state.text(), row.detail),
                ),
            };
            let text = ended_text(&mark.to_string(), &row.name, state, &whole(took), &detail);
            bar.finish_with_message(text);
        }
    }
}

/// A board left early (an error on the way out) stops spinning and keeps its rows.
impl Drop for Board {
    fn drop(&mut self) {
        let mut screen = self.ui.screen();
        if !screen.frozen {
            self.settle_rows(&mut screen, Ending::Failed(None));
        }
    }
}
