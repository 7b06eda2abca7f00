/**
 * Everything that needs the filter-list parser (Ghostery's, about 250 kB), in one module loaded
 * on first use with `import()`: by Firefox's background page itself, in Chrome by the offscreen
 * document (a service worker may not import on demand). Start-up never pays for it.
 */
export { createListMatcher, type ListMatcher, type PageTokens } from './list-engine';
export { keepPlainHideRules, type KeptRules } from './parse-list';
