/**
 * Golden files for a fixture page: runs the engine on tests/fixtures/pages/<slug>/source.html (at
 * the address the e2e server gives it) and writes expected.txt and expected-metadata.json beside it,
 * to be reviewed in the diff like Readability's own test pages.
 *
 *   npm run fixture -- <slug>            write the files if they are missing
 *   npm run fixture -- <slug> --update   overwrite them (after a deliberate engine change)
 *   npm run fixture -- --all --update    every fixture page
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHtml } from '../src/cli/parse-html';
import { extractArticle } from '../src/extract/extract-article';

const PAGES = resolve(import.meta.dirname, '../tests/fixtures/pages');
const args = process.argv.slice(2);
const update = args.includes('--update');
const slugs = args.includes('--all')
  ? readdirSync(PAGES).filter((slug) => existsSync(join(PAGES, slug, 'source.html')))
  : args.filter((a) => !a.startsWith('--'));

if (slugs.length === 0) {
  console.error('Usage: npm run fixture -- <slug>... [--update] | --all --update');
  process.exit(1);
}

for (const slug of slugs) {
  const dir = join(PAGES, slug);
  const source = join(dir, 'source.html');
  if (!existsSync(source)) {
    console.error(`${slug}: no ${source}`);
    process.exitCode = 2;
    continue;
  }
  const url = `http://127.0.0.1/${slug}/`;
  const result = extractArticle(parseHtml(readFileSync(source, 'utf8'), url), { url });
  const metadata = {
    title: result.title,
    byline: result.byline,
    siteName: result.siteName,
    publishedTime: result.publishedTime,
    lang: result.lang,
    dir: result.dir,
    isArticle: result.isArticle,
    pageType: result.pageType,
    reason: result.reason ?? null,
  };
  const files: [string, string][] = [
    ['expected.txt', `${result.text}\n`],
    ['expected-metadata.json', `${JSON.stringify(metadata, null, 2)}\n`],
  ];
  for (const [name, content] of files) {
    const path = join(dir, name);
    if (existsSync(path) && !update) {
      const same = readFileSync(path, 'utf8') === content;
      console.log(`${slug}/${name}: ${same ? 'unchanged' : 'DIFFERS (run with --update to overwrite)'}`);
      continue;
    }
    writeFileSync(path, content);
    console.log(`${slug}/${name}: written`);
  }
}
