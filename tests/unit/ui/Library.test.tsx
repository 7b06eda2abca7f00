// @vitest-environment jsdom
import axe from 'axe-core';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockLibraryApi, type MockLibraryEntry } from '../../../src/ui/api/mock-library-api';
import { Library } from '../../../src/ui/library/Library';
import { summary } from './library-fixture';
import { renderWithPage } from './render-page';

const ENTRIES = (): MockLibraryEntry[] => [
  {
    article: summary({ id: 'old', title: 'Winter gardening', savedAt: Date.UTC(2024, 0, 5), host: 'garden.example' }),
    text: 'Frost and roses.',
  },
  {
    article: summary({
      id: 'mid',
      title: 'Border regions brace',
      savedAt: Date.UTC(2024, 5, 5),
      tags: ['war'],
      position: { progress: 0.4 },
      images: { total: 3, stored: 1 },
    }),
    text: 'Residents of Belgorod dig shelters.',
  },
  {
    article: summary({ id: 'new', title: 'Harbour archive', savedAt: Date.UTC(2024, 10, 5), isRead: true }),
    text: 'The fishermen lean over the charts.',
  },
];

function renderLibrary(entries = ENTRIES()) {
  const library = createMockLibraryApi(entries);
  const api = createMockApi({ library });
  renderWithPage(<Library />, api);
  return { library, api };
}

const titles = () => screen.queryAllByRole('link').map((a) => a.textContent);

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

describe('Library page', () => {
  it('lists saved articles newest first, with site, reading time, progress, tags and storage use', async () => {
    renderLibrary();
    await waitFor(() => expect(titles()).toEqual(['Harbour archive', 'Border regions brace', 'Winter gardening']));
    expect(screen.getByText('Showing 3 of 3')).toBeTruthy();
    expect(screen.getByTestId('storage').textContent).toMatch(/^3 articles · 4\.8 MB used$/);
    const row = screen.getByRole('link', { name: 'Border regions brace' }).closest('li')!;
    expect(within(row).getByText('40% read')).toBeTruthy();
    expect(within(row).getByText('2 images online only')).toBeTruthy();
    expect(within(row).getByText('war')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Harbour archive' }).getAttribute('href')).toBe('reader.html?id=new');
  });

  it('searches as the reader types, and says when nothing matches', async () => {
    renderLibrary();
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'belgorod' } });
    await waitFor(() => expect(titles()).toEqual(['Border regions brace']));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'zebra' } });
    expect(await screen.findByText('No saved article matches.')).toBeTruthy();
  });

  it('filters by view', async () => {
    renderLibrary();
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByRole('radio', { name: 'Unread' }));
    await waitFor(() => expect(titles()).toEqual(['Border regions brace', 'Winter gardening']));
  });

  it('marks a selection read and tags it', async () => {
    const { library } = renderLibrary();
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Winter gardening' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Border regions brace' }));
    expect(screen.getByText('2 selected')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(library.calls.update).toHaveLength(1));
    expect(library.calls.update[0]).toEqual({ ids: ['old', 'mid'], change: { isRead: true } });
    fireEvent.input(screen.getByRole('textbox', { name: 'New tag' }), { target: { value: 'later' } });
    const add = screen.getByRole('button', { name: 'Add tag' });
    await waitFor(() => expect(add.hasAttribute('disabled')).toBe(false));
    fireEvent.click(add);
    await waitFor(() => expect(library.calls.update).toHaveLength(2));
    expect(library.calls.update[1]).toEqual({ ids: ['old', 'mid'], change: { addTags: ['later'] } });
  });

  it('deletes at once and offers Undo, focused, which brings the articles back', async () => {
    const { library } = renderLibrary();
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Harbour archive' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(titles()).toEqual(['Border regions brace', 'Winter gardening']));
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(screen.getByText(/Deleted 1 article\./)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(library.calls.remove).toEqual([['new']]);
  });

  it('exports the whole library in the chosen format and reports an import', async () => {
    const { library } = renderLibrary();
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'epub' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export the whole library' }));
    await waitFor(() =>
      expect(library.calls.exports).toEqual([{ ids: null, format: 'epub', markdownImages: 'files' }]),
    );
    expect(URL.createObjectURL).toHaveBeenCalled();
    const input = screen.getByLabelText('Import a file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'pocket.csv')] } });
    expect(await screen.findByText('Imported: 0 new, 0 updated, 0 skipped.')).toBeTruthy();
    expect(library.calls.imports).toBe(1);
  });

  it('explains an empty library and shows a failure clearly', async () => {
    renderLibrary([]);
    expect(await screen.findByText(/Your library is empty/)).toBeTruthy();
    cleanup();
    const library = createMockLibraryApi(ENTRIES());
    library.list = async () => {
      throw Object.assign(new Error('The library database could not be opened.'), { code: 'failed' });
    };
    renderWithPage(<Library />, createMockApi({ library }));
    expect((await screen.findByRole('alert')).textContent).toContain('The library database could not be opened.');
  });

  it('has a name for every control and no other axe-core violations', async () => {
    renderLibrary();
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Winter gardening' }));
    // Colour contrast needs a real renderer: the end-to-end test checks it in the browsers.
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['label', 'button-name']));
  });
});
