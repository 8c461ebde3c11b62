//! Finds the line and column of a node in YAML source text.
//!
//! serde_yaml's values carry no positions, yet every problem in a pattern pack
//! must name its line. This scanner follows the block structure of the text
//! (mappings and sequences by indentation) and records where each key and each
//! sequence item starts. Flow collections (`[a, b]`) and scalars are leaves:
//! a problem inside one is reported at the line of its key.

use std::collections::HashMap;

/// One step of a path into a document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Positions (1-based line and column) of the block nodes of one document.
///
/// The nodes form a tree: node 0 is the document, and each other node is one
/// step below its parent. Each node is stored once with its step, so building
/// the map and finding a position cost time in proportion to the text and the
/// path, never to the depth times the size of the document.
#[derive(Debug)]
pub struct SourceMap {
    /// The node one step below a node.
    children: HashMap<(usize, Step), usize>,
    /// Line and column of each node (none for the document itself).
    positions: Vec<Option<(usize, usize)>>,
}

/// The document node.
const ROOT: usize = 0;

impl Default for SourceMap {
    fn default() -> Self {
        SourceMap {
            children: HashMap::new(),
            positions: vec![None],
        }
    }
}

#[derive(Debug)]
struct Frame {
    column: usize,
    is_sequence: bool,
    node: usize,
    next_index: usize,
}

/// A key whose value starts on a later line: its children open a new frame.
struct Pending {
    column: usize,
    node: usize,
}

impl SourceMap {
    pub fn new(text: &str) -> Self {
        let mut map = SourceMap::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut pending: Option<Pending> = None;
        // Lines indented deeper than this belong to a scalar (block or plain
        // multi-line) and hold no structure.
        let mut scalar_column: Option<usize> = None;

        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let trimmed = raw.trim_start_matches(' ');
            let column = raw.len() - trimmed.len();
            if let Some(limit) = scalar_column {
                if column > limit || trimmed.trim().is_empty() {
                    continue;
                }
                scalar_column = None;
            }
            if trimmed.trim().is_empty()
                || trimmed.starts_with('#')
                || trimmed.starts_with("---")
                || trimmed.starts_with("...")
            {
                continue;
            }
            let is_item = is_sequence_item(trimmed);
            if let Some(open) = pending.take() {
                if column > open.column || (column == open.column && is_item) {
                    stack.push(Frame {
                        column,
                        is_sequence: is_item,
                        node: open.node,
                        next_index: 0,
                    });
                }
            }
            while let Some(top) = stack.last() {
                if top.column > column || (top.column == column && top.is_sequence != is_item) {
                    stack.pop();
                } else {
                    break;
                }
            }
            if stack.last().is_none_or(|top| top.column < column) {
                if !stack.is_empty() {
                    // Deeper text with no open key: continuation of a scalar.
                    continue;
                }
                stack.push(Frame {
                    column,
                    is_sequence: is_item,
                    node: ROOT,
                    next_index: 0,
                });
            }
            let outcome = map.read_node(&mut stack, trimmed, line, column);
            match outcome {
                Node::Open(node, at) => pending = Some(Pending { column: at, node }),
                Node::Scalar(at) => scalar_column = Some(at),
            }
        }
        map
    }

    /// Reads the node that starts at `column` of `line`, inside the top frame.
    fn read_node(
        &mut self,
        stack: &mut Vec<Frame>,
        text: &str,
        line: usize,
        column: usize,
    ) -> Node {
        let frame = stack.last_mut().expect("a frame is open for every node");
        if is_sequence_item(text) {
            let step = Step::Index(frame.next_index);
            frame.next_index += 1;
            let parent = frame.node;
            let node = self.insert(parent, step, (line, column + 1));
            let rest = text[1..].trim_start_matches(' ');
            if is_empty_value(rest) {
                return Node::Open(node, column);
            }
            let inner = column + (text.len() - rest.len());
            if is_sequence_item(rest) || split_key(rest).is_some() {
                stack.push(Frame {
                    column: inner,
                    is_sequence: is_sequence_item(rest),
                    node,
                    next_index: 0,
                });
                return self.read_node(stack, rest, line, inner);
            }
            return Node::Scalar(column);
        }
        if let Some((key, value)) = split_key(text) {
            let parent = frame.node;
            let node = self.insert(parent, Step::Key(key), (line, column + 1));
            if is_empty_value(value) {
                return Node::Open(node, column);
            }
            return Node::Scalar(column);
        }
        Node::Scalar(column)
    }

    /// Records where the node one `step` below `parent` starts; a key seen
    /// twice keeps its last position, as a map of paths did.
    fn insert(&mut self, parent: usize, step: Step, position: (usize, usize)) -> usize {
        let next = self.positions.len();
        let node = *self.children.entry((parent, step)).or_insert(next);
        if node == next {
            self.positions.push(Some(position));
        } else {
            self.positions[node] = Some(position);
        }
        node
    }

    /// The position of `path`, or of its nearest ancestor that has one.
    pub fn position(&self, path: &[Step]) -> Option<(usize, usize)> {
        let mut node = ROOT;
        let mut found = None;
        for step in path {
            match self.children.get(&(node, step.clone())) {
                Some(&child) => {
                    node = child;
                    found = self.positions[node].or(found);
                }
                None => break,
            }
        }
        found
    }
}

enum Node {
    /// A key or item whose value continues on the next lines.
    Open(usize, usize),
    /// A scalar value: deeper lines are its continuation.
    Scalar(usize),
}

fn is_sequence_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

/// A value is "empty" when nothing but a comment, an anchor or a tag follows
/// the colon: the node itself starts on the next line.
fn is_empty_value(value: &str) -> bool {
    value
        .split_whitespace()
        .take_while(|word| !word.starts_with('#'))
        .all(|word| word.starts_with('&') || word.starts_with('!'))
}

/// Splits `key: value` (plain or quoted key); None when the text is no mapping entry.
fn split_key(text: &str) -> Option<(String, &str)> {
    let (key, rest) = if let Some(quote) = text.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let close = find_closing_quote(text, quote)?;
        (text[1..close].to_string(), &text[close + 1..])
    } else {
        let at = text
            .match_indices(':')
            .map(|(at, _)| at)
            .find(|&at| text[at + 1..].is_empty() || text[at + 1..].starts_with([' ', '\t']))?;
        let key = &text[..at];
        if key.starts_with(['[', '{', '#', '&', '*', '!', '|', '>']) || key.contains(" #") {
            return None;
        }
        (key.trim_end().to_string(), &text[at..])
    };
    let value = rest.strip_prefix(':')?;
    if !(value.is_empty() || value.starts_with([' ', '\t'])) {
        return None;
    }
    Some((key, value.trim()))
}

fn find_closing_quote(text: &str, quote: char) -> Option<usize> {
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((at, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && chars.peek().is_some_and(|(_, next)| *next == '\'') {
                chars.next();
            } else {
                return Some(at);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Step {
        Step::Key(name.to_string())
    }

    const PACK: &str = "\
# a comment
language:
  title: Test
patterns:
  - id: first
    summary: >
      folded text: with a colon
      id: not a key
    questions:
      prep:
        - id: one
          ask: \"Why: this?\"
        - id: two
          kind: txt
  - id: second
    uses: [first]
    tips:
    - compact item
checklists:
- id: prep
  start: [first]
";

    #[test]
    fn finds_keys_and_items_at_every_depth() {
        let map = SourceMap::new(PACK);
        assert_eq!(map.position(&[key("language"), key("title")]), Some((3, 3)));
        assert_eq!(
            map.position(&[key("patterns"), Step::Index(0)]),
            Some((5, 3))
        );
        assert_eq!(
            map.position(&[key("patterns"), Step::Index(0), key("id")]),
            Some((5, 5))
        );
        let two = [
            key("patterns"),
            Step::Index(0),
            key("questions"),
            key("prep"),
            Step::Index(1),
        ];
        assert_eq!(map.position(&two), Some((13, 9)));
        let kind = [&two[..], &[key("kind")]].concat();
        assert_eq!(map.position(&kind), Some((14, 11)));
        assert_eq!(
            map.position(&[key("patterns"), Step::Index(1), key("uses")]),
            Some((16, 5))
        );
        assert_eq!(
            map.position(&[key("patterns"), Step::Index(1), key("tips"), Step::Index(0)]),
            Some((18, 5))
        );
        assert_eq!(
            map.position(&[key("checklists"), Step::Index(0), key("start")]),
            Some((21, 3))
        );
    }

    #[test]
    fn block_scalars_hide_their_content() {
        let map = SourceMap::new(PACK);
        // "id: not a key" inside the folded summary must not shadow anything.
        assert_eq!(
            map.position(&[key("patterns"), Step::Index(0), key("summary"), key("id")]),
            Some((6, 5))
        );
        assert_eq!(
            map.position(&[key("patterns"), Step::Index(0), key("questions")]),
            Some((9, 5))
        );
    }

    #[test]
    fn flow_items_fall_back_to_their_key() {
        let map = SourceMap::new(PACK);
        let path = [key("patterns"), Step::Index(1), key("uses"), Step::Index(0)];
        assert_eq!(map.position(&path), Some((16, 5)));
    }
}
