//! Reading single fields of a pack document: ids, text, lists, mappings,
//! each with its type checked and every problem reported where it is.

use serde_json::{Map, Value};

use super::clean::clean;
use super::reader::{child, describe, is_id, key, Reader, Reference};
use super::Problem;
use crate::suggest::did_you_mean;
use crate::yaml::locator::Step;

impl Reader<'_> {
    pub(super) fn id(
        &mut self,
        fields: &Map<String, Value>,
        path: &[Step],
        subject: Option<String>,
        what: &str,
    ) -> Option<String> {
        let id = self.required_text(fields, "id", path, subject.clone())?;
        if is_id(&id) {
            return Some(id);
        }
        let message = format!(
            "{what} id `{id}` must be lowercase letters, digits and '-' (for example `{}`)",
            slug_like(&id)
        );
        self.problem(&child(path, key("id")), subject, message);
        None
    }

    pub(super) fn required_text(
        &mut self,
        fields: &Map<String, Value>,
        name: &str,
        path: &[Step],
        subject: Option<String>,
    ) -> Option<String> {
        if fields.contains_key(name) {
            let text = self.optional_text(fields, name, path, subject.clone())?;
            if !text.trim().is_empty() {
                return Some(text);
            }
            self.problem(
                &child(path, key(name)),
                subject,
                format!("`{name}` is empty"),
            );
            return None;
        }
        self.problem(path, subject, format!("missing required field `{name}`"));
        None
    }

    pub(super) fn optional_text(
        &mut self,
        fields: &Map<String, Value>,
        name: &str,
        path: &[Step],
        subject: Option<String>,
    ) -> Option<String> {
        match fields.get(name)? {
            Value::String(text) => Some(clean(name, text)),
            other => {
                let message = format!(
                    "`{name}` must be text, found {}; quote it if it is meant as text",
                    describe(other)
                );
                self.problem(&child(path, key(name)), subject, message);
                None
            }
        }
    }

    /// A list of texts, each cleaned as `clean` does for the field.
    pub(super) fn text_list(
        &mut self,
        fields: &Map<String, Value>,
        name: &str,
        path: &[Step],
        subject: Option<String>,
    ) -> Vec<String> {
        let texts = self.raw_text_list(fields, name, path, subject);
        texts.iter().map(|text| clean(name, text)).collect()
    }

    /// A list of texts as written (ids, which are checked instead).
    fn raw_text_list(
        &mut self,
        fields: &Map<String, Value>,
        name: &str,
        path: &[Step],
        subject: Option<String>,
    ) -> Vec<String> {
        let list_path = child(path, key(name));
        let mut texts = Vec::new();
        for (index, item) in self
            .sequence(fields.get(name), &list_path, subject.clone())
            .iter()
            .enumerate()
        {
            match item {
                Value::String(text) => texts.push(text.clone()),
                other => {
                    let message = format!(
                        "each item of `{name}` must be text, found {}",
                        describe(other)
                    );
                    self.problem(
                        &child(&list_path, Step::Index(index)),
                        subject.clone(),
                        message,
                    );
                }
            }
        }
        texts
    }

    pub(super) fn id_list(
        &mut self,
        fields: &Map<String, Value>,
        name: &str,
        path: &[Step],
        subject: Option<String>,
    ) -> Vec<String> {
        let ids = self.raw_text_list(fields, name, path, subject.clone());
        for id in ids.iter().filter(|id| !is_id(id)) {
            let message = format!("`{name}` names `{id}`, which is not a pattern id (lowercase letters, digits and '-')");
            self.problem(&child(path, key(name)), subject.clone(), message);
        }
        let ids: Vec<String> = ids.into_iter().filter(|id| is_id(id)).collect();
        let list_path = child(path, key(name));
        for (index, id) in ids.iter().enumerate() {
            let position = self.map.position(&child(&list_path, Step::Index(index)));
            self.references.push(Reference {
                target: id.clone(),
                field: name.to_string(),
                problem: Problem::in_file(self.file, String::new())
                    .at(position)
                    .about(subject.clone()),
            });
        }
        ids
    }

    /// The items of a sequence; a missing field is an empty sequence.
    pub(super) fn sequence<'v>(
        &mut self,
        value: Option<&'v Value>,
        path: &[Step],
        subject: Option<String>,
    ) -> &'v [Value] {
        match value {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                let name = path.iter().rev().find_map(|step| match step {
                    Step::Key(name) => Some(name.as_str()),
                    Step::Index(_) => None,
                });
                let message = format!(
                    "`{}` must be a list, found {}",
                    name.unwrap_or("value"),
                    describe(other)
                );
                self.problem(path, subject, message);
                &[]
            }
        }
    }

    pub(super) fn mapping<'v>(
        &mut self,
        value: &'v Value,
        path: &[Step],
        subject: Option<String>,
    ) -> Option<&'v Map<String, Value>> {
        if let Value::Object(fields) = value {
            return Some(fields);
        }
        let message = format!(
            "expected a mapping of `key: value` fields, found {}",
            describe(value)
        );
        self.problem(path, subject, message);
        None
    }

    pub(super) fn unknown_keys(
        &mut self,
        fields: &Map<String, Value>,
        known: &[&str],
        path: &[Step],
        subject: Option<String>,
    ) {
        for name in fields.keys().filter(|name| !known.contains(&name.as_str())) {
            let hint = did_you_mean(name, known.iter().copied());
            let message = format!(
                "unknown field `{name}` (expected one of {}){hint}",
                known.join(", ")
            );
            self.problem(&child(path, key(name)), subject.clone(), message);
        }
    }
}

fn slug_like(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.join("-")
}
