//! Where a value came from, and the one precedence rule between the places a value can come from:
//! flag > environment > answers file > record of an earlier run > cluster > default. Every
//! resolver, the record's fill and the plan's cluster values go through it, and the winner keeps
//! its source.

use std::fmt;
use std::path::PathBuf;

/// Where a value came from: errors name it, so that the person knows what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    Flag(String),
    Env(String),
    /// The answers file and its key.
    AnswersFile(PathBuf, String),
    /// A file the value was read from (`--registry-password-file`, `--param-from-file`).
    File(PathBuf),
    Stdin,
    Record,
    Wizard,
    Default,
    /// Found on the cluster (the ingress domain, the values existing objects hold).
    Cluster(String),
}

/// The places a value can come from, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    Default,
    Cluster,
    Record,
    AnswersFile,
    Environment,
    /// A flag, the file or standard input a flag names, or the wizard's answer: what the person
    /// gives in this run.
    Flag,
}

impl Source {
    pub(crate) fn level(&self) -> Level {
        match self {
            Source::Flag(_) | Source::File(_) | Source::Stdin | Source::Wizard => Level::Flag,
            Source::Env(_) => Level::Environment,
            Source::AnswersFile(..) => Level::AnswersFile,
            Source::Record => Level::Record,
            Source::Cluster(_) => Level::Cluster,
            Source::Default => Level::Default,
        }
    }

    /// Whether the person gave the value on purpose (as opposed to a default, a record or the
    /// cluster): such a value is never silently overridden.
    pub(crate) fn is_given(&self) -> bool {
        self.level() >= Level::AnswersFile
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "{flag}"),
            Source::Env(var) => write!(f, "environment variable {var}"),
            Source::AnswersFile(path, key) => {
                write!(f, "key `{key}` of the answers file {}", path.display())
            }
            Source::File(path) => write!(f, "file {}", path.display()),
            Source::Stdin => write!(f, "standard input"),
            Source::Record => write!(f, "the record of an earlier run"),
            Source::Wizard => write!(f, "your answer"),
            Source::Default => write!(f, "the default"),
            Source::Cluster(what) => write!(f, "{what}"),
        }
    }
}

/// A value with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Given<T> {
    pub(crate) value: T,
    pub(crate) source: Source,
}

impl<T> Given<T> {
    pub(crate) fn new(value: T, source: Source) -> Given<T> {
        Given { value, source }
    }

    /// The default value, below every other place.
    pub(crate) fn defaulted(value: T) -> Given<T> {
        Given::new(value, Source::Default)
    }

    /// Takes `candidate` when it comes from a higher place than this value; returns whether it
    /// did. A given value is never replaced by the record, the cluster or a default.
    pub(crate) fn offer(&mut self, candidate: Given<T>) -> bool {
        let higher = candidate.source.level() > self.source.level();
        if higher {
            *self = candidate;
        }
        higher
    }
}

/// `Given::offer` for a value that may be missing: anything beats nothing.
pub(crate) fn offer<T>(slot: &mut Option<Given<T>>, candidate: Given<T>) -> bool {
    match slot {
        Some(current) => current.offer(candidate),
        None => {
            *slot = Some(candidate);
            true
        }
    }
}

/// The candidate from the highest place (the first of equals), with its source.
pub(crate) fn highest<T>(
    candidates: impl IntoIterator<Item = Option<Given<T>>>,
) -> Option<Given<T>> {
    let mut best: Option<Given<T>> = None;
    for candidate in candidates.into_iter().flatten() {
        if best
            .as_ref()
            .is_none_or(|b| candidate.source.level() > b.source.level())
        {
            best = Some(candidate);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(value: &str, source: Source) -> Option<Given<String>> {
        Some(Given::new(value.to_string(), source))
    }

    fn file(key: &str) -> Source {
        Source::AnswersFile(PathBuf::from("/a.yaml"), key.to_string())
    }

    /// One candidate per place, highest first.
    fn ladder() -> Vec<Option<Given<String>>> {
        vec![
            g("flag", Source::Flag("--project".into())),
            g("env", Source::Env("THREESCALE_PROJECT".into())),
            g("file", file("project")),
            g("record", Source::Record),
            g("cluster", Source::Cluster("the ingress".into())),
            g("default", Source::Default),
        ]
    }

    #[test]
    fn each_place_beats_the_next_and_the_winner_keeps_its_source() {
        let all = ladder();
        for i in 0..all.len() - 1 {
            // The place at i, with every lower one, in any order: i wins.
            let mut candidates: Vec<_> = all[i..].to_vec();
            candidates.reverse();
            let won = highest(candidates).unwrap();
            assert_eq!(won, all[i].clone().unwrap(), "place {i}");
            // Without it, the next one wins.
            let won = highest(all[i + 1..].to_vec()).unwrap();
            assert_eq!(won, all[i + 1].clone().unwrap(), "after {i}");
        }
        assert_eq!(highest::<String>([None, None]), None);
    }

    #[test]
    fn equals_keep_the_first_and_files_named_by_flags_rank_as_flags() {
        let won = highest([g("a", file("params.X")), g("b", file("param_files.X"))]).unwrap();
        assert_eq!(won.value, "a");
        let won = highest([
            g("env", Source::Env("THREESCALE_REGISTRY_PASSWORD".into())),
            g("stdin", Source::Stdin),
        ])
        .unwrap();
        assert_eq!(won.source, Source::Stdin);
        let won = highest([
            g("env", Source::Env("V".into())),
            g("file", Source::File("/pw".into())),
        ])
        .unwrap();
        assert_eq!(won.value, "file");
        assert!(Source::Wizard.is_given() && file("k").is_given());
        assert!(!Source::Record.is_given() && !Source::Cluster("x".into()).is_given());
    }

    #[test]
    fn the_record_and_the_cluster_never_override_a_given_value() {
        let mut value = g("from-file", file("wildcard_domain")).unwrap();
        assert!(!value.offer(Given::new("recorded".into(), Source::Record)));
        assert!(!value.offer(Given::new("found".into(), Source::Cluster("x".into()))));
        assert_eq!(value.value, "from-file");

        let mut value = Given::defaulted("3scale-apim".to_string());
        assert!(value.offer(Given::new("recorded".into(), Source::Cluster("x".into()))));
        assert!(value.offer(Given::new("recorded".into(), Source::Record)));
        assert!(!value.offer(Given::new("found".into(), Source::Cluster("x".into()))));
        assert_eq!(value.source, Source::Record);
        // Equals do not replace each other either.
        assert!(!value.offer(Given::new("other".into(), Source::Record)));
        assert_eq!(value.value, "recorded");

        let mut slot: Option<Given<String>> = None;
        assert!(offer(
            &mut slot,
            Given::new("found".into(), Source::Cluster("x".into()))
        ));
        assert!(offer(
            &mut slot,
            Given::new("recorded".into(), Source::Record)
        ));
        assert_eq!(slot.unwrap().value, "recorded");
    }
}
