/* @ts-self-types="./gleaner.d.ts" */
// The package's JS entry: the wasm-bindgen module (gleaner_wasm.js, generated from src/wasm.rs)
// with the same API (gleaner.d.ts, generated from the Rust types) and clear errors for the
// three states the generated code cannot explain: a call before `init()`, a call after
// `free()`, and a parse that ran out of WebAssembly memory (the module cannot be used again).
// Type checks of arguments live in src/wasm.rs; nothing here parses or converts.
import initWasm, { initSync as initWasmSync, Gleaner as WasmGleaner, parse as wasmParse, init as wasmWarmUp, version as wasmVersion } from './gleaner_wasm.js';

let loaded = null; // the wasm exports, once instantiated
let broken = null; // the message of the trap that made the module unusable

/** Fetch (streaming compile) and instantiate `gleaner_bg.wasm`; resolves to its exports. */
export default async function init(moduleOrPath) {
  loaded = await initWasm(moduleOrPath);
  return loaded;
}

/** Instantiate from bytes or a compiled `WebAssembly.Module` (Node, tests). */
export function initSync(module) {
  loaded = initWasmSync(module);
  return loaded;
}

function ready(what) {
  if (broken) throw new Error(broken);
  if (!loaded) {
    throw new Error(`gleaner: ${what} was called before the module was loaded: call \`await init()\` first `
      + "(import init from 'gleaner'; in Node the package's own entry loads it on import)");
  }
}

const MB = (bytes) => Math.max(1, Math.round(bytes / 1048576));

/** Run `f`; a WebAssembly trap (out of memory: Rust aborts on a failed allocation) becomes a clear Error. */
function guarded(text, f) {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    const inUse = loaded.memory.buffer.byteLength;
    let full = false;
    try { loaded.memory.grow(1024); } catch { full = true; } // can it take 64 MB more?
    broken = full || inUse >= 512 * 1048576
      ? `input too large for this browser tab: ${MB(text.length)} MB of text ran out of WebAssembly memory `
        + `(${MB(inUse)} MB in use). Split the dump into smaller parts, or use the gleaner CLI. `
        + 'This gleaner module cannot parse again: reload the page (or start a new Worker).'
      : `gleaner stopped with an internal error (${e.message}); please report it with the input. `
        + 'This gleaner module cannot parse again: reload the page (or start a new Worker).';
    throw new Error(broken, { cause: e });
  }
}

/** A configured extractor: build once, parse many dumps (see gleaner.d.ts). */
export class Gleaner {
  #g;

  constructor(options) {
    ready('new Gleaner()');
    this.#g = new WasmGleaner(options);
  }

  #live(method) {
    ready(`Gleaner.${method}()`);
    if (!this.#g) throw new Error(`Gleaner.${method}(): this Gleaner was freed by free(); create a new one with new Gleaner(options)`);
    return this.#g;
  }

  parse(text) {
    const g = this.#live('parse');
    return guarded(text, () => g.parse(text));
  }

  parseWithProgress(text, onProgress) {
    const g = this.#live('parseWithProgress');
    return guarded(text, () => g.parseWithProgress(text, onProgress));
  }

  /** Release the wasm memory of this handle now (idempotent); later calls throw an Error. */
  free() {
    const g = this.#g;
    this.#g = null;
    g?.free();
  }
}
if (Symbol.dispose) Gleaner.prototype[Symbol.dispose] = Gleaner.prototype.free;

/** Parse `text` with `options` in one call (see gleaner.d.ts). */
export function parse(text, options) {
  ready('parse()');
  return guarded(text, () => wasmParse(text, options));
}

/** Decode the model and gazetteers now instead of on the first parse. */
function warmUp() {
  ready('init() (the model warm-up)');
  return guarded('', wasmWarmUp);
}
export { warmUp as init };

/** The gleaner version. */
export function version() {
  ready('version()');
  return wasmVersion();
}
