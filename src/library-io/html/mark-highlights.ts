/**
 * Highlights in exported article bodies: each anchored highlight wrapped in `<mark>` (one per text
 * node it covers), numbered in reading order; what the writers then add for notes (footnote
 * references and the notes themselves) depends on the format. Highlights that can no longer be
 * placed in the text are returned apart, so that no writer drops them silently.
 */
import { anchorAll } from '../../highlights/anchor-text';
import { joinWrappers, textOf, wrapSpan } from '../../highlights/dom-text';
import { HIGHLIGHT_COLORS, type HighlightRecord } from '../../highlights/types';
import { HIGHLIGHT_SWATCHES } from '../../highlights/web-annotation';

export interface MarkedHighlight {
  highlight: HighlightRecord;
  /** In reading order, from 1. */
  number: number;
  marks: Element[];
}

export interface MarkedBody {
  marked: MarkedHighlight[];
  orphaned: HighlightRecord[];
}

export function markHighlights(root: Element, highlights: readonly HighlightRecord[]): MarkedBody {
  const doc = root.ownerDocument;
  const { anchored, orphaned } = anchorAll(textOf(root), highlights);
  const marked = anchored.map(({ highlight, span }, i) => ({
    highlight,
    number: i + 1,
    marks: joinWrappers(
      wrapSpan(root, span, () => {
        const mark = doc.createElement('mark');
        mark.setAttribute('class', `highlight-${highlight.color}`);
        return mark;
      }),
    ),
  }));
  return { marked: marked.filter((m) => m.marks.length > 0), orphaned };
}

/** Inserts `node` after the last mark of a highlight (a note's reference goes there). */
export function insertAfterLastMark(marked: MarkedHighlight, node: Node): void {
  const last = marked.marks.at(-1);
  last?.parentNode?.insertBefore(node, last.nextSibling);
}

/** Colours of `<mark>` in the HTML and EPUB exports (the ones Web Annotation exports name). */
export const MARK_STYLE = `mark{color:inherit;padding:0 .1em}${HIGHLIGHT_COLORS.map(
  (c) => `.highlight-${c}{background:${HIGHLIGHT_SWATCHES[c]}}`,
).join('')}`;

/**
 * Notes as footnotes in (X)HTML: a numbered reference after each noted highlight, the notes at the
 * end of `root`; highlights the text no longer has are listed there too, with their notes. For
 * EPUB (`epub`), the EPUB 3 way (`epub:type="noteref"`, `<aside epub:type="footnote">`) that
 * reading systems show as pop-up notes; for HTML, DPUB-ARIA roles on a list of endnotes.
 */
export function appendFootnotes(root: Element, { marked, orphaned }: MarkedBody, flavour: 'epub' | 'html'): void {
  const doc = root.ownerDocument;
  const el = (tag: string, attributes: Record<string, string> = {}, text?: string) => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const notes: { id: string; number: number; note: string }[] = [];
  const reference = (highlight: HighlightRecord): Element => {
    const number = notes.length + 1;
    const id = `note-${highlight.id}`;
    notes.push({ id, number, note: highlight.note.trim() });
    const link =
      flavour === 'epub'
        ? el('a', { 'epub:type': 'noteref', href: `#${id}`, id: `ref-${highlight.id}` }, String(number))
        : el('a', { role: 'doc-noteref', href: `#${id}`, id: `ref-${highlight.id}` }, String(number));
    const sup = el('sup');
    sup.appendChild(link);
    return sup;
  };
  for (const m of marked) if (m.highlight.note.trim()) insertAfterLastMark(m, reference(m.highlight));
  if (orphaned.length > 0) {
    root.appendChild(el('hr'));
    const list = el('ul', { class: 'orphaned-highlights' });
    for (const h of orphaned) {
      const item = el('li');
      item.appendChild(el('mark', { class: `highlight-${h.color}` }, h.quote.exact.replace(/\s+/g, ' ').trim()));
      if (h.note.trim()) item.appendChild(reference(h));
      list.appendChild(item);
    }
    root.appendChild(list);
  }
  if (notes.length === 0) return;
  if (flavour === 'epub') {
    for (const { id, number, note } of notes) {
      const aside = el('aside', { 'epub:type': 'footnote', id });
      aside.appendChild(el('p', {}, `${number}. ${note}`));
      root.appendChild(aside);
    }
    return;
  }
  const section = el('section', { role: 'doc-endnotes', class: 'notes' });
  const list = el('ol');
  for (const { id, note } of notes) {
    const item = el('li', { id }, `${note} `);
    item.appendChild(el('a', { role: 'doc-backlink', href: `#ref-${id.slice('note-'.length)}` }, '↩'));
    list.appendChild(item);
  }
  section.appendChild(el('hr'));
  section.appendChild(list);
  root.appendChild(section);
}
