//! The byte encodings the embedded model files share: FNV-1a checksums and hashes, and
//! unsigned LEB128 for the delta-coded ids of sparse weight tables (`roles.model`,
//! `ner.model`).

/// FNV-1a over `bytes`, its offset basis XORed with `seed` (seed 0 is plain FNV-1a).
pub(crate) fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed ^ 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Append `v` as unsigned LEB128 (7 bits a byte, low bits first, high bit = more follows).
pub(crate) fn push_uleb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Read an unsigned LEB128 value at `*o` and move `*o` past it. `None` when the bytes end
/// first or the value needs more than `max_bytes` bytes.
pub(crate) fn read_uleb(bytes: &[u8], o: &mut usize, max_bytes: usize) -> Option<u64> {
    let mut v = 0u64;
    for i in 0..max_bytes.min(9) {
        let b = *bytes.get(*o)?;
        *o += 1;
        v |= ((b & 0x7f) as u64) << (7 * i);
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uleb_round_trips_and_rejects_bad_input() {
        for v in [0u64, 1, 127, 128, 300, 16_383, 16_384, u32::MAX as u64] {
            let mut b = Vec::new();
            push_uleb(&mut b, v);
            let mut o = 0;
            assert_eq!(read_uleb(&b, &mut o, 5), Some(v));
            assert_eq!(o, b.len());
        }
        let mut o = 0;
        assert_eq!(read_uleb(&[0x80, 0x80], &mut o, 5), None, "truncated");
        let mut o = 0;
        assert_eq!(read_uleb(&[0xff; 6], &mut o, 5), None, "longer than max_bytes");
        assert_eq!(fnv(0, b"a"), 0xaf63_dc4c_8601_ec8c, "FNV-1a of \"a\"");
    }
}
