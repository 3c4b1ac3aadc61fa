// Two 10 MB dumps parsed one after the other by one Gleaner in Node, every extractor on:
// `node tests/js/bench_big.mjs [PKG_DIR]` (default pkg/; build it with `bash .ci/build.sh`).
//   1. the sample dump repeated with its numbers varied (the page's 10 MB test's input), then
//   2. random pseudo-words in 18-word sentences, a third capitalised (3.2M tokens, a large
//      vocabulary: the worst case for per-document caches).
// Prints seconds and counts per parse; `/usr/bin/time -v` around it gives the peak RSS.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SAMPLE, readSample, repeatSample } from './helpers.mjs';

const PKG = path.resolve(process.argv[2] ?? path.join(ROOT, 'pkg'));
const g = await import(pathToFileURL(path.join(PKG, 'node.js')).href);
const MB10 = 10 * 1024 * 1024;

function randomWords() {
  let s = 1234567;
  const r = () => (s = (s * 1103515245 + 12345) & 0x7fffffff);
  const syl = ['ka', 'lo', 'mi', 'ne', 'sha', 'to', 'ru', 'vi', 'zen', 'qua', 'bor', 'ell', 'ix', 'ond', 'pra'];
  const out = [];
  let line = [];
  let n = 0;
  while (n < MB10) {
    let w = '';
    for (let j = 0, k = 1 + (r() % 4); j < k; j++) w += syl[r() % syl.length];
    if (r() % 3 === 0) w = w[0].toUpperCase() + w.slice(1);
    line.push(w);
    n += w.length + 1;
    if (line.length >= 18) { out.push(`${line.join(' ')}.`); line = []; }
  }
  return out.join('\n');
}

const inputs = [];
try { inputs.push(['sample dump x N', repeatSample(await readSample())]); } catch { console.log(`SKIPPED sample x N: ${SAMPLE} missing`); }
inputs.push(['random words', randomWords()]);
const h = new g.Gleaner({});
for (const [name, text] of inputs) {
  const t0 = performance.now();
  const d = h.parse(text);
  console.log(`${name.padStart(16)}: ${(text.length / 1e6).toFixed(1)} M chars in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${d.stats.tokens} tokens, ${d.mentions.length} mentions, ${d.entities.length} entities`);
}
console.log(`still works afterwards: ${h.parse('Kenya and Uganda signed the deal in Nairobi.').entities.length} entities`);
