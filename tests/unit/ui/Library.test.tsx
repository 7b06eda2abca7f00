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

const titles = () =>
  screen
    .queryAllByRole('link')
    .filter((a) => a.classList.contains('entry__title'))
    .map((a) => a.textContent);

/** A key pressed on the page, as a person types it (not into a field). */
const press = (key: string) => fireEvent.keyDown(document.body, { key });

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

describe('Library page', () => {
  it('lists saved articles newest first, with site, reading time, progress, tags and storage use', async () => {
    renderLibrary();
    await waitFor(() => expect(titles()).toEqual(['Harbour archive', 'Border regions brace', 'Winter gardening']));
    expect(screen.getByText('3 articles')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('storage').textContent).toMatch(/^3 articles · 4\.8 MB used$/));
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
    // The reader is opened with the list it came from: "Read next" goes on through it.
    const link = screen.getByRole('link', { name: 'Border regions brace' });
    expect(new URLSearchParams(link.getAttribute('href')!.split('?')[1]).get('view')).toBe('unread');
  });

  it('shows the bulk bar only while something is selected, marks the selection read and tags it', async () => {
    const { library } = renderLibrary();
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(screen.queryByRole('region', { name: 'Actions on selected articles' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Winter gardening' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Border regions brace' }));
    const bar = screen.getByRole('region', { name: 'Actions on selected articles' });
    expect(within(bar).getByText('2 selected')).toBeTruthy();
    fireEvent.click(within(bar).getByText('More'));
    fireEvent.click(within(bar).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(library.calls.update).toHaveLength(1));
    expect(library.calls.update[0]).toEqual({ ids: ['old', 'mid'], change: { isRead: true } });
    fireEvent.click(within(bar).getByRole('button', { name: 'Tag' }));
    fireEvent.input(screen.getByRole('combobox', { name: 'New tag' }), { target: { value: 'later, weekend' } });
    const add = screen.getByRole('button', { name: 'Add tag' });
    await waitFor(() => expect(add.hasAttribute('disabled')).toBe(false));
    fireEvent.click(add);
    await waitFor(() => expect(library.calls.update).toHaveLength(2));
    expect(library.calls.update[1]).toEqual({ ids: ['old', 'mid'], change: { addTags: ['later', 'weekend'] } });
    fireEvent.click(within(bar).getByRole('button', { name: 'Clear selection' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Actions on selected articles' })).toBeNull());
  });

  it('triages with the keyboard: j/k move, e archives, x selects, # deletes and z undoes, all announced', async () => {
    const { library } = renderLibrary();
    await waitFor(() => expect(titles()).toHaveLength(3));
    const live = () => document.querySelector('.library > [role="status"]')?.textContent;
    press('j');
    press('j');
    press('k');
    press('j');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Border regions brace'));
    press('e');
    await waitFor(() => expect(library.calls.update).toEqual([{ ids: ['mid'], change: { isArchived: true } }]));
    await waitFor(() => expect(live()).toBe('Archived: Border regions brace'));
    await waitFor(() => expect(titles()).toEqual(['Harbour archive', 'Winter gardening']));
    // The row under the keyboard is now the next article.
    press('x');
    await waitFor(() => expect(live()).toBe('Selected: Winter gardening. 1 selected'));
    press('#');
    await waitFor(() => expect(library.calls.remove).toEqual([['old']]));
    await waitFor(() => expect(titles()).toEqual(['Harbour archive']));
    await waitFor(() => expect(document.querySelector('.notice')?.textContent).toBe('Deleted 1 article. Undo'));
    // Deleted by key, the focus stays with the list (z undoes); the notice offers Undo too.
    expect(document.activeElement?.textContent).not.toBe('Undo');
    press('z');
    await waitFor(() => expect(titles()).toEqual(['Harbour archive', 'Winter gardening']));
    await waitFor(() => expect(live()).toBe('Restored 1 article.'));
    // g then a: the archive, where e moves back to the reading list.
    press('g');
    press('a');
    await waitFor(() => expect(titles()).toEqual(['Border regions brace']));
    press('j');
    press('e');
    await waitFor(() => expect(library.calls.update.at(-1)).toEqual({ ids: ['mid'], change: { isArchived: false } }));
    // Keys typed into the search field are text, not commands.
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.keyDown(search, { key: 'e' });
    expect(library.calls.update).toHaveLength(2);
  });

  it('lists the shortcuts with ? and moves to the search with /', async () => {
    renderLibrary();
    await waitFor(() => expect(titles()).toHaveLength(3));
    press('/');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search' }));
    (document.activeElement as HTMLElement).blur();
    press('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Next article')).toBeTruthy();
    expect(within(dialog).getByText('Go to the archive').previousSibling?.textContent).toBe('g a');
  });

  it('acts on a row from its own buttons, and shows its thumbnail and site icon', async () => {
    const entries = ENTRIES();
    entries[1]!.thumbnail = 'data:image/webp;base64,AAAA';
    entries[1]!.icon = 'data:image/png;base64,BBBB';
    const { library } = renderLibrary(entries);
    await waitFor(() => expect(titles()).toHaveLength(3));
    const row = screen.getByRole('link', { name: 'Border regions brace' }).closest('li')!;
    await waitFor(() =>
      expect(row.querySelector('.entry__thumb img')?.getAttribute('src')).toBe(entries[1]!.thumbnail),
    );
    expect(row.querySelector('.entry__site img')?.getAttribute('src')).toBe(entries[1]!.icon);
    // No icon stored: the site's first letter.
    const other = screen.getByRole('link', { name: 'Winter gardening' }).closest('li')!;
    expect(other.querySelector('.site-icon--letter')?.textContent).toBe('N');
    const actions = within(row).getByRole('group', { name: 'Actions for Border regions brace' });
    fireEvent.click(within(actions).getByRole('button', { name: 'Favourite' }));
    await waitFor(() => expect(library.calls.update).toEqual([{ ids: ['mid'], change: { isFavorite: true } }]));
    fireEvent.click(within(actions).getByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(library.calls.update[1]).toEqual({ ids: ['mid'], change: { isArchived: true } }));
  });

  it('draws the first screen’s thumbnails from the answer that brings its rows, with no second request', async () => {
    const entries = ENTRIES();
    entries[0]!.thumbnail = 'data:image/webp;base64,CCCC';
    const library = createMockLibraryApi(entries);
    const pictures = vi.spyOn(library, 'pictures');
    const list = vi.spyOn(library, 'list');
    renderWithPage(<Library />, createMockApi({ library }));
    const row = await screen.findByRole('link', { name: 'Winter gardening' });
    await waitFor(() =>
      expect(row.closest('li')!.querySelector('.entry__thumb img')?.getAttribute('src')).toBe(entries[0]!.thumbnail),
    );
    expect(pictures).not.toHaveBeenCalled();
    expect(list.mock.calls[0]![0]).toMatchObject({ offset: 0, withPictures: 24 });
  });

  it('deletes at once and offers Undo, focused, which brings the articles back', async () => {
    const { library } = renderLibrary();
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Harbour archive' }));
    const bar = screen.getByRole('region', { name: 'Actions on selected articles' });
    fireEvent.click(within(bar).getByRole('button', { name: 'Delete' }));
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
    fireEvent.click(screen.getByText('Export and import'));
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

  it('explains an empty library with the saving shortcut, and shows a failure clearly', async () => {
    const shortcuts = [{ name: 'save-to-library', description: 'Save', shortcut: 'Alt+Shift+L' }];
    renderWithPage(<Library />, createMockApi({ library: createMockLibraryApi([]), shortcuts }));
    expect(await screen.findByRole('heading', { name: 'Your library is empty' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Saved articles' })).toBeNull();
    await waitFor(() => expect(screen.getByText('Alt+Shift+L').tagName).toBe('KBD'));
    expect(screen.getByText('Alt+Shift+L').parentElement?.textContent).toBe(
      'Or press Alt+Shift+L on the article’s page.',
    );
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
