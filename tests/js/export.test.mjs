// node --test: the page's JSON export (www/export.js) built from parts: joined, the parts are
// exactly JSON.stringify(doc, null, 2), and no part is large, however the document is shaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonParts } from '../../www/export.js';

/** The parts of `doc`, after checking that they join to JSON.stringify(doc, null, 2). */
function partsOf(doc) {
  const parts = [...jsonParts(doc)];
  assert.equal(parts.join(''), JSON.stringify(doc, null, 2));
  return parts;
}

test('jsonParts joins to JSON.stringify(doc, null, 2) for small and empty shapes', () => {
  for (const doc of [{}, [], { a: [] }, { a: {} }, [[]], 'x', 1.5, null, { a: [1, 'two', null, { b: [[], {}] }] }]) partsOf(doc);
});

test('jsonParts cuts big arrays and big items into short parts', () => {
  // invented shapes like a 10 MB dump's document: many small mentions, a few entities with
  // thousands of mention indices, nested arrays of arrays
  const doc = {
    kind: 'listing',
    entities: Array.from({ length: 40 }, (_, i) => ({ id: i, name: `Name "${i}"\n`, mentions: Array.from({ length: i * 400 }, (_, k) => k), roles: [] })),
    mentions: Array.from({ length: 30_000 }, (_, i) => ({ text: 'a\tb', span: { start: i, end: i + 1 }, entity: i % 3 ? null : 7 })),
    nested: { deep: [Array.from({ length: 6000 }, (_, i) => [i, [i, { a: [] }]])] },
    stats: { bytes: 10 },
  };
  const parts = partsOf(doc);
  const longest = Math.max(...parts.map((p) => p.length));
  // about 2,000 values a part: tens of KB, where the biggest entity alone is 140 KB of JSON
  assert.ok(longest < 64 * 1024, `longest part ${longest} chars`);
  assert.ok(JSON.stringify(doc.entities.at(-1), null, 2).length > 2 * longest);
});
