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
        if self.stage == record::ANSWERED {
            return Some(format!(
                "continuing the install of project {} from the answers of a run that stopped before any change{with}",
                self.project
            ));
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::failure::FailureKind;
    use crate::install::testing::answers;

    const SERVER: &str = "https://api.example.com:6443";

    /// Records kept by a test, as the state dir keeps them.
    struct Kept(Vec<InstallRecord>);

    impl Records for Kept {
        fn unfinished(&self) -> Vec<InstallRecord> {
            let left = self.0.iter().filter(|r| r.stage != record::INSTALLED);
            left.cloned().collect()
        }

        fn load(&self, project: &str) -> Option<InstallRecord> {
            self.0.iter().find(|r| r.project == project).cloned()
        }
    }

    fn recorded(project: &str, stage: &str) -> InstallRecord {
        InstallRecord {
            schema_version: record::SCHEMA_VERSION,
            cluster: SERVER.into(),
            project: project.into(),
            profile: "amp-s3".into(),
            template_file: "/checkout/amp/amp-s3.yml".into(),
            templates: "https://github.com/3scale/3scale-amp-openshift-templates".into(),
            commit: None,
            wildcard_domain: "apps.example.com".into(),
            rwx_storage_class: None,
            registry_server: "registry.redhat.io".into(),
            registry_username: "12345|u".into(),
            display_name: Some("APIs".into()),
            params: vec![
                ("TENANT_NAME".into(), Some("acme".into())),
                ("ADMIN_PASSWORD".into(), None),
            ],
            skipped_checks: Vec::new(),
            stage: stage.into(),
        }
    }

    #[test]
    fn without_a_project_the_one_unfinished_install_continues_with_its_answers() {
        let kept = Kept(vec![
            recorded("done", record::INSTALLED),
            recorded("half", "waiting"),
        ]);
        let mut a = answers(&[]);
        let resumed = resume_from(&mut a, SERVER, &kept).unwrap().unwrap();
        assert_eq!(
            (a.project.value.as_str(), &a.project.source),
            ("half", &Source::Record)
        );
        assert!(!a.is_open(Field::Project));
        assert_eq!(a.profile.value, "amp-s3");
        assert_eq!(
            a.wildcard_domain.as_ref().unwrap().value,
            "apps.example.com"
        );
        assert_eq!(a.registry.username.as_ref().unwrap().value, "12345|u");
        assert_eq!(a.display_name.value, "APIs");
        assert_eq!(a.param("TENANT_NAME").unwrap().value.expose(), "acme");
        // A secret is never recorded: nothing fills it.
        assert!(a.param("ADMIN_PASSWORD").is_none());
        assert_eq!(
            resumed.note().unwrap(),
            "resuming the install of project half that stopped while waiting (with its recorded templates, profile, wildcard domain, registry server, registry username, parameters)"
        );
    }

    #[test]
    fn a_project_given_takes_its_own_record_below_what_is_given_now() {
        let kept = Kept(vec![
            recorded("done", record::INSTALLED),
            recorded("half", "waiting"),
        ]);
        let mut a = answers(&["--project", "done", "--wildcard-domain", "apps.other.com"]);
        let resumed = resume_from(&mut a, SERVER, &kept).unwrap().unwrap();
        assert_eq!(a.project.value, "done");
        assert_eq!(a.wildcard_domain.as_ref().unwrap().value, "apps.other.com");
        assert_eq!(a.profile.value, "amp-s3");
        // A finished install is not resumed: nothing to say.
        assert_eq!(resumed.note(), None);

        let mut fresh = answers(&["--project", "new-one"]);
        assert!(resume_from(&mut fresh, SERVER, &kept).unwrap().is_none());
        assert_eq!(fresh.profile.source, Source::Default);
    }

    #[test]
    fn several_unfinished_installs_must_be_named() {
        let kept = Kept(vec![
            recorded("first", "waiting"),
            recorded("second", "changing the cluster"),
        ]);
        let f = resume_from(&mut answers(&[]), SERVER, &kept).unwrap_err();
        assert_eq!(f.kind, FailureKind::Input);
        assert!(
            f.message().contains(
                "2 installs on https://api.example.com:6443 did not finish: first, second"
            ),
            "{}",
            f.message()
        );
        let mut named = answers(&["--project", "second"]);
        let resumed = resume_from(&mut named, SERVER, &kept).unwrap().unwrap();
        assert!(resumed.note().unwrap().starts_with(
            "resuming the install of project second that stopped while changing the cluster"
        ));
    }
}
