const paths = {
  sheet: 'M7 3h7l5 5v13H7zM14 3v5h5M10 12h6M10 16h6',
  chat: 'M4 5h16v10H9l-5 4zM8 9h8M8 12h5',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  mail: 'M3 6h18v12H3zM3 7l9 6 9-6',
  lock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  paperclip:
    'M20 11.5l-7.6 7.6a5 5 0 0 1-7.1-7.1l8-8a3.3 3.3 0 0 1 4.7 4.7l-8 8a1.7 1.7 0 0 1-2.4-2.4l7.3-7.3',
  users:
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20c.5-3.5 3.2-5.5 6.5-5.5s6 2 6.5 5.5M16 4.5a3.2 3.2 0 0 1 0 6.3M18 14.8c2 .6 3.3 2.3 3.5 5.2',
} as const;

export type IconName = keyof typeof paths;

/** A decorative line icon; meaning is always carried by nearby text. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={['icon', className ?? ''].filter(Boolean).join(' ')}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
