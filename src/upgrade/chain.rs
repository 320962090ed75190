//! The hops from the installed release to the target: one minor release at a time, as Red Hat
//! documents the template upgrades (2.7 → 2.8, 2.8 → 2.9.1, …) and as the operator's preflights
//! later enforce ("multi-minor version hops" are refused from op 3scale-2.15.1-GA, research 23
//! §4). The templates end at 2.12: what lies beyond is the operator's.

use crate::templates::releases::{self, Release, LAST_TEMPLATE_RELEASE};
use serde::Serialize;

/// One hop: the release it leaves, the one it reaches, and the ref whose file it reaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Step {
    pub(crate) from: Release,
    pub(crate) to: Release,
    pub(crate) git_ref: String,
}

/// The releases past the last template release: the operator's way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Beyond {
    pub(crate) target: Release,
    /// The operator releases still to go through, one at a time.
    pub(crate) remaining: Vec<Release>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Chain {
    pub(crate) steps: Vec<Step>,
    pub(crate) beyond: Option<Beyond>,
}

/// The hops of `profile` from `installed` to `target`; `tag` is the ref the last hop reaches
/// when a patch release was named (else each release's own ref).
pub(crate) fn chain(
    installed: Release,
    target: Release,
    tag: Option<&str>,
    profile: &str,
) -> Result<Chain, String> {
    if target < installed {
        return Err(format!(
            "the install runs {installed}, later than {target}: templates do not go back (restore a backup of {target} instead)"
        ));
    }
    let mut chain = Chain::default();
    if target == installed {
        if let Some(tag) = tag {
            chain.steps.push(Step {
                from: installed,
                to: target,
                git_ref: tag.to_string(),
            });
        }
        return Ok(chain);
    }
    let mut release = installed;
    while release < target.min(LAST_TEMPLATE_RELEASE) {
        let next = release.next();
        let git_ref = match tag {
            Some(t) if next == target => t.to_string(),
            _ => releases::ref_of(next, profile)
                .ok_or_else(|| format!("the templates have no release {next} to go through"))?
                .to_string(),
        };
        chain.steps.push(Step {
            from: release,
            to: next,
            git_ref,
        });
        release = next;
    }
    if target > LAST_TEMPLATE_RELEASE {
        let mut remaining = Vec::new();
        let mut r = LAST_TEMPLATE_RELEASE.next();
        while r <= target {
            remaining.push(r);
            r = r.next();
        }
        chain.beyond = Some(Beyond { target, remaining });
    }
    Ok(chain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(minor: u32) -> Release {
        Release::new(2, minor)
    }

    fn refs(c: &Chain) -> Vec<String> {
        c.steps
            .iter()
            .map(|s| format!("{}>{} {}", s.from, s.to, s.git_ref))
            .collect()
    }

    #[test]
    fn one_minor_release_at_a_time() {
        let c = chain(r(8), r(12), None, "amp").unwrap();
        assert_eq!(
            refs(&c),
            [
                "2.8>2.9 2.9.1.GA",
                "2.9>2.10 3scale-2.10.0-GA",
                "2.10>2.11 3scale-2.11.0-GA",
                "2.11>2.12 3scale-2.12.0-GA"
            ]
        );
        assert_eq!(c.beyond, None);
        let c = chain(r(8), r(9), Some("2.9.0.GA"), "amp").unwrap();
        assert_eq!(refs(&c), ["2.8>2.9 2.9.0.GA"]);
    }

    #[test]
    fn the_2_7_postgresql_install_goes_through_2_8_stable() {
        let c = chain(r(7), r(9), Some("2.9.1.GA"), "amp-postgresql").unwrap();
        assert_eq!(
            refs(&c),
            [
                "2.7>2.8 aa43e670ca27c983682659524a025dba9043932f",
                "2.8>2.9 2.9.1.GA"
            ]
        );
    }

    #[test]
    fn beyond_2_12_the_operator_remains() {
        let c = chain(r(11), r(14), None, "amp").unwrap();
        assert_eq!(refs(&c), ["2.11>2.12 3scale-2.12.0-GA"]);
        assert_eq!(
            c.beyond,
            Some(Beyond {
                target: r(14),
                remaining: vec![r(13), r(14)]
            })
        );
        let c = chain(r(12), r(13), None, "amp").unwrap();
        assert!(c.steps.is_empty() && c.beyond.is_some());
    }

    #[test]
    fn same_release_and_going_back() {
        assert_eq!(chain(r(8), r(8), None, "amp").unwrap(), Chain::default());
        let micro = chain(r(11), r(11), Some("3scale-2.11.1-GA"), "amp").unwrap();
        assert_eq!(refs(&micro), ["2.11>2.11 3scale-2.11.1-GA"]);
        assert!(chain(r(9), r(8), None, "amp")
            .unwrap_err()
            .contains("do not go back"));
    }
}
