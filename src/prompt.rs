//! The only user of dialoguer. Decides once whether someone can answer; never prompts otherwise.

use crate::failure::{Failure, FailureKind, Outcome};
use crate::secrets::Secret;
use dialoguer::theme::{ColorfulTheme, Theme};
use std::io::IsTerminal;

/// Long lists scroll instead of pushing the question off the screen.
const VISIBLE_ROWS: usize = 12;

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

pub struct Prompter {
    can_ask: bool,
    theme: ColorfulTheme,
}

fn failed(e: dialoguer::Error) -> Failure {
    let dialoguer::Error::IO(io) = e;
    if io.kind() == std::io::ErrorKind::Interrupted {
        // Ctrl-C at a prompt: console raised SIGINT itself; stop the same way the handler does.
        crate::interrupt::finish();
    }
    Failure::new(FailureKind::Internal, io).context("could not read the answer")
}

/// Reads a secret given with `--...-stdin`: hidden at a terminal, the whole stream otherwise.
pub struct StdinSecrets;

impl crate::inputs::SecretReader for StdinSecrets {
    fn read_secret(&mut self, what: &str) -> Result<String, String> {
        use std::io::Read;
        if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
            return dialoguer::Password::with_theme(&ColorfulTheme::default())
                .with_prompt(format!(
                    "{} (read from standard input; typing is hidden)",
                    capitalized(what)
                ))
                .interact()
                .map_err(|e| failed(e).to_string());
        }
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| e.to_string())?;
        Ok(text)
    }
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
    pub fn new(never_ask: bool) -> Prompter {
        let can_ask =
            !never_ask && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        Prompter {
            can_ask,
            theme: ColorfulTheme::default(),
        }
    }

    pub fn can_ask(&self) -> bool {
        self.can_ask
    }

    /// A yes/no question; without anyone to ask, `default`.
    pub fn confirm(&self, question: &str, default: bool) -> Outcome<bool> {
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
    pub fn text(
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
    pub fn secret(&self, question: &str, twice: bool) -> Outcome<Secret> {
        let mut prompt = dialoguer::Password::with_theme(&self.theme).with_prompt(question);
        if twice {
            prompt =
                prompt.with_confirmation("Repeat it", "The two entries differ; type them again");
        }
        prompt
            .validate_with(|v: &String| {
                if v.is_empty() {
                    Err("it cannot be empty")
                } else {
                    Ok(())
                }
            })
            .interact()
            .map(Secret::new)
            .map_err(failed)
    }

    /// Hidden input that may be left empty (a generated value stays generated).
    pub fn optional_secret(&self, question: &str) -> Outcome<Option<Secret>> {
        dialoguer::Password::with_theme(&self.theme)
            .with_prompt(question)
            .allow_empty_password(true)
            .interact()
            .map(|v| (!v.is_empty()).then(|| Secret::new(v)))
            .map_err(failed)
    }

    /// One of `items`; the answer is reported as the first word of the item (its name).
    pub fn select(&self, question: &str, items: &[String], default: usize) -> Outcome<usize> {
        let shown = fit(items);
        let chosen = dialoguer::Select::with_theme(&self.theme)
            .with_prompt(question)
            .items(&shown)
            .default(default)
            .max_length(VISIBLE_ROWS)
            .report(false)
            .interact()
            .map_err(failed)?;
        let name = items[chosen].split_whitespace().next().unwrap_or("");
        self.report(question, name);
        Ok(chosen)
    }

    pub fn multi_select(&self, question: &str, items: &[String]) -> Outcome<Vec<usize>> {
        let shown = fit(items);
        let chosen = dialoguer::MultiSelect::with_theme(&self.theme)
            .with_prompt(question)
            .items(&shown)
            .max_length(VISIBLE_ROWS)
            .report(false)
            .interact()
            .map_err(failed)?;
        let names: Vec<&str> = chosen
            .iter()
            .filter_map(|i| items[*i].split_whitespace().next())
            .collect();
        self.report(question, &names.join(", "));
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
