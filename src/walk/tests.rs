//! The walk driven by a scripted prompter: order, includes, given answers,
//! defaults, and interruption, without a terminal.

use std::collections::VecDeque;

use jiff::civil::date;
use serde_json::{json, Value};

use crate::language::{load_texts, Language, Question};
use crate::model::answer::Answer;
use crate::walk::closing::OpenPromise;
use crate::walk::prompter::{Prompter, Section, Stop};
use crate::walk::{Missing, Walk, WalkError};

const PACK: &str = "
patterns:
  - id: start
    name: Start
    summary: s
    uses: [next]
    questions:
      prep:
        - {id: mood, ask: Mood?, kind: select, options: [calm, {label: angry, include: [soothe]}]}
  - id: next
    name: Next
    summary: s
    questions:
      prep:
        - {id: when, ask: When?, kind: date, default: tomorrow}
        - {id: sure, ask: Sure?, kind: confirm, required: true}
  - id: soothe
    name: Soothe
    summary: s
    questions:
      prep:
        - {id: how, ask: How?}
checklists:
  - id: prep
    start: [start]
    questions:
      - {id: goal, ask: Goal?, required: true}
";

/// Answers from a script, in order; records what was asked.
struct Scripted {
    replies: VecDeque<Result<Option<Answer>, ()>>,
    asked: Vec<String>,
    sections: Vec<String>,
    /// The ids `ask_closed` picks, and the answers `ask_reschedule` gives.
    kept: Vec<String>,
    new_dates: VecDeque<Option<jiff::civil::Date>>,
}

impl Scripted {
    fn new(replies: Vec<Result<Option<Answer>, ()>>) -> Self {
        Scripted {
            replies: replies.into(),
            asked: Vec::new(),
            sections: Vec::new(),
            kept: Vec::new(),
            new_dates: VecDeque::new(),
        }
    }
}

impl Prompter for Scripted {
    fn begin_section(&mut self, section: &Section) -> Result<(), Stop> {
        let step = section
            .step
            .map(|(step, total)| format!(" {step}/{total}"))
            .unwrap_or_default();
        self.sections.push(format!("{}{step}", section.title));
        Ok(())
    }

    fn ask(
        &mut self,
        question: &Question,
        _default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        self.asked.push(question.id.clone());
        match self
            .replies
            .pop_front()
            .expect("a scripted reply for every question")
        {
            Ok(answer) => Ok(answer),
            Err(()) => Err(Stop::Interrupted),
        }
    }

    fn ask_closed(&mut self, _open: &[OpenPromise]) -> Result<Vec<String>, Stop> {
        Ok(self.kept.clone())
    }

    fn ask_reschedule(&mut self, promise: &OpenPromise) -> Result<Option<jiff::civil::Date>, Stop> {
        self.asked.push(format!("new date for {}", promise.id));
        Ok(self.new_dates.pop_front().flatten())
    }
}

fn language() -> Language {
    load_texts(&[("pack.yaml", PACK)]).unwrap()
}

fn walk<'a>(language: &'a Language, given: Vec<(&str, Value)>, missing: Missing) -> Walk<'a> {
    Walk {
        language,
        checklist: "prep",
        given: given
            .into_iter()
            .map(|(id, value)| (id.to_string(), value))
            .collect(),
        skipped: Vec::new(),
        missing,
        today: date(2026, 11, 22),
        brief: None,
        known: Vec::new(),
        open: None,
        depth: crate::language::Depth::Default,
    }
}

fn text(value: &str) -> Result<Option<Answer>, ()> {
    Ok(Some(Answer::Text(value.to_string())))
}

#[test]
fn asks_header_then_own_questions_then_patterns_and_follows_an_include() {
    let language = language();
    let mut prompter = Scripted::new(vec![
        text("Acme"),
        Ok(None),
        Ok(Some(Answer::Date(date(2026, 11, 24)))),
        text("Renew"),
        text("angry"),
        text("slowly"),
        Ok(None),
        Ok(Some(Answer::Yes(true))),
    ]);
    let walked = walk(&language, vec![], Missing::Prompt)
        .run(Some(&mut prompter))
        .unwrap();
    assert_eq!(
        prompter.asked,
        [
            "customer",
            "meeting",
            "date",
            "goal",
            "start.mood",
            "soothe.how",
            "next.when",
            "next.sure"
        ]
    );
    // The include joins right away, and the total grows with it.
    assert_eq!(
        prompter.sections,
        ["The meeting", "prep", "Start 1/2", "Soothe 2/3", "Next 3/3"]
    );
    assert_eq!(walked.patterns, ["start", "soothe", "next"]);
    assert_eq!(walked.answer("next.sure"), Some(&Answer::Yes(true)));
    assert_eq!(
        walked.answer("meeting"),
        None,
        "skipped optional questions stay unanswered"
    );
    assert!(walked.missing.is_empty());
}

#[test]
fn given_answers_are_not_asked_again() {
    let language = language();
    let given = vec![
        ("customer", json!("Acme")),
        ("goal", json!("Renew")),
        ("start.mood", json!("calm")),
        ("next.sure", json!(false)),
    ];
    let mut prompter = Scripted::new(vec![Ok(None), Ok(None), Ok(None)]);
    let walked = walk(&language, given, Missing::Prompt)
        .run(Some(&mut prompter))
        .unwrap();
    assert_eq!(prompter.asked, ["meeting", "date", "next.when"]);
    assert_eq!(walked.patterns, ["start", "next"], "calm includes nothing");
}

#[test]
fn without_a_prompter_defaults_apply_and_required_ones_are_missing() {
    let language = language();
    let walked = walk(
        &language,
        vec![("start.mood", json!("angry"))],
        Missing::UseDefaults,
    )
    .run(None)
    .unwrap();
    assert_eq!(walked.missing, ["customer", "goal", "next.sure"]);
    assert_eq!(
        walked.answer("date"),
        Some(&Answer::Date(date(2026, 11, 22))),
        "date defaults to today"
    );
    assert_eq!(
        walked.answer("next.when"),
        Some(&Answer::Date(date(2026, 11, 23))),
        "default `tomorrow`"
    );
    let asked: Vec<&str> = walked
        .asked
        .iter()
        .map(|question| question.id.as_str())
        .collect();
    assert!(
        asked.contains(&"soothe.how"),
        "an include from a given answer joins the walk"
    );
}

#[test]
fn invalid_given_answers_are_all_reported_before_anything_is_asked() {
    let language = language();
    let given = vec![
        ("start.mod", json!("calm")),
        ("next.sure", json!("perhaps")),
        ("next.when", json!("someday")),
    ];
    let mut prompter = Scripted::new(vec![]);
    let Err(WalkError::Invalid(problems)) =
        walk(&language, given, Missing::Prompt).run(Some(&mut prompter))
    else {
        panic!("invalid answers must fail the walk");
    };
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0].contains("did you mean `start.mood`?"),
        "{}",
        problems[0]
    );
    assert!(prompter.asked.is_empty());
}

#[test]
fn an_interrupted_walk_returns_every_answer_so_far() {
    let language = language();
    let given = vec![("next.sure", json!(true))];
    let mut prompter = Scripted::new(vec![
        text("Acme"),
        Ok(None),
        Ok(None),
        text("Renew"),
        Err(()),
    ]);
    let Err(WalkError::Interrupted(so_far)) =
        walk(&language, given, Missing::Prompt).run(Some(&mut prompter))
    else {
        panic!("the walk must stop");
    };
    let ids: Vec<&str> = so_far.answers.iter().map(|(id, _)| id.as_str()).collect();
    // The given answer that was not reached yet is kept too.
    assert_eq!(ids, ["customer", "goal", "next.sure"]);
    // meeting and date were left empty on purpose: a resume must not ask again.
    assert_eq!(so_far.skipped, ["meeting", "date"]);
}

#[test]
fn questions_skipped_before_are_not_asked_again() {
    let language = language();
    let mut walk = walk(
        &language,
        vec![("customer", json!("Acme")), ("goal", json!("Renew"))],
        Missing::Prompt,
    );
    walk.skipped = vec!["meeting".into(), "start.mood".into(), "next.sure".into()];
    let mut prompter = Scripted::new(vec![Ok(None), Ok(None), Ok(Some(Answer::Yes(false)))]);
    let walked = walk.run(Some(&mut prompter)).unwrap();
    // next.sure is required, so a stale skip does not hide it.
    assert_eq!(prompter.asked, ["date", "next.when", "next.sure"]);
    assert_eq!(
        walked.skipped,
        ["meeting", "date", "start.mood", "next.when"]
    );
}

#[test]
fn a_debrief_offers_a_new_date_for_each_overdue_promise_it_did_not_close() {
    let language = load_texts(&[(
        "pack.yaml",
        "checklists:\n  - id: debrief\n    questions:\n      - {id: went, ask: Went?}\n",
    )])
    .unwrap();
    let promise = |id: &str, due| OpenPromise {
        id: id.to_string(),
        what: id.to_string(),
        side: "ours".to_string(),
        who: None,
        due,
    };
    let open_of = |_: &str| {
        vec![
            promise("c-kept0001", Some(date(2026, 11, 1))),
            promise("c-late0001", Some(date(2026, 11, 2))),
            promise("c-late0002", Some(date(2026, 11, 3))),
            promise("c-soon0001", Some(date(2026, 12, 1))),
            promise("c-nodate01", None),
        ]
    };
    let mut walk = walk(&language, vec![], Missing::Prompt);
    walk.checklist = "debrief";
    walk.open = Some(&open_of);
    let mut prompter = Scripted::new(vec![text("Acme"), Ok(None), Ok(None), text("Well")]);
    prompter.kept = vec!["c-kept0001".to_string()];
    prompter.new_dates = vec![Some(date(2026, 11, 30)), None].into();
    let walked = walk.run(Some(&mut prompter)).unwrap();
    let offered: Vec<&String> = prompter
        .asked
        .iter()
        .filter(|asked| asked.starts_with("new date"))
        .collect();
    assert_eq!(
        offered,
        ["new date for c-late0001", "new date for c-late0002"]
    );
    let moved: Vec<(&str, jiff::civil::Date)> = walked
        .rescheduled
        .iter()
        .map(|moved| (moved.promise.id.as_str(), moved.to))
        .collect();
    assert_eq!(moved, [("c-late0001", date(2026, 11, 30))]);
}
