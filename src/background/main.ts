/**
 * Background composition root. Every listener is registered synchronously at the top level (a
 * service worker woken by an event only delivers it to listeners that exist before the first
 * await); handlers wait for `ready` instead.
 */
import { browser } from '../shared/browser';
import { serve, type RuntimePort } from '../shared/messaging/messenger';
import type { BackgroundApi } from '../shared/messaging/protocol';
import { createBackgroundHandlers } from './handlers';
import { init } from './init';
import { registerCommands } from './surfaces/commands';
import { registerContextMenus } from './surfaces/context-menus';

const ready = init();

serve<BackgroundApi>(
  browser.runtime as unknown as RuntimePort,
  'background',
  createBackgroundHandlers(ready),
  (sender) => sender.id === browser.runtime.id,
);

registerCommands();
registerContextMenus();
