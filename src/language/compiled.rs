//! The built-in pack as build.rs compiled it: JSON documents read straight
//! into the language, without YAML, locator or checks.
//!
//! The built-in pack is checked once, by `cargo test`: the test below loads
//! its YAML through the full validating loader and requires exactly the
//! language this module builds. A start-up then costs one JSON read.

use serde::Deserialize;
use serde_json::Value;

use super::{builtin, Checklist, Choice, Depth, Kind, Language, Origin, Pattern, Question};
use crate::model::promise::{span_days, Promise};

/// What build.rs wrote: one entry per file of `patterns/`, in load order.
const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin.json"));

#[derive(Deserialize)]
struct File {
    file: String,
    /// The YAML did not parse when coach was built.
    error: Option<String>,
    #[serde(default)]
    document: Document,
    #[serde(default)]
    pattern_lines: Vec<Option<usize>>,
    #[serde(default)]
    checklist_lines: Vec<Option<usize>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Document {
    language: Option<RawLanguage>,
    patterns: Vec<RawPattern>,
    checklists: Vec<RawChecklist>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawLanguage {
    title: Option<String>,
    source: Option<String>,
}

#[derive(Deserialize)]
struct RawPattern {
    id: String,
    name: String,
    source: Option<String>,
    summary: String,
    #[serde(default)]
    uses: Vec<String>,
    #[serde(default)]
    tips: Vec<String>,
    depth: Option<String>,
    /// Checklist id and its questions, in file order (build.rs turns the
    /// mapping into pairs so that no intermediate value is built).
    #[serde(default)]
    questions: Vec<(String, Vec<RawQuestion>)>,
}

#[derive(Deserialize)]
struct RawChecklist {
    id: String,
    title: Option<String>,
    #[serde(default)]
    start: Vec<String>,
    meeting: Option<bool>,
    #[serde(default)]
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
struct RawQuestion {
    id: String,
    ask: String,
    kind: Option<String>,
    #[serde(default)]
    options: Vec<RawChoice>,
    #[serde(default)]
    required: bool,
    default: Option<Value>,
    help: Option<String>,
    #[serde(default)]
    labels: Vec<String>,
    /// A date question's promise text, or `true` on a list.
    commitment: Option<Value>,
    on_yes: Option<RawOnYes>,
    #[serde(default)]
    remember: bool,
    depth: Option<String>,
    #[serde(default)]
    glance: bool,
}

#[derive(Deserialize)]
struct RawOnYes {
    commitment: String,
    due: Option<String>,
}

/// An option; build.rs writes a bare label as `{label}`.
#[derive(Deserialize)]
struct RawChoice {
    label: String,
    #[serde(default)]
    include: Vec<String>,
}

/// The built-in language. The JSON is generated from a pack that `cargo
/// test` checks, so a failure here is a build problem: it is reported as text.
pub fn language() -> Result<Language, String> {
    from_json(JSON)
}

/// The language of JSON as build.rs writes it. build.rs cleaned every text
/// with the loader's own `clean`, so both give the same text, and a start
/// spends nothing on it.
fn from_json(json: &str) -> Result<Language, String> {
    let files: Vec<File> = serde_json::from_str(json)
        .map_err(|error| format!("the compiled built-in pack is unreadable: {error}"))?;
    let mut language = Language::default();
    for file in files {
        if let Some(error) = file.error {
            return Err(error);
        }
        let name = format!("{}{}", builtin::PREFIX, file.file);
        let origin = |line: Option<usize>| Origin {
            file: name.clone(),
            line,
        };
        if let Some(raw) = file.document.language {
            if language.title.is_none() {
                language.title = raw.title;
                language.source = raw.source;
            }
        }
        let lines = file.pattern_lines.iter().copied();
        for (raw, line) in file.document.patterns.into_iter().zip(lines) {
            let pattern = pattern(raw, origin(line))?;
            language.add_pattern(pattern);
        }
        let lines = file.checklist_lines.iter().copied();
        for (raw, line) in file.document.checklists.into_iter().zip(lines) {
            language.checklists.push(Checklist {
                id: raw.id,
                title: raw.title,
                start: raw.start,
                meeting: raw.meeting.unwrap_or(true),
                questions: raw
                    .questions
                    .into_iter()
                    .map(|raw| question(raw, None))
                    .collect::<Result<_, _>>()?,
                origin: origin(line),
            });
        }
    }
    Ok(language)
}

fn pattern(raw: RawPattern, origin: Origin) -> Result<Pattern, String> {
    let mut questions = Vec::new();
    for (checklist, list) in raw.questions {
        let list = list
            .into_iter()
            .map(|raw_question| question(raw_question, Some(&raw.id)))
            .collect::<Result<_, _>>()?;
        questions.push((checklist, list));
    }
    Ok(Pattern {
        id: raw.id,
        name: raw.name,
        source: raw.source,
        summary: raw.summary,
        uses: raw.uses,
        tips: raw.tips,
        // Unmarked, a pattern limits no walk: its questions' depths decide.
        depth: match raw.depth {
            None => Depth::Quick,
            Some(name) => depth(Some(&name))?,
        },
        questions,
        origin,
        replaced: None,
    })
}

fn question(raw: RawQuestion, pattern: Option<&str>) -> Result<Question, String> {
    let kind = match raw.kind.as_deref() {
        None => Kind::Text,
        Some(name) => Kind::from_name(name).ok_or_else(|| format!("unknown kind `{name}`"))?,
    };
    let options = raw
        .options
        .into_iter()
        .map(|choice| Choice {
            label: choice.label,
            include: choice.include,
        })
        .collect();
    let promise = match (kind, raw.commitment, raw.on_yes) {
        (Kind::Date, Some(Value::String(what)), None) => Some(Promise::Dated(what)),
        (Kind::List, Some(Value::Bool(true)), None) => Some(Promise::EachItem),
        (Kind::Confirm, None, Some(on_yes)) => Some(Promise::OnYes {
            what: on_yes.commitment,
            days: match on_yes.due {
                Some(due) => span_days(&due).ok_or_else(|| format!("`on_yes` due `{due}`"))?,
                None => 0,
            },
        }),
        (_, None, None) => None,
        _ => {
            return Err(format!(
                "question `{}`: a promise key that `cargo test` refuses",
                raw.id
            ))
        }
    };
    Ok(Question {
        id: match pattern {
            Some(pattern) => format!("{pattern}.{}", raw.id),
            None => raw.id,
        },
        ask: raw.ask,
        kind,
        options,
        required: raw.required,
        default: raw.default,
        help: raw.help,
        labels: raw.labels,
        promise,
        remember: raw.remember,
        depth: depth(raw.depth.as_deref())?,
        glance: raw.glance,
    })
}

fn depth(name: Option<&str>) -> Result<Depth, String> {
    match name {
        None => Ok(Depth::Default),
        Some(name) => Depth::from_name(name).ok_or_else(|| format!("unknown depth `{name}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in YAML through the full loader: every check, every line.
    fn validated() -> Language {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/patterns");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".yaml") || name.ends_with(".yml"))
            .collect();
        names.sort();
        let texts: Vec<(String, String)> = names
            .iter()
            .map(|name| {
                let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
                (format!("{}{name}", builtin::PREFIX), text)
            })
            .collect();
        let texts: Vec<(&str, &str)> = texts
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str()))
            .collect();
        super::super::load_texts(&texts).unwrap_or_else(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("the built-in pack has problems:\n{}", lines.join("\n"))
        })
    }

    #[test]
    fn the_built_in_pack_passes_every_check_of_the_loader() {
        let language = validated();
        assert!(language.patterns.len() >= 30);
    }

    /// A pack whose texts hold escapes, NUL, C1 controls and line breaks.
    const HOSTILE: &str = "language: {title: \"T\\e]0;x\\a\\nU\"}\n\
        patterns:\n\
        \x20 - id: alpha\n\
        \x20   name: \"Al\\e[31mpha\\u009b2J\\nB\"\n\
        \x20   source: \"S\\0\\r\\nT\"\n\
        \x20   summary: \"s\\e]0;pwn\\a\\nline two\"\n\
        \x20   tips: [\"\\e[2Jtip\"]\n\
        \x20   questions:\n\
        \x20     t:\n\
        \x20       - {id: q, ask: \"Q\\e[5m?\\n!\", kind: select, help: \"h\\e[1m\", options: [\"O\\e[1m\", \"P\\nQ\", {label: \"R\\x7f\"}]}\n\
        \x20       - {id: r, ask: a, kind: scale, labels: [\"lo\\e\", \"hi\\nx\"], default: 2}\n\
        \x20       - {id: s, ask: a, default: \"d\\e[2J\"}\n\
        \x20       - {id: u, ask: a, kind: date, commitment: \"Send\\e[2J\\nit\"}\n\
        \x20       - {id: v, ask: a, kind: confirm, on_yes: {commitment: \"Fix\\e[1m\", due: 1w}}\n\
        \x20       - {id: w, ask: a, kind: list, commitment: true}\n\
        checklists:\n\
        \x20 - {id: t, title: \"C\\e[2J\\nD\"}\n";

    /// The hostile pack as build.rs would compile it.
    fn compiled_hostile() -> Language {
        use crate::yaml::locator::{SourceMap, Step};
        let document = crate::yaml::parse(HOSTILE).unwrap();
        let map = SourceMap::new(HOSTILE);
        let line = |section: &str| {
            vec![map
                .position(&[Step::Key(section.to_string()), Step::Index(0)])
                .map(|(line, _)| line)]
        };
        let json = serde_json::json!([{
            "file": "a.yaml",
            "document": super::super::compiled_shape::typed_shape(
                document,
                &super::super::compiled_shape::Cleaning {
                    text: super::super::clean::clean,
                    value: super::super::clean::clean_value,
                },
            ),
            "pattern_lines": line("patterns"),
            "checklist_lines": line("checklists"),
        }]);
        from_json(&json.to_string()).unwrap()
    }

    #[test]
    fn pack_text_is_cleaned_of_escapes_the_same_by_both_readers() {
        let name = format!("{}a.yaml", builtin::PREFIX);
        let checked = super::super::load_texts(&[(name.as_str(), HOSTILE)]).unwrap();
        let compiled = compiled_hostile();
        assert_eq!(format!("{compiled:#?}"), format!("{checked:#?}"));
        let pattern = &checked.patterns[0];
        assert_eq!(pattern.name, "Al[31mpha2J B");
        assert_eq!(pattern.source.as_deref(), Some("S T"));
        assert_eq!(pattern.summary, "s]0;pwn\nline two");
        assert_eq!(pattern.tips, ["[2Jtip"]);
        let questions = pattern.questions_for("t");
        assert_eq!(questions[0].ask, "Q[5m? !");
        assert_eq!(questions[0].help.as_deref(), Some("h[1m"));
        let labels: Vec<&str> = questions[0]
            .options
            .iter()
            .map(|o| o.label.as_str())
            .collect();
        assert_eq!(labels, ["O[1m", "P Q", "R"]);
        assert_eq!(questions[1].labels, ["lo", "hi x"]);
        assert_eq!(questions[2].default, Some(Value::String("d[2J".into())));
        use crate::model::promise::Promise;
        assert_eq!(
            questions[3].promise,
            Some(Promise::Dated("Send[2J it".into()))
        );
        assert_eq!(
            questions[4].promise,
            Some(Promise::OnYes {
                what: "Fix[1m".into(),
                days: 7
            })
        );
        assert_eq!(questions[5].promise, Some(Promise::EachItem));
        assert_eq!(checked.title.as_deref(), Some("T]0;x U"));
        assert_eq!(checked.checklists[0].title.as_deref(), Some("C[2J D"));
        let all = format!("{checked:?}");
        assert!(
            !all.contains("\\u{1b}") && !all.contains("\\u{9b}"),
            "{all}"
        );
    }

    #[test]
    fn the_compiled_built_in_pack_is_exactly_the_validated_one() {
        let checked = validated();
        let compiled = language().expect("the compiled pack reads");
        assert_eq!(compiled.title, checked.title);
        assert_eq!(compiled.source, checked.source);
        assert_eq!(
            format!("{:#?}", compiled.patterns),
            format!("{:#?}", checked.patterns)
        );
        assert_eq!(
            format!("{:#?}", compiled.checklists),
            format!("{:#?}", checked.checklists)
        );
        for pattern in &checked.patterns {
            assert!(compiled.pattern(&pattern.id).is_some(), "{}", pattern.id);
        }
    }
}
