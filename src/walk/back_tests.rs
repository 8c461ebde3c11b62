//! Stepping back in a walk, driven by a scripted prompter.

use std::collections::VecDeque;

use jiff::civil::date;
use serde_json::json;

use crate::language::{load_texts, Question};
use crate::model::answer::Answer;
use crate::walk::prompter::{Prompter, Section, Stop};
use crate::walk::{Missing, Walk};

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
        - {id: when, ask: When?}
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
      - {id: goal, ask: Goal?}
";

/// Replies in order (None: `<`); records each question with the default offered.
struct Scripted {
    replies: VecDeque<Option<&'static str>>,
    asked: Vec<(String, Option<Answer>)>,
    shown: Vec<String>,
}

impl Prompter for Scripted {
    fn begin_section(&mut self, _section: &Section) -> Result<(), Stop> {
        Ok(())
    }

    fn show(&mut self, title: &str, _lines: &[String]) -> Result<(), Stop> {
        self.shown.push(title.to_string());
        Ok(())
    }

    fn ask(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        self.asked.push((question.id.clone(), default.cloned()));
        match self
            .replies
            .pop_front()
            .expect("a reply for every question")
        {
            Some(text) => Ok(Some(Answer::Text(text.to_string()))),
            None => Err(Stop::Back),
        }
    }
}

fn run(replies: Vec<Option<&'static str>>) -> (Scripted, crate::walk::Walked) {
    let language = load_texts(&[("pack.yaml", PACK)]).unwrap();
    let walk = Walk {
        language: &language,
        checklist: "prep",
        given: vec![
            ("customer".to_string(), json!("Acme")),
            ("meeting".to_string(), json!("Kickoff")),
            ("date".to_string(), json!("2026-11-24")),
        ],
        skipped: Vec::new(),
        missing: Missing::Prompt,
        today: date(2026, 11, 22),
        brief: None,
        known: Vec::new(),
        open: None,
        depth: crate::language::Depth::Default,
    };
    let mut prompter = Scripted {
        replies: replies.into(),
        asked: Vec::new(),
        shown: Vec::new(),
    };
    let walked = walk.run(Some(&mut prompter)).expect("the walk ends");
    (prompter, walked)
}

fn ids(asked: &[(String, Option<Answer>)]) -> Vec<&str> {
    asked.iter().map(|(id, _)| id.as_str()).collect()
}

#[test]
fn back_across_a_pattern_offers_the_old_answer_and_the_new_one_changes_the_includes() {
    let (prompter, walked) = run(vec![
        Some("Renew"),
        Some("angry"),
        // At soothe's question: back to the mood, in the pattern before.
        None,
        Some("calm"),
        Some("Friday"),
    ]);
    assert_eq!(
        ids(&prompter.asked),
        [
            "goal",
            "start.mood",
            "soothe.how",
            "start.mood",
            "next.when"
        ]
    );
    assert_eq!(
        prompter.asked[3].1,
        Some(Answer::Text("angry".to_string())),
        "the old answer is offered"
    );
    assert_eq!(walked.patterns, ["start", "next"]);
    assert_eq!(
        walked.answer("start.mood"),
        Some(&Answer::Text("calm".to_string()))
    );
    assert_eq!(
        walked.answer("goal"),
        Some(&Answer::Text("Renew".to_string()))
    );
    assert_eq!(walked.answer("soothe.how"), None);
}

#[test]
fn back_twice_reaches_the_question_before_and_back_at_the_first_says_so() {
    let (prompter, walked) = run(vec![
        // Nothing typed yet: said, and asked again.
        None,
        Some("Renew"),
        Some("calm"),
        None,
        None,
        Some("Expand"),
        Some("calm"),
        Some("Friday"),
    ]);
    assert_eq!(
        ids(&prompter.asked),
        [
            "goal",
            "goal",
            "start.mood",
            "next.when",
            "start.mood",
            "goal",
            "start.mood",
            "next.when"
        ]
    );
    assert_eq!(prompter.asked[5].1, Some(Answer::Text("Renew".to_string())));
    assert_eq!(prompter.shown.len(), 1, "{:?}", prompter.shown);
    assert!(prompter.shown[0].starts_with("Nothing to go back to"));
    assert_eq!(
        walked.answer("goal"),
        Some(&Answer::Text("Expand".to_string()))
    );
    assert_eq!(
        walked.answer("next.when"),
        Some(&Answer::Text("Friday".to_string()))
    );
}
