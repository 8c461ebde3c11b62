//! A question's promise keys: `commitment:` on a date or list question,
//! `on_yes:` on a confirm, checked as strictly as every other key.

use serde_json::{Map, Value};

use super::reader::{child, describe, key, Reader};
use super::Kind;
use crate::model::promise::{span_days, Promise};
use crate::yaml::locator::Step;

const ON_YES_KEYS: [&str; 2] = ["commitment", "due"];

impl Reader<'_> {
    /// What the question's answer promises; none when it has no promise key
    /// (or a wrong one, which is reported).
    pub(super) fn promise(
        &mut self,
        fields: &Map<String, Value>,
        path: &[Step],
        kind: Option<Kind>,
        subject: Option<String>,
    ) -> Option<Promise> {
        let commitment = fields
            .get("commitment")
            .and_then(|value| self.commitment(fields, value, path, kind, subject.clone()));
        let on_yes = fields
            .get("on_yes")
            .and_then(|value| self.on_yes(value, path, kind, subject));
        commitment.or(on_yes)
    }

    fn commitment(
        &mut self,
        fields: &Map<String, Value>,
        value: &Value,
        path: &[Step],
        kind: Option<Kind>,
        subject: Option<String>,
    ) -> Option<Promise> {
        let at = child(path, key("commitment"));
        let message = match (kind?, value) {
            (Kind::Date, Value::String(_)) => {
                return self
                    .required_text(fields, "commitment", path, subject)
                    .map(Promise::Dated)
            }
            (Kind::Date, other) => format!(
                "`commitment` of a date question is the promise's text, like `commitment: \"Send the next status update\"`; found {}",
                describe(other)
            ),
            (Kind::List, Value::Bool(true)) => return Some(Promise::EachItem),
            (Kind::List, other) => format!(
                "`commitment` of a list question must be `true` (each item becomes a commitment), found {}; leave it out for a list that promises nothing",
                describe(other)
            ),
            (Kind::Confirm, _) => "a confirm question promises on a yes: write `on_yes: {commitment: \"...\", due: 2d}` instead of `commitment`".to_string(),
            (Kind::Commitments, _) => "a commitments question makes commitments already; remove `commitment`".to_string(),
            (kind, _) => format!(
                "`commitment` only applies to date questions (the promise's text) and list questions (`true`), not {}; remove it or change the kind",
                kind.name()
            ),
        };
        self.problem(&at, subject, message);
        None
    }

    fn on_yes(
        &mut self,
        value: &Value,
        path: &[Step],
        kind: Option<Kind>,
        subject: Option<String>,
    ) -> Option<Promise> {
        let at = child(path, key("on_yes"));
        if let Some(kind) = kind.filter(|kind| *kind != Kind::Confirm) {
            let message = format!(
                "`on_yes` only applies to confirm questions, not {}; a date question takes `commitment: \"...\"`, a list `commitment: true`",
                kind.name()
            );
            self.problem(&at, subject, message);
            return None;
        }
        let fields = self.mapping(value, &at, subject.clone())?;
        self.unknown_keys(fields, &ON_YES_KEYS, &at, subject.clone());
        let what = self.required_text(fields, "commitment", &at, subject.clone());
        let days = match fields.get("due") {
            None => Some(0),
            Some(Value::String(text)) if span_days(text).is_some() => span_days(text),
            Some(other) => {
                let message = format!(
                    "`due` must be a span after the meeting in days or weeks, like 2d or 1w; found {}",
                    describe(other)
                );
                self.problem(&child(&at, key("due")), subject, message);
                None
            }
        };
        kind?;
        Some(Promise::OnYes {
            what: what?,
            days: days?,
        })
    }
}
