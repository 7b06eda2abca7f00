/**
 * The browser's own `runtime`, without webextension-polyfill (src/shared/browser.ts is the handle
 * for everything else), for the content script: it only serves messages, with a synchronous
 * listener answering through `sendResponse`, which both browsers support as they are. Evaluating
 * the polyfill cost Firefox about 40 ms of each injection (the demo page, under load): it touches
 * both `chrome` and `browser`, and Firefox builds each of a content script's namespaces on first
 * touch. Kept apart from browser.ts because importing that module evaluates the polyfill.
 */
export function nativeRuntime(): unknown {
  // Firefox has `browser`; Chrome has `chrome`.
  const scope = globalThis as { browser?: { runtime?: unknown }; chrome?: { runtime?: unknown } };
  return scope.browser?.runtime ?? scope.chrome?.runtime;
}
