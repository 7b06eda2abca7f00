import { describe, expect, it } from 'vitest';
import { hostnameOf, hostOf } from '../../../src/shared/host';

describe('host names', () => {
  it('reads the host name as the browser does, www and all (site rules match on it)', () => {
    expect(hostnameOf('https://WWW.Example.com:8080/a?b#c')).toBe('www.example.com');
    expect(hostnameOf('http://127.0.0.1/story')).toBe('127.0.0.1');
  });

  it('names the site without a leading www, as the library and the reader show it', () => {
    expect(hostOf('https://www.example.com/a')).toBe('example.com');
    expect(hostOf('https://news.www.example.com/a')).toBe('news.www.example.com');
    expect(hostOf('https://wwwexample.com/a')).toBe('wwwexample.com');
  });

  it('gives an empty name for what is not an address', () => {
    expect(hostnameOf('not a url')).toBe('');
    expect(hostOf('')).toBe('');
    expect(hostOf('about:blank')).toBe('');
  });
});
