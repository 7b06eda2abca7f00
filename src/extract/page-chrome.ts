/**
 * The page's own furniture, removed from the copy before Readability reads it: navigation, site
 * header and footer, dialogs, cookie notices, text only screen readers get. None of it is ever
 * article text, and without it Readability is less tempted to pick a container that wraps the
 * whole page.
 */
export const PAGE_CHROME_SELECTORS = [
  '#CybotCookiebotDialog',
  '#onetrust-consent-sdk',
  '.a11y-only',
  '.cc-window',
  '.off-screen',
  '.offscreen',
  '.screen-reader-text',
  '.skip-link',
  '.skip-links',
  '.sr-only',
  '.visually-hidden',
  '.visuallyhidden',
  '[aria-modal="true"]',
  '[class*="cookie-banner" i]',
  '[class*="cookie-consent" i]',
  '[class*="cookie-notice" i]',
  '[id*="cookie-banner" i]',
  '[id*="cookie-consent" i]',
  '[id*="cookie-notice" i]',
  '[role="alertdialog"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="navigation"]',
  '[role="search"]',
  'dialog',
  'footer',
  'nav',
  'template',
];
