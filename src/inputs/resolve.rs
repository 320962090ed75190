//! The resolver every command's inputs go through: each declared value from its flag or
//! variable (as clap parsed them), else the answers file, by the one precedence rule, with its
//! source; problems and warnings collected on the way and reported at once.

use super::declared::Decl;
use super::env::Env;
use super::file::{self, Loaded};
use super::source::highest;
use super::{Given, Source};
use crate::cli::GlobalArgs;
use crate::failure::{Failure, Outcome};
use clap::parser::ValueSource;
use clap::ArgMatches;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub(crate) struct Resolver<'a> {
    /// The innermost subcommand's matches: where global and subcommand values are both seen.
    matches: &'a ArgMatches,
    /// The command as typed (`tenant create`), for the help of its problems.
    command: String,
    file: Option<Loaded>,
    pub(crate) env: &'a Env,
    problems: Vec<String>,
    warnings: Vec<String>,
}

impl<'a> Resolver<'a> {
    /// Reads the answers file `--config` names, if any.
    pub(crate) fn new(
        global: &GlobalArgs,
        matches: &'a ArgMatches,
        env: &'a Env,
    ) -> Outcome<Resolver<'a>> {
        Resolver::open(global.config.as_deref(), matches, env)
    }

    fn open(config: Option<&Path>, matches: &'a ArgMatches, env: &'a Env) -> Outcome<Resolver<'a>> {
        let file = config.map(file::load).transpose()?;
        let mut matches = matches;
        let mut words = Vec::new();
        while let Some((name, sub)) = matches.subcommand() {
            words.push(name);
            matches = sub;
        }
        Ok(Resolver {
            matches,
            command: words.join(" "),
            file,
            env,
            problems: Vec::new(),
            warnings: Vec::new(),
        })
    }

    pub(crate) fn problem(&mut self, problem: String) {
        self.problems.push(problem);
    }

    pub(crate) fn warning(&mut self, warning: String) {
        self.warnings.push(warning);
    }

    /// Every problem at once, or the warnings.
    pub(crate) fn finish(self) -> Outcome<Vec<String>> {
        if self.problems.is_empty() {
            return Ok(self.warnings);
        }
        Err(Failure::input(format!(
            "the input has {} problem(s):\n  - {}",
            self.problems.len(),
            self.problems.join("\n  - ")
        ))
        .with_help(format!(
            "fix the values above; `{}` lists every flag of this command and its environment variable",
            ["threescale-install", &self.command, "--help"]
                .iter()
                .filter(|w| !w.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        )))
    }

    /// Whether clap's value of `d` came from its flag or its variable, and which.
    pub(crate) fn clap_source(&self, d: &Decl) -> Option<Source> {
        // An id this command does not have was not given (clap refuses to be asked about it).
        if !self.matches.try_contains_id(d.id).unwrap_or(false) {
            return None;
        }
        match self.matches.value_source(d.id) {
            Some(ValueSource::CommandLine) => Some(Source::Flag(d.flag())),
            Some(ValueSource::EnvVariable) => Some(Source::Env(d.env.into())),
            _ => None,
        }
    }

    fn clap_value<T>(&self, d: &Decl, value: Option<T>) -> Option<Given<T>> {
        Some(Given::new(value?, self.clap_source(d)?))
    }

    /// The answers file's value of `d`, with its key as the source.
    fn file_value<T: DeserializeOwned>(&self, d: &Decl) -> Option<(Given<T>, &Loaded)> {
        let (file, key) = (self.file.as_ref()?, d.key?);
        let value = file.get(key)?;
        Some((Given::new(value, file.source(key)), file))
    }

    /// A value by the one rule: flag > environment (clap's `value`) > answers file.
    pub(crate) fn value<T: DeserializeOwned>(&self, d: &Decl, flag: Option<T>) -> Option<Given<T>> {
        highest([self.clap_value(d, flag), self.file_value(d).map(|(g, _)| g)])
    }

    pub(crate) fn text(&self, d: &Decl, flag: &Option<String>) -> Option<Given<String>> {
        self.value(d, flag.clone())
    }

    /// A path; one from the answers file is taken relative to the file's folder.
    pub(crate) fn path(&self, d: &Decl, flag: &Option<PathBuf>) -> Option<Given<PathBuf>> {
        let in_file = self
            .file_value::<PathBuf>(d)
            .map(|(g, file)| Given::new(file.path_of(&g.value), g.source));
        highest([self.clap_value(d, flag.clone()), in_file])
    }

    /// A text that names a local path when it is one (a template file, a repository).
    pub(crate) fn text_or_path(
        &self,
        d: &Decl,
        flag: &Option<String>,
        is_path: fn(&str) -> bool,
    ) -> Option<Given<String>> {
        let in_file = self.file_value::<String>(d).map(|(g, file)| {
            if is_path(&g.value) {
                let path = file.path_of(Path::new(&g.value));
                Given::new(path.display().to_string(), g.source)
            } else {
                g
            }
        });
        highest([self.clap_value(d, flag.clone()), in_file])
    }

    /// A switch; off unless given.
    pub(crate) fn switch(&self, d: &Decl, flag: bool) -> bool {
        self.value(d, Some(flag)).is_some_and(|g| g.value)
    }

    /// A list (repeated flags, a comma-separated variable, a YAML list): its entries trimmed,
    /// empty ones left out; an empty list gives nothing.
    pub(crate) fn list(&self, d: &Decl, flag: &[String]) -> Option<Given<Vec<String>>> {
        let tidy = |items: Vec<String>| {
            let items: Vec<String> = items
                .iter()
                .map(|i| i.trim().to_string())
                .filter(|i| !i.is_empty())
                .collect();
            (!items.is_empty()).then_some(items)
        };
        let in_file = self
            .file_value::<Vec<String>>(d)
            .and_then(|(g, _)| Some(Given::new(tidy(g.value)?, g.source)));
        highest([self.clap_value(d, tidy(flag.to_vec())), in_file])
    }

    /// A duration; the answers file's text is parsed only when no flag or variable gives one,
    /// and a bad one is a problem.
    pub(crate) fn duration(&mut self, d: &Decl, flag: Option<Duration>) -> Option<Duration> {
        self.given_duration(d, flag).map(|g| g.value)
    }

    /// A deadline: a duration of more than 0 (`hint` says what to give instead), from whichever
    /// place gives it. It is checked even when nothing waits (`--no-wait`): a mistake in a
    /// value is one whether or not it is used this time.
    pub(crate) fn deadline(
        &mut self,
        d: &Decl,
        flag: Option<Duration>,
        hint: &str,
    ) -> Option<Duration> {
        let given = self.given_duration(d, flag)?;
        if given.value.is_zero() {
            self.problem(format!(
                "{} 0 (from {}) would end at once: {hint}",
                d.label, given.source
            ));
            return None;
        }
        Some(given.value)
    }

    fn given_duration(&mut self, d: &Decl, flag: Option<Duration>) -> Option<Given<Duration>> {
        if let Some(given) = self.clap_value(d, flag) {
            return Some(given);
        }
        let (text, file) = self.file_value::<String>(d)?;
        match crate::duration::parse(&text.value) {
            Ok(v) => Some(Given::new(v, text.source)),
            Err(why) => {
                let problem = format!(
                    "`{}: {}` in the answers file {}: {why}",
                    d.key.unwrap_or_default(),
                    text.value,
                    file.path.display()
                );
                self.problem(problem);
                None
            }
        }
    }

    /// Checks a value whoever gave it: `LABEL 'VALUE' (from SOURCE) is invalid: WHY`.
    pub(crate) fn check(
        &mut self,
        d: &Decl,
        given: Option<&Given<String>>,
        check: fn(&str) -> Result<(), String>,
    ) {
        if let Some(g) = given {
            if let Err(why) = check(&g.value) {
                // A line break in a value stays on the line that names it.
                self.problem(format!(
                    "{} '{}' (from {}) is invalid: {why}",
                    d.label,
                    g.value.escape_debug(),
                    g.source
                ));
            }
        }
    }

    /// The answers file's map under `d`'s key (`params`, `param_files`), each entry with its
    /// own key (`params.NAME`) as the source.
    pub(crate) fn file_map<T: DeserializeOwned>(&self, d: &Decl) -> Vec<(String, T, Source)> {
        let Some((map, file)) = self.file_value::<BTreeMap<String, T>>(d) else {
            return Vec::new();
        };
        let key = d.key.unwrap_or_default();
        map.value
            .into_iter()
            .map(|(k, v)| {
                let source = file.source(&format!("{key}.{k}"));
                (k, v, source)
            })
            .collect()
    }

    /// A path written in the answers file, taken relative to the file's folder.
    pub(crate) fn file_path(&self, p: &Path) -> PathBuf {
        self.file
            .as_ref()
            .map_or_else(|| p.to_path_buf(), |f| f.path_of(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::declared::{self as d, SecretDecl};
    use crate::inputs::secret::{SecretFlags, SecretReader};
    use clap::{Arg, ArgAction, Command};

    /// A value whose variable cargo always sets while it runs tests.
    const SET: Decl = Decl {
        id: "context",
        long: "context",
        env: "CARGO_PKG_NAME",
        key: Some("context"),
        label: "context",
        secret: false,
    };
    /// A value whose variable is never set.
    const UNSET: Decl = Decl {
        env: "THREESCALE_TEST_NEVER_SET",
        ..d::PROJECT
    };
    const KUBECONFIG: Decl = Decl {
        env: "THREESCALE_TEST_NEVER_SET",
        ..d::KUBECONFIG
    };
    const STRICT: Decl = Decl {
        env: "THREESCALE_TEST_NEVER_SET",
        ..d::STRICT
    };
    const RESOLVE: Decl = Decl {
        env: "THREESCALE_TEST_NEVER_SET",
        ..d::RESOLVE
    };

    fn matches(args: &[&str]) -> ArgMatches {
        let arg = |d: &Decl| Arg::new(d.id).long(d.long).env(d.env);
        Command::new("t")
            .args([arg(&SET), arg(&UNSET), arg(&KUBECONFIG)])
            .arg(arg(&STRICT).action(ArgAction::SetTrue))
            .arg(arg(&RESOLVE).action(ArgAction::Append))
            .try_get_matches_from([&["t"], args].concat())
            .unwrap()
    }

    struct Fixture {
        _dir: tempfile::TempDir,
        path: PathBuf,
    }

    fn answers_file(text: &str) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.yaml");
        std::fs::write(&path, text).unwrap();
        Fixture { _dir: dir, path }
    }

    fn in_file(f: &Fixture, key: &str) -> Source {
        Source::AnswersFile(f.path.clone(), key.into())
    }

    #[test]
    fn a_flag_beats_its_variable_which_beats_the_answers_file() {
        let f = answers_file("context: from-file\nproject: from-file\n");
        let env = Env::default();
        let m = matches(&["--context", "from-flag"]);
        let r = Resolver::open(Some(&f.path), &m, &env).unwrap();
        let flag = r.text(&SET, &Some("from-flag".into())).unwrap();
        assert_eq!(flag.source, Source::Flag("--context".into()));
        assert_eq!(flag.value, "from-flag");

        let m = matches(&[]);
        let r = Resolver::open(Some(&f.path), &m, &env).unwrap();
        let from_env = m.get_one::<String>("context").cloned();
        let var = r.text(&SET, &from_env).unwrap();
        assert_eq!(var.source, Source::Env("CARGO_PKG_NAME".into()));
        assert_eq!(var.value, env!("CARGO_PKG_NAME"));
        let file = r.text(&UNSET, &None).unwrap();
        assert_eq!(
            (file.value.as_str(), file.source),
            ("from-file", in_file(&f, "project"))
        );

        let r = Resolver::open(None, &m, &env).unwrap();
        assert_eq!(r.text(&UNSET, &None), None, "no default is invented");
    }

    #[test]
    fn paths_switches_and_lists_follow_the_same_rule() {
        let f =
            answers_file("kubeconfig: kube/config\nstrict: true\nresolve: [' a:1.2.3.4 ', '']\n");
        let env = Env::default();
        let m = matches(&[]);
        let r = Resolver::open(Some(&f.path), &m, &env).unwrap();
        let kube = r.path(&KUBECONFIG, &None).unwrap();
        assert_eq!(kube.value, f.path.parent().unwrap().join("kube/config"));
        assert!(r.switch(&STRICT, false), "the file's `strict: true`");
        let list = r.list(&RESOLVE, &[]).unwrap();
        assert_eq!(
            (list.value, list.source),
            (vec!["a:1.2.3.4".to_string()], in_file(&f, "resolve"))
        );

        let m = matches(&[
            "--kubeconfig",
            "k",
            "--resolve",
            "b:1.2.3.4",
            "--resolve",
            " ",
        ]);
        let r = Resolver::open(Some(&f.path), &m, &env).unwrap();
        let kube = r.path(&KUBECONFIG, &Some("k".into())).unwrap();
        assert_eq!(
            kube.value,
            PathBuf::from("k"),
            "a flag's path is the shell's"
        );
        let given: Vec<String> = m.get_many::<String>("resolve").unwrap().cloned().collect();
        let list = r.list(&RESOLVE, &given).unwrap();
        assert_eq!(
            (list.value, list.source),
            (
                vec!["b:1.2.3.4".to_string()],
                Source::Flag("--resolve".into())
            )
        );
    }

    #[test]
    fn a_value_the_command_does_not_take_comes_from_the_file_alone() {
        let f = answers_file("no_wait: true\nno_verify: false\n");
        let env = Env::default();
        let m = matches(&[]);
        let r = Resolver::open(Some(&f.path), &m, &env).unwrap();
        // `t` has no --no-wait: asking clap about it would panic.
        assert!(r.switch(&d::NO_WAIT, false));
        assert!(!r.switch(&d::NO_VERIFY, false));
        assert_eq!(r.clap_source(&d::NO_WAIT), None);
    }

    #[test]
    fn a_bad_duration_in_the_answers_file_is_a_problem_naming_its_key() {
        let f = answers_file("timeout: soon\npoll_interval: 2s\ncontext: soon\n");
        let env = Env::default();
        let m = matches(&[]);
        let mut r = Resolver::open(Some(&f.path), &m, &env).unwrap();
        assert_eq!(r.duration(&d::TIMEOUT, None), None);
        assert_eq!(
            r.duration(&d::POLL_INTERVAL, None),
            Some(Duration::from_secs(2))
        );
        let flag = Some(Duration::from_secs(5));
        assert_eq!(
            r.duration(&d::OC_TIMEOUT, flag),
            None,
            "clap did not give it"
        );
        // A value from a higher place leaves the file's text unread (`context: soon`).
        let context = Decl {
            id: SET.id,
            env: SET.env,
            key: SET.key,
            ..d::TIMEOUT
        };
        assert_eq!(r.duration(&context, flag), flag);
        let err = r.finish().unwrap_err().to_string();
        assert!(
            err.contains("1 problem(s)") && err.contains("`timeout: soon` in the answers file"),
            "{err}"
        );
    }

    struct Stdin(Option<&'static str>);
    impl SecretReader for Stdin {
        fn read_secret(&mut self, _: &str) -> Result<String, String> {
            self.0
                .map(str::to_string)
                .ok_or_else(|| "no terminal".into())
        }
    }

    #[test]
    fn a_secret_is_read_from_its_highest_place_only() {
        let s: &SecretDecl = &d::REGISTRY_PASSWORD;
        // The answers file names a file that does not exist: read only when nothing else gives it.
        let f = answers_file("registry_password_file: missing-pw\n");
        let pw = f.path.with_file_name("pw");
        std::fs::write(&pw, "from-file\n").unwrap();
        let m = matches(&[]);
        let env = Env::from_pairs(&[(s.env, "from-env")]);
        let none = || SecretFlags {
            stdin: false,
            file: None,
        };
        let mut r = Resolver::open(Some(&f.path), &m, &env).unwrap();
        let stdin = SecretFlags {
            stdin: true,
            file: None,
        };
        let got = r.secret(s, stdin, &mut Stdin(Some("typed\n"))).unwrap();
        assert_eq!((got.value.expose(), got.source), ("typed", Source::Stdin));
        let file = SecretFlags {
            stdin: false,
            file: Some(&pw),
        };
        let got = r.secret(s, file, &mut Stdin(None)).unwrap();
        assert_eq!(
            (got.value.expose(), got.source),
            ("from-file", Source::File(pw.clone()))
        );
        let got = r.secret(s, none(), &mut Stdin(None)).unwrap();
        assert_eq!(
            (got.value.expose(), got.source),
            ("from-env", Source::Env(s.env.into()))
        );
        assert!(r.finish().is_ok(), "the answers file's file was never read");

        let env = Env::default();
        let mut r = Resolver::open(Some(&f.path), &m, &env).unwrap();
        assert!(r.secret(s, none(), &mut Stdin(None)).is_none());
        let err = r.finish().unwrap_err().to_string();
        assert!(
            err.contains("cannot read the registry password file") && err.contains("missing-pw"),
            "{err}"
        );
    }
}
