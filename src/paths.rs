//! Where the installer keeps files: XDG cache (template checkouts) and state (credentials).

use std::path::PathBuf;

const APP: &str = "threescale-install";

fn xdg(var: &str, fallback: &str) -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os(var).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir).join(APP));
    }
    match std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        Some(home) => Ok(PathBuf::from(home).join(fallback).join(APP)),
        None => Err(format!("neither {var} nor HOME is set: set one of them")),
    }
}

/// `$XDG_CACHE_HOME/threescale-install` (default `~/.cache/threescale-install`).
pub(crate) fn cache_dir() -> Result<PathBuf, String> {
    xdg("XDG_CACHE_HOME", ".cache")
}

/// `$XDG_STATE_HOME/threescale-install` (default `~/.local/state/threescale-install`).
pub(crate) fn state_dir() -> Result<PathBuf, String> {
    xdg("XDG_STATE_HOME", ".local/state")
}

/// A file-name-safe, readable slug: `https://api.x:6443` → `api.x-6443`.
pub(crate) fn slug(text: &str) -> String {
    let without_scheme = text.split_once("://").map(|(_, r)| r).unwrap_or(text);
    let mut out = String::new();
    for c in without_scheme.chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches(|c| c == '-' || c == '.').to_string()
}

/// FNV-1a: a hash that stays the same across Rust versions, for cache keys.
pub(crate) fn stable_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", h >> 32)
}

/// The per-cluster, per-project state directory.
pub(crate) fn project_state_dir(server_url: &str, project: &str) -> Result<PathBuf, String> {
    Ok(state_dir()?.join(slug(server_url)).join(project))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_and_readable() {
        assert_eq!(slug("https://api.crc.testing:6443"), "api.crc.testing-6443");
        assert_eq!(
            slug("https://github.com/3scale/x.git"),
            "github.com-3scale-x.git"
        );
        assert_eq!(slug("/srv/mirror/"), "srv-mirror");
        assert_ne!(stable_hash("a/b"), stable_hash("a-b"));
    }
}
