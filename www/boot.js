// The parser worker: the first one is started by the inline script at the top of index.html
// as the page starts (before this module and the others are fetched); app.js takes it over
// with takeWorker(), and later ones (after a cancel) are started the same way.

/** The worker started with the page (the first call), else a new one; and the events it sent so far. */
export function takeWorker() {
  if (typeof self.gleanerStartWorker !== 'function') {
    throw new Error("gleaner: index.html's start-up script did not run (is its hash in the Content-Security-Policy? see .ci/build.sh)");
  }
  const w = self.gleanerWorker ?? self.gleanerStartWorker();
  self.gleanerWorker = null;
  return w;
}
