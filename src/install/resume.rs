//! Resuming from the install record, the same way for `install`, `plan` and `preflight`: a
//! re-run continues an earlier one without flags. Its recorded non-secret answers fill what no
//! input gives now; without --project, the one unfinished install on the cluster is the one
//! continued, and with several the person must say which.

use crate::failure::{Failure, Outcome};
use crate::inputs::{Answers, Field, Given, Source};
use crate::record::{self, InstallRecord};

/// What a run took from the record of its project.
#[derive(Debug)]
pub(crate) struct Resumed {
    pub(crate) project: String,
    /// Where the recorded run got to.
    pub(crate) stage: String,
    /// What the record gave that no input did ("templates", "profile", ...).
    pub(crate) taken: Vec<&'static str>,
}

impl Resumed {
    /// What to tell the person when the recorded install did not finish.
    pub(crate) fn note(&self) -> Option<String> {
        if self.stage == record::INSTALLED {
            return None;
        }
        let with = if self.taken.is_empty() {
            String::new()
        } else {
            format!(" (with its recorded {})", self.taken.join(", "))
        };
        Some(format!(
            "resuming the install of project {} that stopped while {}{with}",
            self.project, self.stage
        ))
    }
}

/// The install records of a cluster.
trait Records {
    /// Those whose install did not finish.
    fn unfinished(&self) -> Vec<InstallRecord>;
    fn load(&self, project: &str) -> Option<InstallRecord>;
}

/// The records kept in the state dir.
struct Stored<'a> {
    server: &'a str,
}

impl Records for Stored<'_> {
    fn unfinished(&self) -> Vec<InstallRecord> {
        record::unfinished(self.server)
    }

    fn load(&self, project: &str) -> Option<InstallRecord> {
        InstallRecord::load(self.server, project)
    }
}

/// Fills `answers` from the record of their project on the cluster at `server` (the one
/// unfinished install, when no --project was given): `None` when there is no record.
pub(crate) fn resume(answers: &mut Answers, server: &str) -> Outcome<Option<Resumed>> {
    resume_from(answers, server, &Stored { server })
}

fn resume_from(
    answers: &mut Answers,
    server: &str,
    records: &dyn Records,
) -> Outcome<Option<Resumed>> {
    if answers.project.source == Source::Default {
        match records.unfinished().as_slice() {
            [] => {}
            [only] => {
                answers.project = Given::new(only.project.clone(), Source::Record);
                answers.close(Field::Project);
            }
            several => {
                let names: Vec<&str> = several.iter().map(|r| r.project.as_str()).collect();
                return Err(Failure::input(format!(
                    "{} installs on {server} did not finish: {}; which one should this run continue?",
                    several.len(),
                    names.join(", ")
                ))
                .with_help("name it with --project (a new install too: --project NAME)"));
            }
        }
    }
    let Some(r) = records.load(&answers.project.value) else {
        return Ok(None);
    };
    let taken = answers.fill_from_record(&r);
    Ok(Some(Resumed {
        project: r.project,
        stage: r.stage,
        taken,
    }))
}
