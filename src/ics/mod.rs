//! iCalendar in and out (RFC 5545) through the `ical` crate: meeting
//! invites read for a walk, open commitments written as to-dos.

pub mod invite;
mod recur;

pub mod todo;
mod zones;

/// Why an invite cannot start a walk: one line, naming the event.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InviteError {
    #[error("not an iCalendar file ({0})")]
    NotICalendar(String),
    #[error("the calendar holds no event (VEVENT)")]
    NoEvent,
    #[error("the event {event} has no start (DTSTART)")]
    NoStart { event: String },
    #[error("the event {event} starts at `{value}`, which is no date or date-time")]
    BadStart { event: String, value: String },
    #[error("the event {event} is in the time zone `{tzid}`, which is neither an IANA zone nor a Windows zone coach knows")]
    UnknownZone { event: String, tzid: String },
    #[error("the event {event} repeats by a rule coach cannot follow: {reason}")]
    Rule { event: String, reason: String },
}

/// A property's TEXT value as written, unescaped (RFC 5545 3.3.11).
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A TEXT value escaped for writing (RFC 5545 3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_escape_and_unescape_to_the_same_text() {
        let text = "Plan; pricing, roadmap\nand C:\\path";
        assert_eq!(escape(text), "Plan\\; pricing\\, roadmap\\nand C:\\\\path");
        assert_eq!(unescape(&escape(text)), text);
    }
}
