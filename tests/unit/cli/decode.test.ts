import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../src/cli/decode';

const latin1 = (html: string): Uint8Array => Uint8Array.from(html, (c) => c.charCodeAt(0));

// The rules themselves are tested in tests/unit/shared/decode-html.test.ts; this is the CLI's entry.
describe('the CLI decodeHtml', () => {
  it('takes the Content-Type of a fetched URL as its second argument', () => {
    const body = latin1('<meta charset="utf-8"><p>caf\xc3\xa9</p>');
    expect(decodeHtml(body)).toEqual({ text: '<meta charset="utf-8"><p>café</p>', encoding: 'UTF-8', source: 'meta' });
    expect(decodeHtml(body, 'text/html; charset=windows-1252')).toEqual({
      text: '<meta charset="utf-8"><p>cafÃ©</p>',
      encoding: 'windows-1252',
      source: 'http',
    });
    expect(decodeHtml(body, null).source).toBe('meta');
  });

  it('decodes windows-1252 as windows-1252 in Node, not as Latin-1', () => {
    expect(
      decodeHtml(latin1('<p>\x93quoted\x94 \x96 d\xe9j\xe0 \x80</p>'), 'text/html; charset=windows-1252').text,
    ).toBe('<p>“quoted” – déjà €</p>');
  });
});
