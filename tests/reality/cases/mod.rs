//! Every case of the tier, one module per subject.

use crate::runner::Case;

mod common;
mod engine;
mod fake_oc;
mod faults;
mod fidelity;
mod fixtures;
mod gateway;
mod gather;
mod harness;
mod lifecycle;
mod migrate;
mod monitoring;
mod official;
mod param_file;
mod rough_edges;
mod smoke;
mod sso;
mod tenant;
mod terminal;
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
        terminal::CASES,
        verify::CASES,
        gateway::CASES,
        gather::CASES,
        monitoring::CASES,
        tenant::CASES,
        sso::CASES,
        migrate::CASES,
        rough_edges::CASES,
    ]
    .concat()
}
