//! Calendar dates as people type them: `2026-11-27`, `today`, `+3d`, `next friday`.

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};

/// What `parse` accepts, for error messages and help text.
pub const ACCEPTED: &str =
    "YYYY-MM-DD, today, tomorrow, yesterday, +3d, +2w, +1m, in 3 days, friday, next friday";

/// The years coach accepts: every date in them names a note that sorts and
/// reads back (`1900-01-01` to `2999-12-31`).
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2999;

/// Parses a date relative to `today`; years outside `YEARS` are refused.
pub fn parse(text: &str, today: Date) -> Result<Date, String> {
    let date = parse_any_year(text, today)?;
    if YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!(
            "`{}` is {date}, outside the years {}-{} coach accepts",
            text.trim(),
            YEARS.start(),
            YEARS.end()
        ))
    }
}

fn parse_any_year(text: &str, today: Date) -> Result<Date, String> {
    let input = text.trim().to_lowercase();
    let words: Vec<&str> = input.split_whitespace().collect();
    let result = match words.as_slice() {
        [] => return Err("a date is required".to_string()),
        ["today"] => Some(today),
        ["tomorrow"] => today.checked_add(1.day()).ok(),
        ["yesterday"] => today.checked_sub(1.day()).ok(),
        ["next", "week"] => today.checked_add(1.week()).ok(),
        ["next", "month"] => today.checked_add(1.month()).ok(),
        ["in", count, unit] => offset(count, unit).and_then(|span| today.checked_add(span).ok()),
        ["next", day] | [day] if weekday(day).is_some() => {
            weekday(day).map(|day| next_weekday(today, day))
        }
        [single] => relative(single, today).or_else(|| absolute(single)),
        _ => None,
    };
    result.ok_or_else(|| format!("`{}` is not a date (use {ACCEPTED})", text.trim()))
}

fn absolute(text: &str) -> Option<Date> {
    // Only the full ISO form: "3/4" means different days to different people.
    if text.len() != 10 {
        return None;
    }
    text.parse::<Date>().ok()
}

/// `+3d`, `-1w`, `+2m`, `+1y`.
fn relative(text: &str, today: Date) -> Option<Date> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let split = rest.find(|c: char| !c.is_ascii_digit())?;
    let span = offset(&rest[..split], &rest[split..])?;
    today
        .checked_add(if sign < 0 { span.negate() } else { span })
        .ok()
}

fn offset(count: &str, unit: &str) -> Option<Span> {
    let count: i64 = count.parse().ok().filter(|count| *count <= 10_000)?;
    match unit {
        "d" | "day" | "days" => Span::new().try_days(count).ok(),
        "w" | "week" | "weeks" => Span::new().try_weeks(count).ok(),
        "m" | "month" | "months" => Span::new().try_months(count).ok(),
        "y" | "year" | "years" => Span::new().try_years(count).ok(),
        _ => None,
    }
}

fn weekday(name: &str) -> Option<Weekday> {
    let days = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    days.iter()
        .find(|(full, _)| *full == name || (name.len() == 3 && full.starts_with(name)))
        .map(|(_, day)| *day)
}

/// The first such weekday strictly after today: on a Friday, "friday" is a week away.
fn next_weekday(today: Date, day: Weekday) -> Date {
    let ahead = i64::from(day.to_monday_zero_offset() - today.weekday().to_monday_zero_offset());
    let ahead = if ahead <= 0 { ahead + 7 } else { ahead };
    today.checked_add(ahead.days()).unwrap_or(today)
}

/// Today's date in the local time zone.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    // 2026-11-22 is a Sunday.
    const TODAY: Date = date(2026, 11, 22);

    #[test]
    fn accepts_every_documented_form() {
        let cases = [
            ("2026-12-01", date(2026, 12, 1)),
            ("today", TODAY),
            ("Tomorrow", date(2026, 11, 23)),
            ("yesterday", date(2026, 11, 21)),
            ("+3d", date(2026, 11, 25)),
            ("+2w", date(2026, 12, 6)),
            ("+1m", date(2026, 12, 22)),
            ("-1d", date(2026, 11, 21)),
            ("in 3 days", date(2026, 11, 25)),
            ("friday", date(2026, 11, 27)),
            ("next friday", date(2026, 11, 27)),
            ("next sunday", date(2026, 11, 29)),
            ("mon", date(2026, 11, 23)),
            ("next week", date(2026, 11, 29)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text, TODAY), Ok(expected), "{text}");
        }
    }

    #[test]
    fn accepts_the_first_and_last_day_of_the_range_only() {
        assert_eq!(parse("1900-01-01", TODAY), Ok(date(1900, 1, 1)));
        assert_eq!(parse("2999-12-31", TODAY), Ok(date(2999, 12, 31)));
        let error = parse("-10000y", TODAY).unwrap_err();
        assert!(error.contains("outside the years 1900-2999"), "{error}");
    }

    #[test]
    fn refuses_ambiguous_and_impossible_dates() {
        for text in [
            "",
            "3/4",
            "2026-02-30",
            "someday",
            "+d",
            "+99999999d",
            "next",
            "-10000y",
            "+2000y",
            "1899-12-31",
            "3000-01-01",
            "0001-01-01",
        ] {
            let error = parse(text, TODAY).unwrap_err();
            assert!(!error.is_empty(), "{text}");
        }
    }
}
