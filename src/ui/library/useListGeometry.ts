import { useEffect, useState } from 'preact/hooks';
import type { LibraryLayout } from '../stores/createLibraryStore';

/** Heights in rem (the CSS gives every row and card exactly these), and a card's narrowest width. */
const ROW_REM = 8.25;
const CARD_REM = 21;
const CARD_MIN_WIDTH_REM = 15;

function remPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** Lines of the virtual list: how tall, and how many cards side by side at the list's width. */
export function useListGeometry(layout: LibraryLayout, list: { current: HTMLElement | null }) {
  const measure = () => {
    const rem = remPx();
    if (layout === 'rows') return { perLine: 1, lineHeight: Math.round(ROW_REM * rem) };
    const width = list.current?.clientWidth || window.innerWidth;
    return {
      perLine: Math.max(1, Math.floor(width / (CARD_MIN_WIDTH_REM * rem))),
      lineHeight: Math.round(CARD_REM * rem),
    };
  };
  const [geometry, setGeometry] = useState(measure);
  useEffect(() => {
    const update = () =>
      setGeometry((old) => {
        const next = measure();
        return old.perLine === next.perLine && old.lineHeight === next.lineHeight ? old : next;
      });
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [layout]);
  return geometry;
}
