/**
 * Send to Readeck and wallabag, against stand-ins that follow their published API request by
 * request (tests/integration/sendto/support: the real servers cannot be installed here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReadeck, multipartBody, sendToReadeck } from '../../../src/sendto/readeck';
import { SendError, type OutgoingArticle } from '../../../src/sendto/types';
import { sendToWallabag, wallabagToken } from '../../../src/sendto/wallabag';
import {
  parseMultipart,
  startReadeckStandIn,
  startWallabagStandIn,
  type ReadeckBookmark,
  type StandInServer,
  type WallabagEntry,
} from './support/stand-in-servers';

const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 1, 2, 3]);
const jpeg = new Uint8Array([255, 216, 255, 224, 9, 8, 7]);

const article: OutgoingArticle = {
  url: 'https://news.example/harbour?id=7',
  title: 'Harbour archive — “quoted” & more',
  html: '<h1>Harbour</h1><p>Fishermen and charts.</p><img src="https://img.example/a.png"><img src="https://img.example/b.jpg">',
  images: [
    { url: 'https://img.example/a.png', type: 'image/png', bytes: png },
    { url: 'https://img.example/b.jpg', type: 'image/jpeg', bytes: jpeg },
  ],
  tags: ['maps', 'later'],
};

const WALLABAG = { clientId: '1_abc', clientSecret: 's3cret', username: 'ann', password: 'pässword' };

describe('Send to Readeck', () => {
  let readeck: StandInServer<ReadeckBookmark>;
  beforeAll(async () => {
    readeck = await startReadeckStandIn('token-1');
  });
  afterAll(async () => readeck?.close());

  it('creates a bookmark from the sanitised HTML and the stored images, without Readeck fetching', async () => {
    await checkReadeck({ baseUrl: readeck.url, token: 'token-1' }, fetch);
    const id = await sendToReadeck({ baseUrl: readeck.url, token: 'token-1' }, article, fetch);
    const [bookmark] = readeck.received;
    expect(id).toBe(bookmark!.id);
    expect(bookmark).toMatchObject({ url: article.url, title: article.title, labels: ['maps', 'later'] });
    const [page, ...images] = bookmark!.resources;
    expect(page).toMatchObject({ location: article.url, type: 'text/html; charset=utf-8' });
    expect(page!.body.toString('utf8')).toBe(article.html);
    expect(images.map((i) => [i.location, i.type, [...i.body]])).toEqual([
      ['https://img.example/a.png', 'image/png', [...png]],
      ['https://img.example/b.jpg', 'image/jpeg', [...jpeg]],
    ]);
  });

  it('says a wrong token is one', async () => {
    await expect(checkReadeck({ baseUrl: readeck.url, token: 'nope' }, fetch)).rejects.toMatchObject({ kind: 'auth' });
    await expect(sendToReadeck({ baseUrl: readeck.url, token: 'nope' }, article, fetch)).rejects.toBeInstanceOf(
      SendError,
    );
  });

  it('is a stand-in that refuses what Readeck refuses', async () => {
    const post = (body: Uint8Array, type: string, token = 'token-1') =>
      fetch(`${readeck.url}api/bookmarks`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
        body: body as Uint8Array<ArrayBuffer>,
      });
    const noLocation = multipartBody([
      { headers: { 'Content-Disposition': 'form-data; name="url"' }, body: 'https://news.example/x' },
      { headers: { 'Content-Disposition': 'form-data; name="resource"; filename="_"' }, body: '<p>x' },
    ]);
    expect((await post(noLocation.body, noLocation.contentType)).status).toBe(422);
    const noUrl = multipartBody([{ headers: { 'Content-Disposition': 'form-data; name="title"' }, body: 'x' }]);
    expect((await post(noUrl.body, noUrl.contentType)).status).toBe(422);
    expect((await post(new TextEncoder().encode('url=x'), 'text/plain')).status).toBe(415);
    expect((await post(noUrl.body, noUrl.contentType, 'wrong')).status).toBe(401);
    expect((await fetch(`${readeck.url}api/bookmarks`, { method: 'PUT' })).status).toBe(405);
  });

  it('builds a multipart body that parses back part by part, whatever the bytes', () => {
    const { body, contentType } = multipartBody([
      { headers: { 'Content-Disposition': 'form-data; name="a"' }, body: 'x\r\n--y' },
      {
        headers: { 'Content-Disposition': 'form-data; name="b"; filename="_"', Location: 'https://e/\r\nX: 1' },
        body: png,
      },
    ]);
    const parts = parseMultipart(Buffer.from(body), /boundary=(.+)$/.exec(contentType)![1]!)!;
    expect(parts.map((p) => [p.name, [...p.body]])).toEqual([
      ['a', [...Buffer.from('x\r\n--y')]],
      ['b', [...png]],
    ]);
    // A line break in a header value cannot add a header.
    expect(parts[1]!.headers.get('location')).toBe('https://e/ X: 1');
    expect(parts[1]!.headers.has('x')).toBe(false);
  });
});

describe('Send to wallabag', () => {
  let wallabag: StandInServer<WallabagEntry>;
  beforeAll(async () => {
    wallabag = await startWallabagStandIn(WALLABAG);
  });
  afterAll(async () => wallabag?.close());

  it('gets a token by the password grant and creates an entry with the content, so wallabag does not fetch', async () => {
    const id = await sendToWallabag({ baseUrl: wallabag.url, ...WALLABAG }, article, fetch);
    const [entry] = wallabag.received;
    expect(id).toBe(entry!.id);
    expect(entry).toMatchObject({
      url: article.url,
      title: article.title,
      content: article.html,
      tags: ['maps', 'later'],
      fetched: false,
    });
    expect(wallabag.log).toEqual([`POST /wallabag/oauth/v2/token 200`, `POST /wallabag/api/entries.json 200`]);
  });

  it('says wrong credentials are, and the stand-in refuses what wallabag refuses', async () => {
    await expect(wallabagToken({ baseUrl: wallabag.url, ...WALLABAG, password: 'wrong' }, fetch)).rejects.toMatchObject(
      { kind: 'auth' },
    );
    await expect(
      wallabagToken({ baseUrl: wallabag.url, ...WALLABAG, clientSecret: 'wrong' }, fetch),
    ).rejects.toMatchObject({ kind: 'auth' });
    const entries = (auth: string) =>
      fetch(`${wallabag.url}api/entries.json`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'url=https%3A%2F%2Fnews.example%2F',
      });
    expect((await entries('Bearer made-up')).status).toBe(401);
    const token = await wallabagToken({ baseUrl: wallabag.url, ...WALLABAG }, fetch);
    expect((await entries(`Bearer ${token}`)).status).toBe(200);
    // Without content and title, the real wallabag fetches the page itself.
    expect(wallabag.received.at(-1)?.fetched).toBe(true);
  });
});
