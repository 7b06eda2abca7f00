/**
 * On a product page Readability may pick a customer's review, the longest prose there, for the
 * content. The page's content leaves the reviews out by their heading (./product-sections.ts): a
 * pick whose longest paragraph is in one of those sections is a review, whatever its size.
 */

/** Shorter paragraphs (a spec line, "In stock") may be anywhere by chance. */
const MIN_PARAGRAPH_CHARS = 80;

/** Compared without white space: the pick's lines and a section's text break it differently. */
const bare = (text: string): string => text.replace(/\s+/g, '');

export function isPickLeftOut(pickText: string, sectionsLeftOut: readonly string[]): boolean {
  if (sectionsLeftOut.length === 0) return false;
  let longest = '';
  for (const line of pickText.split('\n')) if (line.length > longest.length) longest = line;
  const paragraph = bare(longest);
  return longest.trim().length >= MIN_PARAGRAPH_CHARS && sectionsLeftOut.some((text) => bare(text).includes(paragraph));
}
