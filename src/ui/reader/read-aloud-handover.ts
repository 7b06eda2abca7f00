/**
 * Read aloud goes on into the next article only when it has read this one to its end: the page that
 * finishes leaves a one-time note in this tab's session storage naming the article it opens. The
 * `continue=read-aloud` address alone (a reload, a bookmark, a pasted link) starts nothing.
 */
const HANDOVER_KEY = 'tidy-reader.read-aloud-handover';

export function handOverReadAloud(nextId: string): void {
  try {
    sessionStorage.setItem(HANDOVER_KEY, nextId);
  } catch {
    // Storage refused: the next article opens without speaking, which is the safe way to fail.
  }
}

/** Whether read aloud was handed over to article `id`; the note is used up either way. */
export function takeReadAloudHandover(id: string): boolean {
  try {
    const handedTo = sessionStorage.getItem(HANDOVER_KEY);
    sessionStorage.removeItem(HANDOVER_KEY);
    return handedTo === id;
  } catch {
    return false;
  }
}
