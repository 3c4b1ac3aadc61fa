// The webpack 5 recipe's app (built by tests/js/bundlers.test.mjs with the webpack API):
// gleaner on the main thread and in its module worker.
import init, { parse } from 'gleaner';

await init(); // webpack emits gleaner_bg.wasm as an asset (new URL(..., import.meta.url))
const doc = parse('-\nFirst headline from the bundle\n-\nSecond headline from the bundle\n');
document.body.dataset.main = doc.headlines.map((h) => h.text).join('|');

// a one-line local worker module that imports the package's worker: webpack bundles it as a worker chunk
const worker = new Worker(new URL('./gleaner-worker.js', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }) => {
  if (data.type === 'result') document.body.dataset.worker = data.document.headlines.map((h) => h.text).join('|');
  if (data.type === 'error') document.body.dataset.worker = `error: ${data.message}`;
};
worker.postMessage({ id: 1, text: '-\nA worker headline\n-\nAnother worker headline\n' });
