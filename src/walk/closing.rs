//! A debrief closes the loop: which of the customer's open commitments were
//! kept. Asked once the customer is known (after the brief); given in
//! advance as `closed: [ids]`, checked against the open ones. The overdue
//! ones still open are then offered a new date (`reschedule.rs`).

use serde_json::Value;

use crate::memory::resolve::{resolve, Unresolved};
pub use crate::walk::open_promise::OpenPromise;
use crate::walk::prompter::Prompter;
use crate::walk::{Missing, State, Walk, WalkError};

/// The answer id under which the closed commitments are given and kept.
pub const CLOSED: &str = "closed";

/// The open commitments of a customer, for a walk that closes them.
pub type OpenOf<'a> = &'a dyn Fn(&str) -> Vec<OpenPromise>;

impl Walk<'_> {
    /// Which of the customer's open commitments were kept: given as
    /// `closed`, else asked when there is someone to ask.
    pub(super) fn close(
        &self,
        state: &mut State,
        prompter: &mut Option<&mut dyn Prompter>,
    ) -> Result<(), WalkError> {
        let Some(open_of) = self.open else {
            return Ok(());
        };
        let customer = state.walked.text("customer").unwrap_or_default();
        let open = open_of(&customer);
        if let Some(typed) = state.given_closed.take() {
            let chosen = chosen(&typed, &open, &customer).map_err(WalkError::Invalid)?;
            state.walked.closed = Some(chosen);
        } else if let (Missing::Prompt, Some(prompter), false) =
            (self.missing, prompter.as_deref_mut(), open.is_empty())
        {
            let picked = prompter
                .ask_closed(&open)
                .map_err(|error| state.stop(error))?;
            let chosen = open
                .iter()
                .filter(|promise| picked.contains(&promise.id))
                .cloned()
                .collect();
            state.walked.closed = Some(chosen);
        }
        self.reschedule(state, prompter, &open, &customer)
    }
}

/// The ids a `closed` answer names: a list of ids, or (from `--set`) one
/// text of ids separated by `;`, `,` or spaces.
pub fn given_ids(value: &Value) -> Result<Vec<String>, String> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::String(text) => Ok(text
            .split([';', ',', ' '])
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_string)
            .collect()),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::String(id) => Ok(id.trim().to_string()),
                other => Err(format!(
                    "`{CLOSED}`: `{other}` is no commitment id; give a list of ids such as [c-k3v9q2xa]"
                )),
            })
            .collect(),
        other => Err(format!(
            "`{CLOSED}`: `{other}` is no list of commitment ids; give one such as [c-k3v9q2xa]"
        )),
    }
}

/// The open commitments `typed` names (whole ids or unique prefixes), each
/// once, in the order typed; one problem line per id that names none.
pub fn chosen(
    typed: &[String],
    open: &[OpenPromise],
    customer: &str,
) -> Result<Vec<OpenPromise>, Vec<String>> {
    let known: Vec<&str> = open.iter().map(|promise| promise.id.as_str()).collect();
    let mut chosen: Vec<OpenPromise> = Vec::new();
    let mut problems = Vec::new();
    for typed in typed {
        match resolve(typed, &known) {
            Ok(at) if !chosen.iter().any(|promise| promise.id == known[at]) => {
                chosen.push(open[at].clone())
            }
            Ok(_) => {}
            Err(Unresolved::Unknown { typed, hint }) => problems.push(format!(
                "`{CLOSED}`: no open commitment of {customer} has the id `{typed}`{hint}; `coach due --customer \"{customer}\"` lists them"
            )),
            Err(error) => problems.push(format!("`{CLOSED}`: {error}")),
        }
    }
    if problems.is_empty() {
        Ok(chosen)
    } else {
        Err(problems)
    }
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
            due: None,
        }
    }

    #[test]
    fn closed_ids_come_as_a_list_or_as_one_text() {
        assert_eq!(
            given_ids(&json!(["c-a", "c-b"])),
            Ok(vec!["c-a".into(), "c-b".into()])
        );
        assert_eq!(
            given_ids(&json!("c-a; c-b")),
            Ok(vec!["c-a".into(), "c-b".into()])
        );
        assert!(given_ids(&json!({"c-a": 1})).is_err());
    }

    #[test]
    fn an_unknown_closed_id_is_named_with_a_suggestion() {
        let open = [open("c-k3v9q2xa"), open("c-zz000000")];
        let problems = chosen(&["c-k3v9q2xb".to_string()], &open, "Acme").unwrap_err();
        assert!(problems[0].contains("`c-k3v9q2xb`"), "{problems:?}");
        assert!(problems[0].contains("c-k3v9q2xa"), "{problems:?}");
        let picked = chosen(&["zz".to_string(), "c-zz000000".to_string()], &open, "Acme");
        assert_eq!(picked, Ok(vec![open[1].clone()]));
    }
}
