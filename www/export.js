// JSON and CSV out of a Document, built from parts: no single giant string (a 50 MB document
// as one string throws RangeError in the browser), and built in time slices so that a 10 MB
// document never blocks the page's main thread for long.

const SLICE_MS = 25; // work this long, then let the page handle input and paint
const PART_NODES = 2000; // values (objects, arrays, strings, numbers…) stringified at a time, at most

/** Yield to the event loop. */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Collect an iterable of strings, yielding to the page every SLICE_MS. */
export async function collect(parts) {
  const out = [];
  let t = performance.now();
  for (const p of parts) {
    out.push(p);
    if (performance.now() - t > SLICE_MS) {
      await breathe();
      t = performance.now();
    }
  }
  return out;
}

/** The number of values in `v` (itself, and every member and item inside), counting to `limit` at most. */
function nodes(v, limit) {
  let n = 0;
  const stack = [v];
  while (stack.length && n < limit) {
    const x = stack.pop();
    n += 1;
    if (x !== null && typeof x === 'object') for (const k in x) stack.push(x[k]);
  }
  return n;
}

/** JSON.stringify(v, null, 2) of a value nested at `pad` (its lines after the first indented by it). */
const pretty = (v, pad) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${pad}`);

/**
 * `JSON.stringify(value, null, 2)`, nested at `pad`, in parts of at most about PART_NODES
 * values each: small items of an array are stringified together, big ones (an entity with
 * thousands of mentions) member by member, so that joining the parts gives exactly the same
 * text and no part takes long to build.
 */
function* parts(value, pad) {
  if (value === null || typeof value !== 'object' || nodes(value, PART_NODES) < PART_NODES) {
    yield pretty(value, pad);
    return;
  }
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    yield '[\n';
    let batch = [];
    let size = 0;
    // a batch of small items: JSON.stringify of `[a, b]` is `[\n  a,\n  b\n]`; its inside, at this depth
    const flush = function* (last) {
      if (!batch.length) return;
      yield `${pad}${pretty(batch, pad).slice(2 + pad.length, -2 - pad.length)}${last ? '\n' : ',\n'}`;
      batch = [];
      size = 0;
    };
    for (let i = 0; i < value.length; i++) {
      const n = nodes(value[i], PART_NODES);
      if (n >= PART_NODES) {
        yield* flush(false);
        yield inner;
        yield* parts(value[i], inner);
        yield i < value.length - 1 ? ',\n' : '\n';
      } else {
        if (size + n > PART_NODES) yield* flush(false);
        batch.push(value[i]);
        size += n;
      }
    }
    yield* flush(true);
    yield `${pad}]`;
  } else {
    const keys = Object.keys(value);
    yield '{\n';
    for (let k = 0; k < keys.length; k++) {
      yield `${inner}${JSON.stringify(keys[k])}: `;
      yield* parts(value[keys[k]], inner);
      yield k < keys.length - 1 ? ',\n' : '\n';
    }
    yield `${pad}}`;
  }
}

/** `JSON.stringify(doc, null, 2)` in parts (see `parts`): joined, exactly the same text. */
export function* jsonParts(doc) {
  yield* parts(doc, '');
}

/** The first `limit` UTF-16 units of the pretty JSON, and whether it was cut. */
export async function jsonHead(doc, limit) {
  const out = [];
  let n = 0;
  let t = performance.now();
  for (const p of jsonParts(doc)) {
    out.push(p);
    n += p.length;
    if (n >= limit) return { text: out.join('').slice(0, limit), cut: true };
    if (performance.now() - t > SLICE_MS) { await breathe(); t = performance.now(); }
  }
  return { text: out.join(''), cut: false };
}

/**
 * Text that a spreadsheet would read as a formula: it starts, possibly after spaces, with =,
 * +, -, @ or their fullwidth forms, or with a tab or line break (OWASP "CSV Injection"). The
 * CLI's --csv uses the same rule.
 */
const FORMULA = /^[\t\r\n]|^[\s\u0085\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV cell (RFC 4180 quoting); formula-like text gets a leading ' so it stays text.
 * Numbers are ours, not the dump's, and are written as they are, so -3 stays a number.
 */
export function csvCell(v) {
  if (typeof v === 'number') return String(v);
  let s = v === null || v === undefined ? '' : String(v);
  if (FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV table in parts: the header line, then one line per item. */
function* csvParts(header, items, row) {
  yield `${header.join(',')}\r\n`;
  for (let i = 0; i < items.length; i++) yield `${row(items[i], i).map(csvCell).join(',')}\r\n`;
}

export function roleText(r) {
  return [r.title, r.organization && `at ${r.organization}`, r.country && `of ${r.country}`].filter(Boolean).join(' ');
}

/** The canonical name of a quote's speaker: its entity's name, else the resolved name. */
export function quoteSpeakerName(doc, q) {
  if (q.entity != null && doc.entities[q.entity]) return doc.entities[q.entity].name;
  return q.speakerName ?? null;
}

/** The page's CSV tables (the CLI's `--csv` prints the same columns, with byte offsets). */
export const CSV_TABLES = {
  entities: (doc) => csvParts(
    ['id', 'name', 'label', 'count', 'salience', 'aliases', 'roles', 'country_code', 'related_country', 'first_start', 'first_end'],
    doc.entities, (e) => [e.id, e.name, e.label, e.count, e.salience, e.aliases.join('; '), e.roles.map(roleText).join('; '),
      e.countryCode, e.relatedCountry, e.first.start, e.first.end]),
  mentions: (doc) => csvParts(
    ['index', 'text', 'label', 'start', 'end', 'confidence', 'entity_id', 'entity_name'],
    doc.mentions, (m, i) => [i, m.text, m.label, m.span.start, m.span.end, m.confidence, m.entity,
      m.entity != null && doc.entities[m.entity] ? doc.entities[m.entity].name : '']),
  quotes: (doc) => csvParts(
    ['index', 'speaker', 'speaker_name', 'entity_id', 'cue', 'text', 'start', 'end', 'article'],
    doc.quotes, (q, i) => [i, q.speaker, quoteSpeakerName(doc, q), q.entity, q.cue, q.text, q.span.start, q.span.end, q.article]),
  amounts: (doc) => csvParts(
    ['index', 'text', 'kind', 'value', 'upper', 'currency', 'unit', 'start', 'end'],
    doc.amounts, (a, i) => [i, a.text, a.kind, a.value, a.upper, a.currency, a.unit, a.span.start, a.span.end]),
};

/**
 * A Blob of `parts`, built in time slices: a Blob of small Blobs (about 256 KB each), so
 * that neither a giant string nor one long copy into a Blob happens on the main thread.
 */
export async function blobOf(parts, type) {
  const blobs = [];
  let buf = [];
  let size = 0;
  let t = performance.now();
  for (const p of parts) {
    buf.push(p);
    size += p.length;
    if (size >= 1 << 18) { blobs.push(new Blob(buf)); buf = []; size = 0; }
    if (performance.now() - t > SLICE_MS) {
      await breathe();
      t = performance.now();
    }
  }
  blobs.push(new Blob(buf));
  return new Blob(blobs, { type });
}

/** Offer `blob` as a download named `name`. */
export function saveBlob(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Put `blob` (text) on the clipboard without turning it into one string. */
export async function copyBlob(blob) {
  if (typeof ClipboardItem === 'function' && navigator.clipboard.write) {
    await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
  } else {
    await navigator.clipboard.writeText(await blob.text());
  }
}
