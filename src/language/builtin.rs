//! The built-in pack, embedded so coach works from any directory with nothing installed.

/// File name and text of every file in `patterns/`, in load order.
pub const FILES: [(&str, &str); 5] = [
    file!("000_customer_interaction_patterns.yaml"),
    file!("001_listening.yaml"),
    file!("002_managing_the_customer.yaml"),
    file!("003_trusted_advisor.yaml"),
    file!("004_respect_and_trust.yaml"),
];

/// Pairs a file name with its text, embedded at build time.
macro_rules! file {
    ($name:literal) => {
        ($name, include_str!(concat!("../../patterns/", $name)))
    };
}
use file;

/// How built-in files are named in messages: they have no path on disk.
pub const PREFIX: &str = "<built-in>/";

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards against a new file in patterns/ that the binary would silently leave out.
    #[test]
    fn every_yaml_file_in_patterns_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/patterns");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".yaml") || name.ends_with(".yml"))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = FILES.iter().map(|(name, _)| *name).collect();
        assert_eq!(on_disk, embedded);
    }
}
