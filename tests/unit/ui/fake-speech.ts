import type { SpeechEngine, SpeechVoice, Utterance, UtteranceEvents } from '../../../src/ui/speech/speech-engine';

/**
 * A speech engine that speaks nothing: it records utterances and lets the test finish or fail
 * the current one, and behaves like browsers do on cancel (the utterance reports "interrupted").
 */
export function createFakeSpeech(voices: SpeechVoice[] = []) {
  const spoken: (Utterance & { events: UtteranceEvents; isCancelled: boolean })[] = [];
  const voiceListeners = new Set<() => void>();
  let installed = voices;
  const engine: SpeechEngine = {
    getVoices: () => installed,
    onVoicesChanged(listener) {
      voiceListeners.add(listener);
      return () => voiceListeners.delete(listener);
    },
    speak(utterance, events) {
      spoken.push({ ...utterance, events, isCancelled: false });
    },
    cancel() {
      const current = spoken.at(-1);
      if (current && !current.isCancelled) {
        current.isCancelled = true;
        current.events.onError('interrupted');
      }
    },
  };
  return {
    engine,
    spoken,
    texts: () => spoken.map((u) => u.text),
    current: () => spoken.at(-1),
    finishCurrent() {
      const current = spoken.at(-1);
      if (!current) throw new Error('Nothing is being spoken');
      current.events.onEnd();
    },
    installVoices(next: SpeechVoice[]) {
      installed = next;
      for (const listener of voiceListeners) listener();
    },
  };
}

export const VOICES: SpeechVoice[] = [
  { uri: 'en-us-1', name: 'Alex (US)', lang: 'en-US', isDefault: true },
  { uri: 'en-gb-1', name: 'Daniel (UK)', lang: 'en-GB', isDefault: false },
  { uri: 'fr-1', name: 'Amélie', lang: 'fr-FR', isDefault: false },
];
