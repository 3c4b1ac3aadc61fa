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
