// Small DOM helpers of the page: elements with text (never markup), sizes and counts in
// words, and a pager that shows a list a page at a time.

/** createElement with class and text (text always via textContent). */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

export function button(text, cls, onClick) {
  const b = el('button', cls, text);
  b.type = 'button';
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

export function fmtBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A whole number with thousands separators: 12,345 (the same as toLocaleString('en'), which
 *  costs tens of milliseconds the first time a page calls it: it loads the locale data). */
export function count(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n, word, many = `${word}s`) {
  return `${count(n)} ${n === 1 ? word : many}`;
}

const SLICE_ITEMS = 50; // items rendered between two looks at the clock
const SLICE_MS = 30; // render this long in one task, then let the page handle input and paint

let taskStart = null; // when the pagers started rendering in the current task
/** Milliseconds of rendering left in this task: all pagers built by one view share SLICE_MS. */
function budgetLeft() {
  if (taskStart === null) {
    taskStart = performance.now();
    queueMicrotask(() => { taskStart = null; }); // the task's synchronous code is done
  }
  return SLICE_MS - (performance.now() - taskStart);
}

/**
 * Show `total` items `page` at a time, so that no view builds more than a few thousand
 * elements at once: `render(from, to)` appends items [from, to), in order. A page is built in
 * time slices: its first SLICE_ITEMS items at once, then what fits in the task's SLICE_MS
 * (shared by every pager a view builds), the rest in later tasks (stopped when the view is
 * rebuilt meanwhile), so that a page of big items never blocks the main thread for long.
 * Returns the "Show more" button (hidden while a page is being built and once everything is
 * shown) for the caller to place after the list; `data-pending` is set on it while building.
 */
export function pager(total, noun, render, page) {
  let shown = 0;
  let target = 0;
  const more = button('', 'more');
  const pump = () => {
    budgetLeft(); // the task's clock starts with its first pager
    // at least one slice at once (a short list is always built in one go), then while the
    // task's budget lasts
    while (shown < target) {
      const to = Math.min(target, shown + SLICE_ITEMS);
      render(shown, to);
      shown = to;
      if (shown < target && budgetLeft() <= 0) {
        // later slices only while the list is still on the page (a new result replaces it)
        setTimeout(() => { if (more.isConnected) pump(); }, 0);
        return;
      }
    }
    delete more.dataset.pending;
    const left = total - shown;
    more.hidden = left === 0;
    more.textContent = `Show ${count(Math.min(page, left))} more ${noun} (${count(left)} not shown)`;
  };
  const next = () => {
    if (more.dataset.pending !== undefined) return;
    target = Math.min(total, shown + page);
    more.dataset.pending = '';
    more.hidden = true;
    pump();
  };
  more.addEventListener('click', next);
  next();
  return more;
}

/** Call `f` once the next frame has been painted. */
export function afterPaint(f) {
  requestAnimationFrame(() => setTimeout(f, 0));
}
