//! Commitment ids as people type them: a whole id or a unique prefix of one,
//! as git takes a prefix of a commit.

use crate::suggest::did_you_mean;

/// Why a typed id names no single commitment.
#[derive(Debug, PartialEq, Eq)]
pub enum Unresolved {
    /// No id starts with it; the nearest known id, if any.
    Unknown { typed: String, hint: String },
    /// Several ids start with it: all of them, sorted.
    Ambiguous {
        typed: String,
        candidates: Vec<String>,
    },
}

impl std::fmt::Display for Unresolved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unresolved::Unknown { typed, hint } => {
                write!(f, "no commitment has the id `{typed}`{hint}")
            }
            Unresolved::Ambiguous { typed, candidates } => write!(
                f,
                "`{typed}` is the start of {} ids: {}; type more of it",
                candidates.len(),
                candidates.join(", ")
            ),
        }
    }
}

/// The position in `known` of the id `typed` names: the id itself, or the
/// only one it starts. `c-` may be left out.
pub fn resolve(typed: &str, known: &[&str]) -> Result<usize, Unresolved> {
    let typed = typed.trim();
    if let Some(at) = known.iter().position(|id| *id == typed) {
        return Ok(at);
    }
    let wanted = if typed.starts_with("c-") {
        typed.to_string()
    } else {
        format!("c-{typed}")
    };
    let matches: Vec<usize> = (0..known.len())
        .filter(|&at| !typed.is_empty() && known[at].starts_with(&wanted))
        .collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(Unresolved::Unknown {
            typed: typed.to_string(),
            hint: did_you_mean(&wanted, known.iter().copied()),
        }),
        many => {
            let mut candidates: Vec<String> =
                many.iter().map(|&at| known[at].to_string()).collect();
            candidates.sort();
            candidates.dedup();
            Err(Unresolved::Ambiguous {
                typed: typed.to_string(),
                candidates,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: [&str; 3] = ["c-k3v9q2xa", "c-k3b00000", "c-zz000000"];

    #[test]
    fn a_whole_id_or_a_unique_prefix_names_one_commitment() {
        assert_eq!(resolve("c-k3v9q2xa", &KNOWN), Ok(0));
        assert_eq!(resolve("c-k3v", &KNOWN), Ok(0));
        assert_eq!(resolve("k3v", &KNOWN), Ok(0));
        assert_eq!(resolve("zz", &KNOWN), Ok(2));
    }

    #[test]
    fn an_ambiguous_prefix_lists_the_candidates() {
        assert_eq!(
            resolve("c-k3", &KNOWN),
            Err(Unresolved::Ambiguous {
                typed: "c-k3".to_string(),
                candidates: vec!["c-k3b00000".to_string(), "c-k3v9q2xa".to_string()],
            })
        );
    }

    #[test]
    fn an_unknown_id_gets_a_suggestion() {
        let Err(Unresolved::Unknown { hint, .. }) = resolve("c-k3v9q2xb", &KNOWN) else {
            panic!("resolved");
        };
        assert!(hint.contains("c-k3v9q2xa"), "{hint}");
        assert!(matches!(
            resolve("", &KNOWN),
            Err(Unresolved::Unknown { .. })
        ));
    }
}
