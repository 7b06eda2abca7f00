// @vitest-environment jsdom
/**
 * An embedded video is the same card on every reading surface: the popup, the side panel, the
 * reader, and a saved copy in the reader (stored under an older policy with the player itself).
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockLibraryApi } from '../../../src/ui/api/mock-library-api';
import { Popup } from '../../../src/ui/popup/Popup';
import { ReaderPage } from '../../../src/ui/reader/ReaderPage';
import { SidePanel } from '../../../src/ui/sidepanel/SidePanel';
import { makeArticle } from './article-fixture';
import { summary } from './library-fixture';
import { renderWithPage } from './render-page';

afterEach(cleanup);

/** What the engine sends (a card), beside what a hostile or older sender might (the frames). */
const HTML =
  '<p>The council met on Tuesday.</p>' +
  '<a class="media-card" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><span>The harbour debate</span> <small>YouTube</small></a>' +
  '<iframe src="https://player.vimeo.com/video/76979871" title="The new ferry"></iframe>' +
  '<iframe src="https://tracker.example/frame"></iframe><video src="blob:https://example.com/1" autoplay></video>';

const EXPECTED = [
  { href: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', text: 'The harbour debate YouTube', target: '_blank' },
  { href: 'https://vimeo.com/76979871', text: 'The new ferry Vimeo', target: '_blank' },
];

async function cardsShown(heading: string) {
  await screen.findByRole('heading', { level: 1, name: heading });
  const body = document.querySelector('.article__body')!;
  expect(body.querySelector('iframe, video, audio, embed, object')).toBeNull();
  expect(body.innerHTML).not.toContain('tracker.example');
  return [...body.querySelectorAll('a.media-card')].map((card) => ({
    href: card.getAttribute('href'),
    text: card.textContent,
    target: card.getAttribute('target'),
  }));
}

describe('an embedded video on each surface', () => {
  const extract = () => makeArticle({ html: HTML });

  it('popup', async () => {
    renderWithPage(<Popup />, createMockApi({ tabId: 3, extract }));
    expect(await cardsShown('A headline')).toEqual(EXPECTED);
  });

  it('side panel', async () => {
    renderWithPage(<SidePanel search="?tabId=3" />, createMockApi({ extract }));
    expect(await cardsShown('A headline')).toEqual(EXPECTED);
  });

  it('reader', async () => {
    renderWithPage(<ReaderPage search="?tabId=3" />, createMockApi({ extract }));
    expect(await cardsShown('A headline')).toEqual(EXPECTED);
  });

  it('a saved copy in the reader', async () => {
    const library = createMockLibraryApi([
      {
        article: summary({ id: 'saved-1', title: 'Saved headline', url: 'https://example.com/a' }),
        html: HTML,
        text: 'The council met on Tuesday.',
      },
    ]);
    renderWithPage(<ReaderPage search="?id=saved-1" />, createMockApi({ library }));
    expect(await cardsShown('Saved headline')).toEqual(EXPECTED);
  });
});
