//! Publication dates from metadata (ISO 8601, RFC 2822, epoch seconds) to an ISO date.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

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
