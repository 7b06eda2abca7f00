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

/** A password field in the page itself, not in the site's header or a login pop-up. */
function asksToSignIn(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('input[type="password" i]')).some((input) => !input.closest(SITE_FURNITURE));
}
/** Links hold this share of the text or more, and the text between them is short: a bare list. */
const LINK_SHARE = 0.7;
const MIN_TEXT_BETWEEN_LINKS = 400;

/** A reason there is nothing to read in `text` (the content found on `doc`); null if there is. */
export function refusalOf(doc: Document, text: string, linkDensity: number): NotArticleReason | null {
  const length = text.trim().length;
  if (length < MAX_SIGN_IN_TEXT_CHARS && asksToSignIn(doc)) return REASONS.signIn;
  if (length < MIN_TEXT_CHARS) return REASONS.noText;
  if (linkDensity >= LINK_SHARE && length * (1 - linkDensity) < MIN_TEXT_BETWEEN_LINKS) return REASONS.links;
  return null;
}
