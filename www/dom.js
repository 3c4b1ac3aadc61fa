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

export function plural(n, word, many = `${word}s`) {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}

/**
 * Show `total` items `page` at a time, so that no view builds more than a few thousand
 * elements at once: `render(from, to)` appends items [from, to). Returns the "Show more"
 * button (hidden once everything is shown) for the caller to place after the list.
 */
export function pager(total, noun, render, page) {
  let shown = 0;
  const more = button('', 'more');
  const next = () => {
    const to = Math.min(total, shown + page);
    render(shown, to);
    shown = to;
    const left = total - shown;
    more.hidden = left === 0;
    more.textContent = `Show ${Math.min(page, left).toLocaleString('en')} more ${noun} (${left.toLocaleString('en')} not shown)`;
  };
  more.addEventListener('click', next);
  next();
  return more;
}
