import { describe, expect, it } from 'vitest';
import {
  ALL_SITES,
  emptySettings,
  isAlwaysOn,
  normaliseSettings,
  planFor,
  registrationsFor,
  sheetsFor,
} from '../../../src/background/clutter/clutter-plan';
import type { ClutterSettings } from '../../../src/shared/clutter-types';

function settingsWith(sites: ClutterSettings['sites'], extra: Partial<ClutterSettings> = {}): ClutterSettings {
  return { ...emptySettings(), ...extra, sites };
}

const granted = () => true;

describe('clutter settings', () => {
  it('reads malformed storage as the defaults, keeping what is valid', () => {
    expect(normaliseSettings(undefined)).toEqual(emptySettings());
    expect(normaliseSettings('junk')).toEqual(emptySettings());
    const read = normaliseSettings({
      defaults: { comments: true, promos: 'yes' },
      sites: { 'a.example': { groups: { promos: true }, alwaysOn: 1, picked: ['div.x', 3] }, 'b.example': null },
    });
    expect(read.defaults).toEqual({ comments: true, promos: false });
    expect(read.sites).toEqual({
      'a.example': { groups: { comments: false, promos: true }, alwaysOn: false, picked: ['div.x'] },
    });
  });

  it('gives a site its own choices, or the defaults', () => {
    const settings = settingsWith(
      { 'a.example': { groups: { comments: true, promos: false }, alwaysOn: false, picked: ['div.x'] } },
      { defaults: { comments: false, promos: true } },
    );
    expect(planFor(settings, 'a.example')).toEqual({ groups: { comments: true, promos: false }, picked: ['div.x'] });
    expect(planFor(settings, 'b.example')).toEqual({ groups: { comments: false, promos: true }, picked: [] });
    expect(sheetsFor(planFor(settings, 'a.example'))).toEqual(['comments', 'picked:div.x']);
  });
});

describe('always-on registrations', () => {
  it('registers nothing until a site is always-on', () => {
    const settings = settingsWith({
      'a.example': { groups: { comments: true, promos: true }, alwaysOn: false, picked: [] },
    });
    expect(registrationsFor(settings, false, granted)).toEqual([]);
    expect(isAlwaysOn(settings, 'a.example')).toBe(false);
  });

  it("registers each hidden group's stylesheet and the page script for the site's granted origins", () => {
    const settings = settingsWith({
      'a.example': { groups: { comments: true, promos: false }, alwaysOn: true, picked: [] },
    });
    const registrations = registrationsFor(settings, false, (pattern) => pattern.startsWith('https:'));
    expect(registrations.map((r) => r.id)).toEqual(['tidy-clutter-comments', 'tidy-clutter-script']);
    expect(registrations[0]).toMatchObject({
      matches: ['https://a.example/*'],
      css: ['clutter-comments.css'],
      runAt: 'document_start',
      persistAcrossSessions: true,
    });
    // Forums listed in the rules keep their comments even when a pattern would cover them.
    expect(registrations[0]?.excludeMatches).toContain('*://*.reddit.com/*');
    // GitHub's own host only: a gist's comments are readers' comments.
    expect(registrations[0]?.excludeMatches).toContain('*://github.com/*');
    expect(registrations[0]?.excludeMatches).not.toContain('*://*.github.com/*');
    expect(registrations[1]).toMatchObject({ matches: ['https://a.example/*'], js: ['clutter.js'] });
  });

  it('leaves out sites whose access was not granted', () => {
    const settings = settingsWith({
      'a.example': { groups: { comments: true, promos: true }, alwaysOn: true, picked: [] },
    });
    expect(registrationsFor(settings, false, () => false)).toEqual([]);
  });

  it('on every site: the defaults everywhere, except where a site chose otherwise', () => {
    const settings = settingsWith(
      { 'quiet.example': { groups: { comments: true, promos: false }, alwaysOn: false, picked: [] } },
      { defaults: { comments: false, promos: true }, everywhere: true },
    );
    const registrations = registrationsFor(settings, true, () => false);
    const promos = registrations.find((r) => r.id === 'tidy-clutter-promos');
    expect(promos?.matches).toEqual(ALL_SITES);
    expect(promos?.excludeMatches).toEqual(
      expect.arrayContaining(['http://quiet.example/*', 'https://quiet.example/*']),
    );
    expect(registrations.find((r) => r.id === 'tidy-clutter-script')?.matches).toEqual(ALL_SITES);
    expect(registrations.some((r) => r.id === 'tidy-clutter-comments')).toBe(false);
    // Without access to all sites, "every site" registers nothing.
    expect(registrationsFor(settings, false, () => false)).toEqual([]);
  });
});
