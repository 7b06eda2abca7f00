/**
 * Prepares the copy of the page for Readability: real image addresses, absolute URLs, embedded
 * posts Readability would drop, and the page's furniture removed.
 */
import { compileSelectorList, isProtected } from '../clutter';
import { fixLazyImages } from './lazy-images';
import { PAGE_CHROME_SELECTORS } from './page-chrome';
import { countRemoval } from './removal-counts';
import type { RemovedCounts } from './types';
import { absolutiseUrls } from './urls';

/** Embedded posts the author quoted: part of the article, though their wrappers look like widgets. */
const EMBEDDED_POSTS =
  'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.mastodon-embed';

/**
 * Readability discards elements whose class says "social" or "embed", so an embedded post loses
 * its wrapper here (a wrapper holding nothing else) and its class.
 */
function liftEmbeddedPosts(root: ParentNode): void {
  for (const post of Array.from(root.querySelectorAll(EMBEDDED_POSTS))) {
    let wrapper: Element = post;
    while (
      wrapper.parentElement &&
      wrapper.parentElement.children.length === 1 &&
      !/^(BODY|ARTICLE|MAIN|SECTION|P|LI|TD)$/.test(wrapper.parentElement.tagName.toUpperCase())
    ) {
      wrapper = wrapper.parentElement;
    }
    if (wrapper !== post) wrapper.replaceWith(post);
    post.removeAttribute('class');
    post.setAttribute('data-embed', 'post');
  }
}

const PAGE_CHROME = compileSelectorList(PAGE_CHROME_SELECTORS);

export interface PrepareOptions {
  base: string;
  /** The probable article body: chrome that contains it is kept. */
  protect: readonly Element[];
  removed: RemovedCounts;
}

export function prepareDocument(doc: Document, options: PrepareOptions): void {
  const body = doc.body;
  if (!body) return;
  for (const script of Array.from(doc.querySelectorAll('script:not([type="application/ld+json" i]), style'))) {
    script.remove();
  }
  fixLazyImages(body);
  absolutiseUrls(body, options.base);
  liftEmbeddedPosts(body);
  for (const element of PAGE_CHROME.matchAll(body)) {
    // A headline inside stays: Readability reads the title from the page's h1.
    if (!element.isConnected || isProtected(element, options.protect) || element.querySelector('h1')) continue;
    element.remove();
    countRemoval(options.removed, 'other');
  }
}
