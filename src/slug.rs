//! File-name-safe slugs of whatever people type as customer and meeting names.

use unicode_normalization::UnicodeNormalization;

/// Long enough to read, short enough for any file system with room for a date.
const MAX_CHARS: usize = 60;

/// File names are limited to 255 bytes, not characters: 60 letters of a
/// script that takes 4 bytes each would not fit next to a date and a checklist.
pub const MAX_BYTES: usize = 100;

/// Lowercase letters and digits (any script, NFC-normalised) joined by single
/// dashes: no `/`, no `..`, no leading dot, no control characters; at most
/// `MAX_CHARS` characters and `MAX_BYTES` bytes. `None` when nothing is left.
pub fn slug(text: &str) -> Option<String> {
    let mut slug = String::new();
    let mut dash = false;
    let mut chars = 0;
    for c in text.nfc().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            let sep = usize::from(dash && !slug.is_empty());
            if chars + sep >= MAX_CHARS || slug.len() + sep + c.len_utf8() > MAX_BYTES {
                break;
            }
            if sep == 1 {
                slug.push('-');
                chars += 1;
            }
            dash = false;
            slug.push(c);
            chars += 1;
        } else {
            dash = true;
        }
    }
    (!slug.is_empty()).then_some(slug)
}

/// The longest start of `text` of at most `max` bytes that ends on a
/// character boundary, without a trailing dash.
pub fn cut(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].trim_end_matches('-')
}

/// Names that differ only in case, spacing or Unicode normal form (a
/// decomposed `é` and a composed one) are the same customer.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// What two spellings of one name share: Unicode normal form, case and
/// spacing aside (`same_name` compares these).
pub fn name_key(name: &str) -> String {
    name.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_and_readable() {
        assert_eq!(slug("ACME Corp."), Some("acme-corp".into()));
        assert_eq!(slug("../../etc/passwd"), Some("etc-passwd".into()));
        assert_eq!(slug(".hidden"), Some("hidden".into()));
        assert_eq!(slug("Société Générale"), Some("société-générale".into()));
        assert_eq!(slug("北京 客户"), Some("北京-客户".into()));
        assert_eq!(
            slug("tab\tand\nnewline\u{7}bell"),
            Some("tab-and-newline-bell".into())
        );
        assert_eq!(slug("///"), None);
        assert_eq!(slug(&"x".repeat(500)).unwrap().chars().count(), MAX_CHARS);
    }

    #[test]
    fn slugs_of_multibyte_names_stop_at_a_byte_budget_on_a_character_boundary() {
        let long = slug(&"𝔘".repeat(60)).unwrap();
        assert!(long.len() <= MAX_BYTES, "{}", long.len());
        assert_eq!(long, "𝔘".repeat(MAX_BYTES / 4).to_lowercase());
        let words = slug(&"日本 ".repeat(40)).unwrap();
        assert!(words.len() <= MAX_BYTES && !words.ends_with('-'), "{words}");
        assert_eq!(cut("ab€", 4), "ab");
        assert_eq!(cut("ab-c", 3), "ab");
    }

    #[test]
    fn composed_and_decomposed_names_are_one_customer_with_one_slug() {
        let composed = "Soci\u{e9}t\u{e9} G\u{e9}n\u{e9}rale";
        let decomposed = "Socie\u{301}te\u{301} Ge\u{301}ne\u{301}rale";
        assert_eq!(slug(composed), slug(decomposed));
        assert!(same_name(composed, decomposed));
    }

    #[test]
    fn same_name_ignores_case_and_spacing_only() {
        assert!(same_name("ACME  Corp", "acme corp"));
        assert!(!same_name("C++ Inc", "C Inc"));
    }
}
