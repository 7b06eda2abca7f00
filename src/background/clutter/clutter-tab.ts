/**
 * Hiding on one tab: injects the clutter script, has the browser apply the stylesheets (as user
 * styles: a page's own `!important` cannot bring clutter back, and a page's Content-Security-Policy
 * does not apply), and asks the script to guard the article and count what is hidden.
 */
import { groupStylesheet, pickedStylesheet, PICKED_GROUP, type HideGroup } from '../../clutter';
import { browser } from '../../shared/browser';
import type { ClutterPlan, PageClutterReport } from '../../shared/clutter-types';
import { clutterOf } from '../../shared/messaging/clients';
import { failure } from '../../shared/messaging/failure';
import { describeRestriction } from '../../shared/restricted-pages';
import { ensureScript, toAccessError } from '../../shared/tab-content';
import { sheetsFor } from './clutter-plan';

export const CLUTTER_SCRIPT = 'clutter.js';

export interface TabPage {
  host: string;
  /** The page's own origin as a match pattern, for the permission "always on this site" needs. */
  origin: string;
}

export async function pageOfTab(tabId: number): Promise<TabPage> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch (error) {
    throw toAccessError(error, undefined);
  }
  let parsed: URL | null = null;
  try {
    parsed = url ? new URL(url) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw failure('restricted', (url && describeRestriction(url)) || 'not-web-page');
  }
  return { host: parsed.hostname, origin: `${parsed.protocol}//${parsed.hostname}/*` };
}

function stylesheetOf(sheet: string, host: string): string {
  const picked = `${PICKED_GROUP}:`;
  return sheet.startsWith(picked)
    ? pickedStylesheet([sheet.slice(picked.length)])
    : groupStylesheet(sheet as HideGroup, host);
}

/** Has the browser apply the named stylesheets to the tab's top document. */
export async function insertSheets(tabId: number, host: string, sheets: readonly string[]): Promise<void> {
  for (const sheet of sheets) {
    await browser.scripting.insertCSS({ target: { tabId }, css: stylesheetOf(sheet, host), origin: 'USER' });
  }
}

async function ensureClutterScript(tabId: number): Promise<void> {
  await ensureScript(tabId, CLUTTER_SCRIPT, () => clutterOf(tabId)('clutter.ping', {}));
}

export async function applyToTab(tabId: number, host: string, plan: ClutterPlan): Promise<PageClutterReport> {
  await ensureClutterScript(tabId);
  const page = clutterOf(tabId);
  // The script first shows the groups that are off, then the stylesheets of those that are on
  // arrive: nothing is hidden that should not be, not even for a frame.
  const report = await page('clutter.apply', plan);
  const missing = sheetsFor(plan).filter((sheet) => !report.sheets.includes(sheet));
  if (missing.length === 0) return report;
  await insertSheets(tabId, host, missing);
  return (await page('clutter.sheetsAdded', { sheets: missing })) ?? report;
}

export async function showAllOnTab(tabId: number): Promise<PageClutterReport> {
  await ensureClutterScript(tabId);
  return clutterOf(tabId)('clutter.showAll', {});
}

/** What the page reports, or null when the clutter script is not in it. */
export async function reportOfTab(tabId: number): Promise<PageClutterReport | null> {
  try {
    return await clutterOf(tabId)('clutter.report', {});
  } catch {
    return null;
  }
}

export async function startPickerOnTab(tabId: number): Promise<void> {
  await ensureClutterScript(tabId);
  await clutterOf(tabId)('clutter.startPicker', {});
}
