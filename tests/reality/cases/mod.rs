//! Every case of the tier, one module per subject.

use crate::runner::Case;

mod harness;
mod smoke;

pub fn all() -> Vec<Case> {
    [smoke::CASES, harness::CASES].concat()
}
