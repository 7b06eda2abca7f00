import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../../src/extract/types';
import type { ArticleSource, LoadedArticle } from '../../../src/ui/stores/article-source';
import { createArticleStore } from '../../../src/ui/stores/createArticleStore';
import { startedSource } from '../../../src/ui/stores/started-source';

const article = (title: string): ExtractResult =>
  ({ isArticle: true, pageType: 'article', title, url: 'https://example.com/a' }) as ExtractResult;

/** A source that records each load it is asked for and answers a fresh article. */
function recordingSource(): ArticleSource & { loads: { force: boolean }[] } {
  const loads: { force: boolean }[] = [];
  return {
    loads,
    load(options) {
      loads.push(options);
      return Promise.resolve({ article: article(`asked ${loads.length}`), tabId: 3 });
    },
  };
}

describe('startedSource: the request the popup sent before its UI loaded', () => {
  it('answers the first load with the started request, without asking again', async () => {
    const then = recordingSource();
    const started: LoadedArticle = { article: article('started'), tabId: 7 };
    const store = createArticleStore(startedSource(Promise.resolve(started), then));
    await store.load();
    expect(store.state.value).toEqual({ status: 'article', ...started });
    expect(then.loads).toEqual([]);
  });

  it('asks afresh on every later load, and on a forced first load', async () => {
    const then = recordingSource();
    const store = createArticleStore(startedSource(Promise.resolve(null), then));
    await store.load();
    expect(store.state.value).toEqual({ status: 'no-tab' });
    await store.load();
    await store.load({ force: true });
    expect(then.loads).toEqual([{ force: false }, { force: true }]);

    const forced = recordingSource();
    await createArticleStore(startedSource(Promise.resolve(null), forced)).load({ force: true });
    expect(forced.loads).toEqual([{ force: true }]);
  });

  it("shows the started request's failure as the store's error, and retrying asks afresh", async () => {
    const then = recordingSource();
    const failure = Object.assign(new Error('Cannot read this page'), { code: 'restricted' });
    const store = createArticleStore(startedSource(Promise.reject(failure), then));
    await store.load();
    expect(store.state.value).toMatchObject({ status: 'error', failure: { code: 'restricted' } });
    await store.load();
    expect(store.state.value).toMatchObject({ status: 'article', article: { title: 'asked 1' } });
  });
});
