// Message protocol of `gleaner/worker`, a module Web Worker that loads the wasm once:
//   const w = new Worker(new URL('./gleaner-worker.js', import.meta.url), { type: 'module' });
//   (gleaner-worker.js: `import 'gleaner/worker';`; see the package README for each bundler)
//   w.postMessage({ id: 1, text, options: { referenceDate: '2026-01-09' } } satisfies ParseRequest);
//   w.onmessage = (e: MessageEvent<WorkerMessage>) => { ... };
import type { Document, Options } from './gleaner.js';

/** A request: parse `text` with `options` (validated; a bad bag answers with an `error`). */
export interface ParseRequest {
  id: number | string;
  text: string;
  options?: Options | null;
  /** Send result arrays longer than this many items, or larger than this many small items
   *  (about 160 bytes of JSON each), as `chunk` messages first, each of at most this many items
   *  and about that many bytes (0 or absent: never). A whole number from 1 to 2^31; anything
   *  else answers with an `error`. */
  stream?: number;
}

/** Sent once when the wasm module is loaded (`wasmMs` since the worker script started, of which
 *  `compileMs` until the module was compiled), the model decoded (`modelMs`; 0 when a request
 *  came before the module was loaded: the model is then decoded right after it) and a small
 *  warm-up dump parsed for its structure (`warmMs`; 0 when a request came before the module was
 *  loaded: that request is parsed first instead; the other stages warm up in later tasks while
 *  no request has come). `timeline` has the wall-clock time of each start-up step, in ms since
 *  the epoch (`performance.timeOrigin + performance.now()`), to line them up with the page's own
 *  clock: subtract the page's `performance.timeOrigin`; `asked`, when the first request came
 *  before the worker was ready. */
export interface ReadyMessage {
  type: 'ready'; version: string; wasmMs: number; modelMs: number; warmMs: number; compileMs: number;
  timeline: { start: number; imported: number; compiled: number; instantiated: number; model: number; warm: number; asked?: number };
}
/** Sent between pipeline stages of request `id`. */
/** `done` of `total` stages finished; `fraction` (0 to 1) of `stage` done (set within the entities stage of long dumps). */
export interface ProgressMessage { type: 'progress'; id: number | string; done: number; total: number; stage: string; fraction: number }
/** The keys of `Document` whose values are arrays (the ones `stream` may send in chunks). */
export type ArrayKey = { [K in keyof Document]-?: Document[K] extends unknown[] ? K : never }[keyof Document];
/** A slice of `document[key]` for a request with `stream`, in order (one member per key, so
 *  `switch (m.key)` narrows `items`). */
export type ChunkMessage = { [K in ArrayKey]: { type: 'chunk'; id: number | string; key: K; items: Document[K] } }[ArrayKey];
/** The parsed document for request `id`; `ms` is the parse time inside the worker. With `stream`,
 *  the arrays named in `streamed` are empty here: concatenate their `chunk` messages instead. */
export interface ResultMessage { type: 'result'; id: number | string; document: Document; ms: number; streamed?: ArrayKey[] }
/** Bad options or a bad request field, a parse that ran out of memory (`input too large for
 *  this browser tab: N MB`), or a failure to load the module (`id` null). */
export interface ErrorMessage {
  type: 'error'; id: number | string | null; message: string;
  /** The worker cannot parse again (it ran out of memory): terminate it and start a new one. */
  fatal?: true;
}

export type WorkerMessage = ReadyMessage | ProgressMessage | ChunkMessage | ResultMessage | ErrorMessage;
