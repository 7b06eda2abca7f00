import { describe, expect, it } from 'vitest';
import { charsetOf, decodeHtml } from '../../../src/cli/decode';

const latin1 = (html: string): Uint8Array => Uint8Array.from(html, (c) => c.charCodeAt(0));

describe('decodeHtml', () => {
  it('decodes as a browser does: BOM, then Content-Type, then <meta charset>, then windows-1252', () => {
    expect(
      decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0x61, 0x66, 0xc3, 0xa9]), 'text/html; charset=iso-8859-1'),
    ).toEqual({
      text: 'café',
      encoding: 'UTF-8',
    });
    expect(decodeHtml(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00])).text).toBe('hi');
    const body = latin1('<meta charset="utf-8"><p>caf\xc3\xa9</p>');
    expect(decodeHtml(body).text).toBe('<meta charset="utf-8"><p>café</p>');
    expect(decodeHtml(body, 'text/html; charset=windows-1252').text).toBe('<meta charset="utf-8"><p>cafÃ©</p>');
    expect(decodeHtml(latin1('<p>\x93quoted\x94 \x96 d\xe9j\xe0</p>')).text).toBe('<p>“quoted” – déjà</p>');
    expect(
      decodeHtml(latin1('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>\x93\xfa\x96{</p>'))
        .encoding,
    ).toBe('Shift_JIS');
  });

  it('reads the charset of a Content-Type header', () => {
    expect(charsetOf('text/html; Charset="UTF-8"')).toBe('UTF-8');
    expect(charsetOf('text/html')).toBeUndefined();
    expect(charsetOf(null)).toBeUndefined();
  });
});
