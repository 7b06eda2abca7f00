import { useEffect, useState } from 'preact/hooks';
import type { OutlineEntry } from '../article/sanitize-article';
import { currentSection, readingProgress } from './reading-position';

/** The reading line sits a little below the sticky bar. */
const READING_LINE = 120;

/** Progress through the page and the section being read, updated at most once a frame. */
export function useScrollPosition(outline: OutlineEntry[]): { progress: number; section: number | null } {
  const [state, setState] = useState({ progress: 0, section: null as number | null });
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const root = document.documentElement;
      const tops = outline.map((e) => document.getElementById(e.id)?.getBoundingClientRect().top ?? Infinity);
      setState({
        progress: readingProgress(root.scrollTop, root.scrollHeight, root.clientHeight),
        section: currentSection(tops, READING_LINE),
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [outline]);
  return state;
}
