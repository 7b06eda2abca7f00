import type { GroupSwitches as Switches, HideGroup } from '../api/clutter-api';
import { useApi } from '../stores/context';

const GROUPS: readonly HideGroup[] = ['comments', 'promos'];
const LABELS = { comments: 'hideComments', promos: 'hidePromos' } as const;

/** The "Hide comments" and "Hide promos" switches (popup, settings defaults, each site). */
export function GroupSwitches(props: {
  groups: Switches;
  /** Gives each input a name `hide-<group>` (popup) or an id prefix (settings). */
  namePrefix?: string;
  idPrefix?: string;
  disabled: boolean;
  onChange: (group: HideGroup, hidden: boolean) => void;
}) {
  const { t } = useApi();
  return (
    <>
      {GROUPS.map((group) => (
        <label key={group} class="switch">
          <input
            type="checkbox"
            role="switch"
            name={props.namePrefix ? `${props.namePrefix}${group}` : undefined}
            id={props.idPrefix ? `${props.idPrefix}-${group}` : undefined}
            checked={props.groups[group]}
            disabled={props.disabled}
            onChange={(e) => props.onChange(group, e.currentTarget.checked)}
          />
          {t(LABELS[group])}
        </label>
      ))}
    </>
  );
}
