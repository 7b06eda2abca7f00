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
  // Rendering waits for the stored settings (a few milliseconds) so a sepia or dark reader never
  // flashes the default theme first.
  if (!settings.isLoaded.value) return null;
  return (
    <ApiContext.Provider value={api}>
      <SettingsContext.Provider value={settings}>
        <SpeechContext.Provider value={speech}>{children}</SpeechContext.Provider>
      </SettingsContext.Provider>
    </ApiContext.Provider>
  );
}
