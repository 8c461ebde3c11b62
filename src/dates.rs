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
    let outside = |shown: String| {
        format!(
            "`{}` is {shown}outside the years {}-{} coach accepts",
            text.trim(),
            YEARS.start(),
            YEARS.end()
        )
    };
    match parse_any_year(text, today) {
        Ok(date) if YEARS.contains(&date.year()) => Ok(date),
        Ok(date) => Err(outside(format!("{date}, "))),
        Err(Refused::OutOfRange) => Err(outside(String::new())),
        Err(Refused::Empty) => Err("a date is required".to_string()),
        Err(Refused::NotADate) => Err(format!("`{}` is not a date (use {ACCEPTED})", text.trim())),
    }
}

/// Why a text gives no date.
enum Refused {
    Empty,
    NotADate,
    /// A well-formed offset too large for any calendar (`+400000d`).
    OutOfRange,
}

fn parse_any_year(text: &str, today: Date) -> Result<Date, Refused> {
    let input = text.trim().to_lowercase();
    let words: Vec<&str> = input.split_whitespace().collect();
    let moved = |span: Result<Span, Refused>| {
        span.and_then(|span| today.checked_add(span).map_err(|_| Refused::OutOfRange))
    };
    match words.as_slice() {
        [] => Err(Refused::Empty),
        ["today"] => Ok(today),
        ["tomorrow"] => moved(Ok(1.day())),
        ["yesterday"] => moved(Ok((-1).day())),
        ["next", "week"] => moved(Ok(1.week())),
        ["next", "month"] => moved(Ok(1.month())),
        ["in", count, unit] => moved(offset(count, unit)),
        ["next", day] | [day] if weekday(day).is_some() => weekday(day)
            .map(|day| next_weekday(today, day))
            .ok_or(Refused::NotADate),
        [single] => match relative(single) {
            Some(span) => moved(span),
            None => absolute(single).ok_or(Refused::NotADate),
        },
        _ => Err(Refused::NotADate),
    }
}

fn absolute(text: &str) -> Option<Date> {
    // Only the full ISO form: "3/4" means different days to different people.
    if text.len() != 10 {
        return None;
    }
    text.parse::<Date>().ok()
}

/// `+3d`, `-1w`, `+2m`, `+1y` as a signed span; `None` when the text has
/// another form.
fn relative(text: &str) -> Option<Result<Span, Refused>> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'+' => (false, &text[1..]),
        b'-' => (true, &text[1..]),
        _ => return None,
    };
    let split = rest.find(|c: char| !c.is_ascii_digit())?;
    let span = offset(&rest[..split], &rest[split..]);
    if matches!(span, Err(Refused::NotADate)) {
        return None;
    }
    Some(span.map(|span| if negative { span.negate() } else { span }))
}

/// A count of days, weeks, months or years. A count of digits too large
/// for any date in range is out of range, not a malformed date.
fn offset(count: &str, unit: &str) -> Result<Span, Refused> {
    let known = [
        "d", "day", "days", "w", "week", "weeks", "m", "month", "months", "y", "year", "years",
    ];
    if count.is_empty() || !count.bytes().all(|b| b.is_ascii_digit()) || !known.contains(&unit) {
        return Err(Refused::NotADate);
    }
    let count: i64 = count
        .parse()
        .ok()
        .filter(|count| *count <= 10_000_000)
        .ok_or(Refused::OutOfRange)?;
    let span = match unit {
        "d" | "day" | "days" => Span::new().try_days(count),
        "w" | "week" | "weeks" => Span::new().try_weeks(count),
        "m" | "month" | "months" => Span::new().try_months(count),
        _ => Span::new().try_years(count),
    };
    span.map_err(|_| Refused::OutOfRange)
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
    fn offsets_too_large_for_any_calendar_are_out_of_range_not_malformed() {
        for text in [
            "+400000d",
            "-400000d",
            "in 99999999999 days",
            "+99999999999999999999y",
            "+2000y",
        ] {
            let error = parse(text, TODAY).unwrap_err();
            assert!(
                error.contains("outside the years 1900-2999"),
                "{text}: {error}"
            );
        }
        for text in ["+3x", "+d", "in many days", "+-3d"] {
            let error = parse(text, TODAY).unwrap_err();
            assert!(error.contains("is not a date"), "{text}: {error}");
        }
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
