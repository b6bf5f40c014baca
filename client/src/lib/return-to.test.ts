import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInUrl } from './return-to';

describe('safeReturnTo', () => {
  it('keeps same-site paths', () => {
    expect(safeReturnTo('/groupes/abc?x=1')).toBe('/groupes/abc?x=1');
  });

  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/connexion?suite=/'])(
    'falls back to / for %s',
    (value) => {
      expect(safeReturnTo(value)).toBe('/');
    },
  );

  it('builds a sign-in URL that comes back to the page', () => {
    expect(signInUrl('/groupes/abc')).toBe('/connexion?suite=%2Fgroupes%2Fabc');
    expect(signInUrl('/')).toBe('/connexion');
    expect(
      safeReturnTo(new URLSearchParams(signInUrl('/admin?onglet=comptes').split('?')[1]).get('suite')),
    ).toBe('/admin?onglet=comptes');
  });
});
