// gleaner page: parse in a module worker (./worker.js), render with createElement/textContent only.
// Dump text is NEVER turned into markup: no innerHTML anywhere in this file.
import { CSV_TABLES, blobOf, copyBlob, jsonHead, jsonParts, quoteSpeakerName, roleText, saveBlob } from './export.js';
import { afterPaint, button, count, el, fmtBytes, pager as pagerOf, plural } from './dom.js';
import { takeWorker } from './boot.js';
import { LIST_LIMIT, amountValueText, renderAmounts, renderClusters, renderQuotes, renderStructure, renderTimes } from './views.js';

performance.mark('gleaner:app-start');
const $ = (id) => document.getElementById(id);
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
const TYPE_NAMES = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other name' };
const EXTRA = { QUOTE: 'quote', TIME: 'time expression', AMOUNT: 'amount' };
const OPTION_KEYS = ['entities', 'quotes', 'times', 'amounts', 'clusters'];
const TABS = ['text', 'structure', 'entities', 'quotes', 'times', 'amounts', 'clusters', 'json'];
const RENDER_CHUNK = 12_000; // UTF-16 units of dump rendered at a time (its layout is one task)
const pager = (total, noun, render, page = LIST_LIMIT) => pagerOf(total, noun, render, page);
const BIG_TEXT = 1_000_000; // larger dumps are not put into the textarea (its layout blocks the page for seconds)
const PREVIEW = 20_000;
const STREAM_ITEMS = 1000; // the worker sends longer result arrays in chunks (see worker.js): each is one short task to receive
// A cold worker (its wasm functions not compiled yet) first parses the structure alone: the page
// shows the headlines and articles from it, then asks for the whole document.
const STRUCTURE_ONLY = { entities: false, quotes: false, times: false, amounts: false, clusters: false };
const PREVIEW_TABS = new Set(['text', 'structure']); // the views a structure-only document fills

/** Page state that lives in the URL hash. */
const state = {
  tab: 'text',
  off: new Set(), // extractors switched off
  ref: '', // referenceDate
  hidden: new Set(), // highlight types hidden (PER, ORG, LOC, MISC, QUOTE, TIME, AMOUNT)
  hideBp: false,
  entity: null, // selected entity id
};

let doc = null; // the current Document
let docPartial = false; // doc is a structure-only preview (entities, quotes, times … still coming)
let docText = ''; // the text it was parsed from
let resultCount = 0;
let firstPainted = false; // gleaner:first-result is marked
let dirty = new Set(TABS); // views that need re-rendering
let stepIndex = -1; // current mention of the selected entity
let rendered = 0; // how far (UTF-16 units) the dump view is rendered
let carry = []; // intervals crossing the render boundary
let bigText = null; // a large dump loaded from a file or drop; the textarea shows a read-only preview
let bigBytes = 0; // its size in bytes (UTF-8), from the file

// ---------------------------------------------------------------- URL hash state

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const tab = p.get('tab');
  state.tab = TABS.includes(tab) ? tab : 'text';
  state.off = new Set((p.get('off') ?? '').split(',').filter((k) => OPTION_KEYS.includes(k)));
  const ref = p.get('ref') ?? '';
  state.ref = /^\d{4}-\d{2}-\d{2}$/.test(ref) ? ref : '';
  state.hidden = new Set((p.get('hide') ?? '').split(',').filter((k) => k in TYPE_NAMES || k in EXTRA));
  state.hideBp = p.get('bp') === 'hide';
  const e = p.get('e');
  state.entity = e !== null && /^\d+$/.test(e) ? Number(e) : null;
}

function writeHash() {
  const p = new URLSearchParams();
  if (state.tab !== 'text') p.set('tab', state.tab);
  if (state.off.size) p.set('off', [...state.off].join(','));
  if (state.ref) p.set('ref', state.ref);
  if (state.hidden.size) p.set('hide', [...state.hidden].join(','));
  if (state.hideBp) p.set('bp', 'hide');
  if (state.entity !== null) p.set('e', String(state.entity));
  const h = p.toString();
  const url = `${location.pathname}${location.search}${h ? `#${h}` : ''}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
}

function currentOptions() {
  const o = {};
  for (const k of OPTION_KEYS) if (state.off.has(k)) o[k] = false;
  if (state.ref) o.referenceDate = state.ref;
  return o;
}

function syncControls() {
  for (const k of OPTION_KEYS) $(`opt-${k}`).checked = !state.off.has(k);
  $('refdate').value = state.ref;
  $('hide-bp').checked = state.hideBp;
  $('dump').classList.toggle('hide-bp', state.hideBp);
  for (const t of [...TYPES, ...Object.keys(EXTRA)]) {
    $('dump').classList.toggle(`hide-${t}`, state.hidden.has(t));
    for (const box of document.querySelectorAll(`input[data-type="${t}"]`)) box.checked = !state.hidden.has(t);
  }
}

// ---------------------------------------------------------------- the worker

let worker = null;
let workerReady = false;
let workerWarm = false; // this worker has parsed a whole document (its code is compiled)
let nextId = 1;
let inflight = null; // { id, text, options, t0 }
let pending = null; // { text, options } waiting for the worker
let busyTimer = 0;

function startWorker() {
  workerReady = false;
  workerWarm = false;
  const { worker: w, held } = takeWorker();
  worker = w;
  performance.mark('gleaner:worker-taken');
  worker.onmessage = onWorkerMessage;
  worker.onerror = onWorkerError;
  for (const e of held) (e.type === 'error' ? onWorkerError : onWorkerMessage)(e);
}

function onWorkerError(e) {
  e.preventDefault();
  showError(`The parser worker failed: ${e.message || 'could not load it'}`);
  setBusy(false);
}

// the first worker was started by boot.js as the page started: its module, wasm and model load in
// parallel with this module's own loading and the UI's start-up
startWorker();

function onWorkerMessage({ data: m }) {
  if (m.type === 'ready') {
    workerReady = true;
    $('version').textContent = `v${m.version}`;
    $('version').title = `parser loaded in ${Math.round(m.wasmMs)} ms (wasm) + ${Math.round(m.modelMs)} ms (model)`;
    performance.mark('gleaner:worker-ready', { detail: { wasmMs: m.wasmMs, modelMs: m.modelMs, warmMs: m.warmMs } });
    // the worker's start-up steps on this page's clock (gleaner:worker:start, …:compiled, …)
    for (const [step, t] of Object.entries(m.timeline ?? {})) performance.mark(`gleaner:worker:${step}`, { startTime: Math.max(0, t - performance.timeOrigin) });
    document.body.dataset.ready = 'true';
    if (!inflight) setStatus(inputText() ? 'Ready.' : 'Ready: paste a dump, drop a .txt file or pick a sample.');
    if (inflight?.stage === 'loading the parser') inflight.stage = 'starting';
    return;
  }
  if (m.type === 'error' && m.id === null) {
    showError(m.message);
    inflight = null;
    setBusy(false);
    return;
  }
  if (inflight && m.id === inflight.previewId) {
    // the structure-only answer: shown if it comes first (an error comes for the whole request too)
    if (m.type === 'result' && !inflight.previewShown) {
      inflight.previewShown = true;
      performance.mark('gleaner:structure-received');
      doc = m.document;
      docText = inflight.text;
      onStructure(inflight, m.ms);
    }
    return;
  }
  if (!inflight || m.id !== inflight.id) return; // a stale answer
  if (m.type === 'chunk') {
    if (!inflight.receiving) { inflight.receiving = true; performance.mark('gleaner:chunks-start'); }
    (inflight.chunks[m.key] ??= []).push(m.items);
    inflight.stage = `receiving ${m.key}`;
    return;
  }
  if (m.type === 'progress') {
    const part = m.fraction > 0 ? m.fraction : 0;
    $('progress').max = m.total;
    $('progress').value = m.done + part;
    inflight.stage = part > 0 ? `${m.stage} ${Math.round(part * 100)}% (${m.done}/${m.total})` : `${m.stage} (${m.done}/${m.total})`;
    updateBusyStatus();
  } else if (m.type === 'result') {
    performance.mark('gleaner:result-received');
    const req = inflight;
    inflight = null;
    setBusy(false);
    showError('');
    doc = m.document;
    for (const key of m.streamed ?? []) doc[key] = (req.chunks[key] ?? []).flat();
    docText = req.text;
    workerWarm = true;
    docPartial = false;
    const total = performance.now() - req.t0;
    onResult(m.ms, total);
    flushPending();
  } else if (m.type === 'error') {
    inflight = null;
    setBusy(false);
    showError(m.message);
    if (m.fatal) {
      // out of memory: this worker cannot parse again; a fresh one can parse smaller dumps
      worker.terminate();
      startWorker();
      setStatus('Not parsed: the dump is too large for this browser tab. Split it, or use the gleaner CLI.');
    } else {
      setStatus('Not parsed: fix the options above.');
    }
    flushPending();
  }
}

function flushPending() {
  if (pending) { const p = pending; pending = null; send(p.text, p.options); }
}

function inputText() { return bigText ?? $('input').value; }

/** The UTF-8 size of `text` for the status line: the file's size for a big file (encoding 10 MB
 *  again would be a long task), else counted. */
function byteSize(text) {
  if (text === bigText && bigBytes) return bigBytes;
  return text.length > 100_000 ? new Blob([text]).size : text.length;
}

function requestParse() {
  const text = inputText();
  const options = currentOptions();
  if (inflight) {
    // a big parse is not worth finishing when the text changed: restart the worker
    if (inflight.text.length > 1_000_000 && inflight.text !== text) { cancel(false); send(text, options); return; }
    pending = { text, options };
    return;
  }
  send(text, options);
}

/** Ask the worker to parse `text` (before it is ready too: it answers once loaded, and skips
 *  its warm-up parse for a request that is already waiting). A cold worker is asked for the
 *  structure alone first, and for the whole document once the page has painted it (parsing
 *  meanwhile would take the CPU the paint needs on a busy machine). */
function send(text, options) {
  const preview = !workerWarm && text.length > 0 && text.length <= BIG_TEXT;
  const previewId = preview ? nextId++ : null;
  const id = nextId++;
  const stage = workerReady ? 'starting' : 'loading the parser';
  inflight = { id, previewId, text, options, t0: performance.now(), stage, bytes: byteSize(text), chunks: {} };
  if (preview) worker.postMessage({ id: previewId, text, options: { ...options, ...STRUCTURE_ONLY } });
  else sendWhole(inflight);
  setBusy(true);
}

function sendWhole(req) {
  performance.mark('gleaner:parse-sent');
  worker.postMessage({ id: req.id, text: req.text, options: req.options, stream: STREAM_ITEMS });
}

function setBusy(on) {
  clearInterval(busyTimer);
  document.body.dataset.state = on ? 'busy' : 'idle';
  $('progress').hidden = !on;
  $('cancel').hidden = !on;
  if (on) {
    $('progress').value = 0;
    updateBusyStatus();
    busyTimer = setInterval(updateBusyStatus, 100);
  }
}

function updateBusyStatus() {
  if (!inflight) return;
  const secs = ((performance.now() - inflight.t0) / 1000).toFixed(1);
  setStatus(`Parsing ${fmtBytes(inflight.bytes)}… ${inflight.stage} · ${secs} s`);
}

/** Stop the current parse: terminate the worker and start a fresh one. */
function cancel(announce = true) {
  worker.terminate();
  inflight = null;
  pending = null;
  setBusy(false);
  startWorker();
  if (announce) setStatus('Cancelled. Edit the text or pick a sample to parse again.');
}

function setStatus(s) { $('status').textContent = s; }
function showError(s) { $('error').textContent = s; }

// ---------------------------------------------------------------- results

function onResult(workerMs, totalMs) {
  resultCount += 1;
  dirty = new Set(TABS);
  if (state.entity !== null && !(doc.entities[state.entity])) state.entity = null;
  stepIndex = -1;
  const counts = [
    plural(doc.headlines.length, 'headline'), plural(doc.articles.length, 'article'),
    plural(doc.entities.length, 'entity', 'entities'), plural(doc.mentions.length, 'mention'),
    plural(doc.quotes.length, 'quote'), plural(doc.times.length, 'time expression'),
    plural(doc.amounts.length, 'amount'), plural(doc.clusters.length, 'story cluster'),
  ];
  $('summary').textContent = `${doc.kind} · ${counts.join(' · ')} · ${fmtBytes(doc.stats.bytes)}, ${plural(doc.stats.lines, 'line')}`;
  setStatus(`Parsed in ${workerMs.toFixed(0)} ms (${totalMs.toFixed(0)} ms with transfer).`);
  for (const id of ['dl-json', 'copy-json', 'dl-entities', 'dl-mentions', 'dl-quotes', 'dl-amounts']) $(id).disabled = false;
  setTabCounts({
    structure: doc.headlines.length + doc.articles.length, entities: doc.entities.length,
    quotes: doc.quotes.length, times: doc.times.length, amounts: doc.amounts.length, clusters: doc.clusters.length,
  });
  // time to first result: when the first result (the structure preview, or this) is on the
  // screen (the frame after it is painted; asked for first, so that it comes before the rest of
  // the dump view is built); gleaner:first-full-result when the first whole document is
  if (resultCount === 1) {
    afterPaint(() => {
      if (!firstPainted) { firstPainted = true; performance.mark('gleaner:first-result', { detail: { parseMs: workerMs } }); }
      performance.mark('gleaner:first-full-result', { detail: { parseMs: workerMs } });
    });
  }
  renderTab(state.tab);
  writeHash();
  performance.mark('gleaner:rendered');
  // body[data-results] counts results whose view is complete (the dump view's first chunk too)
  const n = resultCount;
  const done = () => { if (n === resultCount) document.body.dataset.results = String(n); };
  if (textDone) textDone.then(done); else done();
}

/** The structure-only preview of request `req` is in `doc`: show it; once it is painted, ask
 *  for the whole document. */
function onStructure(req, workerMs) {
  docPartial = true;
  dirty = new Set(TABS);
  for (const id of ['dl-json', 'copy-json', 'dl-entities', 'dl-mentions', 'dl-quotes', 'dl-amounts']) $(id).disabled = true;
  $('summary').textContent = `${doc.kind} · ${plural(doc.headlines.length, 'headline')} · ${plural(doc.articles.length, 'article')} · finding entities, quotes, times and amounts…`;
  setTabCounts({ structure: doc.headlines.length + doc.articles.length });
  // asked for before the view is built, so that it comes before the rest of the dump view
  afterPaint(() => {
    if (!firstPainted) { firstPainted = true; performance.mark('gleaner:first-result', { detail: { structureMs: workerMs } }); }
    if (inflight !== req) return; // cancelled or replaced
    if (pending) { inflight = null; flushPending(); } else sendWhole(req); // the text changed meanwhile: parse the new one
  });
  renderTab(state.tab);
  performance.mark('gleaner:structure-rendered', { detail: { structureMs: workerMs } });
}

/** The counts on the tab buttons (tabs missing from `counts` show none). */
function setTabCounts(counts) {
  for (const tab of ['structure', 'entities', 'quotes', 'times', 'amounts', 'clusters']) {
    const t = $(`tab-${tab}`);
    let c = t.querySelector('.count');
    if (!c) { c = el('span', 'count'); t.append(c); }
    c.textContent = tab in counts ? `(${counts[tab]})` : '';
  }
}

function renderTab(tab) {
  if (!doc || !dirty.has(tab) || (docPartial && !PREVIEW_TABS.has(tab))) return;
  dirty.delete(tab);
  const view = { doc, state, jumpTo };
  ({ text: renderText, structure: () => renderStructure(view), entities: renderEntities, quotes: () => renderQuotes(view),
    times: () => renderTimes(view), amounts: () => renderAmounts(view), clusters: () => renderClusters(view), json: renderJson })[tab]();
}

function selectTab(tab, focus = false) {
  state.tab = tab;
  for (const t of TABS) {
    const b = $(`tab-${t}`);
    const on = t === tab;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    $(`view-${t}`).hidden = !on;
  }
  if (focus) $(`tab-${tab}`).focus();
  renderTab(tab);
  writeHash();
}

// ---------------------------------------------------------------- text view (highlighted dump)

const sortedCache = new WeakMap();
/** Indices of the items of `arr` whose span starts in [from, to) (binary search when `arr` is in text order). */
function* itemsIn(arr, from, to) {
  let sorted = sortedCache.get(arr);
  if (sorted === undefined) {
    sorted = arr.every((x, i) => i === 0 || arr[i - 1].span.start <= x.span.start);
    sortedCache.set(arr, sorted);
  }
  if (!sorted) {
    for (let i = 0; i < arr.length; i++) if (arr[i].span.start >= from && arr[i].span.start < to) yield i;
    return;
  }
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (arr[mid].span.start < from) lo = mid + 1; else hi = mid; }
  for (let i = lo; i < arr.length && arr[i].span.start < to; i++) yield i;
}

/** The highlight intervals that start in [from, to), sorted for nesting. Only that chunk is built. */
function buildIntervals(from, to) {
  const out = [];
  const add = (span, layer, tag, cls, data) => {
    if (span && span.end > span.start) out.push({ start: span.start, end: span.end, layer, tag, cls, data });
  };
  for (const i of itemsIn(doc.boilerplate, from, to)) add(doc.boilerplate[i].span, 0, 'span', `bp bp-${doc.boilerplate[i].kind}`, { kind: 'boilerplate', i });
  for (const i of itemsIn(doc.headlines, from, to)) {
    const h = doc.headlines[i];
    add(h.span, 0, 'span', `hl role-${h.role}`, { kind: 'headline', i });
    if (h.time) add(h.time.span, 1, 'span', 'ts', { kind: 'timestamp' });
    if (h.teaser) add(h.teaser.span, 0, 'span', 'teaser', { kind: 'teaser' });
  }
  const inRange = (x) => x && x.span.start >= from && x.span.start < to;
  doc.articles.forEach((a, i) => {
    if (a.span.end <= from || a.span.start >= to + RENDER_CHUNK) return;
    if (inRange(a.title)) add(a.title.span, 0, 'span', 'title', { kind: 'title', i });
    if (inRange(a.dateline)) add(a.dateline.span, 1, 'span', 'dl', { kind: 'dateline', i });
    if (inRange(a.byline)) add(a.byline.span, 0, 'span', 'by', { kind: 'byline', i });
    if (inRange(a.published)) add(a.published.span, 0, 'span', 'ts', { kind: 'published', i });
    if (inRange(a.endMark)) add(a.endMark.span, 0, 'span', 'endm', { kind: 'end mark', i });
    for (const s of a.sections) if (inRange(s.heading)) add(s.heading.span, 0, 'span', 'sub', { kind: 'subheading', i });
  });
  for (const i of itemsIn(doc.quotes, from, to)) {
    const q = doc.quotes[i];
    const parts = Array.isArray(q.parts) && q.parts.length ? q.parts : [q.span];
    for (const p of parts) add(p, 2, 'span', 'q', { kind: 'quote', i });
    if (q.speakerSpan) add(q.speakerSpan, 2, 'span', 'spk', { kind: 'speaker', i });
  }
  for (const i of itemsIn(doc.times, from, to)) add(doc.times[i].span, 3, 'span', 'tx', { kind: 'time', i });
  for (const i of itemsIn(doc.amounts, from, to)) add(doc.amounts[i].span, 3, 'span', 'amt', { kind: 'amount', i });
  for (const i of itemsIn(doc.mentions, from, to)) add(doc.mentions[i].span, 4, 'mark', `m m-${doc.mentions[i].label}`, { kind: 'mention', i });
  out.sort((x, y) => x.start - y.start || y.end - x.end || x.layer - y.layer);
  return out;
}

/** The data attribute that carries the item index of a highlight kind (jumpTo and the tooltip select on it). */
const INDEX_ATTR = { mention: 'm', quote: 'q', speaker: 'qs', time: 't', amount: 'a', headline: 'h', title: 'article' };

function makeNode(iv) {
  const e = el(iv.tag, iv.cls);
  const d = iv.data;
  if (d.kind in INDEX_ATTR) e.dataset[INDEX_ATTR[d.kind]] = String(d.i);
  if (d.kind === 'mention') {
    const m = doc.mentions[d.i];
    e.dataset.label = m.label;
    if (m.entity !== null && m.entity !== undefined) e.dataset.entity = String(m.entity);
    e.tabIndex = -1;
    if (state.entity !== null && m.entity === state.entity) e.classList.add('sel');
  } else {
    e.dataset.kind = d.kind;
  }
  return e;
}

/** Render [from, to) of the dump into the <pre>, nesting intervals (clipped to their parents). */
function renderRange(from, to) {
  const frag = document.createDocumentFragment();
  const stack = [{ end: to, node: frag }];
  let pos = from;
  const flush = (upto) => {
    if (upto > pos) stack[stack.length - 1].node.append(docText.slice(pos, upto));
    pos = Math.max(pos, upto);
  };
  const list = carry.concat(buildIntervals(from, to));
  carry = [];
  for (const iv0 of list) {
    const iv = { ...iv0, start: Math.max(iv0.start, from) };
    while (stack.length > 1 && stack[stack.length - 1].end <= iv.start) {
      flush(stack[stack.length - 1].end);
      stack.pop();
    }
    if (iv.start < pos) iv.start = pos; // overlaps a closed sibling: start after it
    const end = Math.min(iv.end, stack[stack.length - 1].end);
    if (iv0.end > to) carry.push(iv0);
    if (end <= iv.start) continue;
    flush(iv.start);
    const node = makeNode(iv);
    stack[stack.length - 1].node.append(node);
    stack.push({ end, node });
  }
  while (stack.length > 1) { flush(stack[stack.length - 1].end); stack.pop(); }
  flush(to);
  // a part made of whole lines is its own block, laid out only near the screen (style.css)
  const whole = (from === 0 || docText.charCodeAt(from - 1) === 10) && (to === docText.length || docText.charCodeAt(to - 1) === 10);
  if (whole) { const part = el('span', 'part'); part.append(frag); $('dump').append(part); } else $('dump').append(frag);
  rendered = to;
  const more = rendered < docText.length;
  $('dump-more-wrap').hidden = !more;
  if (more) $('dump-more-info').textContent = `showing ${fmtBytes(rendered)} of ${fmtBytes(docText.length)}`;
}

const PART = 2_000; // UTF-16 units of dump per block of the text view (the blocks off the screen are not laid out)

/** Render the dump view on to `end` (a chunk end), PART units a block. */
function renderTo(end) {
  while (rendered < end) renderRange(rendered, Math.min(end, chunkEnd(rendered, PART)));
}

/** The end of the next render chunk after `from`, moved to a line end. */
function chunkEnd(from, size = RENDER_CHUNK) {
  let to = Math.min(docText.length, from + size);
  if (to < docText.length) {
    const nl = docText.indexOf('\n', to);
    to = nl === -1 || nl - to > 10_000 ? to : nl + 1;
    // never split a surrogate pair
    const c = docText.charCodeAt(to);
    if (c >= 0xdc00 && c < 0xe000) to += 1;
  }
  return to;
}

const FIRST_SCREEN = 4_000; // UTF-16 units of dump rendered before the first paint (more than the view shows)
let textGen = 0; // which renderText() is current
let textDone = null; // while the rest of the dump view's first chunk waits for the first paint: its promise

function renderText() {
  $('dump').replaceChildren();
  carry = [];
  rendered = 0;
  textDone = null;
  const gen = ++textGen;
  renderLegend();
  if (!docText) { $('dump').append(el('span', 'empty', 'Nothing to show: the text box is empty.')); $('dump-more-wrap').hidden = true; return; }
  // the first screenful at once, the rest of the chunk once that is painted (its layout is the
  // biggest part of showing a result)
  const end = chunkEnd(0);
  renderTo(chunkEnd(0, FIRST_SCREEN));
  updateStepper();
  if (rendered < end) {
    textDone = new Promise((resolve) => afterPaint(() => {
      if (gen === textGen && rendered < end) renderTo(end);
      if (gen === textGen) textDone = null;
      resolve();
    }));
  }
}

/** Make sure the dump view covers `offset`. */
function ensureRendered(offset) {
  if (dirty.has('text')) renderTab('text');
  while (rendered < docText.length && rendered <= offset) renderTo(chunkEnd(rendered));
}

function renderLegend() {
  const counts = { PER: 0, ORG: 0, LOC: 0, MISC: 0 };
  for (const m of doc.mentions) counts[m.label] = (counts[m.label] ?? 0) + 1;
  const extraCounts = { QUOTE: doc.quotes.length, TIME: doc.times.length, AMOUNT: doc.amounts.length };
  const items = [
    ...TYPES.map((t) => [t, `${t} ${TYPE_NAMES[t]}`, counts[t], `swatch m m-${t}`]),
    ...Object.keys(EXTRA).map((t) => [t, EXTRA[t], extraCounts[t], `swatch k-${t}`]),
  ];
  const legend = $('legend');
  legend.replaceChildren(el('span', 'muted', 'Highlight:'));
  for (const [t, name, n, cls] of items) {
    const label = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.dataset.type = t;
    box.checked = !state.hidden.has(t);
    box.addEventListener('change', () => toggleType(t, box.checked));
    label.append(box, el('span', cls, name), el('span', 'muted small', `(${n})`));
    legend.append(label);
  }
}

function toggleType(t, on) {
  if (on) state.hidden.delete(t); else state.hidden.add(t);
  syncControls();
  if (TYPES.includes(t)) { dirty.add('entities'); if (state.tab === 'entities') renderTab('entities'); }
  writeHash();
}

// tooltip for mentions and other highlighted spans
function tipFor(target) {
  const parts = [];
  if (target.dataset.m !== undefined) {
    const m = doc.mentions[Number(target.dataset.m)];
    const ent = m.entity !== null && m.entity !== undefined ? doc.entities[m.entity] : null;
    parts.push([`${m.label} · ${TYPE_NAMES[m.label]}`, true]);
    parts.push([ent ? `Entity: ${ent.name}` : 'Entity: (not grouped)']);
    if (ent && ent.roles.length) parts.push([`Role: ${ent.roles.map(roleText).join('; ')}`]);
    if (ent && ent.countryCode) parts.push([`Country: ${ent.countryCode}`]);
    parts.push([`Confidence: ${(m.confidence * 100).toFixed(0)}%`]);
    if (ent) parts.push([`${plural(ent.count, 'mention')} · salience ${ent.salience.toFixed(2)}`]);
  } else if (target.dataset.q !== undefined) {
    const q = doc.quotes[Number(target.dataset.q)];
    const who = quoteSpeakerName(doc, q);
    parts.push(['Quote', true], [`Speaker: ${q.speaker ?? 'unattributed'}${who && who !== q.speaker ? ` (${who})` : ''}`]);
    if (q.cue) parts.push([`Cue: ${q.cue}`]);
  } else if (target.dataset.qs !== undefined) {
    const q = doc.quotes[Number(target.dataset.qs)];
    parts.push(['Speaker', true], [`${q.speaker ?? ''}${quoteSpeakerName(doc, q) && quoteSpeakerName(doc, q) !== q.speaker ? ` = ${quoteSpeakerName(doc, q)}` : ''}`], [`“${q.text.length > 80 ? `${q.text.slice(0, 80)}…` : q.text}”`]);
  } else if (target.dataset.t !== undefined) {
    const t = doc.times[Number(target.dataset.t)];
    parts.push([`Time · ${t.type}`, true], [`Value: ${t.value ?? 'unresolved'}`]);
  } else if (target.dataset.a !== undefined) {
    const a = doc.amounts[Number(target.dataset.a)];
    parts.push([`Amount · ${a.kind}`, true], [`Value: ${amountValueText(a)}`]);
  } else if (target.dataset.kind) {
    parts.push([target.dataset.kind, true]);
  } else {
    return null;
  }
  return parts;
}

let tipAnchor = null;

function showTip(target) {
  tipAnchor = target;
  const parts = tipFor(target);
  const tip = $('tip');
  if (!parts) { hideTip(); return; }
  tip.replaceChildren();
  parts.forEach(([text, bold], i) => {
    if (i) tip.append(el('br'));
    tip.append(bold ? el('b', null, text) : document.createTextNode(text));
  });
  tip.hidden = false;
  const r = target.getBoundingClientRect();
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  let top = r.bottom + 6;
  if (top + h > innerHeight) top = Math.max(4, r.top - h - 6);
  tip.style.setProperty('top', `${top}px`);
  tip.style.setProperty('left', `${Math.max(4, Math.min(innerWidth - w - 4, r.left))}px`);
  target.setAttribute('aria-describedby', 'tip');
}

function hideTip() { $('tip').hidden = true; tipAnchor = null; }

/** Keep the tooltip on its (focused) anchor while the dump scrolls; hide it when the anchor leaves the view. */
function followTip() {
  if (!tipAnchor) return;
  const r = tipAnchor.getBoundingClientRect();
  const box = $('dump').getBoundingClientRect();
  if (r.bottom < box.top || r.top > box.bottom) hideTip(); else showTip(tipAnchor);
}

function tipTarget(node) {
  return node instanceof Element ? node.closest('mark.m, [data-q], [data-t], [data-a], [data-kind]') : null;
}

// ---------------------------------------------------------------- entity selection and stepping

function selectEntity(id, { jump = true } = {}) {
  state.entity = id;
  stepIndex = -1;
  for (const m of $('dump').querySelectorAll('mark.m.sel, mark.m.current')) m.classList.remove('sel', 'current');
  if (id !== null) {
    for (const m of $('dump').querySelectorAll(`mark.m[data-entity="${id}"]`)) m.classList.add('sel');
  }
  for (const b of document.querySelectorAll('button.ent')) b.setAttribute('aria-pressed', String(Number(b.dataset.id) === id));
  updateStepper();
  writeHash();
  if (id !== null && jump) { selectTab('text'); step(1); }
}

function entityMentions() {
  const e = state.entity !== null ? doc?.entities[state.entity] : null;
  return e ? e.mentions : [];
}

function updateStepper() {
  const ms = entityMentions();
  const e = state.entity !== null ? doc?.entities[state.entity] : null;
  $('stepper').hidden = !e;
  if (!e) return;
  const where = stepIndex >= 0 ? `mention ${stepIndex + 1} of ${ms.length}` : plural(ms.length, 'mention');
  $('stepper-label').textContent = `${e.name} (${e.label}) · ${where}`;
}

function step(dir) {
  const ms = entityMentions();
  if (!ms.length) return;
  stepIndex = stepIndex < 0 ? (dir > 0 ? 0 : ms.length - 1) : (stepIndex + dir + ms.length) % ms.length;
  const mi = ms[stepIndex];
  ensureRendered(doc.mentions[mi].span.start);
  for (const m of $('dump').querySelectorAll('mark.m.current')) m.classList.remove('current');
  const node = $('dump').querySelector(`mark.m[data-m="${mi}"]`);
  if (node) {
    node.classList.add('current', 'sel');
    node.scrollIntoView({ block: 'center' });
    node.focus({ preventScroll: true });
  }
  updateStepper();
}

/** Switch to the text view and flash the element for `selector` covering `offset`. */
function jumpTo(offset, selector) {
  selectTab('text');
  ensureRendered(offset);
  const nodes = $('dump').querySelectorAll(selector);
  const node = nodes[0];
  if (!node) return;
  for (const f of $('dump').querySelectorAll('.flash')) f.classList.remove('flash');
  for (const n of nodes) n.classList.add('flash');
  node.scrollIntoView({ block: 'center' });
  if (!node.hasAttribute('tabindex')) node.tabIndex = -1;
  node.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- structure view

// ---------------------------------------------------------------- entities view

function renderEntityTypeToggles() {
  const box = $('ent-types');
  box.replaceChildren();
  for (const t of TYPES) {
    const n = doc ? doc.entities.filter((e) => e.label === t).length : 0;
    const label = el('label');
    const cb = el('input');
    cb.type = 'checkbox';
    cb.dataset.type = t;
    cb.checked = !state.hidden.has(t);
    cb.addEventListener('change', () => toggleType(t, cb.checked));
    label.append(cb, el('span', `swatch m m-${t}`, t), el('span', 'muted small', `(${n})`));
    box.append(label);
  }
}

function renderEntities() {
  renderEntityTypeToggles();
  const list = $('ent-list');
  list.replaceChildren();
  if (state.off.has('entities')) { list.append(el('p', 'empty', 'Entity recognition is switched off (see Extract).')); return; }
  if (!doc.entities.length) { list.append(el('p', 'empty', 'No entities found.')); return; }
  const q = $('ent-filter').value.trim().toLowerCase();
  const match = (e) => !q || e.name.toLowerCase().includes(q) || e.aliases.some((a) => a.toLowerCase().includes(q));
  let shown = 0;
  for (const t of TYPES) {
    if (state.hidden.has(t)) continue;
    const ents = doc.entities.filter((e) => e.label === t && match(e)).sort((a, b) => b.salience - a.salience || b.count - a.count);
    if (!ents.length) continue;
    const sec = el('section', 'ent-group');
    sec.dataset.type = t;
    const h = el('h3');
    h.append(el('span', `swatch m m-${t}`, t), `${TYPE_NAMES[t]}s (${ents.length})`);
    const ol = el('ol', 'ents');
    // about 7 elements an entity, up to 4 groups: 100 a page keeps the view under 3,000
    const more = pager(ents.length, TYPE_NAMES[t] === 'person' ? 'people' : `${TYPE_NAMES[t]}s`, (from, to) => { for (const e of ents.slice(from, to)) {
      const b = button(null, 'ent');
      b.dataset.id = String(e.id);
      b.setAttribute('aria-pressed', String(e.id === state.entity));
      b.append(el('span', 'name', e.name));
      const right = el('span', 'cnt');
      const meter = el('span', 'meter');
      meter.title = `salience ${e.salience.toFixed(2)}`;
      const fill = el('span');
      fill.style.setProperty('width', `${Math.round(Math.max(0, Math.min(1, e.salience)) * 100)}%`);
      meter.append(fill);
      right.append(meter, ` ×${e.count}`);
      b.append(right);
      const sub = [];
      if (e.aliases.length) sub.push(`also: ${e.aliases.join(', ')}`);
      if (e.roles.length) sub.push(`role: ${e.roles.map(roleText).join('; ')}`);
      if (e.countryCode) sub.push(`country: ${e.countryCode}`);
      if (e.relatedCountry) sub.push(`of ${e.relatedCountry}`);
      if (sub.length) b.append(el('span', 'sub', sub.join(' · ')));
      b.setAttribute('aria-label', `${e.name}, ${TYPE_NAMES[t]}, ${plural(e.count, 'mention')}${sub.length ? `, ${sub.join(', ')}` : ''}`);
      b.addEventListener('click', () => selectEntity(e.id));
      const li = el('li');
      li.append(b);
      ol.append(li);
    } }, 100);
    shown += ents.length;
    sec.append(h, ol, more);
    list.append(sec);
  }
  if (!shown) list.append(el('p', 'empty', 'No entity matches the filter and type toggles.'));
}

// ---------------------------------------------------------------- JSON view and exports

const JSON_VIEW_LIMIT = 60_000; // UTF-16 units of JSON shown (Download JSON has it all)
const COPY_LIMIT = 2 * 1024 * 1024; // input bytes up to which Copy JSON puts the document on the clipboard

async function renderJson() {
  const d = doc;
  $('json').textContent = 'Building the JSON…';
  const { text, cut } = await jsonHead(d, JSON_VIEW_LIMIT);
  if (d !== doc) return; // a newer result arrived meanwhile
  // in blocks of whole lines, laid out only near the screen (style.css)
  const box = $('json');
  box.replaceChildren();
  for (let i = 0; i < text.length;) {
    const nl = text.indexOf('\n', i + PART);
    const j = nl === -1 ? text.length : nl + 1;
    box.append(el('span', 'part', text.slice(i, j)));
    i = j;
  }
  if (cut) box.append(`\n… (the first ${fmtBytes(JSON_VIEW_LIMIT)} only: use Download JSON)`);
}

/** Build an export from parts (time-sliced) and hand it on; a browser that cannot build it gets a clear message. */
async function exportAs(what, build, deliver) {
  const d = doc;
  setStatus(`Building ${what}…`);
  try {
    await deliver(await build(d));
  } catch (err) {
    showError(err instanceof RangeError
      ? `This browser cannot build ${what} for a document this large (${err.message}). Use the gleaner CLI, or switch some extractors off.`
      : `Could not export ${what}: ${err.message}`);
    setStatus('');
  }
}

function download(name, type, parts) {
  exportAs(name, async (d) => blobOf(parts(d), type), (blob) => { saveBlob(name, blob); setStatus(`Downloaded ${name}.`); });
}

function copyJson() {
  if (doc.stats.bytes > COPY_LIMIT) {
    showError(`Copy JSON is for dumps up to ${fmtBytes(COPY_LIMIT)} (this one is ${fmtBytes(doc.stats.bytes)}): use Download JSON.`);
    return;
  }
  exportAs('the JSON', async (d) => blobOf(jsonParts(d), 'text/plain'), async (blob) => {
    await copyBlob(blob);
    setStatus('Copied the JSON to the clipboard.');
  });
}

// ---------------------------------------------------------------- input: typing, samples, files

let debounce = 0;
function scheduleParse() {
  clearTimeout(debounce);
  const n = inputText().length;
  // the first parse starts at once (time to first result); later edits wait for a pause in typing
  debounce = setTimeout(requestParse, !doc && !inflight ? 0 : n > 1_000_000 ? 600 : 200);
}

async function loadSample(name) {
  try {
    const res = await fetch(`./samples/${encodeURIComponent(name)}.txt`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    setText(await res.text());
  } catch (err) {
    showError(`Could not load the sample ${name}: ${err.message}`);
  }
}

function setText(text, name = 'the dump', bytes = 0) {
  const ta = $('input');
  if (text.length > BIG_TEXT) {
    bigText = text;
    bigBytes = bytes;
    ta.value = `${text.slice(0, PREVIEW)}\n\n[… ${fmtBytes(text.length)} in all: only the start is shown here; the whole text is parsed. Clear to type again.]`;
    ta.readOnly = true;
    $('big-note').textContent = `${name}: ${fmtBytes(text.length)}. The box shows the first ${fmtBytes(PREVIEW)} (read-only); the highlighted text view shows it all, in chunks.`;
    $('big-note').hidden = false;
  } else {
    bigText = null;
    ta.readOnly = false;
    $('big-note').hidden = true;
    ta.value = text;
  }
  clearTimeout(debounce);
  requestParse();
}

async function loadFile(file) {
  if (!file) return;
  const ok = /\.(txt|text)$/i.test(file.name) || file.type === 'text/plain';
  if (!ok) { showError(`${file.name}: only .txt or .text files can be opened.`); return; }
  showError('');
  setStatus(`Reading ${file.name} (${fmtBytes(file.size)})…`);
  setText(await file.text(), file.name, file.size);
}

// ---------------------------------------------------------------- wiring

function wire() {
  $('input').addEventListener('input', scheduleParse);
  for (const b of document.querySelectorAll('button.sample')) b.addEventListener('click', () => loadSample(b.dataset.sample));
  $('file').addEventListener('change', (e) => { loadFile(e.target.files[0]); e.target.value = ''; });
  $('clear').addEventListener('click', () => { setText(''); $('input').focus(); });
  const ta = $('input');
  for (const t of ['dragenter', 'dragover']) ta.addEventListener(t, (e) => { e.preventDefault(); ta.classList.add('drop'); });
  ta.addEventListener('dragleave', () => ta.classList.remove('drop'));
  ta.addEventListener('drop', (e) => {
    ta.classList.remove('drop');
    const file = e.dataTransfer?.files?.[0];
    if (file) { e.preventDefault(); e.stopPropagation(); loadFile(file); }
  });
  // a file dropped anywhere else must not navigate away from the page
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => { e.preventDefault(); if (e.dataTransfer?.files?.[0]) loadFile(e.dataTransfer.files[0]); });

  for (const k of OPTION_KEYS) {
    $(`opt-${k}`).addEventListener('change', (e) => {
      if (e.target.checked) state.off.delete(k); else state.off.add(k);
      writeHash();
      requestParse();
    });
  }
  $('refdate').addEventListener('change', (e) => { state.ref = e.target.value; writeHash(); requestParse(); });
  $('refdate-clear').addEventListener('click', () => { state.ref = ''; syncControls(); writeHash(); requestParse(); });
  $('cancel').addEventListener('click', () => cancel());
  $('hide-bp').addEventListener('change', (e) => { state.hideBp = e.target.checked; syncControls(); writeHash(); });
  $('show-labels').addEventListener('change', (e) => $('dump').classList.toggle('labels', e.target.checked));

  // tabs: click, arrows, Home/End
  for (const t of TABS) $(`tab-${t}`).addEventListener('click', () => selectTab(t));
  $('tabs').addEventListener('keydown', (e) => {
    const i = TABS.indexOf(state.tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    selectTab(TABS[(next + TABS.length) % TABS.length], true);
  });

  // dump: tooltips on hover and focus; Enter/click on a mention selects its entity
  const dump = $('dump');
  // the pointer hides a tooltip it opened, not one that belongs to the keyboard focus
  const hideHoverTip = () => { if (!tipAnchor || tipAnchor !== document.activeElement) hideTip(); };
  dump.addEventListener('mouseover', (e) => { const t = tipTarget(e.target); if (t) showTip(t); else hideHoverTip(); });
  dump.addEventListener('mouseleave', hideHoverTip);
  dump.addEventListener('focusin', (e) => { const t = tipTarget(e.target); if (t) showTip(t); });
  dump.addEventListener('focusout', hideTip);
  dump.addEventListener('scroll', followTip, { passive: true });
  window.addEventListener('scroll', followTip, { passive: true });
  dump.addEventListener('click', (e) => {
    const m = e.target instanceof Element ? e.target.closest('mark.m[data-entity]') : null;
    if (m) { selectEntity(Number(m.dataset.entity), { jump: false }); stepIndex = entityMentions().indexOf(Number(m.dataset.m)); updateStepper(); }
  });
  $('dump-more').addEventListener('click', () => renderTo(chunkEnd(rendered)));
  $('next-mention').addEventListener('click', () => step(1));
  $('prev-mention').addEventListener('click', () => step(-1));
  $('clear-entity').addEventListener('click', () => selectEntity(null));
  $('view-text').addEventListener('keydown', (e) => {
    if (state.entity === null || e.target instanceof HTMLInputElement) return;
    if (e.key === 'n') { e.preventDefault(); step(1); } else if (e.key === 'N') { e.preventDefault(); step(-1); }
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTip(); });

  $('ent-filter').addEventListener('input', () => { if (doc) renderEntities(); });

  $('dl-json').addEventListener('click', () => download('gleaner.json', 'application/json', function* (d) { yield* jsonParts(d); yield '\n'; }));
  $('copy-json').addEventListener('click', copyJson);
  for (const t of Object.keys(CSV_TABLES)) $(`dl-${t}`).addEventListener('click', () => download(`${t}.csv`, 'text/csv', CSV_TABLES[t]));

  window.addEventListener('hashchange', () => {
    const before = JSON.stringify(currentOptions());
    readHash();
    syncControls();
    selectTab(state.tab);
    if (JSON.stringify(currentOptions()) !== before) requestParse();
    else if (doc) selectEntity(state.entity, { jump: false });
  });
}

readHash();
wire();
syncControls();
selectTab(state.tab);
if (inputText()) requestParse(); // text restored by the browser, or typed before the module ran
