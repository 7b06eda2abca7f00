/**
 * The publisher's own `articleBody` (schema.org JSON-LD), when the page declares one, checks
 * Readability's pick: blocks of the declared body missing from the pick are recovered (a body
 * split by ads or lazy-loaded parts), and a pick that shares almost nothing with it is replaced.
 * A declared body that is itself truncated (paywalls often publish the first paragraphs only) is
 * never trusted over the page.
 */
import { textBlocks } from './block-text';
import { writeInertHtml, type InertDocument } from './inert-document';

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingleSet(text: string): Set<string> {
  const tokens = text.match(TOKEN) ?? [];
  const set = new Set<string>();
  if (tokens.length > 0 && tokens.length < 4) set.add(tokens.join(' '));
  for (let i = 0; i + 4 <= tokens.length; i++) set.add(tokens.slice(i, i + 4).join(' '));
  return set;
}

/** Share of `part`'s shingles found in `whole`. */
export function coverage(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 1;
  let hits = 0;
  for (const s of part) if (whole.has(s)) hits++;
  return hits / part.size;
}

/** The declared body as blocks of text, whether it was given as text or as HTML. */
export function declaredBlocks(articleBody: string, doc: InertDocument): string[] {
  if (/<\/?(p|div|br|h[1-6]|li)\b/i.test(articleBody)) {
    // Parsed in the inert copy of the page: nothing loads or runs.
    const holder = doc.createElement('div');
    writeInertHtml(doc, holder, articleBody);
    return textBlocks(holder);
  }
  return articleBody
    .split(/\n\s*\n|\r?\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function looksTruncated(body: string): boolean {
  return body.length < 600 || /(\.\.\.|…|\[…\]|\[\.\.\.\])\s*$/.test(body.trim());
}

export type Recovery = 'none' | 'appended' | 'replaced';

/**
 * Compares the pick with the declared body and repairs it in place (`article` is in the inert
 * copy `doc`). Returns what it did.
 */
export function recoverFromDeclaredBody(
  doc: InertDocument,
  article: Element,
  articleBody: string | null,
  pickText: string,
): Recovery {
  if (!articleBody || looksTruncated(articleBody)) return 'none';
  const blocks = declaredBlocks(articleBody, doc);
  const declared = shingleSet(blocks.join('\n'));
  const picked = shingleSet(pickText);
  if (declared.size < 30) return 'none';
  const found = coverage(declared, picked);
  if (found >= 0.85) return 'none';
  if (found < 0.25 && coverage(picked, declared) < 0.25) {
    article.replaceChildren(...blocks.map((text) => paragraph(doc, text)));
    return 'replaced';
  }
  const missing = blocks.filter((block) => {
    const own = shingleSet(block);
    return own.size >= 3 && coverage(own, picked) < 0.2;
  });
  if (missing.length === 0) return 'none';
  const container = doc.createElement('div');
  container.setAttribute('data-recovered', 'json-ld');
  container.append(...missing.map((text) => paragraph(doc, text)));
  article.append(container);
  return 'appended';
}

function paragraph(doc: Document, text: string): Element {
  const p = doc.createElement('p');
  p.textContent = text;
  return p;
}
