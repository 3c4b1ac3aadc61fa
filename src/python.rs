//! The Python surface (the `gleaner._gleaner` extension module; `src/python/gleaner/` wraps it).
//! It only translates: keyword options in, plain dicts (or JSON strings) out, errors as
//! Python exceptions.
//!
//! * `Gleaner(*, reference_date=None, entities=True, quotes=True, times=True, amounts=True,
//!   clusters=True)` validates once (`ValueError` for a bad date, `TypeError` for a value of
//!   the wrong type or an unknown keyword).
//! * `Gleaner.parse(text)` / `parse_json(text)` never fail for any `str` (`TypeError` for
//!   anything else); `parse_many(texts, jobs=None)` / `parse_many_json` release the GIL and
//!   parse on `jobs` threads (default: every core).
//!
//! Documents have the CLI's JSON schema (spans are UTF-8 byte offsets, as in the CLI): the
//! core's serde output goes through `serde_json` and Python's `json.loads`, which measured
//! faster than building the objects with `pythonize` and keeps `f32` confidences exactly as
//! the CLI prints them.

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;

/// A configured extractor: validate options once, parse many dumps.
#[pyclass(name = "Gleaner", module = "gleaner", frozen)]
struct Gleaner {
    inner: crate::Gleaner,
}

#[pymethods]
impl Gleaner {
    #[new]
    #[pyo3(signature = (*, reference_date=None, entities=true, quotes=true, times=true, amounts=true, clusters=true))]
    fn new(
        reference_date: Option<&Bound<'_, PyAny>>,
        entities: bool,
        quotes: bool,
        times: bool,
        amounts: bool,
        clusters: bool,
    ) -> PyResult<Gleaner> {
        let mut b = crate::Gleaner::builder();
        if let Some(d) = reference_date.filter(|d| !d.is_none()) {
            let d = d.cast::<PyString>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "reference_date must be a str such as \"2026-01-09\" (or None), not {}",
                    type_name(d)
                ))
            })?;
            b.reference_date(&d.to_string_lossy());
        }
        // pyo3 accepts only True/False for bool parameters (TypeError naming the argument)
        b.entities(entities).quotes(quotes).times(times).amounts(amounts).clusters(clusters);
        let inner = b.build().map_err(|e| {
            // the core names the JS/JSON option; Python spells it reference_date
            PyValueError::new_err(e.to_string().replacen("referenceDate", "reference_date", 1))
        })?;
        Ok(Gleaner { inner })
    }

    /// Parse one dump into a dict (the CLI's JSON schema). Never fails for any str.
    fn parse<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let json = self.parse_json(py, text)?;
        loads(py, &json)
    }

    /// Parse one dump into a compact JSON string (the CLI's `--jsonl` line).
    fn parse_json(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
        let text = text_arg("text", text)?;
        let g = &self.inner;
        Ok(py.detach(|| to_json(g, &text)))
    }

    /// Parse every text on `jobs` threads without the GIL; a list of dicts in input order.
    #[pyo3(signature = (texts, jobs=None))]
    fn parse_many<'py>(&self, py: Python<'py>, texts: &Bound<'py, PyAny>, jobs: Option<&Bound<'py, PyAny>>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.parse_many_json(py, texts, jobs)?.iter().map(|j| loads(py, j)).collect()
    }

    /// Like `parse_many`, as compact JSON strings.
    #[pyo3(signature = (texts, jobs=None))]
    fn parse_many_json(&self, py: Python<'_>, texts: &Bound<'_, PyAny>, jobs: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
        let jobs = jobs_arg(jobs)?;
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("texts must be an iterable of str (a list, say), not one str: use parse() for one dump"));
        }
        let iter = texts.try_iter().map_err(|_| {
            PyTypeError::new_err(format!("texts must be an iterable of str, not {}", type_name(texts)))
        })?;
        let mut owned: Vec<Bound<'_, PyAny>> = Vec::new();
        for item in iter {
            owned.push(item?);
        }
        let strs: Vec<Cow<'_, str>> =
            owned.iter().enumerate().map(|(i, t)| text_arg(&format!("texts[{i}]"), t)).collect::<PyResult<_>>()?;
        let g = &self.inner;
        Ok(py.detach(|| parse_parallel(g, &strs, jobs)))
    }

    fn __repr__(&self) -> String {
        let g = &self.inner;
        let date = match g.reference {
            Some((y, m, d)) => format!("\"{y:04}-{m:02}-{d:02}\""),
            None => "None".to_string(),
        };
        let b = |v: bool| if v { "True" } else { "False" };
        format!(
            "gleaner.Gleaner(reference_date={date}, entities={}, quotes={}, times={}, amounts={}, clusters={})",
            b(g.entities), b(g.quotes), b(g.times), b(g.amounts), b(g.clusters)
        )
    }
}

/// Parse `texts` on up to `jobs` scoped threads; each thread takes the next unparsed text, so
/// long and short dumps spread evenly. Results keep the input order.
fn parse_parallel(g: &crate::Gleaner, texts: &[Cow<'_, str>], jobs: usize) -> Vec<String> {
    let jobs = jobs.min(texts.len()).max(1);
    if jobs == 1 {
        return texts.iter().map(|t| to_json(g, t)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut out = vec![String::new(); texts.len()];
    let parts: Vec<Vec<(usize, String)>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(t) = texts.get(i) else { break };
                        done.push((i, to_json(g, t)));
                    }
                    done
                })
            })
            .collect();
        // the core never panics; with panic = "abort" a panic could not reach here anyway
        workers.into_iter().map(|w| w.join().expect("gleaner worker thread panicked")).collect()
    });
    for (i, json) in parts.into_iter().flatten() {
        out[i] = json;
    }
    out
}

fn to_json(g: &crate::Gleaner, text: &str) -> String {
    // Serialising plain data (strings, numbers, vectors) cannot fail.
    serde_json::to_string(&g.parse(text)).expect("a Document always serialises")
}

fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let f = LOADS.get_or_try_init(py, || py.import("json")?.getattr("loads").map(Bound::unbind))?;
    f.bind(py).call1((json,))
}

/// A str argument as UTF-8. Lone surrogates (which no UTF-8 text holds) become U+FFFD, the
/// same 3 bytes as `text.encode("utf-8", "surrogatepass")`, so byte spans stay exact.
fn text_arg<'a>(what: &str, v: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, str>> {
    let s = v.cast::<PyString>().map_err(|_| {
        let hint = if v.is_instance_of::<pyo3::types::PyBytes>() { " (decode bytes first: data.decode(\"utf-8\", \"replace\"))" } else { "" };
        PyTypeError::new_err(format!("{what} must be a str, not {}{hint}", type_name(v)))
    })?;
    match s.to_str() {
        Ok(t) => Ok(Cow::Borrowed(t)),
        Err(_) => Ok(Cow::Owned(replace_surrogates(s)?)),
    }
}

/// `text` with each lone surrogate replaced by U+FFFD (pyo3's lossy conversion would give
/// one U+FFFD per byte of the surrogate's 3-byte form, shifting every later span).
fn replace_surrogates(s: &Bound<'_, PyString>) -> PyResult<String> {
    let bytes = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
    let mut v = bytes.cast::<pyo3::types::PyBytes>()?.as_bytes().to_vec();
    let mut i = 0;
    while i + 2 < v.len() {
        // 0xED never continues a sequence, so this is the start of an encoded U+D800..U+DFFF
        if v[i] == 0xED && (0xA0..=0xBF).contains(&v[i + 1]) {
            v[i..i + 3].copy_from_slice("\u{FFFD}".as_bytes());
            i += 3;
        } else {
            i += 1;
        }
    }
    Ok(String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

fn jobs_arg(jobs: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let all = || std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    match jobs.filter(|j| !j.is_none()) {
        None => Ok(all()),
        Some(j) if j.is_instance_of::<pyo3::types::PyBool>() => Err(PyTypeError::new_err("jobs must be an int or None, not bool")),
        Some(j) => match j.extract::<i64>() {
            Ok(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
            Ok(n) => Err(PyValueError::new_err(format!("jobs must be at least 1 (or None for every core), not {n}"))),
            Err(_) => Err(PyTypeError::new_err(format!("jobs must be an int or None, not {}", type_name(j)))),
        },
    }
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_string())
}

/// Load the model and gazetteers now (the first parse would otherwise do it).
#[pyfunction]
fn init(py: Python<'_>) {
    py.detach(crate::pipeline::warm_up);
}

/// The extension module `gleaner._gleaner`.
#[pymodule]
fn _gleaner(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Gleaner>()?;
    m.add_function(wrap_pyfunction!(init, m)?)?;
    m.add("__version__", crate::VERSION)?;
    Ok(())
}

