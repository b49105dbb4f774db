//! Publication dates from metadata (ISO 8601, RFC 2822, epoch seconds) to an ISO date.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// The calendar date `raw` names, as `YYYY-MM-DD`, in the time zone it was written in
/// (the day the outlet's readers saw); `None` if it is not a date form we know.
pub fn normalize_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let date = parse(s)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// The instant `raw` names, as `YYYY-MM-DDTHH:MM:SSZ` in UTC, when it carries a time of day and
/// a zone (RFC 3339, RFC 2822, epoch seconds); `None` for a bare date or an unknown form.
/// Reports of one day are ordered by it: a later, higher toll is an update, not a contradiction.
pub fn normalize_instant(raw: &str) -> Option<String> {
    let s = raw.trim();
    let dt = if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        dt.with_timezone(&Utc)
    } else if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        dt.with_timezone(&Utc)
    } else if !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s.len() == 10 || s.len() == 13)
    {
        let n: i64 = s.parse().ok()?;
        DateTime::from_timestamp(if s.len() == 13 { n / 1000 } else { n }, 0)?
    } else {
        return None;
    };
    Some(dt.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

fn parse(s: &str) -> Option<NaiveDate> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    // ISO date, possibly followed by a time in some looser form ("2022-01-05 10:00:00", "T10:00").
    if s.len() >= 10 && s.is_char_boundary(10) {
        let (head, rest) = s.split_at(10);
        if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
            if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
                return Some(d);
            }
        }
    }
    for fmt in ["%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y/%m/%d %H:%M:%S",
        "%a, %d %b %Y %H:%M:%S",
        "%d %b %Y %H:%M:%S",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(d.date());
        }
    }
    for fmt in ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    // Unix time, in seconds or milliseconds (10 or 13 digits: 2001..2286).
    if s.bytes().all(|b| b.is_ascii_digit()) && (s.len() == 10 || s.len() == 13) {
        let n: i64 = s.parse().ok()?;
        let secs = if s.len() == 13 { n / 1000 } else { n };
        return DateTime::from_timestamp(secs, 0).map(|d| d.date_naive());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc2822_as_in_ant_news() {
        assert_eq!(
            normalize_date("Fri, 09 Feb 2018 17:35:12 GMT").as_deref(),
            Some("2018-02-09")
        );
        assert_eq!(
            normalize_date("Sat, 30 Jun 2018 22:39:41 +0300").as_deref(),
            Some("2018-06-30")
        );
    }

    #[test]
    fn iso_forms_keep_the_written_day() {
        assert_eq!(normalize_date("2022-01-05").as_deref(), Some("2022-01-05"));
        assert_eq!(
            normalize_date("2022-01-05T23:30:00-05:00").as_deref(),
            Some("2022-01-05")
        );
        assert_eq!(
            normalize_date(" 2022-01-05 10:00:00 ").as_deref(),
            Some("2022-01-05")
        );
        assert_eq!(
            normalize_date("2022-01-05T10:00").as_deref(),
            Some("2022-01-05")
        );
    }

    #[test]
    fn instants_in_utc() {
        assert_eq!(
            normalize_instant("Fri, 09 Feb 2018 17:35:12 GMT").as_deref(),
            Some("2018-02-09T17:35:12Z")
        );
        assert_eq!(
            normalize_instant("Sat, 30 Jun 2018 02:39:41 +0400").as_deref(),
            Some("2018-06-29T22:39:41Z")
        );
        assert_eq!(
            normalize_instant("2022-01-05T23:30:00-05:00").as_deref(),
            Some("2022-01-06T04:30:00Z")
        );
        assert_eq!(
            normalize_instant("1641340800").as_deref(),
            Some("2022-01-05T00:00:00Z")
        );
        assert_eq!(normalize_instant("2022-01-05"), None);
        assert_eq!(normalize_instant("أمس"), None);
        assert_eq!(normalize_instant(""), None);
    }

    #[test]
    fn epoch_and_rejects() {
        assert_eq!(normalize_date("1641340800").as_deref(), Some("2022-01-05"));
        assert_eq!(
            normalize_date("1641340800000").as_deref(),
            Some("2022-01-05")
        );
        assert_eq!(normalize_date("2022-13-05"), None);
        assert_eq!(normalize_date("أمس"), None);
        assert_eq!(normalize_date(""), None);
        assert_eq!(normalize_date("٢٠٢٢-٠١-٠٥"), None);
    }
}
