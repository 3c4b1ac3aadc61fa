// Node entry of the gleaner package: the same `--target web` module, instantiated synchronously
// from the .wasm bytes next to this file (Node's fetch cannot read file: URLs).
import { readFileSync } from 'node:fs';
import { initSync } from './gleaner.js';

export * from './gleaner.js';

initSync({ module: readFileSync(new URL('./gleaner_bg.wasm', import.meta.url)) });

/** Already initialised on import; kept so that `await init()` works the same in Node and browsers. */
export default async function init() {}
