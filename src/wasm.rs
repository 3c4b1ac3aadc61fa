//! The JavaScript surface. It only translates: options in, documents out, errors as `Error`.
//!
//! * `init()` loads the model and gazetteers (optional: the first parse does it too).
//! * `new Gleaner(options?)` validates options once (throws an `Error` for bad ones);
//!   `gleaner.parse(text)` never throws for any text.
//! * `parse(text, options?)` is the one-shot form; `version()` the crate version.
//!
//! Spans in the returned objects are UTF-16 code units, so `text.slice(span.start, span.end)`
//! is exact in JS. TypeScript types come from the Rust types (tsify), so `Document` and
//! `Options` in the generated `.d.ts` are the same shapes the Rust core serialises.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::document::Document;
use crate::options::Options;

#[wasm_bindgen]
extern "C" {
    /// A parsed document (see the `Document` interface).
    #[wasm_bindgen(typescript_type = "Document")]
    pub type JsDocument;
    /// An options bag (see the `Options` interface).
    #[wasm_bindgen(typescript_type = "Options")]
    pub type JsOptions;
    /// A progress callback.
    #[wasm_bindgen(typescript_type = "(done: number, total: number, stage: string, fraction: number) => void")]
    pub type JsProgress;
}

/// A configured extractor: build once, parse many dumps.
#[wasm_bindgen]
pub struct Gleaner {
    inner: crate::Gleaner,
}

#[wasm_bindgen]
impl Gleaner {
    /// Validate `options` (`{ referenceDate?: "YYYY-MM-DD", entities?, quotes?, times?, amounts?, clusters? }`).
    /// Throws an `Error` saying what is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<JsOptions>) -> Result<Gleaner, JsError> {
        Ok(Gleaner { inner: build(options)? })
    }

    /// Parse a dump. Never throws for any text.
    pub fn parse(&self, text: &str) -> Result<JsDocument, JsError> {
        to_js(text, &self.inner.parse(text))
    }

    /// Parse a dump, calling `onProgress(done, total, stage, fraction)` between stages and,
    /// for long dumps, within the entities stage: `done` of `total` stages are finished,
    /// `stage` runs next (or is running), `fraction` (0 to 1) of it is done.
    #[wasm_bindgen(js_name = parseWithProgress)]
    pub fn parse_with_progress(&self, text: &str, on_progress: JsProgress) -> Result<JsDocument, JsError> {
        let f: js_sys::Function = on_progress.unchecked_into();
        let doc = self.inner.parse_with_progress(text, &mut |p| {
            // a throwing callback must not abort parsing
            let args = js_sys::Array::of4(&JsValue::from(p.done), &JsValue::from(p.total), &JsValue::from_str(p.stage), &JsValue::from(p.fraction));
            let _ = f.apply(&JsValue::NULL, &args);
        });
        to_js(text, &doc)
    }
}

/// Load the model and gazetteers now (the first parse would otherwise do it).
#[wasm_bindgen]
pub fn init() {
    crate::pipeline::warm_up();
}

/// Parse `text` with `options` in one call. Throws an `Error` only for bad options.
#[wasm_bindgen]
pub fn parse(text: &str, options: Option<JsOptions>) -> Result<JsDocument, JsError> {
    let g = build(options)?;
    to_js(text, &g.parse(text))
}

/// The gleaner version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The keys an options object may have (serde-wasm-bindgen ignores unknown ones, so they are checked here).
const OPTION_KEYS: [&str; 6] = ["referenceDate", "entities", "quotes", "times", "amounts", "clusters"];

fn build(options: Option<JsOptions>) -> Result<crate::Gleaner, JsError> {
    let opts: Options = match options {
        None => Options::default(),
        Some(v) => {
            let v: JsValue = v.into();
            if v.is_undefined() || v.is_null() {
                Options::default()
            } else if !v.is_object() || js_sys::Array::is_array(&v) {
                return Err(JsError::new("invalid options: expected an object such as { referenceDate: \"2026-01-09\" }"));
            } else {
                let obj: &js_sys::Object = v.unchecked_ref();
                for key in js_sys::Object::keys(obj).iter() {
                    let key = key.as_string().unwrap_or_default();
                    if !OPTION_KEYS.contains(&key.as_str()) {
                        return Err(JsError::new(&format!(
                            "invalid options: unknown option {key:?}; expected one of {}",
                            OPTION_KEYS.join(", ")
                        )));
                    }
                }
                serde_wasm_bindgen::from_value(v).map_err(|e| {
                    let msg = e.to_string();
                    JsError::new(&format!("invalid options: {}", msg.strip_prefix("Error: ").unwrap_or(&msg)))
                })?
            }
        }
    };
    crate::Gleaner::builder().options(&opts).build().map_err(|e| JsError::new(&e.to_string()))
}

fn to_js(text: &str, doc: &Document) -> Result<JsDocument, JsError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    crate::span::with_utf16_offsets(text, || doc.serialize(&ser))
        .map(JsCast::unchecked_into)
        .map_err(|e| JsError::new(&format!("internal error encoding the document: {e}")))
}
