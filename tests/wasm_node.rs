//! wasm-bindgen-test of the JS surface (`src/wasm.rs`), run in Node; tests/wasm_browser.rs runs
//! the very same tests in headless Chromium. Run with:
//! `cargo test --target wasm32-unknown-unknown --features wasm --test wasm_node --test wasm_browser`
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gleaner::wasm::{parse, Gleaner, JsOptions, JsProgress};
use js_sys::{Array, JsString, Reflect, JSON};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

/// Emoji (ZWJ sequence, skin tone, flag: surrogate pairs), CJK, combining marks, in a
/// `-`-separated headline list followed by a short article.
const TRICKY: &str = "-\n\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467} Family of \u{1F44D}\u{1F3FD} fans wins \u{6771}\u{4EAC} prize\n-\nCafe\u{301} owner Zoe\u{308} hosts \u{1F1F0}\u{1F1F7} summit in Seoul\n-\n\u{D55C}\u{AD6D} \u{C740}\u{D589} raises rates in Seoul\n";

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn options(json: &str) -> Option<JsOptions> {
    Some(JSON::parse(json).unwrap().unchecked_into())
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number")) as u32
}

/// `text.slice(span.start, span.end)` as JS computes it.
fn slice(text: &JsString, span: &JsValue) -> String {
    text.slice(num(span, "start"), num(span, "end")).into()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Walk the whole result; every `{ text, span }` object must slice back to its text (modulo
/// the whitespace rejoining of cleaned snippets), every span must be in bounds and must not
/// split a surrogate pair. Returns how many spans were checked.
fn check_spans(text: &JsString, v: &JsValue, path: &str) -> usize {
    let mut n = 0;
    if Array::is_array(v) {
        for (i, item) in Array::from(v).iter().enumerate() {
            n += check_spans(text, &item, &format!("{path}[{i}]"));
        }
    } else if v.is_object() {
        let span = get(v, "span");
        if span.is_object() {
            let (s, e) = (num(&span, "start"), num(&span, "end"));
            assert!(s <= e && e <= text.length(), "{path}.span {s}..{e} out of bounds ({})", text.length());
            for at in [s, e] {
                if at > 0 && at < text.length() {
                    let unit = text.char_code_at(at) as u32;
                    assert!(!(0xDC00..0xE000).contains(&unit), "{path}.span boundary {at} splits a surrogate pair");
                }
            }
            if let Some(t) = get(v, "text").as_string() {
                let got = slice(text, &span);
                assert!(got == t || squash(&got) == squash(&t), "{path}: text.slice(span) = {got:?}, text = {t:?}");
            }
            n += 1;
        }
        for key in js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap();
            if key != "span" {
                n += check_spans(text, &get(v, &key), &format!("{path}.{key}"));
            }
        }
    }
    n
}

#[wasm_bindgen_test]
fn parse_returns_a_plain_object_with_every_field() {
    let doc: JsValue = parse(&TRICKY.into(), None).unwrap().into();
    assert!(doc.is_object());
    for key in ["kind", "headlines", "articles", "boilerplate", "mentions", "entities", "quotes", "times", "amounts", "clusters"] {
        assert!(Reflect::has(&doc, &JsValue::from_str(key)).unwrap(), "missing {key}");
    }
    for key in ["headlines", "articles", "boilerplate", "mentions", "entities", "quotes", "times", "amounts", "clusters"] {
        assert!(Array::is_array(&get(&doc, key)), "{key} is not an array");
    }
    // stats count UTF-8 bytes and lines of the input
    let stats = get(&doc, "stats");
    assert_eq!(num(&stats, "bytes") as usize, TRICKY.len());
    assert_eq!(num(&stats, "lines"), 6);
    assert_eq!(gleaner::wasm::version(), gleaner::VERSION);
}

#[wasm_bindgen_test]
fn utf16_spans_slice_exactly_with_emoji_cjk_and_combining_marks() {
    let text = JsString::from(TRICKY);
    let doc: JsValue = parse(&TRICKY.into(), None).unwrap().into();
    let headlines = Array::from(&get(&doc, "headlines"));
    let texts: Vec<String> = headlines.iter().map(|h| get(&h, "text").as_string().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467} Family of \u{1F44D}\u{1F3FD} fans wins \u{6771}\u{4EAC} prize",
            "Cafe\u{301} owner Zoe\u{308} hosts \u{1F1F0}\u{1F1F7} summit in Seoul",
            "\u{D55C}\u{AD6D} \u{C740}\u{D589} raises rates in Seoul",
        ]
    );
    for h in headlines.iter() {
        assert_eq!(slice(&text, &get(&h, "span")), get(&h, "text").as_string().unwrap());
    }
    // the third headline starts after 2 surrogate-pair-heavy lines: UTF-16 offset, not bytes
    let third = get(&headlines.get(2), "span");
    let expected = TRICKY.split('\n').take(5).map(|l| l.encode_utf16().count() + 1).sum::<usize>() as u32;
    assert_eq!(num(&third, "start"), expected);
    assert!(check_spans(&text, &doc, "doc") >= 3);
}

#[wasm_bindgen_test]
fn bad_options_throw_an_error_and_the_module_keeps_working() {
    let cases = [
        (r#"{"colour":1}"#, "colour"),
        (r#"{"referenceDate":"Jan 9"}"#, "YYYY-MM-DD"),
        (r#"{"referenceDate":"2025-02-29"}"#, "YYYY-MM-DD"),
        (r#"{"quotes":"yes"}"#, "boolean"),
        ("[1]", "object"),
        ("42", "object"),
    ];
    for (bad, needle) in cases {
        for err in [parse(&"x".into(), options(bad)).err(), Gleaner::new(options(bad)).err().map(JsValue::from)] {
            let err: JsValue = err.unwrap_or_else(|| panic!("{bad} was accepted")).into();
            assert!(err.is_instance_of::<js_sys::Error>(), "{bad}: not an Error");
            let msg: String = err.unchecked_ref::<js_sys::Error>().message().into();
            assert!(msg.contains(needle), "{bad}: message {msg:?} does not mention {needle:?}");
        }
    }
    // still works, with and without options
    let doc: JsValue = parse(&TRICKY.into(), None).unwrap().into();
    assert_eq!(Array::from(&get(&doc, "headlines")).length(), 3);
    let g = Gleaner::new(options(r#"{"referenceDate":"2026-01-09","quotes":false,"clusters":false}"#)).unwrap();
    for _ in 0..2 {
        let doc: JsValue = g.parse(&"-\nOne\n-\nTwo \"quoted words,\" he said.\n".into()).unwrap().into();
        assert_eq!(Array::from(&get(&doc, "headlines")).length(), 2);
        assert_eq!(Array::from(&get(&doc, "quotes")).length(), 0);
    }
    assert!(Gleaner::new(None).is_ok());
    assert!(Gleaner::new(Some(JsValue::UNDEFINED.unchecked_into())).is_ok());
}

#[wasm_bindgen_test]
fn parse_with_progress_reports_stages_and_a_throwing_callback_stops_the_parse() {
    let g = Gleaner::new(None).unwrap();
    let seen: Rc<RefCell<Vec<(u32, u32, String)>>> = Rc::default();
    let sink = seen.clone();
    let cb = Closure::<dyn FnMut(u32, u32, String, f64)>::new(move |d, t, s, f: f64| {
        assert!((0.0..=1.0).contains(&f), "fraction {f}");
        sink.borrow_mut().push((d, t, s))
    });
    let progress: JsProgress = cb.as_ref().clone().unchecked_into();
    let doc: JsValue = g.parse_with_progress(&TRICKY.into(), progress).unwrap().into();
    assert_eq!(Array::from(&get(&doc, "headlines")).length(), 3);
    let seen = seen.borrow();
    let (d, t, s) = seen.last().cloned().unwrap();
    assert_eq!((d, s.as_str()), (t, "done"), "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");

    // a throwing callback stops the parse and its error reaches the caller; the handle keeps working
    let throwing: JsProgress = js_sys::Function::new_with_args("d, t, s", "if (s === 'quotes') throw new RangeError('boom at ' + s)").unchecked_into();
    let err = g.parse_with_progress(&TRICKY.into(), throwing).err().expect("a throwing callback must fail the call");
    assert!(err.is_instance_of::<js_sys::RangeError>(), "{err:?}");
    assert_eq!(String::from(err.unchecked_ref::<js_sys::Error>().message()), "boom at quotes");
    let doc: JsValue = g.parse(&TRICKY.into()).unwrap().into();
    assert_eq!(Array::from(&get(&doc, "headlines")).length(), 3);
}

/// The message of the error `r` holds, which must be a `TypeError`.
fn type_error<T>(r: Result<T, JsValue>) -> String {
    let err = r.err().expect("accepted a non-string");
    assert!(err.is_instance_of::<js_sys::TypeError>(), "{err:?} is not a TypeError");
    err.unchecked_ref::<js_sys::Error>().message().into()
}

#[wasm_bindgen_test]
fn non_string_text_is_a_type_error_before_it_reaches_wasm_memory() {
    let g = Gleaner::new(None).unwrap();
    // an object that looks like a huge string (the heap-corruption case): refused untouched
    let fake = js_sys::Function::new_no_args("return { length: 2 ** 32 + 5, charCodeAt: () => 65, toString: () => 'x' }").call0(&JsValue::NULL).unwrap();
    let cases: [(JsValue, &str); 6] = [
        (JsValue::from(123), "number"),
        (JsValue::UNDEFINED, "undefined"),
        (JsValue::NULL, "null"),
        (fake, "object"),
        (Array::of1(&"x".into()).into(), "an array"),
        (js_sys::JsString::from("x").into(), ""),
    ];
    for (v, got) in cases {
        if got.is_empty() {
            assert!(g.parse(&v).is_ok() && parse(&v, None).is_ok(), "a real string must parse");
            continue;
        }
        let noop: JsProgress = js_sys::Function::new_no_args("").unchecked_into();
        for (msg, func) in [(type_error(g.parse(&v)), "Gleaner.parse"), (type_error(parse(&v, None)), "parse"), (type_error(g.parse_with_progress(&v, noop)), "Gleaner.parseWithProgress")] {
            assert_eq!(msg, format!("{func}: text must be a string, got {got}"));
        }
    }
    let not_fn: JsProgress = JsValue::from(5).unchecked_into();
    assert_eq!(type_error(g.parse_with_progress(&"x".into(), not_fn)), "Gleaner.parseWithProgress: onProgress must be a function, got number");
    // the heap is intact: parsing still gives the same result
    let doc: JsValue = g.parse(&TRICKY.into()).unwrap().into();
    assert_eq!(Array::from(&get(&doc, "headlines")).length(), 3);
}

#[wasm_bindgen_test]
fn any_text_parses_without_throwing() {
    let g = Gleaner::new(None).unwrap();
    let long_line = "x\u{1F600}\"".repeat(20_000);
    for text in ["", "\n\n\n", "-", "-\n-\n-", "\u{FEFF}\u{0}\r\n\u{2028}", "<img src=x onerror=alert(1)>", long_line.as_str()] {
        let doc: JsValue = g.parse(&text.into()).unwrap().into();
        check_spans(&JsString::from(text), &doc, "doc");
    }
}

#[path = "support/platform.rs"]
mod platform;

/// The wasm half of tests/platform_digest.rs: the core compiled to wasm32 gives the same
/// spans, labels, confidences, times and amounts as the native build (libm's `powf`/`expf`
/// differ between the two, so the tagger avoids them).
#[wasm_bindgen_test]
fn same_digest_as_the_native_build() {
    const PLATFORM_DIGEST: u64 = 15316100367144390143; // = tests/platform_digest.rs
    let g = gleaner::Gleaner::builder().reference_date("2026-01-09").build().unwrap();
    let doc = g.parse(&platform::text());
    assert_eq!(platform::digest(&doc), PLATFORM_DIGEST);
}
