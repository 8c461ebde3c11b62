//! The scalars and keys of the fast reader: what it reads on one line.

use serde_json::Value;

/// A quoted scalar and what follows it on the line: only spaces may.
pub(super) fn only_spaces((value, rest): (String, &str)) -> Option<Value> {
    rest.bytes()
        .all(|b| b == b' ')
        .then_some(Value::String(value))
}

/// Whether a line that starts with a quote is a `"key": ...` entry.
pub(super) fn quoted_key(text: &str) -> bool {
    let quoted = if text.starts_with('"') {
        double_quoted(text)
    } else {
        single_quoted(text)
    };
    quoted.is_some_and(|(_, rest)| rest.starts_with(':'))
}

/// Splits `key: value` into the key and what follows the colon. `Some(None)`:
/// the text is no mapping entry; `None`: not sure.
pub(super) fn split_key(text: &str) -> Option<Option<(String, &str)>> {
    let first = text.chars().next()?;
    let (key, rest) = match first {
        // The locator takes a quoted key as written: no escapes, so both agree.
        '"' => {
            let (key, rest) = double_quoted(text)?;
            if text[..text.len() - rest.len()].contains('\\') {
                return None;
            }
            (key, rest)
        }
        '\'' => {
            let (key, rest) = single_quoted(text)?;
            if text[..text.len() - rest.len()].contains("''") {
                return None;
            }
            (key, rest)
        }
        _ => {
            if !plain_start(first) || first.is_ascii_digit() {
                return None;
            }
            let Some(colon) = text.bytes().position(|b| b == b':') else {
                return check_plain(text.trim_end_matches(' ')).map(|()| None);
            };
            let key = &text[..colon];
            check_plain(key)?;
            // The source map trims a key of any white space, YAML of spaces.
            if key.ends_with(char::is_whitespace) || typed_word(key) {
                return None;
            }
            (key.to_string(), &text[colon..])
        }
    };
    let after = rest.strip_prefix(':')?;
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some(Some((key, after)))
}

/// A plain scalar's first character that YAML reads as text.
pub(super) fn plain_start(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii()
}

/// Plain text with nothing YAML reads otherwise: no tab, no comment, no
/// `: ` or final `:`.
fn check_plain(text: &str) -> Option<()> {
    // Spaces YAML does not trim (no-break, ideographic...): not sure.
    if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        return None;
    }
    let bytes = text.as_bytes();
    for (at, b) in bytes.iter().enumerate() {
        match b {
            b'\t' => return None,
            b'#' if at > 0 && bytes[at - 1] == b' ' => return None,
            b':' if bytes.get(at + 1).is_none_or(|next| *next == b' ') => return None,
            _ => {}
        }
    }
    Some(())
}

/// Null and boolean words of the YAML 1.2 core schema, as serde_yaml reads them.
fn typed_word(text: &str) -> bool {
    matches!(
        text,
        "null" | "Null" | "NULL" | "~" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    )
}

/// A plain scalar (the rest of the line, its leading spaces gone).
pub(super) fn plain(text: &str) -> Option<Value> {
    let text = text.trim_end_matches(' ');
    check_plain(text)?;
    match text {
        "null" | "Null" | "NULL" | "~" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    let first = text.chars().next()?;
    if first.is_ascii_digit() || first == '-' {
        return number_or_date(text);
    }
    plain_start(first).then(|| Value::String(text.to_string()))
}

/// A decimal integer without leading zeros (`0`, `42`, `-7`), or a date
/// (`2026-12-01`, text in YAML 1.2); anything else that starts with a digit
/// may be a float, hex or octal number, or a time: not sure.
fn number_or_date(text: &str) -> Option<Value> {
    let bytes = text.as_bytes();
    let is_date = bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, b)| match at {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if is_date {
        return Some(Value::String(text.to_string()));
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text),
    };
    let decimal = !digits.is_empty()
        && digits.len() <= 18
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if !decimal || (negative && digits == "0") {
        return None;
    }
    let magnitude: i64 = digits.parse().ok()?;
    Some(if negative {
        Value::from(-magnitude)
    } else {
        Value::from(magnitude as u64)
    })
}

/// A double-quoted scalar that closes on its line, and the text after it.
/// Only the escapes coach writes (`\"`, `\\`, `\/`, `\n`, `\t`, `\r`, `\uXXXX`).
pub(super) fn double_quoted(text: &str) -> Option<(String, &str)> {
    // Most quoted text has no escapes: one allocation of its size.
    let end = text[1..].bytes().position(|b| b == b'"' || b == b'\\');
    if let Some(end) = end.filter(|end| text.as_bytes()[end + 1] == b'"') {
        return Some((text[1..end + 1].to_string(), &text[end + 2..]));
    }
    let mut value = String::new();
    let mut chars = text.char_indices().skip(1);
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => {
                value.shrink_to_fit();
                return Some((value, &text[at + 1..]));
            }
            '\\' => {
                let (_, escape) = chars.next()?;
                match escape {
                    '"' | '\\' | '/' => value.push(escape),
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'r' => value.push('\r'),
                    'u' => {
                        let mut code = 0;
                        for _ in 0..4 {
                            code = code * 16 + chars.next()?.1.to_digit(16)?;
                        }
                        value.push(char::from_u32(code)?);
                    }
                    _ => return None,
                }
            }
            c => value.push(c),
        }
    }
    None
}

/// A single-quoted scalar that closes on its line, and the text after it.
pub(super) fn single_quoted(text: &str) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().is_some_and(|(_, next)| *next == '\'') {
                chars.next();
                value.push('\'');
            } else {
                value.shrink_to_fit();
                return Some((value, &text[at + 1..]));
            }
        } else {
            value.push(c);
        }
    }
    None
}
