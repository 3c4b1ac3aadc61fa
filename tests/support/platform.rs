//! A deterministic ~40 KB news-shaped text and a digest of what gleaner finds in it, shared
//! by `tests/platform_digest.rs` (native) and `tests/wasm_node.rs` (the same Rust API
//! compiled to wasm32): both assert the same digest, so the browser build and the CLI must
//! agree bit for bit (spans, labels, confidences, times, amounts).
//! Text invented for this test.

/// The text: headlines, datelines, quotes, amounts, dates; names from a fixed list.
pub fn text() -> String {
    const PEOPLE: [&str; 10] = [
        "Maria Tanaka", "Oluwaseun Bello", "Lars Eriksen", "Priya Raman", "Kang Yu-jung", "Lee Jae Myung", "Sanae Takaichi",
        "Xi Jinping", "Jean-Luc Moreau", "Ana L\u{fa}cia Ferreira",
    ];
    const ORGS: [&str; 10] = [
        "the United Nations", "Samsung Electronics", "the African Union", "Reuters", "AFP", "Toyota Motor", "the World Bank",
        "Mercosur", "Yonhap", "Petrobras",
    ];
    const PLACES: [&str; 10] =
        ["Nairobi", "Osaka", "Lisbon", "Winnipeg", "Seoul", "Jakarta", "S\u{e3}o Paulo", "Lagos", "the Sea of Japan", "Kuala Lumpur"];
    let mut seed = 12345u64;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) % n as u64) as usize
    };
    let mut out = String::new();
    for i in 0..400 {
        let (p, o, c) = (PEOPLE[next(10)], ORGS[next(10)], PLACES[next(10)]);
        let last = p.rsplit(' ').next().unwrap_or(p);
        let bare = |s: &str| s.trim_start_matches("the ").to_string();
        let line = match i % 6 {
            0 => format!("-\n{} Talks Stall As {last} Meets {} Chiefs", bare(c), bare(o)),
            1 => format!("{p} said in {c} on Tuesday that {o} would invest {} million dollars by March.", next(900) + 2),
            2 => format!("\"We will not give up,\" {last} said, adding that talks with {o} in {c} would resume next week."),
            3 => format!("{}, Jan. {} ({}) -- {p} met officials from {o}.", bare(c).to_uppercase(), next(28) + 1, ["AFP", "Yonhap", "Reuters"][next(3)]),
            4 => format!("Shares of {} rose {}.{} percent after {p} visited {c}.", bare(o), next(9) + 1, next(10)),
            _ => format!("Hurricane {} weakened as {p} flew to {c}; the AI boom lifted {}.", ["Helene", "Milton", "Otis"][next(3)], bare(o)),
        };
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

/// FNV-1a over the document's mentions, times and amounts (spans, labels, values, and the
/// bits of every confidence).
pub fn digest(doc: &gleaner::Document) -> u64 {
    let mut h = 0xcbf29ce484222325u64;
    let mut eat = |x: u64| {
        for b in x.to_le_bytes() {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
    };
    eat(doc.stats.tokens as u64);
    for m in &doc.mentions {
        eat(m.span.start as u64);
        eat(m.span.end as u64);
        eat(m.label.as_str().len() as u64 ^ (m.label.as_str().as_bytes()[0] as u64) << 8);
        eat(m.confidence.to_bits() as u64);
    }
    for e in &doc.entities {
        eat(e.mentions.len() as u64);
        eat(e.salience.to_bits() as u64);
    }
    for t in &doc.times {
        eat(t.span.start as u64);
        eat(t.value.as_deref().map_or(0, |v| v.len() as u64));
    }
    for a in &doc.amounts {
        eat(a.span.start as u64);
        eat(a.value.to_bits());
    }
    h
}
