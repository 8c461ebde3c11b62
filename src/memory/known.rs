//! The customers the notes know, for the walk's customer prompt: who they
//! are (the newest note's spelling), where their notes live, when we last
//! met and the titles of their recent meetings; and which of them a typed
//! name means, or is close to.

use std::path::PathBuf;

use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization;

use crate::error::Error;
use crate::memory::archive::{Answers, Want, Which};
use crate::memory::load::Memory;
use crate::memory::read::Unreadable;
use crate::memory::NoteRecord;
use crate::slug::same_name;

/// How many meeting titles a customer offers, newest first.
pub const RECENT_MEETINGS: usize = 8;

/// One customer as the notes know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownCustomer {
    /// The newest note's spelling.
    pub name: String,
    /// The folder of the newest note (under the notes folder).
    pub folder: Option<PathBuf>,
    /// The newest note's date.
    pub last_contact: Date,
    /// Distinct meeting titles (case and spacing aside), newest first.
    pub meetings: Vec<String>,
}

impl KnownCustomer {
    /// The customer of `notes`, all of one customer, sorted by date; none
    /// for no notes.
    pub fn of(notes: &[NoteRecord]) -> Option<KnownCustomer> {
        let newest = notes.last()?;
        let mut meetings: Vec<String> = Vec::new();
        for title in notes
            .iter()
            .rev()
            .filter_map(|note| note.meeting.as_deref())
        {
            let title = title.trim();
            if title.is_empty() || meetings.iter().any(|known| same_name(known, title)) {
                continue;
            }
            meetings.push(title.to_string());
            if meetings.len() == RECENT_MEETINGS {
                break;
            }
        }
        Some(KnownCustomer {
            name: newest.customer.clone(),
            folder: newest.path.parent().map(PathBuf::from),
            last_contact: newest.date,
            meetings,
        })
    }
}

/// Every customer with a note, newest contact first (then by name), and
/// the notes that could not be read.
pub fn known_customers(
    memory: &mut Memory<'_>,
) -> Result<(Vec<KnownCustomer>, Vec<Unreadable>), Error> {
    let want = Want {
        notes: Which::All,
        answers: Answers::None,
    };
    // Names, folders, dates and meetings: no commitments to read.
    let (known, unreadable) =
        memory.by_customer(want, false, &mut |notes| KnownCustomer::of(&notes))?;
    let mut known: Vec<KnownCustomer> = known.into_iter().flatten().collect();
    known.sort_by(|a, b| {
        b.last_contact
            .cmp(&a.last_contact)
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok((known, unreadable))
}

/// Which known customer a name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match<'a> {
    /// The same name, case, spacing and Unicode form aside: one customer.
    Same(&'a KnownCustomer),
    /// A near miss: the same letters and digits but for punctuation or a
    /// company suffix, or a slip of a letter or two.
    Close(&'a KnownCustomer),
    /// No known customer is near.
    New,
}

/// The suffixes that do not tell two companies apart.
const SUFFIXES: [&str; 5] = ["inc", "ltd", "llc", "gmbh", "limited"];

/// A name's letters and digits, lowercase, without a trailing company
/// suffix: what near misses share.
pub fn loose_key(name: &str) -> String {
    let lower: String = name.nfc().flat_map(char::to_lowercase).collect();
    let mut words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect();
    while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
        words.pop();
    }
    words.concat()
}

fn digits(key: &str) -> String {
    key.chars().filter(char::is_ascii_digit).collect()
}

/// How many slips (edits) two loose keys may differ by and still be a near
/// miss: none for short names, where one letter makes another name.
fn allowed_slips(key: &str) -> usize {
    match key.chars().count() {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    }
}

/// The known customer `name` means, or is close to (the closest, the newest
/// contact on a tie).
pub fn find<'a>(known: &'a [KnownCustomer], name: &str) -> Match<'a> {
    if let Some(same) = known
        .iter()
        .find(|customer| same_name(&customer.name, name))
    {
        return Match::Same(same);
    }
    let key = loose_key(name);
    if key.is_empty() {
        return Match::New;
    }
    known
        .iter()
        .filter_map(|customer| {
            let other = loose_key(&customer.name);
            // A number tells customers apart ("Northwind 1", "Northwind 2",
            // "Northwind"): never a slip.
            if digits(&key) != digits(&other) {
                return None;
            }
            let slips = strsim::damerau_levenshtein(&key, &other);
            (slips <= allowed_slips(&key).min(allowed_slips(&other))).then_some((slips, customer))
        })
        .min_by_key(|(slips, _)| *slips)
        .map_or(Match::New, |(_, customer)| Match::Close(customer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn customer(name: &str, day: i8) -> KnownCustomer {
        KnownCustomer {
            name: name.into(),
            folder: None,
            last_contact: date(2026, 11, day),
            meetings: Vec::new(),
        }
    }

    #[test]
    fn loose_keys_ignore_case_spacing_punctuation_and_company_suffixes() {
        assert_eq!(loose_key("Northwind Traders, Inc."), "northwindtraders");
        assert_eq!(loose_key("northwind-traders LTD"), "northwindtraders");
        assert_eq!(loose_key("Müller GmbH"), "müller");
        assert_eq!(loose_key("Inc"), "inc");
    }

    #[test]
    fn a_name_is_the_same_customer_close_to_one_or_new() {
        let known = [customer("Northwind Traders", 2), customer("Acme", 1)];
        assert_eq!(find(&known, "northwind  TRADERS"), Match::Same(&known[0]));
        assert_eq!(find(&known, "Northwind Trader"), Match::Close(&known[0]));
        assert_eq!(
            find(&known, "Northwind Traders Inc."),
            Match::Close(&known[0])
        );
        assert_eq!(find(&known, "Nortwhind Traders"), Match::Close(&known[0]));
        assert_eq!(find(&known, "A.C.M.E."), Match::Close(&known[1]));
        // One letter makes another short name.
        assert_eq!(find(&known, "Acne"), Match::New);
        assert_eq!(find(&known, "Contoso"), Match::New);
        // Numbers tell customers apart.
        let numbered = [customer("Northwind Traders 1", 2)];
        assert_eq!(find(&numbered, "Northwind Traders"), Match::New);
        assert_eq!(find(&numbered, "Northwind Traders 2"), Match::New);
        assert_eq!(
            find(&numbered, "Northwind Trader 1"),
            Match::Close(&numbered[0])
        );
        assert_eq!(find(&known, "..."), Match::New);
    }

    fn note(day: i8, meeting: Option<&str>) -> NoteRecord {
        NoteRecord {
            path: format!("notes/acme/{day}.md").into(),
            version: 1,
            customer: if day < 5 {
                "ACME".into()
            } else {
                "Acme".into()
            },
            checklist: "prep".into(),
            meeting: meeting.map(str::to_string),
            date: date(2026, 11, day),
            created: None,
            answers: Default::default(),
            invite: None,
            commitments: Vec::new(),
        }
    }

    #[test]
    fn a_known_customer_has_the_newest_spelling_and_distinct_titles_newest_first() {
        let notes = [
            note(1, Some("Kickoff")),
            note(3, Some("Pilot review")),
            note(4, None),
            note(6, Some("pilot  review")),
        ];
        let known = KnownCustomer::of(&notes).unwrap();
        assert_eq!(known.name, "Acme");
        assert_eq!(known.folder, Some(PathBuf::from("notes/acme")));
        assert_eq!(known.last_contact, date(2026, 11, 6));
        assert_eq!(known.meetings, ["pilot  review", "Kickoff"]);
        assert_eq!(KnownCustomer::of(&[]), None);
    }
}
