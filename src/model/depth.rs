//! How deep a walk goes: the questions of a pack are marked with the
//! shallowest depth that asks them (`depth:` on a question or a pattern).

/// A walk's depth, shallow to deep: a deeper walk asks everything a
/// shallower one asks, and more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Depth {
    /// The few questions that matter most, for back-to-back days.
    Quick,
    /// What a pack asks unless told otherwise.
    #[default]
    Default,
    /// Every question of every pattern the walk reaches.
    Full,
}

impl Depth {
    pub const ALL: [Depth; 3] = [Depth::Quick, Depth::Default, Depth::Full];

    pub fn name(self) -> &'static str {
        match self {
            Depth::Quick => "quick",
            Depth::Default => "default",
            Depth::Full => "full",
        }
    }

    pub fn from_name(name: &str) -> Option<Depth> {
        Depth::ALL.into_iter().find(|depth| depth.name() == name)
    }

    /// Whether a walk at this depth asks something marked `marked`.
    pub fn asks(self, marked: Depth) -> bool {
        marked <= self
    }
}

impl std::fmt::Display for Depth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deeper_walk_asks_everything_a_shallower_one_asks() {
        assert!(Depth::Full.asks(Depth::Quick));
        assert!(Depth::Default.asks(Depth::Default));
        assert!(!Depth::Default.asks(Depth::Full));
        assert!(!Depth::Quick.asks(Depth::Default));
    }

    #[test]
    fn names_read_back() {
        for depth in Depth::ALL {
            assert_eq!(Depth::from_name(depth.name()), Some(depth));
        }
        assert_eq!(Depth::from_name("deep"), None);
    }
}
