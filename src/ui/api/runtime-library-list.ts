/**
 * Listing the library: the one part of the runtime API the library page's start script needs
 * before anything else has loaded, so kept apart from `runtime-library-api.ts` and small.
 */
import { sendToBackground } from '../../shared/messaging/clients';
import type { LibraryApi } from './library-api';

export const runtimeListLibrary: LibraryApi['list'] = (request) => sendToBackground('articles.list', request);
