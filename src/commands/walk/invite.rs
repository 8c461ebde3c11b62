//! `--from-ics FILE`: the meeting a walk is about, from a calendar invite.
//! Read before anything is asked; a bad invite stops the walk with one line.

use std::io::Write as _;
use std::path::Path;

use jiff::tz::TimeZone;
use serde_json::Value;

use crate::cli::WalkArgs;
use crate::commands::notes_source::Notes;
use crate::config::Config;
use crate::error::Error;
use crate::ics::invite::{self, Event, Invite};
use crate::walk::answers_file::{self, Given};

/// The invite's meeting, when `--from-ics` names one. `prompting`: a
/// terminal may be asked which event, and later which customer.
pub fn read(args: &WalkArgs, config: &Config, prompting: bool) -> Result<Option<Invite>, Error> {
    let Some(path) = &args.from_ics else {
        return Ok(None);
    };
    let shown = if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    };
    let text = if path == Path::new("-") {
        if args.answers.answers.as_deref() == Some(Path::new("-")) {
            return Err(Error::usage(
                "--from-ics - and --answers - cannot both read standard input; give one of them a file",
            ));
        }
        crate::capped_read::read_capped_stream(std::io::stdin().lock(), Path::new("-"))?
    } else {
        crate::capped_read::read_capped(path)?
    };
    let bad = |problem: String| Error::usage(format!("{shown}: {problem}; nothing was written"));
    let events = invite::events(&text).map_err(|error| bad(error.to_string()))?;
    let local = TimeZone::system();
    let event = choose(&events, args.event, prompting, config, &local, &shown)?;
    let meeting = event
        .meeting(config.today, &local)
        .map_err(|error| bad(error.to_string()))?;
    Ok(Some(meeting))
}

/// The event meant: the only one, the `--event N`th, or the one chosen at
/// a terminal.
fn choose<'e>(
    events: &'e [Event],
    number: Option<usize>,
    prompting: bool,
    config: &Config,
    local: &TimeZone,
    shown: &str,
) -> Result<&'e Event, Error> {
    let labels: Vec<String> = events
        .iter()
        .map(|event| event.label(config.today, local))
        .collect();
    let listed = || {
        labels
            .iter()
            .enumerate()
            .map(|(at, label)| format!("{}. {label}", at + 1))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match number {
        Some(number) => {
            return events.get(number.wrapping_sub(1)).ok_or_else(|| {
                Error::usage(format!(
                    "--event {number}: {shown} holds {} events: {}",
                    events.len(),
                    listed()
                ))
            })
        }
        None if events.len() == 1 => return Ok(&events[0]),
        None => {}
    }
    if !prompting {
        return Err(Error::Usage {
            message: format!("{shown} holds {} events: {}", events.len(), listed()),
            hint: Some("pass --event N to take the Nth".to_string()),
        });
    }
    match crate::ui::pick_one::pick(
        "Which meeting of the invite?",
        &labels,
        crate::ui::pick_one::nothing_written,
    ) {
        Ok(Some(at)) => Ok(&events[at]),
        Ok(None) => Err(Error::Cancelled("nothing was written".to_string())),
        Err(error) => Err(Error::PromptFailed {
            source: error,
            draft: None,
            command: "coach".to_string(),
        }),
    }
}

/// The header answers the invite gives, for those not given otherwise:
/// its title (when the checklist has one: `titled`), its day, and the customer its attendees point to. Without a
/// customer and no terminal to ask on, a usage error says to pass one.
pub fn header(
    meeting: &Invite,
    titled: bool,
    given: &mut Given,
    from_flags: &mut Vec<String>,
    notes: &Notes<'_>,
    prompting: bool,
) -> Result<(), Error> {
    let has = |given: &Given, id: &str| given.iter().any(|(known, _)| known == id);
    let mut add = |given: &mut Given, id: &str, value: String| {
        if !has(given, id) {
            answers_file::set(given, id.to_string(), Value::String(value));
            from_flags.push(id.to_string());
        }
    };
    // A checklist without a meeting title (a review) takes none.
    if let (Some(title), true) = (&meeting.title, titled) {
        add(given, "meeting", title.clone());
    }
    add(given, "date", meeting.date.to_string());
    if has(given, "customer") {
        return Ok(());
    }
    let domains = meeting.domains();
    match notes.customer_of_invite(&domains) {
        Some(customer) => {
            let _ = writeln!(
                std::io::stderr(),
                "coach: the customer is {}, from the invite's attendees",
                crate::text::visible_controls(&customer)
            );
            add(given, "customer", customer);
        }
        None if prompting => {}
        None => {
            let seen = if domains.is_empty() {
                "the invite names no attendees".to_string()
            } else {
                format!("no known customer matches {}", domains.join(", "))
            };
            return Err(Error::Usage {
                message: format!("the customer cannot be told from the invite: {seen}"),
                hint: Some("pass --customer NAME".to_string()),
            });
        }
    }
    Ok(())
}

/// The name of the prep note started from the same invite (by UID), when
/// it is in the customer's folder `dir`.
pub fn prep_link(
    invited: Option<&Invite>,
    notes: &Notes<'_>,
    customer: &str,
    dir: &Path,
    date: jiff::civil::Date,
) -> Option<String> {
    let uid = invited?.uid.as_deref()?;
    let prep = notes.prep_of_invite(customer, uid, date)?;
    (prep.parent() == Some(dir)).then_some(())?;
    Some(prep.file_name()?.to_str()?.to_string())
}
