//! Wall-clock instants as the API server writes them (RFC 3339, seconds, UTC) and as klog
//! prefixes its lines (`E1202 05:05:33.381191`).

use std::time::{SystemTime, UNIX_EPOCH};

/// (year, month, day, hour, minute, second, microsecond) of now, UTC.
fn now_parts() -> (i64, u32, u32, u32, u32, u32, u32) {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = since.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    (
        y,
        m,
        d,
        (rem / 3600) as u32,
        (rem % 3600 / 60) as u32,
        (rem % 60) as u32,
        since.subsec_micros(),
    )
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `2026-12-02T05:03:11Z`.
pub fn now_rfc3339() -> String {
    let (y, mo, d, h, mi, s, _) = now_parts();
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// `E1202 05:05:33.381191    7795 ` (klog's header: severity, date, time, pid).
pub fn klog_header(severity: char) -> String {
    let (_, mo, d, h, mi, s, us) = now_parts();
    format!(
        "{severity}{mo:02}{d:02} {h:02}:{mi:02}:{s:02}.{us:06} {:>7} ",
        std::process::id()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_424), (2025, 12, 2));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
