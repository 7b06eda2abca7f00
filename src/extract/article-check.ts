/**
 * When the reader says there is nothing to read. A reader is opened on articles, threads, product
 * pages and lists alike, and is shown what they hold; only a page with nothing a reader would want
 * is refused (and the reader still offers to show it anyway): an empty shell, a sign-in wall, a
 * page of bare links.
 */

import type { NotArticleReason } from './types';

/** The codes the engine answers with; their words are in `_locales` (`notArticle…` keys). */
export const REASONS = {
  noText: 'no-text',
  signIn: 'sign-in',
  links: 'links',
  tooLarge: 'too-large',
} as const satisfies Record<string, NotArticleReason>;

/** Less text than this is not worth a reader (a caption, a cookie notice). */
const MIN_TEXT_CHARS = 200;
/** A sign-in form with less text than this around it is a wall, not a page that has a login box. */
const MAX_SIGN_IN_TEXT_CHARS = 300;
/** Where a site keeps its own login box, beside whatever the page holds. */
const SITE_FURNITURE =
  'header, nav, aside, footer, dialog, [role="banner" i], [role="navigation" i], [role="complementary" i], [role="contentinfo" i], [role="dialog" i]';

/**
 * A form the page never shows: a web app's shell keeps one hidden for its script (Discourse's
 * `hidden-login-form`), and an empty shell with one is empty, not a wall.
 */
const HIDDEN = '[hidden], [style*="display:none" i], [style*="display: none" i]';

/** A password field in the page itself, shown, not in the site's header or a login pop-up. */
function asksToSignIn(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('input[type="password" i]')).some(
    (input) => !input.closest(SITE_FURNITURE) && !input.closest(HIDDEN),
  );
}
/** Links hold this share of the text or more, and the text between them is short: a bare list. */
const LINK_SHARE = 0.7;
const MIN_TEXT_BETWEEN_LINKS = 400;

/** Linked headings or pictures: the items of a list of cards (stories, recipes, products). */
const CARD_TITLES = 'a h2, a h3, a h4, a h5, a h6, h2 a, h3 a, h4 a, h5 a, h6 a, a img, a picture';
/** A list of this many cards is something to read through, however much of its text is links. */
const MIN_CARDS = 3;

/** Whether `root` lists cards: linked headings or pictures, not bare links. */
export function listsCards(root: Element): boolean {
  const titles = new Set<Element>();
  for (const element of Array.from(root.querySelectorAll(CARD_TITLES))) {
    titles.add(element.closest('a') ?? element);
    if (titles.size >= MIN_CARDS) return true;
  }
  return false;
}

/**
 * A reason there is nothing to read in `text` (the content found on `doc`); null if there is. A
 * list of cards is read as a list, never refused as bare links.
 */
export function refusalOf(
  doc: Document,
  text: string,
  linkDensity: number,
  isCardList = false,
): NotArticleReason | null {
  const length = text.trim().length;
  if (length < MAX_SIGN_IN_TEXT_CHARS && asksToSignIn(doc)) return REASONS.signIn;
  if (length < MIN_TEXT_CHARS) return REASONS.noText;
  if (!isCardList && linkDensity >= LINK_SHARE && length * (1 - linkDensity) < MIN_TEXT_BETWEEN_LINKS) {
    return REASONS.links;
  }
  return null;
}
