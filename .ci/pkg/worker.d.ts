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
}

/** Sent once when the wasm module is loaded. */
export interface ReadyMessage { type: 'ready'; version: string }
/** Sent between pipeline stages of request `id`. */
export interface ProgressMessage { type: 'progress'; id: number | string; done: number; total: number; stage: string }
/** The parsed document for request `id`; `ms` is the parse time inside the worker. */
export interface ResultMessage { type: 'result'; id: number | string; document: Document; ms: number }
/** Bad options (or a failure to load the module when `id` is null). */
export interface ErrorMessage { type: 'error'; id: number | string | null; message: string }

export type WorkerMessage = ReadyMessage | ProgressMessage | ResultMessage | ErrorMessage;
