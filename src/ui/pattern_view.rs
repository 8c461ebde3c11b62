//! A pattern drawn in full for a reader: its text, questions and links both ways.
//! `coach patterns show` prints it, and `?` at a prompt shows it mid-walk.

use std::io::Write;

use console::style;

use crate::language::{Language, Pattern, Question};

pub fn write_pattern(
    language: &Language,
    pattern: &Pattern,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "{}  ({})", style(&pattern.name).bold(), pattern.id)?;
    if let Some(source) = &pattern.source {
        writeln!(out, "Source:   {source}")?;
    }
    writeln!(out, "Defined:  {}", pattern.origin)?;
    if let Some(replaced) = &pattern.replaced {
        writeln!(out, "Replaces: the definition at {replaced}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", textwrap(&pattern.summary, 78, ""))?;
    if !pattern.tips.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style("Tips").bold())?;
        for tip in &pattern.tips {
            writeln!(out, "{}", textwrap(tip, 78, "  - "))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "Uses:     {}",
        list_or_none(pattern.uses.iter().map(String::as_str))
    )?;
    let used_by = language.used_by(&pattern.id);
    writeln!(
        out,
        "Used by:  {}",
        list_or_none(used_by.iter().map(|other| other.id.as_str()))
    )?;
    let included_by = included_by(language, &pattern.id);
    if !included_by.is_empty() {
        writeln!(out, "Included by: {}", included_by.join(", "))?;
    }
    for (checklist, questions) in &pattern.questions {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            style(format!("Questions for {checklist}")).bold()
        )?;
        for question in questions {
            write_question(question, out)?;
        }
    }
    Ok(())
}

fn write_question(question: &Question, out: &mut impl Write) -> std::io::Result<()> {
    let required = if question.required { ", required" } else { "" };
    writeln!(
        out,
        "  {}  ({}{required})",
        question.id,
        question.kind.name()
    )?;
    writeln!(out, "{}", textwrap(&question.ask, 76, "    "))?;
    for option in &question.options {
        let include = if option.include.is_empty() {
            String::new()
        } else {
            format!("  -> includes {}", option.include.join(", "))
        };
        writeln!(out, "      * {}{include}", option.label)?;
    }
    Ok(())
}

/// `questions.id` of questions whose options include `id`.
fn included_by(language: &Language, id: &str) -> Vec<String> {
    let pattern_questions = language.patterns.iter().flat_map(|pattern| {
        pattern
            .questions
            .iter()
            .flat_map(|(_, questions)| questions)
    });
    let checklist_questions = language
        .checklists
        .iter()
        .flat_map(|checklist| &checklist.questions);
    pattern_questions
        .chain(checklist_questions)
        .filter(|question| {
            question
                .options
                .iter()
                .any(|option| option.include.iter().any(|included| included == id))
        })
        .map(|question| question.id.clone())
        .collect()
}

fn list_or_none<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    if ids.is_empty() {
        "(none)".to_string()
    } else {
        ids.join(", ")
    }
}

/// Wraps text at word boundaries, prefixing the first line with `prefix` and
/// indenting the rest to match.
pub fn textwrap(text: &str, width: usize, prefix: &str) -> String {
    let indent = " ".repeat(console::measure_text_width(prefix));
    let mut lines = Vec::new();
    let mut line = prefix.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty
            && console::measure_text_width(&line) + 1 + console::measure_text_width(word) > width
        {
            lines.push(std::mem::replace(&mut line, indent.clone()));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    lines.push(line);
    lines.join("\n")
}
