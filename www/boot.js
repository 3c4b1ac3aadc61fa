// Starts the parser worker as the page starts. index.html loads this module first and async, so
// the worker's script, the wasm download and its compilation run while the page's own modules
// (app.js and its imports) are still loading. app.js takes the worker over with takeWorker().
performance.mark('gleaner:boot');
let early = start();

function start() {
  // pkg/page-worker.js is worker.js with its imports bundled in (.ci/build.sh): its start-up
  // waits for one script, not for a script and then its imports (a round trip each)
  const worker = new Worker(new URL('./pkg/page-worker.js', import.meta.url), { type: 'module' });
  const held = []; // events that arrive before app.js has taken the worker over
  worker.onmessage = (e) => held.push(e);
  worker.onerror = (e) => { e.preventDefault(); held.push(e); };
  return { worker, held };
}

/** The worker started with the page (the first call), else a new one; and the events it sent so far. */
export function takeWorker() {
  const w = early ?? start();
  early = null;
  return w;
}
