//! The 3scale releases of the templates repository: which ref carries each minor release, how a
//! release is written (`2.9.1.GA`, `3scale-2.10.0-GA`, `2.11`), which release a template is
//! (its `AMP_RELEASE` default), and where the templates end (2.12: beyond it, only the operator).
//!
//! Facts (the repository's tags, research 20 §1.1-1.2): the tags are `X.Y.Z.GA` up to 2.9 and
//! `3scale-X.Y.Z-GA` from 2.10; `2.8.0.GA` = `2.8.1.GA` and `2.9.0.GA` ≈ `2.9.1.GA` (only
//! `amp/system-oracle` differs); `3scale-2.11.2-GA` points at the 2.11.0 commit; 2.12 is the last
//! release with templates. `amp/amp-postgresql.yml` at `2.8.0.GA` is the 2.7 file: the 2.8 one
//! is on `2.8-stable`, commit `aa43e67` (research 23 §6).

use super::model::Template;
use std::fmt;

/// A minor release of 3scale: `2.8`, `2.12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Release {
    pub(crate) major: u32,
    pub(crate) minor: u32,
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// As written: `"2.9"`.
impl serde::Serialize for Release {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Release {
    pub(crate) const fn new(major: u32, minor: u32) -> Release {
        Release { major, minor }
    }

    /// The next minor release.
    pub(crate) fn next(self) -> Release {
        Release::new(self.major, self.minor + 1)
    }

    /// `2.8`, `2.8.0` or `2.7.0-CR2-redhat-1`: the major and minor at the start of a version.
    pub(crate) fn of_version(text: &str) -> Option<Release> {
        let mut parts = text.trim().split(['.', '-']);
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        Some(Release::new(major, minor))
    }
}

/// The release a template installs: its `AMP_RELEASE` default.
pub(crate) fn of_template(template: &Template) -> Option<Release> {
    template
        .parameter("AMP_RELEASE")
        .and_then(|p| p.value.as_deref())
        .and_then(Release::of_version)
}

/// The last release the templates repository carries; later ones are the operator's only.
pub(crate) const LAST_TEMPLATE_RELEASE: Release = Release::new(2, 12);

/// The ref each minor release's hop lands on: its last GA tag whose files differ from the one
/// before (`2.9.1.GA`; `3scale-2.11.2-GA` is the 2.11.0 commit).
const RELEASE_REFS: &[(Release, &str)] = &[
    (Release::new(2, 7), "2.7.1.GA"),
    (Release::new(2, 8), "2.8.0.GA"),
    (Release::new(2, 9), "2.9.1.GA"),
    (Release::new(2, 10), "3scale-2.10.0-GA"),
    (Release::new(2, 11), "3scale-2.11.0-GA"),
    (Release::new(2, 12), "3scale-2.12.0-GA"),
];

/// Profiles whose file of a release is not at the release's tag: (profile, release, ref).
const EFFECTIVE_REFS: &[(&str, Release, &str)] = &[(
    "amp-postgresql",
    Release::new(2, 8),
    // "add missing postgresql template in 2.8", on 2.8-stable only.
    "aa43e670ca27c983682659524a025dba9043932f",
)];

/// The ref that carries `profile`'s file of `release`, if the repository has that release.
pub(crate) fn ref_of(release: Release, profile: &str) -> Option<&'static str> {
    EFFECTIVE_REFS
        .iter()
        .find(|(p, r, _)| *p == profile && *r == release)
        .map(|(_, _, git_ref)| *git_ref)
        .or_else(|| {
            RELEASE_REFS
                .iter()
                .find(|(r, _)| *r == release)
                .map(|(_, git_ref)| *git_ref)
        })
}

/// What `--to` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A release: `2.9`, `2.9.1`, `2.9.1.GA`, `3scale-2.10.0-GA`; with the tag to fetch when a
    /// patch release was named (else the release's own ref).
    Release {
        release: Release,
        tag: Option<String>,
    },
    /// Any other ref of the repository (a branch, a commit): its release is read from its files.
    Ref(String),
}

impl Target {
    pub(crate) fn parse(text: &str) -> Result<Target, String> {
        let text = text.trim();
        if text.is_empty() || text.starts_with('-') || text.contains(char::is_whitespace) {
            return Err(format!(
                "'{text}' is not a release (2.9, 2.9.1.GA, 3scale-2.10.0-GA) nor a ref of the templates repository"
            ));
        }
        let bare = text.strip_prefix("3scale-").unwrap_or(text);
        let bare = bare
            .strip_suffix(".GA")
            .or_else(|| bare.strip_suffix("-GA"))
            .unwrap_or(bare);
        let numbers: Vec<&str> = bare.split('.').collect();
        let all_numbers = numbers
            .iter()
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if !all_numbers || !(2..=3).contains(&numbers.len()) {
            return Ok(Target::Ref(text.to_string()));
        }
        let release =
            Release::of_version(bare).ok_or_else(|| format!("'{text}' is not a release"))?;
        let tag = (numbers.len() == 3).then(|| tag_name(release, bare));
        Ok(Target::Release { release, tag })
    }
}

/// How the repository names the tag of version `x.y.z`: `x.y.z.GA` up to 2.9, `3scale-x.y.z-GA`
/// from 2.10.
fn tag_name(release: Release, version: &str) -> String {
    if release >= Release::new(2, 10) {
        format!("3scale-{version}-GA")
    } else {
        format!("{version}.GA")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_are_read_however_they_are_written() {
        let r = |m| Release::new(2, m);
        assert_eq!(
            Target::parse("2.9.1.GA"),
            Ok(Target::Release {
                release: r(9),
                tag: Some("2.9.1.GA".into())
            })
        );
        assert_eq!(
            Target::parse("2.10.0.GA"),
            Ok(Target::Release {
                release: r(10),
                tag: Some("3scale-2.10.0-GA".into())
            })
        );
        assert_eq!(
            Target::parse("3scale-2.11.1-GA"),
            Ok(Target::Release {
                release: r(11),
                tag: Some("3scale-2.11.1-GA".into())
            })
        );
        assert_eq!(
            Target::parse("2.13"),
            Ok(Target::Release {
                release: r(13),
                tag: None
            })
        );
        assert_eq!(
            Target::parse("2.11-stable"),
            Ok(Target::Ref("2.11-stable".into()))
        );
        assert_eq!(Target::parse("aa43e67"), Ok(Target::Ref("aa43e67".into())));
        assert!(Target::parse("2.9 GA").is_err());
        assert!(Target::parse("--x").is_err());
        assert_eq!(Release::of_version("2.7.0-CR2-redhat-1"), Some(r(7)));
        assert_eq!(Release::of_version("2.10"), Some(r(10)));
        assert!(r(9) < r(10), "releases order by number, not by text");
    }

    #[test]
    fn each_release_has_its_ref_and_postgresql_2_8_its_own() {
        let r = |m| Release::new(2, m);
        assert_eq!(ref_of(r(8), "amp"), Some("2.8.0.GA"));
        assert_eq!(
            ref_of(r(8), "amp-postgresql"),
            Some("aa43e670ca27c983682659524a025dba9043932f")
        );
        assert_eq!(ref_of(r(9), "amp-postgresql"), Some("2.9.1.GA"));
        assert_eq!(ref_of(r(12), "amp-s3"), Some("3scale-2.12.0-GA"));
        assert_eq!(ref_of(r(13), "amp"), None);
    }
}
