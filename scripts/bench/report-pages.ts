/** bench/results/extract-readability-pages.md: no regression on Readability's own test pages. */
import { environment, table } from './lib/markdown';
import { listTestPages, METADATA_FIELDS, runTestPage, type TestPageResult } from './lib/readability-pages';

export interface PagesSummary {
  meanRecall: number;
  metadataOk: boolean;
  lazyImagesOk: boolean;
}

/** A page's language for the report: the primary subtag its expected metadata (else ours) gives. */
function languageOf(row: TestPageResult): string {
  const declared = row.expectedValues.lang || row.oursValues.lang || '';
  return /^([a-z]{2,3})\b/i.exec(declared)?.[1]?.toLowerCase() ?? '(none declared)';
}

/** Mean recall per language, most pages first: Readability's pages are the multilingual set here. */
export function recallByLanguage(rows: readonly TestPageResult[]): [language: string, pages: number, recall: number][] {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const language = languageOf(row);
    groups.set(language, [...(groups.get(language) ?? []), row.recall]);
  }
  return [...groups]
    .map(([language, recalls]): [string, number, number] => [
      language,
      recalls.length,
      recalls.reduce((a, b) => a + b, 0) / recalls.length,
    ])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export async function reportPages(onProgress?: (done: number, total: number) => void): Promise<{
  markdown: string;
  summary: PagesSummary;
}> {
  const slugs = listTestPages();
  const rows: TestPageResult[] = [];
  const failures: string[] = [];
  for (const [i, slug] of slugs.entries()) {
    try {
      rows.push(await runTestPage(slug));
    } catch (error) {
      failures.push(`${slug}: ${(error as Error).message}`);
    }
    onProgress?.(i + 1, slugs.length);
  }
  const meanRecall = rows.reduce((sum, r) => sum + r.recall, 0) / rows.length;
  const fieldRows = METADATA_FIELDS.map((field) => {
    const judged = rows.filter((r) => r.ours[field] !== null);
    const ours = judged.filter((r) => r.ours[field]).length;
    const readability = judged.filter((r) => r.readability[field]).length;
    const filled = rows.filter((r) => r.ours[field] === null && r.oursValues[field]).length;
    return { field, judged: judged.length, ours, readability, filled };
  });
  const metadataOk = fieldRows.every((f) => f.ours >= f.readability);
  const lazy = rows.filter((r) => r.slug.startsWith('lazy-image'));
  const lazyImagesOk = lazy.every((r) => r.ourImages >= r.expectedImages);
  const differences = rows.flatMap((r) =>
    METADATA_FIELDS.filter((f) => r.ours[f] === false).map((f) => [
      r.slug,
      f,
      JSON.stringify(r.oursValues[f] ?? null),
      JSON.stringify(r.expectedValues[f] ?? null),
    ]),
  );
  const lowest = [...rows].sort((a, b) => a.recall - b.recall).slice(0, 12);
  const markdown = `# No regression on Readability's test pages

${rows.length} pages of \`readability-test-pages/\` (Readability 0.6.0's own fixtures, at the URL its test
harness uses). \`expected.html\` is Readability's output, not a human label: recall against it measures
what our clean-up takes away, and part of that is deliberate (captions, credits, bylines, newsletter
boxes and related links are not body text).

- **Mean recall of our \`text\` against the text of expected.html: ${meanRecall.toFixed(4)}** (bar ≥ 0.97 — ${meanRecall >= 0.97 ? 'met' : 'NOT met'}).
- **Metadata right at least as often as Readability: ${metadataOk ? 'yes' : 'NO'}.** "Right" means equal to
  \`expected-metadata.json\` with whitespace collapsed, counted where the file has a value; plain Readability
  runs in the same harness, on the same DOM, for comparison.
- **Lazy-image pages keep their images: ${lazyImagesOk ? 'yes' : 'NO'}** (${lazy.map((r) => `${r.slug}: ${r.ourImages} of ${r.expectedImages}`).join('; ')}).

${table(
  ['field', 'pages with a value', 'ours right', 'Readability right', 'ours filled where expected is empty'],
  fieldRows.map((f) => [f.field, f.judged, f.ours, f.readability, f.filled]),
)}

## Where our metadata differs from expected-metadata.json

${differences.length === 0 ? 'Nowhere.' : table(['page', 'field', 'ours', 'expected'], differences)}

## Recall per language

The language of each page as its expected metadata gives it (else as ours reads it), primary subtag.

${table(
  ['language', 'pages', 'mean recall'],
  recallByLanguage(rows).map(([language, pages, recall]) => [language, pages, recall.toFixed(3)]),
)}

## Lowest recall

${table(
  ['page', 'recall'],
  lowest.map((r) => [r.slug, r.recall.toFixed(3)]),
)}

${failures.length > 0 ? `## Failures\n\n${failures.map((f) => `- ${f}`).join('\n')}\n` : ''}
${environment()}.
`;
  return { markdown, summary: { meanRecall, metadataOk, lazyImagesOk } };
}
