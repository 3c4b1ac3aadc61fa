//! Helpers shared by integration tests.

/// Every `{start, end}` span object in a serialised document, in document order.
pub fn spans(v: &serde_json::Value) -> Vec<(usize, usize)> {
    fn walk(v: &serde_json::Value, out: &mut Vec<(usize, usize)>) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(s), Some(e), 2) = (m.get("start").and_then(|x| x.as_u64()), m.get("end").and_then(|x| x.as_u64()), m.len()) {
                    out.push((s as usize, e as usize));
                }
                m.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut out);
    out
}
