//! The document from the blocks: articles with their title, byline, date, dateline, agency
//! and sections; headlines with their times and teasers; boilerplate.

use super::*;

/// A title's text without markdown's inline marks: emphasis runs (`_Minecraft_`, `**x**`)
/// that open or close a word (not inside one: `snake_case`, `5*3`) and the backslash before
/// an escaped ASCII punctuation mark (`24\\.`, `\\-`).
pub(super) fn unmark(s: &str) -> String {
    if !s.contains(['*', '_', '\\']) {
        return s.to_string();
    }
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '\\' && cs.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) {
            out.push(cs[i + 1]);
            i += 2;
            continue;
        }
        if c == '*' || c == '_' {
            let mut j = i;
            while j < cs.len() && cs[j] == c {
                j += 1;
            }
            let before = i.checked_sub(1).map(|k| cs[k]);
            let after = cs.get(j).copied();
            let word = |x: Option<char>| x.is_some_and(|x| !x.is_whitespace() && !x.is_ascii_punctuation());
            let open = !word(before) && after.is_some_and(|x| !x.is_whitespace());
            let close = before.is_some_and(|x| !x.is_whitespace()) && !word(after);
            if j - i <= 2 && (open || close) && !(word(before) && word(after)) {
                i = j;
                continue;
            }
            out.extend(&cs[i..j]);
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn snippet(text: &str, span: Span) -> Snippet {
    Snippet { text: lines::clean(text, span), span }
}

fn timestamp(text: &str, span: Span) -> Timestamp {
    let s = &text[span.start..span.end];
    Timestamp { text: s.to_string(), span, iso: stamp::whole(s).and_then(|x| x.iso) }
}

/// The `By …` of a line that opens with it, or with a date before it (`on March 10, 2015 by
/// Jane Doe`, `Posted 3 May 2019 by Jane Doe`: blogs print the date first).
pub(super) fn by_line(l: &str) -> Option<&str> {
    let by = |s: &str| s.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("by "));
    if by(l) {
        return Some(l);
    }
    let rest = l[stamp::find(l)?.end..].trim_start_matches([',', ' ']);
    by(rest).then_some(rest)
}

/// A short line that reads as a date or time without the stamp grammar's words: digits with
/// `/`, `.`, `:` or `-` between them and at most two words beside (`9/11/13 10:00AM`).
fn date_shaped(s: &str) -> bool {
    let t = s.trim();
    let b = t.as_bytes();
    let sep_between = b.windows(3).any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b'.' | b':' | b'-') && w[2].is_ascii_digit());
    t.len() <= 24 && t.split_whitespace().count() <= 3 && sep_between
}

/// A line under a name that dates it: a date or time, a relative time (`2 hours ago`, `vor 2
/// Stunden`, `il y a 3 heures`) or a reading-time widget (`14 min read`, `on Mar 27 · 4 min`).
fn dates_a_name(s: &str) -> bool {
    let t = s.trim().trim_start_matches(['•', '*', '-', '·', ' ']);
    if t.len() > 200 {
        return false;
    }
    if stamp::find(t).is_some() || date_shaped(t) || stamp::relative(t).is_some() {
        return true;
    }
    let lower = t.to_lowercase();
    let digit_word = |r: &str| r.trim_start().starts_with(|c: char| c.is_ascii_digit());
    let foreign_ago = ["před ", "vor ", "il y a ", "hace ", "há ", "för "].iter().any(|p| lower.strip_prefix(p).is_some_and(digit_word))
        || (digit_word(&lower) && [" fa", " назад", " geleden", " sedan", " temu"].iter().any(|x| lower.ends_with(x)));
    let reading = t.len() <= 40
        && (["min read", "mins read", "minute read", "minutes read", "min. read", "lesezeit", "de lectura", "de lecture"].iter().any(|x| lower.contains(x))
            || lower.strip_suffix(" min").is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit())));
    foreign_ago || reading
}

/// A short line naming a place between a byline's name and its date (`Nairobi`, `New York`).
fn place_line(s: &str) -> bool {
    let t = s.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    t.len() <= 30 && (1..=3).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'')))
}

/// Whether the text just before a stamp labels it an update (`Updated Dec. 7`, `Mis à jour :`).
fn update_label(before: &str) -> bool {
    let b = before.trim_end().trim_end_matches([':', ' ', '(', '|', '/', '·', '•', '-', '—']).to_lowercase();
    ["updated", "update", "last updated", "modified", "last modified", "mis à jour", "aktualisiert", "actualizado", "atualizado", "aggiornato"].iter().any(|w| b.ends_with(w))
}

/// Whether a timestamp is an update's (`Updated Dec. 7, 2024`, `… / Updated 3 May 2019`): the
/// label opens it or ends the text before it on its line.
fn is_update(text: &str, st: &Timestamp) -> bool {
    let at = st.span.start + stamp::find(&st.text).map_or(0, |x| x.start);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let own = st.text.trim_start().to_lowercase();
    update_label(&text[line_start..at]) || ["updated", "last updated", "modified", "mis à jour", "aktualisiert", "actualizado"].iter().any(|w| own.starts_with(w))
}

/// The spans of the physical lines of `spans` (a wrapped block may hold a name and its date),
/// trimmed, empty lines left out.
fn physical_lines(text: &str, spans: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for sp in spans {
        let mut off = sp.start;
        for line in text[sp.start..sp.end].split('\n') {
            let lead = line.len() - line.trim_start().len();
            let t = line.trim();
            if !t.is_empty() {
                out.push(Span::new(off + lead, off + lead + t.len()));
            }
            off += line.len() + 1;
        }
    }
    out
}

/// A story's head printed apart from its body (a title, byline and date, at most two
/// paragraphs: a standfirst, a lead photo's caption; then share buttons) gives its byline and date to the body that
/// follows it when that has none: an article of three or more paragraphs right after, no
/// headline between.
fn carry_heads(doc: &mut Document) {
    let paras = |a: &Article| a.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>();
    for i in 1..doc.articles.len() {
        let (head, body) = (&doc.articles[i - 1], &doc.articles[i]);
        let between = head.span.end..body.span.start;
        let listed = doc.headlines.iter().any(|h| between.contains(&h.span.start));
        if paras(head) > 2 || paras(body) < 3 || listed {
            continue;
        }
        let byline = head.byline.clone().filter(|b| !b.authors.is_empty() && body.byline.as_ref().is_none_or(|x| x.authors.is_empty()));
        let published = head.published.clone().filter(|p| p.iso.is_some() && body.published.is_none());
        let body = &mut doc.articles[i];
        if let Some(b) = byline {
            body.byline = Some(b);
        }
        if let Some(p) = published {
            body.published = Some(p);
        }
    }
}

/// Build the document structure (no entities etc.) for `text`.
///
/// Besides the blocks' own fields, an article takes: a byline from its byline blocks (a
/// lenient grammar), else from the short lines between title and body, the lines just above
/// it, or a `By …` line leading one of its first paragraphs; a published date printed on its
/// byline or those lines; an agency credit (`— AFP`, `(Yonhap)`, `Source: Xinhua`) as its
/// dateline's agency, or as the byline's source when it has no dateline.
pub(crate) fn document(text: &str) -> Document {
    document_with(text, roles::shipped())
}

/// [`document`] with another line-role model (cross-validation in `gleaner-train roles`).
#[doc(hidden)]
pub fn document_with(text: &str, model: &RoleModel) -> Document {
    /// Short lines before an article's body (and just above the article), for its byline and date.
    struct Pending {
        article: Article,
        top: Vec<Span>,
        /// Boilerplate lines among the first paragraphs (a byline printed under a standfirst
        /// or a lead photo's caption).
        early: Vec<Span>,
        paras: usize,
        /// A timestamp line past the article's opening paragraphs (a comment's, a related
        /// story's), its date only when none is printed nearer the title.
        late: Option<Timestamp>,
    }
    const PRE_LINES: usize = 3;
    /// How far above an article a byline with its marker (`By …`) is still looked for: past
    /// the share buttons, photo counters and captions pages print between byline and title.
    const PRE_MARKED: usize = 12;
    /// Paragraphs of an article's opening whose boilerplate lines may hold its byline.
    const EARLY_PARAS: usize = 3;
    const SHORT: usize = 200;
    /// Bytes at most before the date of a line that opens with one (`Published: `, `Updated `).
    const STAMP_LABEL: usize = 16;
    /// Bytes at most of a line whose date is the story's wherever on it the date stands (a
    /// byline with its date, `Jane Doe | 3 May 2019 | 4 min read`).
    const PROMINENT: usize = 80;
    fn find_stamp(text: &str, sp: Span) -> Option<Timestamp> {
        let s = &text[sp.start..sp.end];
        let st = stamp::find(s)?;
        let span = Span::new(sp.start + st.start, sp.start + st.end);
        Some(Timestamp { text: text[span.start..span.end].to_string(), span, iso: st.iso })
    }
    fn finish(text: &str, p: Pending, pre_wide: &[Span]) -> Article {
        let Pending { mut article, top, early, late, .. } = p;
        let pre = &pre_wide[pre_wide.len().saturating_sub(PRE_LINES)..];
        let a = &mut article;
        let no_authors = |a: &Article| a.byline.as_ref().is_none_or(|b| b.authors.is_empty());
        let set_byline = |a: &mut Article, sp: Span, parts: byline::BylineParts, position: BylinePosition| {
            let source = parts.source.or_else(|| a.byline.as_ref().and_then(|b| b.source.clone()));
            a.byline = Some(Byline { text: text[sp.start..sp.end].to_string(), span: sp, authors: parts.authors, source, position });
        };
        // byline from the lines between title and body, then the lines just above the article
        if no_authors(a) {
            let short = |sp: &&Span| sp.len() <= SHORT;
            // a bare name line (no outlet) whose next line passes `next`
            let name_over = |next: &dyn Fn(&str) -> bool| {
                top.windows(2).find_map(|w| {
                    let (n, d) = (&text[w[0].start..w[0].end], &text[w[1].start..w[1].end]);
                    if n.len() > 60 || !next(d) {
                        return None;
                    }
                    byline::lenient(n, false).filter(|p| !p.authors.is_empty() && p.source.is_none()).map(|p| (w[0], p))
                })
            };
            // a bare name line over a line dating it, perhaps with a place line between
            // (`Jane Doe` / `Example City` / `3 May 2019`, `Jane Doe` / `14 min read`), the
            // pair nearest the body first
            let name_dated = |spans: &[Span], from_end: bool| {
                let ls = physical_lines(text, spans);
                let at = |k: usize| -> Option<(Span, byline::BylineParts)> {
                    let n = &text[ls[k].start..ls[k].end];
                    let d = ls.get(k + 1).map(|d| &text[d.start..d.end])?;
                    let dated = dates_a_name(d) || (place_line(d) && ls.get(k + 2).is_some_and(|d2| dates_a_name(&text[d2.start..d2.end])));
                    if n.len() > 60 || !dated {
                        return None;
                    }
                    byline::lenient(n, false).filter(|p| !p.authors.is_empty() && p.source.is_none()).map(|p| (ls[k], p))
                };
                let n = ls.len().saturating_sub(1);
                if from_end {
                    // (a name over a place over the date, not the place: `Jane Doe` / `Example City`)
                    (0..n).rev().find_map(|k| at(k).map(|found| k.checked_sub(1).and_then(at).filter(|_| place_line(&text[ls[k].start..ls[k].end])).unwrap_or(found)))
                } else {
                    (0..n).find_map(at)
                }
            };
            // the marker alone on its line (`By`, `por`), the names on the next
            let marker_over = |spans: &[Span]| {
                spans.windows(2).find_map(|w| {
                    let (m, n) = (text[w[0].start..w[0].end].trim(), &text[w[1].start..w[1].end]);
                    let n = n.trim().trim_start_matches(['•', '*', '-', '·']).trim();
                    if !byline::is_marker_word(m) || n.len() > SHORT {
                        return None;
                    }
                    byline::lenient(&format!("By {n}"), true).filter(|p| !p.authors.is_empty()).map(|p| (w[1], p))
                })
            };
            let found = top
                .iter()
                .filter(short)
                .find_map(|sp| byline::lenient(&text[sp.start..sp.end], true).filter(|p| !p.authors.is_empty()).map(|p| (*sp, p)))
                // a byline with its marker among the first paragraphs before a bare name
                .or_else(|| early.iter().filter(short).find_map(|sp| byline::marked(&text[sp.start..sp.end]).map(|p| (*sp, p))))
                // a bare name line followed by a date line (`Jane Doe` / `May 3, 2019 10:00`, `9/11/13 10:00AM`)
                .or_else(|| name_dated(&top, true))
                .or_else(|| top.iter().filter(short).find_map(|sp| byline::name_line(&text[sp.start..sp.end]).map(|p| (*sp, p))))
                .or_else(|| marker_over(&top))
                // a bare name line over an agency line (`JANE DOE` / `Associated Press…`)
                .or_else(|| name_over(&|g: &str| g.len() <= 80 && dateline::AGENCIES.iter().any(|a| a.len() > 3 && g.trim().starts_with(a))))
                .or_else(|| {
                    pre.iter().rev().filter(short).find_map(|sp| {
                        let s = &text[sp.start..sp.end];
                        byline::lenient(s, true).filter(|p| !p.authors.is_empty()).map(|p| (*sp, p))
                    })
                })
                // the lines among the first paragraphs, then a marked byline further up
                .or_else(|| {
                    early.iter().filter(short).find_map(|sp| {
                        let s = &text[sp.start..sp.end];
                        byline::lenient(s, true).filter(|p| !p.authors.is_empty()).map(|p| (*sp, p))
                    })
                })
                .or_else(|| pre_wide.iter().rev().filter(short).find_map(|sp| byline::marked(&text[sp.start..sp.end]).map(|p| (*sp, p))))
                // a name over its date among the first paragraphs or above the article
                .or_else(|| marker_over(&early))
                .or_else(|| name_dated(&early, false))
                .or_else(|| name_dated(pre_wide, true));
            if let Some((sp, parts)) = found {
                set_byline(a, sp, parts, BylinePosition::Top);
            }
        }
        // `By Jane Doe: …` or a `By …` line inside one of the first paragraphs
        if no_authors(a) {
            let firsts: Vec<Span> = a.sections.iter().flat_map(|s| s.paragraphs.iter()).take(2).map(|p| p.span).collect();
            'paras: for sp in firsts {
                let s = &text[sp.start..sp.end];
                if let Some(parts) = byline::lead(s) {
                    set_byline(a, sp, parts, BylinePosition::Top);
                    break;
                }
                let mut off = sp.start;
                for line in s.split('\n') {
                    let l = line.trim();
                    let lsp = Span::new(off + (line.len() - line.trim_start().len()), off + (line.len() - line.trim_start().len()) + l.len());
                    off += line.len() + 1;
                    if let Some(by) = (l.len() <= SHORT).then(|| by_line(l)).flatten() {
                        if let Some(parts) = byline::lenient(by, true).filter(|p| !p.authors.is_empty()) {
                            set_byline(a, lsp, parts, BylinePosition::Top);
                            break 'paras;
                        }
                    }
                }
            }
        }
        // a dateline printed as the title line (`Baku, May 2 / Trend, A. Smith/`)
        if a.dateline.is_none() {
            if let Some(t) = a.title.clone() {
                if let Some(p) = dateline::parse(&t.text).filter(|p| p.body >= t.text.trim_end().len()) {
                    a.dateline = Some(Dateline { text: t.text.clone(), span: t.span, place: p.place, date: p.date, agency: p.agency });
                    if let (Some(au), true) = (p.author, no_authors(a)) {
                        let parts = byline::BylineParts { authors: vec![au], source: None };
                        set_byline(a, t.span, parts, BylinePosition::Top);
                    }
                    a.title = None;
                }
            }
        }
        // a dateline glued after a caption inside one of the first paragraphs
        if a.dateline.is_none() {
            let firsts: Vec<Span> = a.sections.iter().flat_map(|s| s.paragraphs.iter()).take(2).map(|p| p.span).collect();
            for sp in firsts {
                if let Some((i, p)) = dateline::find_inside(&text[sp.start..sp.end]) {
                    let span = Span::new(sp.start + i, sp.start + i + p.end);
                    a.dateline = Some(Dateline { text: text[span.start..span.end].to_string(), span, place: p.place, date: p.date, agency: p.agency });
                    break;
                }
            }
        }
        // published: a date printed on the byline or the short lines above the body; an
        // update's date (`Dec. 6, 2024 / Updated Dec. 7, 2024`) gives way to one that is not
        let updated = a.published.as_ref().filter(|p| is_update(text, p)).map(|p| p.span);
        if a.published.as_ref().is_none_or(|p| p.iso.is_none()) || updated.is_some() {
            let mut cands: Vec<Span> = Vec::new();
            if let Some(sp) = updated {
                let start = text[..sp.start].rfind('\n').map_or(0, |i| i + 1);
                let end = text[sp.end..].find('\n').map_or(text.len(), |i| sp.end + i);
                cands.push(Span::new(start, end));
            }
            cands.extend(a.byline.as_ref().map(|b| b.span));
            cands.extend(top.iter().copied());
            cands.extend(pre.iter().rev().copied());
            // (then a line among the first paragraphs that opens with a date, alone or after a
            // label: `Published: 3 Jan 2019`; a caption's date comes at its end)
            let opening = |st: &Timestamp, sp: &Span| st.span.start - sp.start <= STAMP_LABEL;
            // (a date line or a short line first: a date inside a longer line is a caption's
            // more often than the story's, `… in New York on November 9, 2016. / AFP / …`)
            let prominent = |st: &Timestamp, sp: &Span| opening(st, sp) || sp.len() <= PROMINENT;
            // (each line's stamp read once: the first one that is not prominent is kept)
            let mut first_any = None;
            let first_prominent = cands.into_iter().filter(|sp| sp.len() <= SHORT).find_map(|sp| {
                let st = find_stamp(text, sp)?;
                if prominent(&st, &sp) {
                    return Some(st);
                }
                first_any.get_or_insert(st);
                None
            });
            let found = first_prominent
                .or(first_any)
                .or_else(|| early.iter().filter(|sp| sp.len() <= SHORT).find_map(|sp| find_stamp(text, *sp).filter(|st| opening(st, sp))))
                // a date line further above the article, past its share buttons and lead photo
                .or_else(|| pre_wide.iter().rev().filter(|sp| sp.len() <= PROMINENT).find_map(|sp| find_stamp(text, *sp).filter(|st| opening(st, sp))));
            // (in place of an update, only an earlier date that is no update itself)
            let before = |st: &Timestamp| match (&a.published, updated) {
                (Some(p), Some(_)) => !is_update(text, st) && st.iso.is_some() && st.iso.as_deref().map(|i| &i[..i.len().min(10)]) <= p.iso.as_deref().map(|i| &i[..i.len().min(10)]),
                _ => true,
            };
            if let Some(st) = found.filter(before).or(late.filter(|_| a.published.is_none())) {
                a.published = Some(st);
            }
        }
        // agency credits
        let need = match &a.dateline {
            Some(d) => d.agency.is_none(),
            None => a.byline.as_ref().is_none_or(|b| b.source.is_none()),
        };
        if need {
            let paras: Vec<Span> = a.sections.iter().flat_map(|s| s.paragraphs.iter()).map(|p| p.span).collect();
            let credit = top
                .iter()
                .chain(pre.iter())
                .find_map(|sp| dateline::credit_line(&text[sp.start..sp.end]).map(|c| (*sp, c)))
                .or_else(|| paras.iter().rev().chain(a.end_mark.iter().map(|e| &e.span)).find_map(|sp| dateline::trailing_credit(&text[sp.start..sp.end]).map(|c| (*sp, c))));
            if let Some((sp, agency)) = credit {
                match (&mut a.dateline, &mut a.byline) {
                    (Some(d), _) => d.agency = Some(agency),
                    (None, Some(b)) => b.source = Some(agency),
                    (None, None) => {
                        a.byline = Some(Byline { text: text[sp.start..sp.end].to_string(), span: sp, authors: Vec::new(), source: Some(agency), position: BylinePosition::End })
                    }
                }
            }
        }
        article
    }

    let mut doc = Document::empty(text);
    let mut list_index = 0usize;
    let mut list_role = ListRole::Main;
    let mut in_list = false;
    let mut article: Option<Pending> = None;
    // an article cut by a list inside it, until it opens again, and the lines above it
    let mut suspended: Option<Pending> = None;
    let mut suspended_pre: Vec<Span> = Vec::new();
    // end of the last block that is not a container mark
    let mut last_end = 0usize;
    let mut pending_time: Option<Timestamp> = None;
    let mut nblocks = 0;
    let mut lists_seen = 0usize;
    // boilerplate lines since the last container closed (the last few)
    let mut pre: Vec<Span> = Vec::new();
    let mut article_pre: Vec<Span> = Vec::new();
    // clutter lines right after an article that may still carry its agency credit
    const POST_LINES: usize = 3;
    let mut post = 0usize;
    // (the last PRE_MARKED lines outside containers)
    let push_pre = |pre: &mut Vec<Span>, sp: Span| {
        if pre.len() == PRE_MARKED {
            pre.remove(0);
        }
        pre.push(sp);
    };
    for b in segment(text, model) {
        if matches!(b.kind, BlockKind::ListStart(_) | BlockKind::ArticleStart) {
            post = 0;
        }
        let s = &text[b.span.start..b.span.end];
        match b.kind {
            BlockKind::ListStart(role) => {
                in_list = true;
                list_role = role;
                list_index = lists_seen;
                lists_seen += 1;
                pending_time = None;
                continue;
            }
            BlockKind::ListEnd => {
                in_list = false;
                pre.clear();
                continue;
            }
            BlockKind::ArticleStart => {
                // the same article again after a list inside it (a related run): resume it
                if let Some(p) = suspended.take() {
                    if p.article.span == b.span {
                        article = Some(p);
                        article_pre = std::mem::take(&mut suspended_pre);
                        continue;
                    }
                    doc.articles.push(finish(text, p, &suspended_pre));
                }
                article = Some(Pending {
                    article: Article {
                        title: None,
                        dateline: None,
                        byline: None,
                        published: None,
                        sections: Vec::new(),
                        end_mark: None,
                        span: b.span,
                    },
                    top: Vec::new(),
                    early: Vec::new(),
                    paras: 0,
                    late: None,
                });
                article_pre = std::mem::take(&mut pre);
                continue;
            }
            BlockKind::ArticleEnd => {
                if let Some(p) = article.take() {
                    // an article whose span reaches past its last block so far is cut by a list
                    // inside it: it opens again after the list
                    if b.span.end > last_end {
                        suspended_pre = std::mem::take(&mut article_pre);
                        suspended = Some(p);
                    } else {
                        doc.articles.push(finish(text, p, &article_pre));
                        post = POST_LINES;
                    }
                }
                pre.clear();
                continue;
            }
            _ => {
                nblocks += 1;
                last_end = b.span.end;
            }
        }
        let top = article.as_ref().is_some_and(|p| p.paras == 0);
        match b.kind {
            BlockKind::Headline => {
                let time = pending_time.take();
                doc.headlines.push(Headline {
                    text: lines::clean(text, b.span),
                    span: b.span,
                    time,
                    teaser: None,
                    list: list_index,
                    role: if in_list { list_role } else { ListRole::Main },
                });
            }
            BlockKind::HeadlineTime { before } => {
                let ts = timestamp(text, b.span);
                match doc.headlines.last_mut() {
                    Some(h) if !before && h.time.is_none() => h.time = Some(ts),
                    _ => pending_time = Some(ts),
                }
            }
            BlockKind::Teaser => {
                if let Some(h) = doc.headlines.last_mut() {
                    h.teaser = Some(snippet(text, b.span));
                }
            }
            BlockKind::Title => {
                if let Some(p) = article.as_mut() {
                    p.article.title = Some(Snippet { text: unmark(&lines::clean(text, b.span)), span: b.span });
                }
            }
            BlockKind::Byline => {
                if let Some(p) = article.as_mut() {
                    let a = &mut p.article;
                    let top = a.sections.is_empty();
                    let parts = if top { byline::top_byline(s) } else { byline::end_byline(s) }
                        .or_else(|| byline::end_byline(s))
                        .or_else(|| byline::top_byline(s))
                        .or_else(|| byline::lenient(s, false));
                    let keep = a.byline.as_ref().is_some_and(|b| !b.authors.is_empty());
                    if let (Some(parts), false) = (parts, keep) {
                        let source = parts.source.or_else(|| a.byline.as_ref().and_then(|b| b.source.clone()));
                        a.byline = Some(Byline {
                            text: s.to_string(),
                            span: b.span,
                            authors: parts.authors,
                            source,
                            position: if top { BylinePosition::Top } else { BylinePosition::End },
                        });
                    }
                    if top {
                        p.top.push(b.span);
                    }
                } else if !in_list {
                    // a byline printed above its article's title
                    push_pre(&mut pre, b.span);
                }
            }
            BlockKind::Timestamp => {
                if let Some(p) = article.as_mut() {
                    let a = &mut p.article;
                    let mut ts = timestamp(text, b.span);
                    if ts.iso.is_none() {
                        ts.iso = stamp::find(s).and_then(|x| x.iso);
                    }
                    if p.paras == 0 {
                        // (a name over it may be the byline)
                        p.top.push(b.span);
                    }
                    if p.paras > EARLY_PARAS {
                        p.late.get_or_insert(ts);
                    } else if a.published.as_ref().is_none_or(|t| t.iso.is_none()) && (a.published.is_none() || ts.iso.is_some()) {
                        a.published = Some(ts);
                    }
                } else if !in_list {
                    push_pre(&mut pre, b.span);
                }
            }
            BlockKind::Dateline => {
                if let Some(p) = article.as_mut() {
                    let a = &mut p.article;
                    if let Some(d) = dateline::parse(&text[b.span.start..]) {
                        if a.dateline.is_none() {
                            if let (Some(au), true) = (d.author.clone(), a.byline.is_none()) {
                                a.byline = Some(Byline { text: s.to_string(), span: b.span, authors: vec![au], source: None, position: BylinePosition::Top });
                            }
                            a.dateline = Some(Dateline { text: s.to_string(), span: b.span, place: d.place, date: d.date, agency: d.agency });
                        }
                    }
                }
            }
            BlockKind::Subheading => {
                if let Some(p) = article.as_mut() {
                    // `By Example News Service` printed as a heading above the body is a byline
                    let bare = unmark(s.trim_start_matches(['#', ' ']));
                    if top && s.len() <= SHORT && bare.get(..2).is_some_and(|h| h.eq_ignore_ascii_case("by")) {
                        if let Some(parts) = byline::lenient(&bare, true) {
                            if p.article.byline.is_none() {
                                p.article.byline = Some(Byline { text: s.to_string(), span: b.span, authors: parts.authors, source: parts.source, position: BylinePosition::Top });
                            }
                            p.top.push(b.span);
                            continue;
                        }
                    }
                    if top {
                        p.top.push(b.span);
                    }
                    p.article.sections.push(Section { heading: Some(snippet(text, b.span)), paragraphs: Vec::new() });
                }
            }
            BlockKind::Paragraph => {
                if let Some(p) = article.as_mut() {
                    let a = &mut p.article;
                    if a.sections.is_empty() {
                        a.sections.push(Section { heading: None, paragraphs: Vec::new() });
                    }
                    if let Some(sec) = a.sections.last_mut() {
                        sec.paragraphs.push(snippet(text, b.span));
                        doc.stats.paragraphs += 1;
                        p.paras += 1;
                    }
                }
            }
            BlockKind::EndMark => {
                if let Some(p) = article.as_mut() {
                    p.article.end_mark = Some(snippet(text, b.span));
                }
            }
            BlockKind::Boilerplate(kind) => {
                doc.boilerplate.push(crate::document::Boilerplate { kind, text: s.to_string(), span: b.span });
                doc.stats.boilerplate_bytes += b.span.len();
                match article.as_mut() {
                    Some(p) if top => p.top.push(b.span),
                    Some(p) if p.paras <= EARLY_PARAS => p.early.push(b.span),
                    Some(_) => {}
                    None => {
                        if post > 0 {
                            post -= 1;
                            if let (Some(agency), Some(a)) = (dateline::trailing_credit(s), doc.articles.last_mut()) {
                                match (&mut a.dateline, &mut a.byline) {
                                    (Some(d), _) if d.agency.is_none() => d.agency = Some(agency),
                                    (None, Some(bl)) if bl.source.is_none() => bl.source = Some(agency),
                                    (None, None) => {
                                        a.byline = Some(Byline { text: s.to_string(), span: b.span, authors: Vec::new(), source: Some(agency), position: BylinePosition::End })
                                    }
                                    _ => {}
                                }
                                post = 0;
                            }
                        }
                        push_pre(&mut pre, b.span);
                    }
                }
            }
            BlockKind::ListHeading => {
                doc.boilerplate.push(crate::document::Boilerplate { kind: BoilerplateKind::ListHeading, text: s.to_string(), span: b.span });
                doc.stats.boilerplate_bytes += b.span.len();
            }
            BlockKind::Separator => {}
            _ => {}
        }
    }
    if let Some(p) = suspended.take() {
        doc.articles.push(finish(text, p, &suspended_pre));
    }
    carry_heads(&mut doc);
    doc.stats.blocks = nblocks;
    doc.kind = match (doc.headlines.is_empty(), doc.articles.len()) {
        (true, 0) => DocumentKind::Empty,
        (false, 0) => DocumentKind::Listing,
        (true, 1) => DocumentKind::Article,
        (true, _) => DocumentKind::Articles,
        (false, _) => DocumentKind::Mixed,
    };
    doc
}
