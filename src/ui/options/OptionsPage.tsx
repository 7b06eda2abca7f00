/// <reference types="vite/client" />
import { useEffect, useState } from 'preact/hooks';
import type { CommandShortcut } from '../api/surface-api';
import { SettingsPanel } from '../settings/SettingsPanel';
import { AlwaysReaderSection } from './AlwaysReaderSection';
import { ClutterSettingsSection } from './ClutterSettingsSection';
import { FilterListsSection } from './FilterListsSection';
import { SendToSection } from './SendToSection';
import { SyncSection } from './SyncSection';
import { useApi } from '../stores/context';
import { SHORTCUTS } from '../reader/keymap';
import { LIBRARY_SHORTCUTS } from '../library/library-keymap';
import fontLicenceUrl from '@fontsource/opendyslexic/LICENSE?url';

/**
 * The settings page: reading settings with a live preview, hiding comments and promos (defaults
 * and the sites with their own choices), and the keyboard shortcuts.
 */
export function OptionsPage() {
  const api = useApi();
  const { t } = api;
  const [commands, setCommands] = useState<CommandShortcut[]>([]);
  useEffect(() => void api.getCommandShortcuts().then(setCommands, () => undefined), [api]);
  return (
    <div class="surface surface--options">
      <main class="options">
        <h1>{t('pageTitleOptions')}</h1>
        <section class="options__section" aria-labelledby="reading-title">
          <h2 id="reading-title">{t('readingSettings')}</h2>
          <div class="options__split">
            <SettingsPanel idPrefix="options" />
            <article class="options__preview article" aria-label={t('preview')}>
              <h3 class="article__title">{t('previewTitle')}</h3>
              <div class="article__body">
                <p>{t('previewText')}</p>
              </div>
            </article>
          </div>
        </section>
        <AlwaysReaderSection />
        <ClutterSettingsSection />
        <FilterListsSection />
        <SyncSection />
        <SendToSection />
        <section class="options__section" aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title">{t('keyboardShortcuts')}</h2>
          <dl class="shortcuts">
            {commands.map((c) => (
              <div key={c.name} class="shortcuts__row">
                <dt>{c.shortcut ? <kbd>{c.shortcut}</kbd> : t('noShortcut')}</dt>
                <dd>{c.description}</dd>
              </div>
            ))}
            {SHORTCUTS.map((s) => (
              <div key={s.command} class="shortcuts__row">
                <dt>
                  <kbd>{s.keys[0]}</kbd>
                </dt>
                <dd>{t('inReader', t(s.label))}</dd>
              </div>
            ))}
            {LIBRARY_SHORTCUTS.map((s) => (
              <div key={`library-${s.command}`} class="shortcuts__row">
                <dt>
                  {s.keys[0]!.split(' ').map((k, i) => (
                    <>
                      {i > 0 && ' '}
                      <kbd>{k}</kbd>
                    </>
                  ))}
                </dt>
                <dd>{t('inLibrary', t(s.label))}</dd>
              </div>
            ))}
          </dl>
          <p class="muted">{t('changeShortcutsHint')}</p>
        </section>
        <footer class="options__footer">
          <p class="muted">
            {t('fontCredit')}{' '}
            <a href={fontLicenceUrl} target="_blank" rel="noopener">
              {t('fontLicence')}
            </a>
          </p>
        </footer>
      </main>
    </div>
  );
}
