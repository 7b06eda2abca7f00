import { useEffect, useMemo } from 'preact/hooks';
import type { ClutterCounts, TabClutterState } from '../api/clutter-api';
import { failureText, type PluralKey, type Translate } from '../i18n';
import { createPageClutterStore } from '../stores/createPageClutterStore';
import { useApi } from '../stores/context';
import { GroupSwitches } from './GroupSwitches';

/** "1 comment section, 3 promos": what the page reports hidden, in the UI language. */
export function describeHidden(counts: ClutterCounts, t: Translate, language: string): string {
  const parts: string[] = [];
  const add = (count: number, key: PluralKey) => {
    if (count > 0) parts.push(t(key, count));
  };
  add(counts.comments, 'clutterComments');
  add(counts.promos, 'clutterPromos');
  const byLists = counts.lists ?? 0;
  if (byLists > 0 && counts.promos > 0) {
    parts.push(t('clutterByLists', [parts.pop() ?? '', new Intl.NumberFormat(language).format(byLists)]));
  }
  add(counts.picked, 'clutterPicked');
  if (parts.length === 0) return '';
  return t('clutterHiddenList', new Intl.ListFormat(language, { type: 'conjunction' }).format(parts));
}

function summaryOf(state: TabClutterState, t: Translate, language: string): string {
  const report = state.report;
  if (!report) return '';
  if (report.showAll) return t('clutterShownAll');
  const hidden = describeHidden(report.counts, t, language);
  const discussion = report.discussion && report.groups.comments ? ` ${t('clutterDiscussion')}` : '';
  const anyOn = report.groups.comments || report.groups.promos || state.picked.length > 0;
  if (hidden) return hidden + discussion;
  return anyOn ? t('clutterNothingFound') + discussion : '';
}

/** The popup's per-site switches for hiding comments and promos on the page itself. */
export function PageClutterControls({ tabId }: { tabId: number }) {
  const api = useApi();
  const { t } = api;
  const store = useMemo(() => createPageClutterStore(api, tabId), [api, tabId]);
  useEffect(() => void store.load(), [store]);
  const state = store.state.value;
  const failure = store.failure.value;
  if (!state) {
    // Pages the browser keeps extensions out of: the article view already says why.
    return failure && failure.code !== 'restricted' ? (
      <p class="page-clutter__error muted" role="status">
        {failureText(t, failure)}
      </p>
    ) : null;
  }
  const busy = store.isBusy.value;
  const summary = summaryOf(state, t, api.uiLanguage);
  const notice = store.notice.value;
  return (
    <section class="page-clutter" aria-label={t('clutterSection', state.host)}>
      <div class="page-clutter__row">
        <GroupSwitches
          groups={state.groups}
          namePrefix="hide-"
          disabled={busy}
          onChange={(group, hidden) => void store.setGroup(group, hidden)}
        />
        <button
          type="button"
          class="button button--small"
          name="show-everything"
          disabled={busy || !state.report || state.report.showAll}
          onClick={() => void store.showAll()}
        >
          {t('showEverything')}
        </button>
      </div>
      <div class="page-clutter__row">
        <label class="switch">
          <input
            type="checkbox"
            name="always-on"
            checked={state.alwaysOn || state.everywhere}
            disabled={busy || state.everywhere}
            onChange={(e) => void store.setAlwaysOn(e.currentTarget.checked)}
          />
          {state.everywhere ? t('alwaysHideEverywhereOn') : t('alwaysHideOnSite')}
        </label>
        <button
          type="button"
          class="button button--small"
          name="pick-element"
          disabled={busy}
          onClick={() => void store.startPicker()}
        >
          {t('pickElement')}
        </button>
      </div>
      <p class="page-clutter__summary muted" role="status">
        {notice === 'picker-started'
          ? t('pickerStarted')
          : notice === 'access-declined'
            ? t('clutterAccessDeclined')
            : failure
              ? failureText(t, failure)
              : summary}
      </p>
    </section>
  );
}
