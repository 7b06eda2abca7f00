import { describe, expect, it, vi } from 'vitest';
import { createMockSettingsStorage } from '../../../src/ui/api/mock-surface-api';
import { createReadAloudStore } from '../../../src/ui/speech/createReadAloudStore';
import { splitSentences } from '../../../src/ui/speech/segment-text';
import { createSettingsStore } from '../../../src/ui/stores/createSettingsStore';
import { createFakeSpeech, VOICES } from './fake-speech';

const PARAGRAPHS = ['First one. First two.', 'Second one.', '', 'Fourth one. Fourth two. Fourth three.'];

async function setUp(voices = VOICES, lang = 'en-GB', stored: unknown = undefined) {
  const fake = createFakeSpeech(voices);
  const settings = createSettingsStore(createMockSettingsStorage(stored));
  await vi.waitFor(() => expect(settings.isLoaded.value).toBe(true));
  const blocks = PARAGRAPHS.map((p) => ({ sentences: splitSentences(p, lang) }));
  const store = createReadAloudStore(fake.engine, blocks, lang, settings);
  return { fake, settings, store };
}

describe('read aloud', () => {
  it('reads sentence by sentence, in order, across paragraphs, and stops at the end', async () => {
    const { fake, store } = await setUp();
    store.play();
    expect(store.status.value).toBe('playing');
    for (let i = 0; i < 6; i++) {
      expect(store.position.value).not.toBeNull();
      fake.finishCurrent();
    }
    expect(fake.texts()).toEqual([
      'First one.',
      'First two.',
      'Second one.',
      'Fourth one.',
      'Fourth two.',
      'Fourth three.',
    ]);
    expect(store.status.value).toBe('idle');
    expect(store.position.value).toBeNull();
  });

  it('says it finished only when it read to the end, not when stopped, and forgets it on playing again', async () => {
    const { fake, store } = await setUp();
    store.play();
    fake.finishCurrent();
    store.stop();
    expect(store.hasFinished.value).toBe(false);
    store.play();
    for (let i = 0; i < 6; i++) fake.finishCurrent();
    expect(store.hasFinished.value).toBe(true);
    store.play();
    expect(store.hasFinished.value).toBe(false);
  });

  it('keeps the highlighted position in step with the sentence being spoken', async () => {
    const { fake, store } = await setUp();
    store.play();
    expect(store.position.value).toEqual({ block: 0, sentence: 0 });
    fake.finishCurrent();
    expect(store.position.value).toEqual({ block: 0, sentence: 1 });
    expect(fake.current()?.text).toBe('First two.');
    fake.finishCurrent();
    expect(store.position.value).toEqual({ block: 1, sentence: 0 });
  });

  it('pauses and resumes at the start of the interrupted sentence, ignoring the cancelled one', async () => {
    const { fake, store } = await setUp();
    store.play();
    fake.finishCurrent();
    store.pause();
    expect(store.status.value).toBe('paused');
    expect(store.error.value).toBeNull();
    // A late "end" from the cancelled utterance must not move on.
    fake.spoken[1]?.events.onEnd();
    expect(store.position.value).toEqual({ block: 0, sentence: 1 });
    store.toggle();
    expect(store.status.value).toBe('playing');
    expect(fake.texts()).toEqual(['First one.', 'First two.', 'First two.']);
  });

  it('skips by paragraph, over empty ones, in both directions', async () => {
    const { fake, store } = await setUp();
    store.play();
    store.skipBlock(1);
    expect(store.position.value).toEqual({ block: 1, sentence: 0 });
    store.skipBlock(1);
    expect(store.position.value).toEqual({ block: 3, sentence: 0 });
    expect(fake.current()?.text).toBe('Fourth one.');
    store.skipBlock(1);
    expect(store.position.value).toEqual({ block: 3, sentence: 0 });
    store.skipBlock(-1);
    expect(fake.current()?.text).toBe('Second one.');
    expect(store.status.value).toBe('playing');
  });

  it('speaks with the article’s language, the best voice for it, and the saved speed', async () => {
    const { fake, store, settings } = await setUp(VOICES, 'en-GB', { speechRate: 1.5 });
    expect(store.voices.value.map((v) => v.uri)).toEqual(['en-gb-1', 'en-us-1']);
    store.play();
    expect(fake.current()).toMatchObject({ lang: 'en-GB', voiceUri: 'en-gb-1', rate: 1.5 });
    store.setVoice('en-us-1');
    await vi.waitFor(() => expect(fake.current()?.voiceUri).toBe('en-us-1'));
    expect(settings.settings.value.voices).toEqual({ en: 'en-us-1' });
    store.setRate(2);
    await vi.waitFor(() => expect(fake.current()?.rate).toBe(2));
    expect(fake.current()?.text).toBe('First one.');
  });

  it('uses the engine’s default voice when none speaks the language', async () => {
    const { fake, store } = await setUp(VOICES, 'ja');
    expect(store.voices.value).toEqual([]);
    store.play();
    expect(fake.current()).toMatchObject({ lang: 'ja', voiceUri: null });
  });

  it('is unavailable without voices, and becomes available when they arrive', async () => {
    const { fake, store } = await setUp([]);
    expect(store.status.value).toBe('unavailable');
    store.play();
    store.skipBlock(1);
    expect(fake.spoken).toEqual([]);
    fake.installVoices(VOICES);
    expect(store.status.value).toBe('idle');
  });

  it('is unavailable without a speech engine at all', async () => {
    const settings = createSettingsStore(createMockSettingsStorage());
    const store = createReadAloudStore(null, [{ sentences: splitSentences('Hi.', 'en') }], 'en', settings);
    expect(store.status.value).toBe('unavailable');
    store.play();
    expect(store.status.value).toBe('unavailable');
  });

  it('reports an engine failure and stops', async () => {
    const { fake, store } = await setUp();
    store.play();
    fake.current()?.events.onError('synthesis-failed');
    expect(store.error.value).toBe('synthesis-failed');
    expect(store.status.value).toBe('paused');
    store.stop();
    expect(store.status.value).toBe('idle');
    expect(store.position.value).toBeNull();
  });
});
