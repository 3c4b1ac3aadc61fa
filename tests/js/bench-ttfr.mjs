// Time to first result for a 10 KB dump on a cold page load, in headless Chromium, side by
// side with a page that loads compromise (npm dev dependency) and runs it on the same text in
// the same run (this box is noisy: the ratio is what counts).
// Usage (after `make build` or `make test`): node tests/js/bench-ttfr.mjs [runs=5]
// Each run: a fresh browser context (empty cache), load the page, type the dump as soon as the
// text box exists, wait for the rendered result; reports performance.mark('gleaner:first-result')
// (ms since navigation start), the worker's start-up and the first parse's time.
import { launch, openPage, readSample, ROOT } from './helpers.mjs';
import { startServer } from '../../.ci/serve.mjs';

const runs = Number(process.argv[2] ?? 5);
const base = await readSample();
const text = `${base}\n${base}`.slice(0, 10 * 1024);
const env = await launch();
// the comparison page and compromise itself, served from the repo root
const repo = await startServer({ root: ROOT });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { gleaner: [], compromise: [], gleanerParse: [], compromiseParse: [] };

async function measure(url) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  // set the value and fire one input event (Playwright's fill takes ~50 s on this plain textarea)
  await page.waitForSelector('#input');
  await page.evaluate((t) => { const i = document.getElementById('input'); i.value = t; i.dispatchEvent(new Event('input')); }, text);
  await page.waitForSelector('body[data-results="1"]', { timeout: 60_000 });
  const r = await page.evaluate(() => ({
    first: performance.getEntriesByName('gleaner:first-result')[0].startTime,
    parseMs: performance.getEntriesByName('gleaner:first-result')[0].detail?.parseMs,
    ready: performance.getEntriesByName('gleaner:worker-ready')[0]?.startTime,
    readyDetail: performance.getEntriesByName('gleaner:worker-ready')[0]?.detail,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    status: document.getElementById('status').textContent,
  }));
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return r;
}

try {
  for (let i = 0; i < runs; i++) {
    // alternate the order so that neither page always runs on a warmer box
    for (const which of i % 2 ? ['compromise', 'gleaner'] : ['gleaner', 'compromise']) {
      if (which === 'gleaner') {
        const { page, context, problems } = await openPage(env, { waitReady: false });
        await page.fill('#input', text);
        await page.waitForSelector('body[data-results="1"]', { timeout: 60_000 });
        const r = await page.evaluate(() => ({
          first: performance.getEntriesByName('gleaner:first-result')[0].startTime,
          ready: (({ startTime, detail }) => ({ startTime, detail }))(performance.getEntriesByName('gleaner:worker-ready')[0]),
          sent: performance.getEntriesByName('gleaner:parse-sent')[0].startTime,
          dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
          status: document.getElementById('status').textContent,
        }));
        await context.close();
        if (problems.length) throw new Error(problems.join('\n'));
        const parseMs = Number(r.status.match(/Parsed in (\d+) ms/)?.[1]);
        results.gleaner.push(r.first);
        results.gleanerParse.push(parseMs);
        const { wasmMs, modelMs, warmMs } = r.ready.detail;
        console.log(`run ${i + 1} gleaner:    first result ${r.first.toFixed(0)} ms (DOMContentLoaded ${r.dcl.toFixed(0)}; worker ready ${r.ready.startTime.toFixed(0)} = wasm ${wasmMs.toFixed(0)} + model ${modelMs.toFixed(0)} + warm-up parse ${warmMs.toFixed(0)} after the worker script ran; first 10 KB parse ${parseMs} ms)`);
      } else {
        const r = await measure(`${repo.url}tests/js/ttfr/compromise.html`);
        results.compromise.push(r.first);
        results.compromiseParse.push(r.parseMs);
        console.log(`run ${i + 1} compromise: first result ${r.first.toFixed(0)} ms (DOMContentLoaded ${r.dcl.toFixed(0)}; first 10 KB run ${r.parseMs.toFixed(0)} ms: people, places, organisations)`);
      }
    }
  }
} finally {
  await env.close();
  await repo.close();
}
const [g, c] = [median(results.gleaner), median(results.compromise)];
console.log(`time to first result, 10 KB dump, cold load, median of ${runs}: gleaner ${g.toFixed(0)} ms (first parse ${median(results.gleanerParse)} ms), `
  + `compromise ${c.toFixed(0)} ms (first run ${median(results.compromiseParse).toFixed(0)} ms); gleaner/compromise ${(g / c).toFixed(2)}`);
