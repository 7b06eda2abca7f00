import { sendToBackground } from '../../shared/messaging/clients';
import type { HighlightsApi } from './highlights-api';

export function createRuntimeHighlightsApi(): HighlightsApi {
  return {
    list: (articleId) => sendToBackground('highlights.list', { articleId }),
    add: (req) => sendToBackground('highlights.add', req),
    update: (id, change) => sendToBackground('highlights.update', { id, change }),
    remove: async (id) => (await sendToBackground('highlights.delete', { id })).deleted,
    restore: async (highlight) => void (await sendToBackground('highlights.restore', { highlight })),
    browse: (req) => sendToBackground('highlights.browse', req),
  };
}
