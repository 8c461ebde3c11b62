//! `coach patterns graph`: the language as a Graphviz or Mermaid graph.

use std::io::Write;

use crate::cli::GraphFormat;
use crate::error::Error;
use crate::language::Language;

pub fn run(language: &Language, format: GraphFormat, out: &mut impl Write) -> Result<(), Error> {
    match format {
        GraphFormat::Dot => dot(language, out)?,
        GraphFormat::Mermaid => mermaid(language, out)?,
    }
    Ok(())
}

/// `(from, to)` of every option `include`, once each.
fn includes(language: &Language) -> Vec<(&str, &str)> {
    let mut edges = Vec::new();
    for pattern in &language.patterns {
        for (_, questions) in &pattern.questions {
            for option in questions.iter().flat_map(|question| &question.options) {
                for target in &option.include {
                    let edge = (pattern.id.as_str(), target.as_str());
                    if !edges.contains(&edge) {
                        edges.push(edge);
                    }
                }
            }
        }
    }
    edges
}

fn dot(language: &Language, out: &mut impl Write) -> std::io::Result<()> {
    let quote = |text: &str| format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
    writeln!(out, "digraph coach {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(out, "  node [shape=box];")?;
    for pattern in &language.patterns {
        writeln!(
            out,
            "  {} [label={}];",
            quote(&pattern.id),
            quote(&pattern.name)
        )?;
    }
    for pattern in &language.patterns {
        for target in &pattern.uses {
            writeln!(out, "  {} -> {};", quote(&pattern.id), quote(target))?;
        }
    }
    for (from, to) in includes(language) {
        writeln!(
            out,
            "  {} -> {} [style=dashed, label=\"include\"];",
            quote(from),
            quote(to)
        )?;
    }
    writeln!(out, "}}")
}

fn mermaid(language: &Language, out: &mut impl Write) -> std::io::Result<()> {
    // Mermaid labels cannot hold a bare double quote.
    let label = |text: &str| text.replace('"', "#quot;");
    writeln!(out, "flowchart LR")?;
    for pattern in &language.patterns {
        writeln!(out, "  {}[\"{}\"]", pattern.id, label(&pattern.name))?;
    }
    for pattern in &language.patterns {
        for target in &pattern.uses {
            writeln!(out, "  {} --> {}", pattern.id, target)?;
        }
    }
    for (from, to) in includes(language) {
        writeln!(out, "  {from} -.->|include| {to}")?;
    }
    Ok(())
}
