// @vitest-environment jsdom
/**
 * The library's import progress: a labelled progress bar with the count in the page's language,
 * a Cancel that stops after the chunk being stored, and the summary at the end.
 */
import messages from '../../../src/_locales/de/messages.json';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockLibraryApi } from '../../../src/ui/api/mock-library-api';
import { createCatalogTranslator } from '../../../src/ui/i18n';
import { Library } from '../../../src/ui/library/Library';
import { summary } from './library-fixture';
import { renderWithPage } from './render-page';

afterEach(cleanup);

/** A gate the mock import waits at before each chunk: the test lets one chunk through at a time. */
function chunkGate() {
  const waiting: (() => void)[] = [];
  return {
    next: () => new Promise<void>((resolve) => waiting.push(resolve)),
    release: () => waitFor(() => expect(waiting.length).toBe(1)).then(() => waiting.shift()!()),
  };
}

function renderImport(options: { total: number; chunk: number; german?: boolean }) {
  const gate = chunkGate();
  const library = createMockLibraryApi([{ article: summary({ id: 'a', title: 'Harbour archive' }) }], {
    importTotal: options.total,
    importChunk: options.chunk,
    nextChunk: gate.next,
  });
  const api = createMockApi({ library });
  if (options.german) Object.assign(api, { t: createCatalogTranslator(messages, 'de'), uiLanguage: 'de' });
  renderWithPage(<Library />, api);
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [new File(['x'], 'library.zip')] } });
  return { library, gate };
}

const bar = () => screen.getByRole('progressbar') as HTMLProgressElement;

describe('import progress', () => {
  it('moves a labelled progress bar chunk by chunk, with the count in words, and reports the end', async () => {
    const { gate } = renderImport({ total: 10_000, chunk: 1_200 });
    expect(await screen.findByRole('progressbar', { name: 'Importing articles' })).toBeTruthy();
    expect(screen.getByText('0 of 10,000 articles')).toBeTruthy();
    await gate.release();
    await waitFor(() => expect(bar().value).toBe(1_200));
    expect(bar().max).toBe(10_000);
    expect(screen.getByRole('progressbar', { name: 'Importing articles' })).toBe(bar());
    expect(screen.getByText('1,200 of 10,000 articles')).toBeTruthy();
    expect(bar().getAttribute('aria-describedby')).toBe(screen.getByText('1,200 of 10,000 articles').id);
    await gate.release();
    await waitFor(() => expect(screen.getByText('2,400 of 10,000 articles')).toBeTruthy());
    for (let i = 0; i < 7; i++) await gate.release();
    expect(await screen.findByText('Imported: 10,000 new, 0 updated, 0 skipped.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });

  it('says one article in the singular, and counts in German with German plurals', async () => {
    const { gate } = renderImport({ total: 1, chunk: 1 });
    expect(await screen.findByText('0 of 1 article')).toBeTruthy();
    await gate.release();
    expect(await screen.findByText('Imported: 1 new, 0 updated, 0 skipped.')).toBeTruthy();
    cleanup();
    const german = renderImport({ total: 2_500, chunk: 1_000, german: true });
    await german.gate.release();
    expect(await screen.findByText('1.000 von 2.500 Artikeln')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Artikel werden importiert' })).toBeTruthy();
  });

  it('cancels after the chunk being stored, keeping it, and says how to add the rest', async () => {
    const { gate } = renderImport({ total: 300, chunk: 100 });
    await gate.release();
    await waitFor(() => expect(screen.getByText('100 of 300 articles')).toBeTruthy());
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    fireEvent.click(cancel);
    expect((screen.getByRole('button', { name: 'Stopping after this batch…' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await gate.release();
    expect(
      await screen.findByText(
        'Import stopped: 100 new, 0 updated, 0 skipped. Import the same file again to add the rest.',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });
});
