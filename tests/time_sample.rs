//! The sample dump's time expressions, resolved against 2026-01-09.
//! The dump is third-party text: it is read from the shared samples, never copied here.

use gleaner::eval::time::{document_of_lines, times};
use gleaner::TimeType;

fn sample() -> Option<String> {
    let dir = gleaner::eval::shared_data_dir()?;
    std::fs::read_to_string(dir.join("../samples/000_bfeed5d58f9e5359.txt")).ok()
}

#[test]
fn sample_dump_times() {
    let Some(text) = sample() else {
        println!("SKIPPED: ../shared/data missing");
        return;
    };
    let doc = document_of_lines(&text);
    let got = times(&text, &doc, Some((2026, 1, 9)));
    if std::env::var_os("GLEANER_SHOW").is_some() {
        for t in &got {
            println!("{:<24} {:?} {:?} {:?}", t.text, t.kind, t.value, t.offset);
        }
    }
    // (text, occurrence, type, value); occurrences count matches of that exact text in order
    let want: &[(&str, usize, TimeType, &str)] = &[
        ("2025", 0, TimeType::Date, "2025"),
        ("58 minutes", 0, TimeType::Duration, "PT58M"),
        ("next week", 0, TimeType::Date, "2026-W03"),
        ("Friday", 0, TimeType::Date, "2026-01-09"),
        ("Tuesday", 0, TimeType::Date, "2026-01-13"),
        ("Wednesday", 0, TimeType::Date, "2026-01-14"),
        ("November", 0, TimeType::Date, "2025-11"),
        ("October", 0, TimeType::Date, "2025-10"),
        ("last August", 0, TimeType::Date, "2025-08"),
        ("Tuesday", 1, TimeType::Date, "2026-01-13"),
        ("1910-45", 0, TimeType::Date, "1910/1945"),
        ("December 2024", 0, TimeType::Date, "2024-12"),
        ("this week", 0, TimeType::Date, "2026-W02"),
        ("six years", 0, TimeType::Duration, "P6Y"),
        ("one month", 0, TimeType::Duration, "P1M"),
        ("Wednesday", 1, TimeType::Date, "2026-01-07"),
        ("Friday", 1, TimeType::Date, "2026-01-09"),
    ];
    for &(s, nth, kind, value) in want {
        let t = got.iter().filter(|t| t.text == s).nth(nth);
        let t = t.unwrap_or_else(|| panic!("{s:?} #{nth} not found in {:?}", got.iter().map(|t| &t.text).collect::<Vec<_>>()));
        assert_eq!((t.kind, t.value.as_deref()), (kind, Some(value)), "{s:?} #{nth}");
        assert_eq!(&text[t.span.start..t.span.end], t.text);
    }
}

/// The same through the whole pipeline (structure parser, regions, reference date option).
#[test]
fn sample_dump_through_the_pipeline() {
    let Some(text) = sample() else {
        println!("SKIPPED: ../shared/data missing");
        return;
    };
    let g = gleaner::Gleaner::builder().reference_date("2026-01-09").build().unwrap();
    let doc = g.parse(&text);
    let find = |s: &str, nth: usize| doc.times.iter().filter(|t| t.text == s).nth(nth).and_then(|t| t.value.clone());
    // the parser decides what is a headline and what is a paragraph; these hold either way
    for (s, nth, v) in [
        ("next week", 0, "2026-W03"),
        ("last August", 0, "2025-08"),
        ("1910-45", 0, "1910/1945"),
        ("December 2024", 0, "2024-12"),
        ("this week", 0, "2026-W02"),
        ("six years", 0, "P6Y"),
        ("one month", 0, "P1M"),
        ("October", 0, "2025-10"),
        ("November", 0, "2025-11"),
        ("Tuesday", 0, "2026-01-13"),
        ("Wednesday", 0, "2026-01-14"),
        ("Tuesday", 1, "2026-01-13"),
        ("Wednesday", 1, "2026-01-07"),
        ("Friday", 0, "2026-01-09"),
    ] {
        assert_eq!(find(s, nth).as_deref(), Some(v), "{s:?} in {:?}", doc.times);
    }
    let amounts: Vec<_> = doc.amounts.iter().map(|a| (a.text.as_str(), a.value)).collect();
    for (s, v) in [("£20 million", 20_000_000.0), ("109 percent", 109.0), ("58 minutes", 58.0)] {
        assert!(amounts.contains(&(s, v)), "{s:?} in {amounts:?}");
    }
    let gbp = doc.amounts.iter().find(|a| a.text == "£20 million").unwrap();
    assert_eq!(gbp.currency.as_deref(), Some("GBP"));
    // without a reference date and with no publish date in the dump, deictic values stay open
    let doc = gleaner::Gleaner::new().parse(&text);
    if let Some(t) = doc.times.iter().find(|t| t.text == "next week") {
        if doc.articles.iter().all(|a| a.published.is_none()) {
            assert_eq!((t.value.as_deref(), t.offset.as_deref()), (None, Some("+P1W")));
        }
    }
}
