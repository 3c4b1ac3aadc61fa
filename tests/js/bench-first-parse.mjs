// Where a cold module's first parses go, in Node's V8 (the engine of Chromium, one release
// older): each configuration in a fresh process, the 10 KB dump of bench-ttfr.mjs parsed
// `parses` times in a row (init() and a tiny warm-up parse first, as the page's worker does),
// every parse's time printed. Configurations (V8 flags): the default (lazy Liftoff, then
// dynamic tier-up to TurboFan), Liftoff only, Liftoff only compiled eagerly, TurboFan only.
// Comparing them tells lazy compilation, baseline (Liftoff) speed and tier-up cost apart:
// on the 2-core box the default's parses 2-9 were slower than Liftoff-only ones, i.e. the
// TurboFan compiles that tier-up starts take the CPU the parse needs.
// Usage (after `bash .ci/build.sh`): node tests/js/bench-first-parse.mjs [rounds=3] [parses=12] [PKG_DIR...]
// With several PKG_DIRs (say www/pkg and a copy of an earlier one), they alternate within each
// round and configuration, so that a change is compared on the same load.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readSample, ROOT } from './helpers.mjs';

const CONFIGS = [['default', []], ['liftoff only', ['--liftoff-only']],
  ['liftoff only, eager', ['--liftoff-only', '--no-wasm-lazy-compilation']], ['turbofan only', ['--no-liftoff']]];
const self = fileURLToPath(import.meta.url);

/** The child: parse the dump `parses` times with the package in `pkg`, print the times as JSON. */
async function child(pkg, parses) {
  const g = await import(pathToFileURL(path.join(pkg, 'node.js')).href);
  const base = await readSample();
  const text = `${base}\n${base}`.slice(0, 10 * 1024);
  g.init();
  const h = new g.Gleaner();
  h.parse('LISBON, March 3 (Reuters) - Ana Costa said on Monday. "We will rebuild," Costa told reporters.\nBy Rui Lopes\n');
  const ms = [];
  for (let k = 0; k < parses; k++) {
    const t = performance.now();
    h.parse(text);
    ms.push(performance.now() - t);
  }
  console.log(JSON.stringify(ms));
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], Number(process.argv[4]));
} else {
  const rounds = Number(process.argv[2] ?? 3);
  const parses = Number(process.argv[3] ?? 12);
  const pkgs = process.argv.length > 4 ? process.argv.slice(4).map((p) => path.resolve(p)) : [path.join(ROOT, 'www/pkg')];
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const runs = new Map(); // "config | pkg" -> [times per parse][]
  for (let r = 0; r < rounds; r++) {
    for (const [name, flags] of CONFIGS) {
      for (const pkg of r % 2 ? [...pkgs].reverse() : pkgs) {
        const out = execFileSync(process.execPath, [...flags, self, '--child', pkg, String(parses)], { encoding: 'utf8' });
        const ms = JSON.parse(out.trim().split('\n').pop());
        const key = `${name} | ${pkg}`;
        runs.set(key, [...(runs.get(key) ?? []), ms]);
        console.log(`round ${r + 1} ${key}: ${ms.map((x) => x.toFixed(0)).join(' ')}`);
      }
    }
  }
  console.log(`medians over ${rounds} rounds (ms per parse, in order; the first is the first 10 KB parse):`);
  for (const [key, all] of runs) console.log(`${key}: ${all[0].map((_, k) => median(all.map((ms) => ms[k])).toFixed(0)).join(' ')}`);
  console.log(`load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
}
