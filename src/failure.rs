//! How a run ends badly: a category that decides the exit code, what went wrong, and the fix.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FailureKind {
    /// Bad usage or input: flags, environment, answers file, a value the cluster refuses.
    Input,
    /// A read-only check of the cluster or the templates failed; nothing was changed.
    Preflight,
    /// A change to the cluster failed, or what was created does not work.
    Cluster,
    /// The cluster's API could not be reached or kept failing (5xx, timeouts): nothing is wrong
    /// with the input; running again later continues.
    Unavailable,
    /// 3scale is installed but does not answer through its routes (`verify`).
    NotAnswering,
    /// Ctrl-C or a termination signal.
    Interrupted,
    /// A bug or an environment problem we did not foresee.
    Internal,
}

impl FailureKind {
    pub(crate) fn exit_code(self) -> u8 {
        match self {
            FailureKind::Internal => 1,
            FailureKind::Input => 2,
            FailureKind::Preflight => 3,
            FailureKind::Cluster => 4,
            FailureKind::Unavailable => 5,
            FailureKind::NotAnswering => 6,
            FailureKind::Interrupted => 130,
        }
    }

    /// What the exit code means, for JSON documents read by CI.
    pub(crate) fn meaning(self) -> &'static str {
        match self {
            FailureKind::Internal => "unexpected internal error",
            FailureKind::Input => "bad usage or input",
            FailureKind::Preflight => "a check failed before any change",
            FailureKind::Cluster => "a change to the cluster failed, or 3scale did not start",
            FailureKind::Unavailable => "the cluster's API could not be reached or kept failing",
            FailureKind::NotAnswering => "3scale is installed but does not answer",
            FailureKind::Interrupted => "interrupted",
        }
    }

    /// The JSON name of the kind.
    pub(crate) fn id(self) -> &'static str {
        match self {
            FailureKind::Internal => "internal",
            FailureKind::Input => "input",
            FailureKind::Preflight => "preflight",
            FailureKind::Cluster => "cluster",
            FailureKind::Unavailable => "unavailable",
            FailureKind::NotAnswering => "not-answering",
            FailureKind::Interrupted => "interrupted",
        }
    }
}

/// The one error type `run` returns. `help` lines say what to try.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) kind: FailureKind,
    pub(crate) error: anyhow::Error,
    pub(crate) help: Vec<String>,
    /// The command already printed its result document (`-o json`) saying so.
    pub(crate) reported: bool,
    /// What the run knew when it failed, for its JSON document (`crate::document`).
    pub(crate) known: serde_json::Map<String, serde_json::Value>,
}

impl Failure {
    pub(crate) fn new(kind: FailureKind, error: impl Into<anyhow::Error>) -> Self {
        Failure {
            kind,
            error: error.into(),
            help: Vec::new(),
            reported: false,
            known: serde_json::Map::new(),
        }
    }

    pub(crate) fn input(message: impl fmt::Display) -> Self {
        Failure::new(FailureKind::Input, anyhow::anyhow!("{message}"))
    }

    pub(crate) fn preflight(message: impl fmt::Display) -> Self {
        Failure::new(FailureKind::Preflight, anyhow::anyhow!("{message}"))
    }

    pub(crate) fn internal(message: impl fmt::Display) -> Self {
        Failure::new(FailureKind::Internal, anyhow::anyhow!("{message}"))
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        let help = help.into();
        if !self.help.contains(&help) {
            self.help.push(help);
        }
        self
    }

    /// Marks the failure as already told on stdout.
    pub(crate) fn reported(mut self) -> Self {
        self.reported = true;
        self
    }

    /// What the run knew when it failed (what it learnt before wins over what it knew later).
    pub(crate) fn with_known(mut self, known: serde_json::Map<String, serde_json::Value>) -> Self {
        for (k, v) in known {
            self.known.entry(k).or_insert(v);
        }
        self
    }

    /// Adds what was being done in front of the error, keeping kind and help.
    pub(crate) fn context(mut self, what: impl fmt::Display + Send + Sync + 'static) -> Self {
        self.error = self.error.context(what);
        self
    }

    /// The error chain as one text, without the `help:` lines.
    pub(crate) fn message(&self) -> String {
        format!("{:#}", self.error)
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
pub(crate) type Outcome<T> = Result<T, Failure>;
