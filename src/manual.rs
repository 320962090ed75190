//! The manual: one roff page for the program and one for each subcommand it lists, from the same
//! clap definition as `--help`, with the exit codes in an EXIT STATUS section of their own; the
//! program's page also lists its environment (every variable, from the same definition) and the
//! files it keeps. `man --dir DIR` writes them all where `man` finds them.

use crate::cli::Cli;
use crate::failure::{Failure, Outcome};
use clap::CommandFactory;
use std::path::Path;

/// The page of the program itself (what `threescale-install man` prints).
pub(crate) fn page() -> Vec<u8> {
    pages()
        .into_iter()
        .next()
        .map(|(_, p)| p)
        .unwrap_or_default()
}

/// Every page, with its file name: the program's first, then one per visible subcommand (and
/// per visible subcommand of those: `threescale-install-gateway-add.1`).
pub fn pages() -> Vec<(String, Vec<u8>)> {
    let mut cmd = crate::help::with_help(Cli::command().disable_help_subcommand(true));
    cmd.build();
    let mut out = vec![render(&cmd, &format!("{}{FILES}", environment(&cmd)))];
    let mut pending: Vec<&clap::Command> =
        cmd.get_subcommands().filter(|s| !s.is_hide_set()).collect();
    while !pending.is_empty() {
        let sub = pending.remove(0);
        out.push(render(sub, ""));
        let nested: Vec<&clap::Command> =
            sub.get_subcommands().filter(|s| !s.is_hide_set()).collect();
        pending.splice(0..0, nested);
    }
    out
}

/// `man --dir DIR`: every page written to DIR (created when missing), each named as `man` looks
/// for it; the list of what was written on stdout.
pub(crate) fn write_pages(dir: &Path) -> Outcome<()> {
    let refused = |e: String| {
        Failure::input(format!(
            "cannot write the man pages to {}: {e}",
            dir.display()
        ))
        .with_help("name a directory you may write to with --dir, e.g. ~/.cargo/share/man/man1")
    };
    std::fs::create_dir_all(dir).map_err(|e| refused(e.to_string()))?;
    for (name, page) in pages() {
        let path = dir.join(&name);
        crate::atomic_file::write(&path, &page, 0o644).map_err(refused)?;
        println!("{}", path.display());
    }
    Ok(())
}

/// The ENVIRONMENT section: each option's variable, the secrets' own, and the standard ones read.
fn environment(cmd: &clap::Command) -> String {
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut commands = vec![cmd];
    while let Some(c) = commands.pop() {
        for arg in c.get_arguments() {
            let (Some(env), Some(long)) = (arg.get_env(), arg.get_long()) else {
                continue;
            };
            let env = env.to_string_lossy().into_owned();
            if !rows.iter().any(|(e, _)| *e == env) {
                rows.push((env, format!("as \\-\\-{}", escape(long))));
            }
        }
        commands.extend(c.get_subcommands());
    }
    for s in crate::inputs::declared::SECRETS {
        rows.push((
            s.env.to_string(),
            format!("the {} itself (no flag takes it)", s.label),
        ));
    }
    rows.sort();
    rows.extend(STANDARD.iter().map(|(e, m)| (e.to_string(), m.to_string())));
    let mut out = String::from(".SH ENVIRONMENT\n");
    for (env, meaning) in rows {
        out.push_str(&format!(".TP\n\\fB{}\\fR\n{meaning}\n", escape(&env)));
    }
    out
}

/// The variables read besides the program's own.
const STANDARD: &[(&str, &str)] = &[
    (
        "THREESCALE_PARAM_<NAME>",
        "the template parameter NAME (secret ones included)",
    ),
    ("AWS_ACCESS_KEY_ID", "the S3 profile's key id"),
    (
        "HTTPS_PROXY, NO_PROXY",
        "the proxy of the requests to 3scale's portals",
    ),
    (
        "XDG_STATE_HOME",
        "where the state directory is (default ~/.local/state)",
    ),
    (
        "XDG_CACHE_HOME",
        "where the templates are cached (default ~/.cache)",
    ),
    (
        "NO_COLOR, CLICOLOR, CLICOLOR_FORCE",
        "colours of the output",
    ),
];

/// The FILES section.
const FILES: &str = r#".SH FILES
.TP
\fI$XDG_STATE_HOME/threescale\-install/SERVER\-PORT/PROJECT/\fR
the state of an install of a cluster's project (default \fI~/.local/state/...\fR):
.TP
\fI.../credentials.yaml\fR
the URLs and logins (mode 0600); \-\-credentials\-file names another
.TP
\fI.../tenants/SUBDOMAIN.yaml\fR
the logins of the tenants made with \fBtenant create\fR (mode 0600)
.TP
\fI.../transcript.log\fR
every run's oc commands and their output, secrets masked (mode 0600); \-\-log\-file names another
.TP
\fI.../install.yaml\fR
the non\-secret answers of the install and where it stopped, for the next run
.TP
\fI.../lock\fR
held by the run that changes the project
.TP
\fI$XDG_CACHE_HOME/threescale\-install/templates/\fR
the checkouts of the templates, by repository and ref (default \fI~/.cache/...\fR)
"#;

/// The page of `cmd`, with `extra` sections before the version.
fn render(cmd: &clap::Command, extra: &str) -> (String, Vec<u8>) {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    type Section = fn(&clap_mangen::Man, &mut dyn std::io::Write) -> std::io::Result<()>;
    let sections: [Section; 4] = [
        clap_mangen::Man::render_title,
        clap_mangen::Man::render_name_section,
        clap_mangen::Man::render_synopsis_section,
        clap_mangen::Man::render_description_section,
    ];
    for section in sections {
        let _ = section(&man, &mut buf);
    }
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        let _ = man.render_options_section(&mut buf);
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        let _ = man.render_subcommands_section(&mut buf);
    }
    if let Some(codes) = cmd.get_after_help() {
        buf.extend(exit_status(&codes.to_string()).into_bytes());
    }
    buf.extend(extra.as_bytes());
    if cmd.get_version().is_some() {
        let _ = man.render_version_section(&mut buf);
    }
    (man.get_filename(), buf)
}

/// `Exit codes:` lines (`  0    text`) as a roff section.
fn exit_status(text: &str) -> String {
    let mut out = String::from(".SH \"EXIT STATUS\"\n");
    for line in text
        .lines()
        .skip_while(|l| !l.starts_with("Exit codes"))
        .skip(1)
    {
        let line = line.trim();
        if let Some((code, meaning)) = line.split_once(char::is_whitespace) {
            out.push_str(&format!(
                ".TP\n\\fB{}\\fR\n{}\n",
                code,
                escape(meaning.trim())
            ));
        }
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('-', "\\-")
        .replace('\'', "\\(aq")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_its_exit_codes_and_names_only_pages_that_exist() {
        let pages = pages();
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            names.contains(&"threescale-install.1")
                && names.contains(&"threescale-install-status.1"),
            "{names:?}"
        );
        let top = String::from_utf8(pages[0].1.clone()).unwrap();
        assert!(top.contains(".SH \"EXIT STATUS\""), "{top}");
        for (name, page) in &pages {
            let page = String::from_utf8_lossy(page);
            for referenced in page
                .split(|c: char| c.is_whitespace())
                .filter(|w| w.starts_with("threescale\\-install\\-") && w.ends_with("(1)"))
            {
                let file = referenced.replace("\\-", "-").replace("(1)", ".1");
                assert!(
                    names.contains(&file.as_str()),
                    "{name} refers to {file}, which is not generated"
                );
            }
        }
    }
}
