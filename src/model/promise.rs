//! Questions whose answer is a promise: a pack's `commitment:` and `on_yes:`
//! keys, and how such an answer becomes commitments.
//!
//! The answer is checked as its kind is (a date, list items, yes or no);
//! once the walk knows the meeting date it becomes `Answer::Commitments`,
//! which notes, `--json`, `coach due` and `coach done` already know.

use jiff::civil::Date;
use jiff::Span;

use crate::model::answer::{Answer, Commitment};
use crate::model::Question;

pub use crate::model::answer::item;
pub use crate::model::question::{span_days, Promise, OURS};

/// The answer as the promises it makes: a date, the items of a list or a
/// yes become commitments (`who` is `me` unless an item names another);
/// anything else (a no, an answer that already is commitments, a question
/// that promises nothing) is kept. `meeting` is the meeting's date: the day
/// an undated item is due, and where `on_yes`'s span starts.
pub fn commit(question: &Question, answer: Answer, meeting: Date, today: Date) -> Answer {
    let promise = |what: &str, due: Date, who: Option<String>| Commitment {
        id: None,
        what: what.to_string(),
        due,
        who: who.or_else(|| Some(OURS.to_string())),
        done: false,
        closed: None,
    };
    match (&question.promise, answer) {
        (Some(Promise::Dated(what)), Answer::Date(due)) => {
            Answer::Commitments(vec![promise(what, due, None)])
        }
        (Some(Promise::EachItem), Answer::Items(items)) => {
            let mut list = Vec::new();
            for text in &items {
                match item(text, today) {
                    Ok((what, due, who)) => list.push(promise(&what, due.unwrap_or(meeting), who)),
                    // Checked when it was given; should one slip through, the
                    // answer stays a list rather than lose an item.
                    Err(_) => return Answer::Items(items),
                }
            }
            Answer::Commitments(list)
        }
        (Some(Promise::OnYes { what, days }), Answer::Yes(true)) => {
            let due = meeting
                .checked_add(Span::new().days(*days))
                .unwrap_or(meeting);
            Answer::Commitments(vec![promise(what, due, None)])
        }
        (_, answer) => answer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn spans_are_days_or_weeks() {
        assert_eq!(span_days("2d"), Some(2));
        assert_eq!(span_days("+1w"), Some(7));
        assert_eq!(span_days("10 days"), Some(10));
        assert_eq!(span_days("0d"), Some(0));
        for bad in ["", "d", "2", "2m", "-2d", "friday", "2026-12-01", "99999d"] {
            assert_eq!(span_days(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_item_gives_its_due_date_and_owner_when_it_names_them() {
        let today = date(2026, 11, 22);
        assert_eq!(
            item("Send the agenda | 2026-11-25", today),
            Ok(("Send the agenda".into(), Some(date(2026, 11, 25)), None))
        );
        assert_eq!(
            item("Bring a demo", today),
            Ok(("Bring a demo".into(), None, None))
        );
        assert_eq!(
            item("Call back | +2d | Dana", today),
            Ok((
                "Call back".into(),
                Some(date(2026, 11, 24)),
                Some("Dana".into())
            ))
        );
        assert!(item("x | soon", today)
            .unwrap_err()
            .contains("`soon` is not a date"));
        assert!(item(" | today", today)
            .unwrap_err()
            .contains("names no promise"));
        assert!(item("a | b | c | d", today)
            .unwrap_err()
            .contains("4 `|` fields"));
    }

    fn asking(kind: crate::model::Kind, promise: Promise) -> Question {
        Question {
            id: "q".into(),
            ask: "Q?".into(),
            kind,
            options: Vec::new(),
            required: false,
            default: None,
            help: None,
            labels: Vec::new(),
            promise: Some(promise),
            remember: false,
            depth: crate::model::Depth::Default,
            glance: false,
            glance_label: None,
        }
    }

    #[test]
    fn a_date_a_list_and_a_yes_become_commitments_and_a_no_stays_no() {
        use crate::model::answer::from_value;
        use crate::model::Kind;
        use serde_json::json;
        let (meeting, today) = (date(2026, 12, 1), date(2026, 11, 30));
        let whats = |answer: Answer| match answer {
            Answer::Commitments(list) => list
                .into_iter()
                .map(|c| (c.what, c.due, c.who.unwrap_or_default()))
                .collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        let dated = asking(Kind::Date, Promise::Dated("Send it".into()));
        let answer = from_value(&dated, &json!("2026-12-08"), today).unwrap();
        assert_eq!(
            whats(commit(&dated, answer, meeting, today)),
            [("Send it".into(), date(2026, 12, 8), "me".into())]
        );
        let list = asking(Kind::List, Promise::EachItem);
        let answer = from_value(&list, &json!(["A | +1d", "B | | Dana"]), today).unwrap();
        assert_eq!(
            whats(commit(&list, answer, meeting, today)),
            [
                ("A".into(), date(2026, 12, 1), "me".into()),
                ("B".into(), meeting, "Dana".into())
            ]
        );
        assert!(from_value(&list, &json!(["A | soon"]), today)
            .unwrap_err()
            .contains("item `A`: `soon` is not a date"));
        let yes = asking(
            Kind::Confirm,
            Promise::OnYes {
                what: "Own it".into(),
                days: 2,
            },
        );
        assert_eq!(
            whats(commit(&yes, Answer::Yes(true), meeting, today)),
            [("Own it".into(), date(2026, 12, 3), "me".into())]
        );
        assert_eq!(
            commit(&yes, Answer::Yes(false), meeting, today),
            Answer::Yes(false)
        );
        // As a note holds it: the commitment, id kept.
        let held = json!([{"id": "c-k3v9q2xa", "what": "Own it", "due": "2026-12-03", "who": "me", "done": false}]);
        let answer = from_value(&yes, &held, today).unwrap();
        assert_eq!(answer.to_value(), held);
        assert_eq!(commit(&yes, answer.clone(), meeting, today), answer);
    }
}
