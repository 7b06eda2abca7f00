const RADIUS = 7;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** How far the article was read, as a ring beside the words that say it (so it is decoration). */
export function ProgressRing({ value }: { value: number }) {
  const share = Math.max(0, Math.min(1, value));
  return (
    <svg class="progress-ring" viewBox="0 0 18 18" width="16" height="16" aria-hidden="true" focusable="false">
      <circle class="progress-ring__track" cx="9" cy="9" r={RADIUS} />
      <circle
        class="progress-ring__done"
        cx="9"
        cy="9"
        r={RADIUS}
        stroke-dasharray={`${CIRCUMFERENCE} ${CIRCUMFERENCE}`}
        stroke-dashoffset={CIRCUMFERENCE * (1 - share)}
        transform="rotate(-90 9 9)"
      />
    </svg>
  );
}
