//! The note's "Reminders": a few tips, those of the patterns the answers
//! flagged first.

use std::collections::HashSet;

use crate::language::Language;
use crate::language::Pattern;
use crate::model::answer::Answer;
use crate::model::promise::Promise;
use crate::model::{Kind, Question};
use crate::notes::markdown::inline;
use crate::text::one_line;
use crate::walk::{includes, Walked};

/// The most tips the section holds.
pub const TIPS: usize = 5;

/// Whether an answer flags something: a chosen option that brought
/// patterns in, or a yes that made a promise.
fn flags(question: &Question, answer: &Answer) -> bool {
    let promised_yes = question.kind == Kind::Confirm
        && matches!(question.promise, Some(Promise::OnYes { .. }))
        && matches!(answer, Answer::Commitments(list) if !list.is_empty());
    promised_yes || !includes(question, answer).is_empty()
}

/// The walked patterns whose tips the note gives, in the order given: first
/// those whose answers flagged something and those such answers brought
/// in, then the other patterns that got answers, each in walk order.
fn chosen<'l>(walked: &Walked, language: &'l Language) -> Vec<&'l Pattern> {
    let flagging: Vec<&(Question, Answer)> = walked
        .answers
        .iter()
        .filter(|(question, answer)| flags(question, answer))
        .collect();
    let brought_in: HashSet<String> = flagging
        .iter()
        .flat_map(|(question, answer)| includes(question, answer))
        .collect();
    let flagged = |id: &str| {
        brought_in.contains(id)
            || walked
                .answers_for(id)
                .any(|(question, answer)| flags(question, answer))
    };
    let patterns: Vec<&Pattern> = walked
        .patterns
        .iter()
        .filter_map(|id| language.pattern(id))
        .collect();
    let (first, rest): (Vec<&Pattern>, Vec<&Pattern>) = patterns
        .into_iter()
        .partition(|pattern| flagged(&pattern.id));
    let answered = rest
        .into_iter()
        .filter(|pattern| walked.answers_for(&pattern.id).next().is_some());
    first.into_iter().chain(answered).collect()
}

/// `## Reminders` with the first tip of at most `TIPS` patterns; nothing
/// when none has a tip to give.
pub fn section(walked: &Walked, language: &Language) -> String {
    let tips: Vec<String> = chosen(walked, language)
        .into_iter()
        .filter_map(|pattern| {
            pattern
                .tips
                .first()
                .map(|tip| format!("- {} ({})\n", inline(tip), one_line(&pattern.name)))
        })
        .take(TIPS)
        .collect();
    if tips.is_empty() {
        String::new()
    } else {
        format!("\n## Reminders\n\n{}", tips.concat())
    }
}
