// Real use of the generated declarations (pkg/gleaner.d.ts, pkg/worker.d.ts), type-checked by
// tests/js/types.test.mjs with `tsc --noEmit --strict` (see tsconfig.json). No `any` anywhere.
import init, {
  Gleaner, parse, version,
  type Amount, type Article, type Document, type Entity, type EntityLabel, type Headline,
  type Mention, type Options, type Quote, type Span, type StoryCluster, type TimeExpr,
} from '../../../pkg/gleaner.js';
import type { ArrayKey, ParseRequest, WorkerMessage } from '../../../pkg/worker.js';

const slice = (text: string, span: Span): string => text.slice(span.start, span.end);

export async function summarise(text: string): Promise<string[]> {
  await init();
  const options: Options = { referenceDate: '2026-01-09', quotes: true, clusters: false };
  const g = new Gleaner(options);
  const doc: Document = g.parse(text);
  const out: string[] = [`gleaner ${version()}: ${doc.kind}, ${doc.stats.bytes} bytes`];

  const headline = (h: Headline): string => `${h.list}/${h.role} ${slice(text, h.span)} ${h.time?.iso ?? h.time?.text ?? ''} ${h.teaser?.text ?? ''}`;
  out.push(...doc.headlines.map(headline));

  const article = (a: Article): string[] => [
    a.title ? a.title.text : '(untitled)',
    [a.dateline?.place, a.dateline?.date, a.dateline?.agency].filter((x): x is string => typeof x === 'string').join(' / '),
    a.byline ? `${a.byline.authors.join(', ')} (${a.byline.source ?? 'no source'}, ${a.byline.position})` : '',
    a.published?.iso ?? '',
    ...a.sections.flatMap((s) => [s.heading?.text ?? '', ...s.paragraphs.map((p) => p.text)]),
    a.endMark?.text ?? '',
  ];
  out.push(...doc.articles.flatMap(article));

  const byLabel = new Map<EntityLabel, Entity[]>();
  for (const e of doc.entities) byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e]);
  for (const [label, ents] of byLabel) {
    out.push(`${label}: ${ents.map((e) => `${e.name} ×${e.count} ${e.salience.toFixed(2)} ${e.aliases.join('|')} ${e.roles.map((r) => r.title).join('|')} ${e.countryCode ?? ''}`).join('; ')}`);
  }
  const mention = (m: Mention): string => {
    const ent: Entity | undefined = m.entity === null ? undefined : doc.entities[m.entity];
    return `${m.label} ${slice(text, m.span)} ${m.confidence.toFixed(2)} → ${ent?.name ?? '-'}`;
  };
  out.push(...doc.mentions.map(mention));
  out.push(...doc.quotes.map((q: Quote) => `${q.speaker ?? 'unattributed'}${q.cue ? ` (${q.cue})` : ''}: ${q.text}`));
  out.push(...doc.times.map((t: TimeExpr) => `${t.type} ${t.text} = ${t.value ?? 'unresolved'}`));
  out.push(...doc.amounts.map((a: Amount) => `${a.kind} ${a.value} ${a.currency ?? a.unit ?? ''}`));
  out.push(...doc.clusters.map((c: StoryCluster) => `${c.label}: ${c.headlines.length} headlines, ${c.sharedEntities.join(', ')}`));

  const stages: string[] = [];
  g.parseWithProgress(text, (done: number, total: number, stage: string, fraction: number) => { stages.push(`${stage} ${done + fraction}/${total}`); });
  out.push(stages.join(', '));
  g.free();

  // @ts-expect-error unknown option keys are a type error (and a thrown Error at run time)
  new Gleaner({ colour: 1 });
  // @ts-expect-error referenceDate is a string
  parse(text, { referenceDate: 20260109 });
  // @ts-expect-error nullable fields must be narrowed under --strict
  out.push(doc.articles[0]!.title.text);
  // @ts-expect-error results are typed: no unknown fields
  out.push(doc.heading);
  return out;
}

/** The worker protocol, as an app would use it (with streamed result arrays). */
export function parseInWorker(worker: Worker, text: string, onProgress: (stage: string) => void): Promise<Document> {
  return new Promise((resolve, reject) => {
    const request: ParseRequest = { id: 1, text, options: { referenceDate: '2026-01-09' }, stream: 1000 };
    const chunks = new Map<ArrayKey, unknown[][]>();
    let mentionsSoFar = 0;
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      switch (m.type) {
        case 'ready': onProgress(`ready ${m.version}`); break;
        case 'progress': onProgress(`${m.stage} ${m.done}/${m.total} ${m.fraction.toFixed(2)}`); break;
        case 'chunk':
          chunks.set(m.key, [...(chunks.get(m.key) ?? []), m.items]);
          if (m.key === 'mentions') { // narrows items to Mention[]
            const firstOfChunk: Mention | undefined = m.items[0];
            mentionsSoFar += firstOfChunk ? m.items.length : 0;
          }
          onProgress(`${m.key}: ${m.items.length} more (${mentionsSoFar} mentions)`);
          break;
        case 'result': {
          const doc: Document = m.document;
          for (const key of m.streamed ?? []) Object.assign(doc, { [key]: (chunks.get(key) ?? []).flat() });
          const first: Mention | undefined = doc.mentions[0];
          onProgress(`${doc.headlines.length} headlines, first mention ${first?.text ?? '-'}`);
          resolve(doc);
          break;
        }
        case 'error': reject(new Error(m.message)); break;
      }
    };
    worker.postMessage(request);
  });
}
