// The colour is derived from the user id on both sides (the server writes it into every caret).
export { userColor, userColors } from '@affluents/contracts';

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
