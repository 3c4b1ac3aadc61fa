// Time to first result for a 10 KB dump on a cold page load, in headless Chromium.
// Usage (after `make build` or `make test`): node tests/js/bench-ttfr.mjs [runs=5]
// Each run: a fresh browser context (empty cache), load the page, type the dump as soon as the
// text box exists, wait for the rendered result; reports performance.mark('gleaner:first-result')
// (ms since navigation start) and the worker's parse time.
import { launch, openPage, readSample } from './helpers.mjs';

const runs = Number(process.argv[2] ?? 5);
const base = await readSample();
const text = `${base}\n${base}`.slice(0, 10 * 1024);
const env = await launch();
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const { page, context, problems } = await openPage(env, { waitReady: false });
    await page.fill('#input', text);
    await page.waitForSelector('body[data-results="1"]', { timeout: 60_000 });
    const r = await page.evaluate(() => ({
      first: performance.getEntriesByName('gleaner:first-result')[0].startTime,
      ready: (({ startTime, detail }) => ({ startTime, detail }))(performance.getEntriesByName('gleaner:worker-ready')[0]),
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      status: document.getElementById('status').textContent,
    }));
    if (problems.length) throw new Error(problems.join('\n'));
    results.push(r.first);
    const { wasmMs, modelMs, warmMs } = r.ready.detail;
    console.log(`run ${i + 1}: first result ${r.first.toFixed(0)} ms after navigation start (DOMContentLoaded ${r.dcl.toFixed(0)} ms; worker ready ${r.ready.startTime.toFixed(0)} ms = wasm ${wasmMs.toFixed(0)} + model ${modelMs.toFixed(0)} + warm-up parse ${warmMs?.toFixed(0)}; ${r.status})`);
    await context.close();
  }
} finally {
  await env.close();
}
results.sort((a, b) => a - b);
console.log(`time to first result, 10 KB dump, cold load: median ${results[Math.floor(results.length / 2)].toFixed(0)} ms, min ${results[0].toFixed(0)} ms, max ${results.at(-1).toFixed(0)} ms over ${runs} runs`);
