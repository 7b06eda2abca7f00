/** Small stroke icons drawn in currentColor, so every theme and forced colours colour them. */
const PATHS = {
  panel: 'M4 5h16v14H4zM14 5v14',
  reader: 'M5 4h10l4 4v12H5zM9 12h6M9 16h6M9 8h3',
  back: 'M15 18l-6-6 6-6',
  library: 'M5 4v16M10 4v16M15 5l4 15',
  settings: 'M4 7h10M18 7h2M4 17h4M12 17h8M16 5v4M10 15v4',
  copy: 'M8 8h11v12H8zM5 16V4h11',
  print: 'M7 9V4h10v5M7 17H4v-7h16v7h-3M7 14h10v6H7z',
  contents: 'M4 6h16M4 12h10M4 18h13',
  play: 'M7 5l12 7-12 7z',
  pause: 'M7 5h3v14H7zM14 5h3v14h-3z',
  stop: 'M6 6h12v12H6z',
  next: 'M6 5l8 7-8 7zM17 5v14',
  previous: 'M18 5l-8 7 8 7zM7 5v14',
  speaker: 'M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 010 6M18.5 6.5a8 8 0 010 11',
  keyboard: 'M3 7h18v10H3zM7 11h.01M11 11h.01M15 11h.01M8 14h8',
  archive: 'M4 5h16v4H4zM6 9v10h12V9M10 13h4',
  unarchive: 'M4 5h16v4H4zM6 9v10h12V9M12 17v-5M9.5 14.5L12 12l2.5 2.5',
  star: 'M12 4l2.5 5.1 5.5.8-4 3.9.9 5.5-4.9-2.6-4.9 2.6.9-5.5-4-3.9 5.5-.8z',
  tag: 'M4 4h7l9 9-7 7-9-9zM8 8h.01',
  trash: 'M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13',
  rows: 'M4 6h16M4 12h16M4 18h16',
  cards: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  more: 'M6 12h.01M12 12h.01M18 12h.01',
  close: 'M6 6l12 12M18 6L6 18',
  save: 'M6 4h12v16l-6-4-6 4zM12 8v5M9.5 10.5L12 13l2.5-2.5',
  saved: 'M6 4h12v16l-6-4-6 4zM9 10l2 2 4-4',
  highlight: 'M4 20h7M14.5 4.5l5 5L11 18H6v-5z',
  send: 'M4 12l16-8-6 16-3-7zM11 13l9-9',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
