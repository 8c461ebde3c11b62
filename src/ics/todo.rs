//! A VCALENDAR of coach's own data: commitments as VTODOs (with an alarm
//! on the due day) and meetings as all-day VEVENTs, written through the
//! `ical` crate's emitter, which folds long lines.

use ical::generator::{Emitter, IcalCalendar, IcalEvent};
use ical::parser::ical::component::{IcalAlarm, IcalTodo};
use ical::property::Property;
use jiff::civil::Date;
use jiff::Timestamp;

/// One commitment.
pub struct Todo {
    /// Stable across runs: `c-k3v9q2xa@coach`.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub due: Option<Date>,
    /// Some when kept: the day it was closed, if known.
    pub done: Option<Option<Date>>,
}

/// One meeting, on its day.
pub struct DayEvent {
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub date: Date,
}

/// The alarm's time on the due day: nine in the morning.
const ALARM: &str = "PT9H";

fn property(name: &str, value: impl Into<String>, params: &[(&str, &str)]) -> Property {
    Property {
        name: name.to_string(),
        params: (!params.is_empty()).then(|| {
            params
                .iter()
                .map(|(key, value)| (key.to_string(), vec![value.to_string()]))
                .collect()
        }),
        value: Some(value.into()),
    }
}

fn text(name: &str, value: &str) -> Property {
    property(name, super::escape(value), &[])
}

fn day(date: Date) -> String {
    date.strftime("%Y%m%d").to_string()
}

/// The calendar, CRLF line ends; `now` is every item's DTSTAMP.
pub fn calendar(name: &str, events: &[DayEvent], todos: &[Todo], now: Timestamp) -> String {
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut calendar = IcalCalendar::new();
    calendar.properties = vec![
        property("VERSION", "2.0", &[]),
        property("PRODID", "-//coach//coach commitments//EN", &[]),
        property("CALSCALE", "GREGORIAN", &[]),
        text("X-WR-CALNAME", name),
    ];
    for event in events {
        let mut item = IcalEvent::new();
        item.properties = vec![
            text("UID", &event.uid),
            property("DTSTAMP", stamp.clone(), &[]),
            property("DTSTART", day(event.date), &[("VALUE", "DATE")]),
            property(
                "DTEND",
                day(event.date.tomorrow().unwrap_or(event.date)),
                &[("VALUE", "DATE")],
            ),
            text("SUMMARY", &event.summary),
            text("DESCRIPTION", &event.description),
            property("TRANSP", "TRANSPARENT", &[]),
        ];
        calendar.events.push(item);
    }
    for todo in todos {
        let mut item = IcalTodo::new();
        item.properties = vec![
            text("UID", &todo.uid),
            property("DTSTAMP", stamp.clone(), &[]),
            text("SUMMARY", &todo.summary),
            text("DESCRIPTION", &todo.description),
        ];
        if let Some(due) = todo.due {
            item.properties
                .push(property("DUE", day(due), &[("VALUE", "DATE")]));
        }
        match todo.done {
            None => item
                .properties
                .push(property("STATUS", "NEEDS-ACTION", &[])),
            Some(closed) => {
                item.properties.push(property("STATUS", "COMPLETED", &[]));
                if let Some(closed) = closed {
                    item.properties.push(property(
                        "COMPLETED",
                        format!("{}T000000Z", day(closed)),
                        &[],
                    ));
                }
            }
        }
        if let (Some(_), None) = (todo.due, todo.done) {
            let mut alarm = IcalAlarm::new();
            alarm.properties = vec![
                property("ACTION", "DISPLAY", &[]),
                property("TRIGGER", ALARM, &[("RELATED", "END")]),
                text("DESCRIPTION", &todo.summary),
            ];
            item.alarms.push(alarm);
        }
        calendar.todos.push(item);
    }
    fold(&calendar.generate())
}

/// Lines folded at 75 octets, as RFC 5545 3.1 asks, never inside a
/// character: the emitter folds at 75 characters, which is more than 75
/// octets for any text beyond ASCII.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    for line in text.replace("\r\n ", "").split_terminator("\r\n") {
        let mut room = 75;
        for c in line.chars() {
            if c.len_utf8() > room {
                out.push_str("\r\n ");
                room = 74;
            }
            out.push(c);
            room -= c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn lines_fold_at_75_octets_between_characters() {
        let todo = Todo {
            uid: "c-aaaaaaaa@coach".into(),
            summary: "Société Générale 北京客户 签合同 ".repeat(6),
            description: String::new(),
            due: None,
            done: None,
        };
        let text = calendar("coach", &[], &[todo], Timestamp::UNIX_EPOCH);
        for line in text.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!(
            "SUMMARY:{}\r\n",
            "Société Générale 北京客户 签合同 ".repeat(6)
        )));
    }

    #[test]
    fn a_todo_is_escaped_folded_and_read_back_by_the_parser() {
        let todo = Todo {
            uid: "c-k3v9q2xa@coach".into(),
            summary: "Send the plan; pricing, roadmap".into(),
            description: "Northwind Traders\nnorthwind/2026-12-01-prep.md; ".repeat(3) + "end",
            due: Some(date(2026, 12, 5)),
            done: None,
        };
        let text = calendar("coach", &[], &[todo], Timestamp::UNIX_EPOCH);
        assert!(text.lines().all(|line| line.len() <= 76), "{text}");
        assert!(text.contains("SUMMARY:Send the plan\\; pricing\\, roadmap\r\n"));
        assert!(text.contains("DUE;VALUE=DATE:20261205\r\n"));
        assert!(text.contains("TRIGGER;RELATED=END:PT9H\r\n"));
        let back = ical::IcalParser::new(text.as_bytes())
            .next()
            .unwrap()
            .unwrap();
        let description = back.todos[0]
            .properties
            .iter()
            .find(|p| p.name == "DESCRIPTION")
            .and_then(|p| p.value.clone())
            .unwrap();
        assert_eq!(
            super::super::unescape(&description),
            "Northwind Traders\nnorthwind/2026-12-01-prep.md; ".repeat(3) + "end"
        );
    }
}
