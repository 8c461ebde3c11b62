//! The config file: its settings read and checked, one line per problem
//! naming the file, the line and the values that are valid; and the
//! parsing of the values flags and `COACH_*` variables share with it.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cli::ColorChoice;
use crate::error::Error;
use crate::language::Depth;
use crate::suggest::did_you_mean;
use crate::yaml;

const CONFIG_KEYS: [&str; 8] = [
    "patterns",
    "no_builtin",
    "notes_dir",
    "color",
    "me",
    "keep_in_touch",
    "depth",
    "git",
];

/// What the config file may set; every field optional.
#[derive(Debug, Default)]
pub(super) struct FileSettings {
    /// The file read, if any.
    pub(super) path: Option<PathBuf>,
    pub(super) patterns: Vec<PathBuf>,
    pub(super) no_builtin: Option<bool>,
    pub(super) notes_dir: Option<PathBuf>,
    pub(super) color: Option<ColorChoice>,
    pub(super) depth: Option<Depth>,
    pub(super) git: Option<bool>,
    pub(super) me: Vec<String>,
    pub(super) keep_in_touch: Vec<(String, i64)>,
}

pub(super) fn read_config(path: &Path) -> Result<FileSettings, Error> {
    let fail = |message: String| Error::Config {
        path: path.to_path_buf(),
        message,
    };
    // A config file that cannot be read is a bad setting, like a bad value in it.
    let text = crate::capped_read::read_capped(path).map_err(|error| match error {
        Error::Io { source, .. } => fail(format!("cannot read it: {source}")),
        other => other,
    })?;
    let document = yaml::parse(&text).map_err(|error| {
        let at = error
            .line
            .map(|line| format!("line {line}: "))
            .unwrap_or_default();
        fail(format!("{at}invalid YAML: {}", error.message))
    })?;
    let fields = match document {
        Value::Null => return Ok(FileSettings::default()),
        Value::Object(fields) => fields,
        _ => return Err(fail("expected a mapping of settings".to_string())),
    };
    let base = path.parent().unwrap_or(Path::new("."));
    let mut settings = FileSettings {
        path: Some(path.to_path_buf()),
        ..FileSettings::default()
    };
    let lines = yaml::locator::SourceMap::new(&text);
    for (name, value) in &fields {
        let fail = |message: String| {
            let at = lines
                .position(&[yaml::locator::Step::Key(name.clone())])
                .map(|(line, _)| format!("line {line}: "))
                .unwrap_or_default();
            fail(format!("{at}{message}"))
        };
        match (name.as_str(), value) {
            ("patterns", Value::Array(dirs)) => {
                for dir in dirs {
                    let Value::String(dir) = dir else {
                        return Err(fail(format!(
                            "`patterns` must be a folder or a list of folders, not {}",
                            kind_of(dir)
                        )));
                    };
                    settings.patterns.push(resolve_path(base, dir));
                }
            }
            ("patterns", Value::String(dir)) => settings.patterns.push(resolve_path(base, dir)),
            ("me", Value::Array(names)) => {
                for name in names {
                    match name {
                        Value::String(name) if !name.trim().is_empty() => {
                            settings.me.push(name.clone())
                        }
                        _ => {
                            return Err(fail(format!(
                                "`me` must be a name or a list of names, not {}",
                                kind_of(name)
                            )))
                        }
                    }
                }
            }
            ("me", Value::String(name)) if !name.trim().is_empty() => {
                settings.me.push(name.clone())
            }
            ("keep_in_touch", Value::Object(customers)) => {
                for (customer, span) in customers {
                    let days = match span {
                        Value::String(span) => days_of(span),
                        _ => None,
                    };
                    let Some(days) = days else {
                        let at = lines
                            .position(&[
                                yaml::locator::Step::Key(name.clone()),
                                yaml::locator::Step::Key(customer.clone()),
                            ])
                            .map(|(line, _)| format!("line {line}: "))
                            .unwrap_or_default();
                        return Err(Error::Config {
                            path: path.to_path_buf(),
                            message: format!(
                                "{at}`keep_in_touch` for `{}` must be a number of days or weeks (30d, 4w), not {}",
                                crate::text::strip_controls(customer),
                                kind_of(span)
                            ),
                        });
                    };
                    settings.keep_in_touch.push((customer.clone(), days));
                }
            }
            ("no_builtin", Value::Bool(yes)) => settings.no_builtin = Some(*yes),
            ("notes_dir", Value::String(dir)) => settings.notes_dir = Some(resolve_path(base, dir)),
            ("color", Value::String(choice)) => {
                settings.color =
                    Some(parse_color("color", choice).map_err(|error| fail(error.to_string()))?)
            }
            ("git", Value::String(choice)) => {
                settings.git =
                    Some(parse_git("git", choice).map_err(|error| fail(error.to_string()))?)
            }
            ("depth", Value::String(depth)) => {
                settings.depth =
                    Some(parse_depth("depth", depth).map_err(|error| fail(error.to_string()))?)
            }
            (known, value) if CONFIG_KEYS.contains(&known) => {
                let wanted = match known {
                    "patterns" => "a folder or a list of folders",
                    "no_builtin" => "true or false",
                    "notes_dir" => "a folder",
                    "me" => "a name or a list of names",
                    "keep_in_touch" => "a mapping of customer names to spans (Acme: 30d)",
                    "depth" => "quick, default or full",
                    "git" => "commit or off",
                    _ => "auto, always or never",
                };
                return Err(fail(format!(
                    "`{known}` must be {wanted}, not {}",
                    kind_of(value)
                )));
            }
            (unknown, _) => {
                let hint = did_you_mean(unknown, CONFIG_KEYS);
                return Err(fail(format!(
                    "unknown setting `{unknown}` (expected one of {}){hint}",
                    CONFIG_KEYS.join(", ")
                )));
            }
        }
    }
    Ok(settings)
}

/// `30d` or `4w` as days; at least one day.
fn days_of(span: &str) -> Option<i64> {
    let span = span.trim();
    let unit = match span.chars().last()? {
        'd' => 1,
        'w' => 7,
        _ => return None,
    };
    let number = &span[..span.len() - 1];
    if !number.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let days = number.parse::<i64>().ok()?.checked_mul(unit)?;
    (days > 0).then_some(days)
}

/// What a value is, for an error that says what was expected instead.
fn kind_of(value: &Value) -> String {
    match value {
        Value::Null => "empty".to_string(),
        Value::Bool(yes) => format!("`{yes}`"),
        Value::Number(number) => format!("`{number}`"),
        Value::String(text) => format!("`{}`", crate::text::strip_controls(text)),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a mapping".to_string(),
    }
}

/// Relative paths in the config file are relative to the file; `~` and
/// `~/` are home. An empty path stays empty, to be refused.
fn resolve_path(base: &Path, text: &str) -> PathBuf {
    if text.is_empty() {
        return PathBuf::new();
    }
    if text == "~" || text.starts_with("~/") {
        if let Ok(home) = etcetera::home_dir() {
            return home.join(text.trim_start_matches('~').trim_start_matches('/'));
        }
    }
    base.join(text)
}

/// A pack folder named by a setting (`from`), or why it cannot be one.
pub(super) fn parse_flag(name: &str, value: &str) -> Result<bool, Error> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(Error::usage(format!(
            "{name}={value} is not a boolean (use 1 or 0)"
        ))),
    }
}

pub(super) fn parse_git(name: &str, value: &str) -> Result<bool, Error> {
    match value {
        "commit" => Ok(true),
        "off" => Ok(false),
        _ => Err(Error::usage(format!(
            "{name}: `{value}` is not a git choice (commit or off)"
        ))),
    }
}

pub(super) fn parse_depth(name: &str, value: &str) -> Result<Depth, Error> {
    Depth::from_name(value).ok_or_else(|| {
        Error::usage(format!(
            "{name}: `{value}` is not a depth (quick, default or full)"
        ))
    })
}

pub(super) fn parse_color(name: &str, value: &str) -> Result<ColorChoice, Error> {
    match value {
        "auto" => Ok(ColorChoice::Auto),
        "always" => Ok(ColorChoice::Always),
        "never" => Ok(ColorChoice::Never),
        _ => Err(Error::usage(format!(
            "{name}: `{value}` is not a colour choice (auto, always or never)"
        ))),
    }
}
