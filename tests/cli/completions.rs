//! Completions and the man page: generated from the clap definition, committed, checked for drift;
//! the bash script is exercised in a real bash.
//!
//! To rewrite the committed files after a change of the command line:
//! `THREESCALE_UPDATE_GENERATED=1 cargo test --test cli completions`

use clap::ValueEnum;
use clap_complete::{Generator, Shell};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = "threescale-install";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn completion_file(shell: Shell) -> PathBuf {
    root().join("completions").join(shell.file_name(BIN))
}

#[track_caller]
fn check_generated(path: &Path, generated: &[u8]) {
    if std::env::var_os("THREESCALE_UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, generated).unwrap();
        return;
    }
    let committed = std::fs::read(path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date: run `THREESCALE_UPDATE_GENERATED=1 cargo test --test cli completions` and commit it",
        path.display()
    );
}

#[test]
fn completions_are_up_to_date_for_every_shell() {
    for &shell in Shell::value_variants() {
        check_generated(
            &completion_file(shell),
            &threescale_install::completion_script(shell),
        );
    }
}

/// `completions SHELL` prints the shipped script, which the test above keeps generated.
#[test]
fn the_completions_command_prints_the_shipped_script() {
    let env = crate::support::TestEnv::new();
    for &shell in Shell::value_variants() {
        let name = shell.to_string();
        let run = env.run(&["completions", &name]);
        run.assert_code(0);
        let shipped = std::fs::read_to_string(completion_file(shell)).unwrap();
        assert_eq!(run.stdout, shipped, "{name}");
    }
}

#[test]
fn man_pages_are_up_to_date() {
    let pages = threescale_install::manual::pages();
    for (name, page) in &pages {
        check_generated(&root().join("man").join(name), page);
    }
    // No page is left behind from a subcommand that no longer exists.
    for entry in std::fs::read_dir(root().join("man")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            pages.iter().any(|(n, _)| *n == name),
            "man/{name} is not generated any more: remove it"
        );
    }
}

#[test]
fn the_completions_subcommand_prints_the_committed_script() {
    let out = Command::new(env!("CARGO_BIN_EXE_threescale-install"))
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        out.stdout,
        std::fs::read(completion_file(Shell::Bash)).unwrap()
    );
}

/// Asks the bash completion what it offers for `words`, the last one being completed.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let script = completion_file(Shell::Bash);
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let prev = if cword > 0 { words[cword - 1] } else { "" };
    let snippet = format!(
        "source '{}'\nf=$(complete -p {BIN} | sed 's/.*-F \\([^ ]*\\) .*/\\1/')\nCOMP_WORDS=({})\nCOMP_CWORD={cword}\n\"$f\" {BIN} '{}' '{prev}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        words[cword],
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(snippet)
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_subcommands_and_profiles() {
    assert_eq!(bash_complete(&[BIN, "pre"]), ["preflight"]);
    let profiles = [
        "amp",
        "amp-postgresql",
        "amp-s3",
        "amp-ha-tech-preview",
        "amp-eval-tech-preview",
    ];
    assert_eq!(bash_complete(&[BIN, "--template", ""]), profiles);
    // After a subcommand too (the patched clap bug with hyphenated names).
    assert_eq!(
        bash_complete(&[BIN, "install", "--template", "amp-s"]),
        ["amp-s3"]
    );
    assert_eq!(
        bash_complete(&[BIN, "uninstall", "--delete-p"]),
        ["--delete-project"]
    );
}
