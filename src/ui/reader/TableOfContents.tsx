import type { OutlineEntry } from '../article/sanitize-article';
import { useApi } from '../stores/context';

/** Shown for long articles; the current section is marked with aria-current. */
export function TableOfContents(props: {
  id: string;
  outline: OutlineEntry[];
  current: number | null;
  onJump: (id: string) => void;
}) {
  const { t } = useApi();
  const minLevel = Math.min(...props.outline.map((e) => e.level));
  return (
    <nav id={props.id} class="toc" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`} class="toc__title">
        {t('contents')}
      </h2>
      <ol class="toc__list">
        {props.outline.map((entry, index) => (
          <li key={entry.id} class={`toc__item toc__item--level-${entry.level - minLevel}`}>
            <a
              href={`#${entry.id}`}
              aria-current={props.current === index ? 'location' : undefined}
              onClick={(e) => {
                e.preventDefault();
                props.onJump(entry.id);
              }}
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
