//! The order in which a walk visits patterns.
//!
//! A walk of checklist C starts at C's `start` patterns and goes breadth-first
//! along `uses`, each pattern once (`uses` may form cycles). A pattern is
//! visited only when it has questions for C, but the search passes through the
//! others, so a pattern without questions still leads on. Without a checklist
//! or a `start`, the roots are the patterns no other pattern uses, and any
//! patterns the search never reaches follow in file order.

use std::collections::{HashSet, VecDeque};

use super::{Language, Pattern};

#[derive(Debug, Clone)]
pub struct WalkOrder<'a> {
    language: &'a Language,
    checklist: String,
    /// Patterns found but not yet visited, in visiting order.
    queue: VecDeque<&'a Pattern>,
    /// Patterns already queued or visited: each is visited once.
    found: HashSet<&'a str>,
    /// Without a `start`, unreached patterns follow in file order.
    sweep_leftovers: bool,
}

impl<'a> WalkOrder<'a> {
    pub fn new(language: &'a Language, checklist: &str) -> Self {
        let start: Vec<&str> = match language.checklist(checklist) {
            Some(found) if !found.start.is_empty() => {
                found.start.iter().map(String::as_str).collect()
            }
            _ => Self::roots(language),
        };
        let sweep_leftovers = language
            .checklist(checklist)
            .is_none_or(|found| found.start.is_empty());
        let mut order = WalkOrder {
            language,
            checklist: checklist.to_string(),
            queue: VecDeque::new(),
            found: HashSet::new(),
            sweep_leftovers,
        };
        for id in start {
            order.enqueue(id);
        }
        order
    }

    /// Patterns that no other pattern uses, in file order.
    fn roots(language: &Language) -> Vec<&str> {
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
            .filter(|id| !used.contains(id))
            .collect()
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
            if let Some(at) = self.queue.iter().position(|queued| queued.id == pattern.id) {
                self.queue.remove(at);
            } else if !self.found.insert(pattern.id.as_str()) {
                continue;
            }
            self.queue.push_front(pattern);
        }
    }

    /// How many patterns are still to visit, as the walk stands now.
    pub fn remaining(&self) -> usize {
        self.clone().count()
    }

    fn has_questions(&self, pattern: &Pattern) -> bool {
        !pattern.questions_for(&self.checklist).is_empty()
    }
}

impl<'a> Iterator for WalkOrder<'a> {
    type Item = &'a Pattern;

    fn next(&mut self) -> Option<&'a Pattern> {
        loop {
            if let Some(pattern) = self.queue.pop_front() {
                for id in &pattern.uses {
                    self.enqueue(id);
                }
                if self.has_questions(pattern) {
                    return Some(pattern);
                }
                continue;
            }
            if !self.sweep_leftovers {
                return None;
            }
            let language = self.language;
            let leftover = language.patterns.iter().find(|pattern| {
                !self.found.contains(pattern.id.as_str()) && self.has_questions(pattern)
            })?;
            self.enqueue(&leftover.id);
        }
    }
}
