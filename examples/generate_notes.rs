//! Writes a deterministic archive of notes for measuring and testing the
//! memory commands (`coach due`, `coach notes check`). See BENCHMARKS.md.
//!
//! ```sh
//! cargo run --release --example generate_notes -- 10000 /tmp/notes              # seed 1
//! cargo run --release --example generate_notes -- 10000 /tmp/notes --seed 7
//! coach --notes-dir /tmp/notes --today 2026-12-01 due
//! ```
//!
//! N notes over N/25 customers (at least one), in the version 1 format of
//! docs/notes.md, each customer's folder with its `.customer` file: about
//! 40% prep, 45% debrief (with commitments, ours and theirs, due around
//! 2026-12-01, some overdue, some done with a `closed` date) and 15% review
//! notes, dated over the two years up to TODAY (2026-12-01): no note's `date`
//! or `created`, and no `closed`, is later than TODAY. The same N and seed
//! always write the same bytes.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// The day the due dates cluster around: pass it as `--today` for stable output.
pub const TODAY: (i16, i8, i8) = (2026, 12, 1);

const USAGE: &str = "usage: generate_notes N DIR [--seed S]";

#[allow(dead_code)]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("generate_notes: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Runs one command line (without the program name); shared with the tests.
pub fn run(args: &[String]) -> Result<(), String> {
    let (count, dir, seed) = match args {
        [count, dir] => (count, dir, "1"),
        [count, dir, flag, seed] if flag == "--seed" => (count, dir, seed.as_str()),
        _ => return Err("expected N and DIR, then optionally --seed S".to_string()),
    };
    let count: usize = count
        .parse()
        .ok()
        .filter(|count| *count > 0)
        .ok_or_else(|| format!("`{count}` is not a positive number"))?;
    let seed: u64 = seed
        .parse()
        .map_err(|_| format!("`{seed}` is not a number"))?;
    generate(count, Path::new(dir), seed)
}

/// xorshift64*: small, fast and the same on every machine.
struct Random(u64);

impl Random {
    fn new(seed: u64) -> Self {
        Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const FIRST: [&str; 12] = [
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Globex",
    "Initech",
    "Umbrella",
    "Soylent",
    "Hooli",
    "Stark",
    "Wayne",
    "Tyrell",
    "Société",
];
const SECOND: [&str; 8] = [
    "Traders",
    "Logistics",
    "Health",
    "Foods",
    "Energy",
    "Générale",
    "Systems",
    "Bank",
];
const MEETINGS: [&str; 8] = [
    "Pilot kickoff",
    "Quarterly review",
    "Renewal",
    "Escalation call",
    "Roadmap session",
    "Site visit",
    "Steering committee",
    "Onboarding",
];
const OURS: [&str; 6] = [
    "Send the sized ERP integration plan",
    "Share the rollout timeline",
    "Book a follow-up with engineering",
    "Write up the pilot success criteria",
    "Fix the export bug they reported",
    "Send the revised quote",
];
const THEIRS: [&str; 5] = [
    "Share last year's picking accuracy figures",
    "Confirm the budget owner",
    "Send the list of pilot sites",
    "Introduce us to their security team",
    "Sign the pilot agreement",
];
const OUR_WHO: [&str; 4] = ["me", "us", "me", "we"];
const THEIR_WHO: [&str; 5] = ["Dana Lee", "Sam Ortiz", "Priya Shah", "Jo Park", "李雷"];

fn generate(count: usize, dir: &Path, seed: u64) -> Result<(), String> {
    let mut random = Random::new(seed);
    let customers = (count / 25).max(1);
    let today = jiff::civil::date(TODAY.0, TODAY.1, TODAY.2);
    let mut ids = 0u64;
    let mut made = std::collections::HashSet::new();
    for index in 0..count {
        let number = index % customers;
        let customer = format!(
            "{} {} {}",
            FIRST[number % FIRST.len()],
            SECOND[(number / FIRST.len()) % SECOND.len()],
            number / (FIRST.len() * SECOND.len()) + 1
        );
        let folder = dir.join(slug(&customer));
        if made.insert(number) {
            std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
            write(&folder.join(".customer"), &format!("{customer}\n"))?;
        }
        // Meetings reach back about two years, evenly, up to TODAY: the
        // corpus is read with `--today` TODAY, and no note is written on a
        // day still to come.
        let back = random.below(730) as i64;
        let date = today
            .checked_sub(jiff::Span::new().days(back))
            .map_err(|e| e.to_string())?;
        let meeting = random.pick(&MEETINGS);
        let roll = random.below(100);
        let checklist = match roll {
            0..40 => "prep",
            40..85 => "debrief",
            _ => "review",
        };
        let mut front = String::new();
        let _ = write!(
            front,
            "coach: 1\nchecklist: {checklist}\ncustomer: {}\nmeeting: {meeting}\ndate: \"{date}\"\ncreated: \"{date}T16:20:53+01:00\"\n",
            quoted(&customer)
        );
        let mut tasks = String::new();
        match checklist {
            "prep" => {
                front += "patterns:\n- know-the-customer\n- find-the-real-need\nanswers:\n";
                front +=
                    "  goal: Agree on the pilot scope\n  attendees:\n  - Dana Lee\n  - Sam Ortiz\n";
                front += "  know-the-customer.business: Third-party logistics for grocery chains\n";
            }
            "debrief" => {
                front += "patterns:\n- keep-them-posted\n- be-responsive\nanswers:\n";
                let _ = writeln!(front, "  overall: {}", 1 + random.below(5));
                front += "  tension: Some friction or a misunderstanding\n  promises:\n";
                for _ in 0..1 + random.below(3) {
                    ids += 1;
                    let id = format!("c-{}", base32(ids.wrapping_mul(2_654_435_761) ^ seed));
                    let theirs = random.below(3) == 0;
                    let (what, who) = if theirs {
                        (random.pick(&THEIRS), random.pick(&THEIR_WHO))
                    } else {
                        (random.pick(&OURS), random.pick(&OUR_WHO))
                    };
                    let due = date
                        .checked_add(jiff::Span::new().days(3 + random.below(25) as i64))
                        .map_err(|e| e.to_string())?;
                    // Older promises are mostly kept; recent ones mostly open.
                    let month_ago = today
                        .checked_sub(jiff::Span::new().days(30))
                        .unwrap_or(today);
                    let done = match due {
                        due if due < month_ago => random.below(100) < 97,
                        due if due < today => random.below(10) < 6,
                        _ => random.below(10) == 0,
                    };
                    let _ = write!(
                        front,
                        "  - id: {id}\n    what: {what}\n    due: \"{due}\"\n    who: {}\n    done: {done}\n",
                        quoted(who)
                    );
                    if done {
                        let late = random.below(6) as i64 - 2;
                        // Kept by TODAY at the latest: nothing is closed later.
                        let closed = due
                            .checked_add(jiff::Span::new().days(late))
                            .unwrap_or(due)
                            .min(today);
                        let _ = writeln!(front, "    closed: \"{closed}\"");
                    }
                    let mark = if done { "x" } else { " " };
                    let _ = writeln!(tasks, "- [{mark}] {what} (due {due}, {who}) `{id}`");
                }
                front += "  keep-them-posted.update-due: \"";
                let _ = writeln!(front, "{date}\"");
            }
            _ => {
                front += "patterns:\n- understand-their-world\n- deal-straight-stay-reachable\nanswers:\n";
                let _ = writeln!(front, "  health: {}", 1 + random.below(5));
                let _ = writeln!(
                    front,
                    "  understand-their-world.fit: {}",
                    1 + random.below(5)
                );
                let _ = writeln!(
                    front,
                    "  deal-straight-stay-reachable.promises-kept: {}",
                    1 + random.below(5)
                );
            }
        }
        let mut note = format!(
            "---\n{front}---\n\n# {customer}: {meeting}\n\n*{checklist}* · {date} · {}\n",
            date.strftime("%A")
        );
        if !tasks.is_empty() {
            note += "\n## Commitments\n\n";
            note += &tasks;
        }
        let stem = format!("{date}-{}-{checklist}", slug(meeting));
        let mut path = folder.join(format!("{stem}.md"));
        let mut taken = 1;
        while path.exists() {
            taken += 1;
            path = folder.join(format!("{stem}-{taken}.md"));
        }
        write(&path, &note)?;
    }
    Ok(())
}

/// A string as the note writer leaves it: plain when it is letters, digits
/// and spaces only, else double-quoted.
fn quoted(text: &str) -> String {
    if text.chars().all(|c| c.is_alphanumeric() || c == ' ') {
        text.to_string()
    } else {
        format!("\"{text}\"")
    }
}

fn slug(text: &str) -> String {
    let mut slug = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug += &word.to_lowercase();
    }
    slug
}

/// 8 characters of lowercase base32, as coach's own ids.
fn base32(mut value: u64) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    (0..8)
        .map(|_| {
            let c = ALPHABET[(value % 32) as usize] as char;
            value /= 32;
            c
        })
        .collect()
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}
