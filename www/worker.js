// gleaner module Web Worker: loads the wasm once, then answers parse requests off the main thread.
//   in:  { id, text, options?, stream? }
//   out: { type: 'ready', version, wasmMs, modelMs, warmMs, compileMs, timeline }  once, when the
//                                                        module and model are loaded and a
//                                                        structure-only warm-up parse has run
//                                                        (timeline: see below; no warm-up, warmMs
//                                                        0, when a request came before the module
//                                                        was loaded); then, until the first
//                                                        request, the other stages' warm-up and
//                                                        up to 15 more warm-up parses while idle
//                                                        (see warmStages, idleWarm)
//        { type: 'progress', id, done, total, stage, fraction }  between pipeline stages and
//                                                        within entities on long dumps
//        { type: 'result', id, document, ms }            the Document (spans in UTF-16 units)
//        with stream: N, arrays longer than N items (or than N small items' worth of JSON) come
//        first as { type: 'chunk', id, key, items } messages of at most N items and about N × 160
//        bytes each, and are empty in the final result (listed in its `streamed`): receiving
//        one huge object graph would block the page's main thread for seconds
//        { type: 'error', id, message, fatal? }          bad options or request fields, the module
//                                                        failed to load (id null), or out of memory
//                                                        (fatal: this worker cannot parse again)
// Shipped in the package as gleaner/worker (see worker.d.ts). Create it with { type: 'module' }.
// Start-up, in this order and overlapping: the wasm download starts first and is compiled while
// it streams (WebAssembly.compileStreaming), in parallel with fetching and evaluating the JS
// modules that will instantiate it; then instantiation, the model and a warm-up parse.
// `timeline` (in the ready message) has the wall-clock time (ms since the epoch:
// performance.timeOrigin + performance.now()) of each step, so a page can line them up with its own.
const now = () => performance.timeOrigin + performance.now();
const timeline = { start: now() };
const wasmUrl = new URL('./pkg/gleaner_bg.wasm', import.meta.url);
const compiled = compileWasm(wasmUrl);
let Gleaner; let loadModel; let version;

let requests = 0; // requests received so far (one before the module was loaded replaces the warm-up below)
const asked = () => requests > 0;
const handles = new Map(); // JSON of options -> Gleaner (options are validated once per bag)
// A small invented dump with a headline list, a dateline, a byline, a quote, times and amounts:
// parsing it once at start-up runs every stage's lazy set-up (and V8's lazy compilation of
// the wasm functions it calls) before the first real parse instead of during it.
const WARM_UP = '-\nCentral bank holds rates as inflation cools\n-\nStorm closes ports along the coast\n'
  + 'Minister visits flooded towns\nLISBON, March 3 (Reuters) - Prime Minister Ana Costa said on Monday the state '
  + 'would spend $2.5 billion, or 3% of its budget, on repairs. "We will rebuild," Costa told reporters.\nBy Rui Lopes\n';
// A larger invented dump in the same shapes (about 4 KB), parsed again and again while the worker
// is idle after start-up, until the first request: V8 first runs wasm from its baseline
// compiler and optimises the functions that run hot, so a first 10 KB parse right after the
// warm-up takes 2-4x as long as once they are optimised.
function warmText() {
  const places = ['Lisbon', 'Nairobi', 'Osaka', 'Lima', 'Oslo', 'Hanoi', 'Quito', 'Accra'];
  const people = ['Ana Costa', 'Kofi Mensah', 'Mei Tanaka', 'Luis Vargas', 'Ingrid Berg', 'Tran Minh', 'Sofia Ruiz', 'Ama Owusu'];
  const orgs = ['the Central Bank', 'the Port Authority', 'Northwind Energy', 'the Health Ministry'];
  const news = ['holds rates as inflation cools', 'opens new rail line', 'faces strike over pay', 'wins late election count', 'cuts fuel tax by 5%', 'plans $1.2 billion bond sale'];
  const lines = [];
  for (let i = 0; i < 36; i++) lines.push('-', `${places[i % 8]} ${news[i % 6]}${i % 5 === 0 ? ` - ${10 + (i % 12)}:${i % 6}5` : ''}`);
  lines.push('-', 'Storm closes ports along the coast', 'By Rui Lopes', 'March 3, 2026, 9:41 AM');
  for (let p = 0; p < 10; p++) {
    const [a, b] = [people[p % 8], people[(p + 3) % 8]];
    const lead = p === 0 ? 'LISBON, March 3 (Reuters) - ' : '';
    lines.push(`${lead}${a}, who heads ${orgs[p % 4]}, said on Monday the state would spend $${p + 2}.5 billion, or ${p + 3}% of its budget, on repairs in ${places[(p + 1) % 8]} by June ${2026 + (p % 2)}. "We will rebuild, and we will do it quickly," ${a.split(' ')[1]} told reporters. ${b} said the plan was "a good start" last week.`);
    if (p === 4) lines.push('What happens next');
  }
  lines.push('Reporting by Rui Lopes; Editing by Mei Tanaka', '(END)');
  return lines.join('\n');
}
const IDLE_WARM_UP = warmText();
// the options of a cold page's first request (app.js asks for the structure alone first)
const STRUCTURE_ONLY = { entities: false, quotes: false, times: false, amounts: false, clusters: false };
// Idle warm-up after ready: at most this many parses of IDLE_WARM_UP (about 0.7 s of one core
// in all on a 2-core box; each round is a separate task, so a request waits for one round at most).
const IDLE_ROUNDS = 15;
const IDLE_DELAY_MS = 300;

// gleaner.js imports gleaner_wasm.js: fetch both at once instead of one after the other
import('./pkg/gleaner_wasm.js');
const ready = import('./pkg/gleaner.js').then(async (m) => {
  timeline.imported = now();
  ({ Gleaner, init: loadModel, version } = m);
  const module = await compiled;
  timeline.compiled = now();
  await m.default({ module_or_path: module });
}).then(
  () => {
    timeline.instantiated = now();
    // decode the tagger model now, not on the first parse; but a request already waiting is
    // a cold page's structure-only request, which needs no model: it goes first, the model is
    // decoded in the next task (before the whole-document request the page sends once it has
    // painted the structure)
    if (asked()) setTimeout(loadModel, 0);
    else loadModel();
    timeline.model = now();
    // a request already waiting is the warm-up: parsing a text nobody asked for would only delay it
    if (!asked()) handleFor(STRUCTURE_ONLY).parse(WARM_UP);
    timeline.warm = now();
    const { start, compiled: c, instantiated: i, model, warm } = timeline;
    self.postMessage({ type: 'ready', version: version(), wasmMs: i - start, modelMs: model - i, warmMs: warm - model, compileMs: c - start, timeline });
    // the rest of the warm-up in later tasks, so that a request arriving meanwhile waits for
    // one stage at most; the idle rounds not at once: a request sent while the page loaded may
    // still be on its way
    if (!asked()) setTimeout(() => warmStages(0), 0);
    return true;
  },
  (err) => { self.postMessage({ type: 'error', id: null, message: `could not load gleaner: ${err?.message ?? err}` }); return false; },
);

/** The warm-up after the structure's (which runs before `ready`): each stage parses WARM_UP
 *  with one more extractor group on, one stage per task, while no request comes after the
 *  `seen`th; then, if no request came at all, the idle rounds. The structure comes first
 *  because a cold page asks for it first; after that structure-only request the stages go on
 *  while the page paints it, before it asks for the whole document. */
const WARM_STAGES = [{ ...STRUCTURE_ONLY, entities: true }, undefined];
let stagesWarm = 0; // WARM_STAGES parsed so far
function warmStages(seen) {
  if (requests !== seen) return;
  if (stagesWarm >= WARM_STAGES.length) {
    if (!asked()) setTimeout(() => idleWarm(IDLE_ROUNDS), IDLE_DELAY_MS);
    return;
  }
  try { handleFor(WARM_STAGES[stagesWarm]).parse(WARM_UP); } catch { return; }
  stagesWarm += 1;
  setTimeout(() => warmStages(seen), 0);
}

/** Parse IDLE_WARM_UP, one round per task, `rounds` times or until the first request comes. */
function idleWarm(rounds) {
  if (asked() || rounds <= 0) return;
  try { handleFor(undefined).parse(IDLE_WARM_UP); } catch { return; }
  setTimeout(() => idleWarm(rounds - 1), 0);
}

/** Compile the module at `url` while it downloads; where streaming compilation is missing or
 *  refused (a server that does not say application/wasm), from the downloaded bytes. */
async function compileWasm(url) {
  const response = fetch(url);
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(response);
    } catch (err) {
      const r = await response;
      if (!r.ok) throw new Error(`failed to fetch ${url}: HTTP ${r.status}`);
      if (r.headers.get('content-type') === 'application/wasm') throw err;
    }
  }
  const r = await fetch(url);
  if (!r.ok) throw new Error(`failed to fetch ${url}: HTTP ${r.status}`);
  return WebAssembly.compile(await r.arrayBuffer());
}

function handleFor(options) {
  const key = JSON.stringify(options ?? {});
  let g = handles.get(key);
  if (!g) {
    g = new Gleaner(options ?? undefined); // throws an Error with a clear message for bad options
    if (handles.size >= 8) {
      const [oldKey, old] = handles.entries().next().value;
      handles.delete(oldKey);
      old.free();
    }
    handles.set(key, g);
  }
  return g;
}

const REQUEST_KEYS = ['id', 'text', 'options', 'stream'];
let spent = null; // set when the module ran out of memory: every later request gets this error

/** What is wrong with request `m`, or null. */
function badRequest(m) {
  if (m === null || typeof m !== 'object' || Array.isArray(m)) return 'expected a message { id, text, options?, stream? }';
  const unknown = Object.keys(m).filter((k) => !REQUEST_KEYS.includes(k));
  if (unknown.length) return `unknown message field ${JSON.stringify(unknown[0])}; expected ${REQUEST_KEYS.join(', ')}`;
  if (!((typeof m.id === 'number' && Number.isFinite(m.id)) || typeof m.id === 'string')) return 'id must be a number or a string';
  if (typeof m.text !== 'string') return `text must be a string, got ${m.text === null ? 'null' : typeof m.text}`;
  if (m.options != null && (typeof m.options !== 'object' || Array.isArray(m.options))) return 'options must be an object such as { referenceDate: "2026-01-09" }';
  if (m.stream !== undefined && !(Number.isInteger(m.stream) && m.stream >= 0 && m.stream <= 2 ** 31)) {
    return `stream must be a whole number of items from 0 (no chunks) to 2147483648, got ${String(m.stream)}`;
  }
  return null;
}

self.onmessage = async (event) => {
  if (!asked()) timeline.asked = now();
  requests += 1;
  const m = event.data;
  const id = (typeof m?.id === 'number' && Number.isFinite(m.id)) || typeof m?.id === 'string' ? m.id : null;
  if (!(await ready)) return;
  const problem = badRequest(m);
  if (problem) { self.postMessage({ type: 'error', id, message: `bad request: ${problem}` }); return; }
  if (spent) { self.postMessage({ type: 'error', id, message: spent, fatal: true }); return; }
  try {
    const g = handleFor(m.options);
    const t0 = performance.now();
    const document = g.parseWithProgress(m.text, (done, total, stage, fraction) => {
      self.postMessage({ type: 'progress', id, done, total, stage, fraction });
    });
    const ms = performance.now() - t0;
    if (m.stream > 0) postStreamed(id, document, ms, m.stream);
    else self.postMessage({ type: 'result', id, document, ms });
    // after a structure-only request (a cold page's first), warm the other stages up while
    // the page paints it
    if (m.options?.entities === false && stagesWarm < WARM_STAGES.length) setTimeout(() => warmStages(requests), 0);
  } catch (err) {
    const message = String(err?.message ?? err);
    // a trap (out of memory) leaves the module unusable: say so, and the page starts a new worker
    if (err?.cause instanceof WebAssembly.RuntimeError) spent = message;
    self.postMessage({ type: 'error', id, message, ...(spent ? { fatal: true } : {}) });
  }
};

/** About this many bytes of JSON per small item: a chunk holds at most `n` items and about
 *  `n * ITEM_BYTES` bytes, so that receiving one stays a short task on the page however large
 *  its items are (an article with its paragraphs, an entity with thousands of mentions). */
const ITEM_BYTES = 160;

/** Items per chunk for `items`: `n`, or fewer when its items are large (JSON size of up to 16
 *  items spread over the array). */
function chunkSize(items, n) {
  const probes = Math.min(16, items.length);
  let bytes = 0;
  for (let k = 0; k < probes; k++) bytes += JSON.stringify(items[Math.floor((k * items.length) / probes)]).length;
  return Math.max(1, Math.min(n, Math.floor((n * ITEM_BYTES * probes) / Math.max(1, bytes))));
}

function postStreamed(id, document, ms, n) {
  const shell = {};
  const streamed = [];
  for (const [key, value] of Object.entries(document)) {
    const per = Array.isArray(value) && value.length > 1 ? chunkSize(value, n) : Infinity;
    if (Array.isArray(value) && value.length > per) {
      for (let i = 0; i < value.length; i += per) self.postMessage({ type: 'chunk', id, key, items: value.slice(i, i + per) });
      shell[key] = [];
      streamed.push(key);
    } else {
      shell[key] = value;
    }
  }
  self.postMessage({ type: 'result', id, document: shell, ms, streamed });
}
