//! Every case of the tier, one module per subject.

use crate::runner::Case;

mod common;
mod fake_oc;
mod faults;
mod fixtures;
mod gateway;
mod harness;
mod lifecycle;
mod param_file;
mod rough_edges;
mod smoke;
mod tenant;
mod verify;

pub fn all() -> Vec<Case> {
    [
        smoke::CASES,
        harness::CASES,
        fixtures::CASES,
        fake_oc::CASES,
        param_file::CASES,
        lifecycle::CASES,
        faults::CASES,
        verify::CASES,
        gateway::CASES,
        tenant::CASES,
        rough_edges::CASES,
    ]
    .concat()
}
