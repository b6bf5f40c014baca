import { slugify } from './slug';

describe('slugify', () => {
  it('keeps letters and digits, drops accents, joins words with dashes', () => {
    expect(slugify('Wallonie picarde')).toBe('wallonie-picarde');
    expect(slugify('Liège')).toBe('liege');
    expect(slugify('  Potager partagé : saison 2026 !')).toBe('potager-partage-saison-2026');
    expect(slugify('Cœur de métier, Ærø')).toBe('coeur-de-metier-aero');
    expect(slugify('Łukasz Nowak, Şahin Yılmaz, Nguyễn Thị Hoa')).toBe(
      'lukasz-nowak-sahin-yilmaz-nguyen-thi-hoa',
    );
  });

  it('is empty when nothing usable is left, and bounded without a trailing dash', () => {
    expect(slugify('« … »')).toBe('');
    expect(slugify('abc def', 4)).toBe('abc');
    expect(slugify('a'.repeat(100))).toHaveLength(80);
  });
});
