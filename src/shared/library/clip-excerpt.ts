/**
 * The longest excerpt a list row is given. A row shows two lines of it (line-clamp), but the
 * browser shapes and breaks the whole text before clamping: the bench's 700-character excerpts
 * were a quarter of a scrolled frame's layout. 400 characters fill two lines of the widest row
 * (64rem, text in rem: about 220 characters of ordinary text) with room to spare for narrow letters.
 */
export const LIST_EXCERPT_CHARS = 400;

/** `text` cut at a word's end before `max` characters, with an ellipsis; unchanged when short enough. */
export function clipExcerpt(text: string | null, max = LIST_EXCERPT_CHARS): string | null {
  if (text === null || text.length <= max) return text;
  // A cut must not split a character written as two UTF-16 units (a lone high surrogate).
  const cut = text.slice(0, /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
