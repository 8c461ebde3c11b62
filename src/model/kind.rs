//! The kinds of question a pack can ask.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Long,
    Confirm,
    Select,
    MultiSelect,
    Scale,
    Date,
    List,
    Commitments,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Text,
        Kind::Long,
        Kind::Confirm,
        Kind::Select,
        Kind::MultiSelect,
        Kind::Scale,
        Kind::Date,
        Kind::List,
        Kind::Commitments,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Long => "long",
            Kind::Confirm => "confirm",
            Kind::Select => "select",
            Kind::MultiSelect => "multiselect",
            Kind::Scale => "scale",
            Kind::Date => "date",
            Kind::List => "list",
            Kind::Commitments => "commitments",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// What an answer of this kind looks like, for error messages.
    pub fn expects(self) -> &'static str {
        match self {
            Kind::Text | Kind::Long => "text",
            Kind::Confirm => "true or false",
            Kind::Select => "one of the options",
            Kind::MultiSelect => "a list of options",
            Kind::Scale => "a whole number from 1 to 5",
            Kind::Date => "a date",
            Kind::List => "a list of text",
            Kind::Commitments => "a list of {what, due, who}",
        }
    }

    pub fn has_options(self) -> bool {
        matches!(self, Kind::Select | Kind::MultiSelect)
    }
}
