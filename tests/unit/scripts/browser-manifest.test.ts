import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toBrowserManifest } from '../../../scripts/lib/browser-manifest';

const root = resolve(import.meta.dirname, '../../..');
const source = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

describe('per-browser manifests', () => {
  it('gives Chrome a service worker and side panel, and nothing Firefox-only', () => {
    const chrome = toBrowserManifest(source, 'chrome', '1.2.3');
    expect(chrome.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(chrome.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(chrome).not.toHaveProperty('sidebar_action');
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    expect(chrome.permissions).toContain('sidePanel');
    expect(chrome.version).toBe('1.2.3');
  });

  it('gives Firefox background scripts, a sidebar and a gecko id, and nothing Chrome-only', () => {
    const firefox = toBrowserManifest(source, 'firefox', '1.2.3');
    expect(firefox.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(firefox.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(firefox).toHaveProperty('browser_specific_settings.gecko.id');
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox.permissions).not.toContain('sidePanel');
  });

  it('does not change the source manifest', () => {
    const before = JSON.stringify(source);
    toBrowserManifest(source, 'firefox', '9.9.9');
    expect(JSON.stringify(source)).toBe(before);
  });
});

describe('the source manifest', () => {
  it('asks for the fewest permissions: no host access up front, no tabs, no all-urls', () => {
    expect(source).not.toHaveProperty('host_permissions');
    expect(source).not.toHaveProperty('content_scripts');
    const permissions = source.permissions as string[];
    expect(permissions).toContain('activeTab');
    for (const broad of ['tabs', '<all_urls>', 'webRequest', 'history', 'cookies'])
      expect(permissions).not.toContain(broad);
  });

  it('keeps a strict CSP for extension pages', () => {
    const csp = (source.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('points at pages and icons that exist', () => {
    for (const page of ['popup', 'sidepanel', 'reader', 'library', 'options']) {
      const html = readFileSync(resolve(root, `src/pages/${page}.html`), 'utf8');
      expect([`../ui/${page}/main.tsx"`, `../ui/${page}/main.ts"`].some((entry) => html.includes(entry))).toBe(true);
    }
    for (const path of Object.values(source.icons as Record<string, string>)) {
      expect(readFileSync(resolve(root, path)).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('is versioned by package.json', () => {
    expect(toBrowserManifest(source, 'chrome', pkg.version).version).toBe(pkg.version);
  });
});
