//! Turns one parsed YAML document into patterns and checklists, collecting
//! every problem on the way instead of stopping at the first.
//!
//! The built-in pack is read at start-up by `compiled.rs` instead (JSON from
//! build.rs, no checks): a new field of the pack format goes into both, and
//! a test there fails until both give the same language.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::clean::{clean, clean_value};
use super::reader::{child, describe, is_id, key, Reader, Reference};
use super::{Checklist, Choice, Depth, Kind, Origin, Pattern, Problem, Question};
use crate::model::answer;
use crate::suggest::did_you_mean;
use crate::yaml::locator::{SourceMap, Step};

/// Any fixed date will do for checking the form of a date default.
const DEFAULTS_CHECKED_ON: jiff::civil::Date = jiff::civil::date(2000, 1, 1);

/// The question ids every walk asks itself before any checklist question.
pub const HEADER_IDS: [&str; 3] = ["customer", "meeting", "date"];

const TOP_KEYS: [&str; 3] = ["language", "patterns", "checklists"];
const LANGUAGE_KEYS: [&str; 2] = ["title", "source"];
const PATTERN_KEYS: [&str; 8] = [
    "id",
    "name",
    "source",
    "summary",
    "uses",
    "tips",
    "depth",
    "questions",
];
const QUESTION_KEYS: [&str; 13] = [
    "id",
    "ask",
    "kind",
    "options",
    "required",
    "default",
    "help",
    "labels",
    "commitment",
    "on_yes",
    "remember",
    "depth",
    "glance",
];
const CHOICE_KEYS: [&str; 2] = ["label", "include"];
const CHECKLIST_KEYS: [&str; 5] = ["id", "title", "start", "meeting", "questions"];

/// What one file contributes to its pack.
#[derive(Debug, Default)]
pub struct PackFile {
    pub language: Option<(Option<String>, Option<String>, Origin)>,
    pub patterns: Vec<Pattern>,
    pub checklists: Vec<Checklist>,
    /// Pattern ids named by `uses`, `include` and `start`, checked once every
    /// pack is loaded (a pack may lead to patterns of another).
    pub references: Vec<Reference>,
}

pub fn pack_file(
    file: &str,
    text: &str,
    document: &Value,
    problems: &mut Vec<Problem>,
) -> PackFile {
    let mut reader = Reader {
        file,
        map: SourceMap::new(text),
        problems,
        references: Vec::new(),
    };
    let mut pack = reader.document(document);
    pack.references = reader.references;
    pack
}

impl Reader<'_> {
    fn document(&mut self, document: &Value) -> PackFile {
        let mut pack = PackFile::default();
        let fields = match document {
            Value::Object(fields) => fields,
            Value::Null => return pack,
            other => {
                let message = format!(
                    "expected a mapping with `patterns:`, found {}",
                    describe(other)
                );
                self.problem(&[], None, message);
                return pack;
            }
        };
        self.unknown_keys(fields, &TOP_KEYS, &[], None);
        if let Some(language) = fields.get("language") {
            pack.language = self.language(language);
        }
        let patterns_path = [key("patterns")];
        for (index, item) in self
            .sequence(fields.get("patterns"), &patterns_path, None)
            .iter()
            .enumerate()
        {
            let path = [key("patterns"), Step::Index(index)];
            if let Some(pattern) = self.pattern(item, &path) {
                pack.patterns.push(pattern);
            }
        }
        let checklists_path = [key("checklists")];
        for (index, item) in self
            .sequence(fields.get("checklists"), &checklists_path, None)
            .iter()
            .enumerate()
        {
            let path = [key("checklists"), Step::Index(index)];
            if let Some(checklist) = self.checklist(item, &path) {
                pack.checklists.push(checklist);
            }
        }
        pack
    }

    fn language(&mut self, value: &Value) -> Option<(Option<String>, Option<String>, Origin)> {
        let path = [key("language")];
        let fields = self.mapping(value, &path, None)?;
        self.unknown_keys(fields, &LANGUAGE_KEYS, &path, None);
        let title = self.optional_text(fields, "title", &path, None);
        let source = self.optional_text(fields, "source", &path, None);
        Some((title, source, self.origin(&path)))
    }

    fn pattern(&mut self, value: &Value, path: &[Step]) -> Option<Pattern> {
        let fields = self.mapping(value, path, None)?;
        let id = self.id(fields, path, None, "pattern");
        let subject = Some(format!("pattern `{}`", id.as_deref().unwrap_or("?")));
        self.unknown_keys(fields, &PATTERN_KEYS, path, subject.clone());
        let name = self.required_text(fields, "name", path, subject.clone());
        let summary = self.required_text(fields, "summary", path, subject.clone());
        let source = self.optional_text(fields, "source", path, subject.clone());
        let uses = self.id_list(fields, "uses", path, subject.clone());
        let tips = self.text_list(fields, "tips", path, subject.clone());
        // Unmarked, a pattern limits no walk: its questions' depths decide.
        let depth = match fields.contains_key("depth") {
            true => self.depth(fields, path, subject.clone()),
            false => Depth::Quick,
        };
        // Questions are checked even when the id is bad, so every problem shows at once.
        let owner = id.clone().unwrap_or_else(|| "?".to_string());
        let mut questions: Vec<(String, Vec<Question>)> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        if let Some(value) = fields.get("questions") {
            let questions_path = child(path, key("questions"));
            if let Some(by_checklist) = self.mapping(value, &questions_path, subject.clone()) {
                for (checklist, list) in by_checklist {
                    let list_path = child(&questions_path, key(checklist));
                    if !is_id(checklist) {
                        let message = format!(
                            "checklist id `{checklist}` must be lowercase letters, digits and '-'"
                        );
                        self.problem(&list_path, subject.clone(), message);
                    }
                    let parsed = self.questions(list, &list_path, Some(&owner), &mut seen);
                    questions.push((checklist.clone(), parsed));
                }
            }
        }
        Some(Pattern {
            origin: self.origin(path),
            id: id?,
            name: name?,
            source,
            summary: summary?,
            uses,
            tips,
            depth,
            questions,
            replaced: None,
        })
    }

    fn checklist(&mut self, value: &Value, path: &[Step]) -> Option<Checklist> {
        let fields = self.mapping(value, path, None)?;
        let id = self.id(fields, path, None, "checklist");
        let subject = Some(format!("checklist `{}`", id.as_deref().unwrap_or("?")));
        self.unknown_keys(fields, &CHECKLIST_KEYS, path, subject.clone());
        let title = self.optional_text(fields, "title", path, subject.clone());
        let start = self.id_list(fields, "start", path, subject.clone());
        // `meeting: false`: the walk asks no meeting title.
        let meeting = match fields.get("meeting") {
            None => true,
            Some(Value::Bool(meeting)) => *meeting,
            Some(other) => {
                let message = format!(
                    "`meeting` must be true or false (false: the walk asks no meeting title), found {}",
                    describe(other)
                );
                self.problem(&child(path, key("meeting")), subject.clone(), message);
                true
            }
        };
        let mut seen = HashSet::new();
        let questions = match fields.get("questions") {
            Some(list) => self.questions(list, &child(path, key("questions")), None, &mut seen),
            None => Vec::new(),
        };
        Some(Checklist {
            origin: self.origin(path),
            id: id?,
            title,
            start,
            meeting,
            questions,
        })
    }

    /// Questions of one checklist; `seen` holds the ids already used in the
    /// same pattern (a question id is unique across all of a pattern's checklists).
    fn questions(
        &mut self,
        value: &Value,
        path: &[Step],
        pattern: Option<&str>,
        seen: &mut HashSet<String>,
    ) -> Vec<Question> {
        let mut questions = Vec::new();
        let owner = pattern.map_or_else(|| "checklist".to_string(), |id| format!("pattern `{id}`"));
        for (index, item) in self
            .sequence(Some(value), path, Some(owner))
            .iter()
            .enumerate()
        {
            let item_path = child(path, Step::Index(index));
            if let Some(question) = self.question(item, &item_path, pattern) {
                if !seen.insert(question.id.clone()) {
                    let subject = Some(format!("question `{}`", question.id));
                    self.problem(&item_path, subject, "duplicate question id; question ids must be unique within a pattern or checklist");
                } else {
                    questions.push(question);
                }
            }
        }
        questions
    }

    fn question(
        &mut self,
        value: &Value,
        path: &[Step],
        pattern: Option<&str>,
    ) -> Option<Question> {
        let fields = self.mapping(value, path, None)?;
        let plain_id = self.id(
            fields,
            path,
            pattern.map(|id| format!("pattern `{id}`")),
            "question",
        );
        let full_id = match (pattern, &plain_id) {
            (Some(pattern), Some(id)) => Some(format!("{pattern}.{id}")),
            (None, id) => id.clone(),
            (Some(pattern), None) => Some(format!("{pattern}.?")),
        };
        let subject = Some(format!("question `{}`", full_id.as_deref().unwrap_or("?")));
        self.unknown_keys(fields, &QUESTION_KEYS, path, subject.clone());
        if pattern.is_none() {
            if let Some(id) = plain_id.as_deref().filter(|id| HEADER_IDS.contains(id)) {
                let message = format!("`{id}` is reserved for the header question every walk asks first; choose another id");
                self.problem(path, subject.clone(), message);
            }
        }
        let ask = self.required_text(fields, "ask", path, subject.clone());
        let help = self.optional_text(fields, "help", path, subject.clone());
        let kind = match fields.get("kind") {
            None => Some(Kind::Text),
            Some(Value::String(name)) => Kind::from_name(name).or_else(|| {
                let names = Kind::ALL.map(Kind::name);
                let hint = did_you_mean(name, names);
                let message = format!(
                    "unknown kind `{name}` (expected one of {}){hint}",
                    names.join(", ")
                );
                self.problem(&child(path, key("kind")), subject.clone(), message);
                None
            }),
            Some(other) => {
                let message = format!("`kind` must be text, found {}", describe(other));
                self.problem(&child(path, key("kind")), subject.clone(), message);
                None
            }
        };
        let required = match fields.get("required") {
            None => false,
            Some(Value::Bool(required)) => *required,
            Some(other) => {
                let message = format!(
                    "`required` must be true or false, found {}",
                    describe(other)
                );
                self.problem(&child(path, key("required")), subject.clone(), message);
                false
            }
        };
        let remember = match (fields.get("remember"), kind) {
            (None, _) => false,
            (Some(Value::Bool(remember)), Some(Kind::Text | Kind::Long) | None) => *remember,
            (Some(Value::Bool(_)), Some(kind)) => {
                let message = format!(
                    "`remember` offers the last answer as the default of a text or long question, not of a {} question; remove it",
                    kind.name()
                );
                self.problem(&child(path, key("remember")), subject.clone(), message);
                false
            }
            (Some(other), _) => {
                let message = format!(
                    "`remember` must be true or false, found {}",
                    describe(other)
                );
                self.problem(&child(path, key("remember")), subject.clone(), message);
                false
            }
        };
        let depth = self.depth(fields, path, subject.clone());
        let glance = match fields.get("glance") {
            None => false,
            Some(Value::Bool(glance)) => *glance,
            Some(other) => {
                let message = format!("`glance` must be true or false, found {}", describe(other));
                self.problem(&child(path, key("glance")), subject.clone(), message);
                false
            }
        };
        let options = self.choices(fields, path, kind, subject.clone());
        let labels = self.scale_labels(fields, path, kind, subject.clone());
        let promise = self.promise(fields, path, kind, subject.clone());
        let (kind, id, ask) = (kind?, full_id?, ask?);
        plain_id.as_ref()?;
        let mut question = Question {
            id,
            ask,
            kind,
            options,
            required,
            default: None,
            help,
            labels,
            promise,
            remember,
            depth,
            glance,
        };
        if let Some(default) = fields.get("default") {
            // Only the form of a default is checked here; relative dates are
            // resolved against the real today when a walk uses them, so the
            // pack loader needs neither the clock nor the time zone.
            match answer::from_value(&question, default, DEFAULTS_CHECKED_ON) {
                Ok(_) => question.default = Some(clean_value(default.clone())),
                Err(reason) => {
                    let message = format!("invalid `default`: {reason}");
                    self.problem(&child(path, key("default")), subject, message);
                }
            }
        }
        Some(question)
    }

    /// `depth`: quick, default or full; default when absent.
    fn depth(
        &mut self,
        fields: &Map<String, Value>,
        path: &[Step],
        subject: Option<String>,
    ) -> Depth {
        let Some(value) = fields.get("depth") else {
            return Depth::Default;
        };
        let names = Depth::ALL.map(Depth::name);
        let message = match value {
            Value::String(name) => match Depth::from_name(name) {
                Some(depth) => return depth,
                None => format!(
                    "unknown depth `{name}` (expected one of {}){}",
                    names.join(", "),
                    did_you_mean(name, names)
                ),
            },
            other => format!(
                "`depth` must be one of {}, found {}",
                names.join(", "),
                describe(other)
            ),
        };
        self.problem(&child(path, key("depth")), subject, message);
        Depth::Default
    }

    /// `labels`: two texts for the ends of a scale, or five, one per point.
    fn scale_labels(
        &mut self,
        fields: &Map<String, Value>,
        path: &[Step],
        kind: Option<Kind>,
        subject: Option<String>,
    ) -> Vec<String> {
        if !fields.contains_key("labels") {
            return Vec::new();
        }
        let labels = self.text_list(fields, "labels", path, subject.clone());
        let at = child(path, key("labels"));
        if kind.is_some_and(|kind| kind != Kind::Scale) {
            self.problem(&at, subject, "`labels` only apply to scale questions");
            return Vec::new();
        }
        if labels.len() != 2 && labels.len() != 5 {
            let message = format!(
                "`labels` needs 2 texts (for 1 and 5) or 5 (one per point), found {}",
                labels.len()
            );
            self.problem(&at, subject, message);
            return Vec::new();
        }
        labels
    }

    fn choices(
        &mut self,
        fields: &Map<String, Value>,
        path: &[Step],
        kind: Option<Kind>,
        subject: Option<String>,
    ) -> Vec<Choice> {
        let options_path = child(path, key("options"));
        let Some(value) = fields.get("options") else {
            if kind.is_some_and(Kind::has_options) {
                let message = format!(
                    "a {} question needs `options:`",
                    kind.map_or("", Kind::name)
                );
                self.problem(path, subject, message);
            }
            return Vec::new();
        };
        if let Some(kind) = kind.filter(|kind| !kind.has_options()) {
            let message = format!(
                "`options` only apply to select and multiselect questions, not {}",
                kind.name()
            );
            self.problem(&options_path, subject.clone(), message);
        }
        let mut choices: Vec<Choice> = Vec::new();
        // Labels seen so far, compared without ASCII case.
        let mut labels: HashSet<String> = HashSet::new();
        for (index, item) in self
            .sequence(Some(value), &options_path, subject.clone())
            .iter()
            .enumerate()
        {
            let item_path = child(&options_path, Step::Index(index));
            let choice = match item {
                Value::String(label) => Some(Choice {
                    label: clean("label", label),
                    include: Vec::new(),
                }),
                Value::Number(_) | Value::Bool(_) => Some(Choice {
                    label: item.to_string(),
                    include: Vec::new(),
                }),
                Value::Object(option) => {
                    self.unknown_keys(option, &CHOICE_KEYS, &item_path, subject.clone());
                    let label = self.required_text(option, "label", &item_path, subject.clone());
                    let include = self.id_list(option, "include", &item_path, subject.clone());
                    label.map(|label| Choice { label, include })
                }
                other => {
                    let message = format!(
                        "an option must be text or {{label, include}}, found {}",
                        describe(other)
                    );
                    self.problem(&item_path, subject.clone(), message);
                    None
                }
            };
            if let Some(choice) = choice {
                if choice.label.trim().is_empty() {
                    self.problem(&item_path, subject.clone(), "an option label is empty");
                } else if !labels.insert(choice.label.to_ascii_lowercase()) {
                    let message = format!("option `{}` is listed twice", choice.label);
                    self.problem(&item_path, subject.clone(), message);
                } else {
                    choices.push(choice);
                }
            }
        }
        if choices.is_empty() && kind.is_some_and(Kind::has_options) {
            self.problem(
                &options_path,
                subject,
                "`options` is empty; list at least one option",
            );
        }
        choices
    }
}
