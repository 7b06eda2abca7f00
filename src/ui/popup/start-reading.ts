/**
 * Imported first by the popup's entry, so it runs before the rest of the popup's code loads: the
 * article is being extracted while Preact, the sanitiser and the components are still loading.
 */
import { createRuntimeApi } from '../api/runtime-api';
import { createTargetTabSource } from '../stores/article-source';
import { createArticleStore } from '../stores/createArticleStore';

export const api = createRuntimeApi(location);
export const articleStore = createArticleStore(createTargetTabSource(api));
void articleStore.load();
