/** The form in which a heading or label is compared with the rules' patterns. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const EDGE_PUNCTUATION = /^[\s:|»›>→▸▶►•·*#\-–—]+|[\s:|»›>→▸▶►•·*\-–—.!…。！]+$/g;
/** Full-width forms of the separators above, as Chinese and Japanese pages write them. */
const FULL_WIDTH = /[：｜]/g;
/** A bracketed label at the start, the CJK way of writing a lead-in: "【相关阅读】…" reads "相关阅读: …". */
const BRACKETED_LEAD = /^\s*【([^】]{1,20})】\s*/;

/** Letters, digits and single spaces only: nothing to normalise but case (most texts on a page). */
const PLAIN = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

export function normaliseLabel(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase();
  return text
    .replace(INVISIBLE, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(FULL_WIDTH, (c) => (c === '：' ? ':' : '|'))
    .replace(BRACKETED_LEAD, '$1: ')
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '')
    .toLowerCase();
}
