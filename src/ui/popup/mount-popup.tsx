import { createRuntimeApi } from '../api/runtime-api';
import { mountPage } from '../mount';
import { createTargetTabSource, type LoadedArticle } from '../stores/article-source';
import { createArticleStore } from '../stores/createArticleStore';
import { startedSource } from '../stores/started-source';
import { Popup } from './Popup';

/** The popup's UI, loaded while `reading` (the request its entry sent) is under way. */
export function mountPopup(reading: Promise<LoadedArticle | null>): void {
  const api = createRuntimeApi(location);
  const store = createArticleStore(startedSource(reading, createTargetTabSource(api)));
  void store.load();
  mountPage(<Popup store={store} />, undefined, api);
}
