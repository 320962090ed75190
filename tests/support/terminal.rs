//! Runs in a pseudo-terminal start as in a person's terminal. expectrl's pseudo-terminal starts
//! with echo off (ptyprocess turns it off for its own use); a shell's terminal has echo and line
//! editing on, and that is what the installer must find again after it ends.

use std::process::Command;

/// `cmd`, started through `stty sane` on the pseudo-terminal: echo, canonical mode, signals on.
pub fn as_in_a_shell(cmd: &Command) -> Command {
    let mut shell = Command::new("/bin/sh");
    shell
        .arg("-c")
        .arg("stty sane && exec \"$0\" \"$@\"")
        .arg(cmd.get_program())
        .args(cmd.get_args())
        .env_clear();
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            shell.env(k, v);
        }
    }
    if let Some(dir) = cmd.get_current_dir() {
        shell.current_dir(dir);
    }
    shell
}
