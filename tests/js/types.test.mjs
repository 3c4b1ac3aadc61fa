// node --test: the TypeScript declarations of the package.
// 1. tsc --noEmit --strict over tests/js/types/usage.ts (real use of gleaner.d.ts and worker.d.ts).
// 2. Real output checked against the declared interfaces: a checker derived from pkg/gleaner.d.ts
//    by the TypeScript parser (exact key sets, null vs undefined, literal unions, arrays).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { ROOT, readSample } from './helpers.mjs';
import { Gleaner } from '../../pkg/node.js';

test('tsc --noEmit --strict: usage.ts type-checks against gleaner.d.ts and worker.d.ts', () => {
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tests/js/types/tsconfig.json')], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

/** Interfaces and type aliases declared in a .d.ts. */
async function declarations(file) {
  const sf = ts.createSourceFile(file, await readFile(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const decls = new Map();
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st)) decls.set(st.name.text, { kind: 'interface', node: st });
    else if (ts.isTypeAliasDeclaration(st)) decls.set(st.name.text, { kind: 'alias', node: st.type });
  }
  return decls;
}

/** Check `value` against the type node `t`; push "path: problem" strings to `errors`. */
function check(decls, value, t, where, errors, seen) {
  const K = ts.SyntaxKind;
  switch (t.kind) {
    case K.StringKeyword: if (typeof value !== 'string') errors.push(`${where}: expected string, got ${show(value)}`); return;
    case K.NumberKeyword: if (typeof value !== 'number' || !Number.isFinite(value)) errors.push(`${where}: expected number, got ${show(value)}`); return;
    case K.BooleanKeyword: if (typeof value !== 'boolean') errors.push(`${where}: expected boolean, got ${show(value)}`); return;
    case K.UndefinedKeyword: if (value !== undefined) errors.push(`${where}: expected undefined, got ${show(value)}`); return;
    case K.ParenthesizedType: check(decls, value, t.type, where, errors, seen); return;
    case K.LiteralType: {
      const lit = t.literal;
      if (lit.kind === K.NullKeyword) { if (value !== null) errors.push(`${where}: expected null, got ${show(value)}`); return; }
      if (ts.isStringLiteral(lit)) { if (value !== lit.text) errors.push(`${where}: expected "${lit.text}", got ${show(value)}`); return; }
      if (ts.isNumericLiteral(lit)) { if (value !== Number(lit.text)) errors.push(`${where}: expected ${lit.text}, got ${show(value)}`); return; }
      if (lit.kind === K.TrueKeyword || lit.kind === K.FalseKeyword) { if (value !== (lit.kind === K.TrueKeyword)) errors.push(`${where}: expected ${lit.getText()}`); return; }
      break;
    }
    case K.UnionType: {
      for (const member of t.types) {
        const sub = [];
        check(decls, value, member, where, sub, seen);
        if (!sub.length) return;
      }
      errors.push(`${where}: ${show(value)} is none of ${t.getText()}`);
      return;
    }
    case K.ArrayType:
      if (!Array.isArray(value)) { errors.push(`${where}: expected an array, got ${show(value)}`); return; }
      value.forEach((v, i) => check(decls, v, t.elementType, `${where}[${i}]`, errors, seen));
      return;
    case K.TypeReference: {
      const name = t.typeName.getText();
      if ((name === 'Array' || name === 'ReadonlyArray') && t.typeArguments?.length === 1) {
        if (!Array.isArray(value)) { errors.push(`${where}: expected an array, got ${show(value)}`); return; }
        value.forEach((v, i) => check(decls, v, t.typeArguments[0], `${where}[${i}]`, errors, seen));
        return;
      }
      const d = decls.get(name);
      if (!d) { errors.push(`${where}: type ${name} is not declared in the .d.ts`); return; }
      if (d.kind === 'alias') { check(decls, value, d.node, where, errors, seen); return; }
      checkInterface(decls, value, name, d.node, where, errors, seen);
      return;
    }
    default:
  }
  errors.push(`${where}: the checker does not handle ${K[t.kind]} (${t.getText()})`);
}

function checkInterface(decls, value, name, iface, where, errors, seen) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) { errors.push(`${where}: expected ${name} object, got ${show(value)}`); return; }
  const declared = new Set();
  for (const m of iface.members) {
    if (!ts.isPropertySignature(m)) continue;
    const key = m.name.getText().replace(/^["']|["']$/g, '');
    declared.add(key);
    if (!(key in value)) { if (!m.questionToken) errors.push(`${where}: ${name}.${key} is missing`); continue; }
    seen.add(`${name}.${key}`);
    check(decls, value[key], m.type, `${where}.${key}`, errors, seen);
  }
  for (const key of Object.keys(value)) if (!declared.has(key)) errors.push(`${where}: ${name} has undeclared key ${key}`);
  seen.add(name);
}

function show(v) { return v === undefined ? 'undefined' : JSON.stringify(v)?.slice(0, 60); }

test('real output matches the declared interfaces exactly (derived from gleaner.d.ts)', async (t) => {
  const decls = await declarations(path.join(ROOT, 'pkg/gleaner.d.ts'));
  const docIface = decls.get('Document').node;
  const inputs = { 'shared sample': await readSample() };
  for (const f of await readdir(path.join(ROOT, 'www/samples'))) inputs[f] = await readFile(path.join(ROOT, 'www/samples', f), 'utf8');
  inputs.unicode = '-\n👩‍👩‍👧 Café 東京 prize\n-\nZoë\u0308 visits 서울\nSEOUL, Feb. 10 (Yonhap) -- "We agreed," Kim said on Monday.\n';
  const seen = new Set();
  const errors = [];
  for (const options of [undefined, { referenceDate: '2026-01-09' }]) {
    const g = new Gleaner(options);
    for (const [name, text] of Object.entries(inputs)) {
      checkInterface(decls, g.parse(text), 'Document', docIface, name, errors, seen);
    }
  }
  assert.deepEqual(errors.slice(0, 30), [], `${errors.length} mismatches`);
  // every interface reachable from Document was exercised by real values
  const expected = ['Document', 'Headline', 'Article', 'Section', 'Snippet', 'Dateline', 'Byline', 'Timestamp',
    'Boilerplate', 'Stats', 'Span', 'Quote', 'TimeExpr', 'Mention', 'Entity', 'Role', 'Amount', 'StoryCluster'];
  t.diagnostic(`interfaces exercised: ${expected.filter((n) => seen.has(n)).join(', ')}`);
  assert.deepEqual(expected.filter((n) => !seen.has(n)), [], 'interfaces never seen in real output');
});
