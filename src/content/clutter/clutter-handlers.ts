import type { Handlers } from '../../shared/messaging/messenger';
import type { PageClutterReport } from '../../shared/clutter-types';
import type { ClutterPageApi } from '../../shared/messaging/protocol';
import type { PageClutter } from './page-clutter';

export function createClutterHandlers(
  page: PageClutter,
  startPicker: () => void,
  /** Brings in the filter-list rules that apply to the page; resolves with the report after. */
  syncLists: () => Promise<PageClutterReport | null> = async () => page.report(),
): Handlers<ClutterPageApi> {
  return {
    'clutter.ping': () => ({ ready: true }),
    'clutter.apply': async (plan) => {
      const report = page.apply(plan);
      // The reply waits for the lists' rules, so that the popup's count includes them.
      return (await syncLists()) ?? report;
    },
    'clutter.showAll': () => page.showAll(),
    'clutter.report': () => page.report(),
    'clutter.sheetsAdded': ({ sheets }) => {
      page.noteSheets(sheets);
      return page.report();
    },
    'clutter.startPicker': () => {
      startPicker();
      return { started: true };
    },
  };
}
