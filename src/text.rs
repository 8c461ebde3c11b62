//! Text from outside (answers, pack text, file names) made safe for one
//! line of a note or the terminal: no control character reaches either raw.

/// Removes what must never reach a note or a terminal raw: NUL and the other
/// C0 controls except line feed and tab, ESC, DEL and the C1 controls. A
/// carriage return before a line feed goes too; a lone one becomes a line feed.
pub fn strip_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let unwanted = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(unwanted) {
        return std::borrow::Cow::Borrowed(text);
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    std::borrow::Cow::Owned(text.chars().filter(|c| !unwanted(*c)).collect())
}

/// Text for one line (a name, a label, a title): controls removed as by
/// `strip_controls`, and its lines joined with single spaces.
pub fn one_line(text: &str) -> String {
    if !text.contains(char::is_control) {
        // No line break either: the common case, without the split.
        return text.trim().to_string();
    }
    strip_controls(text)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An invisible character that can reorder or hide text on a line: the
/// bidirectional controls (Unicode's Bidi_Control: the marks U+061C, U+200E,
/// U+200F, the embeddings and overrides U+202A to U+202E, the isolates U+2066
/// to U+2069) and the invisible characters U+200B, U+2060 to U+2064 and
/// U+FEFF. A customer named with U+202E would print the rest of a line of
/// `coach due` backwards. The joiners U+200C and U+200D stay: emoji and many
/// scripts need them, and they move nothing.
pub fn is_hidden_format(c: char) -> bool {
    matches!(
        c,
        '\u{061c}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// A line with every control character and every hidden format character
/// ([`is_hidden_format`]) written as a visible escape (`\u{1b}`, `\u{202e}`):
/// a pack's label, a customer's name or an answers-file key quoted in a
/// message can neither set the window title nor clear the screen, break the
/// line or turn the rest of it around.
pub fn visible_controls(line: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| c.is_control() || is_hidden_format(c);
    if !line.contains(hidden) {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut shown = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if hidden(c) {
            shown += &format!("\\u{{{:x}}}", u32::from(c));
        } else {
            shown.push(c);
        }
    }
    std::borrow::Cow::Owned(shown)
}

/// Text from a note (a customer, a meeting, what was promised and by whom)
/// for one line of a command's plain output: [`one_line`], then what could
/// still reorder the line made visible as by [`visible_controls`]. JSON
/// output keeps the text as it is.
pub fn shown(text: &str) -> String {
    let line = one_line(text);
    match visible_controls(&line) {
        std::borrow::Cow::Borrowed(_) => line,
        std::borrow::Cow::Owned(shown) => shown,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn error_lines_show_control_characters_as_escapes() {
        assert_eq!(
            super::visible_controls("key `\u{1b}]0;pwned\u{7}` and\ttab\u{9b}"),
            "key `\\u{1b}]0;pwned\\u{7}` and\\u{9}tab\\u{9b}"
        );
        assert_eq!(super::visible_controls("plain é 北"), "plain é 北");
    }

    #[test]
    fn bidi_controls_and_invisible_format_characters_are_shown_as_escapes() {
        assert_eq!(
            super::shown("Acme\u{202e}dro\u{2066}x\u{2069}\u{200f}\u{feff}\n Ltd"),
            "Acme\\u{202e}dro\\u{2066}x\\u{2069}\\u{200f}\\u{feff} Ltd"
        );
        // Joiners build emoji and words in many scripts: they stay.
        assert_eq!(
            super::shown("👩\u{200d}💻 नमस्\u{200c}ते"),
            "👩\u{200d}💻 नमस्\u{200c}ते"
        );
    }
}
