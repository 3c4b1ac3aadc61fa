//! Evaluation against labelled dev data, used by `gleaner-eval` and by the floor tests.
//! Each task has its own submodule with a `cli(args) -> exit code` entry point.

pub mod ner;
pub mod quotes;
pub mod structure;
pub mod time;

use std::path::PathBuf;

/// `../shared/data` next to the repository (or `$GLEANER_DATA`), if it exists.
pub fn shared_data_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("GLEANER_DATA") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
    };
    dir.is_dir().then_some(dir)
}
