//! Answers to questions, and the one set of checks every answer goes through.
//!
//! Typed answers, defaults in a pack, `--set ID=VALUE` and `--answers FILE` all
//! become an `Answer` here, so a scripted answer is held to exactly the same
//! rules as one typed at a prompt.

use jiff::civil::Date;
use serde_json::Value;

use crate::dates;
use crate::model::question::Promise;
use crate::model::{Kind, Question};
use crate::text::{one_line, strip_controls};

/// A promise made in a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    /// Given back from a note (`id: c-...`); a new one is made when a note
    /// is written, never before.
    pub id: Option<String>,
    pub what: String,
    pub due: Date,
    pub who: Option<String>,
    pub done: bool,
    /// The day it was closed (`closed:`, written by `coach done`), given
    /// back from a note; only a done commitment has one.
    pub closed: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// text, long and select.
    Text(String),
    Yes(bool),
    Scale(u8),
    Date(Date),
    /// list and multiselect.
    Items(Vec<String>),
    Commitments(Vec<Commitment>),
}

/// Checks a typed line (or `--set` value) against the question.
///
/// Lists and multiselect take items separated by `;`, commitments take
/// `what | due | who` entries separated by `;`.
pub fn from_text(question: &Question, text: &str, today: Date) -> Result<Answer, String> {
    let text = strip_controls(text);
    let text = text.trim();
    let answer = match question.kind {
        Kind::Long => non_empty(text).map(|text| Answer::Text(text.to_string())),
        // A one-line answer (a title, a name) stays on one line.
        Kind::Text => non_empty(text).map(|text| Answer::Text(one_line(text))),
        Kind::Confirm => match text.to_lowercase().as_str() {
            "y" | "yes" | "true" => Ok(Answer::Yes(true)),
            "n" | "no" | "false" => Ok(Answer::Yes(false)),
            _ => Err(format!("`{text}` is not yes or no")),
        },
        Kind::Select => choose(question, text).map(Answer::Text),
        Kind::MultiSelect => split_items(text)
            .map(|item| choose(question, item))
            .collect::<Result<Vec<_>, _>>()
            .map(Answer::Items),
        Kind::Scale => scale(
            text.parse::<i64>()
                .map_err(|_| format!("`{text}` is not a number from 1 to 5"))?,
        ),
        Kind::Date => dates::parse(text, today).map(Answer::Date),
        Kind::List => Ok(Answer::Items(
            split_items(text).map(str::to_string).collect(),
        )),
        Kind::Commitments => split_items(text)
            .map(|entry| commitment_from_text(entry, today))
            .collect::<Result<Vec<_>, _>>()
            .map(Answer::Commitments),
    }?;
    check_items(question, &answer, today)?;
    required_not_empty(question, answer)
}

/// A required list, multiselect or commitments answer needs one entry or more,
/// as a required text needs a character or more.
fn required_not_empty(question: &Question, answer: Answer) -> Result<Answer, String> {
    let empty = match &answer {
        Answer::Items(items) => items.is_empty(),
        Answer::Commitments(list) => list.is_empty(),
        _ => false,
    };
    if empty && question.required {
        Err("the answer is empty, and it is required".to_string())
    } else {
        Ok(answer)
    }
}

/// Checks a value from an answers file (YAML or JSON) against the question.
pub fn from_value(question: &Question, value: &Value, today: Date) -> Result<Answer, String> {
    let answer = from_value_any(question, value, today)?;
    check_items(question, &answer, today)?;
    required_not_empty(question, answer)
}

fn from_value_any(question: &Question, value: &Value, today: Date) -> Result<Answer, String> {
    // A promising question's answer as a note or a draft holds it: the
    // commitments it made, ids and all.
    if let (Some(_), Value::Array(entries)) = (&question.promise, value) {
        if entries.iter().any(Value::is_object) {
            return entries
                .iter()
                .map(|entry| commitment_from_value(entry, today))
                .collect::<Result<Vec<_>, _>>()
                .map(Answer::Commitments);
        }
    }
    let texts: &[Value] = match value {
        Value::Array(items) => items,
        single => std::slice::from_ref(single),
    };
    let as_text = matches!(
        question.kind,
        Kind::Text | Kind::Long | Kind::Select | Kind::MultiSelect | Kind::List
    );
    if as_text {
        if let Some(problem) = texts.iter().find_map(changed_number) {
            return Err(problem);
        }
    }
    match (question.kind, value) {
        (Kind::Confirm, Value::Bool(yes)) => Ok(Answer::Yes(*yes)),
        (Kind::Scale, Value::Number(number)) => scale(
            number
                .as_i64()
                .ok_or_else(|| format!("`{number}` is not a whole number from 1 to 5"))?,
        ),
        (Kind::List | Kind::MultiSelect, Value::Array(items)) => {
            let items = items
                .iter()
                .map(|item| scalar_text(item).ok_or_else(|| "each item must be text".to_string()))
                .collect::<Result<Vec<_>, _>>()?;
            if question.kind == Kind::List {
                return Ok(Answer::Items(
                    items
                        .iter()
                        .map(|item| strip_controls(item).trim().to_string())
                        .filter(|item| !item.is_empty())
                        .collect(),
                ));
            }
            items
                .iter()
                .map(|item| choose(question, item))
                .collect::<Result<Vec<_>, _>>()
                .map(Answer::Items)
        }
        (Kind::Commitments, Value::Array(entries)) => entries
            .iter()
            .map(|entry| commitment_from_value(entry, today))
            .collect::<Result<Vec<_>, _>>()
            .map(Answer::Commitments),
        (Kind::Commitments, Value::String(text)) => from_text(question, text, today),
        (Kind::Commitments, _) => Err("expected a list of {what, due, who} entries".to_string()),
        (_, Value::String(_) | Value::Number(_) | Value::Bool(_)) => {
            let text = scalar_text(value).unwrap_or_default();
            from_text(question, &text, today)
        }
        (_, Value::Null) => Err("the answer is empty".to_string()),
        (kind, _) => Err(format!(
            "expected {} for a {} question",
            kind.expects(),
            kind.name()
        )),
    }
}

impl Answer {
    /// The answer as plain data: what notes, drafts and `--json` hold, and
    /// what `from_value` reads back.
    pub fn to_value(&self) -> Value {
        match self {
            Answer::Text(text) => Value::String(text.clone()),
            Answer::Yes(yes) => Value::Bool(*yes),
            Answer::Scale(number) => Value::from(*number),
            Answer::Date(date) => Value::String(date.to_string()),
            Answer::Items(items) => Value::from(items.clone()),
            Answer::Commitments(commitments) => {
                commitments.iter().map(Commitment::to_value).collect()
            }
        }
    }

    /// The answer without control characters (see `strip_controls`): what
    /// a prompt hands on, whatever was typed or pasted.
    pub fn without_controls(self) -> Answer {
        let clean = |text: String| strip_controls(&text).into_owned();
        match self {
            Answer::Text(text) => Answer::Text(clean(text)),
            Answer::Items(items) => Answer::Items(items.into_iter().map(clean).collect()),
            Answer::Commitments(list) => Answer::Commitments(
                list.into_iter()
                    .map(|commitment| Commitment {
                        what: one_line(&commitment.what),
                        who: commitment.who.as_deref().map(one_line),
                        ..commitment
                    })
                    .collect(),
            ),
            other => other,
        }
    }

    /// Labels of the chosen options (select and multiselect).
    pub fn chosen(&self) -> Vec<&str> {
        match self {
            Answer::Text(label) => vec![label.as_str()],
            Answer::Items(labels) => labels.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

impl Commitment {
    pub fn to_value(&self) -> Value {
        let mut fields = serde_json::Map::new();
        if let Some(id) = &self.id {
            fields.insert("id".into(), Value::String(id.clone()));
        }
        fields.insert("what".into(), Value::String(self.what.clone()));
        fields.insert("due".into(), Value::String(self.due.to_string()));
        fields.insert(
            "who".into(),
            self.who.clone().map_or(Value::Null, Value::String),
        );
        fields.insert("done".into(), Value::Bool(self.done));
        // After `done`, where `coach done` writes it.
        if let Some(closed) = self.closed {
            fields.insert("closed".into(), Value::String(closed.to_string()));
        }
        Value::Object(fields)
    }
}

fn non_empty(text: &str) -> Result<&str, String> {
    if text.is_empty() {
        Err("the answer is empty".to_string())
    } else {
        Ok(text)
    }
}

fn scale(number: i64) -> Result<Answer, String> {
    u8::try_from(number)
        .ok()
        .filter(|number| (1..=5).contains(number))
        .map(Answer::Scale)
        .ok_or_else(|| format!("{number} is out of range: answer from 1 to 5"))
}

/// Matches an option label, ignoring case; the stored answer is the label as written.
/// Labels are one line (the loader flattens them), and so is the text matched.
fn choose(question: &Question, text: &str) -> Result<String, String> {
    let text = one_line(text);
    let text = text.as_str();
    question
        .options
        .iter()
        .find(|option| option.label.eq_ignore_ascii_case(text))
        .map(|option| option.label.clone())
        .ok_or_else(|| {
            let labels = question.options.iter().map(|option| option.label.as_str());
            let hint = crate::suggest::did_you_mean(text, labels);
            let all: Vec<String> = question
                .options
                .iter()
                .map(|option| format!("`{}`", option.label))
                .collect();
            format!(
                "`{text}` is not one of the options ({}){hint}",
                all.join(", ")
            )
        })
}

fn split_items(text: &str) -> impl Iterator<Item = &str> {
    text.split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// A number whose text would not be the one written (`1.50` read as 1.5,
/// `1e3` as 1000.0): only a JSON file (or a pack) still has such numbers, as
/// an answers file's YAML numbers are kept as written.
fn changed_number(value: &Value) -> Option<String> {
    match value {
        Value::Number(number) if number.is_f64() => Some(format!(
            "`{number}` was read as a number, and its text may differ from what was written; quote it (\"...\") to give it as text"
        )),
        _ => None,
    }
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(yes) => Some(yes.to_string()),
        _ => None,
    }
}

fn commitment_from_text(entry: &str, today: Date) -> Result<Commitment, String> {
    let parts: Vec<&str> = entry.split('|').map(str::trim).collect();
    if parts.len() > 3 {
        return Err(format!(
            "commitment `{}` has {} `|` fields; write `what | due | who` (a `|` cannot be part of one)",
            parts[0],
            parts.len()
        ));
    }
    let what = parts.first().copied().unwrap_or_default();
    let due = parts.get(1).copied().unwrap_or_default();
    let who = parts.get(2).copied().filter(|who| !who.is_empty());
    commitment(what, due, who, today)
}

fn commitment_from_value(entry: &Value, today: Date) -> Result<Commitment, String> {
    let Value::Object(fields) = entry else {
        return scalar_text(entry)
            .ok_or_else(|| "a commitment needs what and due".to_string())
            .and_then(|text| commitment_from_text(&text, today));
    };
    if let Some(unknown) = fields
        .keys()
        .find(|key| !["what", "due", "who", "id", "done", "closed"].contains(&key.as_str()))
    {
        let hint = crate::suggest::did_you_mean(unknown, ["what", "due", "who"]);
        return Err(format!("unknown commitment field `{unknown}`{hint}"));
    }
    let text = |key: &str| fields.get(key).and_then(scalar_text).unwrap_or_default();
    let who = text("who");
    let who = Some(who.as_str()).filter(|who| !who.trim().is_empty());
    let mut commitment = commitment(&text("what"), &text("due"), who, today)?;
    commitment.id = match fields.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) if is_commitment_id(id) => Some(id.clone()),
        Some(other) => {
            return Err(format!(
                "commitment `{}`: `id` {other} is not a commitment id (`c-` and 6 to 12 lowercase letters or digits); use the one a note gave (like `c-k3v9q2xa`) or leave it out",
                commitment.what
            ))
        }
    };
    commitment.done = match fields.get("done") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(done)) => *done,
        // An answers file gives YAML booleans as written (`true`, `True`).
        Some(Value::String(text)) if text.eq_ignore_ascii_case("true") => true,
        Some(Value::String(text)) if text.eq_ignore_ascii_case("false") => false,
        Some(_) => {
            return Err(format!(
                "commitment `{}`: `done` must be true or false",
                commitment.what
            ))
        }
    };
    commitment.closed = match fields.get("closed") {
        None | Some(Value::Null) => None,
        Some(value) => {
            let text = scalar_text(value).unwrap_or_default();
            let date = dates::parse(&text, today)
                .map_err(|error| format!("commitment `{}`: closed: {error}", commitment.what))?;
            Some(date)
        }
    };
    if commitment.closed.is_some() && !commitment.done {
        return Err(format!(
            "commitment `{}` has a `closed` date but is not done; set `done: true` or remove `closed`",
            commitment.what
        ));
    }
    Ok(commitment)
}

/// `c-` and 6 to 12 lowercase letters or digits: what notes write (older
/// notes have 6, newer 8), with room to grow. docs/notes.md says the same.
pub fn is_commitment_id(id: &str) -> bool {
    id.strip_prefix("c-").is_some_and(|rest| {
        (6..=12).contains(&rest.len())
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// `what` and `who` are one line each: a commitment is one task line of a note.
fn commitment(what: &str, due: &str, who: Option<&str>, today: Date) -> Result<Commitment, String> {
    let what = one_line(what);
    let what = what.as_str();
    if what.trim().is_empty() {
        return Err("a commitment needs a `what`".to_string());
    }
    if due.trim().is_empty() {
        return Err(format!("commitment `{}` needs a due date", what.trim()));
    }
    let due = dates::parse(due, today)
        .map_err(|error| format!("commitment `{}`: {error}", what.trim()))?;
    Ok(Commitment {
        id: None,
        what: what.trim().to_string(),
        due,
        who: who.map(one_line).filter(|who| !who.is_empty()),
        done: false,
        closed: None,
    })
}

/// One item of a promising list, `what | due | who`: the due date (none when
/// not given) and who (none when not given), or why the item is refused.
pub fn item(text: &str, today: Date) -> Result<(String, Option<Date>, Option<String>), String> {
    let parts: Vec<&str> = text.split('|').map(str::trim).collect();
    let what = one_line(parts[0]);
    if parts.len() > 3 {
        return Err(format!(
            "item `{what}` has {} `|` fields; write `what | due | who` (a `|` cannot be part of one)",
            parts.len()
        ));
    }
    if what.trim().is_empty() {
        return Err(format!(
            "item `{}` names no promise before its `|`",
            one_line(text)
        ));
    }
    let due = match parts.get(1).filter(|due| !due.is_empty()) {
        Some(due) => {
            Some(dates::parse(due, today).map_err(|error| format!("item `{what}`: {error}"))?)
        }
        None => None,
    };
    let who = parts
        .get(2)
        .map(|who| one_line(who))
        .filter(|who| !who.is_empty());
    Ok((what.trim().to_string(), due, who))
}

/// Checks every item of a promising list's answer; the first problem.
pub fn check_items(question: &Question, answer: &Answer, today: Date) -> Result<(), String> {
    match (&question.promise, answer) {
        (Some(Promise::EachItem), Answer::Items(items)) => items
            .iter()
            .try_for_each(|text| item(text, today).map(|_| ())),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Choice, Question};
    use jiff::civil::date;
    use serde_json::json;

    const TODAY: Date = date(2026, 11, 22);

    fn question(kind: Kind, options: &[&str]) -> Question {
        Question {
            id: "q".into(),
            ask: "Q?".into(),
            kind,
            options: options
                .iter()
                .map(|label| Choice {
                    label: (*label).into(),
                    include: Vec::new(),
                })
                .collect(),
            required: false,
            default: None,
            help: None,
            labels: Vec::new(),
            promise: None,
            remember: false,
            depth: crate::model::Depth::Default,
            glance: false,
            glance_label: None,
        }
    }

    #[test]
    fn typed_and_scripted_answers_agree() {
        let multi = question(Kind::MultiSelect, &["Email", "Phone"]);
        assert_eq!(
            from_text(&multi, "email; Phone", TODAY),
            from_value(&multi, &json!(["Email", "phone"]), TODAY)
        );
        let scale = question(Kind::Scale, &[]);
        assert_eq!(from_text(&scale, "4", TODAY), Ok(Answer::Scale(4)));
        assert_eq!(from_value(&scale, &json!(4), TODAY), Ok(Answer::Scale(4)));
        assert!(from_value(&scale, &json!(0), TODAY)
            .unwrap_err()
            .contains("out of range"));
        let confirm = question(Kind::Confirm, &[]);
        assert_eq!(
            from_text(&confirm, "Yes", TODAY),
            from_value(&confirm, &json!(true), TODAY)
        );
    }

    #[test]
    fn commitments_from_text_and_from_a_list() {
        let promises = question(Kind::Commitments, &[]);
        let typed = from_text(
            &promises,
            "Send plan | +3d | me; Call back | 2026-12-01",
            TODAY,
        )
        .unwrap();
        let Answer::Commitments(list) = typed else {
            panic!()
        };
        assert_eq!(
            list[0],
            Commitment {
                id: None,
                what: "Send plan".into(),
                due: date(2026, 11, 25),
                who: Some("me".into()),
                done: false,
                closed: None,
            }
        );
        assert_eq!(list[1].who, None);
        let listed = from_value(
            &promises,
            &json!([{"what": "Send plan", "due": "2026-11-25", "who": "me", "done": true}]),
            TODAY,
        )
        .unwrap();
        assert_eq!(
            listed,
            Answer::Commitments(vec![Commitment {
                done: true,
                ..list[0].clone()
            }])
        );
        assert!(from_value(&promises, &json!([{"what": "x"}]), TODAY)
            .unwrap_err()
            .contains("needs a due date"));
        assert!(
            from_value(&promises, &json!([{"wat": "x", "due": "today"}]), TODAY)
                .unwrap_err()
                .contains("did you mean `what`?")
        );
    }

    #[test]
    fn required_lists_and_commitments_refuse_empty_answers() {
        for kind in [Kind::List, Kind::MultiSelect, Kind::Commitments] {
            let mut required = question(kind, &["A"]);
            required.required = true;
            for empty in [json!([]), json!(""), json!("  ;  ")] {
                let error = from_value(&required, &empty, TODAY).unwrap_err();
                assert!(error.contains("empty"), "{kind:?} {empty}: {error}");
            }
            let optional = question(kind, &["A"]);
            assert!(from_value(&optional, &json!([]), TODAY).is_ok(), "{kind:?}");
        }
    }

    #[test]
    fn a_commitment_keeps_the_id_it_is_given() {
        let promises = question(Kind::Commitments, &[]);
        let given = json!([{"id": "c-k3v9q2xa", "what": "x", "due": "2026-12-01", "who": null, "done": false}]);
        let answer = from_value(&promises, &given, TODAY).unwrap();
        let Answer::Commitments(list) = &answer else {
            panic!()
        };
        assert_eq!(list[0].id.as_deref(), Some("c-k3v9q2xa"));
        assert_eq!(answer.to_value(), given);
        for id in [
            "x y",
            "c-abc",
            "c-ABCDEFGH",
            "c-abcdefghijklm",
            "c-abc-def",
            "k3v9q2xa",
        ] {
            let bad = json!([{"id": id, "what": "x", "due": "today"}]);
            assert!(
                from_value(&promises, &bad, TODAY)
                    .unwrap_err()
                    .contains("not a commitment id"),
                "{id}"
            );
        }
        for id in ["c-k3v9q2", "c-abcdefghijkl", "c-000000"] {
            let good = json!([{"id": id, "what": "x", "due": "today"}]);
            assert!(from_value(&promises, &good, TODAY).is_ok(), "{id}");
        }
    }

    #[test]
    fn a_closed_commitment_from_a_note_keeps_its_closing_date() {
        let promises = question(Kind::Commitments, &[]);
        let given = json!([{"id": "c-k3v9q2xa", "what": "x", "due": "2026-12-01", "who": null, "done": true, "closed": "2026-12-03"}]);
        let answer = from_value(&promises, &given, TODAY).unwrap();
        let Answer::Commitments(list) = &answer else {
            panic!()
        };
        assert_eq!(list[0].closed, Some(date(2026, 12, 3)));
        assert_eq!(
            answer.to_value(),
            given,
            "`closed` written back after `done`"
        );
        let open =
            json!([{"what": "x", "due": "2026-12-01", "done": false, "closed": "2026-12-03"}]);
        assert!(from_value(&promises, &open, TODAY)
            .unwrap_err()
            .contains("not done"));
        let bad = json!([{"what": "x", "due": "2026-12-01", "done": true, "closed": "soon"}]);
        assert!(from_value(&promises, &bad, TODAY)
            .unwrap_err()
            .contains("closed: `soon` is not a date"));
        let listed = json!([{"what": "x", "due": "2026-12-01", "done": true, "closed": ["x"]}]);
        assert!(from_value(&promises, &listed, TODAY).is_err());
    }

    #[test]
    fn a_commitment_with_a_fourth_field_is_refused() {
        let promises = question(Kind::Commitments, &[]);
        let error = from_text(&promises, "Send plan | +3d | me | extra", TODAY).unwrap_err();
        assert!(error.contains("4 `|` fields"), "{error}");
        assert!(from_value(&promises, &json!(["a | +1d | me | x"]), TODAY).is_err());
    }

    #[test]
    fn one_line_answers_are_flattened_to_one_line() {
        let text = question(Kind::Text, &[]);
        assert_eq!(
            from_value(&text, &json!("Kickoff\n---\n\n# Injected "), TODAY),
            Ok(Answer::Text("Kickoff --- # Injected".into()))
        );
    }

    #[test]
    fn a_commitments_what_and_who_are_flattened_to_one_line() {
        let promises = question(Kind::Commitments, &[]);
        let given =
            json!([{"what": "Send\nthe plan\n- [ ] x", "due": "2026-12-01", "who": "Dana\r\nLee"}]);
        let Ok(Answer::Commitments(list)) = from_value(&promises, &given, TODAY) else {
            panic!()
        };
        assert_eq!(list[0].what, "Send the plan - [ ] x");
        assert_eq!(list[0].who.as_deref(), Some("Dana Lee"));
        let typed = Answer::Commitments(vec![Commitment {
            what: "a\nb".into(),
            who: Some("c\nd".into()),
            ..list[0].clone()
        }]);
        let Answer::Commitments(list) = typed.without_controls() else {
            panic!()
        };
        assert_eq!(
            (list[0].what.as_str(), list[0].who.as_deref()),
            ("a b", Some("c d"))
        );
    }

    #[test]
    fn a_float_for_a_text_answer_must_be_quoted() {
        for kind in [Kind::Text, Kind::Long, Kind::List, Kind::Select] {
            let asked = question(kind, &["1.5"]);
            for value in [json!(1.5), json!([1e3])] {
                let error = from_value(&asked, &value, TODAY).unwrap_err();
                assert!(error.contains("quote it"), "{kind:?} {value}: {error}");
            }
            assert!(from_value(&asked, &json!("1.5"), TODAY).is_ok(), "{kind:?}");
        }
        let text = question(Kind::Text, &[]);
        assert_eq!(
            from_value(&text, &json!(12), TODAY),
            Ok(Answer::Text("12".into()))
        );
        let scale = question(Kind::Scale, &[]);
        assert_eq!(from_value(&scale, &json!("4"), TODAY), Ok(Answer::Scale(4)));
    }

    #[test]
    fn control_characters_never_survive_an_answer() {
        let text = question(Kind::Text, &[]);
        assert_eq!(
            from_text(&text, "a\u{0}b\u{1b}[2Jc\u{7f}d\u{85}e\u{9b}f", TODAY),
            Ok(Answer::Text("ab[2Jcdef".into()))
        );
        let long = question(Kind::Long, &[]);
        assert_eq!(
            from_value(&long, &json!("one\r\ntwo\tthree"), TODAY),
            Ok(Answer::Text("one\ntwo\tthree".into()))
        );
        let list = question(Kind::List, &[]);
        assert_eq!(
            from_value(&list, &json!(["\u{1b}x", "\u{7}"]), TODAY),
            Ok(Answer::Items(vec!["x".into()]))
        );
    }

    #[test]
    fn answers_round_trip_through_plain_values() {
        let cases = [
            (question(Kind::Text, &[]), Answer::Text("hello".into())),
            (question(Kind::Date, &[]), Answer::Date(date(2026, 12, 1))),
            (
                question(Kind::List, &[]),
                Answer::Items(vec!["a".into(), "b".into()]),
            ),
            (
                question(Kind::Select, &["A", "B"]),
                Answer::Text("B".into()),
            ),
        ];
        for (question, answer) in cases {
            assert_eq!(from_value(&question, &answer.to_value(), TODAY), Ok(answer));
        }
    }
}
