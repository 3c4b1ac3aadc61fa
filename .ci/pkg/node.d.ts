export * from './gleaner.js';
/** Already initialised on import in Node; resolves immediately. */
export default function init(): Promise<void>;
