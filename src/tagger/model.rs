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
use crate::codec::{fnv, push_uleb, read_uleb};

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


fn labels_string() -> String {
    LABELS.join(",")
}

/// `10^(6 (k − 127) / 126)` for codes `k` = 1..=127 (index 0 unused), as f32 bits.
///
/// A table rather than `powf`: libm's `powf` differs in the last bit between platforms
/// (glibc natively, Rust's libm port in the wasm build), so the same model file scored a
/// few tokens differently in the browser than in the CLI. These are glibc's
/// `10f32.powf(6.0 * (k - 127) as f32 / 126.0)`; `levels_match_powf` checks them.
const LEVEL_BITS: [u32; 128] = [
    0x00000000, 0x358637bd, 0x3595c577, 0x35a720a8, 0x35ba7eb2, 0x35d01b58, 0x35e83914, 0x36019120,
    0x361094eb, 0x3621561b, 0x36340857, 0x3648e547, 0x36602d15, 0x367a279a, 0x368b925e, 0x369bbeee,
    0x36adcb5d, 0x36c1ef2e, 0x36d86878, 0x36f17c8a, 0x3706bc43, 0x37165963, 0x3727c5ac, 0x373b36d5,
    0x3750e8d2, 0x37691e5e, 0x37821117, 0x379123ad, 0x37a1f568, 0x37b4ba26, 0x37c9aba2, 0x37e10a6d,
    0x37fb1e99, 0x380c1c2d, 0x381c58c0, 0x382e76f6, 0x3842aeaa, 0x38593e34, 0x38726af9, 0x3887414b,
    0x3896edd6, 0x38a86b53, 0x38bbefbc, 0x38d1b717, 0x38ea0493, 0x39029183, 0x3911b2fb, 0x39229557,
    0x39356c98, 0x394a72c9, 0x3961e8a8, 0x397c168b, 0x398ca689, 0x399cf31f, 0x39af2339, 0x39c36ee9,
    0x39da14b4, 0x39f35a5d, 0x3a07c6dc, 0x3a1782dc, 0x3a2911a4, 0x3a3ca94c, 0x3a528628, 0x3a6aeba2,
    0x3a83126f, 0x3a9242dc, 0x3aa335e4, 0x3ab61fba, 0x3acb3aad, 0x3ae2c7be, 0x3afd0f7b, 0x3b0d3169,
    0x3b1d8e17, 0x3b2fd02c, 0x3b442fe7, 0x3b5aec07, 0x3b744aa4, 0x3b884cf0, 0x3b98187a, 0x3ba9b893,
    0x3bbd6393, 0x3bd3560d, 0x3bebd39f, 0x3c0393d9, 0x3c12d345, 0x3c23d70a, 0x3c36d393, 0x3c4c035a,
    0x3c63a7ac, 0x3c7e0958, 0x3c8dbcd7, 0x3c9e29aa, 0x3cb07dc6, 0x3cc4f19d, 0x3cdbc437, 0x3cf53bdd,
    0x3d08d387, 0x3d18aea6, 0x3d2a602c, 0x3d3e1e95, 0x3d5426bb, 0x3d6cbc77, 0x3d8415c8, 0x3d936440,
    0x3da478d2, 0x3db78817, 0x3dcccccd, 0x3de48875, 0x3dff0430, 0x3e0e48ca, 0x3e1ec5d7, 0x3e312c0b,
    0x3e45b415, 0x3e5c9d36, 0x3e762e04, 0x3e895aa1, 0x3e99456a, 0x3eab0868, 0x3ebeda51, 0x3ed4f836,
    0x3eeda63b, 0x3f049834, 0x3f13f5cc, 0x3f251b3a, 0x3f383d52, 0x3f4d9707, 0x3f656a1f, 0x3f800000,
];

/// Magnitude of code `k` (1..=127).
fn level(k: i32, scale: f32) -> f32 {
    scale * f32::from_bits(LEVEL_BITS[k as usize])
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
            push_uleb(&mut out, if k == 0 { *b } else { b - prev } as u64);
            prev = *b;
        }
        // Codes column-major (label by label): compresses better.
        for l in 0..NL {
            for (_, w) in rows {
                out.push(quantise(w[l], scale) as u8);
            }
        }
        let h = fnv(0, &out);
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
        if fnv(0, body) != u64::from_le_bytes(sum.try_into().unwrap()) {
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
            let Some(d) = read_uleb(body, &mut o, 5) else {
                return err("truncated bucket ids");
            };
            let d = d as u32;
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
    fn levels_match_powf() {
        // within one unit in the last place of this platform's powf (equal under glibc)
        for k in 1..=127i32 {
            let table = f32::from_bits(LEVEL_BITS[k as usize]);
            let pow = 10f32.powf(6.0 * (k - 127) as f32 / 126.0);
            assert!((table.to_bits() as i64 - pow.to_bits() as i64).abs() <= 1, "level {k}: {table} vs {pow}");
        }
        assert_eq!(f32::from_bits(LEVEL_BITS[127]), 1.0);
    }

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
