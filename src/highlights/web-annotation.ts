/**
 * Highlights as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/), for other
 * tools: a note is a commenting `TextualBody`, the colour a `styleClass` with its stylesheet, the
 * target the saved article's address with both selectors.
 */
import { HIGHLIGHT_COLORS, type HighlightColor, type HighlightRecord } from './types';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The colours as Web Annotation style classes (and in exported HTML). */
export const HIGHLIGHT_SWATCHES: Record<HighlightColor, string> = {
  yellow: '#fff3a3',
  green: '#c7f0c2',
  blue: '#c6e2ff',
  pink: '#ffd0e4',
};

export interface WebAnnotationTarget {
  /** The article's address, and where it is saved. */
  url: string;
  title: string;
}

const STYLESHEET = {
  type: 'CssStylesheet',
  value: HIGHLIGHT_COLORS.map((c) => `.tidy-${c} { background-color: ${HIGHLIGHT_SWATCHES[c]}; }`).join(' '),
};

export function toWebAnnotation(highlight: HighlightRecord, target: WebAnnotationTarget): Record<string, unknown> {
  const hasNote = highlight.note.trim() !== '';
  return {
    id: `urn:uuid:${highlight.id}`,
    type: 'Annotation',
    motivation: hasNote ? 'commenting' : 'highlighting',
    created: new Date(highlight.createdAt).toISOString(),
    modified: new Date(highlight.updatedAt).toISOString(),
    ...(hasNote
      ? { body: { type: 'TextualBody', value: highlight.note, format: 'text/plain', purpose: 'commenting' } }
      : {}),
    target: {
      type: 'SpecificResource',
      source: target.url,
      styleClass: `tidy-${highlight.color}`,
      selector: [highlight.quote, highlight.position],
    },
  };
}

/** Every highlight of the library as one `AnnotationCollection` with a single page. */
export function toAnnotationCollection(
  items: readonly { highlight: HighlightRecord; target: WebAnnotationTarget }[],
  label: string,
): Record<string, unknown> {
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: items.map(({ highlight, target }) => ({
        ...toWebAnnotation(highlight, target),
        stylesheet: STYLESHEET,
      })),
    },
  };
}
