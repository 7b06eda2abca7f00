import { signal } from '@preact/signals';
import { toApiFailure, type ApiFailure, type ExtensionApi } from '../api/extension-api';
import type { HideGroup, TabClutterState } from '../api/clutter-api';

export type ClutterNotice = 'picker-started' | 'access-declined' | null;

/** The popup's hiding controls for one tab. */
export function createPageClutterStore(api: ExtensionApi, tabId: number) {
  const state = signal<TabClutterState | null>(null);
  const failure = signal<ApiFailure | null>(null);
  const isBusy = signal(false);
  const notice = signal<ClutterNotice>(null);

  async function act(work: () => Promise<TabClutterState | null>): Promise<void> {
    isBusy.value = true;
    failure.value = null;
    try {
      const next = await work();
      if (next) state.value = next;
    } catch (error) {
      failure.value = toApiFailure(error);
    } finally {
      isBusy.value = false;
    }
  }

  return {
    state,
    failure,
    isBusy,
    notice,
    load: () => act(() => api.clutter.open(tabId)),
    setGroup: (group: HideGroup, hidden: boolean) => act(() => api.clutter.setGroup(tabId, group, hidden)),
    showAll: () => act(() => api.clutter.showAll(tabId)),
    setAlwaysOn(on: boolean) {
      const origin = state.value?.origin;
      if (!origin) return Promise.resolve();
      // Called straight from the click: the permission prompt needs its user gesture.
      const pending = api.clutter.setAlwaysOn(tabId, origin, on);
      return act(async () => {
        const { granted, state: next } = await pending;
        notice.value = granted ? null : 'access-declined';
        return next;
      });
    },
    startPicker: () =>
      act(async () => {
        await api.clutter.startPicker(tabId);
        notice.value = 'picker-started';
        // The page needs the focus (keyboard picking) and the view: a real popup gets out of the way.
        api.closePopup();
        return null;
      }),
  };
}

export type PageClutterStore = ReturnType<typeof createPageClutterStore>;
