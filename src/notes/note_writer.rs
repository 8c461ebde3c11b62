//! Where notes live: `NOTES_DIR/<customer>/<date>-<meeting>-<checklist>.md`.

use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::notes::atomic_file;
use crate::slug::{same_name, slug};

/// Records which customer a folder belongs to, so that two names with the
/// same slug ("C++ Inc", "C Inc") never share a folder by accident.
const OWNER_FILE: &str = ".customer";

pub struct NoteWriter<'a> {
    pub notes_dir: &'a Path,
}

impl NoteWriter<'_> {
    /// The customer's folder: its slug, or `slug-2`, `slug-3`... when a folder
    /// of that slug belongs to another name. Nothing is created.
    pub fn customer_dir(&self, customer: &str) -> PathBuf {
        let base = slug(customer).unwrap_or_else(|| "customer".to_string());
        for attempt in 1.. {
            let name = if attempt == 1 {
                base.clone()
            } else {
                format!("{base}-{attempt}")
            };
            let dir = self.notes_dir.join(&name);
            match std::fs::read_to_string(dir.join(OWNER_FILE)) {
                Ok(owner) if same_name(owner.trim_end_matches('\n'), customer) => return dir,
                Ok(_) => continue,
                // A folder made by hand, or none yet: it is this customer's.
                Err(_) => return dir,
            }
        }
        unreachable!("the loop returns")
    }

    /// `2026-11-24-quarterly-review-prep`, or `2026-11-24-prep` without a meeting title.
    pub fn stem(date: Date, meeting: Option<&str>, checklist: &str) -> String {
        match meeting.and_then(slug) {
            Some(meeting) => format!("{date}-{meeting}-{checklist}"),
            None => format!("{date}-{checklist}"),
        }
    }

    /// The prep note of the same meeting in `dir`: the same date if there is
    /// one, else the latest earlier one; a later rewrite (`-2`) wins a tie.
    pub fn prep_note(dir: &Path, meeting: Option<&str>, date: Date) -> Option<String> {
        let suffix = match meeting.and_then(slug) {
            Some(meeting) => format!("-{meeting}-prep"),
            None => "-prep".to_string(),
        };
        let mut candidates: Vec<(Date, String)> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(Result::ok)
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter_map(|name| {
                let stem = name.strip_suffix(".md")?;
                let prep_date: Date = stem.get(..10)?.parse().ok()?;
                let rest = &stem[10..];
                let numbered = rest
                    .rsplit_once('-')
                    .filter(|(_, n)| n.parse::<u32>().is_ok())
                    .map(|(head, _)| head);
                (rest == suffix || numbered == Some(suffix.as_str())).then_some((prep_date, name))
            })
            .filter(|(prep_date, _)| *prep_date <= date)
            .collect();
        candidates.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| a.1.len().cmp(&b.1.len()))
                .then_with(|| a.1.cmp(&b.1))
        });
        candidates.pop().map(|(_, name)| name)
    }

    /// Writes the note, never over another one; returns its path.
    pub fn write(
        &self,
        customer: &str,
        dir: &Path,
        stem: &str,
        markdown: &str,
    ) -> std::io::Result<PathBuf> {
        atomic_file::create_private_dir(dir)?;
        let owner = dir.join(OWNER_FILE);
        if !owner.exists() {
            atomic_file::replace(&owner, &format!("{customer}\n"))?;
        }
        atomic_file::write_new(dir, stem, "md", markdown)
    }

    /// `count` new commitment ids, unique among all notes already written.
    pub fn new_commitment_ids(&self, count: usize) -> Vec<String> {
        if count == 0 {
            return Vec::new();
        }
        let mut taken = self.commitment_ids_in_use();
        let state = std::collections::hash_map::RandomState::new();
        let mut ids = Vec::new();
        let mut counter = 0u64;
        while ids.len() < count {
            counter += 1;
            let mut hasher = state.build_hasher();
            hasher.write_u64(counter);
            let id = format!("c-{}", base36(hasher.finish(), 6));
            if taken.insert(id.clone()) {
                ids.push(id);
            }
        }
        ids
    }

    fn commitment_ids_in_use(&self) -> HashSet<String> {
        let mut ids = HashSet::new();
        let customers = std::fs::read_dir(self.notes_dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok);
        for customer in customers {
            let notes = std::fs::read_dir(customer.path())
                .into_iter()
                .flatten()
                .filter_map(Result::ok);
            for note in notes.filter(|note| note.path().extension().is_some_and(|ext| ext == "md"))
            {
                ids.extend(front_matter_ids(&note.path()));
            }
        }
        ids
    }
}

/// The `id:` values in a note's front matter. Only the front matter holds
/// commitment ids, so reading stops at its closing `---`: a large archive
/// costs a fraction of reading every note whole.
fn front_matter_ids(path: &Path) -> Vec<String> {
    use std::io::BufRead;
    let Ok(file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .skip(1)
        .take_while(|line| line != "---")
        .filter_map(|line| {
            line.trim_start()
                .trim_start_matches("- ")
                .strip_prefix("id: ")
                .map(|id| id.trim().to_string())
        })
        .collect()
}

fn base36(mut number: u64, digits: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..digits)
        .map(|_| {
            let digit = ALPHABET[(number % 36) as usize] as char;
            number /= 36;
            digit
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn customers_whose_names_slug_alike_get_separate_folders() {
        let notes = tempfile::tempdir().unwrap();
        let writer = NoteWriter {
            notes_dir: notes.path(),
        };
        let first = writer.customer_dir("C++ Inc");
        writer.write("C++ Inc", &first, "note", "x").unwrap();
        assert_eq!(first, notes.path().join("c-inc"));
        assert_eq!(
            writer.customer_dir("c++  inc"),
            first,
            "same customer, other spelling"
        );
        assert_eq!(writer.customer_dir("C Inc"), notes.path().join("c-inc-2"));
    }

    #[test]
    fn finds_the_prep_note_of_the_same_meeting() {
        let notes = tempfile::tempdir().unwrap();
        let dir = notes.path();
        for name in [
            "2026-11-20-kickoff-prep.md",
            "2026-11-23-kickoff-prep.md",
            "2026-11-23-kickoff-prep-2.md",
            "2026-11-23-other-prep.md",
            "2026-11-30-kickoff-prep.md",
        ] {
            std::fs::write(dir.join(name), "").unwrap();
        }
        let found = NoteWriter::prep_note(dir, Some("Kickoff"), date(2026, 11, 24));
        assert_eq!(found.as_deref(), Some("2026-11-23-kickoff-prep-2.md"));
        assert_eq!(
            NoteWriter::prep_note(dir, Some("Kickoff"), date(2026, 11, 21)).as_deref(),
            Some("2026-11-20-kickoff-prep.md")
        );
        assert_eq!(
            NoteWriter::prep_note(dir, Some("Nothing"), date(2026, 11, 24)),
            None
        );
    }

    #[test]
    fn ids_in_use_come_from_front_matter_only() {
        let notes = tempfile::tempdir().unwrap();
        let dir = notes.path().join("acme");
        std::fs::create_dir(&dir).unwrap();
        let note =
            "---\nanswers:\n  promises:\n  - id: c-aaaaaa\n    what: x\n---\n\nid: c-body00\n";
        std::fs::write(dir.join("2026-11-22-prep.md"), note).unwrap();
        let writer = NoteWriter {
            notes_dir: notes.path(),
        };
        assert_eq!(
            writer.commitment_ids_in_use(),
            HashSet::from(["c-aaaaaa".to_string()])
        );
    }

    #[test]
    fn commitment_ids_are_short_and_unique() {
        let notes = tempfile::tempdir().unwrap();
        let writer = NoteWriter {
            notes_dir: notes.path(),
        };
        let ids = writer.new_commitment_ids(500);
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), 500);
        assert!(ids.iter().all(|id| id.len() == 8 && id.starts_with("c-")));
    }
}
