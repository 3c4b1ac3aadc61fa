// The page's list views of a Document: structure (headline lists, articles, boilerplate),
// quotes, times (a timeline and a table), amounts and story clusters. Each renders into its
// element from { doc, state, jumpTo }: the document, the page state (extractors switched off,
// reference date) and the function that shows an item in the text view. Lists are built a
// page at a time (pager), so no view makes more than a few thousand elements at once.
import { quoteSpeakerName } from './export.js';
import { button, count, el, fmtBytes, pager as pagerOf, plural } from './dom.js';

const $ = (id) => document.getElementById(id);
export const LIST_LIMIT = 500; // items per page of a list (then a "Show more" button): a few thousand elements at most
const ARTICLE_PAGE = 10; // articles per page of the structure view
const pager = (total, noun, render, page = LIST_LIMIT) => pagerOf(total, noun, render, page);

// ---------------------------------------------------------------- structure view

export function renderStructure({ doc }) {
  const v = $('view-structure');
  v.replaceChildren();
  // headlines, grouped by list
  const h3 = el('h3', null, `Headlines (${doc.headlines.length})`);
  v.append(h3);
  if (!doc.headlines.length) v.append(el('p', 'empty', 'No headline lists found.'));
  const perList = new Map(); // list index -> headline count, in one pass
  for (const h of doc.headlines) perList.set(h.list, (perList.get(h.list) ?? 0) + 1);
  const wrap = el('div', 'hl-lists');
  v.append(wrap);
  let list = null;
  let listNo = -1;
  v.append(pager(doc.headlines.length, 'headlines', (from, to) => {
    for (let i = from; i < to; i++) {
      const h = doc.headlines[i];
      if (h.list !== listNo || !list) {
        listNo = h.list;
        const head = el('h4', 'list-h', `List ${listNo + 1} `);
        head.append(el('span', 'tag', h.role), el('span', 'muted small', ` ${plural(perList.get(listNo), 'headline')}`));
        list = el('ol', `headlines role-${h.role}`);
        list.start = i + 1;
        wrap.append(head, list);
      }
      const li = el('li');
      li.append(el('span', 'hl-text', h.text));
      if (h.time) {
        const t = el('time', null, h.time.text);
        if (h.time.iso) t.dateTime = h.time.iso;
        li.append(t);
      }
      if (h.teaser) li.append(el('span', 'teaser', h.teaser.text));
      list.append(li);
    }
  }));

  v.append(el('h3', null, `Articles (${doc.articles.length})`));
  if (!doc.articles.length) v.append(el('p', 'empty', 'No articles found.'));
  const arts = el('div', 'articles');
  v.append(arts);
  // a page of articles is about ARTICLE_PAGE × (paragraphs per article) elements
  v.append(pager(doc.articles.length, 'articles', (from, to) => doc.articles.slice(from, to).forEach((a, k) => {
    const i = from + k;
    const art = el('article', 'art');
    art.append(el('h4', 'art-title', a.title ? a.title.text : '(untitled article)'));
    if (a.dateline) {
      const p = el('p', 'meta dateline');
      p.append(el('span', 'tag', 'dateline'), ' ', el('b', null, a.dateline.text));
      const parts = [['place', a.dateline.place], ['date', a.dateline.date], ['agency', a.dateline.agency]].filter(([, x]) => x);
      if (parts.length) p.append(` → ${parts.map(([k, x]) => `${k}: ${x}`).join(' · ')}`);
      art.append(p);
    }
    if (a.byline) {
      const p = el('p', 'meta byline');
      p.append(el('span', 'tag', `byline (${a.byline.position})`), ' ', el('b', 'authors', a.byline.authors.join(', ') || a.byline.text));
      if (a.byline.source) p.append(' · source ', el('b', 'source', a.byline.source));
      art.append(p);
    }
    if (a.published) {
      const p = el('p', 'meta');
      const t = el('time', null, a.published.text);
      if (a.published.iso) t.dateTime = a.published.iso;
      p.append(el('span', 'tag', 'published'), ' ', t);
      art.append(p);
    }
    for (const s of a.sections) {
      if (s.heading) art.append(el('h5', 'subheading', s.heading.text));
      for (const para of s.paragraphs) {
        art.append(el('p', 'para', para.text));
      }
    }
    if (a.endMark) art.append(el('p', 'meta', `End mark: ${a.endMark.text}`));
    art.append(el('p', 'meta', `${plural(a.sections.reduce((n, s) => n + s.paragraphs.length, 0), 'paragraph')} · ${plural(a.sections.length, 'section')}`));
    art.dataset.article = String(i);
    arts.append(art);
  }), ARTICLE_PAGE));

  const bp = el('details', 'bp-list');
  bp.append(el('summary', null, `Boilerplate: ${plural(doc.boilerplate.length, 'block')}, ${fmtBytes(doc.stats.boilerplateBytes)} (hidden from the structure)`));
  const ul = el('ul');
  bp.append(ul, pager(doc.boilerplate.length, 'blocks', (from, to) => {
    for (const b of doc.boilerplate.slice(from, to)) {
      const li = el('li');
      li.append(el('span', 'tag', b.kind), ' ', b.text);
      ul.append(li);
    }
  }));
  v.append(bp);
}

// ---------------------------------------------------------------- quotes view

export function renderQuotes({ doc, state, jumpTo }) {
  const v = $('view-quotes');
  v.replaceChildren();
  if (state.off.has('quotes')) { v.append(el('p', 'empty', 'Quote extraction is switched off (see Extract).')); return; }
  if (!doc.quotes.length) { v.append(el('p', 'empty', 'No quotes found.')); return; }
  const indexed = doc.quotes.map((q, i) => [q, i]);
  const groups = [
    ['Attributed', indexed.filter(([q]) => q.speaker != null || quoteSpeakerName(doc, q) != null)],
    ['Unattributed', indexed.filter(([q]) => q.speaker == null && quoteSpeakerName(doc, q) == null)],
  ];
  for (const [title, qs] of groups) {
    const sec = el('section', `quotes-${title.toLowerCase()}`);
    sec.append(el('h3', null, `${title} (${qs.length})`));
    if (!qs.length) { sec.append(el('p', 'empty', 'None.')); v.append(sec); continue; }
    const ol = el('ol', 'quotes');
    const more = pager(qs.length, 'quotes', (from, to) => { for (const [q, i] of qs.slice(from, to)) {
      const name = quoteSpeakerName(doc, q);
      const b = button(null, 'jump');
      b.dataset.q = String(i);
      b.append(el('span', 'speaker', q.speaker ?? name ?? 'unattributed'));
      if (name && name !== q.speaker) b.append(el('span', 'muted', ` (${name})`));
      b.append(el('span', 'arrow', '→'), el('q', null, q.text));
      if (q.cue) b.append(el('span', 'muted small', ` · ${q.cue}`));
      b.addEventListener('click', () => jumpTo(q.span.start, `[data-q="${i}"]`));
      const li = el('li');
      li.append(b);
      ol.append(li);
    } }, 200); // about 7 elements a quote, 2 groups
    sec.append(ol, more);
    v.append(sec);
  }
}

// ---------------------------------------------------------------- times view

/** A TIMEX3 value → [start, end) in ms since the epoch, for calendar values only. */
function timeRange(value) {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (m) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0);
    return [t, m[4] ? t : t + 864e5];
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) { const t = Date.UTC(+m[1], 0, 1 + (+m[2] - 1) * 7); return [t, t + 7 * 864e5]; }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return [Date.UTC(+m[1], +m[2] - 1, 1), Date.UTC(+m[1], +m[2], 1)];
  m = /^(\d{4})$/.exec(value);
  if (m) return [Date.UTC(+m[1], 0, 1), Date.UTC(+m[1] + 1, 0, 1)];
  m = /^(.+)\/(.+)$/.exec(value); // an interval: 1910/1945
  if (m && !m[1].includes('/')) {
    const a = timeRange(m[1]);
    const b = timeRange(m[2]);
    if (a && b) return [a[0], b[1]];
  }
  return null;
}

/** Up to ~8 labelled ticks between min and max: years, months or days. */
function timelineTicks(min, max) {
  const DAY = 864e5;
  const out = [];
  const d = new Date(min);
  if (max - min > 3 * 365 * DAY) {
    const step = Math.max(1, Math.ceil((new Date(max).getUTCFullYear() - d.getUTCFullYear()) / 8));
    for (let y = d.getUTCFullYear() + 1; Date.UTC(y, 0, 1) < max; y += step) out.push([String(y), Date.UTC(y, 0, 1)]);
  } else if (max - min > 60 * DAY) {
    const months = Math.round((max - min) / (30.4 * DAY));
    const step = Math.max(1, Math.ceil(months / 8));
    for (let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); t < max; t = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + step, 1)) {
      out.push([new Date(t).toISOString().slice(0, 7), t]);
    }
  } else {
    const step = Math.max(1, Math.ceil((max - min) / DAY / 8));
    for (let t = min; t < max; t += step * DAY) out.push([new Date(t).toISOString().slice(0, 10), t]);
  }
  return out;
}

export function renderTimes({ doc, state, jumpTo }) {
  const v = $('times-body');
  v.replaceChildren();
  if (state.off.has('times')) { v.append(el('p', 'empty', 'Time expressions are switched off (see Extract).')); return; }
  if (!doc.times.length) { v.append(el('p', 'empty', 'No time expressions found.')); return; }
  // values repeat (a big dump has thousands of the same few dates): each distinct one is read once
  const ranges = new Map();
  const rangeOf = (value) => { if (!ranges.has(value)) ranges.set(value, timeRange(value)); return ranges.get(value); };
  const all = doc.times.map((t, i) => [t, i, rangeOf(t.value)]).filter(([, , r]) => r);
  // the timeline covers the dates within 3 years of the median; far-off ones are listed beside it
  const YEAR = 365.25 * 864e5;
  const starts = all.map(([, , r]) => r[0]).sort((x, y) => x - y);
  const median = starts[Math.floor(starts.length / 2)];
  // at most LIST_LIMIT marks each (in text order): the table below lists every one, a page at a time
  const near = all.filter(([, , r]) => Math.abs(r[0] - median) <= 3 * YEAR);
  const farAll = all.filter(([, , r]) => Math.abs(r[0] - median) > 3 * YEAR);
  const dated = near.slice(0, LIST_LIMIT);
  const far = farAll.slice(0, LIST_LIMIT);
  if (near.length > dated.length || farAll.length > far.length) {
    v.append(el('p', 'muted small', `The timeline shows the first ${plural(dated.length + far.length, 'date')} of ${count(near.length + farAll.length)}; the table lists them all.`));
  }
  v.append(el('p', 'muted small', `${plural(all.length, 'resolved date')}${state.ref ? `, relative to ${state.ref}` : ', relative expressions resolved against the dump\'s publish date when it has one'}.`));
  if (dated.length) {
    const min = Math.min(...dated.map(([, , r]) => r[0]));
    const max = Math.max(...dated.map(([, , r]) => r[1]));
    const spanMs = Math.max(max - min, 864e5);
    const tl = el('div', 'timeline');
    tl.setAttribute('role', 'group');
    tl.setAttribute('aria-label', 'Timeline of resolved dates');
    const frac = (t) => (t - min) / spanMs;
    const pos = (t) => `${frac(t) * 100}%`;
    for (const [label, t] of timelineTicks(min, max)) {
      const tick = el('span', 'tick', label);
      tick.style.setProperty('left', pos(t));
      tl.append(tick);
    }
    const ref = state.ref ? Date.parse(`${state.ref}T00:00:00Z`) : NaN;
    if (ref >= min && ref <= max) {
      const line = el('span', 'refline');
      line.title = `reference date ${state.ref}`;
      line.style.setProperty('left', pos(ref));
      tl.append(line);
    }
    // stack marks that would overlap (closer than 2% of the width) into lanes
    const laneEnds = [];
    let lanesUsed = 1;
    const sorted = dated.sort((x, y) => x[2][0] - y[2][0] || y[2][1] - x[2][1]);
    v.append(tl);
    // built in time slices like the lists (every mark fits in one page: no Show more)
    v.append(pager(sorted.length, 'dates', (from, to) => { for (const [t, i, r] of sorted.slice(from, to)) {
      const isRange = r[1] - r[0] > 864e5;
      const startF = frac(r[0]);
      const endF = Math.max(frac(r[1]), startF + 0.02);
      let lane = laneEnds.findIndex((e) => e <= startF);
      if (lane === -1) { lane = laneEnds.length; laneEnds.push(0); }
      laneEnds[lane] = endF;
      lanesUsed = Math.max(lanesUsed, lane + 1);
      const mark = button(null, isRange ? 'dot range' : 'dot');
      mark.style.setProperty('left', `${startF * 100}%`);
      if (isRange) mark.style.setProperty('width', `max(1.05rem, ${(frac(r[1]) - startF) * 100}%)`);
      mark.style.setProperty('bottom', `calc(-.55rem + ${lane * 1.3}rem)`);
      mark.setAttribute('aria-label', `${t.text} → ${t.value}`);
      mark.title = `${t.text} → ${t.value}`;
      mark.addEventListener('click', () => jumpTo(t.span.start, `[data-t="${i}"]`));
      tl.append(mark);
    }
    tl.style.setProperty('height', `${Math.max(3, lanesUsed * 1.3 + 1)}rem`); }, LIST_LIMIT));
  }
  if (far.length) {
    const p = el('p', 'far small');
    p.append(el('span', 'muted', 'Off the timeline: '));
    far.forEach(([t, i], k) => {
      if (k) p.append(' · ');
      p.append(button(`${t.text} → ${t.value}`, 'jump inline', () => jumpTo(t.span.start, `[data-t="${i}"]`)));
    });
    v.append(p);
  }
  v.append(jumpTable(jumpTo, 'times', ['As written', 'Type', 'Value'], doc.times, 't',
    (t) => [el('td', null, t.type), el('td', 'value', t.value ?? 'unresolved')], 'time expressions'));
}

/** A table (class `cls`) of `items`, a page at a time: each row starts with a button that
 *  calls `jumpTo` for the item in the text (`[data-<attr>=index]`), then `cells(item)`. Returns the
 *  table and its "Show more" button. */
function jumpTable(jumpTo, cls, headers, items, attr, cells, noun) {
  const table = el('table', cls);
  const head = el('tr');
  for (const h of headers) head.append(el('th', null, h));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  const more = pager(items.length, noun, (from, to) => {
    for (let i = from; i < to; i++) {
      const x = items[i];
      const tr = el('tr');
      const td = el('td');
      td.append(button(x.text, 'jump', () => jumpTo(x.span.start, `[data-${attr}="${i}"]`)));
      tr.append(td, ...cells(x));
      tbody.append(tr);
    }
  });
  table.append(thead, tbody);
  const frag = document.createDocumentFragment();
  frag.append(table, more);
  return frag;
}

// ---------------------------------------------------------------- amounts view

let amountFormat = null;
/** The number format of amounts (made once: toLocaleString makes one per call, ~50 µs each, which a
 *  page of 500 amounts felt). */
function numberFormat() {
  amountFormat ??= new Intl.NumberFormat('en', { maximumFractionDigits: 6 });
  return amountFormat;
}

/** An amount's value for reading: `4,500,000,000 USD`, `10–12%`, `3 percentage points`, `40 minutes`. */
export function amountValueText(a) {
  const num = (x) => numberFormat().format(x);
  const v = a.upper != null ? `${num(a.value)}–${num(a.upper)}` : num(a.value);
  if (a.kind === 'percent' && !a.unit) return `${v}%`;
  return [v, a.currency, a.unit].filter((x) => x != null && x !== '').join(' ');
}

export function renderAmounts({ doc, state, jumpTo }) {
  const v = $('view-amounts');
  v.replaceChildren();
  if (state.off.has('amounts')) { v.append(el('p', 'empty', 'Amount extraction is switched off (see Extract).')); return; }
  if (!doc.amounts.length) { v.append(el('p', 'empty', 'No amounts found.')); return; }
  const byKind = ['money', 'percent', 'quantity'].map((k) => [k, doc.amounts.filter((a) => a.kind === k).length]).filter(([, n]) => n);
  v.append(el('p', 'muted small', `${plural(doc.amounts.length, 'amount')}: ${byKind.map(([k, n]) => `${n} ${k}`).join(' · ')}.`));
  v.append(jumpTable(jumpTo, 'amounts', ['As written', 'Kind', 'Value'], doc.amounts, 'a',
    (a) => [el('td', 'kind', a.kind), el('td', 'value', amountValueText(a))], 'amounts'));
}

// ---------------------------------------------------------------- clusters view

export function renderClusters({ doc, state, jumpTo }) {
  const v = $('view-clusters');
  v.replaceChildren();
  if (state.off.has('clusters')) { v.append(el('p', 'empty', 'Story clustering is switched off (see Extract).')); return; }
  if (!doc.clusters.length) { v.append(el('p', 'empty', 'No story clusters: no two headlines report the same story.')); return; }
  const wrap = el('div', 'cluster-list');
  v.append(wrap);
  v.append(pager(doc.clusters.length, 'clusters', (from, to) => doc.clusters.slice(from, to).forEach((c) => {
    const box = el('section', 'cluster');
    box.append(el('h3', null, c.label));
    const why = [];
    if (c.sharedEntities.length) why.push(`shared entities: ${c.sharedEntities.join(', ')}`);
    if (c.sharedTerms.length) why.push(`shared terms: ${c.sharedTerms.join(', ')}`);
    box.append(el('p', 'reason', `Why: ${why.join(' · ') || 'similar wording'}`));
    const ul = el('ul');
    const CLUSTER_ITEMS = 20;
    const hidden = Math.max(0, c.headlines.length - CLUSTER_ITEMS) + Math.max(0, c.articles.length - CLUSTER_ITEMS);
    for (const hi of c.headlines.slice(0, CLUSTER_ITEMS)) {
      const h = doc.headlines[hi];
      if (!h) continue;
      const li = el('li');
      li.append(button(h.text, 'jump', () => jumpTo(h.span.start, `[data-h="${hi}"]`)));
      ul.append(li);
    }
    for (const ai of c.articles.slice(0, CLUSTER_ITEMS)) {
      const a = doc.articles[ai];
      if (!a || !a.title) continue;
      const li = el('li');
      li.append(el('span', 'tag', 'article'), ' ', button(a.title.text, 'jump', () => jumpTo(a.title.span.start, `[data-article="${ai}"]`)));
      ul.append(li);
    }
    if (hidden) ul.append(el('li', 'muted', `and ${plural(hidden, 'more headline or article', 'more headlines and articles')} (see JSON)`));
    box.append(ul);
    wrap.append(box);
  }), 20)); // a cluster is up to ~45 elements
}
