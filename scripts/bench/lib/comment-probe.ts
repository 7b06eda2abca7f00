/**
 * The comment bench's helper inside the page (bundled into one classic script and evaluated in
 * the page's main world): whether each labelled excerpt is rendered, a stylesheet of the bench's
 * own, and our live hider with the rules alone (no thread finder) for comparison. The extension
 * itself runs in its own world and is driven through its popup, as a reader drives it.
 */
import { CLUTTER_ATTRIBUTE, KEEP_ATTRIBUTE, SHOW_ATTRIBUTE } from '../../../src/clutter';
import { createPageClutter, type PageClutter } from '../../../src/content/clutter/page-clutter';
import { findExcerpt, joinSegments, renderableTextNodes } from './excerpts';

export type ExcerptState = 'visible' | 'hidden' | 'missing';

export interface CommentProbe {
  /** For each excerpt: rendered, hidden (display, content-visibility or visibility), or not in the page. */
  states(excerpts: readonly string[]): ExcerptState[];
  addStyle(css: string): void;
  removeStyle(): void;
  /** Runs the live hider in this world, comments and promos on, without the thread finder. */
  applyRules(host: string): void;
  /** Undoes `applyRules`: its observer, its marks, its root attribute. */
  clearRules(): void;
}

const STYLE_ID = 'tidy-bench-style';
let rules: PageClutter | null = null;

const probe: CommentProbe = {
  states(excerpts) {
    const body = document.body;
    if (!body) return excerpts.map(() => 'missing');
    const nodes = renderableTextNodes(body);
    const text = joinSegments(nodes.map((n) => n.data));
    return excerpts.map((excerpt) => {
      const found = findExcerpt(body, excerpt, { nodes, text });
      if (!found) return 'missing';
      return found.element.checkVisibility({ visibilityProperty: true }) ? 'visible' : 'hidden';
    });
  },
  addStyle(css) {
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = css;
    (document.head ?? document.documentElement).append(style);
  },
  removeStyle() {
    document.getElementById(STYLE_ID)?.remove();
  },
  applyRules(host) {
    rules = createPageClutter(document, host, { threads: false });
    rules.apply({ groups: { comments: true, promos: true }, picked: [] });
  },
  clearRules() {
    rules?.stop();
    rules = null;
    for (const attribute of [KEEP_ATTRIBUTE, CLUTTER_ATTRIBUTE]) {
      for (const element of Array.from(document.querySelectorAll(`[${attribute}]`))) element.removeAttribute(attribute);
    }
    document.documentElement.removeAttribute(SHOW_ATTRIBUTE);
  },
};

(globalThis as typeof globalThis & { tidyBench?: CommentProbe }).tidyBench = probe;
