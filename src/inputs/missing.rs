//! A value a command needs and nobody gave: what it is, and every way to give it.

use super::{Field, Ways};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Missing {
    pub(crate) what: String,
    pub(crate) ways: Ways,
    /// The wizard's question for it, when it has one.
    pub(crate) field: Option<Field>,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.what, self.ways)
    }
}
