import { useEffect, useMemo } from 'preact/hooks';
import { useSettings, useSpeechEngine } from '../stores/context';
import { createReadAloudStore, type ReadAloudStore } from './createReadAloudStore';
import { findBlocks, rangeOf, splitSentences } from './segment-text';

const HIGHLIGHT = 'tidy-reader-speech';
const FALLBACK_CLASS = 'is-speaking';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

function highlightRegistry(): { registry: HighlightRegistry; Highlight: new (range: Range) => unknown } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: new (range: Range) => unknown }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

/**
 * Read aloud over a rendered article body. The sentence being spoken is highlighted with the CSS
 * Custom Highlight API, which paints a Range without touching the article's DOM (a class on the
 * paragraph where the API is missing), and kept in view.
 */
export function useReadAloud(body: HTMLElement | null, lang: string): ReadAloudStore | null {
  const engine = useSpeechEngine();
  const settings = useSettings();
  const blocks = useMemo(() => (body ? findBlocks(body) : []), [body]);
  const store = useMemo(
    () =>
      body
        ? createReadAloudStore(
            engine,
            blocks.map((el) => ({ sentences: splitSentences(el.textContent ?? '', lang) })),
            lang,
            settings,
          )
        : null,
    [body, blocks, engine, lang, settings],
  );
  useEffect(() => () => store?.dispose(), [store]);

  const position = store?.position.value ?? null;
  useEffect(() => {
    const highlights = highlightRegistry();
    const block = position ? blocks[position.block] : undefined;
    const sentence = position ? store?.blocks[position.block]?.sentences[position.sentence] : undefined;
    highlights?.registry.delete(HIGHLIGHT);
    body?.querySelector(`.${FALLBACK_CLASS}`)?.classList.remove(FALLBACK_CLASS);
    if (!block || !sentence) return;
    const range = rangeOf(block, sentence.start, sentence.end);
    if (highlights && range) highlights.registry.set(HIGHLIGHT, new highlights.Highlight(range));
    else block.classList.add(FALLBACK_CLASS);
    const rect = block.getBoundingClientRect();
    if (rect.top < 80 || rect.bottom > window.innerHeight) {
      const isReduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
      block.scrollIntoView?.({ block: 'center', behavior: isReduced ? 'auto' : 'smooth' });
    }
  }, [position, blocks, body, store]);
  useEffect(() => () => highlightRegistry()?.registry.delete(HIGHLIGHT), []);
  return store;
}
