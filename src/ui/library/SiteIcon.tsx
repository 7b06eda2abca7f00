/**
 * A site's icon as it was stored at save, or its first letter when there is none. Beside the
 * site's name, so decoration for screen readers.
 */
export function SiteIcon({ icon, name, size }: { icon: string | null; name: string; size: 'small' | 'large' }) {
  if (icon) return <img class={`site-icon site-icon--${size}`} src={icon} alt="" width={16} height={16} />;
  const letter = [...name.replace(/^www\./, '')][0]?.toLocaleUpperCase() ?? '';
  return (
    <span class={`site-icon site-icon--${size} site-icon--letter`} aria-hidden="true">
      {letter}
    </span>
  );
}
