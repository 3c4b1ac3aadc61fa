//! Tense: the cue words that say whether a clause is past or future.

use super::*;

pub(super) const FUTURE_CUES: &[&str] = &[
    "will", "shall", "would", "plans", "plan", "planning", "scheduled", "slated", "expected", "due",
    "upcoming", "intends", "intend", "aims", "hopes", "next", "tomorrow",
];
pub(super) const PAST_CUES: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "met", "ago", "went", "came", "took", "made", "gave", "held", "left",
    "began", "saw", "spoke", "sought", "fell", "rose", "struck", "lost", "got", "found", "led", "sent", "brought",
    "became", "ran", "last", "yesterday", "earlier", "won", "paid", "sold", "bought", "built", "wrote",
    "felt", "kept", "hit", "shot", "broke", "chose", "drew", "flew", "grew", "knew", "threw", "tore", "wore", "swore",
    "stood", "fought", "thought", "taught", "caught", "heard", "meant", "quit", "spent", "stole", "woke",
];
pub(super) const ED_NOT_TENSE: &[&str] = &[
    "need", "speed", "seed", "feed", "proceed", "exceed", "succeed", "indeed", "hundred", "breed", "greed", "embed",
    "based", "concerned", "interested", "required", "supposed", "related", "united", "alleged", "advanced", "limited",
    "detailed", "armed", "skilled", "qualified", "experienced", "expected", "planned", "scheduled", "slated",
    "unprecedented", "sacred", "wicked", "naked", "rugged", "beloved", "talented", "dedicated", "sophisticated",
    "complicated", "organised", "organized", "so-called", "renowned", "tired", "worried", "used", "biased",
];

pub(super) fn cue(cx: &Cx, i: usize) -> Option<Tense> {
    if !cx.word(i) {
        return None;
    }
    let s = cx.s(i);
    if s.len() > 20 || !s.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let l = s.to_ascii_lowercase();
    // `'ll`, `won't`
    if l == "ll" && i > 0 && matches!(cx.s(i - 1), "'" | "’") && cx.att(i) {
        return Some(Tense::Future);
    }
    if l == "won" && matches!(cx.s(i + 1), "'" | "’") && cx.att(i + 1) {
        return Some(Tense::Future);
    }
    if l == "set" && cx.is(i + 1, "to") {
        return Some(Tense::Future);
    }
    if l == "going" && cx.is(i + 1, "to") {
        return Some(Tense::Future);
    }
    if FUTURE_CUES.contains(&l.as_str()) {
        // `next` and `last` only as adverbs / adjectives of time are cues in this list; fine.
        return Some(Tense::Future);
    }
    let past = PAST_CUES.contains(&l.as_str())
        || (l.len() >= 5 && l.ends_with("ed") && !ED_NOT_TENSE.contains(&l.as_str()) && cx.lower(i));
    if past {
        // `will be held`, `is being built`: a participle after a form of `be` is not the tense.
        let passive = (1..=2).any(|k| i >= k && cx.any(i - k, &["be", "been", "being", "is", "are", "to"]));
        if passive && !matches!(l.as_str(), "was" | "were" | "had" | "did" | "ago" | "last" | "yesterday" | "earlier") {
            return None;
        }
        return Some(Tense::Past);
    }
    None
}

/// Cues right next to the expression: `Wednesday's ruling` (past), `until Tuesday`,
/// `by Jan. 14`, `as soon as Tuesday` (future).
pub(super) fn local_tense(cx: &Cx, s: usize, e: usize) -> Option<Tense> {
    if matches!(cx.s(e), "'" | "’") && cx.att(e) && cx.is(e + 1, "s") && cx.att(e + 1) {
        return Some(Tense::Past);
    }
    let p = s.checked_sub(1)?;
    if cx.any(p, &["until", "till", "by"]) {
        return Some(Tense::Future);
    }
    if p >= 2 && cx.is(p, "as") && cx.any(p - 1, &["soon", "early"]) && cx.is(p - 2, "as") {
        return Some(Tense::Future);
    }
    None
}

/// The tense for an expression covering tokens `s..e`, from the per-token cues.
pub(super) fn tense_for(cues: &[Option<Tense>], sent: &[usize], s: usize, e: usize, carry: Tense) -> Tense {
    let start = sent.get(s).copied().unwrap_or(0);
    let mut k = s;
    let mut steps = 0;
    while k > start && steps < 30 {
        k -= 1;
        steps += 1;
        if let Some(t) = cues[k] {
            return t;
        }
    }
    let mut k = e;
    let mut steps = 0;
    while k < cues.len() && sent[k] == start && steps < 30 {
        if let Some(t) = cues[k] {
            return t;
        }
        k += 1;
        steps += 1;
    }
    carry
}
