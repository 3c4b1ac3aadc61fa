// node --test: the built package (pkg/) imported from plain Node ESM, directly and by package name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, OUT, readSample, SAMPLE_TITLE, SAMPLE_FIRST_HEADLINE } from './helpers.mjs';
import init, { Gleaner, parse, version } from '../../pkg/node.js';

test('Node ESM: parse the sample dump', async () => {
  await init();
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'pkg/package.json'), 'utf8'));
  assert.equal(version(), pkg.version);
  const doc = parse(await readSample());
  assert.equal(doc.kind, 'mixed');
  assert.equal(doc.headlines.length, 50);
  assert.equal(doc.headlines[0].text, SAMPLE_FIRST_HEADLINE);
  assert.equal(doc.articles.length, 1);
  assert.equal(doc.articles[0].title.text, SAMPLE_TITLE);
  assert.deepEqual(doc.articles[0].byline.authors, ['Y. Nakamura']);
  assert.equal(doc.articles[0].byline.source, 'AMWN');
});

test('Node ESM: UTF-16 spans slice exactly; bad options throw Error; the module keeps working', () => {
  const text = '-\n👩‍👩‍👧 Café 東京 prize for Zoë\u0308\n-\n🇰🇷 leader visits Tokyo\n';
  const doc = new Gleaner().parse(text);
  assert.deepEqual(doc.headlines.map((h) => text.slice(h.span.start, h.span.end)), doc.headlines.map((h) => h.text));
  assert.equal(doc.headlines.length, 2);
  assert.throws(() => new Gleaner({ referenceDate: '9 Jan 2026' }), (e) => e instanceof Error && /YYYY-MM-DD/.test(e.message));
  assert.throws(() => parse('x', { colour: 1 }), (e) => e instanceof Error && /colour/.test(e.message));
  assert.equal(parse(text, { referenceDate: '2026-01-09', clusters: false }).headlines.length, 2);
});

test('package.json "exports": `import ... from "gleaner"` works from a consumer project', async () => {
  const dir = path.join(OUT, 'node-consumer');
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'node_modules'), { recursive: true });
  await symlink(path.join(ROOT, 'pkg'), path.join(dir, 'node_modules/gleaner'), 'dir');
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  await writeFile(path.join(dir, 'main.mjs'), [
    "import init, { parse, version } from 'gleaner';",
    "await init();",
    "const d = parse('-\\nFirst headline\\n-\\nSecond headline\\n');",
    "console.log(JSON.stringify({ version: version(), headlines: d.headlines.map((h) => h.text) }));",
  ].join('\n'));
  const out = JSON.parse(execFileSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8' }));
  assert.deepEqual(out.headlines, ['First headline', 'Second headline']);
  const cjs = execFileSync(process.execPath, ['-e', "import('gleaner').then((m) => console.log(typeof m.Gleaner))"], { cwd: dir, encoding: 'utf8' });
  assert.equal(cjs.trim(), 'function');
});

/** Run `code` (an ES module) in a fresh Node process from the repo root; its stdout, trimmed. */
const runModule = (code) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' }).trim();

test('JS surface: non-strings are a TypeError naming the argument; the heap stays intact', () => {
  const g = new Gleaner();
  const fake = { length: 2 ** 32 + 5, charCodeAt: () => 65, toString: () => 'x' };
  for (const [bad, got] of [[123, 'number'], [undefined, 'undefined'], [null, 'null'], [fake, 'object'], [['x'], 'an array']]) {
    assert.throws(() => g.parse(bad), { name: 'TypeError', message: `Gleaner.parse: text must be a string, got ${got}` });
    assert.throws(() => parse(bad), { name: 'TypeError', message: `parse: text must be a string, got ${got}` });
    assert.throws(() => g.parseWithProgress(bad, () => {}), { name: 'TypeError', message: `Gleaner.parseWithProgress: text must be a string, got ${got}` });
  }
  assert.throws(() => g.parseWithProgress('x', 'nope'), { name: 'TypeError', message: /onProgress must be a function, got string/ });
  assert.equal(g.parse('-\nFirst headline\n-\nSecond headline\n').headlines.length, 2);
});

test('JS surface: a throwing progress callback stops the parse and its error reaches the caller', () => {
  const g = new Gleaner();
  const stages = [];
  const boom = new RangeError('stop here');
  assert.throws(() => g.parseWithProgress('-\nA headline\n-\nAnother one\n', (done, total, stage) => {
    stages.push(stage);
    if (stage === 'times') throw boom;
  }), (e) => e === boom);
  assert.deepEqual(stages, ['structure', 'entities', 'quotes', 'times']);
  assert.equal(g.parse('-\nA headline\n-\nAnother one\n').headlines.length, 2);
});

test('JS surface: use after free() and a missing init() throw an Error saying what to do', () => {
  const g = new Gleaner();
  g.free();
  g.free(); // idempotent
  for (const call of [() => g.parse('x'), () => g.parseWithProgress('x', () => {})]) {
    assert.throws(call, { name: 'Error', message: /this Gleaner was freed by free\(\); create a new one with new Gleaner\(options\)/ });
  }
  assert.equal(new Gleaner().parse('-\nA\n-\nB\n').headlines.length, 2);
  // the browser entry (no init() on import), used without init()
  const out = JSON.parse(runModule(`
    const m = await import('./pkg/gleaner.js');
    const msgs = [() => m.parse('x'), () => new m.Gleaner(), () => m.version()].map((f) => { try { f(); return 'no error'; } catch (e) { return e.message; } });
    const { readFileSync } = await import('node:fs');
    await m.default({ module_or_path: readFileSync('pkg/gleaner_bg.wasm') });
    console.log(JSON.stringify({ msgs, after: m.parse('-\\nA\\n-\\nB\\n').headlines.length }));`));
  for (const msg of out.msgs) assert.match(msg, /called before the module was loaded: call `await init\(\)` first/);
  assert.equal(out.after, 2);
});

test('JS surface: running out of wasm memory is a clear Error, and later calls say the module is spent', () => {
  // grow the module's memory to 4 GiB minus 32 MiB (untouched pages cost no RAM), then parse 8 MB
  const out = JSON.parse(runModule(`
    const m = await import('./pkg/node.js');
    const { memory } = m.initSync();
    memory.grow(65536 - 512 - memory.buffer.byteLength / 65536);
    const text = '-\\nA short headline about the markets\\n'.repeat(220_000);
    const msg = (f) => { try { f(); return 'no error'; } catch (e) { return e.constructor.name + ': ' + e.message; } };
    console.log(JSON.stringify({ first: msg(() => m.parse(text)), next: msg(() => m.parse('-\\nA\\n-\\nB\\n')) }));`));
  assert.match(out.first, /^Error: input too large for this browser tab: 8 MB of text ran out of WebAssembly memory \(\d+ MB in use\)/);
  assert.equal(out.next, out.first);
});

test('install from a release tarball: `npm pack` of pkg/, then `npm install ./gleaner-<version>.tgz` in a fresh project', async () => {
  const dir = path.join(OUT, 'tarball-consumer');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'pkg/package.json'), 'utf8'));
  const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
  const listed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], path.join(ROOT, 'pkg')))[0];
  // every entry package.json documents is in the tarball, with the notices
  const files = listed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [...pkg.files, 'package.json'].sort());
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  npm(['install', '--offline', `./${listed.filename}`], dir);
  await writeFile(path.join(dir, 'main.mjs'), [
    "import init, { parse, version } from 'gleaner';",
    "await init();",
    "console.log(JSON.stringify({ version: version(), headlines: parse('-\\nFirst headline\\n-\\nSecond headline\\n').headlines.map((h) => h.text) }));",
  ].join('\n'));
  const out = JSON.parse(execFileSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8' }));
  assert.deepEqual(out, { version: pkg.version, headlines: ['First headline', 'Second headline'] });
  // the README's JavaScript quick start, verbatim, in that project
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const quick = readme.split('## Quick start\n')[1].match(/```js\n([\s\S]*?)```/)[1];
  await writeFile(path.join(dir, 'quick.mjs'), quick);
  const printed = execFileSync(process.execPath, ['quick.mjs'], { cwd: dir, encoding: 'utf8' });
  assert.match(printed, /'Oil climbs 2% as OPEC\+ extends cuts',\s+'Japan to host Pacific summit'\s+\] 2%/);
});
