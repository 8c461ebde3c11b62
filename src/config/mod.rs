//! Resolved settings: flags over `COACH_*` variables over the config file over
//! defaults. The only module that reads the environment or probes the terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use serde_json::Value;

mod origin;

pub use origin::{Origin, Origins};

use crate::cli::{ColorChoice, GlobalArgs};
use crate::error::Error;
use crate::language::{Depth, PackSource};
use crate::suggest::did_you_mean;
use crate::yaml;

const CONFIG_KEYS: [&str; 7] = [
    "patterns",
    "no_builtin",
    "notes_dir",
    "color",
    "me",
    "keep_in_touch",
    "depth",
];

#[derive(Debug, Clone)]
pub struct Config {
    /// Packs in load order: later ones replace patterns of earlier ones.
    pub packs: Vec<PackSource>,
    pub notes_dir: PathBuf,
    pub color: ColorChoice,
    /// How deep a walk goes unless `--depth` says (`COACH_DEPTH`, `depth:`).
    pub depth: Depth,
    /// Both stdin and stderr are terminals: prompting can work. With stdin
    /// piped, console would read keys from /dev/tty and wait forever.
    pub can_prompt: bool,
    /// `$VISUAL` or `$EDITOR`, for long answers; none means typed lines.
    pub editor: Option<String>,
    pub today: jiff::civil::Date,
    /// Names that mean "us" in a commitment's `who`, besides me, us, I, we.
    pub me: Vec<String>,
    /// Days after which to reach out to a customer (`keep_in_touch:`), by name.
    pub keep_in_touch: Vec<(String, i64)>,
    /// Where the index of the notes lives (`$XDG_CACHE_HOME/coach`); None
    /// reads the notes directly (`--no-index`, `COACH_NO_INDEX=1`, or no
    /// home to keep a cache in).
    pub cache_dir: Option<PathBuf>,
    /// Standard error is a terminal: progress can be drawn there.
    pub stderr_is_terminal: bool,
    /// Standard output is a terminal: lists may be aligned for a reader.
    pub stdout_is_terminal: bool,
    /// Standard output was closed when coach started (`>&-`): data meant
    /// for it cannot be delivered.
    pub stdout_closed: bool,
    /// Where each setting came from (`coach config`).
    pub origins: Origins,
    /// Pack folders named by a setting that are not folders: the config
    /// file that names one (none for a flag or variable), and why.
    missing_packs: Vec<(Option<PathBuf>, String)>,
}

/// What the config file may set; every field optional.
#[derive(Debug, Default)]
struct FileSettings {
    /// The file read, if any.
    path: Option<PathBuf>,
    patterns: Vec<PathBuf>,
    no_builtin: Option<bool>,
    notes_dir: Option<PathBuf>,
    color: Option<ColorChoice>,
    depth: Option<Depth>,
    me: Vec<String>,
    keep_in_touch: Vec<(String, i64)>,
}

impl Config {
    pub fn resolve(args: &GlobalArgs) -> Result<Config, Error> {
        let env = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
        let file_from_env = env("COACH_CONFIG").is_some();
        let file_path = config_path();
        let file = match (&file_path, file_from_env) {
            // Named on purpose: a missing file is a mistake, not "no settings".
            (Some(path), true) if !path.exists() => {
                return Err(Error::Config {
                    path: path.clone(),
                    message: "no such file (named by COACH_CONFIG)".to_string(),
                });
            }
            (Some(path), _) if path.exists() => read_config(path)?,
            _ => FileSettings::default(),
        };
        let set = |name: &'static str| (env(name).is_some(), name);
        let mut origins = Origins {
            file_read: file_path.as_deref().is_some_and(Path::exists),
            file: file_path,
            file_from_env,
            notes_dir: Origin::first(
                (args.notes_dir.is_some(), "--notes-dir"),
                set("COACH_NOTES_DIR"),
                file.notes_dir.is_some(),
            ),
            packs: Vec::new(),
            no_builtin: Origin::first(
                (args.no_builtin, "--no-builtin"),
                set("COACH_NO_BUILTIN"),
                file.no_builtin.is_some(),
            ),
            color: Origin::first(
                (args.color.is_some(), "--color"),
                set("COACH_COLOR"),
                file.color.is_some(),
            ),
            depth: Origin::first((false, ""), set("COACH_DEPTH"), file.depth.is_some()),
            index: Origin::first((args.no_index, "--no-index"), set("COACH_NO_INDEX"), false),
            me: Origin::first((false, ""), (false, ""), !file.me.is_empty()),
            keep_in_touch: Origin::first((false, ""), (false, ""), !file.keep_in_touch.is_empty()),
        };

        let no_builtin = args.no_builtin
            || match env("COACH_NO_BUILTIN") {
                Some(value) => parse_flag("COACH_NO_BUILTIN", &value.to_string_lossy())?,
                None => file.no_builtin.unwrap_or(false),
            };
        // Lowest precedence first, so that a flag's pack wins on a shared id.
        // A folder a setting names that is not there is a bad setting (exit
        // 2), not a broken pack; said when the packs are loaded, so that
        // commands that need none still work.
        let mut packs = Vec::new();
        let mut missing_packs = Vec::new();
        let mut add = |dir: PathBuf, from: &str, file: Option<&PathBuf>, origin: Origin| {
            if let Err(message) = pack_dir(&dir, from) {
                missing_packs.push((file.cloned(), message));
            }
            packs.push(PackSource::Dir(dir));
            origins.packs.push(origin);
        };
        for dir in file.patterns {
            add(dir, "`patterns`", file.path.as_ref(), Origin::File);
        }
        if let Some(list) = env("COACH_PATTERNS") {
            for dir in std::env::split_paths(&list).filter(|dir| !dir.as_os_str().is_empty()) {
                add(dir, "COACH_PATTERNS", None, Origin::Env("COACH_PATTERNS"));
            }
        }
        for dir in &args.patterns {
            add(dir.clone(), "--patterns", None, Origin::Flag("--patterns"));
        }
        if !no_builtin {
            packs.insert(0, PackSource::Builtin);
            origins.packs.insert(0, Origin::Default);
        }
        let notes_dir = match (&args.notes_dir, env("COACH_NOTES_DIR"), file.notes_dir) {
            (Some(dir), _, _) => checked_notes_dir(dir.clone(), "--notes-dir")?,
            (None, Some(dir), _) => checked_notes_dir(PathBuf::from(dir), "COACH_NOTES_DIR")?,
            (None, None, Some(dir)) => checked_notes_dir(dir, "notes_dir in the config file")?,
            (None, None, None) => {
                checked_notes_dir(default_notes_dir()?, "the default notes folder")?
            }
        };
        let color = match (args.color, env("COACH_COLOR"), file.color) {
            (Some(color), _, _) => color,
            (None, Some(value), _) => parse_color("COACH_COLOR", &value.to_string_lossy())?,
            (None, None, Some(color)) => color,
            (None, None, None) => ColorChoice::Auto,
        };
        let depth = match (env("COACH_DEPTH"), file.depth) {
            (Some(value), _) => parse_depth("COACH_DEPTH", &value.to_string_lossy())?,
            (None, Some(depth)) => depth,
            (None, None) => Depth::Default,
        };
        let stderr_is_terminal = std::io::stderr().is_terminal();
        let editor = env("VISUAL")
            .or_else(|| env("EDITOR"))
            .map(|editor| editor.to_string_lossy().into_owned());
        let today = match &args.today {
            Some(text) => crate::dates::parse(text, crate::dates::today())
                .map_err(|error| Error::usage(format!("--today: {error}")))?,
            None => crate::dates::today(),
        };
        let no_index = args.no_index
            || match env("COACH_NO_INDEX") {
                Some(value) => parse_flag("COACH_NO_INDEX", &value.to_string_lossy())?,
                None => false,
            };
        let cache_dir = if no_index { None } else { default_cache_dir() };
        Ok(Config {
            editor,
            cache_dir,
            stderr_is_terminal,
            stdout_is_terminal: std::io::stdout().is_terminal(),
            today,
            me: file.me,
            keep_in_touch: file.keep_in_touch,
            packs,
            notes_dir,
            color,
            depth,
            can_prompt: stderr_is_terminal && std::io::stdin().is_terminal(),
            stdout_closed: STDOUT_CLOSED.load(std::sync::atomic::Ordering::SeqCst),
            origins,
            missing_packs,
        })
    }

    /// Fails, as a bad setting, when a pack folder a setting names is not
    /// there; run before the packs are loaded.
    pub fn check_pack_dirs(&self) -> Result<(), Error> {
        match self.missing_packs.first() {
            None => Ok(()),
            Some((Some(path), message)) => Err(Error::Config {
                path: path.clone(),
                message: message.clone(),
            }),
            Some((None, message)) => Err(Error::usage(message.clone())),
        }
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

static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Run first. Rust's start-up puts /dev/null, opened read-write, in place of
/// a closed standard stream (`coach ... >&-`), so that no file coach opens
/// takes its number; writes to it then vanish without an error. A shell's
/// `>/dev/null` opens it write-only: so stdout on /dev/null read-write means
/// it was closed, and data meant for it cannot be delivered.
pub fn detect_closed_stdout() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(null) = std::fs::metadata("/dev/null") else {
            return;
        };
        // SAFETY: fstat and fcntl only describe descriptor 1; the struct is
        // used only when fstat filled it.
        let closed = unsafe {
            let mut stat: libc::stat = std::mem::zeroed();
            libc::fstat(libc::STDOUT_FILENO, &mut stat) == 0
                && stat.st_mode & libc::S_IFMT == libc::S_IFCHR
                && stat.st_rdev as u64 == null.rdev()
                && libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFL) & libc::O_ACCMODE == libc::O_RDWR
        };
        STDOUT_CLOSED.store(closed, std::sync::atomic::Ordering::SeqCst);
    }
}

/// The config file coach reads: the one `COACH_CONFIG` names, else the
/// default path (which may not exist).
fn config_path() -> Option<PathBuf> {
    match std::env::var_os("COACH_CONFIG").filter(|value| !value.is_empty()) {
        Some(path) => Some(PathBuf::from(path)),
        None => default_config_path(),
    }
}

fn default_config_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    Some(
        etcetera::choose_base_strategy()
            .ok()?
            .config_dir()
            .join("coach")
            .join("config.yaml"),
    )
}

fn default_cache_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    Some(
        etcetera::choose_base_strategy()
            .ok()?
            .cache_dir()
            .join("coach"),
    )
}

fn default_notes_dir() -> Result<PathBuf, Error> {
    use etcetera::BaseStrategy;
    let no_home = || {
        Error::usage(
            "cannot find a home directory for notes; pass --notes-dir DIR or set COACH_NOTES_DIR",
        )
    };
    // HOME=/ (a service account): notes would land in /.local, beside the system's own folders.
    if etcetera::home_dir()
        .map_err(|_| no_home())?
        .parent()
        .is_none()
        && std::env::var_os("XDG_DATA_HOME").is_none_or(|dir| dir.is_empty())
    {
        return Err(Error::usage(
            "HOME is the filesystem root (/); pass --notes-dir DIR or set COACH_NOTES_DIR",
        ));
    }
    let strategy = etcetera::choose_base_strategy().map_err(|_| no_home())?;
    Ok(strategy.data_dir().join("coach").join("notes"))
}

/// A notes folder that is not empty and not the filesystem root, where
/// customer folders would be scattered over the whole system.
fn checked_notes_dir(dir: PathBuf, from: &str) -> Result<PathBuf, Error> {
    let fix = "pass --notes-dir DIR or set COACH_NOTES_DIR to a folder of its own";
    if dir.as_os_str().is_empty() {
        return Err(Error::usage(format!("{from} is empty; {fix}")));
    }
    let only_root = dir.has_root()
        && dir.components().all(|part| {
            use std::path::Component;
            matches!(
                part,
                Component::RootDir | Component::CurDir | Component::ParentDir
            )
        });
    let resolves_to_root = std::fs::canonicalize(&dir).is_ok_and(|real| real.parent().is_none());
    if only_root || resolves_to_root {
        return Err(Error::usage(format!(
            "{from} is the filesystem root ({}); {fix}",
            dir.display()
        )));
    }
    Ok(dir)
}

fn read_config(path: &Path) -> Result<FileSettings, Error> {
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
fn pack_dir(dir: &Path, from: &str) -> Result<(), String> {
    match std::fs::metadata(dir) {
        Ok(metadata) if metadata.is_dir() => Ok(()),
        Ok(metadata) => {
            let kind = match metadata.file_type() {
                kind if kind.is_file() => "a file",
                kind => crate::file_type::describe(kind),
            };
            Err(format!(
                "{from}: {} is {kind}, not a folder of pattern files",
                dir.display()
            ))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            Err(format!("{from}: there is no folder {}", dir.display()))
        }
        // Anything else is the pack loader's to report, with the pack.
        Err(_) => Ok(()),
    }
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

fn parse_depth(name: &str, value: &str) -> Result<Depth, Error> {
    Depth::from_name(value).ok_or_else(|| {
        Error::usage(format!(
            "{name}: `{value}` is not a depth (quick, default or full)"
        ))
    })
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
