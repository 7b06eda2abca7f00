// @vitest-environment jsdom
/**
 * The embedded comment platforms, each on a page modelled on its documented embed code and on what
 * its loader leaves there (tests/fixtures/comment-embeds/<platform>.html): the live page's own path
 * finds the embed's container, the loader's iframe or root and its comment count by their rules,
 * hides them with the very stylesheet the browser is given, and leaves the article alone.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { compileClutterRules, findClutter, groupStylesheet, selectorCategory } from '../../../src/clutter';
import { createPageClutter, findArticleAnchor, type PageClutter } from '../../../src/content/clutter/page-clutter';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/comment-embeds');
/** A host without site rules: only the generic rules may find the embeds. */
const HOST = 'www.example.com';
const ARTICLE = '[itemprop~="articleBody"]';

interface Embed {
  platform: string;
  /** The element the documented snippet places, which the loader renders into. */
  container: string;
  /** What the loader puts there (an iframe, the app's root): found by a rule of its own too. */
  rendered?: string;
  /** A comment count or jump link elsewhere on the page. */
  count?: string;
  /** Words of a comment shown in the page itself (iframes and shadow roots keep theirs out of reach). */
  comment?: string;
}

const EMBEDS: Embed[] = [
  {
    platform: 'disqus',
    container: '#disqus_thread',
    rendered: 'iframe[src*="disqus.com/embed/comments"]',
    count: '.disqus-comment-count',
  },
  { platform: 'coral', container: '#coral_thread', rendered: '#coral_thread > iframe', count: '.coral-count' },
  { platform: 'talk', container: '#coral_talk_stream', rendered: '#coral_talk_stream_iframe' },
  {
    platform: 'openweb',
    container: '[data-spotim-module="conversation"]',
    rendered: '[data-spotim-app="conversation"]',
    count: '[data-spotim-module="messages-count"]',
    comment: 'The sealed tubes are the real story',
  },
  {
    platform: 'viafoura',
    container: 'vf-conversations',
    count: 'vf-conversations-count',
    comment: 'in better shape than in 2015',
  },
  { platform: 'facebook', container: '.fb-comments', rendered: '.fb-comments iframe' },
  { platform: 'hyvor', container: 'hyvor-talk-comments', count: 'hyvor-talk-comment-count' },
  { platform: 'commento', container: '#commento', count: 'a[href$="#commento"]', comment: 'on a worker pool' },
  { platform: 'isso', container: '#isso-thread', count: 'a[href$="#isso-thread"]', comment: 'The rule of twelfths' },
  { platform: 'remark42', container: '#remark42', rendered: '#remark42 > iframe', count: '.remark42__counter' },
  { platform: 'giscus', container: '.giscus', rendered: '.giscus > iframe' },
  { platform: 'utterances', container: '.utterances', rendered: '.utterances > iframe' },
  { platform: 'discourse', container: '#discourse-comments', rendered: '#discourse-comments > iframe' },
  {
    platform: 'jetpack',
    container: '#respond',
    rendered: 'iframe[name="jetpack_remote_comment"]',
    comment: "my grandfather's cardigan",
  },
  { platform: 'blogger', container: '#comment-holder', rendered: 'iframe[name="comment-editor"]', comment: 'Two over' },
  {
    platform: 'livefyre',
    container: '#livefyre-comments',
    rendered: '.fyre-comment-stream',
    count: '.livefyre-commentcount',
    comment: 'Third delay',
  },
  { platform: 'vuukle', container: '#vuukle-comments', rendered: '#vuukle-comments > iframe' },
  { platform: 'insticator', container: '#insticator-commenting', comment: 'useless on wet rock' },
];

let running: PageClutter[] = [];
afterEach(() => {
  for (const page of running) page.stop();
  running = [];
});

function load(platform: string): Document {
  const html = readFileSync(resolve(FIXTURES, `${platform}.html`), 'utf8');
  return new JSDOM(html, { url: `https://${HOST}/story/` }).window.document;
}

function one(doc: Document, selector: string): Element {
  const element = doc.querySelector(selector);
  if (!element) throw new Error(`the fixture has no ${selector}`);
  return element;
}

/** What the reader sees with comments hidden: the page script and the comments stylesheet, applied. */
function hideCommentsLive(doc: Document): void {
  const style = doc.createElement('style');
  style.textContent = groupStylesheet('comments', HOST);
  doc.head.append(style);
  const page = createPageClutter(doc, HOST);
  running.push(page);
  page.apply({ groups: { comments: true, promos: false }, picked: [] });
}

/** Whether the element and every ancestor are displayed (jsdom has no layout, but it cascades). */
function isRendered(el: Element | null): boolean {
  const view = el?.ownerDocument.defaultView;
  for (; el && view; el = el.parentElement) if (view.getComputedStyle(el).display === 'none') return false;
  return true;
}

function elementHolding(doc: Document, words: string): Element {
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node.nodeValue ?? '').includes(words) && node.parentElement) return node.parentElement;
  }
  throw new Error(`the fixture has no "${words}"`);
}

describe('embedded comment platforms', () => {
  it('have a fixture page each', () => {
    expect(EMBEDS.map((e) => e.platform).sort()).toEqual(
      [
        'blogger',
        'commento',
        'coral',
        'discourse',
        'disqus',
        'facebook',
        'giscus',
        'hyvor',
        'insticator',
        'isso',
        'jetpack',
        'livefyre',
        'openweb',
        'remark42',
        'talk',
        'utterances',
        'viafoura',
        'vuukle',
      ].sort(),
    );
  });

  describe.each(EMBEDS)('$platform', (embed) => {
    it('is found by its rules: container, what the loader renders, its comment count', () => {
      const doc = load(embed.platform);
      const compiled = compileClutterRules(undefined, { host: HOST });
      for (const selector of [embed.container, embed.rendered, embed.count]) {
        if (selector) expect(selectorCategory(one(doc, selector), compiled), selector).toBe('comments');
      }
    });

    it('is a comments match of the live page, and no article paragraph is inside any match', () => {
      const doc = load(embed.platform);
      const compiled = compileClutterRules(undefined, { host: HOST });
      const body = one(doc, ARTICLE);
      const { anchor } = findArticleAnchor(doc.body, compiled);
      expect(anchor, 'the page script finds the article').toBe(body);
      const matches = findClutter(doc.body, compiled, { categories: ['comments'], protect: anchor ? [anchor] : [] });
      const container = one(doc, embed.container);
      const holding = matches.filter((m) => m.element === container || m.element.contains(container));
      expect(holding.map((m) => m.category)).toEqual(['comments']);
      const paragraphs = Array.from(body.querySelectorAll('p'));
      expect(paragraphs.length).toBeGreaterThanOrEqual(3);
      for (const p of paragraphs) {
        for (const m of matches) expect(m.element.contains(p), `${m.by} match holds "${p.textContent}"`).toBe(false);
      }
    });

    it('is hidden on the live page, and the article is not', () => {
      const doc = load(embed.platform);
      hideCommentsLive(doc);
      for (const selector of [embed.container, embed.rendered, embed.count]) {
        if (selector) expect(isRendered(one(doc, selector)), `${selector} is shown`).toBe(false);
      }
      if (embed.comment) expect(isRendered(elementHolding(doc, embed.comment)), embed.comment).toBe(false);
      for (const p of Array.from(one(doc, ARTICLE).querySelectorAll('p'))) {
        expect(isRendered(p), `"${p.textContent}" is hidden`).toBe(true);
      }
    });
  });

  it('leave other embeds alone: video, charts, a live stream, a social post', () => {
    const doc = new DOMParser().parseFromString(
      `<article><p>The council's budget, explained in a chart and a short video from the meeting on Tuesday.</p>
      <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>
      <iframe src="https://datawrapper.dwcdn.net/Ab3dE/2/?initialWidth=700&childId=datawrapper-chart-Ab3dE"></iframe>
      <iframe src="https://video.example/embed/stream?id=9"></iframe>
      <iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx"></iframe>
      <iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fy"></iframe>
      <iframe title="Remark on the budget" src="https://remarks.example/embed"></iframe></article>`,
      'text/html',
    );
    const matches = findClutter(doc.body, compileClutterRules(undefined, { host: HOST }), { categories: ['comments'] });
    expect(matches.map((m) => m.element.outerHTML)).toEqual([]);
  });
});
