//! The RRULEs meeting invites use: FREQ=DAILY, WEEKLY, MONTHLY or YEARLY
//! with INTERVAL, COUNT, UNTIL and, weekly, BYDAY. Anything else (BYSETPOS,
//! BYMONTHDAY, "second Tuesday") is refused by name: a wrong date would be
//! worse than asking for `--date`.

use jiff::civil::{Date, DateTime, Weekday};
use jiff::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// One recurrence rule, without its UNTIL (which the event's zone reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    freq: Freq,
    interval: i32,
    count: Option<u32>,
    /// The UNTIL value as written: a date or a date-time.
    pub until: Option<String>,
    by_day: Vec<Weekday>,
}

/// More occurrences than any meeting series has: the walk stops there.
const MOST_STEPS: u32 = 100_000;

impl Rule {
    /// Reads `FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270101T000000Z`; the error
    /// names the part not understood.
    pub fn parse(text: &str) -> Result<Rule, String> {
        let mut rule = Rule {
            freq: Freq::Daily,
            interval: 1,
            count: None,
            until: None,
            by_day: Vec::new(),
        };
        let mut freq = None;
        for part in text.split(';').filter(|part| !part.is_empty()) {
            let (name, value) = part
                .split_once('=')
                .ok_or_else(|| format!("`{part}` is not NAME=VALUE"))?;
            match name.to_ascii_uppercase().as_str() {
                "FREQ" => {
                    freq = Some(match value.to_ascii_uppercase().as_str() {
                        "DAILY" => Freq::Daily,
                        "WEEKLY" => Freq::Weekly,
                        "MONTHLY" => Freq::Monthly,
                        "YEARLY" => Freq::Yearly,
                        _ => return Err(format!("FREQ={value} is not supported")),
                    })
                }
                "INTERVAL" => {
                    rule.interval = value
                        .parse()
                        .ok()
                        .filter(|interval| (1..=1000).contains(interval))
                        .ok_or_else(|| format!("INTERVAL={value} is not a number from 1"))?
                }
                "COUNT" => {
                    rule.count = Some(
                        value
                            .parse()
                            .map_err(|_| format!("COUNT={value} is not a number"))?,
                    )
                }
                "UNTIL" => rule.until = Some(value.to_string()),
                "BYDAY" => {
                    for day in value.split(',') {
                        rule.by_day.push(weekday(day).ok_or_else(|| {
                            format!("BYDAY={value} is not supported (only plain days: MO,TU,...)")
                        })?);
                    }
                }
                // The week start only matters for BYDAY with INTERVAL > 1,
                // and Monday is what calendar apps write.
                "WKST" => {}
                _ => return Err(format!("{name}= is not supported")),
            }
        }
        rule.freq = freq.ok_or("it has no FREQ")?;
        if !rule.by_day.is_empty() && rule.freq != Freq::Weekly {
            return Err("BYDAY is supported with FREQ=WEEKLY only".to_string());
        }
        Ok(rule)
    }

    /// Every start of the series from `start` (the DTSTART) on, in order,
    /// up to COUNT (UNTIL is the caller's).
    pub fn starts(&self, start: DateTime) -> impl Iterator<Item = DateTime> + '_ {
        let mut days = self.by_day.clone();
        days.sort_by_key(|day| day.to_monday_zero_offset());
        if days.is_empty() {
            days.push(start.weekday());
        }
        let monday = add_days(
            start.date(),
            -i64::from(start.weekday().to_monday_zero_offset()),
        );
        (0..MOST_STEPS)
            .flat_map(move |step| {
                let step = i64::from(step) * i64::from(self.interval);
                let found: Vec<DateTime> = match self.freq {
                    Freq::Daily => add_days(start.date(), step)
                        .map(|date| date.to_datetime(start.time()))
                        .into_iter()
                        .collect(),
                    Freq::Weekly => days
                        .iter()
                        .filter_map(|day| {
                            let week = add_days(monday?, step.checked_mul(7)?)?;
                            let date = add_days(week, i64::from(day.to_monday_zero_offset()))?;
                            Some(date.to_datetime(start.time()))
                        })
                        .filter(|at| *at >= start)
                        .collect(),
                    // A month or year without the day (the 31st, 29 February) is skipped.
                    Freq::Monthly => same_day(start, Span::new().try_months(step).ok()),
                    Freq::Yearly => same_day(start, Span::new().try_years(step).ok()),
                };
                found
            })
            .take(self.count.map_or(usize::MAX, |count| count as usize))
    }
}

/// `date` moved by `days`; None past the years jiff knows.
fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(Span::new().try_days(days).ok()?).ok()
}

fn same_day(start: DateTime, span: Option<Span>) -> Vec<DateTime> {
    span.and_then(|span| start.checked_add(span).ok())
        .filter(|at| at.day() == start.day())
        .into_iter()
        .collect()
}

fn weekday(text: &str) -> Option<Weekday> {
    Some(match text.trim().to_ascii_uppercase().as_str() {
        "MO" => Weekday::Monday,
        "TU" => Weekday::Tuesday,
        "WE" => Weekday::Wednesday,
        "TH" => Weekday::Thursday,
        "FR" => Weekday::Friday,
        "SA" => Weekday::Saturday,
        "SU" => Weekday::Sunday,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn first(rule: &str, start: DateTime, n: usize) -> Vec<String> {
        Rule::parse(rule)
            .unwrap()
            .starts(start)
            .take(n)
            .map(|at| at.to_string())
            .collect()
    }

    #[test]
    fn weekly_on_two_days_steps_through_each_week_from_the_start() {
        let start = date(2026, 11, 3).at(10, 0, 0, 0); // a Tuesday
        assert_eq!(
            first("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=MO", start, 4),
            [
                "2026-11-03T10:00:00",
                "2026-11-05T10:00:00",
                "2026-11-17T10:00:00",
                "2026-11-19T10:00:00"
            ]
        );
    }

    #[test]
    fn count_ends_the_series_and_monthly_skips_months_without_the_day() {
        let start = date(2026, 1, 31).at(9, 0, 0, 0);
        assert_eq!(
            first("FREQ=MONTHLY;COUNT=3", start, 10),
            [
                "2026-01-31T09:00:00",
                "2026-03-31T09:00:00",
                "2026-05-31T09:00:00"
            ]
        );
    }

    #[test]
    fn rules_beyond_plain_days_are_refused_by_name() {
        assert!(Rule::parse("FREQ=MONTHLY;BYDAY=2TU")
            .unwrap_err()
            .contains("BYDAY"));
        assert!(Rule::parse("FREQ=WEEKLY;BYSETPOS=1")
            .unwrap_err()
            .contains("BYSETPOS"));
        assert!(Rule::parse("INTERVAL=2").unwrap_err().contains("FREQ"));
    }
}
