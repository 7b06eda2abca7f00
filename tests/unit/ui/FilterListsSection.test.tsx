// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import messages from '../../../src/_locales/en/messages.json';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockFilterListsApi, mockFilterList } from '../../../src/ui/api/mock-filter-lists-api';
import { describeHidden } from '../../../src/ui/clutter/PageClutterControls';
import { createCatalogTranslator } from '../../../src/ui/i18n';
import { FilterListsSection } from '../../../src/ui/options/FilterListsSection';
import { renderWithPage } from './render-page';

afterEach(cleanup);

const t = createCatalogTranslator(messages);

describe('the popup count of what the filter lists hid', () => {
  it('says how many of the promos only the lists hid', () => {
    expect(describeHidden({ comments: 1, promos: 13, picked: 0, lists: 4 }, t, 'en')).toBe(
      'Hidden: 1 comment section and 13 promos (4 by your filter lists)',
    );
    expect(describeHidden({ comments: 0, promos: 1, picked: 0, lists: 1 }, t, 'en')).toBe(
      'Hidden: 1 promo (1 by your filter lists)',
    );
    expect(describeHidden({ comments: 0, promos: 2, picked: 0, lists: 0 }, t, 'en')).toBe('Hidden: 2 promos');
  });
});

describe('FilterListsSection', () => {
  it('lists every list off, turns one on after asking for its host, and shows its rules', async () => {
    const lists = createMockFilterListsApi({
      lists: [mockFilterList(), mockFilterList({ id: 'adguard-annoyances', name: 'AdGuard Annoyances filter' })],
      rules: 1204,
    });
    renderWithPage(<FilterListsSection />, createMockApi({ lists }));
    const fanboy = await screen.findByRole('switch', { name: "Fanboy's Annoyance List" });
    const adguard = screen.getByRole('switch', { name: 'AdGuard Annoyances filter' });
    expect((fanboy as HTMLInputElement).checked).toBe(false);
    expect((adguard as HTMLInputElement).checked).toBe(false);
    fireEvent.click(fanboy);
    await screen.findByText(/1,204 rules · updated/);
    expect(lists.calls.permissionRequests).toEqual([['https://easylist.to/*']]);
    expect(screen.getAllByText(/From easylist\.to · GPLv3 \/ CC BY-SA 3\.0/).length).toBe(2);
  });

  it('keeps a list off when the reader declines access to its host', async () => {
    const lists = createMockFilterListsApi({ grants: false });
    renderWithPage(<FilterListsSection />, createMockApi({ lists }));
    fireEvent.click(await screen.findByRole('switch', { name: "Fanboy's Annoyance List" }));
    await screen.findByText('The list stays off: downloading it needs access to easylist.to.');
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false);
  });

  it('says why the last download failed and what to do', async () => {
    const lists = createMockFilterListsApi({
      lists: [mockFilterList({ enabled: true, rules: 10, updatedAt: 1, error: { kind: 'http', status: 503, at: 2 } })],
    });
    renderWithPage(<FilterListsSection />, createMockApi({ lists }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the server answered 503');
    expect(alert.textContent).toContain('turn the list off and on');
  });
});
