/**
 * `tidy-reader extract`: reads every input in order in this one process, writes one result per
 * input, reports inputs it could not read or extract on stderr and goes on with the others.
 */
import { extractArticle } from '../extract/extract-article';
import type { ExtractResult } from '../extract/types';
import { parseCliArgs, USAGE, type CliOptions } from './args';
import { decodeHtml, type DecodedHtml } from './decode';
import { createMarkdownRenderer, reasonInEnglish, toHtml, toJsonLine, toText, type Rendered } from './formats';
import { InputError, loadInput, parseList, type InputIo, type InputSpec } from './inputs';
import { closeDocument, parseHtml } from './parse-html';

export interface CliIo extends InputIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  readTextFile(path: string): Promise<string>;
  version: string;
}

const CLI_BUDGET_MS = 60_000;

/** Every input was read and gave its article. */
export const EXIT_OK = 0;
/** Some input was read but gave no article: nothing to read on it, or the engine failed on it. */
export const EXIT_NOT_EXTRACTED = 1;
/** Some input could not be read (missing, unreadable, not a page); the others were still processed. */
export const EXIT_INPUT = 2;
/** The command line was wrong: nothing was run. */
export const EXIT_USAGE = 2;

function render(options: CliOptions, rendered: Rendered, markdown: (r: Rendered) => string): string {
  switch (options.format) {
    case 'json':
      return toJsonLine(rendered);
    case 'html':
      return toHtml(rendered);
    case 'markdown':
      return markdown(rendered);
    case 'text':
      return toText(rendered);
  }
}

function header(options: CliOptions, input: string): string {
  if (options.format === 'json') return '';
  if (options.format === 'html') return `<!-- tidy-reader: ${input.replace(/--/g, '- -')} -->\n`;
  return `==> ${input} <==\n`;
}

async function specsOf(options: CliOptions, io: CliIo): Promise<InputSpec[]> {
  const specs: InputSpec[] = options.inputs.map((input) => (options.url ? { input, url: options.url } : { input }));
  if (options.list) {
    let text: string;
    try {
      text = await io.readTextFile(options.list);
    } catch (error) {
      throw new InputError(
        `${options.list}: cannot read the list (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    specs.push(...parseList(text));
  }
  return specs;
}

interface Extracted {
  result: ExtractResult;
  decoded: Pick<DecodedHtml, 'encoding' | 'source'>;
}

async function extractOne(spec: InputSpec, options: CliOptions, io: CliIo): Promise<Extracted> {
  const page = await loadInput(spec, io);
  const { text, encoding, source } = decodeHtml(page.bytes, page.contentType);
  const doc = parseHtml(text, page.url);
  try {
    // A batch tool has time: the budget that keeps a browser tab responsive would cut pages short here.
    const result = extractArticle(doc, {
      url: page.url,
      keepComments: options.keepComments,
      force: options.force,
      budgetMs: CLI_BUDGET_MS,
    });
    return { result, decoded: { encoding, source } };
  } finally {
    await closeDocument(doc);
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`tidy-reader ${io.version}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    io.stderr.write(`tidy-reader: ${parsed.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { options } = parsed;
  let specs: InputSpec[];
  try {
    specs = await specsOf(options, io);
  } catch (error) {
    io.stderr.write(`tidy-reader: ${(error as Error).message}\n`);
    return EXIT_INPUT;
  }
  // One document for every Markdown conversion: a window per page would pile up in a long list.
  let scratch: Document | null = null;
  const markdown = createMarkdownRenderer((html) => {
    scratch ??= parseHtml('', 'about:blank');
    const body = scratch.createElement('body');
    body.innerHTML = html;
    return body;
  });
  const many = specs.length > 1;
  // The most serious outcome of any input: a missing input outranks a page without an article.
  let exitCode = EXIT_OK;
  for (const spec of specs) {
    let extracted: Extracted;
    try {
      extracted = await extractOne(spec, options, io);
    } catch (error) {
      const isInput = error instanceof InputError;
      exitCode = Math.max(exitCode, isInput ? EXIT_INPUT : EXIT_NOT_EXTRACTED);
      const message = isInput ? error.message : `${spec.input}: extraction failed (${(error as Error).message})`;
      io.stderr.write(`tidy-reader: ${message}\n`);
      continue;
    }
    const { result, decoded } = extracted;
    if (!result.isArticle) {
      exitCode = Math.max(exitCode, EXIT_NOT_EXTRACTED);
      if (options.format !== 'json') {
        io.stderr.write(
          `tidy-reader: ${spec.input}: nothing to read (${reasonInEnglish(result)}); use --force to extract anyway\n`,
        );
      }
    }
    const output = render(options, { input: spec.input, result, decoded }, markdown);
    if (output) io.stdout.write((many ? header(options, spec.input) : '') + output);
  }
  if (scratch) await closeDocument(scratch);
  return exitCode;
}
