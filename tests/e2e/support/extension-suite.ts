import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { launchExtension, type BrowserName, type Harness, type LaunchOptions } from './harness';

export interface ExtensionSuite {
  harness: Harness;
  server: FixtureServer;
}

/**
 * For one describe block: the fixture server and a browser with the built extension, started
 * before its tests and closed after them. Its fields are set in `beforeAll`: read them in tests.
 */
export function extensionSuite(browserName: BrowserName, options?: LaunchOptions): ExtensionSuite {
  const suite = {} as ExtensionSuite;
  beforeAll(async () => {
    suite.server = await startFixtureServer();
    suite.harness = await launchExtension(browserName, options);
  });
  afterAll(async () => {
    await suite.harness?.close();
    await suite.server?.close();
  });
  return suite;
}
