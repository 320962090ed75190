//! Durations as people write them (`90s`, `1m30s`, `45m`, `2h`), bounded so that no deadline
//! computed from one can overflow, and shown back the same way.

use std::time::{Duration, Instant};

/// The longest duration accepted: longer than any install, far from any overflow.
pub(crate) const MAX: Duration = Duration::from_secs(7 * 24 * 3600);
const MAX_TEXT: &str = "7d";

/// `500ms`, `2s`, `30m`, `1h`, `1d`, `1m30s`, or a number of seconds; at most 7 days.
pub(crate) fn parse(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("give a duration such as 90s, 10m or 1h".into());
    }
    let too_long = || format!("'{text}' is longer than the {MAX_TEXT} allowed");
    if text.chars().all(|c| c.is_ascii_digit()) {
        let secs: u64 = text.parse().map_err(|_| too_long())?;
        return check(Duration::from_secs(secs)).ok_or_else(too_long);
    }
    let mut total = Duration::ZERO;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return Err(format!(
                "'{text}' is not a duration: use a number with ms, s, m, h or d, e.g. 90s or 10m"
            ));
        }
        let n: u64 = rest[..digits].parse().map_err(|_| too_long())?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let unit_secs: Option<Duration> = match &rest[..unit_len] {
            "ms" => Some(Duration::from_millis(n)),
            "s" => Some(Duration::from_secs(n)),
            "m" => n.checked_mul(60).map(Duration::from_secs),
            "h" => n.checked_mul(3600).map(Duration::from_secs),
            "d" => n.checked_mul(86_400).map(Duration::from_secs),
            other => {
                return Err(format!(
                    "'{other}' is not a unit of duration: use ms, s, m, h or d"
                ))
            }
        };
        total = unit_secs
            .and_then(|d| total.checked_add(d))
            .and_then(check)
            .ok_or_else(too_long)?;
        rest = &rest[unit_len..];
    }
    Ok(total)
}

fn check(d: Duration) -> Option<Duration> {
    (d <= MAX).then_some(d)
}

/// The instant `d` from now; never panics, whatever `d` is.
pub(crate) fn deadline(d: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(d.min(MAX))
        .unwrap_or(now + Duration::from_secs(3600))
}

/// `90s`, `45m`, `2h`, `1d12h`, `1m30s`, `500ms`, `0s`: as a person would write it, and as
/// `parse` reads it.
pub(crate) fn describe(d: Duration) -> String {
    let ms = d.as_millis();
    if ms > 0 && ms < 1000 {
        return format!("{ms}ms");
    }
    let secs = d.as_secs();
    let (days, h, m, s) = (
        secs / 86_400,
        secs % 86_400 / 3600,
        secs % 3600 / 60,
        secs % 60,
    );
    let mut out = String::new();
    if days > 0 {
        out.push_str(&format!("{days}d"));
    }
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 || out.is_empty() {
        out.push_str(&format!("{s}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse("2"), Ok(Duration::from_secs(2)));
        assert_eq!(parse("1d"), Ok(Duration::from_secs(86_400)));
        assert!(parse("5x").unwrap_err().contains("'x' is not a unit"));
        assert!(parse("").is_err());
    }

    #[test]
    fn huge_values_are_refused_naming_the_maximum_never_a_panic() {
        for huge in [
            "18446744073709551615",
            "18446744073709551615h",
            "5124095576030432h",
            "99999999999999999999999",
            "8d",
            "6d23h59m60s1ms",
        ] {
            let err = parse(huge).unwrap_err();
            assert!(err.contains("7d"), "{huge}: {err}");
        }
        assert_eq!(parse("7d"), Ok(MAX));
        let _ = deadline(Duration::MAX);
    }

    #[test]
    fn described_as_written() {
        assert_eq!(describe(Duration::from_secs(90)), "1m30s");
        assert_eq!(describe(Duration::from_secs(2700)), "45m");
        assert_eq!(describe(Duration::from_millis(250)), "250ms");
        assert_eq!(describe(Duration::from_secs(7200)), "2h");
        assert_eq!(describe(Duration::ZERO), "0s");
        assert_eq!(describe(MAX), "7d");
        assert_eq!(describe(Duration::from_secs(36 * 3600)), "1d12h");
        for d in [
            Duration::ZERO,
            Duration::from_millis(20),
            Duration::from_secs(93_784),
        ] {
            assert_eq!(parse(&describe(d)), Ok(d), "{d:?}");
        }
    }
}
