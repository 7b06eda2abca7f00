import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleSummary, ReadingQueue } from '../api/library-api';
import type { ReadAloudStore } from '../speech/createReadAloudStore';
import { useApi } from '../stores/context';
import { savedReaderPathFor, withoutReadAloudHandover } from '../../shared/reader-url';
import { handOverReadAloud, takeReadAloudHandover } from './read-aloud-handover';

export type NextArticle =
  | { status: 'loading' }
  | { status: 'found'; article: ArticleSummary; href: string }
  | { status: 'caught-up' }
  | { status: 'failed' };

export interface ReadNextOptions {
  /** The saved article being read; null where there is no queue (a live tab, the side panel). */
  savedId: string | null;
  queue: ReadingQueue;
  /** The address says read aloud goes on here (it still needs the hand-over note to start). */
  continuesReadAloud: boolean;
  readAloud: ReadAloudStore | null;
  announce(text: string): void;
}

export interface ReadNext {
  next: NextArticle;
  /** Opens the next article, or says there is none left. */
  open(): void;
}

/**
 * The article after this one in the library list the reader came from; and read aloud carried into
 * it: when reading aloud reaches the end, the next article opens and goes on speaking.
 */
export function useReadNext(options: ReadNextOptions): ReadNext | null {
  const api = useApi();
  const { t } = api;
  const { savedId, queue, readAloud, announce } = options;
  const [next, setNext] = useState<NextArticle>({ status: 'loading' });

  useEffect(() => {
    if (savedId === null) return undefined;
    let isCurrent = true;
    api.library.findNext(savedId, queue).then(
      (article) => {
        if (!isCurrent) return;
        setNext(
          article ? { status: 'found', article, href: savedReaderPathFor(article.id, queue) } : { status: 'caught-up' },
        );
      },
      () => isCurrent && setNext({ status: 'failed' }),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, savedId, queue]);

  // Read through a ref: the key handler may still hold the function of a render before the answer.
  const latest = useRef(next);
  latest.current = next;
  const open = useCallback(() => {
    const now = latest.current;
    if (now.status === 'found') {
      announce(t('readNextOpening', now.article.title));
      api.goTo(now.href);
    } else if (now.status === 'caught-up') {
      announce(t('readNextCaughtUp'));
    }
  }, [api, t, announce]);

  // Read aloud finished this article: on into the next one.
  const hasFinished = readAloud?.hasFinished.value ?? false;
  useEffect(() => {
    if (!hasFinished || savedId === null) return;
    if (next.status === 'found') {
      handOverReadAloud(next.article.id);
      announce(t('readNextOpening', next.article.title));
      api.goTo(savedReaderPathFor(next.article.id, queue, { continuesReadAloud: true }));
    } else if (next.status === 'caught-up') {
      announce(t('readNextCaughtUp'));
    }
  }, [hasFinished, next, savedId, queue, api, t, announce]);

  // Handed over from the article before: speak as soon as voices are there, once.
  const [isHandedOver] = useState(
    () => savedId !== null && options.continuesReadAloud && takeReadAloudHandover(savedId),
  );
  const hasStarted = useRef(false);
  const speech = readAloud?.status.value;
  useEffect(() => {
    if (options.continuesReadAloud) {
      history.replaceState(history.state, '', withoutReadAloudHandover(location.search) || location.pathname);
    }
  }, [options.continuesReadAloud]);
  useEffect(() => {
    if (!isHandedOver || hasStarted.current || speech !== 'idle' || !readAloud) return;
    hasStarted.current = true;
    readAloud.play();
  }, [isHandedOver, speech, readAloud]);

  return savedId === null ? null : { next, open };
}
