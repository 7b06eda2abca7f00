/**
 * Access to the sites of the servers the reader sets up (the sync's WebDAV folder, a read-it-later
 * server). Each is asked for as an optional host permission when the reader connects; forgetting
 * the server gives it back — unless the reader had granted it before for something else, or another
 * server still set up is on the same site.
 */
import { browser } from '../../shared/browser';
import { originPattern } from '../../shared/origin-pattern';

/** The sites of the servers a feature has set up (each needs its site's access, whoever asked for it). */
type PatternsInUse = () => Promise<(string | null)[]>;

const users: PatternsInUse[] = [];

/** A kind of server setting registers what it holds, so one server's forgetting spares another's site. */
export function registerServerAccessUser(patternsInUse: PatternsInUse): void {
  users.push(patternsInUse);
}

/** The host permission pattern of a server's address (ports aside: browsers match them all). */
export function accessPatternOf(url: string): string {
  return originPattern(new URL(url).origin);
}

/**
 * Gives back the access asked for a server that was forgotten (`pattern` null: the reader had
 * granted it before, it is theirs to keep), unless a server still set up needs it.
 */
export async function releaseServerAccess(pattern: string | null): Promise<boolean> {
  if (!pattern) return false;
  for (const inUse of users) if ((await inUse()).includes(pattern)) return false;
  try {
    return await browser.permissions.remove({ origins: [pattern] });
  } catch {
    // A pattern the extension holds as a required one cannot be removed: nothing to give back.
    return false;
  }
}
