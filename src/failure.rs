//! How a run ends badly: a category that decides the exit code, what went wrong, and the fix.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// Bad usage or input: flags, environment, answers file, a value the cluster refuses.
    Input,
    /// A read-only check of the cluster or the templates failed; nothing was changed.
    Preflight,
    /// A change to the cluster failed.
    Cluster,
    /// Ctrl-C or a termination signal.
    Interrupted,
    /// A bug or an environment problem we did not foresee.
    Internal,
}

impl FailureKind {
    pub fn exit_code(self) -> u8 {
        match self {
            FailureKind::Internal => 1,
            FailureKind::Input => 2,
            FailureKind::Preflight => 3,
            FailureKind::Cluster => 4,
            FailureKind::Interrupted => 130,
        }
    }
}

/// The one error type `run` returns. `help` lines say what to try.
#[derive(Debug)]
pub struct Failure {
    pub kind: FailureKind,
    pub error: anyhow::Error,
    pub help: Vec<String>,
}

impl Failure {
    pub fn new(kind: FailureKind, error: impl Into<anyhow::Error>) -> Self {
        Failure {
            kind,
            error: error.into(),
            help: Vec::new(),
        }
    }

    pub fn input(message: impl fmt::Display) -> Self {
        Failure::new(FailureKind::Input, anyhow::anyhow!("{message}"))
    }

    pub fn preflight(message: impl fmt::Display) -> Self {
        Failure::new(FailureKind::Preflight, anyhow::anyhow!("{message}"))
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Adds what was being done in front of the error, keeping kind and help.
    pub fn context(mut self, what: impl fmt::Display + Send + Sync + 'static) -> Self {
        self.error = self.error.context(what);
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {:#}", self.error)?;
        for h in &self.help {
            write!(f, "\nhelp: {h}")?;
        }
        Ok(())
    }
}

/// Shorthand for results that end a run.
pub type Outcome<T> = Result<T, Failure>;

/// Classifies an anyhow error as `kind`.
pub trait FailAs<T> {
    fn fail_as(self, kind: FailureKind) -> Outcome<T>;
}

impl<T, E: Into<anyhow::Error>> FailAs<T> for Result<T, E> {
    fn fail_as(self, kind: FailureKind) -> Outcome<T> {
        self.map_err(|e| Failure::new(kind, e))
    }
}
