/**
 * With the browser in German, every page a person sees is in German: the popup (an article, a
 * page with nothing to read, a page the browser keeps extensions out of, the hiding switches and
 * what they hid), the reader, the library and the settings. Checked against the English catalogue:
 * no English message that German words differently may appear in any text, label or title
 * (hidden ones included: a dialog or menu that opens later is in the page already).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './support/harness';
import { extensionSuite } from './support/extension-suite';
import { FIXTURES_DIR } from './support/fixture-server';

type Catalog = Record<string, { message: string }>;

const LOCALES = resolve(import.meta.dirname, '../../src/_locales');
const readCatalog = (locale: string) =>
  JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Catalog;

interface EnglishMessage {
  key: string;
  /** The message as a regular expression, its placeholders matching anything. */
  pattern: string;
  /** Three words or more: looked for inside longer text too, not only as a whole text. */
  isPhrase: boolean;
}

/** English messages that German words differently: none of them may show. */
function englishToAvoid(): EnglishMessage[] {
  const en = readCatalog('en');
  const de = readCatalog('de');
  return Object.entries(en)
    .filter(([key, entry]) => de[key] !== undefined && de[key].message !== entry.message)
    .filter(([, entry]) => /\p{L}{3,}/u.test(entry.message.replace(/\$\w+\$/g, '')))
    .map(([key, { message }]) => ({
      key,
      pattern: message
        .split(/\$\w+\$/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+?'),
      isPhrase:
        message
          .replace(/\$\w+\$/g, '')
          .trim()
          .split(/\s+/).length >= 3,
    }));
}

/** The text of a fixture page: what the article itself says (in English) is not the UI's. */
function fixtureText(slug: string): string {
  const html = readFileSync(join(FIXTURES_DIR, 'pages', slug, 'source.html'), 'utf8');
  return new JSDOM(html).window.document.body.textContent?.replace(/\s+/g, ' ') ?? '';
}

interface Finding {
  key: string;
  text: string;
}

/** English UI text on the page: in text (adjacent text nodes joined), labels, titles, placeholders. */
function findEnglish(page: TestPage, messages: EnglishMessage[], content: string): Promise<Finding[]> {
  return page.evaluate(
    ({ messages, content }) => {
      const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
      const texts: string[] = [document.title];
      const visit = (node: Node) => {
        let run = '';
        for (const child of Array.from(node.childNodes)) {
          if (child.nodeType === Node.TEXT_NODE) {
            run += child.textContent ?? '';
            continue;
          }
          if (run) texts.push(run);
          run = '';
          if (child instanceof Element) {
            if (child.localName === 'script' || child.localName === 'style') continue;
            for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-valuetext']) {
              const value = child.getAttribute(name);
              if (value) texts.push(value);
            }
            if (child instanceof HTMLInputElement && ['button', 'submit'].includes(child.type)) texts.push(child.value);
            visit(child);
          }
        }
        if (run) texts.push(run);
      };
      visit(document.documentElement);
      const compiled = messages.map((m) => ({
        ...m,
        whole: new RegExp(`^${m.pattern}$`),
        inside: new RegExp(m.pattern),
      }));
      const found: { key: string; text: string }[] = [];
      for (const raw of texts) {
        const text = normal(raw);
        // The article's own words (English in these fixtures) are not the interface's.
        if (!text || content.includes(text)) continue;
        for (const m of compiled) {
          if (m.whole.test(text) || (m.isPhrase && m.inside.test(text))) found.push({ key: m.key, text });
        }
      }
      return found;
    },
    { messages, content },
  );
}

describe.each(BROWSERS)('in German, in %s', (browserName) => {
  const suite = extensionSuite(browserName, { locale: 'de' });
  const english = englishToAvoid();
  const content = ['magazine-seed', 'sign-in-wall'].map(fixtureText).join('\n');

  async function expectGerman(page: TestPage) {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await findEnglish(page, english, content)).toEqual([]);
  }

  it('reads the catalogue in German', async () => {
    const page = await suite.harness.openExtensionPage('options.html');
    expect(await page.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^de\b/);
    expect(await page.evaluate(() => chrome.i18n.getMessage('hideComments'))).toBe('Kommentare ausblenden');
    // The check itself finds English where there is some: in text, split text and a label.
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.append('Hide ', 'comments');
      probe.setAttribute('aria-label', 'Saved to your library: Anything');
      document.body.append(probe);
    });
    expect((await findEnglish(page, english, content)).map((f) => f.key).sort()).toEqual([
      'hideComments',
      'savedToLibrary',
    ]);
    await page.close();
  });

  it('shows the popup in German: the article, the switches and what they hid', async () => {
    const url = suite.server.pageUrl('magazine-seed');
    const article = await suite.harness.open(url);
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${await suite.harness.tabIdOf(url)}`);
    await popup.waitFor(() => document.querySelector('.article__body p'));
    await popup.waitFor(() => document.querySelector('.page-clutter input[name="hide-comments"]:not(:disabled)'));
    expect(await popup.text('.article__time')).toMatch(/^\d+ Min\. Lesezeit$/);
    await popup.click('.page-clutter input[name="hide-comments"]');
    await popup.waitFor(() => document.querySelector('.page-clutter__summary')?.textContent?.includes('Ausgeblendet'));
    expect(await popup.text('.page-clutter__summary')).toMatch(/^Ausgeblendet: 1 Kommentarbereich/);
    await expectGerman(popup);
    await popup.screenshot(`out/screenshots/popup-de-${browserName}.png`);
    await popup.click('button[name="show-everything"]');
    await popup.close();
    await article.close();
  });

  it('says in German why a page has nothing to read, and why a page cannot be read', async () => {
    const url = suite.server.pageUrl('sign-in-wall');
    const wall = await suite.harness.open(url);
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${await suite.harness.tabIdOf(url)}`);
    await popup.waitFor(() => document.querySelector('#state-title'));
    expect(await popup.text('#state-title')).toBe('Auf dieser Seite gibt es nichts zu lesen');
    expect(await popup.text('.status p')).toBe('Diese Seite verlangt eine Anmeldung, bevor sie etwas zum Lesen zeigt.');
    await expectGerman(popup);
    await popup.close();
    await wall.close();

    const settings = await suite.harness.openExtensionPage('options.html');
    const settingsUrl = await settings.evaluate(() => location.href);
    const restricted = await suite.harness.openExtensionPage(
      `popup.html?tabId=${await suite.harness.tabIdOf(settingsUrl)}`,
    );
    await restricted.waitFor(() => document.querySelector('[role="alert"] p'));
    expect(await restricted.text('#state-title')).toBe('Tidy Reader kann diese Seite nicht lesen');
    expect(await restricted.text('[role="alert"] p')).toBe(
      'Seiten von Erweiterungen können von anderen Erweiterungen nicht gelesen werden.',
    );
    await expectGerman(restricted);
    await restricted.close();
    await settings.close();
  });

  it('shows the reader, the library and the settings in German', async () => {
    const url = suite.server.pageUrl('magazine-seed');
    const article = await suite.harness.open(url);
    const tabId = await suite.harness.tabIdOf(url);
    const reader = await suite.harness.openExtensionPage(`reader.html?tabId=${tabId}`);
    await reader.waitFor(() => document.querySelector('.article__body p'));
    await expectGerman(reader);

    await reader.waitFor(() => document.querySelector<HTMLButtonElement>('.action--save:not(:disabled)'));
    expect(await reader.text('.action--save')).toBe('Offline speichern');
    await reader.click('.action--save');
    await reader.waitFor(() => document.querySelector('.action--saved'));
    await reader.close();

    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelector('.entry__title'));
    await library.waitFor(() =>
      /^1 Artikel · /.test(document.querySelector('[data-testid="storage"]')?.textContent ?? ''),
    );
    await expectGerman(library);
    await library.screenshot(`out/screenshots/library-de-${browserName}.png`);
    await library.close();

    const options = await suite.harness.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('.settings__choice--theme input'));
    await options.waitFor(() => document.querySelector('#clutter-title'));
    await expectGerman(options);
    await options.close();
    await article.close();
  });
});
