//! The task lines of a note's body: `- [ ] Send the plan (due ..., me) `c-k3v9q2xa``
//! and `- [x] ...`, as the note renderer writes them under `## Commitments`.

use crate::memory::read::Body;

/// One task line that names a commitment id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskLine {
    pub id: String,
    pub done: bool,
    /// The 1-based line in the file.
    pub line: usize,
}

/// Every task line of `body` that ends with a commitment id in backticks.
pub fn task_lines(body: &Body) -> Vec<TaskLine> {
    body.text
        .lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let (done, rest) = task(line)?;
            let id = rest.trim_end().strip_suffix('`')?;
            let id = &id[id.rfind('`')? + 1..];
            id.starts_with("c-").then(|| TaskLine {
                id: id.to_string(),
                done,
                line: body.first_line + index,
            })
        })
        .collect()
}

/// `- [ ] rest` or `- [x] rest`: whether it is ticked, and the rest.
fn task(line: &str) -> Option<(bool, &str)> {
    let rest = line.strip_prefix("- [")?;
    let mut chars = rest.chars();
    let mark = chars.next()?;
    let rest = chars.as_str().strip_prefix("] ")?;
    match mark {
        ' ' => Some((false, rest)),
        'x' | 'X' => Some((true, rest)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_open_and_ticked_tasks_with_their_lines() {
        let body = Body {
            text: "\n## Commitments\n\n- [ ] Send (due 2026-12-05, me) `c-k3v9q2xa`\n- [x] Sign (due 2026-12-09) `c-abcdef`\n- [ ] no id\n\\- [ ] escaped `c-zzzzzz`\n".into(),
            first_line: 20,
        };
        assert_eq!(
            task_lines(&body),
            [
                TaskLine {
                    id: "c-k3v9q2xa".into(),
                    done: false,
                    line: 23
                },
                TaskLine {
                    id: "c-abcdef".into(),
                    done: true,
                    line: 24
                },
            ]
        );
    }
}
