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

use std::ops::ControlFlow;

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

    /// Parse a dump. Throws a `TypeError` when `text` is not a string; never throws for any text.
    pub fn parse(&self, #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue) -> Result<JsDocument, JsValue> {
        let text = text_arg(text, "Gleaner.parse")?;
        to_js(&text, &self.inner.parse(&text))
    }

    /// Parse a dump, calling `onProgress(done, total, stage, fraction)` between stages and,
    /// for long dumps, within the entities stage: `done` of `total` stages are finished,
    /// `stage` runs next (or is running), `fraction` (0 to 1) of it is done. When
    /// `onProgress` throws, the parse stops (at the end of the entities stage if it is
    /// running) and this call throws that error.
    #[wasm_bindgen(js_name = parseWithProgress)]
    pub fn parse_with_progress(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
        on_progress: JsProgress,
    ) -> Result<JsDocument, JsValue> {
        let text = text_arg(text, "Gleaner.parseWithProgress")?;
        let f: &js_sys::Function = on_progress.dyn_ref().ok_or_else(|| {
            js_sys::TypeError::new(&format!("Gleaner.parseWithProgress: onProgress must be a function, got {}", type_name(&on_progress)))
        })?;
        let mut thrown = None;
        let doc = self.inner.try_parse_with_progress(&text, &mut |p| {
            let args = js_sys::Array::of4(&JsValue::from(p.done), &JsValue::from(p.total), &JsValue::from_str(p.stage), &JsValue::from(p.fraction));
            match f.apply(&JsValue::NULL, &args) {
                Ok(_) => ControlFlow::Continue(()),
                Err(e) => {
                    thrown = Some(e);
                    ControlFlow::Break(())
                }
            }
        });
        match (doc, thrown) {
            (Some(doc), _) => to_js(&text, &doc),
            (None, e) => Err(e.unwrap_or_else(|| js_sys::Error::new("parse stopped by onProgress").into())),
        }
    }
}

/// Load the model and gazetteers now (the first parse would otherwise do it).
#[wasm_bindgen]
pub fn init() {
    crate::pipeline::warm_up();
}

/// Parse `text` with `options` in one call. Throws a `TypeError` when `text` is not a string
/// and an `Error` for bad options; never for any text.
#[wasm_bindgen]
pub fn parse(#[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue, options: Option<JsOptions>) -> Result<JsDocument, JsValue> {
    let text = text_arg(text, "parse")?;
    let g = build(options)?;
    to_js(&text, &g.parse(&text))
}

/// The gleaner version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// `v` as a Rust string, or a `TypeError` naming `func`'s `text` argument. The type check
/// (`typeof v === "string"`) runs in JS before anything is copied into wasm memory, so an
/// object that only looks like a string never reaches the heap.
fn text_arg(v: &JsValue, func: &str) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| js_sys::TypeError::new(&format!("{func}: text must be a string, got {}", type_name(v))).into())
}

/// `null`, `undefined`, `number`, `array`, `object`, … for error messages.
fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(v) {
        "an array".into()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
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

fn to_js(text: &str, doc: &Document) -> Result<JsDocument, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    crate::span::with_utf16_offsets(text, || doc.serialize(&ser))
        .map(JsCast::unchecked_into)
        .map_err(|e| JsError::new(&format!("internal error encoding the document: {e}")).into())
}
