//! Structure tests on dumps written for these tests, in the shapes real dumps have.

use super::*;

fn kinds(text: &str) -> Vec<(BlockKind, String)> {
    blocks(text).map(|b| (b.kind, text[b.span.start..b.span.end].to_string())).collect()
}
