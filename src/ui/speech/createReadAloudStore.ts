import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { SettingsStore } from '../stores/createSettingsStore';
import { chooseVoice, primaryLanguage, voicesFor } from './choose-voice';
import type { Sentence } from './segment-text';
import type { SpeechEngine, SpeechVoice } from './speech-engine';

export type ReadAloudStatus = 'unavailable' | 'idle' | 'playing' | 'paused';

export interface ReadAloudPosition {
  block: number;
  sentence: number;
}

export interface SpeechBlock {
  sentences: Sentence[];
}

export interface ReadAloudStore {
  blocks: SpeechBlock[];
  status: ReadonlySignal<ReadAloudStatus>;
  position: ReadonlySignal<ReadAloudPosition | null>;
  /** Voices for the article's language, best first. */
  voices: ReadonlySignal<SpeechVoice[]>;
  voice: ReadonlySignal<SpeechVoice | null>;
  rate: ReadonlySignal<number>;
  error: ReadonlySignal<string | null>;
  /** Read to the end of the article (not stopped): the reader may go on into the next one. */
  hasFinished: ReadonlySignal<boolean>;
  play(): void;
  pause(): void;
  toggle(): void;
  stop(): void;
  skipBlock(direction: 1 | -1): void;
  setRate(rate: number): void;
  setVoice(uri: string): void;
  dispose(): void;
}

/** Errors the engine reports when we cancel on purpose (pause, skip, stop). */
const EXPECTED_ERRORS = new Set(['interrupted', 'canceled']);

/**
 * Reads the article one sentence per utterance: the highlight follows the engine's own "end"
 * events (boundary events are missing or unreliable in many voices), long articles never hit
 * engines' per-utterance limits, and pausing is a cancel that resumes at the sentence start.
 */
export function createReadAloudStore(
  engine: SpeechEngine | null,
  blocks: SpeechBlock[],
  lang: string,
  settings: SettingsStore,
): ReadAloudStore {
  const allVoices = signal<SpeechVoice[]>(engine?.getVoices() ?? []);
  const stopWatching = engine?.onVoicesChanged(() => (allVoices.value = engine.getVoices())) ?? (() => {});
  const primary = primaryLanguage(lang);
  const voices = computed(() => voicesFor(allVoices.value, lang));
  const voice = computed(() => chooseVoice(allVoices.value, lang, settings.settings.value.voices[primary]));
  const rate = computed(() => settings.settings.value.speechRate);
  const playState = signal<'idle' | 'playing' | 'paused'>('idle');
  const position = signal<ReadAloudPosition | null>(null);
  const error = signal<string | null>(null);
  const hasFinished = signal(false);
  const hasText = blocks.some((b) => b.sentences.length > 0);
  const status = computed<ReadAloudStatus>(() =>
    !engine || allVoices.value.length === 0 || !hasText ? 'unavailable' : playState.value,
  );
  // Each utterance carries the token it was spoken under; events of superseded ones are ignored.
  let token = 0;

  function firstPosition(from: number): ReadAloudPosition | null {
    for (let block = Math.max(0, from); block < blocks.length; block++) {
      if (blocks[block]?.sentences.length) return { block, sentence: 0 };
    }
    return null;
  }

  function next(at: ReadAloudPosition): ReadAloudPosition | null {
    const sentences = blocks[at.block]?.sentences ?? [];
    return at.sentence + 1 < sentences.length ? { ...at, sentence: at.sentence + 1 } : firstPosition(at.block + 1);
  }

  function speakCurrent(): void {
    const at = position.value;
    const sentence = at && blocks[at.block]?.sentences[at.sentence];
    if (!engine || !at || !sentence) return;
    hasFinished.value = false;
    const mine = ++token;
    playState.value = 'playing';
    engine.speak(
      { text: sentence.text, lang, voiceUri: voice.value?.uri ?? null, rate: rate.value },
      {
        onEnd() {
          if (mine !== token) return;
          position.value = next(at);
          if (position.value) return speakCurrent();
          batch(() => {
            playState.value = 'idle';
            hasFinished.value = true;
          });
        },
        onError(reason) {
          if (mine !== token || EXPECTED_ERRORS.has(reason)) return;
          token++;
          error.value = reason;
          playState.value = 'paused';
        },
      },
    );
  }

  function interrupt(): void {
    token++;
    engine?.cancel();
  }

  const store: ReadAloudStore = {
    blocks,
    status,
    position,
    voices,
    voice,
    rate,
    error,
    hasFinished,
    play() {
      if (status.value === 'unavailable' || status.value === 'playing') return;
      error.value = null;
      position.value ??= firstPosition(0);
      speakCurrent();
    },
    pause() {
      if (playState.value !== 'playing') return;
      interrupt();
      playState.value = 'paused';
    },
    toggle: () => (playState.value === 'playing' ? store.pause() : store.play()),
    stop() {
      interrupt();
      hasFinished.value = false;
      playState.value = 'idle';
      position.value = null;
    },
    skipBlock(direction) {
      if (status.value === 'unavailable') return;
      const current = position.value?.block ?? (direction === 1 ? -1 : 0);
      let target: ReadAloudPosition | null = null;
      for (let b = current + direction; b >= 0 && b < blocks.length && !target; b += direction) {
        if (blocks[b]?.sentences.length) target = { block: b, sentence: 0 };
      }
      if (!target) return;
      const wasPlaying = playState.value === 'playing';
      interrupt();
      position.value = target;
      if (wasPlaying) speakCurrent();
      else playState.value = 'paused';
    },
    setRate(value) {
      void settings.update({ speechRate: value }).then(() => {
        if (playState.value === 'playing') {
          interrupt();
          speakCurrent();
        }
      });
    },
    setVoice(uri) {
      const chosen = { ...settings.settings.value.voices, [primary]: uri };
      void settings.update({ voices: chosen }).then(() => {
        if (playState.value === 'playing') {
          interrupt();
          speakCurrent();
        }
      });
    },
    dispose() {
      stopWatching();
      interrupt();
    },
  };
  return store;
}
