/**
 * Writes src/clutter/rules/hide-comments-everywhere.json (and its licence beside it) from the
 * vendored copy of Hide Comments Everywhere's sites.json, through scripts/lib/hide-comments-everywhere.ts.
 *
 *   npx tsx scripts/import-hide-comments-everywhere.ts                 regenerate from vendor/
 *   npx tsx scripts/import-hide-comments-everywhere.ts --from <dir>    refresh vendor/ first from a
 *                                                                       copy holding sites.json, LICENSE
 *                                                                       and SOURCE.md (with the commit)
 *
 * Run it again after changing comments.json, exceptions.json or sites.json: the adopted rules leave
 * out what ours already have, and a unit test fails until the JSON matches.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import comments from '../src/clutter/rules/comments.json';
import exceptions from '../src/clutter/rules/exceptions.json';
import sites from '../src/clutter/rules/sites.json';
import type { SiteRules } from '../src/clutter/types';
import { ADOPTED_FILE, adoptHideCommentsEverywhere, readUpstream, VENDOR_DIR } from './lib/hide-comments-everywhere';

const root = resolve(import.meta.dirname, '..');
const vendor = join(root, VENDOR_DIR);
const args = process.argv.slice(2);
const from = args[args.indexOf('--from') + 1];

if (args.includes('--from')) {
  if (!from) throw new Error('--from needs a folder');
  mkdirSync(vendor, { recursive: true });
  for (const file of ['sites.json', 'LICENSE', 'SOURCE.md']) copyFileSync(join(from, file), join(vendor, file));
}

const adopted = adoptHideCommentsEverywhere(readUpstream(vendor), {
  comments: comments.selectors,
  exceptions,
  sites: sites as SiteRules[],
});
const out = join(root, ADOPTED_FILE);
const json = await format(JSON.stringify(adopted), { ...(await resolveConfig(out)), filepath: out });
writeFileSync(out, json);
writeFileSync(
  out.replace(/\.json$/, '.LICENSE'),
  'The rules in hide-comments-everywhere.json are derived from Hide Comments Everywhere\n' +
    '(https://github.com/grantwinney/hide-comments-everywhere, sites/sites.json), under this licence:\n\n' +
    readFileSync(join(vendor, 'LICENSE'), 'utf8'),
);

const siteRules = adopted.sites.filter((s) => s.selectors);
console.log(
  `${ADOPTED_FILE}: ${adopted.catchAll.length} catch-alls, ${siteRules.length} sites with ` +
    `${siteRules.reduce((n, s) => n + (s.selectors?.comments?.length ?? 0), 0)} selectors, ` +
    `${adopted.sites.length - siteRules.length} kept sites, ${adopted.exceptions.length} exceptions; ` +
    `${adopted.leftOut.length} left out`,
);
