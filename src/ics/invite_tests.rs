//! Invites read: zones, series and the errors that name the event.

use super::*;
use jiff::civil::date;

fn calendar(event: &str) -> String {
    format!("\u{feff}BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n{event}END:VEVENT\r\nEND:VCALENDAR\r\n")
}

fn meeting(event: &str, today: Date) -> Result<Invite, InviteError> {
    let berlin = TimeZone::get("Europe/Berlin").unwrap();
    events(&calendar(event))?[0].meeting(today, &berlin)
}

#[test]
fn a_floating_time_is_local_and_a_utc_one_is_converted() {
    let floating = meeting("UID:a\r\nDTSTART:20261203T233000\r\n", date(2026, 12, 1)).unwrap();
    assert_eq!(floating.date, date(2026, 12, 3));
    assert_eq!(floating.start, "2026-12-03T23:30:00+01:00");
    let utc = meeting("UID:a\r\nDTSTART:20261203T233000Z\r\n", date(2026, 12, 1)).unwrap();
    assert_eq!(utc.date, date(2026, 12, 4));
    assert_eq!(utc.start, "2026-12-03T23:30:00+00:00");
}

#[test]
fn an_ended_series_takes_its_last_meeting_and_a_daily_one_of_days_the_next() {
    let ended = meeting(
        "DTSTART;TZID=Europe/Berlin:20260105T090000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n",
        date(2026, 12, 1),
    )
    .unwrap();
    assert_eq!(ended.date, date(2026, 1, 19));
    let days = meeting(
        "DTSTART;VALUE=DATE:20261120\r\nRRULE:FREQ=DAILY;INTERVAL=3\r\n",
        date(2026, 12, 1),
    )
    .unwrap();
    assert_eq!(days.date, date(2026, 12, 2));
    assert_eq!(days.start, "2026-12-02");
}

#[test]
fn a_start_that_is_no_date_and_a_rule_beyond_plain_days_are_named() {
    assert_eq!(
        meeting("SUMMARY:Sync\r\nDTSTART:tomorrow\r\n", date(2026, 12, 1)),
        Err(InviteError::BadStart {
            event: "`Sync`".into(),
            value: "tomorrow".into()
        })
    );
    let refused = meeting(
        "SUMMARY:Board\r\nDTSTART:20260113T090000Z\r\nRRULE:FREQ=MONTHLY;BYDAY=2TU\r\n",
        date(2026, 12, 1),
    )
    .unwrap_err()
    .to_string();
    assert!(
        refused.contains("`Board` repeats by a rule coach cannot follow: BYDAY"),
        "{refused}"
    );
    assert_eq!(
        events("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").unwrap_err(),
        InviteError::NoEvent
    );
}
