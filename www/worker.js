// gleaner module Web Worker: loads the wasm once, then answers parse requests off the main thread.
//   in:  { id, text, options?, stream? }
//   out: { type: 'ready', version, wasmMs, modelMs }     once, when the module and model are loaded
//        { type: 'progress', id, done, total, stage, fraction }  between pipeline stages and
//                                                        within entities on long dumps
//        { type: 'result', id, document, ms }            the Document (spans in UTF-16 units)
//        with stream: N, arrays longer than N items come first as { type: 'chunk', id, key, items }
//        messages and are empty in the final result (listed in its `streamed`): receiving one
//        huge object graph would block the page's main thread for seconds
//        { type: 'error', id, message }                  bad options, or the module failed to load
// Shipped in the package as gleaner/worker (see worker.d.ts). Create it with { type: 'module' }.
import init, { Gleaner, init as loadModel, version } from './pkg/gleaner.js';

const handles = new Map(); // JSON of options -> Gleaner (options are validated once per bag)
const t0 = performance.now();
const ready = init().then(
  () => {
    const t1 = performance.now();
    loadModel(); // decode the tagger model and gazetteers now, not on the first parse
    const t2 = performance.now();
    self.postMessage({ type: 'ready', version: version(), wasmMs: t1 - t0, modelMs: t2 - t1 });
    return true;
  },
  (err) => { self.postMessage({ type: 'error', id: null, message: `could not load gleaner: ${err?.message ?? err}` }); return false; },
);

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

self.onmessage = async (event) => {
  const { id = null, text, options, stream = 0 } = event.data ?? {};
  if (!(await ready)) return;
  try {
    if (typeof text !== 'string') throw new TypeError('expected a message { id, text: string, options? }');
    const g = handleFor(options);
    const t0 = performance.now();
    const document = g.parseWithProgress(text, (done, total, stage, fraction) => {
      self.postMessage({ type: 'progress', id, done, total, stage, fraction });
    });
    const ms = performance.now() - t0;
    if (stream > 0) postStreamed(id, document, ms, stream);
    else self.postMessage({ type: 'result', id, document, ms });
  } catch (err) {
    self.postMessage({ type: 'error', id, message: String(err?.message ?? err) });
  }
};

function postStreamed(id, document, ms, n) {
  const shell = {};
  const streamed = [];
  for (const [key, value] of Object.entries(document)) {
    if (Array.isArray(value) && value.length > n) {
      for (let i = 0; i < value.length; i += n) self.postMessage({ type: 'chunk', id, key, items: value.slice(i, i + n) });
      shell[key] = [];
      streamed.push(key);
    } else {
      shell[key] = value;
    }
  }
  self.postMessage({ type: 'result', id, document: shell, ms, streamed });
}
