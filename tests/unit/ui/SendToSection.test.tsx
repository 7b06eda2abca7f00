// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SendToButtons } from '../../../src/ui/actions/SendToButtons';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockSendToApi } from '../../../src/ui/api/mock-sendto-api';
import { SendToSection } from '../../../src/ui/options/SendToSection';
import { renderWithPage } from './render-page';

afterEach(cleanup);

describe('SendToSection', () => {
  it('connects Readeck with its address and token, labelled fields in a named group, then forgets it', async () => {
    const sendTo = createMockSendToApi();
    renderWithPage(<SendToSection />, createMockApi({ sendTo }));
    const readeck = within(await screen.findByRole('group', { name: 'Readeck' }));
    fireEvent.input(readeck.getByLabelText('Server address'), { target: { value: 'https://readeck.example.org/' } });
    fireEvent.input(readeck.getByLabelText('API token'), { target: { value: 't0ken' } });
    fireEvent.click(readeck.getByRole('button', { name: 'Connect to Readeck' }));
    await screen.findByText(/Sending to https:\/\/readeck.example.org\//);
    // wallabag asks for its API client and account.
    const wallabag = within(screen.getByRole('group', { name: 'wallabag' }));
    for (const label of ['Server address', 'Client ID', 'Client secret', 'User name', 'Password']) {
      expect(wallabag.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.click(screen.getByRole('button', { name: 'Forget this server' }));
    await screen.findByRole('button', { name: 'Connect to Readeck' });
  });

  it('says what to do when the server refuses the credentials', async () => {
    renderWithPage(<SendToSection />, createMockApi({ sendTo: createMockSendToApi({ error: 'auth' }) }));
    const readeck = within(await screen.findByRole('group', { name: 'Readeck' }));
    fireEvent.input(readeck.getByLabelText('Server address'), { target: { value: 'https://readeck.example.org/' } });
    fireEvent.input(readeck.getByLabelText('API token'), { target: { value: 'wrong' } });
    fireEvent.click(readeck.getByRole('button', { name: 'Connect to Readeck' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/refused the token/);
  });
});

describe('SendToButtons', () => {
  it('offers one button per server set up and says when the article was sent', async () => {
    const sendTo = createMockSendToApi({ servers: [{ kind: 'wallabag', url: 'https://w.example/' }] });
    renderWithPage(<SendToButtons savedId="a1" />, createMockApi({ sendTo }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send to wallabag' }));
    await screen.findByText('Sent to wallabag');
    expect(sendTo.sent).toEqual([{ kind: 'wallabag', id: 'a1' }]);
    expect(screen.queryByRole('button', { name: 'Send to Readeck' })).toBeNull();
  });

  it('shows nothing when no server is set up', async () => {
    const { container } = renderWithPage(<SendToButtons savedId="a1" />, createMockApi());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelector('button')).toBeNull();
  });
});
