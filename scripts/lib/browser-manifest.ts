/** Derives each browser's manifest from the one source manifest, keeping only the keys it knows. */

export type TargetBrowser = 'chrome' | 'firefox';
export const TARGET_BROWSERS: readonly TargetBrowser[] = ['chrome', 'firefox'];

type Json = Record<string, unknown>;

const ONLY_IN: Record<TargetBrowser, { keys: string[]; backgroundKeys: string[]; permissions: string[] }> = {
  // What each browser has that the other lacks: dropped from the other's manifest.
  chrome: { keys: ['side_panel'], backgroundKeys: ['service_worker'], permissions: ['sidePanel', 'offscreen'] },
  firefox: { keys: ['sidebar_action', 'browser_specific_settings'], backgroundKeys: ['scripts'], permissions: [] },
};

export function toBrowserManifest(source: Json, browser: TargetBrowser, version: string): Json {
  const other: TargetBrowser = browser === 'chrome' ? 'firefox' : 'chrome';
  const drop = ONLY_IN[other];
  const manifest: Json = structuredClone(source);
  manifest.version = version;
  for (const key of drop.keys) delete manifest[key];
  const background = manifest.background as Json | undefined;
  if (background) for (const key of drop.backgroundKeys) delete background[key];
  for (const listKey of ['permissions', 'optional_permissions']) {
    const list = manifest[listKey];
    if (Array.isArray(list)) manifest[listKey] = list.filter((p) => !drop.permissions.includes(p as string));
  }
  return manifest;
}
