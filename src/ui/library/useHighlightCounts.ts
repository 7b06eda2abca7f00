import { useEffect, useState } from 'preact/hooks';
import { useApi } from '../stores/context';

/** How many highlights each listed article has, asked once per list shown. */
export function useHighlightCounts(articleIds: readonly string[] | undefined): Record<string, number> {
  const api = useApi();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const key = articleIds?.join('\n') ?? '';
  useEffect(() => {
    if (!key) return;
    let isCurrent = true;
    void api.highlights.counts(key.split('\n')).then(
      (next) => isCurrent && setCounts(next),
      () => undefined,
    );
    return () => void (isCurrent = false);
  }, [api, key]);
  return counts;
}
