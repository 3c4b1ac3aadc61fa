//! Any bytes, decoded lossily, must parse without panicking, with every span in bounds and on
//! char boundaries, and serialise in both offset units.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = gleaner::Gleaner::builder().reference_date("2026-01-09").build().unwrap().parse(&text);
    let json = serde_json::to_value(&doc).unwrap();
    let _ = gleaner::with_utf16_offsets(&text, || serde_json::to_string(&doc).unwrap());
    fn walk(v: &serde_json::Value, text: &str) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(s), Some(e), 2) = (m.get("start").and_then(|x| x.as_u64()), m.get("end").and_then(|x| x.as_u64()), m.len()) {
                    let (s, e) = (s as usize, e as usize);
                    assert!(s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
                }
                m.values().for_each(|x| walk(x, text));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, text)),
            _ => {}
        }
    }
    walk(&json, &text);
    for b in gleaner::blocks(&text) {
        assert!(b.span.end <= text.len());
    }
});
