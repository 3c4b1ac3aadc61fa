// node --test: the bundler recipes of the README, built with the real bundlers (npm dev
// dependencies) from the apps in tests/js/bundlers/<bundler>/, then run: the browser builds
// in headless Chromium (main thread and the package's worker), the Node builds in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import webpack from 'webpack';
import { ROOT, OUT, CHROMIUM, CHROMIUM_ARGS } from './helpers.mjs';
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';

let browser;
before(async () => { browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }); });
after(async () => { await browser?.close(); });

/** A fresh project for `bundler`: its app files and node_modules/gleaner (the built pkg/). */
async function project(bundler) {
  const dir = path.join(OUT, `bundler-${bundler}`);
  await rm(dir, { recursive: true, force: true });
  await cp(path.join(ROOT, 'tests/js/bundlers', bundler), dir, { recursive: true });
  await mkdir(path.join(dir, 'node_modules'), { recursive: true });
  await symlink(path.join(ROOT, 'pkg'), path.join(dir, 'node_modules/gleaner'), 'dir');
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  return dir;
}

/** Serve `dist` and open it; the app's body data attributes once both parses are done. */
async function runInBrowser(dist) {
  const srv = await startServer({ root: dist });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
    await page.goto(srv.url);
    await page.waitForSelector('body[data-main][data-worker]', { state: 'attached', timeout: 60_000 });
    const data = await page.evaluate(() => ({ ...document.body.dataset }));
    assert.deepEqual(problems, []);
    return data;
  } finally {
    await context.close();
    await srv.close();
  }
}

test('esbuild, browser: bundle the app and the package worker, copy gleaner_bg.wasm next to them', async () => {
  const dir = await project('esbuild');
  // the README recipe: esbuild app.js node_modules/gleaner/worker.js --bundle --format=esm --outdir=dist
  //                    cp node_modules/gleaner/gleaner_bg.wasm index.html dist/
  await esbuild.build({
    absWorkingDir: dir, entryPoints: { app: 'app.js', worker: 'node_modules/gleaner/worker.js' },
    bundle: true, format: 'esm', outdir: 'dist', platform: 'browser', logLevel: 'error',
  });
  await cp(path.join(dir, 'node_modules/gleaner/gleaner_bg.wasm'), path.join(dir, 'dist/gleaner_bg.wasm'));
  await cp(path.join(dir, 'index.html'), path.join(dir, 'dist/index.html'));
  const data = await runInBrowser(path.join(dir, 'dist'));
  assert.equal(data.main, 'First headline from the bundle|Second headline from the bundle');
  assert.equal(data.worker, 'A worker headline|Another worker headline');
});

test('esbuild, Node: --platform=node bundle with gleaner_bg.wasm copied next to it', async () => {
  const dir = await project('esbuild');
  // the README recipe: esbuild node-app.js --bundle --platform=node --format=esm --outfile=dist/node-app.mjs
  //                    cp node_modules/gleaner/gleaner_bg.wasm dist/
  await esbuild.build({
    absWorkingDir: dir, entryPoints: ['node-app.js'], bundle: true, platform: 'node', format: 'esm',
    outfile: 'dist/node-app.mjs', logLevel: 'error',
  });
  await cp(path.join(dir, 'node_modules/gleaner/gleaner_bg.wasm'), path.join(dir, 'dist/gleaner_bg.wasm'));
  await rm(path.join(dir, 'node_modules'), { recursive: true }); // the bundle needs nothing else
  const out = JSON.parse(execFileSync(process.execPath, [path.join(dir, 'dist/node-app.mjs')], { encoding: 'utf8' }));
  assert.deepEqual(out.headlines, ['First headline from the bundle', 'Second headline from the bundle']);
});

test('Vite, browser: `vite build` with no config; the worker is a one-line local module importing gleaner/worker', async () => {
  const dir = await project('vite');
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: dir, encoding: 'utf8' });
  const data = await runInBrowser(path.join(dir, 'dist'));
  assert.equal(data.main, 'First headline from the bundle|Second headline from the bundle');
  assert.equal(data.worker, 'A worker headline|Another worker headline');
});

test('webpack 5, browser: an ES-module build (webpack.config.js), the worker as in the Vite recipe', async () => {
  const dir = await project('webpack');
  const config = (await import(path.join(dir, 'webpack.config.js'))).default;
  const stats = await new Promise((resolve, reject) => webpack(config, (err, st) => (err ? reject(err) : resolve(st))));
  assert.equal(stats.hasErrors(), false, stats.toString({ all: false, errors: true }));
  await cp(path.join(dir, 'index.html'), path.join(dir, 'dist/index.html'));
  const data = await runInBrowser(path.join(dir, 'dist'));
  assert.equal(data.main, 'First headline from the bundle|Second headline from the bundle');
  assert.equal(data.worker, 'A worker headline|Another worker headline');
});
