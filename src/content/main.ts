/**
 * Content script composition root. Injected on demand; at load it only registers its listener, so
 * a page pays nothing until the user asks for something.
 */
import { nativeRuntime } from '../shared/native-runtime';
import { serve, type RuntimePort } from '../shared/messaging/messenger';
import { contentSenders, type ContentApi } from '../shared/messaging/protocol';
import { createContentHandlers } from './handlers';

const INJECTED = Symbol.for('tidy-reader.content');
const scope = globalThis as typeof globalThis & { [INJECTED]?: true };

// Injecting twice (popup opened again, or the script also registered for the site) must not
// register a second listener: both would answer.
if (!scope[INJECTED]) {
  scope[INJECTED] = true;
  serve<ContentApi>(nativeRuntime() as RuntimePort, 'content', createContentHandlers(document), contentSenders);
}
