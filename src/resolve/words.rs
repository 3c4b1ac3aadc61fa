//! Small word and role helpers shared by `resolve`, `quotes` and `cluster`.

/// A word: byte span in the input and its text (edge punctuation trimmed, inner kept:
/// `U.S.`, `Yu-jung`, `Lee's`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'t> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text.
    pub text: &'t str,
}

/// `s` with every run of whitespace inside it as one space, when it has a run other than a
/// single space (a name or quote broken by a hard wrap, `Ewan\n   Dunmore`, reads `Ewan
/// Dunmore`); otherwise `s` itself.
pub(crate) fn squash(s: &str) -> std::borrow::Cow<'_, str> {
    if s.split(' ').any(str::is_empty) || s.contains(|c: char| c.is_whitespace() && c != ' ') {
        std::borrow::Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn is_edge_punct(c: char) -> bool {
    !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '.' || c == '&')
}

/// The words of `text[range]`, spans relative to `text`.
pub(crate) fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let Some(s) = text.get(start..end) else { return out };
    let mut i = 0;
    let b = s.as_bytes();
    while i < b.len() {
        // skip whitespace
        let ch = s[i..].chars().next().unwrap_or(' ');
        if ch.is_whitespace() {
            i += ch.len_utf8();
            continue;
        }
        let ws = i;
        while i < b.len() {
            let c = s[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() || (c == '.' && i > ws && glued_stop(&s[ws..i], &s[i + 1..])) {
                break;
            }
            i += c.len_utf8();
        }
        let tok = &s[ws..i];
        // trim leading punctuation (including quotes and apostrophes) and trailing punctuation
        let lead = tok.len() - tok.trim_start_matches(|c: char| is_edge_punct(c) || c == '\'' || c == '’' || c == '.').len();
        let mut t = &tok[lead..];
        t = t.trim_end_matches(|c: char| is_edge_punct(c) || c == '\'' || c == '’');
        // a trailing dot is kept only for abbreviations (U.S., Mr.): one with another dot or a short capital word
        if t.ends_with('.') {
            let inner = &t[..t.len() - 1];
            let abbrev = inner.contains('.')
                || (inner.chars().count() == 1 && is_cap(inner))
                || matches!(inner, "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Jr" | "Sr" | "Gen" | "Sen" | "Rep" | "Gov" | "Lt" | "Col" | "Inc" | "Co" | "No" | "Prof" | "Capt" | "Sgt" | "Rev");
            if !abbrev {
                t = inner.trim_end_matches(|c: char| is_edge_punct(c) || c == '\'' || c == '’');
            }
        }
        // a trailing possessive apostrophe (Takaichi's is kept; "Lee'" trimmed above)
        if !t.is_empty() {
            let a = start + ws + lead;
            out.push(Word { start: a, end: a + t.len(), text: t });
        }
    }
    out
}

/// A sentence stop with no space after it (`he said.His daughter`): the word before the dot
/// ends with two lowercase letters and a capitalised word follows.
fn glued_stop(before: &str, after: &str) -> bool {
    let mut b = before.chars().rev();
    let mut a = after.chars();
    b.next().is_some_and(char::is_lowercase) && b.next().is_some_and(char::is_lowercase) && a.next().is_some_and(char::is_uppercase) && a.next().is_some_and(char::is_lowercase)
}

/// `Lee's` → `Lee`, `Jones’` → `Jones`.
pub(crate) fn strip_possessive(s: &str) -> &str {
    for p in ["'s", "’s", "'", "’"] {
        if let Some(t) = s.strip_suffix(p) {
            return t;
        }
    }
    s
}

/// True when `s` ends with a possessive.
pub(crate) fn is_possessive(s: &str) -> bool {
    s.ends_with("'s") || s.ends_with("’s") || s.ends_with("s'") || s.ends_with("s’")
}

/// True when the first char is uppercase.
pub(crate) fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Role head nouns (lowercase): a word that can end a role phrase before a name
/// (`presidential spokesperson Kang`) or head an appositive (`a professor in …`).
pub(crate) static ROLE_HEADS: &[&str] = &[
    "adviser", "advisor", "ambassador", "analyst", "anchor", "archbishop", "attorney", "author", "bishop",
    "boss", "captain", "cardinal", "ceo", "chairman", "chairperson", "chairwoman", "chancellor", "chief",
    "coach", "commander", "commissioner", "congressman", "congresswoman", "councillor", "councilor",
    "defender", "delegate", "diplomat", "director", "economist", "editor", "emir", "envoy", "executive",
    "expert", "founder", "general", "goalkeeper", "governor", "head", "journalist", "judge", "king",
    "lawmaker", "lawyer", "leader", "legislator", "manager", "mayor", "midfielder", "minister", "monarch",
    "negotiator", "nominee", "official", "owner", "pope", "premier", "president", "prince", "princess",
    "professor", "prosecutor", "queen", "representative", "researcher", "scientist", "secretary", "senator",
    "sheikh", "speaker", "spokesman", "spokesperson", "spokeswoman", "striker", "strategist", "tsar", "vice-president",
    "winger",
];

/// Nouns for people that are not roles (lowercase): `a dealer`, `a Californian woman`.
static PERSON_NOUNS: &[&str] = &[
    "man", "woman", "men", "women", "boy", "girl", "mother", "father", "mum", "dad", "son", "daughter", "wife",
    "husband", "widow", "widower", "sister", "brother", "student", "teacher", "doctor", "nurse", "resident",
    "residents", "witness", "witnesses", "dealer", "dealers", "trader", "traders", "worker", "workers", "farmer",
    "voter", "voters", "survivor", "victim", "neighbour", "neighbor", "friend", "parent", "parents", "activist",
    "veteran", "officer", "source", "sources", "aide", "aides", "insider", "observer", "critic", "critics",
    "supporter", "supporters", "fan", "fans", "reader", "driver", "passenger", "patient", "pupil", "owner",
    "shopkeeper", "surgeon", "physician", "paramedic", "medic", "pilot", "soldier", "fisherman", "engineer", "pharmacist", "vendor", "shopper", "tourist", "mechanic", "miner", "labourer", "laborer", "refugee", "protester", "protesters", "father-of-two", "mother-of-two", "grandmother", "grandfather",
];

/// True when `w` names a person (`woman`, `dealer`) or a role (`minister`).
pub(crate) fn is_person_noun(w: &str) -> bool {
    in_list(PERSON_NOUNS, w) || in_list(ROLE_HEADS, w)
}

/// Words that may precede a role head inside a role phrase (lowercase).
pub(crate) static ROLE_MODIFIERS: &[&str] = &[
    "acting", "assistant", "associate", "chief", "crown", "defence", "defense", "deputy", "economy",
    "executive", "finance", "first", "foreign", "former", "general", "head", "health", "home", "interim",
    "interior", "justice", "labour", "labor", "lead", "military", "national", "opposition", "party", "police",
    "presidential", "prime", "principal", "regional", "security", "senior", "state", "supreme", "top", "trade",
    "vice", "white", "house", "assistant", "managing", "attorney", "foreign-policy", "government", "team",
    "club", "army", "navy", "sports",
];

/// Titles printed before a name that are not part of it (`President Lee`, `Mr Smith`).
/// Lowercase, dot-less. Multi-word titles are matched word by word.
pub(crate) static NAME_TITLES: &[&str] = &[
    "ambassador", "archbishop", "bishop", "cardinal", "chancellor", "coach", "commissioner", "dame", "doctor",
    "dr", "emir", "gen", "general", "gov", "governor", "judge", "justice", "king", "lady", "lord", "madam",
    "mayor", "minister", "miss", "mr", "mrs", "ms", "pope", "premier", "president", "prime", "prince",
    "princess", "prof", "professor", "queen", "rep", "secretary", "sen", "senator", "sheikh", "sir",
    "speaker", "foreign", "vice", "deputy", "former", "crown", "chief", "leader",
];

/// Titles that stay part of a one-word name (`Pope Leo`, `Princess Catherine`).
pub(crate) static NAME_KEEPING_TITLES: &[&str] = &["pope", "king", "queen", "prince", "princess", "sheikh", "emir", "dame", "sir", "lord", "lady"];

/// True when `w` (any case, a trailing dot ignored) is in `list`.
pub(crate) fn in_list(list: &[&str], w: &str) -> bool {
    let w = w.trim_end_matches('.');
    if w.is_empty() || w.len() > 24 {
        return false;
    }
    let lw = w.to_lowercase();
    list.contains(&lw.as_str())
}

/// Speech cue verbs (lowercase forms).
pub(crate) static CUE_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "explained", "explains", "noted",
    "notes", "wrote", "writes", "stated", "states", "insisted", "insists", "warned", "warns", "argued", "argues",
    "declared", "declares", "continued", "continues", "tweeted", "tweets", "claimed", "claims", "replied",
    "replies", "recalled", "acknowledged", "announced", "remarked", "suggested", "commented", "conceded",
    "stressed", "urged", "predicted", "joked", "complained", "admitted", "posted", "responded", "responds",
    "observed", "quipped", "shouted", "yelled", "exclaimed", "cautioned", "countered", "concluded", "agreed",
    "confirmed", "reported", "reports", "testified", "wondered", "promised", "vowed", "boasted", "mused",
    "lamented", "pointed", "conceded", "charged", "retorted", "whispered", "thundered", "proclaimed",
    "answered", "insisted", "emphasized", "emphasised", "explained", "recounted", "described", "denied",
    "saying", "telling", "adding", "writing", "noting", "asking", "arguing", "warning", "calling", "called",
    "fumed", "snapped", "scoffed", "emailed", "texted", "griped", "grumbled", "raged", "chided", "cracked",
    "deadpanned", "opined", "pleaded", "marveled", "marvelled", "reasoned", "sighed", "laughed", "explained",
    "summarized", "summarised", "contended", "asserted", "maintained", "insisted", "acknowledged", "allowed",
    "offered", "cautioned", "advised", "bragged", "crowed", "jabbed", "quipped", "mocked", "taunted", "blasted",
    "slammed", "shot", "fired", "huffed", "interjected", "interrupted", "stated", "told", "repeated", "reiterated",
    "recalled", "remembered", "predicts", "warns", "notes", "adds", "explains", "recalls", "argues", "reads",
    "read", "sang", "sings", "typed", "chanted", "calls", "referred", "branded", "brands", "dubbed",
    "ask", "add", "write",
];

/// True when `w` is a cue verb (printed in lowercase).
pub(crate) fn is_cue(w: &str) -> bool {
    // a capitalised `States`, `Notes`, `Adds` is a name, not a cue
    !is_cap(w) && in_list(CUE_VERBS, w)
}
