//! Byte spans into the input text, and the UTF-16 map used at the JS boundary.
//!
//! Every offset gleaner reports is a [`Span`]. In Rust a span is a half-open byte range
//! (`&text[span.start..span.end]`). When a document is serialised inside
//! [`with_utf16_offsets`], every span is written in UTF-16 code units instead, so that
//! JavaScript's `text.slice(start, end)` is exact for emoji, CJK and combining marks.
//! Because the conversion lives in `Span`'s `Serialize` impl, no output type can forget it.

use serde::{Deserialize, Serialize, Serializer};
use std::cell::RefCell;

/// A half-open byte range `start..end` into the input text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Span {
    /// First byte (UTF-16 code unit in JS) of the range.
    pub start: usize,
    /// One past the last byte (UTF-16 code unit in JS) of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers in `text`, or `""` if it is out of bounds or not on char boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Maps byte offsets of one text to UTF-16 code-unit offsets.
#[derive(Clone, Debug)]
pub struct Utf16Map {
    /// `units[i]` = UTF-16 offset of byte `i`, for every char boundary; one entry per byte + 1.
    units: Vec<u32>,
}

impl Utf16Map {
    /// Build the map for `text` (linear time, one `u32` per byte).
    pub fn new(text: &str) -> Utf16Map {
        let mut units = Vec::with_capacity(text.len() + 1);
        let mut u = 0u32;
        for ch in text.chars() {
            let n = ch.len_utf8();
            for _ in 0..n {
                units.push(u);
            }
            u += ch.len_utf16() as u32;
        }
        units.push(u);
        Utf16Map { units }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text's end).
    pub fn to_utf16(&self, byte: usize) -> usize {
        let i = byte.min(self.units.len() - 1);
        self.units[i] as usize
    }

    /// The byte offset of a UTF-16 offset (the first byte whose UTF-16 offset is `>= unit`).
    pub fn to_byte(&self, unit: usize) -> usize {
        self.units.partition_point(|&u| (u as usize) < unit)
    }
}

thread_local! {
    static UTF16: RefCell<Option<Utf16Map>> = const { RefCell::new(None) };
}

/// Run `f` (typically a serialisation) with every [`Span`] written as UTF-16 offsets of `text`.
pub fn with_utf16_offsets<R>(text: &str, f: impl FnOnce() -> R) -> R {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            UTF16.with(|m| *m.borrow_mut() = None);
        }
    }
    UTF16.with(|m| *m.borrow_mut() = Some(Utf16Map::new(text)));
    let _reset = Reset;
    f()
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (start, end) = UTF16.with(|m| match &*m.borrow() {
            Some(map) => (map.to_utf16(self.start), map.to_utf16(self.end)),
            None => (self.start, self.end),
        });
        let mut s = serializer.serialize_struct("Span", 2)?;
        s.serialize_field("start", &start)?;
        s.serialize_field("end", &end)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_map_counts_surrogates_and_cjk() {
        let t = "a😀b漢c\u{301}";
        let m = Utf16Map::new(t);
        assert_eq!(m.to_utf16(0), 0);
        assert_eq!(m.to_utf16(1), 1); // after 'a'
        assert_eq!(m.to_utf16(5), 3); // after the emoji (2 units)
        assert_eq!(m.to_utf16(6), 4); // after 'b'
        assert_eq!(m.to_utf16(9), 5); // after 漢
        assert_eq!(m.to_utf16(t.len()), 7);
        assert_eq!(m.to_byte(3), 5);
    }

    #[test]
    fn serialisation_switches_units() {
        let t = "😀ab";
        let s = Span::new(4, 6);
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"start":4,"end":6}"#);
        let j = with_utf16_offsets(t, || serde_json::to_string(&s).unwrap());
        assert_eq!(j, r#"{"start":2,"end":4}"#);
        // reset afterwards
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"start":4,"end":6}"#);
    }
}
