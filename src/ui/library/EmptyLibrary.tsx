import { useEffect, useState } from 'preact/hooks';
import { useApi } from '../stores/context';

const SAVE_COMMAND = 'save-to-library';
/** Stands for the keys in the translated sentence, which may put them anywhere. */
const MARK = '\u0000';

function withKeys(sentence: string, keys: string) {
  const [before = '', after = ''] = sentence.split(MARK);
  return (
    <>
      {before}
      <kbd>{keys}</kbd>
      {after}
    </>
  );
}

/** What an empty library shows: how to save the first article, with the shortcut the browser gave. */
export function EmptyLibrary() {
  const api = useApi();
  const { t } = api;
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void api.getCommandShortcuts().then(
      (commands) => setShortcut(commands.find((c) => c.name === SAVE_COMMAND)?.shortcut || null),
      () => undefined,
    );
  }, [api]);
  return (
    <section class="library__empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('libraryEmptyTitle')}</h2>
      <p>{t('libraryEmptySave')}</p>
      {shortcut && <p>{withKeys(t('libraryEmptyShortcut', MARK), shortcut)}</p>}
      <p class="muted">{t('libraryEmptyImport')}</p>
    </section>
  );
}
