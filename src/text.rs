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

/// An error line with every control character written as a visible escape
/// (`\u{1b}`): a pack's label or an answers-file key quoted in a message can
/// neither set the window title nor clear the screen, nor break the line.
pub fn visible_controls(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains(char::is_control) {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut shown = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if c.is_control() {
            shown += &format!("\\u{{{:x}}}", u32::from(c));
        } else {
            shown.push(c);
        }
    }
    std::borrow::Cow::Owned(shown)
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
}
