// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import messages from '../../../src/_locales/en/messages.json';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockClutterApi } from '../../../src/ui/api/mock-clutter-api';
import { describeHidden, PageClutterControls } from '../../../src/ui/clutter/PageClutterControls';
import { ClutterSettingsSection } from '../../../src/ui/options/ClutterSettingsSection';
import { createCatalogTranslator } from '../../../src/ui/i18n';
import { renderWithPage } from './render-page';

afterEach(cleanup);

const t = createCatalogTranslator(messages);

describe('describeHidden', () => {
  it('says what was hidden with one and many, as a list in the UI language', () => {
    expect(describeHidden({ comments: 1, promos: 3, picked: 0 }, t, 'en')).toBe(
      'Hidden: 1 comment section and 3 promos',
    );
    expect(describeHidden({ comments: 2, promos: 1, picked: 1 }, t, 'en')).toBe(
      'Hidden: 2 comment sections, 1 promo, and 1 element you picked',
    );
    expect(describeHidden({ comments: 0, promos: 0, picked: 0 }, t, 'en')).toBe('');
  });
});

describe('PageClutterControls', () => {
  it('switches comments and promos for the site, says what was hidden, and shows everything again', async () => {
    const clutter = createMockClutterApi({ host: 'news.example', found: { comments: 1, promos: 3 } });
    renderWithPage(<PageClutterControls tabId={4} />, createMockApi({ clutter }));
    const comments = await screen.findByRole('switch', { name: 'Hide comments' });
    fireEvent.click(comments);
    await screen.findByText('Hidden: 1 comment section');
    fireEvent.click(screen.getByRole('switch', { name: 'Hide promos' }));
    await screen.findByText('Hidden: 1 comment section and 3 promos');
    expect(clutter.settingsNow.sites['news.example']?.groups).toEqual({ comments: true, promos: true });
    fireEvent.click(screen.getByRole('button', { name: 'Show everything' }));
    await screen.findByText('Everything is shown on this page.');
  });

  it('asks for access to the site for "Always hide", and says so when it is declined', async () => {
    const clutter = createMockClutterApi({ host: 'news.example', grants: false });
    renderWithPage(<PageClutterControls tabId={4} />, createMockApi({ clutter }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Always hide on this site' }));
    await screen.findByText(/Without access to this site/);
    expect(clutter.calls.permissionRequests).toEqual([['https://news.example/*']]);
    expect(clutter.settingsNow.sites['news.example']?.alwaysOn).toBeUndefined();
  });
});

describe('PageClutterControls picker', () => {
  it('starts the picker on the page and gets out of the way', async () => {
    const clutter = createMockClutterApi();
    const api = createMockApi({ clutter });
    renderWithPage(<PageClutterControls tabId={4} />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Pick an element to hide' }));
    await screen.findByText(/Click the part of the page to hide/);
    expect(clutter.calls.picker).toBe(1);
    expect(api.surfaceCalls.closePopup).toBe(1);
  });
});

describe('ClutterSettingsSection', () => {
  it('lists the sites with their choices and picked rules, which can be removed', async () => {
    const clutter = createMockClutterApi({
      settings: {
        defaults: { comments: false, promos: false },
        everywhere: false,
        sites: { 'news.example': { groups: { comments: true, promos: false }, alwaysOn: false, picked: ['div.ad'] } },
      },
    });
    renderWithPage(<ClutterSettingsSection />, createMockApi({ clutter }));
    expect(await screen.findByText('news.example')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule div.ad' }));
    await waitFor(() => expect(screen.queryByText('div.ad')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Forget news.example' }));
    await screen.findByText(/No site has choices of its own yet/);
    expect(clutter.settingsNow.sites).toEqual({});
  });
});
