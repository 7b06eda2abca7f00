import type { Handlers } from '../../shared/messaging/messenger';
import type { ClutterPageApi } from '../../shared/messaging/protocol';
import type { PageClutter } from './page-clutter';

export function createClutterHandlers(page: PageClutter, startPicker: () => void): Handlers<ClutterPageApi> {
  return {
    'clutter.ping': () => ({ ready: true }),
    'clutter.apply': (plan) => page.apply(plan),
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
