/** The form in which a heading or label is compared with the rules' patterns. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const EDGE_PUNCTUATION = /^[\s:|»›>→▸▶►•·*#\-–—]+|[\s:|»›>→▸▶►•·*\-–—.!…]+$/g;

export function normaliseLabel(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '')
    .toLowerCase();
}
