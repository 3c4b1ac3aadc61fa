//! The tests of tests/wasm_node.rs again, in headless Chromium (chromedriver), plus a check
//! that they really run in a browser.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "wasm_node.rs"]
mod shared;

#[wasm_bindgen_test]
fn runs_in_a_browser() {
    let global = js_sys::global();
    assert!(js_sys::Reflect::has(&global, &JsValue::from_str("document")).unwrap());
    let doc: JsValue = gleaner::wasm::parse(&"-\nA\n-\nB\n".into(), None).unwrap().into();
    assert!(doc.is_object());
}
