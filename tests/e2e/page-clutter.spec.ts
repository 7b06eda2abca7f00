/**
 * Hiding comments and promos on the live page, in Chromium and Firefox. Every fixture is served
 * from 127.0.0.1, so the tests share one site's settings and run in order, like a user would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './support/harness';
import { extensionSuite } from './support/extension-suite';

const PAGES = join(import.meta.dirname, '../fixtures/pages');

function paragraphsOf(slug: string): string[] {
  return readFileSync(join(PAGES, slug, 'expected.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Whether each selector's first match is rendered (false when missing or hidden). */
function visibility(page: TestPage, selectors: string[]): Promise<boolean[]> {
  return page.evaluate(
    (list) =>
      list.map((selector) => {
        const el = document.querySelector(selector);
        return el !== null && el.checkVisibility() && (el as HTMLElement).innerText.trim() !== '';
      }),
    selectors,
  );
}

async function waitForVisibility(page: TestPage, selectors: string[], visible: boolean): Promise<void> {
  await page.waitFor(
    ({ list, want }) =>
      list.every((selector) => {
        const el = document.querySelector(selector);
        return el !== null && el.checkVisibility() === want;
      }),
    { list: selectors, want: visible },
  );
}

/** Paragraphs of the article that are not in the page's rendered text. */
function missingParagraphs(page: TestPage, paragraphs: string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const rendered = document.body.innerText.replace(/\s+/g, ' ');
    return list.filter((p) => !rendered.includes(p));
  }, paragraphs);
}

const CLUTTER = ['#comments', '.newsletter-signup', '.video-promo', '.related-posts'];

describe.each(BROWSERS)('hiding page clutter in %s', (browserName) => {
  const suite = extensionSuite(browserName);

  async function openWithPopup(slug: string): Promise<{ page: TestPage; popup: TestPage }> {
    const page = await suite.harness.open(suite.server.pageUrl(slug));
    const tabId = await suite.harness.tabIdOf(suite.server.pageUrl(slug));
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('.page-clutter input[name="hide-comments"]'));
    return { page, popup };
  }

  async function setSwitch(popup: TestPage, name: string, on: boolean): Promise<void> {
    const selector = `.page-clutter input[name="${name}"]`;
    // A switch is clicked once the popup has drawn it and is not busy with an earlier change (a
    // click on a disabled switch is lost); then the change has landed when it is enabled again.
    const { checked } = (await popup.waitFor((s) => {
      const input = document.querySelector<HTMLInputElement>(s);
      return input && !input.disabled ? { checked: input.checked } : null;
    }, selector)) as { checked: boolean };
    if (checked !== on) await popup.click(selector);
    await popup.waitFor(
      ({ s, want }) => {
        const input = document.querySelector<HTMLInputElement>(s);
        return input !== null && input.checked === want && !input.disabled;
      },
      { s: selector, want: on },
    );
  }

  /** Clicks a popup button once it is drawn and enabled (a click on a disabled one is lost). */
  async function clickWhenEnabled(popup: TestPage, selector: string): Promise<void> {
    await popup.waitFor((s) => document.querySelector<HTMLButtonElement>(s)?.disabled === false, selector);
    await popup.click(selector);
  }

  /** Reloads the page and waits until the reloaded document has loaded with its clutter. */
  async function reloadPage(page: TestPage, selectors: string[]): Promise<void> {
    await page.reload();
    await page.waitFor(
      (list) => document.readyState === 'complete' && list.every((s) => document.querySelector(s) !== null),
      selectors,
    );
  }

  /** The popup on the page's tab, once it has drawn the site's switches. */
  async function openPopupOn(slug: string): Promise<TestPage> {
    const tabId = await suite.harness.tabIdOf(suite.server.pageUrl(slug));
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('.page-clutter input[name="hide-promos"]'));
    return popup;
  }

  it('hides the comments, newsletter box, video promo and related grid, never the article', async () => {
    const { page, popup } = await openWithPopup('magazine-seed');
    const paragraphs = paragraphsOf('magazine-seed');
    expect(await visibility(page, CLUTTER)).toEqual([true, true, true, true]);

    await setSwitch(popup, 'hide-comments', true);
    await waitForVisibility(page, ['#comments', '.comments-link'], false);
    expect(await visibility(page, ['.newsletter-signup', '.video-promo'])).toEqual([true, true]);

    await setSwitch(popup, 'hide-promos', true);
    await waitForVisibility(page, CLUTTER, false);
    expect(await missingParagraphs(page, paragraphs)).toEqual([]);
    expect(await page.text('h1')).toBe('Russia’s border regions brace for American missiles');
    await popup.waitFor(() =>
      /^Hidden: 1 comment section and \d+ promos/.test(
        document.body.innerText.split('\n').find((l) => l.startsWith('Hidden:')) ?? '',
      ),
    );

    // Switching off brings everything back.
    await setSwitch(popup, 'hide-comments', false);
    await waitForVisibility(page, ['#comments'], true);
    await setSwitch(popup, 'hide-promos', false);
    await waitForVisibility(page, CLUTTER, true);
    await popup.close();
    await page.close();
  });

  it('keeps the choices for the site: after a reload, opening the popup hides again', async () => {
    const first = await openWithPopup('magazine-seed');
    await setSwitch(first.popup, 'hide-comments', true);
    await setSwitch(first.popup, 'hide-promos', true);
    await waitForVisibility(first.page, CLUTTER, false);
    await first.popup.close();

    await reloadPage(first.page, CLUTTER);
    // Only activeTab: nothing runs on the reloaded page until the user opens Tidy Reader.
    expect(await visibility(first.page, CLUTTER)).toEqual([true, true, true, true]);
    // The site's choices apply as the popup opens, before it has drawn its switches.
    const popup = await openPopupOn('magazine-seed');
    await waitForVisibility(first.page, CLUTTER, false);
    expect(
      await popup.evaluate(() =>
        ['hide-comments', 'hide-promos'].map(
          (n) => (document.querySelector(`input[name="${n}"]`) as HTMLInputElement).checked,
        ),
      ),
    ).toEqual([true, true]);
    expect(await missingParagraphs(first.page, paragraphsOf('magazine-seed'))).toEqual([]);

    await clickWhenEnabled(popup, 'button[name="show-everything"]');
    await waitForVisibility(first.page, CLUTTER, true);
    await popup.waitFor(() => document.body.innerText.includes('Everything is shown on this page.'));
    await popup.close();
    await first.page.close();
  });

  it('never hides code comments, an opinion piece headed "Comment", or a forum thread', async () => {
    // The site's choices (comments and promos hidden) apply as each popup opens.
    const code = await openWithPopup('code-comments');
    await waitForVisibility(code.page, ['#comments'], false);
    expect(await visibility(code.page, ['.hljs-comment', 'code.comment', 'pre'])).toEqual([true, true, true]);
    expect(await missingParagraphs(code.page, paragraphsOf('code-comments'))).toEqual([]);
    await code.popup.close();
    await code.page.close();

    const opinion = await openWithPopup('opinion-comment');
    await waitForVisibility(opinion.page, ['section.comments'], false);
    expect(await visibility(opinion.page, ['.comment-body h2', '.comment-header'])).toEqual([true, true]);
    expect(await missingParagraphs(opinion.page, paragraphsOf('opinion-comment'))).toEqual([]);
    await opinion.popup.close();
    await opinion.page.close();

    const forum = await openWithPopup('forum-thread');
    await waitForVisibility(forum.page, ['.newsletter-signup'], false);
    expect(
      await visibility(forum.page, ['#comments', '.comment-list li:nth-child(1)', '.comment-list li:nth-child(3)']),
    ).toEqual([true, true, true]);
    await forum.popup.waitFor(() => document.body.innerText.includes('its replies are the content'));
    await forum.popup.close();
    await forum.page.close();
  });

  it('always hides on the site before any click once "Always hide on this site" is on', async () => {
    const { page, popup } = await openWithPopup('magazine-seed');
    await setSwitch(popup, 'always-on', true);
    await popup.close();
    await page.close();

    const fresh = await suite.harness.open(suite.server.pageUrl('magazine-seed'));
    await waitForVisibility(fresh, CLUTTER, false);
    expect(await missingParagraphs(fresh, paragraphsOf('magazine-seed'))).toEqual([]);
    await fresh.close();

    // Turned off, a new visit is left alone again.
    const again = await openWithPopup('opinion-comment');
    await setSwitch(again.popup, 'always-on', false);
    await again.popup.close();
    await again.page.close();
    const untouched = await suite.harness.open(suite.server.pageUrl('magazine-seed'));
    await new Promise((r) => setTimeout(r, 500));
    expect(await visibility(untouched, CLUTTER)).toEqual([true, true, true, true]);
    await untouched.close();
  });

  it('on an always-on site, never hides the article while the page is still arriving', async () => {
    // A rule that matches an ancestor of the article: the page script's marks keep it, but the
    // registered stylesheet applies before the script has run.
    const story = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i + 1} of the story that arrives first. The council met on Tuesday evening to ` +
        `discuss the new bridge, and residents who came to listen asked about the cost, the noise of ` +
        `the works and the months the old crossing will be closed while it is rebuilt.</p>`,
    );
    const arriving = suite.server.arriving(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Arriving</title></head><body>` +
        `<div class="promo"><main><h1>The story</h1>${story.join('')}</main></div>` +
        `<div class="comments-area"><h2>3 comments</h2><ol><li>First!</li><li>Nice.</li><li>Agreed.</li></ol></div>`,
      `<footer>The end of the page.</footer></body></html>`,
    );
    const { page, popup } = await openWithPopup('magazine-seed');
    await setSwitch(popup, 'hide-comments', true);
    await setSwitch(popup, 'hide-promos', true);
    await setSwitch(popup, 'always-on', true);
    await popup.close();
    await page.close();
    try {
      const fresh = await suite.harness.open(arriving.url, { arriving: true });
      // The stylesheet is in force (the thread below is hidden) and the page has painted.
      await fresh.waitFor(() => {
        const thread = document.querySelector('.comments-area li');
        return thread !== null && !thread.checkVisibility();
      });
      // The page script may have marked the part that has arrived (Chromium answers it that fast);
      // where it has not, only the stylesheets' own guard stands between a rule and the article.
      const before = await fresh.evaluate(
        () =>
          new Promise<{ loading: boolean; visible: boolean; hit: boolean }>((done) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const paragraph = document.querySelector('main p') as HTMLElement;
                const box = paragraph.getBoundingClientRect();
                const hit = document.elementFromPoint(box.left + 5, box.top + box.height / 2);
                done({
                  loading: document.readyState === 'loading',
                  visible: paragraph.checkVisibility(),
                  hit: hit !== null && paragraph.contains(hit),
                });
              }),
            ),
          ),
      );
      expect(before).toEqual({ loading: true, visible: true, hit: true });
      // The first paint, for a person to look at; the hit test above found the article in it.
      await fresh.screenshot(`out/screenshots/arriving-article-${browserName}.png`);

      arriving.release();
      await fresh.waitFor(() => document.documentElement.hasAttribute('data-tidy-marked'));
      expect(await visibility(fresh, ['main p', '.comments-area li'])).toEqual([true, false]);
      await fresh.close();
    } finally {
      arriving.release();
      const again = await openWithPopup('magazine-seed');
      await setSwitch(again.popup, 'always-on', false);
      await again.popup.close();
      await again.page.close();
    }
  });

  it('hides a picked element on the site, and keeps the rule across a reload', async () => {
    const { page, popup } = await openWithPopup('magazine-seed');
    await clickWhenEnabled(popup, 'button[name="pick-element"]');
    await popup.waitFor(() => document.body.innerText.includes('Click the part of the page to hide'));
    await page.waitFor(() => document.querySelector('[data-tidy-picker]'));
    await page.click('.entry-section');
    await page.waitFor(() => !document.querySelector('[data-tidy-picker]'));
    await waitForVisibility(page, ['.entry-section'], false);
    expect(page.url()).toBe(suite.server.pageUrl('magazine-seed'));
    await popup.close();

    await reloadPage(page, ['.entry-section']);
    expect(await visibility(page, ['.entry-section'])).toEqual([true]);
    const again = await openPopupOn('magazine-seed');
    await waitForVisibility(page, ['.entry-section'], false);
    expect(await missingParagraphs(page, paragraphsOf('magazine-seed'))).toEqual([]);
    await again.close();

    const options = await suite.harness.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('.clutter-site__rules code'));
    expect(await options.text('.clutter-site__rules code')).toBe('a.entry-section');
    await options.close();
    await page.close();
  });
});
