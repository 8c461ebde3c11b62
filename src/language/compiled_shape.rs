//! The shape build.rs gives the built-in pack's JSON, shared with the tests
//! of `compiled.rs` (build.rs includes this file by path).

use serde_json::{json, Value};

/// The loader's cleaning of pack text (`language/clean.rs`), passed in
/// because this file is compiled both in build.rs and in coach.
pub struct Cleaning {
    pub text: fn(&str, &str) -> String,
    pub value: fn(Value) -> Value,
}

/// Fields that hold ids (kept as written: the loader checks them) or a kind.
const NOT_TEXT: [&str; 7] = [
    "id", "uses", "start", "include", "kind", "required", "depth",
];

/// Every text of a pack document cleaned as the loader cleans it when it
/// reads the field of that name; `default:` values as the loader does.
pub fn cleaned(value: Value, field: &str, cleaning: &Cleaning) -> Value {
    match value {
        _ if NOT_TEXT.contains(&field) => value,
        Value::String(text) => Value::String((cleaning.text)(field, &text)),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|item| cleaned(item, field, cleaning))
                .collect(),
        ),
        Value::Object(fields) if field == "default" => (cleaning.value)(Value::Object(fields)),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, value)| {
                    let value = if key == "default" {
                        (cleaning.value)(value)
                    } else {
                        cleaned(value, &key, cleaning)
                    };
                    (key, value)
                })
                .collect(),
        ),
        other => other,
    }
}

/// The document in the shape coach reads without an intermediate value:
/// a pattern's `questions` mapping becomes a list of `[checklist, questions]`
/// pairs (file order kept), and every option an object with a `label`; and
/// every text cleaned as the loader cleans it, so a start does nothing more.
/// Any other shape is left alone for `cargo test` to report.
pub fn typed_shape(mut document: Value, cleaning: &Cleaning) -> Value {
    let options_of = |questions: &mut Value| {
        for question in questions.as_array_mut().into_iter().flatten() {
            let options = question.get_mut("options").and_then(Value::as_array_mut);
            for option in options.into_iter().flatten() {
                let label = match &*option {
                    Value::Object(_) => continue,
                    Value::String(label) => label.clone(),
                    other => other.to_string(),
                };
                *option = json!({ "label": label });
            }
        }
    };
    let patterns = document.get_mut("patterns").and_then(Value::as_array_mut);
    for pattern in patterns.into_iter().flatten() {
        if let Some(Value::Object(by_checklist)) = pattern.get_mut("questions") {
            let pairs: Vec<Value> = std::mem::take(by_checklist)
                .into_iter()
                .map(|(checklist, mut questions)| {
                    options_of(&mut questions);
                    json!([checklist, questions])
                })
                .collect();
            pattern["questions"] = Value::Array(pairs);
        }
    }
    let checklists = document.get_mut("checklists").and_then(Value::as_array_mut);
    for checklist in checklists.into_iter().flatten() {
        if let Some(questions) = checklist.get_mut("questions") {
            options_of(questions);
        }
    }
    // After the reshaping: a bare option is a `label` by then.
    cleaned(document, "", cleaning)
}
