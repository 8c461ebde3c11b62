//! `coach config`: the settings in effect and where each came from;
//! `coach config path`: the config file coach reads.

use std::io::Write;

use serde_json::{json, Value};

use crate::config::{Config, Origin};
use crate::error::Error;
use crate::language::PackSource;

pub fn path(config: &Config, out: &mut impl Write) -> Result<(), Error> {
    match &config.origins.file {
        Some(path) => writeln!(out, "{}", path.display())?,
        None => {
            return Err(Error::usage(
                "no config file: there is no home directory to find one in; set COACH_CONFIG",
            ))
        }
    }
    Ok(())
}

/// Where a setting came from, naming the config file it was read from.
fn from(origin: &Origin, config: &Config) -> String {
    match (origin, &config.origins.file) {
        (Origin::File, Some(path)) => path.display().to_string(),
        _ => origin.describe(),
    }
}

/// Each setting as (name, value, where from).
fn settings(config: &Config) -> Vec<(&'static str, Value, String)> {
    let origins = &config.origins;
    let mut packs: Vec<Value> = config
        .packs
        .iter()
        .map(|pack| match pack {
            PackSource::Builtin => json!("<built-in>"),
            PackSource::Dir(dir) => json!(dir.display().to_string()),
        })
        .collect();
    let mut pack_origins = origins
        .packs
        .iter()
        .map(|origin| from(origin, config))
        .collect::<Vec<_>>();
    if !config.packs.contains(&PackSource::Builtin) {
        packs.insert(0, json!("<built-in> left out"));
        pack_origins.insert(0, from(&origins.no_builtin, config));
    }
    let keep_in_touch: serde_json::Map<String, Value> = config
        .keep_in_touch
        .iter()
        .map(|(name, days)| (name.clone(), json!(format!("{days}d"))))
        .collect();
    let index = match &config.cache_dir {
        Some(dir) => json!(dir.display().to_string()),
        None => json!("off"),
    };
    vec![
        (
            "notes_dir",
            json!(config.notes_dir.display().to_string()),
            from(&origins.notes_dir, config),
        ),
        (
            "packs",
            json!({"packs": packs, "from": pack_origins}),
            from(&origins.no_builtin, config),
        ),
        (
            "color",
            json!(format!("{:?}", config.color).to_lowercase()),
            from(&origins.color, config),
        ),
        (
            "depth",
            json!(config.depth.name()),
            from(&origins.depth, config),
        ),
        ("index", index, from(&origins.index, config)),
        ("me", json!(config.me), from(&origins.me, config)),
        (
            "keep_in_touch",
            Value::Object(keep_in_touch),
            from(&origins.keep_in_touch, config),
        ),
    ]
}

pub fn show(config: &Config, json: bool, out: &mut impl Write) -> Result<(), Error> {
    let origins = &config.origins;
    let file = origins.file.as_ref().map(|path| path.display().to_string());
    let file_state = match (&file, origins.file_read) {
        (None, _) => "none: no home directory".to_string(),
        (Some(_), true) if origins.file_from_env => "read (named by COACH_CONFIG)".to_string(),
        (Some(_), true) => "read".to_string(),
        (Some(_), false) => "not found: defaults apply".to_string(),
    };
    if json {
        let mut object = serde_json::Map::new();
        object.insert(
            "config_file".to_string(),
            json!({"path": file, "read": origins.file_read}),
        );
        for (name, value, origin) in settings(config) {
            let entry = match (name, value) {
                ("packs", Value::Object(packs)) => {
                    let from = packs["from"].as_array().cloned().unwrap_or_default();
                    let list: Vec<Value> = packs["packs"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .zip(from)
                        .map(|(pack, from)| json!({"value": pack, "from": from}))
                        .collect();
                    Value::Array(list)
                }
                (_, value) => json!({"value": value, "from": origin}),
            };
            object.insert(name.to_string(), entry);
        }
        serde_json::to_writer_pretty(&mut *out, &Value::Object(object))
            .map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    let file = file.unwrap_or_else(|| "-".to_string());
    writeln!(out, "{:<14} {file}  ({file_state})", "config file")?;
    for (name, value, origin) in settings(config) {
        match (name, &value) {
            ("packs", Value::Object(packs)) => {
                let from = packs["from"].as_array().cloned().unwrap_or_default();
                let list = packs["packs"].as_array().cloned().unwrap_or_default();
                if list.is_empty() {
                    writeln!(out, "{name:<14} none  ({origin})")?;
                }
                for (at, (pack, from)) in list.iter().zip(from).enumerate() {
                    let label = if at == 0 { name } else { "" };
                    let pack = pack.as_str().unwrap_or_default();
                    let from = from.as_str().unwrap_or_default();
                    writeln!(out, "{label:<14} {pack}  ({from})")?;
                }
            }
            _ => {
                let shown = match &value {
                    Value::String(text) => text.clone(),
                    Value::Array(items) if items.is_empty() => "none".to_string(),
                    Value::Object(items) if items.is_empty() => "none".to_string(),
                    Value::Array(items) => items
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", "),
                    Value::Object(items) => items
                        .iter()
                        .map(|(key, value)| {
                            format!("{key}: {}", value.as_str().unwrap_or_default())
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                    other => other.to_string(),
                };
                let shown = crate::text::visible_controls(&shown);
                writeln!(out, "{name:<14} {shown}  ({origin})")?;
            }
        }
    }
    Ok(())
}
