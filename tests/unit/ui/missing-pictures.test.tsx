// @vitest-environment jsdom
/**
 * A picture that is not stored and fails to load: a quiet frame with its description instead of a
 * broken image, and in a saved article a button that downloads the missing pictures and shows them.
 * The frame adds no text to the body, so highlight offsets stay what they were.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleView } from '../../../src/ui/article/ArticleView';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockLibraryApi } from '../../../src/ui/api/mock-library-api';
import { rangeOfSpan, textOf } from '../../../src/highlights/dom-text';
import { makeArticle } from './article-fixture';
import { renderWithPage } from './render-page';

afterEach(cleanup);

const HARBOUR = 'https://img.example/harbour.jpg';
const CRANE = 'https://img.example/crane.jpg';
const PIXEL = 'data:image/png;base64,iVBORw0KGgo=';
const HTML =
  `<p>Before the picture.</p><figure><img src="${HARBOUR}" alt="The harbour at dawn"><figcaption>Dawn</figcaption></figure>` +
  `<p>Between <a href="https://news.example/crane"><img src="${CRANE}"></a> pictures.</p><p>After them.</p>`;

function renderArticle(options: { savedId?: string; stored?: Record<string, string>; imageAccess?: 'ask' } = {}) {
  const stored = new Map<string, string>();
  const library = createMockLibraryApi([], {
    imageAccess: options.imageAccess ?? 'granted',
    storedImages: (_id, url) => stored.get(url) ?? null,
  });
  const fetchMissing = library.fetchMissing;
  // Downloading stores the pictures: from then on the library has them.
  library.fetchMissing = async (ids) => {
    for (const [url, dataUrl] of Object.entries(options.stored ?? {})) stored.set(url, dataUrl);
    return fetchMissing(ids);
  };
  renderWithPage(
    <ArticleView article={makeArticle({ html: HTML, text: '' })} savedId={options.savedId ?? null} />,
    createMockApi({ library }),
  );
  const body = document.querySelector<HTMLElement>('.article__body')!;
  return { library, body };
}

const image = (src: string) => document.querySelector<HTMLImageElement>(`img[src="${src}"]`)!;
const fail = (src: string) => fireEvent.error(image(src));

describe('missing pictures', () => {
  it('frames a picture that fails to load with its description, adding no text to the body', async () => {
    const { body } = renderArticle({ savedId: 'saved-1' });
    await screen.findByRole('heading', { level: 1 });
    const before = textOf(body);
    const range = rangeOfSpan(body, { start: before.indexOf('pictures'), end: before.indexOf('After') + 5 })!;
    fail(HARBOUR);
    fail(CRANE);
    expect(screen.getByRole('img', { name: 'The harbour at dawn' }).closest('.picture-missing')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Picture not available' })).toBeTruthy();
    expect(image(HARBOUR).hidden).toBe(true);
    expect(image(CRANE).hidden).toBe(true);
    expect(screen.getAllByRole('button', { name: 'Download missing images' })).toHaveLength(2);
    // Highlights count the same characters as before: the frame's words are attributes.
    expect(textOf(body)).toBe(before);
    expect(rangeOfSpan(body, { start: before.indexOf('pictures'), end: before.indexOf('After') + 5 })!.toString()).toBe(
      range.toString(),
    );
  });

  it('downloads the missing pictures with one click and shows them in place of the frames', async () => {
    const { library } = renderArticle({ savedId: 'saved-1', stored: { [HARBOUR]: PIXEL, [CRANE]: PIXEL } });
    await screen.findByRole('heading', { level: 1 });
    fail(HARBOUR);
    fail(CRANE);
    const [, insideLink] = screen.getAllByRole('button', { name: 'Download missing images' });
    // The click is the button's: the link around the second picture is not followed.
    expect(fireEvent.click(insideLink!)).toBe(false);
    await waitFor(() => expect(document.querySelector('.picture-missing')).toBeNull());
    expect(library.calls.fetchMissing).toEqual([['saved-1']]);
    expect(document.querySelectorAll(`img[src="${PIXEL}"]:not([hidden])`)).toHaveLength(2);
  });

  it('keeps the frame and says so when the picture still cannot be downloaded', async () => {
    renderArticle({ savedId: 'saved-1', stored: {} });
    await screen.findByRole('heading', { level: 1 });
    fail(HARBOUR);
    fireEvent.click(screen.getByRole('button', { name: 'Download missing images' }));
    await waitFor(() =>
      expect(document.querySelector<HTMLElement>('.picture-missing')!.dataset.note).toBe(
        'The picture could not be downloaded. Try again when you are online.',
      ),
    );
    expect(image(HARBOUR).hidden).toBe(true);
    expect((screen.getByRole('button', { name: 'Download missing images' }) as HTMLInputElement).disabled).toBe(false);
  });

  it('asks for access to the pictures’ sites in the click when the library has none', async () => {
    const { library } = renderArticle({ savedId: 'saved-1', stored: { [HARBOUR]: PIXEL }, imageAccess: 'ask' });
    await screen.findByRole('heading', { level: 1 });
    fail(HARBOUR);
    fireEvent.click(screen.getByRole('button', { name: 'Download missing images' }));
    expect(library.calls.accessRequests).toBe(1);
    await waitFor(() => expect(document.querySelector('.picture-missing')).toBeNull());
  });

  it('frames without a button in an article that is not saved, and leaves stored pictures alone', async () => {
    renderArticle();
    await screen.findByRole('heading', { level: 1 });
    fail(HARBOUR);
    expect(screen.getByRole('img', { name: 'The harbour at dawn' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Download missing images' })).toBeNull();
    cleanup();
    renderWithPage(
      <ArticleView article={makeArticle({ html: `<p>Stored <img src="${PIXEL}" alt="Kept"></p>` })} savedId="s" />,
      createMockApi(),
    );
    fireEvent.error(image(PIXEL));
    expect(document.querySelector('.picture-missing')).toBeNull();
  });
});
