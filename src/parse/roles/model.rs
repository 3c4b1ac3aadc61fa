//! The role model's weights: scoring, Viterbi decoding of line roles, the title ranker's
//! table, the model file format and the shipped model.

use super::*;

/// Viterbi decoding fed one line's emission scores at a time: only the back pointers are
/// kept per line.
pub(super) struct Viterbi {
    back: Vec<[u8; NR]>,
    cur: [f32; NR],
}

impl Viterbi {
    fn with_capacity(n: usize) -> Viterbi {
        Viterbi { back: Vec::with_capacity(n), cur: [f32::NEG_INFINITY; NR] }
    }

    /// The next line's scores `em`; `ok(r)`: role `r` is allowed there.
    fn push(&mut self, m: &RoleModel, em: &[f32; NR], ok: impl Fn(usize) -> bool) {
        let mut bk = [0u8; NR];
        if self.back.is_empty() {
            for r in 0..NR {
                if ok(r) {
                    self.cur[r] = m.trans[NR * NR + r] + em[r];
                }
            }
        } else {
            let mut nxt = [f32::NEG_INFINITY; NR];
            for r in 0..NR {
                if !ok(r) {
                    continue;
                }
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for p in 0..NR {
                    let v = self.cur[p] + m.trans[p * NR + r];
                    if v > best {
                        best = v;
                        arg = p as u8;
                    }
                }
                nxt[r] = best + em[r];
                bk[r] = arg;
            }
            self.cur = nxt;
        }
        self.back.push(bk);
    }

    /// The best role sequence.
    fn finish(self) -> Vec<LineRole> {
        let n = self.back.len();
        if n == 0 {
            return Vec::new();
        }
        let cur = self.cur;
        let mut r = (0..NR).fold(0, |b, r| if cur[r] > cur[b] { r } else { b });
        let mut out = vec![LineRole::Boiler; n];
        for i in (0..n).rev() {
            out[i] = ROLES[r];
            r = self.back[i][r] as usize;
        }
        out
    }
}

/// [`for_each_features`], returning each line's facts (its rule class, see [`RuleClass`],
/// Weights of the role model: emission rows per feature bucket plus transitions.
#[derive(Clone)]
pub struct RoleModel {
    /// `2^BUCKET_BITS × NR` emission weights.
    pub(crate) emit: Vec<f32>,
    /// `(NR + 1) × NR` transition weights; row `NR` is the start.
    pub(crate) trans: Vec<f32>,
    /// `2^TITLE_BITS` weights of the title ranker.
    pub(crate) title: Vec<f32>,
}

impl std::fmt::Debug for RoleModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RoleModel").field("nonzero", &self.emit.iter().filter(|w| **w != 0.0).count()).finish()
    }
}

pub(super) const MAGIC: &[u8; 8] = b"GLNRROL\0";
/// Format version of the role model file.
pub const FORMAT_VERSION: u32 = 1;

/// Why a model file was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl RoleModel {
    /// An all-zero model (training starts here).
    pub fn zero() -> RoleModel {
        RoleModel { emit: vec![0.0; (1usize << BUCKET_BITS) * NR], trans: vec![0.0; (NR + 1) * NR], title: vec![0.0; 1 << TITLE_BITS] }
    }

    /// Scores of every role for every line.
    pub fn emissions(&self, feats: &[Vec<u32>]) -> Vec<[f32; NR]> {
        feats.iter().map(|ids| self.score(ids)).collect()
    }

    /// Best role sequence; `allowed[i]` (a bit set over roles) restricts line `i` when given.
    pub fn viterbi(&self, em: &[[f32; NR]], allowed: Option<&[u8]>) -> Vec<LineRole> {
        let mut v = Viterbi::with_capacity(em.len());
        for (i, e) in em.iter().enumerate() {
            v.push(self, e, |r| allowed.is_none_or(|a| a[i] & (1 << r) != 0));
        }
        v.finish()
    }

    /// Score of a title candidate (see [`title_features`]).
    pub fn title_score(&self, ids: &[u32]) -> f32 {
        ids.iter().map(|&i| self.title[i as usize]).sum()
    }

    /// The best title for a body starting at line `b` among `candidates` (or none; a
    /// picture's line never is one).
    pub fn pick_title(&self, text: &str, spans: &[Span], candidates: &[usize], b: usize) -> Option<usize> {
        self.pick_title_with(text, spans, candidates, b, &TitleFacts::default())
    }

    /// [`RoleModel::pick_title`] reading line facts from `cache` (one per dump and `spans`).
    pub fn pick_title_with(&self, text: &str, spans: &[Span], candidates: &[usize], b: usize, cache: &TitleFacts) -> Option<usize> {
        let w = TitleWindow::new(text, spans, b, cache);
        let mut best = (self.title_score(&w.features(text, spans, None)), None);
        for &j in candidates.iter().filter(|&&j| !w.picture(j)) {
            let s = self.title_score(&w.features(text, spans, Some(j)));
            if s > best.0 {
                best = (s, Some(j));
            }
        }
        best.1
    }

    /// Roles of the physical lines of `text`.
    pub fn roles(&self, text: &str, lines: &[PhysLine]) -> Vec<LineRole> {
        self.roles_and_classes(text, lines).0
    }

    /// [`RoleModel::roles`] and each line's rule class.
    pub(crate) fn roles_and_classes(&self, text: &str, lines: &[PhysLine]) -> (Vec<LineRole>, LineFacts) {
        // decoded as the lines' scores come (no per-line score vector)
        let mut v = Viterbi::with_capacity(lines.len());
        let classes = features_and_classes(text, lines, |_, ids, ok| v.push(self, &self.score(ids), |r| ok & (1 << r) != 0));
        (v.finish(), classes)
    }

    fn score(&self, ids: &[u32]) -> [f32; NR] {
        let mut s = [0f32; NR];
        for &id in ids {
            let row = &self.emit[id as usize * NR..id as usize * NR + NR];
            for r in 0..NR {
                s[r] += row[r];
            }
        }
        s
    }

    /// Serialise: magic | format u32 | feature version u32 | bucket bits u32 | roles u8 |
    /// transitions ((NR+1)·NR f32) | title ranker (2^TITLE_BITS f32) | K u32 | K (bucket·NR+role) LEB128 deltas | K f32 | fnv64.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&BUCKET_BITS.to_le_bytes());
        out.push(NR as u8);
        for w in self.trans.iter().chain(&self.title) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let nz: Vec<(usize, f32)> = self.emit.iter().copied().enumerate().filter(|(_, w)| *w != 0.0).collect();
        out.extend_from_slice(&(nz.len() as u32).to_le_bytes());
        let mut prev = 0usize;
        for &(i, _) in &nz {
            push_uleb(&mut out, (i - prev) as u64);
            prev = i;
        }
        for &(_, w) in &nz {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let h = fnv(0, &out);
        out.extend_from_slice(&h.to_le_bytes());
        out
    }

    /// Load and validate a model file.
    pub fn from_bytes(b: &[u8]) -> Result<RoleModel, ModelError> {
        if b.len() < 8 + 12 + 1 + 8 || &b[..8] != MAGIC {
            return Err(ModelError("not a gleaner role model (bad magic)"));
        }
        let (body, sum) = b.split_at(b.len() - 8);
        if fnv(0, body).to_le_bytes() != sum {
            return Err(ModelError("role model checksum mismatch"));
        }
        let u32_at = |o: usize| u32::from_le_bytes([body[o], body[o + 1], body[o + 2], body[o + 3]]);
        if u32_at(8) != FORMAT_VERSION {
            return Err(ModelError("role model format version differs from this build"));
        }
        if u32_at(12) != FEATURE_VERSION || u32_at(16) != BUCKET_BITS || body[20] as usize != NR {
            return Err(ModelError("role model was trained with other features or roles"));
        }
        let mut o = 21;
        let mut m = RoleModel::zero();
        let f32_at = |o: usize| -> Option<f32> { body.get(o..o + 4).map(|s| f32::from_le_bytes([s[0], s[1], s[2], s[3]])) };
        for t in m.trans.iter_mut().chain(m.title.iter_mut()) {
            *t = f32_at(o).ok_or(ModelError("role model truncated"))?;
            o += 4;
        }
        let k = body.get(o..o + 4).map(|_| u32_at(o)).ok_or(ModelError("role model truncated"))? as usize;
        o += 4;
        let mut idx = Vec::with_capacity(k);
        let mut prev = 0usize;
        for _ in 0..k {
            let d = read_uleb(body, &mut o, 6).ok_or(ModelError("role model truncated"))?;
            prev += d as usize;
            if prev >= m.emit.len() {
                return Err(ModelError("role model index out of range"));
            }
            idx.push(prev);
        }
        for &i in &idx {
            m.emit[i] = f32_at(o).ok_or(ModelError("role model truncated"))?;
            o += 4;
        }
        if o != body.len() {
            return Err(ModelError("role model has trailing bytes"));
        }
        Ok(m)
    }
}

pub(super) static SHIPPED: &[u8] = include_bytes!("../../data/roles.model");

/// The shipped model, decoded once.
pub fn shipped() -> &'static RoleModel {
    static M: std::sync::OnceLock<RoleModel> = std::sync::OnceLock::new();
    M.get_or_init(|| RoleModel::from_bytes(SHIPPED).unwrap_or_else(|_| RoleModel::zero()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_bytes_round_trip_and_reject_damage() {
        let mut m = RoleModel::zero();
        m.emit[5] = 1.5;
        m.emit[12345 * NR + 3] = -0.25;
        m.trans[2] = 0.75;
        let b = m.to_bytes();
        let back = RoleModel::from_bytes(&b).unwrap();
        assert_eq!(back.emit, m.emit);
        assert_eq!(back.trans, m.trans);
        assert_eq!(back.title, m.title);
        let mut bad = b.clone();
        bad[30] ^= 1;
        assert!(RoleModel::from_bytes(&bad).is_err());
        assert!(RoleModel::from_bytes(&b[..10]).is_err());
    }

    #[test]
    fn shipped_model_loads() {
        let m = RoleModel::from_bytes(SHIPPED).unwrap();
        assert!(m.to_bytes() == SHIPPED, "the writer reproduces the shipped model byte for byte");
    }
}
