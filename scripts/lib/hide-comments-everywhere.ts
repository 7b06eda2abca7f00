/**
 * Hide Comments Everywhere's sites.json (MIT, Copyright (c) 2017 Grant Winney) as our rule data:
 * its catch-all selectors join the comments category, its per-site selectors become site rules,
 * its excluded sites keep their comments and its excluded selectors become exceptions. All of it
 * then runs under our guard like our own rules. Pure but for `readUpstream`, so that
 * tests/unit/clutter/adopted-rules.test.ts can check that the committed JSON is what this makes of
 * the vendored copy. What is left out is listed in the output with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostMatches, isValidHostPattern } from '../../src/clutter/host-pattern';
import { parseCompound } from '../../src/clutter/selector-list';
import type { SiteRules } from '../../src/clutter/types';
import { covers, namesNothing, normaliseSelector, splitSelectorList } from './selector-lists';

/** The upstream file's shape: every selector list is one comma-separated string. */
export interface UpstreamSites {
  excluded_sites: string[];
  excluded_selectors: string;
  catchall_selectors: string;
  sites: Record<string, string>;
}

export interface Upstream {
  sites: UpstreamSites;
  /** The upstream commit the copy was taken at (from SOURCE.md). */
  commit: string;
}

/** Our hand-kept rules, which the adopted ones must not repeat nor contradict. */
export interface OwnRules {
  comments: readonly string[];
  exceptions: readonly string[];
  sites: readonly SiteRules[];
}

export interface LeftOut {
  /** `catch-all`, `site` (a whole host), `site selector`, `excluded site` or `excluded selector`. */
  kind: string;
  value: string;
  host?: string;
  reason: string;
}

export interface AdoptedRules {
  source: string;
  /** Generic comment selectors, merged into the comments category. */
  catchAll: string[];
  /** Elements never hidden, added to exceptions.json's. */
  exceptions: string[];
  /** One rule per host, and the hosts whose comments are their content. */
  sites: SiteRules[];
  leftOut: LeftOut[];
}

export const VENDOR_DIR = 'vendor/hide-comments-everywhere';
export const ADOPTED_FILE = 'src/clutter/rules/hide-comments-everywhere.json';

/**
 * Catch-alls too broad for every page, by lower-cased selector. Each names one comment or
 * something that is not a comment at all; the threads they belong to are hidden by their
 * containers, which the list and ours both have.
 */
const BROAD_CATCH_ALLS: Record<string, string> = {
  '#comment':
    "one element, usually WordPress's comment textarea (the form around it, #respond, is hidden whole), and on some sites an opinion piece headed 'Comment'",
  '.comment':
    "one comment, not a thread; also a code comment outside <code>, an editor's aside, an opinion piece's label",
  '.feedback':
    "names much that is not a comment: a 'Was this page helpful?' box, a form's validation message, a quiz's answer",
};

/** Site selectors that would hide a page's own content, by `host selector`. */
const CONTENT_SITE_SELECTORS: Record<string, string> = {
  'steamcommunity.com .forumtopic_comments': "a forum topic's replies: there the thread is the page",
};

const NOT_COMPOUND =
  'not a compound selector, which every generic rule must be to be matched in one indexed walk (site rules may be)';
const NAMES_NOTHING = 'names no id, class or attribute: it matches structure every page has, the article included';
const KEPT_BY_US = 'comments are the content there: our sites.json keeps them';

export function readUpstream(dir: string): Upstream {
  const sites = JSON.parse(readFileSync(join(dir, 'sites.json'), 'utf8')) as UpstreamSites;
  const commit = /\b[0-9a-f]{40}\b/.exec(readFileSync(join(dir, 'SOURCE.md'), 'utf8'))?.[0];
  if (!commit) throw new Error(`${dir}/SOURCE.md names no commit`);
  return { sites, commit };
}

function isKeptByUs(host: string, own: OwnRules): boolean {
  return own.sites.some(
    (site) => site.keep?.includes('comments') && site.hosts.some((pattern) => hostMatches(pattern, host)),
  );
}

/** Exceptions shield everything inside them: `code .comment` is covered by `code`. */
function isCoveredException(selector: string, exceptions: readonly string[]): boolean {
  return exceptions.some((e) => selector === e || selector.startsWith(`${e} `));
}

/** Why comments.json makes a selector redundant, or null. */
function ownCover(selector: string, own: OwnRules): string | null {
  const ours = own.comments.find((o) => covers(o, selector));
  if (ours === undefined) return null;
  return ours === selector ? 'already in comments.json' : `comments.json's ${ours} matches it already`;
}

function adoptCatchAlls(list: string, own: OwnRules, leftOut: LeftOut[]): string[] {
  const kept = new Set<string>();
  for (const selector of splitSelectorList(list).map(normaliseSelector)) {
    const reason =
      BROAD_CATCH_ALLS[selector.toLowerCase()] ??
      (namesNothing(selector) ? NAMES_NOTHING : null) ??
      (parseCompound(selector) === null ? NOT_COMPOUND : null) ??
      ownCover(selector, own);
    if (reason) leftOut.push({ kind: 'catch-all', value: selector, reason });
    else kept.add(selector);
  }
  return [...kept].sort();
}

function adoptSites(upstream: UpstreamSites, own: OwnRules, leftOut: LeftOut[]): SiteRules[] {
  const sites: SiteRules[] = [];
  for (const host of Object.keys(upstream.sites).sort()) {
    if (!isValidHostPattern(host)) {
      leftOut.push({ kind: 'site', value: host, reason: 'not a host name' });
      continue;
    }
    if (isKeptByUs(host, own)) {
      leftOut.push({ kind: 'site', value: host, reason: KEPT_BY_US });
      continue;
    }
    const selectors = new Set<string>();
    for (const selector of splitSelectorList(upstream.sites[host] ?? '').map(normaliseSelector)) {
      const reason = CONTENT_SITE_SELECTORS[`${host} ${selector}`] ?? (namesNothing(selector) ? NAMES_NOTHING : null);
      if (reason) leftOut.push({ kind: 'site selector', value: selector, host, reason });
      else selectors.add(selector);
    }
    if (selectors.size === 0) continue;
    sites.push({
      hosts: [host],
      note: `Hide Comments Everywhere: the comment sections of ${host}.`,
      selectors: { comments: [...selectors] },
    });
  }
  for (const host of [...upstream.excluded_sites].sort()) {
    if (!isValidHostPattern(host) || isKeptByUs(host, own)) {
      leftOut.push({ kind: 'excluded site', value: host, reason: 'already kept, or not a host name' });
      continue;
    }
    sites.push({
      hosts: [host],
      note: 'Hide Comments Everywhere never hides comments here: they are the content.',
      keep: ['comments'],
    });
  }
  return sites;
}

function adoptExceptions(list: string, own: OwnRules, leftOut: LeftOut[]): string[] {
  const kept: string[] = [];
  for (const selector of splitSelectorList(list).map(normaliseSelector)) {
    if (isCoveredException(selector, own.exceptions)) {
      leftOut.push({ kind: 'excluded selector', value: selector, reason: 'exceptions.json covers it already' });
    } else kept.push(selector);
  }
  return kept.sort();
}

export function adoptHideCommentsEverywhere(upstream: Upstream, own: OwnRules): AdoptedRules {
  const leftOut: LeftOut[] = [];
  const catchAll = adoptCatchAlls(upstream.sites.catchall_selectors, own, leftOut);
  const exceptions = adoptExceptions(upstream.sites.excluded_selectors, own, leftOut);
  const sites = adoptSites(upstream.sites, own, leftOut);
  return {
    source:
      'Hide Comments Everywhere (github.com/grantwinney/hide-comments-everywhere), sites/sites.json at commit ' +
      `${upstream.commit}. MIT licence, Copyright (c) 2017 Grant Winney: see hide-comments-everywhere.LICENSE. ` +
      `Generated by scripts/import-hide-comments-everywhere.ts from ${VENDOR_DIR}; do not edit by hand.`,
    catchAll,
    exceptions,
    sites,
    leftOut,
  };
}
