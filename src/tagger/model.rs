//! The shipped model: a pruned, quantised weight table loaded through a validating
//! [`Model::from_bytes`].
//!
//! Layout (little-endian):
//!
//! ```text
//! magic "GLNRTAG\0" | format u32 | feature version u32 | bucket bits u32
//! | label count u8 | labels ("O,B-PER,…" u16 length + bytes)
//! | weight scale f32 | temperature f32 | rows K u32
//! | K bucket ids (LEB128 deltas, ascending) | K × labels i8 codes | fnv64 checksum of all before
//! ```
//!
//! A code `c` stands for the weight `sign(c) · scale · 10^(6 · (|c| − 127) / 126)` for
//! `|c| ≥ 1` and 0 for `c = 0` (log-spaced levels from `scale / 10⁶` to `scale`: about 6 %
//! relative error everywhere, so both the large bias-like weights and the many small
//! lexical ones survive).

use super::features::{BUCKET_BITS, FEATURE_VERSION};
use super::{LABELS, NL};
use crate::gazetteer::LoadError;

/// Format version of the model file.
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"GLNRTAG\0";

#[derive(Clone, Copy, Default)]
struct Word {
    bits: u64,
    before: u32,
}

/// Something that adds a feature row's weights to a score vector.
pub trait Scorer {
    /// Add the weights of row `bucket` to `scores`.
    fn add(&self, bucket: u32, scores: &mut [f32; NL]);
}

/// The runtime model.
#[derive(Clone)]
pub struct Model {
    /// A bitmap over all `2^BUCKET_BITS` buckets with cumulative counts: bucket `b` has a
    /// row iff its bit is set, and the row index is the rank of that bit (no hashing, one
    /// small cache-friendly lookup for the common case of an absent feature).
    index: Vec<Word>,
    /// Row-major dequantised weights, `NL` per row, plus a final all-zero row (decoded once
    /// at load: a row add is then 17 plain float adds, which vectorise, instead of 17
    /// table look-ups).
    weights: Vec<[f32; NL]>,
    /// Softmax temperature for confidences (score units).
    pub temperature: f32,
    n_rows: usize,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model").field("rows", &self.n_rows).finish()
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h = 0xcbf29ce484222325u64;
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    h
}

fn labels_string() -> String {
    LABELS.join(",")
}

/// Magnitude of code `k` (1..=127).
fn level(k: i32, scale: f32) -> f32 {
    scale * 10f32.powf(6.0 * (k - 127) as f32 / 126.0)
}

/// Quantise one weight with the given scale.
pub fn quantise(w: f32, scale: f32) -> i8 {
    let a = w.abs();
    if scale <= 0.0 || a < level(1, scale) * 0.5 {
        return 0;
    }
    // Nearest level in log space (and 0 vs level 1 in linear space).
    let k = (127.0 + (a / scale).max(1e-12).log10() * 126.0 / 6.0).round().clamp(1.0, 127.0) as i32;
    (if w < 0.0 { -k } else { k }) as i8
}

fn dequantise(c: i8, scale: f32) -> f32 {
    if c == 0 || c == i8::MIN {
        return 0.0;
    }
    let v = level((c as i32).abs(), scale);
    if c < 0 {
        -v
    } else {
        v
    }
}

impl Model {
    /// Serialise rows (ascending bucket ids, one `NL`-weight row each).
    pub fn to_bytes(rows: &[(u32, [f32; NL])], scale: f32, temperature: f32) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&BUCKET_BITS.to_le_bytes());
        out.push(NL as u8);
        let ls = labels_string();
        out.extend_from_slice(&(ls.len() as u16).to_le_bytes());
        out.extend_from_slice(ls.as_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&temperature.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (k, (b, _)) in rows.iter().enumerate() {
            let mut d = if k == 0 { *b } else { b - prev };
            prev = *b;
            loop {
                let byte = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
        }
        // Codes column-major (label by label): compresses better.
        for l in 0..NL {
            for (_, w) in rows {
                out.push(quantise(w[l], scale) as u8);
            }
        }
        let h = fnv(&out);
        out.extend_from_slice(&h.to_le_bytes());
        out
    }

    /// Load and validate a model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, LoadError> {
        let err = |m: &str| Err(LoadError(format!("model: {m}")));
        if bytes.len() < 8 + 12 + 1 + 2 + 12 + 8 || &bytes[..8] != MAGIC {
            return err("bad magic (not a gleaner NER model)");
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if fnv(body) != u64::from_le_bytes(sum.try_into().unwrap()) {
            return err("checksum mismatch (truncated or corrupt file)");
        }
        let u32_at = |o: usize| u32::from_le_bytes(body[o..o + 4].try_into().unwrap());
        if u32_at(8) != FORMAT_VERSION {
            return err(&format!("format version {} (expected {FORMAT_VERSION}); retrain with gleaner-train", u32_at(8)));
        }
        if u32_at(12) != FEATURE_VERSION {
            return err(&format!("feature version {} (expected {FEATURE_VERSION}); retrain with gleaner-train", u32_at(12)));
        }
        if u32_at(16) != BUCKET_BITS {
            return err("bucket bits differ from this build; retrain");
        }
        if body[20] as usize != NL {
            return err("label count differs from this build");
        }
        let ll = u16::from_le_bytes([body[21], body[22]]) as usize;
        let mut o = 23;
        if body.len() < o + ll + 12 || &body[o..o + ll] != labels_string().as_bytes() {
            return err("label set differs from this build");
        }
        o += ll;
        let scale = f32::from_le_bytes(body[o..o + 4].try_into().unwrap());
        let temperature = f32::from_le_bytes(body[o + 4..o + 8].try_into().unwrap());
        let k = u32_at(o + 8) as usize;
        o += 12;
        let mut keys = Vec::with_capacity(k);
        let mut prev = 0u32;
        for idx in 0..k {
            let mut d = 0u32;
            let mut shift = 0;
            loop {
                if o >= body.len() || shift > 28 {
                    return err("truncated bucket ids");
                }
                let b = body[o];
                o += 1;
                d |= ((b & 0x7f) as u32) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
            }
            let key = if idx == 0 { d } else { prev + d };
            if idx > 0 && key <= prev {
                return err("bucket ids not ascending");
            }
            prev = key;
            keys.push(key);
        }
        if body.len() != o + k * NL {
            return err("weight table size mismatch");
        }

        let mut lut = [0f32; 256];
        for (c, v) in lut.iter_mut().enumerate() {
            *v = dequantise(c as u8 as i8, scale);
        }
        if keys.last().map_or(false, |&b| b >= 1 << BUCKET_BITS) {
            return err("bucket id out of range");
        }
        let mut index = vec![Word::default(); (1usize << BUCKET_BITS) / 64];
        for &key in &keys {
            index[key as usize / 64].bits |= 1 << (key % 64);
        }
        let mut before = 0u32;
        for w in index.iter_mut() {
            w.before = before;
            before += w.bits.count_ones();
        }
        let mut weights = vec![[0f32; NL]; k + 1]; // + the all-zero row
        for l in 0..NL {
            for (r, row) in weights[..k].iter_mut().enumerate() {
                row[l] = lut[body[o + l * k + r] as usize];
            }
        }
        Ok(Model { index, weights, temperature, n_rows: k })
    }

    /// Number of weight rows.
    pub fn rows(&self) -> usize {
        self.n_rows
    }
}

impl Scorer for Model {
    #[inline]
    fn add(&self, bucket: u32, scores: &mut [f32; NL]) {
        // Branch-free: an absent bucket reads the all-zero row `n_rows` (keeps the CPU's
        // loads for consecutive features overlapping instead of mispredicting).
        let Some(w) = self.index.get(bucket as usize / 64) else { return };
        let sh = bucket % 64;
        let present = ((w.bits >> sh) & 1) as usize;
        let rank = (w.before + (w.bits & ((1u64 << sh) - 1)).count_ones()) as usize;
        let r = present * rank + (1 - present) * self.n_rows;
        let row = &self.weights[r];
        for l in 0..NL {
            scores[l] += row[l];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_validation() {
        let mut r1 = [0f32; NL];
        r1[1] = 2.0;
        r1[0] = -0.5;
        let rows = vec![(3u32, r1), (700_000u32, [1.0; NL])];
        let bytes = Model::to_bytes(&rows, 2.0, 1.5);
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!(m.rows(), 2);
        assert_eq!(m.temperature, 1.5);
        let mut s = [0f32; NL];
        m.add(3, &mut s);
        assert!((s[1] - 2.0).abs() < 1e-3 && (s[0] + 0.5).abs() < 0.5 * 0.06);
        let mut s2 = [0f32; NL];
        m.add(4, &mut s2);
        assert_eq!(s2, [0f32; NL]);
        let mut bad = bytes.clone();
        bad[30] ^= 1;
        assert!(Model::from_bytes(&bad).is_err());
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes(b"GLNRTAG\0").is_err());
    }
}
