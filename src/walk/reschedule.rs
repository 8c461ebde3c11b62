//! A debrief moves what is late: for each of the customer's open
//! commitments that is overdue and was not just closed, a new due date
//! (optional, asked after the kept ones were chosen); given in advance as
//! `rescheduled: {id: date}`, checked against the open ones.

use jiff::civil::Date;
use serde_json::Value;

use crate::dates;
use crate::memory::resolve::{resolve, Unresolved};
use crate::walk::closing::OpenPromise;
use crate::walk::prompter::Prompter;
use crate::walk::{Missing, State, Walk, WalkError};

/// The answer id under which the new due dates are given and kept.
pub const RESCHEDULED: &str = "rescheduled";

/// An open commitment of the customer given a new due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rescheduled {
    pub promise: OpenPromise,
    pub to: Date,
}

impl Rescheduled {
    /// `Send the plan: 2026-12-05 → 2026-12-12`: one line, no id.
    pub fn label(&self) -> String {
        let from = self
            .promise
            .due
            .map_or_else(|| "no date".to_string(), |due| due.to_string());
        format!("{}: {from} → {}", self.promise.what, self.to)
    }
}

impl Walk<'_> {
    /// New due dates for the customer's open commitments (`open`): given
    /// as `rescheduled`, else asked for each overdue one not just closed
    /// when there is someone to ask.
    pub(super) fn reschedule(
        &self,
        state: &mut State,
        prompter: &mut Option<&mut dyn Prompter>,
        open: &[OpenPromise],
        customer: &str,
    ) -> Result<(), WalkError> {
        let closed: Vec<OpenPromise> = state.walked.closed.clone().unwrap_or_default();
        if let Some(value) = state.given_rescheduled.take() {
            let pairs = given_pairs(&value).map_err(|problem| WalkError::Invalid(vec![problem]))?;
            let chosen =
                chosen(&pairs, open, &closed, customer, self.today).map_err(WalkError::Invalid)?;
            state.walked.rescheduled = chosen;
            return Ok(());
        }
        let prompter = match (self.missing, prompter.as_deref_mut()) {
            (Missing::Prompt, Some(prompter)) => prompter,
            _ => return Ok(()),
        };
        let late = open.iter().filter(|promise| {
            promise.due.is_some_and(|due| due < self.today)
                && !closed.iter().any(|kept| kept.id == promise.id)
        });
        for promise in late {
            let asked = prompter
                .ask_reschedule(promise)
                .map_err(|error| state.stop(error))?;
            if let Some(to) = asked {
                state.walked.rescheduled.push(Rescheduled {
                    promise: promise.clone(),
                    to,
                });
            }
        }
        Ok(())
    }
}

/// The (id, date) texts a `rescheduled` answer gives: a mapping of ids to
/// dates, or (from `--set`) one text `id=date;id=date`.
pub fn given_pairs(value: &Value) -> Result<Vec<(String, String)>, String> {
    let form = "give a mapping of ids to dates such as {c-k3v9q2xa: 2026-12-12}, or `--set rescheduled=c-k3v9q2xa=2026-12-12;c-7e5sc5ti=+1w`";
    match value {
        Value::Null => Ok(Vec::new()),
        Value::String(text) => text
            .split([';', ','])
            .map(str::trim)
            .filter(|pair| !pair.is_empty())
            .map(|pair| match pair.split_once('=') {
                Some((id, date)) => Ok((id.trim().to_string(), date.trim().to_string())),
                None => Err(format!("`{RESCHEDULED}`: `{pair}` names no date; {form}")),
            })
            .collect(),
        Value::Object(map) => map
            .iter()
            .map(|(id, date)| match date {
                Value::String(date) => Ok((id.trim().to_string(), date.trim().to_string())),
                other => Err(format!(
                    "`{RESCHEDULED}`: `{id}`: `{other}` is not a date (use {})",
                    dates::ACCEPTED
                )),
            })
            .collect(),
        other => Err(format!(
            "`{RESCHEDULED}`: `{other}` is no mapping of commitment ids to dates; {form}"
        )),
    }
}

/// The open commitments `pairs` name (whole ids or unique prefixes) with
/// their new dates, in the order given; one problem line per id that names
/// none, per date that is none, and per commitment also `closed`.
pub fn chosen(
    pairs: &[(String, String)],
    open: &[OpenPromise],
    closed: &[OpenPromise],
    customer: &str,
    today: Date,
) -> Result<Vec<Rescheduled>, Vec<String>> {
    let known: Vec<&str> = open.iter().map(|promise| promise.id.as_str()).collect();
    let mut chosen: Vec<Rescheduled> = Vec::new();
    let mut problems = Vec::new();
    for (typed, date) in pairs {
        let to = dates::parse(date, today)
            .map_err(|why| problems.push(format!("`{RESCHEDULED}`: `{typed}`: {why}")));
        let promise = match resolve(typed, &known) {
            Ok(at) => &open[at],
            Err(Unresolved::Unknown { typed, hint }) => {
                problems.push(format!(
                    "`{RESCHEDULED}`: no open commitment of {customer} has the id `{typed}`{hint}; `coach due --customer \"{customer}\"` lists them"
                ));
                continue;
            }
            Err(error) => {
                problems.push(format!("`{RESCHEDULED}`: {error}"));
                continue;
            }
        };
        if closed.iter().any(|kept| kept.id == promise.id) {
            problems.push(format!(
                "`{RESCHEDULED}`: commitment `{}` is also `closed`; a kept promise needs no new date, so give it in one of the two",
                promise.id
            ));
            continue;
        }
        if chosen.iter().any(|done| done.promise.id == promise.id) {
            problems.push(format!(
                "`{RESCHEDULED}`: commitment `{}` is given more than one new date; keep one",
                promise.id
            ));
            continue;
        }
        if let Ok(to) = to {
            chosen.push(Rescheduled {
                promise: promise.clone(),
                to,
            });
        }
    }
    if problems.is_empty() {
        Ok(chosen)
    } else {
        Err(problems)
    }
}

/// The `rescheduled` answer a draft keeps: ids to new dates.
pub fn to_value(rescheduled: &[Rescheduled]) -> Value {
    Value::Object(
        rescheduled
            .iter()
            .map(|moved| {
                (
                    moved.promise.id.clone(),
                    Value::String(moved.to.to_string()),
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn open(id: &str) -> OpenPromise {
        OpenPromise {
            id: id.to_string(),
            what: format!("promise {id}"),
            side: "ours".to_string(),
            who: None,
            due: Some(jiff::civil::date(2026, 12, 1)),
        }
    }

    fn today() -> Date {
        jiff::civil::date(2026, 12, 10)
    }

    #[test]
    fn new_dates_come_as_a_mapping_or_as_one_text() {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(id, date)| (id.to_string(), date.to_string()))
                .collect()
        };
        assert_eq!(
            given_pairs(&json!({"c-a": "2026-12-12", "c-b": "+1w"})),
            Ok(pairs(&[("c-a", "2026-12-12"), ("c-b", "+1w")]))
        );
        assert_eq!(
            given_pairs(&json!("c-a=2026-12-12; c-b = next friday")),
            Ok(pairs(&[("c-a", "2026-12-12"), ("c-b", "next friday")]))
        );
        assert!(given_pairs(&json!(["c-a"])).is_err());
        assert!(given_pairs(&json!("c-a"))
            .unwrap_err()
            .contains("names no date"));
        assert!(given_pairs(&json!({"c-a": 5}))
            .unwrap_err()
            .contains("`c-a`"));
    }

    #[test]
    fn a_new_date_is_read_as_a_date_question_reads_it() {
        let open = [open("c-k3v9q2xa")];
        let given = [("c-k3".to_string(), "+2d".to_string())];
        let chosen = chosen(&given, &open, &[], "Acme", today()).unwrap();
        assert_eq!(chosen[0].to, jiff::civil::date(2026, 12, 12));
        assert_eq!(
            chosen[0].label(),
            "promise c-k3v9q2xa: 2026-12-01 → 2026-12-12"
        );
        let given = [("c-k3v9q2xa".to_string(), "soonish".to_string())];
        let problems = super::chosen(&given, &open, &[], "Acme", today()).unwrap_err();
        assert_eq!(
            problems,
            [format!(
                "`rescheduled`: `c-k3v9q2xa`: `soonish` is not a date (use {})",
                dates::ACCEPTED
            )]
        );
    }

    #[test]
    fn an_unknown_closed_or_doubled_id_is_refused() {
        let open = [open("c-k3v9q2xa"), open("c-zz000000")];
        let given = |id: &str| (id.to_string(), "2026-12-12".to_string());
        let problems = chosen(&[given("c-k3v9q2xb")], &open, &[], "Acme", today()).unwrap_err();
        assert!(
            problems[0].contains("did you mean `c-k3v9q2xa`?"),
            "{problems:?}"
        );
        let problems = chosen(&[given("zz")], &open, &open[1..], "Acme", today()).unwrap_err();
        assert!(problems[0].contains("also `closed`"), "{problems:?}");
        let problems = chosen(
            &[given("zz"), given("c-zz000000")],
            &open,
            &[],
            "Acme",
            today(),
        )
        .unwrap_err();
        assert!(problems[0].contains("more than one"), "{problems:?}");
    }
}
