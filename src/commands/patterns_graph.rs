//! `coach patterns graph`: the language as a Graphviz or Mermaid graph.
//!
//! Patterns are boxes and checklists ovals; `uses` links are solid, a
//! checklist's `start` dotted, and an option's `include` dashed.

use std::collections::HashSet;
use std::io::Write;

use crate::cli::GraphFormat;
use crate::error::Error;
use crate::language::{Language, Question};

pub fn run(language: &Language, format: GraphFormat, out: &mut impl Write) -> Result<(), Error> {
    let graph = Graph::of(language);
    match format {
        GraphFormat::Dot => graph.dot(out)?,
        GraphFormat::Mermaid => graph.mermaid(out)?,
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Link {
    Uses,
    Start,
    Include,
}

struct Node {
    id: String,
    label: String,
    is_checklist: bool,
}

struct Graph {
    nodes: Vec<Node>,
    edges: Vec<(String, String, Link)>,
    /// The edges already drawn: each is drawn once, found in O(1).
    drawn: HashSet<(String, String, Link)>,
}

/// Checklist nodes get an id no pattern can have (pattern ids have no `_`).
fn checklist_node(id: &str) -> String {
    format!("checklist__{id}")
}

impl Graph {
    fn of(language: &Language) -> Graph {
        let mut graph = Graph {
            nodes: Vec::new(),
            edges: Vec::new(),
            drawn: HashSet::new(),
        };
        for pattern in &language.patterns {
            graph.nodes.push(Node {
                id: pattern.id.clone(),
                label: pattern.name.clone(),
                is_checklist: false,
            });
            for target in &pattern.uses {
                graph.edge(&pattern.id, target, Link::Uses);
            }
            for (_, questions) in &pattern.questions {
                graph.includes(&pattern.id, questions);
            }
        }
        for checklist in &language.checklists {
            let node = checklist_node(&checklist.id);
            let label = checklist
                .title
                .clone()
                .unwrap_or_else(|| checklist.id.clone());
            graph.nodes.push(Node {
                id: node.clone(),
                label,
                is_checklist: true,
            });
            for target in &checklist.start {
                graph.edge(&node, target, Link::Start);
            }
            graph.includes(&node, &checklist.questions);
        }
        graph
    }

    fn includes(&mut self, from: &str, questions: &[Question]) {
        for target in questions
            .iter()
            .flat_map(|question| &question.options)
            .flat_map(|option| &option.include)
        {
            self.edge(from, target, Link::Include);
        }
    }

    fn edge(&mut self, from: &str, to: &str, link: Link) {
        let edge = (from.to_string(), to.to_string(), link);
        if self.drawn.insert(edge.clone()) {
            self.edges.push(edge);
        }
    }

    fn dot(&self, out: &mut impl Write) -> std::io::Result<()> {
        let quote = |text: &str| format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
        writeln!(out, "digraph coach {{")?;
        writeln!(out, "  rankdir=LR;")?;
        writeln!(out, "  node [shape=box];")?;
        for node in &self.nodes {
            let shape = if node.is_checklist {
                ", shape=ellipse"
            } else {
                ""
            };
            writeln!(
                out,
                "  {} [label={}{shape}];",
                quote(&node.id),
                quote(&node.label)
            )?;
        }
        for (from, to, link) in &self.edges {
            let style = match link {
                Link::Uses => "",
                Link::Start => " [style=dotted, label=\"start\"]",
                Link::Include => " [style=dashed, label=\"include\"]",
            };
            writeln!(out, "  {} -> {}{style};", quote(from), quote(to))?;
        }
        writeln!(out, "}}")
    }

    fn mermaid(&self, out: &mut impl Write) -> std::io::Result<()> {
        // Mermaid labels cannot hold a bare double quote.
        let label = |text: &str| text.replace('"', "#quot;");
        writeln!(out, "flowchart LR")?;
        for node in &self.nodes {
            let (open, close) = if node.is_checklist {
                ("([\"", "\"])")
            } else {
                ("[\"", "\"]")
            };
            writeln!(out, "  {}{open}{}{close}", node.id, label(&node.label))?;
        }
        for (from, to, link) in &self.edges {
            let arrow = match link {
                Link::Uses => "-->",
                Link::Start => "-.->|start|",
                Link::Include => "-.->|include|",
            };
            writeln!(out, "  {from} {arrow} {to}")?;
        }
        Ok(())
    }
}
