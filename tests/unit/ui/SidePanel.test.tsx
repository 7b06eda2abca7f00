// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { OptionsPage } from '../../../src/ui/options/OptionsPage';
import { SidePanel } from '../../../src/ui/sidepanel/SidePanel';
import { makeArticle } from './article-fixture';
import { renderWithPage } from './render-page';

afterEach(cleanup);

const ARTICLES: Record<number, ReturnType<typeof makeArticle>> = {
  1: makeArticle({ title: 'First tab story' }),
  2: makeArticle({ title: 'Second tab story' }),
  3: makeArticle({ isArticle: false, reason: 'links' }),
};

describe('SidePanel', () => {
  it('follows the active tab as the user switches tabs', async () => {
    const api = createMockApi({ extract: ({ tabId }) => ARTICLES[tabId]! });
    renderWithPage(<SidePanel search="" />, api);
    expect(await screen.findByRole('heading', { level: 1, name: 'First tab story' })).toBeTruthy();
    api.switchActiveTab(2);
    expect(await screen.findByRole('heading', { level: 1, name: 'Second tab story' })).toBeTruthy();
    api.switchActiveTab(3);
    expect(await screen.findByRole('heading', { name: 'Nothing to read on this page' })).toBeTruthy();
    api.switchActiveTab(null);
    expect(await screen.findByText('There is no page to read in this window.')).toBeTruthy();
    expect(api.calls.extractTab.map((c) => c.tabId)).toEqual([1, 2, 3]);
  });

  it('stays on the tab in its address, and opens the full-tab reader for it', async () => {
    const api = createMockApi({ extract: ({ tabId }) => ARTICLES[tabId]! });
    renderWithPage(<SidePanel search="?tabId=2" />, api);
    expect(await screen.findByRole('heading', { level: 1, name: 'Second tab story' })).toBeTruthy();
    api.switchActiveTab(1);
    fireEvent.click(screen.getByRole('button', { name: 'Open reader' }));
    expect(api.surfaceCalls.openReader).toEqual([2]);
    expect(screen.getByRole('button', { name: 'Copy as Markdown' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(api.calls.extractTab.map((c) => c.tabId)).toEqual([2]);
  });

  it('stays idle once the article is shown (no render on every frame)', async () => {
    const api = createMockApi({ extract: ({ tabId }) => ARTICLES[tabId]! });
    renderWithPage(<SidePanel search="?tabId=1" />, api);
    await screen.findByRole('heading', { level: 1, name: 'First tab story' });
    await new Promise((r) => setTimeout(r, 100));
    let frames = 0;
    const spy = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
      frames++;
      return setTimeout(() => cb(performance.now()), 16) as unknown as number;
    });
    await new Promise((r) => setTimeout(r, 300));
    spy.mockRestore();
    expect(frames).toBeLessThan(3);
  });

  it('explains how to give it access to a tab it may not read', async () => {
    const api = createMockApi({
      extract: () => ({
        code: 'no-access',
        message: 'Tidy Reader needs a click on its toolbar button to read this page.',
      }),
    });
    renderWithPage(<SidePanel search="" />, api);
    expect(await screen.findByText(/right-click the page and choose “Read in side panel”/)).toBeTruthy();
  });
});

describe('OptionsPage', () => {
  it('edits the shared settings and lists the keyboard shortcuts', async () => {
    const api = createMockApi({ settings: { fontSize: 18 } });
    renderWithPage(<OptionsPage />, api);
    const size = (await screen.findByLabelText('Text size')) as HTMLInputElement;
    expect(size.value).toBe('18');
    fireEvent.click(screen.getByRole('button', { name: 'Larger text' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Wide' }));
    await waitFor(() => expect(api.settingsStorage.stored).toMatchObject({ fontSize: 19, width: 'wide' }));
    expect(await screen.findByText('Alt+Shift+R')).toBeTruthy();
    expect(screen.getByText('Next theme (in the reader)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    await waitFor(() => expect(api.settingsStorage.stored).toMatchObject({ fontSize: 20, width: 'medium' }));
  });
});
