// node --test: the page (www/) in real headless Chromium via playwright-core.
// Every test fails on a console error or warning, an uncaught error, a dialog, a failed
// response, or any request to a host other than the local server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, openPage, readSample, repeatSample, nextResult, shot, parseCsv, SAMPLE_TITLE, SAMPLE_FIRST_HEADLINE, sampleQuoteStart, escapeRe, OUT, ROOT } from './helpers.mjs';
import { Gleaner } from '../../pkg/node.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Open the page, run `body`, then assert that nothing went wrong on the page. */
async function withPage(opts, body) {
  const p = await openPage(env, opts);
  try {
    await body(p);
    assert.deepEqual(p.problems, [], 'problems on the page');
  } finally {
    await p.context.close();
  }
}

/** Click the export button `id`; the downloaded file's name and text (also kept in test-output/). */
async function download(page, id) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
  const file = path.join(OUT, `export-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), body: await readFile(file, 'utf8') };
}

/** Paste `text` into the dump box with a real clipboard paste (Ctrl+V). */
async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#input').click();
  await page.keyboard.press('Control+A');
  await nextResult(page, () => page.keyboard.press('Control+V'));
}

test('paste the sample dump: 50 headlines, the article title, sections and byline in the DOM', async () => {
  const text = await readSample();
  await withPage({}, async ({ page }) => {
    await paste(page, text);
    assert.equal(await page.locator('#input').inputValue(), text);
    assert.match(await page.locator('#summary').textContent(), /50 headlines · 1 article/);
    await shot(page, 'text-view');
    await page.click('#tab-structure');
    const items = page.locator('#view-structure ol.headlines li .hl-text');
    assert.equal(await items.count(), 50);
    assert.equal(await items.first().textContent(), SAMPLE_FIRST_HEADLINE);
    assert.equal(await page.locator('#view-structure .art-title').count(), 1);
    assert.equal(await page.locator('#view-structure .art-title').textContent(), SAMPLE_TITLE);
    assert.equal(await page.locator('#view-structure article.art p.para').count(), 22);
    assert.deepEqual(await page.locator('#view-structure h5.subheading').allTextContents(), ['Dark past']);
    assert.equal(await page.locator('#view-structure .byline .authors').textContent(), 'Y. Nakamura');
    assert.equal(await page.locator('#view-structure .byline .source').textContent(), 'AMWN');
    // the text view marks the title and the headlines
    await page.click('#tab-text');
    assert.equal(await page.locator('#dump .title').textContent(), SAMPLE_TITLE);
    assert.equal(await page.locator('#dump .hl').count(), 50);
    await page.click('#tab-structure');
    await shot(page, 'structure-view', { fullPage: true });
  });
});

test('markup in a dump renders as text: no element is created and nothing runs', async () => {
  const evil = '-\nHeadline with <img src=x onerror=alert(1)> inside\n-\n<script>alert(2)</script><b>bold</b>\n'
    + 'Title <img src=x onerror=alert(3)>\nPARIS, March 12 - A paragraph with <iframe src="https://example.com/"></iframe> and <img src=x onerror=alert(4)>.\n';
  await withPage({}, async ({ page }) => {
    await page.fill('#input', 'warm-up');
    await nextResult(page, () => page.fill('#input', evil));
    for (const tab of ['text', 'structure', 'entities', 'quotes', 'times', 'amounts', 'clusters', 'json']) {
      await page.click(`#tab-${tab}`);
      assert.equal(await page.locator('img, iframe, script:not([src]), #dump b, [onerror]').count(), 0, `markup element in the ${tab} view`);
    }
    await page.click('#tab-text');
    assert.equal(await page.locator('#dump').textContent(), evil);
    await page.click('#tab-structure');
    assert.match(await page.locator('#view-structure').textContent(), /Headline with <img src=x onerror=alert\(1\)> inside/);
    await page.waitForTimeout(300); // any onerror would have fired by now (and shows up as a dialog)
    await shot(page, 'markup-as-text');
  });
});

test('every sample is one click away and parses into the expected structure', async () => {
  await withPage({}, async ({ page }) => {
    const names = await page.locator('button.sample').evaluateAll((bs) => bs.map((b) => b.dataset.sample));
    assert.deepEqual(names, ['afp-article', 'wire-mix', 'headlines', 'xss-and-unicode']);
    for (const name of names) {
      await nextResult(page, () => page.click(`button.sample[data-sample="${name}"]`));
      const expected = await readFile(path.join(ROOT, 'www/samples', `${name}.txt`), 'utf8');
      assert.equal(await page.locator('#input').inputValue(), expected);
      await page.click('#tab-structure');
      if (name === 'afp-article') {
        assert.equal(await page.locator('.art-title').first().textContent(), 'Floods swamp Jakarta as rescuers race to reach stranded families');
        assert.match(await page.locator('.art .dateline').first().textContent(), /place: Jakarta · agency: AFP/);
        assert.equal(await page.locator('.art .byline .source').first().textContent(), 'ABCD');
        assert.deepEqual(await page.locator('h5.subheading').allTextContents(), ["'Nowhere to go'", 'Capital move']);
      }
      if (name === 'wire-mix') {
        assert.deepEqual(await page.locator('.art-title').allTextContents(), [
          'Bank of England signals pause as inflation cools',
          'S. Korea, Vietnam agree to expand battery supply chain cooperation',
          "Japan's household spending falls for 3rd straight month",
        ]);
        const datelines = await page.locator('.art .dateline').allTextContents();
        assert.match(datelines[0], /agency: Reuters/);
        assert.match(datelines[1], /place: SEOUL · date: Feb\. 10 · agency: Yonhap/);
        assert.match(datelines[2], /place: Tokyo · date: Jan\. 9 · agency: Jiji Press/);
      }
      await shot(page, `sample-${name}`);
      await page.click('#tab-text');
    }
  });
});

test('a dropped .txt file is parsed; other files are refused', async () => {
  await withPage({}, async ({ page }) => {
    const drop = async (name, type, content) => {
      const dt = await page.evaluateHandle(([n, t, c]) => {
        const d = new DataTransfer();
        d.items.add(new File([c], n, { type: t }));
        return d;
      }, [name, type, content]);
      await page.dispatchEvent('#input', 'drop', { dataTransfer: dt });
    };
    await nextResult(page, () => drop('dump.txt', 'text/plain', '-\nDropped headline one\n-\nDropped headline two\n'));
    assert.match(await page.locator('#summary').textContent(), /2 headlines/);
    await drop('photo.png', 'image/png', 'not text');
    await page.locator('#error').filter({ hasText: 'only .txt or .text' }).waitFor();
  });
});

test('entities, quotes, times and clusters panels show what the sample dump says', async () => {
  const text = await readSample();
  await withPage({}, async ({ page }) => {
    await nextResult(page, () => page.fill('#input', text));
    // entities: grouped by type, sorted by salience, with counts; the filter box narrows them
    await page.click('#tab-entities');
    const per = page.locator('#ent-list section.ent-group[data-type="PER"] button.ent .name');
    const people = await per.allTextContents();
    for (const name of ['Lee Jae Myung', 'Sanae Takaichi', 'Xi Jinping']) assert.ok(people.includes(name), `PER ${name} in ${people}`);
    assert.equal(people[0], 'Lee Jae Myung', 'the most salient person comes first');
    const places = await page.locator('#ent-list section.ent-group[data-type="LOC"] button.ent .name').allTextContents();
    for (const name of ['Japan', 'South Korea', 'China']) assert.ok(places.includes(name), `LOC ${name} in ${places}`);
    const orgs = await page.locator('#ent-list section.ent-group[data-type="ORG"] button.ent .name').allTextContents();
    assert.ok(orgs.includes('University of Tokyo'), `ORG University of Tokyo in ${orgs}`);
    await shot(page, 'entities-view', { fullPage: true });
    await page.fill('#ent-filter', 'takaichi');
    assert.deepEqual(await page.locator('#ent-list button.ent .name').allTextContents(), ['Sanae Takaichi']);
    await page.fill('#ent-filter', '');
    await page.uncheck('#ent-types input[data-type="LOC"]');
    assert.equal(await page.locator('#ent-list section.ent-group[data-type="LOC"]').count(), 0);
    assert.match(await page.evaluate(() => location.hash), /hide=LOC/);
    await page.check('#ent-types input[data-type="LOC"]');

    // quotes: speaker → quote; unattributed apart; click jumps to the quote in the text
    await page.click('#tab-quotes');
    const attributed = page.locator('.quotes-attributed button.jump');
    const texts = await attributed.allTextContents();
    const heng = sampleQuoteStart('Heng', 48); // the opening words, read from the sample
    const kang = sampleQuoteStart('Kang Yu-jung', 43);
    assert.ok(texts.some((t) => new RegExp(`^Heng.*→${escapeRe(heng)}`).test(t)), texts.join('\n'));
    assert.ok(texts.some((t) => new RegExp(`Kang Yu-jung.*→${escapeRe(kang)}`).test(t)), texts.join('\n'));
    await page.locator('.quotes-attributed h3').waitFor();
    await page.locator('.quotes-unattributed h3').waitFor();
    await shot(page, 'quotes-view', { fullPage: true });
    await attributed.filter({ hasText: heng.slice(0, 24) }).click();
    assert.equal(await page.getAttribute('#tab-text', 'aria-selected'), 'true');
    assert.match(await page.locator('#dump .q.flash').textContent(), new RegExp(`^${escapeRe(heng.slice(0, 36))}`));

    // times: resolved dates on the timeline, with a reference-date control that re-parses
    await page.click('#tab-times');
    assert.ok(await page.locator('.timeline button.dot').count() >= 1);
    const before = await page.locator('#times-body td.value').allTextContents();
    await nextResult(page, () => page.fill('#refdate', '2026-01-09'));
    assert.match(await page.evaluate(() => location.hash), /ref=2026-01-09/);
    const after = await page.locator('#times-body td.value').allTextContents();
    assert.ok(after.includes('2026-01-09'), `"Friday" resolves to 2026-01-09 with that reference: ${after}`);
    assert.notDeepEqual(before, after);
    await shot(page, 'times-view', { fullPage: true });

    // clusters: the repeated stories are grouped, with the reason shown
    await page.click('#tab-clusters');
    const clusters = await page.locator('#view-clusters .cluster').evaluateAll((cs) => cs.map((c) => c.textContent));
    // the two headlines naming Semenyo (read from the sample, not copied) share a cluster
    const semenyo = text.split('\n').filter((l) => l.includes('Semenyo'));
    assert.equal(semenyo.length, 2);
    assert.ok(clusters.some((c) => semenyo.every((h) => c.includes(h))), clusters.join('\n'));
    assert.ok(await page.locator('#view-clusters .reason').count() >= 1);
    assert.match(await page.locator('#view-clusters .reason').first().textContent(), /shared (entities|terms): \S/);
    await shot(page, 'clusters-view', { fullPage: true });
  });
});

test('click an entity: all its mentions are highlighted and stepped through; state is in the URL', async () => {
  const text = await readSample();
  const doc = new Gleaner().parse(text);
  const lee = doc.entities.find((e) => e.name === 'Lee Jae Myung');
  assert.ok(lee, 'the sample has the entity Lee Jae Myung');
  await withPage({}, async ({ page }) => {
    await nextResult(page, () => page.fill('#input', text));
    await page.click('#tab-entities');
    await page.click(`#ent-list button.ent[data-id="${lee.id}"]`);
    assert.equal(await page.getAttribute('#tab-text', 'aria-selected'), 'true');
    const sel = page.locator('#dump mark.m.sel');
    assert.equal(await sel.count(), lee.mentions.length);
    assert.deepEqual(await sel.evaluateAll((ms) => ms.map((m) => Number(m.dataset.m))), lee.mentions);
    assert.equal(await page.locator('#dump mark.m.current').getAttribute('data-m'), String(lee.mentions[0]));
    assert.match(await page.locator('#stepper-label').textContent(), new RegExp(`Lee Jae Myung \\(PER\\) · mention 1 of ${lee.mentions.length}`));
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.m), String(lee.mentions[0]));
    // hover/focus shows type, canonical entity and confidence
    await page.locator('#tip').waitFor();
    assert.match(await page.locator('#tip').textContent(), /^PER · person.*Entity: Lee Jae Myung.*Confidence: \d+%/);
    await page.click('#next-mention');
    assert.equal(await page.locator('#dump mark.m.current').getAttribute('data-m'), String(lee.mentions[1]));
    await page.click('#prev-mention');
    await page.click('#prev-mention');
    assert.equal(await page.locator('#dump mark.m.current').getAttribute('data-m'), String(lee.mentions.at(-1)));
    assert.match(await page.evaluate(() => location.hash), new RegExp(`e=${lee.id}`));
    await shot(page, 'entity-selected');

    // reload with the hash: the selection and options come back
    const url = page.url();
    await page.goto('about:blank');
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await nextResult(page, () => page.fill('#input', text));
    assert.equal(await page.locator('#dump mark.m.sel').count(), lee.mentions.length);
    assert.equal(await page.locator('#stepper').isVisible(), true);
  });
});

test('URL hash drives options and tab; keyboard moves between tabs', async () => {
  await withPage({ hash: '#tab=json&off=quotes,clusters&ref=2026-01-09' }, async ({ page }) => {
    assert.equal(await page.isChecked('#opt-quotes'), false);
    assert.equal(await page.isChecked('#opt-clusters'), false);
    assert.equal(await page.isChecked('#opt-entities'), true);
    assert.equal(await page.inputValue('#refdate'), '2026-01-09');
    await nextResult(page, () => page.fill('#input', '-\nOne\n-\nTwo\nA title\nLONDON (Reuters) - "Quoted words," she said on Friday.\n'));
    assert.equal(await page.getAttribute('#tab-json', 'aria-selected'), 'true');
    const json = JSON.parse(await page.locator('#json').textContent());
    assert.deepEqual(json.quotes, []);
    assert.deepEqual(json.clusters, []);
    await nextResult(page, () => page.check('#opt-quotes'));
    assert.doesNotMatch(await page.evaluate(() => location.hash), /quotes/);
    // keyboard: arrows move the selected tab, focus follows
    await page.focus('#tab-json');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getAttribute('#tab-clusters', 'aria-selected'), 'true');
    await page.keyboard.press('Home');
    assert.equal(await page.getAttribute('#tab-text', 'aria-selected'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-text');
    // every form control has a label
    const unlabelled = await page.$$eval('input, textarea, select', (els) => els.filter((e) => !e.labels?.length && !e.getAttribute('aria-label')).map((e) => e.id || e.outerHTML));
    assert.deepEqual(unlabelled, []);
  });
});

test('exports: JSON, CSV (entities, mentions, quotes, amounts) and clipboard match the document', async () => {
  const text = await readSample();
  const doc = new Gleaner().parse(text);
  await withPage({}, async ({ page }) => {
    await nextResult(page, () => page.fill('#input', text));
    const grab = (id) => download(page, id);
    const json = await grab('dl-json');
    assert.equal(json.name, 'gleaner.json');
    assert.deepEqual(JSON.parse(json.body), doc);
    assert.equal(json.body, `${JSON.stringify(doc, null, 2)}\n`, 'built from parts, the same text as one JSON.stringify');

    const ents = await grab('dl-entities');
    assert.equal(ents.name, 'entities.csv');
    const er = parseCsv(ents.body);
    assert.equal(er.length, doc.entities.length);
    er.forEach((r, i) => {
      const e = doc.entities[i];
      assert.deepEqual([Number(r.id), r.name, r.label, Number(r.count), Number(r.salience)], [e.id, e.name, e.label, e.count, e.salience]);
      assert.equal(r.aliases, e.aliases.join('; '));
    });

    const ments = await grab('dl-mentions');
    const mr = parseCsv(ments.body);
    assert.equal(mr.length, doc.mentions.length);
    mr.forEach((r, i) => {
      const m = doc.mentions[i];
      assert.deepEqual([r.text, r.label, Number(r.start), Number(r.end)], [m.text, m.label, m.span.start, m.span.end]);
      assert.equal(text.slice(Number(r.start), Number(r.end)), r.text);
      assert.equal(r.entity_id, m.entity === null ? '' : String(m.entity));
    });

    const quotes = await grab('dl-quotes');
    const qr = parseCsv(quotes.body);
    assert.equal(qr.length, doc.quotes.length);
    qr.forEach((r, i) => {
      const q = doc.quotes[i];
      assert.deepEqual([r.text, r.speaker, Number(r.start), Number(r.end)], [q.text, q.speaker ?? '', q.span.start, q.span.end]);
    });
    assert.ok(qr.length >= 5, 'the sample has quotes');

    const amounts = await grab('dl-amounts');
    assert.equal(amounts.name, 'amounts.csv');
    const ar = parseCsv(amounts.body);
    assert.equal(ar.length, doc.amounts.length);
    ar.forEach((r, i) => {
      const a = doc.amounts[i];
      assert.deepEqual([r.text, r.kind, Number(r.value), Number(r.start), Number(r.end), r.currency, r.unit],
        [a.text, a.kind, a.value, a.span.start, a.span.end, a.currency ?? '', a.unit ?? '']);
      assert.equal(r.upper, a.upper === null ? '' : String(a.upper));
    });
    assert.ok(ar.length >= 1, 'the sample has amounts');
    assert.ok(er.length >= 5 && mr.length >= er.length, 'the sample has entities and mentions');

    await page.click('#copy-json');
    await page.locator('#status').filter({ hasText: 'Copied' }).waitFor();
    assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), doc);
  });
});

test('amounts panel: one row per amount with kind and value; a row jumps to the amount in the text', async () => {
  const one = 'The deal is worth $4.5 billion.\n';
  // invented text with one amount of each kind, a range, and markup that must stay text
  const mixed = 'Harbour plan <img src=x onerror=alert(1)> approved\n'
    + 'BERGEN, May 4 - The city will spend $5-6 million on the quay, and fares rise 3.5% next year.\n'
    + 'The ferry now takes 40 minutes, officials said.\n';
  const g = new Gleaner();
  await withPage({}, async ({ page }) => {
    await nextResult(page, () => page.fill('#input', one));
    await page.click('#tab-amounts');
    assert.equal(await page.locator('#tab-amounts .count').textContent(), '(1)');
    const rows = page.locator('#view-amounts tbody tr');
    assert.equal(await rows.count(), 1);
    assert.deepEqual(await rows.first().locator('td').allTextContents(), ['$4.5 billion', 'money', '4,500,000,000 USD']);
    assert.match(await page.locator('#view-amounts p').first().textContent(), /^1 amount: 1 money\.$/);
    await rows.first().locator('button.jump').click();
    assert.equal(await page.getAttribute('#tab-text', 'aria-selected'), 'true');
    assert.equal(await page.locator('#dump .amt.flash').textContent(), '$4.5 billion');
    assert.equal(await page.locator('#dump .amt.flash').getAttribute('data-a'), '0');

    // several kinds: the rows are the document's amounts, in text order
    await nextResult(page, () => page.fill('#input', mixed));
    const doc = g.parse(mixed);
    assert.deepEqual(doc.amounts.map((a) => a.kind).sort(), ['money', 'percent', 'quantity'], JSON.stringify(doc.amounts));
    await page.click('#tab-amounts');
    const cells = await page.locator('#view-amounts tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(cells.map(([t, k]) => [t, k]), doc.amounts.map((a) => [a.text, a.kind]));
    const range = doc.amounts.find((a) => a.kind === 'money');
    assert.equal(cells[doc.amounts.indexOf(range)][2], '5,000,000–6,000,000 USD');
    assert.equal(cells[doc.amounts.findIndex((a) => a.kind === 'percent')][2], '3.5%');
    assert.equal(cells[doc.amounts.findIndex((a) => a.kind === 'quantity')][2], '40 minutes');
    assert.equal(await page.locator('#view-amounts img, #view-amounts [onerror]').count(), 0);
    await shot(page, 'amounts-view');
    // the tooltip on the highlight says the same value
    await page.locator('#view-amounts button.jump').first().click();
    await page.locator('#dump .amt.flash').hover();
    assert.match(await page.locator('#tip').textContent(), /^Amount · money.*Value: 5,000,000–6,000,000 USD$/);

    // switched off: the panel says so
    await page.click('#tab-amounts');
    await nextResult(page, () => page.uncheck('#opt-amounts'));
    assert.equal(await page.locator('#view-amounts .empty').textContent(), 'Amount extraction is switched off (see Extract).');
    assert.equal(await page.locator('#tab-amounts .count').textContent(), '(0)');
  });
});

test('CSV exports: cells that a spreadsheet would run as formulas are neutralised with a leading quote', async () => {
  // invented text whose quotes and amounts start with =, @, + and -
  const text = 'Council backs harbour plan\n'
    + 'OSLO, March 3 (Invented Wire) - "=HYPERLINK(\'https://evil.example/\',\'Click here\') was pasted into the minutes," the mayor told reporters.\n'
    + '"@SUM(1,2) is not a budget," said Maria Lopez, a councillor.\n'
    + '"+47 555 0100 is the new hotline," Lopez said.\n'
    + '"\uFF1DSUM(A1) is also fine," Lopez said.\n'
    + 'Revenue fell -3% while costs rose $20 million.\n';
  const doc = new Gleaner().parse(text);
  // as a spreadsheet reads them: also after spaces, and the fullwidth forms
  const starts = (s) => /^[\t\r\n]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(s);
  assert.ok(doc.quotes.some((q) => q.text.startsWith('=HYPERLINK(')), JSON.stringify(doc.quotes));
  assert.ok(doc.quotes.some((q) => q.text.startsWith('@SUM(')), JSON.stringify(doc.quotes));
  assert.ok(doc.quotes.some((q) => q.text.startsWith('\uFF1DSUM(')), JSON.stringify(doc.quotes));
  assert.ok(doc.amounts.some((a) => a.text === '-3%' && a.value === -3), JSON.stringify(doc.amounts));
  await withPage({}, async ({ page }) => {
    await nextResult(page, () => page.fill('#input', text));
    const files = {};
    for (const id of ['dl-entities', 'dl-mentions', 'dl-quotes', 'dl-amounts']) files[id] = await download(page, id);
    // no cell of any export starts with a formula character, except numbers the page wrote itself
    for (const { name, body } of Object.values(files)) {
      for (const row of parseCsv(body)) {
        for (const [col, cell] of Object.entries(row)) {
          if (starts(cell)) assert.ok(Number.isFinite(Number(cell)), `${name} ${col}: ${JSON.stringify(cell)} starts like a formula`);
        }
      }
    }
    // quoted cells (the commas and quotes inside) survive, with the guard in front
    const qr = parseCsv(files['dl-quotes'].body);
    assert.equal(qr.length, doc.quotes.length);
    qr.forEach((r, i) => assert.equal(r.text, starts(doc.quotes[i].text) ? `'${doc.quotes[i].text}` : doc.quotes[i].text));
    assert.ok(qr.some((r) => r.text.startsWith("'=HYPERLINK('https://evil.example/','Click here')")), qr.map((r) => r.text).join('\n'));
    assert.match(files['dl-quotes'].body, /,"'=HYPERLINK\('https:\/\/evil\.example\/','Click here'\) was pasted into the minutes,",/);
    const ar = parseCsv(files['dl-amounts'].body);
    const minus = ar.find((r) => r.text === "'-3%");
    assert.ok(minus, ar.map((r) => r.text).join(' | '));
    assert.equal(minus.value, '-3', 'a number stays a number');
  });
});

/** A ~10 MB dump in the real shapes: many copies of the sample with varied numbers. */

test('a 10 MB dump parses in the worker with progress; the page stays responsive; cancel works', async () => {
  const text = repeatSample(await readSample());
  assert.ok(Buffer.byteLength(text) >= 10 * 1024 * 1024);
  await withPage({}, async ({ page }) => {
    // a timer that must keep ticking while the worker parses
    await page.evaluate(() => {
      window.__ticks = [];
      window.__timer = setInterval(() => window.__ticks.push(performance.now()), 50);
      // main-thread tasks over 50 ms (Long Tasks API), and the phase each one starts in
      window.__long = [];
      window.__phases = [['read the file, parse, receive and render the result', performance.now()]];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    // from disk, as a person picks a file (a buffer would be injected through the page's main thread)
    const file = path.join(OUT, 'big-dump.txt');
    await writeFile(file, text);
    await page.setInputFiles('#file', file);
    await page.waitForSelector('body[data-state="busy"]', { timeout: 20_000 });
    assert.equal(await page.locator('#progress').isVisible(), true);
    assert.equal(await page.locator('#cancel').isVisible(), true);
    await page.locator('#status').filter({ hasText: /Parsing 10\.\d MB… \w+ \(\d\/\d\) · \d+\.\d s/ }).waitFor();
    await shot(page, 'big-dump-progress');
    // the bar moves inside the entities stage (the tagger reports each chunk it finishes)
    await page.locator('#status').filter({ hasText: /entities \d+% \(1\/6\)/ }).waitFor({ timeout: 120_000 });
    const bar = await page.evaluate(() => document.getElementById('progress').value);
    assert.ok(bar > 1 && bar < 2, `progress inside entities: ${bar}`);
    // while parsing: the page answers, the timer ticks, the UI reacts to clicks
    const ticksBefore = await page.evaluate(() => window.__ticks.length);
    await page.click('#tab-json');
    await page.click('#tab-text');
    await page.waitForFunction((n) => window.__ticks.length > n + 5, ticksBefore, { timeout: 5_000 });
    await page.waitForSelector('body[data-results="1"][data-state="idle"]', { timeout: 300_000 });
    const parseSecs = (Date.now() - t0) / 1000;
    const r = await page.evaluate(() => {
      clearInterval(window.__timer);
      const mark = (n) => performance.getEntriesByName(n)[0].startTime;
      const chunksStart = performance.getEntriesByName('gleaner:chunks-start')[0]?.startTime;
      const [sent, received] = [mark('gleaner:parse-sent'), chunksStart ?? mark('gleaner:result-received')];
      const t = window.__ticks;
      const gaps = (a, b) => { const w = t.filter((x) => x >= a && x <= b); return w.slice(1).map((x, i) => x - w[i]); };
      return { during: gaps(sent, received), all: gaps(0, Infinity), parseMs: received - sent, status: document.getElementById('status').textContent };
    });
    const max = (g) => Math.max(...g).toFixed(0);
    console.log(`# 10 MB dump: ${r.status} Result after ${parseSecs.toFixed(1)} s; while the worker parsed (${(r.parseMs / 1000).toFixed(1)} s) the 50 ms timer ticked ${r.during.length} times, longest gap ${max(r.during)} ms; longest gap overall (reading the file, receiving the streamed result, rendering) ${max(r.all)} ms`);
    assert.ok(r.during.length >= r.parseMs / 50 / 2, 'the timer kept ticking while the worker parsed');
    // generous: on a loaded 2-core box the renderer itself gets descheduled now and then
    assert.ok(Math.max(...r.during) < 1000, `longest timer gap while parsing: ${max(r.during)} ms`);
    assert.ok(Math.max(...r.all) < 3000, `longest timer gap overall: ${max(r.all)} ms`);
    assert.match(await page.locator('#summary').textContent(), /\d{3,}(,\d{3})* headlines/);
    assert.equal(await page.locator('#dump-more-wrap').isVisible(), true, 'the dump view renders in chunks');
    await shot(page, 'big-dump-done');

    // every tab and every export on the 10 MB result: main-thread tasks (Long Tasks API) stay short
    const phase = (name) => page.evaluate((n) => { window.__phases.push([n, performance.now()]); }, name);
    // a view is done when no list is still being built in slices (button.more[data-pending])
    const settle = async () => {
      await page.waitForFunction(() => !document.querySelector('button.more[data-pending]'), null, { timeout: 60_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    };
    for (const tab of ['structure', 'entities', 'quotes', 'times', 'amounts', 'clusters', 'json', 'text']) {
      await phase(`tab ${tab}`);
      await page.click(`#tab-${tab}`);
      if (tab === 'json') await page.locator('#json').filter({ hasText: /^\{/ }).waitFor({ timeout: 60_000 });
      await settle();
    }
    assert.equal(await page.locator('#view-structure ol.headlines li').count(), 500, 'the structure view shows one page of headlines');
    await page.click('#tab-structure');
    const moreButton = page.locator('#view-structure > button.more').first();
    await moreButton.click();
    await settle();
    assert.equal(await page.locator('#view-structure ol.headlines li').count(), 1000, 'Show more adds the next page');
    const exported = {};
    for (const id of ['dl-json', 'dl-entities', 'dl-mentions', 'dl-quotes', 'dl-amounts']) {
      await phase(id);
      exported[id] = await download(page, id);
      await settle();
    }
    await phase('copy-json');
    await page.click('#copy-json');
    await page.locator('#error').filter({ hasText: /Copy JSON is for dumps up to 2\.0 MB \(this one is 10\.\d MB\): use Download JSON/ }).waitFor();
    // each task belongs to the phase it started in
    const { long, phases } = await page.evaluate(() => ({ long: window.__long, phases: window.__phases }));
    const worst = {};
    for (const { start, ms } of long) {
      const at = phases.filter(([, t]) => t <= start).at(-1)?.[0] ?? 'before';
      worst[at] = Math.max(worst[at] ?? 0, Math.round(ms));
    }
    console.log(`# 10 MB result: main-thread tasks over 50 ms by phase (longest, ms): ${JSON.stringify(worst)}`);
    if (process.env.GLEANER_LONGTASK_DEBUG) {
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]));
      console.log(`# marks ${JSON.stringify(marks)}\n# tasks ${JSON.stringify(long.map(({ start, ms }) => [Math.round(start), Math.round(ms)]))}`);
    }
    const jsonBytes = exported['dl-json'].body.length;
    assert.ok(jsonBytes > 10_000_000, `the JSON export is whole (${jsonBytes} chars)`);
    const mentions = Number((await page.locator('#summary').textContent()).match(/([\d,]+) mentions/)[1].replace(/,/g, ''));
    assert.equal(parseCsv(exported['dl-mentions'].body).length, mentions, 'the mentions CSV has every mention');
    // The target is 200 ms. Measured on the shared 2-core box at load average 10-15: longest
    // task 190-296 ms over runs (before paging and building exports from parts: Clusters 9.6 s, Copy JSON
    // 4.8 s, Download JSON 1.5 s, JSON tab 1.3 s). The default allows 2x for a box whose
    // renderer is descheduled by other work; GLEANER_LONGTASK_MS=200 checks the target itself.
    const budget = Number(process.env.GLEANER_LONGTASK_MS ?? 400);
    for (const [at, ms] of Object.entries(worst)) assert.ok(ms <= budget, `${at}: a ${ms} ms main-thread task (budget ${budget} ms)`);

    // cancel a running parse: the worker is replaced and the next parse works
    await writeFile(path.join(OUT, 'big-dump-2.txt'), text.slice(0, 5_000_000));
    await page.setInputFiles('#file', path.join(OUT, 'big-dump-2.txt'));
    await page.waitForSelector('body[data-state="busy"]', { timeout: 10_000 });
    await page.click('#cancel');
    await page.locator('#status').filter({ hasText: 'Cancelled' }).waitFor();
    assert.equal(await page.getAttribute('body', 'data-state'), 'idle');
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.locator('#input').getAttribute('readonly'), '', 'a big file is shown read-only');
    await nextResult(page, () => page.click('#clear'));
    await nextResult(page, () => page.fill('#input', '-\nAfter cancel one\n-\nAfter cancel two\n'));
    assert.match(await page.locator('#summary').textContent(), /2 headlines/);
  });
});

// Opt-in (minutes and gigabytes): GLEANER_PAGE_40MB=1 node --test --test-name-pattern='40 MB' tests/js/page.test.mjs
test('a 40 MB dump of short lines either parses or says it is too large for the tab; the next dump parses', { skip: process.env.GLEANER_PAGE_40MB ? false : 'set GLEANER_PAGE_40MB=1 to run it' }, async () => {
  // the short-line family of the adversarial suite: '-' separators and rule lines, 40 MB
  const lines = ['-', 'A headline that repeats', '-', '----------', '(END)'];
  const file = path.join(OUT, 'dash-lines-40mb.txt');
  await writeFile(file, `${lines.join('\n')}\n`.repeat(Math.ceil((40 * 1024 * 1024) / 48)));
  await withPage({}, async ({ page }) => {
    const t0 = Date.now();
    await page.setInputFiles('#file', file);
    await page.waitForSelector('body[data-state="busy"]', { timeout: 60_000 });
    await page.waitForSelector('body[data-state="idle"]', { timeout: 900_000 });
    const status = await page.locator('#status').textContent();
    const error = await page.locator('#error').textContent();
    console.log(`# 40 MB of short lines after ${((Date.now() - t0) / 1000).toFixed(0)} s: ${status} ${error}`);
    assert.doesNotMatch(status, /fix the options/);
    if (/too large/.test(status)) {
      assert.match(error, /^input too large for this browser tab: \d+ MB of text ran out of WebAssembly memory/);
    } else {
      assert.match(status, /^Parsed in \d+ ms/);
      assert.match(await page.locator('#summary').textContent(), /headlines/);
    }
    // a fresh worker (after running out of memory) or the same one parses the next dump
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await nextResult(page, () => page.click('#clear'));
    await nextResult(page, () => page.fill('#input', '-\nAfter the big one\n-\nAnother headline\n'));
    assert.match(await page.locator('#summary').textContent(), /2 headlines/);
  });
});

test('time to first result for a 10 KB dump on a cold page load', async () => {
  const base = await readSample();
  const text = (base + '\n').repeat(2).slice(0, 10 * 1024);
  await withPage({ waitReady: false }, async ({ page }) => {
    // the page was just loaded in a fresh browser context (empty cache); type as soon as the box exists
    await page.waitForSelector('#input');
    await page.evaluate((t) => { const i = document.getElementById('input'); i.value = t; i.dispatchEvent(new Event('input')); }, text);
    // the first result painted is the structure alone (a cold worker sends it first), then the whole document
    await page.waitForFunction(() => performance.getEntriesByName('gleaner:first-full-result').length > 0, null, { timeout: 60_000 });
    await page.waitForSelector('body[data-results="1"]');
    const t = await page.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
      return {
        firstResult: at('gleaner:first-result'), whole: at('gleaner:first-full-result'), workerStart: at('gleaner:worker:start'), ready: at('gleaner:worker-ready'),
        structureMs: performance.getEntriesByName('gleaner:first-result')[0].detail?.structureMs,
        domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
        parseMs: Number(document.getElementById('status').textContent.match(/Parsed in (\d+) ms/)?.[1]),
      };
    });
    // the worker's steps are on the page's clock and in order: started before app.js's UI was built
    assert.ok(t.workerStart > 0 && t.workerStart < t.ready && t.ready < t.firstResult && t.firstResult <= t.whole, JSON.stringify(t));
    assert.ok(t.structureMs >= 0, 'the first result painted is the structure preview');
    const line = `time to first result, 10 KB dump, cold load: ${t.firstResult.toFixed(0)} ms after navigation start, painted `
      + `(structure parsed in ${t.structureMs.toFixed(0)} ms; the whole document painted at ${t.whole.toFixed(0)} ms; DOMContentLoaded ${t.domContentLoaded.toFixed(0)} ms, worker script ran at ${t.workerStart.toFixed(0)} ms, ready at ${t.ready.toFixed(0)} ms); first 10 KB parse ${t.parseMs} ms`;
    console.log(`# ${line}`);
    await writeFile(path.join(OUT, 'ttfr.txt'), `${line}\n`);
    // Targets: 300 ms to the first result, 30 ms for the first parse, which a shared 2-core box
    // under load cannot show (see README "Speed and size", the time-to-first-result row, and
    // `node tests/js/bench-ttfr.mjs` for the side-by-side numbers). The defaults
    // only catch a regression by several times; GLEANER_TTFR_MS=300 GLEANER_FIRST_PARSE_MS=30
    // check the targets themselves.
    const ttfrBudget = Number(process.env.GLEANER_TTFR_MS ?? 5000);
    const parseBudget = Number(process.env.GLEANER_FIRST_PARSE_MS ?? 1500);
    assert.ok(t.firstResult <= ttfrBudget, `first result after ${t.firstResult.toFixed(0)} ms (budget ${ttfrBudget} ms)`);
    assert.ok(t.parseMs <= parseBudget, `first 10 KB parse ${t.parseMs} ms (budget ${parseBudget} ms)`);
  });
});

test('phone width: one column, no horizontal scrolling', async () => {
  const text = await readSample();
  await withPage({ viewport: { width: 390, height: 844 } }, async ({ page }) => {
    await nextResult(page, () => page.fill('#input', text));
    for (const tab of ['text', 'entities']) {
      await page.click(`#tab-${tab}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${tab} view overflows by ${overflow}px`);
    }
    await page.click('#tab-text');
    await shot(page, 'phone', { fullPage: false });
  });
});

test('dark mode: the highlighted dump and legend', async () => {
  const text = await readSample();
  await withPage({}, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await nextResult(page, () => page.fill('#input', text));
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(bg, 'rgb(22, 23, 27)');
    await page.locator('#dump').evaluate((d) => { d.scrollTop = d.scrollHeight / 2; });
    await shot(page, 'dark-text-view');
  });
});

test('the package worker entry (pkg/worker.js) answers { id, text, options } with progress, result and errors', async () => {
  const text = await readSample();
  await withPage({}, async ({ page }) => {
    let out = await page.evaluate(async (t) => {
      const w = new Worker('./pkg/worker.js', { type: 'module' });
      const seen = [];
      const done = new Promise((resolve) => {
        w.onmessage = ({ data }) => {
          seen.push(data.type === 'result' ? { type: 'result', id: data.id, headlines: data.document.headlines.length, title: data.document.articles[0]?.title?.text }
            : data.type === 'progress' ? { type: 'progress', id: data.id, stage: data.stage } : data);
          if (seen.filter((m) => m.type === 'result' || m.type === 'error').length === 2) resolve();
        };
      });
      w.postMessage({ id: 'bad', text: 'x', options: { referenceDate: 'yesterday' } });
      w.postMessage({ id: 7, text: t, options: { referenceDate: '2026-01-09' } });
      await done;
      // streamed: arrays longer than 20 items arrive as chunks, in order, before the result
      const whole = await new Promise((resolve) => {
        w.onmessage = ({ data }) => { if (data.type === 'result') resolve(data.document); };
        w.postMessage({ id: 8, text: t });
      });
      const chunks = {};
      const streamed = await new Promise((resolve) => {
        w.onmessage = ({ data }) => {
          if (data.type === 'chunk') (chunks[data.key] ??= []).push(...data.items);
          if (data.type === 'result') resolve(data);
        };
        w.postMessage({ id: 9, text: t, stream: 20 });
      });
      for (const k of streamed.streamed) streamed.document[k] = chunks[k];
      // every field is validated: each bad request gets one error naming the field, and no chunk
      const bad = [
        { id: 10, text: 'x', stream: 1e-9 }, { id: 11, text: 'x', stream: -1 }, { id: 12, text: 'x', stream: '5' },
        { id: 13, text: 42 }, { id: 14, text: 'x', options: 'quotes' }, { id: 15, text: 'x', colour: 1 },
        { id: { nested: 1 }, text: 'x' }, 'just a string',
      ];
      const answers = await new Promise((resolve) => {
        const got = [];
        w.onmessage = ({ data }) => {
          if (data.type === 'chunk') got.push(data);
          if (data.type === 'error' || data.type === 'result') got.push(data);
          if (got.length === bad.length + 1) resolve(got);
        };
        for (const m of bad) w.postMessage(m);
        w.postMessage({ id: 16, text: '-\nA\n-\nB\n', stream: 0 });
      });
      w.terminate();
      return { seen, answers, same: JSON.stringify(whole) === JSON.stringify(streamed.document), streamedKeys: streamed.streamed };
    }, text);
    assert.equal(out.same, true, 'a streamed result reassembles to the same document');
    const answers = out.answers.map((m) => [m.type, m.id, m.message ?? m.document.headlines.length]);
    const streamErr = /^bad request: stream must be a whole number of items from 0 \(no chunks\) to 2147483648, got /;
    assert.match(answers[0][2], streamErr);
    assert.match(answers[1][2], streamErr);
    assert.match(answers[2][2], streamErr);
    assert.deepEqual(answers.slice(3), [
      ['error', 13, 'bad request: text must be a string, got number'],
      ['error', 14, 'bad request: options must be an object such as { referenceDate: "2026-01-09" }'],
      ['error', 15, 'bad request: unknown message field "colour"; expected id, text, options, stream'],
      ['error', null, 'bad request: id must be a number or a string'],
      ['error', null, 'bad request: expected a message { id, text, options?, stream? }'],
      ['result', 16, 2],
    ]);
    assert.ok(out.streamedKeys.includes('headlines') && out.streamedKeys.includes('mentions'), out.streamedKeys.join());
    out = out.seen;
    assert.equal(out[0].type, 'ready');
    assert.match(out[0].version, /^\d+\.\d+\.\d+/);
    const err = out.find((m) => m.type === 'error');
    assert.equal(err.id, 'bad');
    assert.match(err.message, /referenceDate.*YYYY-MM-DD/);
    const progress = out.filter((m) => m.type === 'progress' && m.id === 7).map((m) => m.stage);
    assert.equal(progress[0], 'structure');
    assert.equal(progress.at(-1), 'done');
    assert.deepEqual(out.find((m) => m.type === 'result'), { type: 'result', id: 7, headlines: 50, title: SAMPLE_TITLE });
  });
});
