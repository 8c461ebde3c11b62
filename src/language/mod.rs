//! The pattern language: plain types loaded once from YAML packs.

mod builtin;
mod clean;
mod compiled;
#[cfg(test)]
mod compiled_shape;
mod fields;
mod loader;
mod parse;
mod problem;
mod promise_keys;
mod reader;
mod walk_order;

pub use crate::model::{Choice, Depth, Kind, Question};
#[cfg(test)]
pub use loader::load_texts;
pub use loader::{load, PackSource};
pub use parse::HEADER_IDS;
pub use problem::{Problem, LISTED};
pub use walk_order::WalkOrder;

use std::collections::HashMap;

/// Where something was defined: a file of a pack, and the line when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

/// The merged language of every loaded pack.
#[derive(Debug, Clone, Default)]
pub struct Language {
    pub title: Option<String>,
    pub source: Option<String>,
    /// In load order: a replaced pattern keeps the place of the one it replaced.
    pub patterns: Vec<Pattern>,
    pub checklists: Vec<Checklist>,
    /// Where each pattern id sits in `patterns`: lookups stay O(1) in large packs.
    index: HashMap<String, usize>,
}

#[derive(Debug, Clone)]
pub struct Pattern {
    pub id: String,
    pub name: String,
    pub source: Option<String>,
    pub summary: String,
    pub uses: Vec<String>,
    pub tips: Vec<String>,
    /// The shallowest walk that visits it along `uses` or `start`
    /// (`depth:`; quick when unmarked, so its questions decide); an
    /// option's `include` brings it into any walk.
    pub depth: Depth,
    /// Questions keyed by checklist id, in file order.
    pub questions: Vec<(String, Vec<Question>)>,
    pub origin: Origin,
    /// The earlier definition this one replaced, when a later pack redefined it.
    pub replaced: Option<Origin>,
}

#[derive(Debug, Clone)]
pub struct Checklist {
    pub id: String,
    pub title: Option<String>,
    pub start: Vec<String>,
    /// Whether the walk asks a meeting title (`meeting: false` says no:
    /// a review is of the relationship, not of one meeting).
    pub meeting: bool,
    pub questions: Vec<Question>,
    pub origin: Origin,
}

impl Language {
    /// Every pattern enters through `add_pattern`, which keeps the index.
    pub fn pattern(&self, id: &str) -> Option<&Pattern> {
        self.index.get(id).map(|&at| &self.patterns[at])
    }

    /// Adds a pattern, or replaces the one with its id in place (a later pack
    /// redefining it); the replacement remembers where the old one was.
    pub(crate) fn add_pattern(&mut self, mut pattern: Pattern) {
        match self.index.get(&pattern.id) {
            Some(&at) => {
                pattern.replaced = Some(self.patterns[at].origin.clone());
                self.patterns[at] = pattern;
            }
            None => {
                self.index.insert(pattern.id.clone(), self.patterns.len());
                self.patterns.push(pattern);
            }
        }
    }

    /// Adds a checklist, or replaces the one with its id in place.
    pub(crate) fn add_checklist(&mut self, checklist: Checklist) {
        match self
            .checklists
            .iter_mut()
            .find(|known| known.id == checklist.id)
        {
            Some(known) => *known = checklist,
            None => self.checklists.push(checklist),
        }
    }

    pub fn checklist(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|checklist| checklist.id == id)
    }

    /// Whether a walk of checklist `id` asks a meeting title: yes unless its
    /// checklist says `meeting: false`.
    pub fn asks_meeting(&self, id: &str) -> bool {
        self.checklist(id).is_none_or(|checklist| checklist.meeting)
    }

    /// Patterns whose `uses` name `id`: the reverse links.
    pub fn used_by(&self, id: &str) -> Vec<&Pattern> {
        self.patterns
            .iter()
            .filter(|pattern| pattern.uses.iter().any(|used| used == id))
            .collect()
    }

    /// Every checklist id that a checklist or a pattern's questions name,
    /// prep, debrief and review first.
    pub fn checklist_ids(&self) -> Vec<String> {
        let named = self
            .checklists
            .iter()
            .map(|checklist| checklist.id.as_str());
        let asked = self
            .patterns
            .iter()
            .flat_map(|pattern| pattern.questions.iter().map(|(id, _)| id.as_str()));
        let unique: std::collections::HashSet<&str> = named.chain(asked).collect();
        let mut ids: Vec<String> = unique.into_iter().map(str::to_string).collect();
        let rank = |id: &String| {
            ["prep", "debrief", "review"]
                .iter()
                .position(|known| known == id)
                .unwrap_or(3)
        };
        ids.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
        ids
    }

    pub fn question_count(&self) -> usize {
        let in_patterns: usize = self.patterns.iter().map(Pattern::question_count).sum();
        let in_checklists: usize = self
            .checklists
            .iter()
            .map(|checklist| checklist.questions.len())
            .sum();
        in_patterns + in_checklists
    }
}

impl Pattern {
    pub fn questions_for(&self, checklist: &str) -> &[Question] {
        self.questions
            .iter()
            .find(|(id, _)| id == checklist)
            .map_or(&[], |(_, questions)| questions.as_slice())
    }

    pub fn question_count(&self) -> usize {
        self.questions
            .iter()
            .map(|(_, questions)| questions.len())
            .sum()
    }
}
