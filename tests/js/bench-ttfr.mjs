// Time to first result for a 10 KB dump on a cold page load, in headless Chromium, side by
// side with a page that loads compromise (npm dev dependency) and runs it on the same text in
// the same run (this box is noisy: the ratio is what counts).
// Usage (after `make build` or `make test`): node tests/js/bench-ttfr.mjs [runs=5]
// GLEANER_TTFR_IDLE_MS (default 2000): the pause after ready in the "pasted later" runs.
// GLEANER_TTFR_SETTLE_MS (default 1500): the pause before each load while a new context's window starts.
// GLEANER_TTFR_BASE=DIR also loads the page served from DIR (say a copy of an earlier www/ with
// its pkg/) in the same runs, so that a change is measured against it side by side.
// Each run: a fresh browser context (empty cache), load the page, put the dump in the text box
// as soon as it exists, wait until the result is painted: performance.mark('gleaner:first-result')
// (ms since navigation start) on both pages. For gleaner it also prints where the time went: the
// page's marks and the worker's start-up steps on the page's clock (app.js marks them
// gleaner:worker:<step> from the worker's ready message), and the first parse inside the worker.
// The first result may be the structure alone (a cold worker sends it first); the first whole
// document painted is gleaner:first-full-result (printed as "whole").
import { launch, readSample, ROOT } from './helpers.mjs';
import { startServer } from '../../.ci/serve.mjs';

const runs = Number(process.argv[2] ?? 5);
// the pause between the page saying it is ready and the paste, in the "pasted later" runs
const IDLE_MS = Number(process.env.GLEANER_TTFR_IDLE_MS ?? 2000);
// the pause between opening a fresh context's page (about:blank) and loading the page (see measure)
const SETTLE_MS = Number(process.env.GLEANER_TTFR_SETTLE_MS ?? 1500);
const base = await readSample();
const text = `${base}\n${base}`.slice(0, 10 * 1024);
const env = await launch();
// the comparison page and compromise itself, served from the repo root
const repo = await startServer({ root: ROOT });
const baseDir = process.env.GLEANER_TTFR_BASE;
const base0 = baseDir ? await startServer({ root: baseDir }) : null;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { idle: [], baseIdle: [], gleaner: [], compromise: [], gleanerParse: [], compromiseParse: [], typed: [], compromiseTyped: [], baseTyped: [], steps: [], afterReady: [], afterReadyParse: [], whole: [], base: [], baseParse: [], baseWhole: [] };

/** Load `url` (or the gleaner page) in a fresh context, type `text` at once (or, with
 *  `whenReady`, once the page says its parser is ready); its marks (name → ms). */
async function measure(url, { whenReady = false, idleMs = 0, srv } = {}) {
  // every page the same way: a fresh context (empty cache), no request interception (the page
  // tests' guard routes each request through Playwright, a round trip per request), and the
  // page loaded only once the new context's browser window has settled: a new context opens a
  // window whose omnibox popup (chrome://omnibox-popup.top-chrome, a WebUI renderer) takes
  // about 1 s of CPU as it starts, which on a 2-core box lands on whichever page loads then
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  if (SETTLE_MS) await page.waitForTimeout(SETTLE_MS);
  await page.goto(url ?? (srv ?? env.srv).url);
  // set the value and fire one input event (Playwright's fill is slow on a big plain textarea)
  await page.waitForSelector(whenReady ? 'body[data-ready="true"]' : '#input');
  if (idleMs) await page.waitForTimeout(idleMs);
  await page.evaluate((t) => { performance.mark('gleaner:typed'); const i = document.getElementById('input'); i.value = t; i.dispatchEvent(new Event('input')); }, text);
  await page.waitForFunction(() => performance.getEntriesByName('gleaner:first-result').length > 0, null, { timeout: 60_000 });
  // the gleaner page: also until the whole document is shown (its status then says the parse time)
  if (!url) await page.waitForSelector('body[data-results="1"]', { timeout: 60_000 });
  const r = await page.evaluate(() => ({
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace(/^gleaner:/, ''), m.startTime])),
    parseMs: performance.getEntriesByName('gleaner:first-result')[0].detail?.parseMs,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    status: document.getElementById('status').textContent,
  }));
  await context.close();
  if (problems.length) throw new Error(problems.join('\n'));
  return r;
}

try {
  // one throwaway load: a freshly launched Chromium starts its own background pages, which would
  // slow down whichever page the first run loads
  await measure();
  for (let i = 0; i < runs; i++) {
    // alternate the order so that neither page always runs on a warmer box
    for (const which of i % 2 ? ['compromise', 'base', 'gleaner'] : ['gleaner', 'base', 'compromise']) {
      if (which === 'base') {
        if (!base0) continue;
        const r = await measure(undefined, { srv: base0 });
        const parseMs = Number(r.status.match(/Parsed in (\d+) ms/)?.[1]);
        results.base.push(r.marks['first-result']);
        results.baseTyped.push(r.marks['first-result'] - r.marks.typed);
        results.baseParse.push(parseMs);
        results.baseWhole.push(r.marks['first-full-result'] ?? r.marks['first-result']);
        console.log(`run ${i + 1} base page:  first result ${r.marks['first-result'].toFixed(0)} ms; whole ${(r.marks['first-full-result'] ?? r.marks['first-result']).toFixed(0)} ms; first 10 KB parse ${parseMs} ms`);
      } else if (which === 'gleaner') {
        const r = await measure();
        const m = r.marks;
        const parseMs = Number(r.status.match(/Parsed in (\d+) ms/)?.[1]);
        results.gleaner.push(m['first-result']);
        results.typed.push(m['first-result'] - m.typed);
        results.gleanerParse.push(parseMs);
        results.whole.push(m['first-full-result'] ?? m['first-result']);
        const steps = [['worker started', 'boot'], ['worker script runs', 'worker:start'], ['JS imported', 'worker:imported'],
          ['wasm compiled', 'worker:compiled'], ['instantiated', 'worker:instantiated'], ['model', 'worker:model'],
          ['request arrives', 'worker:asked'], ['warm-up parse', 'worker:warm'], ['typed', 'typed'], ['ready', 'worker-ready'], ['app.js runs', 'app-start'], ['structure received', 'structure-received'],
          ['structure rendered', 'structure-rendered'], ['painted', 'first-result'], ['parse sent', 'parse-sent'],
          ['result received', 'result-received'], ['rendered', 'rendered'], ['whole painted', 'first-full-result']];
        results.steps.push(Object.fromEntries(steps.map(([label, k]) => [label, m[k]])));
        const line = steps.filter(([, k]) => m[k] !== undefined).sort((a, b) => m[a[1]] - m[b[1]]).map(([label, k]) => `${label} ${m[k].toFixed(0)}`).join(', ');
        console.log(`run ${i + 1} gleaner:    first result ${m['first-result'].toFixed(0)} ms; first 10 KB parse ${parseMs} ms (${line})`);
        // as a person would: the dump pasted once the page is ready
        const w = await measure(undefined, { whenReady: true });
        const wParse = Number(w.status.match(/Parsed in (\d+) ms/)?.[1]);
        results.afterReady.push(w.marks['first-result'] - w.marks.typed);
        results.afterReadyParse.push(wParse);
        console.log(`run ${i + 1} gleaner, pasted when ready (at ${w.marks.typed.toFixed(0)} ms): painted ${(w.marks['first-result'] - w.marks.typed).toFixed(0)} ms later (whole ${((w.marks['first-full-result'] ?? w.marks['first-result']) - w.marks.typed).toFixed(0)} ms), first 10 KB parse ${wParse} ms`);
        // as a person would more often: the page loaded, the dump pasted a little later
        for (const [key, srv] of [['idle', undefined], ...(base0 ? [['baseIdle', base0]] : [])]) {
          const d = await measure(undefined, { whenReady: true, idleMs: IDLE_MS, srv });
          const dParse = Number(d.status.match(/Parsed in (\d+) ms/)?.[1]);
          results[key].push(dParse);
          console.log(`run ${i + 1} ${key === 'idle' ? 'gleaner' : 'base page'}, pasted ${IDLE_MS} ms after ready: first 10 KB parse ${dParse} ms, painted ${(d.marks['first-result'] - d.marks.typed).toFixed(0)} ms after the paste`);
        }
      } else {
        const r = await measure(`${repo.url}tests/js/ttfr/compromise.html`);
        results.compromise.push(r.marks['first-result']);
        results.compromiseTyped.push(r.marks['first-result'] - r.marks.typed);
        results.compromiseParse.push(r.parseMs);
        console.log(`run ${i + 1} compromise: first result ${r.marks['first-result'].toFixed(0)} ms; first 10 KB run ${r.parseMs.toFixed(0)} ms: people, places, organisations (DOMContentLoaded ${r.dcl.toFixed(0)}, typed ${r.marks.typed.toFixed(0)})`);
      }
    }
  }
} finally {
  await env.close();
  await repo.close();
  await base0?.close();
}
const [g, c] = [median(results.gleaner), median(results.compromise)];
const [gp, cp] = [median(results.gleanerParse), median(results.compromiseParse)];
const stepMedians = Object.keys(results.steps[0]).map((k) => [k, median(results.steps.map((s) => s[k]).filter((x) => x !== undefined))]);
console.log(`gleaner medians (ms after navigation start): ${stepMedians.map(([k, v]) => `${k} ${v?.toFixed(0)}`).join(', ')}`);
console.log(`time to first result, 10 KB dump, cold load, median of ${runs}: gleaner ${g.toFixed(0)} ms (first parse ${gp} ms), `
  + `compromise ${c.toFixed(0)} ms (first run ${cp.toFixed(0)} ms); gleaner/compromise ${(g / c).toFixed(2)} (first result), ${(gp / cp).toFixed(2)} (first parse)`);
console.log(`first result after the text was put in (median): gleaner ${median(results.typed).toFixed(0)} ms, compromise ${median(results.compromiseTyped).toFixed(0)} ms (${(median(results.typed) / median(results.compromiseTyped)).toFixed(2)})${base0 ? `; base page ${median(results.baseTyped).toFixed(0)} ms (gleaner/base ${(median(results.typed) / median(results.baseTyped)).toFixed(2)})` : ''}`);
console.log(`whole document painted, median: gleaner ${median(results.whole).toFixed(0)} ms${base0 ? `; base page: first result ${median(results.base).toFixed(0)} ms, whole ${median(results.baseWhole).toFixed(0)} ms, first parse ${median(results.baseParse)} ms; gleaner/base ${(g / median(results.base)).toFixed(2)} (first result), ${(median(results.whole) / median(results.baseWhole)).toFixed(2)} (whole), ${(gp / median(results.baseParse)).toFixed(2)} (first parse)` : ''}`);
console.log(`gleaner, pasted once the page is ready: result painted ${median(results.afterReady).toFixed(0)} ms after the paste (median), first 10 KB parse ${median(results.afterReadyParse)} ms`);
console.log(`gleaner, pasted ${IDLE_MS} ms after ready: first 10 KB parse ${median(results.idle)} ms (median)${base0 ? `; base page ${median(results.baseIdle)} ms` : ''}`);
console.log(`targets: first result <= 300 ms (${g <= 300 ? 'met' : 'not met'}), first 10 KB parse <= 30 ms (${gp <= 30 ? 'met' : 'not met'}); load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
