import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { ExtensionApi } from './api/extension-api';
import type { SpeechEngine } from './speech/speech-engine';
import { createSettingsStore } from './stores/createSettingsStore';
import { ApiContext, SettingsContext, SpeechContext } from './stores/context';
import {
  applySettings,
  readSystemAppearance,
  watchSystemAppearance,
  type SystemAppearance,
} from './theme/apply-settings';

export interface PageRootProps {
  api: ExtensionApi;
  speech: SpeechEngine | null;
  children: ComponentChildren;
}

/** Hands the page's services down by context and keeps the theme and typography applied. */
export function PageRoot({ api, speech, children }: PageRootProps) {
  const settings = useMemo(() => createSettingsStore(api.settingsStorage), [api]);
  const [system, setSystem] = useState<SystemAppearance>(() => readSystemAppearance(window));
  useEffect(() => watchSystemAppearance(window, setSystem), []);
  useEffect(() => () => settings.dispose(), [settings]);
  const current = settings.settings.value;
  useLayoutEffect(() => {
    applySettings(document.documentElement, current, system);
  }, [current, system]);
  // The page starts its work (reading the article) at once, but stays hidden until the stored
  // settings arrive (a few milliseconds), so a sepia or dark reader never flashes the default theme.
  return (
    <ApiContext.Provider value={api}>
      <SettingsContext.Provider value={settings}>
        <SpeechContext.Provider value={speech}>
          <div class="page-root" hidden={!settings.isLoaded.value}>
            {children}
          </div>
        </SpeechContext.Provider>
      </SettingsContext.Provider>
    </ApiContext.Provider>
  );
}
