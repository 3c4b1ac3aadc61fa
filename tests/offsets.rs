//! Spans are bytes in Rust and UTF-16 code units when serialised for JS: `text.slice(start, end)`
//! in JS must give exactly what `&text[start..end]` gives in Rust, with emoji, CJK and combining marks.

use gleaner::{with_utf16_offsets, Gleaner};

const TEXT: &str = "-\nCafé 😀 owners in Zürich protest new tax 税金\n-\nMoïse Katumbi\u{301} wins 🇨🇩 vote\nCafé owners 😀 protest in Zürich\nThe mayor of Zürich, Corine Mauch, said on Monday that the new tax on café terraces would raise 2 million francs (€2.1 million) a year. 😀\n\"It is unfair,\" café owner José Müller told AFP on Tuesday.\n";

mod support;

#[test]
fn utf16_spans_slice_exactly() {
    let doc = Gleaner::new().parse(TEXT);
    let bytes_json = serde_json::to_value(&doc).unwrap();
    let utf16_json = with_utf16_offsets(TEXT, || serde_json::to_value(&doc).unwrap());
    let (b, u) = (support::spans(&bytes_json), support::spans(&utf16_json));
    assert_eq!(b.len(), u.len());
    assert!(b.len() > 10, "expected many spans, got {}", b.len());
    let units: Vec<u16> = TEXT.encode_utf16().collect();
    let mut differ = 0;
    for ((bs, be), (us, ue)) in b.iter().zip(&u) {
        let rust = &TEXT[*bs..*be];
        let js = String::from_utf16(&units[*us..*ue]).unwrap();
        assert_eq!(rust, js, "byte span {bs}..{be} vs utf16 {us}..{ue}");
        differ += usize::from(bs != us);
    }
    assert!(differ > 0, "the sample must exercise non-ASCII offsets");
    // structure text matches its span in both encodings
    let t = &doc.headlines[0];
    assert_eq!(&TEXT[t.span.start..t.span.end], t.text);
}
