// Message protocol of `gleaner/worker`, a module Web Worker that loads the wasm once:
//   const w = new Worker(new URL('gleaner/worker', import.meta.url), { type: 'module' });
//   w.postMessage({ id: 1, text, options: { referenceDate: '2026-01-09' } } satisfies ParseRequest);
//   w.onmessage = (e: MessageEvent<WorkerMessage>) => { ... };
import type { Document, Options } from './gleaner.js';

/** A request: parse `text` with `options` (validated; a bad bag answers with an `error`). */
export interface ParseRequest {
  id: number | string;
  text: string;
  options?: Options | null;
  /** Send result arrays longer than this many items as `chunk` messages first (0: never). */
  stream?: number;
}

/** Sent once when the wasm module is loaded (`wasmMs`) and the model decoded (`modelMs`). */
export interface ReadyMessage { type: 'ready'; version: string; wasmMs: number; modelMs: number }
/** Sent between pipeline stages of request `id`. */
/** `done` of `total` stages finished; `fraction` (0 to 1) of `stage` done (set within the entities stage of long dumps). */
export interface ProgressMessage { type: 'progress'; id: number | string; done: number; total: number; stage: string; fraction: number }
/** A slice of `document[key]` for a request with `stream`, in order. */
export interface ChunkMessage<K extends keyof Document = keyof Document> {
  type: 'chunk'; id: number | string; key: K; items: Document[K] extends Array<infer T> ? T[] : never;
}
/** The parsed document for request `id`; `ms` is the parse time inside the worker. With `stream`,
 *  the arrays named in `streamed` are empty here: concatenate their `chunk` messages instead. */
export interface ResultMessage { type: 'result'; id: number | string; document: Document; ms: number; streamed?: (keyof Document)[] }
/** Bad options (or a failure to load the module when `id` is null). */
export interface ErrorMessage { type: 'error'; id: number | string | null; message: string }

export type WorkerMessage = ReadyMessage | ProgressMessage | ChunkMessage | ResultMessage | ErrorMessage;
