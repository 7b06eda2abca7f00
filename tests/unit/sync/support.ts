import type { ArticleFile } from '../../../src/sync/article-file';
import { createClock } from '../../../src/sync/hlc';
import type { LocalArticle, LocalContent } from '../../../src/sync/local-edits';
import { activeTags, liveAnnotations } from '../../../src/sync/merge';
import { stampLocal } from '../../../src/sync/local-edits';

export function content(overrides: Partial<LocalContent> = {}): LocalContent {
  return {
    url: 'https://news.example/harbour',
    canonicalUrl: null,
    urlKeys: ['news.example/harbour'],
    status: 'complete',
    source: 'page',
    savedAt: 1_700_000_000_000,
    meta: { byline: 'Ann Other', siteName: 'News', wordCount: 3 },
    html: '<p>Fishermen and charts.</p>',
    text: 'Fishermen and charts.',
    imageUrls: [],
    ...overrides,
  };
}

export function localArticle(overrides: Partial<LocalArticle> = {}): LocalArticle {
  return {
    id: 'a1',
    revision: 1,
    editedAt: 1_700_000_000_000,
    title: 'Harbour archive',
    isRead: false,
    isArchived: false,
    isFavorite: false,
    position: null,
    tags: [],
    content: content(),
    ...overrides,
  };
}

/** What a library holding `file` shows: the inverse of stamping. */
export function viewOf(file: ArticleFile, revision = 1): LocalArticle {
  const { at: _at, hash: _hash, images: _images, ...rest } = file.content;
  return {
    id: file.id,
    revision,
    editedAt: 0,
    title: file.title.value,
    isRead: file.read.value,
    isArchived: file.archived.value,
    isFavorite: file.favorite.value,
    position: file.position.value,
    tags: activeTags(file),
    content: rest,
    annotations: liveAnnotations(file),
  };
}

export const noImages = async () => [];

/** A first file for an article, made by replica `node` at `time`. */
export function firstFile(node = 'base', time = 1_700_000_000_000, overrides: Partial<LocalArticle> = {}) {
  return stampLocal(
    null,
    localArticle({ editedAt: time, ...overrides }),
    createClock(node, () => time),
    time,
    noImages,
  );
}
