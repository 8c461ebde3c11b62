//! A strict, fast reader for the YAML that coach itself writes (`to_string`):
//! block mappings and sequences, plain scalars, single- and double-quoted
//! strings on one line, literal blocks (`|`, `|-`, `|+`), null, booleans,
//! integers, `[]` and `{}`. Reading a note's front matter this way costs a
//! fraction of serde_yaml's time, and it knows the line of every key and item
//! as it goes, so no second pass is needed to find a commitment's line.
//!
//! It answers `None` for anything it is not certain to read exactly as
//! [`super::parse`] does: tabs outside text, comments, anchors, aliases,
//! tags, flow collections other than empty ones, floats, hex and octal
//! numbers, plain text that continues on the next line, keys that are not
//! text, a key given twice, indentation that is not the writer's, unusual
//! escapes and characters YAML does not allow. The caller then reads the text
//! with [`super::parse`] (and reports its errors). Whenever it answers, the
//! value is the one [`super::parse`] gives and the lines are those of
//! [`super::locator::SourceMap`]; tests in `src/yaml/fast/tests.rs` and a
//! property test compare both on mutated notes.

use std::cell::Cell;

use serde_json::{Map, Value};

use scalar::{
    double_quoted, only_spaces, plain, plain_start, quoted_key, single_quoted, split_key,
};

mod scalar;

/// A document read by [`parse`], with the line of each key and item.
#[derive(Debug)]
pub struct Parsed {
    pub value: Value,
    pub lines: KeyLines,
}

/// The 1-based line of every mapping key and sequence item of a document,
/// in document order: node 0 is the document, and each node's subtree
/// (the entries of its value) follows it, up to `end`.
#[derive(Debug, Default)]
pub struct KeyLines {
    nodes: Vec<Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    line: u32,
    end: u32,
}

impl KeyLines {
    /// The line of the node at `path`: at each step, the position of a key
    /// in its mapping (in the document's order) or an item's index.
    pub fn line(&self, path: &[usize]) -> Option<usize> {
        let mut node = 0;
        for &ordinal in path {
            let end = self.nodes.get(node)?.end as usize;
            let mut child = node + 1;
            for _ in 0..ordinal {
                if child >= end {
                    return None;
                }
                child = self.nodes[child].end as usize;
            }
            if child >= end {
                return None;
            }
            node = child;
        }
        (node != 0).then(|| self.nodes[node].line as usize)
    }
}

/// The deepest block nesting read here; deeper documents go to serde_yaml.
const MAX_DEPTH: usize = 48;

/// Reads `text` when it is YAML as coach writes it; `None` when unsure.
pub fn parse(text: &str) -> Option<Parsed> {
    // A node per line at most: one allocation.
    let mut lines = 2;
    let mut ascii = true;
    for b in text.bytes() {
        match b {
            b'\n' => lines += 1,
            b' '..=b'~' | b'\t' => {}
            _ => ascii = false,
        }
    }
    if !(ascii || text.chars().all(allowed)) || u32::try_from(text.len()).is_err() {
        return None;
    }
    let mut parser = Parser {
        rest: text,
        line: first_line(text),
        number: 1,
        nodes: Vec::with_capacity(lines),
        pending: PENDING.take(),
        items: ITEMS.take(),
        depth: 0,
    };
    let value = parser.document();
    // Kept unless a large document made it large.
    if parser.pending.capacity() <= 256 && parser.items.capacity() <= 256 {
        parser.pending.clear();
        parser.items.clear();
        PENDING.set(std::mem::take(&mut parser.pending));
        ITEMS.set(std::mem::take(&mut parser.items));
    }
    let value = value?;
    let end = parser.nodes.len() as u32;
    parser.nodes[0].end = end;
    Some(Parsed {
        value,
        lines: KeyLines {
            nodes: parser.nodes,
        },
    })
}

thread_local! {
    /// Room for the entries of the mappings being read, kept from one
    /// document to the next: it grows past the size of a small allocation.
    static PENDING: Cell<Vec<(String, Value)>> = const { Cell::new(Vec::new()) };
    /// The same for the items of sequences.
    static ITEMS: Cell<Vec<Value>> = const { Cell::new(Vec::new()) };
}

/// Characters that stand for themselves everywhere in a document: printable
/// and no line break but `\n` (`\r`, NEL, LS and PS break lines in YAML).
fn allowed(c: char) -> bool {
    matches!(c, '\n' | '\t' | ' '..='~')
        || (('\u{a0}'..='\u{fffd}').contains(&c)
            && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'))
        || c >= '\u{10000}'
}

struct Parser<'t> {
    /// The text from the line being read on.
    rest: &'t str,
    /// The line being read, without its line break.
    line: Option<&'t str>,
    /// Its 1-based number.
    number: usize,
    nodes: Vec<Entry>,
    /// The entries of the mappings being read, innermost last: each mapping
    /// is made at its end with the room it needs.
    pending: Vec<(String, Value)>,
    /// The items of the sequences being read, innermost last: each list is
    /// made at its end with no room to spare.
    items: Vec<Value>,
    depth: usize,
}

/// The first line of `text`, without its line break; none at the end.
fn first_line(text: &str) -> Option<&str> {
    if text.is_empty() {
        return None;
    }
    let end = text.bytes().position(|b| b == b'\n');
    Some(end.map_or(text, |end| &text[..end]))
}

impl<'t> Parser<'t> {
    /// The document: one block mapping at the left margin.
    fn document(&mut self) -> Option<Value> {
        self.nodes.push(Entry { line: 0, end: 0 });
        self.skip_blank();
        let first = self.current()?;
        if indent_of(first) != 0 || is_item(first) {
            return None;
        }
        let value = Value::Object(self.mapping(0)?);
        self.skip_blank();
        self.current().is_none().then_some(value)
    }

    fn current(&self) -> Option<&'t str> {
        self.line
    }

    fn advance(&mut self) {
        if let Some(line) = self.line {
            self.rest = self.rest.get(line.len() + 1..).unwrap_or("");
            self.line = first_line(self.rest);
            self.number += 1;
        }
    }

    /// Skips empty lines and lines of spaces.
    fn skip_blank(&mut self) {
        while self
            .current()
            .is_some_and(|line| line.bytes().all(|b| b == b' '))
        {
            self.advance();
        }
    }

    fn open(&mut self) -> Option<usize> {
        let line = u32::try_from(self.number).ok()?;
        self.nodes.push(Entry { line, end: 0 });
        Some(self.nodes.len() - 1)
    }

    fn close(&mut self, node: usize) {
        self.nodes[node].end = self.nodes.len() as u32;
    }

    fn deeper(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }

    /// The entries of a block mapping whose keys sit at `column`.
    fn mapping(&mut self, column: usize) -> Option<Map<String, Value>> {
        let base = self.pending.len();
        self.deeper()?;
        self.read_entries(column)?;
        self.depth -= 1;
        self.map_from(base)
    }

    /// The mapping of the entries read since `base`; none when a key repeats.
    fn map_from(&mut self, base: usize) -> Option<Map<String, Value>> {
        let count = self.pending.len() - base;
        let map: Map<String, Value> = self.pending.drain(base..).collect();
        (map.len() == count).then_some(map)
    }

    /// Reads entries at `column` until a line less indented.
    fn read_entries(&mut self, column: usize) -> Option<()> {
        loop {
            self.skip_blank();
            let Some(line) = self.current() else {
                return Some(());
            };
            let indent = indent_of(line);
            if indent < column {
                return Some(());
            }
            if indent > column {
                return None;
            }
            let rest = &line[indent..];
            if is_item(rest) {
                // An item here belongs to no key: only the caller knows.
                return Some(());
            }
            let (key, after) = split_key(rest)??;
            self.entry(key, after, column)?;
        }
    }

    /// One `key: value` on the current line, its key at `column`.
    fn entry(&mut self, key: String, after: &'t str, column: usize) -> Option<()> {
        let node = self.open()?;
        let value = self.value(after, column, true)?;
        self.close(node);
        self.pending.push((key, value));
        Some(())
    }

    /// The value after `key:` or `-` (at `column`) on the current line,
    /// `after` being the rest of that line; reads on past it as needed.
    fn value(&mut self, after: &'t str, column: usize, of_key: bool) -> Option<Value> {
        if !(after.is_empty() || after.starts_with(' ')) {
            return None;
        }
        let text = after.trim_start_matches(' ');
        self.advance();
        if text.is_empty() {
            self.skip_blank();
            let Some(next) = self.current() else {
                return Some(Value::Null);
            };
            let indent = indent_of(next);
            let rest = &next[indent..];
            return if indent > column {
                self.block(indent, is_item(rest))
            } else if indent == column && is_item(rest) {
                // After a key, its compact sequence; after a bare `-`, the
                // next item (the source map would take it for a nested one).
                of_key.then(|| self.block(indent, true))?
            } else {
                Some(Value::Null)
            };
        }
        let value = match text.as_bytes()[0] {
            b'"' => only_spaces(double_quoted(text)?),
            b'\'' => only_spaces(single_quoted(text)?),
            b'|' => self.literal(text, column),
            b'[' if text.trim_end_matches(' ') == "[]" => Some(Value::Array(Vec::new())),
            b'{' if text.trim_end_matches(' ') == "{}" => Some(Value::Object(Map::new())),
            _ => plain(text),
        }?;
        // A more indented line after a scalar continues it, or is an error.
        self.skip_blank();
        if self.current().is_some_and(|next| indent_of(next) > column) {
            return None;
        }
        Some(value)
    }

    /// A collection starting on the current line at `column`.
    fn block(&mut self, column: usize, sequence: bool) -> Option<Value> {
        if sequence {
            self.sequence(column).map(Value::Array)
        } else {
            self.mapping(column).map(Value::Object)
        }
    }

    /// The items of a block sequence whose `-` sit at `column`.
    fn sequence(&mut self, column: usize) -> Option<Vec<Value>> {
        self.deeper()?;
        let base = self.items.len();
        loop {
            self.skip_blank();
            let Some(line) = self.current() else { break };
            let indent = indent_of(line);
            if indent < column {
                break;
            }
            if indent > column {
                return None;
            }
            let rest = &line[indent..];
            if !is_item(rest) {
                break;
            }
            let node = self.open()?;
            let after = &rest[1..];
            let content = after.trim_start_matches(' ');
            let entry = match content.chars().next() {
                Some('"' | '\'') if quoted_key(content) => split_key(content)?,
                Some(first) if plain_start(first) && !first.is_ascii_digit() => split_key(content)?,
                _ => None,
            };
            let item = match entry {
                Some((key, value)) => {
                    let inner = column + 1 + (after.len() - content.len());
                    let base = self.pending.len();
                    self.deeper()?;
                    self.entry(key, value, inner)?;
                    self.read_entries(inner)?;
                    self.depth -= 1;
                    Value::Object(self.map_from(base)?)
                }
                None => self.value(after, column, false)?,
            };
            self.close(node);
            self.items.push(item);
        }
        self.depth -= 1;
        Some(self.items.drain(base..).collect())
    }

    /// A literal block (`|`, `|-`, `|+`) whose lines sit two columns deeper
    /// than `column`, as the writer puts them.
    fn literal(&mut self, header: &str, column: usize) -> Option<Value> {
        let chomp = match header.trim_end_matches(' ') {
            "|" => Chomp::Clip,
            "|-" => Chomp::Strip,
            "|+" => Chomp::Keep,
            _ => return None,
        };
        let indent = column + 2;
        let mut text = String::new();
        let mut blank = 0;
        let mut seen = false;
        while let Some(line) = self.current() {
            if line.is_empty() {
                blank += 1;
                self.advance();
                continue;
            }
            let own = indent_of(line);
            if own == line.len() {
                // Spaces only: text or indentation, depending on the count.
                return None;
            }
            if own < indent {
                break;
            }
            if !seen && own != indent {
                return None;
            }
            seen = true;
            text.extend(std::iter::repeat_n('\n', blank));
            blank = 0;
            text.push_str(&line[indent..]);
            text.push('\n');
            self.advance();
        }
        if !seen {
            return None;
        }
        match chomp {
            Chomp::Strip => {
                text.pop();
            }
            Chomp::Clip => {}
            Chomp::Keep => text.extend(std::iter::repeat_n('\n', blank)),
        }
        text.shrink_to_fit();
        Some(Value::String(text))
    }
}

enum Chomp {
    Strip,
    Clip,
    Keep,
}

fn indent_of(line: &str) -> usize {
    line.bytes().take_while(|b| *b == b' ').count()
}

fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

#[cfg(test)]
pub(crate) mod tests;
