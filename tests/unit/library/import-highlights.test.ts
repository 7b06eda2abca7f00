import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { anchorAll } from '../../../src/highlights/anchor-text';
import { textOf } from '../../../src/highlights/dom-text';
import { badHighlightField } from '../../../src/highlights/types';
import { omnivoreArticleNote, omnivoreHighlight, omnivoreHighlightsFile } from './omnivore-export';
import { librariesClosedAfterEach, type Library } from './support';

const setup = librariesClosedAfterEach();

/** The text the reader anchors in: the stored body's text nodes. */
async function bodyText(lib: Library, articleId: string) {
  const { html } = await lib.service.get(articleId);
  return textOf(new lib.win.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body);
}

/** The article's highlights as the reader sees them: anchored in its stored body, or not found. */
async function readerView(lib: Library, articleId: string) {
  const text = await bodyText(lib, articleId);
  const { anchored, orphaned } = anchorAll(text, await lib.highlights.list(articleId));
  return {
    anchored: anchored.map(({ highlight, span }) => ({ text: text.slice(span.start, span.end), note: highlight.note })),
    orphaned: orphaned.map((h) => h.quote.exact),
  };
}

async function onlyArticle(lib: Library) {
  const items = (await lib.service.list({ view: 'all' })).items;
  expect(items).toHaveLength(1);
  return items[0]!;
}

/** Readable content as sources indent it: the white space between paragraphs is in the text. */
const CONTENT = `<div class="page">
      <p>The river rises in the hills and runs south to the sea.</p>
      <p>Fishermen mend their nets on the shore every morning.</p>
      <p>Nobody remembers when the bridge was built.</p>
    </div>`;

function omnivoreZip(highlights: string, extra: Record<string, Uint8Array> = {}) {
  const metadata = [
    {
      id: '1',
      slug: 'the-river',
      title: 'The river',
      url: 'https://c.example/river',
      state: 'Succeeded',
      labels: [],
      savedAt: '2023-05-01T10:00:00.000Z',
      updatedAt: '2023-05-02T10:00:00.000Z',
    },
  ];
  return zipSync({
    'metadata_0_to_1.json': strToU8(JSON.stringify(metadata)),
    'content/the-river.html': strToU8(CONTENT),
    'highlights/the-river.md': strToU8(highlights),
    ...extra,
  });
}

const RIVER_HIGHLIGHTS = omnivoreHighlightsFile([
  omnivoreArticleNote('Worth reading again.'),
  omnivoreHighlight('runs south to the sea', { note: 'Geography!' }),
  omnivoreHighlight('the sea.\n\nFishermen'),
  omnivoreHighlight('The old mill burned down in 1902.'),
]);

describe('importing highlights from an Omnivore export', () => {
  it('places each highlight in the stored text, keeps its note and keeps one it cannot place', async () => {
    const lib = setup();
    expect(await lib.exchange.importFile(omnivoreZip(RIVER_HIGHLIGHTS))).toMatchObject({ kind: 'omnivore', added: 1 });
    const article = await onlyArticle(lib);
    const stored = await lib.highlights.list(article.id);
    expect(stored).toHaveLength(3);
    expect(stored.every((h) => badHighlightField(h) === null && h.color === 'yellow')).toBe(true);
    expect(stored.map((h) => h.createdAt)).toEqual([0, 1, 2].map((i) => Date.parse('2023-05-02T10:00:00.000Z') + i));
    // The article's note is not a highlight, and no highlight took it as its note.
    expect(stored.some((h) => h.note.includes('Worth reading') || h.quote.exact.includes('Worth reading'))).toBe(false);

    expect(await readerView(lib, article.id)).toEqual({
      anchored: [
        { text: 'runs south to the sea', note: 'Geography!' },
        { text: 'the sea.\n      Fishermen', note: '' },
      ],
      orphaned: ['The old mill burned down in 1902.'],
    });
    // Stored as placed: offsets in the body's text, with its context to find it again later.
    const text = await bodyText(lib, article.id);
    const crossing = stored.find((h) => h.quote.exact.startsWith('the sea.'))!;
    expect(text.slice(crossing.position.start, crossing.position.end)).toBe(crossing.quote.exact);
    expect(crossing.quote.prefix).toBe(' in the hills and runs south to ');
    expect(stored.find((h) => h.quote.exact.startsWith('The old mill'))).toMatchObject({
      quote: { prefix: '', suffix: '' },
      position: { start: 0, end: 0 },
    });
  });

  it('adds nothing twice when the same file is imported again, and keeps what was changed since', async () => {
    const lib = setup();
    const zip = omnivoreZip(RIVER_HIGHLIGHTS);
    await lib.exchange.importFile(zip);
    const article = await onlyArticle(lib);
    const [first] = await lib.highlights.list(article.id);
    await lib.highlights.update(first!.id, { color: 'green', note: 'Edited here.' });

    expect(await lib.exchange.importFile(zip)).toMatchObject({ kind: 'omnivore', added: 0, updated: 1 });
    const again = await lib.highlights.list(article.id);
    expect(again).toHaveLength(3);
    expect(again.find((h) => h.id === first!.id)).toMatchObject({ color: 'green', note: 'Edited here.' });
  });

  it('skips a malformed highlight and a stray highlights file, and imports everything else', async () => {
    const lib = setup();
    const highlights = omnivoreHighlightsFile(['>', omnivoreHighlight('runs south to the sea', { note: 'kept' })]);
    const zip = omnivoreZip(highlights, {
      'highlights/not-in-the-metadata.md': strToU8(omnivoreHighlight('Nobody remembers')),
      'highlights/broken.md': new Uint8Array([0xff, 0xfe, 0x00]),
    });
    expect(await lib.exchange.importFile(zip)).toMatchObject({ kind: 'omnivore', added: 1, skipped: 0 });
    const article = await onlyArticle(lib);
    expect((await readerView(lib, article.id)).anchored).toEqual([{ text: 'runs south to the sea', note: 'kept' }]);
    expect((await lib.service.get(article.id)).text).toContain('Nobody remembers when the bridge was built.');
  });

  it('shows the imported highlights in the Highlights view, even one read before the import', async () => {
    const lib = setup();
    expect((await lib.highlights.browse({})).total).toBe(0);
    await lib.exchange.importFile(omnivoreZip(RIVER_HIGHLIGHTS));
    expect((await lib.highlights.browse({})).total).toBe(3);
  });
});

const POCKET_CSV =
  'title,url,time_added,cursor,tags,status\n' +
  'The river,https://a.example/river,1700000000,1,,unread\n' +
  'Bridges,https://b.example/bridges,1700000100,2,history,archive\n';

function pocketZip(annotations: Record<string, string>, csv: Record<string, string> = {}) {
  const files: Record<string, Uint8Array> = { 'part_000000.csv': strToU8(POCKET_CSV) };
  for (const [name, text] of Object.entries({ ...csv, ...annotations })) files[name] = strToU8(text);
  return zipSync(files);
}

const POCKET_ANNOTATIONS = JSON.stringify([
  {
    url: 'https://a.example/river',
    title: 'The river',
    highlights: [
      { quote: 'runs south to the sea', created_at: 1700000500 },
      { quote: 'Fishermen mend their nets', created_at: 1700000600 },
    ],
  },
]);

describe("importing highlights from Pocket's export", () => {
  it('keeps them with their link by their quote, and the reader places them once the text is there', async () => {
    const lib = setup();
    const zip = pocketZip({ 'annotations/part_000000.json': POCKET_ANNOTATIONS });
    expect(await lib.exchange.importFile(zip)).toMatchObject({ kind: 'pocket-csv', added: 2 });
    const river = (await lib.service.list({ view: 'all' })).items.find((a) => a.title === 'The river')!;
    expect(river.status).toBe('link');
    const stored = await lib.highlights.list(river.id);
    expect(stored.map((h) => [h.quote.exact, h.createdAt])).toEqual([
      ['runs south to the sea', 1_700_000_500_000],
      ['Fishermen mend their nets', 1_700_000_600_000],
    ]);
    expect(stored.every((h) => badHighlightField(h) === null)).toBe(true);

    const fetched = 'The river rises in the hills and runs south to the sea.Fishermen mend their nets on the shore.';
    const { anchored, orphaned } = anchorAll(fetched, stored);
    expect(orphaned).toEqual([]);
    expect(anchored.map(({ span }) => fetched.slice(span.start, span.end))).toEqual([
      'runs south to the sea',
      'Fishermen mend their nets',
    ]);
  });

  it('adds nothing twice when the same export is imported again', async () => {
    const lib = setup();
    const zip = pocketZip({ 'annotations/part_000000.json': POCKET_ANNOTATIONS });
    await lib.exchange.importFile(zip);
    expect(await lib.exchange.importFile(zip)).toMatchObject({ added: 0, updated: 2 });
    expect(await lib.db.highlights.count()).toBe(2);
  });

  it('skips malformed entries and an unreadable part, and imports everything else', async () => {
    const lib = setup();
    const annotations = JSON.stringify([
      { url: 'https://a.example/river', highlights: [{ quote: 42 }, { quote: '  ' }, { created_at: 1 }] },
      { url: 'https://b.example/bridges', highlights: 'not a list' },
      { highlights: [{ quote: 'no address' }] },
      null,
      {
        url: 'https://b.example/bridges',
        title: 'Bridges',
        highlights: [{ quote: 'built in stone', created_at: 'x' }],
      },
    ]);
    const zip = pocketZip({ 'annotations/part_000000.json': annotations, 'annotations/part_000001.json': '[{"url":' });
    expect(await lib.exchange.importFile(zip)).toMatchObject({ kind: 'pocket-csv', added: 2, skipped: 0 });
    const all = await lib.db.highlights.toArray();
    expect(all.map((h) => h.quote.exact)).toEqual(['built in stone']);
    expect(all[0]!.createdAt).toBe(Date.parse('2024-12-01T10:00:00Z')); // no date: the import's
  });

  it('reads every CSV part, so the highlights of an entry in a later part go with it', async () => {
    const lib = setup();
    const later = 'title,url,time_added,cursor,tags,status\nLater,https://c.example/later,1700000200,3,,unread\n';
    const annotations = JSON.stringify([{ url: 'https://c.example/later', highlights: [{ quote: 'later on' }] }]);
    const zip = pocketZip({ 'annotations/part_000000.json': annotations }, { 'part_000001.csv': later });
    expect(await lib.exchange.importFile(zip)).toMatchObject({ added: 3 });
    const entry = (await lib.service.list({ view: 'all' })).items.find((a) => a.title === 'Later')!;
    expect((await lib.highlights.list(entry.id)).map((h) => h.quote.exact)).toEqual(['later on']);
  });
});
