//! Answers given in advance: `--answers FILE` (YAML or JSON, `-` for stdin),
//! `--set ID=VALUE` and the header flags, later ones overriding earlier ones.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::capped_read;
use crate::cli::{AnswerArgs, HeaderArgs};
use crate::error::Error;
use crate::yaml;

/// Answers by full question id, in the order given.
pub type Given = Vec<(String, Value)>;

pub fn collect(args: &AnswerArgs) -> Result<Given, Error> {
    let mut given = match &args.answers {
        Some(path) => read(path)?,
        None => Given::new(),
    };
    // Flags come after the file and override it: one merge for all of them.
    let mut flags = Given::new();
    for assignment in &args.set {
        let Some((id, value)) = assignment.split_once('=') else {
            return Err(Error::usage(format!(
                "--set `{assignment}` needs the form ID=VALUE"
            )));
        };
        flags.push((id.trim().to_string(), Value::String(value.to_string())));
    }
    let header = [
        ("customer", &args.header.customer),
        ("meeting", &args.header.meeting),
        ("date", &args.header.date),
    ];
    for (id, value) in header {
        if let Some(value) = value {
            flags.push((id.to_string(), Value::String(value.clone())));
        }
    }
    merge(&mut given, flags);
    Ok(given)
}

/// The ids of the header answers given by flags (`--customer`, `--meeting`,
/// `--date`).
pub fn header_flags(header: &HeaderArgs) -> Vec<String> {
    [
        ("customer", &header.customer),
        ("meeting", &header.meeting),
        ("date", &header.date),
    ]
    .into_iter()
    .filter(|(_, value)| value.is_some())
    .map(|(id, _)| id.to_string())
    .collect()
}

/// Adds or replaces one answer, keeping the first position (one answer
/// typed during a walk; many at once go through `merge`).
pub fn set(given: &mut Given, id: String, value: Value) {
    match given.iter_mut().find(|(known, _)| *known == id) {
        Some(slot) => slot.1 = value,
        None => given.push((id, value)),
    }
}

/// Adds or replaces many answers at once, as `set` does for each, in time
/// linear in both lists (an answers file may hold many thousands).
pub fn merge(given: &mut Given, more: Given) {
    let mut at: HashMap<String, usize> = given
        .iter()
        .enumerate()
        .map(|(index, (id, _))| (id.clone(), index))
        .collect();
    for (id, value) in more {
        match at.get(&id) {
            Some(&index) => given[index].1 = value,
            None => {
                at.insert(id.clone(), given.len());
                given.push((id, value));
            }
        }
    }
}

/// Reads an answers file: a mapping of full question id to answer.
pub fn read(path: &Path) -> Result<Given, Error> {
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let fail = |message: String| Error::usage(format!("{name}: {message}"));
    // Never more than the cap, and never waiting on a pipe or device.
    let text = if path == Path::new("-") {
        capped_read::read_capped_stream(std::io::stdin().lock(), Path::new("standard input"))?
    } else {
        capped_read::read_capped(path).map_err(|error| with_stdin_hint(error, path))?
    };
    match yaml::parse_answers(&text) {
        Ok(Value::Object(fields)) => Ok(fields.into_iter().collect()),
        Ok(Value::Null) => Ok(Given::new()),
        Ok(_) => Err(fail("expected a mapping of question id to answer (see `coach questions CHECKLIST --template`)".to_string())),
        Err(error) => {
            let at = error.line.map(|line| format!(":{line}:{}", error.column.unwrap_or(1))).unwrap_or_default();
            Err(Error::usage(format!("{name}{at}: invalid YAML or JSON: {}", error.message)))
        }
    }
}

/// A pipe or terminal given as a file (`/dev/stdin`, `<(cmd)`) is refused
/// like any non-file; the refusal then says how to read standard input.
fn with_stdin_hint(error: Error, path: &Path) -> Error {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let is_stream = std::fs::metadata(path)
            .map(|meta| meta.file_type().is_fifo() || meta.file_type().is_char_device())
            .unwrap_or(false);
        if let (
            true,
            Error::Io {
                action,
                path,
                source,
            },
        ) = (is_stream, &error)
        {
            return Error::Io {
                action,
                path: path.clone(),
                source: std::io::Error::new(
                    source.kind(),
                    format!("{source}; use `--answers -` to read standard input"),
                ),
            };
        }
    }
    let _ = path;
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_replaces_in_place_and_appends_new_ids_in_order() {
        let mut given: Given = vec![
            ("a".to_string(), Value::from(1)),
            ("b".to_string(), Value::from(2)),
        ];
        let more: Given = vec![
            ("c".to_string(), Value::from(3)),
            ("a".to_string(), Value::from(4)),
        ];
        merge(&mut given, more);
        let ids: Vec<&str> = given.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(given[0].1, Value::from(4));
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_or_device_named_as_answers_file_gets_the_stdin_hint() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("answers.yaml");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        for path in [fifo.as_path(), Path::new("/dev/null")] {
            let error = read(path).unwrap_err().to_string();
            assert!(error.contains("not a regular file"), "{error}");
            assert!(
                error.contains("use `--answers -` to read standard input"),
                "{error}"
            );
        }
        let file = dir.path().join("missing.yaml");
        let error = read(&file).unwrap_err().to_string();
        assert!(!error.contains("--answers -"), "{error}");
    }
}
