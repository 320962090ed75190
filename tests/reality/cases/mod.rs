//! Every case of the tier, one module per subject.

use crate::runner::Case;

mod common;
mod engine;
mod fake_oc;
mod faults;
mod fidelity;
mod fixtures;
mod gateway;
mod harness;
mod lifecycle;
mod official;
mod param_file;
mod smoke;
mod tenant;
mod verify;

pub fn all() -> Vec<Case> {
    [
        smoke::CASES,
        engine::CASES,
        harness::CASES,
        fixtures::CASES,
        official::CASES,
        fidelity::CASES,
        fake_oc::CASES,
        param_file::CASES,
        lifecycle::CASES,
        faults::CASES,
        verify::CASES,
        gateway::CASES,
        tenant::CASES,
    ]
    .concat()
}
