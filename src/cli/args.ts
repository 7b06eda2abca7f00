import { parseArgs } from 'node:util';
import { FORMATS, type Format } from './formats';

export const USAGE = `Usage: tidy-reader extract [options] <file|url|->...

Extracts the article from web pages: HTML files (.html or gzip'd .html.gz), http(s) URLs,
or - for standard input.

Options:
  --format <text|json|html|markdown>  output format (default: text); json writes one
                                      JSON object per input and line (JSON Lines)
  --url <page URL>                    the page's address, for a single file or stdin input
                                      (resolves links, feeds metadata)
  --list <file>                       read inputs from a file, one per line: path, or
                                      path<TAB>page URL; all run in this one process
  --keep-comments                     keep the comment thread in the article's HTML
  --force                             extract even where there seems to be nothing to read
  -h, --help                          show this help
  -v, --version                       show the version

Exit status: 0 when every input gave its article; 1 when some input gave none (nothing to
read on the page, or the extraction failed); 2 when some input is missing or could not be read,
or on a usage error. Every input is processed either way; the highest status counts.
`;

export interface CliOptions {
  format: Format;
  url?: string;
  list?: string;
  keepComments: boolean;
  force: boolean;
  inputs: string[];
}

export type ParsedArgs =
  { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'version' } | { kind: 'error'; message: string };

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        url: { type: 'string' },
        list: { type: 'string' },
        'keep-comments': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...inputs] = positionals;
  if (command !== 'extract') {
    return {
      kind: 'error',
      message: command ? `unknown command "${command}" (the command is "extract")` : 'missing command',
    };
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format))
    return { kind: 'error', message: `unknown format "${values.format}" (use ${FORMATS.join(', ')})` };
  if (inputs.length === 0 && !values.list)
    return { kind: 'error', message: 'no input: give files, URLs, - or --list <file>' };
  if (values.url !== undefined) {
    if (inputs.length !== 1 || values.list) return { kind: 'error', message: '--url applies to a single input' };
    if (!/^https?:\/\//i.test(values.url))
      return { kind: 'error', message: `--url must be an http(s) address, not "${values.url}"` };
  }
  if (inputs.filter((input) => input === '-').length > 1)
    return { kind: 'error', message: 'standard input (-) can be read once' };
  return {
    kind: 'run',
    options: {
      format,
      url: values.url,
      list: values.list,
      keepComments: values['keep-comments'] ?? false,
      force: values.force ?? false,
      inputs,
    },
  };
}
