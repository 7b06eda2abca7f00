import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from '../components/icons';

export interface ActionButtonProps {
  icon: IconName;
  label: string;
  onClick: () => void;
  /** Shows the label next to the icon; else the label is the tooltip and accessible name. */
  isLabelShown?: boolean;
  pressed?: boolean;
  expanded?: boolean;
  controls?: string;
  disabled?: boolean;
  class?: string;
}

export function ActionButton(props: ActionButtonProps) {
  return (
    <button
      type="button"
      class={`action ${props.class ?? ''}`}
      onClick={props.onClick}
      title={props.label}
      aria-label={props.isLabelShown ? undefined : props.label}
      aria-pressed={props.pressed}
      aria-expanded={props.expanded}
      aria-controls={props.controls}
      disabled={props.disabled}
    >
      <Icon name={props.icon} />
      {props.isLabelShown && <span class="action__label">{props.label}</span>}
    </button>
  );
}

/** The compact toolbar of every surface: a labelled group of actions, scrollable when narrow. */
export function ActionBar({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="action-bar" role="toolbar" aria-label={label}>
      {children}
    </div>
  );
}
