//! Where notes live: `NOTES_DIR/<customer>/<date>-<meeting>-<checklist>.md`.

use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use crate::atomic_file;
use crate::error::Error;
use crate::slug::{cut, same_name, slug};

/// The longest note name before `-N.md`: with room for a number and the
/// extension, far below the 255 bytes every file system allows.
const STEM_BYTES: usize = 200;

/// Records which customer a folder belongs to, so that two names with the
/// same slug ("C++ Inc", "C Inc") never share a folder by accident.
pub const OWNER_FILE: &str = ".customer";

pub struct NoteWriter<'a> {
    pub notes_dir: &'a Path,
}

impl NoteWriter<'_> {
    /// The customer's folder: its slug, or `slug-2`, `slug-3`... when a folder
    /// of that slug belongs to another name. Nothing is created.
    pub fn customer_dir(&self, customer: &str) -> PathBuf {
        for attempt in 1.. {
            let dir = self.notes_dir.join(folder_name(customer, attempt));
            match read_owner(&dir) {
                Ok(Some(owner)) if !same_name(&owner, customer) => continue,
                // This customer's, a folder made by hand, or none yet.
                _ => return dir,
            }
        }
        unreachable!("the loop returns")
    }

    /// The customer's folder, claimed for them if need be. A new folder is
    /// made under a temporary name with its `.customer` inside and renamed
    /// into place whole, so two first runs for names that slug alike ("C++
    /// Inc", "C Inc") can never share one; a folder made by hand is claimed
    /// by creating its `.customer` only if nobody else did first.
    pub fn claim_customer_dir(&self, customer: &str) -> Result<PathBuf, Error> {
        atomic_file::notes_root(self.notes_dir)?;
        atomic_file::remove_stale_temporaries(self.notes_dir);
        let owner_line = format!("{customer}\n");
        let mut attempt = 1;
        loop {
            let dir = self.notes_dir.join(folder_name(customer, attempt));
            match std::fs::symlink_metadata(&dir) {
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    let claim = tempfile::Builder::new()
                        .prefix(".coach-")
                        .suffix(".tmp")
                        .tempdir_in(self.notes_dir)
                        .map_err(Error::io("cannot write in", self.notes_dir))?;
                    let owner = claim.path().join(OWNER_FILE);
                    atomic_file::create_new(&owner, &owner_line)?;
                    match std::fs::rename(claim.path(), &dir) {
                        Ok(()) => {
                            let _ = claim.keep();
                            return Ok(dir);
                        }
                        // Another run made it first (a non-empty folder is never
                        // replaced): look at whose it is.
                        Err(error) if dir.exists() => drop(error),
                        Err(error) => {
                            return Err(Error::io("cannot create the folder", &dir)(error))
                        }
                    }
                }
                Err(error) => return Err(Error::io("cannot read", &dir)(error)),
                Ok(_) => {
                    // Refuses a link or a file there; makes the folder private.
                    atomic_file::private_dir(&dir)?;
                    match read_owner(&dir)? {
                        Some(owner) if same_name(&owner, customer) => return Ok(dir),
                        Some(_) => attempt += 1,
                        None => {
                            if atomic_file::create_new(&dir.join(OWNER_FILE), &owner_line)? {
                                return Ok(dir);
                            }
                        }
                    }
                }
            }
        }
    }

    /// `2026-11-24-quarterly-review-prep`, or `2026-11-24-prep` without a
    /// meeting title. At most `STEM_BYTES` bytes: the meeting's slug is cut
    /// first (at a character boundary), then, for a very long checklist id, the rest.
    pub fn stem(date: Date, meeting: Option<&str>, checklist: &str) -> String {
        let plain = format!("{date}-{checklist}");
        let room = STEM_BYTES.saturating_sub(plain.len() + 1);
        let stem = match meeting
            .and_then(slug)
            .map(|meeting| cut(&meeting, room).to_string())
        {
            Some(meeting) if !meeting.is_empty() => format!("{date}-{meeting}-{checklist}"),
            _ => plain,
        };
        cut(&stem, STEM_BYTES).to_string()
    }

    /// The prep note of the same meeting in `dir`: the same date if there is
    /// one, else the latest earlier one; a later rewrite (`-2`) wins a tie.
    pub fn prep_note(dir: &Path, meeting: Option<&str>, date: Date) -> Option<String> {
        // The name a prep note of this meeting got, without its date.
        let stem = Self::stem(date, meeting, "prep");
        let suffix = stem.strip_prefix(&date.to_string())?.to_string();
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

    /// Writes the note in the customer's folder (as `claim_customer_dir`
    /// gave it), never over another one; returns its path.
    pub fn write(&self, dir: &Path, stem: &str, markdown: &str) -> Result<PathBuf, Error> {
        // Never a name that leads out of the customer's folder.
        let mut parts = Path::new(stem).components();
        if !matches!(
            (parts.next(), parts.next()),
            (Some(Component::Normal(_)), None)
        ) {
            return Err(Error::io("cannot write in", self.notes_dir)(
                std::io::Error::other(format!(
                    "the note name `{stem}` would lead outside its customer's folder"
                )),
            ));
        }
        atomic_file::write_new(dir, stem, "md", markdown)
    }

    /// A new commitment id: `c-` and 8 characters of lowercase base32 (RFC
    /// 4648) from the system's random source, 40 bits: unique enough that no
    /// note needs reading to pick one.
    pub fn new_commitment_id() -> String {
        const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
        let mut bytes = [0u8; 5];
        if getrandom::fill(&mut bytes).is_err() {
            // No random source: the clock and a per-process random hash key.
            use std::hash::{BuildHasher, Hasher};
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |elapsed| elapsed.as_nanos()),
            );
            bytes.copy_from_slice(&hasher.finish().to_le_bytes()[..5]);
        }
        let bits = bytes
            .iter()
            .fold(0u64, |bits, byte| (bits << 8) | u64::from(*byte));
        let id: String = (0..8)
            .rev()
            .map(|at| char::from(ALPHABET[((bits >> (at * 5)) & 31) as usize]))
            .collect();
        format!("c-{id}")
    }
}

/// `slug`, `slug-2`, `slug-3`...: the candidates for a customer's folder.
fn folder_name(customer: &str, attempt: usize) -> String {
    let base = slug(customer).unwrap_or_else(|| "customer".to_string());
    if attempt == 1 {
        base
    } else {
        format!("{base}-{attempt}")
    }
}

/// The name in a folder's `.customer`; none when there is no such file.
fn read_owner(dir: &Path) -> Result<Option<String>, Error> {
    let path = dir.join(OWNER_FILE);
    match std::fs::symlink_metadata(&path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        _ => {
            let text = crate::capped_read::read_capped(&path)?;
            Ok(Some(text.trim_end_matches('\n').to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim_and_write(
        writer: &NoteWriter,
        customer: &str,
        stem: &str,
        markdown: &str,
    ) -> Result<PathBuf, Error> {
        writer
            .claim_customer_dir(customer)
            .and_then(|dir| writer.write(&dir, stem, markdown))
    }
    use jiff::civil::date;

    #[test]
    fn customers_whose_names_slug_alike_get_separate_folders() {
        let notes = tempfile::tempdir().unwrap();
        let writer = NoteWriter {
            notes_dir: notes.path(),
        };
        let first = writer.customer_dir("C++ Inc");
        claim_and_write(&writer, "C++ Inc", "note", "x").unwrap();
        assert_eq!(first, notes.path().join("c-inc"));
        assert_eq!(
            writer.customer_dir("c++  inc"),
            first,
            "same customer, other spelling"
        );
        assert_eq!(writer.customer_dir("C Inc"), notes.path().join("c-inc-2"));
    }

    #[test]
    fn first_runs_at_the_same_moment_for_names_that_slug_alike_get_a_folder_each() {
        for _ in 0..100 {
            let notes = tempfile::tempdir().unwrap();
            let dirs: Vec<PathBuf> = std::thread::scope(|scope| {
                let claims: Vec<_> = ["C++ Inc", "C Inc", "C++ Inc", "C Inc"]
                    .into_iter()
                    .map(|customer| {
                        let notes = notes.path();
                        scope.spawn(move || {
                            NoteWriter { notes_dir: notes }
                                .claim_customer_dir(customer)
                                .unwrap()
                        })
                    })
                    .collect();
                claims
                    .into_iter()
                    .map(|claim| claim.join().unwrap())
                    .collect()
            });
            assert_eq!(dirs[0], dirs[2], "one customer, one folder");
            assert_eq!(dirs[1], dirs[3], "one customer, one folder");
            assert_ne!(dirs[0], dirs[1], "two customers share {:?}", dirs[0]);
            for (dir, customer) in [(&dirs[0], "C++ Inc"), (&dirs[1], "C Inc")] {
                let owner = std::fs::read_to_string(dir.join(OWNER_FILE)).unwrap();
                assert_eq!(owner, format!("{customer}\n"));
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_customer_folder_that_is_a_link_is_never_written_through() {
        let notes = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), notes.path().join("acme")).unwrap();
        let writer = NoteWriter {
            notes_dir: notes.path(),
        };
        let error = claim_and_write(&writer, "Acme", "note", "secret").unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_customer_file_that_is_a_fifo_is_refused_without_waiting() {
        let notes = tempfile::tempdir().unwrap();
        let dir = notes.path().join("acme");
        std::fs::create_dir(&dir).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(dir.join(OWNER_FILE))
            .status()
            .unwrap();
        assert!(made.success());
        let writer = NoteWriter {
            notes_dir: notes.path(),
        };
        let error = claim_and_write(&writer, "Acme", "note", "x").unwrap_err();
        assert!(error.to_string().contains("named pipe"), "{error}");
    }

    #[test]
    fn a_note_name_never_leads_out_of_the_folder() {
        let notes = tempfile::tempdir().unwrap();
        let writer = NoteWriter {
            notes_dir: notes.path(),
        };
        let dir = notes.path().join("acme");
        for stem in ["../note", "a/b", "..", "/tmp/x"] {
            assert!(writer.write(&dir, stem, "x").is_err(), "{stem}");
        }
        assert!(!notes.path().join("note.md").exists());
        assert!(!notes.path().join("acme").exists(), "nothing is created");
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_that_existed_before_is_made_private() {
        use std::os::unix::fs::PermissionsExt;
        let notes = tempfile::tempdir().unwrap();
        let dir = notes.path().join("acme");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let writer = NoteWriter {
            notes_dir: notes.path(),
        };
        let note = claim_and_write(&writer, "Acme", "note", "secret").unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(note.parent().unwrap(), dir);
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&note), 0o600);
        assert_eq!(mode(&dir.join(OWNER_FILE)), 0o600);
    }

    #[test]
    fn stems_of_long_multibyte_titles_stay_within_the_byte_budget() {
        let today = date(2026, 11, 24);
        let meeting = "会議".repeat(200);
        let stem = NoteWriter::stem(today, Some(&meeting), "debrief");
        assert!(stem.len() <= STEM_BYTES, "{}", stem.len());
        assert!(stem.starts_with("2026-11-24-会議") && stem.ends_with("-debrief"));
        let checklist = "c".repeat(300);
        let stem = NoteWriter::stem(today, Some(&meeting), &checklist);
        assert!(stem.len() <= STEM_BYTES, "{}", stem.len());
        let dir = tempfile::tempdir().unwrap();
        let prep = format!("{}.md", NoteWriter::stem(today, Some(&meeting), "prep"));
        std::fs::write(dir.path().join(&prep), "").unwrap();
        assert_eq!(
            NoteWriter::prep_note(dir.path(), Some(&meeting), today),
            Some(prep)
        );
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
    fn commitment_ids_are_eight_base32_characters_and_unique() {
        let ids: Vec<String> = (0..1000).map(|_| NoteWriter::new_commitment_id()).collect();
        let unique: std::collections::HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
        for id in &ids {
            let rest = id.strip_prefix("c-").unwrap();
            assert_eq!(rest.len(), 8, "{id}");
            assert!(
                rest.bytes()
                    .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b)),
                "{id}"
            );
        }
    }
}
