//! The only user of dialoguer. Decides once whether someone can answer; never prompts otherwise.

use std::io::IsTerminal;

pub struct Prompter {
    can_ask: bool,
}

impl Prompter {
    /// Someone can answer when stdin and stderr are terminals and `--yes` was not given.
    pub fn new(yes: bool) -> Prompter {
        Prompter {
            can_ask: !yes && std::io::stdin().is_terminal() && std::io::stderr().is_terminal(),
        }
    }

    /// Asks a yes/no question; without anyone to ask, the answer is yes (as with `--yes`).
    pub fn confirm(&self, question: &str) -> std::io::Result<bool> {
        if !self.can_ask {
            return Ok(true);
        }
        dialoguer::Confirm::new()
            .with_prompt(question)
            .default(true)
            .interact()
            .map_err(|dialoguer::Error::IO(e)| e)
    }
}
