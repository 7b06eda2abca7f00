/** The form in which a heading or label is compared with the rules' patterns. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const EDGE_PUNCTUATION = /^[\s:|»›>→▸▶►•·*#\-–—]+|[\s:|»›>→▸▶►•·*\-–—.!…]+$/g;

/** Letters, digits and single spaces only: nothing to normalise but case (most texts on a page). */
const PLAIN = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

export function normaliseLabel(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase();
  return text
    .replace(INVISIBLE, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '')
    .toLowerCase();
}
