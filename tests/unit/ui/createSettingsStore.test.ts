import { describe, expect, it, vi } from 'vitest';
import { createMockSettingsStorage } from '../../../src/ui/api/mock-surface-api';
import { DEFAULT_SETTINGS } from '../../../src/ui/settings/reader-settings';
import { createSettingsStore } from '../../../src/ui/stores/createSettingsStore';

describe('createSettingsStore', () => {
  it('starts from the defaults, then reads what is stored (validated)', async () => {
    const store = createSettingsStore(createMockSettingsStorage({ theme: 'sepia', fontSize: 'big' }));
    expect(store.settings.value).toEqual(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(store.isLoaded.value).toBe(true));
    expect(store.settings.value).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia' });
  });

  it('saves changes and follows changes made by other surfaces', async () => {
    const storage = createMockSettingsStorage();
    const store = createSettingsStore(storage);
    await vi.waitFor(() => expect(store.isLoaded.value).toBe(true));
    await store.update({ fontSize: 24, theme: 'dark' });
    expect(storage.stored).toMatchObject({ fontSize: 24, theme: 'dark' });
    storage.changeElsewhere({ ...DEFAULT_SETTINGS, font: 'mono' });
    expect(store.settings.value.font).toBe('mono');
    store.dispose();
    storage.changeElsewhere({ ...DEFAULT_SETTINGS, font: 'sans' });
    expect(store.settings.value.font).toBe('mono');
  });

  it('keeps a change made before the stored value arrived', async () => {
    const storage = createMockSettingsStorage({ theme: 'sepia' });
    let release: () => void = () => {};
    storage.load = () => new Promise((ok) => (release = () => ok({ theme: 'sepia' })));
    const store = createSettingsStore(storage);
    await store.update({ theme: 'contrast' });
    release();
    await vi.waitFor(() => expect(store.isLoaded.value).toBe(true));
    expect(store.settings.value.theme).toBe('contrast');
  });

  it('still loads (with the defaults) when storage fails', async () => {
    const storage = createMockSettingsStorage();
    storage.load = () => Promise.reject(new Error('storage is broken'));
    const store = createSettingsStore(storage);
    await vi.waitFor(() => expect(store.isLoaded.value).toBe(true));
    expect(store.settings.value).toEqual(DEFAULT_SETTINGS);
  });

  it('shows the page with the defaults when storage never answers', async () => {
    vi.useFakeTimers();
    try {
      const storage = createMockSettingsStorage();
      storage.load = () => new Promise(() => undefined);
      const store = createSettingsStore(storage);
      expect(store.isLoaded.value).toBe(false);
      await vi.advanceTimersByTimeAsync(300);
      expect(store.isLoaded.value).toBe(true);
      expect(store.settings.value).toEqual(DEFAULT_SETTINGS);
    } finally {
      vi.useRealTimers();
    }
  });
});
