import { createMultibyteEncoder } from '@exodus/bytes/multi-byte.js';
import { createSinglebyteEncoder } from '@exodus/bytes/single-byte.js';
import type * as chardet from 'chardet';
import { analyse } from 'chardet';
import { describe, expect, it, vi } from 'vitest';
import { charsetOf, decodeHtml } from '../../../src/shared/decode-html';

// The real detector, watched: a large page must reach it as a sample, never whole.
vi.mock('chardet', async (original) => {
  const real = await original<typeof chardet>();
  return { ...real, analyse: vi.fn(real.analyse) };
});

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const windows1252 = createSinglebyteEncoder('windows-1252');
const concat = (...parts: ArrayLike<number>[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => Array.from(part)));

/** A page with no charset anywhere: what the detector has to place. */
const undeclared = (body: string): string =>
  `<!doctype html><html><head><title>News</title><link rel="stylesheet" href="/site.css"></head><body><article><p>${body}</p></article></body></html>`;

const GERMAN = 'Der Bürgermeister sagte, die Straße sei für alle da. Die Gebühren für Anwohner steigen im März.';
const FRENCH = 'Le président a déclaré mercredi que le gouvernement étudiera une réforme générale des retraites.';
const RUSSIAN = 'Президент заявил, что правительство рассмотрит новый закон о бюджете на следующей неделе.';
const JAPANESE = '東京都は今日、新しい交通計画を発表しました。市民の生活が便利になると期待されています。';
const CHINESE = '北京市政府今天宣布了新的交通计划，预计将方便市民的日常生活。';

describe('decodeHtml', () => {
  it('lets a byte order mark beat the Content-Type, a <meta charset> and detection', () => {
    const page = concat([0xef, 0xbb, 0xbf], utf8('<meta charset="windows-1251"><p>für</p>'));
    expect(decodeHtml(page, { contentType: 'text/html; charset=iso-8859-1' })).toEqual({
      text: '<meta charset="windows-1251"><p>für</p>',
      encoding: 'UTF-8',
      source: 'bom',
    });
  });

  it('reads UTF-16 by its byte order mark, little- and big-endian', () => {
    expect(decodeHtml(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xfc, 0x00]))).toEqual({
      text: 'hü',
      encoding: 'UTF-16LE',
      source: 'bom',
    });
    expect(decodeHtml(new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0xfc]))).toMatchObject({
      text: 'hü',
      encoding: 'UTF-16BE',
    });
  });

  it('lets the Content-Type beat a <meta charset>', () => {
    const page = utf8('<meta charset="utf-8"><p>café</p>');
    expect(decodeHtml(page, { contentType: 'text/html; charset=windows-1252' })).toEqual({
      text: '<meta charset="utf-8"><p>cafÃ©</p>',
      encoding: 'windows-1252',
      source: 'http',
    });
  });

  it('skips a Content-Type charset no browser knows', () => {
    const page = utf8('<meta charset="utf-8"><p>café</p>');
    expect(decodeHtml(page, { contentType: 'text/html; charset=klingon' })).toMatchObject({
      text: '<meta charset="utf-8"><p>café</p>',
      source: 'meta',
    });
  });

  it('lets a <meta charset> beat detection, even when the bytes are valid UTF-8', () => {
    const page = utf8('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>café</p>');
    expect(decodeHtml(page)).toMatchObject({ text: expect.stringContaining('cafÃ©'), source: 'meta' });
    expect(decodeHtml(concat(utf8('<meta charset=shift_jis>'), [0x93, 0xfa, 0x96, 0x7b]))).toEqual({
      text: '<meta charset=shift_jis>日本',
      encoding: 'Shift_JIS',
      source: 'meta',
    });
  });

  it('reads an undeclared UTF-8 page as UTF-8, as browsers do', () => {
    expect(decodeHtml(utf8(undeclared(GERMAN)))).toEqual({
      text: undeclared(GERMAN),
      encoding: 'UTF-8',
      source: 'detected',
    });
  });

  it('does not see a <meta charset> past the first 1,024 bytes, but still detects UTF-8', () => {
    const late = `<html><head><!-- ${'x'.repeat(1100)} --><meta charset="utf-8"></head><body>für</body></html>`;
    expect(decodeHtml(utf8(late))).toMatchObject({ text: late, encoding: 'UTF-8', source: 'detected' });
    // The same page in windows-1252 shows that the late <meta> is ignored: it would say UTF-8.
    expect(decodeHtml(windows1252(late))).toMatchObject({ text: late, encoding: 'windows-1252' });
  });

  it('reads an undeclared windows-1252 page with é, ü and curly quotes', () => {
    for (const text of [GERMAN, FRENCH, `He said “hello” – then left… ${FRENCH}`]) {
      expect(decodeHtml(windows1252(undeclared(text)))).toEqual({
        text: undeclared(text),
        encoding: 'windows-1252',
        source: 'detected',
      });
    }
  });

  it('reads undeclared windows-1251, Shift_JIS and GB18030 pages with the detector', () => {
    const cases: [string, (text: string) => ArrayLike<number>, string][] = [
      ['windows-1251', createSinglebyteEncoder('windows-1251'), RUSSIAN],
      ['Shift_JIS', createMultibyteEncoder('shift_jis'), JAPANESE],
      ['gb18030', createMultibyteEncoder('gb18030'), CHINESE],
    ];
    for (const [encoding, encode, text] of cases) {
      expect(decodeHtml(Uint8Array.from(encode(undeclared(text))))).toEqual({
        text: undeclared(text),
        encoding,
        source: 'detected',
      });
    }
  });

  it('keeps a UTF-8 page with a stray broken byte UTF-8, and a page of broken bytes legacy', () => {
    const mostly = concat(utf8(`<p>${GERMAN} ${FRENCH}</p>`), [0xff], utf8('<p>Ende</p>'));
    expect(decodeHtml(mostly)).toEqual({
      text: `<p>${GERMAN} ${FRENCH}</p>\uFFFD<p>Ende</p>`,
      encoding: 'UTF-8',
      source: 'detected',
    });
    // A euro sign cut short and nothing else: every byte kept as a windows-1252 character.
    expect(decodeHtml(concat(utf8('<p>Price: '), [0xe2, 0x82], utf8('5</p>')))).toEqual({
      text: '<p>Price: â‚5</p>',
      encoding: 'windows-1252',
      source: 'detected',
    });
  });

  it('leaves a guess the detector cannot make to the default', () => {
    // `ü` then `r` is a valid Shift_JIS pair; chardet says Shift_JIS, GB18030 and Big5 at confidence 10.
    expect(decodeHtml(windows1252(`<p>${'x'.repeat(200)} für</p>`))).toEqual({
      text: `<p>${'x'.repeat(200)} für</p>`,
      encoding: 'windows-1252',
      source: 'default',
    });
  });

  it('falls back to the default for ASCII and for an empty page, and the default is a parameter', () => {
    expect(decodeHtml(new Uint8Array())).toEqual({ text: '', encoding: 'windows-1252', source: 'default' });
    expect(decodeHtml(utf8('<p>plain</p>'))).toEqual({
      text: '<p>plain</p>',
      encoding: 'windows-1252',
      source: 'default',
    });
    expect(decodeHtml(utf8('<p>plain</p>'), { defaultEncoding: 'windows-1250' })).toMatchObject({
      encoding: 'windows-1250',
      source: 'default',
    });
  });

  it('decodes a 2 MB page, UTF-8 or legacy, with the detector reading a sample of it', () => {
    const text = undeclared(`${GERMAN} `.repeat(22_000));
    for (const [bytes, encoding] of [
      [utf8(text), 'UTF-8'],
      [windows1252(text), 'windows-1252'],
    ] as const) {
      expect(bytes.length).toBeGreaterThan(2_000_000);
      vi.mocked(analyse).mockClear();
      expect(decodeHtml(bytes)).toEqual({ text, encoding, source: 'detected' });
      for (const [input] of vi.mocked(analyse).mock.calls)
        expect((input as Uint8Array).length).toBeLessThanOrEqual(64 * 1024);
    }
    // The legacy page needed the detector: it was asked, with a sample.
    expect(vi.mocked(analyse)).toHaveBeenCalled();
  });
});

describe('charsetOf', () => {
  it('reads the charset of a Content-Type header', () => {
    expect(charsetOf('text/html; Charset="UTF-8"')).toBe('UTF-8');
    expect(charsetOf('text/html;charset=shift_jis; foo=bar')).toBe('shift_jis');
    expect(charsetOf('text/html')).toBeUndefined();
    expect(charsetOf(null)).toBeUndefined();
  });
});
