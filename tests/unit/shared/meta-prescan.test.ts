import { describe, expect, it } from 'vitest';
import { charsetFromContent, prescanMetaCharset } from '../../../src/shared/meta-prescan';

const prescan = (html: string): string | null => prescanMetaCharset(new TextEncoder().encode(html));

describe('prescanMetaCharset', () => {
  it('finds <meta charset> and <meta http-equiv="Content-Type" content>, in any case and quoting', () => {
    expect(prescan('<!doctype html><meta charset="utf-8">')).toBe('UTF-8');
    expect(prescan('<META CHARSET=Shift_JIS>')).toBe('Shift_JIS');
    expect(prescan("<meta name=x charset = ' iso-8859-7 ' >")).toBe('ISO-8859-7');
    expect(prescan('<meta/charset=gbk>')).toBe('GBK');
    expect(prescan('<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">')).toBe('EUC-KR');
    expect(prescan('<meta content="text/html;charset=koi8-r" http-equiv=content-type>')).toBe('KOI8-R');
  });

  it('needs the pragma for a content attribute, and skips labels no browser knows', () => {
    expect(prescan('<meta content="text/html; charset=euc-kr">')).toBeNull();
    expect(prescan('<meta charset="klingon"><meta charset="big5">')).toBe('Big5');
  });

  it('skips comments, attribute values and end tags, as a browser does', () => {
    expect(prescan('<!-- <meta charset=koi8-r> --><meta charset=windows-1251>')).toBe('windows-1251');
    expect(prescan('<!--><meta charset=big5>')).toBe('Big5');
    expect(prescan('<p title="<meta charset=koi8-r>">x</p><meta charset=gbk>')).toBe('GBK');
    expect(prescan('<?xml version="1.0"?><!DOCTYPE html></p ><meta charset=euc-jp>')).toBe('EUC-JP');
  });

  it('reads UTF-16 as UTF-8 and x-user-defined as windows-1252, as the standard says', () => {
    expect(prescan('<meta charset="utf-16le">')).toBe('UTF-8');
    expect(prescan('<meta charset="x-user-defined">')).toBe('windows-1252');
  });

  it('stops at 1,024 bytes, even in the middle of a <meta>', () => {
    expect(prescan(`${' '.repeat(1000)}<meta charset=gbk>`)).toBe('GBK');
    expect(prescan(`${' '.repeat(1010)}<meta charset=gbk>`)).toBeNull();
    expect(prescan(`${' '.repeat(1100)}<meta charset=gbk>`)).toBeNull();
    expect(prescan('')).toBeNull();
  });
});

describe('charsetFromContent', () => {
  it('extracts the charset of a content attribute', () => {
    expect(charsetFromContent('text/html; charset=utf-8')).toBe('UTF-8');
    expect(charsetFromContent('text/html; charset = "windows-1251"; x=y')).toBe('windows-1251');
    expect(charsetFromContent('text/html; charsetx; charset=gbk')).toBe('GBK');
    expect(charsetFromContent('text/html; charset="utf-8')).toBeNull();
    expect(charsetFromContent('text/html')).toBeNull();
  });
});
