/**
 * The content script's last extraction, answered again while the page is exactly as it was: the
 * popup opened a second time on a tab then pays only for the messages, not for a second
 * extraction. "As it was" means the same key (the address and the options: a same-document
 * navigation changes the address without touching a node) and not one DOM mutation since the
 * extraction began, seen by a MutationObserver over the whole document (nodes, attributes, text).
 * The observer runs only while a result is kept: after the page's first change it is disconnected,
 * and a page that changes all the time pays for one callback, not for one per change.
 */
const WHOLE_DOCUMENT: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };

export interface KeptResult<T> {
  /**
   * The result kept for `key` when the document has not changed since it was made; else
   * `compute()`'s, kept in its place when `compute` says it may be (an extraction that ran out of
   * time may read more when asked again).
   */
  answer(key: string, compute: () => { value: T; isKeepable: boolean }): { value: T; wasKept: boolean };
}

export function createKeptResult<T>(doc: Document): KeptResult<T> {
  const Observer = doc.defaultView?.MutationObserver;
  let kept: { key: string; value: T } | null = null;
  const forget = (): void => {
    kept = null;
    observer?.disconnect();
  };
  const observer = Observer ? new Observer(forget) : null;

  return {
    answer(key, compute) {
      // Mutations not yet delivered to the callback (it runs as a microtask) count as well.
      if (observer && observer.takeRecords().length > 0) forget();
      if (kept && kept.key === key) return { value: kept.value, wasKept: true };
      forget();
      // Watching from before the extraction: a change made while it runs leaves nothing kept.
      observer?.observe(doc, WHOLE_DOCUMENT);
      const { value, isKeepable } = compute();
      if (observer && isKeepable && observer.takeRecords().length === 0) kept = { key, value };
      else forget();
      return { value, wasKept: false };
    },
  };
}
