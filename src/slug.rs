//! File-name-safe slugs of whatever people type as customer and meeting names.

/// Long enough to read, short enough for any file system with room for a date.
const MAX_CHARS: usize = 60;

/// Lowercase letters and digits (any script) joined by single dashes: no `/`,
/// no `..`, no leading dot, no control characters. `None` when nothing is left.
pub fn slug(text: &str) -> Option<String> {
    let mut slug = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            if slug.chars().count() >= MAX_CHARS {
                break;
            }
            slug.push(c);
        } else {
            dash = true;
        }
    }
    (!slug.is_empty()).then_some(slug)
}

/// Names that differ only in case, spacing or punctuation are the same customer.
pub fn same_name(a: &str, b: &str) -> bool {
    let normal = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    normal(a) == normal(b)
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
    fn same_name_ignores_case_and_spacing_only() {
        assert!(same_name("ACME  Corp", "acme corp"));
        assert!(!same_name("C++ Inc", "C Inc"));
    }
}
