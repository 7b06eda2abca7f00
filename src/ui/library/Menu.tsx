import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A small disclosure menu: a button that shows its actions below it (a native `<details>`, so it
 * opens with Enter or Space and needs no script to be reachable). It closes after a choice, on
 * Escape and on a click elsewhere.
 */
export function Menu(props: { label: string; disabled?: boolean; class?: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        menu.open = false;
        menu.querySelector('summary')?.focus();
        event.stopPropagation();
      } else if (!menu.contains(event.target as Node)) {
        menu.open = false;
      }
    };
    document.addEventListener('keydown', close, true);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close, true);
      document.removeEventListener('click', close);
    };
  }, []);
  return (
    <details
      ref={ref}
      class={`menu${props.class ? ` ${props.class}` : ''}`}
      onClick={(e) => {
        if ((e.target as Element).closest('.menu__item') && ref.current) ref.current.open = false;
      }}
    >
      <summary
        class="button menu__button"
        aria-disabled={props.disabled ? 'true' : undefined}
        onClick={(e) => props.disabled && e.preventDefault()}
      >
        {props.label}
      </summary>
      <div class="menu__items">{props.children}</div>
    </details>
  );
}
