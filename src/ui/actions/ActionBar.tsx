import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from '../components/icons';

export interface ActionButtonProps {
  icon: IconName;
  label: string;
  onClick: () => void;
  /** Shows the label next to the icon; else the label is the tooltip and accessible name. */
  isLabelShown?: boolean;
  /** A fuller name than the visible label, for screen readers and the tooltip (it must contain the label). */
  accessibleLabel?: string;
  pressed?: boolean;
  expanded?: boolean;
  controls?: string;
  disabled?: boolean;
  isBusy?: boolean;
  class?: string;
}

export function ActionButton(props: ActionButtonProps) {
  return (
    <button
      type="button"
      class={`action ${props.class ?? ''}`}
      onClick={props.onClick}
      title={props.accessibleLabel ?? props.label}
      aria-label={props.accessibleLabel ?? (props.isLabelShown ? undefined : props.label)}
      aria-pressed={props.pressed}
      aria-expanded={props.expanded}
      aria-controls={props.controls}
      disabled={props.disabled}
      aria-busy={props.isBusy}
    >
      <Icon name={props.icon} />
      {props.isLabelShown && <span class="action__label">{props.label}</span>}
    </button>
  );
}

const FOCUSABLE = 'button:not(:disabled), select, input, a[href]';

/** Arrow keys, Home and End move between a toolbar's controls, as screen-reader users expect. */
function moveFocus(event: KeyboardEvent): void {
  const bar = event.currentTarget as HTMLElement;
  const items = [...bar.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const current = items.indexOf(document.activeElement as HTMLElement);
  if (current === -1 || (event.target as HTMLElement).matches('select, input')) return;
  const isRtl = getComputedStyle(bar).direction === 'rtl';
  const step: Record<string, number> = { ArrowRight: isRtl ? -1 : 1, ArrowLeft: isRtl ? 1 : -1 };
  let next: number | null = null;
  if (event.key in step) next = (current + (step[event.key] ?? 0) + items.length) % items.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = items.length - 1;
  if (next === null) return;
  event.preventDefault();
  items[next]?.focus();
}

/** The compact toolbar of every surface: a labelled group of actions, scrollable when narrow. */
export function ActionBar({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="action-bar" role="toolbar" aria-label={label} onKeyDown={moveFocus}>
      {children}
    </div>
  );
}
