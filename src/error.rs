//! The one error type: only configuration can fail.

use std::fmt;

/// A configuration error. Its message says what was wrong and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    ReferenceDate(String),
    UnknownOption(String),
    OptionType { name: String, expected: &'static str },
}

impl Error {
    pub(crate) fn reference_date(value: &str) -> Error {
        Error { kind: ErrorKind::ReferenceDate(value.to_string()) }
    }

    pub(crate) fn unknown_option(name: &str) -> Error {
        Error { kind: ErrorKind::UnknownOption(name.to_string()) }
    }

    pub(crate) fn option_type(name: &str, expected: &'static str) -> Error {
        Error { kind: ErrorKind::OptionType { name: name.to_string(), expected } }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::ReferenceDate(v) => write!(
                f,
                "invalid referenceDate {v:?}: expected a calendar date written YYYY-MM-DD, such as \"2026-01-09\""
            ),
            ErrorKind::UnknownOption(n) => write!(
                f,
                "unknown option {n:?}: the options are referenceDate (YYYY-MM-DD), entities, quotes, times, amounts, clusters (booleans)"
            ),
            ErrorKind::OptionType { name, expected } => write!(f, "option {name:?} must be {expected}"),
        }
    }
}

impl std::error::Error for Error {}
