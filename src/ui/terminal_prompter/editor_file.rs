//! The file a long answer is written in with `$EDITOR`: the question, its
//! help and the pattern it comes from on top as comment lines starting with
//! `;;`, which are removed when the file is read back. Markdown gives `;;`
//! at the start of a line no meaning, so an answer's own `#` headings, `>`
//! quotes and `<!-- -->` comments are kept as typed.

use crate::language::{Pattern, Question};
use crate::ui::pattern_view::textwrap;

/// What starts a comment line of the editor's file.
pub(super) const COMMENT: &str = ";;";

/// The file's text: the comment lines, then `initial`.
pub(super) fn with_comments(
    question: &Question,
    pattern: Option<&Pattern>,
    initial: &str,
) -> String {
    let mut text = String::new();
    let mut say = |line: &str| {
        for wrapped in textwrap(line, 73, "").lines() {
            text.push_str(&format!("{COMMENT} {wrapped}\n"));
        }
    };
    say(&question.ask);
    if let Some(help) = &question.help {
        say(help);
    }
    if let Some(pattern) = pattern {
        say(&format!(
            "From the pattern {}: {}",
            pattern.name, pattern.summary
        ));
    }
    say(&format!(
        "Lines starting with {COMMENT} are removed. Write the answer below, save and quit; an empty answer skips an optional question."
    ));
    text.push('\n');
    text.push_str(initial);
    text
}

/// `text` without its comment lines, trimmed.
pub(super) fn without_comments(text: &str) -> String {
    text.lines()
        .filter(|line| !line.starts_with(COMMENT))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question() -> Question {
        let mut question = crate::walk::header_questions(true)[0].clone();
        question.ask = "Tell the story so far.".to_string();
        question.help = Some("What happened since the pilot?".to_string());
        question
    }

    #[test]
    fn the_file_starts_with_the_question_as_comment_lines_and_they_are_removed() {
        let text = with_comments(&question(), None, "Old answer");
        assert!(
            text.starts_with(";; Tell the story so far.\n;; What happened since the pilot?\n"),
            "{text}"
        );
        assert!(text.ends_with("\n\nOld answer"), "{text}");
        assert_eq!(without_comments(&text), "Old answer");
    }

    #[test]
    fn markdown_of_the_answer_is_kept_as_typed() {
        let typed = ";; Tell the story.\n# Heading\n<!-- a note -->\n> quoted\n;;kept out\n";
        assert_eq!(
            without_comments(typed),
            "# Heading\n<!-- a note -->\n> quoted"
        );
    }
}
