import type { ClutterSettings, GroupSwitches, HideGroup, TabClutterState } from '../../shared/clutter-types';

export type {
  ClutterCounts,
  ClutterSettings,
  GroupSwitches,
  HideGroup,
  PageClutterReport,
  SiteClutterSettings,
  TabClutterState,
} from '../../shared/clutter-types';

/** Hiding comments and promos on the live page (`api.clutter`). */
export interface ClutterApi {
  /** The tab's state; applies the site's saved choices (opening the popup is the user's click). */
  open(tabId: number): Promise<TabClutterState>;
  setGroup(tabId: number, group: HideGroup, hidden: boolean): Promise<TabClutterState>;
  /** Shows everything on this page (until it is reloaded or a switch is used). */
  showAll(tabId: number): Promise<TabClutterState>;
  /**
   * "Always hide on this site": asks for access to `origin` when turning on. Browsers only show
   * the prompt during a user gesture: call it first thing in a click handler. Resolves with
   * `granted: false` (and changes nothing) when the user declines.
   */
  setAlwaysOn(tabId: number, origin: string, on: boolean): Promise<{ granted: boolean; state: TabClutterState | null }>;
  /** Starts the element picker on the page; the popup may close, the pick is saved by the page. */
  startPicker(tabId: number): Promise<void>;
  settings(): Promise<ClutterSettings>;
  setDefaults(defaults: GroupSwitches): Promise<ClutterSettings>;
  /** "Hide on every site": asks for access to all sites when turning on (same gesture rule). */
  setEverywhere(on: boolean): Promise<{ granted: boolean; settings: ClutterSettings }>;
  /** Changes a site's choices; `null` forgets the site. */
  updateSite(host: string, change: { groups?: GroupSwitches; alwaysOn?: boolean } | null): Promise<ClutterSettings>;
  removePicked(host: string, selector: string): Promise<ClutterSettings>;
}
