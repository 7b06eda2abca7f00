/**
 * The rule data, written for Tidy Reader (no third-party list is copied: shutup.css and the like
 * forbid use in extensions). Each file is validated by tests/unit/clutter/rules.test.ts.
 */
import type { CategoryRules, ClutterCategory, ClutterRules, SiteRules } from '../types';
import ads from './ads.json';
import comments from './comments.json';
import discussionPages from './discussion-pages.json';
import exceptions from './exceptions.json';
import newsletters from './newsletters.json';
import promos from './promos.json';
import related from './related.json';
import share from './share.json';
import sites from './sites.json';

export const DEFAULT_CLUTTER_RULES: ClutterRules = {
  generic: { comments, promos, newsletters, related, share, ads } satisfies Record<ClutterCategory, CategoryRules>,
  sites: sites as SiteRules[],
  exceptions,
};

/** Signals of a forum or Q&A page, where the replies are the content and never "comments". */
export const DISCUSSION_PAGES: { generators: string[]; schemaTypes: string[] } = discussionPages;
