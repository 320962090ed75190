//! The installer's param file, read by the real oc 4.13: the cases of the default tier's
//! tests/cli/param_file.rs (tests/support/param_file.rs), with the real client's parser as the
//! oracle instead of the fake's. `oc process --local` reads the param file and substitutes the
//! values without a server, so the case needs no cluster.

use crate::runner::{Case, Needs};
use crate::world::World;

// Shared with the default tier, which uses every part of it.
#[allow(dead_code)]
#[path = "../../support/param_file.rs"]
mod cases;

use cases::{REFUSED, VALUES};

pub const CASES: &[Case] = &[Case {
    name: "param_file_the_real_oc_reads_the_installers_values_exactly",
    needs: Needs::AnyCluster,
    run: round_trip,
}];

fn round_trip(world: &World) {
    let template = world.dir().join("values.json");
    std::fs::write(&template, cases::template().to_string()).unwrap();
    let template = template.to_str().unwrap().to_string();
    let read = |text: &str, names: &[String]| -> Result<Vec<String>, String> {
        let args = [
            "process",
            "--local",
            "-f",
            &template,
            "--param-file=-",
            "-o",
            "json",
        ];
        let run = world.run_command(world.oc(args), Some(text.as_bytes()));
        if run.code == 0 {
            Ok(cases::read(&run.stdout, names))
        } else {
            Err(run.stderr.trim().to_string())
        }
    };
    let encode = |name: &str, value: &str| -> Result<String, String> {
        let mut cmd = world.installer(["render", "param-file", name]);
        cmd.env(format!("THREESCALE_PARAM_{name}"), value);
        let run = world.run_command(cmd, None);
        if run.code == 0 {
            Ok(run.stdout)
        } else {
            Err(run.transcript())
        }
    };

    let missed = cases::misses(VALUES, &encode, &read);
    assert!(missed.is_empty(), "{missed:#?}");
    for value in REFUSED {
        assert!(encode("ADMIN_PASSWORD", value).is_err(), "{value:?}");
    }
    cases::assert_refused_values_are_misread_in_both_quotings(&read);
    cases::assert_catches_every_broken_encoder(&read);
}
