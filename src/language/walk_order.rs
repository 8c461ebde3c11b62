//! The order in which a walk visits patterns.
//!
//! A walk of checklist C starts at C's `start` patterns and goes breadth-first
//! along `uses`, each pattern once (`uses` may form cycles). A pattern is
//! visited only when it has questions for C, but the search passes through the
//! others, so a pattern without questions still leads on. Without a checklist
//! or a `start`, the roots are the patterns no other pattern uses, and any
//! patterns the search never reaches follow in file order.
//!
//! A pattern that an option of C's questions `include`s is "include-only"
//! unless the search reaches it along `uses`: without a `start` it is no root
//! and the leftover sweep skips it, as it skips every pattern reachable from it
//! along `uses`. It enters the walk only when an option including it is chosen.
//!
//! A walk has a depth (`Depth`): it visits a pattern reached along `uses`
//! only when the pattern's own depth is within the walk's, and asks only the
//! questions within it. An included pattern is visited at any depth and asks
//! its questions down to the default depth. A pattern or question given an
//! answer in advance counts as within the walk's depth, so no scripted answer
//! is lost to a shallower walk.
//!
//! Every step is O(1) amortised: patterns are found by id through the
//! language's index, an included pattern is queued again rather than searched
//! for in the queue, the sweep resumes where it stopped, and `remaining` is
//! counted once and then kept up to date until an `include` changes the plan
//! (then it is counted again, once, when next asked).

use std::collections::{HashSet, VecDeque};

use super::{Depth, Language, Pattern, Question};

#[derive(Debug, Clone)]
pub struct WalkOrder<'a> {
    language: &'a Language,
    checklist: String,
    /// Patterns found but not yet visited, in visiting order.
    queue: VecDeque<&'a Pattern>,
    /// Patterns already queued or visited: each is visited once.
    found: HashSet<&'a str>,
    /// Patterns taken off the queue. An included pattern that was queued is
    /// queued again at the front; its later copy is then skipped.
    taken: HashSet<&'a str>,
    /// Without a `start`, unreached patterns follow in file order.
    sweep_leftovers: bool,
    /// Patterns before this index in file order are found or not for the sweep.
    sweep_from: usize,
    /// Include targets and what they lead to along `uses`: never swept in.
    include_only: HashSet<&'a str>,
    /// How many patterns are still to visit, while no `include` changed the plan.
    planned: Option<usize>,
    depth: Depth,
    /// Patterns an option included: visited whatever their depth.
    included: HashSet<&'a str>,
    /// Full ids of questions answered in advance: asked whatever their depth.
    given: HashSet<String>,
}

impl<'a> WalkOrder<'a> {
    /// A full walk: every pattern the links reach.
    #[cfg(test)]
    pub fn new(language: &'a Language, checklist: &str) -> Self {
        Self::at_depth(language, checklist, Depth::Full, HashSet::new())
    }

    /// A walk of `checklist` at `depth`; `given` holds the full ids of the
    /// questions answered in advance.
    pub fn at_depth(
        language: &'a Language,
        checklist: &str,
        depth: Depth,
        given: HashSet<String>,
    ) -> Self {
        // Without a `start`, unreached patterns follow in file order.
        let (start, sweep_leftovers): (Vec<&str>, bool) = match language.checklist(checklist) {
            Some(found) if !found.start.is_empty() => {
                (found.start.iter().map(String::as_str).collect(), false)
            }
            _ => (Vec::new(), true),
        };
        let include_only = if sweep_leftovers {
            Self::include_only(language, checklist)
        } else {
            HashSet::new()
        };
        let start = if sweep_leftovers {
            Self::roots(language, &include_only)
        } else {
            start
        };
        let mut order = WalkOrder {
            language,
            checklist: checklist.to_string(),
            queue: VecDeque::new(),
            found: HashSet::new(),
            taken: HashSet::new(),
            sweep_leftovers,
            sweep_from: 0,
            include_only,
            planned: None,
            depth,
            included: HashSet::new(),
            given,
        };
        for id in start {
            order.enqueue(id);
        }
        order
    }

    /// Patterns that no other pattern uses and no option includes, in file order.
    fn roots(language: &'a Language, include_only: &HashSet<&str>) -> Vec<&'a str> {
        let used: HashSet<&str> = language
            .patterns
            .iter()
            .flat_map(|pattern| {
                pattern
                    .uses
                    .iter()
                    .filter(move |id| **id != pattern.id)
                    .map(String::as_str)
            })
            .collect();
        language
            .patterns
            .iter()
            .map(|pattern| pattern.id.as_str())
            .filter(|id| !used.contains(id) && !include_only.contains(id))
            .collect()
    }

    /// The patterns an option of this checklist's questions includes, and every
    /// pattern reachable from them along `uses`.
    fn include_only(language: &'a Language, checklist: &str) -> HashSet<&'a str> {
        let own = language
            .checklist(checklist)
            .map(|found| found.questions.as_slice())
            .unwrap_or_default();
        let asked = language
            .patterns
            .iter()
            .flat_map(|pattern| pattern.questions_for(checklist));
        let mut pending: Vec<&'a Pattern> = own
            .iter()
            .chain(asked)
            .flat_map(|question| &question.options)
            .flat_map(|option| &option.include)
            .filter_map(|id| language.pattern(id))
            .collect();
        let mut reached = HashSet::new();
        while let Some(pattern) = pending.pop() {
            if reached.insert(pattern.id.as_str()) {
                pending.extend(pattern.uses.iter().filter_map(|id| language.pattern(id)));
            }
        }
        reached
    }

    fn enqueue(&mut self, id: &str) {
        if let Some(pattern) = self.language.pattern(id) {
            if self.found.insert(pattern.id.as_str()) {
                self.queue.push_back(pattern);
            }
        }
    }

    /// Brings patterns in right away, before the rest of the queue, in the
    /// order given (a select option's `include`). Visited ones are skipped.
    pub fn include(&mut self, ids: &[String]) {
        for id in ids.iter().rev() {
            let Some(pattern) = self.language.pattern(id) else {
                continue;
            };
            if self.taken.contains(pattern.id.as_str()) {
                continue;
            }
            // New, or queued: then it moves to the front (its later copy is skipped).
            self.found.insert(pattern.id.as_str());
            self.included.insert(pattern.id.as_str());
            self.planned = None;
            self.queue.push_front(pattern);
        }
    }

    /// How many patterns are still to visit, as the walk stands now.
    pub fn remaining(&mut self) -> usize {
        match self.planned {
            Some(count) => count,
            None => {
                let mut plan = self.clone();
                plan.planned = Some(0);
                let count = plan.count();
                self.planned = Some(count);
                count
            }
        }
    }

    fn has_questions(&self, pattern: &'a Pattern) -> bool {
        !self.questions(pattern).is_empty()
    }

    /// The questions of `pattern` this walk asks, in the pack's order.
    pub fn questions(&self, pattern: &'a Pattern) -> Vec<&'a Question> {
        let all = pattern.questions_for(&self.checklist);
        let given = |question: &Question| self.given.contains(&question.id);
        let limit = if self.included.contains(pattern.id.as_str()) {
            self.depth.max(Depth::Default)
        } else if self.depth.asks(pattern.depth) || all.iter().any(given) {
            self.depth
        } else {
            return Vec::new();
        };
        all.iter()
            .filter(|question| limit.asks(question.depth) || given(question))
            .collect()
    }

    /// The next pattern in file order that nothing reached, that has questions
    /// and that no option's `include` reserves.
    fn leftover(&mut self) -> Option<&'a Pattern> {
        let patterns = &self.language.patterns;
        while let Some(pattern) = patterns.get(self.sweep_from) {
            self.sweep_from += 1;
            if !self.found.contains(pattern.id.as_str())
                && !self.include_only.contains(pattern.id.as_str())
                && self.has_questions(pattern)
            {
                return Some(pattern);
            }
        }
        None
    }
}

impl<'a> Iterator for WalkOrder<'a> {
    type Item = &'a Pattern;

    fn next(&mut self) -> Option<&'a Pattern> {
        loop {
            if let Some(pattern) = self.queue.pop_front() {
                if !self.taken.insert(pattern.id.as_str()) {
                    continue;
                }
                for id in &pattern.uses {
                    self.enqueue(id);
                }
                if self.has_questions(pattern) {
                    // The plan counted this one: one fewer to go.
                    self.planned = self.planned.map(|count| count.saturating_sub(1));
                    return Some(pattern);
                }
                continue;
            }
            if !self.sweep_leftovers {
                return None;
            }
            let leftover = self.leftover()?;
            self.enqueue(&leftover.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::{load, load_texts, PackSource};

    fn ids(order: WalkOrder) -> Vec<String> {
        order.map(|pattern| pattern.id.clone()).collect()
    }

    fn builtin() -> Language {
        load(&[PackSource::Builtin]).expect("the built-in pack loads")
    }

    #[test]
    fn builtin_prep_starts_at_its_start_patterns_and_visits_each_once() {
        let language = builtin();
        let walked = ids(WalkOrder::new(&language, "prep"));
        let start = &language.checklist("prep").unwrap().start;
        assert_eq!(walked[0], start[0]);
        let mut unique = walked.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            walked.len(),
            "a pattern was visited twice: {walked:?}"
        );
        assert!(walked.iter().all(|id| !language
            .pattern(id)
            .unwrap()
            .questions_for("prep")
            .is_empty()));
        // Rising's links reach these from its-a-relationship-not-a-sale, through the cycle.
        for id in [
            "know-the-customer",
            "build-trust",
            "listen-listen-listen",
            "show-personal-integrity",
            "be-aware-of-boundaries",
        ] {
            assert!(
                walked.contains(&id.to_string()),
                "{id} missing from {walked:?}"
            );
        }
        // Only an angry customer brings this one in.
        assert!(!walked.contains(&"take-your-licks".to_string()));
    }

    #[test]
    fn builtin_visits_start_patterns_before_the_patterns_they_use() {
        let language = builtin();
        let walked = ids(WalkOrder::new(&language, "prep"));
        let starts: Vec<String> = language
            .checklist("prep")
            .unwrap()
            .start
            .iter()
            .filter(|id| {
                !language
                    .pattern(id)
                    .unwrap()
                    .questions_for("prep")
                    .is_empty()
            })
            .cloned()
            .collect();
        assert_eq!(walked[..starts.len()], starts[..]);
        let at = |id: &str| walked.iter().position(|walked| walked == id).unwrap();
        // Breadth-first: the first level of Rising's links before the second.
        assert!(at("know-the-customer") < at("be-responsive"));
        assert!(at("build-trust") < at("customer-meetings-go-early-stay-late"));
    }

    #[test]
    fn builtin_include_brings_patterns_in_next() {
        let language = builtin();
        let mut order = WalkOrder::new(&language, "prep");
        let first = order.next().unwrap();
        order.include(&[
            "take-your-licks".to_string(),
            "calm-first-then-the-topic".to_string(),
        ]);
        assert_eq!(order.next().unwrap().id, "take-your-licks");
        assert_eq!(order.next().unwrap().id, "calm-first-then-the-topic");
        let rest = ids(order);
        assert!(!rest.contains(&"take-your-licks".to_string()));
        assert!(!rest.contains(&first.id));
    }

    const CYCLE: &str = "
patterns:
  - id: a
    name: A
    summary: s
    uses: [b]
    questions: {prep: [{id: q, ask: A?}]}
  - id: b
    name: B
    summary: s
    uses: [c, a]
  - id: c
    name: C
    summary: s
    uses: [a, d]
    questions: {prep: [{id: q, ask: C?}]}
  - id: d
    name: D
    summary: s
    questions:
      prep:
        - id: mood
          ask: Mood?
          kind: select
          options: [fine, {label: angry, include: [e]}]
  - id: e
    name: E
    summary: s
    questions: {prep: [{id: q, ask: E?}], debrief: [{id: r, ask: E?}]}
  - id: f
    name: F
    summary: s
    uses: [f]
    questions: {debrief: [{id: q, ask: F?}]}
checklists:
  - id: prep
    start: [a]
";

    #[test]
    fn cycle_is_walked_once_and_passes_through_patterns_without_questions() {
        let language = load_texts(&[("cycle.yaml", CYCLE)]).unwrap();
        // b has no prep questions but still leads on to c; a is not revisited.
        assert_eq!(ids(WalkOrder::new(&language, "prep")), ["a", "c", "d"]);
    }

    #[test]
    fn include_adds_a_pattern_that_no_link_reaches() {
        let language = load_texts(&[("cycle.yaml", CYCLE)]).unwrap();
        let mut order = WalkOrder::new(&language, "prep");
        let walked: Vec<&str> = order
            .by_ref()
            .take(3)
            .map(|pattern| pattern.id.as_str())
            .collect();
        assert_eq!(walked, ["a", "c", "d"]);
        assert_eq!(order.remaining(), 0);
        order.include(&["e".to_string()]);
        assert_eq!(order.remaining(), 1);
        assert_eq!(ids(order), ["e"]);
    }

    #[test]
    fn without_a_checklist_roots_come_first_then_leftovers_in_file_order() {
        let language = load_texts(&[("cycle.yaml", CYCLE)]).unwrap();
        // debrief has no checklist: e (used by nobody) is a root; f uses only
        // itself, so it is a root too; nothing is left over.
        assert_eq!(ids(WalkOrder::new(&language, "debrief")), ["e", "f"]);
        // A pure cycle with no root is still walked, in file order.
        let ring = "
patterns:
  - {id: x, name: X, summary: s, uses: [y], questions: {review: [{id: q, ask: X?}]}}
  - {id: y, name: Y, summary: s, uses: [x], questions: {review: [{id: q, ask: Y?}]}}
";
        let language = load_texts(&[("ring.yaml", ring)]).unwrap();
        assert_eq!(ids(WalkOrder::new(&language, "review")), ["x", "y"]);
    }

    /// No `start`; `champion` (and `champion-detail`, which only it uses) is
    /// include-only; `shared` is both included and used by a root.
    const INCLUDES: &str = "
patterns:
  - id: meeting
    name: Meeting
    summary: s
    uses: [shared]
    questions:
      review:
        - id: champion
          ask: Who champions us?
          kind: select
          options: [nobody, {label: someone, include: [champion, shared]}]
  - id: champion
    name: Champion
    summary: s
    uses: [champion-detail]
    questions: {review: [{id: who, ask: Who?}]}
  - id: champion-detail
    name: Detail
    summary: s
    questions: {review: [{id: how, ask: How?}]}
  - id: shared
    name: Shared
    summary: s
    questions: {review: [{id: q, ask: Shared?}]}
  - id: other
    name: Other
    summary: s
    questions: {review: [{id: q, ask: Other?}]}
checklists:
  - id: review
    title: Review
";

    #[test]
    fn without_a_start_include_only_patterns_are_neither_roots_nor_leftovers() {
        let language = load_texts(&[("includes.yaml", INCLUDES)]).unwrap();
        let mut order = WalkOrder::new(&language, "review");
        assert_eq!(order.remaining(), 3);
        assert_eq!(ids(order), ["meeting", "other", "shared"]);
    }

    #[test]
    fn an_include_only_pattern_enters_when_its_option_is_chosen() {
        let language = load_texts(&[("includes.yaml", INCLUDES)]).unwrap();
        let mut order = WalkOrder::new(&language, "review");
        assert_eq!(order.next().unwrap().id, "meeting");
        assert_eq!(order.remaining(), 2);
        order.include(&["champion".to_string(), "shared".to_string()]);
        // The included pattern leads on along `uses`; `shared` is not repeated.
        assert_eq!(order.remaining(), 4);
        assert_eq!(
            ids(order),
            ["champion", "shared", "other", "champion-detail"]
        );
    }

    #[test]
    fn only_options_of_the_walked_checklist_make_a_pattern_include_only() {
        let pack = "
patterns:
  - id: a
    name: A
    summary: s
    questions:
      debrief: [{id: pick, ask: Pick?, kind: select, options: [{label: x, include: [b]}]}]
  - id: b
    name: B
    summary: s
    questions: {prep: [{id: q, ask: B?}], debrief: [{id: q2, ask: B?}]}
";
        let language = load_texts(&[("pack.yaml", pack)]).unwrap();
        // No prep question can include `b`: for prep it is an ordinary root.
        assert_eq!(ids(WalkOrder::new(&language, "prep")), ["b"]);
        assert_eq!(ids(WalkOrder::new(&language, "debrief")), ["a"]);
    }

    #[test]
    fn remaining_counts_down_without_recounting() {
        let language = load_texts(&[("includes.yaml", INCLUDES)]).unwrap();
        let mut order = WalkOrder::new(&language, "review");
        let mut seen = Vec::new();
        while order.remaining() > 0 {
            let before = order.remaining();
            seen.push(order.next().unwrap().id.clone());
            assert_eq!(order.remaining(), before - 1);
        }
        assert_eq!(seen, ["meeting", "other", "shared"]);
        assert!(order.next().is_none());
    }

    const DEPTHS: &str = "
patterns:
  - id: a
    name: A
    summary: s
    uses: [b, c]
    questions:
      prep:
        - {id: first, ask: First?, depth: quick}
        - {id: usual, ask: Usual?}
        - {id: deep, ask: Deep?, depth: full}
        - id: mood
          ask: Mood?
          kind: select
          options: [fine, {label: angry, include: [c]}]
  - id: b
    name: B
    summary: s
    depth: full
    uses: [d]
    questions: {prep: [{id: q, ask: B?}]}
  - id: c
    name: C
    summary: s
    depth: full
    questions: {prep: [{id: q, ask: C?}, {id: r, ask: R?, depth: full}]}
  - id: d
    name: D
    summary: s
    questions: {prep: [{id: q, ask: D?}]}
checklists:
  - id: prep
    start: [a]
";

    fn asked(order: &WalkOrder, id: &str) -> Vec<String> {
        let pattern = order.language.pattern(id).unwrap();
        order
            .questions(pattern)
            .iter()
            .map(|question| question.id.clone())
            .collect()
    }

    fn at<'a>(language: &'a Language, depth: Depth, given: &[&str]) -> WalkOrder<'a> {
        let given = given.iter().map(|id| id.to_string()).collect();
        WalkOrder::at_depth(language, "prep", depth, given)
    }

    #[test]
    fn a_walk_visits_and_asks_only_what_its_depth_reaches() {
        let language = load_texts(&[("depths.yaml", DEPTHS)]).unwrap();
        // b is full depth: passed through (it still leads on to d), not visited.
        assert_eq!(ids(at(&language, Depth::Default, &[])), ["a", "d"]);
        assert_eq!(ids(at(&language, Depth::Full, &[])), ["a", "b", "c", "d"]);
        // Quick: only a has a quick question.
        assert_eq!(ids(at(&language, Depth::Quick, &[])), ["a"]);
        let order = at(&language, Depth::Quick, &[]);
        assert_eq!(asked(&order, "a"), ["a.first"]);
        let order = at(&language, Depth::Default, &[]);
        assert_eq!(asked(&order, "a"), ["a.first", "a.usual", "a.mood"]);
        let order = at(&language, Depth::Full, &[]);
        assert_eq!(
            asked(&order, "a"),
            ["a.first", "a.usual", "a.deep", "a.mood"]
        );
    }

    #[test]
    fn an_included_pattern_joins_whatever_its_depth_with_its_default_questions() {
        let language = load_texts(&[("depths.yaml", DEPTHS)]).unwrap();
        for depth in [Depth::Quick, Depth::Default] {
            let mut order = at(&language, depth, &[]);
            assert_eq!(order.next().unwrap().id, "a");
            order.include(&["c".to_string()]);
            assert_eq!(order.next().unwrap().id, "c");
            assert_eq!(asked(&order, "c"), ["c.q"], "{depth}");
        }
    }

    #[test]
    fn a_question_answered_in_advance_is_asked_at_any_depth() {
        let language = load_texts(&[("depths.yaml", DEPTHS)]).unwrap();
        let order = at(&language, Depth::Default, &["a.deep", "b.q"]);
        assert_eq!(
            asked(&order, "a"),
            ["a.first", "a.usual", "a.deep", "a.mood"]
        );
        assert_eq!(
            ids(at(&language, Depth::Default, &["b.q"])),
            ["a", "b", "d"]
        );
    }
}
