//! "Did you mean ...?" for near-miss names.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn closest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(input, candidate), candidate))
        .filter(|(score, candidate)| *score >= 0.8 && *candidate != input)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// `; did you mean `x`?` or nothing, ready to append to a message.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    closest(input, candidates)
        .map(|candidate| format!("; did you mean `{candidate}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let ids = ["listen-listen-listen", "build-trust", "be-responsive"];
        assert_eq!(closest("listen-listen", ids), Some("listen-listen-listen"));
        assert_eq!(closest("build-trsut", ids), Some("build-trust"));
        assert_eq!(closest("zzz", ids), None);
        assert_eq!(
            closest("pattern", ["patterns", "language"]),
            Some("patterns")
        );
    }
}
