// The webpack 5 recipe: an ES-module build (the app uses top-level await), so that the
// worker chunk is an ES module too; webpack follows new URL(..., import.meta.url) for the
// wasm and the worker on its own.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  context: path.dirname(fileURLToPath(import.meta.url)),
  entry: './main.js',
  experiments: { outputModule: true },
  output: { path: path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'dist'), module: true, filename: 'main.js', clean: true },
};
