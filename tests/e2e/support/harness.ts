/**
 * One interface over the two drivers: playwright-core for Chromium, puppeteer-core over WebDriver
 * BiDi for Firefox. Specs are written once and run in both.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type BrowserContext, type CDPSession, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { findChromium, findFirefox } from './browsers';
import { prepareExtensionCopy, type BrowserName } from './extension-copy';

export type { BrowserName } from './extension-copy';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

const GECKO_ID = 'tidy-reader@tidy-reader.org';

export interface TestPage {
  url(): string;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Runs a script's source in the page as the driver does (not as page script, so the extension
   * pages' CSP, which forbids eval, does not apply): for injecting a test library such as axe-core.
   */
  evaluateScript(source: string): Promise<unknown>;
  /** Waits until `fn` returns a truthy value in the page, and returns it. */
  waitFor<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs?: number): Promise<R>;
  click(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  /** innerText of the first match, or null. */
  text(selector: string): Promise<string | null>;
  /** A PNG of the viewport, or of the first element matching `selector`. */
  screenshot(path: string, selector?: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
  /** Messages of every alert/confirm/prompt the page opened (each is dismissed). */
  dialogs: string[];
  /**
   * Presses a key combination ("Alt+Shift+U") as the browser itself receives it with this page in
   * front, so that browser-level shortcuts such as extension commands fire. Page-level key
   * presses (`press`) never reach those.
   */
  pressShortcut(combo: string): Promise<void>;
  /** Bytes of this page's own JS heap after a full collection (Chromium only). */
  jsHeapBytes?(): Promise<number>;
  /** Chromium only: a DevTools protocol session on the page (tracing, for the benches' tools). */
  cdp?(): Promise<CDPSession>;
}

export interface Harness {
  name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /**
   * Opens `url` in a new tab. With `{ arriving: true }` it returns as soon as the navigation has
   * started, for a page the server is still sending (the first paint, before DOMContentLoaded).
   */
  open(url: string, options?: { arriving?: boolean }): Promise<TestPage>;
  openExtensionPage(pathAndQuery: string): Promise<TestPage>;
  /** The id of the tab showing `url`, asked of the extension itself. */
  tabIdOf(url: string): Promise<number>;
  /** Settles when the browser goes away, closed by the user or by `close()`. */
  closed: Promise<void>;
  /**
   * Stops the extension's service worker, as Chrome does when it has been idle (Chromium only):
   * the next message wakes it with nothing in memory.
   */
  stopBackground?(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT = 15_000;

async function poll<R>(fn: () => Promise<R>, timeoutMs: number, what: string): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** Key codes of the combination's last key: letters and digits only. */
function keyCodeOf(key: string): { key: string; code: string; keyCode: number } {
  const upper = key.toUpperCase();
  if (!/^[A-Z0-9]$/.test(upper)) throw new Error(`pressShortcut supports letters and digits, not ${key}`);
  return { key: upper, code: /\d/.test(upper) ? `Digit${upper}` : `Key${upper}`, keyCode: upper.charCodeAt(0) };
}

const CDP_MODIFIERS: Record<string, number> = { Alt: 1, Control: 2, Meta: 4, Shift: 8 };

function wrapPlaywright(page: PwPage): TestPage {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  return {
    dialogs,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateScript: (source) => page.evaluate(source),
    // Playwright's waitForFunction does not wait for a promise the predicate returns (an async
    // predicate counts as truthy at once): poll with evaluate, which does.
    waitFor: (fn, arg, timeoutMs = DEFAULT_TIMEOUT) =>
      poll(() => page.evaluate(fn as never, arg) as never, timeoutMs, 'a condition in the page'),
    // A raw key-down with native key codes reaches the browser's accelerators (extension commands
    // included); Playwright's keyboard only reaches the page.
    pressShortcut: async (combo) => {
      const parts = combo.split('+');
      const { key, code, keyCode } = keyCodeOf(parts.pop() ?? '');
      const modifiers = parts.reduce((sum, m) => sum | (CDP_MODIFIERS[m] ?? 0), 0);
      // The browser acts on the active tab: make it this one.
      await page.bringToFront();
      const session = await page.context().newCDPSession(page);
      const event = { modifiers, key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
      await session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...event });
      // The shortcut may have closed this very tab: then there is nothing left to release keys in.
      await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event }).catch(() => undefined);
      await session.detach().catch(() => undefined);
    },
    cdp: () => page.context().newCDPSession(page),
    jsHeapBytes: async () => {
      const session = await page.context().newCDPSession(page);
      await session.send('HeapProfiler.collectGarbage');
      const { usedSize } = await session.send('Runtime.getHeapUsage');
      await session.detach();
      return usedSize;
    },
    click: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key),
    text: async (selector) => {
      const el = await page.$(selector);
      return el ? el.innerText() : null;
    },
    screenshot: async (path, selector) => {
      await mkdir(dirname(path), { recursive: true });
      await (selector ? page.locator(selector).first().screenshot({ path }) : page.screenshot({ path }));
    },
    reload: async () => {
      await page.reload();
    },
    close: () => page.close(),
  };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Firefox: browser-level shortcuts are handled in the browser window (the "chrome"), which
 * WebDriver BiDi reaches with --remote-allow-system-access. Keys are typed there through the
 * text input processor, which produces the trusted events real typing does.
 */
async function pressInFirefoxChrome(browser: PpBrowser, combo: string, pageUrl: string): Promise<void> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('No Firefox browser window found');
  const parts = combo.split('+');
  const last = keyCodeOf(parts.pop() ?? '');
  const MODIFIER_KEYS: Record<string, [string, number]> = {
    Alt: ['AltLeft', 18],
    Shift: ['ShiftLeft', 16],
    Control: ['ControlLeft', 17],
    Meta: ['MetaLeft', 91],
  };
  const keys = [
    ...parts.map((m) => ({ key: m, code: MODIFIER_KEYS[m]?.[0] ?? m, keyCode: MODIFIER_KEYS[m]?.[1] ?? 0 })),
    last,
  ];
  const evaluate = async (expression: string) =>
    (
      await connection.send('script.evaluate', {
        expression,
        target: { context: window.context },
        awaitPromise: false,
      })
    ).result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
  // The shortcut acts on the selected tab: wait until the browser has really switched to this page.
  await poll(
    async () =>
      (await evaluate(`window.gBrowser.selectedBrowser.currentURI.spec === ${JSON.stringify(pageUrl)}`)).result
        ?.value === true,
    DEFAULT_TIMEOUT,
    `${pageUrl} to be the selected tab`,
  );
  const expression = `(() => {
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    // Keys go to the focused element: make that the selected tab, not the sidebar or toolbar.
    window.gBrowser.selectedBrowser.focus();
    if (!tip.beginInputTransactionForTests(window)) throw new Error('No input transaction');
    const events = ${JSON.stringify(keys)}.map((k) => new KeyboardEvent('', k));
    for (const e of events) tip.keydown(e);
    for (const e of events.reverse()) tip.keyup(e);
  })()`;
  const reply = await evaluate(expression);
  if (reply.type !== 'success') throw new Error(`Shortcut failed: ${reply.exceptionDetails?.text ?? 'unknown'}`);
}

function wrapPuppeteer(page: PpPage, browser: PpBrowser): TestPage {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  return {
    dialogs,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateScript: (source) => page.evaluate(source),
    pressShortcut: async (combo) => {
      await page.bringToFront();
      await pressInFirefoxChrome(browser, combo, await page.evaluate(() => location.href));
    },
    waitFor: async (fn, arg, timeoutMs = DEFAULT_TIMEOUT) =>
      (
        await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs, polling: 100 }, arg)
      ).jsonValue() as never,
    click: (selector) => page.click(selector),
    // Playwright's "Alt+Shift+U" notation: modifiers held down around the last key.
    press: async (combo) => {
      const keys = (combo.length > 1 ? combo.split('+') : [combo]) as never[];
      const key = keys.pop() as never;
      for (const modifier of keys) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
    },
    text: (selector) => page.$eval(selector, (el) => (el as HTMLElement).innerText).catch(() => null),
    screenshot: async (path, selector) => {
      await mkdir(dirname(path), { recursive: true });
      const target = selector ? await page.$(selector) : page;
      if (!target) throw new Error(`No element matches ${selector}`);
      await target.screenshot({ path: path as `${string}.png` });
    },
    reload: async () => {
      if (!(await page.evaluate(() => location.protocol === 'moz-extension:'))) {
        await page.reload();
        return;
      }
      // Like goto(), reload() of a moz-extension:// page never resolves: mark the old document,
      // start the reload, and poll until a fresh document has loaded.
      await page.evaluate(() => ((window as unknown as { isStale: boolean }).isStale = true));
      void page.reload().catch(() => undefined);
      await poll(
        () =>
          page.evaluate(
            () => !(window as unknown as { isStale?: boolean }).isStale && document.readyState === 'complete',
          ),
        DEFAULT_TIMEOUT,
        'the page to reload',
      );
    },
    close: () => page.close(),
  };
}

/** How a browser is started for a test file. */
export interface LaunchOptions {
  hosts?: string[];
  headless?: boolean;
  /**
   * The browser's own language (BCP 47, e.g. `de`), which picks the extension's catalogue; the
   * distribution's language pack must be installed (scripts/ensure-browsers.sh). English if unset.
   */
  locale?: string;
}

export interface ChromiumOptions extends LaunchOptions {
  args?: string[];
  /**
   * Aborts every request the pages make beyond 127.0.0.1 (saved pages still name their images,
   * fonts and trackers on the web): nothing is fetched from the internet, and nothing waits for it.
   */
  localOnly?: boolean;
  /**
   * Every host name resolves to this machine, whose server on this port answers under the pages'
   * own addresses (over https, its throwaway certificate accepted): a saved page keeps its host, so
   * what is keyed to hosts applies as on the web.
   * With `localOnly`, every request to another port is aborted.
   */
  servedOn?: number;
  /**
   * Keeps the browser's profile in this folder, and the extension's copy at a fixed path beside it
   * (so its id, and with it its storage, stays the same): a later launch finds the same library.
   */
  keptIn?: string;
}

function isOffMachine(url: URL, servedOn?: number): boolean {
  if (!/^(https?|wss?):$/.test(url.protocol)) return false;
  return servedOn === undefined ? url.hostname !== '127.0.0.1' : url.port !== String(servedOn);
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<Harness> {
  const kept = options.keptIn;
  const extension = await prepareExtensionCopy('chromium', options.hosts, kept && join(kept, 'extension'));
  const profile = kept ? join(kept, 'profile') : await mkdtemp(join(tmpdir(), 'tidy-reader-profile-'));
  // A kept profile would go on running the service worker it registered before, whatever the build:
  // without its registration, the browser registers the one it is given now.
  if (kept) await rm(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  const locale = options.locale;
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    // --lang sets the UI language (extensions read it); LANGUAGE is what Linux builds consult first.
    ...(locale ? { locale, env: { ...process.env, LANGUAGE: locale.replace('-', '_') } } : {}),
    args: [
      ...(locale ? [`--lang=${locale}`] : []),
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.servedOn === undefined
        ? []
        : ['--host-resolver-rules=MAP * 127.0.0.1', '--ignore-certificate-errors']),
      ...(options.args ?? []),
    ],
  });
  if (options.localOnly)
    await context.route(
      (url) => isOffMachine(url, options.servedOn),
      (route) => route.abort(),
    );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  // URL.origin is "null" for non-special schemes such as chrome-extension:.
  const extensionOrigin = worker.url().split('/').slice(0, 3).join('/');
  const harness: Harness = {
    name: 'chromium',
    extensionOrigin,
    async open(url, options) {
      const page = await context.newPage();
      await page.goto(url, options?.arriving ? { waitUntil: 'commit' } : {});
      return wrapPlaywright(page);
    },
    async openExtensionPage(pathAndQuery) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${pathAndQuery}`);
      return wrapPlaywright(page);
    },
    tabIdOf: (url) => tabIdFromExtension(harness, url),
    closed: new Promise((done) => context.once('close', () => done())),
    close: () => context.close(),
    async stopBackground() {
      const page = context.pages()[0] ?? (await context.newPage());
      const session = await context.newCDPSession(page);
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await session.detach();
    },
  };
  return harness;
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<Harness> {
  const extension = await prepareExtensionCopy('firefox', options.hosts);
  const uuid = randomUUID();
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: options.headless ?? true,
    defaultViewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Grant optional permissions without a doorhanger, as a user clicking "Allow" would.
      'extensions.webextOptionalPermissionPrompts': false,
      // The UI language (needs the language pack) and the pages' accepted languages.
      ...(options.locale ? { 'intl.locale.requested': options.locale, 'intl.accept_languages': options.locale } : {}),
    },
  });
  await browser.installExtension(extension);
  const extensionOrigin = `moz-extension://${uuid}`;

  const harness: Harness = {
    name: 'firefox',
    extensionOrigin,
    async open(url, options) {
      const page = await browser.newPage();
      if (options?.arriving) {
        // Puppeteer's goto resolves on load at the earliest: start it and poll for the new document.
        void page.goto(url).catch(() => undefined);
        await poll(() => page.evaluate((want) => location.href === want, url), DEFAULT_TIMEOUT, `${url} to start`);
      } else {
        await page.goto(url);
      }
      return wrapPuppeteer(page, browser);
    },
    async openExtensionPage(pathAndQuery) {
      const page = await browser.newPage();
      const target = `${extensionOrigin}/${pathAndQuery}`;
      // goto() to a moz-extension:// page never resolves although the page loads: start it, then poll.
      void page.goto(target).catch(() => undefined);
      await poll(
        () => page.evaluate(() => location.href.startsWith('moz-extension:') && document.readyState === 'complete'),
        DEFAULT_TIMEOUT,
        `${target} to load`,
      );
      return wrapPuppeteer(page, browser);
    },
    tabIdOf: (url) => tabIdFromExtension(harness, url),
    closed: new Promise((done) => browser.once('disconnected', () => done())),
    close: () => browser.close(),
  };
  return harness;
}

export function launchExtension(name: BrowserName, options?: LaunchOptions): Promise<Harness> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

async function tabIdFromExtension(harness: Harness, url: string): Promise<number> {
  const page = await harness.openExtensionPage('options.html');
  try {
    return await page.waitFor(async (target) => {
      const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      const tabs = await api.tabs.query({});
      return tabs.find((t) => t.url === target)?.id ?? 0;
    }, url);
  } finally {
    await page.close();
  }
}
