const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Rounded up so that a short piece still reads as "1 min". */
export function estimateReadingMinutes(text: string, _lang: string | null): number {
  const words = countWords(text);
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}
