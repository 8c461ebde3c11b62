//! `coach customers`: whom to call, and how each relationship is going, one
//! line per customer, those needing attention first.

use std::collections::BTreeMap;
use std::io::Write;

use console::{measure_text_width, pad_str, style, Alignment};
use jiff::civil::Date;
use serde_json::{json, Value};

use crate::cli::CustomersArgs;
use crate::config::Config;
use crate::error::Error;
use crate::memory::promise;
use crate::memory::relationship;
use crate::memory::tally::Tally;
use crate::memory::{Answers, Want, Which};
use crate::text::shown;

/// One customer's line.
struct Summary {
    name: String,
    last_contact: Option<Date>,
    days_since: Option<i64>,
    meetings: usize,
    open_ours: usize,
    open_theirs: usize,
    overdue: usize,
    scores: Vec<f64>,
    usual_gap: Option<i64>,
    keep_in_touch: Option<i64>,
    reach_out: bool,
}

impl Summary {
    fn needs_attention(&self) -> bool {
        self.reach_out || self.overdue > 0
    }
}

pub fn run(args: &CustomersArgs, config: &Config, out: &mut impl Write) -> Result<(), Error> {
    let scales = super::review_scales(config);
    let want = Want {
        notes: Which::All,
        answers: Answers::Numbers,
    };
    // Each note counted in as it comes: only the figures are held, never
    // the archive (whose notes come in any order, with or without the index).
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    super::notes_source::Notes::new(config).each_note(want, &mut |note, key| {
        let tally = match tallies.get_mut(key) {
            Some(tally) => tally,
            None => tallies.entry(key.to_string()).or_default(),
        };
        tally.add(note, &scales, &config.me, config.today);
    })?;
    let mut summaries: Vec<Summary> = tallies
        .into_values()
        .map(|tally| summary(&tally, config))
        .collect();
    // Attention first; then the longest silence first; then by name.
    summaries.sort_by(|a, b| {
        b.needs_attention()
            .cmp(&a.needs_attention())
            .then_with(|| a.last_contact.cmp(&b.last_contact))
            .then_with(|| relationship::key(&a.name).cmp(&relationship::key(&b.name)))
    });
    if args.json {
        let items: Vec<Value> = summaries.iter().map(to_json).collect();
        writeln!(out, "{}", Value::Array(items))?;
    } else {
        table(&summaries, out)?;
    }
    Ok(())
}

fn summary(customer: &Tally, config: &Config) -> Summary {
    let today = config.today;
    let last_contact = customer.last_contact();
    let days_since = last_contact.map(|date| promise::days_between(date, today));
    let usual_gap = customer.usual_gap();
    let name = customer.name();
    let name_key = relationship::key(&name);
    let keep_in_touch = config
        .keep_in_touch
        .iter()
        .find(|(name, _)| relationship::key(name) == name_key)
        .map(|(_, days)| *days);
    Summary {
        name,
        last_contact,
        days_since,
        meetings: customer.meetings(),
        open_ours: customer.open_ours,
        open_theirs: customer.open_theirs,
        overdue: customer.overdue,
        scores: customer.review_scores(),
        usual_gap,
        keep_in_touch,
        reach_out: days_since
            .is_some_and(|days| relationship::reach_out(days, usual_gap, keep_in_touch)),
    }
}

fn to_json(summary: &Summary) -> Value {
    json!({
        "customer": summary.name,
        "last_contact": summary.last_contact.map(|date| date.to_string()),
        "days_since": summary.days_since,
        "meetings": summary.meetings,
        "open": {"ours": summary.open_ours, "theirs": summary.open_theirs},
        "overdue": summary.overdue,
        "review_score": summary.scores.last().map(|score| round(*score)),
        "review_scores": summary.scores.iter().map(|score| round(*score)).collect::<Vec<_>>(),
        "usual_gap_days": summary.usual_gap,
        "keep_in_touch_days": summary.keep_in_touch,
        "reach_out": summary.reach_out,
    })
}

/// One decimal, as shown.
fn round(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}

fn table(summaries: &[Summary], out: &mut impl Write) -> Result<(), Error> {
    if summaries.is_empty() {
        return Ok(());
    }
    let heading = [
        "customer",
        "last contact",
        "meetings",
        "open ours/theirs",
        "overdue",
        "review",
        "usual gap",
        "",
    ];
    let rows: Vec<[String; 8]> = summaries
        .iter()
        .map(|summary| {
            let review = match summary.scores.split_last() {
                Some((latest, _)) => {
                    format!("{:.1} {}", latest, relationship::sparkline(&summary.scores))
                }
                None => String::new(),
            };
            [
                shown(&summary.name),
                match (summary.last_contact, summary.days_since) {
                    (Some(date), Some(days)) => format!("{date} ({})", days_ago(days)),
                    _ => "none yet".to_string(),
                },
                summary.meetings.to_string(),
                format!("{}/{}", summary.open_ours, summary.open_theirs),
                summary.overdue.to_string(),
                review,
                summary
                    .usual_gap
                    .map(|gap| format!("{gap}d"))
                    .unwrap_or_default(),
                if summary.reach_out {
                    "reach out".to_string()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    let mut widths = heading.map(measure_text_width);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(measure_text_width(cell));
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| pad_str(cell, width, Alignment::Left, None).into_owned())
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    writeln!(
        out,
        "{}",
        style(line(heading.map(String::from).to_vec())).bold()
    )?;
    for (summary, row) in summaries.iter().zip(rows) {
        let text = line(row.to_vec());
        if summary.needs_attention() {
            writeln!(out, "{}", style(text).red())?;
        } else {
            writeln!(out, "{text}")?;
        }
    }
    Ok(())
}

/// "today", "1 day ago", "12 days ago".
fn days_ago(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "1 day ago".to_string(),
        _ => format!("{days} days ago"),
    }
}
