/**
 * A narrow view of the Web Speech API, so the read-aloud logic can be tested against a fake
 * engine (headless browsers have no voices at all).
 */
export interface SpeechVoice {
  uri: string;
  name: string;
  lang: string;
  isDefault: boolean;
}

export interface Utterance {
  text: string;
  lang: string;
  voiceUri: string | null;
  rate: number;
}

export interface UtteranceEvents {
  onEnd(): void;
  onError(error: string): void;
}

export interface SpeechEngine {
  getVoices(): SpeechVoice[];
  /** Voices often arrive after the page loads. */
  onVoicesChanged(listener: () => void): () => void;
  speak(utterance: Utterance, events: UtteranceEvents): void;
  /** Stops speaking and drops the queue; the current utterance reports an error, which callers ignore. */
  cancel(): void;
}

export function createWebSpeechEngine(win: Window): SpeechEngine | null {
  const Utterance = (win as Window & typeof globalThis).SpeechSynthesisUtterance as
    typeof SpeechSynthesisUtterance | undefined;
  if (!Utterance || !('speechSynthesis' in win)) return null;
  // Touching speechSynthesis starts the browser's speech service: do it only once read aloud is used.
  let synthesis: SpeechSynthesis | null = null;
  const synth = () => (synthesis ??= win.speechSynthesis);
  const byUri = () =>
    new Map(
      synth()
        .getVoices()
        .map((v) => [v.voiceURI, v]),
    );
  return {
    getVoices: () =>
      synth()
        .getVoices()
        .map((v) => ({ uri: v.voiceURI, name: v.name, lang: v.lang, isDefault: v.default })),
    onVoicesChanged(listener) {
      synth().addEventListener('voiceschanged', listener);
      return () => synth().removeEventListener('voiceschanged', listener);
    },
    speak(utterance, events) {
      const u = new Utterance(utterance.text);
      u.lang = utterance.lang;
      u.rate = utterance.rate;
      const voice = utterance.voiceUri ? byUri().get(utterance.voiceUri) : undefined;
      if (voice) u.voice = voice;
      u.onend = () => events.onEnd();
      u.onerror = (e) => events.onError(e.error);
      synth().speak(u);
    },
    cancel: () => synth().cancel(),
  };
}
