//! Resolved settings: flags over `COACH_*` variables over the config file over
//! defaults. The only module that reads the environment or probes the terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cli::{ColorChoice, GlobalArgs};
use crate::error::Error;
use crate::language::PackSource;
use crate::suggest::did_you_mean;
use crate::yaml;

const CONFIG_KEYS: [&str; 4] = ["patterns", "no_builtin", "notes_dir", "color"];

#[derive(Debug, Clone)]
pub struct Config {
    /// Packs in load order: later ones replace patterns of earlier ones.
    pub packs: Vec<PackSource>,
    pub notes_dir: PathBuf,
    pub color: ColorChoice,
    /// Both stdin and stderr are terminals: prompting can work. With stdin
    /// piped, console would read keys from /dev/tty and wait forever.
    pub can_prompt: bool,
    /// `$VISUAL` or `$EDITOR`, for long answers; none means typed lines.
    pub editor: Option<String>,
    pub today: jiff::civil::Date,
}

/// What the config file may set; every field optional.
#[derive(Debug, Default)]
struct FileSettings {
    patterns: Vec<PathBuf>,
    no_builtin: Option<bool>,
    notes_dir: Option<PathBuf>,
    color: Option<ColorChoice>,
}

impl Config {
    pub fn resolve(args: &GlobalArgs) -> Result<Config, Error> {
        let env = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
        let file = match config_path(env("COACH_CONFIG").map(PathBuf::from)) {
            Some(path) if path.is_file() => read_config(&path)?,
            _ => FileSettings::default(),
        };

        let no_builtin = args.no_builtin
            || match env("COACH_NO_BUILTIN") {
                Some(value) => parse_flag("COACH_NO_BUILTIN", &value.to_string_lossy())?,
                None => file.no_builtin.unwrap_or(false),
            };
        // Lowest precedence first, so that a flag's pack wins on a shared id.
        let mut packs = Vec::new();
        if !no_builtin {
            packs.push(PackSource::Builtin);
        }
        packs.extend(file.patterns.into_iter().map(PackSource::Dir));
        if let Some(list) = env("COACH_PATTERNS") {
            packs.extend(
                std::env::split_paths(&list)
                    .filter(|dir| !dir.as_os_str().is_empty())
                    .map(PackSource::Dir),
            );
        }
        packs.extend(args.patterns.iter().cloned().map(PackSource::Dir));

        let notes_dir = match (&args.notes_dir, env("COACH_NOTES_DIR"), file.notes_dir) {
            (Some(dir), _, _) => dir.clone(),
            (None, Some(dir), _) => PathBuf::from(dir),
            (None, None, Some(dir)) => dir,
            (None, None, None) => default_notes_dir()?,
        };
        let color = match (args.color, env("COACH_COLOR"), file.color) {
            (Some(color), _, _) => color,
            (None, Some(value), _) => parse_color("COACH_COLOR", &value.to_string_lossy())?,
            (None, None, Some(color)) => color,
            (None, None, None) => ColorChoice::Auto,
        };
        let stderr_is_terminal = std::io::stderr().is_terminal();
        let editor = env("VISUAL")
            .or_else(|| env("EDITOR"))
            .map(|editor| editor.to_string_lossy().into_owned());
        Ok(Config {
            editor,
            today: crate::dates::today(),
            packs,
            notes_dir,
            color,
            can_prompt: stderr_is_terminal && std::io::stdin().is_terminal(),
        })
    }

    /// Applies the colour choice to console's stdout and stderr styling.
    pub fn apply_color(&self) {
        match self.color {
            ColorChoice::Auto => {}
            ColorChoice::Always | ColorChoice::Never => {
                let on = self.color == ColorChoice::Always;
                console::set_colors_enabled(on);
                console::set_colors_enabled_stderr(on);
            }
        }
    }
}

fn config_path(explicit: Option<PathBuf>) -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    explicit.or_else(|| {
        Some(
            etcetera::choose_base_strategy()
                .ok()?
                .config_dir()
                .join("coach")
                .join("config.yaml"),
        )
    })
}

fn default_notes_dir() -> Result<PathBuf, Error> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().map_err(|_| {
        Error::usage(
            "cannot find a home directory for notes; pass --notes-dir DIR or set COACH_NOTES_DIR",
        )
    })?;
    Ok(strategy.data_dir().join("coach").join("notes"))
}

fn read_config(path: &Path) -> Result<FileSettings, Error> {
    let fail = |message: String| Error::Config {
        path: path.to_path_buf(),
        message,
    };
    let text =
        std::fs::read_to_string(path).map_err(|error| fail(format!("cannot read: {error}")))?;
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
    let mut settings = FileSettings::default();
    for (name, value) in &fields {
        match (name.as_str(), value) {
            ("patterns", Value::Array(dirs)) => {
                for dir in dirs {
                    let Value::String(dir) = dir else {
                        return Err(fail("`patterns` must be a list of directories".to_string()));
                    };
                    settings.patterns.push(resolve_path(base, dir));
                }
            }
            ("patterns", Value::String(dir)) => settings.patterns.push(resolve_path(base, dir)),
            ("no_builtin", Value::Bool(yes)) => settings.no_builtin = Some(*yes),
            ("notes_dir", Value::String(dir)) => settings.notes_dir = Some(resolve_path(base, dir)),
            ("color", Value::String(choice)) => {
                settings.color =
                    Some(parse_color("color", choice).map_err(|error| fail(error.to_string()))?)
            }
            (known, _) if CONFIG_KEYS.contains(&known) => {
                return Err(fail(format!(
                    "`{known}` has the wrong type (see README.md, Configuration)"
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

/// Relative paths in the config file are relative to the file; `~/` is home.
fn resolve_path(base: &Path, text: &str) -> PathBuf {
    if let Some(rest) = text.strip_prefix("~/") {
        if let Ok(home) = etcetera::home_dir() {
            return home.join(rest);
        }
    }
    base.join(text)
}

fn parse_flag(name: &str, value: &str) -> Result<bool, Error> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(Error::usage(format!(
            "{name}={value} is not a boolean (use 1 or 0)"
        ))),
    }
}

fn parse_color(name: &str, value: &str) -> Result<ColorChoice, Error> {
    match value {
        "auto" => Ok(ColorChoice::Auto),
        "always" => Ok(ColorChoice::Always),
        "never" => Ok(ColorChoice::Never),
        _ => Err(Error::usage(format!(
            "{name}: `{value}` is not a colour choice (auto, always or never)"
        ))),
    }
}
