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
}

impl Error {
    pub(crate) fn reference_date(value: &str) -> Error {
        Error { kind: ErrorKind::ReferenceDate(value.to_string()) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::ReferenceDate(v) => write!(
                f,
                "invalid referenceDate {v:?}: expected a calendar date written YYYY-MM-DD, such as \"2026-01-09\""
            ),
        }
    }
}

impl std::error::Error for Error {}
