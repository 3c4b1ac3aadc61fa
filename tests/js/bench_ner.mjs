// NER throughput in WebAssembly under Node (one core): `node tests/js/bench_ner.mjs [PKG_DIR]`
//
// PKG_DIR (default www/pkg) must hold a wasm-bindgen `--target web` build plus the Node
// entry `node.js` (see .ci/build.sh). Runs the pipeline with every extractor but entities
// switched off (and once more with entities off too, to isolate the tagger's share), on CoNLL-2003 dev rebuilt as text (one paragraph per sentence, a blank line
// between documents) and on the sample dump, and prints tokens/s from the fastest of many runs (`stats.tokens` is the
// number of tokens the tagger read). If the `compromise` package is installed (a dev
// dependency of this bench only), it is timed on the same text in the same process and the
// ratio is printed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = process.env.GLEANER_DATA ?? path.resolve(ROOT, '../shared/data');
const PKG = path.resolve(process.argv[2] ?? path.join(ROOT, 'www/pkg'));
const g = await import(pathToFileURL(path.join(PKG, 'node.js')).href);

function conllText() {
  const lines = readFileSync(path.join(DATA, 'conll2003/dev.txt'), 'utf8').split('\n');
  const out = [];
  let sent = [];
  for (const l of lines) {
    const f = l.split(' ');
    if (l.trim() === '' || f[0] === '-DOCSTART-') {
      if (sent.length) out.push(sent.join(' '));
      sent = [];
      if (f[0] === '-DOCSTART-') out.push('');
      continue;
    }
    sent.push(f[0]);
  }
  if (sent.length) out.push(sent.join(' '));
  return out.join('\n\n');
}

const opts = { quotes: false, times: false, amounts: false, clusters: false };
const h = new g.Gleaner(opts);
const bare = new g.Gleaner({ ...opts, entities: false });

// Per-run time: the fastest of many timed runs within `minMs` (this box shares its cores:
// the minimum is what the code costs, the mean mostly measures the neighbours).
function bestMs(fn, minMs = 2000) {
  fn(); // warm-up
  let best = Infinity;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function bench(name, text, minMs = 2000) {
  const tokens = h.parse(text).stats.tokens;
  const ms = bestMs(() => h.parse(text), minMs);
  const rate = tokens / (ms / 1000);
  console.log(`${name.padStart(22)}: ${tokens} tokens/run, ${rate.toFixed(0)} tokens/s (pipeline, entities only; best run ${ms.toFixed(1)} ms)`);
  return { rate, dt: ms / 1000 };
}

const texts = [];
try { texts.push(['conll2003 dev', conllText()]); } catch { console.log('SKIPPED: ../shared/data missing (conll2003 dev)'); }
try { texts.push(['sample dump', readFileSync(path.resolve(DATA, '../samples/000_bfeed5d58f9e5359.txt'), 'utf8')]); } catch { /* optional */ }

let nlp = null;
try { nlp = (await import('compromise')).default; } catch { console.log('compromise not installed: `npm i --no-save compromise` to compare'); }

for (const [name, text] of texts) {
  const ours = bench(name, text);
  // The tagger's share: the same pipeline with entities off, subtracted.
  const tokens = h.parse(text).stats.tokens;
  const withNer = ours.dt * 1000;
  const without = bestMs(() => bare.parse(text));
  console.log(`${'tagger (+resolve) only'.padStart(22)}: ${(tokens / ((withNer - without) / 1000)).toFixed(0)} tokens/s (${withNer.toFixed(1)} - ${without.toFixed(1)} ms/run)`);
  if (nlp) {
    const dt = bestMs(() => {
      const doc = nlp(text);
      doc.people().out('array'); doc.places().out('array'); doc.organizations().out('array');
    }) / 1000;
    console.log(`${'compromise'.padStart(22)}: ${(dt * 1000).toFixed(1)} ms/run vs gleaner ${(ours.dt * 1000).toFixed(1)} ms/run: gleaner is ${(dt / ours.dt).toFixed(1)}x faster`);
  }
}
