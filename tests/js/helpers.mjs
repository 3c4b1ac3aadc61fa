// Shared fixtures for the JS tests: paths, the static server, Chromium via playwright-core,
// and a page that records console errors, page errors, dialogs and any non-local request.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = path.join(ROOT, 'test-output');
/** The real third-party sample dump: read from ../shared/samples, never copied into the repo. */
export const SAMPLE = path.resolve(ROOT, '../shared/samples/000_bfeed5d58f9e5359.txt');
const SAMPLE_LINES = (() => {
  try { return readFileSync(SAMPLE, 'utf8').split('\n').map((l) => l.trim()); } catch { return []; }
})();
// Facts the tests expect of the sample, read from it (never copied into the repo):
/** Its first headline (the line after the first `-`). */
export const SAMPLE_FIRST_HEADLINE = SAMPLE_LINES[SAMPLE_LINES.indexOf('-') + 1];
/** The article title: the first line right after a headline, with no `-` line between. */
export const SAMPLE_TITLE = SAMPLE_LINES.find((l, i) => i >= 2 && l && l !== '-' && SAMPLE_LINES[i - 1] && SAMPLE_LINES[i - 1] !== '-' && SAMPLE_LINES[i - 2] === '-');
/** The first `n` characters of the sample's quote whose attribution (after `,"`) names `who`. */
export const sampleQuoteStart = (who, n = 30) =>
  SAMPLE_LINES.find((l) => l.startsWith('"') && l.split(',"')[1]?.includes(who))?.slice(1, 1 + n);
/** `s` as a literal inside a RegExp. */
export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const readSample = () => readFile(SAMPLE, 'utf8');

/** `base` (the sample) repeated, its numbers varied per copy, up to `bytes` of UTF-8. */
export function repeatSample(base, bytes = 10 * 1024 * 1024) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const part = `${base.replace(/\d+/g, (d) => String((Number(d) + i) % 10000))}\n-----\n`;
    parts.push(part);
    n += Buffer.byteLength(part);
  }
  return parts.join('');
}

export async function launch() {
  await mkdir(OUT, { recursive: true });
  const srv = await startServer({ root: path.join(ROOT, 'www'), port: 0 });
  // GLEANER_JS_FLAGS: V8 flags for diagnosis only (say --liftoff-only, to see what tier-up costs)
  const jsFlags = process.env.GLEANER_JS_FLAGS ? [`--js-flags=${process.env.GLEANER_JS_FLAGS}`] : [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...jsFlags] });
  return { srv, browser, close: async () => { await browser.close(); await srv.close(); } };
}

/**
 * A fresh context + page on the served www/. `problems` collects console errors, uncaught
 * errors, failed responses, dialogs (alert() from injected markup) and requests to any host
 * other than the local server (those are also aborted).
 */
export async function openPage({ srv, browser }, { viewport = { width: 1280, height: 900 }, hash = '', waitReady = true } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const origin = new URL(srv.url).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`non-local request: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.type()} ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('requestfailed', (r) => { if (!r.url().startsWith('blob:')) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`); });
  await page.goto(`${srv.url}${hash}`);
  if (waitReady) await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page, context, problems };
}

/** The number of results rendered so far (body[data-results]). */
export const resultCount = async (page) => Number(await page.getAttribute('body', 'data-results'));

/** Run `action`, then wait until the page has rendered one more result. */
export async function nextResult(page, action, timeout = 30_000) {
  const n = await resultCount(page);
  await action();
  await page.waitForFunction((k) => Number(document.body.dataset.results) > k && document.body.dataset.state === 'idle', n, { timeout });
}

export const shot = (page, name, opts = {}) => page.screenshot({ path: path.join(OUT, `${name}.png`), ...opts });

/** Minimal RFC 4180 CSV reader (quoted cells, doubled quotes, CRLF). */
export function parseCsv(s) {
  const rows = [];
  let row = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && s[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}
