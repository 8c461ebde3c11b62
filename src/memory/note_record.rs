//! The front matter of a note as read back: what the memory commands need,
//! whatever version wrote it (keys a later version adds are ignored).

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde_json::{Map, Value};

use crate::yaml::fast::{KeyLines, Parsed};
use crate::yaml::locator::{SourceMap, Step};

/// One note's front matter. Paths are as found under the notes folder.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteRecord {
    pub path: PathBuf,
    /// The format version (`coach:`); later versions are read too.
    pub version: u64,
    pub customer: String,
    pub checklist: String,
    pub meeting: Option<String>,
    pub date: Date,
    /// As written (`2026-11-22T16:20:53+01:00`); not needed to be valid.
    pub created: Option<String>,
    /// Every answer by full question id, in the note's order.
    pub answers: Map<String, Value>,
    pub commitments: Vec<CommitmentRecord>,
    /// `invite:` of a note started from a calendar invite.
    pub invite: Option<InviteRecord>,
}

/// What a note keeps of the invite it was started from: the event's UID
/// and the email addresses of its organizer and attendees.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InviteRecord {
    pub uid: Option<String>,
    pub addresses: Vec<String>,
}

impl InviteRecord {
    /// Read from the `invite:` mapping; anything else there is no invite
    /// (written by hand, it costs only the matching by UID and domain).
    pub fn of(value: &Value) -> Option<InviteRecord> {
        let Value::Object(fields) = value else {
            return None;
        };
        let text = |value: &Value| value.as_str().map(|text| text.trim().to_lowercase());
        let mut addresses: Vec<String> =
            fields.get("organizer").and_then(text).into_iter().collect();
        if let Some(Value::Array(attendees)) = fields.get("attendees") {
            addresses.extend(attendees.iter().filter_map(text));
        }
        addresses.retain(|address| address.contains('@'));
        addresses.dedup();
        Some(InviteRecord {
            uid: fields
                .get("uid")
                .and_then(Value::as_str)
                .map(|uid| uid.trim().to_string())
                .filter(|uid| !uid.is_empty()),
            addresses,
        })
    }

    /// The email domains of the addresses, lowercase.
    pub fn domains(&self) -> impl Iterator<Item = &str> {
        self.addresses
            .iter()
            .filter_map(|address| address.rsplit_once('@').map(|(_, domain)| domain))
    }

    /// As the index keeps it.
    pub fn to_json(&self) -> String {
        serde_json::json!({"uid": self.uid, "addresses": self.addresses}).to_string()
    }

    /// As the index gave it back.
    pub fn from_json(text: &str) -> Option<InviteRecord> {
        let value: Value = serde_json::from_str(text).ok()?;
        Some(InviteRecord {
            uid: value.get("uid").and_then(Value::as_str).map(str::to_string),
            addresses: value
                .get("addresses")?
                .as_array()?
                .iter()
                .filter_map(|address| address.as_str().map(str::to_string))
                .collect(),
        })
    }
}

/// A promise found in the answers: an item with `what` of a list answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentRecord {
    /// None for a commitment printed with `--output -` and saved by hand.
    pub id: Option<String>,
    pub what: String,
    pub due: Option<Date>,
    pub who: Option<String>,
    pub done: bool,
    /// `closed: YYYY-MM-DD`, written by `coach done`.
    pub closed: Option<Date>,
    /// The question it answers.
    pub question: String,
    /// The 1-based line of its `id:` (of the item, without one) in the file.
    pub line: usize,
}

/// Why a front matter is no note, and on which line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotANote {
    pub line: usize,
    pub reason: String,
}

impl NoteRecord {
    /// The customer folder this note sits in under `notes_dir`; none for a
    /// note directly in `notes_dir` (or outside it).
    pub fn folder(&self, notes_dir: &Path) -> Option<String> {
        let relative = self.path.strip_prefix(notes_dir).ok()?;
        let mut parts = relative.components();
        match (parts.next(), parts.next()) {
            (Some(folder), Some(_)) => Some(folder.as_os_str().to_string_lossy().into_owned()),
            _ => None,
        }
    }

    /// Reads a parsed front matter. `first_line` is the file's line of the
    /// front matter's first line (2, after the opening `---`).
    pub fn from_front_matter(
        path: &Path,
        text: &str,
        document: Value,
        first_line: usize,
    ) -> Result<NoteRecord, NotANote> {
        Self::read(path, text, document, None, first_line)
    }

    /// Reads a front matter read by the fast reader (`yaml::fast`), which
    /// knows the lines of the commitments already.
    pub fn from_fast(
        path: &Path,
        text: &str,
        parsed: Parsed,
        first_line: usize,
    ) -> Result<NoteRecord, NotANote> {
        Self::read(path, text, parsed.value, Some(parsed.lines), first_line)
    }

    fn read(
        path: &Path,
        text: &str,
        document: Value,
        fast: Option<KeyLines>,
        first_line: usize,
    ) -> Result<NoteRecord, NotANote> {
        let lines = Lines {
            text,
            map: OnceCell::new(),
            fast,
            offset: first_line - 1,
        };
        let Value::Object(mut fields) = document else {
            return Err(NotANote {
                line: first_line,
                reason: "the front matter is not a mapping of fields; not a coach note".into(),
            });
        };
        // Before any field is taken out: taking one out reorders the rest.
        let answers_at = fields.keys().position(|key| key == "answers");
        let version = match fields.get("coach") {
            Some(Value::Number(number)) => number.as_u64().filter(|version| *version >= 1),
            None => {
                return Err(NotANote {
                    line: first_line,
                    reason: "no `coach:` version field; not a coach note".into(),
                })
            }
            Some(_) => None,
        }
        .ok_or_else(|| lines.error(&["coach"], "`coach:` must be a format version (1)"))?;
        let text_field = |fields: &mut Map<String, Value>, name: &str| match fields.remove(name) {
            Some(Value::String(text)) if !text.trim().is_empty() => Ok(text),
            Some(_) => Err(lines.error(&[name], &format!("`{name}:` must be text"))),
            None => Err(NotANote {
                line: first_line,
                reason: format!("the field `{name}:` is missing"),
            }),
        };
        let customer = text_field(&mut fields, "customer")?;
        let checklist = text_field(&mut fields, "checklist")?;
        let date = text_field(&mut fields, "date")?;
        let date = parse_date(&date)
            .ok_or_else(|| lines.error(&["date"], &format!("`date: {date}` is not YYYY-MM-DD")))?;
        let meeting = match fields.remove("meeting") {
            Some(Value::String(text)) => Some(text),
            _ => None,
        };
        let created = match fields.remove("created") {
            Some(Value::String(text)) => Some(text),
            _ => None,
        };
        let answers = match fields.remove("answers") {
            Some(Value::Object(answers)) => answers,
            None | Some(Value::Null) => Map::new(),
            Some(_) => return Err(lines.error(&["answers"], "`answers:` must be a mapping")),
        };
        let mut commitments = Vec::new();
        for (question_at, (question, value)) in answers.iter().enumerate() {
            let Value::Array(items) = value else { continue };
            for (index, item) in items.iter().enumerate() {
                let Value::Object(item) = item else { continue };
                // A commitment is a mapping with `what`, or one that kept its
                // `id` or `done` when its `what` line was deleted by hand: it
                // is still listed (and `notes check` names the gap).
                let promise_like = item.contains_key("what")
                    || item.contains_key("done")
                    || item
                        .get("id")
                        .and_then(Value::as_str)
                        .is_some_and(|id| id.starts_with("c-"));
                if !promise_like {
                    continue;
                }
                let at = [
                    Step::Key("answers".into()),
                    Step::Key(question.clone()),
                    Step::Index(index),
                ];
                let ordinals = answers_at.map(|answers_at| [answers_at, question_at, index]);
                commitments.push(commitment(question, item, &at, ordinals, &lines)?);
            }
        }
        // Held for every note of an archive: no room to spare.
        commitments.shrink_to_fit();
        let invite = fields.get("invite").and_then(InviteRecord::of);
        Ok(NoteRecord {
            path: path.to_path_buf(),
            version,
            customer,
            checklist,
            meeting,
            date,
            created,
            answers,
            commitments,
            invite,
        })
    }
}

fn commitment(
    question: &str,
    item: &Map<String, Value>,
    at: &[Step],
    ordinals: Option<[usize; 3]>,
    lines: &Lines,
) -> Result<CommitmentRecord, NotANote> {
    let key = |name: &str| {
        let mut path = at.to_vec();
        path.push(Step::Key(name.into()));
        path
    };
    let fail = |name: &str, reason: String| NotANote {
        line: lines.line(&key(name)),
        reason,
    };
    let text = |name: &str| match item.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(Value::Number(number)) => Ok(Some(number.to_string())),
        Some(_) => Err(fail(
            name,
            format!("commitment `{name}:` in `{question}` must be text"),
        )),
    };
    let date = |name: &str| match text(name)? {
        None => Ok(None),
        Some(shown) if shown.trim().is_empty() => Ok(None),
        Some(shown) => parse_date(&shown).map(Some).ok_or_else(|| {
            fail(
                name,
                format!("commitment `{name}: {shown}` in `{question}` is not YYYY-MM-DD"),
            )
        }),
    };
    let done = match item.get("done") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(done)) => *done,
        Some(_) => {
            return Err(fail(
                "done",
                format!("commitment `done:` in `{question}` must be true or false"),
            ))
        }
    };
    let id = text("id")?;
    let line = match (id.is_some(), ordinals) {
        (true, Some([answers, question, index])) => {
            let id_at = item.keys().position(|name| name == "id");
            let ordinals = id_at.map(|id_at| [answers, question, index, id_at]);
            lines.located(ordinals.as_ref().map(|path| &path[..]), &key("id"))
        }
        (true, None) => lines.line(&key("id")),
        (false, ordinals) => lines.located(ordinals.as_ref().map(|path| &path[..]), at),
    };
    Ok(CommitmentRecord {
        id,
        what: text("what")?.unwrap_or_default(),
        due: date("due")?,
        who: text("who")?.filter(|who| !who.trim().is_empty()),
        done,
        closed: date("closed")?,
        question: question.to_string(),
        line,
    })
}

/// `YYYY-MM-DD` only, as notes write it.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    (text.len() == 10).then(|| text.parse().ok()).flatten()
}

/// File lines of the front matter's nodes: from the fast reader when it read
/// the text, else (and for the rare error) from a source map made on demand.
struct Lines<'t> {
    text: &'t str,
    map: OnceCell<SourceMap>,
    fast: Option<KeyLines>,
    offset: usize,
}

impl Lines<'_> {
    /// The line of a node known by the positions of its keys and items
    /// (`ordinals`) and by its path.
    fn located(&self, ordinals: Option<&[usize]>, path: &[Step]) -> usize {
        let fast = self.fast.as_ref().zip(ordinals);
        match fast.and_then(|(fast, ordinals)| fast.line(ordinals)) {
            Some(line) => line + self.offset,
            None => self.line(path),
        }
    }

    fn line(&self, path: &[Step]) -> usize {
        self.map
            .get_or_init(|| SourceMap::new(self.text))
            .position(path)
            .map_or(self.offset + 1, |(line, _)| line + self.offset)
    }

    fn error(&self, keys: &[&str], reason: &str) -> NotANote {
        let path: Vec<Step> = keys.iter().map(|key| Step::Key(key.to_string())).collect();
        NotANote {
            line: self.line(&path),
            reason: reason.to_string(),
        }
    }
}
