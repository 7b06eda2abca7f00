/**
 * The extension pages' Content-Security-Policy allows exactly what they render: the one sanitising
 * policy lets no frame and no audio or video element through (an embedded player is a card with a
 * link), so the CSP allows no frame and no media either, in the source manifest and in both
 * browsers' manifests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGET_BROWSERS, toBrowserManifest } from '../../../scripts/lib/browser-manifest';
import { ALLOWED_TAGS } from '../../../src/sanitise/policy';

const root = resolve(import.meta.dirname, '../../..');
const source = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;

/** The extension pages' policy as directive → sources. */
function directivesOf(manifest: Record<string, unknown>): Map<string, string[]> {
  const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("the extension pages' CSP", () => {
  for (const [name, manifest] of [
    ['manifest.json', source],
    ...TARGET_BROWSERS.map((browser) => [`the ${browser} manifest`, toBrowserManifest(source, browser, '1.0.0')]),
  ] as const) {
    it(`${name}: no frames and no media, as the pages render none`, () => {
      const directives = directivesOf(manifest as Record<string, unknown>);
      expect(directives.get('frame-src')).toEqual(["'none'"]);
      expect(directives.get('media-src')).toEqual(["'none'"]);
      // Nothing else that would let a frame in where frame-src is silent.
      expect(directives.has('child-src')).toBe(false);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
    });
  }

  it('matches what the sanitising policy lets through: no frame, player or object', () => {
    // (<source> is allowed for <picture>'s sake: the media elements it could feed are not.)
    for (const tag of ['iframe', 'frame', 'frameset', 'video', 'audio', 'track', 'embed', 'object']) {
      expect(ALLOWED_TAGS, tag).not.toContain(tag);
    }
  });
});
