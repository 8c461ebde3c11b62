//! The note's "At a glance" block: the few answers worth rereading in the
//! lift before the next meeting, in at most `LINES` lines.

use crate::model::answer::Answer;
use crate::model::{Kind, Question};
use crate::notes::markdown::{inline, is_header};
use crate::walk::Walked;

/// The most lines the block holds under its heading.
pub const LINES: usize = 15;

/// One `- **Label**: answer` of the block, with every line it could show.
#[derive(Debug, PartialEq)]
struct Entry {
    /// The question whose answer it shows; none for the promise lists.
    id: Option<String>,
    label: String,
    lines: Vec<String>,
    /// A list (items under the label) rather than text that goes on.
    items: bool,
}

impl Entry {
    /// The lines it takes to show whole: a list of several items puts them
    /// under the label, one a line.
    fn whole(&self) -> usize {
        if self.items && self.lines.len() > 1 {
            self.lines.len() + 1
        } else {
            self.lines.len()
        }
    }

    /// At most `room` lines (one at least).
    fn render(&self, room: usize) -> String {
        let label = format!("- **{}**:", self.label);
        let more = |shown: usize| {
            let left = self.lines.len() - shown;
            if left == 0 {
                String::new()
            } else if self.items {
                format!(" (+{left} more)")
            } else {
                " …".to_string()
            }
        };
        if self.items && self.lines.len() > 1 && room > 1 {
            let shown = (room - 1).min(self.lines.len());
            let mut text = format!("{label}\n");
            for (at, line) in self.lines[..shown].iter().enumerate() {
                let tail = if at + 1 == shown {
                    more(shown)
                } else {
                    "".to_string()
                };
                text += &format!("  - {line}{tail}\n");
            }
            return text;
        }
        let shown = room.clamp(1, self.lines.len());
        let shown = if self.items { 1 } else { shown };
        let mut text = String::new();
        for (at, line) in self.lines[..shown].iter().enumerate() {
            let tail = if at + 1 == shown {
                more(shown)
            } else {
                String::new()
            };
            if at == 0 {
                text += &format!("{label} {line}{tail}\n");
            } else {
                text += &format!("  {line}{tail}\n");
            }
        }
        text
    }
}

/// `must-say` → `Must say`: a question's own id as its label.
fn label_of(question: &Question) -> String {
    if let Some(label) = &question.glance_label {
        return inline(label);
    }
    let id = question.id.rsplit('.').next().unwrap_or(&question.id);
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// An answer as the block shows it; none for an empty one.
fn entry(question: &Question, answer: &Answer) -> Option<Entry> {
    let one = |line: String| (vec![line], false);
    let (lines, items) = match answer {
        Answer::Text(text) if question.kind == Kind::Long => (
            text.lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(inline)
                .collect(),
            false,
        ),
        Answer::Text(text) => one(inline(text)),
        Answer::Yes(yes) => one(if *yes { "Yes" } else { "No" }.to_string()),
        Answer::Scale(number) => one(match question.scale_label(*number) {
            Some(label) => format!("{number}/5 ({})", inline(label)),
            None => format!("{number}/5"),
        }),
        Answer::Date(date) => one(format!("{date} ({})", date.strftime("%A"))),
        Answer::Items(labels) if question.kind == Kind::MultiSelect => {
            let labels: Vec<String> = labels.iter().map(|label| inline(label)).collect();
            one(labels.join(", "))
        }
        Answer::Items(items) => (items.iter().map(|item| inline(item)).collect(), true),
        Answer::Commitments(_) => return None,
    };
    let lines: Vec<String> = lines.into_iter().filter(|line| !line.is_empty()).collect();
    (!lines.is_empty()).then(|| Entry {
        id: Some(question.id.clone()),
        label: label_of(question),
        lines,
        items,
    })
}

/// The block's entries: the glance answers in walk order, and the open
/// promises the walk closed and moved. The promises it made are the
/// Commitments list right below the block, not repeated here.
fn entries(walked: &Walked) -> Vec<Entry> {
    let mut entries: Vec<Entry> = walked
        .answers
        .iter()
        // Promises are the Commitments list below, whichever questions
        // made them.
        .filter(|(question, answer)| {
            question.glance && !is_header(question) && !matches!(answer, Answer::Commitments(_))
        })
        .filter_map(|(question, answer)| entry(question, answer))
        .collect();
    let kept: Vec<String> = walked
        .closed
        .iter()
        .flatten()
        .map(|promise| format!("`{}` {}", promise.id, inline(&promise.what)))
        .collect();
    if !kept.is_empty() {
        entries.push(Entry {
            id: None,
            label: "Kept".to_string(),
            lines: kept,
            items: true,
        });
    }
    let moved: Vec<String> = walked
        .rescheduled
        .iter()
        .map(|moved| format!("`{}` {}", moved.promise.id, inline(&moved.label())))
        .collect();
    if !moved.is_empty() {
        entries.push(Entry {
            id: None,
            label: "Rescheduled".to_string(),
            lines: moved,
            items: true,
        });
    }
    entries
}

/// How many lines each entry gets: one each first (in order, as many as
/// fit), then the rest of the budget shared out a line at a time, so that
/// one long answer cannot crowd out the ones after it.
fn rooms(entries: &[Entry], budget: usize) -> Vec<usize> {
    let mut rooms: Vec<usize> = entries.iter().map(|_| 0).collect();
    let mut left = budget;
    for room in rooms.iter_mut().take(budget) {
        *room = 1;
        left -= 1;
    }
    let mut gave = true;
    while left > 0 && gave {
        gave = false;
        for (room, entry) in rooms.iter_mut().zip(entries) {
            // A list's second line is its label alone: it grows by two.
            let step = if entry.items && *room == 1 { 2 } else { 1 };
            if *room == 0 || *room + step > entry.whole() || step > left {
                continue;
            }
            *room += step;
            left -= step;
            gave = true;
        }
    }
    rooms
}

/// `## At a glance` and its lines, or nothing when there is nothing to show.
pub fn block(walked: &Walked) -> String {
    let entries = entries(walked);
    if entries.is_empty() {
        String::new()
    } else {
        format!("\n## At a glance\n\n{}", lines(&entries))
    }
}

/// The questions whose answers the block shows whole: the note's
/// sections need not repeat them.
pub fn shown_whole(walked: &Walked) -> Vec<String> {
    let entries = entries(walked);
    let budget = if entries.len() > LINES {
        LINES - 1
    } else {
        LINES
    };
    entries
        .iter()
        .zip(rooms(&entries, budget))
        .filter(|(entry, room)| *room >= entry.whole())
        .filter_map(|(entry, _)| entry.id.clone())
        .collect()
}

/// The entries in at most `LINES` lines.
fn lines(entries: &[Entry]) -> String {
    // Entries beyond the budget: the last line says how many the note holds below.
    let overflow = entries.len() > LINES;
    let budget = if overflow { LINES - 1 } else { LINES };
    let mut text = String::new();
    for (entry, room) in entries.iter().zip(rooms(entries, budget)) {
        if room > 0 {
            text += &entry.render(room);
        }
    }
    if overflow {
        text += &format!("- … {} more below\n", entries.len() - budget);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(label: &str, count: usize) -> Entry {
        Entry {
            id: None,
            label: label.to_string(),
            lines: (1..=count).map(|at| format!("item {at}")).collect(),
            items: true,
        }
    }

    fn long(label: &str, count: usize) -> Entry {
        Entry {
            id: None,
            label: label.to_string(),
            lines: (1..=count).map(|at| format!("line {at}")).collect(),
            items: false,
        }
    }

    #[test]
    fn a_list_of_several_items_goes_under_its_label_or_on_one_line_with_a_count() {
        let entry = list("Risks", 3);
        assert_eq!(
            entry.render(4),
            "- **Risks**:\n  - item 1\n  - item 2\n  - item 3\n"
        );
        assert_eq!(
            entry.render(3),
            "- **Risks**:\n  - item 1\n  - item 2 (+1 more)\n"
        );
        assert_eq!(entry.render(1), "- **Risks**: item 1 (+2 more)\n");
        assert_eq!(list("Risks", 1).render(3), "- **Risks**: item 1\n");
    }

    #[test]
    fn a_long_answer_keeps_its_first_lines_and_marks_the_cut() {
        let entry = long("Notes", 3);
        assert_eq!(entry.render(3), "- **Notes**: line 1\n  line 2\n  line 3\n");
        assert_eq!(entry.render(2), "- **Notes**: line 1\n  line 2 …\n");
    }

    #[test]
    fn the_budget_goes_one_line_each_first_then_to_every_entry_in_turn() {
        let entries = [long("A", 20), list("B", 5), long("C", 1)];
        let given = rooms(&entries, LINES);
        assert_eq!(given.iter().sum::<usize>(), LINES);
        assert_eq!(given[2], 1);
        assert!(given[1] >= 3 && given[0] >= 3, "{given:?}");
        let many: Vec<Entry> = (0..20).map(|at| long(&at.to_string(), 1)).collect();
        assert_eq!(rooms(&many, 14).iter().sum::<usize>(), 14);
    }

    #[test]
    fn more_entries_than_lines_end_with_how_many_are_left_out() {
        let many: Vec<Entry> = (1..=20).map(|at| long(&format!("E{at}"), 3)).collect();
        let text = lines(&many);
        assert_eq!(text.lines().count(), LINES, "{text}");
        assert_eq!(text.lines().next(), Some("- **E1**: line 1 …"));
        assert_eq!(text.lines().last(), Some("- … 6 more below"));
        let few = [long("A", 30), list("B", 30)];
        assert_eq!(lines(&few).lines().count(), LINES);
    }

    #[test]
    fn labels_come_from_the_question_id() {
        let question = |id: &str| Question {
            id: id.to_string(),
            ask: "?".to_string(),
            kind: Kind::Text,
            options: Vec::new(),
            required: false,
            default: None,
            help: None,
            labels: Vec::new(),
            promise: None,
            remember: false,
            depth: crate::model::Depth::Default,
            glance: true,
            glance_label: None,
        };
        assert_eq!(label_of(&question("goal")), "Goal");
        assert_eq!(
            label_of(&question("know-the-customer.must-say")),
            "Must say"
        );
    }
}
