/**
 * Clutter rules are data (JSON in ./rules), compiled once per page and matched by pure functions
 * over an Element. Extraction uses them to drop clutter from its copy of the page; the live-page
 * hider uses the same rules to build a stylesheet and to hide what selectors cannot express.
 */

/** What the reader sees as one switch (comments) or groups under "promos" (all the others). */
export const CLUTTER_CATEGORIES = ['comments', 'promos', 'newsletters', 'related', 'share', 'ads'] as const;
export type ClutterCategory = (typeof CLUTTER_CATEGORIES)[number];

export type CategoryLists = Partial<Record<ClutterCategory, string[]>>;

/** The generic rules of one category, for every site (one JSON file per category). */
export interface CategoryRules {
  /** CSS selectors of elements that are clutter of this category. */
  selectors: string[];
  /**
   * Patterns (case-insensitive regular expressions, matched against a whole normalised heading)
   * of headings that introduce a block of this category: "Comments", "Related articles", …
   */
  headings: string[];
  /** Patterns of a short block's whole text: "Advertisement", "Sign up to our newsletter". */
  labels: string[];
  /** Patterns of a lead-in ("READ MORE:") before a link that promotes another page. */
  leadIns: string[];
}

/** Rules for some sites: more selectors, and categories that must not be hidden there. */
export interface SiteRules {
  /** Host patterns: `example.com` (and its subdomains) or `*.example.com` (subdomains only). */
  hosts: string[];
  /** Why these rules exist, for reviewers. */
  note: string;
  selectors?: CategoryLists;
  /** Categories whose generic rules do not apply on these hosts, e.g. comments on forums. */
  keep?: ClutterCategory[];
}

export interface ClutterRules {
  generic: Record<ClutterCategory, CategoryRules>;
  sites: SiteRules[];
  /** Selectors of elements that are never clutter whatever else matches, e.g. code comments. */
  exceptions: string[];
}
