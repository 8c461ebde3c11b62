//! A meeting invite read: the events of an .ics file, and the meeting one
//! of them means on a given day (its next occurrence, for a series).

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde_json::{json, Value};

use super::recur::Rule;
use super::{unescape, zones, InviteError};

/// One VEVENT, as written.
#[derive(Debug, Clone, Default)]
pub struct Event {
    pub uid: Option<String>,
    pub summary: Option<String>,
    /// DTSTART: its value and TZID.
    start: Option<(String, Option<String>)>,
    rrule: Option<String>,
    /// EXDATE values (each may list several), with their TZID.
    exdates: Vec<(String, Option<String>)>,
    organizer: Option<String>,
    attendees: Vec<String>,
    /// Zones the calendar defines with one fixed offset (Outlook's
    /// "Customized Time Zone"), by TZID.
    fixed_zones: Vec<(String, TimeZone)>,
}

/// The meeting an invite means: what a walk and its note take from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub uid: Option<String>,
    pub title: Option<String>,
    /// The day it falls on where coach runs.
    pub date: Date,
    /// When it starts, in the invite's own zone: `2026-12-03T10:00:00+01:00`,
    /// or `2026-12-03` for an all-day event.
    pub start: String,
    pub organizer: Option<String>,
    pub attendees: Vec<String>,
}

/// When an event starts.
#[derive(Debug, Clone)]
enum When {
    Day(Date),
    /// A date-time in a zone (UTC for a `Z` value, the local zone for a
    /// floating one).
    At(DateTime, TimeZone),
}

/// Every event of the calendars in `text`, in file order; an event that
/// only changes one occurrence of a series (RECURRENCE-ID) is left out.
pub fn events(text: &str) -> Result<Vec<Event>, InviteError> {
    // Files saved on Windows may start with a byte-order mark, which the
    // parser takes for the start of a line.
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text.to_ascii_uppercase().starts_with("BEGIN:VCALENDAR") {
        return Err(InviteError::NotICalendar(
            "it does not start with BEGIN:VCALENDAR".to_string(),
        ));
    }
    let mut events = Vec::new();
    for calendar in ical::IcalParser::new(text.as_bytes()) {
        let calendar = calendar.map_err(|error| InviteError::NotICalendar(error.to_string()))?;
        let fixed_zones = fixed_zones(&calendar.timezones);
        for event in calendar.events {
            if event
                .properties
                .iter()
                .any(|property| property.name.eq_ignore_ascii_case("RECURRENCE-ID"))
            {
                continue;
            }
            let mut event = Event::of(&event.properties);
            event.fixed_zones = fixed_zones.clone();
            events.push(event);
        }
    }
    if events.is_empty() {
        return Err(InviteError::NoEvent);
    }
    Ok(events)
}

/// The VTIMEZONEs whose every part has one offset: a zone of that offset
/// whatever the day. Zones with daylight saving must be named (IANA or
/// Windows): coach does not follow a VTIMEZONE's own rules.
fn fixed_zones(zones: &[ical::parser::ical::component::IcalTimeZone]) -> Vec<(String, TimeZone)> {
    let value = |properties: &[ical::property::Property], name: &str| {
        properties
            .iter()
            .find(|property| property.name.eq_ignore_ascii_case(name))
            .and_then(|property| property.value.clone())
    };
    zones
        .iter()
        .filter_map(|zone| {
            let tzid = value(&zone.properties, "TZID")?;
            let mut offsets: Vec<String> = zone
                .transitions
                .iter()
                .filter_map(|part| value(&part.properties, "TZOFFSETTO"))
                .collect();
            offsets.dedup();
            let [offset] = offsets.as_slice() else {
                return None;
            };
            Some((tzid, TimeZone::fixed(offset_of(offset)?)))
        })
        .collect()
}

/// `+0100`, `-0530` or `+013000` as an offset.
fn offset_of(text: &str) -> Option<jiff::tz::Offset> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |at: usize| {
        digits
            .get(at..at + 2)
            .map_or(0, |two| two.parse::<i32>().unwrap_or(0))
    };
    let seconds = part(0) * 3600 + part(2) * 60 + part(4);
    jiff::tz::Offset::from_seconds(sign * seconds).ok()
}

fn param(property: &ical::property::Property, name: &str) -> Option<String> {
    property
        .params
        .as_ref()?
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .and_then(|(_, values)| values.first().cloned())
}

/// `mailto:Anna@Northwind.example` → `anna@northwind.example`.
fn email(value: &str) -> Option<String> {
    let value = value.trim();
    let address = match value.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &value[7..],
        _ => value,
    };
    let address = address.trim().to_lowercase();
    address.contains('@').then_some(address)
}

impl Event {
    fn of(properties: &[ical::property::Property]) -> Event {
        let mut event = Event::default();
        for property in properties {
            let value = property.value.clone().unwrap_or_default();
            match property.name.to_ascii_uppercase().as_str() {
                "UID" => event.uid = Some(value.trim().to_string()),
                "SUMMARY" => event.summary = Some(unescape(&value).trim().to_string()),
                "DTSTART" => event.start = Some((value, param(property, "TZID"))),
                "RRULE" => event.rrule = Some(value),
                "EXDATE" => event.exdates.push((value, param(property, "TZID"))),
                "ORGANIZER" => event.organizer = email(&value),
                "ATTENDEE" => {
                    if let Some(address) = email(&value) {
                        if !event.attendees.contains(&address) {
                            event.attendees.push(address);
                        }
                    }
                }
                _ => {}
            }
        }
        event
    }

    /// How errors name the event.
    fn name(&self) -> String {
        match self
            .summary
            .as_deref()
            .filter(|summary| !summary.is_empty())
        {
            Some(summary) => format!("`{}`", crate::text::one_line(summary)),
            None => "without a title".to_string(),
        }
    }

    /// One line for a list to choose from: date, time and title.
    pub fn label(&self, today: Date, local: &TimeZone) -> String {
        let when = match self.meeting(today, local) {
            Ok(invite) => invite.start.replace('T', " ").chars().take(16).collect(),
            Err(_) => "(no start)".to_string(),
        };
        let title = self.summary.as_deref().unwrap_or("(no title)");
        format!("{when}  {}", crate::text::one_line(title))
    }

    /// The meeting this event means on `today`: its start, or for a series
    /// the first occurrence on or after today (the last one when the series
    /// has ended), on its day in `local`.
    pub fn meeting(&self, today: Date, local: &TimeZone) -> Result<Invite, InviteError> {
        let (value, tzid) = self
            .start
            .as_ref()
            .ok_or_else(|| InviteError::NoStart { event: self.name() })?;
        let start = self.when(value, tzid.as_deref(), local)?;
        let start = match &self.rrule {
            None => start,
            Some(rule) => self.occurrence(start, rule, today, local)?,
        };
        let (date, shown) = match &start {
            When::Day(date) => (*date, date.to_string()),
            When::At(at, zone) => {
                let zoned = at
                    .to_zoned(zone.clone())
                    .map_err(|_| self.bad_start(value))?;
                let shown = zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
                (zoned.with_time_zone(local.clone()).date(), shown)
            }
        };
        Ok(Invite {
            uid: self.uid.clone().filter(|uid| !uid.is_empty()),
            title: self.summary.clone().filter(|title| !title.is_empty()),
            date,
            start: shown,
            organizer: self.organizer.clone(),
            attendees: self.attendees.clone(),
        })
    }

    fn bad_start(&self, value: &str) -> InviteError {
        InviteError::BadStart {
            event: self.name(),
            value: crate::text::one_line(value),
        }
    }

    /// A DTSTART, EXDATE or UNTIL value read in the event's zone.
    fn when(&self, value: &str, tzid: Option<&str>, local: &TimeZone) -> Result<When, InviteError> {
        let value = value.trim();
        if value.len() == 8 {
            return Date::strptime("%Y%m%d", value)
                .map(When::Day)
                .map_err(|_| self.bad_start(value));
        }
        let (civil, utc) = match value.strip_suffix(['Z', 'z']) {
            Some(civil) => (civil, true),
            None => (value, false),
        };
        let at = DateTime::strptime("%Y%m%dT%H%M%S", civil).map_err(|_| self.bad_start(value))?;
        let zone = match (utc, tzid) {
            (true, _) => TimeZone::UTC,
            (false, Some(tzid)) => zones::resolve(tzid)
                .or_else(|| {
                    self.fixed_zones
                        .iter()
                        .find(|(name, _)| name == tzid)
                        .map(|(_, zone)| zone.clone())
                })
                .ok_or_else(|| InviteError::UnknownZone {
                    event: self.name(),
                    tzid: crate::text::one_line(tzid),
                })?,
            (false, None) => local.clone(),
        };
        Ok(When::At(at, zone))
    }

    fn occurrence(
        &self,
        start: When,
        rule: &str,
        today: Date,
        local: &TimeZone,
    ) -> Result<When, InviteError> {
        let failed = |reason: String| InviteError::Rule {
            event: self.name(),
            reason,
        };
        let rule = Rule::parse(rule).map_err(failed)?;
        let (first, zone) = match &start {
            When::Day(date) => (date.to_datetime(jiff::civil::Time::midnight()), None),
            When::At(at, zone) => (*at, Some(zone.clone())),
        };
        // Instants compare across zones; a date-only series compares days.
        let instant = |at: DateTime| -> Option<Timestamp> {
            zone.as_ref()
                .and_then(|zone| at.to_zoned(zone.clone()).ok())
                .map(|zoned| zoned.timestamp())
        };
        let until = match &rule.until {
            None => None,
            Some(until) => Some(
                self.when(until, None, zone.as_ref().unwrap_or(local))
                    .map_err(|_| failed(format!("UNTIL={until} is no date or date-time")))?,
            ),
        };
        let within = |at: DateTime| match &until {
            None => true,
            Some(When::Day(day)) => at.date() <= *day,
            Some(When::At(last, last_zone)) => {
                match (instant(at), last.to_zoned(last_zone.clone())) {
                    (Some(at), Ok(last)) => at <= last.timestamp(),
                    _ => at <= *last,
                }
            }
        };
        let mut excluded = Vec::new();
        for (values, tzid) in &self.exdates {
            for value in values.split(',') {
                match self.when(value, tzid.as_deref(), zone.as_ref().unwrap_or(local))? {
                    When::Day(day) => excluded.push((day, None)),
                    When::At(at, at_zone) => {
                        excluded.push((at.date(), at.to_zoned(at_zone).ok().map(|z| z.timestamp())))
                    }
                }
            }
        }
        let is_excluded = |at: DateTime| {
            excluded.iter().any(|(day, instant_of)| match instant_of {
                Some(excluded) => {
                    instant(at).or_else(|| at.to_zoned(local.clone()).ok().map(|z| z.timestamp()))
                        == Some(*excluded)
                }
                None => at.date() == *day,
            })
        };
        let local_day = |at: DateTime| match &zone {
            Some(zone) => at
                .to_zoned(zone.clone())
                .map(|zoned| zoned.with_time_zone(local.clone()).date())
                .unwrap_or(at.date()),
            None => at.date(),
        };
        let mut last = None;
        for at in rule.starts(first).take_while(|at| within(*at)) {
            if is_excluded(at) {
                continue;
            }
            last = Some(at);
            if local_day(at) >= today {
                break;
            }
        }
        let at = last.unwrap_or(first);
        Ok(match zone {
            Some(zone) => When::At(at, zone),
            None => When::Day(at.date()),
        })
    }
}

impl Invite {
    /// The note's `invite:` field.
    pub fn front_matter(&self) -> Value {
        let mut fields = serde_json::Map::new();
        if let Some(uid) = &self.uid {
            fields.insert("uid".into(), json!(uid));
        }
        fields.insert("start".into(), json!(self.start));
        if let Some(organizer) = &self.organizer {
            fields.insert("organizer".into(), json!(organizer));
        }
        fields.insert("attendees".into(), json!(self.attendees));
        Value::Object(fields)
    }

    /// The email domains of the organizer and attendees, each once.
    pub fn domains(&self) -> Vec<String> {
        let mut domains: Vec<String> = Vec::new();
        for address in self.organizer.iter().chain(&self.attendees) {
            if let Some((_, domain)) = address.rsplit_once('@') {
                if !domain.is_empty() && !domains.iter().any(|known| known == domain) {
                    domains.push(domain.to_string());
                }
            }
        }
        domains
    }
}

#[cfg(test)]
#[path = "invite_tests.rs"]
mod tests;
