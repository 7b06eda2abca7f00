import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ExtensionApi } from '../api/extension-api';
import type { SpeechEngine } from '../speech/speech-engine';
import type { SettingsStore } from './createSettingsStore';

export const ApiContext = createContext<ExtensionApi | null>(null);
export const SettingsContext = createContext<SettingsStore | null>(null);
/** The text-to-speech engine: the Web Speech API in pages, a fake in tests. */
export const SpeechContext = createContext<SpeechEngine | null>(null);

function useRequired<T>(value: T | null, what: string): T {
  if (!value) throw new Error(`${what} needs a provider above it`);
  return value;
}

export function useApi(): ExtensionApi {
  return useRequired(useContext(ApiContext), 'useApi()');
}

export function useSettings(): SettingsStore {
  return useRequired(useContext(SettingsContext), 'useSettings()');
}

export function useSpeechEngine(): SpeechEngine | null {
  return useContext(SpeechContext);
}
