//! The manual: one roff page for the program and one for each subcommand it lists, from the same
//! clap definition as `--help`, with the exit codes in an EXIT STATUS section of their own.

use crate::cli::Cli;
use clap::CommandFactory;

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
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = vec![render(&cmd)];
    let mut pending: Vec<&clap::Command> =
        cmd.get_subcommands().filter(|s| !s.is_hide_set()).collect();
    while !pending.is_empty() {
        let sub = pending.remove(0);
        out.push(render(sub));
        let nested: Vec<&clap::Command> =
            sub.get_subcommands().filter(|s| !s.is_hide_set()).collect();
        pending.splice(0..0, nested);
    }
    out
}

fn render(cmd: &clap::Command) -> (String, Vec<u8>) {
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
