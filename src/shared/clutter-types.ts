/**
 * Plain-JSON shapes of live clutter hiding, shared by the page script, the background (which owns
 * the settings) and the extension pages.
 */
import type { GroupSwitches, HideGroup } from '../clutter/live-page';

export type { GroupSwitches, HideGroup };

/** What the page should hide: the reader's switches and the rules the user picked on the site. */
export interface ClutterPlan {
  groups: GroupSwitches;
  picked: string[];
  /** Filter lists the reader subscribed to have rules: the page asks for those that apply. */
  lists?: boolean;
}

export interface ClutterCounts {
  /** Comment sections (jump links such as "20 comments" go with them and are not counted). */
  comments: number;
  /** Promos, newsletter boxes, related grids, share bars and ads. */
  promos: number;
  /** Elements hidden by the user's own rules. */
  picked: number;
  /** Of the promos, those hidden only by the reader's filter lists. */
  lists?: number;
}

export interface PageClutterReport {
  counts: ClutterCounts;
  groups: GroupSwitches;
  /** "Show everything" is on for this page. */
  showAll: boolean;
  /** A forum or Q&A page: its replies are the content, so comments stay. */
  discussion: boolean;
  /** Stylesheets the browser applies to this document (see the background's clutter-tab.ts). */
  sheets: string[];
}

/** One site's own choices; a site without an entry follows the defaults. */
export interface SiteClutterSettings {
  groups: GroupSwitches;
  /** Hide on every visit, before the user clicks (needs the site's host permission). */
  alwaysOn: boolean;
  /** Selectors picked with the element picker, hidden on this site. */
  picked: string[];
}

export interface ClutterSettings {
  /** What a site without its own choices hides. */
  defaults: GroupSwitches;
  /** Hide with the defaults on every site, before the user clicks (needs access to all sites). */
  everywhere: boolean;
  /** By host name (`www.example.com`). */
  sites: Record<string, SiteClutterSettings>;
}

/** What the popup shows for a tab. */
export interface TabClutterState {
  host: string;
  /** The page's origin as a match pattern: the permission "always on this site" asks for. */
  origin: string;
  /** The switches in effect on this site (its own, or the defaults). */
  groups: GroupSwitches;
  /** Whether the site has choices of its own. */
  isCustomised: boolean;
  alwaysOn: boolean;
  everywhere: boolean;
  picked: string[];
  /** What the page reports, or null when nothing was applied to it yet. */
  report: PageClutterReport | null;
}

/** Why the picker refused an element, or the selector it saved. */
export type PickOutcome =
  | { status: 'saved'; selector: string; count: number }
  | { status: 'refused'; reason: 'article' | 'page' }
  | { status: 'cancelled' };
