/**
 * Colours of people in a shared document (carets, avatars). Each carries white text at 4.5:1 or more, so a
 * name label stays readable whatever colour its owner gets.
 */
export const userColors = [
  '#0d5c63',
  '#1d4f8c',
  '#8f4700',
  '#a8201a',
  '#6a3d9a',
  '#1b6b38',
  '#8a2a68',
  '#4f5b00',
] as const;

/** The same colour for the same person on every screen and in every browser. */
export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return userColors[hash % userColors.length] ?? userColors[0];
}

/** One or two initials of a display name: "Sophie Lambert" gives "SL". */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((w) => w?.[0] ?? '')
    .join('')
    .toLocaleUpperCase('fr');
}
