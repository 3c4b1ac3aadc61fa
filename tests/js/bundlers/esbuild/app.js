// The esbuild recipe's browser app (built by tests/js/bundlers.test.mjs, see the README):
// gleaner on the main thread and in its module worker.
import init, { parse } from 'gleaner';

await init(); // fetches gleaner_bg.wasm next to the bundle
const doc = parse('-\nFirst headline from the bundle\n-\nSecond headline from the bundle\n');
document.body.dataset.main = doc.headlines.map((h) => h.text).join('|');

// the package's worker, bundled as its own entry point (dist/worker.js)
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }) => {
  if (data.type === 'result') document.body.dataset.worker = data.document.headlines.map((h) => h.text).join('|');
  if (data.type === 'error') document.body.dataset.worker = `error: ${data.message}`;
};
worker.postMessage({ id: 1, text: '-\nA worker headline\n-\nAnother worker headline\n' });
