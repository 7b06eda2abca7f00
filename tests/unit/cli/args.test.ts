import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/args';

describe('parseCliArgs', () => {
  it('reads the command, inputs and options', () => {
    expect(parseCliArgs(['extract', 'a.html', '--format', 'json', '--keep-comments', '--force'])).toEqual({
      kind: 'run',
      options: { format: 'json', url: undefined, list: undefined, keepComments: true, force: true, inputs: ['a.html'] },
    });
    expect(parseCliArgs(['extract', '--list', 'pages.tsv'])).toMatchObject({
      kind: 'run',
      options: { list: 'pages.tsv', inputs: [] },
    });
    expect(parseCliArgs(['extract', '-', '--url', 'https://x.example/a'])).toMatchObject({
      options: { url: 'https://x.example/a' },
    });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-v'])).toEqual({ kind: 'version' });
  });

  it('explains what is wrong with a command line', () => {
    const cases: [string[], RegExp][] = [
      [[], /missing command/],
      [['fetch', 'a'], /unknown command "fetch"/],
      [['extract'], /no input/],
      [['extract', 'a', '--format', 'pdf'], /unknown format "pdf"/],
      [['extract', 'a', 'b', '--url', 'https://x.example/'], /--url applies to a single input/],
      [['extract', 'a', '--url', 'x.example'], /--url must be an http\(s\) address/],
      [['extract', '-', '-'], /standard input \(-\) can be read once/],
      [['extract', 'a', '--bogus'], /bogus/],
    ];
    for (const [argv, message] of cases) {
      const parsed = parseCliArgs(argv);
      expect(parsed.kind, argv.join(' ')).toBe('error');
      if (parsed.kind === 'error') expect(parsed.message).toMatch(message);
    }
  });
});
