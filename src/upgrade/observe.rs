//! What `upgrade plan` reads besides the project: the templates at each hop's ref, from the
//! install's repository (each ref fetched once, or taken from the cache: a plan made before
//! works offline), each checked to install the release its hop reaches.

use super::chain::{Chain, Step};
use super::plan::Reached;
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::inputs::{ProjectAnswers, TemplatesSource};
use crate::record::InstallRecord;
use crate::templates::model::Template;
use crate::templates::profiles;
use crate::templates::releases::{self, Release, Target};

/// The repository the hops' refs are fetched from: the one given now, else the install's, else
/// the default one.
pub(crate) fn repository(answers: &ProjectAnswers, record: Option<&InstallRecord>) -> String {
    let given = answers.templates.as_ref().map(|g| g.value.clone());
    let recorded = record.map(|r| TemplatesSource::parse(&r.templates));
    for source in [given, recorded].into_iter().flatten() {
        if let TemplatesSource::Git { repo, .. } = source {
            return repo;
        }
    }
    crate::cli::DEFAULT_TEMPLATES_REPO.to_string()
}

/// How the install's templates are named in the plan: their ref, or their directory.
pub(crate) fn install_ref(answers: &ProjectAnswers, record: Option<&InstallRecord>) -> String {
    let source = answers
        .templates
        .as_ref()
        .map(|g| g.value.clone())
        .or_else(|| record.map(|r| TemplatesSource::parse(&r.templates)));
    match source {
        Some(TemplatesSource::Git { git_ref, .. }) => git_ref,
        Some(TemplatesSource::Dir(dir)) => dir.display().to_string(),
        None => crate::cli::DEFAULT_TEMPLATES_REF.to_string(),
    }
}

/// `profile`'s template at `git_ref` of `repo`, with the commit.
pub(crate) fn template_at(
    session: &Session,
    repo: &str,
    git_ref: &str,
    profile: &str,
    refresh: bool,
) -> Outcome<(Template, Option<String>)> {
    let source = TemplatesSource::Git {
        repo: repo.to_string(),
        git_ref: git_ref.to_string(),
    };
    let checkout = session.checkout(&source, refresh)?;
    let list = profiles::list(&checkout.dir);
    let loaded = profiles::load(&list, profile).map_err(|(e, help)| {
        Failure::preflight(format!("the templates at {git_ref}: {e}")).with_help(help)
    })?;
    Ok((loaded.template, checkout.commit))
}

/// The release `--to` names; a ref that is not written as a release is read for its release.
pub(crate) fn target_release(
    session: &Session,
    repo: &str,
    target: &Target,
    profile: &str,
    refresh: bool,
) -> Outcome<(Release, Option<String>)> {
    match target {
        Target::Release { release, tag } => Ok((*release, tag.clone())),
        Target::Ref(git_ref) => {
            let (template, _) = template_at(session, repo, git_ref, profile, refresh)?;
            let release = releases::of_template(&template).ok_or_else(|| {
                Failure::input(format!(
                    "amp/{profile}.yml at {git_ref} names no AMP_RELEASE: its release cannot be told"
                ))
                .with_help("name the release instead: --to 2.9.1.GA")
            })?;
            Ok((release, Some(git_ref.clone())))
        }
    }
}

/// Each hop's template, checked to install the release the hop reaches; where the named ref's
/// file is another release's (amp-postgresql at a 2.8 tag is the 2.7 file), the release's own
/// ref is taken instead, with a note.
pub(crate) fn reach(
    session: &Session,
    repo: &str,
    chain: &Chain,
    profile: &str,
    refresh: bool,
    notes: &mut Vec<String>,
) -> Outcome<Vec<Reached>> {
    let mut out = Vec::new();
    for step in &chain.steps {
        let (mut template, mut commit) =
            template_at(session, repo, &step.git_ref, profile, refresh)?;
        let mut step = step.clone();
        let found = releases::of_template(&template);
        if found != Some(step.to) {
            let own = releases::ref_of(step.to, profile).filter(|r| *r != step.git_ref);
            let Some(own) = own else {
                return Err(wrong_release(&step, profile, found));
            };
            notes.push(format!(
                "amp/{profile}.yml at {} installs {}, not {}: the hop takes the file of {} from {own}",
                step.git_ref,
                found.map_or("an unknown release".into(), |r| r.to_string()),
                step.to,
                step.to
            ));
            (template, commit) = template_at(session, repo, own, profile, refresh)?;
            step.git_ref = own.to_string();
        }
        out.push(Reached {
            step,
            commit,
            template,
        });
    }
    Ok(out)
}

fn wrong_release(step: &Step, profile: &str, found: Option<Release>) -> Failure {
    Failure::input(format!(
        "amp/{profile}.yml at {} installs {}, not {}",
        step.git_ref,
        found.map_or("an unknown release".into(), |r| r.to_string()),
        step.to
    ))
    .with_help(format!(
        "name a ref of {} with --to (e.g. the release itself: --to {})",
        step.to, step.to
    ))
}
