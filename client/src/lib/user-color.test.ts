import { describe, expect, it } from 'vitest';
import { initialsOf, userColor, userColors } from './user-color';

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('user colours', () => {
  it.each(userColors)('%s carries white text at 4.5:1 or more', (color) => {
    expect((1 + 0.05) / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives one person the same colour every time', () => {
    expect(userColor('00000000-0000-4000-8000-000000000001')).toBe(
      userColor('00000000-0000-4000-8000-000000000001'),
    );
    expect(userColors).toContain(userColor('x'));
  });

  it('takes the initials of the first and last names', () => {
    expect(initialsOf('Sophie Lambert')).toBe('SL');
    expect(initialsOf('Jean-Pierre de la Fontaine')).toBe('JF');
    expect(initialsOf('élodie')).toBe('É');
  });
});
