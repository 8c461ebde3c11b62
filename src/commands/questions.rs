//! `coach questions CHECKLIST`: the walk's questions as data, or an answers
//! file to fill in that `--answers` accepts as it is.

use std::io::Write;

use serde_json::{json, Value};

use crate::cli::{DataFormat, QuestionsArgs};
use crate::config::Config;
use crate::error::Error;
use crate::language::{Kind, Language, Question};
use crate::model::promise::Promise;
use crate::walk::answers_file;
use crate::walk::{Missing, Walk, WalkError, Walked};
use crate::yaml;

pub fn run(args: &QuestionsArgs, config: &Config, out: &mut impl Write) -> Result<(), Error> {
    let language = super::load(config)?;
    super::require_checklist(&language, &args.checklist)?;
    let mut given = answers_file::collect(&args.answers)?;
    // A debrief's `closed` and `rescheduled` name commitments, not
    // questions: they change nothing asked, and are checked by the walk
    // against the open ones.
    if args.checklist == "debrief" {
        let promises = [
            crate::walk::closing::CLOSED,
            crate::walk::reschedule::RESCHEDULED,
        ];
        given.retain(|(id, _)| !promises.contains(&id.as_str()));
    }
    // A walk with nobody to ask: given answers and defaults decide which
    // options' `include`s join, so the list matches what a walk would ask.
    let walk = Walk {
        language: &language,
        checklist: &args.checklist,
        given: given.clone(),
        skipped: Vec::new(),
        missing: Missing::UseDefaults,
        today: config.today,
        brief: None,
        known: Vec::new(),
        open: None,
        depth: args.depth.unwrap_or(config.depth),
    };
    let walked = match walk.run(None) {
        Ok(walked) => walked,
        Err(WalkError::Invalid(problems)) => return Err(Error::Answers(problems)),
        Err(WalkError::Interrupted(_) | WalkError::Failed(..)) => {
            unreachable!("a walk without a prompter neither stops nor fails")
        }
    };
    if args.template {
        let by_id: std::collections::HashMap<&str, &Value> = given
            .iter()
            .map(|(id, value)| (id.as_str(), value))
            .collect();
        let given_value = |id: &str| by_id.get(id).map(|value| (*value).clone());
        write!(
            out,
            "{}",
            template(&args.checklist, &walked.asked, &given_value)
        )?;
        write!(out, "{}", includable(&language, &walked))?;
        return Ok(());
    }
    let questions: Vec<Value> = walked
        .asked
        .iter()
        .map(|question| {
            json!({
                "id": question.id,
                "pattern": question.id.split_once('.').map(|(pattern, _)| pattern),
                "kind": question.kind.name(),
                "ask": question.ask,
                "required": question.required,
                "default": question.default,
                "options": question.options.iter().map(|option| json!({"label": option.label, "include": option.include})).collect::<Vec<_>>(),
                "help": question.help,
                "depth": question.depth.name(),
                "glance": question.glance,
                "promise": question.promise.is_some(),
            })
        })
        .collect();
    match args.format {
        DataFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &questions).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        DataFormat::Yaml => write!(out, "{}", yaml::to_string(&questions))?,
    }
    Ok(())
}

/// An answers file with every question as a comment and its value (given,
/// default, or `~` for "ask me" / "leave unanswered").
fn template(
    checklist: &str,
    questions: &[Question],
    given: &dyn Fn(&str) -> Option<Value>,
) -> String {
    let mut text = format!(
        "# Answers for the `{checklist}` walk: fill in and pass with --answers FILE.\n\
         # `~` means not answered: asked at a terminal, an error if required without one.\n\
         # Dates: YYYY-MM-DD, today, tomorrow, +3d, next friday.\n"
    );
    for question in questions {
        let required = if question.required { ", required" } else { "" };
        text += &format!(
            "\n# {} ({}{required})\n",
            comment(&question.ask),
            question.kind.name()
        );
        if question.kind.has_options() {
            let labels: Vec<String> = question
                .options
                .iter()
                .map(|option| comment(&option.label))
                .collect();
            text += &format!("# options: {}\n", labels.join(" | "));
        }
        match question.kind {
            Kind::Commitments => text +=
                "# a list of {what, due, who}, e.g. [{what: Send the plan, due: +3d, who: me}]\n",
            Kind::List | Kind::MultiSelect => text += "# a list, e.g. [first, second]\n",
            _ => {}
        }
        if let Some(promise) = &question.promise {
            text += &format!("# {}\n", promise_comment(promise));
        }
        let value = given(&question.id)
            .or_else(|| question.default.clone())
            .unwrap_or(Value::Null);
        let rendered = if value.is_null() {
            "~".to_string()
        } else {
            yaml::to_string(&value)
        };
        let rendered = rendered.trim_end();
        if let Some(block) = rendered.strip_prefix("|-\n") {
            text += &format!("{}: |-\n{}\n", question.id, indent(block));
        } else if rendered.contains('\n') {
            text += &format!("{}:\n{}\n", question.id, indent(rendered));
        } else {
            text += &format!("{}: {rendered}\n", question.id);
        }
    }
    text
}

/// What a promising question's answer becomes, for the template.
fn promise_comment(promise: &Promise) -> String {
    match promise {
        Promise::Dated(what) => format!("a commitment: {}, due on this date", comment(what)),
        Promise::EachItem => {
            "each item a commitment of yours: `what | due`, e.g. [Send the agenda | tomorrow]; without a date it is due on the meeting day".to_string()
        }
        Promise::OnYes { what, days } => {
            let due = match days {
                0 => "on the meeting day".to_string(),
                1 => "1 day after the meeting".to_string(),
                _ => format!("{days} days after the meeting"),
            };
            format!("yes makes a commitment: {}, due {due}", comment(what))
        }
    }
}

/// Questions of patterns that only a chosen option brings in, commented out so
/// the file stays valid as it is: uncomment them when you choose that option.
fn includable(language: &Language, walked: &Walked) -> String {
    let mut text = String::new();
    // Sets, not lists: a large pack may include many patterns.
    let mut listed: std::collections::HashSet<&str> =
        walked.patterns.iter().map(String::as_str).collect();
    for question in &walked.asked {
        for option in &question.options {
            for id in &option.include {
                let Some(pattern) = language.pattern(id) else {
                    continue;
                };
                if !listed.insert(id) {
                    continue;
                }
                let questions = pattern.questions_for(&walked.checklist);
                if questions.is_empty() {
                    continue;
                }
                if text.is_empty() {
                    text += "\n# Asked only when an option that includes their pattern is chosen:\n# uncomment the ones you need.\n";
                }
                text += &format!(
                    "\n# {} ({}), included by `{}: {}`\n",
                    comment(&pattern.name),
                    pattern.id,
                    question.id,
                    comment(&option.label)
                );
                for included in questions {
                    text += &format!("# {} ({})\n", comment(&included.ask), included.kind.name());
                    if let Some(promise) = &included.promise {
                        text += &format!("# {}\n", promise_comment(promise));
                    }
                    text += &format!("#{}: ~\n", included.id);
                }
            }
        }
    }
    text
}

/// Pack text inside a `#` comment: one line (a line break would end the
/// comment and break the file), no control characters.
fn comment(text: &str) -> String {
    crate::text::one_line(text)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("  {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}
