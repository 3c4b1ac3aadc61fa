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
    fn find_stamp(text: &str, sp: Span) -> Option<Timestamp> {
        let s = &text[sp.start..sp.end];
        let st = stamp::find(s)?;
        let span = Span::new(sp.start + st.start, sp.start + st.end);
        Some(Timestamp { text: text[span.start..span.end].to_string(), span, iso: st.iso })
    }
    fn finish(text: &str, p: Pending, pre_wide: &[Span]) -> Article {
        let Pending { mut article, top, early, .. } = p;
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
            let found = top
                .iter()
                .filter(short)
                .find_map(|sp| byline::lenient(&text[sp.start..sp.end], true).filter(|p| !p.authors.is_empty()).map(|p| (*sp, p)))
                // a bare name line followed by a date line (`Jane Doe` / `May 3, 2019 10:00`, `9/11/13 10:00AM`)
                .or_else(|| name_over(&|d: &str| d.len() <= SHORT && (stamp::find(d).is_some() || date_shaped(d))))
                .or_else(|| top.iter().filter(short).find_map(|sp| byline::name_line(&text[sp.start..sp.end]).map(|p| (*sp, p))))
                // the marker alone on its line (`By`, `por`), the names on the next
                .or_else(|| {
                    top.windows(2).find_map(|w| {
                        let (m, n) = (text[w[0].start..w[0].end].trim(), &text[w[1].start..w[1].end]);
                        let n = n.trim().trim_start_matches(['•', '*', '-', '·']).trim();
                        if !byline::is_marker_word(m) || n.len() > SHORT {
                            return None;
                        }
                        byline::lenient(&format!("By {n}"), true).filter(|p| !p.authors.is_empty()).map(|p| (w[1], p))
                    })
                })
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
                .or_else(|| pre_wide.iter().rev().filter(short).find_map(|sp| byline::marked(&text[sp.start..sp.end]).map(|p| (*sp, p))));
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
        // published: a date printed on the byline or the short lines above the body
        if a.published.as_ref().is_none_or(|p| p.iso.is_none()) {
            let mut cands: Vec<Span> = Vec::new();
            cands.extend(a.byline.as_ref().map(|b| b.span));
            cands.extend(top.iter().copied());
            cands.extend(pre.iter().rev().copied());
            // (then a line among the first paragraphs that opens with a date, alone or after a
            // label: `Published: 3 Jan 2019`; a caption's date comes at its end)
            let opening = |st: &Timestamp, sp: &Span| st.span.start - sp.start <= STAMP_LABEL;
            let found = cands.into_iter().filter(|sp| sp.len() <= SHORT).find_map(|sp| find_stamp(text, sp)).or_else(|| {
                early.iter().filter(|sp| sp.len() <= SHORT).find_map(|sp| find_stamp(text, *sp).filter(|st| opening(st, sp)))
            });
            if let Some(st) = found {
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
                }
            }
            BlockKind::Timestamp => {
                if let Some(p) = article.as_mut() {
                    let a = &mut p.article;
                    if a.published.as_ref().is_none_or(|t| t.iso.is_none()) {
                        let mut ts = timestamp(text, b.span);
                        if ts.iso.is_none() {
                            ts.iso = stamp::find(s).and_then(|x| x.iso);
                        }
                        if a.published.is_none() || ts.iso.is_some() {
                            a.published = Some(ts);
                        }
                    }
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
                    if top && s.len() <= SHORT && s.get(..2).is_some_and(|h| h.eq_ignore_ascii_case("by")) {
                        if let Some(parts) = byline::lenient(s, true) {
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
                        if pre.len() == PRE_MARKED {
                            pre.remove(0);
                        }
                        pre.push(b.span);
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
